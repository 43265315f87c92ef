/* comm-test-ui.c: shared helpers for the UI suite (real windows under Xvfb)
 *
 * Every UI test program links this file. It checks that the environment is the repeatable one
 * tests/meson.build sets, makes throw-away workspaces, drives the main loop and saves screenshots
 * a person can look at.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "comm-app-resources.h"
#include "comm-test-ui.h"

/* Upper bound on main-loop iterations while draining, so that a widget that animates for ever
 * (a spinner) cannot hang a test. */
#define DRAIN_MAX_ITERATIONS 10000

static GPtrArray *temp_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  if (g_remove (path) != 0 && errno != ENOENT)
    g_printerr ("comm-test-ui: could not remove %s: %s\n", path, g_strerror (errno));
}

static void
remove_temp_dirs (void)
{
  if (temp_dirs == NULL)
    return;

  for (guint i = 0; i < temp_dirs->len; i++)
    remove_tree (g_ptr_array_index (temp_dirs, i));

  g_clear_pointer (&temp_dirs, g_ptr_array_unref);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  dir = g_dir_make_tmp ("commissioner-ui-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (dir);

  if (temp_dirs == NULL)
    {
      temp_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_temp_dirs);
    }
  g_ptr_array_add (temp_dirs, g_strdup (dir));

  return dir;
}

static char *
make_workspace (const char *file_name,
                gboolean    with_demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autofree char *dir = make_temp_dir ();
  char *path = g_build_filename (dir, file_name, NULL);

  db = comm_database_open (path, COMM_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  if (with_demo)
    {
      GDate today;

      comm_date_today (&today);
      g_assert_true (g_date_valid (&today));
      comm_demo_populate (db, &today, &error);
      g_assert_no_error (error);
    }

  comm_database_close (db);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static void
isolate_user_dir (const char *variable,
                  const char *home,
                  const char *name)
{
  g_autofree char *dir = g_build_filename (home, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_setenv (variable, dir, TRUE);
}

static void
assert_env (const char *name,
            const char *expected)
{
  const char *value = g_getenv (name);

  if (g_strcmp0 (value, expected) != 0)
    g_error ("UI tests need %s=%s in the environment (it is %s); run them with meson test",
             name, expected, value != NULL ? value : "unset");
}

static gboolean
on_wait_timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
find_matches_name (GtkWidget  *widget,
                   const char *name)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  return g_strcmp0 (id, name) == 0 || g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

void
comm_test_ui_init (int    *argc,
                   char ***argv)
{
  g_autofree char *home = NULL;

  /* The user's own folders (data, config, cache, state) live in a temporary folder, so the
   * default workspace, recent files and the like never touch the real home folder. Not
   * G_TEST_OPTION_ISOLATE_DIRS: that also replaces XDG_DATA_DIRS, where GTK finds icons and
   * MIME types. */
  home = make_temp_dir ();
  isolate_user_dir ("XDG_DATA_HOME", home, "data");
  isolate_user_dir ("XDG_CONFIG_HOME", home, "config");
  isolate_user_dir ("XDG_CACHE_HOME", home, "cache");
  isolate_user_dir ("XDG_STATE_HOME", home, "state");

  g_test_init (argc, argv, NULL);

  assert_env ("GTK_A11Y", "test");
  assert_env ("GSETTINGS_BACKEND", "memory");
  if (g_getenv ("COMMISSIONER_TODAY") == NULL)
    g_error ("UI tests need COMMISSIONER_TODAY=YYYY-MM-DD so dates are repeatable");

  gtk_init ();
  adw_init ();

  /* The app's templates are resources in a static library; referencing them links them in, so
   * a test that builds a single page (no window) finds its template too. */
  g_assert_nonnull (comm_app_get_resource ());

  /* Screenshots should not depend on the desktop the tests happen to run on. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                NULL);
}

char *
comm_test_ui_make_demo_workspace (void)
{
  return make_workspace ("Demo workspace" COMM_WORKSPACE_SUFFIX, TRUE);
}

char *
comm_test_ui_make_empty_workspace (void)
{
  return make_workspace ("Empty workspace" COMM_WORKSPACE_SUFFIX, FALSE);
}

void
comm_test_ui_wait (guint ms)
{
  GMainContext *context = g_main_context_default ();
  gboolean done = FALSE;

  for (guint i = 0; i < DRAIN_MAX_ITERATIONS && g_main_context_pending (context); i++)
    g_main_context_iteration (context, FALSE);

  if (ms == 0)
    return;

  g_timeout_add (ms, on_wait_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (context, TRUE);
}

char *
comm_test_ui_save_screenshot (GtkWidget  *widget,
                              const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  const char *dir;
  GskRenderer *renderer;
  GtkNative *native;
  int width, height;

  g_assert_true (GTK_IS_WIDGET (widget));
  g_assert_nonnull (name);

  dir = g_getenv ("COMM_SCREENSHOT_DIR");
  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  /* Let the frame clock lay out and draw the widget so its render node is current. */
  gtk_widget_queue_draw (widget);
  comm_test_ui_wait (200);
  g_assert_true (gtk_widget_get_mapped (widget));

  native = gtk_widget_get_native (widget);
  g_assert_nonnull (native);
  renderer = gtk_native_get_renderer (native);
  g_assert_nonnull (renderer);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("Screenshot: %s", path);

  return g_steal_pointer (&path);
}

GtkWidget *
comm_test_ui_find_by_name (GtkWidget  *root,
                           const char *name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (find_matches_name (root, name))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = comm_test_ui_find_by_name (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
comm_test_ui_find_by_type (GtkWidget *root,
                           GType      type)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = comm_test_ui_find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
comm_test_ui_activate_action (GtkWidget  *widget,
                              const char *action,
                              GVariant   *parameter)
{
  g_autoptr(GtkShortcutAction) named = NULL;
  g_autoptr(GVariant) param = NULL;
  gboolean activated;

  g_assert_true (GTK_IS_WIDGET (widget));
  g_assert_nonnull (action);

  if (parameter != NULL)
    param = g_variant_ref_sink (parameter);

  /* A GtkNamedAction is what a shortcut runs: it looks the action up from @widget outwards and
   * refuses one that is missing, disabled or given the wrong parameter type. */
  named = gtk_named_action_new (action);
  activated = gtk_shortcut_action_activate (named, GTK_SHORTCUT_ACTION_EXCLUSIVE, widget, param);
  if (!activated)
    g_error ("Action “%s” is missing, disabled or takes another parameter type (from a %s)",
             action, G_OBJECT_TYPE_NAME (widget));

  comm_test_ui_wait (0);
}

AdwMessageDialog *
comm_test_ui_find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}
