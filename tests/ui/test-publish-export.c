/* test-publish-export.c: the primary menu's Publish exports - run in a worker thread under a
 * progress dialog, then a toast, the check's warnings (Transparency) or the error (OCDS) */
#include "config.h"

#include <glib/gstdio.h>

#include "comm-application.h"
#include "comm-contract-editor.h"
#include "comm-publish-export.h"
#include "comm-window.h"
#include "comm-test-ui.h"

typedef struct {
  gboolean   done;
  guint      n_written;
  GPtrArray *warnings;
  GError    *error;
} Outcome;

static CommApplication *app;

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->n_written = comm_publish_export_finish (result, &outcome->warnings, &outcome->error);
  outcome->done = TRUE;
}

static void
run_export (CommWindow      *window,
            CommPublishKind  kind,
            const char      *path,
            Outcome         *outcome)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  comm_publish_export_run (window, kind, file, on_export_done_cb, outcome);
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (comm_publish_export_get_progress_dialog (window));
}

static void
remove_file_and_folder (char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
}

/* @name in a new temporary folder, both removed when the test ends. */
static char *
temp_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("comm-publish-ui-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_test_queue_destroy ((GDestroyNotify) remove_file_and_folder, g_strdup (path));
  return path;
}

/* The action names of the "_Publish" submenu of the primary menu's first section. */
static char *
publish_menu_actions (CommWindow *window)
{
  GtkWidget *button = comm_test_ui_find_by_name (GTK_WIDGET (window), "menu_button");
  GMenuModel *section = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)),
                                                    0, G_MENU_LINK_SECTION);
  g_autoptr(GString) actions = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) submenu = NULL;

      if (!g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) ||
          !g_str_equal (label, "_Publish"))
        continue;
      submenu = g_menu_model_get_item_link (section, i, G_MENU_LINK_SUBMENU);
      for (int j = 0; j < g_menu_model_get_n_items (submenu); j++)
        {
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (submenu, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_string_append_printf (actions, "%s%s", j > 0 ? " " : "", action);
        }
    }
  g_object_unref (section);

  return g_string_free (g_steal_pointer (&actions), FALSE);
}

static void
test_exports (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *csv_path = temp_file ("transparency.csv");
  g_autofree char *json_path = temp_file ("ocds.json");
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  Outcome transparency = { 0 }, ocds_refused = { 0 }, ocds = { 0 };
  AdwMessageDialog *dialog;
  CommWindow *window;
  CommDatabase *db;

  window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (comm_window_open_workspace (window, demo, &error));
  db = comm_window_get_database (window);
  comm_test_ui_wait (100);
  {
    g_autofree char *actions = publish_menu_actions (window);

    g_assert_cmpstr (actions, ==, "win.export-transparency win.export-ocds");
  }

  /* Transparency: the file, the count, and the check's lines in a dialog (the demo has no
   * descriptions) */
  run_export (window, COMM_PUBLISH_TRANSPARENCY, csv_path, &transparency);
  g_assert_no_error (transparency.error);
  g_assert_cmpuint (transparency.n_written, >, 40);
  g_assert_nonnull (transparency.warnings);
  g_assert_cmpuint (transparency.warnings->len, >, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "Reference number,Title of agreement,Department responsible,"));
  dialog = comm_test_ui_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Some contracts miss what the Code asks for");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The CSV was written, but"));
  comm_test_ui_wait (100);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "publish-transparency-warnings"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  comm_test_ui_wait (0);

  /* OCDS without a prefix: refused with a dialog saying where to set it, nothing written */
  run_export (window, COMM_PUBLISH_OCDS, json_path, &ocds_refused);
  g_assert_error (ocds_refused.error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_false (g_file_test (json_path, G_FILE_TEST_EXISTS));
  dialog = comm_test_ui_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The OCDS JSON could not be exported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Workspace Settings"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  comm_test_ui_wait (0);

  /* With the settings, one release per contract */
  g_assert_true (comm_publishing_set_ocid_prefix (db, "ocds-abc123", &error));
  g_assert_true (comm_publishing_set_authority_name (db, "Riverside County Council", &error));
  run_export (window, COMM_PUBLISH_OCDS, json_path, &ocds);
  g_assert_no_error (ocds.error);
  g_assert_cmpuint (ocds.n_written, ==, transparency.n_written);  /* every demo contract is over £5,000 */
  g_assert_null (ocds.warnings);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"ocid\":\"ocds-abc123-"));
  g_assert_null (comm_test_ui_find_message_dialog ());

  g_clear_pointer (&transparency.warnings, g_ptr_array_unref);
  g_clear_error (&ocds_refused.error);
  gtk_window_destroy (GTK_WINDOW (window));
  comm_test_ui_wait (0);
}

static gboolean
has_problem (CommContractEditor *editor,
             const char         *field)
{
  return comm_problems_find (comm_contract_editor_get_problems (editor), field) != NULL;
}

/* The contract editor's Department and Irrecoverable VAT rows reach the workspace. */
static void
test_editor_fields (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = comm_database_open (demo, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(CommContract) first = NULL;
  g_autoptr(CommContract) contract = NULL;
  g_autoptr(CommContract) saved = NULL;
  CommContractEditor *editor;
  GtkWidget *vat_row, *department_row;
  GDate today;
  gint64 id;

  comm_date_today (&today);
  list = comm_contract_store_list (db, &today, &error);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  id = comm_contract_get_id (first);
  contract = comm_contract_store_get (db, id, &today, &error);
  g_assert_no_error (error);
  editor = comm_contract_editor_new (db, contract);
  gtk_window_present (GTK_WINDOW (editor));
  comm_test_ui_wait (100);
  vat_row = comm_test_ui_find_by_name (GTK_WIDGET (editor), "vat_row");
  department_row = comm_test_ui_find_by_name (GTK_WIDGET (editor), "department_row");
  g_assert_true (ADW_IS_ENTRY_ROW (vat_row) && ADW_IS_ENTRY_ROW (department_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vat_row)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (vat_row), "£12,00");
  comm_test_ui_wait (0);
  g_assert_true (has_problem (editor, "irrecoverable-vat"));
  gtk_editable_set_text (GTK_EDITABLE (vat_row), "£1,234.56");
  gtk_editable_set_text (GTK_EDITABLE (department_row), " Public Health ");
  comm_test_ui_wait (0);
  g_assert_false (has_problem (editor, "irrecoverable-vat"));
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  comm_test_ui_wait (100);

  saved = comm_contract_store_get (db, id, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comm_contract_get_irrecoverable_vat (saved), ==, 123456);
  g_assert_cmpstr (comm_contract_get_department (saved), ==, "Public Health");
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

  g_test_add_func ("/publish-export/exports", test_exports);
  g_test_add_func ("/publish-export/editor-fields", test_editor_fields);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
