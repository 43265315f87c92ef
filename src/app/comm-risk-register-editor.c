/* comm-risk-register-editor.c: the window that edits a risk register's settings
 *
 * The settings are read into a working copy as typed and checked with
 * comm_risk_register_validate(); the store checks the rest (unique name, parent) on Save. A new
 * scale for a register with risks is only taken once its preview (the core's mapping of every
 * rating) has been accepted, and is applied after the other settings are saved. A register with
 * no risks can be deleted here, after a question ("deleted" is emitted with its name).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-editor-support.h"
#include "comm-risk-register-editor.h"
#include "comm-risk-store.h"

struct _CommRiskRegisterEditor
{
  AdwWindow         parent_instance;

  AdwWindowTitle   *window_title;
  AdwEntryRow      *name_row;
  AdwComboRow      *kind_row;
  AdwEntryRow      *programme_row;
  AdwComboRow      *contract_row;
  AdwComboRow      *parent_row;
  AdwEntryRow      *owner_row;
  AdwEntryRow      *description_row;
  AdwComboRow      *scale_row;
  GtkSpinButton    *low_spin;
  GtkSpinButton    *medium_spin;
  GtkSpinButton    *high_spin;
  GtkLabel         *problem_label;
  GtkWidget        *delete_group;
  AdwActionRow     *delete_row;

  CommDatabase     *database;
  CommRiskRegister *working;
  CommRiskScaleKind stored_scale;
  CommRiskScaleKind scale;        /* chosen and confirmed */
  GArray           *contract_ids; /* gint64, parallel to the contract combo */
  GArray           *parent_ids;   /* gint64, parallel to the parent combo */
  GtkWindow        *preview;      /* weak */
  gboolean          is_new;
  gboolean          loading;
};

enum { SAVED, DELETED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommRiskRegisterEditor, comm_risk_register_editor, ADW_TYPE_WINDOW)

static guint
fill_ids_combo (AdwComboRow   *row,
                GtkStringList *labels,
                GArray        *ids,
                gint64         selected_id)
{
  guint selected = 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == selected_id)
      selected = i;
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);

  return selected;
}

static void
fill_combos (CommRiskRegisterEditor *self)
{
  CommRiskRegister *reg = self->working;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) scales = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) contracts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) parents = gtk_string_list_new (NULL);
  g_autoptr(GListStore) contract_list = NULL;
  g_autoptr(GListStore) registers = NULL;
  GDate today;
  gint64 none = 0;

  for (int k = COMM_RISK_REGISTER_PROGRAMME; k <= COMM_RISK_REGISTER_CONTRACT; k++)
    gtk_string_list_append (kinds, comm_risk_register_kind_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, reg->kind);
  gtk_string_list_append (scales, comm_risk_scale_label (COMM_RISK_SCALE_5X5));
  gtk_string_list_append (scales, comm_risk_scale_label (COMM_RISK_SCALE_LMH));
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (scales));
  adw_combo_row_set_selected (self->scale_row, reg->scale == COMM_RISK_SCALE_LMH ? 1 : 0);

  comm_date_today (&today);
  contract_list = comm_contract_store_list (self->database, &today, NULL);
  gtk_string_list_append (contracts, _("Choose a contract…"));
  g_array_append_val (self->contract_ids, none);
  for (guint i = 0; contract_list != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (contract_list)); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (contract_list), i);
      gint64 id = comm_contract_get_id (contract);
      g_autofree char *label = g_strdup_printf (_("%s %s"), comm_contract_get_reference (contract),
                                                comm_contract_get_title (contract));

      gtk_string_list_append (contracts, label);
      g_array_append_val (self->contract_ids, id);
    }
  fill_ids_combo (self->contract_row, contracts, self->contract_ids, reg->contract_id);

  registers = comm_risk_register_store_list (self->database, &today, NULL);
  gtk_string_list_append (parents, _("None"));
  g_array_append_val (self->parent_ids, none);
  for (guint i = 0; registers != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (registers)); i++)
    {
      g_autoptr(CommRiskRegister) other = g_list_model_get_item (G_LIST_MODEL (registers), i);

      if (other->kind != COMM_RISK_REGISTER_PROGRAMME || other->id == reg->id)
        continue;
      gtk_string_list_append (parents, other->name);
      g_array_append_val (self->parent_ids, other->id);
    }
  fill_ids_combo (self->parent_row, parents, self->parent_ids, reg->parent_id);
}

static void
fill_fields (CommRiskRegisterEditor *self)
{
  CommRiskRegister *reg = self->working;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), reg->name);
  gtk_editable_set_text (GTK_EDITABLE (self->programme_row), reg->programme);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), reg->owner);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), reg->description);
  gtk_spin_button_set_value (self->low_spin, reg->band_low_max);
  gtk_spin_button_set_value (self->medium_spin, reg->band_medium_max);
  gtk_spin_button_set_value (self->high_spin, reg->band_high_max);
  fill_combos (self);
}

static void
read_text (AdwEntryRow  *row,
           char        **field)
{
  g_free (*field);
  *field = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
read_fields (CommRiskRegisterEditor *self)
{
  CommRiskRegister *reg = self->working;
  guint contract = adw_combo_row_get_selected (self->contract_row);
  guint parent = adw_combo_row_get_selected (self->parent_row);

  read_text (self->name_row, &reg->name);
  read_text (self->programme_row, &reg->programme);
  read_text (self->owner_row, &reg->owner);
  read_text (self->description_row, &reg->description);
  reg->kind = MIN (adw_combo_row_get_selected (self->kind_row), COMM_RISK_REGISTER_CONTRACT);
  reg->contract_id = reg->kind == COMM_RISK_REGISTER_CONTRACT && contract < self->contract_ids->len
                     ? g_array_index (self->contract_ids, gint64, contract) : 0;
  reg->parent_id = reg->kind != COMM_RISK_REGISTER_PROGRAMME && parent < self->parent_ids->len
                   ? g_array_index (self->parent_ids, gint64, parent) : 0;
  reg->band_low_max = (guint) gtk_spin_button_get_value_as_int (self->low_spin);
  reg->band_medium_max = (guint) gtk_spin_button_get_value_as_int (self->medium_spin);
  reg->band_high_max = (guint) gtk_spin_button_get_value_as_int (self->high_spin);
  /* The store refuses a new scale in save(): an existing register keeps the stored one here. */
  reg->scale = self->is_new ? self->scale : self->stored_scale;
}

static void
revalidate (CommRiskRegisterEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;
  CommRiskRegisterKind kind;

  read_fields (self);
  kind = self->working->kind;
  gtk_widget_set_visible (GTK_WIDGET (self->contract_row), kind == COMM_RISK_REGISTER_CONTRACT);
  gtk_widget_set_visible (GTK_WIDGET (self->programme_row), kind != COMM_RISK_REGISTER_CONTRACT);
  gtk_widget_set_visible (GTK_WIDGET (self->parent_row), kind != COMM_RISK_REGISTER_PROGRAMME);
  gtk_widget_set_sensitive (GTK_WIDGET (self->low_spin), self->scale == COMM_RISK_SCALE_5X5);
  gtk_widget_set_sensitive (GTK_WIDGET (self->medium_spin), self->scale == COMM_RISK_SCALE_5X5);
  gtk_widget_set_sensitive (GTK_WIDGET (self->high_spin), self->scale == COMM_RISK_SCALE_5X5);

  ok = comm_risk_register_validate (self->working, &error);
  comm_editor_mark (GTK_WIDGET (self->name_row), !ok && *self->working->name == '\0');
  comm_editor_show_message (self->problem_label, ok ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.save", ok);
}

static char *
describe_changes (GPtrArray *changes,
                  guint     *n_lost)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = 0;

  *n_lost = 0;
  for (guint i = 0; i < changes->len; i++)
    {
      CommRiskScaleChange *change = g_ptr_array_index (changes, i);

      *n_lost += change->lost ? 1 : 0;
      if (shown++ >= 40)
        continue;
      /* Translators: one rating in a scale change, on two lines:
       * "R3 Provider failure" / "Inherent likelihood: M/H → 4" */
      g_string_append_printf (text, _("%s %s\n    %s: %s → %s"), change->reference, change->title,
                              change->rating_name, comm_risk_rating_to_string (&change->from),
                              comm_risk_rating_to_string (&change->to));
      if (change->lost)
        g_string_append (text, _(" (check: cannot be mapped back exactly)"));
      g_string_append_c (text, '\n');
    }
  if (changes->len > 40)
    g_string_append_printf (text, g_dngettext (NULL, "… and %u more rating", "… and %u more ratings", changes->len - 40),
                            changes->len - 40);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_scale_row (CommRiskRegisterEditor *self,
               CommRiskScaleKind       scale)
{
  self->loading = TRUE;
  adw_combo_row_set_selected (self->scale_row, scale == COMM_RISK_SCALE_LMH ? 1 : 0);
  self->loading = FALSE;
}

static void
on_preview_response_cb (AdwMessageDialog       *dialog,
                        const char             *response,
                        CommRiskRegisterEditor *self)
{
  CommRiskScaleKind chosen = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "comm-scale"));

  if (g_strcmp0 (response, "change") == 0)
    self->scale = chosen;
  set_scale_row (self, self->scale);
  revalidate (self);
}

static void
ask_scale_change (CommRiskRegisterEditor *self,
                  CommRiskScaleKind       chosen)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *scrolled, *label;
  guint n_lost;

  changes = comm_risk_register_store_preview_scale (self->database, self->working->id, chosen, &error);
  if (changes == NULL || changes->len == 0)
    {
      if (changes != NULL)
        self->scale = chosen;
      set_scale_row (self, self->scale);
      comm_editor_show_message (self->problem_label, error != NULL ? error->message : NULL);
      return;
    }

  list = describe_changes (changes, &n_lost);
  body = g_strdup_printf (g_dngettext (NULL, "%u rating will be mapped to the new scale; %u should be checked after.",
                                       "%u ratings will be mapped to the new scale; %u should be checked after.",
                                       changes->len), changes->len, n_lost);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change the Register’s Scale?"), body);
  label = gtk_label_new (list);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_name (label, "preview_list");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 180);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep the Scale"),
                                    "change", _("_Change on Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "comm-scale", GINT_TO_POINTER (chosen));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_preview_response_cb), self, 0);
  self->preview = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->preview);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_field_changed_cb (CommRiskRegisterEditor *self)
{
  if (!self->loading)
    revalidate (self);
}

static void
on_field_notify_cb (CommRiskRegisterEditor *self,
                    GParamSpec             *pspec,
                    GObject                *row)
{
  CommRiskScaleKind chosen;

  if (self->loading)
    return;

  chosen = adw_combo_row_get_selected (self->scale_row) == 1 ? COMM_RISK_SCALE_LMH : COMM_RISK_SCALE_5X5;
  if (row == G_OBJECT (self->scale_row) && chosen != self->scale)
    {
      if (self->is_new || chosen == self->stored_scale)
        self->scale = chosen;
      else
        ask_scale_change (self, chosen);
    }
  revalidate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommRiskRegisterEditor *self = COMM_RISK_REGISTER_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  revalidate (self);
  if (!comm_risk_register_store_save (self->database, self->working, &error) ||
      (!self->is_new && self->scale != self->stored_scale &&
       !comm_risk_register_store_change_scale (self->database, self->working->id, self->scale, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("The register was not saved. %s"), error->message);

      comm_editor_show_message (self->problem_label, message);
      return;
    }

  self->working->scale = self->scale;
  g_signal_emit (self, signals[SAVED], 0, self->working);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_response_cb (AdwMessageDialog       *dialog,
                       const char             *response,
                       CommRiskRegisterEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!comm_risk_register_store_delete (self->database, self->working->id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The register was not deleted. %s"), error->message);

      comm_editor_show_message (self->problem_label, message);
      return;
    }
  name = g_strdup (self->working->name);
  g_signal_emit (self, signals[DELETED], 0, name);
  /* Not now: the question, still on its way out, is transient for this window. */
  comm_editor_destroy_soon (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommRiskRegisterEditor *self = COMM_RISK_REGISTER_EDITOR (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                   _("Registers that roll up into it will stand on their own. "
                                     "This cannot be undone."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete the register “%s”?"),
                                     self->working->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
comm_risk_register_editor_dispose (GObject *object)
{
  CommRiskRegisterEditor *self = COMM_RISK_REGISTER_EDITOR (object);

  if (self->preview != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->preview), (gpointer *) &self->preview);
  self->preview = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_RISK_REGISTER_EDITOR);
  g_clear_object (&self->working);
  g_clear_object (&self->database);
  g_clear_pointer (&self->contract_ids, g_array_unref);
  g_clear_pointer (&self->parent_ids, g_array_unref);

  G_OBJECT_CLASS (comm_risk_register_editor_parent_class)->dispose (object);
}

static void
comm_risk_register_editor_class_init (CommRiskRegisterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_risk_register_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, COMM_TYPE_RISK_REGISTER);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-risk-register-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CommRiskRegisterEditor, name)
  BIND (window_title); BIND (name_row); BIND (kind_row); BIND (programme_row); BIND (contract_row);
  BIND (parent_row); BIND (owner_row); BIND (description_row); BIND (scale_row); BIND (low_spin);
  BIND (medium_spin); BIND (high_spin); BIND (problem_label); BIND (delete_group); BIND (delete_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_notify_cb);

  gtk_widget_class_install_action (widget_class, "register.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "register.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "register.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "register.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "register.cancel", NULL);
}

static void
comm_risk_register_editor_init (CommRiskRegisterEditor *self)
{
  self->contract_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

CommRiskRegisterEditor *
comm_risk_register_editor_new (CommDatabase     *database,
                               CommRiskRegister *reg)
{
  CommRiskRegisterEditor *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (reg == NULL || COMM_IS_RISK_REGISTER (reg), NULL);

  self = g_object_new (COMM_TYPE_RISK_REGISTER_EDITOR, NULL);
  self->database = g_object_ref (database);
  self->is_new = reg == NULL;
  self->working = reg != NULL ? comm_risk_register_copy (reg) : comm_risk_register_new ();
  self->stored_scale = self->scale = self->working->scale;

  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Risk Register") : _("Risk Register Settings"));
  adw_window_title_set_title (self->window_title, self->is_new ? _("New Risk Register") : _("Risk Register Settings"));
  adw_window_title_set_subtitle (self->window_title, self->working->name);

  self->loading = TRUE;
  fill_fields (self);
  self->loading = FALSE;
  revalidate (self);

  /* Only an existing register with no risks (deleted ones aside) can go; it says why not. */
  gtk_widget_set_visible (self->delete_group, !self->is_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.delete",
                                 !self->is_new && self->working->n_risks == 0 &&
                                 !comm_database_is_read_only (database));
  if (!self->is_new && self->working->n_risks > 0)
    {
      g_autofree char *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "It holds %u risk: delete or move it first.",
                                                           "It holds %u risks: delete or move them first.",
                                                           self->working->n_risks),
                                              self->working->n_risks);

      adw_action_row_set_subtitle (self->delete_row, why);
    }
  else
    adw_action_row_set_subtitle (self->delete_row, _("It holds no risks."));

  return self;
}

GtkWindow *
comm_risk_register_editor_get_preview (CommRiskRegisterEditor *self)
{
  g_return_val_if_fail (COMM_IS_RISK_REGISTER_EDITOR (self), NULL);

  return self->preview;
}

CommRiskScaleKind
comm_risk_register_editor_get_scale (CommRiskRegisterEditor *self)
{
  g_return_val_if_fail (COMM_IS_RISK_REGISTER_EDITOR (self), COMM_RISK_SCALE_5X5);

  return self->scale;
}
