/* comm-date.c: ISO dates, display dates and UK financial years
 *
 * Dates are GDates (a day, no time, no time zone). Storage and files use ISO 8601; the user sees
 * the translatable display format, "23 Nov 2026" in English.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-error.h"

/* Two-digit years in a financial year ("26-27") are in this century. */
#define TWO_DIGIT_CENTURY 2000

static gboolean
read_digits (const char *p,
             guint       n,
             int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Splits "YYYY-MM-DD" into numbers without checking the calendar. */
static gboolean
split_iso (const char *text,
           int        *year,
           int        *month,
           int        *day)
{
  return text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
         read_digits (text, 4, year) &&
         read_digits (text + 5, 2, month) &&
         read_digits (text + 8, 2, day);
}

gboolean
comm_date_parse_iso (const char *text,
                     GDate      *out)
{
  int y, m, d;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!split_iso (text, &y, &m, &d) || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

gboolean
comm_date_parse_iso_checked (const char  *text,
                             GDate       *out,
                             GError     **error)
{
  int y, m, d;

  if (comm_date_parse_iso (text, out))
    return TRUE;

  if (text == NULL || *text == '\0')
    g_set_error_literal (error, COMM_ERROR, COMM_ERROR_PARSE,
                         _("No date was given. Write dates as YYYY-MM-DD, as in 2026-04-01."));
  else if (split_iso (text, &y, &m, &d) && y > 0 && m >= 1 && m <= 12)
    g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                 g_dngettext (GETTEXT_PACKAGE,
                              /* Translators: %s is the date typed, %d the days in its month */
                              "“%s” is not a real date: that month has %d day.",
                              "“%s” is not a real date: that month has %d days.",
                              g_date_get_days_in_month (m, y)),
                 text, g_date_get_days_in_month (m, y));
  else if (split_iso (text, &y, &m, &d) && y > 0)
    g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                 _("“%s” is not a real date: there is no month %d."), text, m);
  else
    g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                 _("“%s” is not a date. Write dates as YYYY-MM-DD, as in 2026-04-01."), text);
  return FALSE;
}

char *
comm_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
comm_date_format_display (const GDate *date)
{
  /* Translators: how a date is shown, in strftime() form. "%-d %b %Y" gives "23 Nov 2026".
   * Use your locale's usual short form; keep it unambiguous (a month name rather than a number
   * if day and month could be swapped). */
  const char *format = C_("date format", "%-d %b %Y");
  char buf[128];
  gsize len;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  len = g_date_strftime (buf, sizeof buf, format, date);
  if (len == 0)
    return comm_date_to_iso (date);

  return g_strndup (buf, len);
}

char *
comm_date_iso_to_display (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");

  g_date_clear (&date, 1);
  if (!comm_date_parse_iso (iso, &date))
    return g_strdup (iso);  /* show what is stored rather than nothing */

  return comm_date_format_display (&date);
}

void
comm_date_today (GDate *out)
{
  const char *fixed = g_getenv ("COMMISSIONER_TODAY");

  g_return_if_fail (out != NULL);

  if (fixed != NULL && comm_date_parse_iso (fixed, out))
    return;

  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

void
comm_date_add_months (GDate *date,
                      int    months)
{
  g_return_if_fail (date != NULL);

  if (!g_date_valid (date))
    return;

  if (months > 0)
    g_date_add_months (date, (guint) months);
  else if (months < 0)
    g_date_subtract_months (date, (guint) -months);
}

int
comm_date_days_between (const GDate *a,
                        const GDate *b)
{
  g_return_val_if_fail (a != NULL && g_date_valid (a), 0);
  g_return_val_if_fail (b != NULL && g_date_valid (b), 0);

  return g_date_days_between (a, b);
}

int
comm_financial_year_of (const GDate *date)
{
  int year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  year = g_date_get_year (date);
  return g_date_get_month (date) >= G_DATE_APRIL ? year : year - 1;
}

char *
comm_financial_year_label (int start_year)
{
  return g_strdup_printf ("%d-%02d", start_year, (start_year + 1) % 100);
}

/* Reads "2026", "26" at @p; returns the number of digits read (0, 2 or 4), the year in @year. */
static guint
read_year (const char *p,
           int        *year)
{
  guint n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;
  if ((n != 2 && n != 4) || !read_digits (p, n, year))
    return 0;
  return n;
}

/* The separator at @p: '-', '/' or an en dash, with any spaces around it; returns its length in
 * bytes, 0 if none. */
static guint
separator_length (const char *p)
{
  guint n = 0, mark;

  while (p[n] == ' ')
    n++;
  if (p[n] == '-' || p[n] == '/')
    mark = 1;
  else if (g_str_has_prefix (p + n, "–"))
    mark = strlen ("–");
  else
    return 0;
  for (n += mark; p[n] == ' '; n++)
    ;
  return n;
}

static gboolean
fy_fail (const char *text,
         int         suggestion,
         GError    **error)
{
  g_autofree char *example = comm_financial_year_label (suggestion);

  g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
               /* Translators: the first %s is the text typed, the second a financial year such as 2026-27 */
               _("“%s” is not a financial year. Write the financial year as %s."),
               text, example);
  return FALSE;
}

gboolean
comm_financial_year_parse (const char  *text,
                           int         *start_year,
                           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  int first = 0, second = 0, suggestion;
  guint n1, n2 = 0, sep = 0;
  GDate today;

  comm_date_today (&today);
  suggestion = comm_financial_year_of (&today);

  n1 = read_year (trimmed, &first);
  if (n1 == 2)
    first += TWO_DIGIT_CENTURY;
  if (n1 > 0)
    sep = separator_length (trimmed + n1);
  /* Suggest the year the text seems to start with ("2026", "27-26"), else this year. */
  if ((n1 == 4 || sep > 0) && first > 0 && first < 9999)
    suggestion = first;
  if (sep > 0)
    n2 = read_year (trimmed + n1 + sep, &second);

  if (n1 == 0 || sep == 0 || n2 == 0 || trimmed[n1 + sep + n2] != '\0' ||
      (n1 == 2 && n2 == 4) || first < 1 || first >= 9999)
    return fy_fail (trimmed, suggestion, error);

  if ((n2 == 2 && second != (first + 1) % 100) || (n2 == 4 && second != first + 1))
    return fy_fail (trimmed, suggestion, error);

  if (start_year != NULL)
    *start_year = first;
  return TRUE;
}

void
comm_financial_year_bounds (int    start_year,
                            GDate *first_day,
                            GDate *last_day)
{
  g_return_if_fail (start_year >= 1 && start_year < 9999);

  if (first_day != NULL)
    g_date_set_dmy (first_day, 1, G_DATE_APRIL, start_year);
  if (last_day != NULL)
    g_date_set_dmy (last_day, 31, G_DATE_MARCH, start_year + 1);
}
