/* comm-budget-contract-picker.h: a dialog to tick contracts running in a budget's year
 *
 * Used to pull contracts into a budget's commitments and to link contracts to an allocation.
 * Each contract shows its reference and title, provider, dates and its figure for the year with
 * where the figure comes from (funding lines, or apportioned by days).
 */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

/* @contract_ids: the ticked contracts (gint64), owned by the dialog. */
typedef void (*CommContractsPicked) (GArray   *contract_ids,
                                     gpointer  user_data);

/* Shows the dialog over @parent with @candidates (CommBudgetCandidate*, reffed). Contracts in
 * @ticked (gint64 ids, nullable) start ticked; with @lock_linked, contracts already linked to
 * the budget are shown but cannot be ticked. @picked runs when @apply_label is pressed. */
GtkWindow *comm_budget_contract_picker_run (GtkWindow           *parent,
                                            const char          *heading,
                                            const char          *body,
                                            const char          *apply_label,
                                            GPtrArray           *candidates,
                                            const GArray        *ticked,
                                            gboolean             lock_linked,
                                            CommContractsPicked  picked,
                                            gpointer             user_data);

G_END_DECLS
