/* comm-plan-view-editor.h: the window that edits one commissioning intention (or makes one) */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_PLAN_VIEW_EDITOR (comm_plan_view_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommPlanViewEditor, comm_plan_view_editor, COMM, PLAN_VIEW_EDITOR, AdwWindow)

/* A modal window editing a copy of @intention (NULL: a new one in financial year @year).
 * Nothing reaches the workspace before Save. Actions (group "editor"): save (Ctrl+S),
 * cancel (Escape; asks first if anything was changed), delete (asks first; not for a new one).
 * Signals: "saved" (gint64 id) after a save, "deleted" (gint64 id) after a delete, each just
 * before the window closes. */
CommPlanViewEditor *comm_plan_view_editor_new           (CommDatabase            *database,
                                                         const CommPlanIntention *intention,
                                                         int                      year);
/* Adds a milestone row (texts as typed; @done may be NULL) and returns its index. */
guint               comm_plan_view_editor_add_milestone (CommPlanViewEditor      *self,
                                                         const char              *name,
                                                         const char              *target,
                                                         const char              *done);
/* The intention as read from the fields now, or NULL with @error (a date that cannot be read). */
CommPlanIntention  *comm_plan_view_editor_read          (CommPlanViewEditor      *self,
                                                         GError                 **error);
/* The message shown above the fields ("" when none). */
const char         *comm_plan_view_editor_get_error     (CommPlanViewEditor      *self);

G_END_DECLS
