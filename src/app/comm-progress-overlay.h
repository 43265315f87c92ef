/* comm-progress-overlay.h: long work off the main thread, with a progress bar and Cancel
 *
 * CommProgressOverlay wraps a child widget (a dialog's content). While work runs, a card with a
 * message, a progress bar and a Cancel button is shown over the child, and the child is made
 * insensitive so nothing else can be started. It is meant for imports, exports and reports that
 * go over thousands of rows. The card appears only once work has run for a fifth of a second,
 * so quick work does not flicker; the overlay is busy from the start all the same.
 *
 * The easy way is comm_progress_overlay_run(): it runs @worker in a GTask thread, passes it a
 * progress function that may be called from that thread as often as it likes (the bar is
 * updated at most once a frame on the main thread), and a GCancellable that the Cancel button
 * (or Escape while the card has focus) cancels. When the worker returns, the card is hidden and
 * @callback runs on the main thread; comm_progress_overlay_run_finish() gives the worker's
 * result, or the worker's error (G_IO_ERROR_CANCELLED after Cancel - the worker must then leave
 * nothing behind: roll back, delete its temporary file). The worker must not touch widgets and
 * should use its own database connection (comm_database_open_secondary).
 *
 *   static gpointer
 *   export_worker (gpointer data, GCancellable *cancellable,
 *                  CommProgressFunc progress, gpointer progress_data, GError **error)
 *   {
 *     ... progress (0.5, progress_data); ...
 *     return result or NULL with @error set;
 *   }
 *
 *   comm_progress_overlay_run (overlay, _("Exporting…"), export_worker, job, job_free,
 *                              result_free, on_export_done_cb, self);
 *
 * Only one run at a time: comm_progress_overlay_get_busy() says whether one is under way (a
 * second run while busy is a programming error). Destroying the overlay cancels a run; the
 * callback still runs (with the cancelled error) so callers can clean up.
 *
 * The lower-level begin/set_fraction/end calls are there for work that is already asynchronous
 * (must be called on the main thread).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The same shape as the core's progress callbacks (comm_export_contracts_csv ...):
 * @fraction from 0.0 to 1.0. */
typedef void     (*CommProgressFunc)   (double         fraction,
                                        gpointer       progress_data);

/* Runs in a worker thread. Returns a result (freed with run()'s @result_free if nobody takes
 * it) or NULL with @error set. A worker that has nothing to return should return
 * GINT_TO_POINTER (TRUE). */
typedef gpointer (*CommProgressWorker) (gpointer          worker_data,
                                        GCancellable     *cancellable,
                                        CommProgressFunc  progress,
                                        gpointer          progress_data,
                                        GError          **error);

#define COMM_TYPE_PROGRESS_OVERLAY (comm_progress_overlay_get_type ())
G_DECLARE_FINAL_TYPE (CommProgressOverlay, comm_progress_overlay, COMM, PROGRESS_OVERLAY, GtkWidget)

/* Properties: "child" (GtkWidget, the content underneath), "busy" (read-only). */
GtkWidget    *comm_progress_overlay_new            (void);
void          comm_progress_overlay_set_child      (CommProgressOverlay *self,
                                                    GtkWidget           *child);
GtkWidget    *comm_progress_overlay_get_child      (CommProgressOverlay *self);
gboolean      comm_progress_overlay_get_busy       (CommProgressOverlay *self);

/* Runs @worker (see above); @message is shown over the bar, e.g. "Writing the PDF…". */
void          comm_progress_overlay_run            (CommProgressOverlay *self,
                                                    const char          *message,
                                                    CommProgressWorker   worker,
                                                    gpointer             worker_data,
                                                    GDestroyNotify       worker_data_free,
                                                    GDestroyNotify       result_free,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* The worker's result (the caller owns it) or NULL with @error set. */
gpointer      comm_progress_overlay_run_finish     (CommProgressOverlay *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* Lower level, main thread only. begin() shows the card and returns the cancellable the Cancel
 * button cancels (owned by the overlay, valid until end()); end() hides it. */
GCancellable *comm_progress_overlay_begin          (CommProgressOverlay *self,
                                                    const char          *message);
void          comm_progress_overlay_set_fraction   (CommProgressOverlay *self,
                                                    double               fraction);
void          comm_progress_overlay_set_message    (CommProgressOverlay *self,
                                                    const char          *message);
void          comm_progress_overlay_end            (CommProgressOverlay *self);
/* What the Cancel button does (for tests and for a dialog's own Cancel/Escape). */
void          comm_progress_overlay_cancel         (CommProgressOverlay *self);

G_END_DECLS
