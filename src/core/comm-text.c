/* comm-text.c: text folding for search
 *
 * comm_text_fold() turns a name as typed into a search key:
 *   1. case-fold ("Straße" -> "strasse", "ΑΒΓ" -> "αβγ");
 *   2. NFKD-decompose ("é" -> "e" + U+0301, "ﬁ" -> "fi", a no-break space -> a space);
 *   3. drop combining marks (accents) and invisible format characters (soft hyphen, zero-width
 *      space, byte order mark);
 *   4. map Cyrillic and Greek letters that look like Latin ones to the Latin letter, so a
 *      Cyrillic "УМСА" typed by mistake matches "YMCA";
 *   5. drop apostrophes (' ’ ‘ ʼ `), so "Barnardo’s", "Barnardo's" and "Barnardos" all fold to
 *      "barnardos";
 *   6. turn every dash into "-" and every run of white space into one space, trimmed at both ends.
 * Keys are folded once per row; comm_text_matches() then only runs memmem() per needle word, so
 * filtering 10,000 rows per keystroke stays well inside a frame.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "comm-text.h"

typedef struct {
  gunichar from;
  char     to;
} LookAlike;

/* Lower case only: the text is case-folded before the lookup. Sorted by code point. */
static const LookAlike look_alikes[] = {
  /* Greek */
  { 0x03B1, 'a' },  /* α (Α) */
  { 0x03B2, 'b' },  /* β (Β) */
  { 0x03B5, 'e' },  /* ε (Ε) */
  { 0x03B6, 'z' },  /* ζ (Ζ) */
  { 0x03B7, 'h' },  /* η (Η) */
  { 0x03B9, 'i' },  /* ι (Ι) */
  { 0x03BA, 'k' },  /* κ (Κ) */
  { 0x03BC, 'm' },  /* μ (Μ) */
  { 0x03BD, 'n' },  /* ν (Ν) */
  { 0x03BF, 'o' },  /* ο (Ο) */
  { 0x03C1, 'p' },  /* ρ (Ρ) */
  { 0x03C4, 't' },  /* τ (Τ) */
  { 0x03C5, 'y' },  /* υ (Υ) */
  { 0x03C7, 'x' },  /* χ (Χ) */
  { 0x03F2, 'c' },  /* ϲ lunate sigma */
  { 0x03F3, 'j' },  /* ϳ */
  /* Cyrillic */
  { 0x0430, 'a' },  /* а (А) */
  { 0x0432, 'b' },  /* в (В) */
  { 0x0435, 'e' },  /* е (Е) */
  { 0x043A, 'k' },  /* к (К) */
  { 0x043C, 'm' },  /* м (М) */
  { 0x043D, 'h' },  /* н (Н) */
  { 0x043E, 'o' },  /* о (О) */
  { 0x0440, 'p' },  /* р (Р) */
  { 0x0441, 'c' },  /* с (С) */
  { 0x0442, 't' },  /* т (Т) */
  { 0x0443, 'y' },  /* у (У) */
  { 0x0445, 'x' },  /* х (Х) */
  { 0x0455, 's' },  /* ѕ (Ѕ) */
  { 0x0456, 'i' },  /* і (І) */
  { 0x0458, 'j' },  /* ј (Ј) */
  { 0x04AF, 'y' },  /* ү (Ү) */
  { 0x04BB, 'h' },  /* һ (Һ) */
  { 0x04CF, 'l' },  /* ӏ palochka */
  { 0x0501, 'd' },  /* ԁ */
  { 0x051B, 'q' },  /* ԛ */
  { 0x051D, 'w' },  /* ԝ */
};

static int
look_alike_compare (const void *key,
                    const void *member)
{
  gunichar c = *(const gunichar *) key;
  const LookAlike *entry = member;

  return c < entry->from ? -1 : (c > entry->from);
}

static char
look_alike_of (gunichar c)
{
  const LookAlike *hit;

  if (c < 0x0370 || c > 0x052F)
    return 0;
  hit = bsearch (&c, look_alikes, G_N_ELEMENTS (look_alikes), sizeof (LookAlike),
                 look_alike_compare);
  return hit != NULL ? hit->to : 0;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x00B4;
}

static gboolean
is_dropped (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_FORMAT:
      return TRUE;
    default:
      return is_apostrophe (c);
    }
}

/* ASCII needs only lower-casing and the apostrophe and space rules: skip the Unicode work. */
static gboolean
is_plain_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

static void
append_folded (GString    *out,
               const char *text,
               gboolean   *pending_space)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char latin;

      if (g_unichar_isspace (c))
        {
          *pending_space = out->len > 0;
          continue;
        }
      if (is_dropped (c))
        continue;
      if (*pending_space)
        g_string_append_c (out, ' ');
      *pending_space = FALSE;

      if (c < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower ((char) c));
          continue;
        }
      c = g_unichar_tolower (c);  /* NFKD can produce capitals from caseless signs */
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if ((latin = look_alike_of (c)) != 0)
        g_string_append_c (out, latin);
      else if (g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION)
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }
}

char *
comm_text_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *valid = NULL;
  gboolean pending_space = FALSE;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  if (is_plain_ascii (text))
    {
      append_folded (out, text, &pending_space);
      return g_string_free (out, FALSE);
    }

  valid = g_utf8_make_valid (text, -1);
  folded = g_utf8_casefold (valid, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  append_folded (out, decomposed != NULL ? decomposed : folded, &pending_space);
  return g_string_free (out, FALSE);
}

gboolean
comm_text_matches (const char *folded_haystack,
                   const char *folded_needle)
{
  const char *word;
  gsize hay_len;

  if (folded_needle == NULL)
    return TRUE;
  if (folded_haystack == NULL)
    folded_haystack = "";

  hay_len = strlen (folded_haystack);
  word = folded_needle;
  while (*word != '\0')
    {
      const char *end;

      while (*word == ' ')
        word++;
      if (*word == '\0')
        break;
      end = strchr (word, ' ');
      if (end == NULL)
        end = word + strlen (word);
      if (memmem (folded_haystack, hay_len, word, (gsize) (end - word)) == NULL)
        return FALSE;
      word = end;
    }

  return TRUE;
}
