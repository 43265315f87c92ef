/* comm-contract-derived.c: what a contract's derived figures say, in words for the editor
 *
 * The contract editor shows, beside the fields, what follows from them and is never stored: the
 * status from the dates, the annual and whole-term value from the funding lines, the next
 * monitoring meeting from the RAG rule, and the reminders due. They are worked out again on
 * every key press; this file says them, the editor shows them.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-contract-derived.h"

static char *
get_string (CommContract *contract,
            const char   *property)
{
  char *value = NULL;

  g_object_get (contract, property, &value, NULL);
  return value != NULL ? value : g_strdup ("");
}

static char *
describe_reminders (CommContract *contract,
                    const int    *leads,
                    guint         n_leads,
                    const GDate  *today)
{
  g_autofree char *end_iso = get_string (contract, "effective-end-date");
  g_autofree char *notice_iso = get_string (contract, "notice-date");
  g_autoptr(GArray) due = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GDate end, notice;

  g_date_clear (&end, 1);
  g_date_clear (&notice, 1);
  if (!comm_date_parse_iso (end_iso, &end))
    return g_strdup ("");  /* no end date yet: nothing to say (shown as a dash) */
  comm_date_parse_iso (notice_iso, &notice);

  due = comm_reminders_due (&end, &notice, leads, n_leads, today);
  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      g_autofree char *line = comm_reminder_describe (&g_array_index (due, CommReminder, i));

      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
    }

  if (text->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
comm_contract_derived_describe (CommContract        *contract,
                                const int           *leads,
                                guint                n_leads,
                                const GDate         *today,
                                CommContractDerived *out)
{
  g_autofree char *due = NULL;
  CommRag rag;
  int interval;

  g_return_if_fail (COMM_IS_CONTRACT (contract));
  g_return_if_fail (out != NULL);

  due = comm_date_iso_to_display (comm_contract_get_next_monitoring_due (contract));
  rag = comm_contract_get_rag (contract);
  interval = comm_monitoring_interval_months (rag);
  out->status = get_string (contract, "status-label");
  out->annual = comm_money_format (comm_contract_get_annual_value (contract));
  out->total = comm_money_format (comm_contract_get_value (contract));
  out->overdue = comm_contract_get_monitoring_overdue (contract);
  if (*due == '\0')
    out->monitoring = g_strdup ("");
  else if (out->overdue)
    out->monitoring = g_strdup_printf (_("Overdue: was due %s (%s: a meeting every %d months)"), due,
                                       comm_rag_to_label (rag), interval);
  else
    out->monitoring = g_strdup_printf (_("%s (%s: a meeting every %d months)"), due,
                                       comm_rag_to_label (rag), interval);
  out->reminders = describe_reminders (contract, leads, n_leads, today);
}

void
comm_contract_derived_clear (CommContractDerived *derived)
{
  g_clear_pointer (&derived->status, g_free);
  g_clear_pointer (&derived->annual, g_free);
  g_clear_pointer (&derived->total, g_free);
  g_clear_pointer (&derived->monitoring, g_free);
  g_clear_pointer (&derived->reminders, g_free);
}
