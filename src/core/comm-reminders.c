/* comm-reminders.c: reminders before a contract's end date and its notice date
 *
 * A reminder with a lead of N months is due from N months before its target up to and including
 * the target day itself; it is not due before that, nor once the target has passed. Lead lists
 * are written "12,6,3"; an empty list (no reminders at all) is allowed.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-error.h"
#include "comm-reminders.h"

#define MAX_LEAD_MONTHS 60

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x < y) - (x > y);
}

/* Reads one lead: whole months, 1-60. */
static gboolean
parse_lead (const char *part,
            int        *out)
{
  int value = 0;

  if (*part == '\0')
    return FALSE;
  for (const char *p = part; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) || value > MAX_LEAD_MONTHS)
        return FALSE;
      value = value * 10 + (*p - '0');
    }
  if (value < 1 || value > MAX_LEAD_MONTHS)
    return FALSE;

  *out = value;
  return TRUE;
}

GArray *
comm_reminder_leads_parse (const char  *text,
                           GError     **error)
{
  g_autoptr(GArray) leads = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(GStrv) parts = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    return g_steal_pointer (&leads);

  parts = g_strsplit (trimmed, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      int lead;

      if (!parse_lead (part, &lead))
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                       /* Translators: %s is one part of a list such as "12,6,3" */
                       _("“%s” is not a number of months between 1 and 60. Write the reminders as months before the date, separated by commas, as in 12,6,3."),
                       part);
          return NULL;
        }
      for (guint j = 0; j < leads->len; j++)
        if (g_array_index (leads, int, j) == lead)
          {
            g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                         _("%d months is in the list of reminders twice."), lead);
            return NULL;
          }
      g_array_append_val (leads, lead);
    }

  g_array_sort (leads, compare_descending);
  return g_steal_pointer (&leads);
}

char *
comm_reminder_leads_to_string (const int *leads,
                               guint      n_leads)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (leads != NULL || n_leads == 0, g_string_free (out, FALSE));

  for (guint i = 0; i < n_leads; i++)
    g_string_append_printf (out, i > 0 ? ",%d" : "%d", leads[i]);

  return g_string_free (out, FALSE);
}

static void
add_due (GArray           *due,
         CommReminderKind  kind,
         const GDate      *target,
         const int        *leads,
         guint             n_leads,
         const GDate      *today)
{
  if (target == NULL || !g_date_valid (target) || g_date_compare (today, target) > 0)
    return;

  for (guint i = 0; i < n_leads; i++)
    {
      CommReminder reminder = { 0 };

      if (leads[i] <= 0)
        continue;
      reminder.kind = kind;
      reminder.lead_months = leads[i];
      reminder.target = *target;
      reminder.due_on = *target;
      comm_date_add_months (&reminder.due_on, -leads[i]);
      if (g_date_compare (&reminder.due_on, today) <= 0)
        g_array_append_val (due, reminder);
    }
}

/* Nearest target first; for one target, the shortest lead (the most urgent) first. */
static int
compare_reminders (gconstpointer a,
                   gconstpointer b)
{
  const CommReminder *x = a, *y = b;
  int by_target = g_date_compare (&x->target, &y->target);

  if (by_target != 0)
    return by_target;
  if (x->kind != y->kind)
    return x->kind == COMM_REMINDER_NOTICE ? -1 : 1;
  return (x->lead_months > y->lead_months) - (x->lead_months < y->lead_months);
}

GArray *
comm_reminders_due (const GDate *end_date,
                    const GDate *notice_date,
                    const int   *leads,
                    guint        n_leads,
                    const GDate *today)
{
  GArray *due = g_array_new (FALSE, FALSE, sizeof (CommReminder));

  g_return_val_if_fail (leads != NULL || n_leads == 0, due);

  if (today == NULL || !g_date_valid (today))
    return due;

  add_due (due, COMM_REMINDER_END, end_date, leads, n_leads, today);
  add_due (due, COMM_REMINDER_NOTICE, notice_date, leads, n_leads, today);
  g_array_sort (due, compare_reminders);

  return due;
}

char *
comm_reminder_describe (const CommReminder *reminder)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (reminder != NULL, g_strdup (""));

  target = comm_date_format_display (&reminder->target);
  if (reminder->kind == COMM_REMINDER_NOTICE)
    return g_strdup_printf (/* Translators: %s is a date, the last day to give notice on a contract */
                            _("Notice due by %s"), target);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a contract ends within this many months
                                        * (it may be sooner: the reminder was set that long
                                        * before the end); %s is the end date */
                                       "Ends within %d month (%s)",
                                       "Ends within %d months (%s)",
                                       reminder->lead_months),
                          reminder->lead_months, target);
}
