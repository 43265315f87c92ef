/* comm-contract-store.c: contracts in the workspace
 *
 * The register is read by one query that also works out each contract's summary (value, this
 * year's value, latest RAG rating, last meeting) with correlated subqueries, each of which is an
 * index lookup (funding_lines_by_contract, rag_ratings_by_contract, monitoring_meetings_by_contract).
 * Saving writes the contract and its three detail tables in one transaction; ids are handed back
 * to the objects only after it has committed, so a failed save leaves objects and file as they were.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-private.h"
#include "comm-contract-store.h"
#include "comm-date.h"
#include "comm-problem.h"
#include "comm-reminders.h"
#include "comm-store-private.h"

/* ?1 = the financial year whose lines make the annual value. Column order: see row_from_stmt(). */
#define CONTRACT_SELECT \
  "SELECT c.id, c.reference, c.title, c.service_area, c.description, c.provider_id, p.name," \
  " c.lead_commissioner, c.geography, c.procurement_route, c.start_date, c.end_date," \
  " c.extension_options, c.notice_months, c.review_date, c.extended_to, c.terminated_on," \
  " c.procuring," \
  " (SELECT coalesce (sum (f.amount), 0) FROM funding_lines f WHERE f.contract_id = c.id)," \
  " (SELECT coalesce (sum (f.amount), 0) FROM funding_lines f WHERE f.contract_id = c.id AND f.year =" \
  "   (SELECT coalesce (max (g.year) FILTER (WHERE g.year <= ?1), min (g.year))" \
  "    FROM funding_lines g WHERE g.contract_id = c.id))," \
  " r.rag, r.rated_on, r.comment," \
  " (SELECT max (m.held_on) FROM monitoring_meetings m WHERE m.contract_id = c.id)," \
  " c.irrecoverable_vat, c.department" \
  " FROM contracts c" \
  " JOIN providers p ON p.id = c.provider_id" \
  " LEFT JOIN rag_ratings r ON r.id = (SELECT r2.id FROM rag_ratings r2 WHERE r2.contract_id = c.id" \
  "                                    ORDER BY r2.rated_on DESC, r2.id DESC LIMIT 1)"

static void bind_funding_line (sqlite3_stmt *stmt, gconstpointer item);
static void bind_rag_entry (sqlite3_stmt *stmt, gconstpointer item);
static void bind_meeting (sqlite3_stmt *stmt, gconstpointer item);

static const CommDetailTable funding_lines_table = {
  .select_ids = "SELECT id FROM funding_lines WHERE contract_id = ?1",
  .insert = "INSERT INTO funding_lines (contract_id, stream, year, amount) VALUES (?1, ?2, ?3, ?4)",
  .update = "UPDATE funding_lines SET stream = ?2, year = ?3, amount = ?4"
            " WHERE id = ?1 AND (stream IS NOT ?2 OR year IS NOT ?3 OR amount IS NOT ?4)",
  .delete = "DELETE FROM funding_lines WHERE id = ?1",
  .bind = bind_funding_line,
  .what = N_("Could not save the funding lines"),
};

static const CommDetailTable rag_ratings_table = {
  .select_ids = "SELECT id FROM rag_ratings WHERE contract_id = ?1",
  .insert = "INSERT INTO rag_ratings (contract_id, rated_on, rag, kpi, comment) VALUES (?1, ?2, ?3, ?4, ?5)",
  .update = "UPDATE rag_ratings SET rated_on = ?2, rag = ?3, kpi = ?4, comment = ?5"
            " WHERE id = ?1 AND (rated_on IS NOT ?2 OR rag IS NOT ?3 OR kpi IS NOT ?4 OR comment IS NOT ?5)",
  .delete = "DELETE FROM rag_ratings WHERE id = ?1",
  .bind = bind_rag_entry,
  .what = N_("Could not save the RAG ratings"),
};

static const CommDetailTable meetings_table = {
  .select_ids = "SELECT id FROM monitoring_meetings WHERE contract_id = ?1",
  .insert = "INSERT INTO monitoring_meetings (contract_id, held_on, note) VALUES (?1, ?2, ?3)",
  .update = "UPDATE monitoring_meetings SET held_on = ?2, note = ?3"
            " WHERE id = ?1 AND (held_on IS NOT ?2 OR note IS NOT ?3)",
  .delete = "DELETE FROM monitoring_meetings WHERE id = ?1",
  .bind = bind_meeting,
  .what = N_("Could not save the monitoring meetings"),
};

static void
bind_funding_line (sqlite3_stmt  *stmt,
                   gconstpointer  item)
{
  const CommFundingLine *line = item;

  sqlite3_bind_text (stmt, 2, line->stream, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, line->year);
  sqlite3_bind_int64 (stmt, 4, line->amount);
}

static void
bind_rag_entry (sqlite3_stmt  *stmt,
                gconstpointer  item)
{
  const CommRagEntry *entry = item;

  sqlite3_bind_text (stmt, 2, entry->rated_on, -1, SQLITE_STATIC);
  comm_sqlite_bind_text_or_null (stmt, 3, comm_rag_to_code (entry->rag));
  comm_sqlite_bind_text_or_null (stmt, 4, comm_kpi_rating_to_code (entry->kpi));
  sqlite3_bind_text (stmt, 5, entry->comment, -1, SQLITE_STATIC);
}

static void
bind_meeting (sqlite3_stmt  *stmt,
              gconstpointer  item)
{
  const CommMeeting *meeting = item;

  sqlite3_bind_text (stmt, 2, meeting->held_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, meeting->note, -1, SQLITE_STATIC);
}

static CommContract *
contract_from_stmt (sqlite3_stmt *stmt)
{
  CommContract *contract = comm_contract_new ();
  CommContractRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .reference = comm_sqlite_column_text (stmt, 1),
    .title = comm_sqlite_column_text (stmt, 2),
    .service_area = comm_sqlite_column_text (stmt, 3),
    .description = comm_sqlite_column_text (stmt, 4),
    .provider_id = sqlite3_column_int64 (stmt, 5),
    .lead_commissioner = comm_sqlite_column_text (stmt, 7),
    .geography = comm_sqlite_column_text (stmt, 8),
    .procurement_route = comm_sqlite_column_text (stmt, 9),
    .start_date = comm_sqlite_column_text (stmt, 10),
    .end_date = comm_sqlite_column_text (stmt, 11),
    .extension_options = comm_sqlite_column_text (stmt, 12),
    .notice_months = sqlite3_column_int (stmt, 13),
    .review_date = comm_sqlite_column_text (stmt, 14),
    .extended_to = comm_sqlite_column_text (stmt, 15),
    .terminated_on = comm_sqlite_column_text (stmt, 16),
    .procuring = sqlite3_column_int (stmt, 17) != 0,
  };

  comm_contract_load_row (contract, &row);
  comm_contract_set_provider_name (contract, comm_sqlite_column_text (stmt, 6));
  comm_contract_set_summary (contract,
                             sqlite3_column_int64 (stmt, 18),
                             sqlite3_column_int64 (stmt, 19),
                             comm_rag_from_code (comm_sqlite_column_text (stmt, 20)),
                             comm_sqlite_column_text (stmt, 21),
                             comm_sqlite_column_text (stmt, 22),
                             comm_sqlite_column_text (stmt, 23));
  comm_contract_load_publishing (contract, sqlite3_column_int64 (stmt, 24),
                                 comm_sqlite_column_text (stmt, 25));

  return contract;
}

static sqlite3_stmt *
step_one_row (CommDatabase  *db,
              const char    *sql,
              gint64         id,
              const char    *what,
              gboolean      *found,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, what);
      return NULL;
    }

  *found = rc == SQLITE_ROW;
  return g_steal_pointer (&stmt);
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                       _("The contract is no longer in the workspace; it may have been deleted."));
}

static gboolean
reference_exists (CommDatabase  *db,
                  const char    *reference,
                  gint64         except_id,
                  gboolean      *exists,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    comm_database_prepare (db, "SELECT 1 FROM contracts WHERE reference = ?1 COLLATE NOCASE"
                               " AND deleted_at IS NULL AND id IS NOT ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not check the contract reference"));
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* Sets *@provider_name to the name of the contract's provider, for the object once saved. */
static gboolean
check_can_save (CommDatabase  *db,
                CommContract  *contract,
                char         **provider_name,
                GError       **error)
{
  g_autoptr(GPtrArray) problems = comm_contract_validate (contract);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *reference = comm_contract_get_reference (contract);
  gboolean exists = FALSE;

  if (problems->len > 0)
    {
      const CommProblem *first = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID, first->message);
      return FALSE;
    }

  if (!reference_exists (db, reference, comm_contract_get_id (contract), &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Another contract already has the reference “%s”; choose a different one."),
                   reference);
      return FALSE;
    }

  stmt = step_one_row (db, "SELECT name FROM providers WHERE id = ?1",
                       comm_contract_get_provider_id (contract),
                       _("Could not look up the provider"), &exists, error);
  if (stmt == NULL)
    return FALSE;
  if (!exists)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The provider of “%s” is no longer in the workspace; choose another."), reference);
      return FALSE;
    }

  *provider_name = g_strdup (comm_sqlite_column_text (stmt, 0));
  return TRUE;
}

static void
bind_contract (sqlite3_stmt *stmt,
               CommContract *contract)
{
  CommContractRow row;

  comm_contract_get_row (contract, &row);
  sqlite3_bind_text (stmt, 2, row.reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row.title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, row.service_area, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, row.description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, row.provider_id);
  sqlite3_bind_text (stmt, 7, row.lead_commissioner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, row.geography, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, row.procurement_route, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, row.start_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, row.end_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, row.extension_options, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 13, row.notice_months);
  comm_sqlite_bind_text_or_null (stmt, 14, row.review_date);
  comm_sqlite_bind_text_or_null (stmt, 15, row.extended_to);
  comm_sqlite_bind_text_or_null (stmt, 16, row.terminated_on);
  sqlite3_bind_int (stmt, 17, row.procuring);
  sqlite3_bind_int64 (stmt, 18, comm_contract_get_irrecoverable_vat (contract));
  sqlite3_bind_text (stmt, 19, comm_contract_get_department (contract), -1, SQLITE_TRANSIENT);
}

static gboolean
write_contract_row (CommDatabase  *db,
                    CommContract  *contract,
                    gint64        *id,
                    GError       **error)
{
  static const char *insert_sql =
    "INSERT INTO contracts (reference, title, service_area, description, provider_id,"
    " lead_commissioner, geography, procurement_route, start_date, end_date, extension_options,"
    " notice_months, review_date, extended_to, terminated_on, procuring, irrecoverable_vat, department)"
    " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";
  static const char *update_sql =
    "UPDATE contracts SET reference = ?2, title = ?3, service_area = ?4, description = ?5,"
    " provider_id = ?6, lead_commissioner = ?7, geography = ?8, procurement_route = ?9,"
    " start_date = ?10, end_date = ?11, extension_options = ?12, notice_months = ?13,"
    " review_date = ?14, extended_to = ?15, terminated_on = ?16, procuring = ?17,"
    " irrecoverable_vat = ?18, department = ?19"
    " WHERE id = ?1 AND (reference IS NOT ?2 OR title IS NOT ?3 OR service_area IS NOT ?4"
    " OR description IS NOT ?5 OR provider_id IS NOT ?6 OR lead_commissioner IS NOT ?7"
    " OR geography IS NOT ?8 OR procurement_route IS NOT ?9 OR start_date IS NOT ?10"
    " OR end_date IS NOT ?11 OR extension_options IS NOT ?12 OR notice_months IS NOT ?13"
    " OR review_date IS NOT ?14 OR extended_to IS NOT ?15 OR terminated_on IS NOT ?16"
    " OR procuring IS NOT ?17 OR irrecoverable_vat IS NOT ?18 OR department IS NOT ?19)";
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *what = g_strdup_printf (_("Could not save the contract “%s”"),
                                           comm_contract_get_reference (contract));
  gboolean found = FALSE;

  *id = comm_contract_get_id (contract);
  if (*id != 0)
    {
      stmt = step_one_row (db, "SELECT 1 FROM contracts WHERE id = ?1 AND deleted_at IS NULL",
                           *id, what, &found, error);
      if (stmt == NULL)
        return FALSE;
      if (!found)
        {
          set_not_found (error);
          return FALSE;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if ((stmt = comm_database_prepare (db, *id == 0 ? insert_sql : update_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *id);
  bind_contract (stmt, contract);
  if (!comm_store_step_done (db, stmt, what, error))
    return FALSE;
  if (*id == 0)
    *id = sqlite3_last_insert_rowid (comm_database_get_handle (db));

  return TRUE;
}

static gboolean
load_funding_lines (CommDatabase  *db,
                    gint64         id,
                    GPtrArray     *out,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    comm_database_prepare (db, "SELECT id, stream, year, amount FROM funding_lines"
                               " WHERE contract_id = ?1 ORDER BY year, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommFundingLine *line = comm_funding_line_new (comm_sqlite_column_text (stmt, 1),
                                                     sqlite3_column_int (stmt, 2),
                                                     sqlite3_column_int64 (stmt, 3));
      line->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (out, line);
    }
  if (rc == SQLITE_DONE)
    return TRUE;

  comm_database_set_error (db, error, _("Could not read the funding lines"));
  return FALSE;
}

static gboolean
load_rag_history (CommDatabase  *db,
                  gint64         id,
                  GPtrArray     *out,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    comm_database_prepare (db, "SELECT id, rated_on, rag, kpi, comment FROM rag_ratings"
                               " WHERE contract_id = ?1 ORDER BY rated_on DESC, id DESC", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommRagEntry *entry =
        comm_rag_entry_new (comm_sqlite_column_text (stmt, 1),
                            comm_rag_from_code (comm_sqlite_column_text (stmt, 2)),
                            comm_kpi_rating_from_code (comm_sqlite_column_text (stmt, 3)),
                            comm_sqlite_column_text (stmt, 4));
      entry->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (out, entry);
    }
  if (rc == SQLITE_DONE)
    return TRUE;

  comm_database_set_error (db, error, _("Could not read the RAG ratings"));
  return FALSE;
}

static gboolean
load_meetings (CommDatabase  *db,
               gint64         id,
               GPtrArray     *out,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    comm_database_prepare (db, "SELECT id, held_on, note FROM monitoring_meetings"
                               " WHERE contract_id = ?1 ORDER BY held_on DESC, id DESC", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommMeeting *meeting = comm_meeting_new (comm_sqlite_column_text (stmt, 1),
                                               comm_sqlite_column_text (stmt, 2));
      meeting->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (out, meeting);
    }
  if (rc == SQLITE_DONE)
    return TRUE;

  comm_database_set_error (db, error, _("Could not read the monitoring meetings"));
  return FALSE;
}

static void
replace_contents (GPtrArray *target,
                  GPtrArray *source)
{
  g_ptr_array_set_size (target, 0);
  g_ptr_array_extend_and_steal (target, source);
}

GArray *
comm_contract_store_reminder_leads (CommDatabase *db)
{
  g_autofree char *text = NULL;
  GArray *leads = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  text = comm_database_get_setting (db, "reminder-leads");
  if (text != NULL)
    leads = comm_reminder_leads_parse (text, NULL);
  if (leads == NULL)
    leads = comm_reminder_leads_parse (COMM_REMINDER_DEFAULT_LEADS, NULL);

  return leads;
}

GListStore *
comm_contract_store_list (CommDatabase  *db,
                          const GDate   *today,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) leads = NULL;
  GListStore *store;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  stmt = comm_database_prepare (db, CONTRACT_SELECT " WHERE c.deleted_at IS NULL"
                                    " ORDER BY c.reference COLLATE NOCASE, c.id", error);
  if (stmt == NULL)
    return NULL;

  leads = comm_contract_store_reminder_leads (db);
  sqlite3_bind_int (stmt, 1, comm_financial_year_of (today));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommContract *contract = contract_from_stmt (stmt);

      comm_contract_refresh_derived (contract, today, (const int *) leads->data, leads->len);
      g_ptr_array_add (contracts, contract);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the contracts"));
      return NULL;
    }

  store = g_list_store_new (COMM_TYPE_CONTRACT);
  g_list_store_splice (store, 0, 0, contracts->pdata, contracts->len);

  /* Reading the register passed the whole file through SQLite's page cache (2 MB), and nothing
   * reads those pages again soon: give the memory back rather than keep it for the session. */
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_db_release_memory (comm_database_get_handle (db));

  return store;
}

CommContract *
comm_contract_store_get (CommDatabase  *db,
                         gint64         id,
                         const GDate   *today,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CommContract) contract = NULL;
  g_autoptr(GArray) leads = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  stmt = comm_database_prepare (db, CONTRACT_SELECT " WHERE c.id = ?2 AND c.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, comm_financial_year_of (today));
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found (error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the contract"));
      return NULL;
    }

  contract = contract_from_stmt (stmt);
  if (!comm_contract_store_load_details (db, contract, error))
    return NULL;
  leads = comm_contract_store_reminder_leads (db);
  comm_contract_refresh_derived (contract, today, (const int *) leads->data, leads->len);

  return g_steal_pointer (&contract);
}

gboolean
comm_contract_store_load_details (CommDatabase  *db,
                                  CommContract  *contract,
                                  GError       **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_funding_line_free);
  g_autoptr(GPtrArray) ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_rag_entry_free);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_meeting_free);
  gint64 id;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (COMM_IS_CONTRACT (contract), FALSE);

  id = comm_contract_get_id (contract);
  if (!load_funding_lines (db, id, lines, error) ||
      !load_rag_history (db, id, ratings, error) ||
      !load_meetings (db, id, meetings, error))
    return FALSE;

  replace_contents (comm_contract_get_funding_lines (contract), g_steal_pointer (&lines));
  replace_contents (comm_contract_get_rag_history (contract), g_steal_pointer (&ratings));
  replace_contents (comm_contract_get_meetings (contract), g_steal_pointer (&meetings));
  comm_contract_set_has_details (contract, TRUE);

  return TRUE;
}

/* A contract from the list has no detail arrays yet: they are loaded first, so that saving its
 * edited fields keeps its funding lines, ratings and meetings rather than deleting them. */
gboolean
comm_contract_store_save (CommDatabase  *db,
                          CommContract  *contract,
                          GError       **error)
{
  g_autoptr(GArray) line_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) rating_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) meeting_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autofree char *provider_name = NULL;
  GPtrArray *lines, *ratings, *meetings;
  CommStoreTransaction transaction;
  gint64 id;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (COMM_IS_CONTRACT (contract), FALSE);

  if (comm_contract_get_id (contract) != 0 && !comm_contract_has_details (contract) &&
      !comm_contract_store_load_details (db, contract, error))
    return FALSE;
  if (!check_can_save (db, contract, &provider_name, error))
    return FALSE;

  lines = comm_contract_get_funding_lines (contract);
  ratings = comm_contract_get_rag_history (contract);
  meetings = comm_contract_get_meetings (contract);
  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  if (!write_contract_row (db, contract, &id, error) ||
      !comm_store_sync_details (db, &funding_lines_table, id, lines, line_ids, error) ||
      !comm_store_sync_details (db, &rag_ratings_table, id, ratings, rating_ids, error) ||
      !comm_store_sync_details (db, &meetings_table, id, meetings, meeting_ids, error) ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }

  comm_contract_set_id (contract, id);
  comm_store_apply_ids (lines, line_ids);
  comm_store_apply_ids (ratings, rating_ids);
  comm_store_apply_ids (meetings, meeting_ids);
  comm_contract_set_has_details (contract, TRUE);
  comm_contract_set_provider_name (contract, provider_name);

  return TRUE;
}

gboolean
comm_contract_store_delete (CommDatabase  *db,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  stmt = comm_database_prepare (db, "UPDATE contracts SET deleted_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                    " WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!comm_store_step_done (db, stmt, _("Could not delete the contract"), error))
    return FALSE;
  if (sqlite3_changes (comm_database_get_handle (db)) == 0)
    {
      set_not_found (error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
restore_in_transaction (CommDatabase  *db,
                        gint64         id,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *reference = NULL;
  gboolean found = FALSE, exists = FALSE;

  stmt = step_one_row (db, "SELECT reference, deleted_at IS NOT NULL FROM contracts WHERE id = ?1",
                       id, _("Could not restore the contract"), &found, error);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    {
      set_not_found (error);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 1) == 0)
    return TRUE;  /* not deleted: nothing to undo */

  reference = g_strdup (comm_sqlite_column_text (stmt, 0));
  if (!reference_exists (db, reference, id, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The contract “%s” cannot be restored: another contract now has that reference. "
                     "Change that contract’s reference first."), reference);
      return FALSE;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = comm_database_prepare (db, "UPDATE contracts SET deleted_at = NULL WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return comm_store_step_done (db, stmt, _("Could not restore the contract"), error);
}

gboolean
comm_contract_store_restore (CommDatabase  *db,
                             gint64         id,
                             GError       **error)
{
  CommStoreTransaction transaction;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  if (!restore_in_transaction (db, id, error) || !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }

  return TRUE;
}

gboolean
comm_contract_store_reference_exists (CommDatabase *db,
                                      const char   *reference,
                                      gint64        except_id)
{
  g_autoptr(GError) error = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);

  if (!reference_exists (db, reference, except_id, &exists, &error))
    g_warning ("%s", error->message);

  return exists;
}

char *
comm_contract_store_free_copy_reference (CommDatabase *db,
                                         const char   *reference)
{
  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf ("%s-COPY", reference)
                                          : g_strdup_printf ("%s-COPY%u", reference, n);

      if (!comm_contract_store_reference_exists (db, candidate, 0))
        return g_steal_pointer (&candidate);
    }
}
