/* comm-plan-view-timeline.h: the commissioning plan's milestones drawn across financial years */
#pragma once

#include <gtk/gtk.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_PLAN_VIEW_TIMELINE (comm_plan_view_timeline_get_type ())
G_DECLARE_FINAL_TYPE (CommPlanViewTimeline, comm_plan_view_timeline, COMM, PLAN_VIEW_TIMELINE, GtkWidget)

GtkWidget  *comm_plan_view_timeline_new             (void);
/* Shows @entries (CommPlanMilestoneEntry*, from comm_plan_store_timeline; a reference is kept)
 * across financial years @first_year to @last_year, one lane per intention, with a line at
 * @today. State is shown by the marker's shape and a text label, never by colour alone:
 * done = filled circle with a tick, overdue = triangle with "!", due = diamond, upcoming =
 * hollow circle. */
void        comm_plan_view_timeline_set_entries     (CommPlanViewTimeline *self,
                                                     GPtrArray            *entries,
                                                     int                   first_year,
                                                     int                   last_year,
                                                     const GDate          *today);
/* What a screen reader is given: one sentence a milestone, in date order. */
const char *comm_plan_view_timeline_get_description (CommPlanViewTimeline *self);

G_END_DECLS
