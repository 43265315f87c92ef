/* comm-budget-editor.h: the Budget view - a budget's lines and its figures, worked out live
 *
 * Four sections (income, commitments, fixed and percentage allocations) of editable lines, and
 * beside them the figures, recomputed on every key press through comm-allocation: total income,
 * committed, available, fixed, remainder after fixed, the percentage total and its gap to 100%,
 * each percentage line in pounds (with "+1p rounding" where the largest-remainder method gave a
 * line the extra penny) and what is left unallocated. Text that cannot be read - bad money, more
 * than two decimals, a percentage over 100 or negative, allocations bigger than what is
 * available - is marked on its line and the editor says it cannot be saved, and why.
 *
 * The editor holds text only; its owner loads lines into it, and reads the lines back (with
 * comm_budget_editor_get_lines) to save them once the editor is valid.
 */
#pragma once

#include <adwaita.h>

#include "comm-budget-section.h"
#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_BUDGET_EDITOR (comm_budget_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommBudgetEditor, comm_budget_editor, COMM, BUDGET_EDITOR, GtkBox)

/* Signals: "changed" () - the user changed a line (after the figures were worked out);
 * "line-action" (guint line) - the action button of the budget's line @line (an index in
 * comm_budget_editor_get_budget()'s lines): "Update" on a flagged commitment, "Contracts…" on
 * an allocation. */
GtkWidget              *comm_budget_editor_new            (void);
/* Shows a copy of @budget (NULL: nothing), without emitting "changed". */
void                    comm_budget_editor_set_budget     (CommBudgetEditor       *self,
                                                           const CommBudget       *budget);
/* The budget as typed now (blank lines left out; a value that cannot be read counts as 0) and
 * its figures; NULL when none is shown. Owned by the editor, replaced on the next change. */
const CommBudget       *comm_budget_editor_get_budget     (CommBudgetEditor       *self);
const CommBudgetResult *comm_budget_editor_get_result     (CommBudgetEditor       *self);
/* After @saved (a copy of comm_budget_editor_get_budget(), unchanged since) was saved: keeps
 * the ids the workspace gave the budget and its new lines, so the next save updates them. */
void                    comm_budget_editor_take_ids       (CommBudgetEditor       *self,
                                                           const CommBudget       *saved);
/* TRUE when every line reads and nothing blocks the sums: the budget may be saved. */
gboolean                comm_budget_editor_is_valid       (CommBudgetEditor       *self);
/* Why the budget cannot be saved (NULL when it can). */
const char             *comm_budget_editor_get_problem    (CommBudgetEditor       *self);
CommBudgetSection      *comm_budget_editor_get_section    (CommBudgetEditor       *self,
                                                           CommBudgetLineKind      kind);
/* How allocation lines are spent by their contracts (GArray of CommBudgetAllocationUse, from
 * comm_budget_store_allocation_use for the budget shown; NULL: none); matched to lines by name. */
void                    comm_budget_editor_set_allocation_use (CommBudgetEditor   *self,
                                                           GArray                 *uses);
/* Shows how the save went: "Saved", or why not (@problem). */
void                    comm_budget_editor_set_save_state (CommBudgetEditor       *self,
                                                           const char             *text,
                                                           gboolean                problem);
/* The text of a figure, for tests: "income", "committed", "available", "fixed",
 * "after-fixed", "percent-total", "percent-amount", "unallocated". */
const char             *comm_budget_editor_get_figure     (CommBudgetEditor       *self,
                                                           const char             *name);
/* The notes under the figures (published totals that differ, flagged lines), for tests. */
const char             *comm_budget_editor_get_notes      (CommBudgetEditor       *self);
/* The section and row of budget line @line; FALSE if it has none. */
gboolean                comm_budget_editor_find_row       (CommBudgetEditor       *self,
                                                           guint                   line,
                                                           CommBudgetSection     **section,
                                                           guint                  *row);

G_END_DECLS
