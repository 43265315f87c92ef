/* comm-publish-export.h: the primary menu's "Export Transparency CSV…" and "Export OCDS JSON…" */
#pragma once

#include "comm-window.h"

G_BEGIN_DECLS

typedef enum {
  COMM_PUBLISH_TRANSPARENCY,  /* the Local Government Transparency Code 2015 contracts CSV */
  COMM_PUBLISH_OCDS,          /* an OCDS 1.1 release package */
} CommPublishKind;

/* Asks where to save (GtkFileChooserNative, suggesting "transparency-contracts-YYYY-MM-DD.csv"
 * or "ocds-YYYY-MM-DD.json"), then runs comm_publish_export_run(). */
void     comm_publish_export_choose (CommWindow          *window,
                                     CommPublishKind      kind);
/* Writes the window's workspace to @file in a worker thread with its own connection, under a
 * modal progress dialog with Cancel (the file is replaced atomically, so Cancel or a failure
 * leaves any old file as it was). Then a toast "Exported N contracts to NAME", an error dialog,
 * or - for the Transparency CSV, when the check finds contracts missing a field the Code asks
 * for - a dialog listing them. @callback (nullable) runs after that. */
void     comm_publish_export_run    (CommWindow          *window,
                                     CommPublishKind      kind,
                                     GFile               *file,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* The number of contracts written (and for Transparency, the check's lines, char*, in
 * @warnings if not NULL), or 0 with @error set (G_IO_ERROR_CANCELLED after Cancel). */
guint    comm_publish_export_finish (GAsyncResult        *result,
                                     GPtrArray          **warnings,
                                     GError             **error);
/* The progress dialog of the run under way over @window, or NULL (for tests: to press Cancel). */
GtkWindow *comm_publish_export_get_progress_dialog (CommWindow *window);

G_END_DECLS
