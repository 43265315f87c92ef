/* comm-test-core.c: fixtures shared by the core test programs (see comm-test-core.h) */
#include "config.h"

#include <glib/gstdio.h>

#include "comm-test-core.h"
#include "comm-database-private.h"

/* Helpers */

static void
remove_tree_and_free (char *path)
{
  comm_test_remove_tree (path);
  g_free (path);
}

/* Public API */

char *
comm_test_new_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("comm-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

void
comm_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          comm_test_remove_tree (child);
        }
    }
  g_remove (path);
}

char *
comm_test_temp_dir (void)
{
  char *dir = comm_test_new_dir ();

  g_test_queue_destroy ((GDestroyNotify) remove_tree_and_free, g_strdup (dir));

  return dir;
}

char *
comm_test_temp_path (const char *name)
{
  g_autofree char *dir = comm_test_temp_dir ();

  return g_build_filename (dir, name, NULL);
}

CommDatabase *
comm_test_create_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  CommDatabase *db = comm_database_open (path, COMM_DATABASE_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

CommDatabase *
comm_test_create_workspace_in (const char *dir,
                               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return comm_test_create_workspace (path);
}

CommDatabase *
comm_test_temp_workspace (void)
{
  g_autofree char *path = comm_test_temp_path ("test.commissioner");
  CommDatabase *db = comm_test_create_workspace (path);

  g_test_queue_unref (db);

  return db;
}

CommDatabase *
comm_test_demo_workspace (const char *dir,
                          const char *name,
                          GDate      *today)
{
  g_autoptr(GError) error = NULL;
  CommDatabase *db = comm_test_create_workspace_in (dir, name);

  g_date_clear (today, 1);
  comm_date_today (today);
  g_assert_true (comm_demo_populate (db, today, &error));
  g_assert_no_error (error);

  return db;
}

void
comm_test_exec_sql (CommDatabase *db,
                    const char   *sql)
{
  g_autoptr(GError) error = NULL;

  comm_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

gint64
comm_test_query_int (CommDatabase *db,
                     const char   *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

void
comm_test_raw_sqlite (const char *path,
                      const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

GDate
comm_test_date (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text != NULL)
    g_assert_true (comm_date_parse_iso (text, &date));

  return date;
}
