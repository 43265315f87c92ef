/* comm-report-risks.c: "risks" - one risk register (--register NAME) for a committee
 *
 * The register's details, the inherent and residual heat maps of its open risks side by side
 * (drawn by comm_heat_map_draw(), the same drawing as the Risks tab), the same counts as a
 * table of the cells that hold risks, then every risk of the register - its own, then those that
 * roll up into it, marked with their register - with ratings, response, review due and status.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-error.h"
#include "comm-heat-map.h"
#include "comm-reports-private.h"
#include "comm-risk-store.h"

#define MAPS_HEIGHT 250.0

typedef struct {
  CommHeatMapCounts inherent;
  CommHeatMapCounts residual;
  CommRiskBands     bands;
  char             *titles[2];
} MapsDrawing;

static void
maps_drawing_free (gpointer data)
{
  MapsDrawing *maps = data;

  g_free (maps->titles[0]);
  g_free (maps->titles[1]);
  g_free (maps);
}

static void
draw_maps (cairo_t *cr,
           double   width,
           double   height,
           gpointer data)
{
  MapsDrawing *maps = data;
  const CommHeatMapCounts *counts[2] = { &maps->inherent, &maps->residual };
  double gap = 24.0;
  double each = MIN ((width - gap) / 2, height * 1.15);

  for (guint k = 0; k < 2; k++)
    {
      CommHeatMapStyle style;

      comm_heat_map_style_init (&style);
      style.title = maps->titles[k];
      style.bands = &maps->bands;
      cairo_save (cr);
      cairo_translate (cr, k * (each + gap), 0);
      comm_heat_map_draw (cr, each, height, counts[k], &style);
      cairo_restore (cr);
    }
}

/* The open risks of @risks, as a new store, for the heat maps. */
static GListStore *
open_risks (GListModel *risks)
{
  GListStore *open = g_list_store_new (COMM_TYPE_RISK);

  for (guint n = 0; n < g_list_model_get_n_items (risks); n++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (risks, n);

      if (risk->status == COMM_RISK_STATUS_OPEN)
        g_list_store_append (open, risk);
    }
  return open;
}

static void
add_details (CommReportDocument *document,
             CommRiskRegister   *reg,
             GListModel         *risks)
{
  guint open = 0, overdue = 0, rolled = 0, n = g_list_model_get_n_items (risks);
  g_autofree char *counts = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (risks, i);

      open += risk->status == COMM_RISK_STATUS_OPEN;
      overdue += risk->review_overdue;
      rolled += risk->rolled_up;
    }
  comm_report_document_add_key_value (document, _("Register for"), comm_risk_register_kind_label (reg->kind));
  if (*reg->programme != '\0')
    comm_report_document_add_key_value (document, _("Programme"), reg->programme);
  if (*reg->contract_reference != '\0')
    comm_report_document_add_key_value (document, _("Contract"), reg->contract_reference);
  if (*reg->parent_name != '\0')
    comm_report_document_add_key_value (document, _("Rolls up into"), reg->parent_name);
  comm_report_document_add_key_value (document, _("Scale"), comm_risk_scale_label (reg->scale));
  if (*reg->owner != '\0')
    comm_report_document_add_key_value (document, _("Kept by"), reg->owner);
  counts = g_strdup_printf (_("%u in all: %u open, %u closed. Reviews overdue: %u. Rolled up from "
                              "contract and procurement registers: %u."),
                            n, open, n - open, overdue, rolled);
  comm_report_document_add_key_value (document, _("Risks"), counts);
}

static void
add_maps (CommReportDocument *document,
          CommRiskRegister   *reg,
          GListModel         *risks)
{
  g_autoptr(GListStore) open = open_risks (risks);
  MapsDrawing *maps = g_new0 (MapsDrawing, 1);
  CommReportTable *table;

  comm_heat_map_count (&maps->inherent, reg->scale, COMM_HEAT_MAP_INHERENT, G_LIST_MODEL (open));
  comm_heat_map_count (&maps->residual, reg->scale, COMM_HEAT_MAP_RESIDUAL, G_LIST_MODEL (open));
  comm_risk_register_get_bands (reg, &maps->bands);
  maps->titles[0] = g_strdup_printf (_("Inherent (%u open risks)"), maps->inherent.total);
  maps->titles[1] = g_strdup_printf (_("Residual (%u open risks)"), maps->residual.total);
  comm_report_document_add_heading (document, _("Heat maps of the open risks"));
  comm_report_document_add_drawing (document, 0, MAPS_HEIGHT, draw_maps, maps, maps_drawing_free);
  if (maps->inherent.wide_ranges > 0)
    comm_report_document_add_paragraph (document, _("Ratings of L/H (anywhere from Low to High) are "
                                                    "shown in the M row or column."));

  /* The same counts as text, for readers who cannot see the drawing. */
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Likelihood"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Impact"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Band"), 1, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Inherent"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Residual"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  for (int l = COMM_HEAT_MAP_SIZE - 1; l >= 0; l--)
    for (int i = COMM_HEAT_MAP_SIZE - 1; i >= 0; i--)
      {
        g_autofree char *inherent = g_strdup_printf ("%u", maps->inherent.cells[l][i]);
        g_autofree char *residual = g_strdup_printf ("%u", maps->residual.cells[l][i]);

        if (maps->inherent.cells[l][i] == 0 && maps->residual.cells[l][i] == 0)
          continue;
        comm_report_table_begin_row (table);
        comm_report_table_add_cell (table, comm_heat_map_axis_label (reg->scale, l), COMM_REPORT_CELL_PLAIN);
        comm_report_table_add_cell (table, comm_heat_map_axis_label (reg->scale, i), COMM_REPORT_CELL_PLAIN);
        comm_report_table_add_cell (table, comm_heat_map_cell_band_name (reg->scale, &maps->bands, l, i),
                                    COMM_REPORT_CELL_PLAIN);
        comm_report_table_add_cell (table, inherent, COMM_REPORT_CELL_PLAIN);
        comm_report_table_add_cell (table, residual, COMM_REPORT_CELL_PLAIN);
      }
}

/* "4 × 5 = 20" or "M/H × H = H"; "" if not rated. The style tints by band. */
static char *
rating_text (const CommRiskRating *likelihood,
             const CommRiskRating *impact,
             const CommRiskBands  *bands,
             CommReportCellStyle  *style)
{
  g_autofree char *score = comm_risk_dup_score_text (likelihood, impact);
  guint severity = comm_risk_severity (likelihood, impact);
  int band = comm_risk_bands_find (bands, severity);

  *style = COMM_REPORT_CELL_PLAIN;
  if (severity == 0)
    {
      *style = COMM_REPORT_CELL_ITALIC;
      return g_strdup (_("not assessed"));
    }
  if (likelihood->scale == COMM_RISK_SCALE_LMH)
    {
      CommRiskRating combined = comm_risk_combine_lmh (likelihood, impact);

      band = combined.high == COMM_RISK_LEVEL_HIGH ? 2 : combined.high == COMM_RISK_LEVEL_MEDIUM ? 1 : 0;
    }
  *style = band >= 2 ? COMM_REPORT_CELL_TINT_RED : band == 1 ? COMM_REPORT_CELL_TINT_AMBER
                                                             : COMM_REPORT_CELL_TINT_GREEN;
  return g_strdup_printf ("%s × %s = %s", comm_risk_rating_to_string (likelihood),
                          comm_risk_rating_to_string (impact), score);
}

static void
add_risk_row (CommReportTable     *table,
              CommRisk            *risk,
              const CommRiskBands *bands,
              gboolean             show_register)
{
  CommReportCellStyle inherent_style, residual_style;
  g_autofree char *inherent = rating_text (&risk->inherent_likelihood, &risk->inherent_impact,
                                           bands, &inherent_style);
  g_autofree char *residual = rating_text (&risk->residual_likelihood, &risk->residual_impact,
                                           bands, &residual_style);
  g_autofree char *due = _comm_report_date (risk->review_due, "—");
  g_autofree char *due_text = risk->review_overdue ? g_strdup_printf (_("%s (overdue)"), due) : g_strdup (due);

  comm_report_table_begin_row (table);
  comm_report_table_add_cell (table, risk->reference, COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, risk->title, COMM_REPORT_CELL_PLAIN);
  if (show_register)
    comm_report_table_add_cell (table, risk->rolled_up ? risk->register_name : _("this register"),
                                risk->rolled_up ? COMM_REPORT_CELL_PLAIN : COMM_REPORT_CELL_ITALIC);
  comm_report_table_add_cell (table, *risk->owner != '\0' ? risk->owner : _("none"),
                              *risk->owner != '\0' ? COMM_REPORT_CELL_PLAIN : COMM_REPORT_CELL_ITALIC);
  comm_report_table_add_cell (table, inherent, inherent_style);
  comm_report_table_add_cell (table, residual, residual_style);
  comm_report_table_add_cell (table, comm_risk_response_label (risk->response), COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, due_text, risk->review_overdue ? COMM_REPORT_CELL_BOLD : COMM_REPORT_CELL_PLAIN);
  comm_report_table_add_cell (table, comm_risk_status_label (risk->status), COMM_REPORT_CELL_PLAIN);
}

static gboolean
add_risks (CommReportDocument  *document,
           CommRiskRegister    *reg,
           GListModel          *risks,
           GCancellable        *cancellable,
           GError             **error)
{
  static const char *const headers[] = {
    N_("Ref"), N_("Title"), N_("Register"), N_("Owner"), N_("Inherent"), N_("Residual"),
    N_("Response"), N_("Review due"), N_("Status"),
  };
  static const double widths[] = { COMM_REPORT_WIDTH_FIT, 3, 1.6, 1.4, COMM_REPORT_WIDTH_FIT,
                                   COMM_REPORT_WIDTH_FIT, 1, COMM_REPORT_WIDTH_FIT, COMM_REPORT_WIDTH_FIT };
  guint n = g_list_model_get_n_items (risks);
  gboolean show_register = FALSE;
  CommReportTable *table;
  CommRiskBands bands;

  comm_risk_register_get_bands (reg, &bands);
  for (guint i = 0; i < n && !show_register; i++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (risks, i);

      show_register = risk->rolled_up;
    }
  comm_report_document_add_heading (document, _("Risks"));
  if (n == 0)
    {
      comm_report_document_add_paragraph (document, _("The register holds no risks."));
      return TRUE;
    }
  table = comm_report_document_add_table (document);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    if (c != 2 || show_register)
      comm_report_table_add_column (table, _(headers[c]), widths[c], COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (risks, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      add_risk_row (table, risk, &bands, show_register);
    }
  return TRUE;
}

CommReportDocument *
_comm_report_risks_build (CommDatabase             *db,
                          const CommReportOptions  *options,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autoptr(CommRiskRegister) reg = NULL;
  g_autoptr(GListStore) risks = NULL;
  g_autoptr(CommReportDocument) document = NULL;
  g_autofree char *title = NULL;

  if (options->register_name == NULL || *options->register_name == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The risk register report is about one register: say which, by its name."));
      return NULL;
    }
  if ((reg = comm_risk_register_store_find (db, options->register_name, error)) == NULL ||
      (risks = comm_risk_store_list (db, reg->id, &options->today, error)) == NULL)
    return NULL;

  title = g_strdup_printf (_("Risk register: %s"), reg->name);
  document = _comm_report_new_document (db, title, COMM_REPORT_LANDSCAPE, options);
  add_details (document, reg, G_LIST_MODEL (risks));
  add_maps (document, reg, G_LIST_MODEL (risks));
  if (!add_risks (document, reg, G_LIST_MODEL (risks), cancellable, error))
    return NULL;
  return g_steal_pointer (&document);
}
