/* comm-monitoring.h: how often a contract is monitored, from its RAG rating (DOMAIN.md) */
#pragma once

#include <glib.h>

#include "comm-types.h"

G_BEGIN_DECLS

/* Months between formal monitoring meetings: Green 3, Amber 2, Red 1; not yet rated 3. */
int      comm_monitoring_interval_months (CommRag      rag);
/* The next meeting is due @interval months after the last meeting (the day clamped to the month's
 * end: 31 Jan + 1 month = 28 or 29 Feb). With no meeting yet, it counts from @fallback (the date of
 * the current rating, else the contract start). */
void     comm_monitoring_next_due        (CommRag      rag,
                                          const GDate *last_meeting,  /* nullable / invalid = none */
                                          const GDate *fallback,
                                          GDate       *out);
/* Overdue when the due date is before @today (due today is not overdue). */
gboolean comm_monitoring_is_overdue      (const GDate *due,
                                          const GDate *today);

G_END_DECLS
