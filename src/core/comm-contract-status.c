/* comm-contract-status.c: a contract's status follows from its dates and decisions
 *
 * Dates are inclusive: a contract ending 31 March 2027 is still running on that day and expired
 * on 1 April. A contract without a start date has not started (planned, or procuring). A contract
 * without an end date runs on: it never expires and never enters its notice period.
 */
#include "config.h"

#include "comm-contract-status.h"
#include "comm-date.h"

/* Without a notice period, a contract is "to renew" in its last three months. */
#define DEFAULT_RENEWAL_MONTHS 3

static const GDate *
effective_end (const CommContractDates *dates)
{
  if (g_date_valid (&dates->extended_to))
    return &dates->extended_to;
  return &dates->end;
}

void
comm_contract_notice_date (const CommContractDates *dates,
                           GDate                   *out)
{
  const GDate *end;

  g_return_if_fail (dates != NULL);
  g_return_if_fail (out != NULL);

  end = effective_end (dates);
  if (!g_date_valid (end) || dates->notice_months <= 0)
    {
      g_date_clear (out, 1);
      return;
    }

  *out = *end;
  comm_date_add_months (out, -dates->notice_months);
}

CommContractStatus
comm_contract_status_for (const CommContractDates *dates,
                          const GDate             *today)
{
  const GDate *end;
  GDate from;

  g_return_val_if_fail (dates != NULL, COMM_STATUS_PLANNED);
  g_return_val_if_fail (today != NULL && g_date_valid (today), COMM_STATUS_PLANNED);

  if (g_date_valid (&dates->terminated_on) && g_date_compare (today, &dates->terminated_on) >= 0)
    return COMM_STATUS_TERMINATED;

  if (!g_date_valid (&dates->start) || g_date_compare (today, &dates->start) < 0)
    return dates->procuring ? COMM_STATUS_PROCURING : COMM_STATUS_PLANNED;

  end = effective_end (dates);
  if (!g_date_valid (end))
    return COMM_STATUS_ACTIVE;
  if (g_date_compare (today, end) > 0)
    return COMM_STATUS_EXPIRED;
  if (g_date_valid (&dates->extended_to) && g_date_valid (&dates->end) &&
      g_date_compare (today, &dates->end) > 0)
    return COMM_STATUS_EXTENDED;

  from = *end;
  comm_date_add_months (&from, -(dates->notice_months > 0 ? dates->notice_months
                                                           : DEFAULT_RENEWAL_MONTHS));
  if (g_date_compare (today, &from) >= 0)
    return COMM_STATUS_IN_NOTICE;

  return COMM_STATUS_ACTIVE;
}
