/* comm-store-private.h: for the provider and contract stores - transactions that nest, and
 * saving an object's detail rows (inspections, funding lines ...) from its array */
#pragma once

#include "comm-database-private.h"

G_BEGIN_DECLS

/* A save in its own transaction, or - when the caller already holds one (the demo fills a whole
 * workspace in one) - in a savepoint inside it, so that a failed save still undoes only itself. */
typedef struct {
  CommDatabase *db;
  gboolean      nested;
} CommStoreTransaction;

gboolean comm_store_begin    (CommStoreTransaction *transaction,
                              CommDatabase         *db,
                              GError              **error);
gboolean comm_store_commit   (CommStoreTransaction *transaction,
                              GError              **error);
void     comm_store_rollback (CommStoreTransaction *transaction);

/* How the rows of one detail table are written. Every item struct starts with "gint64 id"
 * (CommInspection, CommFundingLine, CommRagEntry, CommMeeting), which is how ids are read. */
typedef struct {
  const char *select_ids;  /* ?1 parent id -> the ids of its rows */
  const char *insert;      /* ?1 parent id, ?2 ... the columns bound by bind() */
  const char *update;      /* ?1 row id, ?2 ... the columns; should touch the row only if it changed */
  const char *delete;      /* ?1 row id */
  void      (*bind)        (sqlite3_stmt *stmt, gconstpointer item);
  const char *what;        /* untranslated (N_) "Could not save the funding lines" */
} CommDetailTable;

/* Makes @parent_id's rows equal @items: rows whose id is in @items are updated, items with id 0
 * (or an id no longer in the table) are inserted, other rows deleted. The ids of inserted rows
 * are returned in @new_ids (one gint64 per item, 0 where the item kept its id) and applied with
 * comm_store_apply_ids() only once the transaction has committed. */
gboolean comm_store_sync_details (CommDatabase          *db,
                                  const CommDetailTable *table,
                                  gint64                 parent_id,
                                  GPtrArray             *items,
                                  GArray                *new_ids,
                                  GError               **error);
void     comm_store_apply_ids    (GPtrArray             *items,
                                  GArray                *new_ids);

/* Runs a prepared statement that returns no rows; on failure sets @error as "@what: ..." */
gboolean comm_store_step_done    (CommDatabase          *db,
                                  sqlite3_stmt          *stmt,
                                  const char            *what,
                                  GError               **error);

G_END_DECLS
