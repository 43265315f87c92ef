/* comm-import-dialog.c: Import Contracts - choose a CSV file, check the columns, preview, import
 *
 * Reading, checking and importing run in worker threads behind the CommProgressOverlay, each
 * with its own database connection, through a CommImportFlow (comm-import-flow.c), which also
 * keeps the file read and the plan. Changing a column or a preset checks the rows again. Nothing
 * is written until Import All or Import Good Rows Only, and then in one transaction, so Cancel
 * (or a failure) leaves the workspace as it was.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-import-dialog-private.h"

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommImportDialog, comm_import_dialog, ADW_TYPE_WINDOW)

/* The plan, for the flow (comm-import-flow.h; plan_new runs in its worker thread) */

static gpointer
plan_new (const CommImportCheck  *check,
          GCancellable           *cancellable,
          CommProgressFunc        progress,
          gpointer                progress_data,
          GError                **error)
{
  return comm_import_plan_new (check->db, check->source, check->options, cancellable, progress, progress_data, error);
}

/* Helpers */

static void
update_actions (CommImportDialog *self)
{
  guint rejected = comm_import_flow_count (self->flow, COMM_IMPORT_ROW_REJECTED);
  guint writes = comm_import_flow_count_writes (self->flow);
  gboolean idle = !comm_import_flow_get_busy (self->flow);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import-all", idle && writes > 0 && rejected == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import-good", idle && writes > 0 && rejected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-rejects", idle && rejected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", idle);
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

/* The reading options shown as they are in the flow's options (after a preset was picked). */
static void
sync_reading_widgets (CommImportDialog *self)
{
  const CommImportOptions *options = comm_import_flow_get_options (self->flow);
  guint separator = 0;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (separators[i] == options->separator)
      separator = i;
  self->updating = TRUE;
  adw_combo_row_set_selected (self->encoding_row,
                              options->encoding == COMM_IMPORT_ENCODING_WINDOWS_1252 ? 2
                              : options->encoding == COMM_IMPORT_ENCODING_AUTO ? 0 : 1);
  adw_combo_row_set_selected (self->separator_row, separator);
  adw_combo_row_set_selected (self->date_row, options->date_format);
  gtk_spin_button_set_value (self->skip_spin, options->skip_lines);
  self->updating = FALSE;
}

static void
set_sections_visible (CommImportDialog *self)
{
  gboolean source = comm_import_flow_get_source (self->flow) != NULL;
  gboolean plan = comm_import_flow_get_plan (self->flow) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), !source && !plan && !gtk_widget_get_visible (GTK_WIDGET (self->error_label)));
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), source);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_group), source);
  gtk_widget_set_visible (self->sample_heading, source);
  gtk_widget_set_visible (self->sample_scroller, source);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), source);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), plan);
}

/* The dialog, for the flow */

static void
source_read (GtkWindow *dialog)
{
  CommImportDialog *self = COMM_IMPORT_DIALOG (dialog);

  self->updating = TRUE;
  _comm_import_dialog_fill_sample (self);
  _comm_import_dialog_fill_mapping (self);
  self->updating = FALSE;
}

static void
checked (GtkWindow *dialog,
         gboolean   made)
{
  CommImportDialog *self = COMM_IMPORT_DIALOG (dialog);

  if (made && comm_import_flow_get_plan (self->flow) != NULL)
    _comm_import_dialog_fill_results (self);
  set_sections_visible (self);
}

static void
flow_update_actions (GtkWindow *dialog)
{
  update_actions (COMM_IMPORT_DIALOG (dialog));
}

static void
imported (GtkWindow *dialog)
{
  g_signal_emit (dialog, signals[SIGNAL_IMPORTED], 0);
  gtk_window_destroy (dialog);
}

/* The core's plan functions, as the flow calls them (its plans are untyped). */

static gboolean
plan_apply (gpointer           plan,
            CommDatabase      *db,
            gboolean           good_only,
            GCancellable      *cancellable,
            CommProgressFunc   progress,
            gpointer           progress_data,
            GError           **error)
{
  return comm_import_plan_apply (plan, db, good_only, cancellable, progress, progress_data, error);
}

static guint
plan_count (gpointer          plan,
            CommImportRowKind kind)
{
  return comm_import_plan_count (plan, kind);
}

static gboolean
plan_write_rejects (gpointer     plan,
                    const char  *path,
                    GError     **error)
{
  return comm_import_plan_write_rejects (plan, path, error);
}

static void
plan_free (gpointer plan)
{
  comm_import_plan_free (plan);
}

static const CommImportFlowHooks flow_hooks = {
  .plan_new = plan_new,
  .plan_apply = plan_apply,
  .plan_count = plan_count,
  .plan_write_rejects = plan_write_rejects,
  .plan_free = plan_free,
  .source_read = source_read,
  .checked = checked,
  .update_actions = flow_update_actions,
  .imported = imported,
};

/* Callbacks */

void
_comm_import_dialog_mapping_changed (CommImportDialog *self,
                                     AdwComboRow      *row)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "comm-field"));
  guint selected = adw_combo_row_get_selected (row);
  CommImportOptions *options = comm_import_flow_get_options (self->flow);
  CommImportSource *source = comm_import_flow_get_source (self->flow);
  const char * const *header;

  if (self->updating || source == NULL)
    return;
  header = comm_import_source_get_header (source);
  g_free (options->columns[field]);
  options->columns[field] = g_strdup (selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                        ? "" : header[selected - 1]);
  comm_import_flow_check (self->flow, FALSE);
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
      comm_import_flow_show_error (self->flow, error->message);
      return;
    }
  comm_import_flow_set_options (self->flow, options);
  sync_reading_widgets (self);
  comm_import_flow_check (self->flow, TRUE);
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
  CommImportOptions *options = comm_import_flow_get_options (self->flow);

  if (self->updating)
    return;
  options->encoding = encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : COMM_IMPORT_ENCODING_AUTO;
  options->separator = separator < G_N_ELEMENTS (separators) ? separators[separator] : 0;
  options->date_format = date <= COMM_IMPORT_DATE_MONTH_NAME ? (CommImportDateFormat) date : COMM_IMPORT_DATE_AUTO;
  options->skip_lines = (guint) gtk_spin_button_get_value_as_int (self->skip_spin);
  comm_import_flow_check (self->flow, TRUE);
}

static void
on_preset_name_apply_cb (CommImportDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->preset_name_row))));
  g_autoptr(GError) error = NULL;

  if (!comm_import_preset_save (self->database, name, comm_import_flow_get_options (self->flow), &error))
    {
      comm_import_flow_show_error (self->flow, error->message);
      return;
    }
  fill_presets (self, name);
  gtk_editable_set_text (GTK_EDITABLE (self->preset_name_row), "");
}

/* Actions */

static void
choose_file_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  comm_import_flow_choose_file (COMM_IMPORT_DIALOG (widget)->flow, _("Import Contracts"));
}

static void
save_rejects_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  /* Translators: the suggested file name for the rows an import rejected */
  comm_import_flow_save_rejects (COMM_IMPORT_DIALOG (widget)->flow, _("rejected rows.csv"));
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  comm_import_flow_apply (COMM_IMPORT_DIALOG (widget)->flow, g_str_equal (action_name, "import.import-good"));
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
  g_clear_object (&self->flow);
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
  gtk_widget_class_install_action (widget_class, "import.import-all", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "import.import-good", NULL, import_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comm_import_dialog_init (CommImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->flow = comm_import_flow_new (GTK_WINDOW (self), &flow_hooks, self->progress, self->error_label,
                                     self->file_row, self->format_row);
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
  comm_import_flow_set_database (self->flow, database);
  fill_presets (self, NULL);
  return self;
}

void
comm_import_dialog_load_file (CommImportDialog *self,
                              const char       *path)
{
  g_return_if_fail (COMM_IS_IMPORT_DIALOG (self));

  comm_import_flow_load_file (self->flow, path);
}

gboolean
comm_import_dialog_get_busy (CommImportDialog *self)
{
  g_return_val_if_fail (COMM_IS_IMPORT_DIALOG (self), FALSE);
  return comm_import_flow_get_busy (self->flow);
}
