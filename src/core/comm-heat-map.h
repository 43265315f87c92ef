/* comm-heat-map.h: how many risks sit in each likelihood x impact cell, drawn with cairo
 *
 * The grid is always 5 x 5 positions. On the 5 x 5 scale a position is the number minus one.
 * On Low / Medium / High the five positions are L, L/M, M, M/H, H, so in-between values show
 * as they were written; L/H (which spans the whole scale) is counted in the M position (its
 * midpoint) and comm_heat_map_counts says how many were so placed.
 * Risks on another scale than the map's (a roll-up mixing registers) are mapped with
 * comm_risk_rating_map() first.
 *
 * Each cell has a band: on 5 x 5 its score (likelihood x impact) in the register's bands; on
 * Low / Medium / High the combined level of its ratings (comm_heat_map_cell_band_name). The drawing shows each band by
 * colour AND by a fill pattern (Low: none, Medium: dots, High: diagonal lines, Very high:
 * crossed lines) AND by a short label, so it reads in grey print and without colour vision.
 * The same drawing function serves the Risks tab (GtkDrawingArea / snapshot cairo node) and
 * the PDF report.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "comm-risk-scale.h"

G_BEGIN_DECLS

#define COMM_HEAT_MAP_SIZE 5

typedef enum {
  COMM_HEAT_MAP_INHERENT,
  COMM_HEAT_MAP_RESIDUAL,   /* residual if assessed, else inherent (the "current" rating) */
} CommHeatMapWhich;

typedef struct {
  CommRiskScaleKind scale;
  CommHeatMapWhich  which;
  /* cells[l][i]: l = likelihood position 0-4 (low to high), i = impact position 0-4 */
  guint             cells[COMM_HEAT_MAP_SIZE][COMM_HEAT_MAP_SIZE];
  guint             total;        /* risks counted (= sum of the cells) */
  guint             unrated;      /* risks left out: no rating of the kind asked for */
  guint             wide_ranges;  /* LMH: L/H ratings placed at M */
} CommHeatMapCounts;

/* The position 0-4 of a rating on @scale (mapping it if it is on the other scale); -1 if unset. */
int          comm_heat_map_position    (CommRiskScaleKind     scale,
                                        const CommRiskRating *rating);
/* The axis label of a position: "1".."5" or "L", "L/M", "M", "M/H", "H" (static). */
const char  *comm_heat_map_axis_label  (CommRiskScaleKind     scale,
                                        guint                 position);

/* Counts @risks (a GListModel of CommRisk; closed risks included - filter first if not wanted)
 * on @scale. Every risk with the ratings asked for is in exactly one cell. */
void         comm_heat_map_count       (CommHeatMapCounts    *counts,
                                        CommRiskScaleKind     scale,
                                        CommHeatMapWhich      which,
                                        GListModel           *risks);
/* TRUE if @risk (a CommRisk) sits in cell (@l, @i) of a map with @scale and @which: for
 * filtering the list when a cell is clicked. */
gboolean     comm_heat_map_risk_in_cell (gpointer             risk,
                                         CommRiskScaleKind    scale,
                                         CommHeatMapWhich     which,
                                         guint                l,
                                         guint                i);

/* The band index (into @bands, NULL = default bands) of cell (@l, @i). */
int          comm_heat_map_cell_band   (const CommRiskBands  *bands,
                                        guint                 l,
                                        guint                 i);
/* The name of the band of cell (@l, @i) on @scale, translated: on 5 x 5 the band of @bands (NULL
 * = default) as comm_heat_map_cell_band(); on Low / Medium / High the combined level
 * (comm_risk_combine_lmh) of the cell's ratings, by its high end - "Low", "Medium" or "High" -
 * so a cell whose range reaches High reads High, as in the owner rule of comm_risk_validate().
 * The drawing uses the same bands on each scale. */
const char  *comm_heat_map_cell_band_name (CommRiskScaleKind    scale,
                                           const CommRiskBands *bands,
                                           guint                l,
                                           guint                i);
/* "Likelihood 4, impact 5: 3 risks (Very high)" - for accessible labels and tooltips. */
char        *comm_heat_map_describe_cell (const CommHeatMapCounts *counts,
                                          const CommRiskBands     *bands,
                                          guint                    l,
                                          guint                    i);
/* The counts as a plain-text table for screen readers and text output: a title line ("Residual
 * risk: 15 risks"), then one line per likelihood from highest to lowest, counts per impact, and
 * a line naming the impact columns. */
char        *comm_heat_map_to_text     (const CommHeatMapCounts *counts);

/* Layout of the drawing in a @width x @height box (user units: pixels on screen, points in
 * PDF): the grid is square, axis labels left and below, a title above. */
typedef struct {
  const char          *title;        /* "Residual", drawn above the grid; NULL for none */
  const CommRiskBands *bands;        /* NULL = default bands */
  int                  selected_l;   /* a cell to outline (the active filter); -1 for none */
  int                  selected_i;
  double               font_scale;   /* 1.0 = 10 pt-ish labels scaled to the box; 0 = 1.0 */
  gboolean             dark;         /* lighter text and lines for a dark background */
} CommHeatMapStyle;

void         comm_heat_map_style_init  (CommHeatMapStyle *style);   /* the defaults above */

/* Draws @counts into (0, 0, @width, @height) of @cr with pango labels: cell tint + pattern by
 * band, the count in each cell (empty cells show nothing), the band's short label in cells with
 * risks, axis labels and titles ("Likelihood", "Impact"). Saves and restores @cr's state. */
void         comm_heat_map_draw        (cairo_t                 *cr,
                                        double                   width,
                                        double                   height,
                                        const CommHeatMapCounts *counts,
                                        const CommHeatMapStyle  *style);
/* The cell under (@x, @y) for a drawing of @width x @height, as drawn by comm_heat_map_draw();
 * FALSE if the point is outside the grid. */
gboolean     comm_heat_map_cell_at     (double                   width,
                                        double                   height,
                                        const CommHeatMapStyle  *style,
                                        double                   x,
                                        double                   y,
                                        guint                   *l,
                                        guint                   *i);

G_END_DECLS
