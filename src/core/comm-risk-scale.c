/* comm-risk-scale.c: risk rating scales - parsing, display, ordering, scores, bands, mapping */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-error.h"
#include "comm-risk-scale.h"

/* LMH -> 5 x 5 numbers, indexed by CommRiskLevel (0 unused). */
static const guint8 lmh_to_number[] = { 0, 2, 3, 5 };

/* 5 x 5 number -> LMH level, indexed by number (0 unused). */
static const guint8 number_to_lmh[] = { 0, 1, 1, 2, 3, 3 };

static const char *
axis_noun (CommRiskAxis axis)
{
  return axis == COMM_RISK_AXIS_IMPACT ? _("impact") : _("likelihood");
}

static const char *
axis_with_article (CommRiskAxis axis)
{
  return axis == COMM_RISK_AXIS_IMPACT ? _("an impact") : _("a likelihood");
}

/* Reads one level word ("l", "Medium" ...), trimmed, case-insensitive; 0 if none. */
static guint8
parse_level_word (const char *word)
{
  static const struct { const char *text; guint8 level; } words[] = {
    { "l", COMM_RISK_LEVEL_LOW }, { "low", COMM_RISK_LEVEL_LOW },
    { "m", COMM_RISK_LEVEL_MEDIUM }, { "medium", COMM_RISK_LEVEL_MEDIUM },
    { "h", COMM_RISK_LEVEL_HIGH }, { "high", COMM_RISK_LEVEL_HIGH },
  };
  g_autofree char *copy = g_strstrip (g_strdup (word));

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (copy, words[i].text) == 0)
      return words[i].level;
  return 0;
}

static gboolean
parse_5x5 (CommRiskAxis     axis,
           const char      *text,
           CommRiskRating  *out,
           GError         **error)
{
  guint64 number = 0;
  gsize len = strlen (text);

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      {
        /* Translators: the second %s is "a likelihood" or "an impact" */
        g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                     _("“%s” is not %s on a 5 x 5 scale: use a whole number from 1 to 5."),
                     text, axis_with_article (axis));
        return FALSE;
      }
  if (len > 3 || (number = g_ascii_strtoull (text, NULL, 10)) < 1 || number > 5)
    {
      /* Translators: the second %s is "a likelihood" or "an impact" */
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("%s is not %s on a 5 x 5 scale: use 1 to 5."),
                   text, axis_with_article (axis));
      return FALSE;
    }
  out->scale = COMM_RISK_SCALE_5X5;
  out->low = out->high = (guint8) number;
  return TRUE;
}

static gboolean
parse_lmh (CommRiskAxis     axis,
           const char      *text,
           CommRiskRating  *out,
           GError         **error)
{
  g_auto (GStrv) parts = g_strsplit (text, "/", -1);
  guint n = g_strv_length (parts);
  guint8 low = n >= 1 && n <= 2 ? parse_level_word (parts[0]) : 0;
  guint8 high = n == 2 ? parse_level_word (parts[1]) : low;

  if (low == 0 || high == 0)
    {
      /* Translators: the second %s is "a likelihood" or "an impact" */
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” is not %s on a Low / Medium / High scale: use L, M or H, "
                     "or a range such as M/H."), text, axis_with_article (axis));
      return FALSE;
    }
  if (low > high)
    {
      CommRiskRating fixed = { COMM_RISK_SCALE_LMH, high, low };

      /* Translators: the second %s is "a likelihood" or "an impact"; the last is e.g. "L/H" */
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” is a reversed range for %s on a Low / Medium / High scale: "
                     "write the lower end first, as “%s”."),
                   text, axis_with_article (axis), comm_risk_rating_to_string (&fixed));
      return FALSE;
    }
  out->scale = COMM_RISK_SCALE_LMH;
  out->low = low;
  out->high = high;
  return TRUE;
}

static guint8
level_of_product (guint product)
{
  if (product <= 2)
    return COMM_RISK_LEVEL_LOW;
  if (product <= 4)
    return COMM_RISK_LEVEL_MEDIUM;
  return COMM_RISK_LEVEL_HIGH;
}

gboolean
comm_risk_rating_parse (CommRiskScaleKind   scale,
                        CommRiskAxis        axis,
                        const char         *text,
                        CommRiskRating     *out,
                        GError            **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*trimmed == '\0')
    {
      if (scale == COMM_RISK_SCALE_5X5)
        /* Translators: %s is "likelihood" or "impact" */
        g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                     _("The %s is empty: give a number from 1 to 5 on the 5 x 5 scale."),
                     axis_noun (axis));
      else
        /* Translators: %s is "likelihood" or "impact" */
        g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                     _("The %s is empty: give L, M or H, or a range such as M/H, on the "
                       "Low / Medium / High scale."), axis_noun (axis));
      return FALSE;
    }
  if (scale == COMM_RISK_SCALE_5X5)
    return parse_5x5 (axis, trimmed, out, error);
  return parse_lmh (axis, trimmed, out, error);
}

const char *
comm_risk_rating_to_string (const CommRiskRating *rating)
{
  static const char *numbers[] = { "?", "1", "2", "3", "4", "5" };
  static const char *levels[4][4] = {
    { "?", "?", "?", "?" },
    { "?", "L", "L/M", "L/H" },
    { "?", "?", "M", "M/H" },
    { "?", "?", "?", "H" },
  };

  g_return_val_if_fail (rating != NULL, "?");

  if (rating->scale == COMM_RISK_SCALE_5X5)
    return rating->low <= 5 ? numbers[rating->low] : "?";
  if (rating->low > 3 || rating->high > 3)
    return "?";
  return levels[rating->low][rating->high];
}

int
comm_risk_rating_compare (gconstpointer a,
                          gconstpointer b)
{
  const CommRiskRating *x = a;
  const CommRiskRating *y = b;
  int key_x = x->low + x->high;
  int key_y = y->low + y->high;

  if (x->scale != y->scale)
    return x->scale == COMM_RISK_SCALE_5X5 ? -1 : 1;
  if (key_x != key_y)
    return key_x < key_y ? -1 : 1;
  if (x->low != y->low)
    return x->low < y->low ? -1 : 1;
  return 0;
}

gboolean
comm_risk_rating_equal (const CommRiskRating *a,
                        const CommRiskRating *b)
{
  return a->scale == b->scale && a->low == b->low && a->high == b->high;
}

guint
comm_risk_score (const CommRiskRating *likelihood,
                 const CommRiskRating *impact)
{
  g_return_val_if_fail (likelihood != NULL && impact != NULL, 0);

  if (likelihood->scale != COMM_RISK_SCALE_5X5 || impact->scale != COMM_RISK_SCALE_5X5)
    return 0;
  return (guint) likelihood->low * impact->low;
}

CommRiskRating
comm_risk_combine_lmh (const CommRiskRating *likelihood,
                       const CommRiskRating *impact)
{
  CommRiskRating result = { COMM_RISK_SCALE_LMH, 0, 0 };

  g_return_val_if_fail (likelihood->scale == COMM_RISK_SCALE_LMH, result);
  g_return_val_if_fail (impact->scale == COMM_RISK_SCALE_LMH, result);

  result.low = level_of_product ((guint) likelihood->low * impact->low);
  result.high = level_of_product ((guint) likelihood->high * impact->high);
  return result;
}

void
comm_risk_bands_init_default (CommRiskBands *bands)
{
  static const guint upper[] = { 4, 9, 14, 25 };

  memset (bands, 0, sizeof *bands);
  bands->n_bands = G_N_ELEMENTS (upper);
  memcpy (bands->upper, upper, sizeof upper);
  bands->names[0] = _("Low");
  bands->names[1] = _("Medium");
  bands->names[2] = _("High");
  bands->names[3] = _("Very high");
}

gboolean
comm_risk_bands_validate (const CommRiskBands  *bands,
                          GError              **error)
{
  guint previous = 0;

  if (bands->n_bands < 1 || bands->n_bands > COMM_RISK_BANDS_MAX)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("A 5 x 5 scale needs from 1 to %d score bands."), COMM_RISK_BANDS_MAX);
      return FALSE;
    }
  for (guint i = 0; i < bands->n_bands; i++)
    {
      if (bands->names[i] == NULL || *bands->names[i] == '\0')
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("Score band %u of the 5 x 5 scale has no name."), i + 1);
          return FALSE;
        }
      if (bands->upper[i] <= previous)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("Score band “%s” must end above %u: band limits go up in order."),
                       bands->names[i], previous);
          return FALSE;
        }
      previous = bands->upper[i];
    }
  if (previous != 25)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The last score band ends at %u: it must end at 25, the highest "
                     "score on a 5 x 5 scale."), previous);
      return FALSE;
    }
  return TRUE;
}

int
comm_risk_bands_find (const CommRiskBands *bands,
                      guint                score)
{
  if (score < 1)
    return -1;
  for (guint i = 0; i < bands->n_bands && i < COMM_RISK_BANDS_MAX; i++)
    if (score <= bands->upper[i])
      return (int) i;
  return -1;
}

CommRiskRating
comm_risk_rating_map (const CommRiskRating *rating,
                      CommRiskScaleKind     to,
                      gboolean             *lost)
{
  CommRiskRating result = *rating;
  CommRiskRating back;

  if (lost != NULL)
    *lost = FALSE;
  if (rating->scale == to)
    return result;

  result.scale = to;
  if (to == COMM_RISK_SCALE_LMH)
    {
      g_return_val_if_fail (rating->low >= 1 && rating->low <= 5, result);
      result.low = result.high = number_to_lmh[rating->low];
      back.low = back.high = lmh_to_number[result.low];
    }
  else
    {
      g_return_val_if_fail (rating->low >= 1 && rating->high <= 3, result);
      result.low = result.high =
        (lmh_to_number[rating->low] + lmh_to_number[rating->high] + 1) / 2;
      back.low = back.high = number_to_lmh[result.low];
    }
  back.scale = rating->scale;
  if (lost != NULL)
    *lost = !comm_risk_rating_equal (&back, rating);
  return result;
}
