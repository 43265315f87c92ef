/* cli-budget.c: "export budget FILE --programme NAME [--year 2026-27] [--scenario NAME | --scenarios
 * | --years] --csv OUT" - a budget (or its scenarios side by side, or the programme's years side by
 * side) as CSV, the same figures as the Budgets tab */
#include "config.h"

#include <stdio.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "cli-common.h"

typedef struct {
  char     *csv;
  char     *year;
  char     *programme;
  char     *scenario;
  gboolean  scenarios;
  gboolean  years;
  gboolean  bom;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->csv);
  g_free (options->year);
  g_free (options->programme);
  g_free (options->scenario);
}

static gboolean
write_stdout (CommDatabase       *db,
              gint64              id,
              gboolean            scenarios,
              CommCsvWriteFlags   flags,
              GError            **error)
{
  g_autoptr(GOutputStream) out = NULL;

  fflush (stdout);
  out = g_unix_output_stream_new (fileno (stdout), FALSE);
  return comm_export_budget_csv_to_stream (db, id, scenarios, out, flags, NULL, error) &&
         g_output_stream_close (out, NULL, error);
}

/* The financial year of --year (this year's if not given); a note on stderr if it was read
 * from another form ("26/27"). */
static gboolean
parse_year (const char *text,
            int        *year)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GDate today;

  if (text == NULL)
    {
      comm_date_today (&today);
      *year = comm_financial_year_of (&today);
      return TRUE;
    }
  if (!comm_budget_parse_year (text, year, &note, &error))
    {
      cli_fail ("--year", error->message);
      return FALSE;
    }
  if (note != NULL)
    g_printerr ("commissioner-cli: %s\n", note);
  return TRUE;
}

static int
export_budget (const char    *workspace,
               const Options *options)
{
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CommBudget) budget = NULL;
  g_autofree char *title = NULL;
  CommCsvWriteFlags flags = options->bom ? COMM_CSV_WRITE_BOM : COMM_CSV_WRITE_DEFAULT;
  gint64 id = 0;
  int year = 0;

  if (!parse_year (options->year, &year) || (db = cli_open_existing (workspace)) == NULL)
    return CLI_EXIT_ERROR;
  if (!comm_budget_store_find (db, options->programme, year, options->scenario, &id, &error) ||
      (budget = comm_budget_store_load (db, id, &error)) == NULL)
    return cli_fail (workspace, error->message);

  if (g_str_equal (options->csv, "-"))
    {
      if (!write_stdout (db, id, options->scenarios, flags, &error))
        return cli_fail ("-", error->message);
      return CLI_EXIT_OK;
    }
  if (!comm_export_budget_csv_to_file (db, id, options->scenarios, options->csv, flags, NULL, &error))
    return cli_fail (options->csv, error->message);

  title = comm_budget_dup_title (budget);
  if (options->scenarios)
    printf (_("Wrote “%s” and its scenarios side by side to “%s”.\n"), title, options->csv);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote “%s” (%u line) to “%s”.\n", "Wrote “%s” (%u lines) to “%s”.\n",
                         budget->lines->len),
            title, budget->lines->len, options->csv);
  return CLI_EXIT_OK;
}

static int
export_years (const char    *workspace,
              const Options *options)
{
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = NULL;
  CommCsvWriteFlags flags = options->bom ? COMM_CSV_WRITE_BOM : COMM_CSV_WRITE_DEFAULT;
  gint64 programme = 0;

  if ((db = cli_open_existing (workspace)) == NULL)
    return CLI_EXIT_ERROR;
  if (!comm_budget_store_find_programme (db, options->programme, &programme, &error))
    return cli_fail (workspace, error->message);
  if (!g_str_equal (options->csv, "-"))
    {
      if (!comm_export_budget_years_csv_to_file (db, programme, options->csv, flags, NULL, &error))
        return cli_fail (options->csv, error->message);
      printf (_("Wrote “%s” year by year to “%s”.\n"), options->programme, options->csv);
      return CLI_EXIT_OK;
    }
  fflush (stdout);
  out = g_unix_output_stream_new (fileno (stdout), FALSE);
  if (!comm_export_budget_years_csv_to_stream (db, programme, out, flags, NULL, &error) ||
      !g_output_stream_close (out, NULL, &error))
    return cli_fail ("-", error->message);
  return CLI_EXIT_OK;
}

int
cli_export_budget (int    argc,
                   char **argv)
{
  Options options = { 0 };
  const GOptionEntry entries[] = {
    { "programme", 0, 0, G_OPTION_ARG_STRING, &options.programme, N_("The budget’s programme"), N_("NAME") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &options.year, N_("The financial year, e.g. 2026-27 (this year’s if left out)"), N_("YEAR") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &options.scenario, N_("Export this scenario instead of the base budget"), N_("NAME") },
    { "scenarios", 0, 0, G_OPTION_ARG_NONE, &options.scenarios, N_("Export the base budget and its scenarios side by side"), NULL },
    { "years", 0, 0, G_OPTION_ARG_NONE, &options.years, N_("Export the programme’s budgets year by year, with the change on each year before"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &options.csv, N_("Write CSV to OUT (“-” for standard output)"), N_("OUT") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &options.bom, N_("Start the CSV with a byte order mark, for Excel"), NULL },
    { NULL }
  };
  int status;

  if (!cli_parse ("export budget", _("budget FILE --programme NAME [--year 2026-27] [--scenario NAME | --scenarios | --years] --csv OUT"),
                  _("Export a programme’s budget for a financial year from the workspace FILE as CSV: every line "
                    "with its amount (percentages worked out to the penny, marking where a penny moved), then the "
                    "totals. With --scenarios, the base budget and its scenarios side by side with the differences; "
                    "with --years, the programme’s budgets year by year with the change on each year before."),
                  entries, &argc, &argv, 2))
    status = CLI_EXIT_ERROR;
  else if (options.programme == NULL)
    status = cli_fail ("export budget", _("say which programme with --programme NAME"));
  else if (options.csv == NULL)
    status = cli_fail ("export budget", _("say where to write the CSV with --csv OUT (“-” for standard output)"));
  else if ((options.scenarios ? 1 : 0) + (options.scenario != NULL ? 1 : 0) + (options.years ? 1 : 0) > 1)
    status = cli_fail ("export budget", _("give only one of --scenario NAME, --scenarios and --years"));
  else if (options.years && options.year != NULL)
    status = cli_fail ("export budget", _("--years covers every year of the programme: leave --year out"));
  else if (options.years)
    status = export_years (argv[2], &options);
  else
    status = export_budget (argv[2], &options);

  options_clear (&options);
  return status;
}
