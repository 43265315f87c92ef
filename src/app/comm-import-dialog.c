/* comm-import-dialog.c: Import Contracts - choose a CSV file, check the columns, preview, import
 *
 * Reading, checking and importing run in worker threads behind the CommProgressOverlay, each
 * with its own database connection (comm_database_open_secondary). Changing a column or a preset
 * checks the rows again. Nothing is written until Import All or Import Good Rows Only, and then in
 * one transaction, so Cancel (or a failure) leaves the workspace as it was.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-import-dialog-private.h"


/* A worker's input. Owned by the worker's GTask. */
typedef struct {
  CommDatabase      *db;       /* a secondary connection */
  char              *path;     /* read the file again; NULL: check the dialog's source */
  CommImportOptions *options;
  CommImportSource  *source;   /* borrowed: the dialog keeps it while busy */
  CommImportPlan    *plan;     /* borrowed, for applying */
  gboolean           good_only;
} Job;

typedef struct {
  CommImportSource *source;     /* newly read, or NULL */
  CommImportPlan   *plan;       /* NULL if the rows could not be checked */
  GError           *plan_error;
} CheckResult;

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommImportDialog, comm_import_dialog, ADW_TYPE_WINDOW)

static void start_check (CommImportDialog *self, gboolean reread);

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->db);
  g_free (job->path);
  comm_import_options_free (job->options);
  g_free (job);
}

static void
check_result_free (gpointer data)
{
  CheckResult *result = data;

  comm_import_source_free (result->source);
  comm_import_plan_free (result->plan);
  g_clear_error (&result->plan_error);
  g_free (result);
}

static Job *
job_new (CommImportDialog  *self,
         GError           **error)
{
  Job *job = g_new0 (Job, 1);

  job->db = comm_database_open_secondary (self->database, error);
  if (job->db == NULL)
    {
      job_free (job);
      return NULL;
    }
  job->options = comm_import_options_copy (self->options);
  return job;
}

static void
show_error (CommImportDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_actions (CommImportDialog *self)
{
  guint rejected = self->plan != NULL ? comm_import_plan_count (self->plan, COMM_IMPORT_ROW_REJECTED) : 0;
  guint writes = self->plan != NULL ? comm_import_plan_count (self->plan, COMM_IMPORT_ROW_NEW) +
                                      comm_import_plan_count (self->plan, COMM_IMPORT_ROW_UPDATED) : 0;
  gboolean idle = !comm_progress_overlay_get_busy (self->progress);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import-all", idle && writes > 0 && rejected == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import-good", idle && writes > 0 && rejected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-rejects", idle && rejected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", idle);
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

  if (job->path != NULL)
    {
      result->source = comm_import_source_load (job->path, job->options, cancellable, error);
      if (result->source == NULL)
        {
          check_result_free (result);
          return NULL;
        }
    }
  result->plan = comm_import_plan_new (job->db, result->source != NULL ? result->source : job->source,
                                       job->options, cancellable, progress, progress_data,
                                       &result->plan_error);
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

  if (!comm_import_plan_apply (job->plan, job->db, job->good_only, cancellable, progress, progress_data, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

/* Filling the widgets */

static void
fill_presets (CommImportDialog *self,
              const char       *select)
{
  g_auto(GStrv) names = comm_import_preset_list (self->database, NULL);
  guint selected = 0;

  self->updating = TRUE;
  gtk_string_list_splice (self->presets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->presets)), NULL);
  gtk_string_list_append (self->presets, _("None"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_string_list_append (self->presets, names[i]);
      if (g_strcmp0 (names[i], select) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_selected (self->preset_row, selected);
  self->updating = FALSE;
}

static const char separators[] = { 0, ',', ';', '\t' };

/* The reading options shown as they are in self->options (after a preset was picked). */
static void
sync_reading_widgets (CommImportDialog *self)
{
  guint separator = 0;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (separators[i] == self->options->separator)
      separator = i;
  self->updating = TRUE;
  adw_combo_row_set_selected (self->encoding_row,
                              self->options->encoding == COMM_IMPORT_ENCODING_WINDOWS_1252 ? 2
                              : self->options->encoding == COMM_IMPORT_ENCODING_AUTO ? 0 : 1);
  adw_combo_row_set_selected (self->separator_row, separator);
  adw_combo_row_set_selected (self->date_row, self->options->date_format);
  gtk_spin_button_set_value (self->skip_spin, self->options->skip_lines);
  self->updating = FALSE;
}

static void
show_source (CommImportDialog *self)
{
  g_autofree char *name = g_filename_display_name (self->path);
  g_autofree char *format = NULL;
  g_autofree char *separator = g_utf8_strdown (comm_import_separator_label (comm_import_source_get_separator (self->source)), -1);

  /* Translators: "Windows-1252, separated by semicolon" */
  format = g_strdup_printf (_("%s, separated by %s"),
                            comm_import_encoding_label (comm_import_source_get_encoding (self->source)), separator);
  adw_action_row_set_subtitle (self->file_row, name);
  adw_action_row_set_subtitle (self->format_row, format);
  self->updating = TRUE;
  _comm_import_dialog_fill_sample (self);
  _comm_import_dialog_fill_mapping (self);
  self->updating = FALSE;
}

static void
set_sections_visible (CommImportDialog *self,
                      gboolean          source,
                      gboolean          plan)
{
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), !source && !plan && !gtk_widget_get_visible (GTK_WIDGET (self->error_label)));
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), source);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_group), source);
  gtk_widget_set_visible (self->sample_heading, source);
  gtk_widget_set_visible (self->sample_scroller, source);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), source);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), plan);
}

/* Callbacks */

void
_comm_import_dialog_mapping_changed (CommImportDialog *self,
                                     AdwComboRow      *row)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "comm-field"));
  guint selected = adw_combo_row_get_selected (row);
  const char * const *header;

  if (self->updating || self->source == NULL)
    return;
  header = comm_import_source_get_header (self->source);
  g_free (self->options->columns[field]);
  self->options->columns[field] = g_strdup (selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                              ? "" : header[selected - 1]);
  start_check (self, FALSE);
}

static void
on_check_done_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(CommImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  CheckResult *result = comm_progress_overlay_run_finish (self->progress, res, &error);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_pointer (&self->source, comm_import_source_free);
          g_clear_pointer (&self->plan, comm_import_plan_free);
          show_error (self, error->message);
        }
      set_sections_visible (self, self->source != NULL, self->plan != NULL);
      update_actions (self);
      return;
    }

  if (result->source != NULL)
    {
      comm_import_source_free (self->source);
      self->source = g_steal_pointer (&result->source);
      show_source (self);
    }
  comm_import_plan_free (self->plan);
  self->plan = g_steal_pointer (&result->plan);
  show_error (self, result->plan_error != NULL ? result->plan_error->message : NULL);
  if (self->plan != NULL)
    _comm_import_dialog_fill_results (self);
  set_sections_visible (self, TRUE, self->plan != NULL);
  update_actions (self);
  check_result_free (result);
}

static void
start_check (CommImportDialog *self,
             gboolean          reread)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  if (self->path == NULL || comm_progress_overlay_get_busy (self->progress))
    return;
  if ((job = job_new (self, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (reread || self->source == NULL)
    job->path = g_strdup (self->path);
  else
    job->source = self->source;
  comm_progress_overlay_run (self->progress, reread ? _("Reading and checking the file…") : _("Checking the rows…"),
                             check_worker, job, job_free, check_result_free,
                             on_check_done_cb, g_object_ref (self));
  update_actions (self);
}

static void
on_apply_done_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(CommImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (comm_progress_overlay_run_finish (self->progress, res, &error) == NULL)
    {
      show_error (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                          ? _("The import was cancelled; nothing was imported.") : error->message);
      update_actions (self);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_apply (CommImportDialog *self,
             gboolean          good_only)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  if (self->plan == NULL || comm_progress_overlay_get_busy (self->progress))
    return;
  if ((job = job_new (self, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  job->plan = self->plan;
  job->good_only = good_only;
  comm_progress_overlay_run (self->progress, _("Importing…"), apply_worker, job, job_free, NULL,
                             on_apply_done_cb, g_object_ref (self));
  update_actions (self);
}

static void
on_preset_selected_cb (AdwComboRow      *row,
                       GParamSpec       *pspec,
                       CommImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;
  CommImportOptions *options;

  if (self->updating || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;
  options = comm_import_preset_load (self->database,
                                     gtk_string_list_get_string (self->presets, selected), &error);
  if (options == NULL)
    {
      show_error (self, error->message);
      return;
    }
  comm_import_options_free (self->options);
  self->options = options;
  sync_reading_widgets (self);
  start_check (self, TRUE);
}

static void
on_reading_changed_cb (CommImportDialog *self)
{
  static const CommImportEncoding encodings[] = {
    COMM_IMPORT_ENCODING_AUTO, COMM_IMPORT_ENCODING_UTF8, COMM_IMPORT_ENCODING_WINDOWS_1252
  };
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint separator = adw_combo_row_get_selected (self->separator_row);
  guint date = adw_combo_row_get_selected (self->date_row);

  if (self->updating)
    return;
  self->options->encoding = encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : COMM_IMPORT_ENCODING_AUTO;
  self->options->separator = separator < G_N_ELEMENTS (separators) ? separators[separator] : 0;
  self->options->date_format = date <= COMM_IMPORT_DATE_MONTH_NAME ? (CommImportDateFormat) date : COMM_IMPORT_DATE_AUTO;
  self->options->skip_lines = (guint) gtk_spin_button_get_value_as_int (self->skip_spin);
  start_check (self, TRUE);
}

static void
on_preset_name_apply_cb (CommImportDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->preset_name_row))));
  g_autoptr(GError) error = NULL;

  if (!comm_import_preset_save (self->database, name, self->options, &error))
    {
      show_error (self, error->message);
      return;
    }
  fill_presets (self, name);
  gtk_editable_set_text (GTK_EDITABLE (self->preset_name_row), "");
}

static GtkFileChooserNative *
new_chooser (CommImportDialog     *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));

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
on_chooser_response_cb (GtkNativeDialog  *chooser,
                        int               response,
                        CommImportDialog *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (path != NULL && g_object_get_data (G_OBJECT (chooser), "comm-rejects") != NULL)
    {
      if (!comm_import_plan_write_rejects (self->plan, path, &error))
        show_error (self, error->message);
    }
  else if (path != NULL)
    comm_import_dialog_load_file (self, path);
  else if (file != NULL)
    show_error (self, _("Choose a file on this computer or on a drive it has mounted."));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Actions */

static void
choose_file_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CommImportDialog *self = COMM_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Import Contracts"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_rejects_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CommImportDialog *self = COMM_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Save Rejected Rows"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));

  /* Translators: the suggested file name for the rows an import rejected */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("rejected rows.csv"));
  g_object_set_data (G_OBJECT (chooser), "comm-rejects", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_all_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_apply (COMM_IMPORT_DIALOG (widget), FALSE);
}

static void
import_good_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  start_apply (COMM_IMPORT_DIALOG (widget), TRUE);
}

/* Overrides */

static void
comm_import_dialog_dispose (GObject *object)
{
  CommImportDialog *self = COMM_IMPORT_DIALOG (object);

  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (comm_import_dialog_parent_class)->dispose (object);
}

static void
comm_import_dialog_finalize (GObject *object)
{
  CommImportDialog *self = COMM_IMPORT_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_object (&self->presets);
  g_free (self->path);
  comm_import_options_free (self->options);
  comm_import_source_free (self->source);
  comm_import_plan_free (self->plan);
  G_OBJECT_CLASS (comm_import_dialog_parent_class)->finalize (object);
}

static void
comm_import_dialog_class_init (CommImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_import_dialog_dispose;
  object_class->finalize = comm_import_dialog_finalize;

  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (COMM_TYPE_PROGRESS_OVERLAY);
  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, reading_group);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, skip_spin);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, preset_name_row);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, sample_heading);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, sample_scroller);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, sample_grid);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, CommImportDialog, rows_list);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_name_apply_cb);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_cb);
  gtk_widget_class_install_action (widget_class, "import.save-rejects", NULL, save_rejects_cb);
  gtk_widget_class_install_action (widget_class, "import.import-all", NULL, import_all_cb);
  gtk_widget_class_install_action (widget_class, "import.import-good", NULL, import_good_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comm_import_dialog_init (CommImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->options = comm_import_options_new ();
  self->mapping_rows = g_ptr_array_new ();
  self->presets = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (self->presets));
  g_signal_connect_object (self->preset_row, "notify::selected", G_CALLBACK (on_preset_selected_cb), self, 0);
  g_signal_connect_object (self->encoding_row, "notify::selected", G_CALLBACK (on_reading_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->separator_row, "notify::selected", G_CALLBACK (on_reading_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "notify::selected", G_CALLBACK (on_reading_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skip_spin, "value-changed", G_CALLBACK (on_reading_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Public API */

CommImportDialog *
comm_import_dialog_new (GtkWindow    *parent,
                        CommDatabase *database)
{
  CommImportDialog *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);

  self = g_object_new (COMM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  fill_presets (self, NULL);
  return self;
}

void
comm_import_dialog_load_file (CommImportDialog *self,
                              const char       *path)
{
  g_return_if_fail (COMM_IS_IMPORT_DIALOG (self));

  if (comm_progress_overlay_get_busy (self->progress))
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  show_error (self, NULL);
  start_check (self, TRUE);
}

gboolean
comm_import_dialog_get_busy (CommImportDialog *self)
{
  g_return_val_if_fail (COMM_IS_IMPORT_DIALOG (self), FALSE);
  return comm_progress_overlay_get_busy (self->progress);
}
