/* comm-undo-stack.h: a page's undoable changes, each announced by a toast with an Undo button
 *
 * Ctrl+Z undoes the newest change; a toast's Undo button undoes the very change it announced,
 * even if newer ones were made since. The page says how to undo one of its records (@undo) and
 * how to free it; the stack calls @changed after every push and undo (to update the actions).
 */
#pragma once

#include "comm-page.h"

G_BEGIN_DECLS

#define COMM_TYPE_UNDO_STACK (comm_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (CommUndoStack, comm_undo_stack, COMM, UNDO_STACK, GObject)

/* Undoes @record; FALSE if it could not (the page has said why). */
typedef gboolean (*CommUndoFunc) (gpointer record,
                                  gpointer user_data);

/* @user_data (the page) is not referenced: the page owns the stack. */
CommUndoStack *comm_undo_stack_new         (CommUndoFunc    undo,
                                            GDestroyNotify  free_record,
                                            void          (*changed) (gpointer user_data),
                                            gpointer        user_data);
/* Keeps @record (owned from now on) and shows @message with an Undo button over @page. */
void           comm_undo_stack_push        (CommUndoStack  *self,
                                            gpointer        record,
                                            CommPage       *page,
                                            const char     *message);
/* Undoes the newest record; FALSE if there was none or it could not be undone. */
gboolean       comm_undo_stack_undo_newest (CommUndoStack  *self);
/* Forgets every record (the workspace changed). */
void           comm_undo_stack_clear       (CommUndoStack  *self);
gboolean       comm_undo_stack_is_empty    (CommUndoStack  *self);

G_END_DECLS
