/* comm-report-performance.c: "performance" - contract performance, for committee
 *
 * Covers current contracts (active, in notice or extended): how many are Red, Amber, Green or not
 * yet rated; every one with its latest rating, comment and next monitoring meeting (worst first);
 * those ending in the next 12 months; and those whose monitoring is overdue.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-store.h"
#include "comm-date.h"
#include "comm-money.h"
#include "comm-reports-private.h"
#include "comm-types.h"

static const CommRag rag_order[] = { COMM_RAG_RED, COMM_RAG_AMBER, COMM_RAG_GREEN, COMM_RAG_NONE };

static gboolean
is_current (CommContract *contract)
{
  CommContractStatus status = comm_contract_get_status (contract);

  return status == COMM_STATUS_ACTIVE || status == COMM_STATUS_IN_NOTICE || status == COMM_STATUS_EXTENDED;
}

static guint
rag_rank (CommRag rag)
{
  for (guint i = 0; i < G_N_ELEMENTS (rag_order); i++)
    if (rag_order[i] == rag)
      return i;
  return G_N_ELEMENTS (rag_order);
}

static int
compare_by_rag (gconstpointer a,
                gconstpointer b)
{
  CommContract *ca = *(CommContract *const *) a;
  CommContract *cb = *(CommContract *const *) b;
  guint ra = rag_rank (comm_contract_get_rag (ca)), rb = rag_rank (comm_contract_get_rag (cb));

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return g_strcmp0 (comm_contract_get_reference (ca), comm_contract_get_reference (cb));
}

static int
compare_by_end (gconstpointer a,
                gconstpointer b)
{
  CommContract *ca = *(CommContract *const *) a;
  CommContract *cb = *(CommContract *const *) b;
  int order = g_strcmp0 (comm_contract_get_effective_end_date (ca), comm_contract_get_effective_end_date (cb));

  return order != 0 ? order : g_strcmp0 (comm_contract_get_reference (ca), comm_contract_get_reference (cb));
}

static char *
contract_name (CommContract *contract)
{
  const char *provider = comm_contract_get_provider_name (contract);

  if (*provider == '\0')
    return g_strdup (comm_contract_get_title (contract));
  return g_strdup_printf ("%s\n%s", comm_contract_get_title (contract), provider);
}

static void
add_rag_counts (CommReportDocument *document,
                GPtrArray          *current)
{
  CommReportTable *table;
  guint counts[G_N_ELEMENTS (rag_order)] = { 0 };
  gint64 weights[G_N_ELEMENTS (rag_order)], shares[G_N_ELEMENTS (rag_order)] = { 0 };
  g_autofree char *total = g_strdup_printf ("%u", current->len);

  for (guint i = 0; i < current->len; i++)
    counts[rag_rank (comm_contract_get_rag (g_ptr_array_index (current, i)))]++;
  /* Whole percentages that add up to 100, by the largest remainder (as money is split) */
  for (guint i = 0; i < G_N_ELEMENTS (rag_order); i++)
    weights[i] = counts[i];
  if (current->len > 0)
    comm_money_split (100, weights, G_N_ELEMENTS (rag_order), shares, NULL, NULL);

  comm_report_document_add_heading (document, _("Ratings of current contracts"));
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Rating"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Contracts"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Share"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Monitoring meetings"), 3, COMM_REPORT_ALIGN_LEFT);

  for (guint i = 0; i < G_N_ELEMENTS (rag_order); i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[i]);
      g_autofree char *share = g_strdup_printf ("%" G_GINT64_FORMAT "%%", shares[i]);
      const char *often[] = { N_("Every month"), N_("Every two months"), N_("Every quarter"), N_("Every quarter until rated") };

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, comm_rag_to_label (rag_order[i]), _comm_report_rag_style (rag_order[i]));
      comm_report_table_add_cell (table, count, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, share, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, g_dgettext (GETTEXT_PACKAGE, often[i]), COMM_REPORT_CELL_PLAIN);
    }
  comm_report_table_add_row (table, COMM_REPORT_CELL_BOLD,
                             (const char *[]) { _("Total"), total, current->len > 0 ? "100%" : "0%", "" });
}

static void
add_rag_table (CommReportDocument *document,
               GPtrArray          *current)
{
  CommReportTable *table;

  comm_report_document_add_heading (document, _("Every current contract, worst rated first"));
  table = comm_report_document_add_table (document);
  /* Relative widths, from points on a landscape page (762 pt between the margins) */
  comm_report_table_add_column (table, _("Reference"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Contract and provider"), 196, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("RAG"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Rated on"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Latest comment"), 290, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Next monitoring due"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);

  for (guint i = 0; i < current->len; i++)
    {
      CommContract *contract = g_ptr_array_index (current, i);
      CommRag rag = comm_contract_get_rag (contract);
      gboolean overdue = comm_contract_get_monitoring_overdue (contract);
      g_autofree char *name = contract_name (contract);
      g_autofree char *rated = _comm_report_date (comm_contract_get_rag_date (contract), "—");
      g_autofree char *due_date = _comm_report_date (comm_contract_get_next_monitoring_due (contract), "—");
      /* Translators: a monitoring date that has passed, in a report; %s is the date */
      g_autofree char *due = overdue ? g_strdup_printf (_("%s (overdue)"), due_date) : g_strdup (due_date);
      const char *comment = comm_contract_get_rag_comment (contract);

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, comm_contract_get_reference (contract), COMM_REPORT_CELL_BOLD);
      comm_report_table_add_cell (table, name, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, comm_rag_to_label (rag), _comm_report_rag_style (rag));
      comm_report_table_add_cell (table, rated, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, *comment != '\0' ? comment : _("No comment"),
                                  *comment != '\0' ? COMM_REPORT_CELL_PLAIN : COMM_REPORT_CELL_ITALIC);
      comm_report_table_add_cell (table, due, overdue ? COMM_REPORT_CELL_BOLD | COMM_REPORT_CELL_TINT_RED
                                                      : COMM_REPORT_CELL_PLAIN);
    }
}

static void
add_ending (CommReportDocument      *document,
            GPtrArray               *current,
            const CommReportOptions *options)
{
  g_autoptr(GPtrArray) ending = g_ptr_array_new ();
  GDate horizon = options->today, end;
  CommReportTable *table;

  comm_date_add_months (&horizon, 12);
  for (guint i = 0; i < current->len; i++)
    {
      CommContract *contract = g_ptr_array_index (current, i);

      if (comm_date_parse_iso (comm_contract_get_effective_end_date (contract), &end) &&
          g_date_compare (&end, &options->today) >= 0 && g_date_compare (&end, &horizon) <= 0)
        g_ptr_array_add (ending, contract);
    }
  g_ptr_array_sort (ending, compare_by_end);

  comm_report_document_add_heading (document, _("Ending in the next 12 months"));
  if (ending->len == 0)
    {
      comm_report_document_add_paragraph (document, _("No current contract ends in the next 12 months."));
      return;
    }

  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Reference"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Contract and provider"), 4, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Ends"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Notice date"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Status"), 1.5, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Annual value"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);

  for (guint i = 0; i < ending->len; i++)
    {
      CommContract *contract = g_ptr_array_index (ending, i);
      g_autofree char *notice_iso = NULL;
      g_autofree char *name = contract_name (contract);
      g_autofree char *ends = _comm_report_date (comm_contract_get_effective_end_date (contract), "—");
      g_autofree char *notice = NULL;
      g_autofree char *value = comm_money_format (comm_contract_get_annual_value (contract));

      g_object_get (contract, "notice-date", &notice_iso, NULL);
      notice = _comm_report_date (notice_iso, "—");
      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, comm_contract_get_reference (contract), COMM_REPORT_CELL_BOLD);
      comm_report_table_add_cell (table, name, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, ends, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, notice, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, comm_contract_status_to_label (comm_contract_get_status (contract)),
                                  COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, value, COMM_REPORT_CELL_PLAIN);
    }
}

static void
add_overdue (CommReportDocument      *document,
             GPtrArray               *current,
             const CommReportOptions *options)
{
  CommReportTable *table = NULL;

  comm_report_document_add_heading (document, _("Monitoring overdue"));
  for (guint i = 0; i < current->len; i++)
    {
      CommContract *contract = g_ptr_array_index (current, i);
      CommRag rag = comm_contract_get_rag (contract);
      g_autofree char *last = NULL, *due = NULL, *late = NULL, *name = NULL;
      GDate due_date;

      if (!comm_contract_get_monitoring_overdue (contract))
        continue;
      if (table == NULL)
        {
          table = comm_report_document_add_table (document);
          comm_report_table_add_column (table, _("Reference"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
          comm_report_table_add_column (table, _("Contract and provider"), 4, COMM_REPORT_ALIGN_LEFT);
          comm_report_table_add_column (table, _("RAG"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
          comm_report_table_add_column (table, _("Last meeting"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
          comm_report_table_add_column (table, _("Was due"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
          comm_report_table_add_column (table, _("Days late"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
        }
      name = contract_name (contract);
      last = _comm_report_date (comm_contract_get_last_meeting_date (contract), _("None yet"));
      due = _comm_report_date (comm_contract_get_next_monitoring_due (contract), "—");
      late = comm_date_parse_iso (comm_contract_get_next_monitoring_due (contract), &due_date)
             ? g_strdup_printf ("%d", comm_date_days_between (&due_date, &options->today)) : g_strdup ("");
      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, comm_contract_get_reference (contract), COMM_REPORT_CELL_BOLD);
      comm_report_table_add_cell (table, name, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, comm_rag_to_label (rag), _comm_report_rag_style (rag));
      comm_report_table_add_cell (table, last, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, due, COMM_REPORT_CELL_BOLD);
      comm_report_table_add_cell (table, late, COMM_REPORT_CELL_BOLD);
    }
  if (table == NULL)
    comm_report_document_add_paragraph (document, _("No current contract is overdue for monitoring."));
}

CommReportDocument *
_comm_report_performance_build (CommDatabase             *db,
                                const CommReportOptions  *options,
                                GCancellable             *cancellable,
                                GError                  **error)
{
  g_autoptr(GListStore) list = comm_contract_store_list (db, &options->today, error);
  g_autoptr(GPtrArray) current = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = NULL, *subtitle = NULL, *intro = NULL;
  CommReportDocument *document;
  guint n;

  if (list == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      CommContract *contract = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (is_current (contract))
        g_ptr_array_add (current, contract);
      else
        g_object_unref (contract);
    }
  g_ptr_array_sort (current, compare_by_rag);

  document = _comm_report_new_document (db, _("Contract performance"), COMM_REPORT_LANDSCAPE, options);
  today = comm_date_format_display (&options->today);
  /* Translators: subtitle of the performance report; %s is a date */
  subtitle = g_strdup_printf (_("Report to committee: the position on %s"), today);
  comm_report_document_set_subtitle (document, subtitle);
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "This report covers %u current contract (active, in notice or extended). "
                                        "Planned, expired and terminated contracts are left out.",
                                        "This report covers %u current contracts (active, in notice or extended). "
                                        "Planned, expired and terminated contracts are left out.", current->len),
                           current->len);
  comm_report_document_add_paragraph (document, intro);

  add_rag_counts (document, current);
  add_rag_table (document, current);
  add_ending (document, current, options);
  add_overdue (document, current, options);
  return document;
}
