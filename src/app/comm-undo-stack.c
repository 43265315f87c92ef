/* comm-undo-stack.c: undoable changes, each with its toast */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-undo-stack.h"

#define SERIAL_KEY "comm-undo-serial"

typedef struct {
  guint     serial;
  gpointer  record;
  AdwToast *toast;   /* weak: dismissed when the record is undone another way (Ctrl+Z) */
} Entry;

struct _CommUndoStack
{
  GObject         parent_instance;

  GPtrArray      *entries;      /* Entry*, newest last */
  guint           serial;
  CommUndoFunc    undo;
  GDestroyNotify  free_record;
  void          (*changed) (gpointer user_data);
  gpointer        user_data;
};

G_DEFINE_FINAL_TYPE (CommUndoStack, comm_undo_stack, G_TYPE_OBJECT)

static void
entry_free (CommUndoStack *self,
            Entry         *entry)
{
  if (entry->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (entry->toast), (gpointer *) &entry->toast);
  self->free_record (entry->record);
  g_free (entry);
}

/* Takes the entry out of the stack, then undoes it. */
static gboolean
undo_at (CommUndoStack *self,
         guint          index)
{
  Entry *entry = g_ptr_array_steal_index (self->entries, index);
  gboolean done;

  if (entry->toast != NULL)
    adw_toast_dismiss (entry->toast);
  done = self->undo (entry->record, self->user_data);
  entry_free (self, entry);
  self->changed (self->user_data);

  return done;
}

/* The toast sits in the window's overlay, outside the page, so the page's undo action would not
 * reach it: its button undoes the record it announced. */
static void
on_toast_undo_cb (AdwToast      *toast,
                  CommUndoStack *self)
{
  guint serial = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), SERIAL_KEY));

  for (guint i = 0; i < self->entries->len; i++)
    if (((Entry *) g_ptr_array_index (self->entries, i))->serial == serial)
      {
        Entry *entry = g_ptr_array_index (self->entries, i);

        /* The overlay dismisses the clicked toast itself. */
        g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &entry->toast);
        entry->toast = NULL;
        undo_at (self, i);
        return;
      }
}

static void
comm_undo_stack_finalize (GObject *object)
{
  CommUndoStack *self = COMM_UNDO_STACK (object);

  comm_undo_stack_clear (self);
  g_ptr_array_unref (self->entries);

  G_OBJECT_CLASS (comm_undo_stack_parent_class)->finalize (object);
}

static void
comm_undo_stack_class_init (CommUndoStackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comm_undo_stack_finalize;
}

static void
comm_undo_stack_init (CommUndoStack *self)
{
  self->entries = g_ptr_array_new ();
}

CommUndoStack *
comm_undo_stack_new (CommUndoFunc    undo,
                     GDestroyNotify  free_record,
                     void          (*changed) (gpointer user_data),
                     gpointer        user_data)
{
  CommUndoStack *self = g_object_new (COMM_TYPE_UNDO_STACK, NULL);

  self->undo = undo;
  self->free_record = free_record;
  self->changed = changed;
  self->user_data = user_data;

  return self;
}

void
comm_undo_stack_push (CommUndoStack *self,
                      gpointer       record,
                      CommPage      *page,
                      const char    *message)
{
  Entry *entry = g_new0 (Entry, 1);
  AdwToast *toast = adw_toast_new (message);

  g_return_if_fail (COMM_IS_UNDO_STACK (self));

  entry->serial = ++self->serial;
  entry->record = record;
  entry->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &entry->toast);
  g_ptr_array_add (self->entries, entry);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), SERIAL_KEY, GUINT_TO_POINTER (entry->serial));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_undo_cb), self, 0);
  comm_page_add_toast (page, toast);

  self->changed (self->user_data);
}

gboolean
comm_undo_stack_undo_newest (CommUndoStack *self)
{
  g_return_val_if_fail (COMM_IS_UNDO_STACK (self), FALSE);

  if (self->entries->len == 0)
    return FALSE;
  return undo_at (self, self->entries->len - 1);
}

void
comm_undo_stack_clear (CommUndoStack *self)
{
  g_return_if_fail (COMM_IS_UNDO_STACK (self));

  while (self->entries->len > 0)
    entry_free (self, g_ptr_array_steal_index (self->entries, self->entries->len - 1));
}

gboolean
comm_undo_stack_is_empty (CommUndoStack *self)
{
  g_return_val_if_fail (COMM_IS_UNDO_STACK (self), TRUE);

  return self->entries->len == 0;
}
