/* test-import-dialog.c: Import Contracts from the window's menu - a CSV with bad rows is read and
 * checked off the main thread, the preview lists the rejected rows with their reasons, the good
 * rows are imported and the register grows; a bad file says what is wrong */
#include "config.h"

#include <glib/gstdio.h>

#include "comm-application.h"
#include "comm-contracts-page.h"
#include "comm-import-dialog.h"
#include "comm-window.h"
#include "comm-test-ui.h"

static CommApplication *app;

static CommImportDialog *
find_import_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (COMM_IS_IMPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
wait_until_idle (CommImportDialog *dialog)
{
  comm_test_ui_wait (50);
  for (guint i = 0; i < 400 && comm_import_dialog_get_busy (dialog); i++)
    comm_test_ui_wait (25);
  g_assert_false (comm_import_dialog_get_busy (dialog));
  comm_test_ui_wait (50);
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("COMM_TEST_SRCDIR"), "data", "import", name, NULL);
}

/* The subtitle of the preview row whose title is @title, or NULL. */
static const char *
preview_row_subtitle (GtkWidget  *dialog,
                      const char *title)
{
  GtkWidget *list = comm_test_ui_find_by_name (dialog, "rows_list");

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  return NULL;
}

static AdwComboRow *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found;

      if (ADW_IS_COMBO_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return ADW_COMBO_ROW (child);
      if ((found = find_combo_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static CommWindow *
open_demo_window (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autoptr(GError) error = NULL;
  CommWindow *window = comm_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (comm_window_open_workspace (window, demo, &error));
  g_assert_no_error (error);
  comm_test_ui_wait (100);
  return window;
}

static void
test_preview_and_import_good_rows (void)
{
  CommWindow *window = open_demo_window ();
  GListModel *view = comm_contracts_page_get_view_model (COMM_CONTRACTS_PAGE (comm_window_get_page (window, "contracts")));
  guint before = g_list_model_get_n_items (view);
  g_autofree char *csv = data_path ("mixed.csv");
  g_autofree char *shot = NULL;
  CommImportDialog *dialog;
  GtkWidget *counts, *format;
  const char *subtitle;

  comm_test_ui_activate_action (GTK_WIDGET (window), "win.import-contracts", NULL);
  comm_test_ui_wait (100);
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  comm_import_dialog_load_file (dialog, csv);
  wait_until_idle (dialog);

  format = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "format_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (format)), ==, "UTF-8, separated by comma");
  counts = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "counts_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counts)), ==,
                   "3 new, 0 updated, 0 unchanged, 4 rejected, 1 flagged. 3 new providers would be added.");

  subtitle = preview_row_subtitle (GTK_WIDGET (dialog), "Line 4 · Rejected · FS-003");
  g_assert_nonnull (subtitle);
  g_assert_true (g_str_has_prefix (subtitle, "Contract value (£) “£143,00”: “£143,00” is not an amount of money"));
  subtitle = preview_row_subtitle (GTK_WIDGET (dialog), "Line 6 · Rejected · fs-001");
  g_assert_nonnull (strstr (subtitle, "already used on line 2 of this file"));
  subtitle = preview_row_subtitle (GTK_WIDGET (dialog), "Line 7 · Rejected · FS-005");
  g_assert_cmpstr (subtitle, ==, "This line has 3 cells but the header has 8.");
  subtitle = preview_row_subtitle (GTK_WIDGET (dialog), "Line 8 · Rejected · FS-006");
  g_assert_nonnull (strstr (subtitle, "“31/02/2026” is not a real date."));
  subtitle = preview_row_subtitle (GTK_WIDGET (dialog), "Line 5 · Flagged · FS-004");
  g_assert_nonnull (strstr (subtitle, "mixes Latin letters"));
  g_assert_cmpstr (preview_row_subtitle (GTK_WIDGET (dialog), "Line 2 · New · FS-001"), ==, "A new contract");

  /* Rows were rejected: Import All is off, Import Good Rows Only and Save Rejected Rows are on */
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_all_button")));
  g_assert_true (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_good_button")));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 980, 900);
  comm_test_ui_wait (100);
  shot = comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "import-dialog-preview");
  g_assert_nonnull (shot);
  /* Nothing written yet */
  g_assert_cmpuint (g_list_model_get_n_items (view), ==, before);

  comm_test_ui_activate_action (GTK_WIDGET (dialog), "import.import-good", NULL);
  for (guint i = 0; i < 400 && dialog != NULL; i++)
    comm_test_ui_wait (25);
  g_assert_null (dialog);  /* closed after importing */
  comm_test_ui_wait (100);
  g_assert_cmpuint (g_list_model_get_n_items (view), ==, before + 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_file_and_mapping (void)
{
  CommWindow *window = open_demo_window ();
  g_autofree char *empty = data_path ("empty.csv");
  g_autofree char *tab = data_path ("tab.csv");
  CommImportDialog *dialog = comm_import_dialog_new (GTK_WINDOW (window), comm_window_get_database (window));
  GtkWidget *error_label = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "error_label");
  GtkWidget *counts = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "counts_label");

  gtk_window_present (GTK_WINDOW (dialog));
  comm_import_dialog_load_file (dialog, empty);
  wait_until_idle (dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, "The file is empty.");
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_all_button")));

  comm_import_dialog_load_file (dialog, tab);
  wait_until_idle (dialog);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counts)), ==,
                   "1 new, 0 updated, 0 unchanged, 0 rejected, 0 flagged. 1 new provider would be added.");
  g_assert_true (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_all_button")));

  /* Unmapping the reference column: the rows cannot be checked, and the dialog says why */
  adw_combo_row_set_selected (find_combo_row (GTK_WIDGET (dialog), "Reference"), 0);
  wait_until_idle (dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "holds the contract reference"));
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_all_button")));
  /* ... and mapping it back makes them importable again */
  adw_combo_row_set_selected (find_combo_row (GTK_WIDGET (dialog), "Reference"), 1);
  wait_until_idle (dialog);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_all_button")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reading_options_and_presets (void)
{
  CommWindow *window = open_demo_window ();
  CommDatabase *db = comm_window_get_database (window);
  CommImportDialog *dialog = comm_import_dialog_new (GTK_WINDOW (window), db);
  g_autofree char *dir = g_dir_make_tmp ("test-import-dialog-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "titled.csv", NULL);
  GtkWidget *error_label = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "error_label");
  GtkWidget *counts = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "counts_label");
  GtkWidget *entry;
  g_autoptr(CommImportOptions) preset = NULL;

  g_assert_true (g_file_set_contents (csv, "Register of contracts, November\n"
                                           "Reference;Title;Provider;Value;Start;End\n"
                                           "R-1;Youth club;YMCA Tamar;£100;31/03/2026;2027-03-31\n", -1, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  comm_import_dialog_load_file (dialog, csv);
  wait_until_idle (dialog);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "holds the contract reference"));

  /* One line to skip: the header is found, the rows check out */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (comm_test_ui_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON)), 1);
  wait_until_idle (dialog);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (counts)), "1 new, 0 updated, 0 unchanged, 0 rejected"));

  /* Dates must be ISO: the UK date is rejected */
  adw_combo_row_set_selected (find_combo_row (GTK_WIDGET (dialog), "Dates written as"), 1);
  wait_until_idle (dialog);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (counts)), "0 new, 0 updated, 0 unchanged, 1 rejected"));
  adw_combo_row_set_selected (find_combo_row (GTK_WIDGET (dialog), "Dates written as"), 2);
  wait_until_idle (dialog);

  /* Saved as a preset in the workspace */
  entry = comm_test_ui_find_by_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Monthly register");
  g_signal_emit_by_name (entry, "apply");
  preset = comm_import_preset_load (db, "Monthly register", NULL);
  g_assert_nonnull (preset);
  g_assert_cmpuint (preset->skip_lines, ==, 1);
  g_assert_cmpint (preset->date_format, ==, COMM_IMPORT_DATE_DMY);
  g_assert_cmpuint (adw_combo_row_get_selected (find_combo_row (GTK_WIDGET (dialog), "Preset")), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (csv);
  g_rmdir (dir);
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

  g_test_add_func ("/import-dialog/preview-and-import-good-rows", test_preview_and_import_good_rows);
  g_test_add_func ("/import-dialog/bad-file-and-mapping", test_bad_file_and_mapping);
  g_test_add_func ("/import-dialog/reading-options-and-presets", test_reading_options_and_presets);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
