/* comm-report-deep-dive-schedule.c: "deep-dive-schedule" - the Deep Dives of a financial year
 *
 * For the year asked for (--year, default the current one), as of today: how many contracts are
 * Overdue, Pending, Scheduled, In progress, Complete or have no Deep Dive at all; the contracts
 * with no Deep Dive, listed on their own so they stand out; then every Deep Dive by scheduled
 * date with its contract, provider, service area, lead reviewer, status, progress and grade.
 * The rows come from comm_deep_dive_schedule_list(), as in the Deep Dives tab.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-deep-dive-schedule.h"
#include "comm-reports-private.h"
#include "comm-types.h"

/* The order of the counts table: what needs attention first. */
static const CommDeepDiveStatus status_order[] = {
  COMM_DEEP_DIVE_STATUS_OVERDUE, COMM_DEEP_DIVE_STATUS_NONE, COMM_DEEP_DIVE_STATUS_PENDING,
  COMM_DEEP_DIVE_STATUS_SCHEDULED, COMM_DEEP_DIVE_STATUS_IN_PROGRESS, COMM_DEEP_DIVE_STATUS_COMPLETE,
};

static CommReportCellStyle
status_style (CommDeepDiveStatus status)
{
  switch (status)
    {
    case COMM_DEEP_DIVE_STATUS_OVERDUE:
      return COMM_REPORT_CELL_BOLD | COMM_REPORT_CELL_TINT_RED;
    case COMM_DEEP_DIVE_STATUS_NONE:
      return COMM_REPORT_CELL_BOLD | COMM_REPORT_CELL_TINT_AMBER;
    case COMM_DEEP_DIVE_STATUS_COMPLETE:
      return COMM_REPORT_CELL_TINT_GREEN;
    case COMM_DEEP_DIVE_STATUS_PENDING:
    case COMM_DEEP_DIVE_STATUS_SCHEDULED:
    case COMM_DEEP_DIVE_STATUS_IN_PROGRESS:
    default:
      return COMM_REPORT_CELL_PLAIN;
    }
}

static const char *
status_meaning (CommDeepDiveStatus status)
{
  switch (status)
    {
    case COMM_DEEP_DIVE_STATUS_OVERDUE:
      return _("Its date has passed and it is not started, or it started over four weeks after its date "
               "and is not signed off");
    case COMM_DEEP_DIVE_STATUS_NONE:
      return _("The contract runs in the year but has no Deep Dive");
    case COMM_DEEP_DIVE_STATUS_PENDING:
      return _("Planned, with no date yet");
    case COMM_DEEP_DIVE_STATUS_SCHEDULED:
      return _("A date is set, today or later");
    case COMM_DEEP_DIVE_STATUS_IN_PROGRESS:
      return _("Started, not yet signed off");
    case COMM_DEEP_DIVE_STATUS_COMPLETE:
      return _("Signed off");
    case COMM_DEEP_DIVE_N_STATUSES:
    default:
      return "";
    }
}

static const char *
service_area_label (const char *code)
{
  return *code == '\0' ? "—" : comm_choice_label (comm_service_areas (), code);
}

static void
add_counts (CommReportDocument *document,
            GListModel         *rows)
{
  guint counts[COMM_DEEP_DIVE_N_STATUSES] = { 0 };
  g_autofree char *total = g_strdup_printf ("%u", g_list_model_get_n_items (rows));
  CommReportTable *table;

  comm_deep_dive_schedule_count (rows, counts);
  comm_report_document_add_heading (document, _("Contracts by status"));
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Status"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Contracts"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Meaning"), 4, COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    {
      CommDeepDiveStatus status = status_order[i];
      g_autofree char *count = g_strdup_printf ("%u", counts[status]);

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, comm_deep_dive_status_to_label (status),
                                  counts[status] > 0 ? status_style (status) : COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, count, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, status_meaning (status), COMM_REPORT_CELL_PLAIN);
    }
  comm_report_table_add_row (table, COMM_REPORT_CELL_BOLD, (const char *[]) { _("Total"), total, "" });
}

static void
add_missing (CommReportDocument *document,
             GPtrArray          *missing,
             const char         *year)
{
  CommReportTable *table;
  /* Translators: a heading; %s is a financial year, "2026-27", then the number of contracts */
  g_autofree char *heading = g_strdup_printf (_("Contracts with no Deep Dive in %s (%u)"), year, missing->len);

  comm_report_document_add_heading (document, heading);
  if (missing->len == 0)
    {
      /* Translators: %s is a financial year */
      g_autofree char *all = g_strdup_printf (_("Every contract that runs in %s has a Deep Dive."), year);

      comm_report_document_add_paragraph (document, all);
      return;
    }
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Reference"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Contract"), 3, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Provider"), 2.4, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Service area"), 1.6, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Lead commissioner"), 1.6, COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < missing->len; i++)
    {
      CommDeepDiveRow *row = g_ptr_array_index (missing, i);
      const char *provider = comm_deep_dive_row_get_provider_name (row);
      const char *lead = comm_deep_dive_row_get_lead_commissioner (row);

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, comm_deep_dive_row_get_contract_reference (row), COMM_REPORT_CELL_BOLD);
      comm_report_table_add_cell (table, comm_deep_dive_row_get_contract_title (row), COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, *provider != '\0' ? provider : "—", COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, service_area_label (comm_deep_dive_row_get_service_area (row)),
                                  COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, *lead != '\0' ? lead : "—", COMM_REPORT_CELL_PLAIN);
    }
}

/* "7 of 9", or "—" before the Deep Dive starts. */
static char *
progress_text (CommDeepDiveRow *row)
{
  if (*comm_deep_dive_row_get_started_on (row) == '\0')
    return g_strdup ("—");
  /* Translators: areas judged out of the checklist's areas, "7 of 9" */
  return g_strdup_printf (_("%u of %u"), comm_deep_dive_row_get_areas_judged (row),
                          comm_deep_dive_row_get_areas_total (row));
}

static void
add_schedule_row (CommReportTable *table,
                  CommDeepDiveRow *row)
{
  CommDeepDiveStatus status = comm_deep_dive_row_get_status (row);
  CommGrade grade = comm_deep_dive_row_get_grade (row);
  const char *provider = comm_deep_dive_row_get_provider_name (row);
  const char *reviewer = comm_deep_dive_row_get_lead_reviewer (row);
  g_autofree char *date = _comm_report_date (comm_deep_dive_row_get_scheduled_on (row), _("No date"));
  g_autofree char *progress = progress_text (row);
  g_autofree char *contract = NULL;

  if (comm_deep_dive_row_get_active_in_year (row))
    contract = g_strdup (comm_deep_dive_row_get_contract_title (row));
  else
    /* Translators: a contract title, then a note that it no longer runs in the year */
    contract = g_strdup_printf (_("%s\n(not running in the year)"), comm_deep_dive_row_get_contract_title (row));

  comm_report_table_begin_row (table);
  comm_report_table_add_cell (table, comm_deep_dive_row_get_contract_reference (row), COMM_REPORT_CELL_BOLD);
  comm_report_table_add_cell (table, contract, COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, *provider != '\0' ? provider : "—", COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, service_area_label (comm_deep_dive_row_get_service_area (row)),
                              COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, date, *comm_deep_dive_row_get_scheduled_on (row) != '\0'
                                           ? COMM_REPORT_CELL_PLAIN : COMM_REPORT_CELL_ITALIC);
  comm_report_table_add_cell (table, *reviewer != '\0' ? reviewer : "—", COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, comm_deep_dive_status_to_label (status), status_style (status));
  comm_report_table_add_cell (table, progress, COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, grade != COMM_GRADE_NONE ? comm_grade_to_label (grade) : "—",
                              COMM_REPORT_CELL_PLAIN);
}

static void
add_schedule (CommReportDocument *document,
              GPtrArray          *dives,
              const char         *year)
{
  CommReportTable *table;
  /* Translators: a heading; %s is a financial year, then the number of Deep Dives */
  g_autofree char *heading = g_strdup_printf (_("Deep Dives in %s, by scheduled date (%u)"), year, dives->len);

  comm_report_document_add_heading (document, heading);
  if (dives->len == 0)
    {
      comm_report_document_add_paragraph (document, _("No Deep Dive is planned for this year yet."));
      return;
    }
  table = comm_report_document_add_table (document);
  /* Relative widths, from points on a landscape page (762 pt between the margins) */
  comm_report_table_add_column (table, _("Reference"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Contract"), 170, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Provider"), 130, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Service area"), 90, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Scheduled"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Lead reviewer"), 90, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Status"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Areas judged"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Grade"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < dives->len; i++)
    add_schedule_row (table, g_ptr_array_index (dives, i));
}

static char *
intro_text (guint       n_rows,
            guint       n_dives,
            const char *year)
{
  /* Translators: the first %u is a number of contracts, %s a financial year "2026-27" */
  g_autofree char *contracts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u contract runs in %s or has a Deep Dive in it.",
                                                             "%u contracts run in %s or have a Deep Dive in it.",
                                                             n_rows), n_rows, year);
  g_autofree char *dives = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of them has a Deep Dive.",
                                                         "%u of them have a Deep Dive.", n_dives), n_dives);

  return g_strdup_printf ("%s %s %s", contracts, dives,
                          _("Statuses are worked out for the date this report was printed."));
}

CommReportDocument *
_comm_report_deep_dive_schedule_build (CommDatabase             *db,
                                       const CommReportOptions  *options,
                                       GCancellable             *cancellable,
                                       GError                  **error)
{
  int year = options->year != 0 ? options->year : comm_financial_year_of (&options->today);
  g_autoptr(GListStore) rows = comm_deep_dive_schedule_list (db, year, &options->today, error);
  g_autoptr(GPtrArray) dives = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = comm_financial_year_label (year);
  g_autofree char *title = NULL, *today = NULL, *subtitle = NULL, *intro = NULL;
  CommReportDocument *document;
  guint n;

  if (rows == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (rows));
  for (guint i = 0; i < n; i++)
    {
      CommDeepDiveRow *row = g_list_model_get_item (G_LIST_MODEL (rows), i);

      g_ptr_array_add (comm_deep_dive_row_get_deep_dive_id (row) != 0 ? dives : missing, row);
    }

  /* Translators: a report's title; %s is a financial year, "2026-27" */
  title = g_strdup_printf (_("Deep Dive schedule %s"), label);
  document = _comm_report_new_document (db, title, COMM_REPORT_LANDSCAPE, options);
  today = comm_date_format_display (&options->today);
  /* Translators: subtitle of the Deep Dive schedule report; %s is a date */
  subtitle = g_strdup_printf (_("The position on %s"), today);
  comm_report_document_set_subtitle (document, subtitle);
  intro = intro_text (n, dives->len, label);
  comm_report_document_add_paragraph (document, intro);

  add_counts (document, G_LIST_MODEL (rows));
  add_missing (document, missing, label);
  add_schedule (document, dives, label);
  return document;
}
