/* comm-money.c: money as integer pence - parsing, formatting, exact splitting
 *
 * No floating point anywhere: amounts are parsed digit by digit and split with 128-bit integer
 * arithmetic.
 *
 * What the parser accepts (decided here, tested in tests/test-money.c):
 *  - surrounding white space; "£" or "GBP" (any case) before the number, with optional spaces;
 *  - one minus (also U+2212) or plus sign, before or after the symbol: "-£5", "£-5", "+5";
 *  - accounting negatives in brackets: "(£5.00)" = -500 (no sign allowed inside the brackets);
 *  - thousands separated by commas in groups of exactly three ("1,234,567"), or no commas at all;
 *  - up to two decimals after a full stop ("1234.5" = 123450, ".5" = 50, "5." = 500).
 * Everything else is refused with a message quoting the text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-error.h"
#include "comm-money.h"

/* ±£90 trillion: the largest amount, safely inside the integers a JSON number can carry. */
#define MAX_PENCE G_GINT64_CONSTANT (9000000000000000)

__extension__ typedef __int128 Int128;

typedef struct {
  const char *p;
  gboolean    negative;
  gboolean    signed_;
} Cursor;

static void
skip_spaces (Cursor *c)
{
  while (g_ascii_isspace (*c->p))
    c->p++;
}

static gboolean
take_sign (Cursor *c)
{
  gboolean minus = *c->p == '-' || g_str_has_prefix (c->p, "−");

  if (!minus && *c->p != '+')
    return TRUE;
  if (c->signed_)
    return FALSE;
  c->signed_ = TRUE;
  c->negative = minus;
  c->p += g_str_has_prefix (c->p, "−") ? strlen ("−") : 1;
  skip_spaces (c);
  return TRUE;
}

static gboolean
take_symbol (Cursor *c)
{
  if (g_str_has_prefix (c->p, "£"))
    c->p += strlen ("£");
  else if (g_ascii_strncasecmp (c->p, "GBP", 3) == 0)
    c->p += 3;
  else
    return FALSE;
  skip_spaces (c);
  return TRUE;
}

static gboolean
fail (GError    **error,
      const char *text,
      const char *why)
{
  g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
               /* Translators: the first %s is the text typed, the second says what is wrong */
               _("“%s” is not an amount of money: %s"), text, why);
  return FALSE;
}

/* Why the characters after the number are not acceptable. */
static const char *
explain_trailing (const char *p,
                  gboolean    seen_point)
{
  if (*p == '.')
    return _("it has more than one decimal point.");
  if (g_ascii_isdigit (*p))
    return _("it has a space inside the number. Leave it out, or use commas for thousands.");
  if (*p == ',' && seen_point)
    return _("it seems to use a decimal comma. Write pounds and pence with a full stop, as in 1234.56.");
  if (g_str_has_prefix (p, "€") || g_str_has_prefix (p, "$"))
    return _("amounts must be in pounds.");
  return _("it holds characters that are not part of an amount.");
}

/* Reads the digits, commas and decimals. Returns NULL on success, else why it failed. */
static const char *
scan_number (Cursor *c,
             guint64 *out_pence)
{
  guint64 pounds = 0, pence = 0;
  guint n_digits = 0, group = 0, n_groups = 0, n_decimals = 0;
  gboolean seen_point = FALSE;

  for (; g_ascii_isdigit (*c->p) || *c->p == ','; c->p++)
    {
      if (*c->p == ',')
        {
          if (n_digits == 0 || (n_groups == 0 && group > 3) || (n_groups > 0 && group != 3))
            return _("a comma must separate thousands, in groups of three digits, as in £1,234.56.");
          n_groups++;
          group = 0;
          continue;
        }
      if (pounds > (guint64) MAX_PENCE / 100)
        return _("it is too large (the limit is £90 trillion).");
      pounds = pounds * 10 + (guint64) (*c->p - '0');
      n_digits++;
      group++;
    }
  if (n_groups > 0 && group != 3)
    return n_groups == 1 && group <= 2 && *c->p != '.'
           ? _("it seems to use a decimal comma. A comma must separate thousands; for pence use a full stop, as in £143.00.")
           : _("a comma must separate thousands, in groups of three digits, as in £1,234.56.");

  if (*c->p == '.')
    {
      seen_point = TRUE;
      for (c->p++; g_ascii_isdigit (*c->p); c->p++, n_decimals++)
        if (n_decimals < 2)
          pence = pence * 10 + (guint64) (*c->p - '0');
      if (*c->p == ',')
        return explain_trailing (c->p, TRUE);
      if (n_decimals > 2)
        return _("it has more than two decimal places.");
      if (n_decimals == 1)
        pence *= 10;
    }
  if (n_digits == 0 && n_decimals == 0)
    return *c->p == '\0' ? _("it has no digits.") : explain_trailing (c->p, seen_point);
  if (*c->p != '\0' && !g_ascii_isspace (*c->p) && *c->p != ')')
    return explain_trailing (c->p, seen_point);

  *out_pence = pounds * 100 + pence;
  if (*out_pence > (guint64) MAX_PENCE)
    return _("it is too large (the limit is £90 trillion).");
  return NULL;
}

gboolean
comm_money_parse (const char  *text,
                  gint64      *pence,
                  GError     **error)
{
  Cursor c = { text, FALSE, FALSE };
  gboolean bracketed = FALSE;
  const char *why;
  guint64 magnitude = 0;

  g_return_val_if_fail (pence != NULL, FALSE);

  if (text != NULL)
    skip_spaces (&c);
  if (text == NULL || *c.p == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_PARSE, _("No amount was given."));
      return FALSE;
    }

  if (*c.p == '(')
    {
      bracketed = TRUE;
      c.p++;
      skip_spaces (&c);
    }
  if (!take_sign (&c))
    return fail (error, text, _("it has more than one sign."));
  take_symbol (&c);
  if (!take_sign (&c))
    return fail (error, text, _("it has more than one sign."));
  if (bracketed && c.signed_)
    return fail (error, text, _("use either brackets or a minus sign for a negative amount, not both."));

  why = scan_number (&c, &magnitude);
  if (why != NULL)
    return fail (error, text, why);

  skip_spaces (&c);
  if (!bracketed && *c.p != '\0' && *c.p != ')')
    return fail (error, text, explain_trailing (c.p, FALSE));
  if (bracketed && *c.p != ')')
    return fail (error, text, _("it has an opening bracket but no closing one."));
  if (!bracketed && *c.p == ')')
    return fail (error, text, _("it has a closing bracket but no opening one."));
  if (bracketed)
    {
      c.p++;
      skip_spaces (&c);
      if (*c.p != '\0')
        return fail (error, text, explain_trailing (c.p, FALSE));
    }

  *pence = (c.negative || bracketed) ? -(gint64) magnitude : (gint64) magnitude;
  return TRUE;
}

char *
comm_money_format (gint64 pence)
{
  return comm_money_format_full (pence, COMM_MONEY_FORMAT_DEFAULT);
}

char *
comm_money_format_full (gint64               pence,
                        CommMoneyFormatFlags flags)
{
  gboolean plain = (flags & COMM_MONEY_FORMAT_PLAIN) != 0;
  gboolean symbol = !plain && (flags & COMM_MONEY_FORMAT_NO_SYMBOL) == 0;
  guint64 magnitude = pence < 0 ? -(guint64) pence : (guint64) pence;
  guint64 pounds = magnitude / 100;
  guint cents = (guint) (magnitude % 100);
  char digits[24];
  GString *out = g_string_sized_new (32);
  int len, i;

  len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, pounds);

  if (pence < 0)
    g_string_append_c (out, '-');
  if (symbol)
    g_string_append (out, "£");
  for (i = 0; i < len; i++)
    {
      if (!plain && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (cents != 0 || (flags & COMM_MONEY_FORMAT_WHOLE_POUNDS) == 0)
    g_string_append_printf (out, ".%02u", cents);

  return g_string_free (out, FALSE);
}

typedef struct {
  Int128 remainder;
  guint  index;
} Share;

static int
share_compare (gconstpointer a,
               gconstpointer b)
{
  const Share *x = a, *y = b;

  if (x->remainder != y->remainder)
    return x->remainder > y->remainder ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

/* Checks the inputs of a split; on success @weight_sum holds the sum of the weights. */
static gboolean
check_split (gint64         total,
             const gint64  *weights,
             guint          n,
             Int128        *weight_sum,
             GError       **error)
{
  *weight_sum = 0;
  if (n == 0 || weights == NULL)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("There is nothing to split the amount between."));
      return FALSE;
    }
  if (total == G_MININT64)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The amount is too large to split."));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (weights[i] < 0)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("Part %u has a negative share; shares must be zero or more."), i + 1);
          return FALSE;
        }
      *weight_sum += weights[i];
    }
  if (*weight_sum == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("All the shares are zero, so the amount cannot be split."));
      return FALSE;
    }
  return TRUE;
}

gboolean
comm_money_split (gint64          total,
                  const gint64   *weights,
                  guint           n,
                  gint64         *out_parts,
                  gboolean       *out_moved,
                  GError        **error)
{
  Int128 weight_sum, magnitude, given = 0;
  g_autofree Share *shares = NULL;
  gint64 leftover;

  g_return_val_if_fail (out_parts != NULL || n == 0, FALSE);

  if (!check_split (total, weights, n, &weight_sum, error))
    return FALSE;

  /* A negative total is split by its size and every part negated, so the pennies move the
   * same way for -£10 as for £10. */
  magnitude = total < 0 ? -(Int128) total : (Int128) total;
  shares = g_new (Share, n);
  for (guint i = 0; i < n; i++)
    {
      Int128 exact = magnitude * weights[i];

      out_parts[i] = (gint64) (exact / weight_sum);
      shares[i].remainder = exact % weight_sum;
      shares[i].index = i;
      given += out_parts[i];
      if (out_moved != NULL)
        out_moved[i] = FALSE;
    }

  /* Fewer than n pennies are left, and at least that many parts have a remainder. */
  leftover = (gint64) (magnitude - given);
  qsort (shares, n, sizeof (Share), share_compare);
  for (gint64 k = 0; k < leftover; k++)
    {
      out_parts[shares[k].index]++;
      if (out_moved != NULL)
        out_moved[shares[k].index] = TRUE;
    }

  if (total < 0)
    for (guint i = 0; i < n; i++)
      out_parts[i] = -out_parts[i];

  return TRUE;
}
