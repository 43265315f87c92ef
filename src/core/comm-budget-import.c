/* comm-budget-import.c: a published plan read from CSV, kept exactly as published
 *
 * Published plans often fail to add up by a pound or two because each line was rounded on its
 * own. Each line keeps its published figure, the plan's total (if it states one) is kept beside
 * the sum, and comm_budget_compute() reports the difference; nothing is "corrected".
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-budget-private.h"
#include "comm-budget-store.h"
#include "comm-csv.h"
#include "comm-date.h"
#include "comm-money.h"

typedef struct {
  CommBudget *budget;
  gboolean    has_total;
  gint64      total;
  gint64      sum;
  guint       rows;
} Import;

static gboolean
row_error (guint        line,
           const char  *message,
           GError     **error)
{
  /* Translators: "Line 4 of the plan: <what is wrong>" */
  g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE, _("Line %u of the plan: %s"), line, message);
  return FALSE;
}

static gboolean
is_total (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_str_equal (folded, "total") || g_str_equal (folded, "grand total");
}

/* One row: name, amount. @first: the first row, which may be a header. */
static gboolean
read_row (Import       *import,
          char        **cells,
          guint         line,
          gboolean      first,
          GError      **error)
{
  g_autofree char *name = g_strstrip (g_strdup (cells[0] != NULL ? cells[0] : ""));
  g_autofree char *text = g_strstrip (g_strdup (cells[0] != NULL && cells[1] != NULL ? cells[1] : ""));
  g_autoptr(GError) local = NULL;
  CommBudgetLine *budget_line;
  gint64 pence = 0;

  if (*name == '\0' && *text == '\0')
    return TRUE;
  if (*text != '\0' && !comm_money_parse (text, &pence, &local))
    return first ? TRUE : row_error (line, local->message, error);  /* a header row */
  if (*name == '\0')
    return row_error (line, _("the line has an amount but no name."), error);
  if (pence < 0)
    return row_error (line, _("the amount is negative; a plan’s lines must be zero or more."), error);

  if (is_total (name))
    {
      if (import->has_total)
        return row_error (line, _("the plan has two totals."), error);
      import->has_total = TRUE;
      import->total = pence;
      return TRUE;
    }
  budget_line = comm_budget_add_line (import->budget, comm_budget_line_new (COMM_BUDGET_LINE_FIXED, name, pence));
  budget_line->has_published = *text != '\0';
  budget_line->published = pence;
  import->sum += pence;
  import->rows++;
  return TRUE;
}

static gboolean
read_plan (Import        *import,
           GInputStream  *csv,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(CommCsvReader) reader = comm_csv_reader_new (csv, ',');
  gboolean first = TRUE;
  char **cells;

  while ((cells = comm_csv_reader_next_row (reader, error)) != NULL)
    {
      gboolean ok = read_row (import, cells, comm_csv_reader_get_line (reader), first, error);

      g_strfreev (cells);
      first = FALSE;
      if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  if (import->rows == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_PARSE,
                           _("The plan has no lines: each row should have a name, then an amount in pounds."));
      return FALSE;
    }
  return TRUE;
}

gboolean
comm_budget_store_import_plan (CommDatabase  *db,
                               const char    *programme,
                               int            year,
                               GInputStream  *csv,
                               gint64        *new_id,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(CommBudget) budget = NULL;
  g_autoptr(GError) local = NULL;
  CommBudgetLine *income;
  Import import = { 0 };

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (csv), FALSE);

  if (!comm_database_ensure_writable (db, error))
    return FALSE;
  budget = comm_budget_new (programme, year);
  import.budget = budget;
  if (!read_plan (&import, csv, cancellable, &local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  income = comm_budget_line_new (COMM_BUDGET_LINE_INCOME, _("Published total"),
                                 import.has_total ? import.total : import.sum);
  g_ptr_array_insert (budget->lines, 0, income);
  budget->has_published_total = import.has_total;
  budget->published_total = import.total;
  g_free (budget->notes);
  budget->notes = g_strdup (_("Imported from a published plan; each line is kept as published."));

  if (!comm_budget_store_save (db, budget, error))
    return FALSE;
  if (new_id != NULL)
    *new_id = budget->id;
  return TRUE;
}
