/* test-contract-store.c: contracts saved and read back, the register's one-query summary, soft
 * delete, duplicates, and saves that fail leaving everything as it was */
#include "config.h"

#include "commissioner-core.h"
#include "comm-database-private.h"
#include "comm-test-core.h"

typedef struct {
  char         *dir;
  CommDatabase *db;
  gint64        provider_id;
  GDate         today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommProvider) provider = comm_provider_new ();

  fixture->dir = comm_test_new_dir ();
  fixture->db = comm_test_create_workspace_in (fixture->dir, "test.commissioner");

  comm_provider_set_name (provider, "Riverside Young Carers Trust");
  g_assert_true (comm_provider_store_save (fixture->db, provider, &error));
  fixture->provider_id = comm_provider_get_id (provider);

  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 23, G_DATE_NOVEMBER, 2026);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  comm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static CommContract *
make_contract (Fixture    *fixture,
               const char *reference)
{
  CommContract *contract = comm_contract_new ();

  g_object_set (contract,
                "reference", reference, "title", "Young Carers and Affected Others",
                "service-area", "young-carers", "description", "Support for young carers, with a “whole family” approach.",
                "provider-id", fixture->provider_id, "lead-commissioner", "Jo Penrose",
                "geography", "countywide", "procurement-route", "open-tender",
                "start-date", "2025-04-01", "end-date", "2028-03-31",
                "extension-options", "Option to extend by 24 months", "notice-months", 6,
                "review-date", "2027-04-01", "procuring", FALSE, NULL);
  g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new ("WNF", 2025, 7250000));
  g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new ("Public Health", 2025, 7250000));
  g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new ("WNF", 2026, 7500000));
  g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new ("Public Health", 2026, 7500050));
  g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new ("WNF", 2027, 15000000));
  g_ptr_array_add (comm_contract_get_rag_history (contract),
                   comm_rag_entry_new ("2026-09-30", COMM_RAG_AMBER, COMM_KPI_APPROACHING_TARGET,
                                       "Waiting list above target after two staff left."));
  g_ptr_array_add (comm_contract_get_rag_history (contract),
                   comm_rag_entry_new ("2026-06-28", COMM_RAG_GREEN, COMM_KPI_GOOD, "All KPIs met."));
  g_ptr_array_add (comm_contract_get_meetings (contract), comm_meeting_new ("2026-09-30", "Quarterly meeting"));
  g_ptr_array_add (comm_contract_get_meetings (contract), comm_meeting_new ("2026-06-28", ""));
  comm_contract_set_has_details (contract, TRUE);

  return contract;
}

static const char * const stored_strings[] = {
  "reference", "title", "service-area", "description", "lead-commissioner", "geography",
  "procurement-route", "start-date", "end-date", "extension-options", "review-date",
  "extended-to", "terminated-on",
};

static void
assert_same_contract (CommContract *a,
                      CommContract *b)
{
  GPtrArray *la = comm_contract_get_funding_lines (a), *lb = comm_contract_get_funding_lines (b);
  GPtrArray *ra = comm_contract_get_rag_history (a), *rb = comm_contract_get_rag_history (b);
  GPtrArray *ma = comm_contract_get_meetings (a), *mb = comm_contract_get_meetings (b);
  gint64 pa, pb;
  int na, nb;
  gboolean qa, qb;

  g_assert_cmpint (comm_contract_get_id (a), ==, comm_contract_get_id (b));
  for (guint i = 0; i < G_N_ELEMENTS (stored_strings); i++)
    {
      g_autofree char *sa = NULL, *sb = NULL;

      g_object_get (a, stored_strings[i], &sa, NULL);
      g_object_get (b, stored_strings[i], &sb, NULL);
      g_assert_cmpstr (sa, ==, sb);
    }
  g_object_get (a, "provider-id", &pa, "notice-months", &na, "procuring", &qa, NULL);
  g_object_get (b, "provider-id", &pb, "notice-months", &nb, "procuring", &qb, NULL);
  g_assert_cmpint (pa, ==, pb);
  g_assert_cmpint (na, ==, nb);
  g_assert_cmpint (qa, ==, qb);

  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      const CommFundingLine *x = g_ptr_array_index (la, i), *y = g_ptr_array_index (lb, i);

      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->stream, ==, y->stream);
      g_assert_cmpint (x->year, ==, y->year);
      g_assert_cmpint (x->amount, ==, y->amount);
    }
  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint i = 0; i < ra->len; i++)
    {
      const CommRagEntry *x = g_ptr_array_index (ra, i), *y = g_ptr_array_index (rb, i);

      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->rated_on, ==, y->rated_on);
      g_assert_cmpint (x->rag, ==, y->rag);
      g_assert_cmpint (x->kpi, ==, y->kpi);
      g_assert_cmpstr (x->comment, ==, y->comment);
    }
  g_assert_cmpuint (ma->len, ==, mb->len);
  for (guint i = 0; i < ma->len; i++)
    {
      const CommMeeting *x = g_ptr_array_index (ma, i), *y = g_ptr_array_index (mb, i);

      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->held_on, ==, y->held_on);
      g_assert_cmpstr (x->note, ==, y->note);
    }
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) contract = make_contract (fixture, "CYP-YC-002");
  g_autoptr(CommContract) loaded = NULL;

  g_assert_true (comm_contract_store_save (fixture->db, contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_contract_get_id (contract), >, 0);
  g_assert_cmpstr (comm_contract_get_provider_name (contract), ==, "Riverside Young Carers Trust");
  for (guint i = 0; i < comm_contract_get_funding_lines (contract)->len; i++)
    g_assert_cmpint (((CommFundingLine *) g_ptr_array_index (comm_contract_get_funding_lines (contract), i))->id, >, 0);

  loaded = comm_contract_store_get (fixture->db, comm_contract_get_id (contract), &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_true (comm_contract_has_details (loaded));
  /* Saved in the loaded order (funding by year, history newest first), so equal field by field. */
  assert_same_contract (contract, loaded);

  g_assert_cmpstr (comm_contract_get_provider_name (loaded), ==, "Riverside Young Carers Trust");
  g_assert_cmpint (comm_contract_get_value (loaded), ==, 44500050);
  g_assert_cmpint (comm_contract_get_annual_value (loaded), ==, 15000050);
  g_assert_cmpint (comm_contract_get_rag (loaded), ==, COMM_RAG_AMBER);
  g_assert_cmpstr (comm_contract_get_rag_date (loaded), ==, "2026-09-30");
  g_assert_cmpstr (comm_contract_get_last_meeting_date (loaded), ==, "2026-09-30");
  g_assert_cmpint (comm_contract_get_status (loaded), ==, COMM_STATUS_ACTIVE);
  /* Amber: every two months after the last meeting. */
  g_assert_cmpstr (comm_contract_get_next_monitoring_due (loaded), ==, "2026-11-30");
  g_assert_false (comm_contract_get_monitoring_overdue (loaded));
  g_assert_cmpstr (comm_contract_get_effective_end_date (loaded), ==, "2028-03-31");
  g_assert_nonnull (strstr (comm_contract_get_search_key (loaded), "young carers"));
  g_assert_nonnull (strstr (comm_contract_get_search_key (loaded), "jo penrose"));
  g_assert_nonnull (strstr (comm_contract_get_search_key (loaded), "cyp-yc-002"));
}

static void
test_update_details (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) contract = make_contract (fixture, "CYP-YC-002");
  g_autoptr(CommContract) loaded = NULL;
  g_autoptr(CommContract) reloaded = NULL;
  CommFundingLine *line;
  gint64 kept_id, removed_id;

  g_assert_true (comm_contract_store_save (fixture->db, contract, &error));
  loaded = comm_contract_store_get (fixture->db, comm_contract_get_id (contract), &fixture->today, &error);
  g_assert_no_error (error);

  line = g_ptr_array_index (comm_contract_get_funding_lines (loaded), 0);
  kept_id = line->id;
  line->amount = 100;
  removed_id = ((CommFundingLine *) g_ptr_array_index (comm_contract_get_funding_lines (loaded), 4))->id;
  g_ptr_array_remove_index (comm_contract_get_funding_lines (loaded), 4);
  g_ptr_array_add (comm_contract_get_funding_lines (loaded), comm_funding_line_new ("CF", 2027, 900));
  g_ptr_array_remove_index (comm_contract_get_meetings (loaded), 1);
  g_ptr_array_insert (comm_contract_get_rag_history (loaded), 0,
                      comm_rag_entry_new ("2026-11-20", COMM_RAG_RED, COMM_KPI_NONE, "Formal warning issued."));
  g_object_set (loaded, "title", "Young carers", "extended-to", "2029-03-31", "notice-months", 3, NULL);

  g_assert_true (comm_contract_store_save (fixture->db, loaded, &error));
  g_assert_no_error (error);
  reloaded = comm_contract_store_get (fixture->db, comm_contract_get_id (contract), &fixture->today, &error);
  g_assert_no_error (error);
  assert_same_contract (loaded, reloaded);
  g_assert_cmpint (((CommFundingLine *) g_ptr_array_index (comm_contract_get_funding_lines (reloaded), 0))->id, ==, kept_id);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM funding_lines"), ==, 5);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM monitoring_meetings"), ==, 1);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM rag_ratings"), ==, 3);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM funding_lines WHERE id = %" G_GINT64_FORMAT, removed_id);
    g_assert_cmpint (comm_test_query_int (fixture->db, sql), ==, 0);
  }
  g_assert_cmpint (comm_contract_get_rag (reloaded), ==, COMM_RAG_RED);
  g_assert_cmpstr (comm_contract_get_effective_end_date (reloaded), ==, "2029-03-31");

  /* Saving again without a change touches nothing: no audit rows for no edit. */
  {
    gint64 audit = comm_test_query_int (fixture->db, "SELECT count (*) FROM audit_log");

    g_assert_true (comm_contract_store_save (fixture->db, reloaded, &error));
    g_assert_no_error (error);
    g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM audit_log"), ==, audit);
  }
}

static void
test_save_from_list_keeps_details (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) contract = make_contract (fixture, "CYP-YC-002");
  g_autoptr(GListStore) store = NULL;
  g_autoptr(CommContract) listed = NULL;

  g_assert_true (comm_contract_store_save (fixture->db, contract, &error));
  store = comm_contract_store_list (fixture->db, &fixture->today, &error);
  g_assert_no_error (error);
  listed = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_false (comm_contract_has_details (listed));
  g_assert_cmpuint (comm_contract_get_funding_lines (listed)->len, ==, 0);

  g_object_set (listed, "title", "Young carers (renamed)", NULL);
  g_assert_true (comm_contract_store_save (fixture->db, listed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM funding_lines"), ==, 5);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM rag_ratings"), ==, 2);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM contracts WHERE title = 'Young carers (renamed)'"), ==, 1);
}

static void
test_reference_unique (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) first = make_contract (fixture, "CYP-YC-002");
  g_autoptr(CommContract) second = make_contract (fixture, "cyp-yc-002");

  g_assert_true (comm_contract_store_save (fixture->db, first, &error));
  g_assert_true (comm_contract_store_reference_exists (fixture->db, "Cyp-Yc-002", 0));
  g_assert_false (comm_contract_store_reference_exists (fixture->db, "CYP-YC-002", comm_contract_get_id (first)));
  g_assert_false (comm_contract_store_reference_exists (fixture->db, "CYP-YC-003", 0));

  g_assert_false (comm_contract_store_save (fixture->db, second, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cyp-yc-002"));
  g_assert_cmpint (comm_contract_get_id (second), ==, 0);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM contracts"), ==, 1);
  g_clear_error (&error);

  /* A contract keeps its own reference when saved again. */
  g_object_set (first, "title", "Young carers", NULL);
  g_assert_true (comm_contract_store_save (fixture->db, first, &error));
  g_assert_no_error (error);
}

static void
test_soft_delete_restore (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) contract = make_contract (fixture, "CYP-YC-002");
  g_autoptr(CommContract) taker = make_contract (fixture, "CYP-YC-002");
  g_autoptr(GListStore) store = NULL;
  gint64 id;

  g_assert_true (comm_contract_store_save (fixture->db, contract, &error));
  id = comm_contract_get_id (contract);
  g_assert_true (comm_contract_store_delete (fixture->db, id, &error));
  g_assert_no_error (error);

  store = comm_contract_store_list (fixture->db, &fixture->today, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_null (comm_contract_store_get (fixture->db, id, &fixture->today, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Kept in the file, details and all. */
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM contracts WHERE deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM funding_lines"), ==, 5);
  g_assert_false (comm_contract_store_delete (fixture->db, id, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (comm_contract_store_restore (fixture->db, id, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  store = comm_contract_store_list (fixture->db, &fixture->today, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* Deleted again, and meanwhile another contract takes its reference: restoring is refused. */
  g_assert_true (comm_contract_store_delete (fixture->db, id, &error));
  g_assert_true (comm_contract_store_save (fixture->db, taker, &error));
  g_assert_no_error (error);
  g_assert_false (comm_contract_store_restore (fixture->db, id, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CYP-YC-002"));
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM contracts WHERE deleted_at IS NOT NULL"), ==, 1);
  g_clear_error (&error);

  g_assert_false (comm_contract_store_restore (fixture->db, 9999, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) contract = make_contract (fixture, "CYP-YC-002");
  g_autoptr(CommContract) copy = NULL;
  g_autoptr(CommContract) loaded = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *second = NULL;
  g_autofree char *title = NULL;

  g_assert_true (comm_contract_store_save (fixture->db, contract, &error));
  reference = comm_contract_store_free_copy_reference (fixture->db, "CYP-YC-002");
  g_assert_cmpstr (reference, ==, "CYP-YC-002-COPY");

  copy = comm_contract_duplicate (contract, reference);
  g_assert_cmpint (comm_contract_get_id (copy), ==, 0);
  g_assert_cmpuint (comm_contract_get_rag_history (copy)->len, ==, 0);
  g_assert_cmpuint (comm_contract_get_meetings (copy)->len, ==, 0);
  g_assert_cmpuint (comm_contract_get_funding_lines (copy)->len, ==, 5);
  g_assert_cmpint (((CommFundingLine *) g_ptr_array_index (comm_contract_get_funding_lines (copy), 0))->id, ==, 0);
  g_assert_true (g_ptr_array_index (comm_contract_get_funding_lines (copy), 0) !=
                 g_ptr_array_index (comm_contract_get_funding_lines (contract), 0));

  g_assert_true (comm_contract_store_save (fixture->db, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_contract_get_id (copy), !=, comm_contract_get_id (contract));
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM funding_lines"), ==, 10);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM rag_ratings"), ==, 2);

  loaded = comm_contract_store_get (fixture->db, comm_contract_get_id (copy), &fixture->today, &error);
  g_assert_no_error (error);
  g_object_get (loaded, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Young Carers and Affected Others");
  comm_contract_refresh_derived (contract, &fixture->today, NULL, 0);
  g_assert_cmpint (comm_contract_get_value (loaded), ==, 44500050);
  g_assert_cmpint (comm_contract_get_value (loaded), ==, comm_contract_get_value (contract));
  g_assert_cmpint (comm_contract_get_rag (loaded), ==, COMM_RAG_NONE);

  second = comm_contract_store_free_copy_reference (fixture->db, "CYP-YC-002");
  g_assert_cmpstr (second, ==, "CYP-YC-002-COPY2");
}

static void
assert_nothing_saved (Fixture *fixture,
                      gint64   contracts,
                      gint64   lines)
{
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM contracts"), ==, contracts);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM funding_lines"), ==, lines);
}

static void
test_save_failure_leaves_all_unchanged (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) saved = make_contract (fixture, "CYP-YC-002");
  g_autoptr(CommContract) bad = make_contract (fixture, "CYP-YC-005");
  g_autoptr(GPtrArray) problems = NULL;
  CommFundingLine *added;

  g_assert_true (comm_contract_store_save (fixture->db, saved, &error));

  /* Refused by validation. */
  g_object_set (bad, "end-date", "2024-03-31", NULL);
  problems = comm_contract_validate (bad);
  g_assert_nonnull (comm_problems_find (problems, "end-date"));
  g_assert_false (comm_contract_store_save (fixture->db, bad, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before the start date"));
  g_clear_error (&error);
  assert_nothing_saved (fixture, 1, 5);
  g_assert_cmpint (comm_contract_get_id (bad), ==, 0);

  /* Refused by the file half-way through (the last table written): nothing of it stays. */
  g_object_set (bad, "end-date", "2028-03-31", NULL);
  g_assert_true (comm_database_exec (fixture->db,
                                     "CREATE TEMP TRIGGER refuse_meetings BEFORE INSERT ON main.monitoring_meetings"
                                     " BEGIN SELECT RAISE (ABORT, 'no meetings today'); END", &error));
  g_assert_false (comm_contract_store_save (fixture->db, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no meetings today"));
  g_clear_error (&error);
  assert_nothing_saved (fixture, 1, 5);
  g_assert_cmpint (comm_contract_get_id (bad), ==, 0);
  g_assert_cmpint (((CommFundingLine *) g_ptr_array_index (comm_contract_get_funding_lines (bad), 0))->id, ==, 0);

  /* An update that fails keeps the old row and the object's ids. */
  g_object_set (saved, "title", "Changed title", NULL);
  added = comm_funding_line_new ("CF", 2027, 500);
  g_ptr_array_add (comm_contract_get_funding_lines (saved), added);
  g_ptr_array_add (comm_contract_get_meetings (saved), comm_meeting_new ("2026-11-20", "extra"));
  g_assert_false (comm_contract_store_save (fixture->db, saved, &error));
  g_clear_error (&error);
  assert_nothing_saved (fixture, 1, 5);
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count (*) FROM contracts WHERE title = 'Changed title'"), ==, 0);
  g_assert_cmpint (added->id, ==, 0);

  g_assert_true (comm_database_exec (fixture->db, "DROP TRIGGER temp.refuse_meetings", &error));
  g_assert_true (comm_contract_store_save (fixture->db, saved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (added->id, >, 0);
  assert_nothing_saved (fixture, 1, 6);
}

static void
test_validation_messages (void)
{
  g_autoptr(CommContract) contract = comm_contract_new ();
  g_autoptr(GPtrArray) problems = NULL;

  problems = comm_contract_validate (contract);
  g_assert_nonnull (comm_problems_find (problems, "reference"));
  g_assert_nonnull (comm_problems_find (problems, "title"));
  g_assert_nonnull (comm_problems_find (problems, "provider-id"));
  g_assert_nonnull (comm_problems_find (problems, "start-date"));
  g_assert_nonnull (comm_problems_find (problems, "end-date"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_object_set (contract, "reference", "X-1", "title", "T", "provider-id", (gint64) 1,
                "start-date", "2026-04-01", "end-date", "2027-03-31", "extended-to", "2027-01-01",
                "notice-months", -1, "review-date", "soon", NULL);
  g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new ("", 2026, 1));
  g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new ("WNF", 1999, 1));
  g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new ("WNF", 2026, -5));
  g_ptr_array_add (comm_contract_get_rag_history (contract), comm_rag_entry_new ("2026-13-01", COMM_RAG_RED, 0, ""));
  g_ptr_array_add (comm_contract_get_rag_history (contract), comm_rag_entry_new ("2026-10-01", COMM_RAG_NONE, 0, ""));
  g_ptr_array_add (comm_contract_get_meetings (contract), comm_meeting_new ("", ""));
  problems = comm_contract_validate (contract);
  g_assert_cmpuint (problems->len, ==, 9);
  g_assert_nonnull (comm_problems_find (problems, "extended-to"));
  g_assert_nonnull (comm_problems_find (problems, "notice-months"));
  g_assert_nonnull (comm_problems_find (problems, "review-date"));
  g_assert_nonnull (comm_problems_find (problems, "funding-line:0"));
  g_assert_nonnull (comm_problems_find (problems, "funding-line:1"));
  g_assert_cmpstr (comm_problems_find (problems, "funding-line:2")->message, ==, "Funding line 3 has a negative amount.");
  g_assert_nonnull (comm_problems_find (problems, "rag:0"));
  g_assert_nonnull (comm_problems_find (problems, "rag:1"));
  g_assert_nonnull (comm_problems_find (problems, "meeting:0"));
}

/* The annual value: this financial year's lines, else the nearest year before, else the first. */
static void
test_annual_value_rule (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct { int years[3]; gint64 amounts[3]; gint64 annual; gint64 value; } cases[] = {
    { { 2025, 2026, 2026 }, { 100, 200, 50 }, 250, 350 },
    { { 2024, 2025, 2028 }, { 10, 20, 40 }, 20, 70 },
    { { 2027, 2028, 2027 }, { 30, 40, 5 }, 35, 75 },
    { { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reference = g_strdup_printf ("R-%u", i);
      g_autoptr(CommContract) contract = make_contract (fixture, reference);

      g_ptr_array_set_size (comm_contract_get_funding_lines (contract), 0);
      for (guint j = 0; j < 3 && cases[i].years[j] != 0; j++)
        g_ptr_array_add (comm_contract_get_funding_lines (contract),
                         comm_funding_line_new ("WNF", cases[i].years[j], cases[i].amounts[j]));
      comm_contract_refresh_derived (contract, &fixture->today, NULL, 0);
      g_assert_cmpint (comm_contract_get_annual_value (contract), ==, cases[i].annual);
      g_assert_cmpint (comm_contract_get_value (contract), ==, cases[i].value);
      g_assert_true (comm_contract_store_save (fixture->db, contract, &error));
      g_assert_no_error (error);
    }

  /* The list's SQL says the same. */
  store = comm_contract_store_list (fixture->db, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_false (comm_contract_has_details (contract));
      g_assert_cmpint (comm_contract_get_annual_value (contract), ==, cases[i].annual);
      g_assert_cmpint (comm_contract_get_value (contract), ==, cases[i].value);
    }
}

/* A copy of a listed contract (no details loaded) keeps the listed summary exactly. */
static void
assert_copy_keeps_summary (CommContract *listed,
                           const GDate  *today,
                           GArray       *leads)
{
  g_autoptr(CommContract) copy = comm_contract_copy (listed);
  static const char * const compared[] = {
    "rag-date", "rag-comment", "last-meeting-date", "next-monitoring-due", "notice-date",
    "effective-end-date", "search-key", "provider-name",
  };

  g_assert_false (comm_contract_has_details (copy));
  comm_contract_refresh_derived (copy, today, (const int *) leads->data, leads->len);
  for (guint i = 0; i < G_N_ELEMENTS (compared); i++)
    {
      g_autofree char *a = NULL, *b = NULL;

      g_object_get (listed, compared[i], &a, NULL);
      g_object_get (copy, compared[i], &b, NULL);
      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpint (comm_contract_get_value (listed), ==, comm_contract_get_value (copy));
  g_assert_cmpint (comm_contract_get_annual_value (listed), ==, comm_contract_get_annual_value (copy));
  g_assert_cmpint (comm_contract_get_rag (listed), ==, comm_contract_get_rag (copy));
  g_assert_cmpint (comm_contract_get_status (listed), ==, comm_contract_get_status (copy));
  g_assert_cmpint (comm_contract_get_monitoring_overdue (listed), ==, comm_contract_get_monitoring_overdue (copy));
  g_assert_cmpint (comm_contract_get_ending_soon (listed), ==, comm_contract_get_ending_soon (copy));
}

static void
test_list_summary_matches_details (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GArray) leads = NULL;
  guint n, with_rag = 0, with_meeting = 0;

  g_assert_true (comm_demo_populate (fixture->db, &fixture->today, &error));
  g_assert_no_error (error);
  store = comm_contract_store_list (fixture->db, &fixture->today, &error);
  g_assert_no_error (error);
  leads = comm_contract_store_reminder_leads (fixture->db);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_cmpuint (n, >=, 50);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommContract) listed = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(CommContract) detailed = comm_contract_copy (listed);

      g_assert_true (comm_contract_store_load_details (fixture->db, detailed, &error));
      g_assert_no_error (error);
      g_assert_true (comm_contract_has_details (detailed));
      comm_contract_refresh_derived (detailed, &fixture->today, (const int *) leads->data, leads->len);

      g_assert_cmpint (comm_contract_get_value (listed), ==, comm_contract_get_value (detailed));
      g_assert_cmpint (comm_contract_get_annual_value (listed), ==, comm_contract_get_annual_value (detailed));
      g_assert_cmpint (comm_contract_get_rag (listed), ==, comm_contract_get_rag (detailed));
      g_assert_cmpstr (comm_contract_get_rag_date (listed), ==, comm_contract_get_rag_date (detailed));
      g_assert_cmpstr (comm_contract_get_rag_comment (listed), ==, comm_contract_get_rag_comment (detailed));
      g_assert_cmpstr (comm_contract_get_last_meeting_date (listed), ==, comm_contract_get_last_meeting_date (detailed));
      g_assert_cmpstr (comm_contract_get_next_monitoring_due (listed), ==, comm_contract_get_next_monitoring_due (detailed));
      g_assert_cmpint (comm_contract_get_monitoring_overdue (listed), ==, comm_contract_get_monitoring_overdue (detailed));
      g_assert_cmpint (comm_contract_get_value (listed), >, 0);
      with_rag += comm_contract_get_rag (listed) != COMM_RAG_NONE;
      with_meeting += *comm_contract_get_last_meeting_date (listed) != '\0';

      assert_copy_keeps_summary (listed, &fixture->today, leads);
    }
  g_assert_cmpuint (with_rag, >, n / 2);
  g_assert_cmpuint (with_meeting, >, n / 2);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static guint
count_name (GPtrArray  *names,
            const char *name)
{
  guint count = 0;

  for (guint i = 0; i < names->len; i++)
    count += g_str_equal (g_ptr_array_index (names, i), name);
  return count;
}

static void
test_derived_and_notify (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CommContract) contract = make_contract (fixture, "CYP-YC-002");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDate today;
  int leads[] = { 1 };

  g_signal_connect (contract, "notify", G_CALLBACK (on_notify_cb), names);
  comm_contract_refresh_derived (contract, &fixture->today, NULL, 0);
  g_assert_cmpuint (count_name (names, "status"), ==, 1);
  g_assert_cmpuint (count_name (names, "value"), ==, 1);
  g_assert_cmpuint (count_name (names, "search-key"), ==, 1);
  g_assert_cmpint (comm_contract_get_status (contract), ==, COMM_STATUS_ACTIVE);

  /* Nothing changed: nothing notified. */
  g_ptr_array_set_size (names, 0);
  comm_contract_refresh_derived (contract, &fixture->today, NULL, 0);
  g_assert_cmpuint (names->len, ==, 0);

  /* A stored property notifies itself only; derived ones follow on refresh. */
  g_object_set (contract, "end-date", "2027-03-31", NULL);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpint (comm_contract_get_status (contract), ==, COMM_STATUS_ACTIVE);
  comm_contract_refresh_derived (contract, &fixture->today, NULL, 0);
  /* Notice 6 months: the notice date 2026-09-30 has passed. */
  g_assert_cmpint (comm_contract_get_status (contract), ==, COMM_STATUS_IN_NOTICE);
  g_assert_cmpuint (count_name (names, "status"), ==, 1);
  g_assert_cmpuint (count_name (names, "status-label"), ==, 1);
  g_assert_true (comm_contract_get_ending_soon (contract));

  /* Overdue only while the contract runs. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JANUARY, 2027);
  comm_contract_refresh_derived (contract, &today, leads, 1);
  g_assert_true (comm_contract_get_monitoring_overdue (contract));
  g_assert_false (comm_contract_get_ending_soon (contract));  /* only a 1-month lead: not yet */
  g_date_set_dmy (&today, 15, G_DATE_APRIL, 2027);
  comm_contract_refresh_derived (contract, &today, NULL, 0);
  g_assert_cmpint (comm_contract_get_status (contract), ==, COMM_STATUS_EXPIRED);
  g_assert_false (comm_contract_get_monitoring_overdue (contract));
  g_assert_false (comm_contract_get_ending_soon (contract));
  /* ... and monitoring ends with the contract. */
  g_assert_cmpstr (comm_contract_get_next_monitoring_due (contract), ==, "");
  g_date_set_dmy (&today, 15, G_DATE_JANUARY, 2027);
  comm_contract_refresh_derived (contract, &today, NULL, 0);
  g_assert_cmpstr (comm_contract_get_next_monitoring_due (contract), !=, "");
}

static void
test_reminder_leads_setting (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) defaults = comm_contract_store_reminder_leads (fixture->db);
  g_autoptr(GArray) custom = NULL;

  g_assert_cmpuint (defaults->len, ==, 3);
  g_assert_cmpint (g_array_index (defaults, int, 0), ==, 12);
  g_assert_cmpint (g_array_index (defaults, int, 2), ==, 3);

  g_assert_true (comm_database_set_setting (fixture->db, "reminder-leads", "9,1", &error));
  custom = comm_contract_store_reminder_leads (fixture->db);
  g_assert_cmpuint (custom->len, ==, 2);
  g_assert_cmpint (g_array_index (custom, int, 0), ==, 9);
  g_assert_cmpint (g_array_index (custom, int, 1), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/contract/validation-messages", test_validation_messages);
  ADD ("/contract/derived-and-notify", test_derived_and_notify);
  ADD ("/contract-store/round-trip", test_round_trip);
  ADD ("/contract-store/update-details", test_update_details);
  ADD ("/contract-store/save-from-list-keeps-details", test_save_from_list_keeps_details);
  ADD ("/contract-store/reference-unique", test_reference_unique);
  ADD ("/contract-store/soft-delete-restore", test_soft_delete_restore);
  ADD ("/contract-store/duplicate", test_duplicate);
  ADD ("/contract-store/save-failure-leaves-all-unchanged", test_save_failure_leaves_all_unchanged);
  ADD ("/contract-store/annual-value-rule", test_annual_value_rule);
  ADD ("/contract-store/list-summary-matches-details", test_list_summary_matches_details);
  ADD ("/contract-store/reminder-leads-setting", test_reminder_leads_setting);
#undef ADD

  return g_test_run ();
}
