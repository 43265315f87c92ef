/* test-deep-dive-report-dialog.c: the two Deep Dive reports in the Reports dialog - the contract
 * and year choices shown, a Deep Dive previewed for the contract picked, a contract with no Deep
 * Dive explained under the choices, and the year's schedule - with screenshots */
#include "config.h"

#include <string.h>

#include "comm-application.h"
#include "comm-deep-dives-page-private.h"
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

/* The reference of the first contract of this year's schedule with status @status. */
static char *
reference_with_status (CommDatabase       *db,
                       CommDeepDiveStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rows = NULL;
  GDate today;

  g_date_clear (&today, 1);
  comm_date_today (&today);
  rows = comm_deep_dive_schedule_list (db, comm_financial_year_of (&today), &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);

      if (comm_deep_dive_row_get_status (row) == status)
        return g_strdup (comm_deep_dive_row_get_contract_reference (row));
    }
  return NULL;
}

static void
test_deep_dive_reports (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *complete = NULL, *missing = NULL;
  g_autoptr(GError) error = NULL;
  CommReportDialog *dialog;
  CommReportDocument *document;
  CommWindow *window;
  GtkWidget *contract_row, *year_row, *message;

  window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (comm_window_open_workspace (window, demo, &error));
  g_assert_no_error (error);
  complete = reference_with_status (comm_window_get_database (window), COMM_DEEP_DIVE_STATUS_COMPLETE);
  missing = reference_with_status (comm_window_get_database (window), COMM_DEEP_DIVE_STATUS_NONE);
  g_assert_nonnull (complete);

  comm_test_ui_activate_action (GTK_WIDGET (window), "win.reports", NULL);
  comm_test_ui_wait (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  wait_until_idle (dialog);
  contract_row = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "contract_row");
  year_row = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "year_row");
  message = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "message_label");

  /* One contract's Deep Dive: asks for the contract and (optionally) the year */
  g_assert_true (comm_report_dialog_select_report (dialog, "deep-dive"));
  g_assert_true (comm_report_dialog_select_contract (dialog, complete));
  wait_until_idle (dialog);
  g_assert_true (gtk_widget_get_visible (contract_row));
  g_assert_true (gtk_widget_get_visible (year_row));
  document = comm_report_dialog_get_document (dialog);
  g_assert_nonnull (document);
  g_assert_true (g_str_has_prefix (comm_report_document_get_title (document), complete));
  g_assert_cmpstr (comm_report_document_get_subtitle (document), ==, "Deep Dive 2026-27");
  g_assert_cmpuint (comm_report_dialog_get_n_pages (dialog), >=, 2);
  comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "report-dialog-deep-dive");

  /* A contract with no Deep Dive this year: said under the choices, nothing shown */
  if (missing != NULL)
    {
      g_assert_true (comm_report_dialog_select_contract (dialog, missing));
      wait_until_idle (dialog);
      g_assert_null (comm_report_dialog_get_document (dialog));
      g_assert_true (gtk_widget_get_visible (message));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "has no Deep Dive in 2026-27"));
      comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "report-dialog-deep-dive-none");
    }

  /* The schedule: a year, no contract */
  g_assert_true (comm_report_dialog_select_report (dialog, "deep-dive-schedule"));
  wait_until_idle (dialog);
  g_assert_false (gtk_widget_get_visible (contract_row));
  g_assert_true (gtk_widget_get_visible (year_row));
  document = comm_report_dialog_get_document (dialog);
  g_assert_nonnull (document);
  g_assert_cmpstr (comm_report_document_get_title (document), ==, "Deep Dive schedule 2026-27");
  comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "report-dialog-deep-dive-schedule");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
select_reference (CommDeepDivesPage *page,
                  const char        *reference)
{
  GListModel *model = comm_deep_dives_page_get_view_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (comm_deep_dive_row_get_contract_reference (row), reference) == 0)
        {
          gtk_single_selection_set_selected (page->selection, i);
          comm_test_ui_wait (0);
          return;
        }
    }
  g_error ("%s is not in the schedule", reference);
}

/* Print or PDF from a schedule row (Ctrl+P): the Reports dialog opens on that contract's Deep
 * Dive of the year shown; a contract without one has nothing to print. */
static void
test_print_from_schedule (void)
{
  g_autofree char *demo = comm_test_ui_make_demo_workspace ();
  g_autofree char *complete = NULL, *missing = NULL;
  g_autoptr(GError) error = NULL;
  CommDeepDivesPage *page;
  CommReportDialog *dialog;
  CommReportDocument *document;
  CommWindow *window;

  window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (comm_window_open_workspace (window, demo, &error));
  g_assert_no_error (error);
  complete = reference_with_status (comm_window_get_database (window), COMM_DEEP_DIVE_STATUS_COMPLETE);
  missing = reference_with_status (comm_window_get_database (window), COMM_DEEP_DIVE_STATUS_NONE);
  g_assert_nonnull (complete);
  g_assert_nonnull (missing);
  comm_test_ui_activate_action (GTK_WIDGET (window), "win.show-tab", g_variant_new_string ("deep-dives"));
  comm_test_ui_wait (100);
  page = COMM_DEEP_DIVES_PAGE (comm_window_get_page (window, "deep-dives"));

  select_reference (page, missing);
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (page), "print_button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "deep-dives.print", NULL);
  comm_test_ui_wait (50);
  g_assert_null (find_dialog ());

  select_reference (page, complete);
  g_assert_true (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (page), "print_button")));
  comm_test_ui_activate_action (GTK_WIDGET (page), "deep-dives.print", NULL);
  comm_test_ui_wait (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  wait_until_idle (dialog);
  document = comm_report_dialog_get_document (dialog);
  g_assert_nonnull (document);
  g_assert_true (g_str_has_prefix (comm_report_document_get_title (document), complete));
  g_assert_cmpstr (comm_report_document_get_subtitle (document), ==, "Deep Dive 2026-27");
  g_assert_cmpuint (comm_report_dialog_get_n_pages (dialog), >=, 2);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "deep-dive-print-from-schedule");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/deep-dive-report-dialog/reports", test_deep_dive_reports);
  g_test_add_func ("/deep-dive-report-dialog/print-from-schedule", test_print_from_schedule);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
