-- 0003: Deep Dives (issue 5): checklist templates and their versions, Deep Dives, area
-- judgements, evidence and actions. Being written; until then this migration creates nothing.
SELECT 1;
