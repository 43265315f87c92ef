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
  CommReportBlockKind  kind;
  char                *text;   /* heading, paragraph */
  CommReportTable     *table;  /* key/value, table */
} CommReportBlock;

guint            _comm_report_document_get_n_blocks (CommReportDocument *self);
CommReportBlock *_comm_report_document_get_block    (CommReportDocument *self,
                                                     guint               index);
CommReportCellStyle _comm_report_table_get_style    (CommReportTable    *table,
                                                     guint               row,
                                                     guint               column);

G_END_DECLS
