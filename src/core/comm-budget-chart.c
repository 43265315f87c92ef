/* comm-budget-chart.c: a bar chart of a budget's allocations, drawn with cairo + pango
 *
 * Text is laid out at 72 dpi, so one unit is one point, as in the report pages.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "comm-budget-chart.h"
#include "comm-money.h"

#define MAX_SERIES   4
#define BAR_HEIGHT   11.0
#define ROW_GAP      7.0
#define LEGEND_ROW   16.0
#define PAD          4.0
#define FONT         "Sans 8"

typedef struct {
  char     *label;
  gint64    values[MAX_SERIES];
  gboolean  present[MAX_SERIES];
} ChartRow;

struct _CommBudgetChart {
  guint      n_series;
  char      *series[MAX_SERIES];
  GArray    *rows;          /* ChartRow */
  gint64     max;
};

/* Each series has a shade AND a fill pattern: solid, diagonal lines, dots, crossed lines. */
static const double shades[MAX_SERIES][3] = {
  { 0.16, 0.33, 0.58 }, { 0.80, 0.42, 0.05 }, { 0.20, 0.52, 0.30 }, { 0.45, 0.30, 0.60 },
};

/* ----- building ----- */

static void
row_clear (gpointer data)
{
  g_free (((ChartRow *) data)->label);
}

static CommBudgetChart *
chart_new (guint n_series)
{
  CommBudgetChart *chart = g_new0 (CommBudgetChart, 1);

  chart->n_series = MIN (MAX (n_series, 1), MAX_SERIES);
  chart->rows = g_array_new (FALSE, TRUE, sizeof (ChartRow));
  g_array_set_clear_func (chart->rows, row_clear);
  return chart;
}

static ChartRow *
add_row (CommBudgetChart *chart,
         const char      *label)
{
  ChartRow row = { g_strdup (label), { 0 }, { FALSE } };

  g_array_append_val (chart->rows, row);
  return &g_array_index (chart->rows, ChartRow, chart->rows->len - 1);
}

static void
set_value (CommBudgetChart *chart,
           ChartRow        *row,
           guint            series,
           gint64           pence)
{
  row->values[series] = pence;
  row->present[series] = TRUE;
  chart->max = MAX (chart->max, pence);
}

CommBudgetChart *
comm_budget_chart_new_allocations (const CommBudget       *budget,
                                   const CommBudgetResult *result)
{
  CommBudgetChart *chart;

  g_return_val_if_fail (budget != NULL && result != NULL, NULL);
  g_return_val_if_fail (result->lines->len == budget->lines->len, NULL);

  chart = chart_new (1);
  chart->series[0] = comm_budget_dup_title (budget);
  if (result->committed > 0)
    set_value (chart, add_row (chart, _("Commitments")), 0, result->committed);
  for (guint i = 0; i < budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);

      if (line->kind == COMM_BUDGET_LINE_FIXED || line->kind == COMM_BUDGET_LINE_PERCENT)
        set_value (chart, add_row (chart, line->name), 0, comm_budget_result_line (result, i)->amount);
    }
  if (result->unallocated != 0)
    set_value (chart, add_row (chart, budget->remainder_name != NULL ? budget->remainder_name : _("Unallocated")),
               0, result->unallocated);
  return chart;
}

/* All commitments in one row, as in the allocations chart. */
static void
add_commitments_row (CommBudgetChart            *chart,
                     const CommBudgetComparison *comparison)
{
  gint64 sums[MAX_SERIES] = { 0 };
  gboolean any = FALSE;
  ChartRow *row;

  for (guint r = 0; r < comparison->n_line_rows; r++)
    {
      const CommBudgetRow *line = g_ptr_array_index (comparison->rows, r);

      if (line->kind != COMM_BUDGET_LINE_COMMITMENT)
        continue;
      for (guint c = 0; c < chart->n_series; c++)
        if (line->cells[c].present)
          {
            sums[c] += line->cells[c].amount;
            any = TRUE;
          }
    }
  if (!any)
    return;
  row = add_row (chart, _("Commitments"));
  for (guint c = 0; c < chart->n_series; c++)
    set_value (chart, row, c, sums[c]);
}

CommBudgetChart *
comm_budget_chart_new_comparison (const CommBudgetComparison *comparison)
{
  CommBudgetChart *chart;
  const CommBudgetRow *unallocated = NULL;

  g_return_val_if_fail (comparison != NULL, NULL);

  chart = chart_new (comparison->n_columns);
  for (guint c = 0; c < chart->n_series; c++)
    chart->series[c] = g_strdup (comparison->column_titles[c]);
  add_commitments_row (chart, comparison);
  for (guint r = 0; r < comparison->rows->len; r++)
    {
      const CommBudgetRow *row = g_ptr_array_index (comparison->rows, r);
      ChartRow *chart_row;

      if (row->summary)
        {
          if (r == comparison->rows->len - 1)
            unallocated = row;   /* the last summary row is "Unallocated" */
          continue;
        }
      if (row->kind == COMM_BUDGET_LINE_INCOME || row->kind == COMM_BUDGET_LINE_COMMITMENT)
        continue;
      chart_row = add_row (chart, row->name);
      for (guint c = 0; c < chart->n_series; c++)
        if (row->cells[c].present)
          set_value (chart, chart_row, c, row->cells[c].amount);
    }
  if (unallocated != NULL)
    {
      ChartRow *chart_row = add_row (chart, unallocated->name);

      for (guint c = 0; c < chart->n_series; c++)
        set_value (chart, chart_row, c, unallocated->cells[c].amount);
    }
  return chart;
}

void
comm_budget_chart_free (CommBudgetChart *chart)
{
  if (chart == NULL)
    return;
  for (guint i = 0; i < MAX_SERIES; i++)
    g_free (chart->series[i]);
  g_array_unref (chart->rows);
  g_free (chart);
}

guint
comm_budget_chart_get_n_rows (CommBudgetChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->rows->len;
}

static double
legend_height (CommBudgetChart *chart)
{
  return chart->n_series > 1 ? LEGEND_ROW + PAD : 0;
}

static double
row_height (CommBudgetChart *chart)
{
  return chart->n_series * BAR_HEIGHT + ROW_GAP;
}

double
comm_budget_chart_get_height (CommBudgetChart *chart,
                              double           width)
{
  g_return_val_if_fail (chart != NULL, 0);

  return legend_height (chart) + MAX (chart->rows->len, 1) * row_height (chart) + 2 * PAD;
}

/* ----- drawing ----- */

static cairo_pattern_t *
series_pattern (guint series)
{
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 6, 6);
  cairo_t *cr = cairo_create (tile);
  const double *rgb = shades[series % MAX_SERIES];
  cairo_pattern_t *pattern;

  cairo_set_source_rgb (cr, 0.5 + rgb[0] / 2, 0.5 + rgb[1] / 2, 0.5 + rgb[2] / 2);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_set_line_width (cr, 1.2);
  switch (series % MAX_SERIES)
    {
    case 0:
      cairo_paint (cr);
      break;
    case 1:
      cairo_move_to (cr, 0, 6);
      cairo_line_to (cr, 6, 0);
      cairo_stroke (cr);
      break;
    case 2:
      cairo_arc (cr, 3, 3, 1.3, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    default:
      cairo_move_to (cr, 0, 6);
      cairo_line_to (cr, 6, 0);
      cairo_move_to (cr, 0, 0);
      cairo_line_to (cr, 6, 6);
      cairo_stroke (cr);
      break;
    }
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

static PangoLayout *
new_text_layout (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_font_description_free (font);
  return layout;
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y_middle,
           double       max_width)
{
  int w, h;

  pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, x, y_middle - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (CommBudgetChart *chart,
             cairo_t         *cr,
             PangoLayout     *layout,
             double           width)
{
  double each = width / chart->n_series;

  for (guint s = 0; s < chart->n_series; s++)
    {
      cairo_pattern_t *pattern = series_pattern (s);

      cairo_rectangle (cr, s * each, PAD, 14, 10);
      cairo_set_source (cr, pattern);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      cairo_pattern_destroy (pattern);
      show_text (cr, layout, chart->series[s], s * each + 18, PAD + 5, each - 22);
    }
}

static void
draw_row (CommBudgetChart *chart,
          cairo_t         *cr,
          PangoLayout     *layout,
          const ChartRow  *row,
          double           y,
          double           label_width,
          double           bar_room)
{
  show_text (cr, layout, row->label, 0, y + chart->n_series * BAR_HEIGHT / 2, label_width - PAD);
  for (guint s = 0; s < chart->n_series; s++)
    {
      double top = y + s * BAR_HEIGHT + 1;
      double length = chart->max > 0 && row->values[s] > 0 ? bar_room * ((double) row->values[s] / chart->max) : 0;
      g_autofree char *text = row->present[s] ? comm_money_format (row->values[s]) : g_strdup ("—");
      cairo_pattern_t *pattern = series_pattern (s);

      if (length > 0)
        {
          cairo_rectangle (cr, label_width, top, MAX (length, 0.5), BAR_HEIGHT - 2);
          cairo_set_source (cr, pattern);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
          cairo_set_line_width (cr, 0.4);
          cairo_stroke (cr);
        }
      cairo_pattern_destroy (pattern);
      show_text (cr, layout, text, label_width + length + 3, top + (BAR_HEIGHT - 2) / 2, 90);
    }
}

void
comm_budget_chart_draw (cairo_t  *cr,
                        double    width,
                        double    height,
                        gpointer  data)
{
  CommBudgetChart *chart = data;
  g_autoptr(PangoLayout) layout = NULL;
  double label_width = MIN (width * 0.36, 220), bar_room, y;

  g_return_if_fail (chart != NULL);

  cairo_save (cr);
  layout = new_text_layout (cr);
  if (chart->n_series > 1)
    draw_legend (chart, cr, layout, width);
  y = legend_height (chart) + PAD;
  bar_room = MAX (width - label_width - 95, 10);   /* room for the amount after the longest bar */

  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, label_width - 0.3, y - 2);
  cairo_line_to (cr, label_width - 0.3, MIN (height, y + chart->rows->len * row_height (chart)));
  cairo_stroke (cr);

  for (guint r = 0; r < chart->rows->len && y < height; r++, y += row_height (chart))
    draw_row (chart, cr, layout, &g_array_index (chart->rows, ChartRow, r), y, label_width, bar_room);
  if (chart->rows->len == 0)
    show_text (cr, layout, _("No allocations to show."), 0, y + BAR_HEIGHT / 2, width);
  cairo_restore (cr);
}
