/* comm-row-slots.h: stable row objects over a selection model, so a list view keeps its rows */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COMM_TYPE_ROW_SLOT (comm_row_slot_get_type ())
G_DECLARE_FINAL_TYPE (CommRowSlot, comm_row_slot, COMM, ROW_SLOT, GObject)

/* The item of the source model now at the slot's position (the "item" property, notified when
 * it changes); NULL once the slot is past the end. Not a new reference. */
gpointer      comm_row_slot_get_item (CommRowSlot *self);

#define COMM_TYPE_ROW_SLOTS (comm_row_slots_get_type ())
G_DECLARE_FINAL_TYPE (CommRowSlots, comm_row_slots, COMM, ROW_SLOTS, GObject)

/* A GtkSelectionModel with as many items as @source, each a CommRowSlot for one position. A slot
 * is made when first asked for and kept: when @source's items change, the slots already made
 * at and after the change take their new items (notifying "item"), and the model itself reports
 * only the rows added or removed at the end. GtkListView in GTK 4.8 cannot give a row widget
 * another item, so it throws rows away and makes new ones for every changed position; over
 * slots it keeps them and only the cells bound to a slot update.
 * The selection is @source's: every call is passed on, and its changes reported back (with the
 * positions whose items changed, since no items-changed covers them). */
CommRowSlots *comm_row_slots_new        (GtkSelectionModel *source);
GtkSelectionModel *comm_row_slots_get_source (CommRowSlots *self);
/* The GtkScrollable (a GtkColumnView, say) showing this model, or NULL. With one on screen, a
 * change in the source updates the slots of the rows on screen at once and the rest (other
 * slots, and the count the model reports) after the frame that shows them, when the main loop
 * is idle (at once after the frame if the list scrolls meanwhile); a slot asked for is always
 * up to date. Without a view on screen everything follows at once. The view is not referenced. */
void          comm_row_slots_set_view     (CommRowSlots      *self,
                                           GtkWidget         *view);
/* TRUE while only the rows on screen follow the source (until the next idle after a frame). */
gboolean      comm_row_slots_is_behind    (CommRowSlots      *self);

G_END_DECLS
