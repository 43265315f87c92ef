/* comm-providers-dialog.c: the list of providers, to add, edit or remove them
 *
 * The list is a GListStore from comm_provider_store_list behind a filter on the folded name,
 * bound to a boxed GtkListBox. Deleting is final (no undo), so it asks first; the workspace
 * refuses while contracts use the provider, and its message is shown as it is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-provider-editor.h"
#include "comm-providers-dialog.h"

struct _CommProvidersDialog
{
  AdwWindow           parent_instance;

  GtkSearchEntry     *search_entry;
  GtkListBox         *providers_list;
  GtkLabel           *count_label;

  CommDatabase       *database;
  GListStore         *store;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *needle;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommProvidersDialog, comm_providers_dialog, ADW_TYPE_WINDOW)

#define PROVIDER_KEY "comm-provider"

static void
update_count (CommProvidersDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u provider", "%u providers", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
reload (CommProvidersDialog *self)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = comm_provider_store_list (self->database, &error);
  if (store == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The providers could not be read: %s"), error->message);
      gtk_label_set_text (self->count_label, message);
      return;
    }

  g_set_object (&self->store, store);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->store));
  update_count (self);
}

static gboolean
match_provider (gpointer item,
                gpointer user_data)
{
  CommProvidersDialog *self = user_data;
  g_autofree char *folded = NULL;

  if (self->needle == NULL)
    return TRUE;

  folded = comm_text_fold (comm_provider_get_name (item));
  return comm_text_matches (folded, self->needle);
}

static void
on_provider_saved_cb (CommProviderEditor  *editor,
                      CommProvider        *provider,
                      CommProvidersDialog *self)
{
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
open_editor (CommProvidersDialog *self,
             CommProvider        *provider)
{
  CommProviderEditor *editor = comm_provider_editor_new (self->database, provider);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_provider_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_delete_response_cb (AdwMessageDialog    *question,
                       const char          *response,
                       CommProvidersDialog *self)
{
  CommProvider *provider = g_object_get_data (G_OBJECT (question), PROVIDER_KEY);
  g_autoptr(GError) error = NULL;
  GtkWidget *refusal;

  if (g_strcmp0 (response, "delete") != 0 || provider == NULL)
    return;

  if (comm_provider_store_delete (self->database, comm_provider_get_id (provider), &error))
    {
      reload (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  refusal = adw_message_dialog_new (GTK_WINDOW (self), _("The Provider Was Not Deleted"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (refusal), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (refusal), "close");
  gtk_window_present (GTK_WINDOW (refusal));
}

static void
on_edit_clicked_cb (GtkButton           *button,
                    CommProvidersDialog *self)
{
  open_editor (self, g_object_get_data (G_OBJECT (button), PROVIDER_KEY));
}

static void
on_delete_clicked_cb (GtkButton           *button,
                      CommProvidersDialog *self)
{
  comm_providers_dialog_ask_delete (self, g_object_get_data (G_OBJECT (button), PROVIDER_KEY));
}

static void
on_row_activated_cb (CommProvidersDialog *self,
                     GtkListBoxRow       *row,
                     GtkListBox          *list)
{
  open_editor (self, g_object_get_data (G_OBJECT (row), PROVIDER_KEY));
}

static GtkWidget *
make_button (CommProvidersDialog *self,
             CommProvider        *provider,
             const char          *icon_name,
             const char          *tooltip,
             const char          *label,
             GCallback            callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), PROVIDER_KEY, g_object_ref (provider), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CommProvidersDialog *self = user_data;
  CommProvider *provider = item;
  GtkWidget *row = adw_action_row_new ();
  guint count = comm_provider_get_contract_count (provider);
  const char *grade = comm_provider_get_latest_grade (provider);
  g_autofree char *edit_label = NULL;
  g_autofree char *delete_label = NULL;
  g_autoptr(GString) subtitle = g_string_new (comm_choice_label (comm_legal_forms (),
                                                                 comm_provider_get_legal_form (provider)));

  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, g_dngettext (NULL, "%u contract", "%u contracts", count), count);
  if (grade != NULL && *grade != '\0')
    g_string_append_printf (subtitle, _(" · latest inspection: %s"), grade);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), comm_provider_get_name (provider));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), PROVIDER_KEY, g_object_ref (provider), g_object_unref);

  /* Translators: the accessible names of a provider row's buttons */
  edit_label = g_strdup_printf (_("Edit %s"), comm_provider_get_name (provider));
  delete_label = g_strdup_printf (_("Delete %s"), comm_provider_get_name (provider));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_button (self, provider, "document-edit-symbolic", _("Edit this provider"),
                                          edit_label, G_CALLBACK (on_edit_clicked_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_button (self, provider, "user-trash-symbolic", _("Delete this provider"),
                                          delete_label, G_CALLBACK (on_delete_clicked_cb)));
  return row;
}

static void
on_search_changed_cb (CommProvidersDialog *self,
                      GtkSearchEntry      *entry)
{
  g_autofree char *folded = comm_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_clear_pointer (&self->needle, g_free);
  if (*g_strstrip (folded) != '\0')
    self->needle = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (COMM_PROVIDERS_DIALOG (widget), NULL);
}

static void
comm_providers_dialog_dispose (GObject *object)
{
  CommProvidersDialog *self = COMM_PROVIDERS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_PROVIDERS_DIALOG);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  g_clear_object (&self->database);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (comm_providers_dialog_parent_class)->dispose (object);
}

static void
comm_providers_dialog_class_init (CommProvidersDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_providers_dialog_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-providers-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CommProvidersDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CommProvidersDialog, providers_list);
  gtk_widget_class_bind_template_child (widget_class, CommProvidersDialog, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "providers.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "providers.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comm_providers_dialog_init (CommProvidersDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (match_provider, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->providers_list, G_LIST_MODEL (self->filtered), create_row_cb, self, NULL);
  g_signal_connect_object (self->providers_list, "row-activated", G_CALLBACK (on_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

CommProvidersDialog *
comm_providers_dialog_new (CommDatabase *database)
{
  CommProvidersDialog *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);

  self = g_object_new (COMM_TYPE_PROVIDERS_DIALOG, NULL);
  self->database = g_object_ref (database);
  reload (self);

  return self;
}

GListModel *
comm_providers_dialog_get_model (CommProvidersDialog *self)
{
  g_return_val_if_fail (COMM_IS_PROVIDERS_DIALOG (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

GtkWindow *
comm_providers_dialog_ask_delete (CommProvidersDialog *self,
                                  CommProvider        *provider)
{
  GtkWidget *question;

  g_return_val_if_fail (COMM_IS_PROVIDERS_DIALOG (self), NULL);
  g_return_val_if_fail (COMM_IS_PROVIDER (provider), NULL);

  question = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                     _("The provider and its inspection history will be removed from this workspace. This cannot be undone."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (question), _("Delete “%s”?"),
                                     comm_provider_get_name (provider));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "cancel");
  g_object_set_data_full (G_OBJECT (question), PROVIDER_KEY, g_object_ref (provider), g_object_unref);
  g_signal_connect_object (question, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (question));

  return GTK_WINDOW (question);
}
