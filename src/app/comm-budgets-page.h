/* comm-budgets-page.h: the Budgets tab - budgets, scenarios, years, unit costs and the plan
 *
 * An inner switcher picks one of five views: Budget (the editor of one programme's budget for a
 * financial year, or of one of its scenarios), Scenarios (side by side), Multi-year (a
 * programme's years in one table), Unit costs (a calculator) and Plan (the commissioning plan).
 * Above the first three, the programme, the year and the budget or scenario are chosen.
 * Edits are saved to the workspace a moment after typing stops (Ctrl+S saves at once; leaving a
 * budget, the workspace or the window saves too), and Ctrl+Z undoes the last saved change.
 *
 * Actions (group "budgets"): new (Ctrl+N), save (Ctrl+S), pull-contracts, copy-scenario,
 * roll-forward, export-csv, export-comparison, reports.
 */
#pragma once

#include "comm-page.h"

G_BEGIN_DECLS

#define COMM_TYPE_BUDGETS_PAGE (comm_budgets_page_get_type ())
G_DECLARE_FINAL_TYPE (CommBudgetsPage, comm_budgets_page, COMM, BUDGETS_PAGE, CommPage)

GtkWidget *comm_budgets_page_new (void);

G_END_DECLS
