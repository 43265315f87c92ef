/* comm-import-options.c: how to read an import file - encoding, separator, date form, lines to
 * skip, and which CSV column fills which field - and its text form, which presets store:
 *
 *   encoding=windows-1252        (auto, utf-8, utf-8-bom, windows-1252)
 *   separator=;                  (auto, ",", ";", tab)
 *   date-format=dmy              (auto, iso, dmy, month-name)
 *   skip-lines=2
 *   map.reference=Contract ref   (one line per mapped field; empty = do not import the field)
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-error.h"
#include "comm-import.h"

static const char * const encoding_codes[] = { "auto", "utf-8", "utf-8-bom", "windows-1252", NULL };
static const char * const date_codes[] = { "auto", "iso", "dmy", "month-name", NULL };

static int
code_index (const char * const *codes,
            const char         *code)
{
  for (int i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i;
  return -1;
}

static const char *
separator_code (char separator)
{
  switch (separator)
    {
    case ',':
      return ",";
    case ';':
      return ";";
    case '\t':
      return "tab";
    default:
      return "auto";
    }
}

static gboolean
set_option (CommImportOptions  *options,
            const char         *key,
            const char         *value,
            GError            **error)
{
  int i;

  if (g_str_equal (key, "encoding") && (i = code_index (encoding_codes, value)) >= 0)
    options->encoding = (CommImportEncoding) i;
  else if (g_str_equal (key, "date-format") && (i = code_index (date_codes, value)) >= 0)
    options->date_format = (CommImportDateFormat) i;
  else if (g_str_equal (key, "separator") &&
           (g_str_equal (value, ",") || g_str_equal (value, ";") || g_str_equal (value, "tab") ||
            g_str_equal (value, "auto")))
    options->separator = g_str_equal (value, "tab") ? '\t' : g_str_equal (value, "auto") ? 0 : value[0];
  else if (g_str_equal (key, "skip-lines") && value[0] != '\0' && strspn (value, "0123456789") == strlen (value)
           && strlen (value) < 6)
    options->skip_lines = (guint) atoi (value);
  else if (g_str_has_prefix (key, "map.") && (i = comm_import_field_lookup (key + 4)) >= 0)
    {
      g_free (options->columns[i]);
      options->columns[i] = g_strdup (value);
    }
  else
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("The import setting “%s=%s” is not understood."), key, value);
      return FALSE;
    }
  return TRUE;
}

CommImportOptions *
comm_import_options_new (void)
{
  return g_new0 (CommImportOptions, 1);
}

CommImportOptions *
comm_import_options_copy (const CommImportOptions *options)
{
  CommImportOptions *copy = g_memdup2 (options, sizeof *options);

  for (guint i = 0; i < COMM_IMPORT_N_FIELDS; i++)
    copy->columns[i] = g_strdup (options->columns[i]);
  return copy;
}

void
comm_import_options_free (CommImportOptions *options)
{
  if (options == NULL)
    return;
  for (guint i = 0; i < COMM_IMPORT_N_FIELDS; i++)
    g_free (options->columns[i]);
  g_free (options);
}

gboolean
comm_import_options_add_map (CommImportOptions  *options,
                             const char         *mapping,
                             GError            **error)
{
  const char *eq = strrchr (mapping, '=');
  g_autofree char *header = NULL;
  int field;

  if (eq == NULL || (field = comm_import_field_lookup (eq + 1)) < 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” is not a column mapping: write it as “CSV header=field”, the field being "
                     "one of reference, title, provider, service-area, description, "
                     "lead-commissioner, geography, procurement-route, start-date, end-date, "
                     "notice-months, review-date, extension-options, value, stream or year."),
                   mapping);
      return FALSE;
    }
  header = g_strstrip (g_strndup (mapping, (gsize) (eq - mapping)));
  g_free (options->columns[field]);
  options->columns[field] = g_steal_pointer (&header);
  return TRUE;
}

char *
comm_import_options_to_text (const CommImportOptions *options)
{
  GString *text = g_string_new ("");

  g_string_append_printf (text, "encoding=%s\n", encoding_codes[options->encoding]);
  g_string_append_printf (text, "separator=%s\n", separator_code (options->separator));
  g_string_append_printf (text, "date-format=%s\n", date_codes[options->date_format]);
  g_string_append_printf (text, "skip-lines=%u\n", options->skip_lines);
  for (guint i = 0; i < COMM_IMPORT_N_FIELDS; i++)
    if (options->columns[i] != NULL)
      {
        g_autofree char *column = g_strdelimit (g_strdup (options->columns[i]), "\r\n", ' ');

        g_string_append_printf (text, "map.%s=%s\n", comm_import_field_name (i), column);
      }
  return g_string_free (text, FALSE);
}

CommImportOptions *
comm_import_options_from_text (const char  *text,
                               GError     **error)
{
  g_autoptr(CommImportOptions) options = comm_import_options_new ();
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strchr (lines[i], '=');

      if (lines[i][0] == '\0')
        continue;
      if (eq == NULL)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                       _("The import setting “%s” is not understood."), lines[i]);
          return NULL;
        }
      *eq = '\0';
      if (!set_option (options, lines[i], eq + 1, error))
        return NULL;
    }
  return g_steal_pointer (&options);
}
