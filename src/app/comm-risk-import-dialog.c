/* comm-risk-import-dialog.c: Import a risk register from CSV - register, file, preview, import
 *
 * Reading, checking and importing run in worker threads behind the CommProgressOverlay, each
 * with its own database connection (comm_database_open_secondary). Changing the register, the
 * scale or a column (comm-risk-import-columns.c) checks the rows again; a new register's name is checked when Enter is pressed (the
 * overlay makes the form insensitive while it works, so it never runs while someone types).
 * Nothing is written until Import All or Import Good Rows Only, and then in one transaction.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "comm-risk-import-dialog-private.h"


/* A worker's input. Owned by the worker's GTask. */
typedef struct {
  CommDatabase           *db;        /* a secondary connection */
  char                   *path;      /* read the file again; NULL: check the dialog's source */
  CommImportOptions      *options;
  CommImportSource       *source;    /* borrowed: the dialog keeps it while busy */
  CommRiskImportPlan     *plan;      /* borrowed, for applying */
  char                   *register_name;
  CommRiskImportSettings  settings;
  int                     columns[COMM_RISK_N_FIELDS];
  gboolean                good_only;
} Job;

typedef struct {
  CommImportSource   *source;      /* newly read, or NULL */
  CommRiskImportPlan *plan;        /* NULL if the rows could not be checked */
  GError             *plan_error;
} CheckResult;

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommRiskImportDialog, comm_risk_import_dialog, ADW_TYPE_WINDOW)

static void start_check (CommRiskImportDialog *self, gboolean reread);

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->db);
  g_free (job->path);
  g_free (job->register_name);
  comm_import_options_free (job->options);
  g_free (job);
}

static void
check_result_free (gpointer data)
{
  CheckResult *result = data;

  comm_import_source_free (result->source);
  comm_risk_import_plan_free (result->plan);
  g_clear_error (&result->plan_error);
  g_free (result);
}

/* Helpers */

static gboolean
new_register_chosen (CommRiskImportDialog *self)
{
  return adw_combo_row_get_selected (self->register_row) >= g_list_model_get_n_items (G_LIST_MODEL (self->registers));
}

static CommRiskScaleKind
chosen_scale (CommRiskImportDialog *self)
{
  return adw_combo_row_get_selected (self->scale_row) == 1 ? COMM_RISK_SCALE_LMH : COMM_RISK_SCALE_5X5;
}

/* The register name the widgets ask for (a new string, "" if a new name is not typed yet). */
static char *
chosen_name (CommRiskImportDialog *self)
{
  g_autoptr(CommRiskRegister) reg = NULL;

  if (new_register_chosen (self))
    return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  reg = g_list_model_get_item (G_LIST_MODEL (self->registers), adw_combo_row_get_selected (self->register_row));
  return g_strdup (reg != NULL ? reg->name : "");
}

static Job *
job_new (CommRiskImportDialog  *self,
         GError               **error)
{
  Job *job = g_new0 (Job, 1);

  job->db = comm_database_open_secondary (self->database, error);
  if (job->db == NULL)
    {
      job_free (job);
      return NULL;
    }
  job->options = comm_import_options_copy (self->options);
  job->register_name = chosen_name (self);
  comm_risk_import_settings_init (&job->settings);
  job->settings.register_name = job->register_name;
  job->settings.scale_given = new_register_chosen (self);
  job->settings.scale = chosen_scale (self);
  /* The file's columns as the Columns group shows them (a file read again: as its headers say,
   * in the worker). */
  if (self->source != NULL)
    {
      memcpy (job->columns, comm_risk_import_columns_get (self->columns_group), sizeof job->columns);
      job->settings.columns = job->columns;
    }
  return job;
}

static void
show_error (CommRiskImportDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Why Import All (or both buttons) cannot be used now, or NULL. */
static char *
import_note (CommRiskImportDialog *self,
             gboolean              stale,
             guint                 writes,
             guint                 rejected)
{
  if (self->plan == NULL)
    return NULL;
  if (stale)
    return g_strdup (_("Press Enter in the new register name to check the rows against it."));
  if (writes == 0)
    return g_strdup (_("Nothing to import: no row is new or changed."));
  if (rejected > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Import All is off because %u row has problems: put it right in the file, or import the good rows only.",
                                         "Import All is off because %u rows have problems: put them right in the file, or import the good rows only.",
                                         rejected), rejected);
  return NULL;
}

static void
update_actions (CommRiskImportDialog *self)
{
  g_autofree char *name = chosen_name (self);
  g_autofree char *note = NULL;
  gboolean idle = !comm_progress_overlay_get_busy (self->progress);
  gboolean stale = self->plan != NULL && g_strcmp0 (name, self->plan_name) != 0;
  guint rejected = self->plan != NULL ? comm_risk_import_plan_count (self->plan, COMM_IMPORT_ROW_REJECTED) : 0;
  guint writes = self->plan != NULL ? comm_risk_import_plan_count (self->plan, COMM_IMPORT_ROW_NEW) +
                                      comm_risk_import_plan_count (self->plan, COMM_IMPORT_ROW_UPDATED) : 0;
  gboolean ready = idle && self->plan != NULL && !stale && writes > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-import.import-all", ready && rejected == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-import.import-good", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-import.choose-file", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-import.save-rejects", idle && self->plan != NULL && rejected > 0);
  note = import_note (self, stale, writes, rejected);
  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_tooltip_text (self->import_all_button, note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->import_all_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note != NULL ? note : "", -1);
}

static void
sync_register_widgets (CommRiskImportDialog *self)
{
  gboolean is_new = new_register_chosen (self);
  g_autoptr(CommRiskRegister) reg = is_new ? NULL
    : g_list_model_get_item (G_LIST_MODEL (self->registers), adw_combo_row_get_selected (self->register_row));

  gtk_widget_set_visible (GTK_WIDGET (self->name_row), is_new);
  /* An existing register keeps its own scale: shown, not changed here */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), is_new);
  if (reg != NULL)
    {
      self->updating = TRUE;
      adw_combo_row_set_selected (self->scale_row, reg->scale == COMM_RISK_SCALE_LMH ? 1 : 0);
      self->updating = FALSE;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row),
                               is_new ? _("Of the new register; ranges such as M/H need Low / Medium / High")
                                      : _("The register’s own; change it in Register Settings"));
}

/* Workers (run in a thread; no widgets) */

/* A typed name may be an existing register's: its scale must be the one asked for. */
static gboolean
check_existing_scale (Job     *job,
                      GError **error)
{
  g_autoptr(CommRiskRegister) reg = NULL;

  if (!job->settings.scale_given)
    return TRUE;
  reg = comm_risk_register_store_find (job->db, job->register_name, NULL);
  if (reg == NULL || reg->scale == job->settings.scale)
    return TRUE;
  g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
               _("There is already a register called “%s” and it uses the %s scale, not %s: choose it under "
                 "Import into to add to it, or type another name."),
               reg->name, comm_risk_scale_label (reg->scale), comm_risk_scale_label (job->settings.scale));
  return FALSE;
}

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
      comm_risk_import_guess_columns (comm_import_source_get_header (result->source), job->columns);
      job->settings.columns = job->columns;
    }
  progress (0.3, progress_data);
  if (*job->register_name == '\0')
    g_set_error_literal (&result->plan_error, COMM_ERROR, COMM_ERROR_INVALID,
                         _("Type a name for the new register, then press Enter."));
  else if (check_existing_scale (job, &result->plan_error))
    result->plan = comm_risk_import_plan_new (job->db, result->source != NULL ? result->source : job->source,
                                              job->options, &job->settings, cancellable, &result->plan_error);
  if (g_error_matches (result->plan_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&result->plan_error));
      check_result_free (result);
      return NULL;
    }
  progress (1.0, progress_data);
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

  if (!comm_risk_import_plan_apply (job->plan, job->db, job->good_only, cancellable, error))
    return NULL;
  progress (1.0, progress_data);
  return GINT_TO_POINTER (TRUE);
}

/* Filling the widgets */

static void
fill_registers (CommRiskImportDialog *self,
                const char           *select)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) registers = NULL;
  GDate today;
  guint n, selected;

  comm_date_today (&today);
  registers = comm_risk_register_store_list (self->database, &today, &error);
  if (registers == NULL)
    {
      show_error (self, error->message);
      registers = g_list_store_new (COMM_TYPE_RISK_REGISTER);
    }
  g_set_object (&self->registers, registers);
  n = g_list_model_get_n_items (G_LIST_MODEL (registers));
  selected = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommRiskRegister) reg = g_list_model_get_item (G_LIST_MODEL (registers), i);

      gtk_string_list_append (names, reg->name);
      if (select != NULL && g_utf8_collate (reg->name, select) == 0)
        selected = i;
    }
  gtk_string_list_append (names, _("A new register"));
  self->updating = TRUE;
  adw_combo_row_set_model (self->register_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->register_row, selected);
  self->updating = FALSE;
  sync_register_widgets (self);
}

static void
show_source (CommRiskImportDialog *self)
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

static void
set_sections_visible (CommRiskImportDialog *self)
{
  gboolean source = self->source != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page),
                          !source && !gtk_widget_get_visible (GTK_WIDGET (self->error_label)));
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), source);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), source);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), self->plan != NULL);
}

/* Callbacks */

static void
on_check_done_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(CommRiskImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  CheckResult *result = comm_progress_overlay_run_finish (COMM_PROGRESS_OVERLAY (object), res, &error);

  if (self->progress == NULL)  /* closed while checking */
    {
      if (result != NULL)
        check_result_free (result);
      return;
    }
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_pointer (&self->source, comm_import_source_free);
          g_clear_pointer (&self->plan, comm_risk_import_plan_free);
          show_error (self, error->message);
        }
    }
  else
    {
      if (result->source != NULL)
        {
          comm_import_source_free (self->source);
          self->source = g_steal_pointer (&result->source);
          show_source (self);
          comm_risk_import_columns_set_header (self->columns_group, comm_import_source_get_header (self->source));
        }
      comm_risk_import_plan_free (self->plan);
      self->plan = g_steal_pointer (&result->plan);
      g_free (self->plan_name);
      self->plan_name = chosen_name (self);
      show_error (self, result->plan_error != NULL ? result->plan_error->message : NULL);
      if (self->plan != NULL)
        _comm_risk_import_dialog_fill_results (self);
      check_result_free (result);
    }
  set_sections_visible (self);
  update_actions (self);
  if (self->pending)
    start_check (self, FALSE);
}

static void
start_check (CommRiskImportDialog *self,
             gboolean              reread)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  if (self->path == NULL)
    return;
  if (comm_progress_overlay_get_busy (self->progress))
    {
      self->pending = TRUE;
      return;
    }
  self->pending = FALSE;
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
  g_autoptr(CommRiskImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (comm_progress_overlay_run_finish (COMM_PROGRESS_OVERLAY (object), res, &error) == NULL)
    {
      if (self->progress == NULL)  /* closed while importing: nothing was written */
        return;
      show_error (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                          ? _("The import was cancelled; nothing was imported.") : error->message);
      update_actions (self);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, self->n_imported, self->plan_name);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_apply (CommRiskImportDialog *self,
             gboolean              good_only)
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
  self->n_imported = comm_risk_import_plan_count (self->plan, COMM_IMPORT_ROW_NEW) +
                     comm_risk_import_plan_count (self->plan, COMM_IMPORT_ROW_UPDATED);
  comm_progress_overlay_run (self->progress, _("Importing…"), apply_worker, job, job_free, NULL,
                             on_apply_done_cb, g_object_ref (self));
  update_actions (self);
}

static void
on_register_selected_cb (CommRiskImportDialog *self)
{
  if (self->updating)
    return;
  sync_register_widgets (self);
  if (!new_register_chosen (self) || *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) != '\0')
    start_check (self, FALSE);
  update_actions (self);
}

static void
on_scale_selected_cb (CommRiskImportDialog *self)
{
  if (self->updating || !new_register_chosen (self))
    return;
  start_check (self, FALSE);
}

static void
on_columns_changed_cb (CommRiskImportDialog *self)
{
  start_check (self, FALSE);
}

static void
on_name_apply_cb (CommRiskImportDialog *self)
{
  start_check (self, FALSE);
  update_actions (self);
}

static void
on_name_changed_cb (CommRiskImportDialog *self)
{
  if (!self->updating)
    update_actions (self);
}

static void
on_chooser_response_cb (GtkNativeDialog      *chooser,
                        int                   response,
                        CommRiskImportDialog *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (path != NULL && g_object_get_data (G_OBJECT (chooser), "comm-rejects") != NULL)
    {
      if (self->plan != NULL && !comm_risk_import_plan_write_rejects (self->plan, path, &error))
        show_error (self, error->message);
    }
  else if (path != NULL)
    comm_risk_import_dialog_load_file (self, path);
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
  CommRiskImportDialog *self = COMM_RISK_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Risk Register"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_rejects_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CommRiskImportDialog *self = COMM_RISK_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save Rejected Rows"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name for the rows a risk import rejected */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("rejected risks.csv"));
  g_object_set_data (G_OBJECT (chooser), "comm-rejects", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_all_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_apply (COMM_RISK_IMPORT_DIALOG (widget), FALSE);
}

static void
import_good_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  start_apply (COMM_RISK_IMPORT_DIALOG (widget), TRUE);
}

/* Overrides */

static void
comm_risk_import_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COMM_TYPE_RISK_IMPORT_DIALOG);
  G_OBJECT_CLASS (comm_risk_import_dialog_parent_class)->dispose (object);
}

static void
comm_risk_import_dialog_finalize (GObject *object)
{
  CommRiskImportDialog *self = COMM_RISK_IMPORT_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_object (&self->registers);
  g_free (self->path);
  g_free (self->plan_name);
  comm_import_options_free (self->options);
  comm_import_source_free (self->source);
  comm_risk_import_plan_free (self->plan);
  G_OBJECT_CLASS (comm_risk_import_dialog_parent_class)->finalize (object);
}

static void
comm_risk_import_dialog_class_init (CommRiskImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_risk_import_dialog_dispose;
  object_class->finalize = comm_risk_import_dialog_finalize;

  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  g_type_ensure (COMM_TYPE_PROGRESS_OVERLAY);
  g_type_ensure (COMM_TYPE_RISK_IMPORT_COLUMNS);
  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-risk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, register_row);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, rows_list);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, CommRiskImportDialog, import_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply_cb);

  gtk_widget_class_install_action (widget_class, "risk-import.choose-file", NULL, choose_file_cb);
  gtk_widget_class_install_action (widget_class, "risk-import.save-rejects", NULL, save_rejects_cb);
  gtk_widget_class_install_action (widget_class, "risk-import.import-all", NULL, import_all_cb);
  gtk_widget_class_install_action (widget_class, "risk-import.import-good", NULL, import_good_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comm_risk_import_dialog_init (CommRiskImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->options = comm_import_options_new ();
  self->registers = g_list_store_new (COMM_TYPE_RISK_REGISTER);
  g_signal_connect_object (self->register_row, "notify::selected", G_CALLBACK (on_register_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scale_row, "notify::selected", G_CALLBACK (on_scale_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->columns_group, "changed", G_CALLBACK (on_columns_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Public API */

CommRiskImportDialog *
comm_risk_import_dialog_new (GtkWindow    *parent,
                             CommDatabase *database,
                             const char   *register_name)
{
  CommRiskImportDialog *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);

  self = g_object_new (COMM_TYPE_RISK_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  fill_registers (self, register_name);
  update_actions (self);
  return self;
}

void
comm_risk_import_dialog_set_register (CommRiskImportDialog *self,
                                      const char           *name,
                                      CommRiskScaleKind     scale)
{
  guint n;

  g_return_if_fail (COMM_IS_RISK_IMPORT_DIALOG (self));
  g_return_if_fail (name != NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->registers));
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  adw_combo_row_set_selected (self->register_row, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommRiskRegister) reg = g_list_model_get_item (G_LIST_MODEL (self->registers), i);
      g_autofree char *a = g_utf8_casefold (reg->name, -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (g_strcmp0 (a, b) == 0)
        adw_combo_row_set_selected (self->register_row, i);
    }
  if (new_register_chosen (self))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      adw_combo_row_set_selected (self->scale_row, scale == COMM_RISK_SCALE_LMH ? 1 : 0);
    }
  self->updating = FALSE;
  sync_register_widgets (self);
  start_check (self, FALSE);
  update_actions (self);
}

void
comm_risk_import_dialog_load_file (CommRiskImportDialog *self,
                                   const char           *path)
{
  g_return_if_fail (COMM_IS_RISK_IMPORT_DIALOG (self));

  if (comm_progress_overlay_get_busy (self->progress))
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  show_error (self, NULL);
  start_check (self, TRUE);
}

gboolean
comm_risk_import_dialog_get_busy (CommRiskImportDialog *self)
{
  g_return_val_if_fail (COMM_IS_RISK_IMPORT_DIALOG (self), FALSE);
  return comm_progress_overlay_get_busy (self->progress);
}
