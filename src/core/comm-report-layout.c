/* comm-report-layout.c: a report document cut into pages
 *
 * Pagination measures every unit (comm-report-cells.c) and keeps only positions - a page is a
 * list of items - so a 10,000-row register needs little memory; drawing (comm-report-draw.c)
 * lays the cells out again from the document.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-report-layout-private.h"

/* ----- pagination ----- */

static void
place (CommReportLayout   *self,
       CommReportItemKind  kind,
       guint               block,
       int                 row,
       double              height,
       double              offset,
       gboolean            continues)
{
  CommReportItem item = { kind, block, row, self->y, height, offset, continues };

  g_array_append_val (self->page, item);
  self->y += height;
  if (kind != COMM_REPORT_ITEM_TABLE_HEADER)
    self->content_on_page++;
}

static void
new_page (CommReportLayout *self)
{
  self->page = g_array_new (FALSE, FALSE, sizeof (CommReportItem));
  g_ptr_array_add (self->pages, self->page);
  self->y = MARGIN_TOP;
  self->content_on_page = 0;

  if (self->repeat_block >= 0)
    place (self, COMM_REPORT_ITEM_TABLE_HEADER, self->repeat_block, -1, self->repeat_height, 0, FALSE);
}

/* Places a unit of height @height, moving it to a new page if it does not fit here but would on
 * a fresh page (unless @split_freely, for paragraphs), else splitting it between lines. */
static void
place_unit (CommReportLayout *self,
            guint             index,
            int               row,
            double            height,
            gboolean          split_freely)
{
  CommReportBlock *block = _comm_report_document_get_block (self->document, index);
  CommReportItemKind kind = _comm_report_unit_kind (block, row);
  double offset = 0, header = self->repeat_block >= 0 ? self->repeat_height : 0;

  if (!split_freely && self->content_on_page > 0 && self->y + height > _comm_report_page_bottom (self) &&
      height <= _comm_report_page_bottom (self) - MARGIN_TOP - header)
    new_page (self);

  while (self->y + (height - offset) > _comm_report_page_bottom (self) + 0.01)
    {
      double avail = MAX (_comm_report_page_bottom (self) - self->y, 1.0);
      double cut = _comm_report_unit_cut (self, block, row, offset + avail);

      if (cut <= offset + 0.5)
        {
          if (self->content_on_page > 0)
            {
              new_page (self);
              continue;
            }
          cut = offset + avail;  /* one line taller than a page: it is clipped */
        }
      place (self, kind, index, row, cut - offset, offset, TRUE);
      offset = cut;
      new_page (self);
    }

  place (self, kind, index, row, height - offset, offset, FALSE);
}

/* The height a table needs on its first page: the whole table when it is short and fits on a
 * page, else its header and first row. */
static double
table_start (CommReportLayout *self,
             CommReportBlock  *block)
{
  guint n_rows = comm_report_table_get_n_rows (block->table);
  double height = block->table->has_header ? _comm_report_unit_height (self, block, -1) : 0;
  double first = height;

  if (n_rows <= KEEP_TOGETHER)
    {
      for (guint row = 0; row < n_rows; row++)
        height += _comm_report_unit_height (self, block, row);
      if (height <= _comm_report_page_bottom (self) - MARGIN_TOP)
        return height;
    }
  if (n_rows > 0)
    first += _comm_report_unit_height (self, block, 0);
  return MIN (first, _comm_report_page_bottom (self) - MARGIN_TOP);
}

/* What must fit under a heading: the start of the next block. */
static double
next_block_start (CommReportLayout *self,
                  guint             index)
{
  CommReportBlock *next;
  double height = 0;

  if (index + 1 >= _comm_report_document_get_n_blocks (self->document))
    return 0;
  next = _comm_report_document_get_block (self->document, index + 1);
  if (next->table != NULL)
    return table_start (self, next);
  if (next->kind == COMM_REPORT_BLOCK_PARAGRAPH)
    height = MIN (_comm_report_unit_height (self, next, -1), KEEP_WITH_LINES);
  else if (next->kind == COMM_REPORT_BLOCK_DRAWING)
    height = _comm_report_unit_height (self, next, -1);
  return height;
}

static gboolean
paginate_table (CommReportLayout  *self,
                guint              index,
                GCancellable      *cancellable,
                guint             *done,
                guint              total,
                void             (*progress) (double, gpointer),
                gpointer           user_data,
                GError           **error)
{
  CommReportBlock *block = _comm_report_document_get_block (self->document, index);
  guint n_rows = comm_report_table_get_n_rows (block->table);
  double header = block->table->has_header ? _comm_report_unit_height (self, block, -1) : 0;
  double first = n_rows > 0 ? _comm_report_unit_height (self, block, 0) : 0;
  gboolean after_heading = index > 0 &&
    _comm_report_document_get_block (self->document, index - 1)->kind == COMM_REPORT_BLOCK_HEADING;

  /* (After a heading, the heading has already made room.) */
  if (self->content_on_page > 0 && !after_heading && self->y + table_start (self, block) > _comm_report_page_bottom (self))
    new_page (self);
  if (block->table->has_header)
    {
      place (self, COMM_REPORT_ITEM_TABLE_HEADER, index, -1, header, 0, FALSE);
      self->repeat_block = index;
      self->repeat_height = header;
    }

  for (guint row = 0; row < n_rows; row++)
    {
      place_unit (self, index, row, row == 0 ? first : _comm_report_unit_height (self, block, row), FALSE);
      if (++(*done) % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) *done / total, user_data);
        }
    }

  self->repeat_block = -1;
  self->y += TABLE_BELOW;
  return TRUE;
}

static guint
count_units (CommReportDocument *document)
{
  guint total = 0;

  for (guint i = 0; i < _comm_report_document_get_n_blocks (document); i++)
    {
      CommReportBlock *block = _comm_report_document_get_block (document, i);

      total += block->table != NULL ? comm_report_table_get_n_rows (block->table) + 1 : 1;
    }
  return MAX (total, 1);
}

/* ----- public API ----- */

CommReportLayout *
comm_report_layout_new (CommReportDocument *document,
                        double              page_width,
                        double              page_height,
                        cairo_t            *cr)
{
  CommReportLayout *self = g_new0 (CommReportLayout, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->document = comm_report_document_ref (document);
  self->page_width = page_width;
  self->page_height = page_height;
  self->context = pango_cairo_create_context (cr);

  /* Unhinted metrics: the same line breaks on screen, in the PDF and on paper. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* One unit is one point: font sizes are true point sizes on paper. */
  pango_cairo_context_set_resolution (self->context, 72.0);

  for (guint i = 0; i < N_FONTS; i++)
    self->fonts[i] = pango_font_description_from_string (_comm_report_font_names[i]);
  self->scratch = pango_layout_new (self->context);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->columns = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->repeat_block = -1;
  return self;
}

void
comm_report_layout_free (CommReportLayout *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (self->fonts[i]);
  g_object_unref (self->scratch);
  g_object_unref (self->context);
  g_ptr_array_unref (self->pages);
  g_hash_table_unref (self->columns);
  g_hash_table_unref (self->cache);
  comm_report_document_unref (self->document);
  g_free (self);
}

gboolean
comm_report_layout_paginate (CommReportLayout  *self,
                             GCancellable      *cancellable,
                             void             (*progress) (double, gpointer),
                             gpointer           user_data,
                             GError           **error)
{
  guint n_blocks = _comm_report_document_get_n_blocks (self->document);
  guint total = count_units (self->document), done = 0;

  g_ptr_array_set_size (self->pages, 0);
  g_hash_table_remove_all (self->columns);
  g_hash_table_remove_all (self->cache);
  self->repeat_block = -1;
  new_page (self);
  place (self, COMM_REPORT_ITEM_TITLE, 0, -1, _comm_report_title_block (self, NULL, self->scratch, 0), 0, FALSE);
  self->y += TITLE_BELOW;

  for (guint i = 0; i < n_blocks; i++)
    {
      CommReportBlock *block = _comm_report_document_get_block (self->document, i);

      if (block->kind == COMM_REPORT_BLOCK_PAGE_BREAK)
        {
          if (self->page->len > 0)
            new_page (self);
        }
      else if (block->table != NULL)
        {
          if (!paginate_table (self, i, cancellable, &done, total, progress, user_data, error))
            return FALSE;
        }
      else
        {
          double height = _comm_report_unit_height (self, block, -1);

          if (block->kind == COMM_REPORT_BLOCK_HEADING && self->content_on_page > 0 &&
              self->y + height + next_block_start (self, i) > _comm_report_page_bottom (self))
            new_page (self);
          place_unit (self, i, -1, height, block->kind == COMM_REPORT_BLOCK_PARAGRAPH);
        }
      done++;
    }

  if (progress != NULL)
    progress (1.0, user_data);
  self->page = NULL;
  return TRUE;
}

guint
comm_report_layout_get_n_pages (CommReportLayout *self)
{
  return self->pages->len;
}

CommReportDocument *
comm_report_layout_get_document (CommReportLayout *self)
{
  return self->document;
}


guint
comm_report_layout_get_n_items (CommReportLayout *self,
                                guint             page)
{
  g_return_val_if_fail (page < self->pages->len, 0);

  return ((GArray *) g_ptr_array_index (self->pages, page))->len;
}

const CommReportItem *
comm_report_layout_get_item (CommReportLayout *self,
                             guint             page,
                             guint             index)
{
  GArray *items;

  g_return_val_if_fail (page < self->pages->len, NULL);
  items = g_ptr_array_index (self->pages, page);
  g_return_val_if_fail (index < items->len, NULL);

  return &g_array_index (items, CommReportItem, index);
}

void
comm_report_layout_measure_cell (CommReportLayout *self,
                                 guint             block,
                                 guint             row,
                                 guint             column,
                                 double           *text_width,
                                 double           *text_height,
                                 double           *column_width)
{
  CommReportBlock *b = _comm_report_document_get_block (self->document, block);
  PangoRectangle logical;
  PangoLayout *layout;
  double x;

  g_return_if_fail (b->table != NULL && column < b->table->columns->len);

  layout = _comm_report_cell_layout (self, b, (int) row, column, &x);
  pango_layout_get_extents (layout, NULL, &logical);
  if (text_width != NULL)
    *text_width = (double) logical.width / PANGO_SCALE;
  if (text_height != NULL)
    *text_height = (double) logical.height / PANGO_SCALE;
  if (column_width != NULL)
    *column_width = (double) pango_layout_get_width (layout) / PANGO_SCALE;
}
