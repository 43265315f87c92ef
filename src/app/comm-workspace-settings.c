/* comm-workspace-settings.c: settings kept in the workspace file
 *
 * Unlike GSettings (this computer's preferences: window size, recent files), these travel with
 * the workspace, so everyone who opens the file gets the same reminders and publishes under the
 * same authority name, department, OCID prefix and threshold (comm-publishing.h). Each row is
 * saved by its apply button; a value that is not valid is refused with a message under the row.
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
  AdwEntryRow          *authority_row;
  AdwEntryRow          *department_row;
  AdwEntryRow          *ocid_row;
  GtkLabel             *ocid_message;
  AdwEntryRow          *threshold_row;
  GtkLabel             *threshold_message;
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
show_row_problem (AdwEntryRow *row,
                  GtkLabel    *label,
                  const char  *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_leads_problem (CommWorkspaceSettings *self,
                    const char            *message)
{
  show_row_problem (self->leads_row, self->leads_message, message);
}

static void
show_current_publishing (CommWorkspaceSettings *self)
{
  g_autofree char *authority = comm_publishing_get_authority_name (self->database);
  g_autofree char *department = comm_publishing_get_department (self->database);
  g_autofree char *prefix = comm_publishing_get_ocid_prefix (self->database);
  g_autofree char *threshold = comm_money_format_full (comm_publishing_get_threshold (self->database),
                                                       COMM_MONEY_FORMAT_WHOLE_POUNDS);

  gtk_editable_set_text (GTK_EDITABLE (self->authority_row), authority);
  gtk_editable_set_text (GTK_EDITABLE (self->department_row), department);
  gtk_editable_set_text (GTK_EDITABLE (self->ocid_row), prefix);
  gtk_editable_set_text (GTK_EDITABLE (self->threshold_row), threshold);
}

/* Saves what is typed in @row, one of the Publishing rows; FALSE with the message under it. */
static gboolean
apply_publishing_row (CommWorkspaceSettings *self,
                      AdwEntryRow           *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  GtkLabel *label = NULL;
  gint64 pence = 0;
  gboolean ok;

  if (row == self->authority_row)
    ok = comm_publishing_set_authority_name (self->database, text, &error);
  else if (row == self->department_row)
    ok = comm_publishing_set_department (self->database, text, &error);
  else if (row == self->ocid_row)
    {
      label = self->ocid_message;
      ok = comm_publishing_set_ocid_prefix (self->database, text, &error);
    }
  else
    {
      label = self->threshold_message;
      ok = comm_money_parse (text, &pence, &error) &&
           comm_publishing_set_threshold (self->database, pence, &error);
    }

  if (label != NULL)
    show_row_problem (row, label, ok ? NULL : error->message);
  else if (!ok)
    g_warning ("Could not save a publishing setting: %s", error->message);

  return ok;
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
on_publishing_apply_cb (AdwEntryRow           *row,
                        CommWorkspaceSettings *self)
{
  if (apply_publishing_row (self, row) && (row == self->ocid_row || row == self->threshold_row))
    {
      /* Show the value as it was stored ("£5,000" for "5000"). */
      show_current_publishing (self);
      show_row_problem (row, row == self->ocid_row ? self->ocid_message : self->threshold_message, NULL);
    }
}

static void
on_publishing_changed_cb (AdwEntryRow           *row,
                          CommWorkspaceSettings *self)
{
  show_row_problem (row, row == self->ocid_row ? self->ocid_message : self->threshold_message, NULL);
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
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, authority_row);
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, department_row);
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, ocid_row);
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, ocid_message);
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, threshold_message);
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, path_row);
  gtk_widget_class_bind_template_child (widget_class, CommWorkspaceSettings, format_row);
  gtk_widget_class_bind_template_callback (widget_class, on_leads_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leads_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_publishing_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_publishing_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Screen readers land on the text inside the row: give it the row's title as its name, and the
 * message under it (if any) as its description. */
static void
label_entry_row (AdwEntryRow *row,
                 GtkLabel    *message)
{
  GtkAccessible *text = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  gtk_accessible_update_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  if (message != NULL)
    gtk_accessible_update_relation (text, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message, NULL, -1);
}

static void
comm_workspace_settings_init (CommWorkspaceSettings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  label_entry_row (self->leads_row, self->leads_message);
  label_entry_row (self->authority_row, NULL);
  label_entry_row (self->department_row, NULL);
  label_entry_row (self->ocid_row, self->ocid_message);
  label_entry_row (self->threshold_row, self->threshold_message);
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
  show_current_publishing (self);
  adw_action_row_set_subtitle (self->path_row, comm_database_get_path (database));
  format = g_strdup_printf (comm_database_is_read_only (database)
                              ? _("Format %d, opened read-only")
                              : _("Format %d"),
                            comm_database_get_schema_version (database));
  adw_action_row_set_subtitle (self->format_row, format);
  gtk_widget_set_sensitive (GTK_WIDGET (self->leads_row), !comm_database_is_read_only (database));
  gtk_widget_set_sensitive (GTK_WIDGET (self->authority_row), !comm_database_is_read_only (database));
  gtk_widget_set_sensitive (GTK_WIDGET (self->department_row), !comm_database_is_read_only (database));
  gtk_widget_set_sensitive (GTK_WIDGET (self->ocid_row), !comm_database_is_read_only (database));
  gtk_widget_set_sensitive (GTK_WIDGET (self->threshold_row), !comm_database_is_read_only (database));

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

gboolean
comm_workspace_settings_apply_publishing (CommWorkspaceSettings *self)
{
  AdwEntryRow *rows[4];
  gboolean ok = TRUE;

  g_return_val_if_fail (COMM_IS_WORKSPACE_SETTINGS (self), FALSE);

  rows[0] = self->authority_row;
  rows[1] = self->department_row;
  rows[2] = self->ocid_row;
  rows[3] = self->threshold_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!apply_publishing_row (self, rows[i]))
      ok = FALSE;
  if (ok)
    show_current_publishing (self);

  return ok;
}
