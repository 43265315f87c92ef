/* comm-contract-derived.c: working out a contract's derived properties
 *
 * Derived properties (value, status, next monitoring due ...) follow from the stored ones and
 * from today's date, and are recomputed only by comm_contract_refresh_derived() - but for the
 * search key, folded when first asked for. That keeps a list of 10,000 contracts cheap: nothing
 * is worked out twice or before it is needed, and notifications are coalesced into one batch per
 * refresh.
 *
 * When the detail arrays are not loaded (a row of the register), the money, RAG and last-meeting
 * figures come from the summary the list query computed in SQL; once loaded, from the arrays.
 */
#include "config.h"

#include "comm-contract-object-private.h"
#include "comm-contract-status.h"
#include "comm-date.h"
#include "comm-monitoring.h"
#include "comm-reminders.h"
#include "comm-text.h"

static const int default_leads[] = { 12, 6, 3 };

static void
update_date (CommContract *self,
             char         *buffer,
             const GDate  *date,
             guint         prop_id)
{
  char text[ISO_DATE_SIZE] = "";

  /* By hand: g_snprintf() was a measurable part of loading 10,000 contracts. */
  if (date != NULL && g_date_valid (date) && g_date_get_year (date) <= 9999)
    {
      guint year = g_date_get_year (date), month = g_date_get_month (date), day = g_date_get_day (date);

      text[0] = '0' + year / 1000;
      text[1] = '0' + year / 100 % 10;
      text[2] = '0' + year / 10 % 10;
      text[3] = '0' + year % 10;
      text[4] = text[7] = '-';
      text[5] = '0' + month / 10;
      text[6] = '0' + month % 10;
      text[8] = '0' + day / 10;
      text[9] = '0' + day % 10;
    }
  if (strcmp (buffer, text) == 0)
    return;

  memcpy (buffer, text, sizeof text);
  _comm_contract_notify (self, prop_id);
}

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_date_clear (out, 1);
  return text != NULL && *text != '\0' && comm_date_parse_iso (text, out);
}

/* The year whose lines make the annual value: @current if any, else the nearest before it, else
 * the first. Returns FALSE if there are no lines at all. */
static gboolean
pick_annual_year (GPtrArray *lines,
                  int        current,
                  int       *year)
{
  gboolean have_before = FALSE;
  int best_before = 0;
  int first = G_MAXINT;

  for (guint i = 0; i < lines->len; i++)
    {
      const CommFundingLine *line = g_ptr_array_index (lines, i);

      if (line->year <= current && (!have_before || line->year > best_before))
        {
          best_before = line->year;
          have_before = TRUE;
        }
      first = MIN (first, line->year);
    }

  *year = have_before ? best_before : first;
  return lines->len > 0;
}

static void
refresh_money (CommContract *self,
               const GDate  *today)
{
  gint64 value = 0;
  gint64 annual = 0;
  GPtrArray *lines;
  int year;

  if (!self->has_details)
    {
      UPDATE_VALUE (self, value, self->summary.value, PROP_VALUE);
      UPDATE_VALUE (self, annual_value, self->summary.annual_value, PROP_ANNUAL_VALUE);
      return;
    }

  lines = FUNDING_LINES (self);
  if (pick_annual_year (lines, comm_financial_year_of (today), &year))
    for (guint i = 0; i < lines->len; i++)
      {
        const CommFundingLine *line = g_ptr_array_index (lines, i);

        value += line->amount;
        if (line->year == year)
          annual += line->amount;
      }

  UPDATE_VALUE (self, value, value, PROP_VALUE);
  UPDATE_VALUE (self, annual_value, annual, PROP_ANNUAL_VALUE);
}

static void
set_rag (CommContract *self,
         CommRag       rag)
{
  if (self->rag == rag)
    return;

  self->rag = rag;
  _comm_contract_notify (self, PROP_RAG);
  _comm_contract_notify (self, PROP_RAG_LABEL);
}

static void
refresh_rag (CommContract *self)
{
  const CommRagEntry *latest = NULL;
  const char *last_meeting = NULL;
  GPtrArray *history, *meetings;

  if (!self->has_details)
    {
      set_rag (self, self->summary.rag);
      _comm_contract_update_string (self, &self->rag_date, self->summary.rag_date, PROP_RAG_DATE);
      _comm_contract_update_string (self, &self->rag_comment, self->summary.rag_comment,
                                    PROP_RAG_COMMENT);
      _comm_contract_update_string (self, &self->last_meeting_date, self->summary.last_meeting_date,
                                    PROP_LAST_MEETING_DATE);
      return;
    }

  /* Newest by date; on a tie the earlier entry (the store loads newest first). */
  history = RAG_HISTORY (self);
  meetings = MEETINGS (self);
  for (guint i = 0; i < history->len; i++)
    {
      const CommRagEntry *entry = g_ptr_array_index (history, i);

      if (latest == NULL || g_strcmp0 (entry->rated_on, latest->rated_on) > 0)
        latest = entry;
    }
  for (guint i = 0; i < meetings->len; i++)
    {
      const CommMeeting *meeting = g_ptr_array_index (meetings, i);

      if (last_meeting == NULL || g_strcmp0 (meeting->held_on, last_meeting) > 0)
        last_meeting = meeting->held_on;
    }

  set_rag (self, latest != NULL ? latest->rag : COMM_RAG_NONE);
  _comm_contract_update_string (self, &self->rag_date, latest != NULL ? latest->rated_on : "", PROP_RAG_DATE);
  _comm_contract_update_string (self, &self->rag_comment, latest != NULL ? latest->comment : "",
                                PROP_RAG_COMMENT);
  _comm_contract_update_string (self, &self->last_meeting_date, last_meeting, PROP_LAST_MEETING_DATE);
}

static void
clear_dates (CommContract *self)
{
  UPDATE_VALUE (self, status, COMM_STATUS_PLANNED, PROP_STATUS);
  update_date (self, self->effective_end_date, NULL, PROP_EFFECTIVE_END_DATE);
  update_date (self, self->notice_date, NULL, PROP_NOTICE_DATE);
  update_date (self, self->next_monitoring_due, NULL, PROP_NEXT_MONITORING_DUE);
  UPDATE_VALUE (self, monitoring_overdue, FALSE, PROP_MONITORING_OVERDUE);
  UPDATE_VALUE (self, days_to_end, 0, PROP_DAYS_TO_END);
  UPDATE_VALUE (self, ending_soon, FALSE, PROP_ENDING_SOON);
}

static gboolean
status_is_running (CommContractStatus status)
{
  return status == COMM_STATUS_ACTIVE || status == COMM_STATUS_IN_NOTICE ||
         status == COMM_STATUS_EXTENDED;
}

static void
refresh_dates (CommContract *self,
               const GDate  *today,
               const int    *leads,
               guint         n_leads)
{
  CommContractDates dates = { .notice_months = self->notice_months, .procuring = self->procuring };
  const GDate *effective_end;
  GDate notice, fallback, last_meeting, due;
  g_autoptr(GArray) reminders = NULL;
  CommContractStatus status;

  if (!parse_date (TEXT (self, PROP_START_DATE), &dates.start) ||
      !parse_date (TEXT (self, PROP_END_DATE), &dates.end))
    {
      clear_dates (self);
      return;
    }
  parse_date (TEXT (self, PROP_EXTENDED_TO), &dates.extended_to);
  parse_date (TEXT (self, PROP_TERMINATED_ON), &dates.terminated_on);
  effective_end = g_date_valid (&dates.extended_to) ? &dates.extended_to : &dates.end;

  status = comm_contract_status_for (&dates, today);
  comm_contract_notice_date (&dates, &notice);
  if (!parse_date (self->rag_date, &fallback))
    fallback = dates.start;
  parse_date (self->last_meeting_date, &last_meeting);
  comm_monitoring_next_due (self->rag, &last_meeting, &fallback, &due);
  reminders = comm_reminders_due (effective_end, self->notice_months > 0 ? &notice : NULL,
                                  leads, n_leads, today);

  if (status != self->status)
    {
      self->status = status;
      _comm_contract_notify (self, PROP_STATUS);
      _comm_contract_notify (self, PROP_STATUS_LABEL);
    }
  update_date (self, self->effective_end_date, effective_end, PROP_EFFECTIVE_END_DATE);
  update_date (self, self->notice_date, &notice, PROP_NOTICE_DATE);
  /* Monitoring ends with the contract: an expired or terminated one has no next meeting. */
  update_date (self, self->next_monitoring_due,
               status == COMM_STATUS_EXPIRED || status == COMM_STATUS_TERMINATED ? NULL : &due,
               PROP_NEXT_MONITORING_DUE);
  UPDATE_VALUE (self, monitoring_overdue,
                status_is_running (status) && comm_monitoring_is_overdue (&due, today),
                PROP_MONITORING_OVERDUE);
  UPDATE_VALUE (self, days_to_end, comm_date_days_between (today, effective_end), PROP_DAYS_TO_END);
  UPDATE_VALUE (self, ending_soon,
                reminders->len > 0 && status != COMM_STATUS_EXPIRED && status != COMM_STATUS_TERMINATED,
                PROP_ENDING_SOON);
}

/* The search key is folded when first asked for, not on every refresh: folding is the
 * costliest part of reading 10,000 contracts, and most are never searched before the next
 * reload. A change to one of its inputs drops it; the next refresh notifies "search-key". */
gboolean
_comm_contract_is_search_input (guint prop_id)
{
  return prop_id == PROP_REFERENCE || prop_id == PROP_TITLE || prop_id == PROP_SERVICE_AREA ||
         prop_id == PROP_LEAD_COMMISSIONER;
}

void
_comm_contract_drop_search_key (CommContract *self)
{
  g_clear_pointer (&self->search_key, g_free);
  self->search_key_changed = TRUE;
}

static char *
fold_search_key (CommContract *self)
{
  const char *area = TEXT (self, PROP_SERVICE_AREA);
  g_autofree char *joined = NULL;

  if (*area != '\0')
    area = comm_choice_label (comm_service_areas (), area);
  joined = g_strjoin (" ", TEXT (self, PROP_REFERENCE), TEXT (self, PROP_TITLE),
                      self->provider_name, area, TEXT (self, PROP_LEAD_COMMISSIONER), NULL);
  return comm_text_fold (joined);
}

const char *
comm_contract_get_search_key (CommContract *self)
{
  g_return_val_if_fail (COMM_IS_CONTRACT (self), NULL);

  if (self->search_key == NULL)
    self->search_key = fold_search_key (self);

  return self->search_key;
}

void
comm_contract_set_summary (CommContract *self,
                           gint64        value,
                           gint64        annual_value,
                           CommRag       rag,
                           const char   *rag_date,
                           const char   *rag_comment,
                           const char   *last_meeting_date)
{
  g_return_if_fail (COMM_IS_CONTRACT (self));

  self->summary.value = value;
  self->summary.annual_value = annual_value;
  self->summary.rag = rag;
  _comm_contract_update_string (self, &self->summary.rag_date, rag_date, 0);
  _comm_contract_update_string (self, &self->summary.rag_comment, rag_comment, 0);
  _comm_contract_update_string (self, &self->summary.last_meeting_date, last_meeting_date, 0);
}

void
comm_contract_refresh_derived (CommContract *self,
                               const GDate  *today,
                               const int    *leads,
                               guint         n_leads)
{
  g_return_if_fail (COMM_IS_CONTRACT (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  if (leads == NULL)
    {
      leads = default_leads;
      n_leads = G_N_ELEMENTS (default_leads);
    }

  g_object_freeze_notify (G_OBJECT (self));
  refresh_money (self, today);
  refresh_rag (self);
  refresh_dates (self, today, leads, n_leads);
  if (self->search_key_changed)
    {
      self->search_key_changed = FALSE;
      _comm_contract_notify (self, PROP_SEARCH_KEY);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
