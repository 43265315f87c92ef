/* comm-budget-scenarios-view.h: the Scenarios view of the Budgets tab
 *
 * The base budget of a programme and year and its scenarios ("10% cut", "grant ends"): tick the
 * ones to compare and they are shown side by side (CommBudgetTable), each against the first
 * ticked, in pounds and percent. The buttons above (copy to a scenario, roll forward, export)
 * are the page's actions.
 */
#pragma once

#include <adwaita.h>

#include "comm-budget-table.h"
#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_BUDGET_SCENARIOS_VIEW (comm_budget_scenarios_view_get_type ())
G_DECLARE_FINAL_TYPE (CommBudgetScenariosView, comm_budget_scenarios_view, COMM, BUDGET_SCENARIOS_VIEW, GtkBox)

GtkWidget       *comm_budget_scenarios_view_new         (void);
/* Shows budget @budget_id (a base budget or a scenario: its base and every scenario of that
 * programme and year are listed) from @db; 0 or NULL shows nothing. FALSE with @error if the
 * budgets cannot be read. */
gboolean         comm_budget_scenarios_view_load        (CommBudgetScenariosView *self,
                                                         CommDatabase            *db,
                                                         gint64                   budget_id,
                                                         GError                 **error);
guint            comm_budget_scenarios_view_get_n_budgets (CommBudgetScenariosView *self);
/* Ticks or unticks the @index-th budget (0 = the base) for the comparison. */
void             comm_budget_scenarios_view_set_compared (CommBudgetScenariosView *self,
                                                          guint                    index,
                                                          gboolean                 compared);
CommBudgetTable *comm_budget_scenarios_view_get_table   (CommBudgetScenariosView *self);

G_END_DECLS
