/* comm-report-pdf.h: a report document written as a PDF file */
#pragma once

#include <gio/gio.h>

#include "comm-report-document.h"

G_BEGIN_DECLS

/* Lays @document out on A4 pages in its orientation (comm-report-layout.h) and writes the PDF
 * to @path: fonts embedded, title and creator ("Commissioner") in the PDF's metadata. The PDF
 * is written to a temporary file beside @path and renamed into place at the end, so @path is
 * either the whole new PDF or untouched; on failure or cancellation the temporary file is
 * removed. @progress (nullable) gets the fraction done, in the calling thread.
 * @n_pages (nullable) receives the number of pages written.
 * Errors: COMM_ERROR_READ_ONLY when the folder cannot be written, COMM_ERROR_FAILED otherwise,
 * G_IO_ERROR_CANCELLED. */
gboolean comm_report_pdf_write (CommReportDocument  *document,
                                const char          *path,
                                GCancellable        *cancellable,
                                void               (*progress) (double   fraction,
                                                                gpointer user_data),
                                gpointer             user_data,
                                guint               *n_pages,
                                GError             **error);

G_END_DECLS
