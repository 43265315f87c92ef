/* comm-import-apply.c: the second phase of an import - writing the planned rows in one transaction
 *
 * Contracts are saved from copies, so a failed or cancelled apply leaves the plan as it was (ids
 * the store hands back inside a rolled-back transaction would otherwise point at nothing).
 * Providers are created only for rows that are written. Unchanged rows are never touched.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-store.h"
#include "comm-database-private.h"
#include "comm-import-private.h"
#include "comm-provider-store.h"
#include "comm-text.h"

#define PROGRESS_EVERY 200

static gboolean
is_written (CommImportPlanRow *row)
{
  return row->row.kind == COMM_IMPORT_ROW_NEW || row->row.kind == COMM_IMPORT_ROW_UPDATED;
}

/* The id of the provider @name, created on first use. */
static gint64
provider_id (CommDatabase  *db,
             GHashTable    *created,
             const char    *name,
             GError       **error)
{
  g_autofree char *folded = comm_text_fold (name);
  g_autoptr(CommProvider) provider = NULL;
  gint64 *id = g_hash_table_lookup (created, folded);

  if (id != NULL)
    return *id;
  provider = comm_provider_new ();
  comm_provider_set_name (provider, name);
  if (!comm_provider_store_save (db, provider, error))
    return 0;
  id = g_new (gint64, 1);
  *id = comm_provider_get_id (provider);
  g_hash_table_insert (created, g_steal_pointer (&folded), id);
  return *id;
}

/* New rows go through @inserter; updated ones through the store, which keeps their other details. */
static gboolean
write_row (CommDatabase        *db,
           CommImportInserter  *inserter,
           CommImportPlanRow   *row,
           GHashTable          *created,
           GError             **error)
{
  g_autoptr(CommContract) contract = comm_contract_copy (row->contract);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (row->new_provider != NULL)
    {
      gint64 id = provider_id (db, created, row->new_provider, &local_error);

      if (id == 0)
        goto failed;
      g_object_set (contract, "provider-id", id, NULL);
    }
  if (row->row.kind == COMM_IMPORT_ROW_NEW)
    ok = comm_import_inserter_insert (inserter, contract, &local_error);
  else
    ok = comm_contract_store_save (db, contract, &local_error);
  if (ok)
    return TRUE;

failed:
  g_set_error (error, COMM_ERROR, local_error->code, _("Line %u (%s): %s Nothing was imported."),
               row->row.line, row->row.reference, local_error->message);
  return FALSE;
}

static gboolean
write_rows (GPtrArray          *rows,
            CommDatabase       *db,
            GCancellable       *cancellable,
            CommImportProgress  progress,
            gpointer            user_data,
            GError            **error)
{
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CommImportInserter) inserter = comm_import_inserter_new (db, error);

  if (inserter == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      CommImportPlanRow *row = rows->pdata[i];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (is_written (row) && !write_row (db, inserter, row, created, error))
        return FALSE;
      if (progress != NULL && (i + 1) % PROGRESS_EVERY == 0)
        progress ((double) (i + 1) / rows->len, user_data);
    }
  return TRUE;
}

/* A large import fills far more pages than SQLite's default cache holds; the cache is made
 * bigger for the transaction and put back afterwards. */
static gint64
get_cache_size (CommDatabase *db)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, "PRAGMA cache_size", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -2000;
}

static void
set_cache_size (CommDatabase *db,
                gint64        size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);  /* a number, not user text */

  comm_database_exec (db, sql, NULL);
}

gboolean
comm_import_plan_apply (CommImportPlan     *plan,
                        CommDatabase       *db,
                        gboolean            good_only,
                        GCancellable       *cancellable,
                        CommImportProgress  progress,
                        gpointer            user_data,
                        GError            **error)
{
  GPtrArray *rows = comm_import_plan_get_rows (plan);
  guint rejected = comm_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED);
  gint64 cache_size;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (rejected > 0 && !good_only)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row was rejected, so nothing was imported. Put it right, or import only the good rows.",
                                "%u rows were rejected, so nothing was imported. Put them right, or import only the good rows.",
                                rejected), rejected);
      return FALSE;
    }
  if (comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW) + comm_import_plan_count (plan, COMM_IMPORT_ROW_UPDATED) == 0)
    {
      if (progress != NULL)
        progress (1.0, user_data);
      return comm_database_ensure_open (db, error);
    }
  if (!comm_database_ensure_writable (db, error) || !comm_database_begin (db, error))
    return FALSE;
  cache_size = get_cache_size (db);
  comm_database_exec (db, "PRAGMA cache_size = -131072", NULL);  /* 128 MB while importing */
  ok = write_rows (rows, db, cancellable, progress, user_data, error) && comm_database_commit (db, error);
  if (!ok)
    comm_database_rollback (db);
  set_cache_size (db, cache_size);
  if (!ok)
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

gboolean
comm_import_plan_write_rejects (CommImportPlan  *plan,
                                const char      *path,
                                GError         **error)
{
  return comm_import_write_rejects (comm_import_plan_get_header (plan), comm_import_plan_get_rows (plan),
                                    path, error);
}

gboolean
comm_import_write_rejects (const char * const *header,
                           GPtrArray          *rows,
                           const char         *path,
                           GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  g_autoptr(CommCsvWriter) writer = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint n_header = g_strv_length ((char **) header);

  if (out == NULL)
    return FALSE;
  writer = comm_csv_writer_new (G_OUTPUT_STREAM (out), COMM_CSV_WRITE_NO_NEUTRALISE);
  for (guint i = 0; i < n_header; i++)
    g_ptr_array_add (cells, (char *) header[i]);
  g_ptr_array_add (cells, (char *) _("Problem"));
  if (!comm_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len, error))
    return FALSE;
  for (guint r = 0; r < rows->len; r++)
    {
      CommImportRow *row = rows->pdata[r];
      guint n = g_strv_length (row->cells);
      g_autofree char *problem = NULL;

      if (row->kind != COMM_IMPORT_ROW_REJECTED)
        continue;
      problem = g_strdup_printf (_("Line %u: %s"), row->line, row->reason);
      g_ptr_array_set_size (cells, 0);
      for (guint i = 0; i < MAX (n, n_header); i++)
        g_ptr_array_add (cells, i < n ? row->cells[i] : (char *) "");
      g_ptr_array_add (cells, problem);
      if (!comm_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len, error))
        return FALSE;
    }
  return comm_csv_writer_finish (writer, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
