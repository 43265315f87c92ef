/* comm-contract.c: a contract as a GObject - its stored and derived properties, copying and
 * duplicating, and the getters and setters
 *
 * Stored properties are what the user edits; derived ones (value, status, next monitoring due ...)
 * follow from them and from today's date, and are worked out in comm-contract-derived.c by
 * comm_contract_refresh_derived(). The struct and the helpers both files use are in
 * comm-contract-object-private.h.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-object-private.h"
#include "comm-contract-status.h"

G_DEFINE_FINAL_TYPE (CommContract, comm_contract, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

void
_comm_contract_notify (CommContract *self,
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

void
_comm_contract_update_string (CommContract *self,
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
    _comm_contract_notify (self, prop_id);
}

static void
summary_clear (Summary *summary)
{
  text_free (summary->rag_date);
  text_free (summary->rag_comment);
  text_free (summary->last_meeting_date);
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

      if (_comm_contract_is_search_input (prop_id) &&
          strcmp (TEXT (self, prop_id), text != NULL ? text : "") != 0)
        _comm_contract_drop_search_key (self);
      _comm_contract_update_string (self, &TEXT (self, prop_id), text, prop_id);
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
    _comm_contract_update_string (self, &self->department, g_value_get_string (value), prop_id);
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
    _comm_contract_update_string (copy, &copy->text[i], self->text[i], 0);
  copy->provider_id = self->provider_id;
  copy->notice_months = self->notice_months;
  copy->procuring = self->procuring;
  copy->irrecoverable_vat = self->irrecoverable_vat;
  _comm_contract_update_string (copy, &copy->department, self->department, 0);

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

  _comm_contract_update_string (copy, &copy->provider_name, self->provider_name, 0);
  copy->value = self->value;
  copy->annual_value = self->annual_value;
  copy->rag = self->rag;
  _comm_contract_update_string (copy, &copy->rag_date, self->rag_date, 0);
  _comm_contract_update_string (copy, &copy->rag_comment, self->rag_comment, 0);
  _comm_contract_update_string (copy, &copy->last_meeting_date, self->last_meeting_date, 0);
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
  _comm_contract_update_string (copy, &TEXT (copy, PROP_REFERENCE), new_reference, 0);
  _comm_contract_drop_search_key (copy);
  for (guint i = 0; i < FUNDING_LINES (copy)->len; i++)
    ((CommFundingLine *) g_ptr_array_index (copy->funding_lines, i))->id = 0;
  g_ptr_array_set_size (RAG_HISTORY (copy), 0);
  g_ptr_array_set_size (MEETINGS (copy), 0);
  copy->has_details = TRUE;
  comm_contract_set_summary (copy, 0, 0, COMM_RAG_NONE, NULL, NULL, NULL);
  copy->rag = COMM_RAG_NONE;
  _comm_contract_update_string (copy, &copy->rag_date, "", 0);
  _comm_contract_update_string (copy, &copy->rag_comment, "", 0);
  _comm_contract_update_string (copy, &copy->last_meeting_date, "", 0);

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
    _comm_contract_drop_search_key (self);
  _comm_contract_update_string (self, &self->provider_name, name, PROP_PROVIDER_NAME);
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
    _comm_contract_update_string (self, &self->text[i], text[i], 0);
  _comm_contract_drop_search_key (self);
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
  _comm_contract_update_string (self, &self->department, department != NULL ? department : "", 0);
}
