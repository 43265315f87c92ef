/* comm-workspace-settings.c: settings kept in the workspace file
 *
 * Unlike GSettings (this computer's preferences: window size, recent files), these travel with
 * the workspace, so everyone who opens the file gets the same reminders.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-workspace-settings.h"

#define REMINDER_LEADS_KEY "reminder-leads"

struct _CommWorkspaceSettings
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *leads_row;
  GtkLabel             *leads_message;
  AdwActionRow         *path_row;
  AdwActionRow         *format_row;

  CommDatabase         *database;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommWorkspaceSettings, comm_workspace_settings, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_leads_problem (CommWorkspaceSettings *self,
                    const char            *message)
{
  gtk_label_set_text (self->leads_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->leads_message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->leads_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->leads_row), "error");
}

static void
show_current_leads (CommWorkspaceSettings *self)
{
  g_autoptr(GArray) leads = comm_contract_store_reminder_leads (self->database);
  g_autofree char *text = comm_reminder_leads_to_string ((const int *) leads->data, leads->len);
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autofree char *spaced = g_strjoinv (", ", parts);

  gtk_editable_set_text (GTK_EDITABLE (self->leads_row), spaced);
}

static void
on_leads_apply_cb (CommWorkspaceSettings *self)
{
  comm_workspace_settings_apply_reminders (self);
}

static void
on_leads_changed_cb (CommWorkspaceSettings *self)
{
  show_leads_problem (self, NULL);
}

static void
comm_workspace_settings_dispose (GObject *object)
{
  CommWorkspaceSettings *self = COMM_WORKSPACE_SETTINGS (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (comm_workspace_settings_parent_class)->dispose (object);
}

static void
comm_workspace_settings_class_init (CommWorkspaceSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_workspace_settings_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-workspace-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, leads_row);
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, leads_message);
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, path_row);
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, format_row);
  gtk_widget_class_bind_template_callback (widget_class, on_leads_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leads_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comm_workspace_settings_init (CommWorkspaceSettings *self)
{
  const char *title;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Screen readers land on the text inside the row: give it the row's title as its name. */
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->leads_row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->leads_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->leads_row))),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->leads_message, NULL, -1);
}

CommWorkspaceSettings *
comm_workspace_settings_new (GtkWindow    *parent,
                             CommDatabase *database)
{
  CommWorkspaceSettings *self;
  g_autofree char *format = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);

  self = g_object_new (COMM_TYPE_WORKSPACE_SETTINGS, "transient-for", parent, NULL);
  self->database = g_object_ref (database);

  show_current_leads (self);
  adw_action_row_set_subtitle (self->path_row, comm_database_get_path (database));
  format = g_strdup_printf (comm_database_is_read_only (database)
                              ? _("Format %d, opened read-only")
                              : _("Format %d"),
                            comm_database_get_schema_version (database));
  adw_action_row_set_subtitle (self->format_row, format);
  gtk_widget_set_sensitive (GTK_WIDGET (self->leads_row), !comm_database_is_read_only (database));

  return self;
}

gboolean
comm_workspace_settings_apply_reminders (CommWorkspaceSettings *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) leads = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (COMM_IS_WORKSPACE_SETTINGS (self), FALSE);

  leads = comm_reminder_leads_parse (gtk_editable_get_text (GTK_EDITABLE (self->leads_row)), &error);
  if (leads == NULL)
    {
      show_leads_problem (self, error->message);
      return FALSE;
    }

  text = comm_reminder_leads_to_string ((const int *) leads->data, leads->len);
  if (!comm_database_set_setting (self->database, REMINDER_LEADS_KEY, text, &error))
    {
      show_leads_problem (self, error->message);
      return FALSE;
    }

  show_leads_problem (self, NULL);
  show_current_leads (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}
