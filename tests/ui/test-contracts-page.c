/* test-contracts-page.c: the Contracts tab - listing, search, filters, sort, undo, export */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "comm-application.h"
#include "comm-contracts-export.h"
#include "comm-contracts-page-private.h"
#include "comm-window.h"
#include "comm-test-ui.h"

static CommApplication *app;
static char *demo_path;

typedef struct {
  CommWindow        *window;
  CommContractsPage *page;
  CommDatabase      *db;
  GListStore        *all;     /* the register read independently of the page */
} Fixture;

/* Helpers */

static void
fixture_open (Fixture    *f,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  GDate today;

  /* Wide enough for every column, as on a meeting-room projector. */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 1500);
  g_settings_set_int (settings, "window-height", 860);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  f->window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (comm_window_open_workspace (f->window, path, &error));
  g_assert_no_error (error);
  comm_test_ui_wait (100);

  f->page = COMM_CONTRACTS_PAGE (comm_window_get_page (f->window, "contracts"));
  f->db = comm_window_get_database (f->window);
  comm_date_today (&today);
  f->all = comm_contract_store_list (f->db, &today, &error);
  g_assert_no_error (error);
}

static void
fixture_close (Fixture *f)
{
  g_clear_object (&f->all);
  gtk_window_destroy (GTK_WINDOW (f->window));
  comm_test_ui_wait (0);
}

static GListModel *
view (Fixture *f)
{
  return comm_contracts_page_get_view_model (f->page);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (view (f));
}

static int
find_reference (GListModel *model,
                const char *reference)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (model, i);

      if (g_strcmp0 (comm_contract_get_reference (contract), reference) == 0)
        return (int) i;
    }

  return -1;
}

static void
select_reference (Fixture    *f,
                  const char *reference)
{
  int position = find_reference (view (f), reference);

  g_assert_cmpint (position, >=, 0);
  gtk_single_selection_set_selected (f->page->selection, (guint) position);
  gtk_widget_grab_focus (GTK_WIDGET (f->page->column_view));
  comm_test_ui_wait (0);
}

static const char *
selected_reference (Fixture *f)
{
  CommContract *selected = gtk_single_selection_get_selected_item (f->page->selection);

  return selected != NULL ? comm_contract_get_reference (selected) : NULL;
}

static void
type_search (Fixture    *f,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (f->page->search_entry), text);
  comm_test_ui_wait (400);  /* the search entry waits a moment before it searches */
}

typedef gboolean (*ContractTest) (CommContract *contract, gconstpointer data);

/* How many contracts of the independent list pass @test, and their annual value. */
static guint
count_matching (Fixture      *f,
                ContractTest  test,
                gconstpointer data,
                gint64       *total)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->all));
  guint count = 0;

  *total = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (f->all), i);

      if (test (contract, data))
        {
          count++;
          *total += comm_contract_get_annual_value (contract);
        }
    }

  return count;
}

/* Every row shown passes @test, and there are as many as the independent count. */
static void
assert_view_is (Fixture      *f,
                ContractTest  test,
                gconstpointer data)
{
  gint64 total;
  guint expected = count_matching (f, test, data, &total);
  g_autofree char *money = comm_money_format_full (total, COMM_MONEY_FORMAT_WHOLE_POUNDS);
  g_autofree char *prefix = NULL;

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (n_shown (f), ==, expected);
  for (guint i = 0; i < n_shown (f); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (view (f), i);

      g_assert_true (test (contract, data));
    }

  prefix = g_strdup_printf ("Showing %u of %u contracts · %s a year", expected,
                            g_list_model_get_n_items (G_LIST_MODEL (f->all)), money);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (f->page->status_label), prefix));
}

static gboolean
is_provider (CommContract *contract, gconstpointer name)
{
  return g_strcmp0 (comm_contract_get_provider_name (contract), name) == 0;
}

static gboolean
is_area (CommContract *contract, gconstpointer code)
{
  return g_strcmp0 (comm_contract_get_service_area (contract), code) == 0;
}

static gboolean
is_status (CommContract *contract, gconstpointer status)
{
  return comm_contract_get_status (contract) == (CommContractStatus) GPOINTER_TO_INT (status);
}

static gboolean
is_rag (CommContract *contract, gconstpointer rag)
{
  return comm_contract_get_rag (contract) == (CommRag) GPOINTER_TO_INT (rag);
}

static gboolean
is_overdue (CommContract *contract, gconstpointer unused)
{
  return comm_contract_get_monitoring_overdue (contract);
}

/* Ends from today to 12 months on, by the calendar. */
static gboolean
ends_within_12_months (CommContract *contract, gconstpointer unused)
{
  GDate today, limit, end;

  comm_date_today (&today);
  g_date_clear (&limit, 1);
  g_date_set_dmy (&limit, g_date_get_day (&today), g_date_get_month (&today), g_date_get_year (&today) + 1);
  g_date_clear (&end, 1);
  if (!comm_date_parse_iso (comm_contract_get_effective_end_date (contract), &end))
    return FALSE;

  return g_date_compare (&end, &today) >= 0 && g_date_compare (&end, &limit) <= 0;
}

static guint
dropdown_index (GtkDropDown *dropdown,
                const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return i;

  g_error ("No “%s” in the drop-down", label);
  return 0;
}

/* Tests */

static void
test_lists_every_contract (void)
{
  Fixture f = { 0 };
  gint64 total = 0;
  g_autofree char *money = NULL;
  g_autofree char *expected = NULL;
  guint n_all, n_overdue = 0;

  fixture_open (&f, demo_path);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (f.all));
  g_assert_cmpuint (n_all, >=, 50);
  g_assert_cmpuint (n_shown (&f), ==, n_all);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f.page->stack), ==, "list");

  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (f.all), i);

      total += comm_contract_get_annual_value (contract);
      n_overdue += comm_contract_get_monitoring_overdue (contract);
      g_assert_cmpint (find_reference (view (&f), comm_contract_get_reference (contract)), >=, 0);
    }
  money = comm_money_format_full (total, COMM_MONEY_FORMAT_WHOLE_POUNDS);
  expected = g_strdup_printf ("%u contracts · %s a year · %u with monitoring overdue", n_all, money, n_overdue);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpstr (gtk_label_get_text (f.page->status_label), ==, expected);

  /* Overdue monitoring makes the tab ask for attention. */
  g_assert_true (comm_page_get_title (COMM_PAGE (f.page)) != NULL);
  {
    gboolean attention = FALSE;

    g_object_get (f.page, "needs-attention", &attention, NULL);
    g_assert_true (attention);
  }

  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "contracts-page"));

  /* The warning colours come from the style's named colours: check them in the dark style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  comm_test_ui_wait (100);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "contracts-page-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  comm_test_ui_wait (100);

  fixture_close (&f);
}

static void
test_search_folds (void)
{
  Fixture f = { 0 };

  fixture_open (&f, demo_path);

  /* The demo provider is typed with a Cyrillic "У"; the Latin spelling finds it. */
  type_search (&f, "ymca tamar");
  assert_view_is (&f, is_provider, "УMCA Tamar");

  /* Case, accents and dashes fold: an en dash in the name, a hyphen and capitals typed. */
  type_search (&f, "PLYMOUTH City Council Provided - SOCIAL care");
  assert_view_is (&f, is_provider, "Plymouth City Council Provided – Social Care");

  type_search (&f, "Home-Start Rivérside");
  assert_view_is (&f, is_provider, "Home-Start Riverside");

  /* Typing on narrows, deleting widens again (incremental filtering both ways). */
  type_search (&f, "cyp");
  g_assert_cmpuint (n_shown (&f), ==, g_list_model_get_n_items (G_LIST_MODEL (f.all)));
  type_search (&f, "cyp-ys");
  g_assert_cmpuint (n_shown (&f), <, g_list_model_get_n_items (G_LIST_MODEL (f.all)));
  assert_view_is (&f, is_area, "youth");
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "contracts-page-filtered"));

  /* Escape in the search clears it. */
  g_signal_emit_by_name (f.page->search_entry, "stop-search");
  comm_test_ui_wait (300);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f.page->search_entry)), ==, "");
  g_assert_cmpuint (n_shown (&f), ==, g_list_model_get_n_items (G_LIST_MODEL (f.all)));

  /* Nothing found: the empty state says so and offers to clear. */
  type_search (&f, "no such contract anywhere");
  g_assert_cmpuint (n_shown (&f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f.page->stack), ==, "no-match");
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "contracts-page-no-match"));
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "contracts.clear-filters", NULL);
  g_assert_cmpuint (n_shown (&f), ==, g_list_model_get_n_items (G_LIST_MODEL (f.all)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f.page->stack), ==, "list");

  fixture_close (&f);
}

static void
test_filters (void)
{
  Fixture f = { 0 };

  fixture_open (&f, demo_path);

  gtk_drop_down_set_selected (f.page->area_dropdown, dropdown_index (f.page->area_dropdown, "Young Carers"));
  assert_view_is (&f, is_area, "young-carers");
  gtk_drop_down_set_selected (f.page->area_dropdown, 0);

  gtk_drop_down_set_selected (f.page->status_dropdown, dropdown_index (f.page->status_dropdown, "Active"));
  assert_view_is (&f, is_status, GINT_TO_POINTER (COMM_STATUS_ACTIVE));
  gtk_drop_down_set_selected (f.page->status_dropdown, dropdown_index (f.page->status_dropdown, "Expired"));
  assert_view_is (&f, is_status, GINT_TO_POINTER (COMM_STATUS_EXPIRED));
  gtk_drop_down_set_selected (f.page->status_dropdown, 0);

  gtk_drop_down_set_selected (f.page->rag_dropdown, dropdown_index (f.page->rag_dropdown, "Red"));
  assert_view_is (&f, is_rag, GINT_TO_POINTER (COMM_RAG_RED));
  gtk_drop_down_set_selected (f.page->rag_dropdown, dropdown_index (f.page->rag_dropdown, "Amber"));
  assert_view_is (&f, is_rag, GINT_TO_POINTER (COMM_RAG_AMBER));
  gtk_drop_down_set_selected (f.page->rag_dropdown, 0);

  gtk_drop_down_set_selected (f.page->ends_dropdown,
                              dropdown_index (f.page->ends_dropdown, "Ends within 12 months"));
  assert_view_is (&f, ends_within_12_months, NULL);
  gtk_drop_down_set_selected (f.page->ends_dropdown, 0);

  gtk_check_button_set_active (f.page->overdue_check, TRUE);
  assert_view_is (&f, is_overdue, NULL);
  g_assert_true (gtk_widget_get_visible (f.page->clear_button));

  comm_test_ui_activate_action (GTK_WIDGET (f.page), "contracts.clear-filters", NULL);
  g_assert_false (gtk_check_button_get_active (f.page->overdue_check));
  g_assert_cmpuint (n_shown (&f), ==, g_list_model_get_n_items (G_LIST_MODEL (f.all)));
  g_assert_false (gtk_widget_get_visible (f.page->clear_button));

  fixture_close (&f);
}

static void
assert_sorted_by_value (GListModel *model,
                        gboolean    descending)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(CommContract) a = g_list_model_get_item (model, i - 1);
      g_autoptr(CommContract) b = g_list_model_get_item (model, i);
      gint64 va = comm_contract_get_annual_value (a), vb = comm_contract_get_annual_value (b);

      if (descending)
        g_assert_cmpint (va, >=, vb);
      else
        g_assert_cmpint (va, <=, vb);
    }
}

static void
test_sort (void)
{
  Fixture f = { 0 };
  g_autoptr(CommContract) first = NULL;
  g_autoptr(CommContract) last = NULL;

  fixture_open (&f, demo_path);

  /* By reference at first. */
  first = g_list_model_get_item (view (&f), 0);
  last = g_list_model_get_item (view (&f), n_shown (&f) - 1);
  g_assert_cmpint (g_utf8_collate (comm_contract_get_reference (first), comm_contract_get_reference (last)), <, 0);

  gtk_column_view_sort_by_column (f.page->column_view, f.page->value_column, GTK_SORT_DESCENDING);
  comm_test_ui_wait (0);
  assert_sorted_by_value (view (&f), TRUE);
  gtk_column_view_sort_by_column (f.page->column_view, f.page->value_column, GTK_SORT_ASCENDING);
  comm_test_ui_wait (0);
  assert_sorted_by_value (view (&f), FALSE);

  /* Sorting and filtering together. */
  gtk_drop_down_set_selected (f.page->rag_dropdown, dropdown_index (f.page->rag_dropdown, "Green"));
  assert_sorted_by_value (view (&f), FALSE);
  assert_view_is (&f, is_rag, GINT_TO_POINTER (COMM_RAG_GREEN));

  fixture_close (&f);
}

/* A button with @label anywhere under @root (a toast's button lives in the window's overlay). */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 &&
      gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_delete_and_undo (void)
{
  Fixture f = { 0 };
  GtkWidget *undo;
  guint n;
  gint64 id;

  fixture_open (&f, demo_path);
  n = n_shown (&f);

  select_reference (&f, "CYP-FS-004");
  id = comm_contract_get_id (gtk_single_selection_get_selected_item (f.page->selection));

  /* Delete while typing in the search does nothing: the key belongs to the text. */
  gtk_widget_grab_focus (GTK_WIDGET (f.page->search_entry));
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "contracts.delete", NULL);
  g_assert_cmpuint (n_shown (&f), ==, n);

  /* With the list focused it deletes, and the toast offers Undo. */
  gtk_widget_grab_focus (GTK_WIDGET (f.page->column_view));
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "contracts.delete", NULL);
  g_assert_cmpuint (n_shown (&f), ==, n - 1);
  g_assert_cmpint (find_reference (view (&f), "CYP-FS-004"), <, 0);
  {
    GDate today;

    comm_date_today (&today);
    g_assert_null (comm_contract_store_get (f.db, id, &today, NULL));
  }
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "contracts-toast-delete"));

  /* The toast's own Undo button brings it back. */
  undo = find_button (GTK_WIDGET (f.window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  comm_test_ui_wait (0);
  g_assert_cmpuint (n_shown (&f), ==, n);
  g_assert_cmpint (find_reference (view (&f), "CYP-FS-004"), >=, 0);

  /* So does the page's undo action. */
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "contracts.delete", NULL);
  g_assert_cmpuint (n_shown (&f), ==, n - 1);
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "contracts.undo", NULL);
  g_assert_cmpuint (n_shown (&f), ==, n);
  g_assert_cmpint (find_reference (view (&f), "CYP-FS-004"), >=, 0);
  g_assert_cmpstr (selected_reference (&f), ==, "CYP-FS-004");

  /* Ctrl+Z reaches the page through comm_page_undo(). */
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "contracts.delete", NULL);
  g_assert_cmpuint (n_shown (&f), ==, n - 1);
  g_assert_true (comm_page_undo (COMM_PAGE (f.page)));
  g_assert_cmpuint (n_shown (&f), ==, n);
  g_assert_cmpint (find_reference (view (&f), "CYP-FS-004"), >=, 0);
  g_assert_false (comm_page_undo (COMM_PAGE (f.page)));

  fixture_close (&f);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) all = gtk_window_list_toplevels ();

  for (GList *l = all; l != NULL; l = l->next)
    if (g_type_is_a (G_OBJECT_TYPE (l->data), type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static void
test_duplicate (void)
{
  Fixture f = { 0 };
  GtkWindow *editor;
  guint n;

  fixture_open (&f, demo_path);
  n = n_shown (&f);

  select_reference (&f, "CYP-YS-004");
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "contracts.duplicate", NULL);
  g_assert_cmpuint (n_shown (&f), ==, n + 1);
  g_assert_cmpint (find_reference (view (&f), "CYP-YS-004-COPY"), >=, 0);
  g_assert_cmpstr (selected_reference (&f), ==, "CYP-YS-004-COPY");
  g_assert_true (comm_contract_store_reference_exists (f.db, "CYP-YS-004-COPY", 0));

  /* The copy opens in the editor, ready to change. */
  editor = find_toplevel (g_type_from_name ("CommContractEditor"));
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);
  comm_test_ui_wait (0);

  /* A second copy takes the next free reference; undo takes it away again. */
  select_reference (&f, "CYP-YS-004");
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "contracts.duplicate", NULL);
  g_assert_cmpint (find_reference (view (&f), "CYP-YS-004-COPY2"), >=, 0);
  editor = find_toplevel (g_type_from_name ("CommContractEditor"));
  gtk_window_destroy (editor);
  comm_test_ui_wait (0);
  g_assert_true (comm_page_undo (COMM_PAGE (f.page)));
  g_assert_cmpint (find_reference (view (&f), "CYP-YS-004-COPY2"), <, 0);
  g_assert_cmpuint (n_shown (&f), ==, n + 1);

  fixture_close (&f);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  guint *written = user_data;
  g_autoptr(GError) error = NULL;

  *written = comm_contracts_export_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_export (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("contracts-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "contracts.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(CommCsvReader) reader = NULL;
  g_autofree char *bytes = NULL;
  guint written = G_MAXUINT, rows = 0;
  char **row;

  fixture_open (&f, demo_path);
  gtk_drop_down_set_selected (f.page->rag_dropdown, dropdown_index (f.page->rag_dropdown, "Amber"));
  gtk_column_view_sort_by_column (f.page->column_view, f.page->value_column, GTK_SORT_DESCENDING);
  comm_test_ui_wait (0);
  g_assert_cmpuint (n_shown (&f), >, 1);

  comm_contracts_export_run (COMM_PAGE (f.page), view (&f), file, COMM_CSV_WRITE_BOM, NULL,
                             on_exported_cb, &written);
  while (written == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (written, ==, n_shown (&f));

  g_assert_true (g_file_get_contents (path, &bytes, NULL, NULL));
  g_assert_true (g_str_has_prefix (bytes, "\xEF\xBB\xBF"));

  in = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  reader = comm_csv_reader_new (in, ',');
  while ((row = comm_csv_reader_next_row (reader, NULL)) != NULL)
    {
      if (rows == 0)
        g_assert_cmpstr (row[0], ==, comm_export_contracts_columns ()[0]);
      else
        {
          /* Same rows, same order as the view. */
          g_autoptr(CommContract) contract = g_list_model_get_item (view (&f), rows - 1);

          g_assert_cmpstr (row[0], ==, comm_contract_get_reference (contract));
        }
      rows++;
      g_strfreev (row);
    }
  g_assert_cmpuint (rows - 1, ==, n_shown (&f));

  g_unlink (path);
  g_rmdir (dir);
  fixture_close (&f);
}

static void
test_accessible (void)
{
  Fixture f = { 0 };
  struct { const char *name; const char *label; } labelled[] = {
    { "search_entry", "Search contracts" },
    { "column_view", "Contracts" },
    { "edit_button", "Edit contract" },
    { "duplicate_button", "Duplicate contract" },
    { "delete_button", "Delete contract" },
    { "area_dropdown", "Filter by service area" },
    { "status_dropdown", "Filter by status" },
    { "rag_dropdown", "Filter by RAG rating" },
    { "ends_dropdown", "Filter by end date" },
  };

  fixture_open (&f, demo_path);

  for (guint i = 0; i < G_N_ELEMENTS (labelled); i++)
    {
      GtkWidget *widget = comm_test_ui_find_by_name (GTK_WIDGET (f.page), labelled[i].name);

      g_assert_nonnull (widget);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           labelled[i].label);
      if (GTK_IS_BUTTON (widget) || GTK_IS_DROP_DOWN (widget))
        g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
    }

  /* The row actions follow the selection. */
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (f.page), "delete_button")));
  select_reference (&f, "CYP-FS-001");
  g_assert_true (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (f.page), "delete_button")));

  /* Ctrl+F (the window calls start_search) puts the focus in the search. */
  comm_page_start_search (COMM_PAGE (f.page));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (f.page->search_entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f.window)), GTK_WIDGET (f.page->search_entry)));

  fixture_close (&f);
}

static void
test_empty_workspace (void)
{
  Fixture f = { 0 };
  g_autofree char *empty = comm_test_ui_make_empty_workspace ();

  fixture_open (&f, empty);
  g_assert_cmpuint (n_shown (&f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f.page->stack), ==, "empty");
  g_assert_true (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (f.page), "new_button")));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "contracts-page-empty"));
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

  g_test_add_func ("/contracts/lists-every-contract", test_lists_every_contract);
  g_test_add_func ("/contracts/search-folds", test_search_folds);
  g_test_add_func ("/contracts/filters", test_filters);
  g_test_add_func ("/contracts/sort", test_sort);
  g_test_add_func ("/contracts/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/contracts/duplicate", test_duplicate);
  g_test_add_func ("/contracts/export", test_export);
  g_test_add_func ("/contracts/accessible", test_accessible);
  g_test_add_func ("/contracts/empty-workspace", test_empty_workspace);

  status = g_test_run ();
  g_free (demo_path);
  g_object_unref (app);
  return status;
}
