/* comm-csv-reader.c: streaming RFC 4180 CSV reader
 *
 * Reads the stream in 64 KiB blocks and walks it byte by byte. Decisions beyond RFC 4180:
 *  - rows may end in CRLF, LF or a lone CR; inside quotes line breaks are kept as written;
 *  - a line with nothing on it is skipped (spreadsheets leave them at the end of files);
 *  - a quote inside an unquoted cell, or text after a closing quote, is kept as it stands
 *    (`5" screen` stays, `"a"b` -> `ab`), as spreadsheets and Python's csv module do;
 *  - every cell must be UTF-8: the error names the line with the bad bytes;
 *  - after an error, every later call returns the same error.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-csv.h"
#include "comm-error.h"

#define BLOCK_SIZE (64 * 1024)

struct _CommCsvReader {
  GInputStream *in;
  char          separator;
  guchar       *block;
  gsize         pos;
  gsize         len;
  gboolean      eof;
  gboolean      at_start;    /* the BOM has not been looked for yet */
  guint         line;        /* the line the next byte is on */
  guint         row_line;    /* the line the last returned row began on */
  GString      *cell;
  GPtrArray    *row;
  GError       *read_error;  /* from the stream, reported once the bytes before it are used */
  GError       *failure;
};

typedef enum {
  CELL_START,     /* nothing of the cell read yet */
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED /* a quote inside quotes: doubled, or the end of the quoted part */
} State;

/* Returns the next byte (0..255), or -1 at the end of input or on a read error. */
static int
next_byte (CommCsvReader *reader)
{
  if (reader->pos == reader->len)
    {
      gssize n;

      if (reader->eof)
        return -1;
      n = g_input_stream_read (reader->in, reader->block, BLOCK_SIZE, NULL, &reader->read_error);
      if (n <= 0)
        {
          reader->eof = TRUE;
          return -1;
        }
      reader->pos = 0;
      reader->len = (gsize) n;
    }
  return reader->block[reader->pos++];
}

static int
peek_byte (CommCsvReader *reader)
{
  int c = next_byte (reader);

  if (c >= 0)
    reader->pos--;
  return c;
}

/* At the start, gathers at least three bytes (streams may hand over fewer) to look for a BOM. */
static void
skip_bom (CommCsvReader *reader)
{
  static const guchar bom[] = { 0xEF, 0xBB, 0xBF };

  reader->at_start = FALSE;
  while (reader->len < 3 && !reader->eof)
    {
      gssize n = g_input_stream_read (reader->in, reader->block + reader->len,
                                      BLOCK_SIZE - reader->len, NULL, &reader->read_error);
      if (n <= 0)
        reader->eof = TRUE;
      else
        reader->len += (gsize) n;
    }
  if (reader->len >= 3 && memcmp (reader->block, bom, 3) == 0)
    reader->pos = 3;
}

/* Counts line breaks in @text up to @end, a CRLF counting once. */
static guint
count_breaks (const char *text,
              const char *end)
{
  guint n = 0;

  for (const char *p = text; p < end; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
      n++;
  return n;
}

static gboolean
finish_cell (CommCsvReader  *reader,
             guint           cell_line,
             GError        **error)
{
  const char *bad = NULL;

  if (!g_utf8_validate_len (reader->cell->str, reader->cell->len, &bad))
    {
      guint line = cell_line + count_breaks (reader->cell->str, bad);

      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("Line %u is not valid UTF-8 text. Save the file as “CSV UTF-8” and try again."),
                   line);
      return FALSE;
    }

  g_ptr_array_add (reader->row, g_strndup (reader->cell->str, reader->cell->len));
  g_string_truncate (reader->cell, 0);
  return TRUE;
}

/* Consumes the LF of a CRLF; the line count moves on once for the pair. */
static void
end_of_line (CommCsvReader *reader,
             int            c)
{
  if (c == '\r' && peek_byte (reader) == '\n')
    reader->pos++;
  reader->line++;
}

/* The end of input within a row: the row's last cell, or an unclosed quote. */
static gboolean
end_of_input (CommCsvReader  *reader,
              State           state,
              guint           cell_line,
              GError        **error)
{
  if (reader->read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->read_error));
      return FALSE;
    }
  if (state == QUOTED)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("The quoted cell that begins on line %u has no closing quote."),
                   cell_line);
      return FALSE;
    }
  if (reader->row->len == 0 && state == CELL_START)
    return TRUE;  /* nothing more */
  return finish_cell (reader, cell_line, error);
}

/* Inside quotes: keeps the byte, or notes a quote that closes the cell or doubles itself. */
static State
quoted_byte (CommCsvReader *reader,
             int            c)
{
  if (c == '"')
    return QUOTE_IN_QUOTED;
  if (c == '\n' || (c == '\r' && peek_byte (reader) != '\n'))
    reader->line++;
  g_string_append_c (reader->cell, (char) c);
  return QUOTED;
}

static gboolean
read_row (CommCsvReader  *reader,
          GError        **error)
{
  State state = CELL_START;
  guint cell_line = reader->line;
  int c;

  while ((c = next_byte (reader)) >= 0)
    {
      if (state == QUOTED)
        state = quoted_byte (reader, c);
      else if (state == QUOTE_IN_QUOTED && c == '"')
        {
          g_string_append_c (reader->cell, '"');
          state = QUOTED;
        }
      else if (c == reader->separator)
        {
          if (!finish_cell (reader, cell_line, error))
            return FALSE;
          state = CELL_START;
          cell_line = reader->line;
        }
      else if (c == '\r' || c == '\n')
        {
          end_of_line (reader, c);
          if (reader->row->len > 0 || state != CELL_START)
            return finish_cell (reader, cell_line, error);
          reader->row_line = cell_line = reader->line;  /* an empty line: skip it */
        }
      else if (c == '"' && state == CELL_START)
        state = QUOTED;
      else
        {
          g_string_append_c (reader->cell, (char) c);
          state = UNQUOTED;
        }
    }

  return end_of_input (reader, state, cell_line, error);
}

CommCsvReader *
comm_csv_reader_new (GInputStream *in,
                     char          separator)
{
  CommCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (in), NULL);
  g_return_val_if_fail (separator != '"' && separator != '\r' && separator != '\n' &&
                        separator != '\0', NULL);

  reader = g_new0 (CommCsvReader, 1);
  reader->in = g_object_ref (in);
  reader->separator = separator;
  reader->block = g_malloc (BLOCK_SIZE);
  reader->at_start = TRUE;
  reader->line = 1;
  reader->cell = g_string_sized_new (256);
  reader->row = g_ptr_array_new_with_free_func (g_free);

  return reader;
}

char **
comm_csv_reader_next_row (CommCsvReader  *reader,
                          GError        **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (reader != NULL, NULL);

  if (reader->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (reader->failure));
      return NULL;
    }

  if (reader->at_start)
    skip_bom (reader);

  g_string_truncate (reader->cell, 0);
  g_ptr_array_set_size (reader->row, 0);
  reader->row_line = reader->line;

  if (!read_row (reader, &local_error))
    goto failed;
  if (reader->row->len == 0)
    return NULL;  /* the end */

  g_ptr_array_add (reader->row, NULL);
  return (char **) g_ptr_array_steal (reader->row, NULL);

failed:
  reader->failure = g_error_copy (local_error);
  g_propagate_error (error, local_error);
  return NULL;
}

guint
comm_csv_reader_get_line (CommCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->row_line;
}

void
comm_csv_reader_free (CommCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_object_unref (reader->in);
  g_free (reader->block);
  g_string_free (reader->cell, TRUE);
  g_ptr_array_unref (reader->row);
  g_clear_error (&reader->read_error);
  g_clear_error (&reader->failure);
  g_free (reader);
}
