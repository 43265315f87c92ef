/* comm-deep-dive-state.c: what every Deep Dive write checks first - that it exists, is not
 * signed off or archived with a deleted contract, and has not been changed in another window
 * (revisions) - and the small helpers the Deep Dive stores share */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-deep-dive-private.h"

#define STATE_SELECT \
  "SELECT d.id, d.contract_id, d.year, d.template_id, d.started_on IS NOT NULL," \
  " d.signed_off_on IS NOT NULL, c.deleted_at IS NOT NULL, d.revision, c.reference" \
  " FROM deep_dives d JOIN contracts c ON c.id = d.contract_id"

static gboolean
read_state (CommDatabase       *db,
            const char         *sql,
            gint64              id,
            CommDeepDiveState  *state,
            const char         *missing,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *year = NULL;
  int rc;

  if ((stmt = comm_database_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND, missing);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the Deep Dive"));
      return FALSE;
    }

  _comm_deep_dive_state_clear (state);
  state->id = sqlite3_column_int64 (stmt, 0);
  state->contract_id = sqlite3_column_int64 (stmt, 1);
  state->year = sqlite3_column_int (stmt, 2);
  state->template_id = sqlite3_column_int64 (stmt, 3);
  state->started = sqlite3_column_int (stmt, 4) != 0;
  state->signed_off = sqlite3_column_int (stmt, 5) != 0;
  state->contract_deleted = sqlite3_column_int (stmt, 6) != 0;
  state->revision = sqlite3_column_int64 (stmt, 7);
  year = comm_financial_year_label (state->year);
  state->label = g_strdup_printf (_("the Deep Dive of %s for %s"), comm_sqlite_column_text (stmt, 8), year);

  return TRUE;
}

/* Runs an UPDATE of the Deep Dive that is bound and only changes anything if there is a change;
 * gives back the revision it now has. */
gboolean
_comm_deep_dive_run_update (CommDatabase             *db,
                 sqlite3_stmt             *stmt,
                 const CommDeepDiveState  *state,
                 gint64                   *revision,
                 GError                  **error)
{
  if (!comm_store_step_done (db, stmt, _("Could not save the Deep Dive"), error))
    return FALSE;
  if (revision != NULL)
    *revision = state->revision + (sqlite3_changes (comm_database_get_handle (db)) > 0 ? 1 : 0);

  return TRUE;
}

/* Opens a write to Deep Dive @id: a transaction, its state, and the lock and revision checks. */
gboolean
_comm_deep_dive_begin_write (CommDatabase          *db,
                  CommStoreTransaction  *transaction,
                  gint64                 id,
                  CommDeepDiveState     *state,
                  const gint64          *revision,
                  GError               **error)
{
  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (transaction, db, error))
    return FALSE;
  if (_comm_deep_dive_get_state (db, id, state, error) &&
      _comm_deep_dive_check_writable (state, error) &&
      _comm_deep_dive_check_revision (state->label, state->revision, revision, error))
    return TRUE;

  comm_store_rollback (transaction);
  return FALSE;
}

gboolean
_comm_deep_dive_finish_write (CommStoreTransaction  *transaction,
              gboolean               ok,
              GError               **error)
{
  if (ok && comm_store_commit (transaction, error))
    return TRUE;

  comm_store_rollback (transaction);
  return FALSE;
}

void
_comm_deep_dive_state_clear (CommDeepDiveState *state)
{
  g_clear_pointer (&state->label, g_free);
  memset (state, 0, sizeof *state);
}

gboolean
_comm_deep_dive_get_state (CommDatabase       *db,
                           gint64              id,
                           CommDeepDiveState  *state,
                           GError            **error)
{
  return read_state (db, STATE_SELECT " WHERE d.id = ?1", id, state,
                     _("This Deep Dive no longer exists: it may have been deleted in another window."),
                     error);
}

gboolean
_comm_deep_dive_get_area_state (CommDatabase       *db,
                                gint64              area_id,
                                CommDeepDiveState  *state,
                                GError            **error)
{
  return read_state (db, STATE_SELECT " JOIN deep_dive_areas a ON a.deep_dive_id = d.id WHERE a.id = ?1",
                     area_id, state,
                     _("This area of the Deep Dive no longer exists: reload the Deep Dive."), error);
}

gboolean
_comm_deep_dive_check_not_archived (const CommDeepDiveState  *state,
                                    GError                  **error)
{
  g_autofree char *what = NULL;

  if (!state->contract_deleted)
    return TRUE;

  what = g_strdup (state->label);
  what[0] = g_ascii_toupper (what[0]);
  g_set_error (error, COMM_ERROR, COMM_ERROR_LOCKED,
               _("%s cannot be changed: its contract has been deleted. Restore the contract to change it."),
               what);
  return FALSE;
}

gboolean
_comm_deep_dive_check_writable (const CommDeepDiveState  *state,
                                GError                  **error)
{
  g_autofree char *what = NULL;

  if (!_comm_deep_dive_check_not_archived (state, error))
    return FALSE;
  if (!state->signed_off)
    return TRUE;

  what = g_strdup (state->label);
  what[0] = g_ascii_toupper (what[0]);
  g_set_error (error, COMM_ERROR, COMM_ERROR_LOCKED,
               _("%s is signed off, so it cannot be changed. Reopen it (giving a reason) to change it."),
               what);
  return FALSE;
}

gboolean
_comm_deep_dive_check_revision (const char    *what,
                                gint64         stored,
                                const gint64  *expected,
                                GError       **error)
{
  g_autofree char *subject = NULL;

  if (expected == NULL || *expected == stored)
    return TRUE;

  subject = g_strdup (what);
  subject[0] = g_ascii_toupper (subject[0]);
  g_set_error (error, COMM_ERROR, COMM_ERROR_CONFLICT,
               _("%s was changed in another window since you opened it, so your change was not saved. "
                 "Reload it to see the other change, then make yours again."),
               subject);
  return FALSE;
}

gboolean
_comm_deep_dive_parse_date (const char  *text,
                            const char  *field,
                            char       **iso_out,
                            GError     **error)
{
  GDate date;

  *iso_out = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!comm_date_parse_iso (text, &date))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The %s “%s” is not a date: write it as YYYY-MM-DD, for example 2026-04-01."),
                   field, text);
      return FALSE;
    }
  *iso_out = comm_date_to_iso (&date);

  return TRUE;
}

gboolean
_comm_deep_dive_date_or_today (const char  *text,
                               const char  *field,
                               char       **iso_out,
                               GError     **error)
{
  GDate today;

  if (!_comm_deep_dive_parse_date (text, field, iso_out, error))
    return FALSE;
  if (*iso_out == NULL)
    {
      comm_date_today (&today);
      *iso_out = comm_date_to_iso (&today);
    }

  return TRUE;
}

const char *
_comm_deep_dive_user_name (void)
{
  static char *name = NULL;

  if (g_once_init_enter (&name))
    g_once_init_leave (&name, g_utf8_make_valid (g_get_user_name (), -1));

  return name;
}
