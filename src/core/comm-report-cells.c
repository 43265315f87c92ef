/* comm-report-cells.c: the cells of a report page - column widths, wrapping, measuring
 *
 * A unit (the title block, a heading, a paragraph, a table's header row, a table row or a
 * key/value pair) is one or more cells side by side, each a PangoLayout wrapped to its column.
 * Columns of width COMM_REPORT_WIDTH_FIT are as wide as their widest cell; the others share the
 * rest. Texts that repeat down a column (dates, ratings, statuses) are laid out once and kept.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-report-layout-private.h"

const char *const _comm_report_font_names[N_FONTS] = {
  "Sans Bold 20", "Sans 12", "Sans 9", "Sans Bold 13", "Sans 10.5",
  "Sans 9", "Sans Bold 9", "Sans Italic 9", "Sans Bold Italic 9", "Sans 8",
};

double
_comm_report_content_width (CommReportLayout *self)
{
  return self->page_width - 2 * MARGIN_X;
}

double
_comm_report_page_bottom (CommReportLayout *self)
{
  return self->page_height - MARGIN_BOTTOM;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

CommReportItemKind
_comm_report_unit_kind (CommReportBlock *block,
           int              row)
{
  switch (block->kind)
    {
    case COMM_REPORT_BLOCK_HEADING:
      return COMM_REPORT_ITEM_HEADING;
    case COMM_REPORT_BLOCK_PARAGRAPH:
      return COMM_REPORT_ITEM_PARAGRAPH;
    case COMM_REPORT_BLOCK_DRAWING:
      return COMM_REPORT_ITEM_DRAWING;
    case COMM_REPORT_BLOCK_KEY_VALUE:
    case COMM_REPORT_BLOCK_TABLE:
    case COMM_REPORT_BLOCK_PAGE_BREAK:
    default:
      return row < 0 ? COMM_REPORT_ITEM_TABLE_HEADER : COMM_REPORT_ITEM_ROW;
    }
}

guint
_comm_report_unit_n_cells (CommReportBlock *block)
{
  if (block->drawing != NULL)
    return 0;
  return block->table != NULL ? block->table->columns->len : 1;
}

void
_comm_report_unit_pads (CommReportBlock *block,
           double          *above,
           double          *below)
{
  switch (block->kind)
    {
    case COMM_REPORT_BLOCK_HEADING:
      *above = HEADING_ABOVE, *below = HEADING_BELOW;
      break;
    case COMM_REPORT_BLOCK_PARAGRAPH:
      *above = 0, *below = PARAGRAPH_BELOW;
      break;
    case COMM_REPORT_BLOCK_KEY_VALUE:
      *above = KV_PAD_Y, *below = KV_PAD_Y;
      break;
    case COMM_REPORT_BLOCK_DRAWING:
      *above = CELL_PAD_Y, *below = TABLE_BELOW;
      break;
    case COMM_REPORT_BLOCK_TABLE:
    case COMM_REPORT_BLOCK_PAGE_BREAK:
    default:
      *above = CELL_PAD_Y, *below = CELL_PAD_Y;
      break;
    }
}

static FontRole
cell_font (CommReportCellStyle style)
{
  gboolean bold = (style & COMM_REPORT_CELL_BOLD) != 0;
  gboolean italic = (style & COMM_REPORT_CELL_ITALIC) != 0;

  if (bold && italic)
    return FONT_CELL_BOLD_ITALIC;
  return bold ? FONT_CELL_BOLD : italic ? FONT_CELL_ITALIC : FONT_CELL;
}

/* The width of @text on one line (or of its widest word, if @by_word) in @font. */
static double
one_line_width (CommReportLayout *self,
                const char       *text,
                FontRole          font,
                gboolean          by_word)
{
  PangoRectangle logical;

  pango_layout_set_font_description (self->scratch, self->fonts[font]);
  pango_layout_set_width (self->scratch, by_word ? 1 : -1);
  pango_layout_set_wrap (self->scratch, PANGO_WRAP_WORD);
  pango_layout_set_alignment (self->scratch, PANGO_ALIGN_LEFT);
  pango_layout_set_text (self->scratch, text, -1);
  pango_layout_get_extents (self->scratch, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static double
fit_width (CommReportLayout *self,
           CommReportTable  *table,
           guint             column)
{
  CommReportColumn *c = g_ptr_array_index (table->columns, column);
  guint n_rows = comm_report_table_get_n_rows (table);
  double width = table->has_header ? one_line_width (self, c->header, FONT_CELL_BOLD, TRUE) : 0;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Dates, ratings and statuses repeat: measure each text once (per font, near enough: bold
   * cells are measured as bold when first seen bold). */
  for (guint row = 0; row < n_rows; row++)
    {
      const char *text = comm_report_table_get_cell (table, row, column);
      CommReportCellStyle style = _comm_report_table_get_style (table, row, column);

      if (style == COMM_REPORT_CELL_PLAIN && !g_hash_table_add (seen, (gpointer) text))
        continue;
      width = MAX (width, one_line_width (self, text, cell_font (style), FALSE));
    }
  return MIN (width + 1.5 + 2 * CELL_PAD_X, _comm_report_content_width (self) / 3);
}

/* TRUE if fewer than half the cells of @column hold different texts: worth caching. */
static gboolean
column_repeats (CommReportTable *table,
                guint            column)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_rows = comm_report_table_get_n_rows (table);

  for (guint row = 0; row < n_rows; row++)
    g_hash_table_add (seen, (gpointer) comm_report_table_get_cell (table, row, column));
  return n_rows >= 8 && g_hash_table_size (seen) * 2 < n_rows;
}

/* Column edges and widths of @table: fitted columns first, the rest shared by weight. */
static const double *
table_columns (CommReportLayout *self,
               CommReportTable  *table)
{
  guint n = table->columns->len;
  double *geometry = g_hash_table_lookup (self->columns, table);
  double fixed = 0, weights = 0, rest, x = MARGIN_X, scale = 1.0;
  guint n_fitted = 0, n_flexible;

  if (geometry != NULL)
    return geometry;

  geometry = g_new0 (double, 3 * n);
  for (guint i = 0; i < n; i++)
    {
      CommReportColumn *c = g_ptr_array_index (table->columns, i);

      if (c->width == COMM_REPORT_WIDTH_FIT)
        {
          fixed += geometry[3 * i + 1] = fit_width (self, table, i);
          n_fitted++;
        }
      else
        weights += c->width;
    }

  /* The other columns get at least 40 pt each: the fitted ones shrink if need be. A table of
   * fitted columns only is stretched or shrunk to the page width. */
  n_flexible = n - n_fitted;
  rest = _comm_report_content_width (self) - fixed;
  if (n_flexible == 0 && fixed > 0)
    scale = _comm_report_content_width (self) / fixed;
  else if (fixed > 0 && rest < 40.0 * n_flexible)
    {
      rest = 40.0 * n_flexible;
      scale = (_comm_report_content_width (self) - rest) / fixed;
    }

  for (guint i = 0; i < n; i++)
    {
      CommReportColumn *c = g_ptr_array_index (table->columns, i);

      if (c->width == COMM_REPORT_WIDTH_FIT)
        geometry[3 * i + 1] *= scale;
      else
        geometry[3 * i + 1] = rest * c->width / weights;
      geometry[3 * i] = x;
      x += geometry[3 * i + 1];
      geometry[3 * i + 2] = column_repeats (table, i);
    }

  g_hash_table_insert (self->columns, table, geometry);
  return geometry;
}

/* The left edge and the width of a table column's cell (padding included). */
void
_comm_report_column_geometry (CommReportLayout *self,
                 CommReportTable  *table,
                 guint             column,
                 double           *x,
                 double           *width)
{
  const double *geometry = table_columns (self, table);

  *x = geometry[3 * column];
  *width = geometry[3 * column + 1];
}

static void
configure (CommReportLayout *self,
           PangoLayout      *layout,
           FontRole          font,
           int               width,
           PangoAlignment    alignment,
           const char       *text)
{
  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_width (layout, width);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
}

/* The laid-out text of cell @column of the unit (@block, @row), and where it goes: a cached
 * layout for texts of columns that repeat, else the scratch layout set up afresh (valid until
 * the next call). */
PangoLayout *
_comm_report_cell_layout (CommReportLayout *self,
             CommReportBlock  *block,
             int               row,
             guint             column,
             double           *text_x)
{
  CommReportTable *table = block->table;
  PangoAlignment alignment = PANGO_ALIGN_LEFT;
  const char *text = block->text;
  FontRole font = block->kind == COMM_REPORT_BLOCK_HEADING ? FONT_HEADING : FONT_BODY;
  double x = MARGIN_X, width = _comm_report_content_width (self);
  gboolean cacheable = FALSE;
  PangoLayout *layout;
  int pango_width;

  if (table != NULL)
    {
      CommReportColumn *c = g_ptr_array_index (table->columns, column);

      _comm_report_column_geometry (self, table, column, &x, &width);
      x += CELL_PAD_X;
      width -= 2 * CELL_PAD_X;
      alignment = c->align == COMM_REPORT_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      if (row < 0)
        {
          text = c->header;
          font = FONT_CELL_BOLD;
        }
      else
        {
          text = comm_report_table_get_cell (table, row, column);
          font = cell_font (_comm_report_table_get_style (table, row, column));
          cacheable = table_columns (self, table)[3 * column + 2] != 0;
        }
    }

  *text_x = x;
  pango_width = (int) (MAX (width, 1.0) * PANGO_SCALE);
  if (cacheable)
    {
      g_autofree char *key = g_strdup_printf ("%d %d %d %s", font, pango_width, alignment, text);

      if ((layout = g_hash_table_lookup (self->cache, key)) != NULL)
        return layout;
      if (g_hash_table_size (self->cache) < CACHE_MAX)
        {
          layout = pango_layout_new (self->context);
          configure (self, layout, font, pango_width, alignment, text);
          g_hash_table_insert (self->cache, g_steal_pointer (&key), layout);
          return layout;
        }
    }

  configure (self, self->scratch, font, pango_width, alignment, text);
  return self->scratch;
}

void
_comm_report_drawing_size (CommReportLayout *self,
                           CommReportBlock  *block,
                           double           *width,
                           double           *height)
{
  double above, below, room_width = _comm_report_content_width (self);
  double room_height;

  _comm_report_unit_pads (block, &above, &below);
  room_height = _comm_report_page_bottom (self) - MARGIN_TOP - above - below;
  *width = block->drawing->width > 0 ? MIN (block->drawing->width, room_width) : room_width;
  *height = MIN (block->drawing->height, room_height);
}

double
_comm_report_unit_height (CommReportLayout *self,
             CommReportBlock  *block,
             int               row)
{
  double above, below, height = 0, x;

  _comm_report_unit_pads (block, &above, &below);
  if (block->drawing != NULL)
    {
      _comm_report_drawing_size (self, block, &x, &height);
      return above + height + below;
    }
  for (guint i = 0; i < _comm_report_unit_n_cells (block); i++)
    {
      height = MAX (height, layout_height (_comm_report_cell_layout (self, block, row, i, &x)));
    }
  return above + height + below;
}

/* The lowest point at or above @limit (unit coordinates) that cuts through no line of text. */
double
_comm_report_unit_cut (CommReportLayout *self,
          CommReportBlock  *block,
          int               row,
          double            limit)
{
  double above, below, cut = limit, x;
  gboolean moved = TRUE;

  if (block->drawing != NULL)
    return 0;  /* a drawing is never cut: it moves to the next page whole */
  _comm_report_unit_pads (block, &above, &below);
  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i < _comm_report_unit_n_cells (block); i++)
        {
          PangoLayoutIter *iter;

          iter = pango_layout_get_iter (_comm_report_cell_layout (self, block, row, i, &x));
          do
            {
              int y0, y1;
              double top, bottom;

              pango_layout_iter_get_line_yrange (iter, &y0, &y1);
              top = above + (double) y0 / PANGO_SCALE;
              bottom = above + (double) y1 / PANGO_SCALE;
              if (top < cut && bottom > cut + 0.01)
                cut = top, moved = TRUE;
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);
        }
    }
  return cut;
}

static void
setup_title_text (CommReportLayout *self,
                  PangoLayout      *layout,
                  FontRole          font,
                  const char       *text)
{
  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_width (layout, (int) (_comm_report_content_width (self) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
}

static char *
title_meta_text (CommReportLayout *self)
{
  const char *workspace = comm_report_document_get_workspace_name (self->document);
  const char *printed = comm_report_document_get_printed_on (self->document);

  if (*workspace != '\0' && *printed != '\0')
    /* Translators: under a report's title: workspace name · "Printed on <date>" */
    return g_strdup_printf (_("%s · %s"), workspace, printed);
  return g_strdup (*workspace != '\0' ? workspace : printed);
}

/* Draws the title block at @y (when @cr is non-NULL) and returns its height. */
double
_comm_report_title_block (CommReportLayout *self,
             cairo_t          *cr,
             PangoLayout      *layout,
             double            y)
{
  g_autofree char *meta = title_meta_text (self);
  const char *texts[3] = { comm_report_document_get_title (self->document),
                           comm_report_document_get_subtitle (self->document), meta };
  const FontRole fonts[3] = { FONT_TITLE, FONT_SUBTITLE, FONT_META };
  const double grey[3] = { 0.05, 0.2, 0.4 };
  double top = y;

  for (guint i = 0; i < 3; i++)
    {
      if (*texts[i] == '\0')
        continue;
      setup_title_text (self, layout, fonts[i], texts[i]);
      if (cr != NULL)
        {
          cairo_set_source_rgb (cr, grey[i], grey[i], grey[i]);
          cairo_move_to (cr, MARGIN_X, y);
          pango_cairo_show_layout (cr, layout);
        }
      y += layout_height (layout) + (i == 0 ? 4 : 2);
    }

  y += 6;
  if (cr != NULL)
    {
      cairo_set_source_rgb (cr, 0.2, 0.3, 0.45);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, MARGIN_X, y);
      cairo_line_to (cr, MARGIN_X + _comm_report_content_width (self), y);
      cairo_stroke (cr);
    }
  return y - top + 1.5;
}
