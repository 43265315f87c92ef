/* comm-report-pdf.c: a report document written as a PDF file, through a temporary file */
#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "comm-error.h"
#include "comm-report-layout.h"
#include "comm-report-pdf.h"

typedef struct
{
  void     (*progress) (double, gpointer);
  gpointer   user_data;
  double     start;
  double     span;
} ProgressRange;

static void
set_file_error (GError     **error,
                int          code,
                const char  *path)
{
  CommError kind = (code == EACCES || code == EROFS || code == EPERM) ? COMM_ERROR_READ_ONLY : COMM_ERROR_FAILED;

  /* Translators: %s is a file name, then the system's reason */
  g_set_error (error, COMM_ERROR, kind, _("Could not write the PDF “%s”: %s"), path, g_strerror (code));
}

static void
on_paginate_progress_cb (double   fraction,
                         gpointer user_data)
{
  ProgressRange *range = user_data;

  range->progress (range->start + fraction * range->span, range->user_data);
}

static void
set_metadata (cairo_surface_t    *surface,
              CommReportDocument *document)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format_iso8601 (now);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  comm_report_document_get_title (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Commissioner");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  comm_report_document_get_workspace_name (document));
  if (created != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* Lays out and draws every page onto a PDF at @temp_path. */
static gboolean
write_pages (CommReportDocument  *document,
             const char          *temp_path,
             const char          *path,
             GCancellable        *cancellable,
             ProgressRange       *range,
             guint               *n_pages,
             GError             **error)
{
  g_autoptr(CommReportLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  gboolean ok = TRUE;
  guint pages = 0;

  comm_report_document_get_page_size (document, &width, &height);
  surface = cairo_pdf_surface_create (temp_path, width, height);
  set_metadata (surface, document);
  cr = cairo_create (surface);

  layout = comm_report_layout_new (document, width, height, cr);
  range->span = 0.4;
  ok = comm_report_layout_paginate (layout, cancellable, range->progress ? on_paginate_progress_cb : NULL,
                                    range, error);
  pages = ok ? comm_report_layout_get_n_pages (layout) : 0;

  for (guint i = 0; ok && i < pages; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        {
          comm_report_layout_draw_page (layout, i, cr);
          cairo_show_page (cr);
          if (range->progress != NULL)
            range->progress (0.4 + 0.6 * (i + 1) / pages, range->user_data);
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED, _("Could not write the PDF “%s”: %s"),
                   path, cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && n_pages != NULL)
    *n_pages = pages;
  return ok;
}

gboolean
comm_report_pdf_write (CommReportDocument  *document,
                       const char          *path,
                       GCancellable        *cancellable,
                       void               (*progress) (double, gpointer),
                       gpointer             user_data,
                       guint               *n_pages,
                       GError             **error)
{
  g_autofree char *temp_path = NULL;
  ProgressRange range = { progress, user_data, 0.0, 1.0 };
  int fd;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_file_error (error, EISDIR, path);
      return FALSE;
    }

  temp_path = g_strdup_printf ("%s.tmp-XXXXXX", path);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_file_error (error, errno, path);
      return FALSE;
    }
  g_close (fd, NULL);

  if (!write_pages (document, temp_path, path, cancellable, &range, n_pages, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }
  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      set_file_error (error, saved_errno, path);
      return FALSE;
    }
  return TRUE;
}
