-- 0001: providers, contracts, funding lines, RAG history, monitoring meetings, settings, audit.
-- Money is INTEGER pence; dates are TEXT 'YYYY-MM-DD'. Audit triggers are added by code
-- (comm_audit_install_triggers) after this file runs, from each table's columns.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  changed_by TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'note')),
  old_values TEXT CHECK (old_values IS NULL OR json_valid(old_values)),
  new_values TEXT CHECK (new_values IS NULL OR json_valid(new_values))
);
CREATE INDEX audit_log_by_row ON audit_log (table_name, row_id);

CREATE TABLE providers (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
  legal_form        TEXT NOT NULL DEFAULT 'other'
                    CHECK (legal_form IN ('charity', 'company', 'cic', 'nhs-trust', 'in-house', 'other')),
  registered_number TEXT NOT NULL DEFAULT '',
  address           TEXT NOT NULL DEFAULT '',
  contact_name      TEXT NOT NULL DEFAULT '',
  contact_email     TEXT NOT NULL DEFAULT '',
  contact_phone     TEXT NOT NULL DEFAULT '',
  sme               INTEGER NOT NULL DEFAULT 0 CHECK (sme IN (0, 1)),
  vcse              INTEGER NOT NULL DEFAULT 0 CHECK (vcse IN (0, 1))
);

CREATE TABLE inspections (
  id           INTEGER PRIMARY KEY,
  provider_id  INTEGER NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  framework    TEXT NOT NULL,
  inspected_on TEXT NOT NULL CHECK (date(inspected_on) IS inspected_on),
  grade        TEXT NOT NULL
);
CREATE INDEX inspections_by_provider ON inspections (provider_id, inspected_on);

CREATE TABLE contracts (
  id                INTEGER PRIMARY KEY,
  reference         TEXT NOT NULL CHECK (length(trim(reference)) > 0),
  title             TEXT NOT NULL,
  service_area      TEXT NOT NULL DEFAULT '',
  description       TEXT NOT NULL DEFAULT '',
  provider_id       INTEGER NOT NULL REFERENCES providers (id) ON DELETE RESTRICT,
  lead_commissioner TEXT NOT NULL DEFAULT '',
  geography         TEXT NOT NULL DEFAULT '',
  procurement_route TEXT NOT NULL DEFAULT '',
  start_date        TEXT NOT NULL CHECK (date(start_date) IS start_date),
  end_date          TEXT NOT NULL CHECK (date(end_date) IS end_date AND end_date >= start_date),
  extension_options TEXT NOT NULL DEFAULT '',
  notice_months     INTEGER NOT NULL DEFAULT 3 CHECK (notice_months BETWEEN 0 AND 60),
  review_date       TEXT CHECK (review_date IS NULL OR date(review_date) IS review_date),
  extended_to       TEXT CHECK (extended_to IS NULL OR (date(extended_to) IS extended_to AND extended_to >= end_date)),
  terminated_on     TEXT CHECK (terminated_on IS NULL OR date(terminated_on) IS terminated_on),
  procuring         INTEGER NOT NULL DEFAULT 0 CHECK (procuring IN (0, 1)),
  deleted_at        TEXT
);
-- References are unique among contracts that are not deleted, ignoring case.
CREATE UNIQUE INDEX contracts_reference ON contracts (reference COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX contracts_by_provider ON contracts (provider_id);

CREATE TABLE funding_lines (
  id          INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  stream      TEXT NOT NULL CHECK (length(trim(stream)) > 0),
  year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2099),
  amount      INTEGER NOT NULL CHECK (amount >= 0)
);
CREATE INDEX funding_lines_by_contract ON funding_lines (contract_id, year);

CREATE TABLE rag_ratings (
  id          INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  rated_on    TEXT NOT NULL CHECK (date(rated_on) IS rated_on),
  rag         TEXT NOT NULL CHECK (rag IN ('green', 'amber', 'red')),
  kpi         TEXT CHECK (kpi IS NULL OR kpi IN ('good', 'approaching-target', 'requires-improvement', 'inadequate')),
  comment     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rag_ratings_by_contract ON rag_ratings (contract_id, rated_on);

CREATE TABLE monitoring_meetings (
  id          INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  held_on     TEXT NOT NULL CHECK (date(held_on) IS held_on),
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX monitoring_meetings_by_contract ON monitoring_meetings (contract_id, held_on);
