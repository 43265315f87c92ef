/* comm-report-budget.c: "budget" - one programme's budget for a year, and "budget-scenarios" -
 * the base budget and its scenarios side by side
 *
 * Both give the figures as the Budgets tab works them out (to the penny, saying where a penny
 * moved), every problem and warning in words, the lines (or the comparison) as a table, and a
 * bar chart of the allocations.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-budget-chart.h"
#include "comm-budget-compare.h"
#include "comm-budget-contracts.h"
#include "comm-budget-store.h"
#include "comm-date.h"
#include "comm-money.h"
#include "comm-problem.h"
#include "comm-reports-private.h"

#define MAX_COMPARED 4   /* columns of a scenario comparison that fit across a landscape page */
#define MAX_YEARS    4   /* years of the programme that fit across a portrait page */

/* The base budget of the options' programme and year (the year of "today" if not given). */
static CommBudget *
find_budget (CommDatabase             *db,
             const CommReportOptions  *options,
             GError                  **error)
{
  int year = options->year != 0 ? options->year : comm_financial_year_of (&options->today);
  gint64 id = 0;

  if (!comm_budget_store_find (db, options->programme, year, NULL, &id, error))
    return NULL;
  return comm_budget_store_load (db, id, error);
}

static void
add_money (CommReportDocument *document,
           const char         *key,
           gint64              pence)
{
  g_autofree char *text = comm_money_format (pence);

  comm_report_document_add_key_value (document, key, text);
}

static void
add_figures (CommReportDocument     *document,
             const CommBudget       *budget,
             const CommBudgetResult *r)
{
  g_autofree char *year = comm_financial_year_label (budget->year);
  g_autofree char *percent = comm_percent_format (r->percent_total);

  comm_report_document_add_key_value (document, _("Programme"), budget->programme_name);
  comm_report_document_add_key_value (document, _("Financial year"), year);
  add_money (document, _("Total income"), r->total_income);
  add_money (document, _("Committed"), r->committed);
  add_money (document, _("Available"), r->available);
  add_money (document, _("Fixed allocations"), r->fixed_total);
  add_money (document, _("Remainder after fixed allocations"), r->after_fixed);
  comm_report_document_add_key_value (document, _("Percentages total"), percent);
  add_money (document, budget->remainder_name != NULL ? budget->remainder_name : _("Unallocated"), r->unallocated);
  if (r->has_published_total)
    {
      add_money (document, _("Published total"), r->published_total);
      add_money (document, _("Published lines add up to"), r->published_lines_sum);
    }
}

static void
add_notes (CommReportDocument     *document,
           const CommBudgetResult *r)
{
  if (r->problems->len > 0)
    {
      comm_report_document_add_heading (document, _("Problems"));
      for (guint i = 0; i < r->problems->len; i++)
        comm_report_document_add_paragraph (document, ((CommProblem *) g_ptr_array_index (r->problems, i))->message);
    }
  if (r->warnings->len > 0)
    {
      comm_report_document_add_heading (document, _("To look at"));
      for (guint i = 0; i < r->warnings->len; i++)
        comm_report_document_add_paragraph (document, ((CommProblem *) g_ptr_array_index (r->warnings, i))->message);
    }
  if (r->any_penny_moved || r->unallocated_penny_moved)
    comm_report_document_add_paragraph (document,
                                        _("* A penny more than the rounded-down share went to this line, so that "
                                          "the lines add up to the total exactly (largest-remainder method)."));
}

static char *
line_note (const CommBudgetLine       *line,
           const CommBudgetLineFigure *figure)
{
  g_autofree char *flags = comm_budget_line_flags_describe (line->flags);
  g_autoptr(GString) note = g_string_new (figure->penny_moved ? "*" : "");

  if (line->kind == COMM_BUDGET_LINE_COMMITMENT && line->contract_id != 0)
    g_string_append_printf (note, "%s%s", note->len > 0 ? " " : "", comm_commitment_source_to_label (line->source));
  if (line->has_published && line->published != figure->amount)
    {
      g_autofree char *published = comm_money_format (line->published);

      g_string_append_printf (note, "%s%s %s", note->len > 0 ? " " : "", _("Published as"), published);
    }
  if (flags != NULL)
    g_string_append_printf (note, "%s%s", note->len > 0 ? " " : "", flags);
  return g_string_free (g_steal_pointer (&note), FALSE);
}

static void
add_lines_table (CommReportDocument     *document,
                 const CommBudget       *budget,
                 const CommBudgetResult *r)
{
  CommReportTable *table;

  comm_report_document_add_heading (document, _("Lines"));
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Line"), 3, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Kind"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Percent"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Amount"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Note"), 2, COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);
      const CommBudgetLineFigure *figure = comm_budget_result_line (r, i);
      g_autofree char *percent = line->kind == COMM_BUDGET_LINE_PERCENT ? comm_percent_format (line->thousandths) : g_strdup ("");
      g_autofree char *amount = comm_money_format (figure->amount);
      g_autofree char *note = line_note (line, figure);
      CommReportCellStyle style = line->flags != 0 || figure->has_problem ? COMM_REPORT_CELL_TINT_AMBER : COMM_REPORT_CELL_PLAIN;

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, line->name, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, comm_budget_line_kind_to_label (line->kind), COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, percent, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, amount, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, note, style);
    }
}

static void
add_use_table (CommReportDocument     *document,
               CommDatabase           *db,
               const CommBudget       *budget,
               const CommBudgetResult *r)
{
  g_autoptr(GArray) uses = comm_budget_store_allocation_use (db, budget, r, NULL);
  CommReportTable *table;

  if (uses == NULL || uses->len == 0)
    return;
  comm_report_document_add_heading (document, _("Allocations against contracts"));
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Allocation"), 3, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Allocated"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Contracted"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Left"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Contracts"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  for (guint i = 0; i < uses->len; i++)
    {
      const CommBudgetAllocationUse *use = &g_array_index (uses, CommBudgetAllocationUse, i);
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, use->line);
      g_autofree char *allocated = comm_money_format (use->allocated);
      g_autofree char *contracted = comm_money_format (use->contracted);
      g_autofree char *left = comm_money_format (use->left);
      g_autofree char *count = g_strdup_printf ("%u", use->n_contracts);

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, line->name, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, allocated, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, contracted, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, left, use->left < 0 ? COMM_REPORT_CELL_TINT_RED | COMM_REPORT_CELL_BOLD
                                                             : COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, count, COMM_REPORT_CELL_PLAIN);
    }
}

/* Linked contracts that changed since the budget was saved: said, not applied (the report
 * prints the budget as it stands). */
static void
add_contract_changes (CommReportDocument *document,
                      CommDatabase       *db,
                      const CommBudget   *budget)
{
  g_autoptr(CommBudget) copy = comm_budget_copy (budget);
  g_autoptr(GPtrArray) changes = comm_budget_store_refresh_commitments (db, copy, NULL);

  if (changes == NULL || changes->len == 0)
    return;
  comm_report_document_add_heading (document, _("Contracts changed since the budget was saved"));
  for (guint i = 0; i < changes->len; i++)
    comm_report_document_add_paragraph (document, ((CommBudgetChange *) g_ptr_array_index (changes, i))->message);
}

/* The programme's base budgets of up to MAX_YEARS years to the report's year, side by side with
 * the report year's change on the year before. */
static void
add_years_table (CommReportDocument *document,
                 CommDatabase       *db,
                 const CommBudget   *budget)
{
  g_autoptr(CommBudgetComparison) years = comm_budget_store_compare_years (db, budget->programme_id, NULL);
  CommReportTable *table;
  guint last = 0, first;

  if (years == NULL)
    return;
  while (last < years->n_columns && years->years[last] != budget->year)
    last++;
  if (last == 0 || last >= years->n_columns)
    return;   /* no earlier year to compare with */
  first = last >= MAX_YEARS - 1 ? last - (MAX_YEARS - 1) : 0;

  comm_report_document_add_heading (document, _("Across the years"));
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Line"), 3, COMM_REPORT_ALIGN_LEFT);
  for (guint c = first; c <= last; c++)
    comm_report_table_add_column (table, years->column_titles[c], COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  /* Translators: a column: the change on the year before */
  comm_report_table_add_column (table, _("Change"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  for (guint r = 0; r < years->rows->len; r++)
    {
      const CommBudgetRow *row = g_ptr_array_index (years->rows, r);
      CommReportCellStyle style = row->summary ? COMM_REPORT_CELL_BOLD : COMM_REPORT_CELL_PLAIN;
      g_autofree char *change = row->cells[last].has_percent ? comm_budget_format_change (row->cells[last].percent)
                                                            : g_strdup ("");

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, row->name, style);
      for (guint c = first; c <= last; c++)
        {
          g_autofree char *amount = row->cells[c].present ? comm_money_format (row->cells[c].amount) : g_strdup ("—");

          comm_report_table_add_cell (table, amount, style);
        }
      comm_report_table_add_cell (table, change, style);
    }
}

static void
add_chart (CommReportDocument *document,
           CommBudgetChart    *chart)
{
  double height = comm_budget_chart_get_height (chart, 0);

  comm_report_document_add_heading (document, _("Allocations chart"));
  comm_report_document_add_drawing (document, 0, height, comm_budget_chart_draw, chart,
                                    (GDestroyNotify) comm_budget_chart_free);
}

CommReportDocument *
_comm_report_budget_build (CommDatabase             *db,
                           const CommReportOptions  *options,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(CommBudget) budget = find_budget (db, options, error);
  g_autoptr(CommBudgetResult) result = NULL;
  g_autofree char *name = NULL, *title = NULL;
  CommReportDocument *document;

  if (budget == NULL)
    return NULL;
  result = comm_budget_compute (budget);
  name = comm_budget_dup_title (budget);
  /* Translators: "Budget: Early Help and Prevention 2026-27" */
  title = g_strdup_printf (_("Budget: %s"), name);
  document = _comm_report_new_document (db, title, COMM_REPORT_PORTRAIT, options);
  comm_report_document_set_subtitle (document, _("Income, commitments and allocations, reconciled to the penny"));

  add_figures (document, budget, result);
  add_notes (document, result);
  add_contract_changes (document, db, budget);
  add_lines_table (document, budget, result);
  add_use_table (document, db, budget, result);
  add_years_table (document, db, budget);
  add_chart (document, comm_budget_chart_new_allocations (budget, result));
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      comm_report_document_unref (document);
      return NULL;
    }
  return document;
}

/* ----- scenarios ----- */

static void
add_comparison_table (CommReportDocument         *document,
                      const CommBudgetComparison *comparison,
                      guint                       first,
                      guint                       last)
{
  CommReportTable *table = comm_report_document_add_table (document);

  comm_report_table_add_column (table, _("Line"), 3, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, comparison->column_titles[0], COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  for (guint c = first; c < last; c++)
    {
      g_autofree char *diff = g_strdup_printf (_("%s difference"), comparison->column_titles[c]);

      comm_report_table_add_column (table, comparison->column_titles[c], COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
      comm_report_table_add_column (table, diff, COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
      comm_report_table_add_column (table, _("Change"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
    }
  for (guint r = 0; r < comparison->rows->len; r++)
    {
      const CommBudgetRow *row = g_ptr_array_index (comparison->rows, r);
      CommReportCellStyle style = row->summary ? COMM_REPORT_CELL_BOLD : COMM_REPORT_CELL_PLAIN;
      g_autofree char *base = row->cells[0].present ? comm_money_format (row->cells[0].amount) : g_strdup ("—");

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, row->name, style);
      comm_report_table_add_cell (table, base, style);
      for (guint c = first; c < last; c++)
        {
          const CommBudgetCell *cell = &row->cells[c];
          g_autofree char *amount = cell->present ? comm_money_format (cell->amount) : g_strdup ("—");
          g_autofree char *diff = cell->present && row->cells[0].present ? comm_budget_format_difference (cell->difference) : g_strdup ("");
          g_autofree char *change = cell->has_percent ? comm_budget_format_change (cell->percent) : g_strdup ("");

          comm_report_table_add_cell (table, amount, style);
          comm_report_table_add_cell (table, diff, style);
          comm_report_table_add_cell (table, change, style);
        }
    }
}

CommReportDocument *
_comm_report_budget_scenarios_build (CommDatabase             *db,
                                     const CommReportOptions  *options,
                                     GCancellable             *cancellable,
                                     GError                  **error)
{
  g_autoptr(CommBudget) budget = find_budget (db, options, error);
  g_autoptr(CommBudgetComparison) comparison = NULL;
  g_autofree char *name = NULL, *title = NULL;
  CommReportDocument *document;

  if (budget == NULL || (comparison = comm_budget_store_compare_scenarios (db, budget->id, error)) == NULL)
    return NULL;
  name = comm_budget_dup_title (budget);
  /* Translators: "Budget scenarios: Early Help and Prevention 2026-27" */
  title = g_strdup_printf (_("Budget scenarios: %s"), name);
  document = _comm_report_new_document (db, title, COMM_REPORT_LANDSCAPE, options);
  comm_report_document_set_subtitle (document, _("Each scenario against the base budget, in pounds and percent"));
  if (comparison->n_columns < 2)
    comm_report_document_add_paragraph (document, _("This budget has no scenarios yet."));
  for (guint first = 1; first < MAX (comparison->n_columns, 2); first += MAX_COMPARED - 1)
    add_comparison_table (document, comparison, first, MIN (comparison->n_columns, first + MAX_COMPARED - 1));
  add_chart (document, comm_budget_chart_new_comparison (comparison));
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      comm_report_document_unref (document);
      return NULL;
    }
  return document;
}
