/* comm-deep-dive-store.c: reading a Deep Dive, creating, scheduling and starting one, and the
 * checks every Deep Dive write shares (locks, revisions) */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-deep-dive-private.h"
#include "comm-deep-dive-template.h"

#define DIVE_SELECT \
  "SELECT d.id, d.contract_id, d.year, d.template_id, coalesce (d.template_version_id, 0)," \
  " coalesce (v.version, 0), coalesce (v.name, t.name), d.scheduled_on, d.lead_reviewer," \
  " d.reviewers, d.provider_contact, d.started_on, d.grade, d.lessons, d.variation," \
  " d.variation_agreed, d.signed_off_by, d.signed_off_on, d.reopened_on, d.reopened_by," \
  " d.reopen_reason, d.revision, c.reference, c.title, p.name, c.service_area," \
  " c.lead_commissioner, c.deleted_at IS NOT NULL" \
  " FROM deep_dives d JOIN contracts c ON c.id = d.contract_id" \
  " JOIN providers p ON p.id = c.provider_id" \
  " JOIN checklist_templates t ON t.id = d.template_id" \
  " LEFT JOIN checklist_versions v ON v.id = d.template_version_id WHERE d.id = ?1"

#define AREA_SELECT \
  "SELECT a.id, a.checklist_area_id, a.position, ca.title, ca.guidance, ca.prompts, a.judgement," \
  " a.notes, a.revision FROM deep_dive_areas a" \
  " JOIN checklist_areas ca ON ca.id = a.checklist_area_id" \
  " WHERE a.deep_dive_id = ?1 ORDER BY a.position"

static char *
dup_text (sqlite3_stmt *stmt,
          int           column)
{
  return g_strdup (comm_sqlite_column_text (stmt, column));
}

static GStrv
split_prompts (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (builder, lines[i]);

  return g_strv_builder_end (builder);
}

static CommDeepDive *
dive_from_row (sqlite3_stmt *stmt)
{
  CommDeepDive *dive = g_new0 (CommDeepDive, 1);

  dive->id = sqlite3_column_int64 (stmt, 0);
  dive->contract_id = sqlite3_column_int64 (stmt, 1);
  dive->year = sqlite3_column_int (stmt, 2);
  dive->template_id = sqlite3_column_int64 (stmt, 3);
  dive->template_version_id = sqlite3_column_int64 (stmt, 4);
  dive->template_version = sqlite3_column_int (stmt, 5);
  dive->template_name = dup_text (stmt, 6);
  dive->scheduled_on = dup_text (stmt, 7);
  dive->lead_reviewer = dup_text (stmt, 8);
  dive->reviewers = dup_text (stmt, 9);
  dive->provider_contact = dup_text (stmt, 10);
  dive->started_on = dup_text (stmt, 11);
  dive->grade = comm_grade_from_code ((const char *) sqlite3_column_text (stmt, 12));
  dive->lessons = dup_text (stmt, 13);
  dive->variation = dup_text (stmt, 14);
  dive->variation_agreed = sqlite3_column_int (stmt, 15) != 0;
  dive->signed_off_by = dup_text (stmt, 16);
  dive->signed_off_on = dup_text (stmt, 17);
  dive->reopened_on = dup_text (stmt, 18);
  dive->reopened_by = dup_text (stmt, 19);
  dive->reopen_reason = dup_text (stmt, 20);
  dive->revision = sqlite3_column_int64 (stmt, 21);
  dive->contract_reference = dup_text (stmt, 22);
  dive->contract_title = dup_text (stmt, 23);
  dive->provider_name = dup_text (stmt, 24);
  dive->service_area = dup_text (stmt, 25);
  dive->lead_commissioner = dup_text (stmt, 26);
  dive->contract_deleted = sqlite3_column_int (stmt, 27) != 0;
  dive->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_deep_dive_area_free);

  return dive;
}

static CommDeepDiveArea *
area_from_row (sqlite3_stmt *stmt)
{
  CommDeepDiveArea *area = g_new0 (CommDeepDiveArea, 1);

  area->id = sqlite3_column_int64 (stmt, 0);
  area->checklist_area_id = sqlite3_column_int64 (stmt, 1);
  area->number = (guint) sqlite3_column_int (stmt, 2);
  area->title = dup_text (stmt, 3);
  area->guidance = dup_text (stmt, 4);
  area->prompts = split_prompts (comm_sqlite_column_text (stmt, 5));
  area->judgement = comm_judgement_from_code ((const char *) sqlite3_column_text (stmt, 6));
  area->notes = dup_text (stmt, 7);
  area->revision = sqlite3_column_int64 (stmt, 8);
  area->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_evidence_free);
  area->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_deep_dive_action_free);

  return area;
}

/* Runs @sql (?1 = the Deep Dive) and hands each row to the area whose id is in column 1. */
static gboolean
load_area_items (CommDatabase  *db,
                 CommDeepDive  *dive,
                 const char    *sql,
                 gboolean       actions,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, error);
  g_autoptr(GHashTable) areas = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < dive->areas->len; i++)
    {
      CommDeepDiveArea *area = g_ptr_array_index (dive->areas, i);

      g_hash_table_insert (areas, &area->id, area);
    }

  sqlite3_bind_int64 (stmt, 1, dive->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 area_id = sqlite3_column_int64 (stmt, 1);
      CommDeepDiveArea *area = g_hash_table_lookup (areas, &area_id);

      if (area == NULL)
        continue;
      if (actions)
        {
          CommDeepDiveAction *action = g_new0 (CommDeepDiveAction, 1);

          _comm_deep_dive_action_read (action, stmt);
          g_ptr_array_add (area->actions, action);
        }
      else
        {
          g_ptr_array_add (area->evidence, _comm_evidence_from_row (stmt));
        }
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the Deep Dive"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_areas (CommDatabase  *db,
            CommDeepDive  *dive,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, AREA_SELECT, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dive->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (dive->areas, area_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the Deep Dive"));
      return FALSE;
    }
  if (dive->areas->len == 0)
    return TRUE;

  return load_area_items (db, dive,
                          "SELECT " COMM_EVIDENCE_COLUMNS " FROM deep_dive_evidence e"
                          " JOIN deep_dive_areas a ON a.id = e.area_id"
                          " WHERE a.deep_dive_id = ?1 ORDER BY e.id",
                          FALSE, error) &&
         load_area_items (db, dive,
                          "SELECT " COMM_ACTION_COLUMNS " FROM deep_dive_actions x"
                          " JOIN deep_dive_areas a ON a.id = x.area_id"
                          " WHERE a.deep_dive_id = ?1 ORDER BY x.id",
                          TRUE, error);
}

/* INVALID unless @iso (set) is inside financial year @year. */
static gboolean
check_in_year (const char  *iso,
               int          year,
               GError     **error)
{
  GDate date, first, last;
  g_autofree char *label = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  if (iso == NULL || !comm_date_parse_iso (iso, &date))
    return TRUE;
  comm_financial_year_bounds (year, &first, &last);
  if (g_date_compare (&date, &first) >= 0 && g_date_compare (&date, &last) <= 0)
    return TRUE;

  label = comm_financial_year_label (year);
  first_text = comm_date_format_display (&first);
  last_text = comm_date_format_display (&last);
  g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
               _("A Deep Dive for %s must be scheduled between %s and %s."), label, first_text, last_text);
  return FALSE;
}

CommDeepDive *
comm_deep_dive_load (CommDatabase  *db,
                     gint64         id,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if ((stmt = comm_database_prepare (db, DIVE_SELECT, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("This Deep Dive no longer exists: it may have been deleted in another window."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the Deep Dive"));
      return NULL;
    }
  dive = dive_from_row (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!load_areas (db, dive, error))
    return NULL;

  return g_steal_pointer (&dive);
}

gint64
comm_deep_dive_find (CommDatabase *db,
                     gint64        contract_id,
                     int           year)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), 0);

  stmt = comm_database_prepare (db, "SELECT id FROM deep_dives WHERE contract_id = ?1 AND year = ?2", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int (stmt, 2, year);

  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

GArray *
comm_deep_dive_list_for_contract (CommDatabase  *db,
                                  gint64         contract_id,
                                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  stmt = comm_database_prepare (db, "SELECT id FROM deep_dives WHERE contract_id = ?1 ORDER BY year DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the contract’s Deep Dives"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The contract a new Deep Dive is for: its reference and lead commissioner, refusing a deleted
 * one (LOCKED), a missing one (NOT_FOUND), or one that already has a Deep Dive in @year. */
static gboolean
read_contract_for_create (CommDatabase  *db,
                          gint64         contract_id,
                          int            year,
                          char         **lead_commissioner,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *label = NULL;
  int rc;

  stmt = comm_database_prepare (db, "SELECT reference, lead_commissioner, deleted_at IS NOT NULL"
                                    " FROM contracts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("This contract no longer exists, so no Deep Dive can be planned for it."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the contract"));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 2) != 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_LOCKED,
                   _("The contract %s is deleted: restore it before planning its Deep Dive."),
                   comm_sqlite_column_text (stmt, 0));
      return FALSE;
    }
  if (comm_deep_dive_find (db, contract_id, year) != 0)
    {
      label = comm_financial_year_label (year);
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The contract %s already has a Deep Dive for %s."),
                   comm_sqlite_column_text (stmt, 0), label);
      return FALSE;
    }
  *lead_commissioner = g_strdup (comm_sqlite_column_text (stmt, 1));

  return TRUE;
}

static gint64
insert_dive (CommDatabase  *db,
             gint64         contract_id,
             int            year,
             const char    *scheduled_on,
             const char    *lead_reviewer,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 template_id = comm_checklist_template_get_default (db);

  if (template_id == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_FAILED,
                           _("The workspace has no Deep Dive checklist template."));
      return 0;
    }
  stmt = comm_database_prepare (db, "INSERT INTO deep_dives (contract_id, year, template_id, scheduled_on,"
                                    " lead_reviewer) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, template_id);
  comm_sqlite_bind_text_or_null (stmt, 4, scheduled_on);
  sqlite3_bind_text (stmt, 5, lead_reviewer, -1, SQLITE_TRANSIENT);
  if (!comm_store_step_done (db, stmt, _("Could not add the Deep Dive"), error))
    return 0;

  return sqlite3_last_insert_rowid (comm_database_get_handle (db));
}

gint64
comm_deep_dive_create (CommDatabase  *db,
                       gint64         contract_id,
                       int            year,
                       const char    *scheduled_on,
                       const char    *lead_reviewer,
                       GError       **error)
{
  CommStoreTransaction transaction;
  g_autofree char *date = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *reviewer = NULL;
  gint64 id;

  g_return_val_if_fail (COMM_IS_DATABASE (db), 0);

  if (year < 2000 || year > 2098)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("%d is not a financial year a Deep Dive can be planned for."), year);
      return 0;
    }
  if (!_comm_deep_dive_parse_date (scheduled_on, _("scheduled date"), &date, error) ||
      !check_in_year (date, year, error) ||
      !comm_database_ensure_writable (db, error) ||
      !comm_store_begin (&transaction, db, error))
    return 0;

  if (!read_contract_for_create (db, contract_id, year, &lead, error))
    {
      comm_store_rollback (&transaction);
      return 0;
    }
  reviewer = g_strstrip (g_strdup (lead_reviewer != NULL ? lead_reviewer : lead));
  id = insert_dive (db, contract_id, year, date, reviewer, error);

  return _comm_deep_dive_finish_write (&transaction, id != 0, error) ? id : 0;
}

gboolean
comm_deep_dive_delete (CommDatabase  *db,
                       gint64         id,
                       GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommStoreTransaction transaction;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!_comm_deep_dive_begin_write (db, &transaction, id, &state, NULL, error))
    return FALSE;
  if (state.started)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Only a Deep Dive that has not started can be deleted; %s has started and is kept."),
                   state.label);
      return _comm_deep_dive_finish_write (&transaction, FALSE, NULL);
    }
  ok = (stmt = comm_database_prepare (db, "DELETE FROM deep_dives WHERE id = ?1", error)) != NULL &&
       sqlite3_bind_int64 (stmt, 1, id) == SQLITE_OK &&
       comm_store_step_done (db, stmt, _("Could not delete the Deep Dive"), error);

  return _comm_deep_dive_finish_write (&transaction, ok, error);
}

gboolean
comm_deep_dive_set_scheduled_on (CommDatabase  *db,
                                 gint64         id,
                                 const char    *scheduled_on,
                                 gint64        *revision,
                                 GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *date = NULL;
  CommStoreTransaction transaction;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!_comm_deep_dive_parse_date (scheduled_on, _("scheduled date"), &date, error) ||
      !_comm_deep_dive_begin_write (db, &transaction, id, &state, revision, error))
    return FALSE;

  ok = check_in_year (date, state.year, error) &&
       (stmt = comm_database_prepare (db, "UPDATE deep_dives SET scheduled_on = ?2, revision = revision + 1"
                                          " WHERE id = ?1 AND scheduled_on IS NOT ?2", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      comm_sqlite_bind_text_or_null (stmt, 2, date);
      ok = _comm_deep_dive_run_update (db, stmt, &state, revision, error);
    }

  return _comm_deep_dive_finish_write (&transaction, ok, error);
}

static void
bind_stripped_or_null (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, g_strstrip (g_strdup (text)), -1, g_free);
}

gboolean
comm_deep_dive_set_people (CommDatabase  *db,
                           gint64         id,
                           const char    *lead_reviewer,
                           const char    *reviewers,
                           const char    *provider_contact,
                           gint64        *revision,
                           GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommStoreTransaction transaction;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!_comm_deep_dive_begin_write (db, &transaction, id, &state, revision, error))
    return FALSE;

  stmt = comm_database_prepare (db, "UPDATE deep_dives SET lead_reviewer = coalesce (?2, lead_reviewer),"
                                    " reviewers = coalesce (?3, reviewers),"
                                    " provider_contact = coalesce (?4, provider_contact), revision = revision + 1"
                                    " WHERE id = ?1 AND (lead_reviewer IS NOT coalesce (?2, lead_reviewer)"
                                    " OR reviewers IS NOT coalesce (?3, reviewers)"
                                    " OR provider_contact IS NOT coalesce (?4, provider_contact))", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      bind_stripped_or_null (stmt, 2, lead_reviewer);
      bind_stripped_or_null (stmt, 3, reviewers);
      bind_stripped_or_null (stmt, 4, provider_contact);
      ok = _comm_deep_dive_run_update (db, stmt, &state, revision, error);
    }

  return _comm_deep_dive_finish_write (&transaction, ok, error);
}

static gint64
latest_version_id (CommDatabase  *db,
                   gint64         template_id,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = comm_database_prepare (db, "SELECT id FROM checklist_versions WHERE template_id = ?1"
                                    " ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, template_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  comm_database_set_error (db, error, _("Could not read the Deep Dive’s checklist"));
  return 0;
}

static gboolean
start_dive (CommDatabase             *db,
            const CommDeepDiveState  *state,
            const char               *started_on,
            gint64                   *revision,
            GError                  **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) areas = NULL;
  gint64 version_id = latest_version_id (db, state->template_id, error);

  if (version_id == 0)
    return FALSE;
  update = comm_database_prepare (db, "UPDATE deep_dives SET started_on = ?2, template_version_id = ?3,"
                                      " revision = revision + 1 WHERE id = ?1", error);
  areas = comm_database_prepare (db, "INSERT INTO deep_dive_areas (deep_dive_id, checklist_area_id, position)"
                                     " SELECT ?1, id, position FROM checklist_areas WHERE version_id = ?2"
                                     " ORDER BY position", error);
  if (update == NULL || areas == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, state->id);
  sqlite3_bind_text (update, 2, started_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (update, 3, version_id);
  sqlite3_bind_int64 (areas, 1, state->id);
  sqlite3_bind_int64 (areas, 2, version_id);

  return _comm_deep_dive_run_update (db, update, state, revision, error) &&
         comm_store_step_done (db, areas, _("Could not start the Deep Dive"), error);
}

gboolean
comm_deep_dive_start (CommDatabase  *db,
                      gint64         id,
                      const char    *started_on,
                      gint64        *revision,
                      GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };
  g_autofree char *date = NULL;
  CommStoreTransaction transaction;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!_comm_deep_dive_date_or_today (started_on, _("start date"), &date, error) ||
      !_comm_deep_dive_begin_write (db, &transaction, id, &state, revision, error))
    return FALSE;
  if (state.started)
    {
      g_autofree char *what = g_strdup (state.label);

      what[0] = g_ascii_toupper (what[0]);
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID, _("%s has already started."), what);
      return _comm_deep_dive_finish_write (&transaction, FALSE, NULL);
    }
  ok = start_dive (db, &state, date, revision, error);

  return _comm_deep_dive_finish_write (&transaction, ok, error);
}
