/* comm-migrations-private.h: for comm-database.c - bringing a workspace's schema up to date */
#pragma once

#include "comm-database-private.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every workspace: "COMM". A SQLite file with tables and another id is
 * not a workspace. */
#define COMM_DATABASE_APPLICATION_ID 0x434F4D4D

/* Applies the migrations (resources /uk/org/commissioner/core/migrations/NNNN-name.sql) above the
 * file's user_version, up to COMM_DATABASE_SCHEMA_VERSION, in one BEGIN IMMEDIATE transaction:
 * audit triggers dropped first and installed again for every table at the end, then
 * application_id and user_version set. Nothing is written when the file is already current.
 * Sets *@schema_version to the version the file has afterwards. On failure nothing is changed. */
gboolean comm_migrations_run              (CommDatabase  *db,
                                           int           *schema_version,
                                           GError       **error);
/* COMM_ERROR_TOO_NEW for @path saved in format @version. */
void     comm_migrations_set_too_new_error (GError       **error,
                                           const char    *path,
                                           int            version);

G_END_DECLS
