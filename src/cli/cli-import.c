/* cli-import.c: "import contracts FILE IN.csv" - plan, report, then write all or the good rows
 *
 * Prints the counts, then one line per rejected or flagged row (CSV line, the cell, the reason).
 * If any row is rejected nothing is written and the exit status is 1, unless --accept-good is
 * given; --dry-run never writes anything (not even --save-preset). Whole-file problems (empty,
 * binary, unbalanced quote, too large) exit 2.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "cli-common.h"

typedef struct {
  gboolean  dry_run;
  gboolean  accept_good;
  char    **maps;
  char     *preset;
  char     *save_preset;
  char     *rejects;
  char     *separator;
  char     *encoding;
  char     *date_format;
  int       skip_lines;
} ImportArgs;

static void
import_args_clear (ImportArgs *args)
{
  g_strfreev (args->maps);
  g_free (args->preset);
  g_free (args->save_preset);
  g_free (args->rejects);
  g_free (args->separator);
  g_free (args->encoding);
  g_free (args->date_format);
}

/* The preset (if any), then the options given on the command line over it. */
static CommImportOptions *
build_options (CommDatabase  *db,
               ImportArgs    *args,
               GError       **error)
{
  g_autoptr(CommImportOptions) options = NULL;
  g_autoptr(GString) text = g_string_new ("");
  g_autoptr(CommImportOptions) extra = NULL;

  options = args->preset != NULL ? comm_import_preset_load (db, args->preset, error) : comm_import_options_new ();
  if (options == NULL)
    return NULL;
  if (args->separator != NULL)
    g_string_append_printf (text, "separator=%s\n", args->separator);
  if (args->encoding != NULL)
    g_string_append_printf (text, "encoding=%s\n", args->encoding);
  if (args->date_format != NULL)
    g_string_append_printf (text, "date-format=%s\n", args->date_format);
  if ((extra = comm_import_options_from_text (text->str, error)) == NULL)
    return NULL;
  if (args->separator != NULL)
    options->separator = extra->separator;
  if (args->encoding != NULL)
    options->encoding = extra->encoding;
  if (args->date_format != NULL)
    options->date_format = extra->date_format;
  if (args->skip_lines >= 0)
    options->skip_lines = (guint) args->skip_lines;
  for (guint i = 0; args->maps != NULL && args->maps[i] != NULL; i++)
    if (!comm_import_options_add_map (options, args->maps[i], error))
      return NULL;
  return g_steal_pointer (&options);
}

static void
print_row (CommImportRow *row)
{
  const char *what = row->kind == COMM_IMPORT_ROW_REJECTED ? _("Rejected") : _("Flagged");
  const char *reason = row->kind == COMM_IMPORT_ROW_REJECTED ? row->reason : row->flag_reason;

  if (row->cell != NULL)
    printf (_("%s: line %u, %s “%s”: %s\n"), what, row->line, row->column, row->cell, reason);
  else
    printf (_("%s: line %u: %s\n"), what, row->line, reason);
}

static void
print_report (CommImportSource *source,
              CommImportPlan   *plan)
{
  GPtrArray *rows = comm_import_plan_get_rows (plan);
  GPtrArray *providers = comm_import_plan_get_new_providers (plan);
  g_autofree char *separator = g_utf8_strdown (comm_import_separator_label (comm_import_source_get_separator (source)), -1);

  printf (_("Read as %s, separated by %s.\n"),
          comm_import_encoding_label (comm_import_source_get_encoding (source)), separator);
  printf (_("New: %u, updated: %u, unchanged: %u, rejected: %u, flagged: %u\n"),
          comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW),
          comm_import_plan_count (plan, COMM_IMPORT_ROW_UPDATED),
          comm_import_plan_count (plan, COMM_IMPORT_ROW_UNCHANGED),
          comm_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED),
          comm_import_plan_count_flagged (plan));
  for (guint i = 0; i < providers->len; i++)
    printf (_("New provider: %s\n"), (const char *) providers->pdata[i]);
  for (guint i = 0; i < rows->len; i++)
    {
      CommImportRow *row = rows->pdata[i];

      if (row->kind == COMM_IMPORT_ROW_REJECTED || row->flagged)
        print_row (row);
    }
}

/* After the report: writes what should be written; returns the exit status. */
static int
finish (CommDatabase     *db,
        CommImportPlan   *plan,
        CommImportOptions *options,
        ImportArgs       *args,
        const char       *in_path)
{
  g_autoptr(GError) error = NULL;
  guint rejected = comm_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED);

  if (args->rejects != NULL && !comm_import_plan_write_rejects (plan, args->rejects, &error))
    return cli_fail (args->rejects, error->message);
  if (rejected > 0 && !args->accept_good)
    {
      printf ("%s\n", _("Nothing was written: some rows were rejected. Put them right, or give "
                        "--accept-good to import only the good rows."));
      return CLI_EXIT_PROBLEMS;
    }
  if (args->dry_run)
    {
      printf ("%s\n", _("Dry run: nothing was written."));
      return CLI_EXIT_OK;
    }
  if (!comm_import_plan_apply (plan, db, args->accept_good, NULL, NULL, NULL, &error))
    return cli_fail (in_path, error->message);
  if (args->save_preset != NULL && !comm_import_preset_save (db, args->save_preset, options, &error))
    return cli_fail (args->save_preset, error->message);
  printf (_("Imported %u new and %u updated contracts.\n"),
          comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW),
          comm_import_plan_count (plan, COMM_IMPORT_ROW_UPDATED));
  return CLI_EXIT_OK;
}

static int
run_import (ImportArgs *args,
            const char *workspace,
            const char *in_path)
{
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(CommImportOptions) options = NULL;
  g_autoptr(CommImportSource) source = NULL;
  g_autoptr(CommImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if ((db = cli_open_existing (workspace)) == NULL)
    return CLI_EXIT_ERROR;
  if ((options = build_options (db, args, &error)) == NULL)
    return cli_fail ("import", error->message);
  if ((source = comm_import_source_load (in_path, options, NULL, &error)) == NULL ||
      (plan = comm_import_plan_new (db, source, options, NULL, NULL, NULL, &error)) == NULL)
    return cli_fail (in_path, error->message);
  print_report (source, plan);
  return finish (db, plan, options, args, in_path);
}

int
cli_import (int    argc,
            char **argv)
{
  ImportArgs args = { .skip_lines = -1 };
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &args.dry_run, N_("Check and report, write nothing"), NULL },
    { "accept-good", 0, 0, G_OPTION_ARG_NONE, &args.accept_good, N_("Import the good rows even if some are rejected"), NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.maps, N_("Take a field from a column: “CSV header=field” (repeatable)"), N_("MAPPING") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &args.preset, N_("Use the import preset NAME saved in the workspace"), N_("NAME") },
    { "save-preset", 0, 0, G_OPTION_ARG_STRING, &args.save_preset, N_("Save these settings as the preset NAME"), N_("NAME") },
    { "rejects", 0, 0, G_OPTION_ARG_FILENAME, &args.rejects, N_("Write the rejected rows, with the problem, to OUT.csv"), N_("OUT.csv") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &args.separator, N_("The separator: “,” “;” “tab” (default: detect)"), N_("SEP") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &args.encoding, N_("utf-8, utf-8-bom or windows-1252 (default: detect)"), N_("ENCODING") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &args.date_format, N_("iso, dmy or month-name (default: any)"), N_("FORM") },
    { "skip-lines", 0, 0, G_OPTION_ARG_INT, &args.skip_lines, N_("Ignore N lines above the header"), N_("N") },
    { NULL }
  };
  int status;

  if (argc >= 2 && g_str_equal (argv[1], "risks"))
    return cli_import_risks (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "plan"))
    return cli_import_plan (argc, argv);
  if (!cli_parse ("import", _("contracts FILE IN.csv"),
                  _("Import contracts (with their providers and funding lines) from a CSV file into the "
                    "workspace FILE. Every row is checked first; if any is rejected nothing is written "
                    "unless --accept-good is given."),
                  entries, &argc, &argv, 3))
    status = CLI_EXIT_ERROR;
  else if (!g_str_equal (argv[1], "contracts"))
    status = cli_fail ("import", _("import “contracts”, “risks” or “plan”: commissioner-cli import contracts FILE IN.csv"));
  else if (args.skip_lines < -1 || args.skip_lines > 99999)
    status = cli_fail ("import", _("--skip-lines must be a number of lines from 0"));
  else
    status = run_import (&args, argv[2], argv[3]);
  import_args_clear (&args);
  return status;
}
