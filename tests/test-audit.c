/* test-audit.c: every insert, update and delete leaves an audit row - who, when, old and new */
#include "config.h"

#include <string.h>

#include "commissioner-core.h"
#include "comm-audit-private.h"
#include "comm-test-core.h"

/* Helpers */

/* The text that @sql, with ?1 = @id, returns ("" for NULL). */
static char *
query_text (CommDatabase *db,
            const char   *sql,
            gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup (comm_sqlite_column_text (stmt, 0));
}

static GPtrArray *
list (CommDatabase *db,
      const char   *table,
      gint64        row_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = comm_audit_list (db, table, row_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);

  return entries;
}

static void
assert_entry (const CommAuditEntry *entry,
              const char           *table,
              gint64                row_id,
              const char           *action)
{
  g_assert_cmpstr (entry->table_name, ==, table);
  g_assert_cmpint (entry->row_id, ==, row_id);
  g_assert_cmpstr (entry->action, ==, action);
  g_assert_cmpstr (entry->changed_by, ==, g_get_user_name ());
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       entry->changed_at, 0, 0));
}

/* json_extract (@json, @path) as text, computed by SQLite. */
static char *
json_get (CommDatabase *db,
          const char   *json,
          const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, "SELECT json_extract (?1, ?2)", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
assert_json (CommDatabase *db,
             const char   *json,
             const char   *path,
             const char   *expected)
{
  g_autofree char *value = json_get (db, json, path);

  g_assert_cmpstr (value, ==, expected);
}

/* Tests */

static void
test_insert_update_delete (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *n_keys = NULL;
  CommAuditEntry *entry;

  entries = list (db, NULL, 0);
  g_assert_cmpuint (entries->len, ==, 0);  /* creating the schema is not audited */
  g_clear_pointer (&entries, g_ptr_array_unref);

  comm_test_exec_sql (db, "INSERT INTO providers (id, name, legal_form, sme) VALUES (7, 'Family Action', 'charity', 1)");
  entries = list (db, "providers", 7);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  assert_entry (entry, "providers", 7, "insert");
  g_assert_null (entry->old_values);
  assert_json (db, entry->new_values, "$.id", "7");
  assert_json (db, entry->new_values, "$.name", "Family Action");
  assert_json (db, entry->new_values, "$.legal_form", "charity");
  assert_json (db, entry->new_values, "$.sme", "1");
  assert_json (db, entry->new_values, "$.address", "");  /* defaults are recorded too */
  n_keys = query_text (db, "SELECT count(*) FROM audit_log, json_each (new_values) WHERE audit_log.id = ?1",
                       entry->id);
  g_assert_cmpstr (n_keys, ==, "10");  /* every column of providers */
  g_clear_pointer (&entries, g_ptr_array_unref);

  comm_test_exec_sql (db, "UPDATE providers SET name = 'Family Action Ltd', sme = 0 WHERE id = 7");
  comm_test_exec_sql (db, "UPDATE providers SET name = name WHERE id = 7");  /* changes nothing: not logged */
  entries = list (db, "providers", 7);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = entries->pdata[0];  /* newest first */
  assert_entry (entry, "providers", 7, "update");
  assert_json (db, entry->old_values, "$.name", "Family Action");
  assert_json (db, entry->old_values, "$.sme", "1");
  assert_json (db, entry->new_values, "$.name", "Family Action Ltd");
  assert_json (db, entry->new_values, "$.sme", "0");
  g_assert_cmpint (entry->id, >, ((CommAuditEntry *) entries->pdata[1])->id);
  g_clear_pointer (&entries, g_ptr_array_unref);

  comm_test_exec_sql (db, "DELETE FROM providers WHERE id = 7");
  entries = list (db, "providers", 7);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = entries->pdata[0];
  assert_entry (entry, "providers", 7, "delete");
  assert_json (db, entry->old_values, "$.name", "Family Action Ltd");
  g_assert_null (entry->new_values);
  g_assert_cmpstr (((CommAuditEntry *) entries->pdata[1])->action, ==, "update");
  g_assert_cmpstr (((CommAuditEntry *) entries->pdata[2])->action, ==, "insert");
}

static void
test_values_kept_exactly (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *title = "O'Brien \"Families\" – café,\nline two";
  CommAuditEntry *entry;

  comm_test_exec_sql (db, "INSERT INTO providers (id, name) VALUES (1, 'YMCA')");
  stmt = comm_database_prepare (db, "INSERT INTO contracts (id, reference, title, provider_id, start_date,"
                                    " end_date, review_date) VALUES (5, 'CS-5', ?1, 1, '2025-04-01',"
                                    " '2027-03-31', NULL)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  comm_test_exec_sql (db, "INSERT INTO funding_lines (id, contract_id, stream, year, amount)"
                          " VALUES (50, 5, 'DSG', 2025, 9007199254740993)");

  entries = list (db, "contracts", 5);
  entry = entries->pdata[0];
  assert_json (db, entry->new_values, "$.title", title);
  assert_json (db, entry->new_values, "$.review_date", NULL);
  g_assert_nonnull (strstr (entry->new_values, "\"review_date\":null"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Pence beyond a double's exact range stay exact. */
  entries = list (db, "funding_lines", 50);
  g_assert_nonnull (strstr (((CommAuditEntry *) entries->pdata[0])->new_values, "\"amount\":9007199254740993"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Deleting a contract deletes its funding lines (ON DELETE CASCADE): both are audited. */
  comm_test_exec_sql (db, "DELETE FROM contracts WHERE id = 5");
  entries = list (db, "funding_lines", 50);
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (entries->pdata[0], "funding_lines", 50, "delete");
}

static void
test_filters (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) row_two = NULL;
  g_autoptr(GPtrArray) provider_two = NULL;

  comm_test_exec_sql (db, "INSERT INTO providers (id, name) VALUES (1, 'A'), (2, 'B');"
                          "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date)"
                          " VALUES (2, 'CS-2', 'T', 1, '2025-04-01', '2026-03-31');"
                          "UPDATE providers SET name = 'B2' WHERE id = 2;");

  all = list (db, NULL, 0);
  providers = list (db, "providers", 0);
  row_two = list (db, NULL, 2);
  provider_two = list (db, "providers", 2);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpuint (providers->len, ==, 3);
  g_assert_cmpuint (row_two->len, ==, 3);  /* provider 2 twice, contract 2 once */
  g_assert_cmpuint (provider_two->len, ==, 2);
  assert_entry (provider_two->pdata[0], "providers", 2, "update");
  assert_entry (provider_two->pdata[1], "providers", 2, "insert");
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (((CommAuditEntry *) all->pdata[i - 1])->id, >, ((CommAuditEntry *) all->pdata[i])->id);
}

static void
test_note (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  CommAuditEntry *entry;

  g_assert_true (comm_audit_add_note (db, "contracts", 12, "Reopened: the provider sent new \"evidence\"", &error));
  g_assert_no_error (error);

  entries = list (db, "contracts", 12);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  assert_entry (entry, "contracts", 12, "note");
  g_assert_null (entry->old_values);
  assert_json (db, entry->new_values, "$.note", "Reopened: the provider sent new \"evidence\"");
}

static void
test_settings_and_user_function (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;
  g_autofree char *rowid = NULL;

  user = query_text (db, "SELECT comm_audit_user ()", 0);
  g_assert_cmpstr (user, ==, g_get_user_name ());

  /* Settings are keyed by text: audited by their rowid. */
  g_assert_true (comm_database_set_setting (db, "reminder-leads", "12,6,3", &error));
  g_assert_true (comm_database_set_setting (db, "reminder-leads", "6,3", &error));
  g_assert_no_error (error);
  rowid = query_text (db, "SELECT rowid FROM settings WHERE key = 'reminder-leads'", 0);
  entries = list (db, "settings", 0);
  g_assert_cmpuint (entries->len, ==, 2);
  assert_entry (entries->pdata[0], "settings", g_ascii_strtoll (rowid, NULL, 10), "update");
  assert_json (db, ((CommAuditEntry *) entries->pdata[0])->old_values, "$.value", "12,6,3");
  assert_json (db, ((CommAuditEntry *) entries->pdata[0])->new_values, "$.value", "6,3");
  assert_json (db, ((CommAuditEntry *) entries->pdata[1])->new_values, "$.key", "reminder-leads");
}

static void
test_secondary_connection (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommDatabase) worker = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  worker = comm_database_open_secondary (db, &error);
  g_assert_no_error (error);
  comm_test_exec_sql (worker, "INSERT INTO providers (id, name) VALUES (3, 'Action for Children')");
  comm_database_close (worker);

  entries = list (db, "providers", 3);
  g_assert_cmpuint (entries->len, ==, 1);
  assert_entry (entries->pdata[0], "providers", 3, "insert");
}

static void
test_install_triggers (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  /* After a change of columns the triggers are made again and record the new column. */
  comm_test_exec_sql (db, "ALTER TABLE providers ADD COLUMN website TEXT NOT NULL DEFAULT ''");
  g_assert_true (comm_audit_install_triggers (db, "providers", &error));
  g_assert_no_error (error);
  comm_test_exec_sql (db, "INSERT INTO providers (id, name, website) VALUES (4, 'NSPCC', 'https://example.org')");
  entries = list (db, "providers", 4);
  g_assert_cmpuint (entries->len, ==, 1);
  assert_json (db, ((CommAuditEntry *) entries->pdata[0])->new_values, "$.website", "https://example.org");

  g_assert_false (comm_audit_install_triggers (db, "no_such_table", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (comm_audit_install_triggers (db, "audit_log", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (comm_audit_drop_all_triggers (db, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  comm_test_exec_sql (db, "INSERT INTO providers (id, name) VALUES (5, 'Unaudited')");
  entries = list (db, "providers", 5);
  g_assert_cmpuint (entries->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/insert-update-delete", test_insert_update_delete);
  g_test_add_func ("/audit/values-kept-exactly", test_values_kept_exactly);
  g_test_add_func ("/audit/filters", test_filters);
  g_test_add_func ("/audit/note", test_note);
  g_test_add_func ("/audit/settings-and-user-function", test_settings_and_user_function);
  g_test_add_func ("/audit/secondary-connection", test_secondary_connection);
  g_test_add_func ("/audit/install-triggers", test_install_triggers);

  return g_test_run ();
}
