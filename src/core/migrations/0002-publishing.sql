-- 0002: what publishing needs (Local Government Transparency Code 2015 contracts data, OCDS 1.1).
-- Money is INTEGER pence. Audit triggers are dropped before and installed again after the
-- migrations run (comm-migrations.c), so the new columns are audited like the others.

-- VAT on the contract that the authority cannot recover (the Code's "Value Added Tax that
-- cannot be recovered"), in pence; 0 when there is none or it is all recoverable.
ALTER TABLE contracts ADD COLUMN irrecoverable_vat INTEGER NOT NULL DEFAULT 0
  CHECK (irrecoverable_vat >= 0);

-- The authority department responsible for the contract, when it is not the workspace's
-- default department (the "department" setting); '' = use the default.
ALTER TABLE contracts ADD COLUMN department TEXT NOT NULL DEFAULT '';
