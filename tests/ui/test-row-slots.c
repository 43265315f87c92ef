/* test-row-slots.c: row slots keep their objects, follow the source's items and its selection */
#include "config.h"

#include "comm-row-slots.h"
#include "comm-test-ui.h"

typedef struct {
  GListStore         *store;
  GtkSingleSelection *selection;
  CommRowSlots       *slots;
  guint               changes;      /* items-changed of the slots */
  guint               position, removed, added;
  guint               selection_changes;
  guint               selection_position, selection_n;
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  f->changes++;
  f->position = position;
  f->removed = removed;
  f->added = added;
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         Fixture           *f)
{
  f->selection_changes++;
  f->selection_position = position;
  f->selection_n = n_items;
}

static void
on_notify_cb (GObject    *slot,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
append (GListStore *store,
        const char *text)
{
  g_autoptr(GtkStringObject) item = gtk_string_object_new (text);

  g_list_store_append (store, item);
}

static void
fixture_open (Fixture *f)
{
  const char *texts[] = { "a", "b", "c", "d" };

  f->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    append (f->store, texts[i]);
  f->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (f->store)));
  gtk_single_selection_set_autoselect (f->selection, FALSE);
  gtk_single_selection_set_can_unselect (f->selection, TRUE);
  gtk_single_selection_set_selected (f->selection, GTK_INVALID_LIST_POSITION);
  f->slots = comm_row_slots_new (GTK_SELECTION_MODEL (f->selection));
  g_signal_connect (f->slots, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  g_signal_connect (f->slots, "selection-changed", G_CALLBACK (on_selection_changed_cb), f);
}

static void
fixture_close (Fixture *f)
{
  g_clear_object (&f->slots);
  g_clear_object (&f->selection);
  g_clear_object (&f->store);
}

/* The text of the item the slot at @position shows; the slot is returned in @slot_out. */
static const char *
slot_text (Fixture      *f,
           guint         position,
           CommRowSlot **slot_out)
{
  g_autoptr(CommRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (f->slots), position);
  gpointer item;

  g_assert_nonnull (slot);
  item = comm_row_slot_get_item (slot);
  g_assert_true (GTK_IS_STRING_OBJECT (item));
  if (slot_out != NULL)
    *slot_out = slot;

  return gtk_string_object_get_string (item);
}

static void
test_keeps_slots (void)
{
  Fixture f = { 0 };
  CommRowSlot *slots[4];
  guint notified[4] = { 0 };
  g_autoptr(GtkStringObject) x = gtk_string_object_new ("x");

  fixture_open (&f);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f.slots)) == COMM_TYPE_ROW_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.slots)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      slot_text (&f, i, &slots[i]);
      g_signal_connect (slots[i], "notify::item", G_CALLBACK (on_notify_cb), &notified[i]);
    }
  g_assert_cmpstr (slot_text (&f, 2, NULL), ==, "c");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f.slots), 4));

  /* Removing "b": the slots stay, those from position 1 show the next item, one goes at the end. */
  g_list_store_remove (f.store, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.slots)), ==, 3);
  g_assert_cmpuint (f.changes, ==, 1);
  g_assert_cmpuint (f.position, ==, 3);
  g_assert_cmpuint (f.removed, ==, 1);
  g_assert_cmpuint (f.added, ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      CommRowSlot *slot;
      static const char *expected[] = { "a", "c", "d" };

      g_assert_cmpstr (slot_text (&f, i, &slot), ==, expected[i]);
      g_assert_true (slot == slots[i]);
    }
  g_assert_cmpuint (notified[0], ==, 0);
  g_assert_cmpuint (notified[1], ==, 1);
  g_assert_cmpuint (notified[2], ==, 1);

  /* Inserting at the start: every slot moves on one item, a new one comes at the end. */
  g_list_store_insert (f.store, 0, x);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.slots)), ==, 4);
  g_assert_cmpuint (f.changes, ==, 2);
  g_assert_cmpuint (f.position, ==, 3);
  g_assert_cmpuint (f.removed, ==, 0);
  g_assert_cmpuint (f.added, ==, 1);
  g_assert_cmpstr (slot_text (&f, 0, NULL), ==, "x");
  g_assert_cmpstr (slot_text (&f, 1, NULL), ==, "a");
  g_assert_cmpstr (slot_text (&f, 3, NULL), ==, "d");
  g_assert_cmpuint (notified[0], ==, 1);

  /* A change that leaves the length alone is no items-changed at all. */
  g_list_store_splice (f.store, 1, 1, (gpointer *) &x, 1);
  g_assert_cmpuint (f.changes, ==, 2);
  g_assert_cmpstr (slot_text (&f, 1, NULL), ==, "x");

  g_list_store_remove_all (f.store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.slots)), ==, 0);
  g_assert_cmpuint (f.removed, ==, 4);

  fixture_close (&f);
}

static void
test_selection (void)
{
  Fixture f = { 0 };

  fixture_open (&f);
  g_assert_true (comm_row_slots_get_source (f.slots) == GTK_SELECTION_MODEL (f.selection));

  /* Selecting through the slots selects in the source, and the other way round. */
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (f.slots), 2, TRUE));
  g_assert_cmpuint (gtk_single_selection_get_selected (f.selection), ==, 2);
  g_assert_cmpuint (f.selection_changes, >=, 1);
  gtk_single_selection_set_selected (f.selection, 3);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (f.slots), 3));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (f.slots), 2));
  gtk_single_selection_set_selected (f.selection, 2);

  /* "c" is selected; removing "a" moves it to 1, and the rows that changed are reported. */
  f.selection_changes = 0;
  g_list_store_remove (f.store, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (f.selection), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (f.slots), 1));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (f.slots), 2));
  g_assert_cmpstr (slot_text (&f, 1, NULL), ==, "c");
  g_assert_cmpuint (f.selection_changes, >=, 1);
  g_assert_cmpuint (f.selection_position, ==, 0);
  g_assert_cmpuint (f.selection_n, ==, 3);

  g_assert_true (gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (f.slots), 1));
  g_assert_cmpuint (gtk_single_selection_get_selected (f.selection), ==, GTK_INVALID_LIST_POSITION);

  fixture_close (&f);
}

/* A list view on screen over the slots */

static void
on_row_slot_changed_cb (CommRowSlot *slot,
                        GParamSpec  *pspec,
                        GtkLabel    *label)
{
  gpointer item = comm_row_slot_get_item (slot);

  gtk_label_set_label (label, item != NULL ? gtk_string_object_get_string (item) : "");
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  CommRowSlot *slot = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  on_row_slot_changed_cb (slot, NULL, label);
  g_signal_connect (slot, "notify::item", G_CALLBACK (on_row_slot_changed_cb), label);
}

static void
on_unbind_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_row_slot_changed_cb,
                                        gtk_list_item_get_child (item));
}

static void
fill (GListStore *store,
      const char *prefix,
      guint       n)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s%u", prefix, i);

      g_ptr_array_add (items, gtk_string_object_new (text));
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

static void
wait_until_caught_up (CommRowSlots *slots)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (comm_row_slots_is_behind (slots) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (comm_row_slots_is_behind (slots));
}

static const char *
held_text (CommRowSlot *slot)
{
  gpointer item = comm_row_slot_get_item (slot);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* With a view on screen a change updates the rows on screen at once, and the rest (other rows,
 * the number of rows) after the frame; the model ends where the source is. */
static void
test_view_on_screen (void)
{
  Fixture f = { 0 };
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;
  g_autoptr(CommRowSlot) top = NULL;
  g_autoptr(CommRowSlot) below = NULL;
  g_autoptr(CommRowSlot) on_screen_end = NULL;
  g_autofree char *shot = NULL;
  guint n;

  fixture_open (&f);
  fill (f.store, "", 1000);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_row_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (f.slots)), factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 400);
  comm_row_slots_set_view (f.slots, list);
  gtk_window_present (GTK_WINDOW (window));
  comm_test_ui_wait (200);

  top = g_list_model_get_item (G_LIST_MODEL (f.slots), 0);
  on_screen_end = g_list_model_get_item (G_LIST_MODEL (f.slots), 5);
  below = g_list_model_get_item (G_LIST_MODEL (f.slots), 150);  /* a row GTK keeps, off screen */
  g_assert_cmpstr (held_text (below), ==, "150");

  /* 1000 -> 500: the rows on screen now; the row off screen and the count after the frame. */
  f.changes = 0;
  fill (f.store, "A", 500);
  g_assert_true (comm_row_slots_is_behind (f.slots));
  g_assert_cmpstr (held_text (top), ==, "A0");
  g_assert_cmpstr (held_text (on_screen_end), ==, "A5");
  g_assert_cmpstr (held_text (below), ==, "150");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.slots)), ==, 1000);
  wait_until_caught_up (f.slots);
  g_assert_cmpstr (held_text (below), ==, "A150");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.slots)), ==, 500);
  g_assert_cmpuint (f.changes, ==, 1);
  g_assert_cmpuint (f.position, ==, 500);
  g_assert_cmpuint (f.removed, ==, 500);

  /* 500 -> 3: rows on screen past the end are empty until the count follows. */
  fill (f.store, "B", 3);
  g_assert_cmpstr (held_text (top), ==, "B0");
  g_assert_null (held_text (on_screen_end));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.slots)), ==, 500);
  wait_until_caught_up (f.slots);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.slots)), ==, 3);
  shot = comm_test_ui_save_screenshot (window, "row-slots-three");

  /* 3 -> 1000: rows are added at once as far as the screen reaches, the rest after the frame. */
  fill (f.store, "C", 1000);
  n = g_list_model_get_n_items (G_LIST_MODEL (f.slots));
  g_assert_cmpuint (n, >, 5);
  g_assert_cmpuint (n, <, 100);
  {
    g_autoptr(CommRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (f.slots), 4);

    g_assert_cmpstr (held_text (slot), ==, "C4");
  }
  wait_until_caught_up (f.slots);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.slots)), ==, 1000);

  /* Scrolling while behind: everything follows before the next frame. */
  comm_test_ui_wait (100);  /* the view lays out its 1000 rows */
  fill (f.store, "D", 1000);
  g_assert_true (comm_row_slots_is_behind (f.slots));
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list)), 2000.0);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list))), ==, 2000.0);
  comm_test_ui_wait (0);
  g_assert_false (comm_row_slots_is_behind (f.slots));
  for (guint i = 0; i < 1000; i += 97)
    {
      g_autofree char *expected = g_strdup_printf ("D%u", i);
      g_autoptr(CommRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (f.slots), i);

      g_assert_cmpstr (held_text (slot), ==, expected);
    }

  /* Without a view everything follows at once. */
  comm_row_slots_set_view (f.slots, NULL);
  fill (f.store, "E", 10);
  g_assert_false (comm_row_slots_is_behind (f.slots));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f.slots)), ==, 10);
  g_assert_cmpstr (held_text (top), ==, "E0");

  gtk_window_destroy (GTK_WINDOW (window));
  comm_test_ui_wait (0);
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  comm_test_ui_init (&argc, &argv);

  g_test_add_func ("/row-slots/keeps-slots", test_keeps_slots);
  g_test_add_func ("/row-slots/selection", test_selection);
  g_test_add_func ("/row-slots/view-on-screen", test_view_on_screen);

  return g_test_run ();
}
