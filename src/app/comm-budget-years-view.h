/* comm-budget-years-view.h: the Multi-year view of the Budgets tab
 *
 * One programme's base budgets across the years in one table (CommBudgetGrid): a row per line,
 * a column per financial year with each figure's change on the year before, in pounds and
 * percent, and the headline totals at the foot.
 */
#pragma once

#include <adwaita.h>

#include "comm-budget-grid.h"
#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_BUDGET_YEARS_VIEW (comm_budget_years_view_get_type ())
G_DECLARE_FINAL_TYPE (CommBudgetYearsView, comm_budget_years_view, COMM, BUDGET_YEARS_VIEW, GtkBox)

GtkWidget       *comm_budget_years_view_new       (void);
/* Shows programme @programme_id (named @name) of @db; 0 or NULL shows nothing. */
gboolean         comm_budget_years_view_load      (CommBudgetYearsView  *self,
                                                   CommDatabase         *db,
                                                   gint64                programme_id,
                                                   const char           *name,
                                                   GError              **error);
CommBudgetGrid *comm_budget_years_view_get_table (CommBudgetYearsView  *self);

G_END_DECLS
