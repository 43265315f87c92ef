/* test-deep-dive-schedule.c: proposing a year of Deep Dives (every active contract exactly once,
 * inside the year and the contract's own dates, spread over the months), the schedule list with
 * its statuses and counts, and the list of actions across Deep Dives */
#include "config.h"

#include <string.h>

#include "commissioner-core.h"
#include "comm-database-private.h"
#include "comm-test-core.h"

#define YEAR 2026

/* Helpers */

/* Contracts around the edges of 2026-27 (1 April 2026 - 31 March 2027). */
static const struct {
  const char *reference;
  const char *start;
  const char *end;
  const char *extended_to;
  const char *terminated_on;
  gboolean    active;
} edge_contracts[] = {
  { "A-WHOLE",      "2025-04-01", "2028-03-31", NULL,         NULL,         TRUE },
  { "B-STARTS-JAN", "2027-01-15", "2030-01-14", NULL,         NULL,         TRUE },
  { "C-ENDS-MAY",   "2024-06-01", "2026-05-10", NULL,         NULL,         TRUE },
  { "D-ENDED",      "2023-04-01", "2026-03-31", NULL,         NULL,         FALSE },
  { "E-NEXT-YEAR",  "2027-04-01", "2029-03-31", NULL,         NULL,         FALSE },
  { "F-TERMINATED", "2024-04-01", "2028-03-31", NULL,         "2026-03-01", FALSE },
  { "G-EXTENDED",   "2023-04-01", "2026-03-31", "2026-06-30", NULL,         TRUE },
  { "H-LAST-DAY",   "2027-03-31", "2028-03-30", NULL,         NULL,         TRUE },
  { "I-FIRST-DAY",  "2020-04-01", "2026-04-01", NULL,         NULL,         TRUE },
  { "J-DELETED",    "2025-04-01", "2028-03-31", NULL,         NULL,         FALSE },
  { "K-TERM-JULY",  "2024-04-01", "2028-03-31", NULL,         "2026-07-31", TRUE },
};

static void
add_contract (CommDatabase *db,
              gint64        id,
              const char   *reference,
              const char   *start,
              const char   *end,
              const char   *extended_to,
              const char   *terminated_on,
              const char   *lead,
              const char   *area)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = comm_database_prepare (db, "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date,"
                                    " extended_to, terminated_on, lead_commissioner, service_area)"
                                    " VALUES (?1, ?2, 'Service ' || ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8)", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, reference, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, extended_to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, terminated_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, lead, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, area, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static CommDatabase *
edge_workspace (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GError) error = NULL;

  comm_test_exec_sql (db, "INSERT INTO providers (id, name) VALUES (1, 'Barnardo''s')");
  for (guint i = 0; i < G_N_ELEMENTS (edge_contracts); i++)
    add_contract (db, i + 1, edge_contracts[i].reference, edge_contracts[i].start, edge_contracts[i].end,
                  edge_contracts[i].extended_to, edge_contracts[i].terminated_on,
                  i % 2 == 0 ? "Priya Shah" : "Tom Reid", i % 3 == 0 ? "Youth" : "Family Support");
  g_assert_true (comm_contract_store_delete (db, 10, &error));  /* J-DELETED */
  g_assert_no_error (error);

  return db;
}

static GPtrArray *
propose (CommDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *proposals = comm_deep_dive_schedule_propose (db, YEAR, &error);

  g_assert_no_error (error);
  g_assert_nonnull (proposals);

  return proposals;
}

static GListStore *
schedule (CommDatabase *db,
          const char   *today_text)
{
  g_autoptr(GError) error = NULL;
  GDate today = comm_test_date (today_text);
  GListStore *rows = comm_deep_dive_schedule_list (db, YEAR, &today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

static CommDeepDiveRow *
find_row (GListStore *rows,
          const char *reference)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);

      if (g_str_equal (comm_deep_dive_row_get_contract_reference (row), reference))
        return row;  /* the store keeps a reference */
    }

  return NULL;
}

static void
assert_weekday_between (const char *iso,
                        const char *from,
                        const char *to)
{
  GDate date = comm_test_date (iso);

  g_assert_cmpstr (iso, >=, from);
  g_assert_cmpstr (iso, <=, to);
  g_assert_cmpint (g_date_get_weekday (&date), <=, G_DATE_FRIDAY);
}

/* Tests */

static void
test_propose_respects_the_year (void)
{
  CommDatabase *db = edge_workspace ();
  g_autoptr(GPtrArray) proposals = propose (db);
  g_autoptr(GPtrArray) again = propose (db);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint expected = 0, created = 0;

  for (guint i = 0; i < G_N_ELEMENTS (edge_contracts); i++)
    expected += edge_contracts[i].active ? 1 : 0;
  g_assert_cmpuint (proposals->len, ==, expected);

  for (guint i = 0; i < proposals->len; i++)
    {
      const CommDeepDiveProposal *proposal = proposals->pdata[i];
      const CommDeepDiveProposal *same = again->pdata[i];
      guint index = (guint) proposal->contract_id - 1;

      g_assert_true (edge_contracts[index].active);
      g_assert_true (g_hash_table_add (seen, proposal->contract_reference));  /* exactly once */
      g_assert_cmpstr (proposal->contract_reference, ==, edge_contracts[index].reference);
      g_assert_cmpstr (proposal->lead_reviewer, ==, index % 2 == 0 ? "Priya Shah" : "Tom Reid");
      g_assert_cmpstr (proposal->scheduled_on, ==, same->scheduled_on);  /* deterministic */
      assert_weekday_between (proposal->scheduled_on, "2026-04-01", "2027-03-31");
    }

  /* Each inside the part of the year its contract runs in. */
  for (guint i = 0; i < proposals->len; i++)
    {
      const CommDeepDiveProposal *proposal = proposals->pdata[i];
      const char *reference = proposal->contract_reference;

      if (g_str_equal (reference, "B-STARTS-JAN"))
        assert_weekday_between (proposal->scheduled_on, "2027-01-15", "2027-03-31");
      else if (g_str_equal (reference, "C-ENDS-MAY"))
        assert_weekday_between (proposal->scheduled_on, "2026-04-01", "2026-05-10");
      else if (g_str_equal (reference, "G-EXTENDED"))
        assert_weekday_between (proposal->scheduled_on, "2026-04-01", "2026-06-30");
      else if (g_str_equal (reference, "K-TERM-JULY"))
        assert_weekday_between (proposal->scheduled_on, "2026-04-01", "2026-07-31");
      else if (g_str_equal (reference, "H-LAST-DAY"))
        g_assert_cmpstr (proposal->scheduled_on, ==, "2027-03-31");  /* a Wednesday, its only day */
      else if (g_str_equal (reference, "I-FIRST-DAY"))
        g_assert_cmpstr (proposal->scheduled_on, ==, "2026-04-01");
    }

  g_assert_true (comm_deep_dive_schedule_apply (db, YEAR, proposals, &created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (created, ==, expected);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM deep_dives WHERE year = 2026"), ==, expected);
  after = propose (db);
  g_assert_cmpuint (after->len, ==, 0);  /* every active contract has one now */

  /* Applying again fails as a whole, naming the contract. */
  g_assert_false (comm_deep_dive_schedule_apply (db, YEAR, proposals, &created, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "A-WHOLE"));
  g_assert_cmpuint (created, ==, 0);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM deep_dives WHERE year = 2026"), ==, expected);
}

static void
test_propose_spreads_evenly (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GPtrArray) proposals = NULL;
  guint per_month[12] = { 0 };

  comm_test_exec_sql (db, "INSERT INTO providers (id, name) VALUES (1, 'YMCA')");
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *reference = g_strdup_printf ("R-%02u", 29 - i);

      add_contract (db, i + 1, reference, "2025-01-01", "2029-12-31", NULL, NULL, "", "Youth");
    }
  proposals = propose (db);
  g_assert_cmpuint (proposals->len, ==, 30);
  for (guint i = 0; i < proposals->len; i++)
    {
      const CommDeepDiveProposal *proposal = proposals->pdata[i];
      GDate date = comm_test_date (proposal->scheduled_on);
      int month = ((int) g_date_get_month (&date) + 8) % 12;  /* April = 0 */

      per_month[month]++;
      assert_weekday_between (proposal->scheduled_on, "2026-04-01", "2027-03-31");
      if (i > 0)  /* in reference order, dates never go back */
        {
          g_assert_cmpstr (proposal->contract_reference, >, ((CommDeepDiveProposal *) proposals->pdata[i - 1])->contract_reference);
          g_assert_cmpstr (proposal->scheduled_on, >=, ((CommDeepDiveProposal *) proposals->pdata[i - 1])->scheduled_on);
        }
    }
  /* 30 over 12 months: 2 or 3 a month, never more. */
  for (guint month = 0; month < 12; month++)
    {
      g_assert_cmpuint (per_month[month], >=, 2);
      g_assert_cmpuint (per_month[month], <=, 3);
    }
  g_assert_cmpstr (((CommDeepDiveProposal *) proposals->pdata[0])->contract_reference, ==, "R-00");
}

static void
test_propose_mid_year (void)
{
  CommDatabase *db = edge_workspace ();
  g_autoptr(GError) error = NULL;
  GDate not_before = comm_test_date ("2026-11-23");
  GDate after_year = comm_test_date ("2027-06-01");
  g_autoptr(GPtrArray) proposals = comm_deep_dive_schedule_propose_from (db, YEAR, &not_before, &error);
  g_autoptr(GPtrArray) whole = propose (db);
  g_autoptr(GPtrArray) late = comm_deep_dive_schedule_propose_from (db, YEAR, &after_year, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (proposals->len, ==, whole->len);
  for (guint i = 0; i < proposals->len; i++)
    {
      const CommDeepDiveProposal *proposal = proposals->pdata[i];
      const char *reference = proposal->contract_reference;

      if (g_str_equal (reference, "C-ENDS-MAY"))  /* ended before today: when it ran */
        assert_weekday_between (proposal->scheduled_on, "2026-04-01", "2026-05-10");
      else if (g_str_equal (reference, "G-EXTENDED"))
        assert_weekday_between (proposal->scheduled_on, "2026-04-01", "2026-06-30");
      else if (g_str_equal (reference, "K-TERM-JULY"))
        assert_weekday_between (proposal->scheduled_on, "2026-04-01", "2026-07-31");
      else if (g_str_equal (reference, "I-FIRST-DAY"))
        g_assert_cmpstr (proposal->scheduled_on, ==, "2026-04-01");
      else
        assert_weekday_between (proposal->scheduled_on, "2026-11-23", "2027-03-31");
      /* After the year: as if proposed at its start. */
      g_assert_cmpstr (((CommDeepDiveProposal *) late->pdata[i])->scheduled_on, ==,
                       ((CommDeepDiveProposal *) whole->pdata[i])->scheduled_on);
    }
}

static void
test_schedule_statuses_and_counts (void)
{
  CommDatabase *db = edge_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rows = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  guint counts[COMM_DEEP_DIVE_N_STATUSES];
  CommDeepDiveRow *row;
  g_autofree char *label = NULL;
  gint64 pending, scheduled, overdue, started, complete, not_active;
  int status;

  pending = comm_deep_dive_create (db, 1, YEAR, NULL, NULL, &error);            /* A: Pending */
  scheduled = comm_deep_dive_create (db, 2, YEAR, "2027-02-01", "Ann", &error);   /* B: Scheduled */
  overdue = comm_deep_dive_create (db, 3, YEAR, "2026-05-05", NULL, &error);    /* C: Overdue */
  started = comm_deep_dive_create (db, 7, YEAR, "2026-11-02", NULL, &error);    /* G: In progress */
  complete = comm_deep_dive_create (db, 9, YEAR, "2026-04-01", NULL, &error);   /* I: Complete */
  not_active = comm_deep_dive_create (db, 4, YEAR, "2026-04-10", NULL, &error); /* D: ended, has one */
  g_assert_no_error (error);
  g_assert_true (comm_deep_dive_start (db, started, "2026-11-02", NULL, &error));
  g_assert_true (comm_deep_dive_start (db, complete, "2026-04-01", NULL, &error));
  g_assert_no_error (error);
  dive = comm_deep_dive_load (db, complete, &error);
  for (guint i = 0; i < dive->areas->len; i++)
    comm_deep_dive_save_area (db, ((CommDeepDiveArea *) dive->areas->pdata[i])->id,
                              i < 8 ? COMM_JUDGEMENT_MET : COMM_JUDGEMENT_NOT_ASSESSED, NULL, NULL, &error);
  g_assert_true (comm_deep_dive_save_conclusion (db, complete, COMM_GRADE_OUTSTANDING, "", "", FALSE, NULL, &error));
  g_assert_true (comm_deep_dive_sign_off (db, complete, "Head of Service", "2026-04-20", NULL, &error));
  g_assert_no_error (error);
  comm_deep_dive_free (g_steal_pointer (&dive));
  dive = comm_deep_dive_load (db, started, &error);
  comm_deep_dive_save_area (db, ((CommDeepDiveArea *) dive->areas->pdata[0])->id, COMM_JUDGEMENT_MET, "", NULL, &error);
  comm_deep_dive_action_free (comm_deep_dive_add_action (db, ((CommDeepDiveArea *) dive->areas->pdata[0])->id,
                                                         "Late one", "", "2026-11-01", &error));
  comm_deep_dive_action_free (comm_deep_dive_add_action (db, ((CommDeepDiveArea *) dive->areas->pdata[1])->id,
                                                         "Future one", "", "2027-01-01", &error));
  g_assert_no_error (error);

  rows = schedule (db, "2026-11-23");
  /* Active contracts (7) plus D, which ended but has a Deep Dive this year. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 8);
  comm_deep_dive_schedule_count (G_LIST_MODEL (rows), counts);
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_NONE], ==, 2);  /* H and K */
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_PENDING], ==, 1);
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_SCHEDULED], ==, 1);
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_OVERDUE], ==, 2);  /* C and D */
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_IN_PROGRESS], ==, 1);
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_COMPLETE], ==, 1);

  row = find_row (rows, "A-WHOLE");
  g_assert_cmpint (comm_deep_dive_row_get_deep_dive_id (row), ==, pending);
  g_assert_cmpint (comm_deep_dive_row_get_status (row), ==, COMM_DEEP_DIVE_STATUS_PENDING);
  g_assert_cmpstr (comm_deep_dive_row_get_lead_reviewer (row), ==, "Priya Shah");
  row = find_row (rows, "B-STARTS-JAN");
  g_assert_cmpint (comm_deep_dive_row_get_deep_dive_id (row), ==, scheduled);
  g_assert_cmpstr (comm_deep_dive_row_get_lead_reviewer (row), ==, "Ann");
  g_assert_cmpstr (comm_deep_dive_row_get_service_area (row), ==, "Family Support");
  row = find_row (rows, "C-ENDS-MAY");
  g_assert_cmpint (comm_deep_dive_row_get_deep_dive_id (row), ==, overdue);
  g_assert_cmpint (comm_deep_dive_row_get_status (row), ==, COMM_DEEP_DIVE_STATUS_OVERDUE);
  row = find_row (rows, "D-ENDED");
  g_assert_cmpint (comm_deep_dive_row_get_deep_dive_id (row), ==, not_active);
  g_assert_false (comm_deep_dive_row_get_active_in_year (row));
  row = find_row (rows, "G-EXTENDED");
  g_assert_cmpint (comm_deep_dive_row_get_status (row), ==, COMM_DEEP_DIVE_STATUS_IN_PROGRESS);
  g_assert_cmpuint (comm_deep_dive_row_get_areas_judged (row), ==, 1);
  g_assert_cmpuint (comm_deep_dive_row_get_areas_total (row), ==, 9);
  g_assert_cmpuint (comm_deep_dive_row_get_open_actions (row), ==, 2);
  g_assert_cmpuint (comm_deep_dive_row_get_overdue_actions (row), ==, 1);
  row = find_row (rows, "I-FIRST-DAY");
  g_assert_cmpint (comm_deep_dive_row_get_status (row), ==, COMM_DEEP_DIVE_STATUS_COMPLETE);
  g_assert_cmpint (comm_deep_dive_row_get_grade (row), ==, COMM_GRADE_OUTSTANDING);
  g_assert_cmpstr (comm_deep_dive_row_get_signed_off_on (row), ==, "2026-04-20");
  g_assert_cmpuint (comm_deep_dive_row_get_areas_judged (row), ==, 9);
  row = find_row (rows, "H-LAST-DAY");
  g_assert_cmpint (comm_deep_dive_row_get_deep_dive_id (row), ==, 0);
  g_assert_cmpint (comm_deep_dive_row_get_status (row), ==, COMM_DEEP_DIVE_STATUS_NONE);
  g_object_get (row, "status-label", &label, "status", &status, NULL);
  g_assert_cmpstr (label, ==, "No Deep Dive");
  g_assert_cmpint (status, ==, COMM_DEEP_DIVE_STATUS_NONE);
  g_assert_null (find_row (rows, "J-DELETED"));
  g_assert_null (find_row (rows, "E-NEXT-YEAR"));

  /* Rows with a date come first, in date order. */
  row = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_cmpstr (comm_deep_dive_row_get_scheduled_on (row), ==, "2026-04-01");
  g_object_unref (row);

  /* The status follows the day: on 1 April 2026 nothing is overdue yet. */
  g_clear_object (&rows);
  rows = schedule (db, "2026-04-01");
  comm_deep_dive_schedule_count (G_LIST_MODEL (rows), counts);
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_OVERDUE], ==, 0);
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_SCHEDULED], ==, 3);
  {
    GDate later = comm_test_date ("2026-05-06");

    row = find_row (rows, "C-ENDS-MAY");
    comm_deep_dive_row_refresh_status (row, &later);
    g_assert_cmpint (comm_deep_dive_row_get_status (row), ==, COMM_DEEP_DIVE_STATUS_OVERDUE);
  }
  {
    GDate today = comm_test_date ("2026-11-23");

    g_assert_true (comm_deep_dive_schedule_counts (db, YEAR, &today, counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_OVERDUE], ==, 2);
  }
}

static gboolean
has_overdue (CommDatabase *db,
             const char   *today_text)
{
  g_autoptr(GError) error = NULL;
  GDate today = comm_test_date (today_text);
  gboolean overdue = -1;

  g_assert_true (comm_deep_dive_schedule_has_overdue (db, YEAR, &today, &overdue, &error));
  g_assert_no_error (error);

  return overdue;
}

/* The one-query check (a tab not yet shown flags itself with it) against the schedule's own
 * statuses, day by day, including the grace days of a started Deep Dive and a signed-off one. */
static void
test_has_overdue_agrees (void)
{
  CommDatabase *db = edge_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  gint64 started, signed_off;
  GDate day = comm_test_date ("2026-04-01");

  started = comm_deep_dive_create (db, 7, YEAR, "2026-11-02", NULL, &error);
  signed_off = comm_deep_dive_create (db, 9, YEAR, "2026-04-02", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (comm_deep_dive_start (db, started, "2026-11-02", NULL, &error));
  g_assert_true (comm_deep_dive_start (db, signed_off, "2026-04-02", NULL, &error));
  dive = comm_deep_dive_load (db, signed_off, &error);
  for (guint i = 0; i < dive->areas->len; i++)
    comm_deep_dive_save_area (db, ((CommDeepDiveArea *) dive->areas->pdata[i])->id,
                              COMM_JUDGEMENT_MET, NULL, NULL, &error);
  g_assert_true (comm_deep_dive_save_conclusion (db, signed_off, COMM_GRADE_GOOD, "", "", FALSE, NULL, &error));
  g_assert_true (comm_deep_dive_sign_off (db, signed_off, "Head of Service", "2026-04-20", NULL, &error));
  g_assert_no_error (error);

  /* Started on its date: in progress for 28 days, then overdue. Signed off: never. */
  g_assert_false (has_overdue (db, "2026-11-30"));
  g_assert_true (has_overdue (db, "2026-12-01"));

  for (guint i = 0; i < 366; i++, g_date_add_days (&day, 1))
    {
      g_autofree char *text = comm_date_to_iso (&day);
      g_autoptr(GListStore) rows = schedule (db, text);
      guint counts[COMM_DEEP_DIVE_N_STATUSES];

      comm_deep_dive_schedule_count (G_LIST_MODEL (rows), counts);
      if (has_overdue (db, text) != (counts[COMM_DEEP_DIVE_STATUS_OVERDUE] > 0))
        g_error ("%s: the check says %d, the schedule counts %u overdue", text,
                 has_overdue (db, text), counts[COMM_DEEP_DIVE_STATUS_OVERDUE]);
    }

  /* A deleted contract's Deep Dive is out of the schedule, and out of the check. */
  g_assert_true (comm_contract_store_delete (db, 7, &error));
  g_assert_no_error (error);
  g_assert_false (has_overdue (db, "2026-12-01"));
}

static void
test_actions_across_deep_dives (void)
{
  CommDatabase *db = edge_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outstanding = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) other_year = NULL;
  GDate today = comm_test_date ("2026-11-23");
  const char *order[] = { "Overdue long ago", "Overdue lately", "Due soon", "Due later", "No date" };
  gint64 first, second;
  gint64 first_area, second_area;

  first = comm_deep_dive_create (db, 1, YEAR, "2026-06-01", NULL, &error);
  second = comm_deep_dive_create (db, 2, YEAR, "2027-02-01", NULL, &error);
  comm_deep_dive_start (db, first, "2026-06-01", NULL, &error);
  comm_deep_dive_start (db, second, "2027-02-01", NULL, &error);
  g_assert_no_error (error);
  first_area = comm_test_query_int (db, "SELECT min(id) FROM deep_dive_areas WHERE deep_dive_id = 1");
  second_area = comm_test_query_int (db, "SELECT max(id) FROM deep_dive_areas WHERE deep_dive_id = 2");
  g_assert_cmpint (second, ==, 2);

  comm_deep_dive_action_free (comm_deep_dive_add_action (db, first_area, "Due later", "", "2027-03-01", &error));
  comm_deep_dive_action_free (comm_deep_dive_add_action (db, second_area, "Overdue lately", "", "2026-11-22", &error));
  comm_deep_dive_action_free (comm_deep_dive_add_action (db, first_area, "No date", "", NULL, &error));
  comm_deep_dive_action_free (comm_deep_dive_add_action (db, second_area, "Due soon", "", "2026-11-23", &error));
  comm_deep_dive_action_free (comm_deep_dive_add_action (db, first_area, "Overdue long ago", "", "2026-07-01", &error));
  {
    g_autoptr(CommDeepDiveAction) done = comm_deep_dive_add_action (db, first_area, "Done already", "", "2026-07-01", &error);

    g_assert_true (comm_deep_dive_set_action_done (db, done->id, TRUE, NULL, &error));
  }
  g_assert_no_error (error);

  outstanding = comm_deep_dive_list_actions (db, 0, TRUE, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outstanding->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < outstanding->len; i++)
    {
      const CommActionRow *row = outstanding->pdata[i];

      g_assert_cmpstr (row->action.description, ==, order[i]);
      g_assert_cmpint (row->overdue, ==, i < 2);
      g_assert_cmpint (row->year, ==, YEAR);
    }
  g_assert_cmpstr (((CommActionRow *) outstanding->pdata[1])->contract_reference, ==, "B-STARTS-JAN");
  g_assert_cmpuint (((CommActionRow *) outstanding->pdata[1])->area_number, ==, 9);
  g_assert_cmpstr (((CommActionRow *) outstanding->pdata[0])->area_title, ==,
                   "Quality of the direct work with children and families");

  all = comm_deep_dive_list_actions (db, YEAR, FALSE, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 6);
  g_assert_cmpstr (((CommActionRow *) all->pdata[0])->contract_reference, ==, "A-WHOLE");
  g_assert_cmpstr (((CommActionRow *) all->pdata[0])->action.description, ==, "Due later");
  g_assert_true (((CommActionRow *) all->pdata[3])->action.done);
  other_year = comm_deep_dive_list_actions (db, YEAR + 1, FALSE, &today, &error);
  g_assert_cmpuint (other_year->len, ==, 0);

  /* A deleted contract's actions leave the list (and come back with it). */
  g_assert_true (comm_contract_store_delete (db, 1, &error));
  g_clear_pointer (&outstanding, g_ptr_array_unref);
  outstanding = comm_deep_dive_list_actions (db, 0, TRUE, &today, &error);
  g_assert_cmpuint (outstanding->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deep-dive-schedule/propose-respects-the-year", test_propose_respects_the_year);
  g_test_add_func ("/deep-dive-schedule/propose-spreads-evenly", test_propose_spreads_evenly);
  g_test_add_func ("/deep-dive-schedule/propose-mid-year", test_propose_mid_year);
  g_test_add_func ("/deep-dive-schedule/statuses-and-counts", test_schedule_statuses_and_counts);
  g_test_add_func ("/deep-dive-schedule/actions-across-deep-dives", test_actions_across_deep_dives);
  g_test_add_func ("/deep-dive-schedule/has-overdue-agrees", test_has_overdue_agrees);

  return g_test_run ();
}
