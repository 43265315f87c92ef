/* comm-risk-store.c: risks in the workspace - lists with roll-up, top risks, save, delete
 * (reviews: comm-risk-review-store.c; registers: comm-risk-register-store.c) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-risk-store-private.h"

static CommRiskScaleKind
scale_of_text (const char *text)
{
  return g_strcmp0 (text, "lmh") == 0 ? COMM_RISK_SCALE_LMH : COMM_RISK_SCALE_5X5;
}

CommRiskRating
_comm_risk_column_rating (sqlite3_stmt      *stmt,
                          int                index,
                          CommRiskScaleKind  scale)
{
  CommRiskRating rating = { scale, 0, 0 };

  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return rating;
  rating.low = (guint8) sqlite3_column_int (stmt, index);
  rating.high = (guint8) sqlite3_column_int (stmt, index + 1);
  return rating;
}

void
_comm_risk_bind_rating (sqlite3_stmt         *stmt,
                        int                   index,
                        const CommRiskRating *rating)
{
  if (!comm_risk_rating_is_set (rating))
    {
      sqlite3_bind_null (stmt, index);
      sqlite3_bind_null (stmt, index + 1);
      return;
    }
  sqlite3_bind_int (stmt, index, rating->low);
  sqlite3_bind_int (stmt, index + 1, rating->high);
}

CommRisk *
_comm_risk_from_row (sqlite3_stmt *stmt,
                     const GDate  *today)
{
  CommRisk *risk = comm_risk_new ();
  CommRiskScaleKind scale = scale_of_text (comm_sqlite_column_text (stmt, 28));
  int response = comm_risk_response_from_string (comm_sqlite_column_text (stmt, 13));
  int status = comm_risk_status_from_string (comm_sqlite_column_text (stmt, 25));

  risk->id = sqlite3_column_int64 (stmt, 0);
  risk->register_id = sqlite3_column_int64 (stmt, 1);
  comm_risk_set_text (&risk->reference, comm_sqlite_column_text (stmt, 2));
  comm_risk_set_text (&risk->title, comm_sqlite_column_text (stmt, 3));
  comm_risk_set_text (&risk->cause, comm_sqlite_column_text (stmt, 4));
  comm_risk_set_text (&risk->consequence, comm_sqlite_column_text (stmt, 5));
  comm_risk_set_text (&risk->owner, comm_sqlite_column_text (stmt, 6));
  comm_risk_set_text (&risk->category, comm_sqlite_column_text (stmt, 7));
  risk->inherent_likelihood = _comm_risk_column_rating (stmt, 8, scale);
  risk->inherent_impact = _comm_risk_column_rating (stmt, 10, scale);
  comm_risk_set_text (&risk->controls, comm_sqlite_column_text (stmt, 12));
  risk->response = response >= 0 ? (CommRiskResponse) response : COMM_RISK_RESPONSE_TREAT;
  risk->residual_likelihood = _comm_risk_column_rating (stmt, 14, scale);
  risk->residual_impact = _comm_risk_column_rating (stmt, 16, scale);
  risk->target_likelihood = _comm_risk_column_rating (stmt, 18, scale);
  risk->target_impact = _comm_risk_column_rating (stmt, 20, scale);
  comm_risk_set_text (&risk->raised_on, comm_sqlite_column_text (stmt, 22));
  comm_risk_set_text (&risk->review_due, comm_sqlite_column_text (stmt, 23));
  risk->review_months = (guint) sqlite3_column_int (stmt, 24);
  risk->status = status >= 0 ? (CommRiskStatus) status : COMM_RISK_STATUS_OPEN;
  risk->contract_id = sqlite3_column_int64 (stmt, 26);
  comm_risk_set_text (&risk->register_name, comm_sqlite_column_text (stmt, 27));
  risk->scale = scale;
  comm_risk_set_text (&risk->contract_reference, comm_sqlite_column_text (stmt, 29));
  risk->contract_deleted = sqlite3_column_int (stmt, 30) != 0;
  comm_risk_set_text (&risk->last_reviewed_on, comm_sqlite_column_text (stmt, 31));
  comm_risk_refresh_derived (risk, today);
  return risk;
}

/* Runs @stmt (bound) and collects every row as a CommRisk. */
static GPtrArray *
collect_risks (CommDatabase  *db,
               sqlite3_stmt  *stmt,
               const GDate   *today,
               GError       **error)
{
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (risks, _comm_risk_from_row (stmt, today));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the risks"));
      return NULL;
    }
  return g_steal_pointer (&risks);
}

static int
compare_reference_ptr (gconstpointer a,
                       gconstpointer b)
{
  return comm_risk_compare_reference (*(CommRisk *const *) a, *(CommRisk *const *) b, NULL);
}

/* Own risks first by reference, then rolled-up ones by register name and reference. */
static int
compare_rollup_ptr (gconstpointer a,
                    gconstpointer b)
{
  const CommRisk *x = *(CommRisk *const *) a;
  const CommRisk *y = *(CommRisk *const *) b;
  int cmp;

  if (x->rolled_up != y->rolled_up)
    return x->rolled_up ? 1 : -1;
  if (x->rolled_up && (cmp = g_ascii_strcasecmp (x->register_name, y->register_name)) != 0)
    return cmp;
  return comm_risk_compare_reference (x, y, NULL);
}

static GListStore *
store_of (GPtrArray *risks)
{
  GListStore *store = g_list_store_new (COMM_TYPE_RISK);

  g_list_store_splice (store, 0, 0, risks->pdata, risks->len);
  return store;
}

GPtrArray *
_comm_risk_list_own (CommDatabase  *db,
                     gint64         register_id,
                     gboolean       with_deleted,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *risks;

  stmt = comm_database_prepare (db, "SELECT " COMM_RISK_COLUMNS COMM_RISK_FROM
                                    " WHERE r.register_id = ?1 AND (?2 OR r.deleted_at IS NULL)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, register_id);
  sqlite3_bind_int (stmt, 2, with_deleted);
  if ((risks = collect_risks (db, stmt, NULL, error)) != NULL)
    g_ptr_array_sort (risks, compare_reference_ptr);
  return risks;
}

GListStore *
comm_risk_store_list (CommDatabase  *db,
                      gint64         register_id,
                      const GDate   *today,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) risks = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  /* A risk belongs to one register, so each risk of a child register comes once. */
  stmt = comm_database_prepare (db, "SELECT " COMM_RISK_COLUMNS COMM_RISK_FROM
                                    " WHERE r.deleted_at IS NULL AND r.register_id IN"
                                    " (SELECT ?1 UNION ALL SELECT id FROM risk_registers"
                                    "  WHERE parent_id = ?1 AND kind <> 'programme')", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, register_id);
  if ((risks = collect_risks (db, stmt, today, error)) == NULL)
    return NULL;
  for (guint n = 0; n < risks->len; n++)
    {
      CommRisk *risk = g_ptr_array_index (risks, n);

      risk->rolled_up = risk->register_id != register_id;
    }
  g_ptr_array_sort (risks, compare_rollup_ptr);
  return store_of (risks);
}

GListStore *
comm_risk_store_top (CommDatabase  *db,
                     guint          limit,
                     const GDate   *today,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) risks = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  stmt = comm_database_prepare (db, "SELECT " COMM_RISK_COLUMNS COMM_RISK_FROM
                                    " WHERE r.deleted_at IS NULL AND r.status = 'open'"
                                    " ORDER BY r.severity DESC, g.name COLLATE NOCASE,"
                                    " length (r.reference), r.reference COLLATE NOCASE"
                                    " LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit == 0 ? -1 : (gint64) limit);
  if ((risks = collect_risks (db, stmt, today, error)) == NULL)
    return NULL;
  return store_of (risks);
}

CommRisk *
comm_risk_store_get (CommDatabase  *db,
                     gint64         id,
                     const GDate   *today,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) risks = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  stmt = comm_database_prepare (db, "SELECT " COMM_RISK_COLUMNS COMM_RISK_FROM
                                    " WHERE r.id = ?1 AND r.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((risks = collect_risks (db, stmt, today, error)) == NULL)
    return NULL;
  if (risks->len == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("The risk is no longer in the workspace: it may have been deleted."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (risks, 0));
}

/* "R<n>" with n one more than the highest "R<number>" in the register, deleted risks included. */
static char *
next_reference (CommDatabase  *db,
                gint64         register_id,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 highest = 0;
  int rc;

  stmt = comm_database_prepare (db, "SELECT reference FROM risks WHERE register_id = ?1"
                                    " AND reference LIKE 'R%'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, register_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = comm_sqlite_column_text (stmt, 0) + 1;
      char *end = NULL;
      guint64 n = g_ascii_strtoull (text, &end, 10);

      if (end != text && *end == '\0' && n > highest)
        highest = n;
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the risks"));
      return NULL;
    }
  return g_strdup_printf ("R%" G_GUINT64_FORMAT, highest + 1);
}

static gboolean
check_reference_free (CommDatabase  *db,
                      CommRisk      *risk,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = comm_database_prepare (db, "SELECT g.name FROM risks r JOIN risk_registers g"
                                    " ON g.id = r.register_id WHERE r.register_id = ?1"
                                    " AND r.reference = ?2 COLLATE NOCASE AND r.id <> ?3"
                                    " AND r.deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, risk->register_id);
  sqlite3_bind_text (stmt, 2, risk->reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, risk->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk register “%s” already has a risk %s: give this one another reference."),
                   comm_sqlite_column_text (stmt, 0), risk->reference);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the risks"));
      return FALSE;
    }
  return TRUE;
}

static void
bind_risk (sqlite3_stmt *stmt,
           CommRisk     *risk)
{
  CommRiskRating l, i;

  comm_risk_get_current (risk, &l, &i);
  sqlite3_bind_int64 (stmt, 1, risk->id);
  sqlite3_bind_int64 (stmt, 2, risk->register_id);
  sqlite3_bind_text (stmt, 3, risk->reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, risk->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, risk->cause, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, risk->consequence, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, risk->owner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, risk->category, -1, SQLITE_TRANSIENT);
  _comm_risk_bind_rating (stmt, 9, &risk->inherent_likelihood);
  _comm_risk_bind_rating (stmt, 11, &risk->inherent_impact);
  sqlite3_bind_text (stmt, 13, risk->controls, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, comm_risk_response_to_string (risk->response), -1, SQLITE_STATIC);
  _comm_risk_bind_rating (stmt, 15, &risk->residual_likelihood);
  _comm_risk_bind_rating (stmt, 17, &risk->residual_impact);
  _comm_risk_bind_rating (stmt, 19, &risk->target_likelihood);
  _comm_risk_bind_rating (stmt, 21, &risk->target_impact);
  sqlite3_bind_text (stmt, 23, risk->raised_on, -1, SQLITE_TRANSIENT);
  comm_sqlite_bind_text_or_null (stmt, 24, risk->review_due);
  sqlite3_bind_int (stmt, 25, (int) risk->review_months);
  sqlite3_bind_text (stmt, 26, comm_risk_status_to_string (risk->status), -1, SQLITE_STATIC);
  if (risk->contract_id > 0)
    sqlite3_bind_int64 (stmt, 27, risk->contract_id);
  else
    sqlite3_bind_null (stmt, 27);
  sqlite3_bind_int (stmt, 28, (int) MAX (1u, comm_risk_severity (&l, &i)));
}

#define RISK_VALUES "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17," \
                    " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28"

gboolean
_comm_risk_write (CommDatabase  *db,
                  CommRisk      *risk,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql;

  if (*risk->reference == '\0')
    {
      g_autofree char *reference = next_reference (db, risk->register_id, error);

      if (reference == NULL)
        return FALSE;
      comm_risk_set_text (&risk->reference, reference);
    }
  if (!check_reference_free (db, risk, error))
    return FALSE;
  if (risk->id == 0)
    sql = "INSERT INTO risks (register_id, reference, title, cause, consequence, owner, category,"
          " inherent_likelihood_low, inherent_likelihood_high, inherent_impact_low,"
          " inherent_impact_high, controls, response, residual_likelihood_low,"
          " residual_likelihood_high, residual_impact_low, residual_impact_high,"
          " target_likelihood_low, target_likelihood_high, target_impact_low, target_impact_high,"
          " raised_on, review_due, review_months, status, contract_id, severity)"
          " VALUES (" RISK_VALUES ")";
  else
    sql = "UPDATE risks SET register_id = ?2, reference = ?3, title = ?4, cause = ?5,"
          " consequence = ?6, owner = ?7, category = ?8, inherent_likelihood_low = ?9,"
          " inherent_likelihood_high = ?10, inherent_impact_low = ?11, inherent_impact_high = ?12,"
          " controls = ?13, response = ?14, residual_likelihood_low = ?15,"
          " residual_likelihood_high = ?16, residual_impact_low = ?17, residual_impact_high = ?18,"
          " target_likelihood_low = ?19, target_likelihood_high = ?20, target_impact_low = ?21,"
          " target_impact_high = ?22, raised_on = ?23, review_due = ?24, review_months = ?25,"
          " status = ?26, contract_id = ?27, severity = ?28 WHERE id = ?1";
  if ((stmt = comm_database_prepare (db, sql, error)) == NULL)
    return FALSE;
  bind_risk (stmt, risk);
  if (!comm_store_step_done (db, stmt, _("Could not save the risk"), error))
    return FALSE;
  if (risk->id == 0)
    risk->id = sqlite3_last_insert_rowid (comm_database_get_handle (db));
  return TRUE;
}

gboolean
_comm_risk_update_ratings (CommDatabase  *db,
                           CommRisk      *risk,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommRiskRating l, i;

  stmt = comm_database_prepare (db, "UPDATE risks SET inherent_likelihood_low = ?2,"
                                    " inherent_likelihood_high = ?3, inherent_impact_low = ?4,"
                                    " inherent_impact_high = ?5, residual_likelihood_low = ?6,"
                                    " residual_likelihood_high = ?7, residual_impact_low = ?8,"
                                    " residual_impact_high = ?9, target_likelihood_low = ?10,"
                                    " target_likelihood_high = ?11, target_impact_low = ?12,"
                                    " target_impact_high = ?13, severity = ?14 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  comm_risk_get_current (risk, &l, &i);
  sqlite3_bind_int64 (stmt, 1, risk->id);
  _comm_risk_bind_rating (stmt, 2, &risk->inherent_likelihood);
  _comm_risk_bind_rating (stmt, 4, &risk->inherent_impact);
  _comm_risk_bind_rating (stmt, 6, &risk->residual_likelihood);
  _comm_risk_bind_rating (stmt, 8, &risk->residual_impact);
  _comm_risk_bind_rating (stmt, 10, &risk->target_likelihood);
  _comm_risk_bind_rating (stmt, 12, &risk->target_impact);
  sqlite3_bind_int (stmt, 14, (int) MAX (1u, comm_risk_severity (&l, &i)));
  return comm_store_step_done (db, stmt, _("Could not change the risk’s ratings"), error);
}

static gboolean
check_contract (CommDatabase  *db,
                gint64         contract_id,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (contract_id <= 0)
    return TRUE;
  if ((stmt = comm_database_prepare (db, "SELECT 1 FROM contracts WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                         _("The contract linked to the risk is not in the workspace."));
  else
    comm_database_set_error (db, error, _("Could not read the contracts"));
  return FALSE;
}

/* The stored register of an existing risk, to refuse moves between registers. */
static gboolean
check_same_register (CommDatabase  *db,
                     CommRisk      *risk,
                     GError       **error)
{
  g_autoptr(CommRisk) stored = NULL;

  if (risk->id == 0)
    return TRUE;
  if ((stored = comm_risk_store_get (db, risk->id, NULL, error)) == NULL)
    return FALSE;
  if (stored->register_id != risk->register_id)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk %s cannot move to another register."), stored->reference);
      return FALSE;
    }
  return TRUE;
}

gboolean
comm_risk_store_save (CommDatabase  *db,
                      CommRisk      *risk,
                      GError       **error)
{
  g_autoptr(CommRiskRegister) reg = NULL;
  CommStoreTransaction transaction;
  CommRiskBands bands;
  gint64 old_id;
  g_autofree char *old_reference = NULL;
  GDate today;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (COMM_IS_RISK (risk), FALSE);

  comm_date_today (&today);
  if (!comm_database_ensure_writable (db, error) ||
      (reg = comm_risk_register_store_get (db, risk->register_id, error)) == NULL)
    return FALSE;
  comm_risk_register_get_bands (reg, &bands);
  if (!comm_risk_validate (risk, reg->scale, &bands, &today, error) ||
      !check_same_register (db, risk, error) || !check_contract (db, risk->contract_id, error))
    return FALSE;

  old_id = risk->id;
  old_reference = g_strdup (risk->reference);
  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  if (!_comm_risk_write (db, risk, error) || !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      risk->id = old_id;
      comm_risk_set_text (&risk->reference, old_reference);
      return FALSE;
    }
  comm_risk_set_text (&risk->register_name, reg->name);
  risk->scale = reg->scale;
  comm_risk_refresh_derived (risk, &today);
  return TRUE;
}

static gboolean
set_deleted (CommDatabase  *db,
             gint64         id,
             gboolean       deleted,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql = deleted
    ? "UPDATE risks SET deleted_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
      " WHERE id = ?1 AND deleted_at IS NULL"
    : "UPDATE risks SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL";

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_writable (db, error) ||
      (stmt = comm_database_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  /* Restoring fails on the unique index if the reference was reused meanwhile. */
  if (!comm_store_step_done (db, stmt, deleted ? _("Could not delete the risk")
                                               : _("Could not restore the risk"), error))
    return FALSE;
  if (sqlite3_changes (comm_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("The risk is no longer in the workspace."));
      return FALSE;
    }
  return TRUE;
}

gboolean
comm_risk_store_delete (CommDatabase  *db,
                        gint64         id,
                        GError       **error)
{
  return set_deleted (db, id, TRUE, error);
}

gboolean
comm_risk_store_restore (CommDatabase  *db,
                         gint64         id,
                         GError       **error)
{
  return set_deleted (db, id, FALSE, error);
}
