/* test-report-dialog.c: the Reports dialog - opened from the window's menu action, a preview of
 * real pages, page turning, export through the same function the file chooser calls, printing
 * (exported to PDF) through the same layout, bad choices explained, cancelling leaves nothing */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "comm-application.h"
#include "comm-print-operation.h"
#include "comm-progress-overlay.h"
#include "comm-report-dialog.h"
#include "comm-window.h"
#include "comm-test-ui.h"

/* One application for the whole program: a second would clash on the session bus. */
static CommApplication *app;

static CommReportDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (COMM_IS_REPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
wait_until_idle (CommReportDialog *dialog)
{
  for (guint i = 0; i < 400 && comm_report_dialog_get_busy (dialog); i++)
    comm_test_ui_wait (25);
  g_assert_false (comm_report_dialog_get_busy (dialog));
  comm_test_ui_wait (0);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A reference of a current (active) contract: it is in the performance report. */
static char *
active_reference (CommDatabase *db)
{
  g_autoptr(GListStore) list = NULL;
  GDate today;

  comm_date_today (&today);
  list = comm_contract_store_list (db, &today, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (comm_contract_get_status (contract) == COMM_STATUS_ACTIVE)
        return g_strdup (comm_contract_get_reference (contract));
    }
  g_assert_not_reached ();
}

static void
on_exported_cb (CommReportDialog *dialog,
                const char       *path,
                guint             n_pages,
                guint            *exported)
{
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  *exported = n_pages;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
check_preview (CommReportDialog *dialog)
{
  GtkWidget *picture = comm_test_ui_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_PICTURE);
  GdkPaintable *paintable;

  g_assert_nonnull (picture);
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_nonnull (paintable);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), >, 500);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), >, 300);
}

static void
test_preview_and_export (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *folder = g_path_get_dirname (demo);
  g_autofree char *out = g_build_filename (folder, "performance.pdf", NULL);
  g_autofree char *printed = g_build_filename (folder, "printed.pdf", NULL);
  g_autofree char *reference = NULL;
  g_autofree char *text = NULL;
  g_autofree char *print_text = NULL;
  g_autofree char *page_one = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CommPrintOperation) operation = NULL;
  CommReportDialog *dialog;
  CommWindow *window;
  GtkWidget *page_label;
  guint exported = 0, n_pages;

  window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (comm_window_open_workspace (window, demo, &error));
  g_assert_no_error (error);
  reference = active_reference (comm_window_get_database (window));

  comm_test_ui_activate_action (GTK_WIDGET (window), "win.reports", NULL);
  comm_test_ui_wait (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  wait_until_idle (dialog);
  /* The first report (the register) is shown at once */
  g_assert_nonnull (comm_report_dialog_get_document (dialog));
  check_preview (dialog);

  g_assert_true (comm_report_dialog_select_report (dialog, "performance"));
  wait_until_idle (dialog);
  g_assert_cmpstr (comm_report_document_get_title (comm_report_dialog_get_document (dialog)), ==,
                   "Contract performance");
  check_preview (dialog);
  n_pages = comm_report_dialog_get_n_pages (dialog);
  g_assert_cmpuint (n_pages, >, 1);
  page_label = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "page_label");
  page_one = g_strdup_printf ("Page 1 of %u", n_pages);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_label)), ==, page_one);
  comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "report-dialog");

  comm_test_ui_activate_action (GTK_WIDGET (dialog), "report.next-page", NULL);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (page_label)), "Page 2 of"));
  check_preview (dialog);

  /* Export PDF… ends in comm_report_dialog_export_to(), as here */
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), &exported);
  comm_report_dialog_export_to (dialog, out);
  wait_until_idle (dialog);
  g_assert_cmpuint (exported, ==, n_pages);
  text = pdf_text (out);
  g_assert_nonnull (strstr (text, reference));
  g_assert_nonnull (strstr (text, page_one));

  /* Print… draws the same pages: print to a PDF file instead of a printer */
  operation = comm_print_operation_new (comm_report_dialog_get_document (dialog));
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (dialog), &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  print_text = pdf_text (printed);
  g_assert_nonnull (strstr (print_text, reference));
  g_assert_nonnull (strstr (print_text, page_one));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (out);
  g_unlink (printed);
}

static void
test_choices_and_cancel (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *folder = g_dir_make_tmp ("comm-report-ui-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (folder, "register.pdf", NULL);
  g_autofree char *reference = NULL;
  g_autoptr(GError) error = NULL;
  CommReportDialog *dialog;
  CommWindow *window;
  GtkWidget *message, *year, *export_button;
  const char *title;

  window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (comm_window_open_workspace (window, demo, &error));
  reference = active_reference (comm_window_get_database (window));
  comm_test_ui_activate_action (GTK_WIDGET (window), "win.reports", NULL);
  comm_test_ui_wait (50);
  dialog = find_dialog ();
  wait_until_idle (dialog);

  /* One contract's fact sheet */
  g_assert_true (comm_report_dialog_select_report (dialog, "contract"));
  g_assert_true (comm_report_dialog_select_contract (dialog, reference));
  wait_until_idle (dialog);
  title = comm_report_document_get_title (comm_report_dialog_get_document (dialog));
  g_assert_true (g_str_has_prefix (title, reference));
  check_preview (dialog);

  /* A year that is not one: said under the choices, nothing to export */
  g_assert_true (comm_report_dialog_select_report (dialog, "register"));
  wait_until_idle (dialog);
  year = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "year_row");
  message = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "message_label");
  export_button = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "export_button");
  g_assert_true (gtk_widget_get_visible (year));
  gtk_editable_set_text (GTK_EDITABLE (year), "2026-28");
  wait_until_idle (dialog);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "2026-28"));
  g_assert_null (comm_report_dialog_get_document (dialog));
  g_assert_false (gtk_widget_get_sensitive (export_button));
  comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "report-dialog-bad-year");

  gtk_editable_set_text (GTK_EDITABLE (year), "2026-27");
  wait_until_idle (dialog);
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_get_sensitive (export_button));

  /* Cancel while writing: no temporary file is left, and no PDF unless it had already finished */
  comm_report_dialog_export_to (dialog, out);
  g_assert_true (comm_report_dialog_get_busy (dialog));
  comm_progress_overlay_cancel (COMM_PROGRESS_OVERLAY (comm_test_ui_find_by_type (GTK_WIDGET (dialog),
                                                                                  COMM_TYPE_PROGRESS_OVERLAY)));
  wait_until_idle (dialog);
  g_assert_cmpuint (count_files (folder), <=, 1);
  if (count_files (folder) == 1)
    g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Escape closes the dialog */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  comm_test_ui_wait (50);
  g_assert_null (find_dialog ());

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (out);
  g_rmdir (folder);
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

  g_test_add_func ("/report-dialog/preview-and-export", test_preview_and_export);
  g_test_add_func ("/report-dialog/choices-and-cancel", test_choices_and_cancel);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
