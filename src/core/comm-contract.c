/* comm-contract.c: a contract, its funding lines, RAG history and monitoring meetings
 *
 * Stored properties are what the user edits; derived ones (value, status, next monitoring due ...)
 * follow from them and from today's date, and are recomputed only by
 * comm_contract_refresh_derived() - but for the search key, folded when first asked for. That
 * keeps a list of 10,000 contracts cheap: nothing is worked out twice or before it is needed, and
 * notifications are coalesced into one batch per refresh.
 *
 * When the detail arrays are not loaded (a row of the register), the money, RAG and last-meeting
 * figures come from the summary the list query computed in SQL; once loaded, from the arrays.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-private.h"
#include "comm-contract-status.h"
#include "comm-date.h"
#include "comm-monitoring.h"
#include "comm-reminders.h"
#include "comm-text.h"

#define ISO_DATE_SIZE 11  /* "YYYY-MM-DD" and the NUL */

enum {
  PROP_0,
  PROP_ID,
  /* stored strings: keep together, in the order of CommContract.text */
  PROP_REFERENCE,
  PROP_TITLE,
  PROP_SERVICE_AREA,
  PROP_DESCRIPTION,
  PROP_LEAD_COMMISSIONER,
  PROP_GEOGRAPHY,
  PROP_PROCUREMENT_ROUTE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_EXTENSION_OPTIONS,
  PROP_REVIEW_DATE,
  PROP_EXTENDED_TO,
  PROP_TERMINATED_ON,
  /* other stored properties */
  PROP_PROVIDER_ID,
  PROP_NOTICE_MONTHS,
  PROP_PROCURING,
  PROP_IRRECOVERABLE_VAT,
  PROP_DEPARTMENT,
  /* derived, read-only */
  PROP_PROVIDER_NAME,
  PROP_VALUE,
  PROP_ANNUAL_VALUE,
  PROP_RAG,
  PROP_RAG_LABEL,
  PROP_RAG_DATE,
  PROP_RAG_COMMENT,
  PROP_LAST_MEETING_DATE,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_EFFECTIVE_END_DATE,
  PROP_NOTICE_DATE,
  PROP_NEXT_MONITORING_DUE,
  PROP_MONITORING_OVERDUE,
  PROP_DAYS_TO_END,
  PROP_ENDING_SOON,
  PROP_SEARCH_KEY,
  N_PROPS
};

#define FIRST_TEXT PROP_REFERENCE
#define N_TEXT (PROP_TERMINATED_ON - PROP_REFERENCE + 1)
#define TEXT(self, prop) ((self)->text[(prop) - FIRST_TEXT])

/* The figures the list query computes in SQL; used while the detail arrays are not loaded. */
typedef struct {
  gint64   value;
  gint64   annual_value;
  CommRag  rag;
  char    *rag_date;
  char    *rag_comment;
  char    *last_meeting_date;
} Summary;

struct _CommContract
{
  GObject             parent_instance;

  gint64              id;
  char               *text[N_TEXT];
  gint64              provider_id;
  int                 notice_months;
  gboolean            procuring;
  gint64              irrecoverable_vat;
  char               *department;

  gboolean            has_details;
  GPtrArray          *funding_lines;  /* the three: NULL until asked for or loaded */
  GPtrArray          *rag_history;
  GPtrArray          *meetings;
  Summary             summary;

  char               *provider_name;
  gint64              value;
  gint64              annual_value;
  CommRag             rag;
  char               *rag_date;
  char               *rag_comment;
  char               *last_meeting_date;
  CommContractStatus  status;
  char                effective_end_date[ISO_DATE_SIZE];
  char                notice_date[ISO_DATE_SIZE];
  char                next_monitoring_due[ISO_DATE_SIZE];
  gboolean            monitoring_overdue;
  int                 days_to_end;
  gboolean            ending_soon;
  char               *search_key;         /* NULL until asked for */
  gboolean            search_key_changed; /* an input changed: notify on the next refresh */
};

G_DEFINE_FINAL_TYPE (CommContract, comm_contract, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static const int default_leads[] = { 12, 6, 3 };

static void
notify (CommContract *self,
        guint         prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Most text fields of most contracts are empty: they share this one instead of each holding an
 * allocated "" (10,000 contracts x 20 fields). Free text fields with text_free() only. */
static char empty_text[] = "";

static void
text_free (char *text)
{
  if (text != empty_text)
    g_free (text);
}

/* Replaces an owned string if it differs, notifying @prop_id (0: no notification). */
static void
update_string (CommContract *self,
               char        **field,
               const char   *value,
               guint         prop_id)
{
  if (value == NULL)
    value = "";
  if (strcmp (*field, value) == 0)
    return;

  text_free (*field);
  *field = *value == '\0' ? empty_text : g_strdup (value);
  if (prop_id != 0)
    notify (self, prop_id);
}

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
  notify (self, prop_id);
}

#define UPDATE_VALUE(self, field, new_value, prop_id) \
  G_STMT_START {                                      \
    if ((self)->field != (new_value))                 \
      {                                               \
        (self)->field = (new_value);                  \
        notify ((self), (prop_id));                   \
      }                                               \
  } G_STMT_END

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_date_clear (out, 1);
  return text != NULL && *text != '\0' && comm_date_parse_iso (text, out);
}

/* A row of the register never loads its detail arrays: they are made when first asked for
 * (30,000 empty arrays were a megabyte and a half of 10,000 contracts). */
static GPtrArray *
ensure_array (GPtrArray      **array,
              GDestroyNotify   free_func)
{
  if (*array == NULL)
    *array = g_ptr_array_new_with_free_func (free_func);
  return *array;
}

#define FUNDING_LINES(self) ensure_array (&(self)->funding_lines, (GDestroyNotify) comm_funding_line_free)
#define RAG_HISTORY(self) ensure_array (&(self)->rag_history, (GDestroyNotify) comm_rag_entry_free)
#define MEETINGS(self) ensure_array (&(self)->meetings, (GDestroyNotify) comm_meeting_free)

static void
summary_clear (Summary *summary)
{
  text_free (summary->rag_date);
  text_free (summary->rag_comment);
  text_free (summary->last_meeting_date);
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
  notify (self, PROP_RAG);
  notify (self, PROP_RAG_LABEL);
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
      update_string (self, &self->rag_date, self->summary.rag_date, PROP_RAG_DATE);
      update_string (self, &self->rag_comment, self->summary.rag_comment, PROP_RAG_COMMENT);
      update_string (self, &self->last_meeting_date, self->summary.last_meeting_date,
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
  update_string (self, &self->rag_date, latest != NULL ? latest->rated_on : "", PROP_RAG_DATE);
  update_string (self, &self->rag_comment, latest != NULL ? latest->comment : "", PROP_RAG_COMMENT);
  update_string (self, &self->last_meeting_date, last_meeting, PROP_LAST_MEETING_DATE);
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
      notify (self, PROP_STATUS);
      notify (self, PROP_STATUS_LABEL);
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
static gboolean
is_search_input (guint prop_id)
{
  return prop_id == PROP_REFERENCE || prop_id == PROP_TITLE || prop_id == PROP_SERVICE_AREA ||
         prop_id == PROP_LEAD_COMMISSIONER;
}

static void
drop_search_key (CommContract *self)
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

static void
copy_array (GPtrArray *from,
            GPtrArray *to,
            GBoxedCopyFunc copy)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, copy (g_ptr_array_index (from, i)));
}

static void
comm_contract_finalize (GObject *object)
{
  CommContract *self = COMM_CONTRACT (object);

  for (guint i = 0; i < N_TEXT; i++)
    text_free (self->text[i]);
  g_clear_pointer (&self->funding_lines, g_ptr_array_unref);
  g_clear_pointer (&self->rag_history, g_ptr_array_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  summary_clear (&self->summary);
  text_free (self->provider_name);
  text_free (self->rag_date);
  text_free (self->rag_comment);
  text_free (self->last_meeting_date);
  g_free (self->search_key);
  text_free (self->department);

  G_OBJECT_CLASS (comm_contract_parent_class)->finalize (object);
}

static void
get_derived_property (CommContract *self,
                      guint         prop_id,
                      GValue       *value)
{
  switch (prop_id)
    {
    case PROP_PROVIDER_NAME:       g_value_set_string (value, self->provider_name); break;
    case PROP_VALUE:               g_value_set_int64 (value, self->value); break;
    case PROP_ANNUAL_VALUE:        g_value_set_int64 (value, self->annual_value); break;
    case PROP_RAG:                 g_value_set_int (value, self->rag); break;
    case PROP_RAG_LABEL:           g_value_set_string (value, comm_rag_to_label (self->rag)); break;
    case PROP_RAG_DATE:            g_value_set_string (value, self->rag_date); break;
    case PROP_RAG_COMMENT:         g_value_set_string (value, self->rag_comment); break;
    case PROP_LAST_MEETING_DATE:   g_value_set_string (value, self->last_meeting_date); break;
    case PROP_STATUS:              g_value_set_int (value, self->status); break;
    case PROP_STATUS_LABEL:        g_value_set_string (value, comm_contract_status_to_label (self->status)); break;
    case PROP_EFFECTIVE_END_DATE:  g_value_set_string (value, self->effective_end_date); break;
    case PROP_NOTICE_DATE:         g_value_set_string (value, self->notice_date); break;
    case PROP_NEXT_MONITORING_DUE: g_value_set_string (value, self->next_monitoring_due); break;
    case PROP_MONITORING_OVERDUE:  g_value_set_boolean (value, self->monitoring_overdue); break;
    case PROP_DAYS_TO_END:         g_value_set_int (value, self->days_to_end); break;
    case PROP_ENDING_SOON:         g_value_set_boolean (value, self->ending_soon); break;
    case PROP_SEARCH_KEY:          g_value_set_string (value, comm_contract_get_search_key (self)); break;
    default:                       g_assert_not_reached ();
    }
}

static void
comm_contract_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CommContract *self = COMM_CONTRACT (object);

  if (prop_id >= FIRST_TEXT && prop_id < FIRST_TEXT + N_TEXT)
    g_value_set_string (value, TEXT (self, prop_id));
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_PROVIDER_ID)
    g_value_set_int64 (value, self->provider_id);
  else if (prop_id == PROP_NOTICE_MONTHS)
    g_value_set_int (value, self->notice_months);
  else if (prop_id == PROP_PROCURING)
    g_value_set_boolean (value, self->procuring);
  else if (prop_id == PROP_IRRECOVERABLE_VAT)
    g_value_set_int64 (value, self->irrecoverable_vat);
  else if (prop_id == PROP_DEPARTMENT)
    g_value_set_string (value, self->department);
  else if (prop_id > PROP_DEPARTMENT && prop_id < N_PROPS)
    get_derived_property (self, prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
comm_contract_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CommContract *self = COMM_CONTRACT (object);

  if (prop_id >= FIRST_TEXT && prop_id < FIRST_TEXT + N_TEXT)
    {
      const char *text = g_value_get_string (value);

      if (is_search_input (prop_id) && strcmp (TEXT (self, prop_id), text != NULL ? text : "") != 0)
        drop_search_key (self);
      update_string (self, &TEXT (self, prop_id), text, prop_id);
    }
  else if (prop_id == PROP_ID)
    comm_contract_set_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_PROVIDER_ID)
    UPDATE_VALUE (self, provider_id, g_value_get_int64 (value), prop_id);
  else if (prop_id == PROP_NOTICE_MONTHS)
    UPDATE_VALUE (self, notice_months, g_value_get_int (value), prop_id);
  else if (prop_id == PROP_PROCURING)
    UPDATE_VALUE (self, procuring, !!g_value_get_boolean (value), prop_id);
  else if (prop_id == PROP_IRRECOVERABLE_VAT)
    UPDATE_VALUE (self, irrecoverable_vat, g_value_get_int64 (value), prop_id);
  else if (prop_id == PROP_DEPARTMENT)
    update_string (self, &self->department, g_value_get_string (value), prop_id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
install_string (guint        prop_id,
                const char  *name,
                GParamFlags  access)
{
  properties[prop_id] = g_param_spec_string (name, NULL, NULL, "",
                                             access | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
install_derived (void)
{
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  install_string (PROP_PROVIDER_NAME, "provider-name", G_PARAM_READABLE);
  properties[PROP_VALUE] = g_param_spec_int64 ("value", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_ANNUAL_VALUE] = g_param_spec_int64 ("annual-value", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_RAG] = g_param_spec_int ("rag", NULL, NULL, COMM_RAG_NONE, COMM_RAG_RED, COMM_RAG_NONE, ro);
  install_string (PROP_RAG_LABEL, "rag-label", G_PARAM_READABLE);
  install_string (PROP_RAG_DATE, "rag-date", G_PARAM_READABLE);
  install_string (PROP_RAG_COMMENT, "rag-comment", G_PARAM_READABLE);
  install_string (PROP_LAST_MEETING_DATE, "last-meeting-date", G_PARAM_READABLE);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, COMM_N_STATUSES - 1, 0, ro);
  install_string (PROP_STATUS_LABEL, "status-label", G_PARAM_READABLE);
  install_string (PROP_EFFECTIVE_END_DATE, "effective-end-date", G_PARAM_READABLE);
  install_string (PROP_NOTICE_DATE, "notice-date", G_PARAM_READABLE);
  install_string (PROP_NEXT_MONITORING_DUE, "next-monitoring-due", G_PARAM_READABLE);
  properties[PROP_MONITORING_OVERDUE] = g_param_spec_boolean ("monitoring-overdue", NULL, NULL, FALSE, ro);
  properties[PROP_DAYS_TO_END] = g_param_spec_int ("days-to-end", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  properties[PROP_ENDING_SOON] = g_param_spec_boolean ("ending-soon", NULL, NULL, FALSE, ro);
  install_string (PROP_SEARCH_KEY, "search-key", G_PARAM_READABLE);
}

static void
comm_contract_class_init (CommContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const text_names[N_TEXT] = {
    "reference", "title", "service-area", "description", "lead-commissioner", "geography",
    "procurement-route", "start-date", "end-date", "extension-options", "review-date",
    "extended-to", "terminated-on",
  };

  object_class->finalize = comm_contract_finalize;
  object_class->get_property = comm_contract_get_property;
  object_class->set_property = comm_contract_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  for (guint i = 0; i < N_TEXT; i++)
    install_string (FIRST_TEXT + i, text_names[i], G_PARAM_READWRITE);
  properties[PROP_PROVIDER_ID] = g_param_spec_int64 ("provider-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NOTICE_MONTHS] = g_param_spec_int ("notice-months", NULL, NULL, G_MININT, G_MAXINT, 3, rw);
  properties[PROP_PROCURING] = g_param_spec_boolean ("procuring", NULL, NULL, FALSE, rw);
  properties[PROP_IRRECOVERABLE_VAT] = g_param_spec_int64 ("irrecoverable-vat", NULL, NULL,
                                                           G_MININT64, G_MAXINT64, 0, rw);
  install_string (PROP_DEPARTMENT, "department", G_PARAM_READWRITE);
  install_derived ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
comm_contract_init (CommContract *self)
{
  for (guint i = 0; i < N_TEXT; i++)
    self->text[i] = empty_text;
  self->notice_months = 3;
  self->summary.rag_date = empty_text;
  self->summary.rag_comment = empty_text;
  self->summary.last_meeting_date = empty_text;
  self->provider_name = empty_text;
  self->rag_date = empty_text;
  self->rag_comment = empty_text;
  self->last_meeting_date = empty_text;
  self->department = empty_text;
}

CommContract *
comm_contract_new (void)
{
  return g_object_new (COMM_TYPE_CONTRACT, NULL);
}

CommContract *
comm_contract_copy (CommContract *self)
{
  CommContract *copy;

  g_return_val_if_fail (COMM_IS_CONTRACT (self), NULL);

  copy = comm_contract_new ();
  copy->id = self->id;
  for (guint i = 0; i < N_TEXT; i++)
    update_string (copy, &copy->text[i], self->text[i], 0);
  copy->provider_id = self->provider_id;
  copy->notice_months = self->notice_months;
  copy->procuring = self->procuring;
  copy->irrecoverable_vat = self->irrecoverable_vat;
  update_string (copy, &copy->department, self->department, 0);

  copy->has_details = self->has_details;
  if (self->funding_lines != NULL)
    copy_array (self->funding_lines, FUNDING_LINES (copy), (GBoxedCopyFunc) comm_funding_line_copy);
  if (self->rag_history != NULL)
    copy_array (self->rag_history, RAG_HISTORY (copy), (GBoxedCopyFunc) comm_rag_entry_copy);
  if (self->meetings != NULL)
    copy_array (self->meetings, MEETINGS (copy), (GBoxedCopyFunc) comm_meeting_copy);
  comm_contract_set_summary (copy, self->summary.value, self->summary.annual_value, self->summary.rag,
                             self->summary.rag_date, self->summary.rag_comment,
                             self->summary.last_meeting_date);

  update_string (copy, &copy->provider_name, self->provider_name, 0);
  copy->value = self->value;
  copy->annual_value = self->annual_value;
  copy->rag = self->rag;
  update_string (copy, &copy->rag_date, self->rag_date, 0);
  update_string (copy, &copy->rag_comment, self->rag_comment, 0);
  update_string (copy, &copy->last_meeting_date, self->last_meeting_date, 0);
  copy->status = self->status;
  memcpy (copy->effective_end_date, self->effective_end_date, ISO_DATE_SIZE);
  memcpy (copy->notice_date, self->notice_date, ISO_DATE_SIZE);
  memcpy (copy->next_monitoring_due, self->next_monitoring_due, ISO_DATE_SIZE);
  copy->monitoring_overdue = self->monitoring_overdue;
  copy->days_to_end = self->days_to_end;
  copy->ending_soon = self->ending_soon;
  copy->search_key = g_strdup (self->search_key);
  copy->search_key_changed = self->search_key_changed;

  return copy;
}

/* The copy keeps the funding lines (as new rows) but none of the history: the new contract has
 * not been rated or monitored yet. Derived properties are stale until the next refresh. */
CommContract *
comm_contract_duplicate (CommContract *self,
                         const char   *new_reference)
{
  CommContract *copy;

  g_return_val_if_fail (COMM_IS_CONTRACT (self), NULL);
  g_return_val_if_fail (new_reference != NULL, NULL);

  copy = comm_contract_copy (self);
  copy->id = 0;
  update_string (copy, &TEXT (copy, PROP_REFERENCE), new_reference, 0);
  drop_search_key (copy);
  for (guint i = 0; i < FUNDING_LINES (copy)->len; i++)
    ((CommFundingLine *) g_ptr_array_index (copy->funding_lines, i))->id = 0;
  g_ptr_array_set_size (RAG_HISTORY (copy), 0);
  g_ptr_array_set_size (MEETINGS (copy), 0);
  copy->has_details = TRUE;
  comm_contract_set_summary (copy, 0, 0, COMM_RAG_NONE, NULL, NULL, NULL);
  copy->rag = COMM_RAG_NONE;
  update_string (copy, &copy->rag_date, "", 0);
  update_string (copy, &copy->rag_comment, "", 0);
  update_string (copy, &copy->last_meeting_date, "", 0);

  return copy;
}

gint64
comm_contract_get_id (CommContract *self)
{
  g_return_val_if_fail (COMM_IS_CONTRACT (self), 0);

  return self->id;
}

void
comm_contract_set_id (CommContract *self,
                      gint64        id)
{
  g_return_if_fail (COMM_IS_CONTRACT (self));

  UPDATE_VALUE (self, id, id, PROP_ID);
}

#define TEXT_GETTER(function, prop)                   \
  const char *                                        \
  function (CommContract *self)                       \
  {                                                   \
    g_return_val_if_fail (COMM_IS_CONTRACT (self), NULL); \
    return TEXT (self, prop);                         \
  }

TEXT_GETTER (comm_contract_get_reference, PROP_REFERENCE)
TEXT_GETTER (comm_contract_get_title, PROP_TITLE)
TEXT_GETTER (comm_contract_get_service_area, PROP_SERVICE_AREA)
TEXT_GETTER (comm_contract_get_start_date, PROP_START_DATE)
TEXT_GETTER (comm_contract_get_end_date, PROP_END_DATE)
TEXT_GETTER (comm_contract_get_lead_commissioner, PROP_LEAD_COMMISSIONER)
TEXT_GETTER (comm_contract_get_geography, PROP_GEOGRAPHY)
TEXT_GETTER (comm_contract_get_procurement_route, PROP_PROCUREMENT_ROUTE)

#define FIELD_GETTER(type, function, field, fallback) \
  type                                                \
  function (CommContract *self)                       \
  {                                                   \
    g_return_val_if_fail (COMM_IS_CONTRACT (self), fallback); \
    return self->field;                               \
  }

FIELD_GETTER (const char *, comm_contract_get_provider_name, provider_name, NULL)
FIELD_GETTER (gint64, comm_contract_get_provider_id, provider_id, 0)
FIELD_GETTER (gint64, comm_contract_get_irrecoverable_vat, irrecoverable_vat, 0)
FIELD_GETTER (const char *, comm_contract_get_department, department, NULL)
FIELD_GETTER (gint64, comm_contract_get_value, value, 0)
FIELD_GETTER (gint64, comm_contract_get_annual_value, annual_value, 0)
FIELD_GETTER (CommRag, comm_contract_get_rag, rag, COMM_RAG_NONE)
FIELD_GETTER (CommContractStatus, comm_contract_get_status, status, COMM_STATUS_PLANNED)
FIELD_GETTER (const char *, comm_contract_get_next_monitoring_due, next_monitoring_due, NULL)
FIELD_GETTER (gboolean, comm_contract_get_monitoring_overdue, monitoring_overdue, FALSE)
FIELD_GETTER (gboolean, comm_contract_get_ending_soon, ending_soon, FALSE)
FIELD_GETTER (const char *, comm_contract_get_effective_end_date, effective_end_date, NULL)
FIELD_GETTER (const char *, comm_contract_get_rag_date, rag_date, NULL)
FIELD_GETTER (const char *, comm_contract_get_rag_comment, rag_comment, NULL)
FIELD_GETTER (const char *, comm_contract_get_last_meeting_date, last_meeting_date, NULL)
FIELD_GETTER (gboolean, comm_contract_has_details, has_details, FALSE)

#define ARRAY_GETTER(function, array)                     \
  GPtrArray *                                             \
  function (CommContract *self)                           \
  {                                                       \
    g_return_val_if_fail (COMM_IS_CONTRACT (self), NULL); \
    return array (self);                                  \
  }

ARRAY_GETTER (comm_contract_get_funding_lines, FUNDING_LINES)
ARRAY_GETTER (comm_contract_get_rag_history, RAG_HISTORY)
ARRAY_GETTER (comm_contract_get_meetings, MEETINGS)

const char *
comm_contract_get_search_key (CommContract *self)
{
  g_return_val_if_fail (COMM_IS_CONTRACT (self), NULL);

  if (self->search_key == NULL)
    self->search_key = fold_search_key (self);

  return self->search_key;
}

void
comm_contract_set_has_details (CommContract *self,
                               gboolean      has_details)
{
  g_return_if_fail (COMM_IS_CONTRACT (self));

  self->has_details = !!has_details;
}

void
comm_contract_set_provider_name (CommContract *self,
                                 const char   *name)
{
  g_return_if_fail (COMM_IS_CONTRACT (self));

  if (g_strcmp0 (self->provider_name, name != NULL ? name : "") != 0)
    drop_search_key (self);
  update_string (self, &self->provider_name, name, PROP_PROVIDER_NAME);
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
  update_string (self, &self->summary.rag_date, rag_date, 0);
  update_string (self, &self->summary.rag_comment, rag_comment, 0);
  update_string (self, &self->summary.last_meeting_date, last_meeting_date, 0);
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
      notify (self, PROP_SEARCH_KEY);
    }
  g_object_thaw_notify (G_OBJECT (self));
}


void
comm_contract_load_row (CommContract          *self,
                        const CommContractRow *row)
{
  const char *text[N_TEXT] = {
    row->reference, row->title, row->service_area, row->description, row->lead_commissioner,
    row->geography, row->procurement_route, row->start_date, row->end_date,
    row->extension_options, row->review_date, row->extended_to, row->terminated_on,
  };

  g_return_if_fail (COMM_IS_CONTRACT (self));

  self->id = row->id;
  for (guint i = 0; i < N_TEXT; i++)
    update_string (self, &self->text[i], text[i], 0);
  drop_search_key (self);
  self->provider_id = row->provider_id;
  self->notice_months = row->notice_months;
  self->procuring = !!row->procuring;
}

void
comm_contract_get_row (CommContract    *self,
                       CommContractRow *row)
{
  g_return_if_fail (COMM_IS_CONTRACT (self));

  *row = (CommContractRow) {
    .id = self->id,
    .reference = TEXT (self, PROP_REFERENCE),
    .title = TEXT (self, PROP_TITLE),
    .service_area = TEXT (self, PROP_SERVICE_AREA),
    .description = TEXT (self, PROP_DESCRIPTION),
    .provider_id = self->provider_id,
    .lead_commissioner = TEXT (self, PROP_LEAD_COMMISSIONER),
    .geography = TEXT (self, PROP_GEOGRAPHY),
    .procurement_route = TEXT (self, PROP_PROCUREMENT_ROUTE),
    .start_date = TEXT (self, PROP_START_DATE),
    .end_date = TEXT (self, PROP_END_DATE),
    .extension_options = TEXT (self, PROP_EXTENSION_OPTIONS),
    .notice_months = self->notice_months,
    .review_date = TEXT (self, PROP_REVIEW_DATE),
    .extended_to = TEXT (self, PROP_EXTENDED_TO),
    .terminated_on = TEXT (self, PROP_TERMINATED_ON),
    .procuring = self->procuring,
  };
}

void
comm_contract_load_publishing (CommContract *self,
                               gint64        irrecoverable_vat,
                               const char   *department)
{
  g_return_if_fail (COMM_IS_CONTRACT (self));

  self->irrecoverable_vat = irrecoverable_vat;
  update_string (self, &self->department, department != NULL ? department : "", 0);
}
