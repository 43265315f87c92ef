/* comm-deep-dive-row.c: one row of the Deep Dive schedule (a contract and its Deep Dive of the
 * year, if any) as a read-only GObject for list models */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-deep-dive-row-private.h"

struct _CommDeepDiveRow
{
  GObject             parent_instance;
  CommDeepDiveRowData data;
  CommDeepDiveStatus  status;
};

enum {
  PROP_0,
  PROP_CONTRACT_ID,
  PROP_DEEP_DIVE_ID,
  PROP_YEAR,
  PROP_CONTRACT_REFERENCE,
  PROP_CONTRACT_TITLE,
  PROP_PROVIDER_NAME,
  PROP_SERVICE_AREA,
  PROP_LEAD_COMMISSIONER,
  PROP_LEAD_REVIEWER,
  PROP_PROVIDER_CONTACT,
  PROP_SCHEDULED_ON,
  PROP_STARTED_ON,
  PROP_SIGNED_OFF_ON,
  PROP_GRADE,
  PROP_GRADE_LABEL,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_AREAS_JUDGED,
  PROP_AREAS_TOTAL,
  PROP_OPEN_ACTIONS,
  PROP_OVERDUE_ACTIONS,
  PROP_ACTIVE_IN_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CommDeepDiveRow, comm_deep_dive_row, G_TYPE_OBJECT)

static const char *
text_property (CommDeepDiveRow *self,
               guint            prop_id)
{
  const CommDeepDiveRowData *d = &self->data;

  switch (prop_id)
    {
    case PROP_CONTRACT_REFERENCE: return d->contract_reference;
    case PROP_CONTRACT_TITLE:     return d->contract_title;
    case PROP_PROVIDER_NAME:      return d->provider_name;
    case PROP_SERVICE_AREA:       return d->service_area;
    case PROP_LEAD_COMMISSIONER:  return d->lead_commissioner;
    case PROP_LEAD_REVIEWER:      return d->lead_reviewer;
    case PROP_PROVIDER_CONTACT:   return d->provider_contact;
    case PROP_SCHEDULED_ON:       return d->scheduled_on;
    case PROP_STARTED_ON:         return d->started_on;
    case PROP_SIGNED_OFF_ON:      return d->signed_off_on;
    case PROP_GRADE_LABEL:        return d->grade == COMM_GRADE_NONE ? "" : comm_grade_to_label (d->grade);
    case PROP_STATUS_LABEL:       return comm_deep_dive_status_to_label (self->status);
    default:                      return NULL;
    }
}

static void
comm_deep_dive_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CommDeepDiveRow *self = COMM_DEEP_DIVE_ROW (object);
  const char *text = text_property (self, prop_id);

  if (text != NULL)
    {
      g_value_set_string (value, text);
      return;
    }

  switch (prop_id)
    {
    case PROP_CONTRACT_ID:     g_value_set_int64 (value, self->data.contract_id); break;
    case PROP_DEEP_DIVE_ID:    g_value_set_int64 (value, self->data.deep_dive_id); break;
    case PROP_YEAR:            g_value_set_int (value, self->data.year); break;
    case PROP_GRADE:           g_value_set_int (value, self->data.grade); break;
    case PROP_STATUS:          g_value_set_int (value, self->status); break;
    case PROP_AREAS_JUDGED:    g_value_set_uint (value, self->data.areas_judged); break;
    case PROP_AREAS_TOTAL:     g_value_set_uint (value, self->data.areas_total); break;
    case PROP_OPEN_ACTIONS:    g_value_set_uint (value, self->data.open_actions); break;
    case PROP_OVERDUE_ACTIONS: g_value_set_uint (value, self->data.overdue_actions); break;
    case PROP_ACTIVE_IN_YEAR:  g_value_set_boolean (value, self->data.active_in_year); break;
    default:                   G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_deep_dive_row_finalize (GObject *object)
{
  CommDeepDiveRowData *d = &COMM_DEEP_DIVE_ROW (object)->data;

  g_free (d->contract_reference);
  g_free (d->contract_title);
  g_free (d->provider_name);
  g_free (d->service_area);
  g_free (d->lead_commissioner);
  g_free (d->lead_reviewer);
  g_free (d->provider_contact);
  g_free (d->scheduled_on);
  g_free (d->started_on);
  g_free (d->signed_off_on);

  G_OBJECT_CLASS (comm_deep_dive_row_parent_class)->finalize (object);
}

static GParamSpec *
string_spec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
uint_spec (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
comm_deep_dive_row_class_init (CommDeepDiveRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = comm_deep_dive_row_get_property;
  object_class->finalize = comm_deep_dive_row_finalize;

  properties[PROP_CONTRACT_ID] = g_param_spec_int64 ("contract-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DEEP_DIVE_ID] = g_param_spec_int64 ("deep-dive-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_CONTRACT_REFERENCE] = string_spec ("contract-reference");
  properties[PROP_CONTRACT_TITLE] = string_spec ("contract-title");
  properties[PROP_PROVIDER_NAME] = string_spec ("provider-name");
  properties[PROP_SERVICE_AREA] = string_spec ("service-area");
  properties[PROP_LEAD_COMMISSIONER] = string_spec ("lead-commissioner");
  properties[PROP_LEAD_REVIEWER] = string_spec ("lead-reviewer");
  properties[PROP_PROVIDER_CONTACT] = string_spec ("provider-contact");
  properties[PROP_SCHEDULED_ON] = string_spec ("scheduled-on");
  properties[PROP_STARTED_ON] = string_spec ("started-on");
  properties[PROP_SIGNED_OFF_ON] = string_spec ("signed-off-on");
  properties[PROP_GRADE] = g_param_spec_int ("grade", NULL, NULL, 0, COMM_N_GRADES - 1, 0, flags);
  properties[PROP_GRADE_LABEL] = string_spec ("grade-label");
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, COMM_DEEP_DIVE_N_STATUSES - 1, 0, flags);
  properties[PROP_STATUS_LABEL] = string_spec ("status-label");
  properties[PROP_AREAS_JUDGED] = uint_spec ("areas-judged");
  properties[PROP_AREAS_TOTAL] = uint_spec ("areas-total");
  properties[PROP_OPEN_ACTIONS] = uint_spec ("open-actions");
  properties[PROP_OVERDUE_ACTIONS] = uint_spec ("overdue-actions");
  properties[PROP_ACTIVE_IN_YEAR] = g_param_spec_boolean ("active-in-year", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
comm_deep_dive_row_init (CommDeepDiveRow *self)
{
}

CommDeepDiveRow *
_comm_deep_dive_row_new (CommDeepDiveRowData *data,
                         const GDate         *today)
{
  CommDeepDiveRow *self = g_object_new (COMM_TYPE_DEEP_DIVE_ROW, NULL);

  self->data = *data;
  memset (data, 0, sizeof *data);
  self->status = self->data.deep_dive_id == 0
                 ? COMM_DEEP_DIVE_STATUS_NONE
                 : comm_deep_dive_status_compute (self->data.scheduled_on, self->data.started_on,
                                                  self->data.signed_off_on, today);

  return self;
}

void
comm_deep_dive_row_refresh_status (CommDeepDiveRow *self,
                                   const GDate     *today)
{
  CommDeepDiveStatus status;

  g_return_if_fail (COMM_IS_DEEP_DIVE_ROW (self));

  if (self->data.deep_dive_id == 0)
    return;
  status = comm_deep_dive_status_compute (self->data.scheduled_on, self->data.started_on,
                                          self->data.signed_off_on, today);
  if (status == self->status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

#define ROW_GETTER(type, name, expr, fallback) \
  type comm_deep_dive_row_get_##name (CommDeepDiveRow *self) \
  { \
    g_return_val_if_fail (COMM_IS_DEEP_DIVE_ROW (self), fallback); \
    return expr; \
  }

ROW_GETTER (gint64, contract_id, self->data.contract_id, 0)
ROW_GETTER (gint64, deep_dive_id, self->data.deep_dive_id, 0)
ROW_GETTER (int, year, self->data.year, 0)
ROW_GETTER (const char *, contract_reference, self->data.contract_reference, NULL)
ROW_GETTER (const char *, contract_title, self->data.contract_title, NULL)
ROW_GETTER (const char *, provider_name, self->data.provider_name, NULL)
ROW_GETTER (const char *, service_area, self->data.service_area, NULL)
ROW_GETTER (const char *, lead_commissioner, self->data.lead_commissioner, NULL)
ROW_GETTER (const char *, lead_reviewer, self->data.lead_reviewer, NULL)
ROW_GETTER (const char *, provider_contact, self->data.provider_contact, NULL)
ROW_GETTER (const char *, scheduled_on, self->data.scheduled_on, NULL)
ROW_GETTER (const char *, started_on, self->data.started_on, NULL)
ROW_GETTER (const char *, signed_off_on, self->data.signed_off_on, NULL)
ROW_GETTER (CommGrade, grade, self->data.grade, COMM_GRADE_NONE)
ROW_GETTER (CommDeepDiveStatus, status, self->status, COMM_DEEP_DIVE_STATUS_NONE)
ROW_GETTER (guint, areas_judged, self->data.areas_judged, 0)
ROW_GETTER (guint, areas_total, self->data.areas_total, 0)
ROW_GETTER (guint, open_actions, self->data.open_actions, 0)
ROW_GETTER (guint, overdue_actions, self->data.overdue_actions, 0)
ROW_GETTER (gboolean, active_in_year, self->data.active_in_year, FALSE)
