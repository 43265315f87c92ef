/* comm-provider.c: a provider (charity, company, CIC, NHS trust, in-house service)
 *
 * A plain model object: the store fills it, editors bind to its properties. Strings are never
 * NULL ("" when empty). The inspection history is an array the editor changes in place; the
 * latest grade is worked out from it whenever asked, so it can never go stale.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-problem.h"
#include "comm-provider.h"
#include "comm-types.h"

struct _CommProvider
{
  GObject    parent_instance;

  gint64     id;
  char      *name;
  char      *legal_form;
  char      *registered_number;
  char      *address;
  char      *contact_name;
  char      *contact_email;
  char      *contact_phone;
  gboolean   sme;
  gboolean   vcse;
  GPtrArray *inspections;
  guint      contract_count;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_LEGAL_FORM,
  PROP_REGISTERED_NUMBER,
  PROP_ADDRESS,
  PROP_CONTACT_NAME,
  PROP_CONTACT_EMAIL,
  PROP_CONTACT_PHONE,
  PROP_SME,
  PROP_VCSE,
  PROP_LATEST_GRADE,
  PROP_CONTRACT_COUNT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CommProvider, comm_provider, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Where each string property lives, so get/set need no long switch per field. */
static char **
string_field (CommProvider *self,
              guint         prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME:              return &self->name;
    case PROP_LEGAL_FORM:        return &self->legal_form;
    case PROP_REGISTERED_NUMBER: return &self->registered_number;
    case PROP_ADDRESS:           return &self->address;
    case PROP_CONTACT_NAME:      return &self->contact_name;
    case PROP_CONTACT_EMAIL:     return &self->contact_email;
    case PROP_CONTACT_PHONE:     return &self->contact_phone;
    default:                     return NULL;
    }
}

static void
set_string (CommProvider *self,
            guint         prop_id,
            const char   *value)
{
  char **field = string_field (self, prop_id);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_boolean (CommProvider *self,
             gboolean     *field,
             guint         prop_id,
             gboolean      value)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
is_known_legal_form (const char *code)
{
  for (const CommChoice *c = comm_legal_forms (); c->code != NULL; c++)
    if (g_strcmp0 (c->code, code) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
comm_provider_finalize (GObject *object)
{
  CommProvider *self = COMM_PROVIDER (object);

  g_free (self->name);
  g_free (self->legal_form);
  g_free (self->registered_number);
  g_free (self->address);
  g_free (self->contact_name);
  g_free (self->contact_email);
  g_free (self->contact_phone);
  g_ptr_array_unref (self->inspections);

  G_OBJECT_CLASS (comm_provider_parent_class)->finalize (object);
}

static void
comm_provider_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CommProvider *self = COMM_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SME:
      g_value_set_boolean (value, self->sme);
      break;
    case PROP_VCSE:
      g_value_set_boolean (value, self->vcse);
      break;
    case PROP_LATEST_GRADE:
      g_value_set_string (value, comm_provider_get_latest_grade (self));
      break;
    case PROP_CONTRACT_COUNT:
      g_value_set_uint (value, self->contract_count);
      break;
    default:
      if (string_field (self, prop_id) != NULL)
        g_value_set_string (value, *string_field (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_provider_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CommProvider *self = COMM_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      comm_provider_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SME:
      set_boolean (self, &self->sme, prop_id, g_value_get_boolean (value));
      break;
    case PROP_VCSE:
      set_boolean (self, &self->vcse, prop_id, g_value_get_boolean (value));
      break;
    default:
      if (string_field (self, prop_id) != NULL)
        set_string (self, prop_id, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
comm_provider_class_init (CommProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = comm_provider_finalize;
  object_class->get_property = comm_provider_get_property;
  object_class->set_property = comm_provider_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = string_pspec ("name");
  properties[PROP_LEGAL_FORM] = string_pspec ("legal-form");
  properties[PROP_REGISTERED_NUMBER] = string_pspec ("registered-number");
  properties[PROP_ADDRESS] = string_pspec ("address");
  properties[PROP_CONTACT_NAME] = string_pspec ("contact-name");
  properties[PROP_CONTACT_EMAIL] = string_pspec ("contact-email");
  properties[PROP_CONTACT_PHONE] = string_pspec ("contact-phone");
  properties[PROP_SME] =
    g_param_spec_boolean ("sme", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VCSE] =
    g_param_spec_boolean ("vcse", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATEST_GRADE] =
    g_param_spec_string ("latest-grade", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRACT_COUNT] =
    g_param_spec_uint ("contract-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
comm_provider_init (CommProvider *self)
{
  self->name = g_strdup ("");
  self->legal_form = g_strdup ("other");
  self->registered_number = g_strdup ("");
  self->address = g_strdup ("");
  self->contact_name = g_strdup ("");
  self->contact_email = g_strdup ("");
  self->contact_phone = g_strdup ("");
  self->inspections = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_inspection_free);
}

CommInspection *
comm_inspection_new (const char *framework,
                     const char *inspected_on,
                     const char *grade)
{
  CommInspection *inspection = g_new0 (CommInspection, 1);

  inspection->framework = g_strdup (framework != NULL ? framework : "");
  inspection->inspected_on = g_strdup (inspected_on != NULL ? inspected_on : "");
  inspection->grade = g_strdup (grade != NULL ? grade : "");

  return inspection;
}

CommInspection *
comm_inspection_copy (const CommInspection *inspection)
{
  CommInspection *copy;

  g_return_val_if_fail (inspection != NULL, NULL);

  copy = comm_inspection_new (inspection->framework, inspection->inspected_on, inspection->grade);
  copy->id = inspection->id;

  return copy;
}

void
comm_inspection_free (CommInspection *inspection)
{
  if (inspection == NULL)
    return;

  g_free (inspection->framework);
  g_free (inspection->inspected_on);
  g_free (inspection->grade);
  g_free (inspection);
}

CommProvider *
comm_provider_new (void)
{
  return g_object_new (COMM_TYPE_PROVIDER, NULL);
}

CommProvider *
comm_provider_copy (CommProvider *self)
{
  CommProvider *copy;

  g_return_val_if_fail (COMM_IS_PROVIDER (self), NULL);

  copy = comm_provider_new ();
  copy->id = self->id;
  for (guint prop_id = PROP_NAME; prop_id <= PROP_CONTACT_PHONE; prop_id++)
    {
      g_free (*string_field (copy, prop_id));
      *string_field (copy, prop_id) = g_strdup (*string_field (self, prop_id));
    }
  copy->sme = self->sme;
  copy->vcse = self->vcse;
  copy->contract_count = self->contract_count;
  for (guint i = 0; i < self->inspections->len; i++)
    g_ptr_array_add (copy->inspections, comm_inspection_copy (g_ptr_array_index (self->inspections, i)));

  return copy;
}

gint64
comm_provider_get_id (CommProvider *self)
{
  g_return_val_if_fail (COMM_IS_PROVIDER (self), 0);

  return self->id;
}

void
comm_provider_set_id (CommProvider *self,
                      gint64        id)
{
  g_return_if_fail (COMM_IS_PROVIDER (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
comm_provider_get_name (CommProvider *self)
{
  g_return_val_if_fail (COMM_IS_PROVIDER (self), NULL);

  return self->name;
}

void
comm_provider_set_name (CommProvider *self,
                        const char   *name)
{
  g_return_if_fail (COMM_IS_PROVIDER (self));

  set_string (self, PROP_NAME, name);
}

const char *
comm_provider_get_legal_form (CommProvider *self)
{
  g_return_val_if_fail (COMM_IS_PROVIDER (self), NULL);

  return self->legal_form;
}

const char *
comm_provider_get_registered_number (CommProvider *self)
{
  g_return_val_if_fail (COMM_IS_PROVIDER (self), NULL);

  return self->registered_number;
}

gboolean
comm_provider_get_sme (CommProvider *self)
{
  g_return_val_if_fail (COMM_IS_PROVIDER (self), FALSE);

  return self->sme;
}

gboolean
comm_provider_get_vcse (CommProvider *self)
{
  g_return_val_if_fail (COMM_IS_PROVIDER (self), FALSE);

  return self->vcse;
}

GPtrArray *
comm_provider_get_inspections (CommProvider *self)
{
  g_return_val_if_fail (COMM_IS_PROVIDER (self), NULL);

  return self->inspections;
}

/* The newest by date (the array may have been edited out of order); the earlier entry wins a tie,
 * as the store loads the most recently recorded first. */
const char *
comm_provider_get_latest_grade (CommProvider *self)
{
  const CommInspection *latest = NULL;

  g_return_val_if_fail (COMM_IS_PROVIDER (self), NULL);

  for (guint i = 0; i < self->inspections->len; i++)
    {
      const CommInspection *inspection = g_ptr_array_index (self->inspections, i);

      if (latest == NULL || g_strcmp0 (inspection->inspected_on, latest->inspected_on) > 0)
        latest = inspection;
    }

  return latest != NULL ? latest->grade : "";
}

guint
comm_provider_get_contract_count (CommProvider *self)
{
  g_return_val_if_fail (COMM_IS_PROVIDER (self), 0);

  return self->contract_count;
}

/* For the store only: the count is read-only to everyone else. */
void
comm_provider_set_contract_count (CommProvider *self,
                                  guint         count)
{
  g_return_if_fail (COMM_IS_PROVIDER (self));

  if (self->contract_count == count)
    return;

  self->contract_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACT_COUNT]);
}

GPtrArray *
comm_provider_validate (CommProvider *self)
{
  GPtrArray *problems;

  g_return_val_if_fail (COMM_IS_PROVIDER (self), NULL);

  problems = comm_problems_new ();

  if (is_blank (self->name))
    g_ptr_array_add (problems, comm_problem_new ("name", _("Enter the provider’s name.")));
  if (!is_known_legal_form (self->legal_form))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a legal form Commissioner knows; choose one from the list."),
                         self->legal_form);
      g_ptr_array_add (problems, comm_problem_new ("legal-form", message));
    }

  for (guint i = 0; i < self->inspections->len; i++)
    {
      const CommInspection *inspection = g_ptr_array_index (self->inspections, i);
      g_autofree char *field = g_strdup_printf ("inspection:%u", i);
      g_autofree char *message = NULL;
      GDate date;

      if (!comm_date_parse_iso (inspection->inspected_on, &date))
        message = g_strdup_printf (_("Inspection %u has no valid date; write it as YYYY-MM-DD."), i + 1);
      else if (is_blank (inspection->grade))
        message = g_strdup_printf (_("Inspection %u has no grade."), i + 1);

      if (message != NULL)
        g_ptr_array_add (problems, comm_problem_new (field, message));
    }

  return problems;
}
