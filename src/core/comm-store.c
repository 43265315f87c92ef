/* comm-store.c: what the provider and contract stores share - nesting transactions and keeping an
 * object's detail rows in step with its arrays */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-store-private.h"

#define ITEM_ID(item) (*(gint64 *) (item))

gboolean
comm_store_begin (CommStoreTransaction *transaction,
                  CommDatabase         *db,
                  GError              **error)
{
  transaction->db = db;
  transaction->nested = !sqlite3_get_autocommit (comm_database_get_handle (db));

  if (transaction->nested)
    return comm_database_exec (db, "SAVEPOINT comm_store", error);

  return comm_database_begin (db, error);
}

gboolean
comm_store_commit (CommStoreTransaction *transaction,
                   GError              **error)
{
  if (transaction->nested)
    return comm_database_exec (transaction->db, "RELEASE comm_store", error);

  return comm_database_commit (transaction->db, error);
}

void
comm_store_rollback (CommStoreTransaction *transaction)
{
  sqlite3 *handle = comm_database_get_handle (transaction->db);

  if (transaction->nested)
    {
      sqlite3_exec (handle, "ROLLBACK TO comm_store", NULL, NULL, NULL);
      sqlite3_exec (handle, "RELEASE comm_store", NULL, NULL, NULL);
    }
  else
    {
      comm_database_rollback (transaction->db);
    }
}

gboolean
comm_store_step_done (CommDatabase  *db,
                      sqlite3_stmt  *stmt,
                      const char    *what,
                      GError       **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;

  comm_database_set_error (db, error, what);
  return FALSE;
}

static GHashTable *
existing_ids (CommDatabase          *db,
              const CommDetailTable *table,
              gint64                 parent_id,
              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, table->select_ids, error);
  g_autoptr(GHashTable) ids = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_bind_int64 (stmt, 1, parent_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _(table->what));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
delete_unlisted (CommDatabase          *db,
                 const CommDetailTable *table,
                 GHashTable            *unlisted,
                 GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, table->delete, error);
  GHashTableIter iter;
  gint64 *id;

  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, unlisted);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, *id);
      if (!comm_store_step_done (db, stmt, _(table->what), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
comm_store_sync_details (CommDatabase          *db,
                         const CommDetailTable *table,
                         gint64                 parent_id,
                         GPtrArray             *items,
                         GArray                *new_ids,
                         GError               **error)
{
  g_autoptr(GHashTable) unlisted = existing_ids (db, table, parent_id, error);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;

  if (unlisted == NULL ||
      (insert = comm_database_prepare (db, table->insert, error)) == NULL ||
      (update = comm_database_prepare (db, table->update, error)) == NULL)
    return FALSE;

  g_array_set_size (new_ids, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      gconstpointer item = g_ptr_array_index (items, i);
      gint64 id = ITEM_ID (item);
      gboolean kept = id != 0 && g_hash_table_remove (unlisted, &id);
      sqlite3_stmt *stmt = kept ? update : insert;

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, kept ? id : parent_id);
      table->bind (stmt, item);
      if (!comm_store_step_done (db, stmt, _(table->what), error))
        return FALSE;
      g_array_index (new_ids, gint64, i) = kept ? 0 : sqlite3_last_insert_rowid (comm_database_get_handle (db));
    }

  return delete_unlisted (db, table, unlisted, error);
}

void
comm_store_apply_ids (GPtrArray *items,
                      GArray    *new_ids)
{
  for (guint i = 0; i < items->len && i < new_ids->len; i++)
    if (g_array_index (new_ids, gint64, i) != 0)
      ITEM_ID (g_ptr_array_index (items, i)) = g_array_index (new_ids, gint64, i);
}
