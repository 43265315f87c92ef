/* comm-report-plan.c: "plan" - the commissioning plan of one financial year
 *
 * The year given with --year (else the one today falls in): a summary of the intentions by
 * status, the milestones due in the next 30 days or overdue (overdue first), then every
 * intention with its area, lead, outcomes, status, links, latest progress and milestones, and
 * last the demand figures kept beside the plan as context.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-plan.h"
#include "comm-reports-private.h"
#include "comm-types.h"

#define DUE_WITHIN_DAYS 30

static char *
state_text (CommPlanMilestoneState state,
            int                    days,
            const char            *done_date)
{
  switch (state)
    {
    case COMM_PLAN_MILESTONE_DONE:
      {
        g_autofree char *done = comm_date_iso_to_display (done_date);

        /* Translators: %s is a date */
        return g_strdup_printf (_("Done %s"), done);
      }
    case COMM_PLAN_MILESTONE_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day", "Overdue by %d days", -days), -days);
    case COMM_PLAN_MILESTONE_DUE:
      if (days == 0)
        return g_strdup (_("Due today"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %d day", "Due in %d days", days), days);
    case COMM_PLAN_MILESTONE_UPCOMING:
    default:
      return g_strdup (_("Upcoming"));
    }
}

static CommReportCellStyle
state_style (CommPlanMilestoneState state)
{
  switch (state)
    {
    case COMM_PLAN_MILESTONE_OVERDUE:
      return COMM_REPORT_CELL_TINT_RED | COMM_REPORT_CELL_BOLD;
    case COMM_PLAN_MILESTONE_DUE:
      return COMM_REPORT_CELL_TINT_AMBER;
    case COMM_PLAN_MILESTONE_DONE:
      return COMM_REPORT_CELL_TINT_GREEN;
    case COMM_PLAN_MILESTONE_UPCOMING:
    default:
      return COMM_REPORT_CELL_PLAIN;
    }
}

static void
add_summary (CommReportDocument *document,
             GPtrArray          *intentions,
             const GDate        *today)
{
  guint by_status[COMM_PLAN_N_STATUSES] = { 0 };
  guint by_state[COMM_PLAN_MILESTONE_DONE + 1] = { 0 };
  CommReportTable *table;

  for (guint i = 0; i < intentions->len; i++)
    {
      const CommPlanIntention *intention = g_ptr_array_index (intentions, i);

      by_status[intention->status]++;
      for (guint j = 0; j < intention->milestones->len; j++)
        by_state[comm_plan_milestone_get_state (g_ptr_array_index (intention->milestones, j),
                                                today, DUE_WITHIN_DAYS)]++;
    }

  comm_report_document_add_heading (document, _("Summary"));
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Intentions by status"), 3, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Number"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  for (guint s = 0; s < COMM_PLAN_N_STATUSES; s++)
    {
      g_autofree char *count = g_strdup_printf ("%u", by_status[s]);
      const char *cells[] = { comm_plan_status_to_label (s), count };

      comm_report_table_add_row (table, (s == COMM_PLAN_STATUS_AT_RISK || s == COMM_PLAN_STATUS_DELAYED)
                                        && by_status[s] > 0 ? COMM_REPORT_CELL_BOLD : COMM_REPORT_CELL_PLAIN,
                                 cells);
    }
  {
    g_autofree char *total = g_strdup_printf ("%u", intentions->len);
    const char *cells[] = { _("All intentions"), total };

    comm_report_table_add_row (table, COMM_REPORT_CELL_BOLD, cells);
  }
  {
    g_autofree char *milestones = g_strdup_printf (_("Milestones: %u done, %u overdue, %u due in the next %d days, %u later."),
                                                   by_state[COMM_PLAN_MILESTONE_DONE],
                                                   by_state[COMM_PLAN_MILESTONE_OVERDUE],
                                                   by_state[COMM_PLAN_MILESTONE_DUE], DUE_WITHIN_DAYS,
                                                   by_state[COMM_PLAN_MILESTONE_UPCOMING]);

    comm_report_document_add_paragraph (document, milestones);
  }
}

static void
add_due (CommReportDocument *document,
         GPtrArray          *due)
{
  CommReportTable *table;

  comm_report_document_add_heading (document, _("Milestones due or overdue"));
  if (due->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No milestone is overdue or due in the next %d days."), DUE_WITHIN_DAYS);

      comm_report_document_add_paragraph (document, none);
      return;
    }
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Milestone"), 2, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Intention"), 3, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Target date"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("State"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < due->len; i++)
    {
      const CommPlanMilestoneEntry *entry = g_ptr_array_index (due, i);
      g_autofree char *target = comm_date_iso_to_display (entry->target_date);
      g_autofree char *state = state_text (entry->state, entry->days, entry->done_date);

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, entry->name, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, entry->intention_title, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, target, entry->state == COMM_PLAN_MILESTONE_OVERDUE
                                                 ? COMM_REPORT_CELL_BOLD : COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, state, state_style (entry->state));
    }
}

static char *
links_text (const CommPlanIntention *intention)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < intention->contracts->len; i++)
    {
      const CommPlanContractLink *link = g_ptr_array_index (intention->contracts, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: "Creates: CYP-YC-005 Young adult carers transition support" */
      g_string_append_printf (text, _("%s: %s %s"), comm_plan_contract_role_to_label (link->role),
                              link->reference, link->title);
      if (link->contract_deleted)
        g_string_append_printf (text, " %s", _("(contract deleted)"));
    }
  return g_string_free (text, FALSE);
}

static char *
budget_text (const CommPlanIntention *intention)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < intention->budget_lines->len; i++)
    {
      const CommPlanBudgetLink *link = g_ptr_array_index (intention->budget_lines, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, link->label != NULL && *link->label != '\0' ? link->label : link->line_name);
      if (link->line_name != NULL && g_strcmp0 (link->line_name, link->label) != 0 && *link->label != '\0')
        g_string_append_printf (text, " (%s)", link->line_name);
      if (link->budget_deleted)
        g_string_append_printf (text, " %s", _("(budget deleted)"));
    }
  return g_string_free (text, FALSE);
}

static void
add_milestone_table (CommReportDocument      *document,
                     const CommPlanIntention *intention,
                     const GDate             *today)
{
  CommReportTable *table = comm_report_document_add_table (document);

  comm_report_table_add_column (table, _("Milestone"), 3, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Target date"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("State"), 2, COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < intention->milestones->len; i++)
    {
      const CommPlanMilestone *milestone = g_ptr_array_index (intention->milestones, i);
      CommPlanMilestoneState state = comm_plan_milestone_get_state (milestone, today, DUE_WITHIN_DAYS);
      g_autofree char *target = comm_date_iso_to_display (milestone->target_date);
      g_autofree char *state_label = NULL;
      GDate date;
      int days = 0;

      g_date_clear (&date, 1);
      if (comm_date_parse_iso (milestone->target_date, &date))
        days = comm_date_days_between (today, &date);
      state_label = state_text (state, days, milestone->done_date);
      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, milestone->name, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, target, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, state_label, state_style (state));
    }
}

static void
add_intention (CommReportDocument      *document,
               const CommPlanIntention *intention,
               const GDate             *today)
{
  const CommPlanUpdate *latest = comm_plan_intention_get_latest_update (intention);
  g_autofree char *links = links_text (intention);
  g_autofree char *budget = budget_text (intention);
  const char *none = _("—");

  comm_report_document_add_heading (document, intention->title);
  comm_report_document_add_key_value (document, _("System element or service area"),
                                      *intention->area != '\0'
                                      ? comm_choice_label (comm_service_areas (), intention->area) : none);
  comm_report_document_add_key_value (document, _("Lead commissioner"), *intention->lead != '\0' ? intention->lead : none);
  comm_report_document_add_key_value (document, _("Status"), comm_plan_status_to_label (intention->status));
  comm_report_document_add_key_value (document, _("Key outcomes"), *intention->outcomes != '\0' ? intention->outcomes : none);
  comm_report_document_add_key_value (document, _("Budget lines"), *budget != '\0' ? budget : none);
  comm_report_document_add_key_value (document, _("Contracts"), *links != '\0' ? links : none);
  if (latest != NULL)
    {
      g_autofree char *date = comm_date_iso_to_display (latest->date);
      g_autofree char *progress = *latest->author != '\0'
                                  /* Translators: date, author, then the progress update's text */
                                  ? g_strdup_printf (_("%s, %s: %s"), date, latest->author, latest->text)
                                  : g_strdup_printf ("%s: %s", date, latest->text);

      comm_report_document_add_key_value (document, _("Latest progress"), progress);
    }
  else
    comm_report_document_add_key_value (document, _("Latest progress"), _("No progress recorded yet"));

  if (intention->milestones->len > 0)
    add_milestone_table (document, intention, today);
}

static void
add_demand (CommReportDocument *document,
            GPtrArray          *figures)
{
  g_autoptr(CommDemandTable) demand = comm_demand_table_new (figures);
  guint n_years = comm_demand_table_get_n_years (demand);
  CommReportTable *table;

  comm_report_document_add_heading (document, _("Demand context"));
  if (comm_demand_table_get_n_measures (demand) == 0)
    {
      comm_report_document_add_paragraph (document, _("No demand figures are kept beside the plan."));
      return;
    }
  comm_report_document_add_paragraph (document, _("Figures per financial year; a blank cell means no figure. "
                                                  "The change is from the first to the last year with a figure."));
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Measure"), 3, COMM_REPORT_ALIGN_LEFT);
  for (guint c = 0; c < n_years; c++)
    {
      g_autofree char *label = comm_financial_year_label (comm_demand_table_get_year (demand, c));

      comm_report_table_add_column (table, label, COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
    }
  comm_report_table_add_column (table, _("Change"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);

  for (guint r = 0; r < comm_demand_table_get_n_measures (demand); r++)
    {
      gint64 first = 0, last = 0;
      gboolean have_first = FALSE, have_last = FALSE;
      g_autofree char *change = NULL;

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, comm_demand_table_get_measure (demand, r), COMM_REPORT_CELL_PLAIN);
      for (guint c = 0; c < n_years; c++)
        {
          gint64 value;
          g_autofree char *text = NULL;

          if (comm_demand_table_get_value (demand, r, c, &value))
            {
              text = comm_demand_format_value (value);
              if (!have_first)
                first = value, have_first = TRUE;
              last = value, have_last = have_first;
            }
          comm_report_table_add_cell (table, text, COMM_REPORT_CELL_PLAIN);
        }
      change = have_last ? comm_demand_format_change (first, last) : g_strdup ("—");
      comm_report_table_add_cell (table, change, COMM_REPORT_CELL_PLAIN);
    }
}

CommReportDocument *
_comm_report_plan_build (CommDatabase             *db,
                         const CommReportOptions  *options,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  int year = options->year != 0 ? options->year : comm_financial_year_of (&options->today);
  g_autoptr(GPtrArray) intentions = comm_plan_store_list (db, year, error);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(CommReportDocument) document = NULL;
  g_autofree char *year_label = comm_financial_year_label (year);
  g_autofree char *title = NULL, *today = NULL, *subtitle = NULL;

  if (intentions == NULL ||
      (due = comm_plan_store_list_due (db, &options->today, DUE_WITHIN_DAYS, year, error)) == NULL ||
      (figures = comm_demand_store_list (db, error)) == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Translators: %s is a financial year, "2026-27" */
  title = g_strdup_printf (_("Commissioning plan %s"), year_label);
  document = _comm_report_new_document (db, title, COMM_REPORT_PORTRAIT, options);
  today = comm_date_format_display (&options->today);
  /* Translators: %s is a date */
  subtitle = g_strdup_printf (_("Commissioning intentions, milestones and progress as on %s"), today);
  comm_report_document_set_subtitle (document, subtitle);

  if (intentions->len == 0)
    {
      g_autofree char *empty = g_strdup_printf (_("The plan has no commissioning intentions for %s."), year_label);

      comm_report_document_add_paragraph (document, empty);
    }
  else
    {
      add_summary (document, intentions, &options->today);
      add_due (document, due);
      comm_report_document_add_heading (document, _("Commissioning intentions"));
      for (guint i = 0; i < intentions->len; i++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          add_intention (document, g_ptr_array_index (intentions, i), &options->today);
        }
    }
  add_demand (document, figures);
  return g_steal_pointer (&document);
}
