/* comm-csv-writer.c: RFC 4180 CSV writer
 *
 * Rows are gathered in a GString and written to the stream in blocks of about 64 KiB, so a
 * 10,000-row export makes a few dozen writes rather than one per cell.
 */
#include "config.h"

#include <string.h>

#include "comm-csv.h"

#define FLUSH_AT (64 * 1024)
#define UTF8_BOM "\xEF\xBB\xBF"

struct _CommCsvWriter {
  GOutputStream     *out;
  CommCsvWriteFlags  flags;
  GString           *buffer;
};

/* "-12.50", "+3", "42", "-.5": an optional sign, digits, an optional fraction. */
static gboolean
is_plain_number (const char *cell)
{
  const char *p = cell;
  guint digits = 0;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits++;

  return digits > 0 && *p == '\0';
}

static gboolean
needs_neutralising (const char *cell)
{
  switch (cell[0])
    {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    case '+':
    case '-':
      return !is_plain_number (cell);
    default:
      return FALSE;
    }
}

static gboolean
needs_quotes (const char *cell)
{
  return strpbrk (cell, ",\"\r\n") != NULL;
}

static void
append_cell (GString    *buffer,
             const char *cell,
             gboolean    neutralise)
{
  gboolean prefix = neutralise && needs_neutralising (cell);

  if (!needs_quotes (cell))
    {
      if (prefix)
        g_string_append_c (buffer, '\'');
      g_string_append (buffer, cell);
      return;
    }

  g_string_append_c (buffer, '"');
  if (prefix)
    g_string_append_c (buffer, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buffer, '"');
      g_string_append_c (buffer, *p);
    }
  g_string_append_c (buffer, '"');
}

static gboolean
flush_buffer (CommCsvWriter  *writer,
              GError        **error)
{
  gboolean ok;

  if (writer->buffer->len == 0)
    return TRUE;

  ok = g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                                  NULL, NULL, error);
  g_string_truncate (writer->buffer, 0);
  return ok;
}

CommCsvWriter *
comm_csv_writer_new (GOutputStream     *out,
                     CommCsvWriteFlags  flags)
{
  CommCsvWriter *writer;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);

  writer = g_new0 (CommCsvWriter, 1);
  writer->out = g_object_ref (out);
  writer->flags = flags;
  writer->buffer = g_string_sized_new (FLUSH_AT + 4096);
  if (flags & COMM_CSV_WRITE_BOM)
    g_string_append (writer->buffer, UTF8_BOM);

  return writer;
}

gboolean
comm_csv_writer_write_row (CommCsvWriter      *writer,
                           const char * const *cells,
                           gssize              n_cells,
                           GError            **error)
{
  gboolean neutralise;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (cells != NULL || n_cells <= 0, FALSE);

  neutralise = (writer->flags & COMM_CSV_WRITE_NO_NEUTRALISE) == 0;
  if (n_cells < 0)
    n_cells = cells != NULL ? (gssize) g_strv_length ((char **) cells) : 0;

  for (gssize i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (writer->buffer, ',');
      append_cell (writer->buffer, cells[i] != NULL ? cells[i] : "", neutralise);
    }
  g_string_append (writer->buffer, "\r\n");

  if (writer->buffer->len >= FLUSH_AT)
    return flush_buffer (writer, error);
  return TRUE;
}

gboolean
comm_csv_writer_finish (CommCsvWriter  *writer,
                        GError        **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  return flush_buffer (writer, error) &&
         g_output_stream_flush (writer->out, NULL, error);
}

void
comm_csv_writer_free (CommCsvWriter *writer)
{
  if (writer == NULL)
    return;

  g_object_unref (writer->out);
  g_string_free (writer->buffer, TRUE);
  g_free (writer);
}

char *
comm_csv_neutralise (const char *cell)
{
  if (cell == NULL)
    return g_strdup ("");
  if (needs_neutralising (cell))
    return g_strconcat ("'", cell, NULL);
  return g_strdup (cell);
}
