/* comm-cell-label.c: one line of text in a cell of a big list, laid out only when drawn
 *
 * GtkLabel works out its size from its text: every label measured is a PangoLayout shaped by
 * HarfBuzz. GtkColumnView in GTK 4.8 keeps about 200 rows of cells and measures every one of
 * them whenever rows come and go (opening the register, each keystroke of a search that changes
 * what is on screen), so for the register that was some 2,000 layouts a time, most of them for
 * rows nobody sees. A cell label's height is that of one line of its font, which is the same for
 * every text in that font: it is worked out once per font and kept. The text is laid out when
 * the label is drawn - only on screen - or, for a pill, when its natural width is asked for.
 */
#include "config.h"

#include <math.h>

#include "comm-cell-label.h"

struct _CommCellLabel
{
  GtkWidget                 parent_instance;

  char                     *text;
  float                     xalign;
  PangoLayout              *layout;   /* NULL until drawn or measured across */
  GObject                  *item;
  CommCellLabelTooltipFunc  tooltip_func;
  gpointer                  tooltip_data;
};

/* The height and baseline of one line, per font (and screen resolution); the average width of a
 * character; and the exact widths of the texts of labels that take the width of their text
 * (RAG pills: a handful of words). */
typedef struct {
  double      resolution;
  int         height;
  int         baseline;
  int         char_width;  /* Pango units */
  GHashTable *widths;      /* text -> width in pixels */
} LineMetrics;

#define MAX_CACHED_WIDTHS 256

G_DEFINE_FINAL_TYPE (CommCellLabel, comm_cell_label, GTK_TYPE_WIDGET)

static GHashTable *line_metrics;  /* PangoFontDescription* -> LineMetrics*; main thread only */

static void
line_metrics_free (LineMetrics *metrics)
{
  g_hash_table_unref (metrics->widths);
  g_free (metrics);
}

static LineMetrics *
get_line_metrics (CommCellLabel *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);
  LineMetrics *metrics;

  if (line_metrics == NULL)
    line_metrics = g_hash_table_new_full ((GHashFunc) pango_font_description_hash,
                                          (GEqualFunc) pango_font_description_equal,
                                          (GDestroyNotify) pango_font_description_free,
                                          (GDestroyNotify) line_metrics_free);

  metrics = g_hash_table_lookup (line_metrics, font);
  if (metrics == NULL || metrics->resolution != resolution)
    {
      /* The logical height of a line comes from the font, not from the letters in it. */
      g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Xg");
      PangoFontMetrics *font_metrics = pango_context_get_metrics (context, font, NULL);
      PangoRectangle logical;

      metrics = g_new (LineMetrics, 1);
      pango_layout_get_pixel_extents (probe, NULL, &logical);
      metrics->resolution = resolution;
      metrics->height = logical.height;
      metrics->baseline = PANGO_PIXELS (pango_layout_get_baseline (probe));
      metrics->char_width = pango_font_metrics_get_approximate_char_width (font_metrics);
      pango_font_metrics_unref (font_metrics);
      metrics->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_replace (line_metrics, pango_font_description_copy (font), metrics);
    }

  return metrics;
}

static PangoLayout *
ensure_layout (CommCellLabel *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
    }

  return self->layout;
}

/* Neither size depends on the other: this spares GTK measuring the width (shaping the text)
 * before each height for a width. */
static GtkSizeRequestMode
comm_cell_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
comm_cell_label_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CommCellLabel *self = COMM_CELL_LABEL (widget);
  LineMetrics *metrics = get_line_metrics (self);
  gpointer cached;

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = metrics->height;
      *minimum_baseline = *natural_baseline = metrics->baseline;
      return;
    }

  /* Ellipsized, it fits any width. */
  *minimum = 0;
  *natural = 0;
  if (self->text == NULL || *self->text == '\0')
    return;

  /* A label that fills its cell - the width of the column - would like about its whole text:
   * the columns of a big list have fixed widths, and GTK asks for this before every height. */
  if (gtk_widget_get_halign (widget) == GTK_ALIGN_FILL)
    {
      *natural = PANGO_PIXELS_CEIL ((gint64) g_utf8_strlen (self->text, -1) * metrics->char_width);
      return;
    }

  /* A label that takes the width of its text (a pill) gets it exactly, once per text and font. */
  if (g_hash_table_lookup_extended (metrics->widths, self->text, NULL, &cached))
    *natural = GPOINTER_TO_INT (cached);
  else
    {
      PangoLayout *layout = ensure_layout (self);
      PangoRectangle logical;

      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      *natural = logical.width;
      if (g_hash_table_size (metrics->widths) >= MAX_CACHED_WIDTHS)
        g_hash_table_remove_all (metrics->widths);
      g_hash_table_insert (metrics->widths, g_strdup (self->text), GINT_TO_POINTER (logical.width));
    }
}

static void
comm_cell_label_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CommCellLabel *self = COMM_CELL_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float xalign = self->xalign;
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  layout = ensure_layout (self);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (floorf (xalign * (width - logical.width)) - logical.x,
                                                floorf ((height - logical.height) / 2.0f) - logical.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
comm_cell_label_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  CommCellLabel *self = COMM_CELL_LABEL (widget);
  g_autofree char *text = NULL;

  if (self->tooltip_func != NULL && (text = self->tooltip_func (self, self->tooltip_data)) != NULL)
    {
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  return GTK_WIDGET_CLASS (comm_cell_label_parent_class)->query_tooltip (widget, x, y, keyboard_mode, tooltip);
}

/* Fonts and text attributes come from the style: lay out again after any change. */
static void
comm_cell_label_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  CommCellLabel *self = COMM_CELL_LABEL (widget);

  GTK_WIDGET_CLASS (comm_cell_label_parent_class)->css_changed (widget, change);
  g_clear_object (&self->layout);
}

static void
comm_cell_label_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  CommCellLabel *self = COMM_CELL_LABEL (widget);

  g_clear_object (&self->layout);
  GTK_WIDGET_CLASS (comm_cell_label_parent_class)->direction_changed (widget, previous);
}

static void
comm_cell_label_system_setting_changed (GtkWidget        *widget,
                                        GtkSystemSetting  setting)
{
  CommCellLabel *self = COMM_CELL_LABEL (widget);

  g_clear_object (&self->layout);
  GTK_WIDGET_CLASS (comm_cell_label_parent_class)->system_setting_changed (widget, setting);
  gtk_widget_queue_resize (widget);
}

static void
comm_cell_label_dispose (GObject *object)
{
  CommCellLabel *self = COMM_CELL_LABEL (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (comm_cell_label_parent_class)->dispose (object);
}

static void
comm_cell_label_finalize (GObject *object)
{
  CommCellLabel *self = COMM_CELL_LABEL (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (comm_cell_label_parent_class)->finalize (object);
}

static void
comm_cell_label_class_init (CommCellLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_cell_label_dispose;
  object_class->finalize = comm_cell_label_finalize;
  widget_class->get_request_mode = comm_cell_label_get_request_mode;
  widget_class->measure = comm_cell_label_measure;
  widget_class->snapshot = comm_cell_label_snapshot;
  widget_class->query_tooltip = comm_cell_label_query_tooltip;
  widget_class->css_changed = comm_cell_label_css_changed;
  widget_class->direction_changed = comm_cell_label_direction_changed;
  widget_class->system_setting_changed = comm_cell_label_system_setting_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
comm_cell_label_init (CommCellLabel *self)
{
}

GtkWidget *
comm_cell_label_new (float xalign)
{
  CommCellLabel *self = g_object_new (COMM_TYPE_CELL_LABEL, NULL);

  self->xalign = CLAMP (xalign, 0.0f, 1.0f);

  return GTK_WIDGET (self);
}

void
comm_cell_label_set_text (CommCellLabel *self,
                          const char    *text)
{
  g_return_if_fail (COMM_IS_CELL_LABEL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  /* The natural width follows the text (the height does not, and costs nothing to measure). */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
comm_cell_label_get_text (CommCellLabel *self)
{
  g_return_val_if_fail (COMM_IS_CELL_LABEL (self), NULL);

  return self->text != NULL ? self->text : "";
}

void
comm_cell_label_set_tooltip_func (CommCellLabel            *self,
                                  CommCellLabelTooltipFunc  func,
                                  gpointer                  user_data)
{
  g_return_if_fail (COMM_IS_CELL_LABEL (self));

  self->tooltip_func = func;
  self->tooltip_data = user_data;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), func != NULL);
}

void
comm_cell_label_set_item (CommCellLabel *self,
                          gpointer       item)
{
  g_return_if_fail (COMM_IS_CELL_LABEL (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  g_set_object (&self->item, item);
}

gpointer
comm_cell_label_get_item (CommCellLabel *self)
{
  g_return_val_if_fail (COMM_IS_CELL_LABEL (self), NULL);

  return self->item;
}
