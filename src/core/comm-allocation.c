/* comm-allocation.c: a budget's reconciliation in integer pence
 *
 * The remainder after fixed allocations is split with comm_money_split over the percentage
 * weights plus one more weight for the gap to 100%, so every percentage line is within a penny
 * of its exact share and the lines plus the unallocated amount add up exactly.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-allocation.h"
#include "comm-error.h"
#include "comm-money.h"

struct _CommAllocation {
  gint64  total;
  GArray *lines;            /* CommAllocationLine, in the order added */
  char   *remainder_name;
  GArray *ordered;          /* CommAllocationLine copies after compute (names borrowed) */
  gint64  committed;
  gint64  fixed_total;
  gint64  percent_total;
  gint64  percent_amount;
  gint64  unallocated;
  gboolean unallocated_moved;
  gboolean computed;
};

static void
line_clear (gpointer data)
{
  CommAllocationLine *line = data;

  g_clear_pointer (&line->name, g_free);
}

static void
add_line (CommAllocation     *self,
          CommAllocationKind  kind,
          const char         *name,
          gint64              thousandths,
          gint64              amount)
{
  CommAllocationLine line = { kind, g_strstrip (g_strdup (name != NULL ? name : "")),
                              thousandths, amount, FALSE };

  g_array_append_val (self->lines, line);
  self->computed = FALSE;
}

static const char *
kind_word (CommAllocationKind kind)
{
  switch (kind)
    {
    case COMM_ALLOCATION_COMMITMENT: return _("commitment");
    case COMM_ALLOCATION_FIXED:      return _("fixed allocation");
    case COMM_ALLOCATION_PERCENT:    return _("percentage allocation");
    case COMM_ALLOCATION_UNALLOCATED:
    default:                         return _("unallocated line");
    }
}

static const char *
remainder_name (CommAllocation *self)
{
  return self->remainder_name != NULL ? self->remainder_name : _("Unallocated");
}

static gboolean
check_names (CommAllocation  *self,
             GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_add (seen, g_utf8_casefold (remainder_name (self), -1));
  for (guint i = 0; i < self->lines->len; i++)
    {
      const CommAllocationLine *line = &g_array_index (self->lines, CommAllocationLine, i);
      char *key;

      if (line->name[0] == '\0')
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       /* Translators: %s is e.g. "commitment" */
                       _("A %s has no name; give every line a name."), kind_word (line->kind));
          return FALSE;
        }
      key = g_utf8_casefold (line->name, -1);
      if (!g_hash_table_add (seen, key))
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("The name “%s” is used twice; give each line its own name."), line->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_line (const CommAllocationLine  *line,
            GError                   **error)
{
  if (line->amount < 0 || line->thousandths < 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   /* Translators: the first %s is e.g. "commitment", the second its name */
                   _("The %s “%s” is negative; amounts and percentages must be zero or more."),
                   kind_word (line->kind), line->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_checked (gint64   *sum,
             gint64    amount,
             GError  **error)
{
  if (amount > G_MAXINT64 - *sum)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The amounts add up to more than can be held; check them for typing mistakes."));
      return FALSE;
    }
  *sum += amount;
  return TRUE;
}

static gboolean
sum_lines (CommAllocation  *self,
           GError         **error)
{
  self->committed = self->fixed_total = self->percent_total = 0;
  for (guint i = 0; i < self->lines->len; i++)
    {
      const CommAllocationLine *line = &g_array_index (self->lines, CommAllocationLine, i);
      gboolean ok = TRUE;

      if (!check_line (line, error))
        return FALSE;
      if (line->kind == COMM_ALLOCATION_COMMITMENT)
        ok = add_checked (&self->committed, line->amount, error);
      else if (line->kind == COMM_ALLOCATION_FIXED)
        ok = add_checked (&self->fixed_total, line->amount, error);
      else
        ok = add_checked (&self->percent_total, line->thousandths, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_totals (CommAllocation  *self,
              GError         **error)
{
  g_autofree char *total = comm_money_format (self->total);
  g_autofree char *committed = comm_money_format (self->committed);
  g_autofree char *available = comm_money_format (self->total - self->committed);
  g_autofree char *fixed = comm_money_format (self->fixed_total);
  g_autofree char *percent = comm_percent_format (self->percent_total);

  if (self->committed > self->total)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The commitments (%s) are more than the total budget (%s)."), committed, total);
      return FALSE;
    }
  if (self->fixed_total > self->total - self->committed)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The fixed allocations (%s) are more than is available after commitments (%s)."),
                   fixed, available);
      return FALSE;
    }
  if (self->percent_total > COMM_PERCENT_WHOLE)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The percentages add up to %s; they must not total more than 100%%."), percent);
      return FALSE;
    }
  return TRUE;
}

static gboolean
split_percentages (CommAllocation  *self,
                   GError         **error)
{
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gint64 *parts = NULL;
  g_autofree gboolean *moved = NULL;
  gint64 gap = COMM_PERCENT_WHOLE - self->percent_total;
  guint k = 0;

  for (guint i = 0; i < self->ordered->len; i++)
    {
      CommAllocationLine *line = &g_array_index (self->ordered, CommAllocationLine, i);

      if (line->kind == COMM_ALLOCATION_PERCENT)
        g_array_append_val (weights, line->thousandths);
    }
  g_array_append_val (weights, gap);
  parts = g_new0 (gint64, weights->len);
  moved = g_new0 (gboolean, weights->len);
  if (!comm_money_split (self->total - self->committed - self->fixed_total,
                         (const gint64 *) (gpointer) weights->data, weights->len, parts, moved, error))
    return FALSE;

  self->percent_amount = 0;
  for (guint i = 0; i < self->ordered->len; i++)
    {
      CommAllocationLine *line = &g_array_index (self->ordered, CommAllocationLine, i);

      if (line->kind != COMM_ALLOCATION_PERCENT)
        continue;
      line->amount = parts[k];
      line->penny_moved = moved[k];
      self->percent_amount += parts[k];
      k++;
    }
  self->unallocated = parts[k];
  self->unallocated_moved = moved[k];
  return TRUE;
}

static void
order_lines (CommAllocation *self)
{
  static const CommAllocationKind order[] = {
    COMM_ALLOCATION_COMMITMENT, COMM_ALLOCATION_FIXED, COMM_ALLOCATION_PERCENT,
  };

  g_array_set_size (self->ordered, 0);
  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    for (guint i = 0; i < self->lines->len; i++)
      {
        CommAllocationLine line = g_array_index (self->lines, CommAllocationLine, i);

        if (line.kind != order[o])
          continue;
        line.penny_moved = FALSE;
        g_array_append_val (self->ordered, line);
      }
}

/* public API */

CommAllocation *
comm_allocation_new (gint64 total)
{
  CommAllocation *self = g_new0 (CommAllocation, 1);

  self->total = total;
  self->lines = g_array_new (FALSE, TRUE, sizeof (CommAllocationLine));
  g_array_set_clear_func (self->lines, line_clear);
  self->ordered = g_array_new (FALSE, TRUE, sizeof (CommAllocationLine));
  return self;
}

void
comm_allocation_free (CommAllocation *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->ordered);
  g_array_unref (self->lines);
  g_free (self->remainder_name);
  g_free (self);
}

void
comm_allocation_add_commitment (CommAllocation *self,
                                const char     *name,
                                gint64          pence)
{
  add_line (self, COMM_ALLOCATION_COMMITMENT, name, 0, pence);
}

void
comm_allocation_add_fixed (CommAllocation *self,
                           const char     *name,
                           gint64          pence)
{
  add_line (self, COMM_ALLOCATION_FIXED, name, 0, pence);
}

void
comm_allocation_add_percent (CommAllocation *self,
                             const char     *name,
                             gint64          thousandths)
{
  add_line (self, COMM_ALLOCATION_PERCENT, name, thousandths, 0);
}

void
comm_allocation_set_remainder_name (CommAllocation *self,
                                    const char     *name)
{
  g_free (self->remainder_name);
  self->remainder_name = name != NULL ? g_strstrip (g_strdup (name)) : NULL;
  self->computed = FALSE;
}

gboolean
comm_allocation_compute (CommAllocation  *self,
                         GError         **error)
{
  CommAllocationLine last = { COMM_ALLOCATION_UNALLOCATED, NULL, 0, 0, FALSE };

  g_return_val_if_fail (self != NULL, FALSE);

  self->computed = FALSE;
  g_array_set_size (self->ordered, 0);
  if (self->total < 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The total budget is negative; it must be zero or more."));
      return FALSE;
    }
  if (self->remainder_name != NULL && self->remainder_name[0] == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The name for what is left unallocated is empty."));
      return FALSE;
    }
  if (!check_names (self, error) || !sum_lines (self, error) || !check_totals (self, error))
    return FALSE;

  order_lines (self);
  if (!split_percentages (self, error))
    return FALSE;
  last.name = (char *) remainder_name (self);
  last.amount = self->unallocated;
  last.penny_moved = self->unallocated_moved;
  g_array_append_val (self->ordered, last);
  self->computed = TRUE;
  return TRUE;
}

gint64
comm_allocation_get_total (CommAllocation *self)
{
  return self->total;
}

gint64
comm_allocation_get_committed (CommAllocation *self)
{
  return self->committed;
}

gint64
comm_allocation_get_available (CommAllocation *self)
{
  return self->total - self->committed;
}

gint64
comm_allocation_get_fixed_total (CommAllocation *self)
{
  return self->fixed_total;
}

gint64
comm_allocation_get_after_fixed (CommAllocation *self)
{
  return self->total - self->committed - self->fixed_total;
}

gint64
comm_allocation_get_percent_total (CommAllocation *self)
{
  return self->percent_total;
}

gint64
comm_allocation_get_percent_amount (CommAllocation *self)
{
  return self->percent_amount;
}

gint64
comm_allocation_get_unallocated (CommAllocation *self)
{
  return self->unallocated;
}

guint
comm_allocation_get_n_lines (CommAllocation *self)
{
  return self->computed ? self->ordered->len : 0;
}

const CommAllocationLine *
comm_allocation_get_line (CommAllocation *self,
                          guint           i)
{
  g_return_val_if_fail (self->computed && i < self->ordered->len, NULL);
  return &g_array_index (self->ordered, CommAllocationLine, i);
}

gboolean
comm_allocation_any_penny_moved (CommAllocation *self)
{
  for (guint i = 0; i < comm_allocation_get_n_lines (self); i++)
    if (comm_allocation_get_line (self, i)->penny_moved)
      return TRUE;
  return FALSE;
}

gboolean
comm_percent_parse (const char  *text,
                    gint64      *thousandths,
                    GError     **error)
{
  const char *p = text;
  gint64 whole = 0, frac = 0;
  int n_int = 0, n_frac = 0;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-' || *p == '+')
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” has a sign; a percentage must be a number from 0 to 100."), text);
      return FALSE;
    }
  for (; g_ascii_isdigit (*p); p++, n_int++)
    if (whole <= 100)
      whole = whole * 10 + (*p - '0');
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, n_frac++)
      if (n_frac < 3)
        frac = frac * 10 + (*p - '0');
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '%')
    p++;
  while (g_ascii_isspace (*p))
    p++;

  if (*p != '\0' || n_int + n_frac == 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” is not a percentage; write it like 12.5%%."), text);
      return FALSE;
    }
  if (n_frac > 3)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” has more than three decimals; a percentage can have up to three, like 12.345%%."),
                   text);
      return FALSE;
    }
  for (int i = n_frac; i < 3; i++)
    frac *= 10;
  if (whole > 100 || whole * 1000 + frac > COMM_PERCENT_WHOLE)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” is over 100%%."), text);
      return FALSE;
    }
  *thousandths = whole * 1000 + frac;
  return TRUE;
}

char *
comm_percent_format (gint64 thousandths)
{
  gint64 size = thousandths < 0 ? -thousandths : thousandths;
  gint64 frac = size % 1000;
  int digits = 3;

  if (frac == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT "%%", thousandths < 0 ? "-" : "", size / 1000);
  while (frac % 10 == 0)
    {
      frac /= 10;
      digits--;
    }
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT "%%",
                          thousandths < 0 ? "-" : "", size / 1000, digits, frac);
}
