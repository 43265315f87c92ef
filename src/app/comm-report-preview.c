/* comm-report-preview.c: a report's preview, made in a worker thread
 *
 * The job builds the document on its own database connection, lays it out into pages and draws
 * the first one into a texture, so the Reports dialog shows it without waiting on the main
 * thread; other pages are drawn when asked for (comm_report_preview_render_page).
 */
#include "config.h"

#include "comm-report-preview.h"

#define PREVIEW_WIDTH_PX 1000.0

void
comm_report_preview_job_free (gpointer data)
{
  CommReportPreviewJob *job = data;

  g_clear_object (&job->db);
  g_free (job->id);
  g_free (job->programme);
  g_free (job->register_name);
  g_free (job);
}

void
comm_report_preview_free (gpointer data)
{
  CommReportPreview *preview = data;

  g_clear_pointer (&preview->document, comm_report_document_unref);
  g_clear_pointer (&preview->layout, comm_report_layout_free);
  g_clear_object (&preview->first_page);
  g_free (preview);
}

GdkTexture *
comm_report_preview_render_page (CommReportLayout *layout,
                                 guint             page)
{
  double width, height, scale;
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  cairo_t *cr;
  int w, h;

  comm_report_document_get_page_size (comm_report_layout_get_document (layout), &width, &height);
  scale = PREVIEW_WIDTH_PX / width;
  w = (int) (width * scale);
  h = (int) (height * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  comm_report_layout_draw_page (layout, page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

gpointer
comm_report_preview_worker (gpointer          data,
                            GCancellable     *cancellable,
                            CommProgressFunc  progress,
                            gpointer          progress_data,
                            GError          **error)
{
  CommReportPreviewJob *job = data;
  CommReportPreview *preview = g_new0 (CommReportPreview, 1);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok;

  preview->document = comm_report_build (job->info, job->db, &job->options, cancellable, error);
  if (preview->document == NULL)
    {
      comm_report_preview_free (preview);
      return NULL;
    }
  progress (0.3, progress_data);

  comm_report_document_get_page_size (preview->document, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  preview->layout = comm_report_layout_new (preview->document, width, height, cr);
  ok = comm_report_layout_paginate (preview->layout, cancellable, NULL, NULL, error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (!ok)
    {
      comm_report_preview_free (preview);
      return NULL;
    }
  progress (0.9, progress_data);
  preview->first_page = comm_report_preview_render_page (preview->layout, 0);
  return preview;
}
