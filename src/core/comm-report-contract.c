/* comm-report-contract.c: "contract" - one contract's fact sheet
 *
 * Details, the provider, funding lines by financial year (with a total for each year and in all),
 * the RAG history and the monitoring meetings. Needs a contract reference.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-money.h"
#include "comm-provider-store.h"
#include "comm-reports-private.h"
#include "comm-types.h"

static void
add_date_value (CommReportDocument *document,
                const char         *key,
                const char         *iso)
{
  g_autofree char *shown = _comm_report_date (iso, "—");

  comm_report_document_add_key_value (document, key, shown);
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static void
add_details (CommReportDocument *document,
             CommContract       *contract)
{
  g_autofree char *description = NULL, *lead = NULL, *geography = NULL, *route = NULL;
  g_autofree char *extension = NULL, *review = NULL, *extended = NULL, *notice_date = NULL;
  g_autofree char *notice = NULL, *total = NULL, *annual = NULL, *terminated = NULL;
  int notice_months = 0;

  g_object_get (contract, "description", &description, "lead-commissioner", &lead,
                "geography", &geography, "procurement-route", &route, "extension-options", &extension,
                "review-date", &review, "extended-to", &extended, "notice-date", &notice_date,
                "notice-months", &notice_months, "terminated-on", &terminated, NULL);
  /* Translators: a notice period in a report */
  notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", notice_months), notice_months);
  total = comm_money_format (comm_contract_get_value (contract));
  annual = comm_money_format (comm_contract_get_annual_value (contract));

  comm_report_document_add_heading (document, _("Details"));
  comm_report_document_add_key_value (document, _("Reference"), comm_contract_get_reference (contract));
  comm_report_document_add_key_value (document, _("Title"), comm_contract_get_title (contract));
  comm_report_document_add_key_value (document, _("Service area"),
                                      or_dash (comm_choice_label (comm_service_areas (),
                                                                  comm_contract_get_service_area (contract))));
  comm_report_document_add_key_value (document, _("Description"), or_dash (description));
  comm_report_document_add_key_value (document, _("Lead commissioner"), or_dash (lead));
  comm_report_document_add_key_value (document, _("Geography"), or_dash (comm_choice_label (comm_geographies (), geography)));
  comm_report_document_add_key_value (document, _("Procurement route"),
                                      or_dash (comm_choice_label (comm_procurement_routes (), route)));
  comm_report_document_add_key_value (document, _("Status"),
                                      comm_contract_status_to_label (comm_contract_get_status (contract)));
  add_date_value (document, _("Start"), comm_contract_get_start_date (contract));
  add_date_value (document, _("End"), comm_contract_get_end_date (contract));
  if (*extended != '\0')
    add_date_value (document, _("Extended to"), extended);
  if (*terminated != '\0')
    add_date_value (document, _("Terminated on"), terminated);
  comm_report_document_add_key_value (document, _("Extension options"), or_dash (extension));
  comm_report_document_add_key_value (document, _("Notice period"), notice);
  add_date_value (document, _("Last day to give notice"), notice_date);
  add_date_value (document, _("Review date"), review);
  comm_report_document_add_key_value (document, _("Annual value"), annual);
  comm_report_document_add_key_value (document, _("Total value"), total);
}

static gboolean
add_provider (CommReportDocument  *document,
              CommDatabase        *db,
              CommContract        *contract,
              GError             **error)
{
  g_autoptr(CommProvider) provider = NULL;
  g_autofree char *address = NULL, *contact = NULL, *email = NULL, *phone = NULL, *flags = NULL;
  g_autoptr(GString) reach = g_string_new (NULL);
  const char *grade;

  comm_report_document_add_heading (document, _("Provider"));
  if (comm_contract_get_provider_id (contract) == 0)
    {
      comm_report_document_add_paragraph (document, _("No provider is recorded for this contract."));
      return TRUE;
    }
  provider = comm_provider_store_get (db, comm_contract_get_provider_id (contract), error);
  if (provider == NULL)
    return FALSE;

  g_object_get (provider, "address", &address, "contact-name", &contact, "contact-email", &email,
                "contact-phone", &phone, NULL);
  flags = g_strjoin (", ", comm_provider_get_sme (provider) ? _("SME") : _("Not an SME"),
                     comm_provider_get_vcse (provider) ? _("VCSE") : _("Not VCSE"), NULL);
  grade = comm_provider_get_latest_grade (provider);
  for (const char *const *part = (const char *const[]) { contact, email, phone, NULL }; *part != NULL; part++)
    if (**part != '\0')
      g_string_append_printf (reach, "%s%s", reach->len > 0 ? ", " : "", *part);

  comm_report_document_add_key_value (document, _("Name"), comm_provider_get_name (provider));
  comm_report_document_add_key_value (document, _("Legal form"),
                                      or_dash (comm_choice_label (comm_legal_forms (), comm_provider_get_legal_form (provider))));
  comm_report_document_add_key_value (document, _("Registered number"), or_dash (comm_provider_get_registered_number (provider)));
  comm_report_document_add_key_value (document, _("Size and sector"), flags);
  comm_report_document_add_key_value (document, _("Address"), or_dash (address));
  comm_report_document_add_key_value (document, _("Contact"),
                                      or_dash (reach->str));
  comm_report_document_add_key_value (document, _("Latest inspection"), *grade != '\0' ? grade : _("None recorded"));
  return TRUE;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const CommFundingLine *la = *(const CommFundingLine *const *) a;
  const CommFundingLine *lb = *(const CommFundingLine *const *) b;

  if (la->year != lb->year)
    return la->year < lb->year ? -1 : 1;
  return g_strcmp0 (la->stream, lb->stream);
}

static void
add_year_total (CommReportTable *table,
                int              year,
                gint64           total)
{
  g_autofree char *label = comm_financial_year_label (year);
  /* Translators: a subtotal row in a report; %s is a financial year, "2026-27" */
  g_autofree char *text = g_strdup_printf (_("Total %s"), label);
  g_autofree char *amount = comm_money_format (total);

  comm_report_table_add_row (table, COMM_REPORT_CELL_BOLD, (const char *[]) { text, "", amount });
}

static void
add_funding (CommReportDocument *document,
             CommContract       *contract)
{
  GPtrArray *all = comm_contract_get_funding_lines (contract);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();  /* borrowed, to sort */
  CommReportTable *table;
  gint64 year_total = 0, total = 0;
  g_autofree char *total_text = NULL;

  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (lines, g_ptr_array_index (all, i));

  comm_report_document_add_heading (document, _("Funding lines"));
  if (lines->len == 0)
    {
      comm_report_document_add_paragraph (document, _("No funding lines are recorded."));
      return;
    }
  g_ptr_array_sort (lines, compare_lines);
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Financial year"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Funding stream"), 2.5, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Amount"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);

  for (guint i = 0; i < lines->len; i++)
    {
      CommFundingLine *line = g_ptr_array_index (lines, i);
      g_autofree char *year = comm_financial_year_label (line->year);
      g_autofree char *amount = comm_money_format (line->amount);

      comm_report_table_add_row (table, COMM_REPORT_CELL_PLAIN, (const char *[]) { year, line->stream, amount });
      year_total += line->amount;
      total += line->amount;
      if (i + 1 == lines->len || ((CommFundingLine *) g_ptr_array_index (lines, i + 1))->year != line->year)
        {
          add_year_total (table, line->year, year_total);
          year_total = 0;
        }
    }
  total_text = comm_money_format (total);
  comm_report_table_add_row (table, COMM_REPORT_CELL_BOLD | COMM_REPORT_CELL_TINT_GREEN,
                             (const char *[]) { _("Total, all years"), "", total_text });
}

static void
add_rag_history (CommReportDocument *document,
                 CommContract       *contract)
{
  GPtrArray *history = comm_contract_get_rag_history (contract);
  CommReportTable *table;

  comm_report_document_add_heading (document, _("RAG history"));
  if (history->len == 0)
    {
      comm_report_document_add_paragraph (document, _("The contract has not been rated yet."));
      return;
    }
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Rated on"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("RAG"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("KPI rating"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Comment"), 5, COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < history->len; i++)
    {
      CommRagEntry *entry = g_ptr_array_index (history, i);
      g_autofree char *date = _comm_report_date (entry->rated_on, "—");

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, date, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, comm_rag_to_label (entry->rag), _comm_report_rag_style (entry->rag));
      comm_report_table_add_cell (table, or_dash (comm_kpi_rating_to_label (entry->kpi)), COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, or_dash (entry->comment), COMM_REPORT_CELL_PLAIN);
    }
}

static void
add_meetings (CommReportDocument *document,
              CommContract       *contract)
{
  GPtrArray *meetings = comm_contract_get_meetings (contract);
  g_autofree char *due = _comm_report_date (comm_contract_get_next_monitoring_due (contract), "—");
  g_autofree char *next = NULL;
  CommReportTable *table;

  comm_report_document_add_heading (document, _("Monitoring meetings"));
  if (comm_contract_get_monitoring_overdue (contract))
    /* Translators: %s is a date */
    next = g_strdup_printf (_("The next monitoring meeting was due on %s and is overdue."), due);
  else
    /* Translators: %s is a date */
    next = g_strdup_printf (_("The next monitoring meeting is due on %s."), due);
  comm_report_document_add_paragraph (document, next);
  if (meetings->len == 0)
    {
      comm_report_document_add_paragraph (document, _("No monitoring meetings are recorded."));
      return;
    }
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Held on"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Notes"), 7.4, COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < meetings->len; i++)
    {
      CommMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *date = _comm_report_date (meeting->held_on, "—");

      comm_report_table_add_row (table, COMM_REPORT_CELL_PLAIN, (const char *[]) { date, or_dash (meeting->note) });
    }
}

CommReportDocument *
_comm_report_contract_build (CommDatabase             *db,
                             const CommReportOptions  *options,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  g_autoptr(CommContract) contract = _comm_report_find_contract (db, options->id, &options->today, error);
  g_autoptr(CommReportDocument) document = NULL;
  g_autofree char *title = NULL;

  if (contract == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Translators: title of a contract's fact sheet: reference — title */
  title = g_strdup_printf (_("%s — %s"), comm_contract_get_reference (contract), comm_contract_get_title (contract));
  document = _comm_report_new_document (db, title, COMM_REPORT_PORTRAIT, options);
  comm_report_document_set_subtitle (document, _("Contract fact sheet"));

  add_details (document, contract);
  if (!add_provider (document, db, contract, error))
    return NULL;
  add_funding (document, contract);
  add_rag_history (document, contract);
  add_meetings (document, contract);
  return g_steal_pointer (&document);
}
