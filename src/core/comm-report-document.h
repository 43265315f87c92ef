/* comm-report-document.h: what a printed report says, before it is laid out on pages
 *
 * Report code builds a CommReportDocument block by block: a title block (title, subtitle,
 * workspace name, "Printed on" date), headings, paragraphs, key/value blocks, tables and page
 * breaks. It says nothing about pages: comm-report-layout.h paginates it for a page size, and
 * the same layout draws the PDF (comm-report-pdf.h) and the printout (the app's print operation).
 *
 * Text is UTF-8 plain text (no markup); NULL is taken as "". Not thread-safe, but a document may
 * be built in one thread and handed to another.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  COMM_REPORT_PORTRAIT,   /* A4, 595 x 842 pt */
  COMM_REPORT_LANDSCAPE,  /* A4, 842 x 595 pt */
} CommReportOrientation;

typedef enum {
  COMM_REPORT_ALIGN_LEFT,
  COMM_REPORT_ALIGN_RIGHT,  /* money and counts */
} CommReportAlign;

/* How one cell stands out. The tints are light backgrounds that stay readable in grey. */
typedef enum {
  COMM_REPORT_CELL_PLAIN      = 0,
  COMM_REPORT_CELL_BOLD       = 1 << 0,  /* totals, overdue dates */
  COMM_REPORT_CELL_ITALIC     = 1 << 1,  /* "none", "not rated" */
  COMM_REPORT_CELL_TINT_RED   = 1 << 2,
  COMM_REPORT_CELL_TINT_AMBER = 1 << 3,
  COMM_REPORT_CELL_TINT_GREEN = 1 << 4,
} CommReportCellStyle;

typedef struct _CommReportDocument CommReportDocument;
typedef struct _CommReportTable    CommReportTable;

CommReportDocument   *comm_report_document_new         (const char            *title,
                                                         CommReportOrientation  orientation);
CommReportDocument   *comm_report_document_ref         (CommReportDocument    *self);
void                  comm_report_document_unref       (CommReportDocument    *self);

void                  comm_report_document_set_subtitle       (CommReportDocument *self,
                                                               const char         *subtitle);
void                  comm_report_document_set_workspace_name (CommReportDocument *self,
                                                               const char         *name);
/* The date shown as "Printed on …" (in the title block) - normally today. */
void                  comm_report_document_set_printed_on     (CommReportDocument *self,
                                                               const GDate        *date);
const char           *comm_report_document_get_title          (CommReportDocument *self);
const char           *comm_report_document_get_subtitle       (CommReportDocument *self);
const char           *comm_report_document_get_workspace_name (CommReportDocument *self);
/* "Printed on 23 Nov 2026" (translated), or "" if no date was set. */
const char           *comm_report_document_get_printed_on     (CommReportDocument *self);
CommReportOrientation comm_report_document_get_orientation    (CommReportDocument *self);
/* The page size in points for the orientation (A4). */
void                  comm_report_document_get_page_size      (CommReportDocument *self,
                                                               double             *width,
                                                               double             *height);

void                  comm_report_document_add_heading   (CommReportDocument *self,
                                                          const char         *text);
/* Wraps to the page width; a line break in @text starts a new line. */
void                  comm_report_document_add_paragraph (CommReportDocument *self,
                                                          const char         *text);
/* Consecutive key/value pairs form one block: keys in bold on the left, values wrapped. */
void                  comm_report_document_add_key_value (CommReportDocument *self,
                                                          const char         *key,
                                                          const char         *value);
/* The next block starts on a new page. */
void                  comm_report_document_add_page_break (CommReportDocument *self);
/* A new, empty table; owned by the document. Add its columns before its rows. */
CommReportTable      *comm_report_document_add_table     (CommReportDocument *self);

/* A drawing (a chart): @draw paints it into a box @width x @height points whose top left is the
 * origin of @cr (clipped to the box); @width 0 means the full width between the margins, and a
 * @width or @height larger than a page is shrunk to fit. A drawing is never split across pages.
 * @data (owned by the document, freed with @destroy) must only be read by @draw, which may run
 * several times and in another thread than the one that built the document. */
typedef void        (*CommReportDrawFunc)                (cairo_t            *cr,
                                                          double              width,
                                                          double              height,
                                                          gpointer            data);
void                  comm_report_document_add_drawing   (CommReportDocument *self,
                                                          double              width,
                                                          double              height,
                                                          CommReportDrawFunc  draw,
                                                          gpointer            data,
                                                          GDestroyNotify      destroy);

/* @width is relative to the other columns' widths (e.g. 1, 3, 1.5), or COMM_REPORT_WIDTH_FIT:
 * as wide as the widest cell on one line (the header may wrap between words), at most a third
 * of the page; the other columns share what is left. Use it for references, dates and money. */
#define COMM_REPORT_WIDTH_FIT 0.0

void                  comm_report_table_add_column (CommReportTable *table,
                                                    const char      *header,
                                                    double           width,
                                                    CommReportAlign  align);
/* Starts a row; then one add_cell per column, in order. A row left short is padded with "". */
void                  comm_report_table_begin_row  (CommReportTable *table);
void                  comm_report_table_add_cell   (CommReportTable     *table,
                                                    const char          *text,
                                                    CommReportCellStyle  style);
/* A whole row at once: n_columns strings, every cell in @style. */
void                  comm_report_table_add_row    (CommReportTable      *table,
                                                    CommReportCellStyle   style,
                                                    const char *const    *cells);
guint                 comm_report_table_get_n_columns (CommReportTable *table);
guint                 comm_report_table_get_n_rows    (CommReportTable *table);
const char           *comm_report_table_get_header    (CommReportTable *table,
                                                       guint            column);
const char           *comm_report_table_get_cell      (CommReportTable *table,
                                                       guint            row,
                                                       guint            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommReportDocument, comm_report_document_unref)

G_END_DECLS
