-- 0005: Risk registers (issue 7): registers, risks, reviews, contract banding.
-- Dates are TEXT 'YYYY-MM-DD'. A rating is stored as two integers, its low and high end
-- (comm-risk-scale.h): on a 5 x 5 register both are the number 1-5; on a Low / Medium / High
-- register they are 1 (L), 2 (M) or 3 (H) with low <= high, so "M/H" is (2, 3). Which scale a
-- register's risks use is the register's "scale"; reviews keep the scale they were made on.
-- Contracts are soft-deleted, so their registers and risks stay; if a deleted contract is later
-- purged, the link is cleared (ON DELETE SET NULL) and the register and risks are kept.

CREATE TABLE risk_registers (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind            TEXT NOT NULL CHECK (kind IN ('programme', 'procurement', 'contract')),
  programme       TEXT NOT NULL DEFAULT '',
  contract_id     INTEGER REFERENCES contracts (id) ON DELETE SET NULL,
  parent_id       INTEGER REFERENCES risk_registers (id) ON DELETE SET NULL,
  scale           TEXT NOT NULL CHECK (scale IN ('5x5', 'lmh')),
  band_low_max    INTEGER NOT NULL DEFAULT 4,
  band_medium_max INTEGER NOT NULL DEFAULT 9,
  band_high_max   INTEGER NOT NULL DEFAULT 14,
  owner           TEXT NOT NULL DEFAULT '',
  description     TEXT NOT NULL DEFAULT '',
  CHECK (band_low_max >= 1 AND band_low_max < band_medium_max
         AND band_medium_max < band_high_max AND band_high_max < 25),
  CHECK (kind = 'contract' OR contract_id IS NULL),
  CHECK (kind <> 'programme' OR parent_id IS NULL)
);
CREATE UNIQUE INDEX risk_registers_name ON risk_registers (name COLLATE NOCASE);
CREATE INDEX risk_registers_by_parent ON risk_registers (parent_id);
CREATE INDEX risk_registers_by_contract ON risk_registers (contract_id);

CREATE TABLE risks (
  id                       INTEGER PRIMARY KEY,
  register_id              INTEGER NOT NULL REFERENCES risk_registers (id) ON DELETE RESTRICT,
  reference                TEXT NOT NULL CHECK (length(trim(reference)) > 0),
  title                    TEXT NOT NULL CHECK (length(trim(title)) > 0),
  cause                    TEXT NOT NULL DEFAULT '',
  consequence              TEXT NOT NULL DEFAULT '',
  owner                    TEXT NOT NULL DEFAULT '',
  category                 TEXT NOT NULL DEFAULT '',
  inherent_likelihood_low  INTEGER NOT NULL CHECK (inherent_likelihood_low BETWEEN 1 AND 5),
  inherent_likelihood_high INTEGER NOT NULL
                           CHECK (inherent_likelihood_high BETWEEN inherent_likelihood_low AND 5),
  inherent_impact_low      INTEGER NOT NULL CHECK (inherent_impact_low BETWEEN 1 AND 5),
  inherent_impact_high     INTEGER NOT NULL
                           CHECK (inherent_impact_high BETWEEN inherent_impact_low AND 5),
  controls                 TEXT NOT NULL DEFAULT '',
  response                 TEXT NOT NULL DEFAULT 'treat'
                           CHECK (response IN ('tolerate', 'treat', 'transfer', 'terminate')),
  residual_likelihood_low  INTEGER CHECK (residual_likelihood_low BETWEEN 1 AND 5),
  residual_likelihood_high INTEGER
                           CHECK (residual_likelihood_high BETWEEN residual_likelihood_low AND 5),
  residual_impact_low      INTEGER CHECK (residual_impact_low BETWEEN 1 AND 5),
  residual_impact_high     INTEGER CHECK (residual_impact_high BETWEEN residual_impact_low AND 5),
  target_likelihood_low    INTEGER CHECK (target_likelihood_low BETWEEN 1 AND 5),
  target_likelihood_high   INTEGER
                           CHECK (target_likelihood_high BETWEEN target_likelihood_low AND 5),
  target_impact_low        INTEGER CHECK (target_impact_low BETWEEN 1 AND 5),
  target_impact_high       INTEGER CHECK (target_impact_high BETWEEN target_impact_low AND 5),
  raised_on                TEXT NOT NULL CHECK (date(raised_on) IS raised_on),
  review_due               TEXT CHECK (review_due IS NULL OR
                                       (date(review_due) IS review_due AND review_due >= raised_on)),
  review_months            INTEGER NOT NULL DEFAULT 0 CHECK (review_months BETWEEN 0 AND 24),
  status                   TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  contract_id              INTEGER REFERENCES contracts (id) ON DELETE SET NULL,
  -- The current (residual, else inherent) severity 1-25, comparable across scales
  -- (comm-risk.h), kept with the ratings so "top risks" is one indexed query.
  severity                 INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 25),
  deleted_at               TEXT,
  -- A residual (or target) rating is both likelihood and impact, or neither.
  CHECK ((residual_likelihood_low IS NULL) = (residual_likelihood_high IS NULL)
         AND (residual_impact_low IS NULL) = (residual_impact_high IS NULL)
         AND (residual_likelihood_low IS NULL) = (residual_impact_low IS NULL)),
  CHECK ((target_likelihood_low IS NULL) = (target_likelihood_high IS NULL)
         AND (target_impact_low IS NULL) = (target_impact_high IS NULL)
         AND (target_likelihood_low IS NULL) = (target_impact_low IS NULL))
);
-- References are unique in a register among risks that are not deleted, ignoring case.
CREATE UNIQUE INDEX risks_reference ON risks (register_id, reference COLLATE NOCASE)
  WHERE deleted_at IS NULL;
CREATE INDEX risks_by_register ON risks (register_id);
CREATE INDEX risks_by_severity ON risks (severity DESC) WHERE deleted_at IS NULL AND status = 'open';
CREATE INDEX risks_by_contract ON risks (contract_id);

-- A risk's ratings must be on its register's scale: L/M/H ends are 1-3; 5 x 5 ratings are single
-- numbers (low = high). (The store checks this first, with a clearer message.)
CREATE TRIGGER risks_on_scale_insert BEFORE INSERT ON risks
WHEN CASE (SELECT scale FROM risk_registers WHERE id = NEW.register_id)
  WHEN 'lmh' THEN max (NEW.inherent_likelihood_high, NEW.inherent_impact_high,
                       coalesce (NEW.residual_likelihood_high, 1), coalesce (NEW.residual_impact_high, 1),
                       coalesce (NEW.target_likelihood_high, 1), coalesce (NEW.target_impact_high, 1)) > 3
  ELSE NEW.inherent_likelihood_low <> NEW.inherent_likelihood_high
       OR NEW.inherent_impact_low <> NEW.inherent_impact_high
       OR coalesce (NEW.residual_likelihood_low <> NEW.residual_likelihood_high, 0)
       OR coalesce (NEW.residual_impact_low <> NEW.residual_impact_high, 0)
       OR coalesce (NEW.target_likelihood_low <> NEW.target_likelihood_high, 0)
       OR coalesce (NEW.target_impact_low <> NEW.target_impact_high, 0)
  END
BEGIN
  SELECT RAISE (ABORT, 'A rating of the risk is not on its register''s scale');
END;
CREATE TRIGGER risks_on_scale_update BEFORE UPDATE ON risks
WHEN CASE (SELECT scale FROM risk_registers WHERE id = NEW.register_id)
  WHEN 'lmh' THEN max (NEW.inherent_likelihood_high, NEW.inherent_impact_high,
                       coalesce (NEW.residual_likelihood_high, 1), coalesce (NEW.residual_impact_high, 1),
                       coalesce (NEW.target_likelihood_high, 1), coalesce (NEW.target_impact_high, 1)) > 3
  ELSE NEW.inherent_likelihood_low <> NEW.inherent_likelihood_high
       OR NEW.inherent_impact_low <> NEW.inherent_impact_high
       OR coalesce (NEW.residual_likelihood_low <> NEW.residual_likelihood_high, 0)
       OR coalesce (NEW.residual_impact_low <> NEW.residual_impact_high, 0)
       OR coalesce (NEW.target_likelihood_low <> NEW.target_likelihood_high, 0)
       OR coalesce (NEW.target_impact_low <> NEW.target_impact_high, 0)
  END
BEGIN
  SELECT RAISE (ABORT, 'A rating of the risk is not on its register''s scale');
END;

CREATE TABLE risk_reviews (
  id              INTEGER PRIMARY KEY,
  risk_id         INTEGER NOT NULL REFERENCES risks (id) ON DELETE CASCADE,
  reviewed_on     TEXT NOT NULL CHECK (date(reviewed_on) IS reviewed_on),
  reviewer        TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  scale           TEXT NOT NULL CHECK (scale IN ('5x5', 'lmh')),
  likelihood_low  INTEGER NOT NULL CHECK (likelihood_low BETWEEN 1 AND 5),
  likelihood_high INTEGER NOT NULL CHECK (likelihood_high BETWEEN likelihood_low AND 5),
  impact_low      INTEGER NOT NULL CHECK (impact_low BETWEEN 1 AND 5),
  impact_high     INTEGER NOT NULL CHECK (impact_high BETWEEN impact_low AND 5),
  note            TEXT NOT NULL DEFAULT '',
  next_review     TEXT CHECK (next_review IS NULL OR
                              (date(next_review) IS next_review AND next_review > reviewed_on)),
  -- The ratings are on the scale the review was made on.
  CHECK (CASE scale WHEN 'lmh' THEN likelihood_high <= 3 AND impact_high <= 3
                    ELSE likelihood_low = likelihood_high AND impact_low = impact_high END)
);
CREATE INDEX risk_reviews_by_risk ON risk_reviews (risk_id, reviewed_on);

-- Reviews are a history: never changed once written.
CREATE TRIGGER risk_reviews_kept BEFORE UPDATE ON risk_reviews
BEGIN
  SELECT RAISE (ABORT, 'A risk review is kept as it was recorded and cannot be changed');
END;

CREATE TABLE contract_bandings (
  id               INTEGER PRIMARY KEY,
  contract_id      INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  risk_banding     INTEGER NOT NULL CHECK (risk_banding BETWEEN 0 AND 3),
  equality_banding INTEGER NOT NULL CHECK (equality_banding BETWEEN 1 AND 3),
  banded_on        TEXT NOT NULL CHECK (date(banded_on) IS banded_on),
  reason           TEXT NOT NULL CHECK (length(trim(reason)) > 0)
);
CREATE INDEX contract_bandings_by_contract ON contract_bandings (contract_id, banded_on, id);
