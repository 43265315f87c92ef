/* comm-workspace-lock-private.h: for comm-database.c - one Commissioner per workspace file */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CommWorkspaceLock CommWorkspaceLock;

/* Takes the workspace lock on @path (an existing file), or fails with COMM_ERROR_IN_USE when
 * another program - or another CommDatabase of this process - holds it. */
CommWorkspaceLock *comm_workspace_lock_take    (const char         *path,
                                                GError            **error);
/* Releases it (the descriptor stays open, parked for the next lock of the file, since closing it
 * would drop SQLite's locks on the file in this process). */
void               comm_workspace_lock_release (CommWorkspaceLock  *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommWorkspaceLock, comm_workspace_lock_release)

G_END_DECLS
