/* test-risks-views.c: what is shown of the risks - heat map counts, text and drawing; contract
 * banding for the contracts tab; the demo's registers */
#include "config.h"

#include <string.h>

#include "test-risks-fixtures.h"

static void
test_heat_map (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskRegister) p = add_register (db, "P", COMM_RISK_REGISTER_PROGRAMME, S5, 0, 0);
  g_autoptr(CommRiskRegister) c = add_register (db, "C", COMM_RISK_REGISTER_PROCUREMENT, LMH, p->id, 0);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cell = NULL;
  CommHeatMapCounts inherent, residual, lmh_counts;
  CommHeatMapStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint sum = 0, in_cells = 0, l, i;

  g_object_unref (save_risk (db, p, "a", "4", "5"));
  g_object_unref (save_risk (db, p, "b", "4", "5"));
  g_object_unref (save_risk (db, p, "c", "1", "1"));
  g_object_unref (save_risk (db, c, "d", "M/H", "H"));
  g_object_unref (save_risk (db, c, "e", "L/H", "L"));
  list = comm_risk_store_list (db, p->id, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  comm_heat_map_count (&inherent, S5, COMM_HEAT_MAP_INHERENT, G_LIST_MODEL (list));
  comm_heat_map_count (&residual, S5, COMM_HEAT_MAP_RESIDUAL, G_LIST_MODEL (list));
  for (l = 0; l < 5; l++)
    for (i = 0; i < 5; i++)
      {
        sum += inherent.cells[l][i];
        for (guint n = 0; n < 5; n++)
          {
            g_autoptr(CommRisk) risk = g_list_model_get_item (G_LIST_MODEL (list), n);

            in_cells += comm_heat_map_risk_in_cell (risk, S5, COMM_HEAT_MAP_INHERENT, l, i);
          }
      }
  g_assert_cmpuint (sum, ==, 5);
  g_assert_cmpuint (in_cells, ==, 5);
  g_assert_cmpuint (inherent.total, ==, 5);
  g_assert_cmpuint (inherent.cells[0][0], ==, 1);
  g_assert_cmpuint (inherent.cells[3][4], ==, 3);     /* 4 x 5 twice, and M/H -> 4 x H -> 5 */
  g_assert_cmpuint (inherent.cells[3][1], ==, 1);     /* L/H -> 4 x L -> 2 */
  g_assert_cmpuint (residual.total, ==, 5);            /* no residual: current = inherent */

  /* On L/M/H the in-between positions are kept; L/H goes to M and is counted as such. */
  comm_heat_map_count (&lmh_counts, LMH, COMM_HEAT_MAP_INHERENT, G_LIST_MODEL (list));
  g_assert_cmpuint (lmh_counts.total, ==, 5);
  g_assert_cmpuint (lmh_counts.cells[3][4], ==, 1);   /* M/H x H */
  g_assert_cmpuint (lmh_counts.cells[2][0], ==, 1);   /* L/H x L */
  g_assert_cmpuint (lmh_counts.wide_ranges, ==, 1);
  g_assert_cmpstr (comm_heat_map_axis_label (LMH, 3), ==, "M/H");

  cell = comm_heat_map_describe_cell (&inherent, NULL, 3, 4);
  g_assert_cmpstr (cell, ==, "Likelihood 4, impact 5: 3 risks (Very high)");
  g_assert_cmpint (comm_heat_map_cell_band (NULL, 0, 0), ==, 0);
  g_assert_cmpstr (comm_heat_map_cell_band_name (S5, NULL, 4, 4), ==, "Very high");
  g_assert_cmpstr (comm_heat_map_cell_band_name (LMH, NULL, 2, 2), ==, "Medium");   /* M x M */
  g_assert_cmpstr (comm_heat_map_cell_band_name (LMH, NULL, 2, 3), ==, "High");     /* M x M/H reaches H */
  g_assert_cmpstr (comm_heat_map_cell_band_name (LMH, NULL, 1, 1), ==, "Medium");   /* L/M x L/M */
  g_assert_cmpstr (comm_heat_map_cell_band_name (LMH, NULL, 0, 4), ==, "Medium");   /* L x H */
  g_assert_cmpint (comm_heat_map_cell_band (NULL, 2, 2), ==, 1);
  text = comm_heat_map_to_text (&inherent);
  g_assert_nonnull (strstr (text, "Inherent risk: 5 risks"));
  g_assert_nonnull (strstr (text, "Likelihood 4   |    0    1    0    0    3"));

  /* The drawing: the click mapping agrees with the cell layout, and it draws pixels. */
  comm_heat_map_style_init (&style);
  style.title = "Inherent";
  style.selected_l = 3;
  style.selected_i = 4;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 360);
  cr = cairo_create (surface);
  comm_heat_map_draw (cr, 400, 360, &inherent, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    guchar *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    guint painted = 0;

    for (int y = 0; y < 360; y += 4)
      for (int x = 0; x < 400; x += 4)
        painted += data[y * stride + x * 4 + 3] != 0;
    g_assert_cmpuint (painted, >, 2000);
  }
  cairo_surface_destroy (surface);
  g_assert_false (comm_heat_map_cell_at (400, 360, &style, 1, 1, &l, &i));
  {
    gboolean found_top_right = FALSE, found_bottom_left = FALSE;

    for (double y = 0; y < 360; y += 3)
      for (double x = 0; x < 400; x += 3)
        if (comm_heat_map_cell_at (400, 360, &style, x, y, &l, &i))
          {
            found_top_right |= (l == 4 && i == 4 && y < 120 && x > 250);
            found_bottom_left |= (l == 0 && i == 0 && y > 200 && x < 150);
          }
    g_assert_true (found_top_right);
    g_assert_true (found_bottom_left);
  }
}

static void
test_banding (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommContractBanding) bad = NULL;
  g_autoptr(CommContractBanding) current = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id2 = 2;

  add_contract (db, "A-1");
  add_contract (db, "A-2");
  add_contract (db, "A-3");
  {
    static const struct { gint64 c; int r, e; const char *on, *why; } rows[] = {
      { 1, 2, 3, "2026-04-01", "Annual review" },
      { 1, 0, 1, "2026-10-01", "Safeguarding concerns" },
      { 2, 3, 2, "2026-05-01", "Good monitoring" },
      { 2, 1, 2, "2026-05-01", "Same-day rebanding" },
    };

    for (guint n = 0; n < G_N_ELEMENTS (rows); n++)
      {
        g_autoptr(CommContractBanding) b = comm_contract_banding_new (rows[n].c, rows[n].r, rows[n].e,
                                                                       rows[n].on, rows[n].why);

        g_assert_true (comm_contract_banding_add (db, b, &error));
        g_assert_no_error (error);
      }
  }
  history = comm_contract_banding_history (db, 1, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((CommContractBanding *) history->pdata[0])->risk_banding, ==, 0);
  current = comm_contract_banding_current (db, 1, &error);
  g_assert_cmpstr (current->reason, ==, "Safeguarding concerns");
  g_assert_null (comm_contract_banding_current (db, 3, &error));
  g_assert_no_error (error);
  all = comm_contract_banding_current_all (db, &error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 2);
  g_assert_cmpint (((CommContractBanding *) g_hash_table_lookup (all, &id2))->risk_banding, ==, 1);

  bad = comm_contract_banding_new (1, 4, 1, "2026-11-01", "x");
  g_assert_false (comm_contract_banding_add (db, bad, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  bad->risk_banding = 3;
  bad->equality_banding = 0;
  g_assert_false (comm_contract_banding_add (db, bad, &error));
  g_clear_error (&error);
  bad->equality_banding = 3;
  comm_risk_set_text (&bad->reason, " ");
  g_assert_false (comm_contract_banding_add (db, bad, &error));
  g_clear_error (&error);
  comm_risk_set_text (&bad->reason, "ok");
  bad->contract_id = 99;
  g_assert_false (comm_contract_banding_add (db, bad, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM contract_bandings"), ==, 4);
  g_assert_cmpstr (comm_risk_banding_label (0), ==, "0 – several major concerns");
  g_assert_cmpstr (comm_equality_banding_label (1), ==, "1 – high impact");
}

static void
test_demo (void)
{
  g_autofree char *dir = comm_test_temp_dir ();
  GDate today;
  g_autoptr(CommDatabase) db = comm_test_demo_workspace (dir, "demo.commissioner", &today);
  g_autoptr(GListStore) registers = NULL;
  g_autoptr(GListStore) programme = NULL;
  g_autoptr(GListStore) top = NULL;
  g_autoptr(CommRiskRegister) first = NULL;
  g_autoptr(CommRiskRegister) procurement = NULL;
  g_autoptr(GHashTable) bandings = NULL;
  g_autoptr(GError) error = NULL;
  guint rolled = 0, ranges = 0;

  registers = comm_risk_register_store_list (db, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (registers)), ==, 4);
  first = g_list_model_get_item (G_LIST_MODEL (registers), 0);
  g_assert_cmpstr (first->name, ==, "Early Help Programme 2026-27");
  g_assert_cmpuint (first->n_risks, ==, 15);
  g_assert_cmpuint (first->n_overdue, ==, 1);

  programme = comm_risk_store_list (db, first->id, &today, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programme)), ==, 20);
  for (guint n = 0; n < 20; n++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (G_LIST_MODEL (programme), n);

      rolled += risk->rolled_up;
    }
  g_assert_cmpuint (rolled, ==, 5);

  procurement = comm_risk_register_store_find (db, "Young Carers re-tender", &error);
  g_assert_cmpint (procurement->scale, ==, COMM_RISK_SCALE_LMH);
  g_assert_cmpuint (procurement->n_overdue, ==, 1);
  g_clear_object (&programme);
  programme = comm_risk_store_list (db, procurement->id, &today, &error);
  for (guint n = 0; n < g_list_model_get_n_items (G_LIST_MODEL (programme)); n++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (G_LIST_MODEL (programme), n);

      ranges += risk->inherent_likelihood.low != risk->inherent_likelihood.high;
    }
  g_assert_cmpuint (ranges, >=, 2);

  top = comm_risk_store_top (db, 5, &today, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (top)), ==, 5);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risk_reviews"), >=, 5);
  bandings = comm_contract_banding_current_all (db, &error);
  g_assert_cmpuint (g_hash_table_size (bandings), >=, 40);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risks-views/heat-map", test_heat_map);
  g_test_add_func ("/risks-views/banding", test_banding);
  g_test_add_func ("/risks-views/demo", test_demo);

  return g_test_run ();
}
