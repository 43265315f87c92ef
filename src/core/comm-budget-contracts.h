/* comm-budget-contracts.h: a budget's links to the contracts register
 *
 * Commitments drawn from contracts: a contract runs in a financial year if it is not deleted and
 * its dates (start to the extended end, or the termination date) overlap 1 April - 31 March.
 * Its figure for the year is the sum of its funding lines for that year; if it has none for that
 * year, its annual value (comm_contract_get_annual_value's rule: the nearest earlier year's
 * funding, else the first year's) times the days it runs in the year divided by the days in the
 * year (366 when the year holds 29 February), to the penny, rounded half up.
 *
 * Allocations to contracts: a fixed or percentage line can be linked to the contracts that spend
 * it; its use is the allocation against the sum of those contracts' figures for the year.
 */
#pragma once

#include <gio/gio.h>

#include "comm-budget.h"
#include "comm-contract.h"
#include "comm-database.h"

G_BEGIN_DECLS

/* Days of financial year @year (by its start year) that the dates from @start to @end (ISO,
 * inclusive) cover; 0 if none or the dates are not valid. */
int       comm_budget_days_in_year          (int            year,
                                             const char    *start,
                                             const char    *end);
/* @contract's figure for financial year @year (details must be loaded: funding lines), the
 * source of the figure, and the days it runs in the year. FALSE (figure 0) if it does not run
 * in the year or is terminated before it. */
gboolean  comm_budget_contract_figure       (CommContract         *contract,
                                             int                   year,
                                             gint64               *amount,
                                             CommCommitmentSource *source,
                                             int                  *days);

/* A contract that runs in a budget's year, as offered for "Add commitments from contracts". */
typedef struct {
  gint64                contract_id;
  char                 *reference;
  char                 *title;
  char                 *provider_name;
  char                 *service_area;
  char                 *start_date;     /* ISO */
  char                 *end_date;       /* ISO, the effective end (extended-to / terminated-on) */
  gint64                amount;         /* pence, the figure for the year */
  CommCommitmentSource  source;
  int                   days;           /* days it runs in the year */
  int                   days_in_year;   /* 365 or 366 */
  gboolean              linked;         /* the budget already has a commitment linked to it */
} CommBudgetCandidate;

void       comm_budget_candidate_free         (CommBudgetCandidate *candidate);
/* Contracts running in @budget's year, by reference, not deleted (GPtrArray of
 * CommBudgetCandidate*); "linked" is set from @budget's lines (@budget nullable). */
GPtrArray *comm_budget_store_list_candidates  (CommDatabase     *db,
                                               const CommBudget *budget,
                                               int               year,
                                               GError          **error);
/* Appends to @budget (in memory; save it with comm_budget_store_save) one commitment per
 * candidate contract in @contract_ids (NULL = every candidate not already linked), named
 * "REF – Title", with its figure, source and dates. Returns how many were added. */
guint      comm_budget_add_commitments         (CommBudget      *budget,
                                                GPtrArray       *candidates,
                                                const GArray    *contract_ids);

/* One change found by comm_budget_store_refresh_commitments(). */
typedef struct {
  guint                 line;        /* index in budget->lines */
  gint64                old_amount;
  gint64                new_amount;  /* = old_amount when the line was only flagged */
  CommBudgetLineFlags   flags;       /* the line's flags after the refresh */
  char                 *message;     /* translated: "CON-014 – Family Support: £120,000.00 →
                                        £126,000.00 (its funding lines changed)." or "... the
                                        contract was deleted; the figure is kept and flagged." */
} CommBudgetChange;

void       comm_budget_change_free             (CommBudgetChange *change);
/* Compares each commitment linked to a contract with the contract now, in memory (save after):
 * a changed figure with the same dates is updated; a deleted contract, changed dates, or a
 * contract no longer running in the year keep the figure and set the flags. Lines whose state did
 * not change give no entry. Returns the changes (GPtrArray of CommBudgetChange*, maybe empty) or
 * NULL with @error. */
GPtrArray *comm_budget_store_refresh_commitments (CommDatabase  *db,
                                                  CommBudget    *budget,
                                                  GError       **error);
/* Takes line @line's contract's current figure, dates and source and clears its flags (in
 * memory). If the contract is deleted or no longer runs in the year, the figure becomes 0 and the
 * line is unlinked (it becomes a manual commitment). NOT_FOUND if the line is not linked. */
gboolean   comm_budget_store_accept_contract     (CommDatabase  *db,
                                                  CommBudget    *budget,
                                                  guint          line,
                                                  GError       **error);

/* How an allocation line is spent by its linked contracts. */
typedef struct {
  guint   line;            /* index in budget->lines */
  gint64  allocated;       /* pence: the line's figure (comm_budget_compute) */
  gint64  contracted;      /* the sum of the linked contracts' figures for the year */
  gint64  left;            /* allocated - contracted (negative = overspent) */
  guint   n_contracts;     /* linked contracts counted */
  guint   n_deleted;       /* linked contracts deleted since (not counted in contracted) */
  guint   n_not_in_year;   /* linked contracts that don't run in the year (figure 0) */
} CommBudgetAllocationUse;

/* One entry per fixed or percent line that has linked contracts, in line order (GArray of
 * CommBudgetAllocationUse), using @result (comm_budget_compute of @budget) for the allocated
 * figures. */
GArray    *comm_budget_store_allocation_use      (CommDatabase           *db,
                                                  const CommBudget       *budget,
                                                  const CommBudgetResult *result,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommBudgetCandidate, comm_budget_candidate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommBudgetChange, comm_budget_change_free)

G_END_DECLS
