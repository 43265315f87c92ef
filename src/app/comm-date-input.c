/* comm-date-input.c: dates as people type them into the editors
 *
 * Storage is always ISO; people type what they are used to. UK order (day first) is assumed for
 * numeric dates that do not start with a four-digit year.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "commissioner-core.h"
#include "comm-date-input.h"

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static int
month_from_name (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (strlen (lower) < 3)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_has_prefix (lower, month_names[i]))
      return (int) i + 1;

  return 0;
}

static gboolean
all_digits (const char *word)
{
  if (*word == '\0')
    return FALSE;

  for (const char *p = word; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static int
year_from_word (const char *word)
{
  int year = atoi (word);

  if (strlen (word) == 2)
    return 2000 + year;
  if (strlen (word) == 4)
    return year;

  return 0;
}

/* Fills day, month, year from three words; FALSE if they do not read as a date. */
static gboolean
words_to_dmy (char **words,
              int   *day,
              int   *month,
              int   *year)
{
  if (g_strv_length (words) != 3)
    return FALSE;

  if (all_digits (words[0]) && strlen (words[0]) == 4 && all_digits (words[1]) && all_digits (words[2]))
    {
      *year = atoi (words[0]);
      *month = atoi (words[1]);
      *day = atoi (words[2]);
      return TRUE;
    }

  if (!all_digits (words[0]) || !all_digits (words[2]) || strlen (words[0]) > 2)
    return FALSE;

  *day = atoi (words[0]);
  *year = year_from_word (words[2]);
  *month = all_digits (words[1]) ? atoi (words[1]) : month_from_name (words[1]);

  return TRUE;
}

static char **
split_words (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "/-. ,", -1);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  g_ptr_array_add (words, NULL);

  return (char **) g_ptr_array_free (words, FALSE);
}

gboolean
comm_date_input_parse (const char  *text,
                       char       **iso,
                       GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) words = NULL;
  int day = 0, month = 0, year = 0;
  GDate date;

  g_return_val_if_fail (iso != NULL, FALSE);

  if (*stripped == '\0')
    {
      *iso = g_strdup ("");
      return TRUE;
    }

  words = split_words (stripped);
  if (!words_to_dmy (words, &day, &month, &year) ||
      year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” is not a date. Type it as 31/03/2027 or 2027-03-31."), stripped);
      return FALSE;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *iso = comm_date_to_iso (&date);

  return TRUE;
}

char *
comm_date_input_describe (const char *iso)
{
  g_autofree char *shown = NULL;
  GDate date;
  char weekday[32];

  g_date_clear (&date, 1);
  if (iso == NULL || !comm_date_parse_iso (iso, &date))
    return g_strdup ("");

  /* A weekday helps people check they typed the date they meant. */
  shown = comm_date_format_display (&date);
  if (g_date_strftime (weekday, sizeof weekday, "%a", &date) == 0)
    return g_steal_pointer (&shown);

  return g_strdup_printf ("%s %s", weekday, shown);
}
