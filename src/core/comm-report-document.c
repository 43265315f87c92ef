/* comm-report-document.c: the blocks of a report, before layout */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-report-private.h"

struct _CommReportDocument
{
  gatomicrefcount        ref_count;
  char                  *title;
  char                  *subtitle;
  char                  *workspace_name;
  char                  *printed_on;
  CommReportOrientation  orientation;
  GPtrArray             *blocks;  /* CommReportBlock* */
};

static void
column_free (gpointer data)
{
  CommReportColumn *column = data;

  g_free (column->header);
  g_free (column);
}

static CommReportTable *
table_new (gboolean has_header)
{
  CommReportTable *table = g_new0 (CommReportTable, 1);

  table->columns = g_ptr_array_new_with_free_func (column_free);
  table->cells = g_ptr_array_new_with_free_func (g_free);
  table->styles = g_byte_array_new ();
  table->has_header = has_header;
  return table;
}

static void
table_free (CommReportTable *table)
{
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->cells);
  g_byte_array_unref (table->styles);
  g_free (table);
}

static void
block_free (gpointer data)
{
  CommReportBlock *block = data;

  g_free (block->text);
  if (block->table != NULL)
    table_free (block->table);
  if (block->drawing != NULL && block->drawing->destroy != NULL)
    block->drawing->destroy (block->drawing->data);
  g_free (block->drawing);
  g_free (block);
}

static CommReportBlock *
add_block (CommReportDocument  *self,
           CommReportBlockKind  kind,
           const char          *text)
{
  CommReportBlock *block = g_new0 (CommReportBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

CommReportDocument *
comm_report_document_new (const char            *title,
                          CommReportOrientation  orientation)
{
  CommReportDocument *self = g_new0 (CommReportDocument, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (title != NULL ? title : "");
  self->subtitle = g_strdup ("");
  self->workspace_name = g_strdup ("");
  self->printed_on = g_strdup ("");
  self->orientation = orientation;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  return self;
}

CommReportDocument *
comm_report_document_ref (CommReportDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
comm_report_document_unref (CommReportDocument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->workspace_name);
  g_free (self->printed_on);
  g_ptr_array_unref (self->blocks);
  g_free (self);
}

void
comm_report_document_set_subtitle (CommReportDocument *self,
                                   const char         *subtitle)
{
  set_string (&self->subtitle, subtitle);
}

void
comm_report_document_set_workspace_name (CommReportDocument *self,
                                         const char         *name)
{
  set_string (&self->workspace_name, name);
}

void
comm_report_document_set_printed_on (CommReportDocument *self,
                                     const GDate        *date)
{
  g_autofree char *shown = comm_date_format_display (date);

  g_free (self->printed_on);
  if (date == NULL || !g_date_valid (date))
    self->printed_on = g_strdup ("");
  else
    /* Translators: %s is a date, in the title block of a printed report */
    self->printed_on = g_strdup_printf (_("Printed on %s"), shown);
}

const char *
comm_report_document_get_title (CommReportDocument *self)
{
  return self->title;
}

const char *
comm_report_document_get_subtitle (CommReportDocument *self)
{
  return self->subtitle;
}

const char *
comm_report_document_get_workspace_name (CommReportDocument *self)
{
  return self->workspace_name;
}

const char *
comm_report_document_get_printed_on (CommReportDocument *self)
{
  return self->printed_on;
}

CommReportOrientation
comm_report_document_get_orientation (CommReportDocument *self)
{
  return self->orientation;
}

void
comm_report_document_get_page_size (CommReportDocument *self,
                                    double             *width,
                                    double             *height)
{
  gboolean landscape = self->orientation == COMM_REPORT_LANDSCAPE;

  if (width != NULL)
    *width = landscape ? 842.0 : 595.0;
  if (height != NULL)
    *height = landscape ? 595.0 : 842.0;
}

void
comm_report_document_add_heading (CommReportDocument *self,
                                  const char         *text)
{
  add_block (self, COMM_REPORT_BLOCK_HEADING, text);
}

void
comm_report_document_add_paragraph (CommReportDocument *self,
                                    const char         *text)
{
  add_block (self, COMM_REPORT_BLOCK_PARAGRAPH, text);
}

void
comm_report_document_add_key_value (CommReportDocument *self,
                                    const char         *key,
                                    const char         *value)
{
  CommReportBlock *last = NULL;
  const char *cells[2] = { key, value };

  if (self->blocks->len > 0)
    last = g_ptr_array_index (self->blocks, self->blocks->len - 1);

  if (last == NULL || last->kind != COMM_REPORT_BLOCK_KEY_VALUE)
    {
      last = add_block (self, COMM_REPORT_BLOCK_KEY_VALUE, NULL);
      last->table = table_new (FALSE);
      comm_report_table_add_column (last->table, "", COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
      comm_report_table_add_column (last->table, "", 3.0, COMM_REPORT_ALIGN_LEFT);
    }

  comm_report_table_begin_row (last->table);
  comm_report_table_add_cell (last->table, cells[0], COMM_REPORT_CELL_BOLD);
  comm_report_table_add_cell (last->table, cells[1], COMM_REPORT_CELL_PLAIN);
}

void
comm_report_document_add_page_break (CommReportDocument *self)
{
  add_block (self, COMM_REPORT_BLOCK_PAGE_BREAK, NULL);
}

void
comm_report_document_add_drawing (CommReportDocument *self,
                                  double              width,
                                  double              height,
                                  CommReportDrawFunc  draw,
                                  gpointer            data,
                                  GDestroyNotify      destroy)
{
  CommReportBlock *block;

  g_return_if_fail (self != NULL && draw != NULL);
  g_return_if_fail (width >= 0 && height > 0);

  block = add_block (self, COMM_REPORT_BLOCK_DRAWING, NULL);
  block->drawing = g_new0 (CommReportDrawing, 1);
  block->drawing->width = width;
  block->drawing->height = height;
  block->drawing->draw = draw;
  block->drawing->data = data;
  block->drawing->destroy = destroy;
}

CommReportTable *
comm_report_document_add_table (CommReportDocument *self)
{
  CommReportBlock *block = add_block (self, COMM_REPORT_BLOCK_TABLE, NULL);

  block->table = table_new (TRUE);
  return block->table;
}

void
comm_report_table_add_column (CommReportTable *table,
                              const char      *header,
                              double           width,
                              CommReportAlign  align)
{
  CommReportColumn *column;

  g_return_if_fail (table->cells->len == 0);

  column = g_new0 (CommReportColumn, 1);
  column->header = g_strdup (header != NULL ? header : "");
  column->width = width > 0 ? width : COMM_REPORT_WIDTH_FIT;
  column->align = align;
  g_ptr_array_add (table->columns, column);
}

/* Pads the last row with "" up to the number of columns. */
static void
finish_row (CommReportTable *table)
{
  guint n_columns = table->columns->len;

  while (n_columns > 0 && table->cells->len % n_columns != 0)
    comm_report_table_add_cell (table, "", COMM_REPORT_CELL_PLAIN);
}

void
comm_report_table_begin_row (CommReportTable *table)
{
  g_return_if_fail (table->columns->len > 0);

  finish_row (table);
}

void
comm_report_table_add_cell (CommReportTable     *table,
                            const char          *text,
                            CommReportCellStyle  style)
{
  guint8 byte = (guint8) style;

  g_ptr_array_add (table->cells, g_strdup (text != NULL ? text : ""));
  g_byte_array_append (table->styles, &byte, 1);
}

void
comm_report_table_add_row (CommReportTable     *table,
                           CommReportCellStyle  style,
                           const char *const   *cells)
{
  comm_report_table_begin_row (table);
  for (guint i = 0; i < table->columns->len; i++)
    comm_report_table_add_cell (table, cells[i], style);
}

guint
comm_report_table_get_n_columns (CommReportTable *table)
{
  return table->columns->len;
}

guint
comm_report_table_get_n_rows (CommReportTable *table)
{
  guint n_columns = table->columns->len;

  if (n_columns == 0)
    return 0;
  return (table->cells->len + n_columns - 1) / n_columns;
}

const char *
comm_report_table_get_header (CommReportTable *table,
                              guint            column)
{
  g_return_val_if_fail (column < table->columns->len, NULL);

  return ((CommReportColumn *) g_ptr_array_index (table->columns, column))->header;
}

const char *
comm_report_table_get_cell (CommReportTable *table,
                            guint            row,
                            guint            column)
{
  guint index = row * table->columns->len + column;

  g_return_val_if_fail (column < table->columns->len, NULL);

  return index < table->cells->len ? g_ptr_array_index (table->cells, index) : "";
}

CommReportCellStyle
_comm_report_table_get_style (CommReportTable *table,
                              guint            row,
                              guint            column)
{
  guint index = row * table->columns->len + column;

  return index < table->styles->len ? table->styles->data[index] : COMM_REPORT_CELL_PLAIN;
}

guint
_comm_report_document_get_n_blocks (CommReportDocument *self)
{
  return self->blocks->len;
}

CommReportBlock *
_comm_report_document_get_block (CommReportDocument *self,
                                 guint               index)
{
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}
