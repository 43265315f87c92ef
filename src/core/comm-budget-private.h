/* comm-budget-private.h: what the budget store's files share */
#pragma once

#include "comm-budget.h"
#include "comm-database-private.h"

G_BEGIN_DECLS

/* The id of the programme called @name (case-insensitive), 0 if none, -1 with @error. */
gint64   _comm_budget_programme_lookup (CommDatabase  *db,
                                        const char    *name,
                                        GError       **error);
/* Finds or inserts the programme, inside the caller's transaction; -1 with @error. */
gint64   _comm_budget_programme_ensure (CommDatabase  *db,
                                        const char    *name,
                                        GError       **error);
/* The id of the base budget of @programme_id for @year, 0 if none, -1 with @error. */
gint64   _comm_budget_base_lookup      (CommDatabase  *db,
                                        gint64         programme_id,
                                        int            year,
                                        GError       **error);

/* Sets a copy's ids to 0 (budget and lines) so saving it makes new rows. */
void     _comm_budget_forget_ids       (CommBudget    *budget);

G_END_DECLS
