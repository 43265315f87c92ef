/* comm-heat-map.c: risk counts per likelihood x impact cell, as text and drawn with cairo/pango */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "comm-heat-map.h"
#include "comm-risk.h"

#define N COMM_HEAT_MAP_SIZE

typedef struct {
  double font;      /* label size in user units */
  double x0, y0;    /* top left of the grid */
  double cell;      /* side of a cell */
  double title_h;
} Layout;

static const char *const lmh_positions[N] = { "L", "L/M", "M", "M/H", "H" };
static const char *const number_positions[N] = { "1", "2", "3", "4", "5" };

/* Light tints per band (low to very high), readable under dark text and in grey. */
static const double band_tints[4][3] = {
  { 0.78, 0.90, 0.78 },
  { 1.00, 0.89, 0.58 },
  { 0.98, 0.72, 0.50 },
  { 0.93, 0.55, 0.55 },
};

static void
compute_layout (double                  width,
                double                  height,
                const CommHeatMapStyle *style,
                Layout                 *layout)
{
  double scale = style != NULL && style->font_scale > 0 ? style->font_scale : 1.0;
  double left, bottom;

  layout->font = CLAMP (MIN (width, height) / 24.0, 6.0, 14.0) * scale;
  layout->title_h = style != NULL && style->title != NULL ? layout->font * 2.0 : layout->font * 0.5;
  left = layout->font * 5.0;     /* rotated "Likelihood" + "M/H" */
  bottom = layout->font * 3.6;   /* tick labels + "Impact" */
  layout->cell = MAX (1.0, MIN (width - left - layout->font, height - layout->title_h - bottom) / N);
  layout->x0 = left;
  layout->y0 = layout->title_h;
}

static int
band_slot (const CommRiskBands *bands,
           int                  band)
{
  if (band < 0)
    return 0;
  if (bands->n_bands <= 1)
    return 0;
  return (band * 3 + (int) (bands->n_bands - 1) / 2) / (int) (bands->n_bands - 1);
}

int
comm_heat_map_position (CommRiskScaleKind     scale,
                        const CommRiskRating *rating)
{
  CommRiskRating mapped;

  if (!comm_risk_rating_is_set (rating))
    return -1;
  mapped = comm_risk_rating_map (rating, scale, NULL);
  if (scale == COMM_RISK_SCALE_5X5)
    return CLAMP ((int) mapped.low - 1, 0, N - 1);
  /* L 0, L/M 1, M (and L/H) 2, M/H 3, H 4 */
  return CLAMP ((int) mapped.low + (int) mapped.high - 2, 0, N - 1);
}

const char *
comm_heat_map_axis_label (CommRiskScaleKind scale,
                          guint             position)
{
  g_return_val_if_fail (position < N, "");
  return scale == COMM_RISK_SCALE_LMH ? lmh_positions[position] : number_positions[position];
}

static void
risk_ratings (CommRisk         *risk,
              CommHeatMapWhich  which,
              CommRiskRating   *likelihood,
              CommRiskRating   *impact)
{
  *likelihood = risk->inherent_likelihood;
  *impact = risk->inherent_impact;
  if (which == COMM_HEAT_MAP_RESIDUAL)
    comm_risk_get_current (risk, likelihood, impact);
}

static gboolean
is_wide_range (const CommRiskRating *rating)
{
  return rating->scale == COMM_RISK_SCALE_LMH && rating->low == COMM_RISK_LEVEL_LOW &&
         rating->high == COMM_RISK_LEVEL_HIGH;
}

static gboolean
risk_cell (CommRisk          *risk,
           CommRiskScaleKind  scale,
           CommHeatMapWhich   which,
           int               *l,
           int               *i)
{
  CommRiskRating likelihood, impact;

  risk_ratings (risk, which, &likelihood, &impact);
  *l = comm_heat_map_position (scale, &likelihood);
  *i = comm_heat_map_position (scale, &impact);
  return *l >= 0 && *i >= 0;
}

void
comm_heat_map_count (CommHeatMapCounts *counts,
                     CommRiskScaleKind  scale,
                     CommHeatMapWhich   which,
                     GListModel        *risks)
{
  guint n_items;

  g_return_if_fail (counts != NULL);
  g_return_if_fail (risks == NULL || G_IS_LIST_MODEL (risks));

  memset (counts, 0, sizeof *counts);
  counts->scale = scale;
  counts->which = which;
  n_items = risks != NULL ? g_list_model_get_n_items (risks) : 0;
  for (guint n = 0; n < n_items; n++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (risks, n);
      CommRiskRating likelihood, impact;
      int l, i;

      if (!risk_cell (risk, scale, which, &l, &i))
        {
          counts->unrated++;
          continue;
        }
      counts->cells[l][i]++;
      counts->total++;
      risk_ratings (risk, which, &likelihood, &impact);
      if (scale == COMM_RISK_SCALE_LMH && (is_wide_range (&likelihood) || is_wide_range (&impact)))
        counts->wide_ranges++;
    }
}

gboolean
comm_heat_map_risk_in_cell (gpointer          risk,
                            CommRiskScaleKind scale,
                            CommHeatMapWhich  which,
                            guint             l,
                            guint             i)
{
  int rl, ri;

  g_return_val_if_fail (COMM_IS_RISK (risk), FALSE);

  return risk_cell (risk, scale, which, &rl, &ri) && (guint) rl == l && (guint) ri == i;
}

int
comm_heat_map_cell_band (const CommRiskBands *bands,
                         guint                l,
                         guint                i)
{
  CommRiskBands defaults;

  if (bands == NULL)
    {
      comm_risk_bands_init_default (&defaults);
      bands = &defaults;
    }
  return comm_risk_bands_find (bands, (l + 1) * (i + 1));
}

/* LMH: the combined level (1-3) of cell (@l, @i), by the high end of the combined range. */
static int
lmh_cell_level (guint l,
                guint i)
{
  static const guint8 ends[N][2] = { { 1, 1 }, { 1, 2 }, { 2, 2 }, { 2, 3 }, { 3, 3 } };
  CommRiskRating likelihood = { COMM_RISK_SCALE_LMH, ends[l][0], ends[l][1] };
  CommRiskRating impact = { COMM_RISK_SCALE_LMH, ends[i][0], ends[i][1] };

  return comm_risk_combine_lmh (&likelihood, &impact).high;
}

static const char *
lmh_level_name (int level)
{
  return level >= COMM_RISK_LEVEL_HIGH ? _("High") : level == COMM_RISK_LEVEL_MEDIUM ? _("Medium") : _("Low");
}

static const char *
band_name (const CommRiskBands *bands,
           int                  band)
{
  CommRiskBands defaults;

  if (bands == NULL)
    {
      comm_risk_bands_init_default (&defaults);
      bands = &defaults;
    }
  return band >= 0 && (guint) band < bands->n_bands ? bands->names[band] : "";
}

const char *
comm_heat_map_cell_band_name (CommRiskScaleKind    scale,
                              const CommRiskBands *bands,
                              guint                l,
                              guint                i)
{
  g_return_val_if_fail (l < N && i < N, "");

  if (scale == COMM_RISK_SCALE_LMH)
    return lmh_level_name (lmh_cell_level (l, i));
  return band_name (bands, comm_heat_map_cell_band (bands, l, i));
}

char *
comm_heat_map_describe_cell (const CommHeatMapCounts *counts,
                             const CommRiskBands     *bands,
                             guint                    l,
                             guint                    i)
{
  guint count;

  g_return_val_if_fail (counts != NULL && l < N && i < N, NULL);

  count = counts->cells[l][i];
  /* Translators: "Likelihood 4, impact 5: 3 risks (Very high)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Likelihood %s, impact %s: %u risk (%s)",
                                       "Likelihood %s, impact %s: %u risks (%s)", count),
                          comm_heat_map_axis_label (counts->scale, l),
                          comm_heat_map_axis_label (counts->scale, i), count,
                          comm_heat_map_cell_band_name (counts->scale, bands, l, i));
}

char *
comm_heat_map_to_text (const CommHeatMapCounts *counts)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (counts != NULL, NULL);

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%s: %u risk", "%s: %u risks", counts->total),
                          counts->which == COMM_HEAT_MAP_INHERENT ? _("Inherent risk") : _("Residual risk"),
                          counts->total);
  if (counts->unrated > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " (%u not rated)", " (%u not rated)",
                                               counts->unrated), counts->unrated);
  g_string_append_c (text, '\n');
  for (int l = N - 1; l >= 0; l--)
    {
      g_string_append_printf (text, "%s %-4s|", _("Likelihood"), comm_heat_map_axis_label (counts->scale, l));
      for (guint i = 0; i < N; i++)
        g_string_append_printf (text, " %4u", counts->cells[l][i]);
      g_string_append_c (text, '\n');
    }
  g_string_append_printf (text, "%*s|", (int) g_utf8_strlen (_("Likelihood"), -1) + 5, _("Impact"));
  for (guint i = 0; i < N; i++)
    g_string_append_printf (text, " %4s", comm_heat_map_axis_label (counts->scale, i));
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

void
comm_heat_map_style_init (CommHeatMapStyle *style)
{
  memset (style, 0, sizeof *style);
  style->selected_l = -1;
  style->selected_i = -1;
  style->font_scale = 1.0;
}

gboolean
comm_heat_map_cell_at (double                  width,
                       double                  height,
                       const CommHeatMapStyle *style,
                       double                  x,
                       double                  y,
                       guint                  *l,
                       guint                  *i)
{
  Layout layout;
  double col, row;

  compute_layout (width, height, style, &layout);
  col = (x - layout.x0) / layout.cell;
  row = (y - layout.y0) / layout.cell;
  if (col < 0 || row < 0 || col >= N || row >= N)
    return FALSE;
  *i = (guint) col;
  *l = N - 1 - (guint) row;
  return TRUE;
}

/* Text centred on (@cx, @cy) in @layout (one per drawing, reused); returns the width drawn (0
 * if skipped because wider than @max_width, when that is > 0). */
static double
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       size,
           gboolean     bold,
           double       cx,
           double       cy,
           double       max_width,
           double       angle)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  if (max_width > 0 && (double) w / PANGO_SCALE > max_width)
    return 0;
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_rotate (cr, angle);
  if (angle != 0)
    pango_cairo_update_layout (cr, layout);
  cairo_move_to (cr, -(double) w / PANGO_SCALE / 2, -(double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  if (angle != 0)
    pango_cairo_update_layout (cr, layout);
  return (double) w / PANGO_SCALE;
}

/* The band's pattern over a cell (clipped): none, dots, diagonals, crossed diagonals. */
static void
draw_pattern (cairo_t *cr,
              int      slot,
              double   x,
              double   y,
              double   side)
{
  double step = MAX (4.0, side / 7.0);

  if (slot <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, side, side);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, 0.15, 0.15, 0.15, 0.28);
  cairo_set_line_width (cr, MAX (0.6, side / 60.0));
  if (slot == 1)
    {
      for (double dy = step / 2; dy < side; dy += step)
        for (double dx = step / 2; dx < side; dx += step)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x + dx, y + dy, MAX (0.8, side / 70.0), 0, 2 * G_PI);
          }
      cairo_fill (cr);
    }
  else
    {
      for (double d = -side; d < side; d += step)
        {
          cairo_move_to (cr, x + d, y + side);
          cairo_line_to (cr, x + d + side, y);
          if (slot >= 3)
            {
              cairo_move_to (cr, x + d, y);
              cairo_line_to (cr, x + d + side, y + side);
            }
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_cell (cairo_t                 *cr,
           PangoLayout             *text,
           const Layout            *layout,
           const CommHeatMapCounts *counts,
           const CommRiskBands     *bands,
           guint                    l,
           guint                    i)
{
  double x = layout->x0 + i * layout->cell;
  double y = layout->y0 + (N - 1 - l) * layout->cell;
  int band = comm_heat_map_cell_band (bands, l, i);
  int slot = band_slot (bands, band);
  const char *name = comm_heat_map_cell_band_name (counts->scale, bands, l, i);

  if (counts->scale == COMM_RISK_SCALE_LMH)
    slot = lmh_cell_level (l, i) == COMM_RISK_LEVEL_HIGH ? 3 : lmh_cell_level (l, i) - 1;
  guint count = counts->cells[l][i];
  g_autofree char *number = NULL;

  cairo_rectangle (cr, x, y, layout->cell, layout->cell);
  cairo_set_source_rgba (cr, band_tints[slot][0], band_tints[slot][1], band_tints[slot][2],
                         count > 0 ? 1.0 : 0.55);
  cairo_fill (cr);
  draw_pattern (cr, slot, x, y, layout->cell);
  if (count == 0)
    return;
  number = g_strdup_printf ("%u", count);
  /* A pale disc under the count keeps it readable over the pattern. */
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_arc (cr, x + layout->cell / 2, y + layout->cell * 0.42, layout->cell * 0.24, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
  draw_text (cr, text, number, layout->font * 1.25, TRUE, x + layout->cell / 2, y + layout->cell * 0.42, 0, 0);
  draw_text (cr, text, name, layout->font * 0.7, FALSE, x + layout->cell / 2,
             y + layout->cell * 0.84, layout->cell * 0.95, 0);
}

static void
draw_axes (cairo_t                 *cr,
           PangoLayout             *text,
           const Layout            *layout,
           const CommHeatMapCounts *counts,
           const CommHeatMapStyle  *style,
           double                   width)
{
  double side = layout->cell * N;
  double ink = style->dark ? 0.92 : 0.1;

  cairo_set_source_rgb (cr, ink, ink, ink);
  for (guint p = 0; p < N; p++)
    {
      const char *label = comm_heat_map_axis_label (counts->scale, p);

      draw_text (cr, text, label, layout->font, FALSE, layout->x0 - layout->font * 1.6,
                 layout->y0 + (N - 1 - p + 0.5) * layout->cell, 0, 0);
      draw_text (cr, text, label, layout->font, FALSE, layout->x0 + (p + 0.5) * layout->cell,
                 layout->y0 + side + layout->font * 0.9, 0, 0);
    }
  draw_text (cr, text, _("Likelihood"), layout->font, TRUE, layout->font * 0.9,
             layout->y0 + side / 2, 0, -G_PI / 2);
  draw_text (cr, text, _("Impact"), layout->font, TRUE, layout->x0 + side / 2,
             layout->y0 + side + layout->font * 2.6, 0, 0);
  if (style->title != NULL)
    draw_text (cr, text, style->title, layout->font * 1.2, TRUE, MIN (layout->x0 + side / 2, width / 2),
               layout->title_h / 2, 0, 0);
}

void
comm_heat_map_draw (cairo_t                 *cr,
                    double                   width,
                    double                   height,
                    const CommHeatMapCounts *counts,
                    const CommHeatMapStyle  *style)
{
  CommHeatMapStyle defaults;
  CommRiskBands default_bands;
  const CommRiskBands *bands;
  PangoLayout *text;
  Layout layout;
  double ink;

  g_return_if_fail (cr != NULL && counts != NULL);

  if (style == NULL)
    {
      comm_heat_map_style_init (&defaults);
      style = &defaults;
    }
  comm_risk_bands_init_default (&default_bands);
  bands = style->bands != NULL && counts->scale == COMM_RISK_SCALE_5X5 ? style->bands : &default_bands;
  compute_layout (width, height, style, &layout);
  ink = style->dark ? 0.92 : 0.1;

  cairo_save (cr);
  text = pango_cairo_create_layout (cr);
  for (guint l = 0; l < N; l++)
    for (guint i = 0; i < N; i++)
      draw_cell (cr, text, &layout, counts, bands, l, i);
  /* Grid lines, then the selected cell's outline on top. */
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 1.0);
  for (guint k = 0; k <= N; k++)
    {
      cairo_move_to (cr, layout.x0 + k * layout.cell, layout.y0);
      cairo_line_to (cr, layout.x0 + k * layout.cell, layout.y0 + N * layout.cell);
      cairo_move_to (cr, layout.x0, layout.y0 + k * layout.cell);
      cairo_line_to (cr, layout.x0 + N * layout.cell, layout.y0 + k * layout.cell);
    }
  cairo_stroke (cr);
  if (style->selected_l >= 0 && style->selected_l < N && style->selected_i >= 0 && style->selected_i < N)
    {
      cairo_set_source_rgb (cr, ink, ink, ink);
      cairo_set_line_width (cr, MAX (2.5, layout.cell / 18.0));
      cairo_rectangle (cr, layout.x0 + style->selected_i * layout.cell + 1.5,
                       layout.y0 + (N - 1 - style->selected_l) * layout.cell + 1.5,
                       layout.cell - 3, layout.cell - 3);
      cairo_stroke (cr);
    }
  draw_axes (cr, text, &layout, counts, style, width);
  g_object_unref (text);
  cairo_restore (cr);
}
