/* comm-risk.c: a risk (public fields), its reviews, severity and validation */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-error.h"
#include "comm-risk.h"

G_DEFINE_FINAL_TYPE (CommRisk, comm_risk, G_TYPE_OBJECT)

static const char *const response_names[] = { "tolerate", "treat", "transfer", "terminate" };
static const char *const status_names[] = { "open", "closed" };

static int
lookup_name (const char         *text,
             const char *const  *names,
             guint               n,
             const char *      (*label) (int))
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return -1;
  copy = g_strstrip (g_strdup (text));
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (copy, names[i]) == 0 || g_utf8_collate (copy, label ((int) i)) == 0)
      return (int) i;
  return -1;
}

static const char *
response_label_int (int response)
{
  return comm_risk_response_label ((CommRiskResponse) response);
}

static const char *
status_label_int (int status)
{
  return comm_risk_status_label ((CommRiskStatus) status);
}

static void
comm_risk_finalize (GObject *object)
{
  CommRisk *self = COMM_RISK (object);

  g_free (self->reference);
  g_free (self->title);
  g_free (self->cause);
  g_free (self->consequence);
  g_free (self->owner);
  g_free (self->category);
  g_free (self->controls);
  g_free (self->raised_on);
  g_free (self->review_due);
  g_free (self->register_name);
  g_free (self->contract_reference);
  g_free (self->last_reviewed_on);

  G_OBJECT_CLASS (comm_risk_parent_class)->finalize (object);
}

static void
comm_risk_class_init (CommRiskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comm_risk_finalize;
}

static void
comm_risk_init (CommRisk *self)
{
  GDate today;

  self->reference = g_strdup ("");
  self->title = g_strdup ("");
  self->cause = g_strdup ("");
  self->consequence = g_strdup ("");
  self->owner = g_strdup ("");
  self->category = g_strdup ("");
  self->controls = g_strdup ("");
  comm_date_today (&today);
  self->raised_on = comm_date_to_iso (&today);
  self->review_due = g_strdup ("");
  self->register_name = g_strdup ("");
  self->contract_reference = g_strdup ("");
  self->last_reviewed_on = g_strdup ("");
  self->response = COMM_RISK_RESPONSE_TREAT;
  self->status = COMM_RISK_STATUS_OPEN;
}

const char *
comm_risk_response_to_string (CommRiskResponse response)
{
  g_return_val_if_fail ((guint) response < G_N_ELEMENTS (response_names), "");
  return response_names[response];
}

const char *
comm_risk_response_label (CommRiskResponse response)
{
  switch (response)
    {
    case COMM_RISK_RESPONSE_TOLERATE: return _("Tolerate");
    case COMM_RISK_RESPONSE_TREAT: return _("Treat");
    case COMM_RISK_RESPONSE_TRANSFER: return _("Transfer");
    case COMM_RISK_RESPONSE_TERMINATE: return _("Terminate");
    default: return "";
    }
}

int
comm_risk_response_from_string (const char *text)
{
  return lookup_name (text, response_names, G_N_ELEMENTS (response_names), response_label_int);
}

const char *
comm_risk_status_to_string (CommRiskStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), "");
  return status_names[status];
}

const char *
comm_risk_status_label (CommRiskStatus status)
{
  switch (status)
    {
    case COMM_RISK_STATUS_OPEN: return _("Open");
    case COMM_RISK_STATUS_CLOSED: return _("Closed");
    default: return "";
    }
}

int
comm_risk_status_from_string (const char *text)
{
  return lookup_name (text, status_names, G_N_ELEMENTS (status_names), status_label_int);
}

gboolean
comm_risk_rating_is_set (const CommRiskRating *rating)
{
  return rating != NULL && rating->low != 0;
}

const char *
comm_risk_rating_to_display (const CommRiskRating *rating)
{
  return comm_risk_rating_is_set (rating) ? comm_risk_rating_to_string (rating) : "";
}

guint
comm_risk_severity (const CommRiskRating *likelihood,
                    const CommRiskRating *impact)
{
  CommRiskRating l, i;

  if (!comm_risk_rating_is_set (likelihood) || !comm_risk_rating_is_set (impact))
    return 0;
  l = comm_risk_rating_map (likelihood, COMM_RISK_SCALE_5X5, NULL);
  i = comm_risk_rating_map (impact, COMM_RISK_SCALE_5X5, NULL);
  return (guint) l.low * i.low;
}

CommRiskReview *
comm_risk_review_new (void)
{
  CommRiskReview *review = g_new0 (CommRiskReview, 1);

  review->reviewed_on = g_strdup ("");
  review->reviewer = g_strdup ("");
  review->note = g_strdup ("");
  review->next_review = g_strdup ("");
  return review;
}

CommRiskReview *
comm_risk_review_copy (const CommRiskReview *review)
{
  CommRiskReview *copy = g_memdup2 (review, sizeof *review);

  copy->reviewed_on = g_strdup (review->reviewed_on);
  copy->reviewer = g_strdup (review->reviewer);
  copy->note = g_strdup (review->note);
  copy->next_review = g_strdup (review->next_review);
  return copy;
}

void
comm_risk_review_free (CommRiskReview *review)
{
  if (review == NULL)
    return;
  g_free (review->reviewed_on);
  g_free (review->reviewer);
  g_free (review->note);
  g_free (review->next_review);
  g_free (review);
}

CommRisk *
comm_risk_new (void)
{
  return g_object_new (COMM_TYPE_RISK, NULL);
}

void
comm_risk_set_text (char       **field,
                    const char  *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  g_free (*field);
  *field = copy;
}

CommRisk *
comm_risk_copy (CommRisk *self)
{
  CommRisk *copy;

  g_return_val_if_fail (COMM_IS_RISK (self), NULL);

  copy = comm_risk_new ();
  copy->id = self->id;
  copy->register_id = self->register_id;
  comm_risk_set_text (&copy->reference, self->reference);
  comm_risk_set_text (&copy->title, self->title);
  comm_risk_set_text (&copy->cause, self->cause);
  comm_risk_set_text (&copy->consequence, self->consequence);
  comm_risk_set_text (&copy->owner, self->owner);
  comm_risk_set_text (&copy->category, self->category);
  copy->inherent_likelihood = self->inherent_likelihood;
  copy->inherent_impact = self->inherent_impact;
  comm_risk_set_text (&copy->controls, self->controls);
  copy->response = self->response;
  copy->residual_likelihood = self->residual_likelihood;
  copy->residual_impact = self->residual_impact;
  copy->target_likelihood = self->target_likelihood;
  copy->target_impact = self->target_impact;
  comm_risk_set_text (&copy->raised_on, self->raised_on);
  comm_risk_set_text (&copy->review_due, self->review_due);
  copy->review_months = self->review_months;
  copy->status = self->status;
  copy->contract_id = self->contract_id;
  comm_risk_set_text (&copy->register_name, self->register_name);
  copy->scale = self->scale;
  comm_risk_set_text (&copy->contract_reference, self->contract_reference);
  copy->contract_deleted = self->contract_deleted;
  copy->rolled_up = self->rolled_up;
  copy->review_overdue = self->review_overdue;
  comm_risk_set_text (&copy->last_reviewed_on, self->last_reviewed_on);
  copy->inherent_severity = self->inherent_severity;
  copy->current_severity = self->current_severity;
  return copy;
}

void
comm_risk_get_current (CommRisk       *self,
                       CommRiskRating *likelihood,
                       CommRiskRating *impact)
{
  gboolean residual = comm_risk_rating_is_set (&self->residual_likelihood) &&
                      comm_risk_rating_is_set (&self->residual_impact);

  *likelihood = residual ? self->residual_likelihood : self->inherent_likelihood;
  *impact = residual ? self->residual_impact : self->inherent_impact;
}

void
comm_risk_refresh_derived (CommRisk    *self,
                           const GDate *today)
{
  CommRiskRating l, i;

  g_return_if_fail (COMM_IS_RISK (self));

  comm_risk_get_current (self, &l, &i);
  self->inherent_severity = comm_risk_severity (&self->inherent_likelihood, &self->inherent_impact);
  self->current_severity = comm_risk_severity (&l, &i);
  if (today != NULL)
    {
      g_autofree char *iso = comm_date_to_iso (today);

      self->review_overdue = self->status == COMM_RISK_STATUS_OPEN && *self->review_due != '\0' &&
                             strcmp (self->review_due, iso) < 0;
    }
}

char *
comm_risk_dup_score_text (const CommRiskRating *likelihood,
                          const CommRiskRating *impact)
{
  CommRiskRating combined;

  if (!comm_risk_rating_is_set (likelihood) || !comm_risk_rating_is_set (impact))
    return g_strdup ("");
  if (likelihood->scale == COMM_RISK_SCALE_5X5 && impact->scale == COMM_RISK_SCALE_5X5)
    return g_strdup_printf ("%u", comm_risk_score (likelihood, impact));
  if (likelihood->scale == COMM_RISK_SCALE_LMH && impact->scale == COMM_RISK_SCALE_LMH)
    {
      combined = comm_risk_combine_lmh (likelihood, impact);
      return g_strdup (comm_risk_rating_to_string (&combined));
    }
  return g_strdup_printf ("%u", comm_risk_severity (likelihood, impact));
}

gboolean
comm_risk_is_high (CommRisk            *self,
                   const CommRiskBands *bands)
{
  CommRiskRating l, i;
  CommRiskBands defaults;
  int band;

  g_return_val_if_fail (COMM_IS_RISK (self), FALSE);

  comm_risk_get_current (self, &l, &i);
  if (!comm_risk_rating_is_set (&l) || !comm_risk_rating_is_set (&i))
    return FALSE;
  if (l.scale == COMM_RISK_SCALE_LMH && i.scale == COMM_RISK_SCALE_LMH)
    return comm_risk_combine_lmh (&l, &i).high == COMM_RISK_LEVEL_HIGH;
  if (bands == NULL)
    {
      comm_risk_bands_init_default (&defaults);
      bands = &defaults;
    }
  /* "High" is the third band of four; with other band sets, the upper half of the bands. */
  band = comm_risk_bands_find (bands, comm_risk_severity (&l, &i));
  return band >= (int) (bands->n_bands >= 4 ? 2 : bands->n_bands / 2);
}

/* Checks one rating of @self; @name is the field's translated name. */
static gboolean
check_rating (CommRisk             *self,
              const CommRiskRating *rating,
              gboolean              required,
              CommRiskScaleKind     scale,
              const char           *name,
              GError              **error)
{
  guint max = scale == COMM_RISK_SCALE_5X5 ? 5 : 3;

  if (!comm_risk_rating_is_set (rating))
    {
      if (!required)
        return TRUE;
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk “%s” needs its %s."), self->title, name);
      return FALSE;
    }
  if (rating->scale != scale)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The %s of risk “%s” is on the wrong scale: this register uses %s."),
                   name, self->title,
                   scale == COMM_RISK_SCALE_5X5 ? _("a 5 x 5 scale") : _("Low / Medium / High"));
      return FALSE;
    }
  if (rating->low < 1 || rating->high > max || rating->low > rating->high ||
      (scale == COMM_RISK_SCALE_5X5 && rating->low != rating->high))
    {
      if (rating->low > rating->high)
        g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                     _("The %s of risk “%s” is a reversed range: write the lower end first."),
                     name, self->title);
      else
        g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                     _("The %s of risk “%s” is %u, which is not on the scale: use 1 to %u."),
                     name, self->title, (guint) rating->high, max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_ratings (CommRisk           *self,
               CommRiskScaleKind   scale,
               GError            **error)
{
  gboolean residual = comm_risk_rating_is_set (&self->residual_likelihood) ||
                      comm_risk_rating_is_set (&self->residual_impact);
  gboolean target = comm_risk_rating_is_set (&self->target_likelihood) ||
                    comm_risk_rating_is_set (&self->target_impact);

  return check_rating (self, &self->inherent_likelihood, TRUE, scale, _("inherent likelihood"), error) &&
         check_rating (self, &self->inherent_impact, TRUE, scale, _("inherent impact"), error) &&
         check_rating (self, &self->residual_likelihood, residual, scale, _("residual likelihood"), error) &&
         check_rating (self, &self->residual_impact, residual, scale, _("residual impact"), error) &&
         check_rating (self, &self->target_likelihood, target, scale, _("target likelihood"), error) &&
         check_rating (self, &self->target_impact, target, scale, _("target impact"), error);
}

static gboolean
check_dates (CommRisk     *self,
             const GDate  *today,
             GError      **error)
{
  GDate raised, due;

  if (!comm_date_parse_iso (self->raised_on, &raised))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk “%s” needs the date it was raised, as YYYY-MM-DD (not “%s”)."),
                   self->title, self->raised_on);
      return FALSE;
    }
  if (today != NULL && g_date_compare (&raised, today) > 0)
    {
      g_autofree char *shown = comm_date_format_display (&raised);

      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk “%s” is dated as raised on %s, which is in the future."),
                   self->title, shown);
      return FALSE;
    }
  if (*self->review_due == '\0')
    return TRUE;
  if (!comm_date_parse_iso (self->review_due, &due))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The review date of risk “%s” is not a date: “%s” (use YYYY-MM-DD)."),
                   self->title, self->review_due);
      return FALSE;
    }
  if (g_date_compare (&due, &raised) < 0)
    {
      g_autofree char *due_shown = comm_date_format_display (&due);
      g_autofree char *raised_shown = comm_date_format_display (&raised);

      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The review of risk “%s” is due on %s, before the risk was raised on %s."),
                   self->title, due_shown, raised_shown);
      return FALSE;
    }
  return TRUE;
}

gboolean
comm_risk_validate (CommRisk             *self,
                    CommRiskScaleKind     scale,
                    const CommRiskBands  *bands,
                    const GDate          *today,
                    GError              **error)
{
  g_return_val_if_fail (COMM_IS_RISK (self), FALSE);

  if (*g_strstrip (self->title) == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID, _("A risk needs a title."));
      return FALSE;
    }
  if (!check_ratings (self, scale, error) || !check_dates (self, today, error))
    return FALSE;
  if (self->review_months > 24)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk “%s” is to be reviewed every %u months: the longest is 24."),
                   self->title, self->review_months);
      return FALSE;
    }
  if ((guint) self->response > COMM_RISK_RESPONSE_TERMINATE ||
      (guint) self->status > COMM_RISK_STATUS_CLOSED)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk “%s” has an unknown response or status."), self->title);
      return FALSE;
    }
  if (*g_strstrip (self->owner) == '\0' && comm_risk_is_high (self, bands))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("Risk “%s” is rated high, so it needs an owner: say who manages it."),
                   self->title);
      return FALSE;
    }
  return TRUE;
}

/* "R10" after "R9": compare the text before the digits, then the number. */
static int
compare_natural (const char *a,
                 const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          char *end_a, *end_b;
          guint64 na = g_ascii_strtoull (a, &end_a, 10);
          guint64 nb = g_ascii_strtoull (b, &end_b, 10);

          if (na != nb)
            return na < nb ? -1 : 1;
          a = end_a;
          b = end_b;
          continue;
        }
      if (g_ascii_tolower (*a) != g_ascii_tolower (*b))
        return g_ascii_tolower (*a) < g_ascii_tolower (*b) ? -1 : 1;
      a++;
      b++;
    }
  return (*a != '\0') - (*b != '\0');
}

int
comm_risk_compare_reference (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  const CommRisk *x = a;
  const CommRisk *y = b;

  return compare_natural (x->reference, y->reference);
}

int
comm_risk_compare_severity (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  const CommRisk *x = a;
  const CommRisk *y = b;

  if (x->current_severity != y->current_severity)
    return x->current_severity > y->current_severity ? -1 : 1;
  return compare_natural (x->reference, y->reference);
}
