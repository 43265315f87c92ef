/* commissioner-cli.c: the command line - the same core as the app, no GTK
 *
 *   commissioner-cli new FILE                              an empty workspace
 *   commissioner-cli demo FILE                             a workspace with the demo data
 *   commissioner-cli export contracts FILE --csv OUT       the register as CSV ("-" = stdout)
 *   commissioner-cli export transparency FILE --csv OUT   the Transparency Code 2015 contracts CSV
 *   commissioner-cli export ocds FILE --json OUT          an OCDS 1.1 release package
 *   commissioner-cli export actions FILE --csv OUT        every Deep Dive action, overdue first
 *   commissioner-cli export deep-dive-schedule FILE [--year 2026-27] --csv OUT   a year's Deep Dives
 *   commissioner-cli import contracts FILE IN.csv [--dry-run] [--accept-good] ...  CSV import
 *   commissioner-cli import risks FILE IN.csv --register NAME [--scale lmh|5x5] [--dry-run] ...
 *   commissioner-cli import plan FILE IN.csv --programme NAME --year 2015-16   a published plan
 *   commissioner-cli export risks FILE --csv OUT [--register NAME]   risk registers as CSV
 *   commissioner-cli check FILE                            integrity and domain checks
 *   commissioner-cli report NAME FILE --pdf OUT [--id REF] [--year 2026-27]   a PDF report
 *   commissioner-cli report --list                         the report names, one a line
 *   commissioner-cli allocate TOTAL [--commit N=AMOUNT]… [--fixed N=AMOUNT]… N=PERCENT%… [--remainder N]
 *                                                         a budget split, reconciled to the penny
 *   commissioner-cli unit-cost TOTAL NAME=COUNT… [--unit WORD]   cost per unit, split across cohorts
 *
 * Exit codes: 0 all well, 1 problems found (check), 2 wrong usage or an error. Errors go to
 * stderr as "commissioner-cli: <what>: <message>".
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "cli-common.h"

typedef struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;  /* N_() */
} Command;

static const Command commands[] = {
  { "new",    cli_new,    N_("Create an empty workspace") },
  { "demo",   cli_demo,   N_("Create a workspace filled with the demo data") },
  { "export", cli_export, N_("Export the register (contracts, Transparency Code CSV, OCDS JSON) or Deep Dive actions and schedule") },
  { "import", cli_import, N_("Import contracts, a risk register or a published plan from a CSV file") },
  { "check",  cli_check,  N_("Check a workspace for damage and broken rules") },
  { "report", cli_report, N_("Write a report as PDF: register, performance, one contract") },
  { "allocate", cli_allocate, N_("Split a budget by commitments, fixed sums and percentages, to the penny") },
  { "unit-cost", cli_unit_cost, N_("Divide a cost by activity and split it across cohorts, to the penny") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: commissioner-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (out, "\n%s\n", _("Keep a register of the contracts that buy children’s and family services."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “commissioner-cli COMMAND --help” for the arguments of a command."));
  fprintf (out, "%s\n", _("Exit status: 0 all well, 1 problems found, 2 wrong usage or an error."));
}

int
main (int    argc,
      char **argv)
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("commissioner-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return CLI_EXIT_ERROR;
    }

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_usage (stdout);
      return CLI_EXIT_OK;
    }
  if (g_str_equal (name, "--version") || g_str_equal (name, "-V"))
    {
      printf ("commissioner-cli %s\n", PACKAGE_VERSION);
      return CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  return cli_fail (name, _("no such command. Run “commissioner-cli --help” to see the commands."));
}
