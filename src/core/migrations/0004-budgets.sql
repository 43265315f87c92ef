-- 0004: Budgets and annual planning (issue 6): budgets, lines, scenarios, commissioning plans.
-- Being written; until then this migration creates nothing.
SELECT 1;
