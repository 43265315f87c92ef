/* comm-test-core.h: fixtures shared by the core test programs - temporary folders, workspaces
 * created in them, the demo workspace, SQL run or queried with every error asserted, dates */
#pragma once

#include "commissioner-core.h"

G_BEGIN_DECLS

/* A fresh folder; the caller removes it with comm_test_remove_tree (fixture tear-downs). */
char         *comm_test_new_dir           (void);

/* Removes @path and all below it, making read-only folders writable first. */
void          comm_test_remove_tree       (const char   *path);

/* A fresh folder, removed (with all in it) when the test ends. */
char         *comm_test_temp_dir          (void);

/* @name in a fresh folder removed when the test ends. */
char         *comm_test_temp_path         (const char   *name);

/* A new workspace at @path (COMM_DATABASE_CREATE), asserting it opened. */
CommDatabase *comm_test_create_workspace  (const char   *path);

/* A new workspace in a fresh folder; both go when the test ends. */
CommDatabase *comm_test_temp_workspace    (void);

/* A new workspace named @name in the folder @dir. */
CommDatabase *comm_test_create_workspace_in (const char *dir,
                                             const char *name);

/* A new workspace @name in @dir filled with the demo as of today (COMMISSIONER_TODAY), which
 * is stored in @today. */
CommDatabase *comm_test_demo_workspace    (const char   *dir,
                                           const char   *name,
                                           GDate        *today);

/* Runs @sql on @db, asserting it succeeds. */
void          comm_test_exec_sql          (CommDatabase *db,
                                           const char   *sql);

/* The integer in the first column of the first row @sql returns. */
gint64        comm_test_query_int         (CommDatabase *db,
                                           const char   *sql);

/* Runs @sql on the file @path with plain SQLite, as another program would. */
void          comm_test_raw_sqlite        (const char   *path,
                                           const char   *sql);

/* The date of the ISO 8601 @text (asserted valid); a cleared date for NULL. */
GDate         comm_test_date              (const char   *text);

G_END_DECLS
