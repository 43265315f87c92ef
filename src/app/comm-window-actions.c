/* comm-window-actions.c: the main window's actions (group "win")
 *
 * Workspace files (new, open, open recent, save a copy) go through GtkFileChooserNative and then
 * the window's own open/create/copy functions, which say what went wrong in a dialog. Undo and
 * search are passed to the tab that is showing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-publish-export.h"
#include "comm-import-dialog.h"
#include "comm-window-private.h"
#include "comm-report-dialog.h"
#include "comm-workspace-settings.h"

typedef gboolean (*ChooserDone) (CommWindow  *self,
                                 const char  *path,
                                 GError     **error);

static GtkFileChooserNative *
new_chooser (CommWindow           *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = _comm_window_dup_default_folder ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Commissioner workspaces"));
  gtk_file_filter_add_pattern (filter, "*" COMM_WORKSPACE_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  return chooser;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CommWindow      *self)
{
  ChooserDone done = (ChooserDone) g_object_get_data (G_OBJECT (chooser), "comm-done");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  if (file != NULL && path == NULL)
    {
      AdwMessageDialog *dialog =
        _comm_window_show_message (self, _("Choose a file on this computer"),
                                   _("Workspaces must be on this computer or on a drive it has "
                                     "mounted, not on a network location opened in the file chooser."));

      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (path != NULL)
    {
      done (self, path, NULL);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
run_chooser (CommWindow           *self,
             GtkFileChooserNative *chooser,
             ChooserDone           done)
{
  g_object_set_data (G_OBJECT (chooser), "comm-done", (gpointer) done);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_workspace_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CommWindow *self = COMM_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("New Workspace"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"));
  /* Translators: the suggested file name of a new workspace; keep the .commissioner suffix */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.commissioner"));
  run_chooser (self, chooser, _comm_window_create_workspace);
}

static void
open_workspace_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CommWindow *self = COMM_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Open Workspace"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  run_chooser (self, chooser, comm_window_open_workspace);
}

static void
open_recent_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  comm_window_open_workspace (COMM_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
save_copy_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CommWindow *self = COMM_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *file_name = NULL;

  if (self->database == NULL)
    return;

  chooser = new_chooser (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  name = comm_database_dup_display_name (self->database);
  /* Translators: the suggested name of a copy of workspace %s */
  copy_name = g_strdup_printf (_("%s (copy)"), name);
  file_name = g_strconcat (copy_name, COMM_WORKSPACE_SUFFIX, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  run_chooser (self, chooser, _comm_window_save_copy);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  CommWindow *self = COMM_WINDOW (widget);
  CommPage *page = _comm_window_get_visible_page (self);

  if (page == NULL || !comm_page_undo (page))
    comm_window_add_toast (self, adw_toast_new (_("Nothing to undo")));
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  CommPage *page = _comm_window_get_visible_page (COMM_WINDOW (widget));

  if (page != NULL)
    comm_page_start_search (page);
}

static void
on_workspace_settings_changed_cb (CommWindow *self)
{
  _comm_window_tabs_reload (self);
}

static void
workspace_settings_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CommWindow *self = COMM_WINDOW (widget);
  CommWorkspaceSettings *settings;

  if (self->database == NULL)
    return;

  settings = comm_workspace_settings_new (GTK_WINDOW (self), self->database);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_workspace_settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (settings));
}

static void
export_transparency_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  if (COMM_WINDOW (widget)->database != NULL)
    comm_publish_export_choose (COMM_WINDOW (widget), COMM_PUBLISH_TRANSPARENCY);
}

static void
export_ocds_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (COMM_WINDOW (widget)->database != NULL)
    comm_publish_export_choose (COMM_WINDOW (widget), COMM_PUBLISH_OCDS);
}

static void
on_contracts_imported_cb (CommWindow *self)
{
  _comm_window_tabs_reload (self);
  comm_window_add_toast (self, adw_toast_new (_("Contracts imported")));
}

static void
import_contracts_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CommWindow *self = COMM_WINDOW (widget);
  CommImportDialog *dialog;

  if (self->database == NULL || comm_database_is_read_only (self->database))
    return;

  dialog = comm_import_dialog_new (GTK_WINDOW (self), self->database);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_contracts_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reports_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CommWindow *self = COMM_WINDOW (widget);

  if (self->database != NULL)
    gtk_window_present (GTK_WINDOW (comm_report_dialog_new (GTK_WINDOW (self), self->database)));
}

static void
show_tab_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommWindow *self = COMM_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

void
_comm_window_class_actions_init (CommWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_cb);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", NULL, open_workspace_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_cb);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.show-tab", "s", show_tab_cb);
  gtk_widget_class_install_action (widget_class, "win.workspace-settings", NULL, workspace_settings_cb);
  gtk_widget_class_install_action (widget_class, "win.import-contracts", NULL, import_contracts_cb);
  gtk_widget_class_install_action (widget_class, "win.export-transparency", NULL, export_transparency_cb);
  gtk_widget_class_install_action (widget_class, "win.export-ocds", NULL, export_ocds_cb);
  gtk_widget_class_install_action (widget_class, "win.reports", NULL, reports_cb);

  /* Bound on the window rather than as application accels: a text field with the focus gets
   * Ctrl+Z first (its own undo), and only then the window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}

void
_comm_window_update_actions (CommWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.workspace-settings", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-contracts",
                                 self->database != NULL && !comm_database_is_read_only (self->database));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-transparency", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-ocds", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reports", self->database != NULL);
}
