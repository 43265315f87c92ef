/* comm-window.c: the main window - header bar, view switcher, the four tabs, toasts
 *
 * A window shows one workspace. Opening another only replaces it once the new file has opened;
 * any failure is shown in a dialog over the window and the current workspace stays. The window
 * keeps the recent-workspaces list, the last workspace and its own size and tab in GSettings.
 * Its actions live in comm-window-actions.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-app-resources.h"
#include "comm-window-private.h"

G_DEFINE_FINAL_TYPE (CommWindow, comm_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
shorten_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = home != NULL ? strlen (home) : 0;

  if (len > 1 && g_str_has_prefix (path, home) && path[len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + len, NULL);

  return g_strdup (path);
}

/* "Demo.commissioner" -> "Demo", as comm_database_dup_display_name() does for an open file. */
static char *
display_name_for_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, COMM_WORKSPACE_SUFFIX) && strlen (base) > strlen (COMM_WORKSPACE_SUFFIX))
    base[strlen (base) - strlen (COMM_WORKSPACE_SUFFIX)] = '\0';

  return g_steal_pointer (&base);
}

static gboolean
strv_contains_path (char       **paths,
                    const char  *path)
{
  return paths != NULL && g_strv_contains ((const char * const *) paths, path);
}

static void
update_title (CommWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->database == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Commissioner"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_label_set_label (self->workspace_label, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_label), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Commissioner"));
      return;
    }

  name = comm_database_dup_display_name (self->database);
  if (comm_database_is_read_only (self->database))
    /* Translators: %s is the name of a workspace opened for reading only */
    title = g_strdup_printf (_("%s (read-only)"), name);
  else
    title = g_steal_pointer (&name);

  subtitle = shorten_path (comm_database_get_path (self->database));
  /* Translators: the window title: a workspace name, then the application name */
  window_title = g_strdup_printf (_("%s — Commissioner"), title);

  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  /* While the tabs fill the middle of the header bar, the workspace is named at its start. */
  gtk_label_set_label (self->workspace_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_label), subtitle);
}

static void
push_recent (CommWindow *self,
             const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < COMM_WINDOW_MAX_RECENT; i++)
    {
      if (g_strcmp0 (old[i], path) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }

  paths = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) paths);
}

static void
rebuild_recent_menu (CommWindow *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_menu_remove_all (self->recent_menu);

  /* Two workspaces with the same name in different folders get their folder in the label. */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      char *name = display_name_for_path (paths[i]);
      int count = GPOINTER_TO_INT (g_hash_table_lookup (seen, name));

      g_hash_table_replace (seen, name, GINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *name = display_name_for_path (paths[i]);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (GPOINTER_TO_INT (g_hash_table_lookup (seen, name)) > 1)
        {
          g_autofree char *folder = g_path_get_dirname (paths[i]);
          g_autofree char *short_folder = shorten_path (folder);

          /* Translators: a recent workspace: its name, then the folder it is in */
          label = g_strdup_printf (_("%s (%s)"), name, short_folder);
        }

      item = g_menu_item_new (label != NULL ? label : name, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", paths[i]);
      g_menu_append_item (self->recent_menu, item);
    }

  if (paths[0] == NULL)
    g_menu_append (self->recent_menu, _("No Recent Workspaces"), "win.no-recent-workspaces");
}

static void
restore_state (CommWindow *self)
{
  g_autofree char *tab = g_settings_get_string (self->settings, "last-tab");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, tab) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, tab);
}

static void
save_state (CommWindow *self)
{
  const char *tab = adw_view_stack_get_visible_child_name (self->stack);
  int width = 0, height = 0;

  /* GTK keeps the default size at the last unmaximized size. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (tab != NULL)
    g_settings_set_string (self->settings, "last-tab", tab);
}

static void
set_database (CommWindow   *self,
              CommDatabase *database)
{
  g_autoptr(CommDatabase) old = g_steal_pointer (&self->database);

  self->database = g_object_ref (database);

  _comm_window_tabs_set_database (self, database);

  /* Release the old file (and its lock) now, not whenever the last reference goes. */
  if (old != NULL && old != database)
    comm_database_close (old);

  update_title (self);
  _comm_window_update_actions (self);

  push_recent (self, comm_database_get_path (database));
  if (!comm_database_is_read_only (database))
    g_settings_set_string (self->settings, "last-workspace", comm_database_get_path (database));
}

/* Another window of this process with @path open: the file lock cannot tell us apart. */
static gboolean
is_open_in_other_window (CommWindow *self,
                         const char *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return FALSE;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      if (l->data != (gpointer) self && COMM_IS_WINDOW (l->data) &&
          COMM_WINDOW (l->data)->database != NULL &&
          g_strcmp0 (comm_database_get_path (COMM_WINDOW (l->data)->database), path) == 0)
        return TRUE;
    }

  return FALSE;
}

static char *
error_body_for_file (const char   *path,
                     const GError *error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *short_path = shorten_path (path);

  if (strstr (error->message, base) != NULL)
    return g_strdup (error->message);

  /* Translators: an error message, then the file it is about */
  return g_strdup_printf (_("%s\n\nFile: %s"), error->message, short_path);
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           CommWindow       *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "comm-path");

  if (g_strcmp0 (response, "read-only") == 0)
    _comm_window_open_with_flags (self, path, COMM_DATABASE_READ_ONLY, NULL);
  else if (g_strcmp0 (response, "forget") == 0)
    _comm_window_forget_recent (self, path);
}

static void
show_open_error (CommWindow   *self,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *body = error_body_for_file (path, error);
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  AdwMessageDialog *dialog = _comm_window_show_message (self, NULL, body);

  adw_message_dialog_format_heading (dialog, _("Could not open “%s”"), base);

  if (g_error_matches (error, COMM_ERROR, COMM_ERROR_READ_ONLY))
    {
      adw_message_dialog_add_response (dialog, "read-only", _("Open _Read-Only"));
      adw_message_dialog_set_response_appearance (dialog, "read-only", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "read-only");
    }
  else if (g_error_matches (error, COMM_ERROR, COMM_ERROR_NOT_FOUND) &&
           strv_contains_path (recent, path))
    {
      adw_message_dialog_add_response (dialog, "forget", _("_Remove From List"));
    }

  g_object_set_data_full (G_OBJECT (dialog), "comm-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_recent_changed_cb (CommWindow *self)
{
  rebuild_recent_menu (self);
}

static gboolean
comm_window_close_request (GtkWindow *window)
{
  save_state (COMM_WINDOW (window));

  return GTK_WINDOW_CLASS (comm_window_parent_class)->close_request (window);
}

static void
comm_window_dispose (GObject *object)
{
  CommWindow *self = COMM_WINDOW (object);

  /* The tabs let go of the workspace first, so that what waits to be saved (a budget being
   * typed in) goes into it before it closes. */
  if (self->database != NULL && self->stack != NULL)
    _comm_window_tabs_set_database (self, NULL);
  if (self->database != NULL)
    comm_database_close (self->database);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (comm_window_parent_class)->dispose (object);
}

static void
comm_window_class_init (CommWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = comm_window_dispose;
  window_class->close_request = comm_window_close_request;

  /* The UI resources sit in a static library: using them here keeps them linked in (their
   * constructor registers them) in every program that makes a window. */
  g_assert (comm_app_get_resource () != NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CommWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CommWindow, workspace_label);
  gtk_widget_class_bind_template_child (widget_class, CommWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CommWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CommWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CommWindow, recent_menu);

  _comm_window_class_actions_init (klass);
}

static void
comm_window_init (CommWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  /* When the window is narrow the switcher moves to the bottom bar and the title shows the
   * workspace instead; the label would only repeat it. */
  g_object_bind_property (self->switcher_title, "title-visible", self->workspace_label, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  _comm_window_add_tabs (self);
  restore_state (self);
  rebuild_recent_menu (self);
  g_signal_connect_object (self->settings, "changed::recent-workspaces",
                           G_CALLBACK (on_recent_changed_cb), self, G_CONNECT_SWAPPED);

  update_title (self);
  _comm_window_update_actions (self);
}

gboolean
_comm_window_open_with_flags (CommWindow        *self,
                              const char        *path,
                              CommDatabaseFlags  flags,
                              GError           **error)
{
  g_autoptr(CommDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *full = g_canonicalize_filename (path, NULL);

  g_return_val_if_fail (COMM_IS_WINDOW (self), FALSE);

  /* Already showing it as asked: nothing to do (reopening would trip over our own lock). */
  if (self->database != NULL &&
      g_strcmp0 (comm_database_get_path (self->database), full) == 0 &&
      !!comm_database_is_read_only (self->database) == !!(flags & COMM_DATABASE_READ_ONLY))
    return TRUE;

  if (is_open_in_other_window (self, full))
    {
      g_autofree char *base = g_path_get_basename (full);

      g_set_error (&local_error, COMM_ERROR, COMM_ERROR_IN_USE,
                   _("“%s” is already open in another Commissioner window. Use that window, "
                     "or close it first."), base);
    }
  else
    database = comm_database_open (full, flags, &local_error);

  if (database == NULL)
    {
      show_open_error (self, full, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_database (self, database);
  return TRUE;
}

gboolean
_comm_window_create_workspace (CommWindow  *self,
                               const char  *path,
                               GError     **error)
{
  g_autofree char *full = _comm_window_ensure_suffix (path);
  g_autofree char *base = g_path_get_basename (full);
  g_autoptr(CommDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_file_test (full, G_FILE_TEST_EXISTS))
    {
      g_autofree char *folder = g_path_get_dirname (full);
      g_autofree char *short_folder = shorten_path (folder);

      g_set_error (&local_error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("A file called “%s” already exists in %s. A new workspace never replaces an "
                     "existing file: choose another name."), base, short_folder);
    }
  else
    database = comm_database_open (full, COMM_DATABASE_CREATE | COMM_DATABASE_EXCLUSIVE, &local_error);

  if (database == NULL)
    {
      AdwMessageDialog *dialog = _comm_window_show_message (self, NULL, local_error->message);

      adw_message_dialog_format_heading (dialog, _("Could not create “%s”"), base);
      gtk_window_present (GTK_WINDOW (dialog));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_database (self, database);
  return TRUE;
}

gboolean
_comm_window_save_copy (CommWindow  *self,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *full = _comm_window_ensure_suffix (path);
  g_autofree char *canonical = g_canonicalize_filename (full, NULL);
  g_autofree char *base = g_path_get_basename (full);
  g_autofree char *toast_title = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self->database != NULL, FALSE);

  if (g_strcmp0 (canonical, comm_database_get_path (self->database)) == 0 ||
      is_open_in_other_window (self, canonical))
    g_set_error (&local_error, COMM_ERROR, COMM_ERROR_IN_USE,
                 _("“%s” is a workspace that is open now, so a copy cannot replace it. Choose "
                   "another name for the copy."), base);
  else if (g_strcmp0 (full, path) != 0 && g_file_test (full, G_FILE_TEST_EXISTS))
    g_set_error (&local_error, COMM_ERROR, COMM_ERROR_INVALID,
                 _("A file called “%s” already exists there. Choose another name for the copy."),
                 base);
  else
    comm_database_save_copy (self->database, canonical, &local_error);

  if (local_error != NULL)
    {
      AdwMessageDialog *dialog = _comm_window_show_message (self, NULL, local_error->message);

      adw_message_dialog_format_heading (dialog, _("Could not save a copy as “%s”"), base);
      gtk_window_present (GTK_WINDOW (dialog));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A toast title is Pango markup in libadwaita 1.2. */
  toast_title = g_markup_printf_escaped (_("Saved a copy as “%s”"), base);
  comm_window_add_toast (self, adw_toast_new (toast_title));
  return TRUE;
}

void
_comm_window_forget_recent (CommWindow *self,
                            const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  g_autofree char *last = g_settings_get_string (self->settings, "last-workspace");

  for (guint i = 0; old[i] != NULL; i++)
    if (g_strcmp0 (old[i], path) != 0)
      g_strv_builder_add (builder, old[i]);

  paths = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) paths);
  if (g_strcmp0 (last, path) == 0)
    g_settings_set_string (self->settings, "last-workspace", "");
}

AdwMessageDialog *
_comm_window_show_message (CommWindow *self,
                           const char *heading,
                           const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  return ADW_MESSAGE_DIALOG (dialog);
}

char *
_comm_window_ensure_suffix (const char *path)
{
  if (g_str_has_suffix (path, COMM_WORKSPACE_SUFFIX))
    return g_strdup (path);

  return g_strconcat (path, COMM_WORKSPACE_SUFFIX, NULL);
}

GFile *
_comm_window_dup_default_folder (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "commissioner", NULL);

  g_mkdir_with_parents (folder, 0700);

  return g_file_new_for_path (folder);
}

CommWindow *
comm_window_new (GtkApplication *application)
{
  return g_object_new (COMM_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

gboolean
comm_window_open_workspace (CommWindow  *self,
                            const char  *path,
                            GError     **error)
{
  g_return_val_if_fail (COMM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return _comm_window_open_with_flags (self, path, COMM_DATABASE_EXCLUSIVE, error);
}

CommDatabase *
comm_window_get_database (CommWindow *self)
{
  g_return_val_if_fail (COMM_IS_WINDOW (self), NULL);

  return self->database;
}

void
comm_window_add_toast (CommWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (COMM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
