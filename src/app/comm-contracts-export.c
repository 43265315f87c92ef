/* comm-contracts-export.c: the Contracts tab's "Export CSV…"
 *
 * The view is copied into a new list on the main thread (the sort model itself must not be read
 * from another thread), then written by comm_export_contracts_csv_to_file() in a GTask thread,
 * which replaces the file atomically, so a failure leaves any old file as it was.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-contracts-export.h"

typedef struct {
  GListStore          *rows;
  char                *path;
  char                *display_name;
  CommCsvWriteFlags    flags;
  guint                n_written;
  GError              *error;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} ExportJob;

typedef struct {
  CommPage     *page;
  GListModel   *view;
  GCancellable *cancellable;
} ChooseData;

#define BOM_CHOICE "bom"

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->rows);
  g_free (job->path);
  g_free (job->display_name);
  g_clear_error (&job->error);
  g_free (job);
}

static void
choose_data_free (ChooseData *data)
{
  g_clear_object (&data->page);
  g_clear_object (&data->view);
  g_clear_object (&data->cancellable);
  g_free (data);
}

static GListStore *
snapshot (GListModel *view)
{
  GListStore *rows = g_list_store_new (g_list_model_get_item_type (view));
  guint n = g_list_model_get_n_items (view);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (view, i));
  g_list_store_splice (rows, 0, 0, items->pdata, items->len);

  return rows;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;

  if (comm_export_contracts_csv_to_file (G_LIST_MODEL (job->rows), job->path, job->flags,
                                         cancellable, &job->error))
    job->n_written = g_list_model_get_n_items (G_LIST_MODEL (job->rows));

  g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CommPage *page = COMM_PAGE (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *message = NULL;

  if (job->error == NULL)
    {
      message = g_strdup_printf (g_dngettext (NULL, "Exported %u contract to %s",
                                              "Exported %u contracts to %s", job->n_written),
                                 job->n_written, job->display_name);
      comm_page_add_toast (page, adw_toast_new (message));
    }
  else if (!g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           gtk_widget_get_root (GTK_WIDGET (page)) != NULL)
    comm_page_show_error (page, _("The contracts could not be exported"), job->error);

  if (job->callback != NULL)
    job->callback (source, result, job->user_data);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ChooseData      *data)
{
  g_autoptr(GFile) file = NULL;
  const char *bom;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      bom = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), BOM_CHOICE);
      comm_contracts_export_run (data->page, data->view, file,
                                 g_strcmp0 (bom, "true") == 0 ? COMM_CSV_WRITE_BOM : COMM_CSV_WRITE_DEFAULT,
                                 data->cancellable, NULL, NULL);
    }

  choose_data_free (data);
  g_object_unref (chooser);
}

void
comm_contracts_export_choose (CommPage     *page,
                              GListModel   *view,
                              GCancellable *cancellable)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *today_iso = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  ChooseData *data;
  GDate today;

  g_return_if_fail (COMM_IS_PAGE (page));
  g_return_if_fail (G_IS_LIST_MODEL (view));

  comm_date_today (&today);
  today_iso = comm_date_to_iso (&today);
  suggested = g_strdup_printf ("contracts-%s.csv", today_iso);

  chooser = gtk_file_chooser_native_new (_("Export Contracts as CSV"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), BOM_CHOICE,
                               _("Include byte-order mark for Excel"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), BOM_CHOICE, "true");

  data = g_new0 (ChooseData, 1);
  data->page = g_object_ref (page);
  data->view = g_object_ref (view);
  data->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
comm_contracts_export_run (CommPage            *page,
                           GListModel          *view,
                           GFile               *file,
                           CommCsvWriteFlags    flags,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (COMM_IS_PAGE (page));
  g_return_if_fail (G_IS_LIST_MODEL (view));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  job->rows = snapshot (view);
  job->path = g_file_get_path (file);
  job->display_name = g_file_get_basename (file);
  job->flags = flags;
  job->callback = callback;
  job->user_data = user_data;

  task = g_task_new (page, cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, comm_contracts_export_run);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  if (job->path == NULL)
    {
      g_set_error (&job->error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Contracts can only be exported to a file on this computer."));
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_run_in_thread (task, export_thread);
}

guint
comm_contracts_export_finish (GAsyncResult  *result,
                              GError       **error)
{
  ExportJob *job;

  g_return_val_if_fail (G_IS_TASK (result), 0);

  job = g_task_get_task_data (G_TASK (result));
  g_task_propagate_boolean (G_TASK (result), NULL);
  if (job->error != NULL)
    {
      g_propagate_error (error, g_error_copy (job->error));
      return 0;
    }

  return job->n_written;
}
