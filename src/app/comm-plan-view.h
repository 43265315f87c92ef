/* comm-plan-view.h: the commissioning plan, one view of the Budgets tab
 *
 * A self-contained widget: a financial-year selector, the year's commissioning intentions with an
 * editor (fields, milestones, progress updates, linked contracts and budget lines), a timeline of
 * the milestones drawn across the year, the milestones due or overdue, and the demand figures
 * kept beside the plan. The Budgets page embeds it and hands it the workspace:
 *
 *   GtkWidget *plan = comm_plan_view_new ();
 *   comm_plan_view_set_database (COMM_PLAN_VIEW (plan), db);   (and again when the workspace changes)
 */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_PLAN_VIEW (comm_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (CommPlanView, comm_plan_view, COMM, PLAN_VIEW, GtkWidget)

/* Properties: "database" (CommDatabase, may be NULL), "year" (int, financial year start). */
GtkWidget    *comm_plan_view_new          (void);
/* Shows @db's plan (NULL: shows nothing); reloads everything. */
void          comm_plan_view_set_database (CommPlanView *self,
                                           CommDatabase *db);
CommDatabase *comm_plan_view_get_database (CommPlanView *self);
/* Reloads from the database (after changes made elsewhere, e.g. the page's database_changed). */
void          comm_plan_view_reload       (CommPlanView *self);
void          comm_plan_view_set_year     (CommPlanView *self,
                                           int           year);
int           comm_plan_view_get_year     (CommPlanView *self);

G_END_DECLS
