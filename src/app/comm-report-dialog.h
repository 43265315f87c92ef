/* comm-report-dialog.h: pick a report, preview it, export it as PDF or print it
 *
 * The dialog lists the reports of the registry (comm-reports.h). Choosing one (and a contract or
 * a financial year where the report takes one) builds it in a worker thread on a second
 * connection to the workspace, lays it out and shows its pages in the preview, rendered with the
 * same layout code as the PDF and the printout. Export PDF… writes the same document through
 * comm_report_pdf_write() in a worker thread; Print… runs a CommPrintOperation. Long work shows
 * a progress bar with Cancel (CommProgressOverlay); cancelling leaves no file behind.
 * Escape closes the dialog (cancelling any work); Ctrl+P prints.
 */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_REPORT_DIALOG (comm_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CommReportDialog, comm_report_dialog, COMM, REPORT_DIALOG, AdwWindow)

/* Signals: "exported" (const char *path, guint n_pages) - a PDF was written. */
CommReportDialog   *comm_report_dialog_new              (GtkWindow        *parent,
                                                         CommDatabase     *database);
/* Chooses the report called @name (as picking it in the list does); FALSE if there is none. */
gboolean            comm_report_dialog_select_report    (CommReportDialog *self,
                                                         const char       *name);
/* Chooses the contract with @reference for reports about one contract; FALSE if there is none. */
gboolean            comm_report_dialog_select_contract  (CommReportDialog *self,
                                                         const char       *reference);
/* For reports about a budget programme (budget, budget-scenarios): the programme by name and the
 * financial year (by its start year; 0 leaves the year field as it is). */
void                comm_report_dialog_set_programme    (CommReportDialog *self,
                                                         const char       *programme,
                                                         int               year);
/* The financial year (by its start year) for the reports that take one, as typing it does. */
void                comm_report_dialog_set_year         (CommReportDialog *self,
                                                         int               year);
/* For the risk register report: the register by name (as choosing it in the dialog does). */
void                comm_report_dialog_set_register     (CommReportDialog *self,
                                                         const char       *register_name);
/* Writes the PDF to @path, as the file chooser's Save does (in a worker thread). */
void                comm_report_dialog_export_to        (CommReportDialog *self,
                                                         const char       *path);
/* TRUE while a preview is being built or a PDF written. */
gboolean            comm_report_dialog_get_busy         (CommReportDialog *self);
/* The document shown (NULL until built, or when the choices are not valid). */
CommReportDocument *comm_report_dialog_get_document     (CommReportDialog *self);
guint               comm_report_dialog_get_n_pages      (CommReportDialog *self);
/* Shows page @page (from 0) in the preview. */
void                comm_report_dialog_show_page        (CommReportDialog *self,
                                                         guint             page);

G_END_DECLS
