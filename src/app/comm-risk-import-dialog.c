/* comm-risk-import-dialog.c: Import a risk register from CSV - register, file, preview, import
 *
 * Reading, checking and importing run in worker threads behind the CommProgressOverlay, each
 * with its own database connection, through a CommImportFlow (comm-import-flow.c), which also
 * keeps the file read and the plan. Changing the register, the scale or a column
 * (comm-risk-import-columns.c) checks the rows again; a new register's name is checked when
 * Enter is pressed (the overlay makes the form insensitive while it works, so it never runs
 * while someone types).
 * Nothing is written until Import All or Import Good Rows Only, and then in one transaction.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "comm-risk-import-dialog-private.h"

/* What a check needs from the widgets (CommImportCheck's settings). Owned by the worker's job. */
typedef struct {
  char                   *register_name;
  CommRiskImportSettings  settings;
  int                     columns[COMM_RISK_N_FIELDS];
} CheckSettings;

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommRiskImportDialog, comm_risk_import_dialog, ADW_TYPE_WINDOW)

static void
check_settings_free (gpointer data)
{
  CheckSettings *check = data;

  g_free (check->register_name);
  g_free (check);
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

static gpointer
check_settings_new (GtkWindow *dialog)
{
  CommRiskImportDialog *self = COMM_RISK_IMPORT_DIALOG (dialog);
  CheckSettings *check = g_new0 (CheckSettings, 1);

  check->register_name = chosen_name (self);
  comm_risk_import_settings_init (&check->settings);
  check->settings.register_name = check->register_name;
  check->settings.scale_given = new_register_chosen (self);
  check->settings.scale = chosen_scale (self);
  /* The file's columns as the Columns group shows them (a file read again: as its headers say,
   * in the worker). */
  if (comm_import_flow_get_source (self->flow) != NULL)
    {
      memcpy (check->columns, comm_risk_import_columns_get (self->columns_group), sizeof check->columns);
      check->settings.columns = check->columns;
    }
  return check;
}

/* Why Import All (or both buttons) cannot be used now, or NULL. */
static char *
import_note (CommRiskImportDialog *self,
             gboolean              stale,
             guint                 writes,
             guint                 rejected)
{
  if (comm_import_flow_get_plan (self->flow) == NULL)
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
  gboolean idle = !comm_import_flow_get_busy (self->flow);
  gboolean planned = comm_import_flow_get_plan (self->flow) != NULL;
  gboolean stale = planned && g_strcmp0 (name, self->plan_name) != 0;
  guint rejected = comm_import_flow_count (self->flow, COMM_IMPORT_ROW_REJECTED);
  guint writes = comm_import_flow_count_writes (self->flow);
  gboolean ready = idle && planned && !stale && writes > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-import.import-all", ready && rejected == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-import.import-good", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-import.choose-file", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk-import.save-rejects", idle && planned && rejected > 0);
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

/* The plan, for the flow (comm-import-flow.h; plan_new and plan_apply run in its worker thread) */

/* A typed name may be an existing register's: its scale must be the one asked for. */
static gboolean
check_existing_scale (CommDatabase   *db,
                      CheckSettings  *check,
                      GError        **error)
{
  g_autoptr(CommRiskRegister) reg = NULL;

  if (!check->settings.scale_given)
    return TRUE;
  reg = comm_risk_register_store_find (db, check->register_name, NULL);
  if (reg == NULL || reg->scale == check->settings.scale)
    return TRUE;
  g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
               _("There is already a register called “%s” and it uses the %s scale, not %s: choose it under "
                 "Import into to add to it, or type another name."),
               reg->name, comm_risk_scale_label (reg->scale), comm_risk_scale_label (check->settings.scale));
  return FALSE;
}

static gpointer
plan_new (const CommImportCheck  *check,
          GCancellable           *cancellable,
          CommProgressFunc        progress,
          gpointer                progress_data,
          GError                **error)
{
  CheckSettings *settings = check->settings;
  CommRiskImportPlan *plan = NULL;
  g_autoptr(GError) local_error = NULL;

  if (check->new_source)
    {
      comm_risk_import_guess_columns (comm_import_source_get_header (check->source), settings->columns);
      settings->settings.columns = settings->columns;
    }
  progress (0.3, progress_data);
  if (*settings->register_name == '\0')
    g_set_error_literal (&local_error, COMM_ERROR, COMM_ERROR_INVALID,
                         _("Type a name for the new register, then press Enter."));
  else if (check_existing_scale (check->db, settings, &local_error))
    plan = comm_risk_import_plan_new (check->db, check->source, check->options, &settings->settings,
                                      cancellable, &local_error);
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    progress (1.0, progress_data);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return plan;
}

static gboolean
plan_apply (gpointer           plan,
            CommDatabase      *db,
            gboolean           good_only,
            GCancellable      *cancellable,
            CommProgressFunc   progress,
            gpointer           progress_data,
            GError           **error)
{
  if (!comm_risk_import_plan_apply (plan, db, good_only, cancellable, error))
    return FALSE;
  progress (1.0, progress_data);
  return TRUE;
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
      comm_import_flow_show_error (self->flow, error->message);
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
set_sections_visible (CommRiskImportDialog *self)
{
  gboolean source = comm_import_flow_get_source (self->flow) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page),
                          !source && !gtk_widget_get_visible (GTK_WIDGET (self->error_label)));
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), source);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), source);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), comm_import_flow_get_plan (self->flow) != NULL);
}

/* The dialog, for the flow */

static void
source_read (GtkWindow *dialog)
{
  CommRiskImportDialog *self = COMM_RISK_IMPORT_DIALOG (dialog);

  comm_risk_import_columns_set_header (self->columns_group,
                                       comm_import_source_get_header (comm_import_flow_get_source (self->flow)));
}

static void
checked (GtkWindow *dialog,
         gboolean   made)
{
  CommRiskImportDialog *self = COMM_RISK_IMPORT_DIALOG (dialog);

  if (made)
    {
      g_free (self->plan_name);
      self->plan_name = chosen_name (self);
      if (comm_import_flow_get_plan (self->flow) != NULL)
        _comm_risk_import_dialog_fill_results (self);
    }
  set_sections_visible (self);
}

static void
flow_update_actions (GtkWindow *dialog)
{
  update_actions (COMM_RISK_IMPORT_DIALOG (dialog));
}

static void
imported (GtkWindow *dialog)
{
  CommRiskImportDialog *self = COMM_RISK_IMPORT_DIALOG (dialog);

  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, self->n_imported, self->plan_name);
  gtk_window_destroy (dialog);
}

/* The core's plan functions, as the flow calls them (its plans are untyped). */

static guint
plan_count (gpointer          plan,
            CommImportRowKind kind)
{
  return comm_risk_import_plan_count (plan, kind);
}

static gboolean
plan_write_rejects (gpointer     plan,
                    const char  *path,
                    GError     **error)
{
  return comm_risk_import_plan_write_rejects (plan, path, error);
}

static void
plan_free (gpointer plan)
{
  comm_risk_import_plan_free (plan);
}

static const CommImportFlowHooks flow_hooks = {
  .plan_new = plan_new,
  .plan_apply = plan_apply,
  .plan_count = plan_count,
  .plan_write_rejects = plan_write_rejects,
  .plan_free = plan_free,
  .settings_new = check_settings_new,
  .settings_free = check_settings_free,
  .source_read = source_read,
  .checked = checked,
  .update_actions = flow_update_actions,
  .imported = imported,
};

static void
start_apply (CommRiskImportDialog *self,
             gboolean              good_only)
{
  self->n_imported = comm_import_flow_count_writes (self->flow);
  comm_import_flow_apply (self->flow, good_only);
}

/* Callbacks */

static void
on_register_selected_cb (CommRiskImportDialog *self)
{
  if (self->updating)
    return;
  sync_register_widgets (self);
  if (!new_register_chosen (self) || *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) != '\0')
    comm_import_flow_check (self->flow, FALSE);
  update_actions (self);
}

static void
on_scale_selected_cb (CommRiskImportDialog *self)
{
  if (self->updating || !new_register_chosen (self))
    return;
  comm_import_flow_check (self->flow, FALSE);
}

static void
on_columns_changed_cb (CommRiskImportDialog *self)
{
  comm_import_flow_check (self->flow, FALSE);
}

static void
on_name_apply_cb (CommRiskImportDialog *self)
{
  comm_import_flow_check (self->flow, FALSE);
  update_actions (self);
}

static void
on_name_changed_cb (CommRiskImportDialog *self)
{
  if (!self->updating)
    update_actions (self);
}

/* Actions */

static void
choose_file_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  comm_import_flow_choose_file (COMM_RISK_IMPORT_DIALOG (widget)->flow, _("Import Risk Register"));
}

static void
save_rejects_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  /* Translators: the suggested file name for the rows a risk import rejected */
  comm_import_flow_save_rejects (COMM_RISK_IMPORT_DIALOG (widget)->flow, _("rejected risks.csv"));
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  start_apply (COMM_RISK_IMPORT_DIALOG (widget), g_str_equal (action_name, "risk-import.import-good"));
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
  g_clear_object (&self->flow);
  g_free (self->plan_name);
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
  gtk_widget_class_install_action (widget_class, "risk-import.import-all", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "risk-import.import-good", NULL, import_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comm_risk_import_dialog_init (CommRiskImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->flow = comm_import_flow_new (GTK_WINDOW (self), &flow_hooks, self->progress, self->error_label,
                                     self->file_row, self->format_row);
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
  comm_import_flow_set_database (self->flow, database);
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
  comm_import_flow_check (self->flow, FALSE);
  update_actions (self);
}

void
comm_risk_import_dialog_load_file (CommRiskImportDialog *self,
                                   const char           *path)
{
  g_return_if_fail (COMM_IS_RISK_IMPORT_DIALOG (self));

  comm_import_flow_load_file (self->flow, path);
}

gboolean
comm_risk_import_dialog_get_busy (CommRiskImportDialog *self)
{
  g_return_val_if_fail (COMM_IS_RISK_IMPORT_DIALOG (self), FALSE);
  return comm_import_flow_get_busy (self->flow);
}
