/* cli-export-publishing.c: "export transparency FILE --csv OUT" and "export ocds FILE --json OUT"
 *
 * The Local Government Transparency Code 2015 contracts CSV (with the check of missing fields,
 * printed to stderr) and the OCDS 1.1 release package. Both write to a file atomically, or to
 * standard output with "-".
 */
#include "config.h"

#include <stdio.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "cli-common.h"

static GOutputStream *
stdout_stream (void)
{
  fflush (stdout);
  return g_unix_output_stream_new (fileno (stdout), FALSE);
}

static gboolean
write_transparency (CommDatabase       *db,
                    gint64              threshold,
                    const char         *out_path,
                    CommCsvWriteFlags   flags,
                    guint              *n_written,
                    GError            **error)
{
  g_autoptr(GOutputStream) out = NULL;

  if (!g_str_equal (out_path, "-"))
    return comm_export_transparency_csv_to_file (db, threshold, out_path, flags, NULL, NULL, NULL,
                                                 n_written, error);

  out = stdout_stream ();
  return comm_export_transparency_csv (db, threshold, out, flags, NULL, NULL, NULL, n_written, error) &&
         g_output_stream_close (out, NULL, error);
}

/* Prints the check's warnings to stderr; returns how many. */
static guint
print_warnings (CommDatabase *db,
                gint64        threshold,
                const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = comm_export_transparency_check (db, threshold, &error);

  if (lines == NULL)
    {
      cli_fail (path, error->message);
      return 1;
    }
  for (guint i = 0; i < lines->len; i++)
    fprintf (stderr, _("warning: %s\n"), (const char *) g_ptr_array_index (lines, i));

  return lines->len;
}

int
cli_export_transparency (int    argc,
                         char **argv)
{
  g_autofree char *csv = NULL;
  g_autofree char *threshold_text = NULL;
  g_autofree char *threshold_shown = NULL;
  gboolean bom = FALSE, strict = FALSE;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write CSV to OUT (“-” for standard output)"), N_("OUT") },
    { "threshold", 0, 0, G_OPTION_ARG_STRING, &threshold_text,
      N_("Publish contracts worth over AMOUNT (default: the workspace’s setting, else £5,000)"), N_("AMOUNT") },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, N_("Exit with status 1 if a contract misses a required field"), NULL },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start the CSV with a byte order mark, for Excel"), NULL },
    { NULL }
  };
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 threshold;
  guint n_written = 0, n_warnings;

  if (!cli_parse ("export", _("transparency FILE --csv OUT"),
                  _("Export the contracts of the workspace FILE worth over the threshold as the Local "
                    "Government Transparency Code 2015 contracts CSV, and list (on standard error) "
                    "contracts that miss a field the Code asks for."),
                  entries, &argc, &argv, 2))
    return CLI_EXIT_ERROR;
  if (csv == NULL)
    return cli_fail ("export", _("say where to write the CSV with --csv OUT (“-” for standard output)"));
  if ((db = cli_open_existing (argv[2])) == NULL)
    return CLI_EXIT_ERROR;

  threshold = comm_publishing_get_threshold (db);
  if (threshold_text != NULL && !comm_money_parse (threshold_text, &threshold, &error))
    return cli_fail ("--threshold", error->message);
  if (threshold < 0)
    return cli_fail ("--threshold", _("the threshold can’t be a negative amount"));

  if (!write_transparency (db, threshold, csv, bom ? COMM_CSV_WRITE_BOM : COMM_CSV_WRITE_DEFAULT,
                           &n_written, &error))
    return cli_fail (csv, error->message);

  threshold_shown = comm_money_format_full (threshold, COMM_MONEY_FORMAT_WHOLE_POUNDS);
  if (!g_str_equal (csv, "-"))
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u contract over %s to “%s”.\n",
                         "Wrote %u contracts over %s to “%s”.\n", n_written),
            n_written, threshold_shown, csv);
  n_warnings = print_warnings (db, threshold, argv[2]);

  return strict && n_warnings > 0 ? CLI_EXIT_PROBLEMS : CLI_EXIT_OK;
}

static gboolean
write_ocds (CommDatabase  *db,
            const char    *prefix,
            const char    *authority,
            const char    *out_path,
            guint         *n_written,
            GError       **error)
{
  g_autoptr(GOutputStream) out = NULL;

  if (!g_str_equal (out_path, "-"))
    return comm_export_ocds_json_to_file (db, prefix, authority, out_path, NULL, NULL, NULL, n_written, error);

  out = stdout_stream ();
  return comm_export_ocds_json (db, prefix, authority, out, NULL, NULL, NULL, n_written, error) &&
         g_output_stream_close (out, NULL, error);
}

int
cli_export_ocds (int    argc,
                 char **argv)
{
  g_autofree char *json = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *authority = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json, N_("Write JSON to OUT (“-” for standard output)"), N_("OUT") },
    { "ocid-prefix", 0, 0, G_OPTION_ARG_STRING, &prefix,
      N_("Use PREFIX (“ocds-” and six letters or digits) instead of the workspace’s setting"), N_("PREFIX") },
    { "authority", 0, 0, G_OPTION_ARG_STRING, &authority,
      N_("Name the buyer NAME instead of the workspace’s authority name"), N_("NAME") },
    { NULL }
  };
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint n_written = 0;

  if (!cli_parse ("export", _("ocds FILE --json OUT"),
                  _("Export the contracts of the workspace FILE as an Open Contracting Data Standard "
                    "1.1 release package: one release per contract, with buyer, supplier, award, "
                    "contract and monitoring. The authority’s name and OCID prefix come from the "
                    "workspace settings."),
                  entries, &argc, &argv, 2))
    return CLI_EXIT_ERROR;
  if (json == NULL)
    return cli_fail ("export", _("say where to write the JSON with --json OUT (“-” for standard output)"));
  if ((db = cli_open_existing (argv[2])) == NULL)
    return CLI_EXIT_ERROR;

  if (!write_ocds (db, prefix, authority, json, &n_written, &error))
    return cli_fail (g_str_equal (json, "-") ? argv[2] : json, error->message);

  if (!g_str_equal (json, "-"))
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u contract to “%s”.\n", "Wrote %u contracts to “%s”.\n",
                         n_written),
            n_written, json);
  return CLI_EXIT_OK;
}
