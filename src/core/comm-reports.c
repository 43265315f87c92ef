/* comm-reports.c: the list of reports, and what their build functions share */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-store.h"
#include "comm-date.h"
#include "comm-error.h"
#include "comm-reports-private.h"

/* One line a report. */
static const CommReportInfo reports[] = {
  { "register", N_("Contract register"),
    N_("A summary by service area and status, with counts and annual values, then every contract."),
    COMM_REPORT_TAKES_YEAR, _comm_report_register_build },
  { "performance", N_("Contract performance"),
    N_("For committee: RAG ratings, every contract’s latest rating and comment, monitoring due "
       "and overdue, and contracts ending in the next 12 months."),
    COMM_REPORT_TAKES_NOTHING, _comm_report_performance_build },
  { "contract", N_("Contract fact sheet"),
    N_("One contract: its details, provider, funding lines by year, RAG history and meetings."),
    COMM_REPORT_NEEDS_ID, _comm_report_contract_build },
  { "deep-dive", N_("Deep Dive"),
    N_("One contract’s Deep Dive of a year: each checklist area with its judgement, notes, evidence and "
       "actions, the overall grade, lessons learnt, variation and sign-off."),
    COMM_REPORT_NEEDS_ID | COMM_REPORT_TAKES_YEAR, _comm_report_deep_dive_build },
  { "deep-dive-schedule", N_("Deep Dive schedule"),
    N_("A year’s Deep Dives: how many are pending, scheduled, in progress, complete or overdue, the "
       "contracts with none, and every Deep Dive by date."),
    COMM_REPORT_TAKES_YEAR, _comm_report_deep_dive_schedule_build },
  { "plan", N_("Commissioning plan"), N_("One financial year’s commissioning intentions: status, milestones due or overdue, latest progress, and demand figures for context."), COMM_REPORT_TAKES_YEAR, _comm_report_plan_build },
  { "budget", N_("Budget"), N_("One programme’s budget for a year: income, commitments, available, fixed and percentage allocations reconciled to the penny, problems, allocations against contracts and a bar chart."), COMM_REPORT_NEEDS_PROGRAMME | COMM_REPORT_TAKES_YEAR, _comm_report_budget_build },
  { "budget-scenarios", N_("Budget scenarios"), N_("A programme’s budget for a year beside its scenarios, with the differences in pounds and percent, and a bar chart of the allocations."), COMM_REPORT_NEEDS_PROGRAMME | COMM_REPORT_TAKES_YEAR, _comm_report_budget_scenarios_build },
  { "risks", N_("Risk register"), N_("One risk register: inherent and residual heat maps side by side, then every risk with its ratings, response, review date and status, including those rolled up into it."), COMM_REPORT_NEEDS_REGISTER, _comm_report_risks_build },
};

void
comm_report_options_init (CommReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->id = NULL;
  options->year = 0;
  options->programme = NULL;
  options->register_name = NULL;
  g_date_clear (&options->today, 1);
  comm_date_today (&options->today);
}

const CommReportInfo *
comm_reports_get_all (guint *n_reports)
{
  if (n_reports != NULL)
    *n_reports = G_N_ELEMENTS (reports);
  return reports;
}

const CommReportInfo *
comm_reports_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (reports); i++)
    if (g_str_equal (reports[i].name, name))
      return &reports[i];
  return NULL;
}

char *
comm_reports_dup_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", reports[i].name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

const char *
comm_report_info_get_title (const CommReportInfo *info)
{
  return g_dgettext (GETTEXT_PACKAGE, info->title);
}

const char *
comm_report_info_get_description (const CommReportInfo *info)
{
  return g_dgettext (GETTEXT_PACKAGE, info->description);
}

CommReportDocument *
comm_report_build (const CommReportInfo     *info,
                   CommDatabase             *db,
                   const CommReportOptions  *options,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL && g_date_valid (&options->today), NULL);

  if ((info->flags & COMM_REPORT_NEEDS_ID) && (options->id == NULL || *options->id == '\0'))
    {
      /* Translators: %s is a report's title */
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The report “%s” is about one contract: say which, by its reference."),
                   comm_report_info_get_title (info));
      return NULL;
    }
  if (!(info->flags & COMM_REPORT_TAKES_YEAR) && options->year != 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The report “%s” does not cover a chosen financial year: leave the year out."),
                   comm_report_info_get_title (info));
      return NULL;
    }
  if (!(info->flags & COMM_REPORT_NEEDS_ID) && options->id != NULL)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The report “%s” covers every contract: leave the contract reference out."),
                   comm_report_info_get_title (info));
      return NULL;
    }
  if ((info->flags & COMM_REPORT_NEEDS_PROGRAMME) && (options->programme == NULL || *options->programme == '\0'))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The report “%s” is about one budget programme: say which, by its name."),
                   comm_report_info_get_title (info));
      return NULL;
    }
  if ((info->flags & COMM_REPORT_NEEDS_REGISTER) && (options->register_name == NULL || *options->register_name == '\0'))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The report “%s” is about one risk register: say which, by its name."),
                   comm_report_info_get_title (info));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return info->build (db, options, cancellable, error);
}

CommReportDocument *
_comm_report_new_document (CommDatabase            *db,
                           const char              *title,
                           CommReportOrientation    orientation,
                           const CommReportOptions *options)
{
  CommReportDocument *document = comm_report_document_new (title, orientation);
  g_autofree char *name = comm_database_dup_display_name (db);

  comm_report_document_set_workspace_name (document, name);
  comm_report_document_set_printed_on (document, &options->today);
  return document;
}

CommContract *
_comm_report_find_contract (CommDatabase  *db,
                            const char    *reference,
                            const GDate   *today,
                            GError       **error)
{
  g_autoptr(GListStore) contracts = comm_contract_store_list (db, today, error);
  g_autofree char *wanted = NULL;
  guint n;

  if (contracts == NULL)
    return NULL;

  wanted = g_utf8_casefold (reference, -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (contracts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (contracts), i);
      g_autofree char *folded = g_utf8_casefold (comm_contract_get_reference (contract), -1);

      if (g_str_equal (folded, wanted))
        return comm_contract_store_get (db, comm_contract_get_id (contract), today, error);
    }

  /* Translators: %s is a contract reference the user typed */
  g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
               _("There is no contract with the reference “%s” in this workspace."), reference);
  return NULL;
}

char *
_comm_report_date (const char *iso,
                   const char *none)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup (none);
  return comm_date_iso_to_display (iso);
}

CommReportCellStyle
_comm_report_rag_style (CommRag rag)
{
  switch (rag)
    {
    case COMM_RAG_RED:
      return COMM_REPORT_CELL_TINT_RED | COMM_REPORT_CELL_BOLD;
    case COMM_RAG_AMBER:
      return COMM_REPORT_CELL_TINT_AMBER;
    case COMM_RAG_GREEN:
      return COMM_REPORT_CELL_TINT_GREEN;
    case COMM_RAG_NONE:
    default:
      return COMM_REPORT_CELL_ITALIC;
    }
}
