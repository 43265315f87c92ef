/* comm-cell-label.h: one line of text in a cell of a big list, laid out only when drawn */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COMM_TYPE_CELL_LABEL (comm_cell_label_get_type ())
G_DECLARE_FINAL_TYPE (CommCellLabel, comm_cell_label, COMM, CELL_LABEL, GtkWidget)

/* A single-line label (CSS name "label", accessible role label) for the cells of a
 * GtkColumnView, ellipsized at the end. Unlike GtkLabel it asks for the height of one line of its
 * font, whatever the text, so measuring it never shapes text: a list view in GTK 4.8 keeps about
 * 200 rows of cells and measures all of them, but only the rows on screen are drawn.
 * Its minimum width is 0. Its natural width is exact for a label that does not fill its cell
 * (halign other than FILL: a pill), and otherwise estimated from the number of characters - meant
 * for columns of fixed width.
 * @xalign: 0.0 start, 1.0 end (flipped for right-to-left text, as GtkLabel does). */
GtkWidget  *comm_cell_label_new      (float          xalign);
/* NULL is shown as "". The accessible label follows the text. */
void        comm_cell_label_set_text (CommCellLabel *self,
                                      const char    *text);
const char *comm_cell_label_get_text (CommCellLabel *self);

/* Asked when the pointer rests on the label: the tooltip text (the label frees it) or NULL for
 * none. Working tooltips out only then keeps binding cheap (and in GTK 4.8 setting a tooltip
 * asks the X server where the pointer is). */
typedef char *(*CommCellLabelTooltipFunc) (CommCellLabel *label,
                                           gpointer       user_data);
/* @user_data is not freed and must outlive the label (say, data of the list item factory). */
void        comm_cell_label_set_tooltip_func (CommCellLabel            *self,
                                              CommCellLabelTooltipFunc  func,
                                              gpointer                  user_data);
/* The object the label shows (a reference is kept), for the tooltip function. */
void        comm_cell_label_set_item         (CommCellLabel *self,
                                              gpointer       item);
gpointer    comm_cell_label_get_item         (CommCellLabel *self);

G_END_DECLS
