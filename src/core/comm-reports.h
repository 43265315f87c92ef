/* comm-reports.h: the reports Commissioner can print, by name
 *
 * Each report lives in its own file (comm-report-NAME.c) with one build function that reads the
 * workspace and returns a CommReportDocument; comm-reports.c lists them. Adding a report is one
 * small file, one line in that list and one prototype in comm-reports-private.h.
 *
 * Build functions may run in a worker thread (give them their own connection,
 * comm_database_open_secondary) and check @cancellable between rows.
 */
#pragma once

#include <gio/gio.h>

#include "comm-database.h"
#include "comm-report-document.h"

G_BEGIN_DECLS

typedef enum {
  COMM_REPORT_TAKES_NOTHING = 0,
  COMM_REPORT_NEEDS_ID      = 1 << 0,  /* a contract reference (--id REF) */
  COMM_REPORT_TAKES_YEAR    = 1 << 1,  /* an optional financial year (--year 2026-27) */
  COMM_REPORT_NEEDS_REGISTER = 1 << 4, /* a risk register by name (--register NAME) */
  COMM_REPORT_NEEDS_PROGRAMME = 1 << 2, /* a budget programme by name (--programme NAME) */
} CommReportFlags;

typedef struct {
  const char *id;    /* contract reference, or NULL */
  int         year;  /* financial year by its start year (2026 = 2026-27), 0 = not given */
  const char *programme; /* budget programme name, or NULL (budget reports) */
  GDate       today; /* "printed on", and the day statuses and RAG are worked out for */
  const char *register_name; /* risk register name (--register), or NULL */
} CommReportOptions;

typedef CommReportDocument *(*CommReportBuildFunc) (CommDatabase             *db,
                                                    const CommReportOptions  *options,
                                                    GCancellable             *cancellable,
                                                    GError                  **error);

typedef struct {
  const char          *name;         /* for the CLI: "register" */
  const char          *title;        /* N_() - use comm_report_info_get_title() */
  const char          *description;  /* N_() */
  CommReportFlags      flags;
  CommReportBuildFunc  build;
} CommReportInfo;

/* Options with @today set from comm_date_today(), no id and no year. */
void                  comm_report_options_init        (CommReportOptions *options);

/* Every report, in the order to offer them; *n_reports receives the count. */
const CommReportInfo *comm_reports_get_all            (guint             *n_reports);
/* NULL if there is no report called @name. */
const CommReportInfo *comm_reports_lookup             (const char        *name);
/* "register, performance, contract" - for messages. */
char                 *comm_reports_dup_names          (void);
const char           *comm_report_info_get_title      (const CommReportInfo *info);
const char           *comm_report_info_get_description (const CommReportInfo *info);

/* Checks the options against what the report takes (INVALID: "needs a contract reference",
 * "has no year") and builds it. Errors: INVALID, NOT_FOUND (no contract with that reference),
 * SQLITE, G_IO_ERROR_CANCELLED. */
CommReportDocument   *comm_report_build               (const CommReportInfo     *info,
                                                       CommDatabase             *db,
                                                       const CommReportOptions  *options,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);

G_END_DECLS
