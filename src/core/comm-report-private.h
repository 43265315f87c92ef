/* comm-report-private.h: the document's blocks, as the layout reads them */
#pragma once

#include "comm-report-document.h"

G_BEGIN_DECLS

typedef enum {
  COMM_REPORT_BLOCK_HEADING,
  COMM_REPORT_BLOCK_PARAGRAPH,
  COMM_REPORT_BLOCK_KEY_VALUE,  /* a two-column table without a header */
  COMM_REPORT_BLOCK_TABLE,
  COMM_REPORT_BLOCK_PAGE_BREAK,
  COMM_REPORT_BLOCK_DRAWING,    /* a chart: comm_report_document_add_drawing() */
} CommReportBlockKind;

typedef struct {
  char            *header;
  double           width;
  CommReportAlign  align;
} CommReportColumn;

struct _CommReportTable
{
  GPtrArray *columns;   /* CommReportColumn* */
  GPtrArray *cells;     /* char*, row after row, n_columns a row */
  GByteArray *styles;   /* CommReportCellStyle of each cell (fits a byte) */
  gboolean   has_header;
};

typedef struct {
  double              width;    /* points; 0 = the width between the margins */
  double              height;
  CommReportDrawFunc  draw;
  gpointer            data;
  GDestroyNotify      destroy;
} CommReportDrawing;

typedef struct {
  CommReportBlockKind  kind;
  char                *text;   /* heading, paragraph */
  CommReportTable     *table;  /* key/value, table */
  CommReportDrawing   *drawing; /* drawing */
} CommReportBlock;

guint            _comm_report_document_get_n_blocks (CommReportDocument *self);
CommReportBlock *_comm_report_document_get_block    (CommReportDocument *self,
                                                     guint               index);
CommReportCellStyle _comm_report_table_get_style    (CommReportTable    *table,
                                                     guint               row,
                                                     guint               column);

G_END_DECLS
