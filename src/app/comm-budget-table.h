/* comm-budget-table.h: budgets side by side in a column view (scenarios, or one programme's years)
 *
 * Shows a CommBudgetComparison (comm-budget-compare.h): a column for the line names, then one
 * column per budget with each line's figure and, after the first column, its difference from the
 * reference column in pounds and percent. The headline rows (totals) come last, in bold.
 * A line a budget does not have shows "—" (absent, not zero).
 */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_BUDGET_TABLE (comm_budget_table_get_type ())
G_DECLARE_FINAL_TYPE (CommBudgetTable, comm_budget_table, COMM, BUDGET_TABLE, GtkBox)

GtkWidget                  *comm_budget_table_new             (void);
/* Shows @comparison (taking it; NULL: empty). */
void                        comm_budget_table_set_comparison  (CommBudgetTable      *self,
                                                               CommBudgetComparison *comparison);
const CommBudgetComparison *comm_budget_table_get_comparison  (CommBudgetTable      *self);
GtkColumnView              *comm_budget_table_get_column_view (CommBudgetTable      *self);
/* The text of a cell as shown ("£1,000.00", "+£100.00 (+10%)" ...), for tests: @column 0 is the
 * first budget. */
char                       *comm_budget_table_dup_cell_text   (CommBudgetTable      *self,
                                                               guint                 row,
                                                               guint                 column);
/* Cell markup, shared with CommBudgetGrid: @top, then @bottom (nullable) smaller and dimmer on
 * a second line; @bold for headline rows. */
char                       *comm_budget_table_markup          (const char           *top,
                                                               const char           *bottom,
                                                               gboolean              bold);
/* The markup of cell (@row, @column) of @comparison; @column -1 is the line's name and kind. */
char                       *comm_budget_table_row_markup      (const CommBudgetComparison *comparison,
                                                               guint                 row,
                                                               int                   column);

G_END_DECLS
