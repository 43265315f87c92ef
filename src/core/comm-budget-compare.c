/* comm-budget-compare.c: budgets side by side, with differences in pounds and percent */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-budget-compare.h"
#include "comm-budget-private.h"
#include "comm-budget-store.h"
#include "comm-date.h"
#include "comm-money.h"

typedef enum {
  SUMMARY_INCOME,
  SUMMARY_COMMITTED,
  SUMMARY_AVAILABLE,
  SUMMARY_FIXED,
  SUMMARY_AFTER_FIXED,
  SUMMARY_PERCENT,
  SUMMARY_UNALLOCATED,
  N_SUMMARY
} SummaryRow;

static const char *
summary_title (SummaryRow row)
{
  switch (row)
    {
    case SUMMARY_INCOME:      return _("Total income");
    case SUMMARY_COMMITTED:   return _("Committed");
    case SUMMARY_AVAILABLE:   return _("Available");
    case SUMMARY_FIXED:       return _("Fixed allocations");
    case SUMMARY_AFTER_FIXED: return _("Remainder after fixed");
    case SUMMARY_PERCENT:     return _("Percentage allocations");
    case SUMMARY_UNALLOCATED:
    default:                  return _("Unallocated");
    }
}

static gint64
summary_amount (const CommBudgetResult *r,
                SummaryRow              row)
{
  switch (row)
    {
    case SUMMARY_INCOME:      return r->total_income;
    case SUMMARY_COMMITTED:   return r->committed;
    case SUMMARY_AVAILABLE:   return r->available;
    case SUMMARY_FIXED:       return r->fixed_total;
    case SUMMARY_AFTER_FIXED: return r->after_fixed;
    case SUMMARY_PERCENT:     return r->percent_amount;
    case SUMMARY_UNALLOCATED:
    default:                  return r->unallocated;
    }
}

static CommBudgetRow *
row_new (const char         *name,
         CommBudgetLineKind  kind,
         gboolean            summary,
         guint               n_columns)
{
  CommBudgetRow *row = g_new0 (CommBudgetRow, 1);

  row->name = g_strstrip (g_strdup (name));
  row->kind = kind;
  row->summary = summary;
  row->cells = g_new0 (CommBudgetCell, n_columns);
  return row;
}

static void
row_free (CommBudgetRow *row)
{
  g_free (row->name);
  g_free (row->cells);
  g_free (row);
}

/* Sets column @column's cells of the line rows from @budget, adding rows (before the summary
 * rows) for names not seen yet. */
static void
fill_lines (CommBudgetComparison   *comparison,
            guint                   column,
            const CommBudget       *budget,
            const CommBudgetResult *result)
{
  for (guint i = 0; i < budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);
      char *key = comm_budget_name_key (line->name);
      CommBudgetRow *row = g_hash_table_lookup (comparison->by_name, key);

      if (row == NULL)
        {
          row = row_new (line->name, line->kind, FALSE, comparison->n_columns);
          g_ptr_array_insert (comparison->rows, comparison->n_line_rows++, row);
          g_hash_table_insert (comparison->by_name, key, row);
        }
      else
        g_free (key);
      if (row->cells[column].present)
        continue;  /* a name used twice (a problem the budget shows): the first counts */
      row->cells[column].present = TRUE;
      row->cells[column].amount = comm_budget_result_line (result, i)->amount;
    }
}

static void
fill_differences (CommBudgetComparison *comparison)
{
  for (guint r = 0; r < comparison->rows->len; r++)
    {
      CommBudgetRow *row = g_ptr_array_index (comparison->rows, r);

      for (guint c = 1; c < comparison->n_columns; c++)
        {
          guint ref = comparison->mode == COMM_BUDGET_COMPARE_SCENARIOS ? 0 : c - 1;
          const CommBudgetCell *base = &row->cells[ref];
          CommBudgetCell *cell = &row->cells[c];

          cell->difference = 0;
          cell->has_percent = FALSE;
          cell->percent = 0;
          if (!cell->present || !base->present)
            continue;
          cell->difference = cell->amount - base->amount;
          cell->has_percent = base->amount != 0;
          if (cell->has_percent)
            cell->percent = comm_budget_scale (cell->difference, COMM_PERCENT_WHOLE, ABS (base->amount));
        }
    }
}

static char *
column_title (const CommBudget      *budget,
              CommBudgetCompareMode  mode)
{
  if (mode == COMM_BUDGET_COMPARE_YEARS)
    return comm_financial_year_label (budget->year);
  return g_strdup (budget->scenario != NULL ? budget->scenario : _("Base"));
}

CommBudgetComparison *
comm_budget_comparison_new (const CommBudget * const *budgets,
                            guint                     n_budgets,
                            const char * const       *titles,
                            CommBudgetCompareMode     mode)
{
  g_autoptr(GPtrArray) summary = g_ptr_array_new ();
  CommBudgetComparison *comparison = g_new0 (CommBudgetComparison, 1);

  comparison->mode = mode;
  comparison->n_columns = n_budgets;
  comparison->column_titles = g_new0 (char *, n_budgets + 1);
  comparison->budget_ids = g_new0 (gint64, MAX (n_budgets, 1));
  comparison->years = g_new0 (int, MAX (n_budgets, 1));
  comparison->reconciled = g_new0 (gboolean, MAX (n_budgets, 1));
  comparison->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  comparison->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint s = 0; s < N_SUMMARY; s++)
    g_ptr_array_add (summary, row_new (summary_title (s), COMM_BUDGET_LINE_INCOME, TRUE, n_budgets));

  for (guint c = 0; c < n_budgets; c++)
    {
      g_autoptr(CommBudgetResult) result = comm_budget_compute (budgets[c]);

      comparison->column_titles[c] = titles != NULL ? g_strdup (titles[c]) : column_title (budgets[c], mode);
      comparison->budget_ids[c] = budgets[c]->id;
      comparison->years[c] = budgets[c]->year;
      comparison->reconciled[c] = result->reconciled;
      fill_lines (comparison, c, budgets[c], result);
      for (guint s = 0; s < N_SUMMARY; s++)
        {
          CommBudgetRow *row = g_ptr_array_index (summary, s);

          row->cells[c].present = TRUE;
          row->cells[c].amount = summary_amount (result, s);
        }
    }
  for (guint s = 0; s < N_SUMMARY; s++)
    g_ptr_array_add (comparison->rows, g_ptr_array_index (summary, s));
  fill_differences (comparison);
  return comparison;
}

void
comm_budget_comparison_update (CommBudgetComparison *comparison,
                               guint                 column,
                               const CommBudget     *budget)
{
  g_autoptr(CommBudgetResult) result = NULL;

  g_return_if_fail (comparison != NULL && budget != NULL);
  g_return_if_fail (column < comparison->n_columns);

  result = comm_budget_compute (budget);
  for (guint r = 0; r < comparison->n_line_rows; r++)
    {
      CommBudgetRow *row = g_ptr_array_index (comparison->rows, r);

      memset (&row->cells[column], 0, sizeof row->cells[column]);
    }
  fill_lines (comparison, column, budget, result);
  for (guint s = 0; s < N_SUMMARY; s++)
    {
      CommBudgetRow *row = g_ptr_array_index (comparison->rows, comparison->n_line_rows + s);

      row->cells[column].amount = summary_amount (result, s);
    }
  comparison->budget_ids[column] = budget->id;
  comparison->years[column] = budget->year;
  comparison->reconciled[column] = result->reconciled;
  fill_differences (comparison);
}

void
comm_budget_comparison_free (CommBudgetComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_strfreev (comparison->column_titles);
  g_free (comparison->budget_ids);
  g_free (comparison->years);
  g_free (comparison->reconciled);
  g_ptr_array_unref (comparison->rows);
  g_hash_table_unref (comparison->by_name);
  g_free (comparison);
}

const CommBudgetRow *
comm_budget_comparison_find (const CommBudgetComparison *comparison,
                             const char                 *name)
{
  g_autofree char *wanted = NULL;
  const CommBudgetRow *row;

  g_return_val_if_fail (comparison != NULL, NULL);

  wanted = comm_budget_name_key (name);
  if ((row = g_hash_table_lookup (comparison->by_name, wanted)) != NULL)
    return row;
  for (guint r = comparison->n_line_rows; r < comparison->rows->len; r++)
    {
      g_autofree char *key = comm_budget_name_key (((CommBudgetRow *) g_ptr_array_index (comparison->rows, r))->name);

      if (g_str_equal (key, wanted))
        return g_ptr_array_index (comparison->rows, r);
    }
  return NULL;
}

/* ----- from the workspace ----- */

static CommBudgetComparison *
compare_ids (CommDatabase           *db,
             GArray                 *ids,
             CommBudgetCompareMode   mode,
             GError                **error)
{
  g_autoptr(GPtrArray) budgets = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_budget_free);

  for (guint i = 0; i < ids->len; i++)
    {
      CommBudget *budget = comm_budget_store_load (db, g_array_index (ids, gint64, i), error);

      if (budget == NULL)
        return NULL;
      g_ptr_array_add (budgets, budget);
    }
  return comm_budget_comparison_new ((const CommBudget * const *) budgets->pdata, budgets->len, NULL, mode);
}

CommBudgetComparison *
comm_budget_store_compare_scenarios (CommDatabase  *db,
                                     gint64         budget_id,
                                     GError       **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if ((ids = comm_budget_store_list_scenarios (db, budget_id, error)) == NULL)
    return NULL;
  return compare_ids (db, ids, COMM_BUDGET_COMPARE_SCENARIOS, error);
}

CommBudgetComparison *
comm_budget_store_compare_years (CommDatabase  *db,
                                 gint64         programme_id,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if (!comm_database_ensure_open (db, error) ||
      (stmt = comm_database_prepare (db, "SELECT id FROM budgets WHERE programme_id = ?1 AND scenario IS NULL"
                                         " AND deleted_at IS NULL ORDER BY year", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the programme’s budgets"));
      return NULL;
    }
  return compare_ids (db, ids, COMM_BUDGET_COMPARE_YEARS, error);
}

/* ----- formatting ----- */

char *
comm_budget_format_difference (gint64 pence)
{
  g_autofree char *money = comm_money_format (pence);

  return pence > 0 ? g_strconcat ("+", money, NULL) : g_steal_pointer (&money);
}

char *
comm_budget_format_change (gint64 thousandths)
{
  g_autofree char *percent = comm_percent_format (ABS (thousandths));

  if (thousandths == 0)
    return g_steal_pointer (&percent);
  return g_strconcat (thousandths > 0 ? "+" : "-", percent, NULL);
}
