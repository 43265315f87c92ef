/* cli-common.h: what the subcommands of commissioner-cli share */
#pragma once

#include <glib.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

/* Exit codes: all well; problems found (check); wrong usage or an error. */
#define CLI_EXIT_OK       0
#define CLI_EXIT_PROBLEMS 1
#define CLI_EXIT_ERROR    2

/* Each subcommand gets its own argv, argv[0] being the subcommand's name. */
int  cli_new    (int argc, char **argv);
int  cli_demo   (int argc, char **argv);
int  cli_export (int argc, char **argv);
/* cli-export-publishing.c: "export transparency ..." and "export ocds ..." (argv[1] the kind) */
int  cli_export_transparency (int argc, char **argv);
int  cli_export_ocds         (int argc, char **argv);
/* cli-export-deep-dives.c: "export actions ..." and "export deep-dive-schedule ..." */
int  cli_export_actions            (int argc, char **argv);
int  cli_export_deep_dive_schedule (int argc, char **argv);
/* cli-budget.c: "export budget ..." */
int  cli_export_budget             (int argc, char **argv);
int  cli_import (int argc, char **argv);
/* cli-risks.c: "import risks ..." and "export risks ..." (argv[1] "risks") */
int  cli_import_risks (int argc, char **argv);
int  cli_import_plan  (int argc, char **argv);
int  cli_export_risks (int argc, char **argv);
int  cli_check  (int argc, char **argv);
int  cli_report (int argc, char **argv);
/* cli-allocate.c: the calculators */
int  cli_allocate  (int argc, char **argv);
int  cli_unit_cost (int argc, char **argv);

/* Prints "commissioner-cli: @what: @message" to stderr and returns CLI_EXIT_ERROR. */
int  cli_fail   (const char *what,
                 const char *message);
/* A GOptionContext for "commissioner-cli @command @parameters"; parses @argv in place and checks
 * that exactly @n_args arguments remain after the options (printing the usage error if not).
 * Returns FALSE (with the message printed) on bad usage. --help prints and exits 0. */
gboolean cli_parse (const char     *command,
                    const char     *parameters,
                    const char     *summary,
                    const GOptionEntry *entries,
                    int            *argc,
                    char         ***argv,
                    int             n_args);
/* Opens an existing workspace without taking the lock (the app may have it open). */
CommDatabase *cli_open_existing (const char *path);
/* Removes a workspace file the CLI itself created, with SQLite's -wal and -shm files. */
void cli_remove_created (const char *path);

G_END_DECLS
