/* comm-report-preview.h: a report's preview, made in a worker thread (for the Reports dialog) */
#pragma once

#include <gtk/gtk.h>

#include "commissioner-core.h"
#include "comm-progress-overlay.h"

G_BEGIN_DECLS

/* What the worker builds; owned by the job (free with comm_report_preview_job_free). */
typedef struct
{
  const CommReportInfo *info;
  CommDatabase         *db;       /* a second connection, used only by the worker */
  CommReportOptions     options;
  char                 *id;
  char                 *programme;
  char                 *register_name;
} CommReportPreviewJob;

/* What it makes: the document, its pages, and the first page drawn. */
typedef struct
{
  CommReportDocument *document;
  CommReportLayout   *layout;
  GdkTexture         *first_page;
} CommReportPreview;

void        comm_report_preview_job_free    (gpointer          job);
void        comm_report_preview_free        (gpointer          preview);
/* A CommProgressOverlay worker: @data is a CommReportPreviewJob; returns a CommReportPreview,
 * or NULL with @error set (cancelled, or the report could not be built). */
gpointer    comm_report_preview_worker      (gpointer          data,
                                             GCancellable     *cancellable,
                                             CommProgressFunc  progress,
                                             gpointer          progress_data,
                                             GError          **error);
/* Draws @page of @layout into a texture about 1000 pixels wide (any thread). */
GdkTexture *comm_report_preview_render_page (CommReportLayout *layout,
                                             guint             page);

G_END_DECLS
