/* test-workspace-settings.c: reminder lead times are set per workspace and the register follows;
 * the Publishing rows (authority, department, OCID prefix, threshold) are validated and saved */
#include "config.h"

#include "comm-application.h"
#include "comm-contracts-page.h"
#include "comm-window.h"
#include "comm-workspace-settings.h"
#include "comm-test-ui.h"

/* One application for the whole program: a second would clash on the session bus. */
static CommApplication *app;

static guint
count_ending_soon (GListModel *model)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (model, i);
      count += comm_contract_get_ending_soon (contract);
    }
  return count;
}

static guint
count_ending_soon_in_store (CommDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = NULL;
  GDate today;

  comm_date_today (&today);
  store = comm_contract_store_list (db, &today, &error);
  g_assert_no_error (error);
  return count_ending_soon (G_LIST_MODEL (store));
}

static CommWorkspaceSettings *
find_settings_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (COMM_IS_WORKSPACE_SETTINGS (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GtkWidget *
find_entry_row (GtkWidget *root)
{
  return comm_test_ui_find_by_type (root, ADW_TYPE_ENTRY_ROW);
}

static void
test_reminder_leads (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  CommWindow *window;
  CommWorkspaceSettings *settings;
  GtkWidget *row;
  GListModel *view;
  guint before, after;

  window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (comm_window_open_workspace (window, demo, &error));
  g_assert_no_error (error);
  comm_test_ui_wait (100);
  view = comm_contracts_page_get_view_model (COMM_CONTRACTS_PAGE (comm_window_get_page (window, "contracts")));
  before = count_ending_soon (view);
  g_assert_cmpuint (before, ==, count_ending_soon_in_store (comm_window_get_database (window)));

  comm_test_ui_activate_action (GTK_WIDGET (window), "win.workspace-settings", NULL);
  comm_test_ui_wait (100);
  settings = find_settings_window ();
  g_assert_nonnull (settings);
  row = find_entry_row (GTK_WIDGET (settings));
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "12, 6, 3");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Months before (e.g. 12, 6, 3)");

  /* Nonsense is refused, said under the row, and nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (row), "0, 100");
  g_assert_false (comm_workspace_settings_apply_reminders (settings));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  stored = comm_database_get_setting (comm_window_get_database (window), "reminder-leads");
  g_assert_null (stored);
  comm_test_ui_wait (50);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (settings), "workspace-settings-error"));

  /* Two years' notice: more contracts have a reminder due, and the register shows it at once. */
  gtk_editable_set_text (GTK_EDITABLE (row), "24, 6");
  g_assert_true (comm_workspace_settings_apply_reminders (settings));
  stored = comm_database_get_setting (comm_window_get_database (window), "reminder-leads");
  g_assert_cmpstr (stored, ==, "24,6");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  comm_test_ui_wait (100);
  view = comm_contracts_page_get_view_model (COMM_CONTRACTS_PAGE (comm_window_get_page (window, "contracts")));
  after = count_ending_soon (view);
  g_assert_cmpuint (after, ==, count_ending_soon_in_store (comm_window_get_database (window)));
  g_assert_cmpuint (after, >, before);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (settings), "workspace-settings"));

  gtk_window_destroy (GTK_WINDOW (settings));
  gtk_window_destroy (GTK_WINDOW (window));
  comm_test_ui_wait (0);
}

static GtkWidget *
find_row (CommWorkspaceSettings *settings,
          const char            *id)
{
  GtkWidget *row = comm_test_ui_find_by_name (GTK_WIDGET (settings), id);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  return row;
}

static void
apply_row (GtkWidget  *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
test_publishing (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *department = NULL;
  CommWindow *window;
  CommWorkspaceSettings *settings;
  CommDatabase *db;
  GtkWidget *authority_row, *department_row, *ocid_row, *threshold_row, *ocid_message, *threshold_message;

  window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (comm_window_open_workspace (window, demo, &error));
  db = comm_window_get_database (window);
  comm_test_ui_activate_action (GTK_WIDGET (window), "win.workspace-settings", NULL);
  comm_test_ui_wait (100);
  settings = find_settings_window ();
  g_assert_nonnull (settings);

  authority_row = find_row (settings, "authority_row");
  department_row = find_row (settings, "department_row");
  ocid_row = find_row (settings, "ocid_row");
  threshold_row = find_row (settings, "threshold_row");
  ocid_message = comm_test_ui_find_by_name (GTK_WIDGET (settings), "ocid_message");
  threshold_message = comm_test_ui_find_by_name (GTK_WIDGET (settings), "threshold_message");

  /* The defaults: nothing set, £5,000 */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (authority_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ocid_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (threshold_row)), ==, "£5,000");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (ocid_row))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "OCID prefix (e.g. ocds-abc123)");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (authority_row))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Authority name");

  /* A prefix that is not "ocds-" and six letters or digits, and a malformed amount, are refused
   * under their rows; nothing is saved */
  apply_row (ocid_row, "ocds-abc");
  g_assert_true (gtk_widget_has_css_class (ocid_row, "error"));
  g_assert_true (gtk_widget_get_visible (ocid_message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ocid_message)), "is not an OCID prefix"));
  g_assert_null (comm_database_get_setting (db, COMM_SETTING_OCID_PREFIX));
  apply_row (threshold_row, "£5,00");
  g_assert_true (gtk_widget_has_css_class (threshold_row, "error"));
  g_assert_true (gtk_widget_get_visible (threshold_message));
  g_assert_null (comm_database_get_setting (db, COMM_SETTING_TRANSPARENCY_THRESHOLD));
  g_assert_false (comm_workspace_settings_apply_publishing (settings));
  comm_test_ui_wait (50);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (settings), "workspace-settings-publishing-error"));

  /* Typing clears the message; good values are saved and shown as stored */
  gtk_editable_set_text (GTK_EDITABLE (ocid_row), "ocds-abc123");
  g_assert_false (gtk_widget_has_css_class (ocid_row, "error"));
  g_assert_false (gtk_widget_get_visible (ocid_message));
  gtk_editable_set_text (GTK_EDITABLE (authority_row), " Riverside County Council ");
  gtk_editable_set_text (GTK_EDITABLE (department_row), "Children's Services");
  gtk_editable_set_text (GTK_EDITABLE (threshold_row), "10000");
  g_assert_true (comm_workspace_settings_apply_publishing (settings));
  prefix = comm_publishing_get_ocid_prefix (db);
  authority = comm_publishing_get_authority_name (db);
  department = comm_publishing_get_department (db);
  g_assert_cmpstr (prefix, ==, "ocds-abc123");
  g_assert_cmpstr (authority, ==, "Riverside County Council");
  g_assert_cmpstr (department, ==, "Children's Services");
  g_assert_cmpint (comm_publishing_get_threshold (db), ==, 1000000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (threshold_row)), ==, "£10,000");
  g_assert_false (gtk_widget_has_css_class (threshold_row, "error"));
  g_assert_false (gtk_widget_get_visible (threshold_message));

  /* One row's apply button saves that row */
  apply_row (threshold_row, "£5,000.01");
  g_assert_cmpint (comm_publishing_get_threshold (db), ==, 500001);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (threshold_row)), ==, "£5,000.01");
  comm_test_ui_wait (50);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (settings), "workspace-settings-publishing"));

  gtk_window_destroy (GTK_WINDOW (settings));
  gtk_window_destroy (GTK_WINDOW (window));
  comm_test_ui_wait (0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  comm_test_ui_init (&argc, &argv);
  app = comm_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/workspace-settings/reminder-leads", test_reminder_leads);
  g_test_add_func ("/workspace-settings/publishing", test_publishing);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
