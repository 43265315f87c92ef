/* test-contract-banding.c: risk and equality impact banding in the contract editor and the
 * Contracts tab's banding filter */
#include "config.h"

#include <string.h>

#include "comm-application.h"
#include "comm-contract-banding-editor.h"
#include "comm-contract-editor.h"
#include "comm-contracts-page-private.h"
#include "comm-window.h"
#include "comm-test-ui.h"

static CommApplication *app;

typedef struct {
  CommWindow        *window;
  CommContractsPage *page;
  CommDatabase      *db;
} Fixture;

static void
fixture_open (Fixture *f)
{
  g_autofree char *path = comm_test_ui_make_demo_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "window-width", 1500);
  g_settings_set_int (settings, "window-height", 900);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_string (settings, "last-tab", "contracts");
  f->window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (comm_window_open_workspace (f->window, path, &error));
  g_assert_no_error (error);
  f->db = comm_window_get_database (f->window);
  f->page = COMM_CONTRACTS_PAGE (comm_window_get_page (f->window, "contracts"));
  comm_test_ui_wait (100);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  comm_test_ui_wait (0);
}

static CommContract *
nth_contract (Fixture *f, guint n)
{
  GListModel *view = comm_contracts_page_get_view_model (f->page);

  g_assert_cmpuint (g_list_model_get_n_items (view), >, n);
  return g_list_model_get_item (view, n);
}

static guint
history_length (Fixture *f, gint64 id)
{
  g_autoptr(GPtrArray) history = comm_contract_banding_history (f->db, id, NULL);

  g_assert_nonnull (history);
  return history->len;
}

static void
test_record_banding (void)
{
  Fixture f = { 0 };
  g_autoptr(CommContract) contract = NULL;
  g_autoptr(CommContractBanding) current = NULL;
  g_autoptr(GError) error = NULL;
  CommContractBandingEditor *banding;
  GtkWindow *editor;
  GtkWidget *current_row;
  guint before;

  fixture_open (&f);
  contract = nth_contract (&f, 0);
  before = history_length (&f, comm_contract_get_id (contract));
  editor = comm_contracts_page_open_editor (f.page, contract);
  comm_test_ui_wait (50);
  banding = COMM_CONTRACT_BANDING_EDITOR (comm_test_ui_find_by_type (GTK_WIDGET (editor), COMM_TYPE_CONTRACT_BANDING_EDITOR));
  g_assert_nonnull (banding);
  current_row = comm_test_ui_find_by_name (GTK_WIDGET (banding), "banding_current_row");

  /* A banding needs a reason: refused, nothing recorded. */
  g_assert_false (comm_contract_banding_editor_record (banding, 1, 2, "", "", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (history_length (&f, comm_contract_get_id (contract)), ==, before);

  g_assert_true (comm_contract_banding_editor_record (banding, 1, 2, "2026-10-01",
                                                      "Safeguarding audit found gaps in supervision", &error));
  g_assert_no_error (error);
  g_assert_true (comm_contract_banding_editor_record (banding, 2, 1, "20/11/2026",
                                                      "Action plan delivered; service to close in one area", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (history_length (&f, comm_contract_get_id (contract)), ==, before + 2);

  current = comm_contract_banding_current (f.db, comm_contract_get_id (contract), NULL);
  g_assert_nonnull (current);
  g_assert_cmpint (current->risk_banding, ==, 2);
  g_assert_cmpint (current->equality_banding, ==, 1);
  g_assert_cmpstr (current->banded_on, ==, "2026-11-20");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (current_row)), "Risk 2"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (current_row)), "Action plan delivered"));

  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (comm_test_ui_find_by_type (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    comm_test_ui_wait (50);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (editor), "contract-banding"));
  gtk_window_destroy (editor);
  comm_test_ui_wait (0);

  /* A new contract cannot be banded before it is saved. */
  editor = comm_contracts_page_open_editor (f.page, NULL);
  banding = COMM_CONTRACT_BANDING_EDITOR (comm_test_ui_find_by_type (GTK_WIDGET (editor), COMM_TYPE_CONTRACT_BANDING_EDITOR));
  g_assert_false (comm_contract_banding_editor_record (banding, 1, 1, "", "Too early", NULL));
  gtk_window_destroy (editor);
  comm_test_ui_wait (0);

  fixture_close (&f);
}

/* The drop-down shows exactly the contracts with that current banding. */
static void
assert_banding_filter (Fixture *f, guint choice, CommContractsBandingKind kind, int value)
{
  g_autoptr(GHashTable) current = comm_contract_banding_current_all (f->db, NULL);
  GListModel *view = comm_contracts_page_get_view_model (f->page);
  guint expected = 0;

  g_assert_nonnull (current);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->page->store)); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (f->page->store), i);
      gint64 id = comm_contract_get_id (contract);
      CommContractBanding *banding = g_hash_table_lookup (current, &id);

      if ((kind == COMM_CONTRACTS_BANDING_RISK && banding != NULL && banding->risk_banding == value) ||
          (kind == COMM_CONTRACTS_BANDING_EQUALITY && banding != NULL && banding->equality_banding == value) ||
          (kind == COMM_CONTRACTS_BANDING_NONE && banding == NULL))
        expected++;
    }

  gtk_drop_down_set_selected (f->page->banding_dropdown, choice);
  comm_test_ui_wait (0);
  g_assert_cmpuint (g_list_model_get_n_items (view), ==, expected);
}

static void
test_filter_by_banding (void)
{
  Fixture f = { 0 };
  guint total;

  fixture_open (&f);
  total = g_list_model_get_n_items (comm_contracts_page_get_view_model (f.page));

  /* Band three contracts: two with risk banding 1, one of them equality 1. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CommContract) contract = nth_contract (&f, i);
      g_autoptr(CommContractBanding) banding =
        comm_contract_banding_new (comm_contract_get_id (contract), i < 2 ? 1 : 3, i == 0 ? 1 : 3,
                                   "2026-11-02", "Quarterly review");

      g_assert_true (comm_contract_banding_add (f.db, banding, NULL));
    }

  assert_banding_filter (&f, 2, COMM_CONTRACTS_BANDING_RISK, 1);
  g_assert_cmpuint (g_list_model_get_n_items (comm_contracts_page_get_view_model (f.page)), >=, 2);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "contracts-banding-filter"));
  assert_banding_filter (&f, 5, COMM_CONTRACTS_BANDING_EQUALITY, 1);
  assert_banding_filter (&f, 4, COMM_CONTRACTS_BANDING_RISK, 3);
  assert_banding_filter (&f, 8, COMM_CONTRACTS_BANDING_NONE, 0);
  g_assert_cmpuint (g_list_model_get_n_items (comm_contracts_page_get_view_model (f.page)), <, total);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (f.page->status_label), "Showing "));

  comm_contracts_page_clear_filters (f.page);
  comm_test_ui_wait (0);
  g_assert_cmpuint (gtk_drop_down_get_selected (f.page->banding_dropdown), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (comm_contracts_page_get_view_model (f.page)), ==, total);

  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  comm_test_ui_init (&argc, &argv);
  app = comm_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/contract-banding/record", test_record_banding);
  g_test_add_func ("/contract-banding/filter", test_filter_by_banding);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
