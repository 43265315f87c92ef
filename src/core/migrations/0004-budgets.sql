-- 0004: Budgets and annual planning (issue 6): budgets, lines, scenarios, commissioning plans.
-- Money is INTEGER pence; percentages INTEGER thousandths of a percent (12.345% = 12345), so
-- nothing is ever a float. Audit triggers are added by code for every table here.

-- Budgets (helper budget-core: comm-budget.h, comm-budget-store.h, comm-budget-contracts.h)

CREATE TABLE programmes (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  description TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX programmes_name ON programmes (name COLLATE NOCASE);

-- A base budget (scenario NULL) or a named scenario of one programme and financial year
-- (by its start year: 2026 = 2026-27). based_on: the budget it was copied or rolled from.
-- published_total: an imported plan's own total, kept beside the sum of its lines.
CREATE TABLE budgets (
  id              INTEGER PRIMARY KEY,
  programme_id    INTEGER NOT NULL REFERENCES programmes (id) ON DELETE RESTRICT,
  year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2098),
  scenario        TEXT CHECK (scenario IS NULL OR length(trim(scenario)) > 0),
  based_on        INTEGER REFERENCES budgets (id) ON DELETE SET NULL,
  remainder_name  TEXT CHECK (remainder_name IS NULL OR length(trim(remainder_name)) > 0),
  published_total INTEGER,
  notes           TEXT NOT NULL DEFAULT '',
  deleted_at      TEXT,
  deleted_with    INTEGER  -- a scenario deleted together with its base budget: that budget's id
);
-- One base budget per programme and year, and scenario names unique within it (ignoring case),
-- among budgets that are not deleted.
CREATE UNIQUE INDEX budgets_base ON budgets (programme_id, year)
  WHERE scenario IS NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX budgets_scenario ON budgets (programme_id, year, scenario COLLATE NOCASE)
  WHERE scenario IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX budgets_by_based_on ON budgets (based_on);

-- A line: income / commitment / fixed (amount in pence) or percent (thousandths), in position
-- order. A commitment may be linked to a contract (contracts are soft-deleted, so the link stays
-- valid): source says where its figure came from, contract_start / contract_end the contract's
-- dates when it was taken, flags why it needs a look (1 deleted, 2 dates changed, 4 not in year).
-- published: an imported plan's own figure for the line, never overwritten by the computed one.
CREATE TABLE budget_lines (
  id             INTEGER PRIMARY KEY,
  budget_id      INTEGER NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL DEFAULT 0,
  kind           TEXT NOT NULL CHECK (kind IN ('income', 'commitment', 'fixed', 'percent')),
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  amount         INTEGER NOT NULL DEFAULT 0,
  thousandths    INTEGER NOT NULL DEFAULT 0,
  published      INTEGER,
  contract_id    INTEGER REFERENCES contracts (id) ON DELETE SET NULL,
  source         TEXT NOT NULL DEFAULT 'manual'
                 CHECK (source IN ('manual', 'funding-lines', 'apportioned')),
  contract_start TEXT NOT NULL DEFAULT '',
  contract_end   TEXT NOT NULL DEFAULT '',
  flags          INTEGER NOT NULL DEFAULT 0 CHECK (flags BETWEEN 0 AND 7),
  note           TEXT NOT NULL DEFAULT '',
  CHECK (kind = 'percent' OR thousandths = 0),
  CHECK (kind = 'commitment' OR contract_id IS NULL)
);
CREATE INDEX budget_lines_by_budget ON budget_lines (budget_id, position);
CREATE INDEX budget_lines_by_contract ON budget_lines (contract_id);

-- The contracts that spend an allocation line (fixed or percent).
CREATE TABLE budget_line_contracts (
  id          INTEGER PRIMARY KEY,
  line_id     INTEGER NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  UNIQUE (line_id, contract_id)
);
CREATE INDEX budget_line_contracts_by_contract ON budget_line_contracts (contract_id);

-- Commissioning plans (helper "plan": comm-plan.h, comm-plan-store.c)
-- Intentions per financial year, their milestones, dated progress updates, links to budget lines
-- and to the contracts they create or end, and demand figures kept beside the plan.
CREATE TABLE plan_intentions (
  id       INTEGER PRIMARY KEY,
  year     INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  title    TEXT NOT NULL CHECK (length(trim(title)) > 0),
  area     TEXT NOT NULL DEFAULT '',
  outcomes TEXT NOT NULL DEFAULT '',
  lead     TEXT NOT NULL DEFAULT '',
  status   TEXT NOT NULL DEFAULT 'not-started'
           CHECK (status IN ('not-started', 'on-track', 'at-risk', 'delayed', 'complete'))
);
CREATE INDEX plan_intentions_by_year ON plan_intentions (year);

CREATE TABLE plan_milestones (
  id           INTEGER PRIMARY KEY,
  intention_id INTEGER NOT NULL REFERENCES plan_intentions (id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  target_date  TEXT NOT NULL CHECK (date(target_date) IS target_date),
  done_date    TEXT CHECK (done_date IS NULL OR date(done_date) IS done_date)
);
CREATE INDEX plan_milestones_by_intention ON plan_milestones (intention_id, target_date);
CREATE INDEX plan_milestones_by_target ON plan_milestones (target_date);

CREATE TABLE plan_updates (
  id           INTEGER PRIMARY KEY,
  intention_id INTEGER NOT NULL REFERENCES plan_intentions (id) ON DELETE CASCADE,
  updated_on   TEXT NOT NULL CHECK (date(updated_on) IS updated_on),
  author       TEXT NOT NULL DEFAULT '',
  body         TEXT NOT NULL CHECK (length(trim(body)) > 0)
);
CREATE INDEX plan_updates_by_intention ON plan_updates (intention_id, updated_on);

-- Contracts are soft-deleted, so a link to one stays valid; the plan shows it as deleted.
CREATE TABLE plan_contract_links (
  id           INTEGER PRIMARY KEY,
  intention_id INTEGER NOT NULL REFERENCES plan_intentions (id) ON DELETE CASCADE,
  contract_id  INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  role         TEXT NOT NULL CHECK (role IN ('creates', 'ends'))
);
CREATE INDEX plan_contract_links_by_intention ON plan_contract_links (intention_id);
CREATE INDEX plan_contract_links_by_contract ON plan_contract_links (contract_id);

-- A budget line by id when it is in this workspace (NULL when the plan only names it).
CREATE TABLE plan_budget_links (
  id             INTEGER PRIMARY KEY,
  intention_id   INTEGER NOT NULL REFERENCES plan_intentions (id) ON DELETE CASCADE,
  budget_line_id INTEGER REFERENCES budget_lines (id) ON DELETE SET NULL,
  label          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_budget_links_by_intention ON plan_budget_links (intention_id);
CREATE INDEX plan_budget_links_by_line ON plan_budget_links (budget_line_id);

CREATE TABLE demand_figures (
  id       INTEGER PRIMARY KEY,
  measure  TEXT NOT NULL CHECK (length(trim(measure)) > 0),
  year     INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  value    INTEGER NOT NULL,
  unit     TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (measure, year)
);
