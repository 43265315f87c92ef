/* test-window.c: the main window - tabs, title, workspace files, errors, state, screenshots */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "comm-application.h"
#include "comm-window-private.h"
#include "comm-test-ui.h"

static const struct {
  const char *name;
  const char *title;
} tabs[] = {
  { "contracts", "Contracts" },
  { "budgets", "Budgets" },
  { "deep-dives", "Deep Dives" },
  { "risks", "Risks" },
};

static CommApplication *app;

/* Helpers */

static CommWindow *
new_window (void)
{
  CommWindow *window = comm_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  comm_test_ui_wait (0);
  return window;
}

static CommWindow *
new_window_on (const char *path)
{
  CommWindow *window = new_window ();
  g_autoptr(GError) error = NULL;

  g_assert_true (comm_window_open_workspace (window, path, &error));
  g_assert_no_error (error);
  comm_test_ui_wait (100);
  return window;
}

static void
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  comm_test_ui_wait (0);
}

static GList *
list_toplevels_of_type (GType type)
{
  g_autoptr(GList) all = gtk_window_list_toplevels ();
  GList *found = NULL;

  for (GList *l = all; l != NULL; l = l->next)
    if (g_type_is_a (G_OBJECT_TYPE (l->data), type) && gtk_widget_get_visible (l->data))
      found = g_list_append (found, l->data);

  return found;
}

static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr(GList) found = list_toplevels_of_type (type);

  return found != NULL ? found->data : NULL;
}

static void
destroy_toplevels (GType type)
{
  g_autoptr(GList) found = list_toplevels_of_type (type);

  for (GList *l = found; l != NULL; l = l->next)
    destroy_window (l->data);
}

/* The one message dialog showing; asserts there is exactly one. */
static AdwMessageDialog *
expect_message_dialog (void)
{
  g_autoptr(GList) found = NULL;

  comm_test_ui_wait (100);
  found = list_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (g_list_length (found), ==, 1);
  return found->data;
}

static void
assert_dialog_names_file (AdwMessageDialog *dialog,
                          const char       *path)
{
  g_autofree char *base = g_path_get_basename (path);

  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), base));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), base));
}

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "test-files", NULL);

  /* Under the temporary data dir that comm_test_ui_init() set up, removed at exit. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static guint
count_contracts (CommDatabase *db)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  comm_date_today (&today);
  store = comm_contract_store_list (db, &today, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static AdwViewStack *
get_stack (CommWindow *window)
{
  GtkWidget *stack = comm_test_ui_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  return ADW_VIEW_STACK (stack);
}

static gboolean
label_with_text_exists (GtkWidget  *root,
                        const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_with_text_exists (child, text))
      return TRUE;

  return FALSE;
}

/* libadwaita 1.2 warns while laying out a view switcher bar that appears with animations off
 * ("gtk_widget_size_allocate(): attempt to allocate GtkBox ... height -1"); a plain window of
 * GTK and libadwaita widgets alone does the same. GTK logs it as a structured message, which
 * g_test_log_set_fatal_handler() does not see, so warnings are made non-fatal for just that
 * window's first layout and screenshot. */
static void
set_warnings_fatal (gboolean fatal)
{
  GLogLevelFlags flags = G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL;

  g_log_set_always_fatal (fatal ? flags | G_LOG_LEVEL_WARNING : flags);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *keys[] = { "window-width", "window-height", "window-maximized", "last-tab",
                         "last-workspace", "recent-workspaces" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

/* Tests */

static void
test_window_opens_demo (void)
{
  g_autofree char *path = comm_test_ui_make_demo_workspace ();
  CommWindow *window = new_window_on (path);
  AdwViewSwitcherTitle *title;
  AdwViewStack *stack = get_stack (window);
  CommDatabase *db = comm_window_get_database (window);
  g_autofree char *shot = NULL;

  g_assert_nonnull (db);
  g_assert_cmpstr (comm_database_get_path (db), ==, path);
  g_assert_cmpuint (count_contracts (db), >, 0);

  title = ADW_VIEW_SWITCHER_TITLE (comm_test_ui_find_by_type (GTK_WIDGET (window),
                                                              ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "Demo workspace");
  g_assert_true (g_str_has_suffix (adw_view_switcher_title_get_subtitle (title),
                                   "/Demo workspace.commissioner"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Demo workspace"));
  /* Wide: the tabs fill the middle, so the workspace is named at the start of the header bar. */
  g_assert_false (adw_view_switcher_title_get_title_visible (title));
  g_assert_cmpstr (gtk_label_get_label (window->workspace_label), ==, "Demo workspace");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->workspace_label)));

  /* Four tabs, in order, with their titles; every tab has the workspace. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (adw_view_stack_get_pages (stack))), ==, 4);
  /* Only the tab on screen is built when the workspace opens; the others when first asked for. */
  g_assert_nonnull (_comm_window_peek_page (window, "contracts"));
  for (guint i = 1; i < G_N_ELEMENTS (tabs); i++)
    g_assert_null (_comm_window_peek_page (window, tabs[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autoptr(AdwViewStackPage) page =
        g_list_model_get_item (G_LIST_MODEL (adw_view_stack_get_pages (stack)), i);
      GtkWidget *child = comm_window_get_page (window, tabs[i].name);

      g_assert_true (COMM_IS_PAGE (child));
      g_assert_true (adw_view_stack_page_get_child (page) == gtk_widget_get_parent (child));
      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, tabs[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, tabs[i].title);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      g_assert_true (comm_page_get_database (COMM_PAGE (child)) == db);
    }
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "contracts");

  /* The last workspace and the recent list remember it. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *last = g_settings_get_string (settings, "last-workspace");
    g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-workspaces");

    g_assert_cmpstr (last, ==, path);
    g_assert_cmpstr (recent[0], ==, path);
  }

  shot = comm_test_ui_save_screenshot (GTK_WIDGET (window), "window-contracts");
  destroy_window (window);
  reset_settings ();
}

static void
test_window_tabs (void)
{
  g_autofree char *path = comm_test_ui_make_demo_workspace ();
  CommWindow *window = new_window_on (path);
  AdwViewStack *stack = get_stack (window);

  for (guint i = 1; i < G_N_ELEMENTS (tabs); i++)
    {
      GtkWidget *page = comm_window_get_page (window, tabs[i].name);
      g_autofree char *shot_name = g_strdup_printf ("window-%s", tabs[i].name);
      g_autofree char *shot = NULL;

      AdwViewStackPage *stack_page;

      /* Every tab is a real page (built when first asked for) in its slot, with title and icon. */
      g_assert_true (COMM_IS_PAGE (page));
      stack_page = adw_view_stack_get_page (stack, gtk_widget_get_parent (page));
      g_assert_nonnull (stack_page);
      g_assert_cmpstr (adw_view_stack_page_get_title (stack_page), ==, tabs[i].title);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (stack_page));

      comm_test_ui_activate_action (GTK_WIDGET (window), "win.show-tab",
                                    g_variant_new_string (tabs[i].name));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, tabs[i].name);
      shot = comm_test_ui_save_screenshot (GTK_WIDGET (window), shot_name);
    }

  /* Undo on a tab with nothing to undo says so in a toast. */
  comm_test_ui_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  comm_test_ui_wait (100);
  g_assert_true (label_with_text_exists (GTK_WIDGET (window), "Nothing to undo"));

  destroy_window (window);
  reset_settings ();
}

/* A tab not yet built is flagged by the window from one query; once built the page flags itself.
 * Both must agree, on the demo workspace (which has overdue reviews) and on an empty one. */
static void
test_window_tab_attention (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  CommWindow *window = new_window_on (demo);
  AdwViewStack *stack = get_stack (window);
  guint flagged = 0;

  for (guint i = 1; i < G_N_ELEMENTS (tabs); i++)
    {
      AdwViewStackPage *stack_page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, tabs[i].name));
      gboolean before = adw_view_stack_page_get_needs_attention (stack_page);
      gboolean page_says = FALSE;

      g_assert_null (_comm_window_peek_page (window, tabs[i].name));
      comm_test_ui_activate_action (GTK_WIDGET (window), "win.show-tab", g_variant_new_string (tabs[i].name));
      comm_test_ui_wait (50);
      g_object_get (_comm_window_peek_page (window, tabs[i].name), "needs-attention", &page_says, NULL);
      g_test_message ("%s: flagged %d before it was built, %d by its page", tabs[i].name, before, page_says);
      g_assert_cmpint (before, ==, page_says);
      g_assert_cmpint (adw_view_stack_page_get_needs_attention (stack_page), ==, page_says);
      flagged += page_says;
    }
  g_assert_cmpuint (flagged, >, 0);
  destroy_window (window);
  reset_settings ();
}

static void
test_window_accessible (void)
{
  g_autofree char *path = comm_test_ui_make_demo_workspace ();
  CommWindow *window = new_window_on (path);
  GtkWidget *button = comm_test_ui_find_by_name (GTK_WIDGET (window), "menu_button");
  GMenuModel *menu;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Main menu");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Main Menu");
  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)), ==, "open-menu-symbolic");

  /* The primary menu: the workspace items, the recent submenu, then shortcuts and About. */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  comm_test_ui_wait (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                        "primary-menu"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* The switcher is in the header bar and the bar for narrow windows follows it. */
  g_assert_nonnull (comm_test_ui_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_nonnull (comm_test_ui_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));

  destroy_window (window);
  reset_settings ();
}

static void
check_open_refused (CommWindow *window,
                    const char *path,
                    int         code,
                    const char *screenshot)
{
  CommDatabase *before = comm_window_get_database (window);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_assert_false (comm_window_open_workspace (window, path, &error));
  g_assert_error (error, COMM_ERROR, code);

  /* The current workspace stays open, untouched. */
  g_assert_true (comm_window_get_database (window) == before);
  g_assert_cmpuint (count_contracts (before), >, 0);

  dialog = expect_message_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  assert_dialog_names_file (dialog, path);
  if (screenshot != NULL)
    g_free (comm_test_ui_save_screenshot (GTK_WIDGET (dialog), screenshot));
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
}

static void
test_window_open_errors (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *text = temp_path ("Notes.commissioner");
  g_autofree char *newer = comm_test_ui_make_empty_workspace ();
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;", COMM_DATABASE_SCHEMA_VERSION + 1);
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  CommWindow *window = new_window_on (demo);

  g_assert_true (g_file_set_contents (text, "Reference,Title\nC001,Young carers\n", -1, NULL));
  g_assert_true (g_file_get_contents (text, &text_before, NULL, NULL));
  check_open_refused (window, text, COMM_ERROR_NOT_WORKSPACE, "error-dialog");
  g_assert_true (g_file_get_contents (text, &text_after, NULL, NULL));
  g_assert_cmpstr (text_after, ==, text_before);

  run_sql (newer, sql);
  check_open_refused (window, newer, COMM_ERROR_TOO_NEW, NULL);

  destroy_window (window);
  reset_settings ();
}

static void
test_window_missing_recent (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *gone = comm_test_ui_make_demo_workspace ();
  CommWindow *window = new_window_on (gone);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) recent = NULL;
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;

  /* Open another, then remove the first from the disk: it stays in the recent list. */
  g_assert_true (comm_window_open_workspace (window, demo, NULL));
  g_assert_cmpint (g_remove (gone), ==, 0);
  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpstr (recent[0], ==, demo);
  g_assert_cmpstr (recent[1], ==, gone);
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)), ==, 2);

  g_assert_false (comm_window_open_workspace (window, gone, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_assert_cmpstr (comm_database_get_path (comm_window_get_database (window)), ==, demo);

  dialog = expect_message_dialog ();
  assert_dialog_names_file (dialog, gone);
  g_assert_true (adw_message_dialog_has_response (dialog, "forget"));
  adw_message_dialog_response (dialog, "forget");
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);

  g_clear_pointer (&recent, g_strfreev);
  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, demo);
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)), ==, 1);

  destroy_window (window);
  reset_settings ();
}

static void
test_window_in_use (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *other = comm_test_ui_make_demo_workspace ();
  CommWindow *first = new_window_on (demo);
  CommWindow *second = new_window_on (other);
  g_autoptr(CommDatabase) held = NULL;
  g_autoptr(GError) error = NULL;

  /* The same file in a second window is refused; the second keeps its own workspace. */
  check_open_refused (second, demo, COMM_ERROR_IN_USE, NULL);
  destroy_window (first);

  /* Once the first window has closed, the file is free again. */
  g_assert_true (comm_window_open_workspace (second, demo, &error));
  g_assert_no_error (error);
  comm_test_ui_wait (50);

  /* The workspace lock held by someone else (here: a connection outside any window). */
  held = comm_database_open (other, COMM_DATABASE_EXCLUSIVE, &error);
  g_assert_no_error (error);
  check_open_refused (second, other, COMM_ERROR_IN_USE, NULL);

  destroy_window (second);
  reset_settings ();
}

static void
test_window_read_only (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *locked = comm_test_ui_make_demo_workspace ();
  CommWindow *window;
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;
  CommDatabase *db;

  g_assert_cmpint (g_chmod (locked, 0444), ==, 0);
  if (g_access (locked, W_OK) == 0)
    {
      g_test_skip ("running as a user who can write a read-only file (root)");
      return;
    }

  window = new_window_on (demo);
  g_assert_false (comm_window_open_workspace (window, locked, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_READ_ONLY);
  dialog = expect_message_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "read-only"));
  adw_message_dialog_response (dialog, "read-only");
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);

  db = comm_window_get_database (window);
  g_assert_cmpstr (comm_database_get_path (db), ==, locked);
  g_assert_true (comm_database_is_read_only (db));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "(read-only)"));

  destroy_window (window);
  reset_settings ();
}

static void
test_window_save_copy (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *copy = temp_path ("Board copy");
  g_autofree char *copy_file = g_strconcat (copy, ".commissioner", NULL);
  CommWindow *window = new_window_on (demo);
  g_autoptr(CommDatabase) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  /* The suffix is added; the copy opens and holds the same contracts. */
  g_assert_true (_comm_window_save_copy (window, copy, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy_file, G_FILE_TEST_IS_REGULAR));
  comm_test_ui_wait (100);
  g_assert_true (label_with_text_exists (GTK_WIDGET (window), "Saved a copy as “Board copy.commissioner”"));

  opened = comm_database_open (copy_file, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  name = comm_database_dup_display_name (opened);
  g_assert_cmpstr (name, ==, "Board copy");
  g_assert_cmpuint (count_contracts (opened), ==, count_contracts (comm_window_get_database (window)));
  g_clear_object (&opened);

  /* A copy never replaces the workspace that is open. */
  g_assert_false (_comm_window_save_copy (window, demo, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_IN_USE);
  dialog = expect_message_dialog ();
  assert_dialog_names_file (dialog, demo);
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (comm_database_get_path (comm_window_get_database (window)), ==, demo);

  destroy_window (window);
  reset_settings ();
}

static void
test_window_new_workspace (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *fresh = temp_path ("Fresh");
  g_autofree char *fresh_file = g_strconcat (fresh, ".commissioner", NULL);
  CommWindow *window = new_window_on (demo);
  CommDatabase *db;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GStatBuf before, after;

  g_assert_true (_comm_window_create_workspace (window, fresh, &error));
  g_assert_no_error (error);
  db = comm_window_get_database (window);
  g_assert_cmpstr (comm_database_get_path (db), ==, fresh_file);
  g_assert_cmpuint (count_contracts (db), ==, 0);
  g_assert_cmpint (g_stat (fresh_file, &before), ==, 0);
  g_assert_cmpint (before.st_mode & 0777, ==, 0600);

  /* An existing file is never replaced, even if it is the open workspace. */
  g_assert_false (_comm_window_create_workspace (window, demo, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  dialog = expect_message_dialog ();
  assert_dialog_names_file (dialog, demo);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "choose another name"));
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (comm_window_get_database (window) == db);
  g_assert_cmpint (g_stat (fresh_file, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);

  destroy_window (window);
  reset_settings ();
}

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  CommWindow *window;
  int width = 0, height = 0;
  g_autofree char *tab = NULL;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_string (settings, "last-tab", "risks");

  window = new_window_on (demo);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (get_stack (window)), ==, "risks");
  comm_test_ui_wait (100);
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - 900), <=, 24);

  /* Closing saves the size and the tab. */
  comm_test_ui_activate_action (GTK_WIDGET (window), "win.show-tab", g_variant_new_string ("budgets"));
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 600);
  comm_test_ui_wait (100);
  gtk_window_close (GTK_WINDOW (window));
  comm_test_ui_wait (0);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  tab = g_settings_get_string (settings, "last-tab");
  g_assert_cmpstr (tab, ==, "budgets");

  reset_settings ();
}

static void
test_window_narrow (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  CommWindow *window;
  AdwViewSwitcherTitle *title;
  AdwViewSwitcherBar *bar;

  g_settings_set_int (settings, "window-width", 480);
  g_settings_set_int (settings, "window-height", 560);
  set_warnings_fatal (FALSE);
  window = new_window_on (demo);
  comm_test_ui_wait (200);

  /* Narrow: the title names the workspace and the tabs move to a bar at the bottom. */
  title = ADW_VIEW_SWITCHER_TITLE (comm_test_ui_find_by_type (GTK_WIDGET (window),
                                                              ADW_TYPE_VIEW_SWITCHER_TITLE));
  bar = ADW_VIEW_SWITCHER_BAR (comm_test_ui_find_by_type (GTK_WIDGET (window),
                                                          ADW_TYPE_VIEW_SWITCHER_BAR));
  /* Every tab (the Contracts tab too) must fit a narrow window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 500);
  g_assert_true (adw_view_switcher_title_get_title_visible (title));
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->workspace_label)));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (window), "window-narrow"));
  set_warnings_fatal (TRUE);

  destroy_window (window);
  reset_settings ();
}

static void
test_window_recent_limit (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  CommWindow *window = new_window_on (demo);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) recent = NULL;

  for (guint i = 0; i < COMM_WINDOW_MAX_RECENT + 2; i++)
    {
      g_autofree char *path = comm_test_ui_make_empty_workspace ();

      g_assert_true (comm_window_open_workspace (window, path, NULL));
    }
  g_assert_true (comm_window_open_workspace (window, demo, NULL));

  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpuint (g_strv_length (recent), ==, COMM_WINDOW_MAX_RECENT);
  g_assert_cmpstr (recent[0], ==, demo);
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_menu)), ==, COMM_WINDOW_MAX_RECENT);

  /* Choosing one from the menu opens it. */
  comm_test_ui_activate_action (GTK_WIDGET (window), "win.open-recent", g_variant_new_string (recent[3]));
  g_assert_cmpstr (comm_database_get_path (comm_window_get_database (window)), ==, recent[3]);

  destroy_window (window);
  reset_settings ();
}

static void
test_application_start (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *default_path = NULL;
  GtkWindow *window;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* First run: the demo workspace is made in the user data dir. */
  default_path = comm_application_dup_default_workspace (app);
  g_assert_true (g_str_has_prefix (default_path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (default_path, "/commissioner/Demo.commissioner"));
  db = comm_database_open (default_path, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_contracts (db), >, 10);
  g_clear_object (&db);

  /* Started without a file: the last workspace. */
  g_settings_set_string (settings, "last-workspace", demo);
  g_application_activate (G_APPLICATION (app));
  comm_test_ui_wait (50);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (COMM_IS_WINDOW (window));
  g_assert_cmpstr (comm_database_get_path (comm_window_get_database (COMM_WINDOW (window))), ==, demo);
  destroy_window (window);

  /* The last one has gone: the default workspace. */
  g_assert_cmpint (g_remove (demo), ==, 0);
  g_application_activate (G_APPLICATION (app));
  comm_test_ui_wait (50);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (COMM_IS_WINDOW (window));
  g_assert_cmpstr (comm_database_get_path (comm_window_get_database (COMM_WINDOW (window))), ==, default_path);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  destroy_window (window);

  reset_settings ();
}

static void
test_window_shortcuts (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  CommWindow *window = new_window_on (demo);
  GtkWidget *shortcuts;

  comm_test_ui_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  comm_test_ui_wait (200);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (label_with_text_exists (shortcuts, "New Workspace"));
  g_assert_true (label_with_text_exists (shortcuts, "Deep Dives"));
  g_assert_true (label_with_text_exists (shortcuts, "Duplicate Contract"));
  g_free (comm_test_ui_save_screenshot (shortcuts, "shortcuts"));
  destroy_window (shortcuts);

  destroy_window (window);
  reset_settings ();
}

static void
test_window_about (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  CommWindow *window = new_window_on (demo);
  AdwAboutWindow *about;

  comm_test_ui_activate_action (GTK_WIDGET (window), "app.about", NULL);
  comm_test_ui_wait (200);
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Commissioner");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "Commissioner developers");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (strstr (adw_about_window_get_comments (about), "local authority"));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (about), "about"));
  destroy_window (about);

  destroy_window (window);
  reset_settings ();
}

static void
test_window_styles (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GSettings) a11y = NULL;
  GSettingsSchema *schema;
  CommWindow *window = new_window_on (demo);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  comm_test_ui_wait (100);
  g_assert_true (adw_style_manager_get_dark (style));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (window), "window-dark"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* libadwaita 1.2 follows org.gnome.desktop.a11y.interface high-contrast when the schema is
   * installed (and no settings portal answers); with the memory backend a test can set it. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            "org.gnome.desktop.a11y.interface", TRUE);
  if (schema != NULL)
    {
      g_settings_schema_unref (schema);
      a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
      g_settings_set_boolean (a11y, "high-contrast", TRUE);
      comm_test_ui_wait (100);
    }

  if (adw_style_manager_get_high_contrast (style))
    {
      g_free (comm_test_ui_save_screenshot (GTK_WIDGET (window), "window-high-contrast"));
      g_settings_set_boolean (a11y, "high-contrast", FALSE);
      comm_test_ui_wait (100);
    }
  else
    g_test_message ("High contrast could not be switched on here; no high-contrast screenshot");

  destroy_window (window);
  reset_settings ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  comm_test_ui_init (&argc, &argv);

  app = comm_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window/opens-demo", test_window_opens_demo);
  g_test_add_func ("/window/tabs", test_window_tabs);
  g_test_add_func ("/window/tab-attention", test_window_tab_attention);
  g_test_add_func ("/window/accessible", test_window_accessible);
  g_test_add_func ("/window/open-errors", test_window_open_errors);
  g_test_add_func ("/window/missing-recent", test_window_missing_recent);
  g_test_add_func ("/window/in-use", test_window_in_use);
  g_test_add_func ("/window/read-only", test_window_read_only);
  g_test_add_func ("/window/save-copy", test_window_save_copy);
  g_test_add_func ("/window/new-workspace", test_window_new_workspace);
  g_test_add_func ("/window/state", test_window_state);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/recent-limit", test_window_recent_limit);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/styles", test_window_styles);
  g_test_add_func ("/application/start", test_application_start);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
