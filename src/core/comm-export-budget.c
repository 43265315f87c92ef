/* comm-export-budget.c: a budget, or a comparison of budgets, as CSV */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-budget-contracts-private.h"
#include "comm-budget-store.h"
#include "comm-export-budget.h"
#include "comm-file-replace-private.h"
#include "comm-money.h"

typedef struct {
  CommDatabase      *db;
  gint64             budget_id;
  gboolean           with_scenarios;
  CommCsvWriteFlags  flags;
} FileJob;

static char *
plain_money (gint64 pence)
{
  return comm_money_format_full (pence, COMM_MONEY_FORMAT_PLAIN);
}

/* "12.345" for 12345 thousandths (no percent sign, for spreadsheets) */
static char *
plain_percent (gint64 thousandths)
{
  char *text = comm_percent_format (thousandths);
  char *sign = strchr (text, '%');

  if (sign != NULL)
    *sign = '\0';
  return text;
}

static gboolean
write_cells (CommCsvWriter  *writer,
             GPtrArray      *cells,
             GError        **error)
{
  return comm_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len, error);
}

static gboolean
write_line (CommCsvWriter               *writer,
            const CommBudgetLine        *line,
            const CommBudgetLineFigure  *figure,
            GHashTable                  *references,
            GError                     **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  const char *reference = NULL;

  if (references != NULL && line->contract_id != 0)
    reference = g_hash_table_lookup (references, &line->contract_id);
  g_ptr_array_add (cells, g_strdup (line->name));
  g_ptr_array_add (cells, g_strdup (comm_budget_line_kind_to_label (line->kind)));
  g_ptr_array_add (cells, line->kind == COMM_BUDGET_LINE_PERCENT ? plain_percent (line->thousandths) : g_strdup (""));
  g_ptr_array_add (cells, plain_money (figure->amount));
  g_ptr_array_add (cells, g_strdup (figure->penny_moved ? _("yes") : ""));
  g_ptr_array_add (cells, line->has_published ? plain_money (line->published) : g_strdup (""));
  g_ptr_array_add (cells, g_strdup (line->kind == COMM_BUDGET_LINE_COMMITMENT
                                    ? comm_commitment_source_to_label (line->source) : ""));
  g_ptr_array_add (cells, g_strdup (reference != NULL ? reference : ""));
  g_ptr_array_add (cells, comm_budget_line_flags_describe (line->flags));
  if (g_ptr_array_index (cells, 8) == NULL)
    g_ptr_array_index (cells, 8) = g_strdup ("");
  return write_cells (writer, cells, error);
}

static gboolean
write_total (CommCsvWriter  *writer,
             const char     *name,
             gint64          pence,
             const char     *percent,
             GError        **error)
{
  g_autofree char *money = plain_money (pence);
  const char *cells[] = { name, _("Total"), percent != NULL ? percent : "", money, "", "", "", "", "" };

  return comm_csv_writer_write_row (writer, cells, G_N_ELEMENTS (cells), error);
}

static gboolean
write_totals (CommCsvWriter           *writer,
              const CommBudget        *budget,
              const CommBudgetResult  *r,
              GError                 **error)
{
  g_autofree char *percent = plain_percent (r->percent_total);

  if (!write_total (writer, _("Total income"), r->total_income, NULL, error) ||
      !write_total (writer, _("Committed"), r->committed, NULL, error) ||
      !write_total (writer, _("Available"), r->available, NULL, error) ||
      !write_total (writer, _("Fixed allocations"), r->fixed_total, NULL, error) ||
      !write_total (writer, _("Remainder after fixed"), r->after_fixed, NULL, error) ||
      !write_total (writer, _("Percentage allocations"), r->percent_amount, percent, error) ||
      !write_total (writer, budget->remainder_name != NULL ? budget->remainder_name : _("Unallocated"),
                    r->unallocated, NULL, error))
    return FALSE;
  if (!r->has_published_total)
    return TRUE;
  return write_total (writer, _("Published total"), r->published_total, NULL, error) &&
         write_total (writer, _("Difference from published total"), r->published_lines_difference, NULL, error);
}

gboolean
comm_export_budget_csv (const CommBudget   *budget,
                        GHashTable         *references,
                        GOutputStream      *out,
                        CommCsvWriteFlags   flags,
                        GCancellable       *cancellable,
                        GError            **error)
{
  const char *header[] = { _("Line"), _("Kind"), _("Percent"), _("Amount"), _("Penny moved"), _("Published"),
                           _("Source"), _("Contract"), _("Flag") };
  g_autoptr(CommCsvWriter) writer = NULL;
  g_autoptr(CommBudgetResult) result = NULL;

  g_return_val_if_fail (budget != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  writer = comm_csv_writer_new (out, flags);
  result = comm_budget_compute (budget);
  if (!comm_csv_writer_write_row (writer, header, G_N_ELEMENTS (header), error))
    return FALSE;
  for (guint i = 0; i < budget->lines->len; i++)
    {
      if (!write_line (writer, g_ptr_array_index (budget->lines, i), comm_budget_result_line (result, i),
                       references, error))
        return FALSE;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return write_totals (writer, budget, result, error) && comm_csv_writer_finish (writer, error);
}

static gboolean
write_comparison_header (CommCsvWriter               *writer,
                         const CommBudgetComparison  *comparison,
                         GError                     **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup (_("Line")));
  g_ptr_array_add (cells, g_strdup (_("Kind")));
  for (guint c = 0; c < comparison->n_columns; c++)
    {
      g_ptr_array_add (cells, g_strdup (comparison->column_titles[c]));
      if (c == 0)
        continue;
      /* Translators: a column: "10% cut difference" */
      g_ptr_array_add (cells, g_strdup_printf (_("%s difference"), comparison->column_titles[c]));
      /* Translators: a column: "10% cut change %" */
      g_ptr_array_add (cells, g_strdup_printf (_("%s change %%"), comparison->column_titles[c]));
    }
  return write_cells (writer, cells, error);
}

static gboolean
write_comparison_row (CommCsvWriter               *writer,
                      const CommBudgetComparison  *comparison,
                      const CommBudgetRow         *row,
                      GError                     **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup (row->name));
  g_ptr_array_add (cells, g_strdup (row->summary ? _("Total") : comm_budget_line_kind_to_label (row->kind)));
  for (guint c = 0; c < comparison->n_columns; c++)
    {
      const CommBudgetCell *cell = &row->cells[c];
      gboolean both;

      g_ptr_array_add (cells, cell->present ? plain_money (cell->amount) : g_strdup (""));
      if (c == 0)
        continue;
      both = cell->present && row->cells[comparison->mode == COMM_BUDGET_COMPARE_SCENARIOS ? 0 : c - 1].present;
      g_ptr_array_add (cells, both ? plain_money (cell->difference) : g_strdup (""));
      g_ptr_array_add (cells, cell->has_percent ? plain_percent (cell->percent) : g_strdup (""));
    }
  return write_cells (writer, cells, error);
}

gboolean
comm_export_budget_comparison_csv (const CommBudgetComparison  *comparison,
                                   GOutputStream               *out,
                                   CommCsvWriteFlags            flags,
                                   GCancellable                *cancellable,
                                   GError                     **error)
{
  g_autoptr(CommCsvWriter) writer = NULL;

  g_return_val_if_fail (comparison != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  writer = comm_csv_writer_new (out, flags);
  if (!write_comparison_header (writer, comparison, error))
    return FALSE;
  for (guint r = 0; r < comparison->rows->len; r++)
    {
      if (!write_comparison_row (writer, comparison, g_ptr_array_index (comparison->rows, r), error) ||
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return comm_csv_writer_finish (writer, error);
}

static GHashTable *
contract_references (CommDatabase  *db,
                     GError       **error)
{
  g_autoptr(GPtrArray) infos = _comm_budget_read_contracts (db, 0, error);
  GHashTable *references;

  if (infos == NULL)
    return NULL;
  references = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < infos->len; i++)
    {
      const CommBudgetContractInfo *info = g_ptr_array_index (infos, i);

      g_hash_table_insert (references, g_memdup2 (&info->id, sizeof info->id), g_strdup (info->reference));
    }
  return references;
}

static gboolean
write_file_content (GOutputStream  *out,
                    gpointer        user_data,
                    GCancellable   *cancellable,
                    GError        **error)
{
  FileJob *job = user_data;
  g_autoptr(CommBudget) budget = NULL;
  g_autoptr(CommBudgetComparison) comparison = NULL;
  g_autoptr(GHashTable) references = NULL;

  if (job->with_scenarios)
    {
      comparison = comm_budget_store_compare_scenarios (job->db, job->budget_id, error);
      return comparison != NULL &&
             comm_export_budget_comparison_csv (comparison, out, job->flags, cancellable, error);
    }
  if ((budget = comm_budget_store_load (job->db, job->budget_id, error)) == NULL ||
      (references = contract_references (job->db, error)) == NULL)
    return FALSE;
  return comm_export_budget_csv (budget, references, out, job->flags, cancellable, error);
}

gboolean
comm_export_budget_csv_to_stream (CommDatabase       *db,
                                  gint64              budget_id,
                                  gboolean            with_scenarios,
                                  GOutputStream      *out,
                                  CommCsvWriteFlags   flags,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  FileJob job = { db, budget_id, with_scenarios, flags };

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  return write_file_content (out, &job, cancellable, error);
}

gboolean
comm_export_budget_csv_to_file (CommDatabase       *db,
                                gint64              budget_id,
                                gboolean            with_scenarios,
                                const char         *path,
                                CommCsvWriteFlags   flags,
                                GCancellable       *cancellable,
                                GError            **error)
{
  FileJob job = { db, budget_id, with_scenarios, flags };
  g_autoptr(CommBudget) budget = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Read first, so a budget that is not there leaves no file behind. */
  if ((budget = comm_budget_store_load (db, budget_id, error)) == NULL)
    return FALSE;
  return comm_file_write_atomically (path, write_file_content, &job, cancellable, error);
}

/* ----- the multi-year view ----- */

typedef struct {
  CommBudgetComparison *years;
  CommCsvWriteFlags     flags;
} YearsJob;

static gboolean
write_years_content (GOutputStream  *out,
                     gpointer        user_data,
                     GCancellable   *cancellable,
                     GError        **error)
{
  YearsJob *job = user_data;

  return comm_export_budget_comparison_csv (job->years, out, job->flags, cancellable, error);
}

gboolean
comm_export_budget_years_csv_to_stream (CommDatabase       *db,
                                        gint64              programme_id,
                                        GOutputStream      *out,
                                        CommCsvWriteFlags   flags,
                                        GCancellable       *cancellable,
                                        GError            **error)
{
  g_autoptr(CommBudgetComparison) years = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if ((years = comm_budget_store_compare_years (db, programme_id, error)) == NULL)
    return FALSE;
  return comm_export_budget_comparison_csv (years, out, flags, cancellable, error);
}

gboolean
comm_export_budget_years_csv_to_file (CommDatabase       *db,
                                      gint64              programme_id,
                                      const char         *path,
                                      CommCsvWriteFlags   flags,
                                      GCancellable       *cancellable,
                                      GError            **error)
{
  g_autoptr(CommBudgetComparison) years = NULL;
  YearsJob job = { NULL, flags };

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((years = comm_budget_store_compare_years (db, programme_id, error)) == NULL)
    return FALSE;
  job.years = years;
  return comm_file_write_atomically (path, write_years_content, &job, cancellable, error);
}
