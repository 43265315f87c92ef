/* comm-import-flow.c: one CSV import run - read and check a file in a worker, keep the source
 * and the plan, apply the plan in a worker, save the rejected rows, the file choosers
 *
 * The flow does not keep its dialog alive: it holds it through a weak pointer, and the widgets
 * it was given are used only while the dialog is there. A worker's task holds the flow, so the
 * source and the plan the worker borrows stay alive until it ends.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-import-flow.h"

struct _CommImportFlow
{
  GObject                    parent_instance;

  GtkWindow                 *dialog;       /* weak: NULL once the dialog is disposed */
  const CommImportFlowHooks *hooks;
  CommProgressOverlay       *progress;     /* the dialog's widgets, borrowed */
  GtkLabel                  *error_label;
  AdwActionRow              *file_row;
  AdwActionRow              *format_row;

  CommDatabase              *database;
  char                      *path;
  CommImportOptions         *options;
  CommImportSource          *source;
  gpointer                   plan;         /* the dialog's plan type */
  gboolean                   pending;      /* a check is wanted once the current work ends */
};

/* A worker's input. Owned by the worker's GTask. */
typedef struct {
  const CommImportFlowHooks *hooks;
  CommDatabase              *db;        /* a secondary connection */
  char                      *path;      /* read the file again; NULL: check the flow's source */
  CommImportOptions         *options;
  CommImportSource          *source;    /* borrowed: the flow keeps it while busy */
  gpointer                   plan;      /* borrowed, for applying */
  gpointer                   settings;  /* the dialog's, for checking */
  gboolean                   good_only;
} Job;

typedef struct {
  const CommImportFlowHooks *hooks;
  CommImportSource          *source;      /* newly read, or NULL */
  gpointer                   plan;        /* NULL if the rows could not be checked */
  GError                    *plan_error;
} CheckResult;

G_DEFINE_FINAL_TYPE (CommImportFlow, comm_import_flow, G_TYPE_OBJECT)

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->db);
  g_free (job->path);
  comm_import_options_free (job->options);
  if (job->settings != NULL)
    job->hooks->settings_free (job->settings);
  g_free (job);
}

static void
check_result_free (gpointer data)
{
  CheckResult *result = data;

  comm_import_source_free (result->source);
  g_clear_pointer (&result->plan, result->hooks->plan_free);
  g_clear_error (&result->plan_error);
  g_free (result);
}

static Job *
job_new (CommImportFlow  *self,
         GError         **error)
{
  Job *job = g_new0 (Job, 1);

  job->hooks = self->hooks;
  job->db = comm_database_open_secondary (self->database, error);
  if (job->db == NULL)
    {
      job_free (job);
      return NULL;
    }
  job->options = comm_import_options_copy (self->options);
  return job;
}

/* Workers (run in a thread; no widgets) */

static gpointer
check_worker (gpointer          data,
              GCancellable     *cancellable,
              CommProgressFunc  progress,
              gpointer          progress_data,
              GError          **error)
{
  Job *job = data;
  CheckResult *result = g_new0 (CheckResult, 1);
  CommImportCheck check = { job->db, job->source, FALSE, job->options, job->settings };

  result->hooks = job->hooks;
  if (job->path != NULL)
    {
      result->source = comm_import_source_load (job->path, job->options, cancellable, error);
      if (result->source == NULL)
        {
          check_result_free (result);
          return NULL;
        }
      check.source = result->source;
      check.new_source = TRUE;
    }
  result->plan = job->hooks->plan_new (&check, cancellable, progress, progress_data, &result->plan_error);
  if (g_error_matches (result->plan_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&result->plan_error));
      check_result_free (result);
      return NULL;
    }
  return result;
}

static gpointer
apply_worker (gpointer          data,
              GCancellable     *cancellable,
              CommProgressFunc  progress,
              gpointer          progress_data,
              GError          **error)
{
  Job *job = data;

  if (!job->hooks->plan_apply (job->plan, job->db, job->good_only, cancellable, progress, progress_data, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

/* Helpers */

static void
show_file (CommImportFlow *self)
{
  g_autofree char *name = g_filename_display_name (self->path);
  g_autofree char *format = NULL;
  g_autofree char *separator = g_utf8_strdown (comm_import_separator_label (comm_import_source_get_separator (self->source)), -1);

  /* Translators: "Windows-1252, separated by semicolon" */
  format = g_strdup_printf (_("%s, separated by %s"),
                            comm_import_encoding_label (comm_import_source_get_encoding (self->source)), separator);
  adw_action_row_set_subtitle (self->file_row, name);
  adw_action_row_set_subtitle (self->format_row, format);
}

/* A check ended with @result: keep its source (if it read the file) and its plan, and show them. */
static void
take_check_result (CommImportFlow *self,
                   CheckResult    *result)
{
  if (result->source != NULL)
    {
      comm_import_source_free (self->source);
      self->source = g_steal_pointer (&result->source);
      show_file (self);
      self->hooks->source_read (self->dialog);
    }
  g_clear_pointer (&self->plan, self->hooks->plan_free);
  self->plan = g_steal_pointer (&result->plan);
  comm_import_flow_show_error (self, result->plan_error != NULL ? result->plan_error->message : NULL);
  self->hooks->checked (self->dialog, TRUE);
}

static GtkFileChooserNative *
new_chooser (CommImportFlow       *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, self->dialog, action, accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

static void
write_rejects (CommImportFlow *self,
               const char     *path)
{
  g_autoptr(GError) error = NULL;

  if (self->plan != NULL && !self->hooks->plan_write_rejects (self->plan, path, &error))
    comm_import_flow_show_error (self, error->message);
}

/* Callbacks */

static void
on_check_done_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(CommImportFlow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWindow) dialog = NULL;
  CheckResult *result = comm_progress_overlay_run_finish (COMM_PROGRESS_OVERLAY (object), res, &error);

  if (self->dialog == NULL)  /* closed while checking */
    {
      g_clear_pointer (&result, check_result_free);
      return;
    }
  dialog = g_object_ref (self->dialog);
  if (result != NULL)
    {
      take_check_result (self, result);
      check_result_free (result);
    }
  else
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_pointer (&self->source, comm_import_source_free);
          g_clear_pointer (&self->plan, self->hooks->plan_free);
          comm_import_flow_show_error (self, error->message);
        }
      self->hooks->checked (dialog, FALSE);
    }
  self->hooks->update_actions (dialog);
  if (self->pending)
    comm_import_flow_check (self, FALSE);
}

static void
on_apply_done_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(CommImportFlow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWindow) dialog = NULL;
  gboolean applied = comm_progress_overlay_run_finish (COMM_PROGRESS_OVERLAY (object), res, &error) != NULL;

  if (self->dialog == NULL)  /* closed while importing: nothing was written, or nobody to tell */
    return;
  dialog = g_object_ref (self->dialog);
  if (!applied)
    {
      comm_import_flow_show_error (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                           ? _("The import was cancelled; nothing was imported.") : error->message);
      self->hooks->update_actions (dialog);
      return;
    }
  self->hooks->imported (dialog);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CommImportFlow  *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  gboolean rejects = g_object_get_data (G_OBJECT (chooser), "comm-rejects") != NULL;

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || self->dialog == NULL)
    return;
  if (path == NULL)
    comm_import_flow_show_error (self, _("Choose a file on this computer or on a drive it has mounted."));
  else if (rejects)
    write_rejects (self, path);
  else
    comm_import_flow_load_file (self, path);
}

/* Overrides */

static void
comm_import_flow_finalize (GObject *object)
{
  CommImportFlow *self = COMM_IMPORT_FLOW (object);

  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->database);
  g_free (self->path);
  comm_import_options_free (self->options);
  comm_import_source_free (self->source);
  g_clear_pointer (&self->plan, self->hooks->plan_free);
  G_OBJECT_CLASS (comm_import_flow_parent_class)->finalize (object);
}

static void
comm_import_flow_class_init (CommImportFlowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comm_import_flow_finalize;
}

static void
comm_import_flow_init (CommImportFlow *self)
{
  self->options = comm_import_options_new ();
}

/* Public API */

CommImportFlow *
comm_import_flow_new (GtkWindow                 *dialog,
                      const CommImportFlowHooks *hooks,
                      CommProgressOverlay       *progress,
                      GtkLabel                  *error_label,
                      AdwActionRow              *file_row,
                      AdwActionRow              *format_row)
{
  CommImportFlow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (dialog), NULL);
  g_return_val_if_fail (hooks != NULL, NULL);
  g_return_val_if_fail (COMM_IS_PROGRESS_OVERLAY (progress), NULL);

  self = g_object_new (COMM_TYPE_IMPORT_FLOW, NULL);
  g_set_weak_pointer (&self->dialog, dialog);
  self->hooks = hooks;
  self->progress = progress;
  self->error_label = error_label;
  self->file_row = file_row;
  self->format_row = format_row;
  return self;
}

void
comm_import_flow_set_database (CommImportFlow *self,
                               CommDatabase   *database)
{
  g_return_if_fail (COMM_IS_IMPORT_FLOW (self));
  g_set_object (&self->database, database);
}

CommImportOptions *
comm_import_flow_get_options (CommImportFlow *self)
{
  g_return_val_if_fail (COMM_IS_IMPORT_FLOW (self), NULL);
  return self->options;
}

void
comm_import_flow_set_options (CommImportFlow    *self,
                              CommImportOptions *options)
{
  g_return_if_fail (COMM_IS_IMPORT_FLOW (self));
  g_return_if_fail (options != NULL);

  comm_import_options_free (self->options);
  self->options = options;
}

CommImportSource *
comm_import_flow_get_source (CommImportFlow *self)
{
  g_return_val_if_fail (COMM_IS_IMPORT_FLOW (self), NULL);
  return self->source;
}

gpointer
comm_import_flow_get_plan (CommImportFlow *self)
{
  g_return_val_if_fail (COMM_IS_IMPORT_FLOW (self), NULL);
  return self->plan;
}

guint
comm_import_flow_count (CommImportFlow    *self,
                        CommImportRowKind  kind)
{
  g_return_val_if_fail (COMM_IS_IMPORT_FLOW (self), 0);
  return self->plan != NULL ? self->hooks->plan_count (self->plan, kind) : 0;
}

guint
comm_import_flow_count_writes (CommImportFlow *self)
{
  return comm_import_flow_count (self, COMM_IMPORT_ROW_NEW) + comm_import_flow_count (self, COMM_IMPORT_ROW_UPDATED);
}

gboolean
comm_import_flow_get_busy (CommImportFlow *self)
{
  g_return_val_if_fail (COMM_IS_IMPORT_FLOW (self), FALSE);
  return comm_progress_overlay_get_busy (self->progress);
}

void
comm_import_flow_show_error (CommImportFlow *self,
                             const char     *message)
{
  g_return_if_fail (COMM_IS_IMPORT_FLOW (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
comm_import_flow_load_file (CommImportFlow *self,
                            const char     *path)
{
  g_return_if_fail (COMM_IS_IMPORT_FLOW (self));

  if (comm_progress_overlay_get_busy (self->progress))
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  comm_import_flow_show_error (self, NULL);
  comm_import_flow_check (self, TRUE);
}

void
comm_import_flow_check (CommImportFlow *self,
                        gboolean        reread)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (COMM_IS_IMPORT_FLOW (self));

  if (self->path == NULL || self->dialog == NULL)
    return;
  if (comm_progress_overlay_get_busy (self->progress))
    {
      self->pending = TRUE;
      return;
    }
  self->pending = FALSE;
  if ((job = job_new (self, &error)) == NULL)
    {
      comm_import_flow_show_error (self, error->message);
      return;
    }
  if (reread || self->source == NULL)
    job->path = g_strdup (self->path);
  else
    job->source = self->source;
  if (self->hooks->settings_new != NULL)
    job->settings = self->hooks->settings_new (self->dialog);
  comm_progress_overlay_run (self->progress, reread ? _("Reading and checking the file…") : _("Checking the rows…"),
                             check_worker, job, job_free, check_result_free,
                             on_check_done_cb, g_object_ref (self));
  self->hooks->update_actions (self->dialog);
}

void
comm_import_flow_apply (CommImportFlow *self,
                        gboolean        good_only)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (COMM_IS_IMPORT_FLOW (self));

  if (self->plan == NULL || comm_progress_overlay_get_busy (self->progress))
    return;
  if ((job = job_new (self, &error)) == NULL)
    {
      comm_import_flow_show_error (self, error->message);
      return;
    }
  job->plan = self->plan;
  job->good_only = good_only;
  comm_progress_overlay_run (self->progress, _("Importing…"), apply_worker, job, job_free, NULL,
                             on_apply_done_cb, g_object_ref (self));
  self->hooks->update_actions (self->dialog);
}

void
comm_import_flow_choose_file (CommImportFlow *self,
                              const char     *title)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (COMM_IS_IMPORT_FLOW (self));

  chooser = new_chooser (self, title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
comm_import_flow_save_rejects (CommImportFlow *self,
                               const char     *file_name)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (COMM_IS_IMPORT_FLOW (self));

  chooser = new_chooser (self, _("Save Rejected Rows"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data (G_OBJECT (chooser), "comm-rejects", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
