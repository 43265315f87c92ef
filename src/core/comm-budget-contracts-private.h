/* comm-budget-contracts-private.h: contracts as the budget code reads them (straight from SQL) */
#pragma once

#include "comm-budget.h"
#include "comm-database-private.h"

G_BEGIN_DECLS

typedef struct {
  int     year;
  gint64  amount;   /* pence: the sum of the contract's funding lines for the year */
} CommBudgetYearFunding;

typedef struct {
  gint64    id;
  char     *reference;
  char     *title;
  char     *provider_name;
  char     *service_area;
  char     *start;      /* ISO */
  char     *end;        /* ISO: the effective end (extended-to, or terminated-on if earlier) */
  gboolean  deleted;
  GArray   *years;      /* CommBudgetYearFunding, in year order */
} CommBudgetContractInfo;

void        _comm_budget_contract_info_free (CommBudgetContractInfo *info);
/* Every contract (deleted ones too, flagged), by reference, or only @only when not 0. */
GPtrArray  *_comm_budget_read_contracts     (CommDatabase  *db,
                                             gint64         only,
                                             GError       **error);
/* One contract, deleted or not; NOT_FOUND if there is no such row. */
CommBudgetContractInfo *
            _comm_budget_read_contract      (CommDatabase  *db,
                                             gint64         id,
                                             GError       **error);
/* The end that counts: extended-to if set, else the end date; a termination date before it wins. */
const char *_comm_budget_effective_end      (const char    *end_date,
                                             const char    *extended_to,
                                             const char    *terminated_on);
/* The figure for @year from dates and funding (see comm-budget-contracts.h); FALSE if the dates
 * don't reach into the year. */
gboolean    _comm_budget_figure             (int                   year,
                                             const char           *start,
                                             const char           *end,
                                             GArray               *years,
                                             gint64               *amount,
                                             CommCommitmentSource *source,
                                             int                  *days);
void        _comm_budget_add_funding        (GArray        *years,
                                             int            year,
                                             gint64         amount);
/* "REF – Title", made unique among @budget's lines with " (2)", " (3)" ... */
char       *_comm_budget_commitment_name    (const CommBudget *budget,
                                             const char       *reference,
                                             const char       *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommBudgetContractInfo, _comm_budget_contract_info_free)

G_END_DECLS
