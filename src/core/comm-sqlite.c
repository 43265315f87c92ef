/* comm-sqlite.c: statements, transactions and SQLite errors as GErrors (comm-database-private.h)
 *
 * Every SQLite failure in the core becomes a GError here: SQLite's own message after what we
 * were doing, in the COMM_ERROR code that says what the user can do about it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-database-private.h"

void
comm_sqlite_set_error (sqlite3     *handle,
                       GError     **error,
                       const char  *what)
{
  int code = handle != NULL ? sqlite3_extended_errcode (handle) : SQLITE_MISUSE;
  const char *message = handle != NULL ? sqlite3_errmsg (handle) : _("the workspace is closed");
  int domain_code;

  switch (code & 0xff)
    {
    case SQLITE_READONLY:
      domain_code = COMM_ERROR_READ_ONLY;
      break;
    case SQLITE_NOTADB:
      domain_code = COMM_ERROR_NOT_WORKSPACE;
      break;
    case SQLITE_CONSTRAINT:
      domain_code = COMM_ERROR_INVALID;
      break;
    case SQLITE_FULL:
      domain_code = COMM_ERROR_SQLITE;
      message = _("The disk is full. Free some space and try again.");
      break;
    default:
      domain_code = COMM_ERROR_SQLITE;
      break;
    }

  if (what != NULL)
    g_set_error (error, COMM_ERROR, domain_code, "%s: %s", what, message);
  else
    g_set_error_literal (error, COMM_ERROR, domain_code, message);
}

sqlite3_stmt *
comm_database_prepare (CommDatabase  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!comm_database_ensure_open (self, error))
    return NULL;
  if (sqlite3_prepare_v2 (comm_database_get_handle (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      comm_database_set_error (self, error, _("Could not query the workspace"));
      return NULL;
    }

  return stmt;
}

gboolean
comm_database_exec (CommDatabase  *self,
                    const char    *sql,
                    GError       **error)
{
  g_return_val_if_fail (COMM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  if (!comm_database_ensure_open (self, error))
    return FALSE;
  if (sqlite3_exec (comm_database_get_handle (self), sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      comm_database_set_error (self, error, _("Could not update the workspace"));
      return FALSE;
    }

  return TRUE;
}

gboolean
comm_database_begin (CommDatabase  *self,
                     GError       **error)
{
  g_return_val_if_fail (COMM_IS_DATABASE (self), FALSE);

  if (!comm_database_ensure_writable (self, error))
    return FALSE;
  if (sqlite3_exec (comm_database_get_handle (self), "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      comm_database_set_error (self, error, _("Could not start saving to the workspace"));
      return FALSE;
    }

  return TRUE;
}

gboolean
comm_database_commit (CommDatabase  *self,
                      GError       **error)
{
  g_return_val_if_fail (COMM_IS_DATABASE (self), FALSE);

  if (!comm_database_ensure_open (self, error))
    return FALSE;
  if (sqlite3_exec (comm_database_get_handle (self), "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      comm_database_set_error (self, error, _("Could not save to the workspace"));
      return FALSE;
    }

  return TRUE;
}

void
comm_database_rollback (CommDatabase *self)
{
  sqlite3 *handle;

  g_return_if_fail (COMM_IS_DATABASE (self));

  handle = comm_database_get_handle (self);
  if (handle != NULL && !sqlite3_get_autocommit (handle))
    sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
}

void
comm_database_set_error (CommDatabase  *self,
                         GError       **error,
                         const char    *what)
{
  g_return_if_fail (self == NULL || COMM_IS_DATABASE (self));

  comm_sqlite_set_error (self != NULL ? comm_database_get_handle (self) : NULL, error, what);
}

void
comm_sqlite_bind_text_or_null (sqlite3_stmt *stmt,
                               int           index,
                               const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
comm_sqlite_column_text (sqlite3_stmt *stmt,
                         int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text != NULL ? text : "";
}
