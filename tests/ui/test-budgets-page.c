/* test-budgets-page.c: the Budgets tab - live figures, keyboard entry, saving and undo,
 * contracts, scenarios, years and unit costs */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "comm-application.h"
#include "comm-budgets-page-private.h"
#include "comm-budget-table.h"
#include "comm-report-dialog.h"
#include "comm-window.h"
#include "comm-test-ui.h"

#define PROGRAMME "Test Early Help"

static CommApplication *app;

typedef struct {
  CommWindow       *window;
  CommBudgetsPage  *page;
  CommBudgetEditor *editor;
  CommDatabase     *db;
  gint64            budget_id;
} Fixture;

/* Helpers */

static CommBudgetLine *
line (CommBudgetLineKind kind,
      const char        *name,
      gint64             value)
{
  return comm_budget_line_new (kind, name, value);
}

/* Income £1,250,000.01; committed £400,000; fixed £50,000; percentages 96% of £800,000.01. */
static CommBudget *
make_budget (int year,
             gint64 uplift)
{
  CommBudget *budget = comm_budget_new (PROGRAMME, year);

  comm_budget_add_line (budget, line (COMM_BUDGET_LINE_INCOME, "Early Intervention Grant", 100000000 + uplift));
  comm_budget_add_line (budget, line (COMM_BUDGET_LINE_INCOME, "Public Health", 25000001));
  comm_budget_add_line (budget, line (COMM_BUDGET_LINE_COMMITMENT, "Existing contracts", 40000000));
  comm_budget_add_line (budget, line (COMM_BUDGET_LINE_FIXED, "Community chest", 5000000));
  comm_budget_add_line (budget, line (COMM_BUDGET_LINE_PERCENT, "Family support", 50000));
  comm_budget_add_line (budget, line (COMM_BUDGET_LINE_PERCENT, "Adolescents", 28000));
  comm_budget_add_line (budget, line (COMM_BUDGET_LINE_PERCENT, "Teenage pregnancy", 5000));
  comm_budget_add_line (budget, line (COMM_BUDGET_LINE_PERCENT, "Domestic abuse", 8000));
  comm_budget_add_line (budget, line (COMM_BUDGET_LINE_PERCENT, "Young carers", 5000));

  return budget;
}

/* The programme's budgets 2024-25 to 2028-29, and a "10% cut" scenario of 2026-27. */
static gint64
add_budgets (CommDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 id_2026 = 0;

  for (int year = 2024; year <= 2028; year++)
    {
      g_autoptr(CommBudget) budget = make_budget (year, (gint64) (year - 2026) * 2500000);

      g_assert_true (comm_budget_store_save (db, budget, &error));
      g_assert_no_error (error);
      if (year == 2026)
        id_2026 = budget->id;
    }

  {
    g_autoptr(CommBudget) base = comm_budget_store_load (db, id_2026, &error);
    g_autoptr(CommBudget) cut = NULL;

    g_assert_no_error (error);
    cut = comm_budget_copy_changed (base, -10000, &error);
    g_assert_no_error (error);
    cut->scenario = g_strdup ("10% cut");
    cut->based_on = id_2026;
    g_assert_true (comm_budget_store_save (db, cut, &error));
    g_assert_no_error (error);
  }

  return id_2026;
}

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *demo_path = comm_test_ui_make_demo_workspace ();

  g_settings_set_int (settings, "window-width", 1400);
  g_settings_set_int (settings, "window-height", 900);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  f->window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (comm_window_open_workspace (f->window, demo_path, &error));
  g_assert_no_error (error);
  f->db = comm_window_get_database (f->window);
  f->budget_id = add_budgets (f->db);

  f->page = COMM_BUDGETS_PAGE (comm_window_get_page (f->window, "budgets"));
  g_assert_true (COMM_IS_BUDGETS_PAGE (f->page));
  comm_test_ui_activate_action (GTK_WIDGET (f->window), "win.show-tab", g_variant_new_string ("budgets"));
  comm_budgets_page_show_budget (f->page, f->budget_id);
  f->editor = comm_budgets_page_get_editor (f->page);
  comm_test_ui_wait (100);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  comm_test_ui_wait (0);
}

static CommBudgetSection *
section (Fixture *f, CommBudgetLineKind kind)
{
  return comm_budget_editor_get_section (f->editor, kind);
}

static guint
row_named (CommBudgetSection *s,
           const char        *name)
{
  for (guint i = 0; i < comm_budget_section_get_n_lines (s); i++)
    if (g_strcmp0 (comm_budget_section_get_name (s, i), name) == 0)
      return i;

  g_assert_not_reached ();
}

static void
type_value (CommBudgetSection *s,
            const char        *name,
            const char        *text)
{
  gtk_editable_set_text (comm_budget_section_get_value_entry (s, row_named (s, name)), text);
  comm_test_ui_wait (0);
}

static char *
money (gint64 pence)
{
  return comm_money_format (pence);
}

/* The expected figures, worked out independently with comm-allocation. */
static CommAllocation *
expected_allocation (gint64 young_carers)
{
  CommAllocation *a = comm_allocation_new (125000001);

  comm_allocation_add_commitment (a, "Existing contracts", 40000000);
  comm_allocation_add_fixed (a, "Community chest", 5000000);
  comm_allocation_add_percent (a, "Family support", 50000);
  comm_allocation_add_percent (a, "Adolescents", 28000);
  comm_allocation_add_percent (a, "Teenage pregnancy", 5000);
  comm_allocation_add_percent (a, "Domestic abuse", 8000);
  comm_allocation_add_percent (a, "Young carers", young_carers);
  g_assert_true (comm_allocation_compute (a, NULL));

  return a;
}

static const CommAllocationLine *
expected_line (CommAllocation *a,
               const char     *name)
{
  for (guint i = 0; i < comm_allocation_get_n_lines (a); i++)
    if (g_strcmp0 (comm_allocation_get_line (a, i)->name, name) == 0)
      return comm_allocation_get_line (a, i);

  g_assert_not_reached ();
}

static void
assert_percent_lines (Fixture        *f,
                      CommAllocation *a)
{
  CommBudgetSection *s = section (f, COMM_BUDGET_LINE_PERCENT);

  for (guint i = 0; i < comm_budget_section_get_n_lines (s); i++)
    {
      const CommAllocationLine *l = expected_line (a, comm_budget_section_get_name (s, i));
      g_autofree char *pounds = money (l->amount);

      g_assert_cmpstr (comm_budget_section_get_result (s, i), ==, pounds);
      g_assert_cmpint (comm_budget_section_get_moved (s, i), ==, l->penny_moved);
    }
}

static CommBudget *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CommBudget *budget = comm_budget_store_load (f->db, f->budget_id, &error);

  g_assert_no_error (error);
  return budget;
}

/* Tests */

/* The demo workspace opens on its own budget for this financial year. */
static void
test_demo (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_path = comm_test_ui_make_demo_workspace ();
  g_autoptr(GPtrArray) budgets = NULL;

  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "window-width", 1400);
  g_settings_set_int (settings, "window-height", 900);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  f.window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f.window));
  g_assert_true (comm_window_open_workspace (f.window, demo_path, &error));
  comm_test_ui_activate_action (GTK_WIDGET (f.window), "win.show-tab", g_variant_new_string ("budgets"));
  comm_test_ui_wait (300);
  f.page = COMM_BUDGETS_PAGE (comm_window_get_page (f.window, "budgets"));
  budgets = comm_budget_store_list (comm_window_get_database (f.window), 0, &error);
  g_assert_no_error (error);
  if (budgets->len > 0)
    {
      g_assert_cmpint (f.page->budget_id, !=, 0);
      g_assert_nonnull (comm_budget_editor_get_budget (comm_budgets_page_get_editor (f.page)));
    }
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-demo"));

  /* The tab fits a narrow window (the window test opens one 480 pixels wide). */
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (f.page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <=, 480);
  }

  fixture_close (&f);
}

static void
test_edit_percentage (void)
{
  Fixture f = { 0 };
  g_autoptr(CommAllocation) before = expected_allocation (5000);
  g_autoptr(CommAllocation) after = expected_allocation (9000);
  g_autoptr(CommBudget) saved = NULL;
  g_autofree char *unallocated_before = money (comm_allocation_get_unallocated (before));
  g_autofree char *available = money (comm_allocation_get_available (before));

  fixture_open (&f);

  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "income"), ==, "£1,250,000.01");
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "available"), ==, available);
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "after-fixed"), ==, "£800,000.01");
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "percent-total"), ==, "96%");
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "unallocated"), ==, unallocated_before);
  assert_percent_lines (&f, before);
  g_assert_true (comm_allocation_any_penny_moved (before));

  /* Young carers 5% -> 9%: its pounds and the unallocated figure change as it is typed. */
  type_value (section (&f, COMM_BUDGET_LINE_PERCENT), "Young carers", "9%");
  gtk_widget_grab_focus (GTK_WIDGET (comm_budget_section_get_value_entry (section (&f, COMM_BUDGET_LINE_PERCENT),
                                                                          row_named (section (&f, COMM_BUDGET_LINE_PERCENT), "Young carers"))));
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "percent-total"), ==, "100%");
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "unallocated"), ==, "£0.00");
  assert_percent_lines (&f, after);
  g_assert_cmpstr (comm_budget_section_get_result (section (&f, COMM_BUDGET_LINE_PERCENT),
                                                   row_named (section (&f, COMM_BUDGET_LINE_PERCENT), "Young carers")),
                   ==, "£72,000.00");
  g_assert_true (comm_budget_editor_is_valid (f.editor));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-edit-percent"));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  comm_test_ui_wait (600);  /* a whole restyle and a frame, even on a busy machine */
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-edit-percent-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  comm_test_ui_wait (300);

  /* Saved a moment after typing stops. */
  comm_test_ui_wait (1000);
  saved = stored (&f);
  g_assert_nonnull (comm_budget_find_line (saved, "Young carers"));
  g_assert_cmpint (comm_budget_find_line (saved, "Young carers")->thousandths, ==, 9000);

  /* Ctrl+Z puts it back, in the editor and in the workspace. */
  comm_test_ui_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  comm_test_ui_wait (0);
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "percent-total"), ==, "96%");
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "unallocated"), ==, unallocated_before);
  g_clear_pointer (&saved, comm_budget_free);
  saved = stored (&f);
  g_assert_cmpint (comm_budget_find_line (saved, "Young carers")->thousandths, ==, 5000);
  g_assert_cmpuint (saved->lines->len, ==, 9);

  fixture_close (&f);
}

/* A change still waiting to be saved is saved when the window closes. */
static void
test_saved_on_close (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(CommBudget) budget = NULL;
  g_autofree char *path = NULL;

  fixture_open (&f);
  path = g_strdup (comm_database_get_path (f.db));
  type_value (section (&f, COMM_BUDGET_LINE_PERCENT), "Young carers", "7%");
  fixture_close (&f);  /* at once, before the save would have run */

  db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  budget = comm_budget_store_load (db, f.budget_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comm_budget_find_line (budget, "Young carers")->thousandths, ==, 7000);
}

static void
test_bad_input_blocks_saving (void)
{
  Fixture f = { 0 };
  CommBudgetSection *income;
  g_autoptr(CommBudget) saved = NULL;

  fixture_open (&f);
  income = section (&f, COMM_BUDGET_LINE_INCOME);

  /* More than two decimals: marked, said, not saved. */
  type_value (income, "Public Health", "£250,000.015");
  g_assert_false (comm_budget_editor_is_valid (f.editor));
  g_assert_nonnull (comm_budget_editor_get_problem (f.editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (comm_budget_section_get_value_entry (income, 1)), "error"));
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "income"), ==, "—");
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-bad-input"));

  /* A percentage over 100. */
  type_value (income, "Public Health", "£250,000.01");
  g_assert_true (comm_budget_editor_is_valid (f.editor));
  type_value (section (&f, COMM_BUDGET_LINE_PERCENT), "Young carers", "105%");
  g_assert_false (comm_budget_editor_is_valid (f.editor));
  type_value (section (&f, COMM_BUDGET_LINE_PERCENT), "Young carers", "-5%");
  g_assert_false (comm_budget_editor_is_valid (f.editor));

  /* Fixed allocations bigger than what is available. */
  type_value (section (&f, COMM_BUDGET_LINE_PERCENT), "Young carers", "5%");
  type_value (section (&f, COMM_BUDGET_LINE_FIXED), "Community chest", "£900,000");
  g_assert_false (comm_budget_editor_is_valid (f.editor));
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "unallocated"), ==, "—");
  comm_test_ui_wait (1000);
  saved = stored (&f);
  g_assert_cmpint (comm_budget_find_line (saved, "Community chest")->amount, ==, 5000000);

  fixture_close (&f);
}

static void
test_add_line_by_keyboard (void)
{
  Fixture f = { 0 };
  CommBudgetSection *percent;
  GtkEditable *last_value;
  GtkWidget *focus;
  guint n;

  fixture_open (&f);
  percent = section (&f, COMM_BUDGET_LINE_PERCENT);
  n = comm_budget_section_get_n_lines (percent);

  /* Enter in the last amount adds a line and moves into its name. */
  last_value = comm_budget_section_get_value_entry (percent, n - 1);
  gtk_widget_grab_focus (GTK_WIDGET (last_value));
  g_signal_emit_by_name (last_value, "activate");
  comm_test_ui_wait (0);
  g_assert_cmpuint (comm_budget_section_get_n_lines (percent), ==, n + 1);
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (comm_budget_section_get_name_entry (percent, n))
                 || gtk_widget_is_ancestor (focus, GTK_WIDGET (comm_budget_section_get_name_entry (percent, n))));
  /* A blank line blocks nothing. */
  g_assert_true (comm_budget_editor_is_valid (f.editor));

  gtk_editable_set_text (comm_budget_section_get_name_entry (percent, n), "Community chest top-up");
  /* Enter in the name goes on to its amount. */
  g_signal_emit_by_name (comm_budget_section_get_name_entry (percent, n), "activate");
  comm_test_ui_wait (0);
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (comm_budget_section_get_value_entry (percent, n)))
                 || focus == GTK_WIDGET (comm_budget_section_get_value_entry (percent, n)));
  gtk_editable_set_text (comm_budget_section_get_value_entry (percent, n), "4");
  comm_test_ui_wait (0);
  g_assert_cmpstr (comm_budget_editor_get_figure (f.editor, "percent-total"), ==, "100%");
  g_assert_cmpstr (comm_budget_section_get_result (percent, n), ==, "£32,000.00");
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-keyboard-line"));

  /* Saved with the rest. */
  comm_test_ui_wait (1000);
  {
    g_autoptr(CommBudget) saved = stored (&f);
    g_assert_nonnull (comm_budget_find_line (saved, "Community chest top-up"));
  }

  fixture_close (&f);
}

static void
test_scenarios (void)
{
  Fixture f = { 0 };
  CommBudgetScenariosView *view;
  CommBudgetTable *table;
  const CommBudgetComparison *comparison;
  const CommBudgetRow *row;
  guint index = 0;
  g_autofree char *cell = NULL;

  fixture_open (&f);
  comm_budgets_page_set_view (f.page, "scenarios");
  comm_test_ui_wait (100);
  view = comm_budgets_page_get_scenarios_view (f.page);
  g_assert_cmpuint (comm_budget_scenarios_view_get_n_budgets (view), ==, 2);
  table = comm_budget_scenarios_view_get_table (view);
  comparison = comm_budget_table_get_comparison (table);
  g_assert_nonnull (comparison);
  g_assert_cmpuint (comparison->n_columns, ==, 2);
  /* A column per scenario in the column view, after the line names. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (comm_budget_table_get_column_view (table))), ==, 3);

  row = comm_budget_comparison_find (comparison, "Early Intervention Grant");
  g_assert_nonnull (row);
  g_assert_cmpint (row->cells[1].difference, ==, -10000000);
  g_assert_cmpint (row->cells[1].percent, ==, -10000);
  for (index = 0; g_ptr_array_index (comparison->rows, index) != row; index++)
    ;
  cell = comm_budget_table_dup_cell_text (table, index, 1);
  g_assert_cmpstr (cell, ==, "£900,000.00 -£100,000.00 (-10%)");
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-scenarios"));

  /* Unticking the base leaves the scenario alone in the table. */
  comm_budget_scenarios_view_set_compared (view, 0, FALSE);
  g_assert_cmpuint (comm_budget_table_get_comparison (table)->n_columns, ==, 1);
  comm_budget_scenarios_view_set_compared (view, 0, TRUE);

  /* Copy to a new scenario: it is independent of the budget. */
  g_assert_true (comm_budgets_page_copy_scenario (f.page, "Grant ends", NULL));
  comm_test_ui_wait (100);
  g_assert_cmpuint (comm_budget_scenarios_view_get_n_budgets (view), ==, 3);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  comm_test_ui_wait (600);  /* a whole restyle and a frame, even on a busy machine */
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-scenarios-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  comm_test_ui_wait (300);

  fixture_close (&f);
}

static void
test_multi_year (void)
{
  Fixture f = { 0 };
  CommBudgetGrid *grid;
  const CommBudgetComparison *comparison;
  const CommBudgetRow *row;

  fixture_open (&f);
  comm_budgets_page_set_view (f.page, "years");
  comm_test_ui_wait (100);
  grid = comm_budget_years_view_get_table (comm_budgets_page_get_years_view (f.page));
  comparison = comm_budget_grid_get_comparison (grid);
  g_assert_nonnull (comparison);
  g_assert_cmpuint (comparison->n_columns, ==, 5);
  g_assert_cmpint (comparison->years[0], ==, 2024);
  g_assert_cmpint (comparison->years[4], ==, 2028);
  row = comm_budget_comparison_find (comparison, "Early Intervention Grant");
  g_assert_nonnull (row);
  g_assert_cmpint (row->cells[1].difference, ==, 2500000);  /* +£25,000 a year */
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-multi-year"));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  comm_test_ui_wait (600);  /* a whole restyle and a frame, even on a busy machine */
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-multi-year-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  comm_test_ui_wait (300);

  fixture_close (&f);
}

static void
test_unit_costs (void)
{
  Fixture f = { 0 };
  CommUnitCostView *view;

  fixture_open (&f);
  comm_budgets_page_set_view (f.page, "unit-costs");
  view = comm_budgets_page_get_unit_cost_view (f.page);

  /* The worked example of DOMAIN.md: £90,000 over 885 incidents in four cohorts. */
  comm_unit_cost_view_set_cost (view, "£90,000", "incident");
  comm_unit_cost_view_add_cohort (view, "Cohort A", "202");
  comm_unit_cost_view_add_cohort (view, "Cohort B", "361");
  comm_unit_cost_view_add_cohort (view, "Cohort C", "1");
  comm_unit_cost_view_add_cohort (view, "Cohort D", "321");
  comm_test_ui_wait (0);
  g_assert_cmpstr (comm_unit_cost_view_get_unit_cost (view), ==, "£101.69 per incident");
  g_assert_cmpstr (comm_unit_cost_view_get_share (view, 0), ==, "£20,542.37");
  g_assert_cmpstr (comm_unit_cost_view_get_share (view, 1), ==, "£36,711.86");
  g_assert_cmpstr (comm_unit_cost_view_get_share (view, 2), ==, "£101.70");
  g_assert_cmpstr (comm_unit_cost_view_get_share (view, 3), ==, "£32,644.07");
  g_assert_nonnull (strstr (comm_unit_cost_view_get_working (view), "exactly the cost"));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-unit-costs"));

  fixture_close (&f);
}

static void
test_contracts (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CommBudget) saved = NULL;
  CommBudgetSection *commitments;
  const CommBudgetLine *linked = NULL;
  int n;

  fixture_open (&f);
  commitments = section (&f, COMM_BUDGET_LINE_COMMITMENT);
  /* Enough income for every contract running in the year. */
  type_value (section (&f, COMM_BUDGET_LINE_INCOME), "Early Intervention Grant", "£90,000,000");
  g_assert_true (comm_budgets_page_save_now (f.page));

  n = comm_budgets_page_pull_contracts (f.page, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, >, 0);
  g_assert_cmpuint (comm_budget_section_get_n_lines (commitments), ==, 1 + (guint) n);
  saved = stored (&f);
  for (guint i = 0; i < saved->lines->len && linked == NULL; i++)
    if (((CommBudgetLine *) g_ptr_array_index (saved->lines, i))->contract_id != 0)
      linked = g_ptr_array_index (saved->lines, i);
  g_assert_nonnull (linked);

  /* Pulling again adds nothing: they are all in. */
  g_assert_cmpint (comm_budgets_page_pull_contracts (f.page, NULL, &error), ==, 0);

  /* A linked contract is deleted: the line keeps its figure and says so. */
  g_assert_true (comm_contract_store_delete (f.db, linked->contract_id, &error));
  g_assert_no_error (error);
  comm_budgets_page_show_budget (f.page, f.budget_id);
  comm_test_ui_wait (100);
  {
    g_autoptr(CommBudget) again = stored (&f);
    const CommBudgetLine *flagged = comm_budget_find_line (again, linked->name);

    g_assert_nonnull (flagged);
    g_assert_cmpint (flagged->amount, ==, linked->amount);
    g_assert_true (flagged->flags & COMM_BUDGET_LINE_FLAG_CONTRACT_DELETED);
  }
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-contracts"));

  fixture_close (&f);
}

/* Plymouth's five system elements (shared/samples), with a stated total £2 short of the lines. */
static void
test_imported_plan (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *samples = g_build_filename (g_getenv ("COMM_TEST_SRCDIR"), "..", "..", "shared", "samples",
                                               "plymouth_system_elements_2015.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *with_total = NULL;
  g_autofree char *dir = g_dir_make_tmp ("budgets-plan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.csv", NULL);
  const CommBudget *budget;

  if (!g_file_get_contents (samples, &contents, NULL, NULL))
    {
      /* Outside the usual layout: the same figures, typed in. */
      g_free (contents);
      contents = g_strdup ("system_element,budget_gbp\n"
                           "\"Children with specific health, SEN or disability\",6865572\n"
                           "Early childhood development,8931663\nParent and family support,324511\n"
                           "Vulnerable children and young people,2186655\n"
                           "Children in and on the edge of care,8841701\n");
    }
  with_total = g_strconcat (contents, g_str_has_suffix (contents, "\n") ? "" : "\n", "Total,27150100\n", NULL);
  g_assert_true (g_file_set_contents (path, with_total, -1, NULL));

  fixture_open (&f);
  g_assert_true (comm_budgets_page_import_plan (f.page, "Plymouth children and young people", "2015/16", path, &error));
  g_assert_no_error (error);
  comm_test_ui_wait (100);
  budget = comm_budget_editor_get_budget (f.editor);
  g_assert_nonnull (budget);
  g_assert_cmpint (budget->year, ==, 2015);
  g_assert_true (budget->has_published_total);
  g_assert_cmpint (budget->published_total, ==, 2715010000);
  g_assert_cmpuint (comm_budget_section_get_n_lines (section (&f, COMM_BUDGET_LINE_FIXED)), ==, 5);
  /* The difference is shown, not corrected. */
  g_assert_cmpstr (comm_budget_editor_get_notes (f.editor), !=, "");
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "budgets-imported-plan"));

  fixture_close (&f);
  g_unlink (path);
  g_rmdir (dir);
}

static CommReportDialog *
find_report_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (COMM_IS_REPORT_DIALOG (window))
        return COMM_REPORT_DIALOG (window);
    }

  return NULL;
}

static void
test_reports (void)
{
  Fixture f = { 0 };
  CommReportDialog *dialog;

  fixture_open (&f);
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "budgets.reports", NULL);
  comm_test_ui_wait (100);
  dialog = find_report_dialog ();
  g_assert_nonnull (dialog);
  for (guint i = 0; i < 100 && (comm_report_dialog_get_busy (dialog) || comm_report_dialog_get_document (dialog) == NULL); i++)
    comm_test_ui_wait (100);
  g_assert_nonnull (comm_report_dialog_get_document (dialog));
  g_assert_cmpuint (comm_report_dialog_get_n_pages (dialog), >, 0);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "budgets-report"));
  gtk_window_destroy (GTK_WINDOW (dialog));

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

  /* Each test starts from a fresh demo workspace with its own test budgets. */
  g_test_add_func ("/budgets/demo", test_demo);
  g_test_add_func ("/budgets/edit-percentage", test_edit_percentage);
  g_test_add_func ("/budgets/bad-input", test_bad_input_blocks_saving);
  g_test_add_func ("/budgets/saved-on-close", test_saved_on_close);
  g_test_add_func ("/budgets/add-line-by-keyboard", test_add_line_by_keyboard);
  g_test_add_func ("/budgets/scenarios", test_scenarios);
  g_test_add_func ("/budgets/multi-year", test_multi_year);
  g_test_add_func ("/budgets/unit-costs", test_unit_costs);
  g_test_add_func ("/budgets/contracts", test_contracts);
  g_test_add_func ("/budgets/reports", test_reports);
  g_test_add_func ("/budgets/imported-plan", test_imported_plan);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
