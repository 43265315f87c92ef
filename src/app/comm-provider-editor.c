/* comm-provider-editor.c: the window that edits one provider (or makes a new one)
 *
 * Works like the contract editor: a working copy, problems shown as you type, Save blocked while
 * there are any, a failed save keeps the window and what was typed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-choice-combo.h"
#include "comm-date-input.h"
#include "comm-editor-support.h"
#include "comm-provider-editor.h"
#include "comm-suggestions.h"

struct _CommProviderEditor
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkRevealer     *save_error_revealer;
  GtkLabel        *save_error_label;
  AdwEntryRow     *name_row;
  AdwComboRow     *legal_form_row;
  AdwEntryRow     *registered_row;
  AdwEntryRow     *address_row;
  AdwEntryRow     *contact_name_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  GtkSwitch       *sme_switch;
  GtkSwitch       *vcse_switch;
  AdwPreferencesGroup *inspections_group;
  AdwExpanderRow  *add_inspection_row;
  AdwEntryRow     *framework_row;
  AdwEntryRow     *inspected_row;
  GtkLabel        *inspected_hint;
  AdwEntryRow     *grade_row;
  GtkButton       *add_inspection_button;
  GtkLabel        *provider_errors;
  GtkLabel        *inspection_errors;
  GtkRevealer     *summary_revealer;
  GtkLabel        *summary_label;

  CommDatabase    *database;
  CommProvider    *working;
  GPtrArray       *problems;
  GPtrArray       *inspection_rows;
  gboolean         is_new;
  gboolean         dirty;
  gboolean         loading;
};

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommProviderEditor, comm_provider_editor, ADW_TYPE_WINDOW)

static const char * const provider_fields[] = { "name", "legal-form", "registered-number", NULL };
static const char * const inspection_fields[] = { "inspection:", NULL };
static const char * const grades[] = {
  N_("Outstanding"), N_("Good"), N_("Requires improvement"), N_("Inadequate"), NULL
};
static const char * const frameworks[] = {
  "Ofsted (EIF)", "Ofsted (ILACS)", "Ofsted (SCCIF)", "Ofsted report card", "CQC", NULL
};

static void rebuild_inspections (CommProviderEditor *self);
static void revalidate (CommProviderEditor *self);

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
on_remove_inspection_cb (GtkButton          *button,
                         CommProviderEditor *self)
{
  CommInspection *inspection = g_object_get_data (G_OBJECT (button), "comm-inspection");

  g_ptr_array_remove (comm_provider_get_inspections (self->working), inspection);
  rebuild_inspections (self);
  self->dirty = TRUE;
  revalidate (self);
}

static GtkWidget *
make_inspection_row (CommProviderEditor *self,
                     CommInspection     *inspection)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *date = comm_date_iso_to_display (inspection->inspected_on);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", inspection->framework, date);
  g_autofree char *label = g_strdup_printf (_("Remove the %s inspection of %s"), inspection->framework, date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), inspection->grade);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this inspection"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (remove), "comm-inspection", inspection);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_inspection_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
rebuild_inspections (CommProviderEditor *self)
{
  GPtrArray *inspections = comm_provider_get_inspections (self->working);

  for (guint i = 0; i < self->inspection_rows->len; i++)
    adw_preferences_group_remove (self->inspections_group, g_ptr_array_index (self->inspection_rows, i));
  g_ptr_array_set_size (self->inspection_rows, 0);

  for (guint i = 0; i < inspections->len; i++)
    {
      GtkWidget *row = make_inspection_row (self, g_ptr_array_index (inspections, i));

      adw_preferences_group_add (self->inspections_group, row);
      g_ptr_array_add (self->inspection_rows, row);
    }
}

static void
fill_fields (CommProviderEditor *self)
{
  g_autofree char *address = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;

  g_object_get (self->working, "address", &address, "contact-name", &contact,
                "contact-email", &email, "contact-phone", &phone, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), comm_provider_get_name (self->working));
  comm_choice_combo_fill (self->legal_form_row, comm_legal_forms (), NULL,
                          comm_provider_get_legal_form (self->working));
  gtk_editable_set_text (GTK_EDITABLE (self->registered_row), comm_provider_get_registered_number (self->working));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address != NULL ? address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_name_row), contact != NULL ? contact : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email != NULL ? email : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), phone != NULL ? phone : "");
  gtk_switch_set_active (self->sme_switch, comm_provider_get_sme (self->working));
  gtk_switch_set_active (self->vcse_switch, comm_provider_get_vcse (self->working));
  rebuild_inspections (self);
}

static void
read_fields (CommProviderEditor *self)
{
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *registered = stripped_text (self->registered_row);
  g_autofree char *address = stripped_text (self->address_row);
  g_autofree char *contact = stripped_text (self->contact_name_row);
  g_autofree char *email = stripped_text (self->email_row);
  g_autofree char *phone = stripped_text (self->phone_row);

  g_object_set (self->working,
                "name", name,
                "legal-form", comm_choice_combo_get_code (self->legal_form_row),
                "registered-number", registered,
                "address", address,
                "contact-name", contact,
                "contact-email", email,
                "contact-phone", phone,
                "sme", gtk_switch_get_active (self->sme_switch),
                "vcse", gtk_switch_get_active (self->vcse_switch),
                NULL);
}

static void
revalidate (CommProviderEditor *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *provider = NULL;
  g_autofree char *inspections = NULL;
  g_autofree char *all = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *tooltip = NULL;
  gboolean show = !self->is_new || self->dirty;

  read_fields (self);
  found = comm_provider_validate (self->working);
  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (self->problems, g_ptr_array_steal_index (found, i--));

  provider = comm_editor_problem_text (self->problems, provider_fields);
  inspections = comm_editor_problem_text (self->problems, inspection_fields);
  all = comm_editor_problem_text (self->problems, NULL);
  comm_editor_mark (GTK_WIDGET (self->name_row), show && comm_problems_find (self->problems, "name") != NULL);
  comm_editor_show_message (self->provider_errors, show ? provider : NULL);
  comm_editor_show_message (self->inspection_errors, inspections);

  if (self->problems->len > 0)
    {
      g_autofree char *header = g_strdup_printf (g_dngettext (NULL, "%u problem stops this provider being saved:",
                                                              "%u problems stop this provider being saved:", self->problems->len),
                                                 self->problems->len);

      summary = g_strdup_printf ("%s\n%s", header, all);
    }
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_revealer_set_reveal_child (self->summary_revealer, summary != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->problems->len == 0);
  tooltip = self->problems->len == 0
    ? g_strdup (_("Save the provider (Ctrl+S)"))
    : g_strdup_printf (_("Cannot save yet: %s"), ((CommProblem *) g_ptr_array_index (self->problems, 0))->message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), tooltip);
  adw_window_title_set_subtitle (self->window_title, comm_provider_get_name (self->working));
}

static void
on_field_changed_cb (CommProviderEditor *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);
  revalidate (self);
}

static void
on_field_notify_cb (CommProviderEditor *self)
{
  on_field_changed_cb (self);
}

static void
on_form_changed_cb (CommProviderEditor *self)
{
  g_autofree char *iso = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *framework = stripped_text (self->framework_row);
  g_autofree char *grade = stripped_text (self->grade_row);
  gboolean date_ok;

  date_ok = comm_date_input_parse (gtk_editable_get_text (GTK_EDITABLE (self->inspected_row)), &iso, NULL) && *iso != '\0';
  hint = date_ok ? comm_date_input_describe (iso) : g_strdup (_("Type a date"));
  gtk_label_set_text (self->inspected_hint, hint);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_inspection_button),
                            date_ok && *framework != '\0' && *grade != '\0');
}

static void
on_add_inspection_clicked_cb (CommProviderEditor *self,
                              GtkButton          *button)
{
  g_autofree char *framework = stripped_text (self->framework_row);
  g_autofree char *grade = stripped_text (self->grade_row);

  if (comm_provider_editor_add_inspection (self, framework,
                                           gtk_editable_get_text (GTK_EDITABLE (self->inspected_row)),
                                           grade))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->inspected_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->grade_row), "");
      adw_expander_row_set_expanded (self->add_inspection_row, FALSE);
    }
}

static gboolean
on_close_request_cb (CommProviderEditor *self)
{
  if (!self->dirty)
    return FALSE;

  comm_editor_confirm_discard (GTK_WINDOW (self), _("The changes to this provider have not been saved."));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommProviderEditor *self = COMM_PROVIDER_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  revalidate (self);
  if (self->problems->len > 0)
    return;

  if (!comm_provider_store_save (self->database, self->working, &error))
    {
      message = g_strdup_printf (_("The provider was not saved. %s Nothing you typed has been lost."), error->message);
      gtk_label_set_text (self->save_error_label, message);
      gtk_revealer_set_reveal_child (self->save_error_revealer, TRUE);
      return;
    }

  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, self->working);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommProviderEditor *self = COMM_PROVIDER_EDITOR (widget);

  if (self->dirty)
    comm_editor_confirm_discard (GTK_WINDOW (self), _("The changes to this provider have not been saved."));
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
comm_provider_editor_dispose (GObject *object)
{
  CommProviderEditor *self = COMM_PROVIDER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_PROVIDER_EDITOR);
  g_clear_object (&self->working);
  g_clear_object (&self->database);
  g_clear_pointer (&self->inspection_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (comm_provider_editor_parent_class)->dispose (object);
}

static void
comm_provider_editor_class_init (CommProviderEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_provider_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, COMM_TYPE_PROVIDER);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-provider-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CommProviderEditor, name)
  BIND (window_title); BIND (save_button); BIND (save_error_revealer); BIND (save_error_label);
  BIND (name_row); BIND (legal_form_row); BIND (registered_row); BIND (address_row);
  BIND (contact_name_row); BIND (email_row); BIND (phone_row); BIND (sme_switch);
  BIND (vcse_switch); BIND (inspections_group); BIND (add_inspection_row); BIND (framework_row);
  BIND (inspected_row); BIND (inspected_hint); BIND (grade_row); BIND (add_inspection_button);
  BIND (provider_errors); BIND (inspection_errors); BIND (summary_revealer); BIND (summary_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_inspection_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
comm_provider_editor_init (CommProviderEditor *self)
{
  g_autoptr(GPtrArray) grade_labels = g_ptr_array_new ();

  self->problems = comm_problems_new ();
  self->inspection_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; grades[i] != NULL; i++)
    g_ptr_array_add (grade_labels, (gpointer) _(grades[i]));
  g_ptr_array_add (grade_labels, NULL);
  adw_entry_row_add_suffix (self->grade_row,
                            comm_suggestions_button_new (GTK_EDITABLE (self->grade_row),
                                                         (const char * const *) grade_labels->pdata,
                                                         _("Grade suggestions")));
  adw_entry_row_add_suffix (self->framework_row,
                            comm_suggestions_button_new (GTK_EDITABLE (self->framework_row), frameworks,
                                                         _("Framework suggestions")));
  gtk_editable_set_text (GTK_EDITABLE (self->framework_row), "Ofsted (EIF)");
  on_form_changed_cb (self);
}

CommProviderEditor *
comm_provider_editor_new (CommDatabase *database,
                          CommProvider *provider)
{
  CommProviderEditor *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (provider == NULL || COMM_IS_PROVIDER (provider), NULL);

  self = g_object_new (COMM_TYPE_PROVIDER_EDITOR, NULL);
  self->database = g_object_ref (database);
  self->is_new = provider == NULL;
  self->working = provider != NULL ? comm_provider_copy (provider) : comm_provider_new ();

  adw_window_title_set_title (self->window_title, self->is_new ? _("New Provider") : _("Edit Provider"));
  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Provider") : _("Edit Provider"));

  self->loading = TRUE;
  fill_fields (self);
  self->loading = FALSE;
  revalidate (self);

  return self;
}

CommProvider *
comm_provider_editor_get_working_copy (CommProviderEditor *self)
{
  g_return_val_if_fail (COMM_IS_PROVIDER_EDITOR (self), NULL);

  return self->working;
}

gboolean
comm_provider_editor_add_inspection (CommProviderEditor *self,
                                     const char         *framework,
                                     const char         *inspected_on,
                                     const char         *grade)
{
  GPtrArray *inspections;
  g_autofree char *iso = NULL;
  guint position = 0;

  g_return_val_if_fail (COMM_IS_PROVIDER_EDITOR (self), FALSE);

  if (!comm_date_input_parse (inspected_on, &iso, NULL) || *iso == '\0')
    return FALSE;

  inspections = comm_provider_get_inspections (self->working);
  while (position < inspections->len &&
         g_strcmp0 (((CommInspection *) g_ptr_array_index (inspections, position))->inspected_on, iso) > 0)
    position++;
  g_ptr_array_insert (inspections, (int) position, comm_inspection_new (framework, iso, grade));

  rebuild_inspections (self);
  self->dirty = TRUE;
  revalidate (self);

  return TRUE;
}
