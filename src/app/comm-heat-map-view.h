/* comm-heat-map-view.h: the risk heat map on screen - inherent and residual side by side */
#pragma once

#include <gtk/gtk.h>

#include "commissioner-core.h"
#include "comm-heat-map.h"

G_BEGIN_DECLS

#define COMM_TYPE_HEAT_MAP_VIEW (comm_heat_map_view_get_type ())
G_DECLARE_FINAL_TYPE (CommHeatMapView, comm_heat_map_view, COMM, HEAT_MAP_VIEW, GtkWidget)

/* Two likelihood x impact grids (COMM_HEAT_MAP_SIZE positions each way) with the number of
 * risks in each cell, drawn by comm_heat_map_draw() (the PDF report draws the same picture).
 * Each cell is a focusable child (accessible role grid cell, labelled with its ratings and
 * count) laid over the drawing:
 * Tab reaches the map, the arrow keys move between cells (Left and Right cross from one map to
 * the other), Return or Space activates the focused cell, and so does a click.
 * Signal: "cell-activated" (int which: a CommHeatMapWhich, guint likelihood, guint impact):
 * positions count from 0 at the lowest level of the axis, as in comm-heat-map.h. */
GtkWidget *comm_heat_map_view_new           (void);
/* Shows @inherent and @residual (copied; NULL: nothing to show), both on one scale, banded by
 * @bands (NULL: the default bands). */
void       comm_heat_map_view_set_counts    (CommHeatMapView         *self,
                                             const CommHeatMapCounts *inherent,
                                             const CommHeatMapCounts *residual,
                                             const CommRiskBands     *bands);
/* Outlines one cell as the one the list is filtered to; @which -1 for none. */
void       comm_heat_map_view_set_selected  (CommHeatMapView    *self,
                                             int                 which,
                                             guint               likelihood_index,
                                             guint               impact_index);
/* FALSE while there is nothing to show. */
gboolean   comm_heat_map_view_has_counts    (CommHeatMapView    *self);
/* The count shown in a cell. */
guint      comm_heat_map_view_get_count     (CommHeatMapView    *self,
                                             CommHeatMapWhich    which,
                                             guint               likelihood_index,
                                             guint               impact_index);
/* The focusable child for a cell, for tests; NULL when out of range. */
GtkWidget *comm_heat_map_view_get_cell      (CommHeatMapView    *self,
                                             CommHeatMapWhich    which,
                                             guint               likelihood_index,
                                             guint               impact_index);

G_END_DECLS
