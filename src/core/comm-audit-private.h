/* comm-audit-private.h: for migrations - (re)creates the audit triggers of a table */
#pragma once

#include "comm-database-private.h"

G_BEGIN_DECLS

/* Registers the comm_audit_user() SQL function on a connection (needed by the triggers). */
gboolean comm_audit_register_functions (sqlite3       *handle,
                                        GError       **error);
/* Drops and recreates AFTER INSERT/UPDATE/DELETE triggers on @table that write a row to
 * audit_log with json_object() of every column (read from PRAGMA table_info). Call again after
 * a migration changes the table's columns. @table must be an ordinary rowid table; the audit
 * row_id is its rowid, which is its INTEGER PRIMARY KEY "id" where it has one (settings, keyed
 * by text, is audited by its implicit rowid). An update that changes no column writes no row. */
gboolean comm_audit_install_triggers   (CommDatabase  *db,
                                        const char    *table,
                                        GError       **error);
/* Drops every audit trigger in the workspace (migrations do this first, so that their own data
 * moves are not audited and columns can be dropped, then install the triggers again). */
gboolean comm_audit_drop_all_triggers  (CommDatabase  *db,
                                        GError       **error);

G_END_DECLS
