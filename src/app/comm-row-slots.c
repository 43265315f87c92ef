/* comm-row-slots.c: stable row objects over a selection model, so a list view keeps its rows
 *
 * A search changes which contracts are at which positions of the register. GtkListView in GTK
 * 4.8 answers every changed position by destroying its row widget and making a new one (it has
 * no way to give a row another item): about 200 rows of 11 widgets each, a keystroke. Over this
 * model the positions keep their objects - a CommRowSlot stands for "row i" and only its "item"
 * changes - so the list view sees items come or go at the end, and the cells of the rows it
 * keeps update themselves from their slot (comm-contract-cells.c).
 *
 * With a view set (comm_row_slots_set_view()), a change first updates only the rows on screen
 * (and a few either side): the frame that shows the result paints at once. The other rows GTK
 * keeps (about 200 in GTK 4.8), and a change in the number of rows, follow once that frame is
 * painted, when the main loop is idle - or at once after the frame if the list scrolls
 * meanwhile; a slot handed out is always current.
 */
#include "config.h"

#include "comm-row-slots.h"

struct _CommRowSlot
{
  GObject   parent_instance;

  gpointer  item;   /* owned */
};

struct _CommRowSlots
{
  GObject            parent_instance;

  GtkSelectionModel *source;
  GPtrArray         *slots;      /* CommRowSlot* or NULL (not asked for yet); one per position
                                    reported to the view: while behind, not the source's count */
  GtkWidget         *view;       /* weak; a GtkScrollable showing this model, or NULL */
  GtkAdjustment     *vadjustment;
  double             row_height; /* from the adjustment when the view last laid out its rows */
  guint              behind : 1; /* only the rows on screen follow the source yet */
  guint              tick_id;    /* waiting for the frame that shows them */
  guint              idle_id;    /* then bringing the rest up to date */
};

/* Rows either side of those on screen that are updated at once too. */
#define SCREEN_MARGIN 4

enum { SLOT_PROP_0, SLOT_PROP_ITEM, SLOT_N_PROPS };
static GParamSpec *slot_properties[SLOT_N_PROPS];

static void comm_row_slots_list_model_init (GListModelInterface *iface);
static void comm_row_slots_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE (CommRowSlot, comm_row_slot, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (CommRowSlots, comm_row_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, comm_row_slots_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, comm_row_slots_selection_model_init))

static void
unref_slot (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

/* Takes @item (a new reference or NULL); notifies only if it differs. */
static void
slot_take_item (CommRowSlot *slot,
                gpointer     item)
{
  if (slot->item == item)
    {
      g_clear_object (&item);
      return;
    }

  g_clear_object (&slot->item);
  slot->item = item;
  g_object_notify_by_pspec (G_OBJECT (slot), slot_properties[SLOT_PROP_ITEM]);
}

static void
comm_row_slot_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CommRowSlot *self = COMM_ROW_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_row_slot_dispose (GObject *object)
{
  g_clear_object (&COMM_ROW_SLOT (object)->item);

  G_OBJECT_CLASS (comm_row_slot_parent_class)->dispose (object);
}

static void
comm_row_slot_class_init (CommRowSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = comm_row_slot_get_property;
  object_class->dispose = comm_row_slot_dispose;

  slot_properties[SLOT_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
comm_row_slot_init (CommRowSlot *self)
{
}

/* The source's item at @position (a new reference), NULL past its end. */
static gpointer
source_item (CommRowSlots *self,
             guint         position)
{
  return g_list_model_get_item (G_LIST_MODEL (self->source), position);
}

/* The slots made at [position, end) take the source's items now there. */
static void
update_slots (CommRowSlots *self,
              guint         position,
              guint         end)
{
  end = MIN (end, self->slots->len);
  for (guint i = position; i < end; i++)
    {
      CommRowSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        slot_take_item (slot, source_item (self, i));
    }
}

/* Every slot follows the source and the model reports the change in length at the end. The
 * rows whose items changed are reported as a selection change: the selected item may have moved. */
static void
catch_up (CommRowSlots *self,
          guint         position)
{
  guint old_n = self->slots->len;
  guint new_n = g_list_model_get_n_items (G_LIST_MODEL (self->source));
  guint kept = MIN (old_n, new_n);

  self->behind = FALSE;
  if (new_n < old_n)
    g_ptr_array_remove_range (self->slots, new_n, old_n - new_n);
  else if (new_n > old_n)
    g_ptr_array_set_size (self->slots, new_n);

  update_slots (self, position, kept);

  if (new_n != old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, old_n - kept, new_n - kept);
  if (position < kept)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, kept - position);
}

/* The positions on screen, with SCREEN_MARGIN rows either side, from the view's adjustment
 * (rows have one height). FALSE when there is no view on screen, or no rows laid out, to go by. */
static gboolean
rows_on_screen (CommRowSlots *self,
                guint        *first,
                guint        *end)
{
  double row_height = self->row_height;
  double top;

  if (self->view == NULL || self->vadjustment == NULL || !gtk_widget_get_mapped (self->view) ||
      row_height < 1.0)
    return FALSE;

  top = gtk_adjustment_get_value (self->vadjustment) / row_height;
  *first = top > SCREEN_MARGIN ? (guint) top - SCREEN_MARGIN : 0;
  *end = (guint) (top + gtk_adjustment_get_page_size (self->vadjustment) / row_height) + 1 + SCREEN_MARGIN;

  return TRUE;
}

static gboolean
on_idle_catch_up_cb (gpointer user_data)
{
  CommRowSlots *self = user_data;

  self->idle_id = 0;
  catch_up (self, 0);

  return G_SOURCE_REMOVE;
}

/* Runs at the start of the frame that shows the rows on screen; the rest waits until that
 * frame is painted and the main loop is idle. */
static gboolean
on_tick_cb (GtkWidget     *view,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  CommRowSlots *self = user_data;

  self->tick_id = 0;
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_idle_catch_up_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

static void
cancel_catch_up (CommRowSlots *self)
{
  if (self->tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (self->view, self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->idle_id, g_source_remove);
}

/* The rows on screen follow the source now, the others after the next frame. Rows added at the
 * end are reported now as far as the screen reaches; rows removed stay, empty, until then. */
static void
update_screen (CommRowSlots *self,
               guint         first,
               guint         end)
{
  guint old_n = self->slots->len;
  guint new_n = g_list_model_get_n_items (G_LIST_MODEL (self->source));

  self->behind = TRUE;
  if (new_n > old_n && old_n < end)
    {
      guint grown = MIN (new_n, end);

      g_ptr_array_set_size (self->slots, grown);
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, grown - old_n);
    }
  update_slots (self, first, end);
  if (first < MIN (end, self->slots->len))
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), first, MIN (end, self->slots->len) - first);

  if (self->tick_id == 0 && self->idle_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (self->view, on_tick_cb, self, NULL);
}

static void
on_source_items_changed_cb (CommRowSlots *self,
                            guint         position,
                            guint         removed,
                            guint         added,
                            GListModel   *source)
{
  guint first, end;

  if (!rows_on_screen (self, &first, &end))
    {
      cancel_catch_up (self);
      catch_up (self, self->behind ? 0 : position);
      return;
    }

  update_screen (self, MAX (first, self->behind ? 0 : position), end);
}

/* Scrolling while behind: everything follows the source before the next frame. (Not here: the
 * list view moves its adjustment while it allocates its rows, and a cell changed then would
 * miss that allocation.) */
static void
on_value_changed_cb (CommRowSlots  *self,
                     GtkAdjustment *adjustment)
{
  if (!self->behind)
    return;

  if (self->tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (self->view, self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_idle_catch_up_cb, self, NULL);
}

/* The view sizes its adjustment as it lays out the rows it was told of: the height of a row
 * (they all have one) is taken then, not from a count the view has not laid out yet. */
static void
on_adjustment_changed_cb (CommRowSlots  *self,
                          GtkAdjustment *adjustment)
{
  double upper = gtk_adjustment_get_upper (adjustment);

  if (self->slots->len > 0 && upper > 0)
    self->row_height = upper / self->slots->len;
}

static void
set_vadjustment (CommRowSlots  *self,
                 GtkAdjustment *adjustment)
{
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, adjustment);
  self->row_height = 0.0;
  if (adjustment != NULL)
    {
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_value_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_adjustment_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
on_view_vadjustment_changed_cb (CommRowSlots *self)
{
  set_vadjustment (self, self->view != NULL ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view)) : NULL);
}

static void
on_source_selection_changed_cb (CommRowSlots      *self,
                                guint              position,
                                guint              n_items,
                                GtkSelectionModel *source)
{
  gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, n_items);
}

static GType
comm_row_slots_get_item_type (GListModel *model)
{
  return COMM_TYPE_ROW_SLOT;
}

static guint
comm_row_slots_get_n_items (GListModel *model)
{
  return COMM_ROW_SLOTS (model)->slots->len;
}

static gpointer
comm_row_slots_get_item (GListModel *model,
                         guint       position)
{
  CommRowSlots *self = COMM_ROW_SLOTS (model);
  CommRowSlot *slot;

  if (position >= self->slots->len)
    return NULL;

  slot = g_ptr_array_index (self->slots, position);
  if (slot == NULL)
    {
      slot = g_object_new (COMM_TYPE_ROW_SLOT, NULL);
      slot->item = source_item (self, position);
      g_ptr_array_index (self->slots, position) = slot;
    }
  else if (self->behind)
    slot_take_item (slot, source_item (self, position));

  return g_object_ref (slot);
}

static void
comm_row_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = comm_row_slots_get_item_type;
  iface->get_n_items = comm_row_slots_get_n_items;
  iface->get_item = comm_row_slots_get_item;
}

/* The selection is the source's. */

static gboolean
comm_row_slots_is_selected (GtkSelectionModel *model,
                            guint              position)
{
  return gtk_selection_model_is_selected (COMM_ROW_SLOTS (model)->source, position);
}

static GtkBitset *
comm_row_slots_get_selection_in_range (GtkSelectionModel *model,
                                       guint              position,
                                       guint              n_items)
{
  return gtk_selection_model_get_selection_in_range (COMM_ROW_SLOTS (model)->source, position, n_items);
}

static gboolean
comm_row_slots_select_item (GtkSelectionModel *model,
                            guint              position,
                            gboolean           unselect_rest)
{
  return gtk_selection_model_select_item (COMM_ROW_SLOTS (model)->source, position, unselect_rest);
}

static gboolean
comm_row_slots_unselect_item (GtkSelectionModel *model,
                              guint              position)
{
  return gtk_selection_model_unselect_item (COMM_ROW_SLOTS (model)->source, position);
}

static gboolean
comm_row_slots_select_range (GtkSelectionModel *model,
                             guint              position,
                             guint              n_items,
                             gboolean           unselect_rest)
{
  return gtk_selection_model_select_range (COMM_ROW_SLOTS (model)->source, position, n_items, unselect_rest);
}

static gboolean
comm_row_slots_unselect_range (GtkSelectionModel *model,
                               guint              position,
                               guint              n_items)
{
  return gtk_selection_model_unselect_range (COMM_ROW_SLOTS (model)->source, position, n_items);
}

static gboolean
comm_row_slots_select_all (GtkSelectionModel *model)
{
  return gtk_selection_model_select_all (COMM_ROW_SLOTS (model)->source);
}

static gboolean
comm_row_slots_unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (COMM_ROW_SLOTS (model)->source);
}

static gboolean
comm_row_slots_set_selection (GtkSelectionModel *model,
                              GtkBitset         *selected,
                              GtkBitset         *mask)
{
  return gtk_selection_model_set_selection (COMM_ROW_SLOTS (model)->source, selected, mask);
}

static void
comm_row_slots_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = comm_row_slots_is_selected;
  iface->get_selection_in_range = comm_row_slots_get_selection_in_range;
  iface->select_item = comm_row_slots_select_item;
  iface->unselect_item = comm_row_slots_unselect_item;
  iface->select_range = comm_row_slots_select_range;
  iface->unselect_range = comm_row_slots_unselect_range;
  iface->select_all = comm_row_slots_select_all;
  iface->unselect_all = comm_row_slots_unselect_all;
  iface->set_selection = comm_row_slots_set_selection;
}

static void
comm_row_slots_dispose (GObject *object)
{
  CommRowSlots *self = COMM_ROW_SLOTS (object);

  cancel_catch_up (self);
  comm_row_slots_set_view (self, NULL);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (comm_row_slots_parent_class)->dispose (object);
}

static void
comm_row_slots_class_init (CommRowSlotsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = comm_row_slots_dispose;
}

static void
comm_row_slots_init (CommRowSlots *self)
{
  self->slots = g_ptr_array_new_full (0, unref_slot);
}

gpointer
comm_row_slot_get_item (CommRowSlot *self)
{
  g_return_val_if_fail (COMM_IS_ROW_SLOT (self), NULL);

  return self->item;
}

CommRowSlots *
comm_row_slots_new (GtkSelectionModel *source)
{
  CommRowSlots *self;

  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (source), NULL);

  self = g_object_new (COMM_TYPE_ROW_SLOTS, NULL);
  self->source = g_object_ref (source);
  g_ptr_array_set_size (self->slots, g_list_model_get_n_items (G_LIST_MODEL (source)));
  g_signal_connect_object (source, "items-changed", G_CALLBACK (on_source_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "selection-changed", G_CALLBACK (on_source_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

GtkSelectionModel *
comm_row_slots_get_source (CommRowSlots *self)
{
  g_return_val_if_fail (COMM_IS_ROW_SLOTS (self), NULL);

  return self->source;
}

static void
on_view_weak_notify_cb (gpointer  user_data,
                        GObject  *view)
{
  CommRowSlots *self = user_data;

  self->tick_id = 0;  /* gone with the view */
  self->view = NULL;
  set_vadjustment (self, NULL);
}

void
comm_row_slots_set_view (CommRowSlots *self,
                         GtkWidget    *view)
{
  g_return_if_fail (COMM_IS_ROW_SLOTS (self));
  g_return_if_fail (view == NULL || GTK_IS_SCROLLABLE (view));

  if (self->view == view)
    return;

  if (self->view != NULL)
    {
      if (self->tick_id != 0)
        gtk_widget_remove_tick_callback (self->view, self->tick_id);
      self->tick_id = 0;
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_object_weak_unref (G_OBJECT (self->view), on_view_weak_notify_cb, self);
    }
  self->view = view;
  if (view != NULL)
    {
      g_object_weak_ref (G_OBJECT (view), on_view_weak_notify_cb, self);
      g_signal_connect_object (view, "notify::vadjustment", G_CALLBACK (on_view_vadjustment_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  on_view_vadjustment_changed_cb (self);
  if (self->behind && self->idle_id == 0)
    catch_up (self, 0);
}

gboolean
comm_row_slots_is_behind (CommRowSlots *self)
{
  g_return_val_if_fail (COMM_IS_ROW_SLOTS (self), FALSE);

  return self->behind;
}
