/* comm-reports-private.h: the build functions of the reports, and what they share */
#pragma once

#include "comm-contract.h"
#include "comm-reports.h"

G_BEGIN_DECLS

/* One line a report (comm-report-NAME.c) */
CommReportDocument *_comm_report_register_build    (CommDatabase *db, const CommReportOptions *options,
                                                    GCancellable *cancellable, GError **error);
CommReportDocument *_comm_report_performance_build (CommDatabase *db, const CommReportOptions *options,
                                                    GCancellable *cancellable, GError **error);
CommReportDocument *_comm_report_contract_build    (CommDatabase *db, const CommReportOptions *options,
                                                    GCancellable *cancellable, GError **error);
CommReportDocument *_comm_report_deep_dive_build   (CommDatabase *db, const CommReportOptions *options,
                                                    GCancellable *cancellable, GError **error);
CommReportDocument *_comm_report_deep_dive_schedule_build (CommDatabase *db, const CommReportOptions *options,
                                                           GCancellable *cancellable, GError **error);
CommReportDocument *_comm_report_plan_build (CommDatabase *db, const CommReportOptions *options, GCancellable *cancellable, GError **error);
CommReportDocument *_comm_report_risks_build       (CommDatabase *db, const CommReportOptions *options,
                                                    GCancellable *cancellable, GError **error);
CommReportDocument *_comm_report_budget_build      (CommDatabase *db, const CommReportOptions *options,
                                                    GCancellable *cancellable, GError **error);
CommReportDocument *_comm_report_budget_scenarios_build (CommDatabase *db, const CommReportOptions *options,
                                                         GCancellable *cancellable, GError **error);

/* A document with the workspace name and "printed on" today filled in. */
CommReportDocument *_comm_report_new_document      (CommDatabase             *db,
                                                    const char               *title,
                                                    CommReportOrientation     orientation,
                                                    const CommReportOptions  *options);
/* The contract with reference @reference (case-insensitive), details loaded; NOT_FOUND with a
 * message naming the reference if there is none. */
CommContract       *_comm_report_find_contract     (CommDatabase             *db,
                                                    const char               *reference,
                                                    const GDate              *today,
                                                    GError                  **error);
/* ISO date to display text; @none (e.g. "—") when empty. */
char               *_comm_report_date              (const char               *iso,
                                                    const char               *none);
/* The cell style that tints a RAG rating. */
CommReportCellStyle _comm_report_rag_style         (CommRag                   rag);

G_END_DECLS
