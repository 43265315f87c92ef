/* comm-report-layout.h: a report document cut into pages, and drawn with cairo
 *
 * One layout serves the PDF (comm-report-pdf.h), the app's printout (a GtkPrintOperation that
 * calls comm_report_layout_draw_page() from draw-page) and the app's preview (drawn into image
 * surfaces), so the three always agree.
 *
 * Pages have 40 pt side margins, the title block on the first page, and a footer on every page
 * with the workspace name, the report title and "Page N of M". Tables break across pages with
 * their header row repeated at the top of each page; text wraps inside its cell (a word longer
 * than the column is broken, never drawn past it). A row that does not fit at the bottom of a
 * page moves to the next page whole; only a row taller than a whole page is split, and then
 * between two lines of text, never through one. A heading is kept with what follows it.
 *
 * Layouts use unhinted font metrics, so the pages come out the same on screen, in the PDF and on
 * paper. A layout belongs to the thread that made it.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "comm-report-document.h"

G_BEGIN_DECLS

typedef struct _CommReportLayout CommReportLayout;

/* What a page holds, top to bottom (for the tests and the preview). */
typedef enum {
  COMM_REPORT_ITEM_TITLE,         /* the title block, first page only */
  COMM_REPORT_ITEM_HEADING,
  COMM_REPORT_ITEM_PARAGRAPH,
  COMM_REPORT_ITEM_TABLE_HEADER,  /* a table's header row (repeated on each page of the table) */
  COMM_REPORT_ITEM_ROW,           /* a table row or a key/value pair */
  COMM_REPORT_ITEM_DRAWING,       /* a drawing (chart), never split */
} CommReportItemKind;

typedef struct {
  CommReportItemKind kind;
  guint              block;      /* index of the document block */
  int                row;        /* table row, -1 for anything else */
  double             y;          /* top on the page, points */
  double             height;     /* drawn height on this page, points */
  double             offset;     /* how much of the item was on earlier pages (split items) */
  gboolean           continues;  /* the item goes on on the next page */
} CommReportItem;

/* A layout of @document for pages @page_width x @page_height points; @cr gives the font
 * context (any cairo context: an image surface's, a PDF surface's, a print context's). Call
 * comm_report_layout_paginate() before asking for pages. */
CommReportLayout     *comm_report_layout_new            (CommReportDocument *document,
                                                         double              page_width,
                                                         double              page_height,
                                                         cairo_t            *cr);
void                  comm_report_layout_free           (CommReportLayout   *self);

/* Measures every block and cuts the pages. @progress (nullable, any thread's own layout) gets
 * the fraction done. Fails only when cancelled. */
gboolean              comm_report_layout_paginate       (CommReportLayout   *self,
                                                         GCancellable       *cancellable,
                                                         void              (*progress) (double   fraction,
                                                                                        gpointer user_data),
                                                         gpointer            user_data,
                                                         GError            **error);
guint                 comm_report_layout_get_n_pages    (CommReportLayout   *self);
CommReportDocument   *comm_report_layout_get_document   (CommReportLayout   *self);
/* Draws page @page (from 0) onto @cr, whose user space is the page in points, origin top left.
 * Paints a white page first. */
void                  comm_report_layout_draw_page      (CommReportLayout   *self,
                                                         guint               page,
                                                         cairo_t            *cr);

guint                 comm_report_layout_get_n_items    (CommReportLayout   *self,
                                                         guint               page);
const CommReportItem *comm_report_layout_get_item       (CommReportLayout   *self,
                                                         guint               page,
                                                         guint               index);
/* For the tests: the inner width of a table column (points) and the width the laid-out text of
 * cell @row, @column of table block @block takes (never more than the column). */
void                  comm_report_layout_measure_cell   (CommReportLayout   *self,
                                                         guint               block,
                                                         guint               row,
                                                         guint               column,
                                                         double             *text_width,
                                                         double             *text_height,
                                                         double             *column_width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommReportLayout, comm_report_layout_free)

G_END_DECLS
