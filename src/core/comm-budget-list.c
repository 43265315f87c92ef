/* comm-budget-list.c: finding budgets - the list with headline figures, by name and year,
 * a year's scenarios - and deleting them softly */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-budget-private.h"
#include "comm-budget-store.h"
#include "comm-date.h"
#include "comm-store-private.h"

void
comm_budget_summary_free (CommBudgetSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->programme_name);
  g_free (summary->scenario);
  g_free (summary);
}

static CommBudgetSummary *
summarise (const CommBudget *budget)
{
  g_autoptr(CommBudgetResult) result = comm_budget_compute (budget);
  CommBudgetSummary *summary = g_new0 (CommBudgetSummary, 1);

  summary->id = budget->id;
  summary->programme_id = budget->programme_id;
  summary->programme_name = g_strdup (budget->programme_name);
  summary->year = budget->year;
  summary->scenario = g_strdup (budget->scenario);
  summary->based_on = budget->based_on;
  summary->total_income = result->total_income;
  summary->committed = result->committed;
  summary->unallocated = result->unallocated;
  summary->percent_total = result->percent_total;
  summary->n_lines = budget->lines->len;
  summary->n_problems = result->problems->len;
  summary->n_flagged = result->n_flagged;
  return summary;
}

static GArray *
select_ids (CommDatabase  *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the budgets"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
comm_budget_store_list (CommDatabase  *db,
                        gint64         programme_id,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if (!comm_database_ensure_open (db, error) ||
      (stmt = comm_database_prepare (db, "SELECT b.id FROM budgets b JOIN programmes p ON p.id = b.programme_id"
                                         " WHERE b.deleted_at IS NULL AND (?1 = 0 OR b.programme_id = ?1)"
                                         " ORDER BY p.name COLLATE NOCASE, b.year, b.scenario IS NOT NULL,"
                                         " b.scenario COLLATE NOCASE, b.id", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if ((ids = select_ids (db, stmt, error)) == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_budget_summary_free);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CommBudget) budget = comm_budget_store_load (db, g_array_index (ids, gint64, i), error);

      if (budget == NULL)
        return NULL;
      g_ptr_array_add (list, summarise (budget));
    }
  return g_steal_pointer (&list);
}

gint64
_comm_budget_base_lookup (CommDatabase  *db,
                          gint64         programme_id,
                          int            year,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if ((stmt = comm_database_prepare (db, "SELECT id FROM budgets WHERE programme_id = ?1 AND year = ?2"
                                         " AND scenario IS NULL AND deleted_at IS NULL", error)) == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  comm_database_set_error (db, error, _("Could not read the budgets"));
  return -1;
}

/* The ids of @programme_id's budgets for @year: the base first, then the scenarios by name. */
static GArray *
year_budgets (CommDatabase  *db,
              gint64         programme_id,
              int            year,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if ((stmt = comm_database_prepare (db, "SELECT id FROM budgets WHERE programme_id = ?1 AND year = ?2"
                                         " AND deleted_at IS NULL ORDER BY scenario IS NOT NULL,"
                                         " scenario COLLATE NOCASE, id", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, year);
  return select_ids (db, stmt, error);
}

static char *
scenario_names (CommDatabase *db,
                gint64        programme_id,
                int           year)
{
  g_autoptr(GArray) ids = year_budgets (db, programme_id, year, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(CommBudget) budget = comm_budget_store_load (db, g_array_index (ids, gint64, i), NULL);

      if (budget != NULL && budget->scenario != NULL)
        g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", budget->scenario);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
not_found (CommDatabase  *db,
           const char    *programme,
           gint64         programme_id,
           int            year,
           const char    *scenario,
           GError       **error)
{
  g_autofree char *label = comm_financial_year_label (year);
  g_autofree char *names = NULL;

  if (scenario == NULL)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                   _("“%s” has no budget for %s."), programme, label);
      return FALSE;
    }
  names = scenario_names (db, programme_id, year);
  if (*names == '\0')
    g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                 _("“%s” %s has no scenario called “%s”; it has no scenarios."), programme, label, scenario);
  else
    g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                 _("“%s” %s has no scenario called “%s”. Its scenarios are: %s."), programme, label, scenario, names);
  return FALSE;
}

gboolean
comm_budget_store_find (CommDatabase  *db,
                        const char    *programme,
                        int            year,
                        const char    *scenario,
                        gint64        *id,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 programme_id = 0;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_budget_store_find_programme (db, programme, &programme_id, error) ||
      (stmt = comm_database_prepare (db, "SELECT id FROM budgets WHERE programme_id = ?1 AND year = ?2"
                                         " AND deleted_at IS NULL AND (scenario IS NULL AND ?3 IS NULL"
                                         " OR scenario = trim (?3) COLLATE NOCASE)", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, year);
  comm_sqlite_bind_text_or_null (stmt, 3, scenario);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (id != NULL)
        *id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the budgets"));
      return FALSE;
    }
  return not_found (db, programme, programme_id, year, scenario, error);
}

GArray *
comm_budget_store_list_scenarios (CommDatabase  *db,
                                  gint64         budget_id,
                                  GError       **error)
{
  g_autoptr(CommBudget) budget = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if ((budget = comm_budget_store_load (db, budget_id, error)) == NULL)
    return NULL;
  return year_budgets (db, budget->programme_id, budget->year, error);
}

/* ----- soft delete ----- */

static gboolean
run_update (CommDatabase  *db,
            const char    *sql,
            gint64         id,
            gboolean       deleting,
            int           *changes,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (!deleting && sqlite3_errcode (comm_database_get_handle (db)) == SQLITE_CONSTRAINT)
        g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                             _("The budget cannot be brought back: another budget for the same programme and "
                               "year (or a scenario with the same name) has been made since."));
      else
        comm_database_set_error (db, error, deleting ? _("Could not delete the budget") : _("Could not restore the budget"));
      return FALSE;
    }
  *changes = sqlite3_changes (comm_database_get_handle (db));
  return TRUE;
}

/* Deleting a base budget takes its scenarios with it, marked "deleted with" it, so that restoring
 * it brings back exactly those (not one deleted on its own before). */
static gboolean
set_deleted (CommDatabase  *db,
             gint64         id,
             gboolean       deleting,
             GError       **error)
{
  static const char *const delete_scenarios_sql =
    "UPDATE budgets SET deleted_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), deleted_with = ?1"
    " WHERE deleted_at IS NULL AND based_on = ?1 AND scenario IS NOT NULL AND"
    " (SELECT scenario IS NULL AND deleted_at IS NULL FROM budgets WHERE id = ?1)";
  static const char *const delete_sql =
    "UPDATE budgets SET deleted_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1 AND deleted_at IS NULL";
  static const char *const restore_scenarios_sql =
    "UPDATE budgets SET deleted_at = NULL, deleted_with = NULL WHERE deleted_with = ?1 AND"
    " (SELECT deleted_at IS NOT NULL FROM budgets WHERE id = ?1)";
  static const char *const restore_sql =
    "UPDATE budgets SET deleted_at = NULL, deleted_with = NULL WHERE id = ?1 AND deleted_at IS NOT NULL";
  CommStoreTransaction transaction;
  int scenarios = 0, changes = 0;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return FALSE;
  if ((deleting && (!run_update (db, delete_scenarios_sql, id, TRUE, &scenarios, error) ||
                    !run_update (db, delete_sql, id, TRUE, &changes, error))) ||
      (!deleting && (!run_update (db, restore_scenarios_sql, id, FALSE, &scenarios, error) ||
                     !run_update (db, restore_sql, id, FALSE, &changes, error))))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  if (changes == 0)
    {
      comm_store_rollback (&transaction);
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           deleting ? _("That budget is no longer in the workspace.")
                                    : _("That budget was not deleted."));
      return FALSE;
    }
  return comm_store_commit (&transaction, error);
}

gboolean
comm_budget_store_delete (CommDatabase  *db,
                          gint64         id,
                          GError       **error)
{
  return set_deleted (db, id, TRUE, error);
}

gboolean
comm_budget_store_restore (CommDatabase  *db,
                           gint64         id,
                           GError       **error)
{
  return set_deleted (db, id, FALSE, error);
}
