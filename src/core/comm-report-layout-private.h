/* comm-report-layout-private.h: what the layout's three files share
 *
 * comm-report-cells.c measures and lays out the cells of a unit (a heading, a paragraph, a table
 * row ...), comm-report-layout.c cuts the document into pages, comm-report-draw.c draws them.
 */
#pragma once

#include <pango/pangocairo.h>

#include "comm-report-layout.h"
#include "comm-report-private.h"

G_BEGIN_DECLS

#define MARGIN_X        40.0
#define MARGIN_TOP      40.0
#define MARGIN_BOTTOM   54.0
#define CELL_PAD_X       4.0
#define CELL_PAD_Y       3.0
#define KV_PAD_Y         2.0
#define HEADING_ABOVE   12.0
#define HEADING_BELOW    5.0
#define PARAGRAPH_BELOW  6.0
#define TABLE_BELOW     12.0
#define TITLE_BELOW     16.0
#define KEEP_WITH_LINES 40.0  /* what must follow a heading on its page */
#define PROGRESS_EVERY  256
#define KEEP_TOGETHER   24    /* tables of up to this many rows are kept on one page if they fit */
#define CACHE_MAX       20000 /* laid-out cells kept for texts that repeat (dates, statuses ...) */

typedef enum {
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_META,
  FONT_HEADING,
  FONT_BODY,
  FONT_CELL,
  FONT_CELL_BOLD,
  FONT_CELL_ITALIC,
  FONT_CELL_BOLD_ITALIC,
  FONT_FOOTER,
  N_FONTS
} FontRole;

struct _CommReportLayout
{
  CommReportDocument   *document;
  double                page_width;
  double                page_height;
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  PangoLayout          *scratch;
  GPtrArray            *pages;          /* GArray of CommReportItem */
  GHashTable           *columns;        /* CommReportTable* -> double[3n]: x, width, repeats */
  GHashTable           *cache;          /* "font width align text" -> PangoLayout, for repeating columns */

  /* While paginating */
  GArray               *page;
  double                y;
  guint                 content_on_page; /* items other than a repeated header */
  int                   repeat_block;    /* the table whose header heads each new page, or -1 */
  double                repeat_height;   /* its header's height */
};

extern const char *const _comm_report_font_names[N_FONTS];

double             _comm_report_content_width   (CommReportLayout *self);
double             _comm_report_page_bottom     (CommReportLayout *self);
CommReportItemKind _comm_report_unit_kind       (CommReportBlock  *block,
                                                 int               row);
guint              _comm_report_unit_n_cells    (CommReportBlock  *block);
/* The space above and below the text of a unit of @block */
void               _comm_report_unit_pads       (CommReportBlock  *block,
                                                 double           *above,
                                                 double           *below);
/* The left edge and the width of a table column's cell (padding included). */
void               _comm_report_column_geometry (CommReportLayout *self,
                                                 CommReportTable  *table,
                                                 guint             column,
                                                 double           *x,
                                                 double           *width);
/* The laid-out text of cell @column of the unit (@block, @row) and its left edge; owned by the
 * layout, valid until the next call. */
PangoLayout       *_comm_report_cell_layout     (CommReportLayout *self,
                                                 CommReportBlock  *block,
                                                 int               row,
                                                 guint             column,
                                                 double           *text_x);
/* The size a drawing block is drawn at: its own, shrunk to the room between the margins. */
void               _comm_report_drawing_size    (CommReportLayout *self,
                                                 CommReportBlock  *block,
                                                 double           *width,
                                                 double           *height);
double             _comm_report_unit_height     (CommReportLayout *self,
                                                 CommReportBlock  *block,
                                                 int               row);
/* The lowest point at or above @limit (unit coordinates) that cuts through no line of text. */
double             _comm_report_unit_cut        (CommReportLayout *self,
                                                 CommReportBlock  *block,
                                                 int               row,
                                                 double            limit);
/* Draws the title block at @y (when @cr is non-NULL) and returns its height. */
double             _comm_report_title_block     (CommReportLayout *self,
                                                 cairo_t          *cr,
                                                 PangoLayout      *layout,
                                                 double            y);

G_END_DECLS
