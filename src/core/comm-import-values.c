/* comm-import-values.c: the cells of an import that are more than text - funding cells that hold
 * one or several streams with amounts, financial years, and names that mix alphabets
 *
 * A funding cell is read as a list of "name amount" pairs: words up to a word that starts an
 * amount ("£", "GBP", a digit, "(" or "-") belong to the stream's name; that word (with the next
 * one after a lone "£" or "GBP") is the amount, parsed by comm_money_parse() so that "£143,00"
 * is refused exactly as it would be anywhere else. Nothing is guessed or "fixed".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-contract.h"
#include "comm-date.h"
#include "comm-error.h"
#include "comm-import.h"
#include "comm-money.h"

static gboolean
starts_amount (const char *word)
{
  if (g_str_has_prefix (word, "£") || g_ascii_strncasecmp (word, "GBP", 3) == 0)
    return TRUE;
  if (word[0] == '(' || word[0] == '-')
    word++;
  if (g_str_has_prefix (word, "£"))
    return TRUE;
  return g_ascii_isdigit (word[0]);
}

/* The stream name from its words, without a trailing ":" or "=". */
static char *
stream_name (GString *name)
{
  char *s = g_strstrip (g_strdup (name->str));
  gsize len = strlen (s);

  while (len > 0 && (s[len - 1] == ':' || s[len - 1] == '='))
    s[--len] = '\0';
  return g_strstrip (s);
}

static gboolean
add_line (GPtrArray   *lines,
          GString     *name,
          const char  *default_stream,
          const char  *amount_text,
          GError     **error)
{
  g_autofree char *stream = stream_name (name);
  gint64 pence;

  if (!comm_money_parse (amount_text, &pence, error))
    return FALSE;
  if (pence < 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The amount “%s” is negative; funding amounts must be £0 or more."), amount_text);
      return FALSE;
    }
  g_ptr_array_add (lines, comm_funding_line_new (*stream != '\0' ? stream : default_stream, 0, pence));
  g_string_truncate (name, 0);
  return TRUE;
}

gboolean
comm_import_parse_funding (const char  *text,
                           const char  *default_stream,
                           GPtrArray   *lines,
                           GError     **error)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\n\r", -1);
  g_autoptr(GString) name = g_string_new ("");
  guint added = lines->len;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *amount = NULL;

      if (words[i][0] == '\0')
        continue;
      if (!starts_amount (words[i]))
        {
          g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", words[i]);
          continue;
        }
      amount = g_strdup (words[i]);
      if ((g_str_equal (amount, "£") || g_ascii_strcasecmp (amount, "GBP") == 0) && words[i + 1] != NULL)
        {
          g_free (amount);
          amount = g_strconcat (words[i], words[i + 1], NULL);
          i++;
        }
      if (!add_line (lines, name, default_stream, amount, error))
        {
          g_ptr_array_remove_range (lines, added, lines->len - added);
          return FALSE;
        }
    }

  if (name->len > 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” names a funding stream but gives no amount for it."), name->str);
      g_ptr_array_remove_range (lines, added, lines->len - added);
      return FALSE;
    }
  return TRUE;
}

gboolean
comm_import_parse_year (const char  *text,
                        int         *start_year,
                        GError     **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (strlen (s) == 4 && g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) &&
      g_ascii_isdigit (s[2]) && g_ascii_isdigit (s[3]))
    {
      int year = atoi (s);

      if (year < 2000 || year > 2099)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                       _("The year “%s” is outside 2000 to 2099."), s);
          return FALSE;
        }
      *start_year = year;
      return TRUE;
    }
  return comm_financial_year_parse (s, start_year, error);
}

gboolean
comm_import_text_mixes_scripts (const char *text)
{
  gboolean latin = FALSE, other = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script;

      if (!g_unichar_isalpha (c))
        continue;
      script = g_unichar_get_script (c);
      if (script == G_UNICODE_SCRIPT_LATIN)
        latin = TRUE;
      else if (script == G_UNICODE_SCRIPT_CYRILLIC || script == G_UNICODE_SCRIPT_GREEK)
        other = TRUE;
    }
  return latin && other;
}
