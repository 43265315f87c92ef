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

int
main (int   argc,
      char *argv[])
{
  comm_test_ui_init (&argc, &argv);

  g_test_add_func ("/row-slots/keeps-slots", test_keeps_slots);
  g_test_add_func ("/row-slots/selection", test_selection);

  return g_test_run ();
}
