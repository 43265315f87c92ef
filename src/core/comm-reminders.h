/* comm-reminders.h: reminders before a contract's end date and its notice date */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  COMM_REMINDER_END,     /* before the (effective) end date */
  COMM_REMINDER_NOTICE,  /* before the last day to give notice */
} CommReminderKind;

typedef struct {
  CommReminderKind kind;
  int              lead_months;  /* 12, 6, 3 ... */
  GDate            due_on;       /* target minus lead months */
  GDate            target;       /* the end date or notice date */
} CommReminder;

#define COMM_REMINDER_DEFAULT_LEADS "12,6,3"

/* Parses "12,6,3" (whole months, 1-60, any order, no duplicates) into a sorted, descending array
 * of int. Fails with a message quoting the bad part. */
GArray  *comm_reminder_leads_parse (const char *text,
                                    GError    **error);
char    *comm_reminder_leads_to_string (const int *leads,
                                        guint      n_leads);
/* The reminders that are due on @today: due_on <= today <= target, for each lead and each of the
 * two targets (the notice target only when @notice_date is valid). Nearest target first.
 * Returns a GArray of CommReminder (possibly empty). */
GArray  *comm_reminders_due        (const GDate *end_date,
                                    const GDate *notice_date,
                                    const int   *leads,
                                    guint        n_leads,
                                    const GDate *today);
/* A sentence for the user: "Ends within 3 months (31 Mar 2027)", "Notice due by 31 Dec 2026". */
char    *comm_reminder_describe    (const CommReminder *reminder);

G_END_DECLS
