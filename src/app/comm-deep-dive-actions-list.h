/* comm-deep-dive-actions-list.h: the actions agreed in one Deep Dive area */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-deep-dive.h"

G_BEGIN_DECLS

#define COMM_TYPE_DEEP_DIVE_ACTIONS_LIST (comm_deep_dive_actions_list_get_type ())
G_DECLARE_FINAL_TYPE (CommDeepDiveActionsList, comm_deep_dive_actions_list, COMM, DEEP_DIVE_ACTIONS_LIST, AdwBin)

/* Lists @area's actions (what, who, by when, done), adds and edits them in a small dialog and
 * ticks them done. Read-only lists still tick actions done (they are followed up after
 * sign-off). Signals: "changed"; "failed" (const char *message). */
CommDeepDiveActionsList *comm_deep_dive_actions_list_new           (CommDatabase            *database,
                                                                    CommDeepDiveArea        *area);
void                     comm_deep_dive_actions_list_set_read_only (CommDeepDiveActionsList *self,
                                                                    gboolean                 read_only);
/* Opens the "Add Action" dialog (returns it, for tests). */
GtkWindow               *comm_deep_dive_actions_list_add           (CommDeepDiveActionsList *self);
/* The done check of action @index, for tests. */
GtkWidget               *comm_deep_dive_actions_list_get_check     (CommDeepDiveActionsList *self,
                                                                    guint                    index);

G_END_DECLS
