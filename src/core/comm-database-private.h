/* comm-database-private.h: for src/core only - the SQLite handle and helpers */
#pragma once

#include <sqlite3.h>

#include "comm-database.h"
#include "comm-error.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *comm_database_get_handle   (CommDatabase  *self);
/* Prepares @sql (must be a literal or built only from schema names, never from user text).
 * On failure returns NULL and sets @error with SQLite's message. */
sqlite3_stmt *comm_database_prepare      (CommDatabase  *self,
                                          const char    *sql,
                                          GError       **error);
/* Runs statements with no results (schema, pragmas). */
gboolean      comm_database_exec         (CommDatabase  *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      comm_database_begin        (CommDatabase  *self,   /* BEGIN IMMEDIATE */
                                          GError       **error);
gboolean      comm_database_commit       (CommDatabase  *self,
                                          GError       **error);
void          comm_database_rollback     (CommDatabase  *self);
/* Sets @error from the connection's last error: "@what: <SQLite's message>". Maps SQLITE_READONLY
 * to COMM_ERROR_READ_ONLY, SQLITE_NOTADB to COMM_ERROR_NOT_WORKSPACE, SQLITE_FULL to a "disk is full"
 * message, constraint failures to COMM_ERROR_INVALID, the rest to COMM_ERROR_SQLITE. */
void          comm_database_set_error    (CommDatabase  *self,
                                          GError       **error,
                                          const char    *what);
/* The same for a connection that is not a CommDatabase's (a backup's destination, say). */
void          comm_sqlite_set_error      (sqlite3       *handle,
                                          GError       **error,
                                          const char    *what);
/* FALSE with COMM_ERROR_FAILED once the workspace is closed. */
gboolean      comm_database_ensure_open  (CommDatabase  *self,
                                          GError       **error);
/* Also FALSE with COMM_ERROR_READ_ONLY ("... is open read-only ...") if it was opened read-only:
 * call before validating or starting a save, for the clearer message. */
gboolean      comm_database_ensure_writable (CommDatabase  *self,
                                             GError       **error);
/* Helpers for binding and reading text that may be NULL/empty: bind_text_or_null binds NULL for
 * NULL or "" (an unset optional value, e.g. a review date), else a copy of @text;
 * column_text never returns NULL but "" for a NULL column. */
void          comm_sqlite_bind_text_or_null (sqlite3_stmt *stmt,
                                             int           index,
                                             const char   *text);
const char   *comm_sqlite_column_text       (sqlite3_stmt *stmt,
                                             int           index); /* never NULL: "" */

G_END_DECLS
