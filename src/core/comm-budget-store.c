/* comm-budget-store.c: budgets and their lines in the workspace - load, save, list, delete
 *
 * Saving makes the stored lines equal to the budget's array: rows keep their ids (the
 * commissioning plan links to budget lines by id), unchanged rows are not touched (so the audit
 * log shows only real edits), and the new ids are applied only once the transaction commits.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-budget-private.h"
#include "comm-budget-store.h"
#include "comm-date.h"
#include "comm-store-private.h"

#define LINE_COLUMNS "id, kind, name, amount, thousandths, published, contract_id, source," \
                     " contract_start, contract_end, flags, note"

/* ----- reading ----- */

static CommBudgetLine *
read_line (sqlite3_stmt *stmt)
{
  CommBudgetLineKind kind = COMM_BUDGET_LINE_INCOME;
  CommBudgetLine *line;

  comm_budget_line_kind_from_code (comm_sqlite_column_text (stmt, 1), &kind);
  line = comm_budget_line_new (kind, comm_sqlite_column_text (stmt, 2), 0);
  line->id = sqlite3_column_int64 (stmt, 0);
  line->amount = sqlite3_column_int64 (stmt, 3);
  line->thousandths = sqlite3_column_int64 (stmt, 4);
  line->has_published = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  line->published = sqlite3_column_int64 (stmt, 5);
  line->contract_id = sqlite3_column_int64 (stmt, 6);
  line->source = comm_commitment_source_from_code (comm_sqlite_column_text (stmt, 7));
  g_free (line->contract_start);
  line->contract_start = g_strdup (comm_sqlite_column_text (stmt, 8));
  g_free (line->contract_end);
  line->contract_end = g_strdup (comm_sqlite_column_text (stmt, 9));
  line->flags = (CommBudgetLineFlags) sqlite3_column_int (stmt, 10);
  g_free (line->note);
  line->note = g_strdup (comm_sqlite_column_text (stmt, 11));
  return line;
}

static gboolean
load_links (CommDatabase  *db,
            CommBudget    *budget,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  for (guint i = 0; i < budget->lines->len; i++)
    {
      CommBudgetLine *line = g_ptr_array_index (budget->lines, i);

      g_hash_table_insert (by_id, &line->id, line);
    }
  if ((stmt = comm_database_prepare (db, "SELECT c.line_id, c.contract_id FROM budget_line_contracts c"
                                         " JOIN budget_lines l ON l.id = c.line_id"
                                         " WHERE l.budget_id = ?1 ORDER BY c.id", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 line_id = sqlite3_column_int64 (stmt, 0), contract_id = sqlite3_column_int64 (stmt, 1);
      CommBudgetLine *line = g_hash_table_lookup (by_id, &line_id);

      if (line != NULL)
        g_array_append_val (line->contract_ids, contract_id);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the budget’s contract links"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_lines (CommDatabase  *db,
            CommBudget    *budget,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if ((stmt = comm_database_prepare (db, "SELECT " LINE_COLUMNS " FROM budget_lines"
                                         " WHERE budget_id = ?1 ORDER BY position, id", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (budget->lines, read_line (stmt));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the budget’s lines"));
      return FALSE;
    }
  return load_links (db, budget, error);
}

CommBudget *
comm_budget_store_load (CommDatabase  *db,
                        gint64         id,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CommBudget) budget = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if (!comm_database_ensure_open (db, error) ||
      (stmt = comm_database_prepare (db, "SELECT b.id, b.programme_id, p.name, b.year, b.scenario, b.based_on,"
                                         " b.remainder_name, b.published_total, b.notes"
                                         " FROM budgets b JOIN programmes p ON p.id = b.programme_id"
                                         " WHERE b.id = ?1 AND b.deleted_at IS NULL", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                             _("That budget is no longer in the workspace; it may have been deleted."));
      else
        comm_database_set_error (db, error, _("Could not read the budget"));
      return NULL;
    }
  budget = comm_budget_new (comm_sqlite_column_text (stmt, 2), sqlite3_column_int (stmt, 3));
  budget->id = sqlite3_column_int64 (stmt, 0);
  budget->programme_id = sqlite3_column_int64 (stmt, 1);
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    budget->scenario = g_strdup (comm_sqlite_column_text (stmt, 4));
  budget->based_on = sqlite3_column_int64 (stmt, 5);
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    budget->remainder_name = g_strdup (comm_sqlite_column_text (stmt, 6));
  budget->has_published_total = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
  budget->published_total = sqlite3_column_int64 (stmt, 7);
  g_free (budget->notes);
  budget->notes = g_strdup (comm_sqlite_column_text (stmt, 8));

  if (!load_lines (db, budget, error))
    return NULL;
  return g_steal_pointer (&budget);
}

/* ----- checks before saving ----- */

static gboolean
check_budget (const CommBudget  *budget,
              GError           **error)
{
  g_autofree char *scenario = g_strstrip (g_strdup (budget->scenario != NULL ? budget->scenario : "x"));

  if (budget->year < 2000 || budget->year > 2098)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The financial year starting in %d is outside the years a budget can be for (2000-01 to 2098-99)."),
                   budget->year);
      return FALSE;
    }
  if (*scenario == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID, _("Give the scenario a name."));
      return FALSE;
    }
  for (guint i = 0; i < budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);
      g_autofree char *name = g_strstrip (g_strdup (line->name));

      if (*name == '\0')
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("Line %u of the budget has no name; give every line a name."), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* INVALID if another budget not deleted has the same programme, year and scenario. */
static gboolean
check_unique (CommDatabase      *db,
              const CommBudget  *budget,
              gint64             programme_id,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *year = comm_financial_year_label (budget->year);
  int rc;

  if ((stmt = comm_database_prepare (db, "SELECT 1 FROM budgets WHERE programme_id = ?1 AND year = ?2"
                                         " AND deleted_at IS NULL AND id IS NOT ?3"
                                         " AND (scenario IS NULL AND ?4 IS NULL OR scenario = ?4 COLLATE NOCASE)",
                                     error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, budget->year);
  if (budget->id != 0)
    sqlite3_bind_int64 (stmt, 3, budget->id);
  comm_sqlite_bind_text_or_null (stmt, 4, budget->scenario);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not check the budget"));
      return FALSE;
    }
  if (budget->scenario == NULL)
    g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                 _("“%s” already has a budget for %s; open that one, or make this a scenario."),
                 budget->programme_name, year);
  else
    g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                 _("“%s” %s already has a scenario called “%s”; choose another name."),
                 budget->programme_name, year, budget->scenario);
  return FALSE;
}

/* ----- writing ----- */

static gboolean
write_budget_row (CommDatabase      *db,
                  const CommBudget  *budget,
                  gint64             programme_id,
                  gint64            *id,
                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql = budget->id == 0
    ? "INSERT INTO budgets (programme_id, year, scenario, based_on, remainder_name, published_total, notes)"
      " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    : "UPDATE budgets SET programme_id = ?2, year = ?3, scenario = ?4, based_on = ?5, remainder_name = ?6,"
      " published_total = ?7, notes = ?8 WHERE id = ?1 AND deleted_at IS NULL AND"
      " (programme_id, year, scenario, based_on, remainder_name, published_total, notes)"
      " IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8)";

  if ((stmt = comm_database_prepare (db, sql, error)) == NULL)
    return FALSE;
  if (budget->id != 0)
    sqlite3_bind_int64 (stmt, 1, budget->id);
  sqlite3_bind_int64 (stmt, 2, programme_id);
  sqlite3_bind_int (stmt, 3, budget->year);
  comm_sqlite_bind_text_or_null (stmt, 4, budget->scenario);
  if (budget->based_on != 0)
    sqlite3_bind_int64 (stmt, 5, budget->based_on);
  comm_sqlite_bind_text_or_null (stmt, 6, budget->remainder_name);
  if (budget->has_published_total)
    sqlite3_bind_int64 (stmt, 7, budget->published_total);
  sqlite3_bind_text (stmt, 8, budget->notes, -1, SQLITE_TRANSIENT);
  if (!comm_store_step_done (db, stmt, _("Could not save the budget"), error))
    return FALSE;
  *id = budget->id != 0 ? budget->id : sqlite3_last_insert_rowid (comm_database_get_handle (db));
  return TRUE;
}

static void
bind_line (sqlite3_stmt         *stmt,
           const CommBudgetLine *line,
           guint                 position)
{
  g_autofree char *name = g_strstrip (g_strdup (line->name));
  gboolean linked = line->kind == COMM_BUDGET_LINE_COMMITMENT && line->contract_id != 0;

  sqlite3_bind_int (stmt, 2, (int) position);
  sqlite3_bind_text (stmt, 3, comm_budget_line_kind_to_code (line->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, line->kind == COMM_BUDGET_LINE_PERCENT ? 0 : line->amount);
  sqlite3_bind_int64 (stmt, 6, line->kind == COMM_BUDGET_LINE_PERCENT ? line->thousandths : 0);
  if (line->has_published)
    sqlite3_bind_int64 (stmt, 7, line->published);
  if (linked)
    sqlite3_bind_int64 (stmt, 8, line->contract_id);
  sqlite3_bind_text (stmt, 9, comm_commitment_source_to_code (linked ? line->source : COMM_COMMITMENT_MANUAL),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, linked ? line->contract_start : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, linked ? line->contract_end : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 12, linked ? (int) (line->flags & 7) : 0);
  sqlite3_bind_text (stmt, 13, line->note, -1, SQLITE_TRANSIENT);
}

static GHashTable *
stored_ids (CommDatabase  *db,
            const char    *sql,
            gint64         parent,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, error);
  g_autoptr(GHashTable) ids = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_bind_int64 (stmt, 1, parent);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the budget’s lines"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
delete_ids (CommDatabase  *db,
            const char    *sql,
            gint64         parent,
            GHashTable    *ids,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, error);
  GHashTableIter iter;
  gint64 *id;

  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, parent);
      sqlite3_bind_int64 (stmt, 2, *id);
      if (!comm_store_step_done (db, stmt, _("Could not save the budget’s lines"), error))
        return FALSE;
    }
  return TRUE;
}

/* Makes the contracts linked to line @line_id equal to @contract_ids. */
static gboolean
sync_links (CommDatabase  *db,
            gint64         line_id,
            const GArray  *contract_ids,
            gboolean       is_new,
            GError       **error)
{
  g_autoptr(GHashTable) unlisted = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (is_new && contract_ids->len == 0)
    return TRUE;
  unlisted = is_new ? g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL)
                    : stored_ids (db, "SELECT contract_id FROM budget_line_contracts WHERE line_id = ?1", line_id, error);
  if (unlisted == NULL ||
      (insert = comm_database_prepare (db, "INSERT OR IGNORE INTO budget_line_contracts (line_id, contract_id)"
                                           " VALUES (?1, ?2)", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < contract_ids->len; i++)
    {
      gint64 contract_id = g_array_index (contract_ids, gint64, i);

      if (g_hash_table_remove (unlisted, &contract_id))
        continue;
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, line_id);
      sqlite3_bind_int64 (insert, 2, contract_id);
      if (!comm_store_step_done (db, insert, _("Could not link the budget line to its contracts"), error))
        return FALSE;
    }
  return delete_ids (db, "DELETE FROM budget_line_contracts WHERE line_id = ?1 AND contract_id = ?2",
                     line_id, unlisted, error);
}

static gboolean
sync_lines (CommDatabase      *db,
            const CommBudget  *budget,
            gint64             budget_id,
            GArray            *new_ids,
            GError           **error)
{
  g_autoptr(GHashTable) unlisted = stored_ids (db, "SELECT id FROM budget_lines WHERE budget_id = ?1", budget_id, error);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;

  if (unlisted == NULL ||
      (insert = comm_database_prepare (db, "INSERT INTO budget_lines (budget_id, position, kind, name, amount,"
                                           " thousandths, published, contract_id, source, contract_start,"
                                           " contract_end, flags, note)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error)) == NULL ||
      (update = comm_database_prepare (db, "UPDATE budget_lines SET position = ?2, kind = ?3, name = ?4, amount = ?5,"
                                           " thousandths = ?6, published = ?7, contract_id = ?8, source = ?9,"
                                           " contract_start = ?10, contract_end = ?11, flags = ?12, note = ?13"
                                           " WHERE id = ?1 AND (position, kind, name, amount, thousandths, published,"
                                           " contract_id, source, contract_start, contract_end, flags, note)"
                                           " IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error)) == NULL)
    return FALSE;

  g_array_set_size (new_ids, budget->lines->len);
  for (guint i = 0; i < budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);
      gboolean kept = line->id != 0 && g_hash_table_remove (unlisted, &line->id);
      sqlite3_stmt *stmt = kept ? update : insert;
      gint64 line_id;

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, kept ? line->id : budget_id);
      bind_line (stmt, line, i);
      if (!comm_store_step_done (db, stmt, _("Could not save the budget’s lines"), error))
        return FALSE;
      line_id = kept ? line->id : sqlite3_last_insert_rowid (comm_database_get_handle (db));
      g_array_index (new_ids, gint64, i) = kept ? 0 : line_id;
      if (!sync_links (db, line_id, line->contract_ids, !kept, error))
        return FALSE;
    }
  return delete_ids (db, "DELETE FROM budget_lines WHERE budget_id = ?1 AND id = ?2", budget_id, unlisted, error);
}

gboolean
comm_budget_store_save (CommDatabase  *db,
                        CommBudget    *budget,
                        GError       **error)
{
  g_autoptr(GArray) new_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  CommStoreTransaction transaction;
  gint64 programme_id, id = 0;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (budget != NULL, FALSE);

  if (!comm_database_ensure_writable (db, error) || !check_budget (budget, error) ||
      !comm_store_begin (&transaction, db, error))
    return FALSE;

  if ((programme_id = _comm_budget_programme_ensure (db, budget->programme_name, error)) < 0 ||
      !check_unique (db, budget, programme_id, error) ||
      !write_budget_row (db, budget, programme_id, &id, error) ||
      !sync_lines (db, budget, id, new_ids, error) ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }

  budget->id = id;
  budget->programme_id = programme_id;
  for (guint i = 0; i < budget->lines->len; i++)
    if (g_array_index (new_ids, gint64, i) != 0)
      ((CommBudgetLine *) g_ptr_array_index (budget->lines, i))->id = g_array_index (new_ids, gint64, i);
  return TRUE;
}

void
_comm_budget_forget_ids (CommBudget *budget)
{
  budget->id = 0;
  for (guint i = 0; i < budget->lines->len; i++)
    ((CommBudgetLine *) g_ptr_array_index (budget->lines, i))->id = 0;
}
