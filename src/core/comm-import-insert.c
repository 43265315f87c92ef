/* comm-import-insert.c: new contracts of an import written through statements prepared once
 *
 * comm_contract_store_save() prepares its statements for every contract, and each preparation
 * compiles the audit triggers of the table: fine for one edit, but most of the time of a 50,000-row
 * import. Here the INSERTs are prepared once and reset between rows; the audit triggers still run
 * for every row, so the audit trail is the same as for contracts saved one by one. The caller
 * holds the transaction and has validated the contracts (comm_contract_validate()); the unique
 * index on references still refuses a duplicate.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-private.h"
#include "comm-database-private.h"
#include "comm-import-private.h"

struct _CommImportInserter {
  CommDatabase *db;
  sqlite3_stmt *contract;
  sqlite3_stmt *line;
};

static void
bind_row (sqlite3_stmt          *stmt,
          const CommContractRow *row)
{
  sqlite3_bind_text (stmt, 1, row->reference, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->service_area, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->description, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, row->provider_id);
  sqlite3_bind_text (stmt, 6, row->lead_commissioner, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, row->geography, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, row->procurement_route, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, row->start_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, row->end_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, row->extension_options, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, row->notice_months);
  comm_sqlite_bind_text_or_null (stmt, 13, row->review_date);
  comm_sqlite_bind_text_or_null (stmt, 14, row->extended_to);
  comm_sqlite_bind_text_or_null (stmt, 15, row->terminated_on);
  sqlite3_bind_int (stmt, 16, row->procuring);
}

/* Steps a statement that returns no rows and makes it ready for the next. */
static gboolean
run (CommImportInserter  *inserter,
     sqlite3_stmt        *stmt,
     const char          *reference,
     GError             **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not save the contract “%s”"), reference);

      comm_database_set_error (inserter->db, error, what);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE;
}

CommImportInserter *
comm_import_inserter_new (CommDatabase  *db,
                          GError       **error)
{
  g_autoptr(CommImportInserter) inserter = g_new0 (CommImportInserter, 1);

  inserter->db = db;
  inserter->contract = comm_database_prepare (db,
    "INSERT INTO contracts (reference, title, service_area, description, provider_id,"
    " lead_commissioner, geography, procurement_route, start_date, end_date, extension_options,"
    " notice_months, review_date, extended_to, terminated_on, procuring)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)", error);
  if (inserter->contract == NULL)
    return NULL;
  inserter->line = comm_database_prepare (db,
    "INSERT INTO funding_lines (contract_id, stream, year, amount) VALUES (?1, ?2, ?3, ?4)", error);
  if (inserter->line == NULL)
    return NULL;
  return g_steal_pointer (&inserter);
}

gboolean
comm_import_inserter_insert (CommImportInserter  *inserter,
                             CommContract        *contract,
                             GError             **error)
{
  GPtrArray *lines = comm_contract_get_funding_lines (contract);
  CommContractRow row;
  gint64 id;

  comm_contract_get_row (contract, &row);
  bind_row (inserter->contract, &row);
  if (!run (inserter, inserter->contract, row.reference, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (comm_database_get_handle (inserter->db));
  for (guint i = 0; i < lines->len; i++)
    {
      const CommFundingLine *line = lines->pdata[i];

      sqlite3_bind_int64 (inserter->line, 1, id);
      sqlite3_bind_text (inserter->line, 2, line->stream, -1, SQLITE_STATIC);
      sqlite3_bind_int (inserter->line, 3, line->year);
      sqlite3_bind_int64 (inserter->line, 4, line->amount);
      if (!run (inserter, inserter->line, row.reference, error))
        return FALSE;
    }
  return TRUE;
}

void
comm_import_inserter_free (CommImportInserter *inserter)
{
  if (inserter == NULL)
    return;
  g_clear_pointer (&inserter->contract, sqlite3_finalize);
  g_clear_pointer (&inserter->line, sqlite3_finalize);
  g_free (inserter);
}
