/* cli-report.c: "report NAME FILE --pdf OUT [--id REF] [--year 2026-27]" and "report --list" */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "cli-common.h"

static gboolean
asks_for_list (int    argc,
               char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--list"))
      return TRUE;
  return FALSE;
}

static int
print_list (void)
{
  const CommReportInfo *reports;
  guint n;

  reports = comm_reports_get_all (&n);
  for (guint i = 0; i < n; i++)
    printf ("%s\n", reports[i].name);
  return CLI_EXIT_OK;
}

static int
unknown_report (const char *name)
{
  g_autofree char *names = comm_reports_dup_names ();
  /* Translators: %s is what the user typed, then the list of report names */
  g_autofree char *message = g_strdup_printf (_("there is no report called “%s”. The reports are: %s."),
                                              name, names);

  return cli_fail ("report", message);
}

static int
write_report (const CommReportInfo    *info,
              const char              *workspace,
              const CommReportOptions *options,
              const char              *out)
{
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(CommReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  if ((db = cli_open_existing (workspace)) == NULL)
    return CLI_EXIT_ERROR;

  document = comm_report_build (info, db, options, NULL, &error);
  if (document == NULL)
    return cli_fail (workspace, error->message);
  if (!comm_report_pdf_write (document, out, NULL, NULL, NULL, &n_pages, &error))
    return cli_fail (out, error->message);

  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote “%s” (%u page) to “%s”.\n", "Wrote “%s” (%u pages) to “%s”.\n",
                       n_pages),
          comm_report_document_get_title (document), n_pages, out);
  return CLI_EXIT_OK;
}

int
cli_report (int    argc,
            char **argv)
{
  g_autofree char *pdf = NULL;
  g_autofree char *id = NULL;
  g_autofree char *year = NULL;
  g_autofree char *register_name = NULL;
  g_autofree char *programme = NULL;
  gboolean list = FALSE;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the report as PDF to OUT"), N_("OUT") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The contract the report is about (its reference)"), N_("REF") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year, N_("The financial year to cover, e.g. 2026-27"), N_("YEAR") },
    { "register", 0, 0, G_OPTION_ARG_STRING, &register_name, N_("The risk register the report is about (its name)"), N_("NAME") },
    { "programme", 0, 0, G_OPTION_ARG_STRING, &programme, N_("The budget programme the report is about (its name)"), N_("NAME") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the reports, one name a line"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  const CommReportInfo *info;
  CommReportOptions options;

  if (!cli_parse ("report", _("NAME FILE --pdf OUT [--id REF] [--year 2026-27] [--register NAME] | --list"),
                  _("Write a report on the workspace FILE as a PDF. "
                    "Run “commissioner-cli report --list” to see the report names."),
                  entries, &argc, &argv, asks_for_list (argc, argv) ? 0 : 2))
    return CLI_EXIT_ERROR;
  if (list)
    return print_list ();

  if ((info = comm_reports_lookup (argv[1])) == NULL)
    return unknown_report (argv[1]);
  if (pdf == NULL)
    return cli_fail ("report", _("say where to write the PDF with --pdf OUT"));
  if ((info->flags & COMM_REPORT_NEEDS_ID) && id == NULL)
    return cli_fail ("report", _("this report is about one contract: give its reference with --id REF"));
  if ((info->flags & COMM_REPORT_NEEDS_REGISTER) && register_name == NULL)
    return cli_fail ("report", _("this report is about one risk register: give its name with --register NAME"));

  if ((info->flags & COMM_REPORT_NEEDS_PROGRAMME) && programme == NULL)
    return cli_fail ("report", _("this report is about one budget programme: give its name with --programme NAME"));

  comm_report_options_init (&options);
  options.id = id;
  options.programme = programme;
  options.register_name = register_name;
  if (year != NULL && !comm_financial_year_parse (year, &options.year, &error))
    return cli_fail ("--year", error->message);

  return write_report (info, argv[2], &options, pdf);
}
