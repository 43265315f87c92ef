/* comm-risk-register.c: a risk register (public fields), its kinds, scales and bands */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-error.h"
#include "comm-risk-register.h"

G_DEFINE_FINAL_TYPE (CommRiskRegister, comm_risk_register, G_TYPE_OBJECT)

static const char *const kind_names[] = { "programme", "procurement", "contract" };

static void
comm_risk_register_finalize (GObject *object)
{
  CommRiskRegister *self = COMM_RISK_REGISTER (object);

  g_free (self->name);
  g_free (self->programme);
  g_free (self->owner);
  g_free (self->description);
  g_free (self->contract_reference);
  g_free (self->parent_name);

  G_OBJECT_CLASS (comm_risk_register_parent_class)->finalize (object);
}

static void
comm_risk_register_class_init (CommRiskRegisterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comm_risk_register_finalize;
}

static void
comm_risk_register_init (CommRiskRegister *self)
{
  self->name = g_strdup ("");
  self->programme = g_strdup ("");
  self->owner = g_strdup ("");
  self->description = g_strdup ("");
  self->contract_reference = g_strdup ("");
  self->parent_name = g_strdup ("");
  self->kind = COMM_RISK_REGISTER_PROGRAMME;
  self->scale = COMM_RISK_SCALE_5X5;
  self->band_low_max = 4;
  self->band_medium_max = 9;
  self->band_high_max = 14;
}

const char *
comm_risk_register_kind_to_string (CommRiskRegisterKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), "");
  return kind_names[kind];
}

const char *
comm_risk_register_kind_label (CommRiskRegisterKind kind)
{
  switch (kind)
    {
    case COMM_RISK_REGISTER_PROGRAMME: return _("Programme");
    case COMM_RISK_REGISTER_PROCUREMENT: return _("Procurement");
    case COMM_RISK_REGISTER_CONTRACT: return _("Contract");
    default: return "";
    }
}

int
comm_risk_register_kind_from_string (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return -1;
  copy = g_strstrip (g_strdup (text));
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_ascii_strcasecmp (copy, kind_names[i]) == 0 ||
        g_utf8_collate (copy, comm_risk_register_kind_label (i)) == 0)
      return (int) i;
  return -1;
}

const char *
comm_risk_scale_to_string (CommRiskScaleKind scale)
{
  return scale == COMM_RISK_SCALE_LMH ? "lmh" : "5x5";
}

const char *
comm_risk_scale_label (CommRiskScaleKind scale)
{
  return scale == COMM_RISK_SCALE_LMH ? _("Low / Medium / High") : _("5 x 5");
}

int
comm_risk_scale_from_string (const char *text)
{
  g_autoptr(GString) squeezed = g_string_new (NULL);

  if (text == NULL)
    return -1;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '/' && *p != '-')
      g_string_append_c (squeezed, g_ascii_tolower (*p));
  if (g_str_equal (squeezed->str, "5x5"))
    return COMM_RISK_SCALE_5X5;
  if (g_str_equal (squeezed->str, "lmh") || g_str_equal (squeezed->str, "lowmediumhigh"))
    return COMM_RISK_SCALE_LMH;
  return -1;
}

CommRiskRegister *
comm_risk_register_new (void)
{
  return g_object_new (COMM_TYPE_RISK_REGISTER, NULL);
}

static void
set_text (char       **field,
          const char  *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  g_free (*field);
  *field = copy;
}

CommRiskRegister *
comm_risk_register_copy (CommRiskRegister *self)
{
  CommRiskRegister *copy;

  g_return_val_if_fail (COMM_IS_RISK_REGISTER (self), NULL);

  copy = comm_risk_register_new ();
  copy->id = self->id;
  set_text (&copy->name, self->name);
  copy->kind = self->kind;
  set_text (&copy->programme, self->programme);
  copy->contract_id = self->contract_id;
  copy->parent_id = self->parent_id;
  copy->scale = self->scale;
  copy->band_low_max = self->band_low_max;
  copy->band_medium_max = self->band_medium_max;
  copy->band_high_max = self->band_high_max;
  set_text (&copy->owner, self->owner);
  set_text (&copy->description, self->description);
  set_text (&copy->contract_reference, self->contract_reference);
  copy->contract_deleted = self->contract_deleted;
  set_text (&copy->parent_name, self->parent_name);
  copy->n_risks = self->n_risks;
  copy->n_open = self->n_open;
  copy->n_overdue = self->n_overdue;
  return copy;
}

void
comm_risk_register_get_bands (CommRiskRegister *self,
                              CommRiskBands    *bands)
{
  g_return_if_fail (COMM_IS_RISK_REGISTER (self));

  comm_risk_bands_init_default (bands);
  bands->upper[0] = self->band_low_max;
  bands->upper[1] = self->band_medium_max;
  bands->upper[2] = self->band_high_max;
  bands->upper[3] = 25;
}

gboolean
comm_risk_register_validate (CommRiskRegister  *self,
                             GError           **error)
{
  g_return_val_if_fail (COMM_IS_RISK_REGISTER (self), FALSE);

  g_strstrip (self->name);
  if (*self->name == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID, _("A risk register needs a name."));
      return FALSE;
    }
  if ((guint) self->kind > COMM_RISK_REGISTER_CONTRACT || (guint) self->scale > COMM_RISK_SCALE_LMH)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk register “%s” has an unknown kind or scale."), self->name);
      return FALSE;
    }
  if (self->kind == COMM_RISK_REGISTER_CONTRACT && self->contract_id <= 0 && self->id == 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk register “%s” is a contract’s register: choose the contract."), self->name);
      return FALSE;
    }
  if (self->kind != COMM_RISK_REGISTER_CONTRACT)
    self->contract_id = 0;
  if (self->kind == COMM_RISK_REGISTER_PROGRAMME && self->parent_id != 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk register “%s” is a programme’s register, so it cannot roll up into "
                     "another register."), self->name);
      return FALSE;
    }
  if (self->id != 0 && self->parent_id == self->id)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk register “%s” cannot roll up into itself."), self->name);
      return FALSE;
    }
  if (self->band_low_max < 1 || self->band_low_max >= self->band_medium_max ||
      self->band_medium_max >= self->band_high_max || self->band_high_max >= 25)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The score bands of “%s” must go up in order: Low ends at 1 or more, "
                     "Medium above it, High above that and below 25 (now %u, %u, %u)."),
                   self->name, self->band_low_max, self->band_medium_max, self->band_high_max);
      return FALSE;
    }
  return TRUE;
}
