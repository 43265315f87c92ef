/* comm-audit.c: the audit trail - triggers that log every change, and reading the log back
 *
 * Every audited table gets three triggers, generated from its columns (PRAGMA table_info), that
 * write one audit_log row per inserted, updated or deleted row: when (the column default, UTC),
 * who (comm_audit_user(), the OS user, a function registered on every connection), which table
 * and row (the rowid - the "id" column where the table has one), and the old and new values as
 * JSON objects of every column (a BLOB in a column declared BLOB - an attached file's bytes - is
 * written as the text "<attachment: N bytes>"). An UPDATE that changes nothing writes nothing.
 * Every table but audit_log is audited; settings, keyed by text, is audited by its implicit rowid.
 *
 * The triggers call comm_audit_user(), so a program that does not register it (the sqlite3
 * shell, say) can read a workspace but not change an audited table: edits always carry a name.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-audit.h"
#include "comm-audit-private.h"

#define TRIGGER_PREFIX "comm_audit_"
/* json_object() takes at most SQLITE_MAX_FUNCTION_ARG (127) arguments: two a column. */
#define MAX_AUDITED_COLUMNS 63

static const char *const list_sql[] = {
  "SELECT id, changed_at, changed_by, table_name, row_id, action, old_values, new_values"
  " FROM audit_log ORDER BY id DESC",
  "SELECT id, changed_at, changed_by, table_name, row_id, action, old_values, new_values"
  " FROM audit_log WHERE table_name = ?1 ORDER BY id DESC",
  "SELECT id, changed_at, changed_by, table_name, row_id, action, old_values, new_values"
  " FROM audit_log WHERE row_id = ?2 ORDER BY id DESC",
  "SELECT id, changed_at, changed_by, table_name, row_id, action, old_values, new_values"
  " FROM audit_log WHERE table_name = ?1 AND row_id = ?2 ORDER BY id DESC",
};

static const char *
audit_user_name (void)
{
  static char *name = NULL;

  if (g_once_init_enter (&name))
    g_once_init_leave (&name, g_utf8_make_valid (g_get_user_name (), -1));

  return name;
}

static void
audit_user_fn (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  sqlite3_result_text (context, audit_user_name (), -1, SQLITE_STATIC);
}

static void
append_identifier (GString    *sql,
                   const char *name)
{
  g_string_append_c (sql, '"');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

static void
append_literal (GString    *sql,
                const char *text)
{
  g_string_append_c (sql, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (sql, '\'');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '\'');
}

static void
append_trigger_name (GString    *sql,
                     const char *table,
                     const char *action)
{
  g_autofree char *name = g_strconcat (TRIGGER_PREFIX, table, "_", action, NULL);

  append_identifier (sql, name);
}

/* For a column declared BLOB (or with no type) - JSON cannot hold a BLOB, an attached file -
 * its size as text when it holds one:
 * iif(typeof(NEW."a") = 'blob', '<attachment: ' || length(NEW."a") || ' bytes>', NEW."a").
 * Other columns are just NEW."a": the longer form makes every trigger slower to compile. */
static void
append_audited_value (GString    *sql,
                      const char *row,
                      const char *column,
                      gboolean    blob)
{
  if (!blob)
    {
      g_string_append_printf (sql, "%s.", row);
      append_identifier (sql, column);
      return;
    }
  g_string_append_printf (sql, "iif(typeof(%s.", row);
  append_identifier (sql, column);
  g_string_append_printf (sql, ") = 'blob', '<attachment: ' || length(%s.", row);
  append_identifier (sql, column);
  g_string_append_printf (sql, ") || ' bytes>', %s.", row);
  append_identifier (sql, column);
  g_string_append_c (sql, ')');
}

/* json_object('a', NEW."a", 'b', NEW."b", ...), each value as append_audited_value() writes it */
static void
append_json_object (GString     *sql,
                    const char  *row,
                    GPtrArray   *columns,
                    GHashTable  *blobs)
{
  g_string_append (sql, "json_object(");
  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = g_ptr_array_index (columns, i);

      if (i > 0)
        g_string_append (sql, ", ");
      append_literal (sql, column);
      g_string_append (sql, ", ");
      append_audited_value (sql, row, column, g_hash_table_contains (blobs, column));
    }
  g_string_append_c (sql, ')');
}

/* The columns of @table that have BLOB affinity (declared BLOB, or with no type), as a set. */
static GHashTable *
blob_columns (CommDatabase  *db,
              const char    *table,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  stmt = comm_database_prepare (db, "SELECT name FROM pragma_table_info (?1)"
                                    " WHERE type = '' OR upper (type) LIKE '%BLOB%'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (blobs, g_strdup (comm_sqlite_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the columns of a table"));
      return NULL;
    }

  return g_steal_pointer (&blobs);
}

/* The columns of an ordinary rowid table, in order; NULL with @error if @table is not one. */
static GPtrArray *
table_columns (CommDatabase  *db,
               const char    *table,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  int rc;

  check = comm_database_prepare (db, "SELECT 1 FROM pragma_table_list"
                                     " WHERE schema = 'main' AND name = ?1 AND type = 'table' AND wr = 0",
                                 error);
  if (check == NULL)
    return NULL;
  stmt = comm_database_prepare (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (check, 1, table, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (check) != SQLITE_ROW)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED,
                   "Cannot audit “%s”: it is not an ordinary table of the workspace", table);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup (comm_sqlite_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the columns of a table"));
      return NULL;
    }
  if (columns->len > MAX_AUDITED_COLUMNS)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED,
                   "Cannot audit “%s”: it has more than %d columns", table, MAX_AUDITED_COLUMNS);
      return NULL;
    }

  return g_steal_pointer (&columns);
}

static void
append_log_insert (GString     *sql,
                   const char  *table,
                   const char  *row,
                   const char  *action)
{
  g_string_append (sql, " BEGIN INSERT INTO audit_log"
                        " (changed_by, table_name, row_id, action, old_values, new_values)"
                        " VALUES (comm_audit_user (), ");
  append_literal (sql, table);
  g_string_append_printf (sql, ", %s.rowid, '%s', ", row, action);
}

static char *
build_triggers_sql (const char *table,
                    GPtrArray  *columns,
                    GHashTable *blobs)
{
  GString *sql = g_string_new (NULL);

  g_string_append (sql, "CREATE TRIGGER ");
  append_trigger_name (sql, table, "insert");
  g_string_append (sql, " AFTER INSERT ON ");
  append_identifier (sql, table);
  append_log_insert (sql, table, "NEW", "insert");
  g_string_append (sql, "NULL, ");
  append_json_object (sql, "NEW", columns, blobs);
  g_string_append (sql, "); END;\n");

  g_string_append (sql, "CREATE TRIGGER ");
  append_trigger_name (sql, table, "update");
  g_string_append (sql, " AFTER UPDATE ON ");
  append_identifier (sql, table);
  g_string_append (sql, " WHEN ");
  for (guint i = 0; i < columns->len; i++)
    {
      g_string_append (sql, i > 0 ? " OR OLD." : "OLD.");
      append_identifier (sql, g_ptr_array_index (columns, i));
      g_string_append (sql, " IS NOT NEW.");
      append_identifier (sql, g_ptr_array_index (columns, i));
    }
  append_log_insert (sql, table, "NEW", "update");
  append_json_object (sql, "OLD", columns, blobs);
  g_string_append (sql, ", ");
  append_json_object (sql, "NEW", columns, blobs);
  g_string_append (sql, "); END;\n");

  g_string_append (sql, "CREATE TRIGGER ");
  append_trigger_name (sql, table, "delete");
  g_string_append (sql, " AFTER DELETE ON ");
  append_identifier (sql, table);
  append_log_insert (sql, table, "OLD", "delete");
  append_json_object (sql, "OLD", columns, blobs);
  g_string_append (sql, ", NULL); END;\n");

  return g_string_free (sql, FALSE);
}

static char *
build_drop_sql (const char *table)
{
  static const char *const actions[] = { "insert", "update", "delete" };
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_string_append (sql, "DROP TRIGGER IF EXISTS ");
      append_trigger_name (sql, table, actions[i]);
      g_string_append (sql, ";\n");
    }

  return g_string_free (sql, FALSE);
}

static CommAuditEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  CommAuditEntry *entry = g_new0 (CommAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->changed_at = g_strdup (comm_sqlite_column_text (stmt, 1));
  entry->changed_by = g_strdup (comm_sqlite_column_text (stmt, 2));
  entry->table_name = g_strdup (comm_sqlite_column_text (stmt, 3));
  entry->row_id = sqlite3_column_int64 (stmt, 4);
  entry->action = g_strdup (comm_sqlite_column_text (stmt, 5));
  entry->old_values = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  entry->new_values = g_strdup ((const char *) sqlite3_column_text (stmt, 7));

  return entry;
}

gboolean
comm_audit_register_functions (sqlite3  *handle,
                               GError  **error)
{
  int rc;

  g_return_val_if_fail (handle != NULL, FALSE);

  rc = sqlite3_create_function_v2 (handle, "comm_audit_user", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                   NULL, audit_user_fn, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_SQLITE, "%s: %s",
                   _("Could not prepare the workspace’s audit trail"), sqlite3_errmsg (handle));
      return FALSE;
    }

  return TRUE;
}

gboolean
comm_audit_install_triggers (CommDatabase  *db,
                             const char    *table,
                             GError       **error)
{
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GHashTable) blobs = NULL;
  g_autofree char *drop_sql = NULL;
  g_autofree char *create_sql = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (g_str_equal (table, "audit_log"))
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_FAILED, "The audit log is not audited itself");
      return FALSE;
    }
  columns = table_columns (db, table, error);
  if (columns == NULL || (blobs = blob_columns (db, table, error)) == NULL)
    return FALSE;

  drop_sql = build_drop_sql (table);
  create_sql = build_triggers_sql (table, columns, blobs);

  return comm_database_exec (db, drop_sql, error) && comm_database_exec (db, create_sql, error);
}

gboolean
comm_audit_drop_all_triggers (CommDatabase  *db,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  stmt = comm_database_prepare (db, "SELECT name FROM sqlite_schema"
                                    " WHERE type = 'trigger' AND name GLOB '" TRIGGER_PREFIX "*'",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (sql, "DROP TRIGGER ");
      append_identifier (sql, comm_sqlite_column_text (stmt, 0));
      g_string_append (sql, ";\n");
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the workspace’s audit triggers"));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return sql->len == 0 || comm_database_exec (db, sql->str, error);
}

void
comm_audit_entry_free (CommAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->changed_at);
  g_free (entry->changed_by);
  g_free (entry->table_name);
  g_free (entry->action);
  g_free (entry->old_values);
  g_free (entry->new_values);
  g_free (entry);
}

GPtrArray *
comm_audit_list (CommDatabase  *db,
                 const char    *table_name,
                 gint64         row_id,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint variant;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  variant = (table_name != NULL ? 1 : 0) + (row_id != 0 ? 2 : 0);
  stmt = comm_database_prepare (db, list_sql[variant], error);
  if (stmt == NULL)
    return NULL;
  if (table_name != NULL)
    sqlite3_bind_text (stmt, 1, table_name, -1, SQLITE_TRANSIENT);
  if (row_id != 0)
    sqlite3_bind_int64 (stmt, 2, row_id);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the audit trail"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

gboolean
comm_audit_add_note (CommDatabase  *db,
                     const char    *table_name,
                     gint64         row_id,
                     const char    *note,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table_name != NULL, FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  stmt = comm_database_prepare (db, "INSERT INTO audit_log (changed_by, table_name, row_id, action, new_values)"
                                    " VALUES (comm_audit_user (), ?1, ?2, 'note', json_object ('note', ?3))",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, table_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row_id);
  sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not add a note to the audit trail"));
      return FALSE;
    }

  return TRUE;
}
