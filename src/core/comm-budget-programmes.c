/* comm-budget-programmes.c: the programmes budgets belong to */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-budget-private.h"
#include "comm-budget-store.h"
#include "comm-store-private.h"

void
comm_programme_free (CommProgramme *programme)
{
  if (programme == NULL)
    return;
  g_free (programme->name);
  g_free (programme->description);
  g_free (programme);
}

GPtrArray *
comm_budget_store_list_programmes (CommDatabase  *db,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) programmes = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if (!comm_database_ensure_open (db, error) ||
      (stmt = comm_database_prepare (db, "SELECT id, name, description FROM programmes"
                                         " ORDER BY name COLLATE NOCASE, id", error)) == NULL)
    return NULL;

  programmes = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_programme_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommProgramme *programme = g_new0 (CommProgramme, 1);

      programme->id = sqlite3_column_int64 (stmt, 0);
      programme->name = g_strdup (comm_sqlite_column_text (stmt, 1));
      programme->description = g_strdup (comm_sqlite_column_text (stmt, 2));
      g_ptr_array_add (programmes, programme);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the programmes"));
      return NULL;
    }
  return g_steal_pointer (&programmes);
}

/* The id of the programme called @name, 0 if none, -1 on error. */
gint64
_comm_budget_programme_lookup (CommDatabase  *db,
                               const char    *name,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  int rc;

  if ((stmt = comm_database_prepare (db, "SELECT id FROM programmes WHERE name = ?1 COLLATE NOCASE", error)) == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  comm_database_set_error (db, error, _("Could not read the programmes"));
  return -1;
}

static char *
programme_names (CommDatabase *db)
{
  g_autoptr(GPtrArray) programmes = comm_budget_store_list_programmes (db, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; programmes != NULL && i < programmes->len; i++)
    g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                            ((CommProgramme *) g_ptr_array_index (programmes, i))->name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

gboolean
comm_budget_store_find_programme (CommDatabase  *db,
                                  const char    *name,
                                  gint64        *id,
                                  GError       **error)
{
  gint64 found;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_open (db, error) || (found = _comm_budget_programme_lookup (db, name, error)) < 0)
    return FALSE;
  if (found == 0)
    {
      g_autofree char *names = programme_names (db);

      if (*names == '\0')
        g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                     _("There is no programme called “%s”; this workspace has no budgets yet."), name);
      else
        g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                     /* Translators: the second %s is a list of programme names */
                     _("There is no programme called “%s”. The programmes are: %s."), name, names);
      return FALSE;
    }
  if (id != NULL)
    *id = found;
  return TRUE;
}

/* Finds or inserts (inside the caller's transaction). */
gint64
_comm_budget_programme_ensure (CommDatabase  *db,
                               const char    *name,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  gint64 found;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The budget has no programme; give the programme a name."));
      return -1;
    }
  if ((found = _comm_budget_programme_lookup (db, trimmed, error)) != 0)
    return found;
  if ((stmt = comm_database_prepare (db, "INSERT INTO programmes (name) VALUES (?1)", error)) == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  if (!comm_store_step_done (db, stmt, _("Could not add the programme"), error))
    return -1;
  return sqlite3_last_insert_rowid (comm_database_get_handle (db));
}

gboolean
comm_budget_store_ensure_programme (CommDatabase  *db,
                                    const char    *name,
                                    gint64        *id,
                                    GError       **error)
{
  CommStoreTransaction transaction;
  gint64 found;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return FALSE;
  if ((found = _comm_budget_programme_ensure (db, name, error)) < 0 ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  if (id != NULL)
    *id = found;
  return TRUE;
}

gboolean
comm_budget_store_rename_programme (CommDatabase  *db,
                                    gint64         id,
                                    const char    *name,
                                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  gint64 other;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_writable (db, error))
    return FALSE;
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID, _("Give the programme a name."));
      return FALSE;
    }
  if ((other = _comm_budget_programme_lookup (db, trimmed, error)) < 0)
    return FALSE;
  if (other != 0 && other != id)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("There is already a programme called “%s”."), trimmed);
      return FALSE;
    }
  if ((stmt = comm_database_prepare (db, "UPDATE programmes SET name = ?2 WHERE id = ?1 AND name IS NOT ?2", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  return comm_store_step_done (db, stmt, _("Could not rename the programme"), error);
}
