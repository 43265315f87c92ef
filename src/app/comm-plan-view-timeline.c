/* comm-plan-view-timeline.c: the commissioning plan's milestones drawn across financial years
 *
 * One lane per intention (its title on the left), the months of the years along the top, a line
 * at today, and each milestone as a marker with its name and state written beside it. Markers
 * differ by shape (and text) as well as by colour, so nothing depends on seeing colour. The
 * same content is given to screen readers as a description, and the view shows it as a table.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-plan-view-timeline.h"

#define LABEL_WIDTH   220.0
#define AXIS_HEIGHT    44.0
#define LANE_HEIGHT    88.0
#define LABEL_SLOTS     4     /* rows of labels in a lane: two above the markers, two below */
#define LABEL_MAX     240.0
#define LEGEND_HEIGHT  36.0
#define RIGHT_MARGIN   16.0
#define MARKER_RADIUS   7.0

struct _CommPlanViewTimeline
{
  GtkWidget  parent_instance;

  GPtrArray *entries;   /* CommPlanMilestoneEntry* */
  GArray    *lanes;     /* gint64 intention ids, in order of first milestone */
  int        first_year;
  int        last_year;
  GDate      today;
  char      *description;
};

typedef struct {
  double x0;
  double width;
  int    n_days;
  GDate  first;
} Scale;

G_DEFINE_FINAL_TYPE (CommPlanViewTimeline, comm_plan_view_timeline, GTK_TYPE_WIDGET)

static double
x_of (const Scale *scale,
      const GDate *date)
{
  int days = comm_date_days_between (&scale->first, date);

  return scale->x0 + scale->width * CLAMP (days, 0, scale->n_days) / MAX (scale->n_days, 1);
}

static guint
lane_of (CommPlanViewTimeline *self,
         gint64                intention_id)
{
  for (guint i = 0; i < self->lanes->len; i++)
    if (g_array_index (self->lanes, gint64, i) == intention_id)
      return i;
  return 0;
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             double      width,
             gboolean    bold,
             double      scale)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The marker's shape says the state: filled circle + tick, triangle + "!", diamond, hollow circle. */
static void
draw_marker (cairo_t                *cr,
             CommPlanMilestoneState  state,
             double                  x,
             double                  y,
             const GdkRGBA          *fg)
{
  static const GdkRGBA done = { 0.15, 0.55, 0.25, 1 }, overdue = { 0.80, 0.10, 0.15, 1 }, due = { 0.85, 0.55, 0.0, 1 };
  double r = MARKER_RADIUS;

  cairo_new_path (cr);
  cairo_set_line_width (cr, 2);
  switch (state)
    {
    case COMM_PLAN_MILESTONE_DONE:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      set_color (cr, &done, 1);
      cairo_fill_preserve (cr);
      set_color (cr, fg, 1);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, x - r * 0.5, y);
      cairo_line_to (cr, x - r * 0.1, y + r * 0.45);
      cairo_line_to (cr, x + r * 0.55, y - r * 0.45);
      cairo_stroke (cr);
      break;
    case COMM_PLAN_MILESTONE_OVERDUE:
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.2, y + r);
      cairo_line_to (cr, x - r * 1.2, y + r);
      cairo_close_path (cr);
      set_color (cr, &overdue, 1);
      cairo_fill_preserve (cr);
      set_color (cr, fg, 1);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, x, y - r * 0.55);
      cairo_line_to (cr, x, y + r * 0.25);
      cairo_stroke (cr);
      cairo_arc (cr, x, y + r * 0.6, 1.2, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case COMM_PLAN_MILESTONE_DUE:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      set_color (cr, &due, 1);
      cairo_fill_preserve (cr);
      set_color (cr, fg, 1);
      cairo_stroke (cr);
      break;
    case COMM_PLAN_MILESTONE_UPCOMING:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      set_color (cr, fg, 1);
      cairo_stroke (cr);
      break;
    }
}

static void
draw_axis (CommPlanViewTimeline *self,
           cairo_t              *cr,
           const Scale          *scale,
           double                height,
           const GdkRGBA        *fg)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int n_months = (self->last_year - self->first_year + 1) * 12;
  double month_width = scale->width / n_months;

  for (int m = 0; m <= n_months; m++)
    {
      GDate date = scale->first;
      double x;

      g_date_add_months (&date, m);
      x = x_of (scale, &date);
      set_color (cr, fg, m % 12 == 0 ? 0.6 : 0.15);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x + 0.5, AXIS_HEIGHT - (m % 12 == 0 ? 40 : 14));
      cairo_line_to (cr, x + 0.5, height - LEGEND_HEIGHT);
      cairo_stroke (cr);
      if (m < n_months && month_width > 22)
        {
          char month[16];
          g_autoptr(PangoLayout) layout = NULL;

          g_date_strftime (month, sizeof month, "%b", &date);
          layout = make_layout (widget, month, month_width - 2, FALSE, 0.8);
          set_color (cr, fg, 0.8);
          draw_text (cr, layout, x + 3, AXIS_HEIGHT - 18);
        }
      if (m % 12 == 0 && m < n_months)
        {
          g_autofree char *year = comm_financial_year_label (self->first_year + m / 12);
          g_autoptr(PangoLayout) layout = make_layout (widget, year, 0, TRUE, 0.9);

          set_color (cr, fg, 1);
          draw_text (cr, layout, x + 4, 4);
        }
    }
}

static void
draw_today (CommPlanViewTimeline *self,
            cairo_t              *cr,
            const Scale          *scale,
            double                height,
            const GdkRGBA        *fg)
{
  g_autoptr(PangoLayout) layout = NULL;
  double x;
  int days = comm_date_days_between (&scale->first, &self->today);

  if (days < 0 || days > scale->n_days)
    return;
  x = x_of (scale, &self->today);
  set_color (cr, fg, 0.9);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  cairo_move_to (cr, x, AXIS_HEIGHT - 4);
  cairo_line_to (cr, x, height - LEGEND_HEIGHT);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  layout = make_layout (GTK_WIDGET (self), _("Today"), 0, TRUE, 0.8);
  draw_text (cr, layout, x + 4, height - LEGEND_HEIGHT - 16);
}

/* The y of label row @slot around a lane's middle @mid: 0, 1 above; 2, 3 below. */
static double
slot_y (double mid,
        guint  slot,
        int    text_height)
{
  switch (slot)
    {
    case 0:
      return mid - MARKER_RADIUS - 4 - text_height;
    case 1:
      return mid - MARKER_RADIUS - 5 - 2 * text_height;
    case 2:
      return mid + MARKER_RADIUS + 4;
    default:
      return mid + MARKER_RADIUS + 5 + text_height;
    }
}

static void
draw_lane_titles (CommPlanViewTimeline *self,
                  cairo_t              *cr,
                  const Scale          *scale,
                  const GdkRGBA        *fg)
{
  for (guint lane = 0; lane < self->lanes->len; lane++)
    {
      double y = AXIS_HEIGHT + lane * LANE_HEIGHT;

      if (lane % 2 == 1)
        {
          set_color (cr, fg, 0.04);
          cairo_rectangle (cr, 0, y, scale->x0 + scale->width, LANE_HEIGHT);
          cairo_fill (cr);
        }
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      const CommPlanMilestoneEntry *entry = g_ptr_array_index (self->entries, i);
      guint lane = lane_of (self, entry->intention_id);
      g_autoptr(PangoLayout) title = NULL;
      gboolean first = TRUE;

      for (guint j = 0; j < i && first; j++)
        first = ((CommPlanMilestoneEntry *) g_ptr_array_index (self->entries, j))->intention_id != entry->intention_id;
      if (!first)
        continue;
      title = make_layout (GTK_WIDGET (self), entry->intention_title, LABEL_WIDTH - 16, TRUE, 0.9);
      pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (title, -3);
      set_color (cr, fg, 1);
      draw_text (cr, title, 8, AXIS_HEIGHT + lane * LANE_HEIGHT + 8);
    }
}

/* Markers, then each label in the first of the lane's label rows where it does not overlap the
 * label before it (or, if none is free, the row that frees up first). */
static void
draw_lanes (CommPlanViewTimeline *self,
            cairo_t              *cr,
            const Scale          *scale,
            const GdkRGBA        *fg)
{
  g_autofree double *slot_end = g_new0 (double, MAX (self->lanes->len, 1) * LABEL_SLOTS);

  draw_lane_titles (self, cr, scale, fg);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const CommPlanMilestoneEntry *entry = g_ptr_array_index (self->entries, i);
      guint lane = lane_of (self, entry->intention_id), slot = 0;
      double mid = AXIS_HEIGHT + lane * LANE_HEIGHT + LANE_HEIGHT / 2, x, label_x, *ends;
      g_autofree char *label = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int text_width, text_height;
      GDate date;

      g_date_clear (&date, 1);
      if (!comm_date_parse_iso (entry->target_date, &date))
        continue;
      x = x_of (scale, &date);
      draw_marker (cr, entry->state, x, mid, fg);
      /* Translators: a milestone on the timeline: its name, then its state ("Done", "Overdue") */
      label = g_strdup_printf (_("%s · %s"), entry->name, comm_plan_milestone_state_to_label (entry->state));
      layout = make_layout (GTK_WIDGET (self), label, LABEL_MAX, entry->state == COMM_PLAN_MILESTONE_OVERDUE, 0.75);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);  /* keep the state at the end in view */
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      label_x = CLAMP (x - text_width / 2.0, scale->x0 + 2, scale->x0 + scale->width - text_width);
      ends = slot_end + lane * LABEL_SLOTS;
      while (slot < LABEL_SLOTS && ends[slot] > label_x)
        slot++;
      if (slot == LABEL_SLOTS)
        for (guint k = slot = 0; k < LABEL_SLOTS; k++)
          if (ends[k] < ends[slot])
            slot = k;
      label_x = MAX (label_x, ends[slot]);
      ends[slot] = label_x + text_width + 8;
      set_color (cr, fg, 1);
      draw_text (cr, layout, label_x, slot_y (mid, slot, text_height));
    }
}

static void
draw_legend (CommPlanViewTimeline *self,
             cairo_t              *cr,
             double                height,
             const GdkRGBA        *fg)
{
  static const CommPlanMilestoneState states[] = {
    COMM_PLAN_MILESTONE_DONE, COMM_PLAN_MILESTONE_OVERDUE, COMM_PLAN_MILESTONE_DUE, COMM_PLAN_MILESTONE_UPCOMING,
  };
  double x = 16, y = height - LEGEND_HEIGHT / 2;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      const char *text = comm_plan_milestone_state_to_label (states[i]);
      g_autoptr(PangoLayout) layout = make_layout (GTK_WIDGET (self), text, 0, FALSE, 0.85);
      int width, lh;

      draw_marker (cr, states[i], x + MARKER_RADIUS, y, fg);
      pango_layout_get_pixel_size (layout, &width, &lh);
      set_color (cr, fg, 1);
      draw_text (cr, layout, x + 2 * MARKER_RADIUS + 6, y - lh / 2.0);
      x += 2 * MARKER_RADIUS + 6 + width + 24;
    }
}

static void
update_description (CommPlanViewTimeline *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *first = comm_financial_year_label (self->first_year);
  g_autofree char *last = comm_financial_year_label (self->last_year);

  if (self->entries->len == 0)
    g_string_append_printf (text, _("No milestones fall in %s to %s."), first, last);
  else
    g_string_append_printf (text, ngettext ("%u milestone from %s to %s.", "%u milestones from %s to %s.",
                                               self->entries->len), self->entries->len, first, last);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const CommPlanMilestoneEntry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *date = comm_date_iso_to_display (entry->target_date);

      /* Translators: intention, milestone, target date, state; one sentence for a screen reader */
      g_string_append_printf (text, _(" %s: %s, %s, %s."), entry->intention_title, entry->name, date,
                              comm_plan_milestone_state_to_label (entry->state));
    }
  g_free (self->description);
  self->description = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
}

static void
comm_plan_view_timeline_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  CommPlanViewTimeline *self = COMM_PLAN_VIEW_TIMELINE (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  Scale scale;
  cairo_t *cr;

  if (self->first_year == 0 || width <= LABEL_WIDTH + RIGHT_MARGIN)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  scale.x0 = LABEL_WIDTH;
  scale.width = width - LABEL_WIDTH - RIGHT_MARGIN;
  g_date_clear (&scale.first, 1);
  comm_financial_year_bounds (self->first_year, &scale.first, NULL);
  {
    GDate end;

    g_date_clear (&end, 1);
    comm_financial_year_bounds (self->last_year, NULL, &end);
    g_date_add_days (&end, 1);
    scale.n_days = comm_date_days_between (&scale.first, &end);
  }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_lanes (self, cr, &scale, &fg);
  draw_axis (self, cr, &scale, height, &fg);
  draw_today (self, cr, &scale, height, &fg);
  draw_legend (self, cr, height, &fg);
  cairo_destroy (cr);
}

static void
comm_plan_view_timeline_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  CommPlanViewTimeline *self = COMM_PLAN_VIEW_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int years = MAX (self->last_year - self->first_year + 1, 1);

      *minimum = (int) LABEL_WIDTH + 420;
      *natural = (int) LABEL_WIDTH + 600 * years;
    }
  else
    *minimum = *natural = (int) (AXIS_HEIGHT + MAX (self->lanes->len, 1) * LANE_HEIGHT + LEGEND_HEIGHT);
}

static void
comm_plan_view_timeline_finalize (GObject *object)
{
  CommPlanViewTimeline *self = COMM_PLAN_VIEW_TIMELINE (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (comm_plan_view_timeline_parent_class)->finalize (object);
}

static void
comm_plan_view_timeline_class_init (CommPlanViewTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = comm_plan_view_timeline_finalize;
  widget_class->snapshot = comm_plan_view_timeline_snapshot;
  widget_class->measure = comm_plan_view_timeline_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "planTimeline");
}

static void
comm_plan_view_timeline_init (CommPlanViewTimeline *self)
{
  self->entries = g_ptr_array_new ();
  self->lanes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->description = g_strdup ("");
  g_date_clear (&self->today, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline of the plan’s milestones"), -1);
}

GtkWidget *
comm_plan_view_timeline_new (void)
{
  return g_object_new (COMM_TYPE_PLAN_VIEW_TIMELINE, NULL);
}

void
comm_plan_view_timeline_set_entries (CommPlanViewTimeline *self,
                                     GPtrArray            *entries,
                                     int                   first_year,
                                     int                   last_year,
                                     const GDate          *today)
{
  g_return_if_fail (COMM_IS_PLAN_VIEW_TIMELINE (self));
  g_return_if_fail (entries != NULL && today != NULL);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_ptr_array_ref (entries);
  self->first_year = first_year;
  self->last_year = MAX (last_year, first_year);
  self->today = *today;
  g_array_set_size (self->lanes, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      const CommPlanMilestoneEntry *entry = g_ptr_array_index (entries, i);
      gboolean known = FALSE;

      for (guint j = 0; j < self->lanes->len && !known; j++)
        known = g_array_index (self->lanes, gint64, j) == entry->intention_id;
      if (!known)
        g_array_append_val (self->lanes, entry->intention_id);
    }
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
comm_plan_view_timeline_get_description (CommPlanViewTimeline *self)
{
  g_return_val_if_fail (COMM_IS_PLAN_VIEW_TIMELINE (self), NULL);
  return self->description;
}
