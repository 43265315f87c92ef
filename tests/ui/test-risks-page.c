/* test-risks-page.c: the Risks tab - registers, the heat map filter, editors, reviews, scales */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "comm-application.h"
#include "comm-report-dialog.h"
#include "comm-risk-editor.h"
#include "comm-risk-register-editor.h"
#include "comm-risk-review-dialog.h"
#include <glib/gstdio.h>

#include "comm-risks-export.h"
#include "comm-risks-page-private.h"
#include "comm-window.h"
#include "comm-test-ui.h"

static CommApplication *app;

typedef struct {
  CommWindow    *window;
  CommRisksPage *page;
  CommDatabase  *db;
  gint64         programme_id;
  gint64         contract_register_id;
} Fixture;

/* Seeding: a 5 x 5 programme register with four open risks and a closed one, and a Low / Medium
 * / High contract register rolling up into it with two risks. */

static CommRiskRating
rating (CommRiskScaleKind  scale,
        const char        *text)
{
  g_autoptr(GError) error = NULL;
  CommRiskRating r = { scale, 0, 0 };

  if (text != NULL)
    {
      g_assert_true (comm_risk_rating_parse (scale, COMM_RISK_AXIS_LIKELIHOOD, text, &r, &error));
      g_assert_no_error (error);
    }
  return r;
}

static gint64
add_risk (CommDatabase      *db,
          gint64             register_id,
          CommRiskScaleKind  scale,
          const char        *title,
          const char        *il,
          const char        *ii,
          const char        *rl,
          const char        *ri,
          const char        *review_due,
          gboolean           closed)
{
  g_autoptr(CommRisk) risk = comm_risk_new ();
  g_autoptr(GError) error = NULL;

  risk->register_id = register_id;
  comm_risk_set_text (&risk->title, title);
  comm_risk_set_text (&risk->owner, "A. Khan");
  comm_risk_set_text (&risk->category, "Service delivery");
  comm_risk_set_text (&risk->raised_on, "2026-01-10");
  comm_risk_set_text (&risk->review_due, review_due);
  risk->inherent_likelihood = rating (scale, il);
  risk->inherent_impact = rating (scale, ii);
  risk->residual_likelihood = rating (scale, rl);
  risk->residual_impact = rating (scale, ri);
  risk->status = closed ? COMM_RISK_STATUS_CLOSED : COMM_RISK_STATUS_OPEN;
  g_assert_true (comm_risk_store_save (db, risk, &error));
  g_assert_no_error (error);

  return risk->id;
}

static gint64
add_register (CommDatabase         *db,
              const char           *name,
              CommRiskRegisterKind  kind,
              CommRiskScaleKind     scale,
              gint64                contract_id,
              gint64                parent_id)
{
  g_autoptr(CommRiskRegister) reg = comm_risk_register_new ();
  g_autoptr(GError) error = NULL;

  g_free (reg->name);
  reg->name = g_strdup (name);
  reg->kind = kind;
  reg->scale = scale;
  reg->contract_id = contract_id;
  reg->parent_id = parent_id;
  g_assert_true (comm_risk_register_store_save (db, reg, &error));
  g_assert_no_error (error);

  return reg->id;
}

static void
seed (Fixture *f)
{
  g_autoptr(GListStore) contracts = NULL;
  g_autoptr(CommContract) contract = NULL;
  GDate today;

  comm_date_today (&today);
  contracts = comm_contract_store_list (f->db, &today, NULL);
  g_assert_nonnull (contracts);
  contract = g_list_model_get_item (G_LIST_MODEL (contracts), 0);

  f->programme_id = add_register (f->db, "Test programme", COMM_RISK_REGISTER_PROGRAMME,
                                  COMM_RISK_SCALE_5X5, 0, 0);
  add_risk (f->db, f->programme_id, COMM_RISK_SCALE_5X5, "Provider failure", "4", "5", "3", "4", "2026-10-01", FALSE);
  add_risk (f->db, f->programme_id, COMM_RISK_SCALE_5X5, "Budget overspend", "3", "3", "2", "3", "2027-01-15", FALSE);
  add_risk (f->db, f->programme_id, COMM_RISK_SCALE_5X5, "Data breach", "2", "5", NULL, NULL, "", FALSE);
  add_risk (f->db, f->programme_id, COMM_RISK_SCALE_5X5, "Staff turnover", "4", "5", "3", "4", "2027-02-01", FALSE);
  add_risk (f->db, f->programme_id, COMM_RISK_SCALE_5X5, "Old premises lease", "4", "5", "3", "4", "", TRUE);

  f->contract_register_id = add_register (f->db, "Test contract risks", COMM_RISK_REGISTER_CONTRACT,
                                          COMM_RISK_SCALE_LMH, comm_contract_get_id (contract), f->programme_id);
  add_risk (f->db, f->contract_register_id, COMM_RISK_SCALE_LMH, "Transition to the new provider",
            "M/H", "H", "M", "M/H", "2027-03-01", FALSE);
  add_risk (f->db, f->contract_register_id, COMM_RISK_SCALE_LMH, "Low referrals", "L", "M", NULL, NULL, "", FALSE);
  add_risk (f->db, f->contract_register_id, COMM_RISK_SCALE_LMH, "Key worker leaves", "M", "M", NULL, NULL, "", FALSE);
}

static void
fixture_open (Fixture *f)
{
  g_autofree char *path = comm_test_ui_make_demo_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "window-width", 1500);
  g_settings_set_int (settings, "window-height", 960);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_string (settings, "last-tab", "contracts");
  f->window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (comm_window_open_workspace (f->window, path, &error));
  g_assert_no_error (error);
  f->db = comm_window_get_database (f->window);
  f->page = COMM_RISKS_PAGE (comm_window_get_page (f->window, "risks"));
  seed (f);
  comm_test_ui_wait (50);

  /* The tab reads the workspace when first shown. */
  g_assert_true (f->page->needs_load);
  comm_test_ui_activate_action (GTK_WIDGET (f->window), "win.show-tab", g_variant_new_string ("risks"));
  comm_test_ui_wait (100);
  g_assert_false (f->page->needs_load);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  comm_test_ui_wait (0);
}

static GListModel *
view (Fixture *f)
{
  return comm_risks_page_get_view_model (f->page);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (view (f));
}

static int
find_title (GListModel *model,
            const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (model, i);

      if (g_strcmp0 (risk->title, title) == 0)
        return (int) i;
    }
  return -1;
}

static void
select_title (Fixture    *f,
              const char *title)
{
  int position = find_title (view (f), title);

  g_assert_cmpint (position, >=, 0);
  gtk_single_selection_set_selected (f->page->selection, (guint) position);
  comm_test_ui_wait (0);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not a new reference */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (g_type_is_a (G_OBJECT_TYPE (controller), type))
        return controller;
    }
  g_assert_not_reached ();
}

/* A click in the middle of a cell, as the heat map's click gesture sees it. */
static void
click_cell (Fixture *f, CommHeatMapWhich which, guint l, guint i)
{
  GtkWidget *cell = comm_heat_map_view_get_cell (f->page->heat_map, which, l, i);
  GtkGesture *click = find_controller (GTK_WIDGET (f->page->heat_map), GTK_TYPE_GESTURE_CLICK);
  graphene_point_t centre;

  g_assert_nonnull (cell);
  g_assert_cmpint (gtk_widget_get_width (cell), >, 8);
  g_assert_true (gtk_widget_compute_point (cell, GTK_WIDGET (f->page->heat_map),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (cell) / 2.0,
                                                                 gtk_widget_get_height (cell) / 2.0),
                                           &centre));
  g_signal_emit_by_name (click, "released", 1, (double) centre.x, (double) centre.y);
  comm_test_ui_wait (0);
}

static gboolean
press_key (Fixture *f, guint keyval)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (f->page->heat_map), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  comm_test_ui_wait (0);
  return handled;
}

/* The open risks of the register's list that sit in a cell, counted independently. */
static guint
count_in_cell (Fixture *f, GListModel *risks, CommHeatMapWhich which, guint l, guint i)
{
  guint count = 0;

  for (guint k = 0; k < g_list_model_get_n_items (risks); k++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (risks, k);

      if (risk->status == COMM_RISK_STATUS_OPEN &&
          comm_heat_map_risk_in_cell (risk, f->page->view_scale, which, l, i))
        count++;
    }
  return count;
}

/* Tests */

static void
test_heat_map_filters_the_list (void)
{
  Fixture f = { 0 };
  g_autoptr(GListStore) own = NULL;
  GDate today;
  guint total_counted = 0, n_open = 0;

  fixture_open (&f);
  comm_risks_page_show_register (f.page, f.programme_id);
  comm_test_ui_wait (100);
  g_assert_cmpint (f.page->current_id, ==, f.programme_id);

  /* The programme's own five risks and the contract register's three, rolled up. */
  g_assert_cmpuint (n_shown (&f), ==, 8);
  comm_date_today (&today);
  own = comm_risk_store_list (f.db, f.programme_id, &today, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own)), ==, 8);

  /* Heat map counts equal the list's open risks, cell by cell. */
  for (guint which = 0; which < 2; which++)
    for (guint l = 0; l < COMM_HEAT_MAP_SIZE; l++)
      for (guint i = 0; i < COMM_HEAT_MAP_SIZE; i++)
        {
          guint count = comm_heat_map_view_get_count (f.page->heat_map, which, l, i);

          g_assert_cmpuint (count, ==, count_in_cell (&f, G_LIST_MODEL (own), which, l, i));
          if (which == COMM_HEAT_MAP_RESIDUAL)
            total_counted += count;
        }
  for (guint k = 0; k < 8; k++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (G_LIST_MODEL (own), k);
      n_open += risk->status == COMM_RISK_STATUS_OPEN;
    }
  g_assert_cmpuint (total_counted, ==, n_open);
  g_assert_cmpuint (n_open, ==, 7);

  /* Residual likelihood 3, impact 4 (positions 2, 3): Provider failure, Staff turnover and the
   * rolled-up "Transition" (M -> 3, M/H -> 4). The closed risk in the same cell is not counted. */
  g_assert_cmpuint (comm_heat_map_view_get_count (f.page->heat_map, COMM_HEAT_MAP_RESIDUAL, 2, 3), ==, 3);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "risks-page"));

  click_cell (&f, COMM_HEAT_MAP_RESIDUAL, 2, 3);
  g_assert_cmpuint (n_shown (&f), ==, 3);
  for (guint k = 0; k < n_shown (&f); k++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (view (&f), k);
      g_assert_true (comm_heat_map_risk_in_cell (risk, COMM_RISK_SCALE_5X5, COMM_HEAT_MAP_RESIDUAL, 2, 3));
      g_assert_cmpint (risk->status, ==, COMM_RISK_STATUS_OPEN);
    }
  g_assert_true (gtk_revealer_get_reveal_child (f.page->chip_revealer));
  g_assert_cmpstr (gtk_label_get_text (f.page->chip_label), ==,
                   "Filtered to residual likelihood 3, impact 4: 3 open risks");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (f.page->status_label), "Showing 3 of 8 risks"));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "risks-heat-map-filtered"));

  /* The keyboard: focus a cell, move with the arrows, Return filters to the new cell. */
  gtk_widget_grab_focus (comm_heat_map_view_get_cell (f.page->heat_map, COMM_HEAT_MAP_INHERENT, 3, 4));
  g_assert_true (press_key (&f, GDK_KEY_Down));
  g_assert_true (press_key (&f, GDK_KEY_Left));
  g_assert_true (gtk_widget_has_focus (comm_heat_map_view_get_cell (f.page->heat_map, COMM_HEAT_MAP_INHERENT, 2, 3)));
  g_assert_true (press_key (&f, GDK_KEY_Right));
  g_assert_true (press_key (&f, GDK_KEY_Right));  /* across into the residual map */
  g_assert_true (gtk_widget_has_focus (comm_heat_map_view_get_cell (f.page->heat_map, COMM_HEAT_MAP_RESIDUAL, 2, 0)));
  g_assert_true (press_key (&f, GDK_KEY_Left));
  g_assert_true (press_key (&f, GDK_KEY_Up));
  gtk_window_set_focus_visible (GTK_WINDOW (f.window), TRUE);  /* as after a key press */
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.page->heat_map), "risks-heat-map-keyboard-focus"));
  g_assert_true (press_key (&f, GDK_KEY_Return));
  g_assert_cmpint (f.page->cell_which, ==, COMM_HEAT_MAP_INHERENT);
  g_assert_cmpuint (f.page->cell_likelihood, ==, 3);
  g_assert_cmpuint (f.page->cell_impact, ==, 4);
  /* Inherent 4 x 5: Provider failure, Staff turnover, and "Transition" (M/H -> 4, H -> 5). */
  g_assert_cmpuint (n_shown (&f), ==, 3);
  g_assert_cmpuint (n_shown (&f), ==, comm_heat_map_view_get_count (f.page->heat_map, COMM_HEAT_MAP_INHERENT, 3, 4));

  /* Ctrl+F (the window's search) focuses the tab's search entry. */
  comm_test_ui_activate_action (GTK_WIDGET (f.window), "win.search", NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f.window)), GTK_WIDGET (f.page->search_entry)));

  /* Search narrows within the cell; Clear shows the register again. */
  gtk_editable_set_text (GTK_EDITABLE (f.page->search_entry), "transition");
  comm_test_ui_wait (400);
  g_assert_cmpuint (n_shown (&f), ==, 1);
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "risks.clear-filters", NULL);
  g_assert_cmpuint (n_shown (&f), ==, 8);
  g_assert_false (gtk_revealer_get_reveal_child (f.page->chip_revealer));

  fixture_close (&f);
}

static void
test_roll_up_marked_and_overdue (void)
{
  Fixture f = { 0 };
  g_autoptr(CommRisk) transition = NULL;
  g_autoptr(CommRisk) provider = NULL;
  g_autofree char *source = NULL;
  g_autofree char *review = NULL;
  g_autofree char *description = NULL;
  g_autofree char *inherent_text = NULL;
  g_autofree char *residual_text = NULL;
  g_autoptr(GListStore) open = NULL;
  CommHeatMapCounts inherent, residual;
  gboolean attention = FALSE;
  const char *text;

  fixture_open (&f);
  comm_risks_page_show_register (f.page, f.programme_id);
  comm_test_ui_wait (50);

  transition = g_list_model_get_item (view (&f), find_title (view (&f), "Transition to the new provider"));
  g_assert_true (transition->rolled_up);
  source = comm_risk_cell_text (COMM_RISK_CELL_SOURCE, transition);
  g_assert_cmpstr (source, ==, "Rolled up from Test contract risks");
  provider = g_list_model_get_item (view (&f), find_title (view (&f), "Provider failure"));
  g_assert_true (provider->review_overdue);
  review = comm_risk_cell_text (COMM_RISK_CELL_REVIEW_DUE, provider);
  g_assert_true (g_str_has_prefix (review, "Overdue · "));
  text = gtk_label_get_text (f.page->status_label);
  g_assert_nonnull (strstr (text, "3 rolled up from contract registers"));
  g_assert_nonnull (strstr (text, "1 review overdue"));
  g_object_get (f.page, "needs-attention", &attention, NULL);
  g_assert_true (attention);

  /* The heat map reads out as a grid of cells, and its description holds the counts. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f.page->heat_map), GTK_ACCESSIBLE_ROLE_GRID);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (comm_heat_map_view_get_cell (f.page->heat_map, 1, 2, 3)),
                                   GTK_ACCESSIBLE_ROLE_GRID_CELL);
  open = g_list_store_new (COMM_TYPE_RISK);
  for (guint k = 0; k < n_shown (&f); k++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (view (&f), k);

      if (risk->status == COMM_RISK_STATUS_OPEN)
        g_list_store_append (open, risk);
    }
  comm_heat_map_count (&inherent, COMM_RISK_SCALE_5X5, COMM_HEAT_MAP_INHERENT, G_LIST_MODEL (open));
  comm_heat_map_count (&residual, COMM_RISK_SCALE_5X5, COMM_HEAT_MAP_RESIDUAL, G_LIST_MODEL (open));
  inherent_text = comm_heat_map_to_text (&inherent);
  residual_text = comm_heat_map_to_text (&residual);
  description = g_strdup_printf ("%s\n%s", inherent_text, residual_text);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f.page->heat_map), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);
  {
    g_autofree char *cell = comm_heat_map_describe_cell (&residual, NULL, 2, 3);
    g_autofree char *label = g_strdup_printf ("Residual: %s", cell);

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (comm_heat_map_view_get_cell (f.page->heat_map, 1, 2, 3)),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  }

  /* Export CSV writes the rows shown, in order, with a header. */
  {
    g_autofree char *dir = g_dir_make_tmp ("risks-export-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "risks.csv", NULL);
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_true (comm_risks_export_write (COMM_PAGE (f.page), view (&f), path, FALSE));
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    lines = g_strsplit (contents, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, n_shown (&f) + 2);  /* header, rows, "" after the last CRLF */
    g_assert_true (g_str_has_prefix (lines[0], "Reference,Title,"));
    g_assert_nonnull (strstr (contents, "Transition to the new provider"));
    g_unlink (path);
    g_rmdir (dir);
  }

  /* The top risks: the open risks rated highest across all registers, on the 5 x 5 map. */
  comm_risks_page_show_register (f.page, 0);
  comm_test_ui_wait (50);
  g_assert_null (f.page->current);
  g_assert_cmpuint (n_shown (&f), >=, 7);
  for (guint k = 0; k < n_shown (&f); k++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (view (&f), k);
      g_assert_cmpint (risk->status, ==, COMM_RISK_STATUS_OPEN);
    }
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "risks-top"));

  fixture_close (&f);
}

/* M/H sorts between M and H on the Low / Medium / High register (inherent rating column). */
static void
test_sort_ranges (void)
{
  Fixture f = { 0 };
  const char *expected[] = { "Low referrals", "Key worker leaves", "Transition to the new provider" };

  fixture_open (&f);
  comm_risks_page_show_register (f.page, f.contract_register_id);
  comm_test_ui_wait (50);
  g_assert_cmpuint (n_shown (&f), ==, 3);

  gtk_column_view_sort_by_column (f.page->column_view, f.page->columns[COMM_RISK_CELL_INHERENT], GTK_SORT_ASCENDING);
  comm_test_ui_wait (0);
  for (guint k = 0; k < 3; k++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (view (&f), k);
      g_assert_cmpstr (risk->title, ==, expected[k]);
    }

  /* Likelihoods alone: L < M < M/H < H, as comm_risk_rating_compare orders them. */
  {
    CommRiskRating m = rating (COMM_RISK_SCALE_LMH, "M"), mh = rating (COMM_RISK_SCALE_LMH, "M/H");
    CommRiskRating h = rating (COMM_RISK_SCALE_LMH, "H");

    g_assert_cmpint (comm_risk_cell_compare_ratings (&m, &m, &mh, &m), <, 0);
    g_assert_cmpint (comm_risk_cell_compare_ratings (&mh, &m, &h, &m), <, 0);
  }

  fixture_close (&f);
}

static CommRiskEditor *
open_new_risk_editor (Fixture *f)
{
  CommRiskEditor *editor;

  comm_test_ui_activate_action (GTK_WIDGET (f->page), "risks.new", NULL);
  comm_test_ui_wait (50);
  editor = (CommRiskEditor *) find_toplevel (COMM_TYPE_RISK_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (comm_risk_editor_is_new (editor));
  return editor;
}

static void
type_into (GtkWidget *root, const char *name, const char *text)
{
  GtkWidget *row = comm_test_ui_find_by_name (root, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  comm_test_ui_wait (0);
}

static void
test_add_risk_by_keyboard (void)
{
  Fixture f = { 0 };
  CommRiskEditor *editor;
  guint before;
  int position;

  fixture_open (&f);
  comm_risks_page_show_register (f.page, f.programme_id);
  comm_test_ui_wait (50);
  before = n_shown (&f);

  editor = open_new_risk_editor (&f);
  type_into (GTK_WIDGET (editor), "title_row", "Market exit of the only local provider");
  type_into (GTK_WIDGET (editor), "inherent_l_row", "6");
  type_into (GTK_WIDGET (editor), "inherent_i_row", "5");
  /* Likelihood 6 on a 5 x 5 scale: the core's message, and no Save. */
  g_assert_nonnull (comm_risk_editor_get_problem (editor));
  g_assert_nonnull (strstr (comm_risk_editor_get_problem (editor), "6"));
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (editor), "save_button")));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (editor), "risk-editor-invalid"));

  type_into (GTK_WIDGET (editor), "inherent_l_row", "4");
  /* 4 x 5 = 20 is Very high: it needs an owner. */
  g_assert_nonnull (comm_risk_editor_get_problem (editor));
  type_into (GTK_WIDGET (editor), "owner_row", "J. Patel");
  type_into (GTK_WIDGET (editor), "residual_l_row", "m/h");  /* not a 5 x 5 value */
  g_assert_nonnull (comm_risk_editor_get_problem (editor));
  type_into (GTK_WIDGET (editor), "residual_l_row", "2");
  type_into (GTK_WIDGET (editor), "residual_i_row", "4");
  g_assert_null (comm_risk_editor_get_problem (editor));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (editor), "risk-editor"));
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  comm_test_ui_wait (50);
  g_assert_null (find_toplevel (COMM_TYPE_RISK_EDITOR));

  g_assert_cmpuint (n_shown (&f), ==, before + 1);
  position = find_title (view (&f), "Market exit of the only local provider");
  g_assert_cmpint (position, >=, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (f.page->selection), ==, (guint) position);

  /* Ctrl+Z takes the add back. */
  comm_test_ui_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  g_assert_cmpuint (n_shown (&f), ==, before);
  g_assert_cmpint (find_title (view (&f), "Market exit of the only local provider"), <, 0);

  /* Return on a row opens it. */
  select_title (&f, "Staff turnover");
  g_signal_emit_by_name (f.page->column_view, "activate", gtk_single_selection_get_selected (f.page->selection));
  comm_test_ui_wait (50);
  editor = (CommRiskEditor *) find_toplevel (COMM_TYPE_RISK_EDITOR);
  g_assert_nonnull (editor);
  g_assert_false (comm_risk_editor_is_new (editor));
  g_assert_cmpstr (comm_risk_editor_get_working_copy (editor)->title, ==, "Staff turnover");
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  g_assert_null (find_toplevel (COMM_TYPE_RISK_EDITOR));

  /* Delete, then undo it. */
  select_title (&f, "Budget overspend");
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "risks.delete", NULL);
  g_assert_cmpint (find_title (view (&f), "Budget overspend"), <, 0);
  comm_test_ui_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  g_assert_cmpint (find_title (view (&f), "Budget overspend"), >=, 0);

  /* Duplicate gets the next reference and can be undone. */
  select_title (&f, "Data breach");
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "risks.duplicate", NULL);
  g_assert_cmpint (find_title (view (&f), "Data breach (copy)"), >=, 0);
  comm_test_ui_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  g_assert_cmpint (find_title (view (&f), "Data breach (copy)"), <, 0);

  fixture_close (&f);
}

static void
test_review_history (void)
{
  Fixture f = { 0 };
  CommRiskReviewDialog *dialog;
  CommRiskEditor *editor;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(CommRisk) risk = NULL;
  GtkWidget *error_label, *history;
  GDate today;

  fixture_open (&f);
  comm_risks_page_show_register (f.page, f.programme_id);
  comm_test_ui_wait (50);
  select_title (&f, "Provider failure");

  comm_test_ui_activate_action (GTK_WIDGET (f.page), "risks.review", NULL);
  dialog = (CommRiskReviewDialog *) find_toplevel (COMM_TYPE_RISK_REVIEW_DIALOG);
  g_assert_nonnull (dialog);
  error_label = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "error_label");

  /* A review dated before the risk was raised is refused by the store, with its message. */
  type_into (GTK_WIDGET (dialog), "reviewer_row", "S. Ahmed");
  type_into (GTK_WIDGET (dialog), "date_row", "2025-12-01");
  type_into (GTK_WIDGET (dialog), "likelihood_row", "2");
  type_into (GTK_WIDGET (dialog), "impact_row", "4");
  comm_test_ui_activate_action (GTK_WIDGET (dialog), "review.save", NULL);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "before"));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "risk-review-refused"));

  type_into (GTK_WIDGET (dialog), "date_row", "2026-11-20");
  comm_test_ui_activate_action (GTK_WIDGET (dialog), "review.save", NULL);
  comm_test_ui_wait (50);
  g_assert_null (find_toplevel (COMM_TYPE_RISK_REVIEW_DIALOG));

  /* The review is kept and set the residual ratings (2 x 4). */
  risk = g_list_model_get_item (view (&f), find_title (view (&f), "Provider failure"));
  g_assert_cmpuint (risk->residual_likelihood.low, ==, 2);
  g_assert_cmpuint (risk->residual_impact.low, ==, 4);
  reviews = comm_risk_store_list_reviews (f.db, risk->id, NULL);
  g_assert_cmpuint (reviews->len, ==, 1);
  comm_date_today (&today);

  /* A second review adds to the history; the editor lists both, newest first. */
  select_title (&f, "Provider failure");
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "risks.review", NULL);
  dialog = (CommRiskReviewDialog *) find_toplevel (COMM_TYPE_RISK_REVIEW_DIALOG);
  type_into (GTK_WIDGET (dialog), "reviewer_row", "A. Khan");
  type_into (GTK_WIDGET (dialog), "likelihood_row", "3");
  comm_test_ui_activate_action (GTK_WIDGET (dialog), "review.save", NULL);
  comm_test_ui_wait (50);
  g_clear_pointer (&reviews, g_ptr_array_unref);
  reviews = comm_risk_store_list_reviews (f.db, risk->id, NULL);
  g_assert_cmpuint (reviews->len, ==, 2);

  select_title (&f, "Provider failure");
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "risks.edit", NULL);
  editor = (CommRiskEditor *) find_toplevel (COMM_TYPE_RISK_EDITOR);
  g_assert_nonnull (editor);
  history = comm_test_ui_find_by_name (GTK_WIDGET (editor), "history_list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (history), 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (history), 2));
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                   gtk_list_box_get_row_at_index (GTK_LIST_BOX (history), 0))), "A. Khan"));
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (comm_test_ui_find_by_type (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    comm_test_ui_wait (50);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (editor), "risk-editor-history"));
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);

  fixture_close (&f);
}

static void
test_scale_change_preview (void)
{
  Fixture f = { 0 };
  CommRiskRegisterEditor *editor;
  g_autoptr(CommRiskRegister) stored = NULL;
  GtkWindow *preview;
  GtkWidget *list;

  fixture_open (&f);
  comm_risks_page_show_register (f.page, f.contract_register_id);
  comm_test_ui_wait (50);
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "risks.edit-register", NULL);
  editor = (CommRiskRegisterEditor *) find_toplevel (COMM_TYPE_RISK_REGISTER_EDITOR);
  g_assert_nonnull (editor);

  /* Choosing 5 x 5 shows the mapping and asks; "Keep" leaves the scale alone. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (comm_test_ui_find_by_name (GTK_WIDGET (editor), "scale_row")), 0);
  comm_test_ui_wait (50);
  preview = comm_risk_register_editor_get_preview (editor);
  g_assert_nonnull (preview);
  list = comm_test_ui_find_by_name (GTK_WIDGET (preview), "preview_list");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (list)), "Transition to the new provider"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (list)), "M/H → 4"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (list)), "check"));
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (preview), "risk-scale-preview"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (preview), "keep");
  comm_test_ui_wait (50);
  g_assert_cmpint (comm_risk_register_editor_get_scale (editor), ==, COMM_RISK_SCALE_LMH);

  /* Again, and change it: applied on Save. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (comm_test_ui_find_by_name (GTK_WIDGET (editor), "scale_row")), 0);
  comm_test_ui_wait (50);
  preview = comm_risk_register_editor_get_preview (editor);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (preview), "change");
  comm_test_ui_wait (50);
  g_assert_cmpint (comm_risk_register_editor_get_scale (editor), ==, COMM_RISK_SCALE_5X5);
  comm_test_ui_activate_action (GTK_WIDGET (editor), "register.save", NULL);
  comm_test_ui_wait (50);

  stored = comm_risk_register_store_get (f.db, f.contract_register_id, NULL);
  g_assert_cmpint (stored->scale, ==, COMM_RISK_SCALE_5X5);
  g_assert_cmpint (f.page->current_id, ==, f.contract_register_id);
  g_assert_cmpint (f.page->view_scale, ==, COMM_RISK_SCALE_5X5);

  fixture_close (&f);
}

static CommReportDialog *
find_report_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (COMM_IS_REPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* "Print or PDF…" opens the Reports dialog on the risk register report for the register shown,
 * whose PDF holds that register's risks (and no other register's). */
static void
test_register_report (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("risks-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "register.pdf", NULL);
  g_autofree char *text_path = g_build_filename (dir, "register.txt", NULL);
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  CommReportDialog *dialog;
  GtkWidget *subject_row;

  fixture_open (&f);
  comm_risks_page_show_register (f.page, f.contract_register_id);
  comm_test_ui_wait (100);
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "risks.report", NULL);
  comm_test_ui_wait (100);
  dialog = find_report_dialog ();
  g_assert_nonnull (dialog);
  for (guint i = 0; i < 400 && comm_report_dialog_get_busy (dialog); i++)
    comm_test_ui_wait (25);
  g_assert_false (comm_report_dialog_get_busy (dialog));

  subject_row = comm_test_ui_find_by_name (GTK_WIDGET (dialog), "subject_row");
  g_assert_nonnull (subject_row);
  g_assert_true (gtk_widget_get_visible (subject_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (subject_row)), ==, "Risk _register");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (subject_row))),
                   ==, "Test contract risks");
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "risks-report-dialog"));

  comm_report_dialog_export_to (dialog, pdf);
  for (guint i = 0; i < 400 && comm_report_dialog_get_busy (dialog); i++)
    comm_test_ui_wait (25);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  command = g_strdup_printf ("pdftotext -layout '%s' '%s'", pdf, text_path);
  g_assert_cmpint (system (command), ==, 0);
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Test contract risks"));
  g_assert_nonnull (strstr (text, "Key worker leaves"));
  g_assert_null (strstr (text, "Provider failure"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&f);
}

static void
test_styles (void)
{
  Fixture f = { 0 };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GSettings) a11y = NULL;
  GSettingsSchema *schema;

  fixture_open (&f);
  comm_risks_page_show_register (f.page, f.programme_id);
  comm_test_ui_wait (50);
  click_cell (&f, COMM_HEAT_MAP_RESIDUAL, 2, 3);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  comm_test_ui_wait (100);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "risks-page-dark"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            "org.gnome.desktop.a11y.interface", TRUE);
  if (schema != NULL)
    {
      g_settings_schema_unref (schema);
      a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
      g_settings_set_boolean (a11y, "high-contrast", TRUE);
      comm_test_ui_wait (100);
    }
  if (adw_style_manager_get_high_contrast (style))
    {
      g_free (comm_test_ui_save_screenshot (GTK_WIDGET (f.window), "risks-page-high-contrast"));
      g_settings_set_boolean (a11y, "high-contrast", FALSE);
      comm_test_ui_wait (100);
    }
  else
    g_test_message ("High contrast could not be switched on here; no high-contrast screenshot");

  fixture_close (&f);
}

/* Register Settings offers Delete for a register with no risks only (and says why not), asks
 * first, and the tab then shows the top risks. */
static void
test_delete_register (void)
{
  Fixture f = { 0 };
  CommRiskRegisterEditor *editor;
  g_autoptr(CommRiskRegister) gone = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *question;
  gint64 empty_id;

  fixture_open (&f);
  empty_id = add_register (f.db, "Empty register", COMM_RISK_REGISTER_PROGRAMME, COMM_RISK_SCALE_5X5, 0, 0);
  comm_risks_page_refresh (f.page, 0);

  /* A register with risks: shown, greyed, and why */
  comm_risks_page_show_register (f.page, f.programme_id);
  comm_test_ui_wait (50);
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "risks.edit-register", NULL);
  editor = (CommRiskRegisterEditor *) find_toplevel (COMM_TYPE_RISK_REGISTER_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (comm_test_ui_find_by_name (GTK_WIDGET (editor), "delete_register_button")));
  g_assert_false (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (editor), "delete_register_button")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (
    comm_test_ui_find_by_name (GTK_WIDGET (editor), "delete_register_button"), ADW_TYPE_ACTION_ROW))), ==,
                   "It holds 5 risks: delete or move them first.");
  gtk_window_destroy (GTK_WINDOW (editor));
  comm_test_ui_wait (50);

  /* The empty one: asked, then deleted */
  comm_risks_page_show_register (f.page, empty_id);
  comm_test_ui_wait (50);
  g_assert_cmpint (f.page->current_id, ==, empty_id);
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "risks.edit-register", NULL);
  editor = (CommRiskRegisterEditor *) find_toplevel (COMM_TYPE_RISK_REGISTER_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_is_sensitive (comm_test_ui_find_by_name (GTK_WIDGET (editor), "delete_register_button")));
  comm_test_ui_activate_action (GTK_WIDGET (editor), "register.delete", NULL);
  comm_test_ui_wait (50);
  question = GTK_WINDOW (comm_test_ui_find_message_dialog ());
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==, "Delete the register “Empty register”?");
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (question), "risk-register-delete-question"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "delete");
  comm_test_ui_wait (100);

  gone = comm_risk_register_store_get (f.db, empty_id, &error);
  g_assert_null (gone);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_assert_null (find_toplevel (COMM_TYPE_RISK_REGISTER_EDITOR));
  g_assert_cmpint (f.page->current_id, ==, 0);

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

  g_test_add_func ("/risks-page/heat-map-filters-the-list", test_heat_map_filters_the_list);
  g_test_add_func ("/risks-page/roll-up-and-overdue", test_roll_up_marked_and_overdue);
  g_test_add_func ("/risks-page/sort-ranges", test_sort_ranges);
  g_test_add_func ("/risks-page/add-risk-by-keyboard", test_add_risk_by_keyboard);
  g_test_add_func ("/risks-page/review-history", test_review_history);
  g_test_add_func ("/risks-page/scale-change-preview", test_scale_change_preview);
  g_test_add_func ("/risks-page/delete-register", test_delete_register);
  g_test_add_func ("/risks-page/register-report", test_register_report);
  g_test_add_func ("/risks-page/styles", test_styles);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
