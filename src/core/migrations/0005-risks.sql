-- 0005: Risk registers (issue 7): registers, risks, reviews, contract banding.
-- Being written; until then this migration creates nothing.
SELECT 1;
