/* comm-budget-grid.h: a long comparison of budgets (one programme's years) as a fast grid
 *
 * Shows a CommBudgetComparison like CommBudgetTable, but each row is one widget that draws its
 * cells, rather than a column view's cell widget per column: GTK 4.8 keeps about 200 rows of a
 * list alive, and 10 years of 200 lines in a column view is 2,200 cell widgets to make before
 * the first frame. The column headings stay above the rows and scroll
 * sideways with them. Each row reads as one sentence to a screen reader.
 */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_BUDGET_GRID (comm_budget_grid_get_type ())
G_DECLARE_FINAL_TYPE (CommBudgetGrid, comm_budget_grid, COMM, BUDGET_GRID, GtkBox)

GtkWidget                  *comm_budget_grid_new            (void);
/* Shows @comparison (taking it; NULL: empty). */
void                        comm_budget_grid_set_comparison (CommBudgetGrid       *self,
                                                             CommBudgetComparison *comparison);
const CommBudgetComparison *comm_budget_grid_get_comparison (CommBudgetGrid       *self);
guint                       comm_budget_grid_get_n_columns  (CommBudgetGrid       *self);

G_END_DECLS
