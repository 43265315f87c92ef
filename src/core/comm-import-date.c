/* comm-import-date.c: dates as people write them in spreadsheets
 *
 * One parser for every form the importer accepts: ISO "2011-03-31"; day first with slashes,
 * dashes or dots "31/03/2011" (UK order, never US); and the month by name "31 March 2011",
 * "31 Mar 2011", "31-Mar-2011". Years must have four digits: "31/03/11" is refused rather than
 * guessed. The result is always checked to be a real day (no 31 April).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-error.h"
#include "comm-import.h"

static const char * const month_names[12] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december"
};

/* Reads 1..@max_digits digits; returns the number or -1. */
static int
read_number (const char **p,
             int          min_digits,
             int          max_digits)
{
  int n = 0, digits = 0;

  while (g_ascii_isdigit (**p) && digits < max_digits)
    {
      n = n * 10 + (**p - '0');
      (*p)++;
      digits++;
    }
  if (digits < min_digits || g_ascii_isdigit (**p))
    return -1;
  return n;
}

/* "march", "mar", "sept": returns 1..12 or 0. */
static int
month_from_name (const char *word,
                 gsize       len)
{
  g_autofree char *lower = g_ascii_strdown (word, (gssize) len);

  if (len < 3)
    return 0;
  if (g_str_equal (lower, "sept"))
    return 9;
  for (int i = 0; i < 12; i++)
    if (strncmp (month_names[i], lower, len) == 0 && (len == 3 || len == strlen (month_names[i])))
      return i + 1;
  return 0;
}

static gboolean
parse_dmy (const char *s,
           int        *d,
           int        *m,
           int        *y)
{
  const char *p = s;
  char sep;

  if ((*d = read_number (&p, 1, 2)) < 0)
    return FALSE;
  sep = *p;
  if (sep != '/' && sep != '-' && sep != '.')
    return FALSE;
  p++;
  if ((*m = read_number (&p, 1, 2)) < 0 || *p != sep)
    return FALSE;
  p++;
  return (*y = read_number (&p, 4, 4)) >= 0 && *p == '\0';
}

static gboolean
parse_month_name (const char *s,
                  int        *d,
                  int        *m,
                  int        *y)
{
  const char *p = s, *word;

  if ((*d = read_number (&p, 1, 2)) < 0 || (*p != ' ' && *p != '-'))
    return FALSE;
  while (*p == ' ' || *p == '-')
    p++;
  word = p;
  while (g_ascii_isalpha (*p))
    p++;
  if ((*m = month_from_name (word, (gsize) (p - word))) == 0)
    return FALSE;
  if (*p == '.')
    p++;
  if (*p != ' ' && *p != '-')
    return FALSE;
  while (*p == ' ' || *p == '-')
    p++;
  return (*y = read_number (&p, 4, 4)) >= 0 && *p == '\0';
}

static gboolean
parse_iso (const char *s,
           int        *d,
           int        *m,
           int        *y)
{
  const char *p = s;

  if ((*y = read_number (&p, 4, 4)) < 0 || *p++ != '-')
    return FALSE;
  if ((*m = read_number (&p, 1, 2)) < 0 || *p++ != '-')
    return FALSE;
  return (*d = read_number (&p, 1, 2)) >= 0 && *p == '\0';
}

static gboolean
parse_form (const char           *s,
            CommImportDateFormat  format,
            int                  *d,
            int                  *m,
            int                  *y)
{
  switch (format)
    {
    case COMM_IMPORT_DATE_ISO:
      return parse_iso (s, d, m, y);
    case COMM_IMPORT_DATE_DMY:
      return parse_dmy (s, d, m, y);
    case COMM_IMPORT_DATE_MONTH_NAME:
      return parse_month_name (s, d, m, y);
    case COMM_IMPORT_DATE_AUTO:
    default:
      return parse_iso (s, d, m, y) || parse_dmy (s, d, m, y) || parse_month_name (s, d, m, y);
    }
}

gboolean
comm_import_parse_date (const char            *text,
                        CommImportDateFormat   format,
                        char                 **iso,
                        GError               **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  int d = 0, m = 0, y = 0;

  if (!parse_form (s, format, &d, &m, &y))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” is not a date Commissioner can read: write it as 2011-03-31, 31/03/2011 "
                     "or 31 March 2011."), s);
      return FALSE;
    }
  if (y < 1900 || y > 2199 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE, _("“%s” is not a real date."), s);
      return FALSE;
    }

  *iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return TRUE;
}
