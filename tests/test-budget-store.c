/* test-budget-store.c: budgets in a workspace - saving and loading, scenarios (independent
 * copies), soft delete, commitments from contracts kept in step with the register, allocations
 * to contracts, roll-forward, the Plymouth plan as a fixture, and the comparisons */
#include "config.h"

#include <string.h>

#include "comm-test-core.h"

typedef struct {
  CommDatabase *db;
} Fixture;

/* Three contracts: C-1 all year with funding lines, C-2 part-year without a 2026 line, C-3
 * ending before 2026-27. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = comm_test_temp_workspace ();
  comm_test_exec_sql (fixture->db,
    "INSERT INTO providers (id, name) VALUES (1, 'Family Action'), (2, 'Barnardo''s');"
    "INSERT INTO contracts (id, reference, title, provider_id, service_area, start_date, end_date) VALUES"
    " (1, 'C-1', 'Family Support', 1, 'Family Support', '2025-04-01', '2028-03-31'),"
    " (2, 'C-2', 'Young Carers', 2, 'Young Carers', '2026-10-01', '2029-03-31'),"
    " (3, 'C-3', 'Old Service', 2, 'Youth', '2023-04-01', '2026-03-31');"
    "INSERT INTO funding_lines (contract_id, stream, year, amount) VALUES"
    " (1, 'CF', 2025, 10000000), (1, 'CF', 2026, 12000000), (1, 'PH', 2026, 500000),"
    " (2, 'CF', 2025, 3650000), (3, 'WNF', 2025, 100000)");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fixture->db = NULL;  /* the test's own queue unrefs it */
}

static CommBudgetLine *
add (CommBudget         *budget,
     CommBudgetLineKind  kind,
     const char         *name,
     gint64              value)
{
  return comm_budget_add_line (budget, comm_budget_line_new (kind, name, value));
}

static CommBudget *
sample_budget (void)
{
  CommBudget *budget = comm_budget_new ("Early Help and Prevention", 2026);
  CommBudgetLine *line;
  gint64 contract = 1;

  add (budget, COMM_BUDGET_LINE_INCOME, "Early Intervention Grant", 100000000);
  add (budget, COMM_BUDGET_LINE_COMMITMENT, "Pre-agreed", 5000000);
  add (budget, COMM_BUDGET_LINE_FIXED, "Young carers", 1000000);
  line = add (budget, COMM_BUDGET_LINE_PERCENT, "Family support", 60000);
  g_array_append_val (line->contract_ids, contract);
  add (budget, COMM_BUDGET_LINE_PERCENT, "Adolescents", 40000);
  return budget;
}

static CommBudget *
saved_budget (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CommBudget *budget = sample_budget ();

  g_assert_true (comm_budget_store_save (fixture->db, budget, &error));
  g_assert_no_error (error);
  return budget;
}

static CommBudgetLine *
line_at (CommBudget *budget,
         guint       i)
{
  g_assert_cmpuint (i, <, budget->lines->len);
  return g_ptr_array_index (budget->lines, i);
}

static void
test_save_load (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CommBudget) budget = saved_budget (fixture);
  g_autoptr(CommBudget) loaded = NULL;
  g_autoptr(CommBudget) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit, first_line;

  g_assert_cmpint (budget->id, >, 0);
  g_assert_cmpint (budget->programme_id, >, 0);
  first_line = line_at (budget, 0)->id;
  g_assert_cmpint (first_line, >, 0);

  loaded = comm_budget_store_load (fixture->db, budget->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->programme_name, ==, "Early Help and Prevention");
  g_assert_cmpint (loaded->year, ==, 2026);
  g_assert_null (loaded->scenario);
  g_assert_cmpuint (loaded->lines->len, ==, 5);
  g_assert_cmpint (line_at (loaded, 3)->kind, ==, COMM_BUDGET_LINE_PERCENT);
  g_assert_cmpint (line_at (loaded, 3)->thousandths, ==, 60000);
  g_assert_cmpuint (line_at (loaded, 3)->contract_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (line_at (loaded, 3)->contract_ids, gint64, 0), ==, 1);

  /* saving again without a change writes nothing (the audit log stays as it is) */
  audit = comm_test_query_int (fixture->db, "SELECT count (*) FROM audit_log");
  g_assert_true (comm_budget_store_save (fixture->db, loaded, &error));
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM audit_log"), ==, audit);

  /* reorder, edit one line, drop one, add one: ids kept where the line was kept */
  g_ptr_array_insert (loaded->lines, 0, g_ptr_array_steal_index (loaded->lines, 4));  /* Adolescents first */
  line_at (loaded, 1)->amount = 120000000;
  g_ptr_array_remove_index (loaded->lines, 2);
  add (loaded, COMM_BUDGET_LINE_FIXED, "Community chest", 250);
  g_assert_true (comm_budget_store_save (fixture->db, loaded, &error));
  g_assert_no_error (error);
  again = comm_budget_store_load (fixture->db, budget->id, &error);
  g_assert_cmpuint (again->lines->len, ==, 5);
  g_assert_cmpstr (line_at (again, 0)->name, ==, "Adolescents");
  g_assert_cmpint (line_at (again, 1)->id, ==, first_line);
  g_assert_cmpint (line_at (again, 1)->amount, ==, 120000000);
  g_assert_cmpstr (line_at (again, 4)->name, ==, "Community chest");
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM budget_lines"), ==, 5);
}

static void
test_unique_and_find (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CommBudget) budget = saved_budget (fixture);
  g_autoptr(CommBudget) second = sample_budget ();
  g_autoptr(GError) error = NULL;
  gint64 id = 0, scenario = 0;

  /* a second base budget for the same programme (any case) and year is refused */
  g_free (second->programme_name);
  second->programme_name = g_strdup ("early help and PREVENTION ");
  g_assert_false (comm_budget_store_save (fixture->db, second, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already has a budget for 2026-27"));
  g_assert_cmpint (second->id, ==, 0);
  g_clear_error (&error);

  /* a scenario is fine, once per name */
  second->scenario = g_strdup ("10% cut");
  g_assert_true (comm_budget_store_save (fixture->db, second, &error));
  g_assert_cmpint (second->programme_id, ==, budget->programme_id);
  scenario = second->id;
  g_assert_false (comm_budget_store_copy_scenario (fixture->db, budget->id, "10% CUT", NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comm_budget_store_copy_scenario (fixture->db, budget->id, "  ", NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (comm_budget_store_find (fixture->db, "EARLY help and prevention", 2026, NULL, &id, &error));
  g_assert_cmpint (id, ==, budget->id);
  g_assert_true (comm_budget_store_find (fixture->db, "Early Help and Prevention", 2026, "10% cut", &id, &error));
  g_assert_cmpint (id, ==, scenario);
  g_assert_false (comm_budget_store_find (fixture->db, "Early Help and Prevention", 2026, "Grant ends", &id, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“10% cut”"));
  g_clear_error (&error);
  g_assert_false (comm_budget_store_find (fixture->db, "Youth", 2026, NULL, &id, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Early Help and Prevention”"));
  g_clear_error (&error);
  g_assert_false (comm_budget_store_find (fixture->db, "Early Help and Prevention", 2027, NULL, &id, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a year out of range, a line without a name */
  second->year = 1999;
  g_assert_false (comm_budget_store_save (fixture->db, second, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  second->year = 2026;
  add (second, COMM_BUDGET_LINE_FIXED, " ", 1);
  g_assert_false (comm_budget_store_save (fixture->db, second, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
}

static void
test_scenario_independent (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CommBudget) budget = saved_budget (fixture);
  g_autoptr(CommBudget) scenario = NULL;
  g_autoptr(CommBudget) base = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 scenario_id = 0, other = 0;

  g_assert_true (comm_budget_store_copy_scenario (fixture->db, budget->id, " 10% cut ", &scenario_id, &error));
  g_assert_no_error (error);
  scenario = comm_budget_store_load (fixture->db, scenario_id, &error);
  g_assert_cmpstr (scenario->scenario, ==, "10% cut");
  g_assert_cmpint (scenario->based_on, ==, budget->id);
  g_assert_cmpuint (scenario->lines->len, ==, 5);
  g_assert_cmpint (line_at (scenario, 3)->id, !=, line_at (budget, 3)->id);
  g_assert_cmpuint (line_at (scenario, 3)->contract_ids->len, ==, 1);

  /* change the scenario every way: the base is untouched */
  line_at (scenario, 0)->amount = 90000000;
  line_at (scenario, 3)->thousandths = 55000;
  g_array_set_size (line_at (scenario, 3)->contract_ids, 0);
  g_ptr_array_remove_index (scenario->lines, 4);
  g_assert_true (comm_budget_store_save (fixture->db, scenario, &error));
  base = comm_budget_store_load (fixture->db, budget->id, &error);
  g_assert_cmpint (line_at (base, 0)->amount, ==, 100000000);
  g_assert_cmpint (line_at (base, 3)->thousandths, ==, 60000);
  g_assert_cmpuint (line_at (base, 3)->contract_ids->len, ==, 1);
  g_assert_cmpuint (base->lines->len, ==, 5);

  /* a scenario of the scenario is based on the base budget */
  g_assert_true (comm_budget_store_copy_scenario (fixture->db, scenario_id, "Grant ends", &other, &error));
  ids = comm_budget_store_list_scenarios (fixture->db, other, &error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, budget->id);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, other);   /* by name: "10% cut", "Grant ends" */
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT based_on FROM budgets WHERE scenario = 'Grant ends'"),
                   ==, budget->id);
}

static void
test_delete_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CommBudget) budget = saved_budget (fixture);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 scenario = 0, lone = 0;

  g_assert_true (comm_budget_store_copy_scenario (fixture->db, budget->id, "A", &scenario, &error));
  g_assert_true (comm_budget_store_copy_scenario (fixture->db, budget->id, "B", &lone, &error));
  g_assert_true (comm_budget_store_delete (fixture->db, lone, &error));
  list = comm_budget_store_list (fixture->db, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* deleting the base takes its scenarios with it; restoring brings back the same ones */
  g_assert_true (comm_budget_store_delete (fixture->db, budget->id, &error));
  list = comm_budget_store_list (fixture->db, 0, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (comm_budget_store_load (fixture->db, scenario, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (comm_budget_store_delete (fixture->db, budget->id, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (comm_budget_store_restore (fixture->db, budget->id, &error));
  g_assert_no_error (error);
  list = comm_budget_store_list (fixture->db, budget->programme_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_null (((CommBudgetSummary *) g_ptr_array_index (list, 0))->scenario);
  g_assert_cmpstr (((CommBudgetSummary *) g_ptr_array_index (list, 1))->scenario, ==, "A");
  g_assert_cmpint (((CommBudgetSummary *) g_ptr_array_index (list, 0))->total_income, ==, 100000000);
  g_assert_cmpint (((CommBudgetSummary *) g_ptr_array_index (list, 0))->percent_total, ==, 100000);
  g_assert_cmpuint (((CommBudgetSummary *) g_ptr_array_index (list, 0))->n_lines, ==, 5);
}

static void
test_programmes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = 0, b = 0, found = 0;

  g_assert_true (comm_budget_store_ensure_programme (fixture->db, "Youth", &a, &error));
  g_assert_true (comm_budget_store_ensure_programme (fixture->db, " YOUTH", &b, &error));
  g_assert_cmpint (a, ==, b);
  g_assert_true (comm_budget_store_ensure_programme (fixture->db, "Adolescents", &b, &error));
  g_assert_false (comm_budget_store_ensure_programme (fixture->db, "", &b, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comm_budget_store_rename_programme (fixture->db, a, "adolescents", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comm_budget_store_rename_programme (fixture->db, a, "Youth services", &error));
  programmes = comm_budget_store_list_programmes (fixture->db, &error);
  g_assert_cmpuint (programmes->len, ==, 2);
  g_assert_cmpstr (((CommProgramme *) g_ptr_array_index (programmes, 1))->name, ==, "Youth services");
  g_assert_true (comm_budget_store_find_programme (fixture->db, "youth SERVICES", &found, &error));
  g_assert_cmpint (found, ==, a);
}

static void
test_commitments_from_contracts (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(CommBudget) budget = sample_budget ();
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  CommBudgetCandidate *c;

  candidates = comm_budget_store_list_candidates (fixture->db, budget, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);   /* C-3 ended before the year */
  c = g_ptr_array_index (candidates, 0);
  g_assert_cmpstr (c->reference, ==, "C-1");
  g_assert_cmpint (c->amount, ==, 12500000);
  g_assert_cmpint (c->source, ==, COMM_COMMITMENT_FUNDING_LINES);
  g_assert_false (c->linked);
  c = g_ptr_array_index (candidates, 1);
  g_assert_cmpstr (c->reference, ==, "C-2");
  g_assert_cmpint (c->days, ==, 182);
  g_assert_cmpint (c->days_in_year, ==, 365);
  g_assert_cmpint (c->amount, ==, 1820000);   /* £36,500 × 182 / 365 */
  g_assert_cmpint (c->source, ==, COMM_COMMITMENT_APPORTIONED);

  g_assert_cmpuint (comm_budget_add_commitments (budget, candidates, NULL), ==, 2);
  g_assert_cmpuint (comm_budget_add_commitments (budget, candidates, NULL), ==, 0);  /* already linked */
  g_assert_cmpstr (line_at (budget, 5)->name, ==, "C-1 – Family Support");
  g_assert_cmpint (line_at (budget, 5)->contract_id, ==, 1);
  g_assert_cmpstr (line_at (budget, 6)->contract_start, ==, "2026-10-01");
  g_assert_true (comm_budget_store_save (fixture->db, budget, &error));
  g_assert_no_error (error);

  /* nothing changed: nothing to say */
  changes = comm_budget_store_refresh_commitments (fixture->db, budget, &error);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* the funding changes: the figure follows, and says so */
  comm_test_exec_sql (fixture->db, "UPDATE funding_lines SET amount = 13000000 WHERE contract_id = 1 AND year = 2026 AND stream = 'CF'");
  /* C-2's dates change: the figure is kept and flagged */
  comm_test_exec_sql (fixture->db, "UPDATE contracts SET start_date = '2027-01-01' WHERE id = 2");
  changes = comm_budget_store_refresh_commitments (fixture->db, budget, &error);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (((CommBudgetChange *) g_ptr_array_index (changes, 0))->old_amount, ==, 12500000);
  g_assert_cmpint (((CommBudgetChange *) g_ptr_array_index (changes, 0))->new_amount, ==, 13500000);
  g_assert_nonnull (strstr (((CommBudgetChange *) g_ptr_array_index (changes, 0))->message, "£125,000.00 → £135,000.00"));
  g_assert_cmpint (line_at (budget, 5)->amount, ==, 13500000);
  g_assert_cmpint (((CommBudgetChange *) g_ptr_array_index (changes, 1))->flags, ==, COMM_BUDGET_LINE_FLAG_DATES_CHANGED);
  g_assert_cmpint (line_at (budget, 6)->amount, ==, 1820000);
  g_assert_cmpint (line_at (budget, 6)->flags, ==, COMM_BUDGET_LINE_FLAG_DATES_CHANGED);
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_assert_true (comm_budget_store_save (fixture->db, budget, &error));

  /* a deleted contract: kept and flagged, also after loading again */
  g_assert_true (comm_contract_store_delete (fixture->db, 1, &error));
  changes = comm_budget_store_refresh_commitments (fixture->db, budget, &error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (line_at (budget, 5)->flags, ==, COMM_BUDGET_LINE_FLAG_CONTRACT_DELETED);
  g_assert_cmpint (line_at (budget, 5)->amount, ==, 13500000);
  g_assert_nonnull (strstr (((CommBudgetChange *) g_ptr_array_index (changes, 0))->message, "deleted"));
  g_assert_true (comm_budget_store_save (fixture->db, budget, &error));
  {
    g_autoptr(CommBudget) loaded = comm_budget_store_load (fixture->db, budget->id, &error);
    g_autoptr(CommBudgetResult) result = comm_budget_compute (loaded);

    g_assert_cmpint (line_at (loaded, 5)->flags, ==, COMM_BUDGET_LINE_FLAG_CONTRACT_DELETED);
    g_assert_cmpuint (result->n_flagged, ==, 2);
    g_assert_cmpuint (result->warnings->len, ==, 2);
  }

  /* accepting: C-2 takes its new figure (1 Jan - 31 Mar 2027 = 90 days); C-1 is unlinked */
  g_assert_true (comm_budget_store_accept_contract (fixture->db, budget, 6, &error));
  g_assert_cmpint (line_at (budget, 6)->flags, ==, 0);
  g_assert_cmpint (line_at (budget, 6)->amount, ==, 900000);
  g_assert_cmpstr (line_at (budget, 6)->contract_start, ==, "2027-01-01");
  g_assert_true (comm_budget_store_accept_contract (fixture->db, budget, 5, &error));
  g_assert_cmpint (line_at (budget, 5)->contract_id, ==, 0);
  g_assert_cmpint (line_at (budget, 5)->amount, ==, 0);
  g_assert_false (comm_budget_store_accept_contract (fixture->db, budget, 0, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
}

static void
test_allocation_use (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CommBudget) budget = sample_budget ();
  g_autoptr(CommBudgetResult) result = NULL;
  g_autoptr(GArray) uses = NULL;
  g_autoptr(GError) error = NULL;
  const CommBudgetAllocationUse *use;
  gint64 two = 2, three = 3;

  g_array_append_val (line_at (budget, 3)->contract_ids, two);
  g_array_append_val (line_at (budget, 3)->contract_ids, three);
  result = comm_budget_compute (budget);
  uses = comm_budget_store_allocation_use (fixture->db, budget, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uses->len, ==, 1);
  use = &g_array_index (uses, CommBudgetAllocationUse, 0);
  g_assert_cmpuint (use->line, ==, 3);
  /* (£1,000,000 - £50,000 - £10,000) × 60% */
  g_assert_cmpint (use->allocated, ==, 56400000);
  g_assert_cmpint (use->contracted, ==, 12500000 + 1820000);
  g_assert_cmpint (use->left, ==, 56400000 - 14320000);
  g_assert_cmpuint (use->n_contracts, ==, 2);
  g_assert_cmpuint (use->n_not_in_year, ==, 1);
  g_assert_cmpuint (use->n_deleted, ==, 0);
}

static void
test_roll_forward (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CommBudget) budget = sample_budget ();
  g_autoptr(CommBudget) next = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 next_id = 0, scenario = 0;

  candidates = comm_budget_store_list_candidates (fixture->db, budget, 2026, &error);
  comm_budget_add_commitments (budget, candidates, NULL);
  g_assert_true (comm_budget_store_save (fixture->db, budget, &error));

  g_assert_true (comm_budget_store_roll_forward (fixture->db, budget->id, 2500, &next_id, &changes, &error));
  g_assert_no_error (error);
  next = comm_budget_store_load (fixture->db, next_id, &error);
  g_assert_cmpint (next->year, ==, 2027);
  g_assert_null (next->scenario);
  g_assert_cmpint (next->based_on, ==, budget->id);
  g_assert_cmpint (line_at (next, 0)->amount, ==, 102500000);       /* +2.5% */
  g_assert_cmpint (line_at (next, 1)->amount, ==, 5125000);
  g_assert_cmpint (line_at (next, 3)->thousandths, ==, 60000);      /* percentages kept */
  /* C-1's 2027 figure: no funding line for 2027-28, so its 2026 funding (£125,000) over the
   * whole year; C-2 all of 2027-28 at £36,500 */
  g_assert_cmpint (line_at (next, 5)->amount, ==, 12500000);
  g_assert_cmpint (line_at (next, 5)->source, ==, COMM_COMMITMENT_APPORTIONED);
  g_assert_cmpint (line_at (next, 6)->amount, ==, 3650000);
  g_assert_cmpuint (changes->len, ==, 2);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* again: next year already has a budget; a scenario can't be rolled */
  g_assert_false (comm_budget_store_roll_forward (fixture->db, budget->id, 0, NULL, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comm_budget_store_copy_scenario (fixture->db, next_id, "Cut", &scenario, &error));
  g_assert_false (comm_budget_store_roll_forward (fixture->db, scenario, 0, NULL, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  /* 2028-29: C-1 ended in March 2028 and is left out */
  g_assert_true (comm_budget_store_roll_forward (fixture->db, next_id, -10000, &next_id, &changes, &error));
  g_clear_pointer (&next, comm_budget_free);
  next = comm_budget_store_load (fixture->db, next_id, &error);
  g_assert_cmpuint (next->lines->len, ==, 6);
  g_assert_cmpint (line_at (next, 0)->amount, ==, 92250000);        /* -10% */
  g_assert_nonnull (strstr (g_ptr_array_index (changes, 0), "is left out"));
}

/* A plan from text */
static GInputStream *
text_stream (const char *text)
{
  return g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);
}

static void
test_import_plymouth (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GInputStream) csv = NULL;
  g_autoptr(CommBudget) budget = NULL;
  g_autoptr(CommBudgetResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  csv = g_resources_open_stream ("/uk/org/commissioner/core/samples/plymouth_system_elements_2015.csv", 0, &error);
  g_assert_no_error (error);
  g_assert_true (comm_budget_store_import_plan (fixture->db, "Plymouth children and young people", 2015, csv, &id,
                                                NULL, &error));
  g_assert_no_error (error);
  budget = comm_budget_store_load (fixture->db, id, &error);
  g_assert_cmpuint (budget->lines->len, ==, 6);
  g_assert_cmpstr (line_at (budget, 1)->name, ==, "Children with specific health, SEN or disability");
  g_assert_cmpint (line_at (budget, 1)->published, ==, 686557200);
  g_assert_true (line_at (budget, 5)->has_published);
  result = comm_budget_compute (budget);
  g_assert_true (result->reconciled);
  g_assert_cmpint (result->total_income, ==, G_GINT64_CONSTANT (2715010200));   /* £27,150,102 */
  g_assert_cmpint (result->fixed_total, ==, G_GINT64_CONSTANT (2715010200));
  g_assert_cmpint (result->unallocated, ==, 0);
  g_assert_cmpuint (result->warnings->len, ==, 0);
}

static void
test_import_mismatch (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GInputStream) csv = NULL;
  g_autoptr(CommBudget) budget = NULL;
  g_autoptr(CommBudgetResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  /* each line rounded on its own: the lines make £6,000, the plan says £6,001 */
  csv = text_stream ("Element,Budget\nA,\"1,000\"\nB,£2000\nC,3000\nTotal,\"£6,001\"\n");
  g_assert_true (comm_budget_store_import_plan (fixture->db, "Rounded plan", 2015, csv, &id, NULL, &error));
  g_assert_no_error (error);
  budget = comm_budget_store_load (fixture->db, id, &error);
  g_assert_true (budget->has_published_total);
  g_assert_cmpint (budget->published_total, ==, 600100);
  result = comm_budget_compute (budget);
  g_assert_cmpint (result->published_lines_sum, ==, 600000);
  g_assert_cmpint (result->published_lines_difference, ==, 100);
  g_assert_cmpint (result->unallocated, ==, 100);
  g_assert_cmpuint (result->warnings->len, ==, 1);
  g_assert_nonnull (strstr (((CommProblem *) g_ptr_array_index (result->warnings, 0))->message, "£1.00 less"));
  g_clear_object (&csv);

  /* more than two decimals, a negative line: refused, naming the line */
  csv = text_stream ("A,10.005\n");
  g_assert_false (comm_budget_store_import_plan (fixture->db, "Bad", 2015, csv, &id, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
  g_clear_error (&error);
  g_clear_object (&csv);
  csv = text_stream ("Name,Amount\nA,10\nB,-5\n");
  g_assert_false (comm_budget_store_import_plan (fixture->db, "Bad", 2015, csv, &id, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);
  g_clear_object (&csv);
  csv = text_stream ("Name,Amount\n");
  g_assert_false (comm_budget_store_import_plan (fixture->db, "Bad", 2015, csv, &id, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
  g_clear_error (&error);
  g_clear_object (&csv);
  /* a year that already has a plan */
  csv = text_stream ("A,1\n");
  g_assert_false (comm_budget_store_import_plan (fixture->db, "Rounded plan", 2015, csv, &id, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
}

static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CommBudget) budget = saved_budget (fixture);
  g_autoptr(CommBudget) cut = NULL;
  g_autoptr(CommBudgetComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const CommBudgetRow *row;
  gint64 cut_id = 0, next_id = 0;

  g_assert_true (comm_budget_store_copy_scenario (fixture->db, budget->id, "10% cut", &cut_id, &error));
  cut = comm_budget_store_load (fixture->db, cut_id, &error);
  line_at (cut, 0)->amount = 90000000;
  add (cut, COMM_BUDGET_LINE_FIXED, "New line", 100);
  g_assert_true (comm_budget_store_save (fixture->db, cut, &error));

  comparison = comm_budget_store_compare_scenarios (fixture->db, budget->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comparison->n_columns, ==, 2);
  g_assert_cmpstr (comparison->column_titles[0], ==, "Base");
  g_assert_cmpstr (comparison->column_titles[1], ==, "10% cut");
  g_assert_cmpuint (comparison->n_line_rows, ==, 6);
  row = comm_budget_comparison_find (comparison, "early intervention grant");
  g_assert_cmpint (row->cells[1].difference, ==, -10000000);
  g_assert_true (row->cells[1].has_percent);
  g_assert_cmpint (row->cells[1].percent, ==, -10000);
  row = comm_budget_comparison_find (comparison, "Family support");
  /* (£900,000 - £50,000 - £10,000 - £1) × 60% = £503,999.40 against £564,000: -10.6384…% */
  g_assert_cmpint (row->cells[1].amount, ==, 50399940);
  g_assert_cmpint (row->cells[0].amount, ==, 56400000);
  g_assert_cmpint (row->cells[1].percent, ==, -10638);
  row = comm_budget_comparison_find (comparison, "New line");
  g_assert_false (row->cells[0].present);
  g_assert_true (row->cells[1].present);
  g_assert_false (row->cells[1].has_percent);
  row = comm_budget_comparison_find (comparison, "Total income");
  g_assert_true (row->summary);
  g_assert_cmpint (row->cells[1].amount, ==, 90000000);

  /* an edit to the base updates its column only, and the differences against it */
  line_at (budget, 0)->amount = 80000000;
  g_ptr_array_remove_index (budget->lines, 4);                       /* Adolescents gone */
  add (budget, COMM_BUDGET_LINE_PERCENT, "Young people", 40000);     /* a new name */
  comm_budget_comparison_update (comparison, 0, budget);
  g_assert_cmpuint (comparison->n_line_rows, ==, 7);
  row = comm_budget_comparison_find (comparison, "early intervention grant");
  g_assert_cmpint (row->cells[0].amount, ==, 80000000);
  g_assert_cmpint (row->cells[1].amount, ==, 90000000);
  g_assert_cmpint (row->cells[1].difference, ==, 10000000);
  g_assert_cmpint (row->cells[1].percent, ==, 12500);
  row = comm_budget_comparison_find (comparison, "Adolescents");
  g_assert_false (row->cells[0].present);
  g_assert_true (row->cells[1].present);
  g_assert_false (row->cells[1].has_percent);
  g_assert_cmpint (row->cells[1].difference, ==, 0);
  row = comm_budget_comparison_find (comparison, "Young people");
  g_assert_true (row->cells[0].present);
  g_assert_false (row->cells[1].present);
  g_assert_true (g_ptr_array_index (comparison->rows, 6) == row);    /* before the summary rows */
  row = comm_budget_comparison_find (comparison, "Total income");
  g_assert_cmpint (row->cells[0].amount, ==, 80000000);
  g_assert_cmpint (row->cells[1].percent, ==, 12500);
  g_clear_pointer (&comparison, comm_budget_comparison_free);

  /* years: the base budgets only, year on year */
  g_assert_true (comm_budget_store_roll_forward (fixture->db, budget->id, 10000, &next_id, NULL, &error));
  comparison = comm_budget_store_compare_years (fixture->db, budget->programme_id, &error);
  g_assert_cmpuint (comparison->n_columns, ==, 2);
  g_assert_cmpstr (comparison->column_titles[1], ==, "2027-28");
  row = comm_budget_comparison_find (comparison, "Total income");
  g_assert_cmpint (row->cells[1].percent, ==, 10000);
}

static void
test_format (void)
{
  g_autofree char *a = comm_budget_format_difference (120000);
  g_autofree char *b = comm_budget_format_difference (-5000);
  g_autofree char *c = comm_budget_format_change (-10639);
  g_autofree char *d = comm_budget_format_change (2500);
  g_autofree char *e = comm_budget_format_change (0);

  g_assert_cmpstr (a, ==, "+£1,200.00");
  g_assert_cmpstr (b, ==, "-£50.00");
  g_assert_cmpstr (c, ==, "-10.639%");
  g_assert_cmpstr (d, ==, "+2.5%");
  g_assert_cmpstr (e, ==, "0%");
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/budget-store/save-load", test_save_load);
  ADD ("/budget-store/unique-and-find", test_unique_and_find);
  ADD ("/budget-store/scenario-independent", test_scenario_independent);
  ADD ("/budget-store/delete-restore", test_delete_restore);
  ADD ("/budget-store/programmes", test_programmes);
  ADD ("/budget-store/commitments-from-contracts", test_commitments_from_contracts);
  ADD ("/budget-store/allocation-use", test_allocation_use);
  ADD ("/budget-store/roll-forward", test_roll_forward);
  ADD ("/budget-store/import-plymouth", test_import_plymouth);
  ADD ("/budget-store/import-mismatch", test_import_mismatch);
  ADD ("/budget-store/compare", test_compare);
  g_test_add_func ("/budget-store/format", test_format);

  return g_test_run ();
}
