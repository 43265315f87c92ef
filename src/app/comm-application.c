/* comm-application.c: the GtkApplication - workspaces, recent files, app-wide actions
 *
 * `commissioner` opens the last workspace (or the demo workspace, made on first run);
 * `commissioner FILE` opens FILE. style.css and gtk/help-overlay.ui are picked up from the
 * resource base path by AdwApplication and GtkApplication themselves.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "comm-application.h"
#include "comm-window.h"

#define DEFAULT_WORKSPACE_NAME "Demo" COMM_WORKSPACE_SUFFIX

struct _CommApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CommApplication, comm_application, ADW_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[2];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.new-workspace", { "<Control><Shift>n", NULL } },
  { "win.open-workspace", { "<Control>o", NULL } },
  { "win.save-copy", { "<Control><Shift>s", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.workspace-settings", { "<Control>comma", NULL } },
  { "win.show-tab::contracts", { "<Alt>1", NULL } },
  { "win.show-tab::budgets", { "<Alt>2", NULL } },
  { "win.show-tab::deep-dives", { "<Alt>3", NULL } },
  { "win.show-tab::risks", { "<Alt>4", NULL } },
  /* The Contracts tab's own actions: listed here so menus show the keys; the window binds
   * them on the tab too (see comm-window.c), since these accels look actions up from the window. */
  { "contracts.new", { "<Control>n", NULL } },
  { "contracts.duplicate", { "<Control>d", NULL } },
  { "contracts.export", { "<Control>e", NULL } },
  { "contracts.providers", { "<Control>p", NULL } },
};

static void
remove_workspace_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* Creates the demo workspace at @path; on failure removes what it made, so the next start
 * tries again rather than opening half a demo. */
static gboolean
populate_demo (const char  *path,
               GError     **error)
{
  g_autoptr(CommDatabase) db = NULL;
  gboolean ok;
  GDate today;

  db = comm_database_open (path, COMM_DATABASE_CREATE, error);
  if (db == NULL)
    return FALSE;

  comm_date_today (&today);
  ok = comm_demo_populate (db, &today, error);
  comm_database_close (db);

  if (!ok)
    remove_workspace_files (path);

  return ok;
}

/* The last workspace if it still exists, else the default one. */
static char *
dup_start_workspace (CommApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-workspace");

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return comm_application_dup_default_workspace (self);
}

static CommWindow *
new_window (CommApplication *self)
{
  CommWindow *window = comm_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
open_start_workspace (CommApplication *self,
                      CommWindow      *window)
{
  g_autofree char *path = dup_start_workspace (self);
  g_autofree char *fallback = NULL;

  if (comm_window_open_workspace (window, path, NULL))
    return;

  /* The dialog already said why; fall back to the default workspace if that was not it. */
  fallback = comm_application_dup_default_workspace (self);
  if (g_strcmp0 (fallback, path) != 0)
    comm_window_open_workspace (window, fallback, NULL);
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Close rather than destroy, so each window saves its size and tab. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);

  g_application_quit (G_APPLICATION (app));
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Commissioner developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Commissioner"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Commissioner developers"),
                         "developers", developers,
                         "copyright", _("© 2026 Commissioner developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Commissioner keeps the register of children’s and family "
                                       "services that an English local authority buys: contracts, "
                                       "providers, what they cost and when they need monitoring."),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_cb },
  { .name = "about", .activate = about_cb },
};

static void
comm_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (comm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);
}

static void
comm_application_activate (GApplication *application)
{
  CommApplication *self = COMM_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  open_start_workspace (self, new_window (self));
}

static void
comm_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  CommApplication *self = COMM_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      CommWindow *window = new_window (self);

      /* A file that will not open gets its dialog over the usual workspace. */
      if (path == NULL || !comm_window_open_workspace (window, path, NULL))
        open_start_workspace (self, window);
    }
}

static void
comm_application_dispose (GObject *object)
{
  CommApplication *self = COMM_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (comm_application_parent_class)->dispose (object);
}

static void
comm_application_class_init (CommApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = comm_application_dispose;

  app_class->startup = comm_application_startup;
  app_class->activate = comm_application_activate;
  app_class->open = comm_application_open;
}

static void
comm_application_init (CommApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

CommApplication *
comm_application_new (void)
{
  return g_object_new (COMM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/uk/org/commissioner/Commissioner",
                       NULL);
}

char *
comm_application_dup_default_workspace (CommApplication *self)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "commissioner", NULL);
  g_autofree char *path = g_build_filename (folder, DEFAULT_WORKSPACE_NAME, NULL);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (COMM_IS_APPLICATION (self), NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    g_message ("Could not create the folder %s for the demo workspace: %s",
               folder, g_strerror (errno));
  else if (!populate_demo (path, &error))
    g_message ("Could not make the demo workspace %s: %s", path, error->message);

  /* If that failed, opening the path says why in the window. */
  return g_steal_pointer (&path);
}
