/* comm-heat-map-view.c: the risk heat map on screen - inherent and residual side by side
 *
 * The picture is the core's (comm_heat_map_draw): snapshot hands it a cairo context, so the
 * screen and the PDF report draw the same thing; the core also outlines the filtered cell.
 * Over each drawn cell sits a transparent child widget of its own (CommHeatMapCell) that takes
 * focus and clicks, shows the focus ring by CSS and tells screen readers its ratings and count:
 * the view is an accessible grid of cells, and its description holds the counts as a table in
 * words (comm_heat_map_to_text).
 */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "comm-heat-map-view.h"

#define N COMM_HEAT_MAP_SIZE
#define GAP 24   /* pixels between the two maps */

/* One cell of one map: a transparent focusable box over the drawing. */
#define COMM_TYPE_HEAT_MAP_CELL (comm_heat_map_cell_get_type ())
G_DECLARE_FINAL_TYPE (CommHeatMapCell, comm_heat_map_cell, COMM, HEAT_MAP_CELL, GtkWidget)

struct _CommHeatMapCell
{
  GtkWidget        parent_instance;

  CommHeatMapWhich which;
  guint            likelihood;  /* position from 0 */
  guint            impact;
};

G_DEFINE_FINAL_TYPE (CommHeatMapCell, comm_heat_map_cell, GTK_TYPE_WIDGET)

struct _CommHeatMapView
{
  GtkWidget          parent_instance;

  CommHeatMapCounts  counts[2];
  CommRiskBands      bands;
  gboolean           has_counts;
  gboolean           has_bands;
  GPtrArray         *cells;       /* CommHeatMapCell*: which-major, then likelihood, then impact */
  int                selected_which;
  guint              selected_likelihood;
  guint              selected_impact;
};

enum { CELL_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommHeatMapView, comm_heat_map_view, GTK_TYPE_WIDGET)

static void
comm_heat_map_cell_class_init (CommHeatMapCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "heatmapcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
comm_heat_map_cell_init (CommHeatMapCell *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

/* Helpers */

static CommHeatMapCell *
cell_at (CommHeatMapView *self,
         guint            which,
         guint            likelihood,
         guint            impact)
{
  if (!self->has_counts || which > 1 || likelihood >= N || impact >= N)
    return NULL;

  return g_ptr_array_index (self->cells, which * N * N + likelihood * N + impact);
}

static const CommRiskBands *
bands_of (CommHeatMapView *self)
{
  return self->has_bands ? &self->bands : NULL;
}

static void
init_style (CommHeatMapView  *self,
            CommHeatMapWhich  which,
            CommHeatMapStyle *style)
{
  comm_heat_map_style_init (style);
  style->title = which == COMM_HEAT_MAP_INHERENT ? _("Inherent") : _("Residual");
  style->bands = bands_of (self);
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  if (self->selected_which == (int) which)
    {
      style->selected_l = (int) self->selected_likelihood;
      style->selected_i = (int) self->selected_impact;
    }
}

/* Each map gets half the width, less the gap. */
static double
map_width (int width)
{
  return MAX (0.0, (width - GAP) / 2.0);
}

/* Where the core's drawing puts the cells of a @width x @height map: found by asking
 * comm_heat_map_cell_at() along one line across and one line down through the grid, so the
 * focus boxes sit exactly on the drawn cells whatever the drawing's margins. */
static gboolean
find_cell_edges (double                  width,
                 double                  height,
                 const CommHeatMapStyle *style,
                 double                  x_from[N],
                 double                  x_to[N],
                 double                  y_from[N],
                 double                  y_to[N])
{
  double probe_y = -1, probe_x;
  guint l, i;

  for (int k = 0; k < N; k++)
    x_from[k] = y_from[k] = G_MAXDOUBLE, x_to[k] = y_to[k] = -1;

  /* A horizontal line through the grid: try the middle, then every few pixels. */
  for (double y = height / 2; probe_y < 0 && y < height; y += 3)
    for (double x = 0; x < width; x += 4)
      if (comm_heat_map_cell_at (width, height, style, x, y, &l, &i))
        {
          probe_y = y;
          break;
        }
  if (probe_y < 0)
    return FALSE;

  for (double x = 0; x < width; x += 1)
    if (comm_heat_map_cell_at (width, height, style, x, probe_y, &l, &i))
      x_from[i] = MIN (x_from[i], x), x_to[i] = MAX (x_to[i], x + 1);

  probe_x = (x_from[0] + x_to[N - 1]) / 2;
  for (double y = 0; y < height; y += 1)
    if (comm_heat_map_cell_at (width, height, style, probe_x, y, &l, &i))
      y_from[l] = MIN (y_from[l], y), y_to[l] = MAX (y_to[l], y + 1);

  for (int k = 0; k < N; k++)
    if (x_to[k] < 0 || y_to[k] < 0)
      return FALSE;

  return TRUE;
}

static char *
describe_cell (CommHeatMapView *self,
               CommHeatMapCell *cell)
{
  g_autofree char *text = comm_heat_map_describe_cell (&self->counts[cell->which], bands_of (self),
                                                       cell->likelihood, cell->impact);

  /* Translators: a heat-map cell read out: "Residual: Likelihood 4, impact 5: 3 risks (Very high)" */
  return g_strdup_printf (_("%s: %s"),
                          cell->which == COMM_HEAT_MAP_INHERENT ? _("Inherent") : _("Residual"),
                          text);
}

static void
update_accessible (CommHeatMapView *self)
{
  g_autofree char *description = NULL;

  if (self->has_counts)
    {
      g_autofree char *inherent = comm_heat_map_to_text (&self->counts[0]);
      g_autofree char *residual = comm_heat_map_to_text (&self->counts[1]);

      description = g_strdup_printf ("%s\n%s", inherent, residual);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, self->has_counts ? N : 0,
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, self->has_counts ? 2 * N : 0,
                                  -1);

  for (guint c = 0; c < self->cells->len; c++)
    {
      CommHeatMapCell *cell = g_ptr_array_index (self->cells, c);
      g_autofree char *label = describe_cell (self, cell);
      gboolean selected = (int) cell->which == self->selected_which
                          && cell->likelihood == self->selected_likelihood
                          && cell->impact == self->selected_impact;

      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
      /* Rows count down from the highest likelihood, as drawn; columns run across both maps. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) (N - cell->likelihood),
                                      GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) (cell->which * N + cell->impact + 1),
                                      -1);
    }
}

/* Tooltips are worked out when the pointer rests on a cell: in GTK 4.8 setting one asks the X
 * server where the pointer is, which would cost two round trips per cell on every update. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  CommHeatMapView *self = COMM_HEAT_MAP_VIEW (gtk_widget_get_parent (widget));
  g_autofree char *text = describe_cell (self, COMM_HEAT_MAP_CELL (widget));

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
activate_cell (CommHeatMapView *self,
               CommHeatMapCell *cell)
{
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, (int) cell->which, cell->likelihood, cell->impact);
}

static CommHeatMapCell *
focused_cell (CommHeatMapView *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return COMM_IS_HEAT_MAP_CELL (focus) ? COMM_HEAT_MAP_CELL (focus) : NULL;
}

/* Arrow keys: Up is a higher likelihood (drawn higher); Left and Right run on across the gap
 * from the inherent map to the residual one. */
static gboolean
move_focus (CommHeatMapView *self,
            int              d_likelihood,
            int              d_column)
{
  CommHeatMapCell *cell = focused_cell (self);
  int likelihood, column;
  CommHeatMapCell *next;

  if (cell == NULL)
    return FALSE;

  likelihood = CLAMP ((int) cell->likelihood + d_likelihood, 0, N - 1);
  column = CLAMP ((int) (cell->which * N + cell->impact) + d_column, 0, 2 * N - 1);
  next = cell_at (self, (guint) (column / N), (guint) likelihood, (guint) (column % N));
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));

  return TRUE;
}

static void
make_cells (CommHeatMapView *self,
            gboolean         wanted)
{
  if (wanted == (self->cells->len > 0))
    return;

  for (guint i = 0; i < self->cells->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->cells, i));
  g_ptr_array_set_size (self->cells, 0);
  if (!wanted)
    return;

  for (guint which = 0; which < 2; which++)
    for (guint l = 0; l < N; l++)
      for (guint i = 0; i < N; i++)
        {
          CommHeatMapCell *cell = g_object_new (COMM_TYPE_HEAT_MAP_CELL, NULL);

          cell->which = which;
          cell->likelihood = l;
          cell->impact = i;
          gtk_widget_set_has_tooltip (GTK_WIDGET (cell), TRUE);
          g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
          gtk_widget_set_parent (GTK_WIDGET (cell), GTK_WIDGET (self));
          g_ptr_array_add (self->cells, cell);
        }
}

/* Callbacks */

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      CommHeatMapView *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (COMM_IS_HEAT_MAP_CELL (picked))
    activate_cell (self, COMM_HEAT_MAP_CELL (picked));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CommHeatMapView       *self)
{
  CommHeatMapCell *cell = focused_cell (self);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      return move_focus (self, 1, 0);
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      return move_focus (self, -1, 0);
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      return move_focus (self, 0, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? 1 : -1);
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      return move_focus (self, 0, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1);
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      if (cell == NULL)
        return FALSE;
      activate_cell (self, cell);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Overrides */

/* Tab enters the map at the cell the list is filtered to, else at the top left cell, and
 * leaves it on the next press: the arrows move inside. */
static gboolean
comm_heat_map_view_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  CommHeatMapView *self = COMM_HEAT_MAP_VIEW (widget);
  CommHeatMapCell *target;

  if (!self->has_counts || focused_cell (self) != NULL)
    return FALSE;

  target = self->selected_which >= 0
           ? cell_at (self, (guint) self->selected_which, self->selected_likelihood, self->selected_impact)
           : cell_at (self, COMM_HEAT_MAP_INHERENT, N - 1, 0);

  return target != NULL && gtk_widget_grab_focus (GTK_WIDGET (target));
}

static void
comm_heat_map_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* Two maps of about 380 x 360 side by side; smaller still reads. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 2 * 200 + GAP;
      *natural = 2 * 380 + GAP;
    }
  else
    {
      *minimum = 220;
      *natural = 360;
    }
}

static void
comm_heat_map_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  CommHeatMapView *self = COMM_HEAT_MAP_VIEW (widget);
  double w = map_width (width);
  double x_from[N], x_to[N], y_from[N], y_to[N];
  CommHeatMapStyle style;
  gboolean found;

  if (!self->has_counts)
    return;

  init_style (self, COMM_HEAT_MAP_INHERENT, &style);
  found = find_cell_edges (w, height, &style, x_from, x_to, y_from, y_to);

  for (guint c = 0; c < self->cells->len; c++)
    {
      CommHeatMapCell *cell = g_ptr_array_index (self->cells, c);
      double offset = cell->which == COMM_HEAT_MAP_RESIDUAL ? w + GAP : 0;
      GtkAllocation box = { 0, 0, 0, 0 };

      if (found)
        {
          box.x = (int) (offset + x_from[cell->impact]);
          box.y = (int) y_from[cell->likelihood];
          box.width = (int) (x_to[cell->impact] - x_from[cell->impact]);
          box.height = (int) (y_to[cell->likelihood] - y_from[cell->likelihood]);
        }
      gtk_widget_size_allocate (GTK_WIDGET (cell), &box, -1);
    }
}

static void
comm_heat_map_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CommHeatMapView *self = COMM_HEAT_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double w = map_width (width);

  if (self->has_counts && w > 0 && height > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      for (guint which = 0; which < 2; which++)
        {
          CommHeatMapStyle style;

          init_style (self, which, &style);
          cairo_save (cr);
          cairo_translate (cr, which * (w + GAP), 0);
          comm_heat_map_draw (cr, w, height, &self->counts[which], &style);
          cairo_restore (cr);
        }
      cairo_destroy (cr);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
comm_heat_map_view_dispose (GObject *object)
{
  CommHeatMapView *self = COMM_HEAT_MAP_VIEW (object);

  make_cells (self, FALSE);

  G_OBJECT_CLASS (comm_heat_map_view_parent_class)->dispose (object);
}

static void
comm_heat_map_view_finalize (GObject *object)
{
  CommHeatMapView *self = COMM_HEAT_MAP_VIEW (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);

  G_OBJECT_CLASS (comm_heat_map_view_parent_class)->finalize (object);
}

static void
comm_heat_map_view_class_init (CommHeatMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_heat_map_view_dispose;
  object_class->finalize = comm_heat_map_view_finalize;
  widget_class->focus = comm_heat_map_view_focus;
  widget_class->measure = comm_heat_map_view_measure;
  widget_class->size_allocate = comm_heat_map_view_size_allocate;
  widget_class->snapshot = comm_heat_map_view_snapshot;

  signals[CELL_ACTIVATED] = g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                          G_TYPE_INT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
on_dark_changed_cb (CommHeatMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
comm_heat_map_view_init (CommHeatMapView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->cells = g_ptr_array_new ();
  self->selected_which = -1;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Heat map: number of open risks by likelihood and impact"), -1);
}

/* Public API */

GtkWidget *
comm_heat_map_view_new (void)
{
  return g_object_new (COMM_TYPE_HEAT_MAP_VIEW, NULL);
}

void
comm_heat_map_view_set_counts (CommHeatMapView         *self,
                               const CommHeatMapCounts *inherent,
                               const CommHeatMapCounts *residual,
                               const CommRiskBands     *bands)
{
  g_return_if_fail (COMM_IS_HEAT_MAP_VIEW (self));
  g_return_if_fail ((inherent == NULL) == (residual == NULL));

  self->has_counts = inherent != NULL;
  if (inherent != NULL)
    {
      self->counts[0] = *inherent;
      self->counts[1] = *residual;
    }
  self->has_bands = bands != NULL;
  if (bands != NULL)
    self->bands = *bands;

  make_cells (self, self->has_counts);
  if (!self->has_counts)
    self->selected_which = -1;
  update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
comm_heat_map_view_set_selected (CommHeatMapView *self,
                                 int              which,
                                 guint            likelihood_index,
                                 guint            impact_index)
{
  g_return_if_fail (COMM_IS_HEAT_MAP_VIEW (self));

  self->selected_which = which < 0 || likelihood_index >= N || impact_index >= N ? -1 : MIN (which, 1);
  self->selected_likelihood = likelihood_index;
  self->selected_impact = impact_index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
comm_heat_map_view_has_counts (CommHeatMapView *self)
{
  g_return_val_if_fail (COMM_IS_HEAT_MAP_VIEW (self), FALSE);

  return self->has_counts;
}

guint
comm_heat_map_view_get_count (CommHeatMapView  *self,
                              CommHeatMapWhich  which,
                              guint             likelihood_index,
                              guint             impact_index)
{
  g_return_val_if_fail (COMM_IS_HEAT_MAP_VIEW (self), 0);

  if (cell_at (self, which, likelihood_index, impact_index) == NULL)
    return 0;

  return self->counts[which].cells[likelihood_index][impact_index];
}

GtkWidget *
comm_heat_map_view_get_cell (CommHeatMapView  *self,
                             CommHeatMapWhich  which,
                             guint             likelihood_index,
                             guint             impact_index)
{
  g_return_val_if_fail (COMM_IS_HEAT_MAP_VIEW (self), NULL);

  return (GtkWidget *) cell_at (self, which, likelihood_index, impact_index);
}
