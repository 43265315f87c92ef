-- 0003: Deep Dives (issue 5): checklist templates and their versions, Deep Dives, their area
-- judgements, evidence (attached files kept inside the workspace, or reference texts) and actions.
-- Dates are TEXT 'YYYY-MM-DD'; timestamps TEXT ISO 8601 UTC. Audit triggers are added by code
-- after the migrations run; a BLOB column is recorded in the audit trail as "<attachment: N bytes>".

-- A template is a name and a series of versions. A version never changes once written (the
-- triggers below refuse it): editing a template writes the next version.
CREATE TABLE checklist_templates (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX checklist_templates_name ON checklist_templates (name COLLATE NOCASE);

CREATE TABLE checklist_versions (
  id          INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES checklist_templates (id) ON DELETE RESTRICT,
  version     INTEGER NOT NULL CHECK (version >= 1),
  name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  created_by  TEXT NOT NULL DEFAULT '',
  UNIQUE (template_id, version)
);

-- An area of a version, in order. prompts: the questions under it, one a line.
CREATE TABLE checklist_areas (
  id         INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES checklist_versions (id) ON DELETE RESTRICT,
  position   INTEGER NOT NULL CHECK (position >= 1),
  title      TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  guidance   TEXT NOT NULL DEFAULT '',
  prompts    TEXT NOT NULL DEFAULT '',
  UNIQUE (version_id, position)
);

CREATE TRIGGER checklist_versions_frozen BEFORE UPDATE ON checklist_versions
BEGIN
  SELECT RAISE (ABORT, 'A saved version of a checklist template cannot be changed: save a new version');
END;
CREATE TRIGGER checklist_versions_kept BEFORE DELETE ON checklist_versions
BEGIN
  SELECT RAISE (ABORT, 'A saved version of a checklist template cannot be deleted');
END;
CREATE TRIGGER checklist_areas_frozen BEFORE UPDATE ON checklist_areas
BEGIN
  SELECT RAISE (ABORT, 'A saved version of a checklist template cannot be changed: save a new version');
END;
CREATE TRIGGER checklist_areas_kept BEFORE DELETE ON checklist_areas
BEGIN
  SELECT RAISE (ABORT, 'A saved version of a checklist template cannot be changed: save a new version');
END;

-- One Deep Dive per contract per financial year (year = its start year: 2026 is 2026-27).
-- Contracts are soft-deleted (undoable), and a Deep Dive stays with its archived contract; a
-- deleted contract is only removed for good with its provider, and its Deep Dives then go with it
-- (CASCADE, like its funding lines), so a Deep Dive is never orphaned.
-- template_version_id is fixed when the Deep Dive starts. revision grows with every change
-- (optimistic locking between windows).
CREATE TABLE deep_dives (
  id                  INTEGER PRIMARY KEY,
  contract_id         INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  year                INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2098),
  template_id         INTEGER NOT NULL REFERENCES checklist_templates (id) ON DELETE RESTRICT,
  template_version_id INTEGER REFERENCES checklist_versions (id) ON DELETE RESTRICT,
  scheduled_on        TEXT CHECK (scheduled_on IS NULL OR date(scheduled_on) IS scheduled_on),
  lead_reviewer       TEXT NOT NULL DEFAULT '',
  reviewers           TEXT NOT NULL DEFAULT '',
  provider_contact    TEXT NOT NULL DEFAULT '',
  started_on          TEXT CHECK (started_on IS NULL OR date(started_on) IS started_on),
  grade               TEXT CHECK (grade IS NULL OR grade IN ('outstanding', 'good', 'requires-improvement', 'inadequate')),
  lessons             TEXT NOT NULL DEFAULT '',
  variation           TEXT NOT NULL DEFAULT '',
  variation_agreed    INTEGER NOT NULL DEFAULT 0 CHECK (variation_agreed IN (0, 1)),
  signed_off_by       TEXT,
  signed_off_on       TEXT CHECK (signed_off_on IS NULL OR date(signed_off_on) IS signed_off_on),
  reopened_on         TEXT CHECK (reopened_on IS NULL OR date(reopened_on) IS reopened_on),
  reopened_by         TEXT NOT NULL DEFAULT '',
  reopen_reason       TEXT NOT NULL DEFAULT '',
  revision            INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  CHECK ((started_on IS NULL) = (template_version_id IS NULL)),
  CHECK ((signed_off_on IS NULL) = (signed_off_by IS NULL)),
  CHECK (signed_off_on IS NULL OR (started_on IS NOT NULL AND grade IS NOT NULL
                                   AND length(trim(signed_off_by)) > 0 AND signed_off_on >= started_on))
);
CREATE UNIQUE INDEX deep_dives_by_contract ON deep_dives (contract_id, year);
CREATE INDEX deep_dives_by_year ON deep_dives (year, contract_id);

-- A signed-off Deep Dive is read-only: only signing off, reopening (which clears the sign-off)
-- and ticking actions done are let through. The core checks first, with a clearer message.
CREATE TRIGGER deep_dives_signed_off BEFORE UPDATE ON deep_dives
  WHEN OLD.signed_off_on IS NOT NULL AND NEW.signed_off_on IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'This Deep Dive is signed off: reopen it to change it');
END;

CREATE TABLE deep_dive_areas (
  id                INTEGER PRIMARY KEY,
  deep_dive_id      INTEGER NOT NULL REFERENCES deep_dives (id) ON DELETE CASCADE,
  checklist_area_id INTEGER NOT NULL REFERENCES checklist_areas (id) ON DELETE RESTRICT,
  position          INTEGER NOT NULL CHECK (position >= 1),
  judgement         TEXT CHECK (judgement IS NULL OR judgement IN ('met', 'partly-met', 'not-met', 'not-assessed')),
  notes             TEXT NOT NULL DEFAULT '',
  revision          INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  UNIQUE (deep_dive_id, position)
);

CREATE TRIGGER deep_dive_areas_signed_off BEFORE UPDATE ON deep_dive_areas
  WHEN (SELECT signed_off_on FROM deep_dives WHERE id = OLD.deep_dive_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'This Deep Dive is signed off: reopen it to change it');
END;

-- Evidence: a file kept inside the workspace (its bytes in deep_dive_evidence_content, so that
-- listing evidence never reads them) or a reference text.
CREATE TABLE deep_dive_evidence (
  id           INTEGER PRIMARY KEY,
  area_id      INTEGER NOT NULL REFERENCES deep_dive_areas (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('file', 'reference')),
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  reference    TEXT NOT NULL DEFAULT '',
  size         INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),
  sha256       TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL DEFAULT '',
  added_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  added_by     TEXT NOT NULL DEFAULT '',
  CHECK (kind = 'reference' OR length(sha256) = 64),
  CHECK (kind = 'file' OR (size = 0 AND sha256 = ''))
);
CREATE INDEX deep_dive_evidence_by_area ON deep_dive_evidence (area_id);

CREATE TABLE deep_dive_evidence_content (
  evidence_id INTEGER PRIMARY KEY REFERENCES deep_dive_evidence (id) ON DELETE CASCADE,
  content     BLOB NOT NULL
);

CREATE TABLE deep_dive_actions (
  id          INTEGER PRIMARY KEY,
  area_id     INTEGER NOT NULL REFERENCES deep_dive_areas (id) ON DELETE CASCADE,
  description TEXT NOT NULL CHECK (length(trim(description)) > 0),
  owner       TEXT NOT NULL DEFAULT '',
  due_on      TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
  done_on     TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
  revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)
);
CREATE INDEX deep_dive_actions_by_area ON deep_dive_actions (area_id);
CREATE INDEX deep_dive_actions_outstanding ON deep_dive_actions (due_on) WHERE done_on IS NULL;

-- The standard nine-area checklist (DOMAIN.md), version 1.
INSERT INTO checklist_templates (id, name) VALUES (1, 'Standard Deep Dive checklist');
INSERT INTO checklist_versions (id, template_id, version, name, created_by)
  VALUES (1, 1, 1, 'Standard Deep Dive checklist', 'Commissioner');
INSERT INTO checklist_areas (version_id, position, title, guidance, prompts) VALUES
  (1, 1, 'Quality of the direct work with children and families',
   'Look at case records, observe practice where you can, and hear from families. Judge whether the work is purposeful, timely and makes a difference.',
   'Is the work with each child and family purposeful and timely?
Do case records show what was done, why, and what changed?
How does the provider know its work is good enough?'),
  (1, 2, 'The provider understands the commissioner''s expectations and the outcomes required',
   'Check that the provider can describe the service specification and the outcomes framework in its own words, and that staff know them too.',
   'Can managers and front-line staff describe the outcomes the service must achieve?
Are targets and performance indicators understood and reported as agreed?'),
  (1, 3, 'Agreement on funding and payment arrangements',
   'Compare the contract value, funding lines and payment schedule with what has been invoiced and paid.',
   'Are invoices in line with the contract and the payment schedule?
Is any under- or over-spend understood and agreed?
Are match funding or other income sources declared?'),
  (1, 4, 'Service requirements are being met, and any shortfall is recorded',
   'Go through the service specification requirement by requirement. Where something is not delivered, check that the shortfall was recorded and raised.',
   'Which requirements of the specification are not fully met?
Was each shortfall recorded, reported and acted on?
Are staffing levels, opening hours and coverage as agreed?'),
  (1, 5, 'The voice of the child and family is heard and acted on',
   'Look for how children, young people and families give their views, and for examples of the service changing because of them.',
   'How are the views of children and families gathered?
Give an example of something that changed because of what they said.
Are complaints and compliments recorded and answered?'),
  (1, 6, 'Quality of planning and review of the work',
   'Sample plans and reviews: are they specific, outcome-focused, reviewed on time and shared with the family?',
   'Do plans have clear, measurable goals?
Are reviews held on time and do they change the plan when needed?
Are cases closed with an outcome recorded?'),
  (1, 7, 'Multi-agency working, and supervision of staff',
   'Check information sharing, attendance at multi-agency meetings and safeguarding referrals, and the frequency and quality of staff supervision.',
   'Does the provider take part in multi-agency meetings and share information appropriately?
Are safeguarding concerns referred promptly?
Do staff receive regular, recorded supervision?'),
  (1, 8, 'Management oversight',
   'Look for evidence that managers know what is happening in the service and act on it: audits, performance reports, risk registers, board reports.',
   'How do managers check the quality of the work?
Are case audits carried out and acted on?
Does the board or trustees receive performance reports?'),
  (1, 9, 'Lessons learnt, and any contract variation needed',
   'Agree what has been learnt from the year and whether the contract needs to change. Record any variation agreed in the conclusion.',
   'What has worked well and should continue?
What should change next year?
Is a contract variation needed, and has it been agreed?');
