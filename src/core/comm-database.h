/* comm-database.h: one workspace = one SQLite file */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema version this build writes; files with a higher user_version are refused. */
#define COMM_DATABASE_SCHEMA_VERSION 6
#define COMM_WORKSPACE_SUFFIX ".commissioner"

typedef enum {
  COMM_DATABASE_OPEN_DEFAULT = 0,
  COMM_DATABASE_CREATE       = 1 << 0, /* create the file (mode 0600) if it does not exist */
  COMM_DATABASE_EXCLUSIVE    = 1 << 1, /* take the workspace lock: fail with COMM_ERROR_IN_USE if another
                                          Commissioner holds it (the app does this; the CLI does not) */
  COMM_DATABASE_READ_ONLY    = 1 << 2, /* open for reading only; no migrations are run */
} CommDatabaseFlags;

#define COMM_TYPE_DATABASE (comm_database_get_type ())
G_DECLARE_FINAL_TYPE (CommDatabase, comm_database, COMM, DATABASE, GObject)

/* Opens (or with CREATE, creates) a workspace: foreign keys on, WAL, synchronous=NORMAL,
 * busy timeout, then migrations up to COMM_DATABASE_SCHEMA_VERSION in one BEGIN IMMEDIATE
 * transaction. Errors: NOT_FOUND (no file, CREATE not given), NOT_WORKSPACE (not SQLite / not ours),
 * TOO_NEW, READ_ONLY (cannot write it - the message says how to open it anyway), IN_USE, SQLITE.
 * On any error the file is left exactly as it was. */
CommDatabase *comm_database_open               (const char         *path,
                                                CommDatabaseFlags   flags,
                                                GError            **error);
/* A second connection to the same file for a worker thread (never takes the lock). */
CommDatabase *comm_database_open_secondary     (CommDatabase       *self,
                                                GError            **error);
const char   *comm_database_get_path           (CommDatabase       *self);
/* The file name without folder or suffix, for titles: "Demo workspace". */
char         *comm_database_dup_display_name   (CommDatabase       *self);
int           comm_database_get_schema_version (CommDatabase       *self);
gboolean      comm_database_is_read_only       (CommDatabase       *self);
/* Writes a consistent copy of the whole workspace to @dest (online backup), mode 0600.
 * Fails without touching @dest's folder beyond a temporary file if anything goes wrong. */
gboolean      comm_database_save_copy          (CommDatabase       *self,
                                                const char         *dest,
                                                GError            **error);
/* Workspace settings (key/value text), e.g. "reminder-leads" = "12,6,3". Returns NULL if unset.
 * Setting @value NULL removes the setting. Changes are audited like any other row. */
char         *comm_database_get_setting        (CommDatabase       *self,
                                                const char         *key);
gboolean      comm_database_set_setting        (CommDatabase       *self,
                                                const char         *key,
                                                const char         *value,
                                                GError            **error);
/* Closes the connection and releases the lock; later calls fail. Also done on finalize. */
void          comm_database_close              (CommDatabase       *self);

G_END_DECLS
