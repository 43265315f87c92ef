/* test-plan.c: the commissioning plan - intentions saved and read back, due and overdue
 * milestones in order, the timeline across years, demand figures imported from the Derby shape,
 * and the "plan" report's text */
#include "config.h"

#include <string.h>

#include "commissioner-core.h"
#include "comm-report-private.h"
#include "comm-test-core.h"

static CommPlanIntention *
make_intention (int         year,
                const char *title)
{
  CommPlanIntention *intention = comm_plan_intention_new (year);

  g_free (intention->title);
  intention->title = g_strdup (title);
  g_free (intention->area);
  intention->area = g_strdup ("young-carers");
  g_free (intention->lead);
  intention->lead = g_strdup ("Jo Penrose");
  g_free (intention->outcomes);
  intention->outcomes = g_strdup ("More young carers identified early.");
  intention->status = COMM_PLAN_STATUS_ON_TRACK;
  return intention;
}

static void
add_milestone (CommPlanIntention *intention,
               const char        *name,
               const char        *target,
               const char        *done)
{
  g_ptr_array_add (intention->milestones, comm_plan_milestone_new (name, target, done));
}

static void
save (CommDatabase      *db,
      CommPlanIntention *intention)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (comm_plan_store_save (db, intention, &error));
  g_assert_no_error (error);
  g_assert_cmpint (intention->id, >, 0);
}

static void
test_crud (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommPlanIntention) intention = make_intention (2026, "Re-tender the young carers service");
  g_autoptr(CommPlanIntention) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const CommPlanMilestone *first;

  add_milestone (intention, "Tender issued", "2026-10-01", "2026-10-03");
  add_milestone (intention, "Service specification agreed", "2026-06-01", "2026-06-01");
  add_milestone (intention, "Contract awarded", "2026-12-10", NULL);
  g_ptr_array_add (intention->updates, comm_plan_update_new ("2026-10-03", "Jo Penrose", "Tender issued."));
  g_ptr_array_add (intention->updates, comm_plan_update_new ("2026-11-19", "Jo Penrose", "Five bids received."));
  g_ptr_array_add (intention->budget_lines, comm_plan_budget_link_new (0, "Young carers allocation"));
  save (db, intention);
  for (guint i = 0; i < intention->milestones->len; i++)
    g_assert_cmpint (((CommPlanMilestone *) g_ptr_array_index (intention->milestones, i))->id, >, 0);

  loaded = comm_plan_store_get (db, intention->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->title, ==, "Re-tender the young carers service");
  g_assert_cmpint (loaded->year, ==, 2026);
  g_assert_cmpint (loaded->status, ==, COMM_PLAN_STATUS_ON_TRACK);
  g_assert_cmpstr (loaded->lead, ==, "Jo Penrose");
  g_assert_cmpuint (loaded->milestones->len, ==, 3);
  first = g_ptr_array_index (loaded->milestones, 0);  /* ordered by target date */
  g_assert_cmpstr (first->name, ==, "Service specification agreed");
  g_assert_cmpstr (((CommPlanMilestone *) g_ptr_array_index (loaded->milestones, 2))->done_date, ==, NULL);
  g_assert_cmpuint (loaded->updates->len, ==, 2);
  g_assert_cmpstr (comm_plan_intention_get_latest_update (loaded)->text, ==, "Five bids received.");
  g_assert_cmpuint (loaded->budget_lines->len, ==, 1);
  g_assert_cmpstr (((CommPlanBudgetLink *) g_ptr_array_index (loaded->budget_lines, 0))->label, ==,
                   "Young carers allocation");

  /* Update: change status, drop a milestone, mark one done */
  loaded->status = COMM_PLAN_STATUS_DELAYED;
  g_ptr_array_remove_index (loaded->milestones, 0);
  g_free (((CommPlanMilestone *) g_ptr_array_index (loaded->milestones, 1))->done_date);
  ((CommPlanMilestone *) g_ptr_array_index (loaded->milestones, 1))->done_date = g_strdup ("2026-12-12");
  save (db, loaded);
  g_clear_pointer (&loaded, comm_plan_intention_free);
  loaded = comm_plan_store_get (db, intention->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->status, ==, COMM_PLAN_STATUS_DELAYED);
  g_assert_cmpuint (loaded->milestones->len, ==, 2);
  g_assert_cmpstr (((CommPlanMilestone *) g_ptr_array_index (loaded->milestones, 1))->done_date, ==, "2026-12-12");
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM plan_milestones"), ==, 2);

  list = comm_plan_store_list (db, 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = comm_plan_store_list (db, 2026, &error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_true (comm_plan_store_delete (db, intention->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM plan_milestones"), ==, 0);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM plan_updates"), ==, 0);
  g_assert_false (comm_plan_store_delete (db, intention->id, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
}

static void
test_validation (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommPlanIntention) intention = make_intention (2026, "  ");
  g_autoptr(GError) error = NULL;

  g_assert_false (comm_plan_store_save (db, intention, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  g_free (intention->title);
  intention->title = g_strdup ("Pilot a block contract");
  add_milestone (intention, "Tender issued", "2026/10/01", NULL);
  g_assert_false (comm_plan_store_save (db, intention, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "2026/10/01"));
  g_assert_nonnull (strstr (error->message, "Tender issued"));
  g_clear_error (&error);

  g_ptr_array_set_size (intention->milestones, 0);
  g_ptr_array_add (intention->updates, comm_plan_update_new ("2026-10-01", "", ""));
  g_assert_false (comm_plan_store_save (db, intention, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_cmpint (intention->id, ==, 0);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM plan_intentions"), ==, 0);
}

/* A contract linked to an intention keeps its link when soft-deleted, and is marked. */
static void
test_contract_links (void)
{
  g_autofree char *dir = comm_test_temp_dir ();
  GDate today;
  g_autoptr(CommDatabase) db = comm_test_demo_workspace (dir, "Demo" COMM_WORKSPACE_SUFFIX, &today);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  CommPlanIntention *young_carers = NULL;
  gboolean found_ends = FALSE;

  list = comm_plan_store_list (db, comm_financial_year_of (&today), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  for (guint i = 0; i < list->len; i++)
    if (g_str_has_prefix (((CommPlanIntention *) g_ptr_array_index (list, i))->title, "Re-tender the young"))
      young_carers = g_ptr_array_index (list, i);
  g_assert_nonnull (young_carers);
  g_assert_cmpuint (young_carers->contracts->len, ==, 2);
  for (guint i = 0; i < young_carers->contracts->len; i++)
    {
      const CommPlanContractLink *link = g_ptr_array_index (young_carers->contracts, i);

      g_assert_false (link->contract_deleted);
      if (link->role == COMM_PLAN_CONTRACT_ENDS)
        {
          g_assert_cmpstr (link->reference, ==, "CYP-YC-010");
          found_ends = TRUE;
        }
    }
  g_assert_true (found_ends);

  comm_test_exec_sql (db, "UPDATE contracts SET deleted_at = '2026-11-23T10:00:00Z' WHERE reference = 'CYP-YC-010'");
  {
    g_autoptr(CommPlanIntention) again = comm_plan_store_get (db, young_carers->id, &error);
    gboolean marked = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < again->contracts->len; i++)
      {
        const CommPlanContractLink *link = g_ptr_array_index (again->contracts, i);

        if (g_str_equal (link->reference, "CYP-YC-010"))
          marked = link->contract_deleted;
      }
    g_assert_true (marked);
  }
}

/* Budget lines to link to come from the base budgets of the year; a link survives its line's
 * deletion with its label; the years with intentions are listed; a copy is deep. */
static void
test_budget_links_and_years (void)
{
  g_autofree char *dir = comm_test_temp_dir ();
  GDate today;
  g_autoptr(CommDatabase) db = comm_test_demo_workspace (dir, "Demo" COMM_WORKSPACE_SUFFIX, &today);
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CommPlanIntention) copy = NULL;
  g_autoptr(CommPlanIntention) again = NULL;
  CommPlanIntention *linked = NULL;
  CommPlanBudgetLink *link = NULL;
  g_autofree char *sql = NULL;

  choices = comm_plan_store_list_budget_lines (db, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, >, 0);
  for (guint i = 0; i < choices->len; i++)
    g_assert_nonnull (strstr (((CommPlanBudgetLineChoice *) g_ptr_array_index (choices, i))->label, "2026-27"));
  g_clear_pointer (&choices, g_ptr_array_unref);
  choices = comm_plan_store_list_budget_lines (db, 2040, &error);
  g_assert_cmpuint (choices->len, ==, 0);

  years = comm_plan_store_list_years (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2026);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2027);

  list = comm_plan_store_list (db, 2026, &error);
  for (guint i = 0; i < list->len && linked == NULL; i++)
    {
      CommPlanIntention *intention = g_ptr_array_index (list, i);

      if (intention->budget_lines->len > 0 &&
          ((CommPlanBudgetLink *) g_ptr_array_index (intention->budget_lines, 0))->budget_line_id != 0)
        linked = intention;
    }
  g_assert_nonnull (linked);
  link = g_ptr_array_index (linked->budget_lines, 0);
  g_assert_nonnull (link->line_name);
  g_assert_nonnull (strstr (link->line_name, "2026-27: "));
  g_assert_false (link->budget_deleted);

  copy = comm_plan_intention_copy (linked);
  g_assert_cmpuint (copy->milestones->len, ==, linked->milestones->len);
  g_assert_true (g_ptr_array_index (copy->milestones, 0) != g_ptr_array_index (linked->milestones, 0));
  g_assert_cmpstr (((CommPlanBudgetLink *) g_ptr_array_index (copy->budget_lines, 0))->line_name, ==, link->line_name);

  sql = g_strdup_printf ("DELETE FROM budget_lines WHERE id = %" G_GINT64_FORMAT, link->budget_line_id);
  comm_test_exec_sql (db, sql);
  again = comm_plan_store_get (db, linked->id, &error);
  g_assert_no_error (error);
  link = g_ptr_array_index (again->budget_lines, 0);
  g_assert_cmpint (link->budget_line_id, ==, 0);
  g_assert_null (link->line_name);
  g_assert_cmpstr (link->label, ==, ((CommPlanBudgetLink *) g_ptr_array_index (copy->budget_lines, 0))->label);
}

static CommDatabase *
due_fixture (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommPlanIntention) a = make_intention (2026, "Intention A");
  g_autoptr(CommPlanIntention) b = make_intention (2026, "Intention B");
  g_autoptr(CommPlanIntention) c = make_intention (2027, "Intention C");

  add_milestone (a, "Done long ago", "2026-05-01", "2026-05-02");
  add_milestone (a, "Due soon", "2026-12-01", NULL);          /* +8 days */
  add_milestone (a, "Overdue recent", "2026-11-20", NULL);    /* -3 days */
  add_milestone (a, "Far ahead", "2027-03-01", NULL);
  add_milestone (b, "Overdue oldest", "2026-09-30", NULL);    /* -54 days */
  add_milestone (b, "Due today", "2026-11-23", NULL);
  add_milestone (b, "Due on the edge", "2026-12-23", NULL);   /* +30 days */
  add_milestone (c, "Next year milestone", "2027-06-01", NULL);
  add_milestone (c, "Next year overdue", "2026-11-01", NULL); /* -22 days, intention in 2027-28 */
  save (db, a);
  save (db, b);
  save (db, c);
  return db;
}

static void
test_due_order (void)
{
  CommDatabase *db = due_fixture ();  /* owned by the test */
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = comm_test_date ("2026-11-23");
  const char *expected[] = { "Overdue oldest", "Overdue recent", "Due today", "Due soon", "Due on the edge" };
  const CommPlanMilestoneEntry *entry;

  due = comm_plan_store_list_due (db, &today, 30, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < due->len; i++)
    g_assert_cmpstr (((CommPlanMilestoneEntry *) g_ptr_array_index (due, i))->name, ==, expected[i]);
  entry = g_ptr_array_index (due, 0);
  g_assert_cmpint (entry->state, ==, COMM_PLAN_MILESTONE_OVERDUE);
  g_assert_cmpint (entry->days, ==, -54);
  g_assert_cmpstr (entry->intention_title, ==, "Intention B");
  entry = g_ptr_array_index (due, 2);
  g_assert_cmpint (entry->state, ==, COMM_PLAN_MILESTONE_DUE);
  g_assert_cmpint (entry->days, ==, 0);
  entry = g_ptr_array_index (due, 4);
  g_assert_cmpint (entry->days, ==, 30);

  /* Every year: the 2027-28 intention's overdue milestone joins, in date order among the overdue */
  g_clear_pointer (&due, g_ptr_array_unref);
  due = comm_plan_store_list_due (db, &today, 30, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 6);
  g_assert_cmpstr (((CommPlanMilestoneEntry *) g_ptr_array_index (due, 1))->name, ==, "Next year overdue");
  g_assert_cmpint (((CommPlanMilestoneEntry *) g_ptr_array_index (due, 2))->state, ==, COMM_PLAN_MILESTONE_OVERDUE);
  g_assert_cmpint (((CommPlanMilestoneEntry *) g_ptr_array_index (due, 3))->state, ==, COMM_PLAN_MILESTONE_DUE);

  /* A window of 0 days: only overdue and today */
  g_clear_pointer (&due, g_ptr_array_unref);
  due = comm_plan_store_list_due (db, &today, 0, 2026, &error);
  g_assert_cmpuint (due->len, ==, 3);
}

static void
test_milestone_state (void)
{
  GDate today = comm_test_date ("2026-11-23");
  g_autoptr(CommPlanMilestone) m = comm_plan_milestone_new ("Review", "2026-12-24", NULL);

  g_assert_cmpint (comm_plan_milestone_get_state (m, &today, 30), ==, COMM_PLAN_MILESTONE_UPCOMING);
  g_assert_cmpint (comm_plan_milestone_get_state (m, &today, 31), ==, COMM_PLAN_MILESTONE_DUE);
  g_free (m->target_date);
  m->target_date = g_strdup ("2026-11-22");
  g_assert_cmpint (comm_plan_milestone_get_state (m, &today, 30), ==, COMM_PLAN_MILESTONE_OVERDUE);
  m->done_date = g_strdup ("2026-11-23");
  g_assert_cmpint (comm_plan_milestone_get_state (m, &today, 30), ==, COMM_PLAN_MILESTONE_DONE);
  g_assert_cmpstr (comm_plan_status_to_code (COMM_PLAN_STATUS_AT_RISK), ==, "at-risk");
  g_assert_cmpint (comm_plan_status_from_code ("delayed"), ==, COMM_PLAN_STATUS_DELAYED);
  g_assert_cmpint (comm_plan_status_from_code ("nonsense"), ==, COMM_PLAN_STATUS_NOT_STARTED);
}

static void
test_timeline (void)
{
  CommDatabase *db = due_fixture ();  /* owned by the test */
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = comm_test_date ("2026-11-23");
  const CommPlanMilestoneEntry *first, *last;

  timeline = comm_plan_store_timeline (db, 2026, 2026, &today, &error);
  g_assert_no_error (error);
  /* 1 Apr 2026 - 31 Mar 2027: all but "Next year milestone" (2027-06-01) */
  g_assert_cmpuint (timeline->len, ==, 8);
  first = g_ptr_array_index (timeline, 0);
  last = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_cmpstr (first->name, ==, "Done long ago");
  g_assert_cmpint (first->state, ==, COMM_PLAN_MILESTONE_DONE);
  g_assert_cmpstr (first->done_date, ==, "2026-05-02");
  g_assert_cmpstr (last->name, ==, "Far ahead");
  for (guint i = 1; i < timeline->len; i++)
    g_assert_cmpstr (((CommPlanMilestoneEntry *) g_ptr_array_index (timeline, i - 1))->target_date, <=,
                     ((CommPlanMilestoneEntry *) g_ptr_array_index (timeline, i))->target_date);

  g_clear_pointer (&timeline, g_ptr_array_unref);
  timeline = comm_plan_store_timeline (db, 2026, 2027, &today, &error);
  g_assert_cmpuint (timeline->len, ==, 9);
  g_assert_cmpstr (((CommPlanMilestoneEntry *) g_ptr_array_index (timeline, 8))->name, ==, "Next year milestone");

  g_clear_pointer (&timeline, g_ptr_array_unref);
  timeline = comm_plan_store_timeline (db, 2027, 2026, &today, &error);
  g_assert_null (timeline);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
}

static void
test_demand_import (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(CommDemandTable) table = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  gint64 value = -1;

  g_assert_true (comm_demand_import_derby_sample (db, &n, &error));
  g_assert_no_error (error);
  /* 8 measures x 4 years, but Priority Families has no figure for the first two */
  g_assert_cmpuint (n, ==, 30);
  figures = comm_demand_store_list (db, &error);
  g_assert_cmpuint (figures->len, ==, 30);
  table = comm_demand_table_new (figures);
  g_assert_cmpuint (comm_demand_table_get_n_measures (table), ==, 8);
  g_assert_cmpuint (comm_demand_table_get_n_years (table), ==, 4);
  g_assert_cmpstr (comm_demand_table_get_measure (table, 0), ==, "Contacts for Services");
  g_assert_cmpstr (comm_demand_table_get_measure (table, 7), ==, "Priority Families");
  g_assert_cmpint (comm_demand_table_get_year (table, 0), ==, 2011);
  g_assert_cmpint (comm_demand_table_get_year (table, 3), ==, 2014);
  g_assert_true (comm_demand_table_get_value (table, 0, 0, &value));
  g_assert_cmpint (value, ==, 12045);
  g_assert_true (comm_demand_table_get_value (table, 3, 2, &value));
  g_assert_cmpint (value, ==, 2766);  /* Referrals to Social Care 2013-14 */
  g_assert_false (comm_demand_table_get_value (table, 7, 0, &value));
  g_assert_cmpint (value, ==, 2766);
  g_assert_true (comm_demand_table_get_value (table, 7, 3, &value));
  g_assert_cmpint (value, ==, 660);

  /* Importing again replaces rather than duplicates; a new file's figure wins */
  {
    const char *csv = "Measure,2014/15,2015-16\r\n\"Contacts for Services\",\"10,500\",\"9,999\"\r\nNew measure,,7\r\n";
    g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (csv, -1, NULL);

    g_assert_true (comm_demand_import_csv (db, in, "contacts", &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 3);
  }
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM demand_figures"), ==, 32);
  g_assert_cmpint (comm_test_query_int (db, "SELECT value FROM demand_figures WHERE measure = 'Contacts for Services'"
                                            " AND year = 2014"), ==, 10500);
  g_assert_cmpint (comm_test_query_int (db, "SELECT position FROM demand_figures WHERE measure = 'New measure'"), >,
                   comm_test_query_int (db, "SELECT max(position) FROM demand_figures WHERE measure <> 'New measure'"));
}

static void
test_demand_bad_input (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GError) error = NULL;
  struct { const char *csv; const char *needle; } cases[] = {
    { "measure,2011-12\nA,12.5\n", "Line 2, column 2" },
    { "measure,2011-12,2012-13\nA,1,x\n", "“x”" },
    { "measure,2011-13\nA,1\n", "2011-13" },
    { "measure,2011-12\nA,1,2\n", "more cells" },
    { "", "empty" },
    { "measure,2011-12\n,5\n", "no measure" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (cases[i].csv, -1, NULL);

      g_assert_false (comm_demand_import_csv (db, in, NULL, NULL, &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].needle);
      g_clear_error (&error);
    }
  /* All or nothing: the good row before the bad one was not kept */
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM demand_figures"), ==, 0);

  g_assert_true (comm_demand_store_set (db, "Referrals to MAT", 2015, 1300, "referrals", &error));
  g_assert_true (comm_demand_store_set (db, "Referrals to MAT", 2015, 1310, "referrals", &error));
  g_assert_cmpint (comm_test_query_int (db, "SELECT value FROM demand_figures"), ==, 1310);
  g_assert_false (comm_demand_store_set (db, " ", 2015, 1, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comm_demand_store_delete_measure (db, "Referrals to MAT", &error));
  g_assert_false (comm_demand_store_delete_measure (db, "Referrals to MAT", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
}

static void
test_demand_format (void)
{
  struct { gint64 value; const char *text; } values[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1,000" }, { 12045, "12,045" }, { 1234567, "1,234,567" }, { -4500, "-4,500" },
  };
  struct { gint64 from, to; const char *text; } changes[] = {
    { 12045, 10010, "-16.9%" }, { 573, 1220, "+112.9%" }, { 470, 470, "0.0%" }, { 0, 5, "—" },
    { 1000, 1082, "+8.2%" }, { 2000, 2001, "+0.1%" }, { 2000, 1999, "-0.1%" }, { 4000, 4001, "0.0%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = comm_demand_format_value (values[i].value);

      g_assert_cmpstr (text, ==, values[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *text = comm_demand_format_change (changes[i].from, changes[i].to);

      g_assert_cmpstr (text, ==, changes[i].text);
    }
}

/* The document's text, block by block: headings, paragraphs, and cells joined with " | ". */
static char *
document_text (CommReportDocument *document)
{
  GString *text = g_string_new (NULL);

  for (guint b = 0; b < _comm_report_document_get_n_blocks (document); b++)
    {
      CommReportBlock *block = _comm_report_document_get_block (document, b);

      if (block->text != NULL)
        g_string_append_printf (text, "%s\n", block->text);
      if (block->table == NULL)
        continue;
      for (guint c = 0; block->table->has_header && c < comm_report_table_get_n_columns (block->table); c++)
        g_string_append_printf (text, "%s%s", c > 0 ? " | " : "", comm_report_table_get_header (block->table, c));
      if (block->table->has_header)
        g_string_append_c (text, '\n');
      for (guint r = 0; r < comm_report_table_get_n_rows (block->table); r++)
        {
          for (guint c = 0; c < comm_report_table_get_n_columns (block->table); c++)
            g_string_append_printf (text, "%s%s", c > 0 ? " | " : "", comm_report_table_get_cell (block->table, r, c));
          g_string_append_c (text, '\n');
        }
    }
  return g_string_free (text, FALSE);
}

static void
test_report (void)
{
  g_autofree char *dir = comm_test_temp_dir ();
  GDate today;
  g_autoptr(CommDatabase) db = comm_test_demo_workspace (dir, "Demo" COMM_WORKSPACE_SUFFIX, &today);
  const CommReportInfo *info = comm_reports_lookup ("plan");
  g_autoptr(CommReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CommReportOptions options;
  const char *overdue, *due;

  g_assert_nonnull (info);
  g_assert_true (info->flags & COMM_REPORT_TAKES_YEAR);
  comm_report_options_init (&options);
  options.today = today;
  document = comm_report_build (info, db, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comm_report_document_get_title (document), ==, "Commissioning plan 2026-27");
  text = document_text (document);

  g_assert_nonnull (strstr (text, "Re-tender the young carers service"));
  g_assert_nonnull (strstr (text, "Pilot a block contract for residential places"));
  g_assert_null (strstr (text, "Re-procure the supported lodgings service"));  /* next year's */
  g_assert_nonnull (strstr (text, "At risk | 1\n"));
  g_assert_nonnull (strstr (text, "All intentions | 5\n"));
  /* Due list: the one overdue milestone (12 days) comes before the due ones */
  overdue = strstr (text, "Service specification agreed | Pilot a block contract for residential places | 11 Nov 2026 | Overdue by 12 days");
  due = strstr (text, "Call-off issued to framework providers | ");
  g_assert_nonnull (overdue);
  g_assert_nonnull (due);
  g_assert_true (overdue < due);
  g_assert_nonnull (strstr (text, "Due in 9 days"));
  /* Latest progress and links */
  g_assert_nonnull (strstr (text, "Latest progress | 19 Nov 2026, Jo Penrose: Five bids received."));
  g_assert_nonnull (strstr (text, "Ends: CYP-YC-010 Young carers respite breaks"));
  g_assert_nonnull (strstr (text, "Creates: CYP-DA-010"));
  /* Demand context */
  g_assert_nonnull (strstr (text, "Measure | 2011-12 | 2012-13 | 2013-14 | 2014-15 | Change"));
  g_assert_nonnull (strstr (text, "Contacts for Services | 12,045 | 11,006 | 9,128 | 10,010 | -16.9%"));
  g_assert_nonnull (strstr (text, "Priority Families |  |  | 470 | 660 | +40.4%"));

  /* Another year: nothing planned, but the report still builds */
  g_clear_pointer (&document, comm_report_document_unref);
  options.year = 2030;
  document = comm_report_build (info, db, &options, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = document_text (document);
  g_assert_nonnull (strstr (text, "The plan has no commissioning intentions for 2030-31."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/crud", test_crud);
  g_test_add_func ("/plan/validation", test_validation);
  g_test_add_func ("/plan/contract-links", test_contract_links);
  g_test_add_func ("/plan/budget-links-and-years", test_budget_links_and_years);
  g_test_add_func ("/plan/milestone-state", test_milestone_state);
  g_test_add_func ("/plan/due-order", test_due_order);
  g_test_add_func ("/plan/timeline", test_timeline);
  g_test_add_func ("/plan/demand-import", test_demand_import);
  g_test_add_func ("/plan/demand-bad-input", test_demand_bad_input);
  g_test_add_func ("/plan/demand-format", test_demand_format);
  g_test_add_func ("/plan/report", test_report);

  return g_test_run ();
}
