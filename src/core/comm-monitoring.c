/* comm-monitoring.c: how often a contract is monitored, from its RAG rating (DOMAIN.md)
 *
 * Green: a formal meeting every quarter; Amber: every two months; Red: every month. A contract
 * not yet rated is treated as Green until its first rating.
 */
#include "config.h"

#include "comm-date.h"
#include "comm-monitoring.h"

int
comm_monitoring_interval_months (CommRag rag)
{
  switch (rag)
    {
    case COMM_RAG_RED:
      return 1;
    case COMM_RAG_AMBER:
      return 2;
    case COMM_RAG_GREEN:
    case COMM_RAG_NONE:
    default:
      return 3;
    }
}

void
comm_monitoring_next_due (CommRag      rag,
                          const GDate *last_meeting,
                          const GDate *fallback,
                          GDate       *out)
{
  g_return_if_fail (out != NULL);

  if (last_meeting != NULL && g_date_valid (last_meeting))
    *out = *last_meeting;
  else if (fallback != NULL && g_date_valid (fallback))
    *out = *fallback;
  else
    {
      g_date_clear (out, 1);  /* nothing to count from */
      return;
    }

  comm_date_add_months (out, comm_monitoring_interval_months (rag));
}

gboolean
comm_monitoring_is_overdue (const GDate *due,
                            const GDate *today)
{
  if (due == NULL || today == NULL || !g_date_valid (due) || !g_date_valid (today))
    return FALSE;

  return g_date_compare (due, today) < 0;
}
