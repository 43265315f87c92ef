/* cli-export-deep-dives.c: "export actions FILE --csv OUT" and
 * "export deep-dive-schedule FILE [--year 2026-27] --csv OUT" (argv[1] the kind)
 *
 * Every Deep Dive action, outstanding and overdue first; and the Deep Dive schedule of a
 * financial year (the current one unless --year says), a row per contract. Both write to a file
 * atomically, or to standard output with "-".
 */
#include "config.h"

#include <stdio.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "cli-common.h"

typedef struct {
  int     year;   /* the schedule's financial year; unused for the actions */
  GDate   today;
} Job;

static GOutputStream *
stdout_stream (void)
{
  fflush (stdout);
  return g_unix_output_stream_new (fileno (stdout), FALSE);
}

static gboolean
write_actions (CommDatabase       *db,
               const Job          *job,
               const char         *out_path,
               CommCsvWriteFlags   flags,
               guint              *n_written,
               GError            **error)
{
  g_autoptr(GOutputStream) out = NULL;

  if (!g_str_equal (out_path, "-"))
    return comm_export_deep_dive_actions_csv_to_file (db, &job->today, out_path, flags, NULL, n_written, error);

  out = stdout_stream ();
  return comm_export_deep_dive_actions_csv (db, &job->today, out, flags, NULL, n_written, error) &&
         g_output_stream_close (out, NULL, error);
}

static gboolean
write_schedule (CommDatabase       *db,
                const Job          *job,
                const char         *out_path,
                CommCsvWriteFlags   flags,
                guint              *n_written,
                GError            **error)
{
  g_autoptr(GOutputStream) out = NULL;

  if (!g_str_equal (out_path, "-"))
    return comm_export_deep_dive_schedule_csv_to_file (db, job->year, &job->today, out_path, flags, NULL,
                                                       n_written, error);

  out = stdout_stream ();
  return comm_export_deep_dive_schedule_csv (db, job->year, &job->today, out, flags, NULL, n_written, error) &&
         g_output_stream_close (out, NULL, error);
}

/* Parses the options of "export KIND FILE ..." and sets up @job (the year is the current
 * financial year unless --year says); FALSE (message printed) on bad usage. */
static gboolean
parse_options (const char  *summary,
               gboolean     takes_year,
               int         *argc,
               char      ***argv,
               char       **csv,
               gboolean    *bom,
               Job         *job)
{
  g_autofree char *year = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, csv, N_("Write CSV to OUT (“-” for standard output)"), N_("OUT") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, bom, N_("Start the CSV with a byte order mark, for Excel"), NULL },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year,
      N_("The financial year, e.g. 2026-27 (default: the current one)"), N_("YEAR") },
    { NULL }
  };
  const char *parameters = takes_year ? _("deep-dive-schedule FILE [--year 2026-27] --csv OUT")
                                      : _("actions FILE --csv OUT");

  /* The actions take no --year: leave it out of their options (and their --help) */
  if (!takes_year)
    entries[2] = (GOptionEntry) { NULL };

  if (!cli_parse ("export", parameters, summary, entries, argc, argv, 2))
    return FALSE;
  if (*csv == NULL)
    {
      cli_fail ("export", _("say where to write the CSV with --csv OUT (“-” for standard output)"));
      return FALSE;
    }

  g_date_clear (&job->today, 1);
  comm_date_today (&job->today);
  job->year = comm_financial_year_of (&job->today);
  if (year != NULL && !comm_financial_year_parse (year, &job->year, &error))
    {
      cli_fail ("--year", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
report_written (gboolean    actions,
                guint       n_written,
                const char *csv,
                int         year)
{
  g_autofree char *label = comm_financial_year_label (year);

  if (g_str_equal (csv, "-"))
    return;
  if (actions)
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u action to “%s”.\n", "Wrote %u actions to “%s”.\n", n_written),
            n_written, csv);
  else
    /* Translators: %2$s is a financial year ("2026-27"), %1$u a number of contracts, %3$s a file */
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote the %2$s Deep Dive schedule (%1$u contract) to “%3$s”.\n",
                         "Wrote the %2$s Deep Dive schedule (%1$u contracts) to “%3$s”.\n", n_written),
            n_written, label, csv);
}

static int
run_export (gboolean   actions,
            int        argc,
            char     **argv)
{
  g_autofree char *csv = NULL;
  gboolean bom = FALSE;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  CommCsvWriteFlags flags;
  guint n_written = 0;
  Job job;
  gboolean ok;

  if (!parse_options (actions ? _("Export every action agreed in the Deep Dives of the workspace FILE as CSV, "
                                  "outstanding ones first (overdue before the rest), then those done.")
                              : _("Export the Deep Dive schedule of a financial year as CSV: a row per contract "
                                  "with its scheduled date, reviewer and status; contracts with no Deep Dive "
                                  "that year say so."),
                      !actions, &argc, &argv, &csv, &bom, &job))
    return CLI_EXIT_ERROR;

  if ((db = cli_open_existing (argv[2])) == NULL)
    return CLI_EXIT_ERROR;

  flags = bom ? COMM_CSV_WRITE_BOM : COMM_CSV_WRITE_DEFAULT;
  ok = actions ? write_actions (db, &job, csv, flags, &n_written, &error)
               : write_schedule (db, &job, csv, flags, &n_written, &error);
  if (!ok)
    return cli_fail (error->domain == COMM_ERROR && error->code == COMM_ERROR_SQLITE ? argv[2] : csv,
                     error->message);

  report_written (actions, n_written, csv, job.year);
  return CLI_EXIT_OK;
}

int
cli_export_actions (int    argc,
                    char **argv)
{
  return run_export (TRUE, argc, argv);
}

int
cli_export_deep_dive_schedule (int    argc,
                               char **argv)
{
  return run_export (FALSE, argc, argv);
}
