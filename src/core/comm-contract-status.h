/* comm-contract-status.h: a contract's status follows from its dates and decisions */
#pragma once

#include <glib.h>

#include "comm-types.h"

G_BEGIN_DECLS

typedef struct {
  GDate    start;
  GDate    end;
  GDate    extended_to;    /* invalid if no extension */
  GDate    terminated_on;  /* invalid if not terminated */
  int      notice_months;
  gboolean procuring;
} CommContractDates;

/* terminated_on set and reached -> TERMINATED; today before start -> PROCURING if procuring, else
 * PLANNED; after the effective end (extended_to, else end) -> EXPIRED; after the original end but
 * within an extension -> EXTENDED; on or after the notice date (effective end minus notice months;
 * with no notice period, 3 months before the end) -> IN_NOTICE; else ACTIVE. */
CommContractStatus comm_contract_status_for (const CommContractDates *dates,
                                             const GDate             *today);
/* Effective end minus the notice period (clamped to the month's end). */
void               comm_contract_notice_date (const CommContractDates *dates,
                                              GDate                   *out);

G_END_DECLS
