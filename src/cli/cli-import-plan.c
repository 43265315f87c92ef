/* cli-import-plan.c: "import plan FILE IN.csv --programme NAME --year 2015-16" - a published plan
 * (one line name and one amount in pounds a row, an optional "Total" row) as a new base budget,
 * kept exactly as published, as the Budgets tab's Import Published Plan does */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "cli-common.h"

static int
run_import (const char *workspace,
            const char *in_path,
            const char *programme,
            const char *year_text)
{
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (in_path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(CommBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *title = NULL;
  gint64 id = 0;
  int year = 0;

  if (!comm_budget_parse_year (year_text, &year, &note, &error))
    return cli_fail ("--year", error->message);
  if (note != NULL)
    g_printerr ("commissioner-cli: %s\n", note);
  if ((stream = g_file_read (file, NULL, &error)) == NULL)
    return cli_fail (in_path, error->message);
  if ((db = cli_open_existing (workspace)) == NULL)
    return CLI_EXIT_ERROR;
  if (!comm_budget_store_import_plan (db, programme, year, G_INPUT_STREAM (stream), &id, NULL, &error))
    return cli_fail (in_path, error->message);
  if ((budget = comm_budget_store_load (db, id, &error)) == NULL)
    return cli_fail (workspace, error->message);

  title = comm_budget_dup_title (budget);
  printf (g_dngettext (GETTEXT_PACKAGE, "Imported “%s” as published: %u line.\n",
                       "Imported “%s” as published: %u lines.\n", budget->lines->len),
          title, budget->lines->len);
  return CLI_EXIT_OK;
}

int
cli_import_plan (int    argc,
                 char **argv)
{
  g_autofree char *programme = NULL;
  g_autofree char *year = NULL;
  const GOptionEntry entries[] = {
    { "programme", 0, 0, G_OPTION_ARG_STRING, &programme, N_("The budget programme (created if missing)"), N_("NAME") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year, N_("The financial year of the plan, e.g. 2015-16"), N_("YEAR") },
    { NULL }
  };

  if (!cli_parse ("import", _("plan FILE IN.csv --programme NAME --year YEAR"),
                  _("Import a published plan as a new base budget of a programme for a year that has "
                    "none: each row a line name and an amount in pounds, a “Total” row the plan’s "
                    "stated total. The figures are kept exactly as published; a difference from the "
                    "total shows as a warning, never corrected."),
                  entries, &argc, &argv, 3))
    return CLI_EXIT_ERROR;
  if (programme == NULL || *programme == '\0')
    return cli_fail ("import", _("say which programme the plan is for with --programme NAME"));
  if (year == NULL || *year == '\0')
    return cli_fail ("import", _("say which financial year the plan is for with --year, e.g. --year 2015-16"));
  return run_import (argv[2], argv[3], programme, year);
}
