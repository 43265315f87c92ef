/* comm-deep-dive-actions.c: the actions agreed in a Deep Dive (what, who, by when, done), and
 * the list of actions across every Deep Dive */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-deep-dive-private.h"
#include "comm-deep-dive-schedule.h"

/* The new values of an action, checked. NULL for a field means "keep it". */
typedef struct {
  char     *description;
  char     *owner;
  char     *due_on;       /* "" = no date */
  gboolean  done;
} ActionChange;

static void
action_change_clear (ActionChange *change)
{
  g_clear_pointer (&change->description, g_free);
  g_clear_pointer (&change->owner, g_free);
  g_clear_pointer (&change->due_on, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ActionChange, action_change_clear)

static gboolean
check_description (const char  *description,
                   char       **out,
                   GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (description != NULL ? description : ""));

  if (*text == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("Say what the action is: its description cannot be empty."));
      return FALSE;
    }
  *out = g_steal_pointer (&text);

  return TRUE;
}

/* Fills @change from the caller's values, checked; NULL keeps the stored value. */
static gboolean
prepare_change (ActionChange  *change,
                const char    *description,
                const char    *owner,
                const char    *due_on,
                gboolean       done,
                GError       **error)
{
  g_autofree char *due = NULL;

  if (description != NULL && !check_description (description, &change->description, error))
    return FALSE;
  if (owner != NULL)
    change->owner = g_strstrip (g_strdup (owner));
  if (due_on != NULL)
    {
      if (!_comm_deep_dive_parse_date (due_on, _("due date"), &due, error))
        return FALSE;
      change->due_on = due != NULL ? g_steal_pointer (&due) : g_strdup ("");
    }
  change->done = done;

  return TRUE;
}

static gboolean
step_update (CommDatabase              *db,
             gint64                     id,
             const CommDeepDiveAction  *action,
             GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = comm_database_prepare (db, "UPDATE deep_dive_actions SET description = ?2, owner = ?3,"
                                    " due_on = ?4, done_on = ?5, revision = revision + 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, action->description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action->owner, -1, SQLITE_STATIC);
  comm_sqlite_bind_text_or_null (stmt, 4, action->due_on);
  comm_sqlite_bind_text_or_null (stmt, 5, action->done_on);

  return comm_store_step_done (db, stmt, _("Could not save the action"), error);
}

/* Sets *@field to @value unless @value is NULL or the same; TRUE if it changed. */
static gboolean
replace_text (char       **field,
              const char  *value)
{
  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

/* Applies @change to the stored action @stored (in place), inside an open transaction. */
static gboolean
apply_change (CommDatabase             *db,
              const CommDeepDiveState  *state,
              CommDeepDiveAction       *stored,
              const ActionChange       *change,
              GError                  **error)
{
  gboolean text_changed = FALSE;
  GDate today;

  text_changed |= replace_text (&stored->description, change->description);
  text_changed |= replace_text (&stored->owner, change->owner);
  text_changed |= replace_text (&stored->due_on, change->due_on);
  /* A signed-off Deep Dive lets its actions be ticked done, nothing more. */
  if (text_changed && !_comm_deep_dive_check_writable (state, error))
    return FALSE;
  if (!text_changed && change->done == stored->done)
    return TRUE;

  if (change->done && !stored->done)
    {
      comm_date_today (&today);
      g_free (stored->done_on);
      stored->done_on = comm_date_to_iso (&today);
    }
  else if (!change->done)
    {
      g_free (stored->done_on);
      stored->done_on = g_strdup ("");
    }
  stored->done = change->done;
  if (!step_update (db, stored->id, stored, error))
    return FALSE;
  stored->revision++;

  return TRUE;
}

/* Changes action @id as @change says, checking locks and @revision; returns the action as now
 * stored (NULL on error). */
static CommDeepDiveAction *
write_action (CommDatabase        *db,
              gint64               id,
              const ActionChange  *change,
              const gint64        *revision,
              GError             **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_autoptr(CommDeepDiveAction) stored = NULL;
  g_autofree char *what = NULL;
  CommStoreTransaction transaction;
  gboolean ok;

  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return NULL;
  ok = (stored = _comm_deep_dive_action_get (db, id, error)) != NULL &&
       _comm_deep_dive_get_area_state (db, stored->area_id, &state, error) &&
       _comm_deep_dive_check_not_archived (&state, error);
  if (ok)
    {
      what = g_strdup_printf (_("the action “%s” in %s"), stored->description, state.label);
      ok = _comm_deep_dive_check_revision (what, stored->revision, revision, error) &&
           apply_change (db, &state, stored, change, error);
    }

  if (!_comm_deep_dive_finish_write (&transaction, ok, error))
    return NULL;

  return g_steal_pointer (&stored);
}

void
_comm_deep_dive_action_read (CommDeepDiveAction *action,
                             sqlite3_stmt       *stmt)
{
  action->id = sqlite3_column_int64 (stmt, 0);
  action->area_id = sqlite3_column_int64 (stmt, 1);
  action->description = g_strdup (comm_sqlite_column_text (stmt, 2));
  action->owner = g_strdup (comm_sqlite_column_text (stmt, 3));
  action->due_on = g_strdup (comm_sqlite_column_text (stmt, 4));
  action->done_on = g_strdup (comm_sqlite_column_text (stmt, 5));
  action->done = *action->done_on != '\0';
  action->revision = sqlite3_column_int64 (stmt, 6);
}

CommDeepDiveAction *
_comm_deep_dive_action_get (CommDatabase  *db,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommDeepDiveAction *action;
  int rc;

  stmt = comm_database_prepare (db, "SELECT " COMM_ACTION_COLUMNS " FROM deep_dive_actions x WHERE x.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("This action no longer exists: it may have been deleted in another window."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the action"));
      return NULL;
    }
  action = g_new0 (CommDeepDiveAction, 1);
  _comm_deep_dive_action_read (action, stmt);

  return action;
}

CommDeepDiveAction *
comm_deep_dive_add_action (CommDatabase  *db,
                           gint64         area_id,
                           const char    *description,
                           const char    *owner,
                           const char    *due_on,
                           GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_auto(ActionChange) change = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommStoreTransaction transaction;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if (!prepare_change (&change, description != NULL ? description : "", owner != NULL ? owner : "",
                       due_on != NULL ? due_on : "", FALSE, error) ||
      !comm_database_ensure_writable (db, error) ||
      !comm_store_begin (&transaction, db, error))
    return NULL;

  ok = _comm_deep_dive_get_area_state (db, area_id, &state, error) &&
       _comm_deep_dive_check_writable (&state, error) &&
       (stmt = comm_database_prepare (db, "INSERT INTO deep_dive_actions (area_id, description, owner, due_on)"
                                          " VALUES (?1, ?2, ?3, ?4)", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, area_id);
      sqlite3_bind_text (stmt, 2, change.description, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, change.owner, -1, SQLITE_STATIC);
      comm_sqlite_bind_text_or_null (stmt, 4, change.due_on);
      ok = comm_store_step_done (db, stmt, _("Could not add the action"), error);
      id = sqlite3_last_insert_rowid (comm_database_get_handle (db));
    }
  if (!_comm_deep_dive_finish_write (&transaction, ok, error))
    return NULL;

  return _comm_deep_dive_action_get (db, id, error);
}

gboolean
comm_deep_dive_update_action (CommDatabase        *db,
                              CommDeepDiveAction  *action,
                              GError             **error)
{
  g_auto(ActionChange) change = { 0 };
  g_autoptr(CommDeepDiveAction) stored = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!prepare_change (&change, action->description, action->owner != NULL ? action->owner : "",
                       action->due_on != NULL ? action->due_on : "", action->done, error) ||
      (stored = write_action (db, action->id, &change, &action->revision, error)) == NULL)
    return FALSE;

  g_free (action->description);
  g_free (action->owner);
  g_free (action->due_on);
  g_free (action->done_on);
  *action = *stored;
  memset (stored, 0, sizeof *stored);

  return TRUE;
}

gboolean
comm_deep_dive_set_action_done (CommDatabase  *db,
                                gint64         action_id,
                                gboolean       done,
                                gint64        *revision,
                                GError       **error)
{
  ActionChange change = { .done = done };
  g_autoptr(CommDeepDiveAction) stored = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if ((stored = write_action (db, action_id, &change, revision, error)) == NULL)
    return FALSE;
  if (revision != NULL)
    *revision = stored->revision;

  return TRUE;
}

gboolean
comm_deep_dive_delete_action (CommDatabase  *db,
                              gint64         action_id,
                              GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_autoptr(CommDeepDiveAction) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommStoreTransaction transaction;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return FALSE;
  ok = (stored = _comm_deep_dive_action_get (db, action_id, error)) != NULL &&
       _comm_deep_dive_get_area_state (db, stored->area_id, &state, error) &&
       _comm_deep_dive_check_writable (&state, error) &&
       (stmt = comm_database_prepare (db, "DELETE FROM deep_dive_actions WHERE id = ?1", error)) != NULL &&
       sqlite3_bind_int64 (stmt, 1, action_id) == SQLITE_OK &&
       comm_store_step_done (db, stmt, _("Could not delete the action"), error);

  return _comm_deep_dive_finish_write (&transaction, ok, error);
}

#define ACTION_ROW_SQL \
  "SELECT " COMM_ACTION_COLUMNS ", d.id, d.year, c.id, c.reference, c.title, p.name, a.position, ca.title," \
  " d.signed_off_on IS NOT NULL, (x.done_on IS NULL AND x.due_on < ?3)" \
  " FROM deep_dive_actions x JOIN deep_dive_areas a ON a.id = x.area_id" \
  " JOIN checklist_areas ca ON ca.id = a.checklist_area_id" \
  " JOIN deep_dives d ON d.id = a.deep_dive_id" \
  " JOIN contracts c ON c.id = d.contract_id JOIN providers p ON p.id = c.provider_id" \
  " WHERE c.deleted_at IS NULL AND (?1 = 0 OR d.year = ?1) AND (?2 = 0 OR x.done_on IS NULL)"

static const char *const action_list_sql[] = {
  ACTION_ROW_SQL " ORDER BY c.reference COLLATE NOCASE, d.year, a.position, x.id",
  ACTION_ROW_SQL " ORDER BY (x.due_on < ?3) DESC, x.due_on IS NULL, x.due_on, c.reference COLLATE NOCASE, x.id",
};

static CommActionRow *
action_row_from_stmt (sqlite3_stmt *stmt)
{
  CommActionRow *row = g_new0 (CommActionRow, 1);
  int i = COMM_N_ACTION_COLUMNS;

  _comm_deep_dive_action_read (&row->action, stmt);
  row->deep_dive_id = sqlite3_column_int64 (stmt, i);
  row->year = sqlite3_column_int (stmt, i + 1);
  row->contract_id = sqlite3_column_int64 (stmt, i + 2);
  row->contract_reference = g_strdup (comm_sqlite_column_text (stmt, i + 3));
  row->contract_title = g_strdup (comm_sqlite_column_text (stmt, i + 4));
  row->provider_name = g_strdup (comm_sqlite_column_text (stmt, i + 5));
  row->area_number = (guint) sqlite3_column_int (stmt, i + 6);
  row->area_title = g_strdup (comm_sqlite_column_text (stmt, i + 7));
  row->deep_dive_signed_off = sqlite3_column_int (stmt, i + 8) != 0;
  row->overdue = sqlite3_column_int (stmt, i + 9) != 0;

  return row;
}

void
comm_action_row_free (CommActionRow *row)
{
  if (row == NULL)
    return;

  g_free (row->action.description);
  g_free (row->action.owner);
  g_free (row->action.due_on);
  g_free (row->action.done_on);
  g_free (row->contract_reference);
  g_free (row->contract_title);
  g_free (row->provider_name);
  g_free (row->area_title);
  g_free (row);
}

GPtrArray *
comm_deep_dive_list_actions (CommDatabase  *db,
                             int            year,
                             gboolean       outstanding_only,
                             const GDate   *today,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *today_text = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  stmt = comm_database_prepare (db, action_list_sql[outstanding_only ? 1 : 0], error);
  if (stmt == NULL)
    return NULL;
  today_text = comm_date_to_iso (today);
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, outstanding_only ? 1 : 0);
  sqlite3_bind_text (stmt, 3, today_text, -1, SQLITE_STATIC);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_action_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, action_row_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the Deep Dive actions"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}
