/* test-check.c: comm_check_workspace finds each planted problem, and nothing in a sound workspace */
#include "config.h"

#include <string.h>

#include "commissioner-core.h"
#include "comm-database-private.h"
#include "comm-test-core.h"

/* Helpers */

/* Tests */

static void
add_clean_contracts (CommDatabase *db)
{
  comm_test_exec_sql (db, "INSERT INTO providers (id, name) VALUES (1, 'Family Action'), (2, 'Barnardo''s');"
                          "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date, extended_to)"
                          " VALUES (1, 'CS-001', 'Family support', 1, '2025-04-01', '2027-03-31', NULL),"
                          "        (2, 'CS-002', 'Young carers', 2, '2024-10-01', '2026-03-31', '2027-03-31'),"
                          "        (3, 'CS-003', 'Youth work', 2, '2025-01-15', '2025-12-31', NULL);"
                          /* deleted: not checked, and its reference may be reused */
                          "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date, deleted_at)"
                          " VALUES (4, 'cs-001', 'Old family support', 1, '2023-04-01', '2024-03-31', '2024-04-02');"
                          "INSERT INTO funding_lines (contract_id, stream, year, amount)"
                          " VALUES (1, 'DSG', 2025, 100), (1, 'DSG', 2026, 100),"
                          "        (2, 'CF', 2024, 100), (2, 'CF', 2026, 100),"   /* 2026-27 is the extension */
                          "        (3, 'WNF', 2024, 50), (3, 'WNF', 2025, 50);"  /* starts in January: 2024-25 */
                          "INSERT INTO rag_ratings (contract_id, rated_on, rag)"
                          " VALUES (1, '2026-11-23', 'green'), (2, '2025-06-30', 'amber');");
}

static void
add_broken_contracts (CommDatabase *db)
{
  comm_test_exec_sql (db, "PRAGMA ignore_check_constraints = ON;"
                          "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date)"
                          " VALUES (20, 'BAD-END', 'Backwards', 1, '2026-05-01', '2026-04-01');"
                          "INSERT INTO providers (id, name) VALUES (30, '  ');"
                          "PRAGMA ignore_check_constraints = OFF;"
                          "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date)"
                          " VALUES (21, 'NO-FUND', 'Unfunded', 1, '2025-04-01', '2026-03-31'),"
                          "        (22, 'BAD-YEAR', 'Funded late', 1, '2025-04-01', '2026-03-31'),"
                          "        (23, 'FUTURE-RAG', 'Rated ahead', 1, '2025-04-01', '2027-03-31');"
                          "DROP INDEX contracts_reference;"
                          "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date)"
                          " VALUES (24, 'dup-1', 'One', 1, '2025-04-01', '2026-03-31'),"
                          "        (25, 'DUP-1', 'Two', 1, '2025-04-01', '2026-03-31');"
                          "PRAGMA foreign_keys = OFF;"
                          "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date)"
                          " VALUES (26, 'ORPHAN', 'No provider', 999, '2025-04-01', '2026-03-31');"
                          "PRAGMA foreign_keys = ON;"
                          "INSERT INTO funding_lines (contract_id, stream, year, amount)"
                          " VALUES (20, 'DSG', 2026, 1), (22, 'DSG', 2027, 1), (23, 'DSG', 2025, 1),"
                          "        (24, 'DSG', 2025, 1), (25, 'DSG', 2025, 1), (26, 'DSG', 2025, 1);"
                          "INSERT INTO rag_ratings (contract_id, rated_on, rag) VALUES (23, '2027-01-05', 'red');");
}

static void
assert_problem (GPtrArray  *problems,
                const char *field,
                const char *part1,
                const char *part2)
{
  const CommProblem *problem = comm_problems_find (problems, field);
  guint n = 0;

  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, part1));
  g_assert_true (part2 == NULL || strstr (problem->message, part2) != NULL);
  g_assert_true (g_str_has_suffix (problem->message, "."));
  for (guint i = 0; i < problems->len; i++)
    n += g_str_equal (((CommProblem *) problems->pdata[i])->field, field);
  g_assert_cmpuint (n, ==, 1);
}

static void
test_check_clean (void)
{
  g_autofree char *path = comm_test_temp_path ("clean.commissioner");
  g_autoptr(CommDatabase) db = comm_test_create_workspace (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = comm_check_workspace (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  add_clean_contracts (db);
  problems = comm_check_workspace (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("unexpected: %s", ((CommProblem *) problems->pdata[i])->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_check_problems (void)
{
  g_autofree char *path = comm_test_temp_path ("broken.commissioner");
  g_autoptr(CommDatabase) db = comm_test_create_workspace (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  add_clean_contracts (db);
  add_broken_contracts (db);
  problems = comm_check_workspace (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((CommProblem *) problems->pdata[i])->message);

  /* Seven planted problems, and integrity_check's view of the two that break CHECK rules. */
  g_assert_cmpuint (problems->len, ==, 9);
  g_assert_null (comm_problems_find (problems, "integrity"));
  g_assert_nonnull (comm_problems_find (problems, "rules"));
  assert_problem (problems, "end-date", "Contract BAD-END ends on", NULL);
  assert_problem (problems, "funding-lines", "Contract NO-FUND has no funding line", NULL);
  assert_problem (problems, "funding-year", "Contract BAD-YEAR has funding for 2027-28", "2025-26");
  assert_problem (problems, "rag-date", "Contract FUTURE-RAG has a RAG rating dated", "future");
  assert_problem (problems, "reference", "2 contracts have the reference DUP-1", NULL);
  assert_problem (problems, "provider-name", "Provider number 30 has no name", NULL);
  assert_problem (problems, "foreign-key", "Contract ORPHAN refers to a provider", NULL);
}

static void
test_check_damaged (void)
{
  g_autofree char *path = comm_test_temp_path ("damaged.commissioner");
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  db = comm_test_create_workspace (path);
  add_clean_contracts (db);
  comm_database_close (db);
  g_clear_object (&db);
  /* Redefine an index behind SQLite's back: its entries no longer match the table. */
  comm_test_raw_sqlite (path, "PRAGMA writable_schema = ON;"
                              "UPDATE sqlite_schema SET sql = 'CREATE INDEX contracts_by_provider ON contracts (title)'"
                              " WHERE name = 'contracts_by_provider';");

  db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  problems = comm_check_workspace (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_cmpstr (((CommProblem *) problems->pdata[0])->field, ==, "integrity");
  g_assert_true (g_str_has_prefix (((CommProblem *) problems->pdata[0])->message,
                                   "The workspace file is damaged: "));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("COMMISSIONER_TODAY", "2026-11-23", TRUE);  /* RAG ratings after this are "in the future" */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/clean", test_check_clean);
  g_test_add_func ("/check/problems", test_check_problems);
  g_test_add_func ("/check/damaged", test_check_damaged);

  return g_test_run ();
}
