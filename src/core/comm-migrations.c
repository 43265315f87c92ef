/* comm-migrations.c: numbered schema migrations under PRAGMA user_version
 *
 * Each migration is a resource migrations/NNNN-what.sql in the core GResource; NNNN is the
 * user_version the file has once it has run. They must be numbered 1, 2, 3 ... with no gap,
 * the last one being COMM_DATABASE_SCHEMA_VERSION.
 *
 * The resource is read through comm_core_get_resource() rather than the global registry, so
 * nothing depends on the order of constructors; the reference also keeps the resource object in
 * every program linked with the static core library, whose constructor then registers it for
 * g_resources_lookup_data() users.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-audit-private.h"
#include "comm-core-resources.h"
#include "comm-migrations-private.h"

#define MIGRATIONS_PATH "/uk/org/commissioner/core/migrations/"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The migration resource names in order, checked to be 0001..SCHEMA_VERSION without a gap. */
static GStrv
list_migrations (GError **error)
{
  g_auto(GStrv) names = NULL;
  guint n;

  names = g_resource_enumerate_children (comm_core_get_resource (), MIGRATIONS_PATH,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_names);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%04u-", i + 1);

      if (!g_str_has_prefix (names[i], expected) || !g_str_has_suffix (names[i], ".sql"))
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED,
                       "Migration %s is misnamed: expected %s…sql", names[i], expected);
          return NULL;
        }
    }
  if (n != COMM_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED,
                   "There are %u migrations but the schema version is %d",
                   n, COMM_DATABASE_SCHEMA_VERSION);
      return NULL;
    }

  return g_steal_pointer (&names);
}

static gboolean
query_int (CommDatabase  *db,
           const char    *sql,
           int           *out,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the workspace’s format"));
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);

  return TRUE;
}

static gboolean
apply_migration (CommDatabase  *db,
                 const char    *name,
                 GError       **error)
{
  g_autofree char *path = g_strconcat (MIGRATIONS_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;

  /* Resource data is always followed by a nul, so it can be used as a string. */
  bytes = g_resource_lookup_data (comm_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  return bytes != NULL && comm_database_exec (db, g_bytes_get_data (bytes, NULL), error);
}

static gboolean
install_all_triggers (CommDatabase  *db,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  int rc;

  /* Ordinary rowid tables: not virtual, shadow or WITHOUT ROWID tables, not SQLite's own. */
  stmt = comm_database_prepare (db, "SELECT name FROM pragma_table_list"
                                    " WHERE schema = 'main' AND type = 'table' AND wr = 0"
                                    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                                    " AND name <> 'audit_log' ORDER BY name",
                                error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup (comm_sqlite_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not list the workspace’s tables"));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < tables->len; i++)
    if (!comm_audit_install_triggers (db, g_ptr_array_index (tables, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
migrate (CommDatabase  *db,
         int            from_version,
         GError       **error)
{
  g_auto(GStrv) names = list_migrations (error);
  g_autofree char *stamp = NULL;

  if (names == NULL || !comm_audit_drop_all_triggers (db, error))
    return FALSE;

  for (int version = from_version + 1; version <= COMM_DATABASE_SCHEMA_VERSION; version++)
    if (!apply_migration (db, names[version - 1], error))
      return FALSE;

  /* Integers only: nothing here comes from the user. */
  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                           COMM_DATABASE_APPLICATION_ID, COMM_DATABASE_SCHEMA_VERSION);

  return install_all_triggers (db, error) && comm_database_exec (db, stamp, error);
}

void
comm_migrations_set_too_new_error (GError     **error,
                                   const char  *path,
                                   int          version)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, COMM_ERROR, COMM_ERROR_TOO_NEW,
               _("“%s” was saved by a newer version of Commissioner (format %d); this version reads "
                 "up to format %d. Update Commissioner to open it."),
               name, version, COMM_DATABASE_SCHEMA_VERSION);
}

gboolean
comm_migrations_run (CommDatabase  *db,
                     int           *schema_version,
                     GError       **error)
{
  int version = 0;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version == COMM_DATABASE_SCHEMA_VERSION)
    {
      *schema_version = version;
      return TRUE;
    }

  if (!comm_database_begin (db, error))
    return FALSE;
  /* Read again under the write lock: another program may have migrated it meanwhile. */
  if (!query_int (db, "PRAGMA user_version", &version, error))
    goto failed;
  if (version > COMM_DATABASE_SCHEMA_VERSION)
    {
      comm_migrations_set_too_new_error (error, comm_database_get_path (db), version);
      goto failed;
    }
  if (version < COMM_DATABASE_SCHEMA_VERSION && !migrate (db, version, error))
    goto failed;
  if (!comm_database_commit (db, error))
    goto failed;

  *schema_version = COMM_DATABASE_SCHEMA_VERSION;
  return TRUE;

failed:
  comm_database_rollback (db);
  return FALSE;
}
