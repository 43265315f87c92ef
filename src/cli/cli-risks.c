/* cli-risks.c: "import risks FILE IN.csv --register NAME" and "export risks FILE --csv OUT"
 *
 * The import prints the counts and one line per rejected row (CSV line, column, cell, reason).
 * If any row is rejected nothing is written and the exit status is 1, unless --accept-good is
 * given; --dry-run writes nothing. The register is created (a programme register on --scale,
 * default 5 x 5) if there is none of that name. Whole-file problems exit 2.
 */
#include "config.h"

#include <stdio.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "cli-common.h"

typedef struct {
  gboolean  dry_run;
  gboolean  accept_good;
  char    **maps;
  char     *register_name;
  char     *scale;
  char     *date_format;
  char     *rejects;
} RiskImportArgs;

static void
print_plan (CommRiskImportPlan *plan,
            const char         *register_name)
{
  GPtrArray *rows = comm_risk_import_plan_get_rows (plan);

  if (comm_risk_import_plan_creates_register (plan))
    printf (_("The register “%s” will be created, on the %s scale.\n"), register_name,
            comm_risk_scale_label (comm_risk_import_plan_get_scale (plan)));
  printf (_("New: %u, updated: %u, unchanged: %u, rejected: %u\n"),
          comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_NEW),
          comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_UPDATED),
          comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_UNCHANGED),
          comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED));
  for (guint i = 0; i < rows->len; i++)
    {
      CommImportRow *row = rows->pdata[i];

      if (row->kind != COMM_IMPORT_ROW_REJECTED)
        continue;
      if (row->cell != NULL)
        printf (_("Rejected: line %u, %s “%s”: %s\n"), row->line, row->column, row->cell, row->reason);
      else
        printf (_("Rejected: line %u: %s\n"), row->line, row->reason);
    }
}

static CommImportOptions *
build_options (RiskImportArgs  *args,
               GError         **error)
{
  g_autofree char *text = NULL;

  if (args->date_format == NULL)
    return comm_import_options_new ();
  text = g_strdup_printf ("date-format=%s\n", args->date_format);
  return comm_import_options_from_text (text, error);
}

static int
run_import (RiskImportArgs *args,
            const char     *workspace,
            const char     *in_path)
{
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(CommImportOptions) options = NULL;
  g_autoptr(CommImportSource) source = NULL;
  g_autoptr(CommRiskImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  CommRiskImportSettings settings;
  guint rejected;

  comm_risk_import_settings_init (&settings);
  settings.register_name = args->register_name;
  settings.maps = (const char * const *) args->maps;
  if (args->scale != NULL)
    {
      int scale = comm_risk_scale_from_string (args->scale);

      if (scale < 0)
        return cli_fail ("import", _("--scale is “lmh” (Low / Medium / High) or “5x5”"));
      settings.scale = scale;
      settings.scale_given = TRUE;
    }
  if ((options = build_options (args, &error)) == NULL)
    return cli_fail ("import", error->message);
  if ((db = cli_open_existing (workspace)) == NULL)
    return CLI_EXIT_ERROR;
  if ((source = comm_import_source_load (in_path, options, NULL, &error)) == NULL ||
      (plan = comm_risk_import_plan_new (db, source, options, &settings, NULL, &error)) == NULL)
    return cli_fail (in_path, error->message);
  print_plan (plan, args->register_name);

  rejected = comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED);
  if (args->rejects != NULL && !comm_risk_import_plan_write_rejects (plan, args->rejects, &error))
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
  if (!comm_risk_import_plan_apply (plan, db, args->accept_good, NULL, &error))
    return cli_fail (in_path, error->message);
  printf (_("Imported %u new and %u updated risks into “%s”.\n"),
          comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_NEW),
          comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_UPDATED), args->register_name);
  return CLI_EXIT_OK;
}

int
cli_import_risks (int    argc,
                  char **argv)
{
  RiskImportArgs args = { 0 };
  const GOptionEntry entries[] = {
    { "register", 0, 0, G_OPTION_ARG_STRING, &args.register_name, N_("The risk register to import into (created if missing)"), N_("NAME") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &args.scale, N_("The register’s scale: lmh or 5x5 (default 5x5 for a new register)"), N_("SCALE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &args.dry_run, N_("Check and report, write nothing"), NULL },
    { "accept-good", 0, 0, G_OPTION_ARG_NONE, &args.accept_good, N_("Import the good rows even if some are rejected"), NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.maps, N_("Take a field from a column: “CSV header=field” (repeatable)"), N_("MAPPING") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &args.date_format, N_("iso, dmy or month-name (default: any)"), N_("FORM") },
    { "rejects", 0, 0, G_OPTION_ARG_FILENAME, &args.rejects, N_("Write the rejected rows, with the problem, to OUT.csv"), N_("OUT.csv") },
    { NULL }
  };
  int status;

  if (!cli_parse ("import", _("risks FILE IN.csv --register NAME"),
                  _("Import a risk register from a CSV file into the workspace FILE. Ratings are "
                    "checked against the register’s scale (ranges such as M/H are kept); if any "
                    "row is rejected nothing is written unless --accept-good is given."),
                  entries, &argc, &argv, 3))
    status = CLI_EXIT_ERROR;
  else if (args.register_name == NULL || *args.register_name == '\0')
    status = cli_fail ("import", _("say which register to import into with --register NAME"));
  else
    status = run_import (&args, argv[2], argv[3]);
  g_strfreev (args.maps);
  g_free (args.register_name);
  g_free (args.scale);
  g_free (args.date_format);
  g_free (args.rejects);
  return status;
}

/* Every risk of @db: the register's list (with rolled-up risks) if @register_name is given,
 * else every register's own risks, register by register. */
static GListStore *
collect_risks (CommDatabase  *db,
               const char    *register_name,
               GError       **error)
{
  g_autoptr(GListStore) registers = NULL;
  g_autoptr(GListStore) all = NULL;
  GDate today;

  comm_date_today (&today);
  if (register_name != NULL)
    {
      g_autoptr(CommRiskRegister) reg = comm_risk_register_store_find (db, register_name, error);

      return reg != NULL ? comm_risk_store_list (db, reg->id, &today, error) : NULL;
    }
  if ((registers = comm_risk_register_store_list (db, &today, error)) == NULL)
    return NULL;
  all = g_list_store_new (COMM_TYPE_RISK);
  for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (registers)); r++)
    {
      g_autoptr(CommRiskRegister) reg = g_list_model_get_item (G_LIST_MODEL (registers), r);
      g_autoptr(GListStore) risks = comm_risk_store_list (db, reg->id, &today, error);

      if (risks == NULL)
        return NULL;
      for (guint n = 0; n < g_list_model_get_n_items (G_LIST_MODEL (risks)); n++)
        {
          g_autoptr(CommRisk) risk = g_list_model_get_item (G_LIST_MODEL (risks), n);

          if (!risk->rolled_up)
            g_list_store_append (all, risk);
        }
    }
  return g_steal_pointer (&all);
}

int
cli_export_risks (int    argc,
                  char **argv)
{
  g_autofree char *csv = NULL;
  g_autofree char *register_name = NULL;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write CSV to OUT (“-” for standard output)"), N_("OUT") },
    { "register", 0, 0, G_OPTION_ARG_STRING, &register_name, N_("Only this register (with the risks that roll up into it)"), N_("NAME") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start the CSV with a byte order mark, for Excel"), NULL },
    { NULL }
  };
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GListStore) risks = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  CommCsvWriteFlags flags;
  gboolean ok;

  if (!cli_parse ("export", _("risks FILE --csv OUT [--register NAME]"),
                  _("Export risks as CSV: one register (its own risks, then those rolled up into it, "
                    "marked), or every register’s risks."),
                  entries, &argc, &argv, 2))
    return CLI_EXIT_ERROR;
  if (csv == NULL)
    return cli_fail ("export", _("say where to write the CSV with --csv OUT (“-” for standard output)"));
  if ((db = cli_open_existing (argv[2])) == NULL)
    return CLI_EXIT_ERROR;
  if ((risks = collect_risks (db, register_name, &error)) == NULL)
    return cli_fail (argv[2], error->message);
  flags = bom ? COMM_CSV_WRITE_BOM : COMM_CSV_WRITE_DEFAULT;
  if (g_str_equal (csv, "-"))
    {
      fflush (stdout);
      out = g_unix_output_stream_new (fileno (stdout), FALSE);
      ok = comm_export_risks_csv (G_LIST_MODEL (risks), out, flags, NULL, &error) &&
           g_output_stream_close (out, NULL, &error);
    }
  else
    ok = comm_export_risks_csv_to_file (G_LIST_MODEL (risks), csv, flags, NULL, &error);
  if (!ok)
    return cli_fail (csv, error->message);
  if (!g_str_equal (csv, "-"))
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u risk to “%s”.\n", "Wrote %u risks to “%s”.\n",
                         g_list_model_get_n_items (G_LIST_MODEL (risks))),
            g_list_model_get_n_items (G_LIST_MODEL (risks)), csv);
  return CLI_EXIT_OK;
}
