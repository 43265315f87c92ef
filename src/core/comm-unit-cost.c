/* comm-unit-cost.c: a service's cost divided by its activity and split across cohorts, in pence
 *
 * 128-bit integers for cost × count, so nothing overflows and nothing is a float.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-error.h"
#include "comm-money.h"
#include "comm-unit-cost.h"

__extension__ typedef __int128 Int128;

struct _CommUnitCost {
  gint64   total;
  GArray  *cohorts;   /* CommUnitCohort */
  gint64   activity;
  gint64   unit_cost;
  gboolean rounded;
  gint64   rounded_alone_total;
  gboolean computed;
};

static void
cohort_clear (gpointer data)
{
  CommUnitCohort *cohort = data;

  g_clear_pointer (&cohort->name, g_free);
}

/* numerator ÷ denominator rounded half up; both non-negative, denominator > 0 */
static gint64
round_half_up (Int128 numerator,
               Int128 denominator)
{
  return (gint64) ((2 * numerator + denominator) / (2 * denominator));
}

static gboolean
check_cohort (const CommUnitCohort  *cohort,
              GHashTable            *seen,
              GError               **error)
{
  if (cohort->name[0] == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("A cohort has no name; give every cohort a name."));
      return FALSE;
    }
  if (!g_hash_table_add (seen, g_utf8_casefold (cohort->name, -1)))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The cohort name “%s” is used twice; give each cohort its own name."),
                   cohort->name);
      return FALSE;
    }
  if (cohort->count < 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The cohort “%s” has a negative count; counts must be zero or more."),
                   cohort->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_input (CommUnitCost  *self,
             GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (self->total < 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The cost is negative; it must be zero or more."));
      return FALSE;
    }
  if (self->cohorts->len == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("There are no cohorts to split the cost between."));
      return FALSE;
    }
  self->activity = 0;
  for (guint i = 0; i < self->cohorts->len; i++)
    {
      const CommUnitCohort *cohort = &g_array_index (self->cohorts, CommUnitCohort, i);

      if (!check_cohort (cohort, seen, error))
        return FALSE;
      if (cohort->count > G_MAXINT64 - self->activity)
        {
          g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                               _("The counts add up to more than can be held; check them for typing mistakes."));
          return FALSE;
        }
      self->activity += cohort->count;
    }
  if (self->activity == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The counts are all zero, so there is no activity to divide the cost by."));
      return FALSE;
    }
  return TRUE;
}

/* public API */

CommUnitCost *
comm_unit_cost_new (gint64 total)
{
  CommUnitCost *self = g_new0 (CommUnitCost, 1);

  self->total = total;
  self->cohorts = g_array_new (FALSE, TRUE, sizeof (CommUnitCohort));
  g_array_set_clear_func (self->cohorts, cohort_clear);
  return self;
}

void
comm_unit_cost_free (CommUnitCost *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->cohorts);
  g_free (self);
}

void
comm_unit_cost_add_cohort (CommUnitCost *self,
                           const char   *name,
                           gint64        count)
{
  CommUnitCohort cohort = { g_strstrip (g_strdup (name != NULL ? name : "")), count, 0, FALSE, 0 };

  g_array_append_val (self->cohorts, cohort);
  self->computed = FALSE;
}

gboolean
comm_unit_cost_compute (CommUnitCost  *self,
                        GError       **error)
{
  guint n = self->cohorts->len;
  g_autofree gint64 *counts = NULL;
  g_autofree gint64 *parts = NULL;
  g_autofree gboolean *moved = NULL;

  self->computed = FALSE;
  if (!check_input (self, error))
    return FALSE;

  counts = g_new (gint64, n);
  parts = g_new0 (gint64, n);
  moved = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    counts[i] = g_array_index (self->cohorts, CommUnitCohort, i).count;
  if (!comm_money_split (self->total, counts, n, parts, moved, error))
    return FALSE;

  self->unit_cost = round_half_up (self->total, self->activity);
  self->rounded = self->total % self->activity != 0;
  self->rounded_alone_total = 0;
  for (guint i = 0; i < n; i++)
    {
      CommUnitCohort *cohort = &g_array_index (self->cohorts, CommUnitCohort, i);

      cohort->share = parts[i];
      cohort->penny_moved = moved[i];
      cohort->rounded_alone = round_half_up ((Int128) self->total * cohort->count, self->activity);
      self->rounded_alone_total += cohort->rounded_alone;
    }
  self->computed = TRUE;
  return TRUE;
}

gint64
comm_unit_cost_get_total (CommUnitCost *self)
{
  return self->total;
}

gint64
comm_unit_cost_get_activity (CommUnitCost *self)
{
  return self->activity;
}

gint64
comm_unit_cost_get_unit_cost (CommUnitCost *self)
{
  return self->unit_cost;
}

gboolean
comm_unit_cost_is_rounded (CommUnitCost *self)
{
  return self->rounded;
}

gint64
comm_unit_cost_get_rounded_alone_total (CommUnitCost *self)
{
  return self->rounded_alone_total;
}

guint
comm_unit_cost_get_n_cohorts (CommUnitCost *self)
{
  return self->computed ? self->cohorts->len : 0;
}

const CommUnitCohort *
comm_unit_cost_get_cohort (CommUnitCost *self,
                           guint         i)
{
  g_return_val_if_fail (self->computed && i < self->cohorts->len, NULL);
  return &g_array_index (self->cohorts, CommUnitCohort, i);
}

char *
comm_unit_cost_format_exact (gint64 total,
                             gint64 count,
                             gint64 activity)
{
  Int128 numerator = (Int128) total * count;
  Int128 remainder;
  g_autofree char *pence = NULL;
  GString *out;

  g_return_val_if_fail (total >= 0 && count >= 0 && activity > 0, NULL);

  pence = comm_money_format ((gint64) (numerator / activity));
  out = g_string_new (pence);
  remainder = numerator % activity;
  for (int digits = 0; remainder != 0 && digits < 4; digits++)
    {
      remainder *= 10;
      g_string_append_c (out, (char) ('0' + (int) (remainder / activity)));
      remainder %= activity;
    }
  if (remainder != 0)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}
