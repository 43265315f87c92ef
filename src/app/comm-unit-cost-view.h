/* comm-unit-cost-view.h: the Unit costs view of the Budgets tab
 *
 * A service's cost and the activity of its cohorts (incidents, children, families) give the cost
 * per unit and each cohort's share, pro rata to the penny (comm-unit-cost.h), with the working
 * shown step by step: the exact shares, how the pennies left over were given out, and what
 * rounding each share on its own would have come to. It is a calculator: nothing is saved.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COMM_TYPE_UNIT_COST_VIEW (comm_unit_cost_view_get_type ())
G_DECLARE_FINAL_TYPE (CommUnitCostView, comm_unit_cost_view, COMM, UNIT_COST_VIEW, GtkBox)

GtkWidget  *comm_unit_cost_view_new         (void);
/* Fills the tool (as typing would): the cost, the unit's name and the cohorts. */
void        comm_unit_cost_view_set_cost    (CommUnitCostView *self,
                                             const char       *cost,
                                             const char       *unit);
void        comm_unit_cost_view_add_cohort  (CommUnitCostView *self,
                                             const char       *name,
                                             const char       *count);
/* For tests: the cost per unit shown, a cohort's share, and the working. */
const char *comm_unit_cost_view_get_unit_cost (CommUnitCostView *self);
const char *comm_unit_cost_view_get_share   (CommUnitCostView *self,
                                             guint             index);
const char *comm_unit_cost_view_get_working (CommUnitCostView *self);

G_END_DECLS
