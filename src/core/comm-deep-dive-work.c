/* comm-deep-dive-work.c: carrying out a Deep Dive and completing it - area judgements and notes,
 * the conclusion (grade, lessons, variation), sign-off, reopening, and the RAG rating it may
 * give the contract */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-audit.h"
#include "comm-contract-store.h"
#include "comm-date.h"
#include "comm-deep-dive-private.h"

/* An area's stored judgement, notes and revision. */
typedef struct {
  gint64  deep_dive_id;
  char   *judgement;
  char   *notes;
  gint64  revision;
  guint   number;
} AreaRow;

static void
area_row_clear (AreaRow *row)
{
  g_clear_pointer (&row->judgement, g_free);
  g_clear_pointer (&row->notes, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AreaRow, area_row_clear)

static gboolean
read_area (CommDatabase  *db,
           gint64         area_id,
           AreaRow       *row,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = comm_database_prepare (db, "SELECT deep_dive_id, judgement, notes, revision, position"
                                    " FROM deep_dive_areas WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, area_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the area of the Deep Dive"));
      return FALSE;
    }
  row->deep_dive_id = sqlite3_column_int64 (stmt, 0);
  row->judgement = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->notes = g_strdup (comm_sqlite_column_text (stmt, 2));
  row->revision = sqlite3_column_int64 (stmt, 3);
  row->number = (guint) sqlite3_column_int (stmt, 4);

  return TRUE;
}

static gboolean
update_area (CommDatabase  *db,
             gint64         area_id,
             const char    *judgement,
             const char    *notes,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = comm_database_prepare (db, "UPDATE deep_dive_areas SET judgement = ?2, notes = ?3,"
                                    " revision = revision + 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, area_id);
  sqlite3_bind_text (stmt, 2, judgement, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, notes, -1, SQLITE_STATIC);

  return comm_store_step_done (db, stmt, _("Could not save the area of the Deep Dive"), error);
}

gboolean
comm_deep_dive_save_area (CommDatabase  *db,
                          gint64         area_id,
                          CommJudgement  judgement,
                          const char    *notes,
                          gint64        *revision,
                          GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_auto(AreaRow) row = { 0 };
  g_autofree char *what = NULL;
  CommStoreTransaction transaction;
  const char *code;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (judgement < COMM_N_JUDGEMENTS, FALSE);

  code = comm_judgement_to_code (judgement);
  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return FALSE;
  ok = _comm_deep_dive_get_area_state (db, area_id, &state, error) &&
       _comm_deep_dive_check_writable (&state, error) &&
       read_area (db, area_id, &row, error);
  if (ok)
    {
      what = g_strdup_printf (_("area %u of %s"), row.number, state.label);
      ok = _comm_deep_dive_check_revision (what, row.revision, revision, error);
    }
  if (!ok)
    return _comm_deep_dive_finish_write (&transaction, FALSE, NULL);

  if (notes == NULL)
    notes = row.notes;
  if (g_strcmp0 (code, row.judgement) == 0 && g_strcmp0 (notes, row.notes) == 0)
    return _comm_deep_dive_finish_write (&transaction, TRUE, error);

  ok = update_area (db, area_id, code, notes, error);
  if (ok && revision != NULL)
    *revision = row.revision + 1;

  return _comm_deep_dive_finish_write (&transaction, ok, error);
}

gboolean
comm_deep_dive_save_conclusion (CommDatabase  *db,
                                gint64         id,
                                CommGrade      grade,
                                const char    *lessons,
                                const char    *variation,
                                gboolean       variation_agreed,
                                gint64        *revision,
                                GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommStoreTransaction transaction;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (grade < COMM_N_GRADES, FALSE);

  if (!_comm_deep_dive_begin_write (db, &transaction, id, &state, revision, error))
    return FALSE;

  stmt = comm_database_prepare (db, "UPDATE deep_dives SET grade = ?2, lessons = coalesce (?3, lessons),"
                                    " variation = coalesce (?4, variation), variation_agreed = ?5,"
                                    " revision = revision + 1"
                                    " WHERE id = ?1 AND (grade IS NOT ?2 OR lessons IS NOT coalesce (?3, lessons)"
                                    " OR variation IS NOT coalesce (?4, variation) OR variation_agreed IS NOT ?5)",
                                error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, comm_grade_to_code (grade), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, lessons, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, variation, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, variation_agreed ? 1 : 0);
      ok = _comm_deep_dive_run_update (db, stmt, &state, revision, error);
    }

  return _comm_deep_dive_finish_write (&transaction, ok, error);
}

/* INVALID naming the first area that has no judgement, if any. */
static gboolean
check_all_judged (CommDatabase  *db,
                  gint64         id,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = comm_database_prepare (db, "SELECT a.position, ca.title FROM deep_dive_areas a"
                                    " JOIN checklist_areas ca ON ca.id = a.checklist_area_id"
                                    " WHERE a.deep_dive_id = ?1 AND a.judgement IS NULL"
                                    " ORDER BY a.position LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the Deep Dive"));
      return FALSE;
    }
  g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
               _("The Deep Dive cannot be signed off yet: area %d, “%s”, has no judgement. "
                 "Choose “Not assessed” if it was not looked at."),
               sqlite3_column_int (stmt, 0), comm_sqlite_column_text (stmt, 1));
  return FALSE;
}

/* The grade and start date, checked ready for sign-off on @date. */
static gboolean
check_ready_to_sign (CommDatabase  *db,
                     gint64         id,
                     const char    *date,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *started = NULL;

  stmt = comm_database_prepare (db, "SELECT grade IS NOT NULL, started_on FROM deep_dives WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the Deep Dive"));
      return FALSE;
    }
  started = g_strdup (comm_sqlite_column_text (stmt, 1));
  if (*started == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The Deep Dive cannot be signed off: it has not been started."));
      return FALSE;
    }
  if (!check_all_judged (db, id, error))
    return FALSE;
  if (sqlite3_column_int (stmt, 0) == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The Deep Dive cannot be signed off yet: give it an overall grade first."));
      return FALSE;
    }
  if (strcmp (date, started) < 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The sign-off date %s is before the Deep Dive started (%s)."), date, started);
      return FALSE;
    }

  return TRUE;
}

gboolean
comm_deep_dive_sign_off (CommDatabase  *db,
                         gint64         id,
                         const char    *name,
                         const char    *signed_off_on,
                         gint64        *revision,
                         GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *date = NULL;
  g_autofree char *who = g_strstrip (g_strdup (name != NULL ? name : ""));
  CommStoreTransaction transaction;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (*who == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("Give the name of the person signing off the Deep Dive."));
      return FALSE;
    }
  if (!_comm_deep_dive_date_or_today (signed_off_on, _("sign-off date"), &date, error) ||
      !_comm_deep_dive_begin_write (db, &transaction, id, &state, revision, error))
    return FALSE;

  ok = check_ready_to_sign (db, id, date, error) &&
       (stmt = comm_database_prepare (db, "UPDATE deep_dives SET signed_off_by = ?2, signed_off_on = ?3,"
                                          " revision = revision + 1 WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, who, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
      ok = _comm_deep_dive_run_update (db, stmt, &state, revision, error);
    }

  return _comm_deep_dive_finish_write (&transaction, ok, error);
}

/* Clears the sign-off, keeps who reopened it, when and why, and notes it in the audit trail. */
static gboolean
reopen_dive (CommDatabase             *db,
             const CommDeepDiveState  *state,
             const char               *reason,
             gint64                   *revision,
             GError                  **error)
{
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *note = NULL;
  g_autofree char *today = NULL;

  if (!_comm_deep_dive_date_or_today (NULL, "", &today, error))
    return FALSE;
  read = comm_database_prepare (db, "SELECT signed_off_by, signed_off_on FROM deep_dives WHERE id = ?1", error);
  stmt = comm_database_prepare (db, "UPDATE deep_dives SET signed_off_by = NULL, signed_off_on = NULL,"
                                    " reopened_on = ?2, reopened_by = ?3, reopen_reason = ?4,"
                                    " revision = revision + 1 WHERE id = ?1", error);
  if (read == NULL || stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, state->id);
  if (sqlite3_step (read) != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the Deep Dive"));
      return FALSE;
    }
  note = g_strdup_printf (_("Deep Dive reopened (it was signed off by %s on %s). Reason: %s"),
                          comm_sqlite_column_text (read, 0), comm_sqlite_column_text (read, 1), reason);

  sqlite3_bind_int64 (stmt, 1, state->id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, _comm_deep_dive_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);

  return _comm_deep_dive_run_update (db, stmt, state, revision, error) &&
         comm_audit_add_note (db, "deep_dives", state->id, note, error);
}

gboolean
comm_deep_dive_reopen (CommDatabase  *db,
                       gint64         id,
                       const char    *reason,
                       gint64        *revision,
                       GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  CommStoreTransaction transaction;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (*why == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("Say why the Deep Dive is being reopened: the reason is kept in the audit trail."));
      return FALSE;
    }
  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return FALSE;
  ok = _comm_deep_dive_get_state (db, id, &state, error) &&
       _comm_deep_dive_check_not_archived (&state, error) &&
       _comm_deep_dive_check_revision (state.label, state.revision, revision, error);
  if (ok && !state.signed_off)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("There is nothing to reopen: %s is not signed off."), state.label);
      ok = FALSE;
    }
  ok = ok && reopen_dive (db, &state, why, revision, error);

  return _comm_deep_dive_finish_write (&transaction, ok, error);
}

/* The newest KPI rating in the history (kept on the new entry so that it is not lost). */
static CommKpiRating
latest_kpi (GPtrArray *history)
{
  for (guint i = 0; i < history->len; i++)
    {
      const CommRagEntry *entry = g_ptr_array_index (history, i);

      if (entry->kpi != COMM_KPI_NONE)
        return entry->kpi;
    }

  return COMM_KPI_NONE;
}

gboolean
comm_deep_dive_apply_rag (CommDatabase  *db,
                          gint64         id,
                          CommRag        rag,
                          const char    *comment,
                          const char    *rated_on,
                          GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_autoptr(CommDeepDive) dive = NULL;
  g_autoptr(CommContract) contract = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *year = NULL;
  GPtrArray *history;
  GDate today;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (rag == COMM_RAG_NONE || rag > COMM_RAG_RED)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("Choose Green, Amber or Red for the contract’s rating."));
      return FALSE;
    }
  if (!_comm_deep_dive_date_or_today (rated_on, _("rating date"), &date, error) ||
      !_comm_deep_dive_get_state (db, id, &state, error) ||
      !_comm_deep_dive_check_not_archived (&state, error) ||
      (dive = comm_deep_dive_load (db, id, error)) == NULL)
    return FALSE;

  comm_date_today (&today);
  if ((contract = comm_contract_store_get (db, state.contract_id, &today, error)) == NULL)
    return FALSE;
  year = comm_financial_year_label (state.year);
  text = comment != NULL ? g_strdup (comment)
                         : g_strdup_printf (_("Deep Dive %s: %s"), year, comm_grade_to_label (dive->grade));
  history = comm_contract_get_rag_history (contract);
  g_ptr_array_insert (history, 0, comm_rag_entry_new (date, rag, latest_kpi (history), text));

  return comm_contract_store_save (db, contract, error);
}
