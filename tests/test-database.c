/* test-database.c: the workspace file - create, open, refuse, lock, copy, settings, check */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "commissioner-core.h"
#include "comm-database-private.h"
#include "comm-migrations-private.h"
#include "comm-test-core.h"

static const char *const workspace_tables[] = {
  "settings", "audit_log", "providers", "inspections", "contracts", "funding_lines",
  "rag_ratings", "monitoring_meetings",
};

/* Helpers */

/* Three audit triggers on every table but audit_log itself (later migrations add tables, and
 * triggers of their own that are not audit triggers). */
static void
assert_audit_triggers (CommDatabase *db)
{
  gint64 tables = comm_test_query_int (db, "SELECT count(*) FROM pragma_table_list WHERE schema = 'main'"
                                           " AND type = 'table' AND wr = 0"
                                           " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");

  g_assert_cmpint (tables, >=, G_N_ELEMENTS (workspace_tables));
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                            " AND name GLOB 'comm_audit_*'"), ==, 3 * (tables - 1));
}

/* A closed workspace file at @path. */
static void
make_workspace_file (const char *path)
{
  g_autoptr(CommDatabase) db = comm_test_create_workspace (path);

  comm_database_close (db);
}

static char *
query_text (CommDatabase *db,
            const char   *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup (comm_sqlite_column_text (stmt, 0));
}

static char *
checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
assert_unchanged (const char *path,
                  const char *expected_checksum)
{
  g_autofree char *now = checksum (path);

  g_assert_cmpstr (now, ==, expected_checksum);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Asserts that opening @path with @flags fails with @code, and returns the message. */
static char *
open_fails (const char        *path,
            CommDatabaseFlags  flags,
            int                code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = comm_database_open (path, flags, &error);

  g_assert_error (error, COMM_ERROR, code);
  g_assert_null (db);

  return g_strdup (error->message);
}

static void
add_sample_rows (CommDatabase *db)
{
  comm_test_exec_sql (db, "INSERT INTO providers (id, name) VALUES (1, 'Family Action');"
                          "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date)"
                          " VALUES (10, 'CS-001', 'Family support', 1, '2025-04-01', '2027-03-31');"
                          "INSERT INTO funding_lines (contract_id, stream, year, amount)"
                          " VALUES (10, 'DSG', 2025, 9000000), (10, 'DSG', 2026, 9000000);");
}

/* A format-1 workspace at @path, as Commissioner 1 left it: migration 1 only, with a provider,
 * a contract and a funding line, no audit triggers (they are installed again on upgrade). */
static void
make_version_1_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) initial = NULL;
  g_autofree char *stamp = NULL;

  initial = g_resources_lookup_data ("/uk/org/commissioner/core/migrations/0001-initial.sql",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  comm_test_raw_sqlite (path, g_bytes_get_data (initial, NULL));
  comm_test_raw_sqlite (path, "INSERT INTO providers (id, name) VALUES (1, 'Family Action');"
                              "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date)"
                              " VALUES (10, 'CS-001', 'Family support', 1, '2025-04-01', '2027-03-31');"
                              "INSERT INTO funding_lines (contract_id, stream, year, amount)"
                              " VALUES (10, 'DSG', 2025, 9000000);"
                              "INSERT INTO settings (key, value) VALUES ('reminder-leads', '6,3');"
                              "INSERT INTO audit_log (id, changed_at, changed_by, table_name, row_id, action,"
                              " old_values, new_values) VALUES (7, '2025-04-01T09:00:00Z', 'ann', 'contracts',"
                              " 10, 'insert', NULL, '{\"reference\":\"CS-001\"}');");
  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;",
                           COMM_DATABASE_APPLICATION_ID);
  comm_test_raw_sqlite (path, stamp);
}

/* Tests */

static void
test_create (void)
{
  g_autofree char *path = comm_test_temp_path ("New workspace.commissioner");
  g_autoptr(CommDatabase) db = NULL;
  g_autofree char *name = NULL;
  g_autofree char *journal = NULL;
  GStatBuf st;
  mode_t old_umask;

  old_umask = umask (0);  /* the mode must not depend on the umask */
  db = comm_test_create_workspace (path);
  umask (old_umask);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (comm_database_get_schema_version (db), ==, COMM_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (comm_test_query_int (db, "PRAGMA user_version"), ==, COMM_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (comm_test_query_int (db, "PRAGMA application_id"), ==, COMM_DATABASE_APPLICATION_ID);
  g_assert_cmpint (comm_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (comm_test_query_int (db, "PRAGMA busy_timeout"), ==, 5000);
  g_assert_cmpint (comm_test_query_int (db, "PRAGMA synchronous"), ==, 1);  /* NORMAL */
  journal = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  for (guint i = 0; i < G_N_ELEMENTS (workspace_tables); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = comm_database_prepare (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                                    &error);
      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, workspace_tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    }
  assert_audit_triggers (db);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, 0);

  g_assert_cmpstr (comm_database_get_path (db), ==, path);
  name = comm_database_dup_display_name (db);
  g_assert_cmpstr (name, ==, "New workspace");
  g_assert_false (comm_database_is_read_only (db));
}

/* Format 1 -> 2 (publishing: irrecoverable VAT, department): the rows are kept, the new columns
 * have their defaults and CHECKs, and the audit triggers cover the new columns. */
static void
test_migrate_from_1 (void)
{
  g_autofree char *path = comm_test_temp_path ("old.commissioner");
  g_autofree char *department = NULL;
  g_autofree char *leads = NULL;
  g_autofree char *audited = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  make_version_1_file (path);
  db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comm_database_get_schema_version (db), ==, COMM_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (comm_test_query_int (db, "PRAGMA user_version"), ==, COMM_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (comm_test_query_int (db, "PRAGMA application_id"), ==, COMM_DATABASE_APPLICATION_ID);

  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM contracts"), ==, 1);
  g_assert_cmpint (comm_test_query_int (db, "SELECT sum(amount) FROM funding_lines"), ==, 9000000);
  /* Format 6 rebuilt the audit log without json_valid() checks: its rows are kept as they were. */
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM audit_log WHERE id = 7 AND changed_by = 'ann'"
                                            " AND changed_at = '2025-04-01T09:00:00Z' AND row_id = 10"
                                            " AND new_values = '{\"reference\":\"CS-001\"}'"), ==, 1);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'"
                                            " AND sql LIKE '%json_valid%'"), ==, 0);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log_by_row'"), ==, 1);
  g_assert_cmpint (comm_test_query_int (db, "SELECT irrecoverable_vat FROM contracts WHERE id = 10"), ==, 0);
  department = query_text (db, "SELECT department FROM contracts WHERE id = 10");
  g_assert_cmpstr (department, ==, "");
  leads = comm_database_get_setting (db, "reminder-leads");
  g_assert_cmpstr (leads, ==, "6,3");
  assert_audit_triggers (db);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, 1);  /* the old row only */

  /* The new columns are audited and checked. */
  comm_test_exec_sql (db, "UPDATE contracts SET irrecoverable_vat = 12345, department = 'Children''s Services'"
                          " WHERE id = 10");
  audited = query_text (db, "SELECT json_extract (new_values, '$.irrecoverable_vat') || '/' ||"
                            " json_extract (new_values, '$.department') FROM audit_log"
                            " WHERE table_name = 'contracts' AND action = 'update'");
  g_assert_cmpstr (audited, ==, "12345/Children's Services");
  g_assert_false (comm_database_exec (db, "UPDATE contracts SET irrecoverable_vat = -1", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&db);

  /* Opening it again does not migrate again. */
  db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT irrecoverable_vat FROM contracts WHERE id = 10"), ==, 12345);
}

static void
test_reopen (void)
{
  g_autofree char *path = comm_test_temp_path ("reopen.commissioner");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CommDatabase) db = comm_test_create_workspace (path);

    add_sample_rows (db);
    comm_database_set_setting (db, "reminder-leads", "12,6,3", &error);
    g_assert_no_error (error);
  }
  before = checksum (path);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(CommDatabase) db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);
      g_autofree char *leads = NULL;
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (comm_database_get_schema_version (db), ==, COMM_DATABASE_SCHEMA_VERSION);
      g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM contracts"), ==, 1);
      assert_audit_triggers (db);
      leads = comm_database_get_setting (db, "reminder-leads");
      g_assert_cmpstr (leads, ==, "12,6,3");
      comm_database_close (db);

      /* Opening a current workspace writes nothing. */
      after = checksum (path);
      g_assert_cmpstr (after, ==, before);
    }
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

static void
test_empty_files (void)
{
  g_autofree char *path = comm_test_temp_path ("empty.commissioner");
  g_autofree char *sqlite_path = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(CommDatabase) db2 = NULL;

  /* An empty file is not opened as a workspace (and is left empty) unless the caller asked to
   * create one (New Workspace, where a file chooser may have made the empty file). */
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_WORKSPACE);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, "empty.commissioner"));
  g_clear_error (&error);
  g_assert_cmpint (file_size (path), ==, 0);
  db = comm_database_open (path, COMM_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comm_database_get_schema_version (db), ==, COMM_DATABASE_SCHEMA_VERSION);

  /* So does an SQLite file with nothing in it. */
  sqlite_path = g_build_filename (folder, "blank.sqlite", NULL);
  comm_test_raw_sqlite (sqlite_path, "PRAGMA page_size = 4096; VACUUM;");
  db2 = comm_database_open (sqlite_path, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_WORKSPACE);
  g_clear_error (&error);
  db2 = comm_database_open (sqlite_path, COMM_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comm_test_query_int (db2, "PRAGMA application_id"), ==, COMM_DATABASE_APPLICATION_ID);
}

static void
test_not_found (void)
{
  g_autofree char *path = comm_test_temp_path ("missing.commissioner");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *in_missing_folder = g_build_filename (folder, "gone", "x.commissioner", NULL);
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;

  message = open_fails (path, COMM_DATABASE_OPEN_DEFAULT, COMM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (message, "missing.commissioner"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  message2 = open_fails (in_missing_folder, COMM_DATABASE_CREATE, COMM_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_files (folder), ==, 0);
}

static void
test_too_new (void)
{
  g_autofree char *path = comm_test_temp_path ("future.commissioner");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *bare = g_build_filename (folder, "future2.commissioner", NULL);
  g_autofree char *before = NULL;
  g_autofree char *bare_before = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  make_workspace_file (path);
  comm_test_raw_sqlite (path, "PRAGMA user_version = 99");
  before = checksum (path);

  message = open_fails (path, COMM_DATABASE_OPEN_DEFAULT, COMM_ERROR_TOO_NEW);
  expected = g_strdup_printf ("“future.commissioner” was saved by a newer version of Commissioner "
                              "(format 99); this version reads up to format %d. Update Commissioner "
                              "to open it.", COMM_DATABASE_SCHEMA_VERSION);
  g_assert_cmpstr (message, ==, expected);
  g_clear_pointer (&message, g_free);
  message = open_fails (path, COMM_DATABASE_CREATE | COMM_DATABASE_EXCLUSIVE, COMM_ERROR_TOO_NEW);
  g_assert_cmpuint (count_files (folder), ==, 1);  /* no -wal or -shm left behind */
  g_clear_pointer (&message, g_free);
  message = open_fails (path, COMM_DATABASE_READ_ONLY, COMM_ERROR_TOO_NEW);

  assert_unchanged (path, before);

  /* The lock of the failed EXCLUSIVE open was released: once the file is current it opens. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("PRAGMA user_version = %d", COMM_DATABASE_SCHEMA_VERSION);
  comm_test_raw_sqlite (path, sql);
  {
    g_autoptr(CommDatabase) db = comm_database_open (path, COMM_DATABASE_EXCLUSIVE, &error);

    g_assert_no_error (error);
  }

  /* A rollback-journal file, never opened by Commissioner. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("CREATE TABLE t (x); PRAGMA application_id = %d; PRAGMA user_version = 7;",
                         COMM_DATABASE_APPLICATION_ID);
  comm_test_raw_sqlite (bare, sql);
  bare_before = checksum (bare);
  g_clear_pointer (&message, g_free);
  message = open_fails (bare, COMM_DATABASE_OPEN_DEFAULT, COMM_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (message, "format 7"));
  assert_unchanged (bare, bare_before);
}

static void
assert_not_workspace (const char *path,
                      const char *name)
{
  g_autofree char *before = checksum (path);
  const CommDatabaseFlags all_flags[] = {
    COMM_DATABASE_OPEN_DEFAULT, COMM_DATABASE_CREATE | COMM_DATABASE_EXCLUSIVE, COMM_DATABASE_READ_ONLY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all_flags); i++)
    {
      g_autofree char *message = open_fails (path, all_flags[i], COMM_ERROR_NOT_WORKSPACE);
      g_autofree char *after = checksum (path);

      g_assert_nonnull (strstr (message, name));
      g_assert_nonnull (strstr (message, "not a Commissioner workspace"));
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_not_workspace (void)
{
  g_autofree char *text = comm_test_temp_path ("notes.txt");
  g_autofree char *folder = g_path_get_dirname (text);
  g_autofree char *random = g_build_filename (folder, "noise.commissioner", NULL);
  g_autofree char *other = g_build_filename (folder, "other.db", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  guint8 noise[8192];

  g_file_set_contents (text, "reference,title\nCS-001,Family support\n", -1, &error);
  g_assert_no_error (error);
  assert_not_workspace (text, "notes.txt");

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_file_set_contents (random, (const char *) noise, sizeof noise, &error);
  g_assert_no_error (error);
  assert_not_workspace (random, "noise.commissioner");

  comm_test_raw_sqlite (other, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');");
  assert_not_workspace (other, "other.db");

  /* A folder is not a workspace either. */
  message = open_fails (folder, COMM_DATABASE_CREATE, COMM_ERROR_NOT_WORKSPACE);
  g_assert_cmpuint (count_files (folder), ==, 3);
}

static void
test_read_only_file (void)
{
  g_autofree char *path = comm_test_temp_path ("locked.commissioner");
  g_autofree char *before = NULL;
  g_autofree char *leads = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CommDatabase) rw = comm_test_create_workspace (path);

    add_sample_rows (rw);
    comm_database_set_setting (rw, "reminder-leads", "6,3", &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  before = checksum (path);

  /* With READ_ONLY it opens, reads, and refuses every write. */
  db = comm_database_open (path, COMM_DATABASE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (comm_database_is_read_only (db));
  g_assert_cmpint (comm_database_get_schema_version (db), ==, COMM_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM funding_lines"), ==, 2);
  leads = comm_database_get_setting (db, "reminder-leads");
  g_assert_cmpstr (leads, ==, "6,3");
  g_assert_false (comm_database_set_setting (db, "reminder-leads", "1", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (comm_database_begin (db, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (comm_database_exec (db, "DELETE FROM settings", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_READ_ONLY);
  g_clear_error (&error);
  comm_database_close (db);
  assert_unchanged (path, before);

  if (g_access (path, W_OK) == 0)
    {
      g_test_skip ("chmod does not stop this user (root) writing, so READ_ONLY errors can't be tested");
      return;
    }
  {
    g_autofree char *message = open_fails (path, COMM_DATABASE_OPEN_DEFAULT, COMM_ERROR_READ_ONLY);

    g_assert_nonnull (strstr (message, "“locked.commissioner” can’t be saved to"));
    assert_unchanged (path, before);
  }
}

static void
test_read_only_folder (void)
{
  g_autofree char *path = comm_test_temp_path ("shelf.commissioner");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  make_workspace_file (path);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

  db = comm_database_open (path, COMM_DATABASE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM contracts"), ==, 0);
  comm_database_close (db);

  if (g_access (folder, W_OK) == 0)
    {
      g_test_skip ("chmod does not stop this user (root) writing, so READ_ONLY errors can't be tested");
      return;
    }
  {
    g_autofree char *message = open_fails (path, COMM_DATABASE_OPEN_DEFAULT, COMM_ERROR_READ_ONLY);
    g_autofree char *created = g_build_filename (folder, "new.commissioner", NULL);
    g_autofree char *message2 = open_fails (created, COMM_DATABASE_CREATE, COMM_ERROR_READ_ONLY);

    g_assert_nonnull (strstr (message, "folder is read-only"));
  }
}

static void
test_read_only_old_or_empty (void)
{
  g_autofree char *empty = comm_test_temp_path ("empty.commissioner");
  g_autofree char *folder = g_path_get_dirname (empty);
  g_autofree char *old = g_build_filename (folder, "old.commissioner", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *message = NULL;
  g_autofree char *message2 = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  message = open_fails (empty, COMM_DATABASE_READ_ONLY, COMM_ERROR_NOT_WORKSPACE);
  g_assert_nonnull (strstr (message, "is empty"));

  sql = g_strdup_printf ("CREATE TABLE t (x); PRAGMA application_id = %d;", COMM_DATABASE_APPLICATION_ID);
  comm_test_raw_sqlite (old, sql);
  message2 = open_fails (old, COMM_DATABASE_READ_ONLY, COMM_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (message2, "older version of Commissioner (format 0)"));
}

static void
test_exclusive (void)
{
  g_autofree char *path = comm_test_temp_path ("shared.commissioner");
  g_autoptr(CommDatabase) first = NULL;
  g_autoptr(CommDatabase) reader = NULL;
  g_autoptr(CommDatabase) again = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  make_workspace_file (path);
  first = comm_database_open (path, COMM_DATABASE_EXCLUSIVE, &error);
  g_assert_no_error (error);

  message = open_fails (path, COMM_DATABASE_EXCLUSIVE, COMM_ERROR_IN_USE);
  g_assert_cmpstr (message, ==, "“shared.commissioner” is already open in another Commissioner window "
                                "or program. Close it there first.");

  /* Without EXCLUSIVE (the CLI) it opens, and closing it leaves the lock alone. */
  reader = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&reader);
  g_free (open_fails (path, COMM_DATABASE_EXCLUSIVE, COMM_ERROR_IN_USE));

  comm_database_close (first);
  again = comm_database_open (path, COMM_DATABASE_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_clear_object (&again);

  /* Finalizing releases it too. */
  g_clear_object (&first);
  first = comm_database_open (path, COMM_DATABASE_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_clear_object (&first);
  again = comm_database_open (path, COMM_DATABASE_EXCLUSIVE, &error);
  g_assert_no_error (error);
}

static void
test_exclusive_other_process (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      const char *expect = g_getenv ("COMM_TEST_EXPECT");

      db = comm_database_open (g_getenv ("COMM_TEST_WORKSPACE"), COMM_DATABASE_EXCLUSIVE, &error);
      if (g_str_equal (expect, "in-use"))
        g_assert_error (error, COMM_ERROR, COMM_ERROR_IN_USE);
      else
        g_assert_no_error (error);
      return;
    }

  path = comm_test_temp_path ("two-windows.commissioner");
  make_workspace_file (path);
  db = comm_database_open (path, COMM_DATABASE_EXCLUSIVE, &error);
  g_assert_no_error (error);

  g_setenv ("COMM_TEST_WORKSPACE", path, TRUE);
  g_setenv ("COMM_TEST_EXPECT", "in-use", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  comm_database_close (db);
  g_setenv ("COMM_TEST_EXPECT", "free", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_save_copy (void)
{
  g_autofree char *path = comm_test_temp_path ("original.commissioner");
  g_autofree char *copy_folder = comm_test_temp_dir ();
  g_autofree char *dest = g_build_filename (copy_folder, "copy.commissioner", NULL);
  g_autofree char *missing = g_build_filename (copy_folder, "no", "such.commissioner", NULL);
  g_autoptr(CommDatabase) db = comm_test_create_workspace (path);
  g_autoptr(CommDatabase) copy = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  add_sample_rows (db);
  g_file_set_contents (dest, "an older file in the way", -1, &error);
  g_assert_no_error (error);

  g_assert_true (comm_database_save_copy (db, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (copy_folder), ==, 1);  /* no temporary file left */
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  copy = comm_database_open (dest, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comm_test_query_int (copy, "SELECT count(*) FROM funding_lines"), ==, 2);
  g_assert_cmpint (comm_test_query_int (copy, "SELECT sum(amount) FROM funding_lines"), ==, 18000000);
  reference = query_text (copy, "SELECT reference FROM contracts WHERE id = 10");
  g_assert_cmpstr (reference, ==, "CS-001");
  g_assert_cmpint (comm_test_query_int (copy, "SELECT count(*) FROM audit_log"), ==,
                   comm_test_query_int (db, "SELECT count(*) FROM audit_log"));

  /* Failures leave nothing behind. */
  g_assert_false (comm_database_save_copy (db, missing, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (comm_database_save_copy (db, path, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (copy_folder), ==, 3);  /* copy.commissioner and its -wal, -shm */
}

static void
test_secondary (void)
{
  g_autofree char *path = comm_test_temp_path ("worker.commissioner");
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(CommDatabase) worker = NULL;
  g_autoptr(GError) error = NULL;

  make_workspace_file (path);
  db = comm_database_open (path, COMM_DATABASE_EXCLUSIVE, &error);
  g_assert_no_error (error);
  worker = comm_database_open_secondary (db, &error);
  g_assert_no_error (error);

  g_assert_cmpint (comm_test_query_int (worker, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (comm_test_query_int (worker, "PRAGMA busy_timeout"), ==, 5000);
  g_assert_cmpint (comm_test_query_int (worker, "PRAGMA synchronous"), ==, 1);
  g_assert_cmpint (comm_database_get_schema_version (worker), ==, COMM_DATABASE_SCHEMA_VERSION);

  add_sample_rows (worker);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM contracts"), ==, 1);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM audit_log WHERE table_name = 'contracts'"), ==, 1);

  /* The worker holds no lock; closing it does not release the window's. */
  comm_database_close (worker);
  g_free (open_fails (path, COMM_DATABASE_EXCLUSIVE, COMM_ERROR_IN_USE));
}

static void
test_foreign_keys_and_errors (void)
{
  g_autofree char *path = comm_test_temp_path ("rules.commissioner");
  g_autoptr(CommDatabase) db = comm_test_create_workspace (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  add_sample_rows (db);
  g_assert_false (comm_database_exec (db, "INSERT INTO contracts (reference, title, provider_id, start_date, end_date)"
                                          " VALUES ('CS-404', 'Nobody', 999, '2025-04-01', '2026-03-31')",
                                      &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY constraint failed"));
  g_clear_error (&error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM contracts"), ==, 1);

  g_assert_false (comm_database_exec (db, "DELETE FROM providers WHERE id = 1", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  stmt = comm_database_prepare (db, "SELEKT 1", &error);
  g_assert_null (stmt);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_SQLITE);
  g_assert_nonnull (strstr (error->message, "syntax error"));
  g_clear_error (&error);

  /* A full disk, simulated by a page limit. */
  comm_test_exec_sql (db, "PRAGMA max_page_count = 1");  /* becomes the current size */
  g_assert_false (comm_database_exec (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                          " WHERE i < 200) INSERT INTO settings (key, value)"
                                          " SELECT 'key' || i, hex (randomblob (500)) FROM n", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_SQLITE);
  g_assert_nonnull (strstr (error->message, "The disk is full"));
}

static void
test_settings (void)
{
  g_autofree char *path = comm_test_temp_path ("settings.commissioner");
  g_autoptr(CommDatabase) db = comm_test_create_workspace (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_null (comm_database_get_setting (db, "reminder-leads"));
  g_assert_true (comm_database_set_setting (db, "reminder-leads", "12,6,3", &error));
  g_assert_no_error (error);
  value = comm_database_get_setting (db, "reminder-leads");
  g_assert_cmpstr (value, ==, "12,6,3");
  g_clear_pointer (&value, g_free);

  g_assert_true (comm_database_set_setting (db, "reminder-leads", "9", &error));
  value = comm_database_get_setting (db, "reminder-leads");
  g_assert_cmpstr (value, ==, "9");
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM settings"), ==, 1);

  g_assert_true (comm_database_set_setting (db, "reminder-leads", NULL, &error));
  g_assert_null (comm_database_get_setting (db, "reminder-leads"));
}

static void
test_closed_and_helpers (void)
{
  g_autofree char *path = comm_test_temp_path ("closed.commissioner");
  g_autoptr(CommDatabase) db = comm_test_create_workspace (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = comm_database_prepare (db, "SELECT ?1 IS NULL, ?2 IS NULL, ?3, NULL", &error);
  g_assert_no_error (error);
  comm_sqlite_bind_text_or_null (stmt, 1, NULL);
  comm_sqlite_bind_text_or_null (stmt, 2, "");
  comm_sqlite_bind_text_or_null (stmt, 3, "2026-04-01");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  g_assert_cmpstr (comm_sqlite_column_text (stmt, 2), ==, "2026-04-01");
  g_assert_cmpstr (comm_sqlite_column_text (stmt, 3), ==, "");
  g_clear_pointer (&stmt, sqlite3_finalize);

  comm_database_close (db);
  comm_database_close (db);  /* twice is harmless */
  g_assert_null (comm_database_get_handle (db));
  g_assert_null (comm_database_prepare (db, "SELECT 1", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (comm_database_set_setting (db, "a", "b", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (comm_database_open_secondary (db, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/reopen", test_reopen);
  g_test_add_func ("/database/migrate-from-1", test_migrate_from_1);
  g_test_add_func ("/database/empty-files", test_empty_files);
  g_test_add_func ("/database/not-found", test_not_found);
  g_test_add_func ("/database/too-new", test_too_new);
  g_test_add_func ("/database/not-workspace", test_not_workspace);
  g_test_add_func ("/database/read-only/file", test_read_only_file);
  g_test_add_func ("/database/read-only/folder", test_read_only_folder);
  g_test_add_func ("/database/read-only/old-or-empty", test_read_only_old_or_empty);
  g_test_add_func ("/database/exclusive/same-process", test_exclusive);
  g_test_add_func ("/database/exclusive/other-process", test_exclusive_other_process);
  g_test_add_func ("/database/save-copy", test_save_copy);
  g_test_add_func ("/database/secondary", test_secondary);
  g_test_add_func ("/database/foreign-keys-and-errors", test_foreign_keys_and_errors);
  g_test_add_func ("/database/settings", test_settings);
  g_test_add_func ("/database/closed-and-helpers", test_closed_and_helpers);

  return g_test_run ();
}
