/* test-contract-editor.c: the contract editor - fields, inline validation, saving, failures */
#include "config.h"

#include <string.h>

#include "comm-application.h"
#include "comm-contract-editor.h"
#include "comm-contracts-page-private.h"
#include "comm-funding-lines-editor.h"
#include "comm-rag-history-editor.h"
#include "comm-window.h"
#include "comm-test-ui.h"

static CommApplication *app;
static char *demo_path;

typedef struct {
  CommWindow        *window;
  CommContractsPage *page;
  CommDatabase      *db;
  GDate              today;
} Fixture;

/* Helpers */

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (comm_window_open_workspace (f->window, demo_path, &error));
  g_assert_no_error (error);
  comm_test_ui_wait (100);

  f->page = COMM_CONTRACTS_PAGE (comm_window_get_page (f->window, "contracts"));
  f->db = comm_window_get_database (f->window);
  comm_date_today (&f->today);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  comm_test_ui_wait (0);
}

static CommContract *
view_item (Fixture    *f,
           const char *reference)
{
  GListModel *view = comm_contracts_page_get_view_model (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (view); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (view, i);

      if (g_strcmp0 (comm_contract_get_reference (contract), reference) == 0)
        return contract;  /* the view keeps its own reference */
    }

  return NULL;
}

static CommContractEditor *
open_editor (Fixture    *f,
             const char *reference)
{
  CommContract *contract = reference != NULL ? view_item (f, reference) : NULL;
  GtkWindow *editor;

  g_assert_true (reference == NULL || contract != NULL);
  editor = comm_contracts_page_open_editor (f->page, contract);
  g_assert_true (COMM_IS_CONTRACT_EDITOR (editor));
  comm_test_ui_wait (100);

  return COMM_CONTRACT_EDITOR (editor);
}

static GtkWidget *
part (CommContractEditor *editor,
      const char         *name)
{
  GtkWidget *widget = comm_test_ui_find_by_name (GTK_WIDGET (editor), name);

  if (widget == NULL)
    g_error ("The editor has no “%s”", name);
  return widget;
}

static void
type_into (CommContractEditor *editor,
           const char         *name,
           const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (part (editor, name)), text);
  comm_test_ui_wait (0);
}

/* Scrolls the editor's page so that @name is at the top, or to the end for NULL (for screenshots). */
static void
scroll_to (CommContractEditor *editor,
           const char         *name)
{
  GtkWidget *scroller = comm_test_ui_find_by_type (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;

  if (name == NULL)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      comm_test_ui_wait (100);
      return;
    }

  g_assert_true (gtk_widget_compute_bounds (part (editor, name),
                                            gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                            &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y - 80);
  comm_test_ui_wait (100);
}

static gboolean
can_save (CommContractEditor *editor)
{
  return gtk_widget_is_sensitive (part (editor, "save_button"));
}

/* Takes a plain pointer: the window may already be gone. */
static gboolean
is_open (gpointer window)
{
  g_autoptr(GList) all = gtk_window_list_toplevels ();

  return g_list_find (all, window) != NULL && gtk_widget_get_visible (GTK_WIDGET (window));
}

static void
assert_label_shows (GtkWidget  *label,
                    const char *text)
{
  if (!gtk_widget_get_visible (label))
    g_error ("“%s” is hidden; it should say “%s”", gtk_widget_get_name (label), text);
  g_assert_true (gtk_widget_get_mapped (label));
  if (strstr (gtk_label_get_text (GTK_LABEL (label)), text) == NULL)
    g_error ("“%s” does not say “%s”", gtk_label_get_text (GTK_LABEL (label)), text);
}

static void
select_provider (CommContractEditor *editor,
                 gint64              id)
{
  AdwComboRow *row = ADW_COMBO_ROW (part (editor, "provider_row"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CommProvider) provider = g_list_model_get_item (model, i);

      if (comm_provider_get_id (provider) == id)
        {
          adw_combo_row_set_selected (row, i);
          comm_test_ui_wait (0);
          return;
        }
    }

  g_error ("No provider %" G_GINT64_FORMAT " in the editor's list", id);
}

static gint64
save_new_provider (CommDatabase *db,
                   const char   *name)
{
  g_autoptr(CommProvider) provider = comm_provider_new ();
  g_autoptr(GError) error = NULL;

  comm_provider_set_name (provider, name);
  g_object_set (provider, "legal-form", "charity", NULL);
  g_assert_true (comm_provider_store_save (db, provider, &error));
  g_assert_no_error (error);

  return comm_provider_get_id (provider);
}

/* Tests */

static void
test_shows_fields (void)
{
  Fixture f = { 0 };
  g_autoptr(CommContract) stored = NULL;
  CommContractEditor *editor;
  CommProvider *provider;
  GtkEditable *stream, *year, *amount;
  g_autofree char *year_label = NULL;

  fixture_open (&f);
  stored = comm_contract_store_get (f.db, comm_contract_get_id (view_item (&f, "CYP-FS-004")), &f.today, NULL);
  g_assert_nonnull (stored);
  editor = open_editor (&f, "CYP-FS-004");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (editor, "reference_row"))), ==, "CYP-FS-004");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (editor, "title_row"))), ==,
                   comm_contract_get_title (stored));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (editor, "area_row"))), ==, "Family Support");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (editor, "start_row"))), ==,
                   comm_contract_get_start_date (stored));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (editor, "end_row"))), ==,
                   comm_contract_get_end_date (stored));
  provider = adw_combo_row_get_selected_item (ADW_COMBO_ROW (part (editor, "provider_row")));
  g_assert_cmpint (comm_provider_get_id (provider), ==, comm_contract_get_provider_id (stored));

  /* Funding lines as stored. */
  g_assert_cmpuint (comm_contract_get_funding_lines (stored)->len, >, 0);
  g_assert_true (comm_funding_lines_editor_get_entries (COMM_FUNDING_LINES_EDITOR (part (editor, "funding_editor")),
                                                        0, &stream, &year, &amount));
  year_label = comm_financial_year_label (((CommFundingLine *) g_ptr_array_index (comm_contract_get_funding_lines (stored), 0))->year);
  g_assert_cmpstr (gtk_editable_get_text (year), ==, year_label);
  g_assert_false (comm_funding_lines_editor_get_entries (COMM_FUNDING_LINES_EDITOR (part (editor, "funding_editor")),
                                                         comm_contract_get_funding_lines (stored)->len, NULL, NULL, NULL));

  /* A valid contract can be saved straight away; nothing complains. */
  g_assert_true (can_save (editor));
  g_assert_false (gtk_widget_get_visible (part (editor, "dates_errors")));
  g_assert_cmpuint (comm_contract_editor_get_problems (editor)->len, ==, 0);

  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (editor), "contract-editor"));
  scroll_to (editor, "funding_editor");
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (editor), "contract-editor-funding"));
  scroll_to (editor, NULL);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (editor), "contract-editor-monitoring"));
  gtk_window_destroy (GTK_WINDOW (editor));
  fixture_close (&f);
}

static void
test_end_before_start (void)
{
  Fixture f = { 0 };
  CommContractEditor *editor;

  fixture_open (&f);
  editor = open_editor (&f, "CYP-FS-004");

  type_into (editor, "start_row", "01/05/2025");
  type_into (editor, "end_row", "31/12/2024");
  assert_label_shows (part (editor, "dates_errors"), "The end date is before the start date.");
  assert_label_shows (part (editor, "summary_label"), "The end date is before the start date.");
  g_assert_true (gtk_widget_has_css_class (part (editor, "end_row"), "error"));
  g_assert_false (can_save (editor));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (part (editor, "save_button")),
                            "The end date is before the start date."));

  /* A date that is not one says so, quoting what was typed. */
  type_into (editor, "review_row", "31/02/2026");
  assert_label_shows (part (editor, "dates_errors"), "“31/02/2026” is not a date");
  scroll_to (editor, "start_row");
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (editor), "contract-editor-errors"));

  /* Putting it right clears the messages and unblocks Save. */
  type_into (editor, "review_row", "");
  type_into (editor, "end_row", "30 Apr 2028");
  g_assert_cmpstr (comm_contract_get_end_date (comm_contract_editor_get_working_copy (editor)), ==, "2028-04-30");
  g_assert_false (gtk_widget_get_visible (part (editor, "dates_errors")));
  g_assert_false (gtk_widget_has_css_class (part (editor, "end_row"), "error"));
  g_assert_true (can_save (editor));

  /* Escape with changes asks first; "Keep Editing" keeps everything. */
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  g_assert_true (is_open (editor));
  {
    g_autoptr(GList) all = gtk_window_list_toplevels ();
    AdwMessageDialog *question = NULL;

    for (GList *l = all; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (editor))
        question = l->data;
    g_assert_nonnull (question);
    adw_message_dialog_response (question, "keep");
    comm_test_ui_wait (0);
    g_assert_true (is_open (editor));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (editor, "end_row"))), ==, "30 Apr 2028");
  }

  gtk_window_destroy (GTK_WINDOW (editor));
  fixture_close (&f);
}

static void
test_bad_money (void)
{
  Fixture f = { 0 };
  CommContractEditor *editor;
  CommFundingLinesEditor *funding;
  GtkEditable *amount;

  fixture_open (&f);
  editor = open_editor (&f, "CYP-FS-004");
  funding = COMM_FUNDING_LINES_EDITOR (part (editor, "funding_editor"));
  g_assert_true (comm_funding_lines_editor_get_entries (funding, 0, NULL, NULL, &amount));

  gtk_editable_set_text (amount, "£143,00");
  comm_test_ui_wait (0);
  assert_label_shows (part (editor, "funding_errors"), "Funding line 1:");
  assert_label_shows (part (editor, "funding_errors"), "£143,00");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (amount), "error"));
  g_assert_false (can_save (editor));
  /* The text stays as typed, for the user to put right. */
  g_assert_cmpstr (gtk_editable_get_text (amount), ==, "£143,00");

  gtk_editable_set_text (amount, "£143,000");
  comm_test_ui_wait (0);
  g_assert_false (gtk_widget_get_visible (part (editor, "funding_errors")));
  g_assert_true (can_save (editor));

  /* A bad financial year is caught the same way. */
  {
    GtkEditable *year;

    comm_funding_lines_editor_get_entries (funding, 0, NULL, &year, NULL);
    gtk_editable_set_text (year, "2026-28");
    comm_test_ui_wait (0);
    g_assert_false (can_save (editor));
    assert_label_shows (part (editor, "funding_errors"), "Funding line 1:");
    gtk_editable_set_text (year, "2026-27");
    comm_test_ui_wait (0);
    g_assert_true (can_save (editor));
  }

  gtk_window_destroy (GTK_WINDOW (editor));
  fixture_close (&f);
}

static void
fill_new_contract (CommContractEditor *editor,
                   const char         *reference)
{
  type_into (editor, "reference_row", reference);
  type_into (editor, "title_row", "Young carers' breaks pilot");
  type_into (editor, "area_row", "young carers");
  type_into (editor, "start_row", "2026-04-01");
  type_into (editor, "end_row", "31/03/2028");
}

static void
test_new_needs_provider (void)
{
  Fixture f = { 0 };
  CommContractEditor *editor;
  GListModel *view;
  guint n;
  gint64 provider_id;

  fixture_open (&f);
  view = comm_contracts_page_get_view_model (f.page);
  n = g_list_model_get_n_items (view);
  provider_id = comm_contract_get_provider_id (view_item (&f, "CYP-FS-004"));

  comm_test_ui_activate_action (GTK_WIDGET (f.page), "contracts.new", NULL);
  {
    g_autoptr(GList) all = gtk_window_list_toplevels ();

    editor = NULL;
    for (GList *l = all; l != NULL; l = l->next)
      if (COMM_IS_CONTRACT_EDITOR (l->data))
        editor = l->data;
  }
  g_assert_nonnull (editor);
  g_assert_true (comm_contract_editor_is_new (editor));
  g_assert_false (can_save (editor));

  fill_new_contract (editor, "CYP-YC-100");
  g_assert_false (can_save (editor));
  assert_label_shows (part (editor, "summary_label"), "Choose the provider.");
  g_assert_nonnull (comm_problems_find (comm_contract_editor_get_problems (editor), "provider-id"));
  g_assert_cmpuint (comm_contract_editor_get_problems (editor)->len, ==, 1);

  select_provider (editor, provider_id);
  g_assert_true (can_save (editor));
  g_assert_cmpstr (comm_contract_get_service_area (comm_contract_editor_get_working_copy (editor)), ==, "young-carers");

  /* Ctrl+S saves; the new row appears, selected, and Undo can take it away. */
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_false (is_open (editor));
  g_assert_cmpuint (g_list_model_get_n_items (view), ==, n + 1);
  g_assert_nonnull (view_item (&f, "CYP-YC-100"));
  g_assert_cmpstr (comm_contract_get_reference (gtk_single_selection_get_selected_item (f.page->selection)), ==,
                   "CYP-YC-100");
  g_assert_true (comm_page_undo (COMM_PAGE (f.page)));
  g_assert_null (view_item (&f, "CYP-YC-100"));

  fixture_close (&f);
}

static void
test_edit_saves (void)
{
  Fixture f = { 0 };
  CommContractEditor *editor;
  g_autoptr(CommContract) stored = NULL;
  CommContract *row;
  guint n_ratings;

  fixture_open (&f);
  editor = open_editor (&f, "CYP-FS-011");
  n_ratings = comm_contract_get_rag_history (comm_contract_editor_get_working_copy (editor))->len;

  type_into (editor, "title_row", "Home visiting family support (volunteers and staff)");
  g_assert_true (comm_rag_history_editor_add (COMM_RAG_HISTORY_EDITOR (part (editor, "rag_editor")),
                                              "23/11/2026", COMM_RAG_RED, COMM_KPI_INADEQUATE,
                                              "Formal warning issued"));
  comm_test_ui_wait (0);
  g_assert_true (can_save (editor));
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_false (is_open (editor));

  /* The row shows the change, and the workspace has it. */
  row = view_item (&f, "CYP-FS-011");
  g_assert_nonnull (row);
  g_assert_cmpstr (comm_contract_get_title (row), ==, "Home visiting family support (volunteers and staff)");
  g_assert_cmpint (comm_contract_get_rag (row), ==, COMM_RAG_RED);
  g_assert_true (gtk_single_selection_get_selected_item (f.page->selection) == row);
  stored = comm_contract_store_get (f.db, comm_contract_get_id (row), &f.today, NULL);
  g_assert_cmpuint (comm_contract_get_rag_history (stored)->len, ==, n_ratings + 1);

  fixture_close (&f);
}

static void
test_save_failure_keeps_typing (void)
{
  Fixture f = { 0 };
  CommContractEditor *editor;
  g_autoptr(GError) error = NULL;
  gint64 provider_id;

  fixture_open (&f);
  provider_id = save_new_provider (f.db, "Short-lived Provider CIC");
  editor = open_editor (&f, NULL);
  fill_new_contract (editor, "CYP-YC-200");
  select_provider (editor, provider_id);
  g_assert_true (can_save (editor));

  /* The provider disappears before Save (someone else removed it): the save fails. */
  g_assert_true (comm_provider_store_delete (f.db, provider_id, &error));
  g_assert_no_error (error);
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.save", NULL);

  g_assert_true (is_open (editor));
  assert_label_shows (part (editor, "save_error_label"), "The contract was not saved.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (editor, "reference_row"))), ==, "CYP-YC-200");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (editor, "title_row"))), ==,
                   "Young carers' breaks pilot");
  g_assert_false (comm_contract_store_reference_exists (f.db, "CYP-YC-200", 0));

  /* A reference that is already used is caught as it is typed. */
  type_into (editor, "reference_row", "cyp-fs-004");
  assert_label_shows (part (editor, "contract_errors"), "already has the reference");
  g_assert_false (can_save (editor));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (editor), "contract-editor-save-failed"));

  gtk_window_destroy (GTK_WINDOW (editor));
  fixture_close (&f);
}

/* Closing with unsaved typing asks first: Keep Editing keeps the window and the typing, Discard
 * closes it and leaves the workspace as it was. */
static void
test_close_asks_before_discarding (void)
{
  Fixture f = { 0 };
  CommContractEditor *editor;
  g_autoptr(CommContract) stored = NULL;
  GtkWindow *question;

  fixture_open (&f);
  editor = open_editor (&f, "CYP-FS-011");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  type_into (editor, "title_row", "A title nobody saved");

  gtk_window_close (GTK_WINDOW (editor));
  comm_test_ui_wait (50);
  question = GTK_WINDOW (comm_test_ui_find_message_dialog ());
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==, "Discard Changes?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "keep");
  comm_test_ui_wait (50);
  g_assert_nonnull (editor);
  g_assert_true (is_open (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (editor, "title_row"))), ==, "A title nobody saved");

  gtk_window_close (GTK_WINDOW (editor));
  comm_test_ui_wait (50);
  question = GTK_WINDOW (comm_test_ui_find_message_dialog ());
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "discard");
  comm_test_ui_wait (100);
  g_assert_null (editor);
  g_assert_null (comm_test_ui_find_message_dialog ());
  stored = comm_contract_store_get (f.db, comm_contract_get_id (view_item (&f, "CYP-FS-011")), &f.today, NULL);
  g_assert_cmpstr (comm_contract_get_title (stored), !=, "A title nobody saved");

  fixture_close (&f);
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
  demo_path = comm_test_ui_make_demo_workspace ();

  g_test_add_func ("/contract-editor/shows-fields", test_shows_fields);
  g_test_add_func ("/contract-editor/end-before-start", test_end_before_start);
  g_test_add_func ("/contract-editor/bad-money", test_bad_money);
  g_test_add_func ("/contract-editor/new-needs-provider", test_new_needs_provider);
  g_test_add_func ("/contract-editor/edit-saves", test_edit_saves);
  g_test_add_func ("/contract-editor/save-failure-keeps-typing", test_save_failure_keeps_typing);
  g_test_add_func ("/contract-editor/close-asks-before-discarding", test_close_asks_before_discarding);

  status = g_test_run ();
  g_free (demo_path);
  g_object_unref (app);
  return status;
}
