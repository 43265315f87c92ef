/* comm-contract-derived.h: what a contract's derived figures say, in words for the editor */
#pragma once

#include "commissioner-core.h"

G_BEGIN_DECLS

/* The derived read-outs of a contract (every string newly allocated; "" where there is nothing). */
typedef struct {
  char *status;      /* "Active", "In notice / to renew" ... */
  char *annual;      /* "£120,000.00" */
  char *total;       /* the value over the whole term */
  char *monitoring;  /* "14 Dec 2026 (Green: a meeting every 6 months)", or "Overdue: was due ..." */
  char *reminders;   /* a line a reminder due as of @today; NULL if none is due, "" without an end date */
  gboolean overdue;  /* monitoring overdue */
} CommContractDerived;

/* Fills @out for @contract as of @today, with the reminder lead times @leads (months). */
void comm_contract_derived_describe (CommContract        *contract,
                                     const int           *leads,
                                     guint                n_leads,
                                     const GDate         *today,
                                     CommContractDerived *out);
void comm_contract_derived_clear    (CommContractDerived *derived);

G_END_DECLS
