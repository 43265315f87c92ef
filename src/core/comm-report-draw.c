/* comm-report-draw.c: drawing the pages of a report layout with cairo
 *
 * The same code draws the PDF, the printout and the preview.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-report-layout-private.h"

static void
fill_rect (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   height,
           double   r,
           double   g,
           double   b)
{
  cairo_set_source_rgb (cr, r, g, b);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

static void
draw_cell_backgrounds (CommReportLayout *self,
                       cairo_t          *cr,
                       CommReportBlock  *block,
                       int               row,
                       double            height)
{
  CommReportTable *table = block->table;

  if (block->kind != COMM_REPORT_BLOCK_TABLE)
    return;
  if (row < 0)
    {
      fill_rect (cr, MARGIN_X, 0, _comm_report_content_width (self), height, 0.86, 0.89, 0.93);
      return;
    }
  if (row % 2 == 1)
    fill_rect (cr, MARGIN_X, 0, _comm_report_content_width (self), height, 0.965, 0.965, 0.965);

  for (guint i = 0; i < table->columns->len; i++)
    {
      CommReportCellStyle style = _comm_report_table_get_style (table, row, i);
      double x, width;

      _comm_report_column_geometry (self, table, i, &x, &width);
      if (style & COMM_REPORT_CELL_TINT_RED)
        fill_rect (cr, x, 0, width, height, 0.98, 0.80, 0.80);
      else if (style & COMM_REPORT_CELL_TINT_AMBER)
        fill_rect (cr, x, 0, width, height, 1.0, 0.89, 0.70);
      else if (style & COMM_REPORT_CELL_TINT_GREEN)
        fill_rect (cr, x, 0, width, height, 0.82, 0.93, 0.82);
    }
}

/* A drawing, centred between the margins, clipped to its box. */
static void
draw_drawing (CommReportLayout *self,
              cairo_t          *cr,
              CommReportBlock  *block,
              double            above)
{
  double width, height;

  _comm_report_drawing_size (self, block, &width, &height);
  cairo_save (cr);
  cairo_translate (cr, MARGIN_X + (_comm_report_content_width (self) - width) / 2, above);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  block->drawing->draw (cr, width, height, block->drawing->data);
  cairo_restore (cr);
}

static void
draw_unit (CommReportLayout     *self,
           cairo_t              *cr,
           const CommReportItem *item)
{
  CommReportBlock *block = _comm_report_document_get_block (self->document, item->block);
  double above, below, x;
  /* Only split items need their whole height measured again (for backgrounds and rules). */
  double height = (item->offset == 0 && !item->continues) ? item->height : _comm_report_unit_height (self, block, item->row);

  _comm_report_unit_pads (block, &above, &below);
  cairo_save (cr);
  if (item->offset > 0 || item->continues)
    {
      /* A piece of a split item: only its own lines show */
      cairo_rectangle (cr, 0, item->y, self->page_width, item->height);
      cairo_clip (cr);
    }
  cairo_translate (cr, 0, item->y - item->offset);

  draw_cell_backgrounds (self, cr, block, item->row, height);
  if (block->drawing != NULL)
    draw_drawing (self, cr, block, above);

  for (guint i = 0; i < _comm_report_unit_n_cells (block); i++)
    {
      PangoLayout *layout = _comm_report_cell_layout (self, block, item->row, i, &x);

      if (block->kind == COMM_REPORT_BLOCK_HEADING)
        cairo_set_source_rgb (cr, 0.12, 0.22, 0.38);
      else
        cairo_set_source_rgb (cr, 0.08, 0.08, 0.08);
      cairo_move_to (cr, x, above);
      pango_cairo_show_layout (cr, layout);
    }

  if (block->kind == COMM_REPORT_BLOCK_TABLE)
    {
      gboolean header = item->row < 0;

      cairo_set_source_rgb (cr, header ? 0.35 : 0.78, header ? 0.40 : 0.78, header ? 0.48 : 0.78);
      cairo_set_line_width (cr, header ? 1.0 : 0.5);
      cairo_move_to (cr, MARGIN_X, height - (header ? 0.5 : 0.25));
      cairo_line_to (cr, MARGIN_X + _comm_report_content_width (self), height - (header ? 0.5 : 0.25));
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_footer (CommReportLayout *self,
             cairo_t          *cr,
             PangoLayout      *layout,
             guint             page)
{
  const char *workspace = comm_report_document_get_workspace_name (self->document);
  const char *title = comm_report_document_get_title (self->document);
  g_autofree char *left = *workspace != '\0' ? g_strdup_printf ("%s — %s", workspace, title) : g_strdup (title);
  /* Translators: in the footer of every page of a report */
  g_autofree char *right = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  double y = self->page_height - MARGIN_BOTTOM + 18;

  cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, y - 5);
  cairo_line_to (cr, MARGIN_X + _comm_report_content_width (self), y - 5);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  pango_layout_set_font_description (layout, self->fonts[FONT_FOOTER]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, (int) (_comm_report_content_width (self) * 0.75 * PANGO_SCALE));
  pango_layout_set_text (layout, left, -1);
  cairo_move_to (cr, MARGIN_X, y);
  pango_cairo_show_layout (cr, layout);

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_width (layout, (int) (_comm_report_content_width (self) * 0.25 * PANGO_SCALE));
  pango_layout_set_text (layout, right, -1);
  cairo_move_to (cr, MARGIN_X + _comm_report_content_width (self) * 0.75, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
}

void
comm_report_layout_draw_page (CommReportLayout *self,
                              guint             page,
                              cairo_t          *cr)
{
  g_autoptr(PangoLayout) layout = NULL;
  GArray *items;

  g_return_if_fail (page < self->pages->len);

  items = g_ptr_array_index (self->pages, page);
  layout = pango_layout_new (self->context);

  cairo_save (cr);
  fill_rect (cr, 0, 0, self->page_width, self->page_height, 1, 1, 1);
  for (guint i = 0; i < items->len; i++)
    {
      const CommReportItem *item = &g_array_index (items, CommReportItem, i);

      if (item->kind == COMM_REPORT_ITEM_TITLE)
        _comm_report_title_block (self, cr, layout, item->y);
      else
        draw_unit (self, cr, item);
    }
  draw_footer (self, cr, layout, page);
  cairo_restore (cr);
}
