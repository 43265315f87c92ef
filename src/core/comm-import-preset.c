/* comm-import-preset.c: import options saved under a name in the workspace settings, as the
 * setting "import-preset:NAME" holding comm_import_options_to_text() */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-database-private.h"
#include "comm-import.h"

#define PREFIX "import-preset:"

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID, _("Give the import preset a name."));
      return FALSE;
    }
  return TRUE;
}

gboolean
comm_import_preset_save (CommDatabase            *db,
                         const char              *name,
                         const CommImportOptions *options,
                         GError                 **error)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  if (!check_name (name, error))
    return FALSE;
  key = g_strconcat (PREFIX, name, NULL);
  text = comm_import_options_to_text (options);
  return comm_database_set_setting (db, key, text, error);
}

CommImportOptions *
comm_import_preset_load (CommDatabase  *db,
                         const char    *name,
                         GError       **error)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  if (!check_name (name, error))
    return NULL;
  key = g_strconcat (PREFIX, name, NULL);
  text = comm_database_get_setting (db, key);
  if (text == NULL)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                   _("There is no import preset called “%s” in this workspace."), name);
      return NULL;
    }
  return comm_import_options_from_text (text, error);
}

char **
comm_import_preset_list (CommDatabase  *db,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  if (!comm_database_ensure_open (db, error))
    return NULL;
  stmt = comm_database_prepare (db, "SELECT substr (key, length (?1) + 1) FROM settings"
                                    " WHERE substr (key, 1, length (?1)) = ?1 ORDER BY key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, PREFIX, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (comm_sqlite_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not list the import presets"));
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

gboolean
comm_import_preset_delete (CommDatabase  *db,
                           const char    *name,
                           GError       **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  if (!check_name (name, error))
    return FALSE;
  key = g_strconcat (PREFIX, name, NULL);
  return comm_database_set_setting (db, key, NULL, error);
}
