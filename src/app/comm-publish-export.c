/* comm-publish-export.c: the primary menu's "Export Transparency CSV…" and "Export OCDS JSON…"
 *
 * The export runs in a worker thread (CommProgressOverlay) on a second connection to the
 * workspace, under a small modal dialog with a progress bar and Cancel. The core writes to a
 * temporary file renamed into place, so cancelling leaves nothing behind. For the Transparency
 * CSV the check of missing fields runs in the same thread and its lines are shown afterwards.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-progress-overlay.h"
#include "comm-publish-export.h"

#define MAX_WARNINGS_SHOWN 50
#define DIALOG_KEY "comm-publish-export-dialog"

typedef struct {
  CommPublishKind  kind;
  CommDatabase    *database;  /* the worker's own connection */
  char            *path;
} ExportJob;

typedef struct {
  guint      n_written;
  GPtrArray *warnings;        /* char*, Transparency only */
} ExportResult;

typedef struct {
  CommWindow          *window;
  GtkWindow           *dialog;
  CommPublishKind      kind;
  char                *display_name;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} RunData;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->database);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
export_result_free (ExportResult *result)
{
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result);
}

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->window);
  g_free (data->display_name);
  g_free (data);
}

static gpointer
export_worker (gpointer           worker_data,
               GCancellable      *cancellable,
               CommProgressFunc   progress,
               gpointer           progress_data,
               GError           **error)
{
  ExportJob *job = worker_data;
  g_autoptr(GPtrArray) warnings = NULL;
  ExportResult *result;
  guint n_written = 0;
  gint64 threshold;

  if (job->kind == COMM_PUBLISH_OCDS)
    {
      if (!comm_export_ocds_json_to_file (job->database, NULL, NULL, job->path, cancellable,
                                          progress, progress_data, &n_written, error))
        return NULL;
    }
  else
    {
      threshold = comm_publishing_get_threshold (job->database);
      if (!comm_export_transparency_csv_to_file (job->database, threshold, job->path,
                                                 COMM_CSV_WRITE_DEFAULT, cancellable, progress,
                                                 progress_data, &n_written, error))
        return NULL;
      warnings = comm_export_transparency_check (job->database, threshold, error);
      if (warnings == NULL)
        return NULL;
    }

  result = g_new0 (ExportResult, 1);
  result->n_written = n_written;
  result->warnings = g_steal_pointer (&warnings);
  return result;
}

static void
show_warnings (CommWindow   *window,
               ExportResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *scrolled, *label;

  for (guint i = 0; i < result->warnings->len && i < MAX_WARNINGS_SHOWN; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (const char *) g_ptr_array_index (result->warnings, i));
  if (result->warnings->len > MAX_WARNINGS_SHOWN)
    g_string_append_printf (text, "\n%s", _("… and more: run “commissioner-cli export transparency” for the full list."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Some contracts miss what the Code asks for"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (NULL,
                                               "The CSV was written, but %u contract misses a field the "
                                               "Transparency Code asks for. Fill it in and export again.",
                                               "The CSV was written, but %u contracts miss a field the "
                                               "Transparency Code asks for. Fill them in and export again.",
                                               result->warnings->len),
                                  result->warnings->len);
  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (CommWindow      *window,
            CommPublishKind  kind,
            const GError    *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       kind == COMM_PUBLISH_OCDS
                                                         ? _("The OCDS JSON could not be exported")
                                                         : _("The Transparency CSV could not be exported"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RunData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = g_task_new (data->window, NULL, data->callback, data->user_data);
  ExportResult *export = comm_progress_overlay_run_finish (COMM_PROGRESS_OVERLAY (source), result, &error);

  g_object_set_data (G_OBJECT (data->window), DIALOG_KEY, NULL);
  gtk_window_destroy (data->dialog);

  if (export != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (NULL, "Exported %u contract to %s", "Exported %u contracts to %s",
                                      export->n_written),
                         export->n_written, data->display_name);

      comm_window_add_toast (data->window, adw_toast_new (message));
      if (export->warnings != NULL && export->warnings->len > 0)
        show_warnings (data->window, export);
      g_task_return_pointer (task, export, (GDestroyNotify) export_result_free);
    }
  else
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (data->window, data->kind, error);
      g_task_return_error (task, g_steal_pointer (&error));
    }

  run_data_free (data);
}

/* A small modal window holding the progress overlay, over @window. */
static GtkWindow *
new_progress_dialog (CommWindow          *window,
                     const char          *display_name,
                     CommProgressOverlay **overlay)
{
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *label;
  g_autofree char *text = g_strdup_printf (_("Exporting to %s"), display_name);

  gtk_window_set_title (GTK_WINDOW (dialog), _("Export"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_deletable (GTK_WINDOW (dialog), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, 200);

  label = gtk_label_new (text);
  gtk_widget_set_margin_top (label, 24);
  gtk_widget_set_margin_bottom (label, 24);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  *overlay = COMM_PROGRESS_OVERLAY (comm_progress_overlay_new ());
  comm_progress_overlay_set_child (*overlay, label);
  adw_window_set_content (ADW_WINDOW (dialog), GTK_WIDGET (*overlay));

  return GTK_WINDOW (dialog);
}

static gboolean
start_job (CommWindow       *window,
           CommPublishKind   kind,
           GFile            *file,
           ExportJob       **out_job,
           GError          **error)
{
  CommDatabase *database = comm_window_get_database (window);
  g_autoptr(ExportJob) job = g_new0 (ExportJob, 1);

  job->kind = kind;
  job->path = g_file_get_path (file);
  if (database == NULL || job->path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           database == NULL ? _("No workspace is open.")
                                            : _("Exports can only be written to a file on this computer."));
      return FALSE;
    }
  job->database = comm_database_open_secondary (database, error);
  if (job->database == NULL)
    return FALSE;

  *out_job = g_steal_pointer (&job);
  return TRUE;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CommWindow      *window)
{
  CommPublishKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "comm-kind"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    comm_publish_export_run (window, kind, file, NULL, NULL);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
comm_publish_export_choose (CommWindow      *window,
                            CommPublishKind  kind)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *today_iso = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  GDate today;

  g_return_if_fail (COMM_IS_WINDOW (window));

  comm_date_today (&today);
  today_iso = comm_date_to_iso (&today);
  if (kind == COMM_PUBLISH_OCDS)
    {
      suggested = g_strdup_printf ("ocds-%s.json", today_iso);
      gtk_file_filter_set_name (filter, _("JSON files"));
      gtk_file_filter_add_suffix (filter, "json");
    }
  else
    {
      suggested = g_strdup_printf ("transparency-contracts-%s.csv", today_iso);
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
    }

  chooser = gtk_file_chooser_native_new (kind == COMM_PUBLISH_OCDS ? _("Export OCDS JSON")
                                                                   : _("Export Transparency CSV"),
                                         GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "comm-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
comm_publish_export_run (CommWindow          *window,
                         CommPublishKind      kind,
                         GFile               *file,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  CommProgressOverlay *overlay = NULL;
  ExportJob *job = NULL;
  RunData *data;

  g_return_if_fail (COMM_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  if (!start_job (window, kind, file, &job, &error))
    {
      g_autoptr(GTask) task = g_task_new (window, NULL, callback, user_data);

      show_error (window, kind, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (RunData, 1);
  data->window = g_object_ref (window);
  data->kind = kind;
  data->display_name = g_file_get_basename (file);
  data->callback = callback;
  data->user_data = user_data;
  data->dialog = new_progress_dialog (window, data->display_name, &overlay);
  g_object_set_data (G_OBJECT (window), DIALOG_KEY, data->dialog);
  gtk_window_present (data->dialog);

  comm_progress_overlay_run (overlay, _("Exporting…"), export_worker, job,
                             (GDestroyNotify) export_job_free, (GDestroyNotify) export_result_free,
                             on_export_done_cb, data);
}

guint
comm_publish_export_finish (GAsyncResult  *result,
                            GPtrArray    **warnings,
                            GError       **error)
{
  ExportResult *export = g_task_propagate_pointer (G_TASK (result), error);
  guint n;

  if (export == NULL)
    return 0;
  n = export->n_written;
  if (warnings != NULL)
    *warnings = export->warnings != NULL ? g_ptr_array_ref (export->warnings) : NULL;
  export_result_free (export);

  return n;
}

GtkWindow *
comm_publish_export_get_progress_dialog (CommWindow *window)
{
  g_return_val_if_fail (COMM_IS_WINDOW (window), NULL);

  return g_object_get_data (G_OBJECT (window), DIALOG_KEY);
}
