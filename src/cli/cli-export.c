/* cli-export.c: "export contracts FILE --csv OUT" - the whole register, by reference */
#include "config.h"

#include <stdio.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "cli-common.h"

static gboolean
write_csv (GListModel         *contracts,
           const char         *out_path,
           CommCsvWriteFlags   flags,
           GError            **error)
{
  g_autoptr(GOutputStream) out = NULL;

  if (!g_str_equal (out_path, "-"))
    return comm_export_contracts_csv_to_file (contracts, out_path, flags, NULL, error);

  fflush (stdout);
  out = g_unix_output_stream_new (fileno (stdout), FALSE);
  return comm_export_contracts_csv (contracts, out, flags, NULL, NULL, NULL, error) &&
         g_output_stream_close (out, NULL, error);
}

int
cli_export (int    argc,
            char **argv)
{
  g_autofree char *csv = NULL;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write CSV to OUT (“-” for standard output)"), N_("OUT") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start the CSV with a byte order mark, for Excel"), NULL },
    { NULL }
  };
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GListStore) contracts = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  /* The publication formats have options of their own. */
  if (argc >= 2 && g_str_equal (argv[1], "transparency"))
    return cli_export_transparency (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "ocds"))
    return cli_export_ocds (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "budget"))
    return cli_export_budget (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "risks"))
    return cli_export_risks (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "actions"))
    return cli_export_actions (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "deep-dive-schedule"))
    return cli_export_deep_dive_schedule (argc, argv);

  if (!cli_parse ("export", _("contracts FILE --csv OUT"),
                  _("Export every contract of the workspace FILE, by reference, as CSV: reference, "
                    "title, provider, service area, values, dates, status, RAG rating and monitoring."),
                  entries, &argc, &argv, 2))
    return CLI_EXIT_ERROR;
  if (!g_str_equal (argv[1], "contracts"))
    return cli_fail ("export", _("export “contracts”, “transparency”, “ocds”, “actions” or “deep-dive-schedule”: "
                                     "commissioner-cli export contracts FILE --csv OUT"));
  if (csv == NULL)
    return cli_fail ("export", _("say where to write the CSV with --csv OUT (“-” for standard output)"));

  if ((db = cli_open_existing (argv[2])) == NULL)
    return CLI_EXIT_ERROR;

  comm_date_today (&today);
  contracts = comm_contract_store_list (db, &today, &error);
  if (contracts == NULL)
    return cli_fail (argv[2], error->message);
  if (!write_csv (G_LIST_MODEL (contracts), csv, bom ? COMM_CSV_WRITE_BOM : COMM_CSV_WRITE_DEFAULT, &error))
    return cli_fail (csv, error->message);

  if (!g_str_equal (csv, "-"))
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u contract to “%s”.\n", "Wrote %u contracts to “%s”.\n",
                         g_list_model_get_n_items (G_LIST_MODEL (contracts))),
            g_list_model_get_n_items (G_LIST_MODEL (contracts)), csv);
  return CLI_EXIT_OK;
}
