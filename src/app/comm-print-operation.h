/* comm-print-operation.h: printing a report - the same layout and drawing code as the PDF
 *
 * begin-print lays the document out for the chosen paper (comm_report_layout_paginate) and
 * draw-page draws each page with comm_report_layout_draw_page(), exactly as comm_report_pdf_write()
 * does. The default page setup is A4 in the document's orientation; the whole sheet is used and
 * the layout keeps its own margins.
 */
#pragma once

#include <gtk/gtk.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_PRINT_OPERATION (comm_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (CommPrintOperation, comm_print_operation, COMM, PRINT_OPERATION, GtkPrintOperation)

CommPrintOperation *comm_print_operation_new            (CommReportDocument *document);
CommReportDocument *comm_print_operation_get_document   (CommPrintOperation *self);

G_END_DECLS
