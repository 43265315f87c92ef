/* test-risk-import-dialog.c: Import Register from CSV on the Risks tab - a Low / Medium / High
 * CSV with ranges and a reversed range is read and checked off the main thread, the preview
 * counts and lists the rejected row, the good rows are imported into a new register; whole-file
 * problems (no title column, a scale that differs from the existing register's) are said plainly */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "comm-application.h"
#include "comm-risk-import-dialog.h"
#include "comm-risks-page.h"
#include "comm-window.h"
#include "comm-test-ui.h"

static CommApplication *app;

#define NEW_REGISTER "Imported Young Carers register"

static const char lmh_csv[] =
  "Risk ref,Risk,Risk owner,Likelihood,Impact,Mitigation,Residual likelihood,Residual impact\n"
  "YC1,Incumbent provider exits early,Jo Smith,M/H,H,Early engagement,M,M/H\n"
  "YC2,Referrals exceed capacity,Sam Patel,L/M,M,Waiting list triage,L,L/M\n"
  "YC3,Data sharing agreement lapses,Jo Smith,H/L,M,Renew in time,,\n"
  "YC4,Key worker turnover,Amir Khan,Medium,Medium/High,Retention payments,M,M\n";

static CommRiskImportDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (COMM_IS_RISK_IMPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
wait_until_idle (CommRiskImportDialog *dialog)
{
  comm_test_ui_wait (50);
  for (guint i = 0; i < 400 && comm_risk_import_dialog_get_busy (dialog); i++)
    comm_test_ui_wait (25);
  g_assert_false (comm_risk_import_dialog_get_busy (dialog));
  comm_test_ui_wait (50);
}

static char *
write_csv (const char *name,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("risk-import-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *label = comm_test_ui_find_by_name (root, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
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

static CommWindow *
open_demo_window (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autoptr(GError) error = NULL;
  CommWindow *window = comm_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 960);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (comm_window_open_workspace (window, demo, &error));
  g_assert_no_error (error);
  comm_test_ui_activate_action (GTK_WIDGET (window), "win.show-tab", g_variant_new_string ("risks"));
  comm_test_ui_wait (200);
  return window;
}

static CommRiskImportDialog *
open_dialog (CommWindow *window)
{
  CommRiskImportDialog *dialog;

  comm_test_ui_activate_action (comm_window_get_page (window, "risks"), "risks.import", NULL);
  comm_test_ui_wait (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static guint
count_risks (CommDatabase *db,
             const char   *register_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommRiskRegister) reg = comm_risk_register_store_find (db, register_name, &error);
  g_autoptr(GListStore) risks = NULL;
  GDate today;

  g_assert_no_error (error);
  g_assert_nonnull (reg);
  g_assert_cmpint (reg->scale, ==, COMM_RISK_SCALE_LMH);
  comm_date_today (&today);
  risks = comm_risk_store_list (db, reg->id, &today, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (risks));
}

/* Again, with the bad row put right and one risk changed: the register shown is preselected
 * (its scale is its own), the rows are matched by reference, and Import All is on */
static void
reimport_fixed (CommWindow *window,
                const char *fixed)
{
  CommDatabase *db = comm_window_get_database (window);
  GListModel *view = comm_risks_page_get_view_model (COMM_RISKS_PAGE (comm_window_get_page (window, "risks")));
  CommRiskImportDialog *dialog = open_dialog (window);
  GtkWidget *register_row;
  gpointer item;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  register_row = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "register_row");
  item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (register_row));
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), ==, NEW_REGISTER);
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "scale_row")));
  comm_risk_import_dialog_load_file (dialog, fixed);
  wait_until_idle (dialog);
  g_assert_cmpstr (label_text (GTK_WIDGET (dialog), "counts_label"), ==,
                   "1 new, 1 updated, 2 unchanged, 0 rejected. Into “" NEW_REGISTER
                   "”, on its Low / Medium / High scale.");
  g_assert_true (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_all_button")));
  g_assert_cmpstr (label_text (GTK_WIDGET (dialog), "note_label"), ==, "");
  comm_test_ui_activate_action (GTK_WIDGET (dialog), "risk-import.import-all", NULL);
  for (guint i = 0; i < 400 && dialog != NULL; i++)
    comm_test_ui_wait (25);
  g_assert_null (dialog);
  comm_test_ui_wait (100);
  g_assert_cmpuint (count_risks (db, NEW_REGISTER), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (view), ==, 4);

}

static void
test_preview_and_import_good_rows (void)
{
  CommWindow *window = open_demo_window ();
  CommDatabase *db = comm_window_get_database (window);
  GListModel *view = comm_risks_page_get_view_model (COMM_RISKS_PAGE (comm_window_get_page (window, "risks")));
  g_autofree char *csv = write_csv ("young carers risks.csv", lmh_csv);
  g_autofree char *fixed_text = g_strjoin ("", lmh_csv, NULL);
  g_autofree char *fixed = NULL;
  g_autofree char *shot = NULL;
  CommRiskImportDialog *dialog = open_dialog (window);
  GtkWidget *format;
  const char *subtitle;

  /* The same file with line 4 put right and YC2's owner changed */
  memcpy (strstr (fixed_text, "H/L"), "L/H", 3);
  memcpy (strstr (fixed_text, "Sam Patel"), "Sam Patil", 9);
  fixed = write_csv ("fixed.csv", fixed_text);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  comm_risk_import_dialog_set_register (dialog, NEW_REGISTER, COMM_RISK_SCALE_LMH);
  comm_risk_import_dialog_load_file (dialog, csv);
  wait_until_idle (dialog);

  format = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "format_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (format)), ==, "UTF-8, separated by comma");
  g_assert_cmpstr (label_text (GTK_WIDGET (dialog), "counts_label"), ==,
                   "3 new, 0 updated, 0 unchanged, 1 rejected. A new register “" NEW_REGISTER
                   "” would be created on the Low / Medium / High scale.");
  subtitle = preview_row_subtitle (GTK_WIDGET (dialog), "Line 4 · Rejected · YC3");
  g_assert_nonnull (subtitle);
  g_assert_true (g_str_has_prefix (subtitle, "Likelihood: “H/L” is a reversed range"));
  g_assert_nonnull (strstr (subtitle, "reversed range"));
  g_assert_cmpstr (preview_row_subtitle (GTK_WIDGET (dialog), "Line 2 · New · YC1"), ==,
                   "A new risk: Incumbent provider exits early");
  g_assert_nonnull (preview_row_subtitle (GTK_WIDGET (dialog), "Line 5 · New · YC4"));

  /* A row was rejected: Import All is off and says why; the good rows can be imported */
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_all_button")));
  g_assert_true (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_good_button")));
  g_assert_true (g_str_has_prefix (label_text (GTK_WIDGET (dialog), "note_label"),
                                   "Import All is off because 1 row has problems"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 860, 900);
  comm_test_ui_wait (100);
  shot = comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "risk-import-preview");
  g_assert_nonnull (shot);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  comm_test_ui_wait (100);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "risk-import-preview-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  comm_test_ui_wait (50);
  /* Nothing written yet */
  g_assert_null (comm_risk_register_store_find (db, NEW_REGISTER, NULL));

  comm_test_ui_activate_action (GTK_WIDGET (dialog), "risk-import.import-good", NULL);
  for (guint i = 0; i < 400 && dialog != NULL; i++)
    comm_test_ui_wait (25);
  g_assert_null (dialog);  /* closed after importing */
  comm_test_ui_wait (100);
  g_assert_cmpuint (count_risks (db, NEW_REGISTER), ==, 3);
  /* The tab shows the new register */
  g_assert_cmpuint (g_list_model_get_n_items (view), ==, 3);

  reimport_fixed (window, fixed);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_whole_file_errors (void)
{
  CommWindow *window = open_demo_window ();
  CommDatabase *db = comm_window_get_database (window);
  g_autofree char *no_title = write_csv ("no title.csv", "Owner,Likelihood,Impact\nJo,L,M\n");
  g_autofree char *good = write_csv ("good.csv", lmh_csv);
  g_autofree char *quote = write_csv ("quote.csv", "Title,Likelihood,Impact\n\"Broken,L,M\nOther,M,M\n");
  g_autoptr(GListStore) registers = NULL;
  g_autoptr(CommRiskRegister) five = NULL;
  g_autoptr(GError) error = NULL;
  CommRiskImportDialog *dialog = open_dialog (window);
  GtkWidget *error_label = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "error_label");
  GtkWidget *register_row = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "register_row");
  GtkWidget *name_row = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "name_row");
  GDate today;

  comm_risk_import_dialog_set_register (dialog, NEW_REGISTER, COMM_RISK_SCALE_LMH);
  comm_risk_import_dialog_load_file (dialog, no_title);
  wait_until_idle (dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Choose the column that holds the risks’ Title"));
  g_assert_true (gtk_widget_get_visible (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "columns_group")));
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_good_button")));

  /* An unbalanced quote */
  comm_risk_import_dialog_load_file (dialog, quote);
  wait_until_idle (dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "quote"));
  g_assert_false (gtk_widget_get_visible (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "counts_label")) &&
                  gtk_widget_get_mapped (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "counts_label")));

  /* A typed name that is an existing 5 x 5 register, asked for on L/M/H */
  comm_date_today (&today);
  registers = comm_risk_register_store_list (db, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; five == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (registers)); i++)
    {
      g_autoptr(CommRiskRegister) reg = g_list_model_get_item (G_LIST_MODEL (registers), i);

      if (reg->scale == COMM_RISK_SCALE_5X5)
        five = g_object_ref (reg);
    }
  g_assert_nonnull (five);
  comm_risk_import_dialog_load_file (dialog, good);
  wait_until_idle (dialog);
  g_assert_false (gtk_widget_get_visible (error_label));
  adw_combo_row_set_selected (ADW_COMBO_ROW (register_row), g_list_model_get_n_items (G_LIST_MODEL (registers)));
  gtk_editable_set_text (GTK_EDITABLE (name_row), five->name);
  /* Not checked yet: nothing can be imported until Enter */
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_good_button")));
  g_signal_emit_by_name (name_row, "apply");
  wait_until_idle (dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "uses the 5 x 5 scale, not Low / Medium / High"));
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "import_good_button")));

  /* Closed (Escape) while a check runs: the check is cancelled and nothing is left behind */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  comm_risk_import_dialog_load_file (dialog, good);
  g_assert_true (comm_risk_import_dialog_get_busy (dialog));
  comm_test_ui_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  for (guint i = 0; i < 200 && dialog != NULL; i++)
    comm_test_ui_wait (25);
  g_assert_null (dialog);
  g_assert_null (comm_risk_register_store_find (db, NEW_REGISTER, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The combo row of the Columns group for @field. */
static AdwComboRow *
column_row (CommRiskImportDialog *dialog,
            CommRiskField         field)
{
  GtkWidget *group = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "columns_group");
  g_autoptr(GSList) rows = NULL;
  GtkWidget *found = NULL;
  GSList *stack;

  g_assert_nonnull (group);
  stack = g_slist_prepend (NULL, group);
  while (stack != NULL && found == NULL)
    {
      GtkWidget *widget = stack->data;

      stack = g_slist_delete_link (stack, stack);
      if (ADW_IS_COMBO_ROW (widget) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), comm_risk_field_label (field)) == 0)
        found = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        stack = g_slist_prepend (stack, child);
    }
  g_slist_free (stack);
  g_assert_nonnull (found);
  return ADW_COMBO_ROW (found);
}

/* A spreadsheet with its own headers: the fields its headers do not name are chosen under
 * Columns, the rows are checked again, the rejected rows can be saved, the good ones imported. */
static void
test_choose_columns (void)
{
  CommWindow *window = open_demo_window ();
  CommDatabase *db = comm_window_get_database (window);
  g_autofree char *own = write_csv ("own headers.csv",
                                    "Ref,What could happen,Owner,Chance,Impact\n"
                                    "R1,Provider exits early,Ann Lee,L,M\n"
                                    "R2,Venue lost,Ann Lee,Very high,M\n");
  CommRiskImportDialog *dialog = open_dialog (window);
  GtkWidget *error_label = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "error_label");
  g_autofree char *shot = NULL;

  comm_risk_import_dialog_set_register (dialog, NEW_REGISTER, COMM_RISK_SCALE_LMH);
  comm_risk_import_dialog_load_file (dialog, own);
  wait_until_idle (dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Title"));
  g_assert_cmpuint (adw_combo_row_get_selected (column_row (dialog, COMM_RISK_FIELD_TITLE)), ==, 0);   /* Not imported */
  g_assert_cmpuint (adw_combo_row_get_selected (column_row (dialog, COMM_RISK_FIELD_OWNER)), ==, 3);   /* "Owner" */
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "save_rejects_button")));

  /* Title from "What could happen" (column 2 of the list: "Not imported" comes first) */
  adw_combo_row_set_selected (column_row (dialog, COMM_RISK_FIELD_TITLE), 2);
  wait_until_idle (dialog);
  if (gtk_widget_get_visible (error_label))  /* "Chance" is not a header the import knows */
    {
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), comm_risk_field_label (COMM_RISK_FIELD_INHERENT_LIKELIHOOD)));
      adw_combo_row_set_selected (column_row (dialog, COMM_RISK_FIELD_INHERENT_LIKELIHOOD), 4);
      wait_until_idle (dialog);
    }
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (g_str_has_prefix (label_text (GTK_WIDGET (dialog), "counts_label"), "1 new, 0 updated, 0 unchanged, 1 rejected."));
  g_assert_nonnull (strstr (preview_row_subtitle (GTK_WIDGET (dialog), "Line 3 · Rejected · R2"), "Chance"));
  g_assert_cmpstr (preview_row_subtitle (GTK_WIDGET (dialog), "Line 2 · New · R1"), ==, "A new risk: Provider exits early");
  g_assert_true (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "save_rejects_button")));
  shot = comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "risk-import-columns");

  comm_test_ui_activate_action (GTK_WIDGET (dialog), "risk-import.import-good", NULL);
  comm_test_ui_wait (100);
  for (guint i = 0; i < 200 && find_dialog () != NULL; i++)
    comm_test_ui_wait (25);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (count_risks (db, NEW_REGISTER), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  comm_test_ui_wait (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  comm_test_ui_init (&argc, &argv);
  app = comm_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/risk-import-dialog/preview-and-import-good-rows", test_preview_and_import_good_rows);
  g_test_add_func ("/risk-import-dialog/whole-file-errors", test_whole_file_errors);
  g_test_add_func ("/risk-import-dialog/choose-columns", test_choose_columns);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
