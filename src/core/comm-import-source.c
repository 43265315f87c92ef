/* comm-import-source.c: an import file read into memory and decoded to UTF-8
 *
 * The file is stat-ed before it is read, so a 200 MB file is refused without reading it. Encoding:
 * a UTF-8 byte order mark says UTF-8; text that is valid UTF-8 is UTF-8; anything else is read as
 * Windows-1252 (what Excel on Windows writes for "CSV"), unless it holds one of the five bytes
 * 1252 leaves undefined, or a NUL byte - then it is not a text file and we say so and where.
 * The separator is the one of comma, semicolon and tab that splits the first lines (outside
 * quotes) into the same, largest number of cells.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "comm-error.h"
#include "comm-import-private.h"

#define DETECT_LINES 10

struct _CommImportSource {
  char               *text;        /* UTF-8, no BOM, after the skipped lines */
  gsize               len;
  CommImportEncoding  encoding;
  char                separator;
  guint               line_offset; /* skipped lines */
  guint               n_lines;
  char              **header;
  guint               header_line;
};

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static gboolean
check_not_binary (const char  *data,
                  gsize        len,
                  GError     **error)
{
  const char *nul = memchr (data, '\0', len);

  if (nul == NULL)
    return TRUE;
  g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
               _("Line %u holds a NUL byte: this is not a CSV text file (is it a spreadsheet "
                 "saved as .xlsx, or damaged?). Save it as CSV and try again."),
               line_of_offset (data, (gsize) (nul - data)));
  return FALSE;
}

/* Windows-1252 to UTF-8; fails on the bytes 1252 does not define. */
static char *
decode_1252 (const char  *data,
             gsize        len,
             gsize       *out_len,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) data[i];

      if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                       _("Line %u holds bytes that are neither UTF-8 nor Windows-1252 text: "
                         "the file may be damaged or not a CSV file."),
                       line_of_offset (data, i));
          return NULL;
        }
    }
  text = g_convert (data, (gssize) len, "UTF-8", "WINDOWS-1252", NULL, out_len, &local_error);
  if (text == NULL)
    g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                 _("The file could not be read as Windows-1252 text: %s"), local_error->message);
  return text;
}

static gboolean
decode (CommImportSource  *source,
        const char        *data,
        gsize              len,
        CommImportEncoding wanted,
        GError           **error)
{
  gboolean bom = len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0;
  const char *bad = NULL;

  if (wanted != COMM_IMPORT_ENCODING_WINDOWS_1252 && g_utf8_validate_len (data, len, &bad))
    {
      source->encoding = bom ? COMM_IMPORT_ENCODING_UTF8_BOM : COMM_IMPORT_ENCODING_UTF8;
      source->text = g_strndup (bom ? data + 3 : data, bom ? len - 3 : len);
      source->len = bom ? len - 3 : len;
      return TRUE;
    }
  if (wanted == COMM_IMPORT_ENCODING_UTF8 || wanted == COMM_IMPORT_ENCODING_UTF8_BOM)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("Line %u is not valid UTF-8 text. Choose Windows-1252, or save the file as "
                     "“CSV UTF-8”."), line_of_offset (data, (gsize) (bad - data)));
      return FALSE;
    }
  source->encoding = COMM_IMPORT_ENCODING_WINDOWS_1252;
  source->text = decode_1252 (data, len, &source->len, error);
  return source->text != NULL;
}

/* Cells a line splits into with @sep, outside quotes; *end set to the next line. */
static guint
count_cells (const char  *p,
             const char  *end,
             char         sep,
             const char **next)
{
  gboolean quoted = FALSE;
  guint n = 1;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == sep && !quoted)
        n++;
      else if (*p == '\n' && !quoted)
        {
          p++;
          break;
        }
    }
  *next = p;
  return n;
}

static char
detect_separator (const char *text,
                  gsize       len)
{
  static const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_score = 0;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      const char *p = text, *end = text + MIN (len, 256 * 1024);
      guint first = 0, same = 0, score;

      for (guint i = 0; i < DETECT_LINES && p < end; i++)
        {
          guint n = count_cells (p, end, candidates[c], &p);

          if (i == 0)
            first = n;
          if (n == first)
            same++;
        }
      score = first > 1 ? same * 1000 + first : 0;
      if (score > best_score)
        {
          best = candidates[c];
          best_score = score;
        }
    }
  return best;
}

static void
skip_lines (CommImportSource *source,
            guint             n)
{
  gsize pos = 0;

  for (guint i = 0; i < n && pos < source->len; i++)
    {
      const char *nl = memchr (source->text + pos, '\n', source->len - pos);

      pos = nl != NULL ? (gsize) (nl - source->text) + 1 : source->len;
      source->line_offset++;
    }
  memmove (source->text, source->text + pos, source->len - pos + 1);
  source->len -= pos;
}

static CommCsvReader *
open_reader (CommImportSource *source)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (source->text, (gssize) source->len, NULL);

  return comm_csv_reader_new (in, source->separator);
}

static gboolean
read_header (CommImportSource  *source,
             GError           **error)
{
  g_autoptr(CommCsvReader) reader = open_reader (source);
  g_autoptr(GError) local_error = NULL;
  gboolean any = FALSE;

  source->header = comm_csv_reader_next_row (reader, &local_error);
  if (source->header == NULL)
    {
      if (local_error != NULL)
        g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE, _("The header row could not be read: %s"),
                     local_error->message);
      else
        g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE, _("The file is empty: it has no header row."));
      return FALSE;
    }
  source->header_line = comm_csv_reader_get_line (reader) + source->line_offset;
  for (guint i = 0; source->header[i] != NULL; i++)
    {
      g_strstrip (source->header[i]);
      any = any || source->header[i][0] != '\0';
    }
  if (!any)
    g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                 _("The header row (line %u) is empty: the first line must name the columns."),
                 source->header_line);
  return any;
}

CommImportSource *
comm_import_source_new_from_data (const char              *data,
                                  gsize                    len,
                                  const CommImportOptions *options,
                                  GError                 **error)
{
  g_autoptr(CommImportSource) source = g_new0 (CommImportSource, 1);
  CommImportEncoding wanted = options != NULL ? options->encoding : COMM_IMPORT_ENCODING_AUTO;

  if (len == 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE, _("The file is empty."));
      return NULL;
    }
  if (!check_not_binary (data, len, error) || !decode (source, data, len, wanted, error))
    return NULL;
  if (options != NULL && options->skip_lines > 0)
    skip_lines (source, options->skip_lines);
  source->separator = options != NULL && options->separator != 0 ? options->separator
                                                                 : detect_separator (source->text, source->len);
  source->n_lines = line_of_offset (source->text, source->len);
  if (!read_header (source, error))
    return NULL;
  return g_steal_pointer (&source);
}

CommImportSource *
comm_import_source_load (const char              *path,
                         const CommImportOptions *options,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize len;

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND, _("Could not open “%s”: %s"), name,
                   g_strerror (errno));
      return NULL;
    }
  if (st.st_size > COMM_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("“%s” is %" G_GINT64_FORMAT " MB; Commissioner imports files of up to 200 MB. "
                     "Split it into smaller files."), name, (gint64) st.st_size / (1024 * 1024));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED, _("Could not read “%s”: %s"), name,
                   local_error->message);
      return NULL;
    }
  return comm_import_source_new_from_data (data, len, options, error);
}

void
comm_import_source_free (CommImportSource *source)
{
  if (source == NULL)
    return;
  g_free (source->text);
  g_strfreev (source->header);
  g_free (source);
}

CommImportEncoding
comm_import_source_get_encoding (CommImportSource *source)
{
  return source->encoding;
}

char
comm_import_source_get_separator (CommImportSource *source)
{
  return source->separator;
}

const char * const *
comm_import_source_get_header (CommImportSource *source)
{
  return (const char * const *) source->header;
}

guint
comm_import_source_get_header_line (CommImportSource *source)
{
  return source->header_line;
}

GPtrArray *
comm_import_source_preview (CommImportSource *source,
                            guint             max)
{
  g_autoptr(CommCsvReader) reader = comm_import_source_open_rows (source);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **row;

  while (rows->len < max && (row = comm_csv_reader_next_row (reader, NULL)) != NULL)
    g_ptr_array_add (rows, row);
  return rows;
}

int
comm_import_source_column_for (CommImportSource        *source,
                               const CommImportOptions *options,
                               CommImportField          field)
{
  const char *wanted = options != NULL ? options->columns[field] : NULL;

  for (int i = 0; wanted != NULL && source->header[i] != NULL; i++)
    if (g_utf8_collate (source->header[i], wanted) == 0 || g_ascii_strcasecmp (source->header[i], wanted) == 0)
      return i;
  if (wanted != NULL)
    return -1;
  for (int i = 0; source->header[i] != NULL; i++)
    {
      gboolean taken = FALSE;

      if (comm_import_field_for_header (source->header[i]) != (int) field)
        continue;
      for (guint f = 0; options != NULL && f < COMM_IMPORT_N_FIELDS; f++)
        taken = taken || (options->columns[f] != NULL &&
                          g_ascii_strcasecmp (options->columns[f], source->header[i]) == 0);
      if (!taken)
        return i;
    }
  return -1;
}

CommCsvReader *
comm_import_source_open_rows (CommImportSource *source)
{
  CommCsvReader *reader = open_reader (source);
  g_auto(GStrv) header = comm_csv_reader_next_row (reader, NULL);

  return reader;
}

guint
comm_import_source_line_offset (CommImportSource *source)
{
  return source->line_offset;
}

guint
comm_import_source_n_lines (CommImportSource *source)
{
  return source->n_lines;
}
