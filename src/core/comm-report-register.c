/* comm-report-register.c: "register" - the contract register, summary first
 *
 * A summary by service area and by status (counts and annual value, with totals), then every
 * contract on landscape pages. With a financial year, only contracts running in that year are
 * listed and the value shown is their funding for that year.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-store.h"
#include "comm-date.h"
#include "comm-money.h"
#include "comm-reports-private.h"
#include "comm-types.h"

typedef struct
{
  char   *label;
  guint   count;
  gint64  value;
} Group;

typedef struct
{
  GPtrArray            *contracts;  /* CommContract*, those listed */
  GArray               *values;     /* gint64: each one's value for the year */
  CommMoneyFormatFlags  money;
} Register;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->label);
  g_free (group);
}

static void
add_to_group (GHashTable *groups,
              const char *label,
              gint64      value)
{
  Group *group = g_hash_table_lookup (groups, label);

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->label = g_strdup (label);
      g_hash_table_insert (groups, group->label, group);
    }
  group->count++;
  group->value += value;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = *(const Group *const *) a;
  const Group *gb = *(const Group *const *) b;

  return g_utf8_collate (ga->label, gb->label);
}

static char *
money (const Register *reg,
       gint64          pence)
{
  return comm_money_format_full (pence, reg->money);
}

static const char *
area_label (CommContract *contract)
{
  const char *area = comm_contract_get_service_area (contract);

  return *area != '\0' ? comm_choice_label (comm_service_areas (), area) : _("Not set");
}

/* The funding of @contract in financial year @year (details loaded). */
static gint64
value_in_year (CommContract *contract,
               int           year)
{
  GPtrArray *lines = comm_contract_get_funding_lines (contract);
  gint64 total = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      CommFundingLine *line = g_ptr_array_index (lines, i);

      if (line->year == year)
        total += line->amount;
    }
  return total;
}

static gboolean
runs_in_year (CommContract *contract,
              int           year)
{
  GDate first, last, start, end;

  comm_financial_year_bounds (year, &first, &last);
  if (!comm_date_parse_iso (comm_contract_get_start_date (contract), &start) ||
      !comm_date_parse_iso (comm_contract_get_effective_end_date (contract), &end))
    return FALSE;
  return g_date_compare (&start, &last) <= 0 && g_date_compare (&end, &first) >= 0;
}

static gboolean
collect (CommDatabase             *db,
         const CommReportOptions  *options,
         Register                 *reg,
         GCancellable             *cancellable,
         GError                  **error)
{
  g_autoptr(GListStore) list = comm_contract_store_list (db, &options->today, error);
  gboolean whole = TRUE;
  guint n;

  if (list == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      CommContract *contract = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 value = comm_contract_get_annual_value (contract);

      if (i % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_object_unref (contract);
          return FALSE;
        }
      if (options->year != 0)
        {
          if (!runs_in_year (contract, options->year))
            {
              g_object_unref (contract);
              continue;
            }
          if (!comm_contract_store_load_details (db, contract, error))
            {
              g_object_unref (contract);
              return FALSE;
            }
          value = value_in_year (contract, options->year);
        }
      whole = whole && value % 100 == 0;
      g_ptr_array_add (reg->contracts, contract);
      g_array_append_val (reg->values, value);
    }

  reg->money = whole ? COMM_MONEY_FORMAT_WHOLE_POUNDS : COMM_MONEY_FORMAT_DEFAULT;
  return TRUE;
}

static void
add_summary_table (CommReportDocument *document,
                   const Register     *reg,
                   GHashTable         *groups,
                   const char         *first_header)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value_ptr;
  CommReportTable *table = comm_report_document_add_table (document);
  guint count = 0;
  gint64 total = 0;
  g_autofree char *total_text = NULL;
  g_autofree char *count_text = NULL;

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value_ptr))
    g_ptr_array_add (sorted, value_ptr);
  g_ptr_array_sort (sorted, compare_groups);
  comm_report_table_add_column (table, first_header, 3, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Contracts"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Annual value"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);

  for (guint i = 0; i < sorted->len; i++)
    {
      Group *group = g_ptr_array_index (sorted, i);
      g_autofree char *n = g_strdup_printf ("%u", group->count);
      g_autofree char *value = money (reg, group->value);
      const char *cells[] = { group->label, n, value };

      comm_report_table_add_row (table, COMM_REPORT_CELL_PLAIN, cells);
      count += group->count;
      total += group->value;
    }

  count_text = g_strdup_printf ("%u", count);
  total_text = money (reg, total);
  comm_report_table_add_row (table, COMM_REPORT_CELL_BOLD,
                             (const char *[]) { _("Total"), count_text, total_text });
}

static void
add_summary (CommReportDocument *document,
             const Register     *reg)
{
  g_autoptr(GHashTable) by_area = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, group_free);
  g_autoptr(GHashTable) by_status = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, group_free);

  for (guint i = 0; i < reg->contracts->len; i++)
    {
      CommContract *contract = g_ptr_array_index (reg->contracts, i);
      gint64 value = g_array_index (reg->values, gint64, i);

      add_to_group (by_area, area_label (contract), value);
      add_to_group (by_status, comm_contract_status_to_label (comm_contract_get_status (contract)), value);
    }

  comm_report_document_add_heading (document, _("By service area"));
  add_summary_table (document, reg, by_area, _("Service area"));
  comm_report_document_add_heading (document, _("By status"));
  add_summary_table (document, reg, by_status, _("Status"));
}

static void
add_contract_row (CommReportTable *table,
                  const Register  *reg,
                  guint            index)
{
  CommContract *contract = g_ptr_array_index (reg->contracts, index);
  CommRag rag = comm_contract_get_rag (contract);
  g_autofree char *start = _comm_report_date (comm_contract_get_start_date (contract), "—");
  g_autofree char *end = _comm_report_date (comm_contract_get_effective_end_date (contract), "—");
  g_autofree char *value = money (reg, g_array_index (reg->values, gint64, index));
  const char *provider = comm_contract_get_provider_name (contract);

  comm_report_table_begin_row (table);
  comm_report_table_add_cell (table, comm_contract_get_reference (contract), COMM_REPORT_CELL_BOLD);
  comm_report_table_add_cell (table, comm_contract_get_title (contract), COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, *provider != '\0' ? provider : _("No provider"),
                              *provider != '\0' ? COMM_REPORT_CELL_PLAIN : COMM_REPORT_CELL_ITALIC);
  comm_report_table_add_cell (table, area_label (contract), COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, start, COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, end, COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, comm_contract_status_to_label (comm_contract_get_status (contract)),
                              COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, comm_rag_to_label (rag), _comm_report_rag_style (rag));
  comm_report_table_add_cell (table, value, COMM_REPORT_CELL_PLAIN);
}

static void
add_full_table (CommReportDocument *document,
                const Register     *reg,
                const char         *value_header)
{
  g_autofree char *heading = NULL;
  CommReportTable *table;

  /* Translators: heading of the full table in the register report; %u is how many */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All contracts (%u)", "All contracts (%u)",
                                          reg->contracts->len), reg->contracts->len);
  comm_report_document_add_heading (document, heading);

  table = comm_report_document_add_table (document);
  /* Relative widths, from points on a landscape page (762 pt between the margins) */
  comm_report_table_add_column (table, _("Reference"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Title"), 160, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Provider"), 132, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Service area"), 86, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Start"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("End"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Status"), 74, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("RAG"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, value_header, COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);

  for (guint i = 0; i < reg->contracts->len; i++)
    add_contract_row (table, reg, i);
}

CommReportDocument *
_comm_report_register_build (CommDatabase             *db,
                             const CommReportOptions  *options,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  Register reg = { g_ptr_array_new_with_free_func (g_object_unref),
                   g_array_new (FALSE, FALSE, sizeof (gint64)), COMM_MONEY_FORMAT_DEFAULT };
  int year = options->year != 0 ? options->year : comm_financial_year_of (&options->today);
  g_autofree char *year_label = comm_financial_year_label (year);
  g_autofree char *subtitle = NULL;
  g_autofree char *value_header = NULL;
  CommReportDocument *document = NULL;

  if (collect (db, options, &reg, cancellable, error))
    {
      document = _comm_report_new_document (db, _("Contract register"), COMM_REPORT_LANDSCAPE, options);
      if (options->year != 0)
        /* Translators: %s is a financial year, "2026-27" */
        subtitle = g_strdup_printf (_("Contracts running in %s, with their funding for that year"), year_label);
      else
        /* Translators: %s is a financial year, "2026-27" */
        subtitle = g_strdup_printf (_("Every contract, with annual values for %s"), year_label);
      comm_report_document_set_subtitle (document, subtitle);
      if (options->year != 0)
        /* Translators: a column header; %s is a financial year, "2026-27" */
        value_header = g_strdup_printf (_("Value %s"), year_label);
      else
        value_header = g_strdup (_("Annual value"));

      add_summary (document, &reg);
      comm_report_document_add_page_break (document);
      add_full_table (document, &reg, value_header);
    }

  g_ptr_array_unref (reg.contracts);
  g_array_unref (reg.values);
  return document;
}
