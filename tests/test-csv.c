/* test-csv.c: the RFC 4180 writer and reader, alone and in a round trip */
#include "config.h"

#include <string.h>

#include "comm-csv.h"
#include "comm-error.h"

/* A stream that hands over at most @chunk bytes a read, and fails once @fail_after bytes have
 * been read (if set), to test reads that split rows, quotes and CRLFs. */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream {
  GInputStream parent_instance;
  GBytes      *data;
  gsize        pos;
  gsize        chunk;
  gsize        fail_after;
};

G_DEFINE_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

/* A memory stream that counts the writes it receives. */
#define TEST_TYPE_COUNTING_STREAM (test_counting_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestCountingStream, test_counting_stream, TEST, COUNTING_STREAM, GMemoryOutputStream)

struct _TestCountingStream {
  GMemoryOutputStream parent_instance;
  guint               n_writes;
};

G_DEFINE_TYPE (TestCountingStream, test_counting_stream, G_TYPE_MEMORY_OUTPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);
  gsize size;
  const guchar *data = g_bytes_get_data (self->data, &size);
  gsize n = MIN (MIN (count, self->chunk), size - self->pos);

  if (self->fail_after > 0 && self->pos >= self->fail_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The disk went away");
      return -1;
    }
  if (n > 0)
    memcpy (buffer, data + self->pos, n);
  self->pos += n;
  return (gssize) n;
}

static void
test_trickle_stream_finalize (GObject *object)
{
  g_bytes_unref (TEST_TRICKLE_STREAM (object)->data);
  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
}

static GInputStream *
trickle_new (const char *text,
             gssize      len,
             gsize       chunk)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  self->data = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  self->chunk = chunk;
  return G_INPUT_STREAM (self);
}

static gssize
test_counting_stream_write (GOutputStream  *stream,
                            const void     *buffer,
                            gsize           count,
                            GCancellable   *cancellable,
                            GError        **error)
{
  TEST_COUNTING_STREAM (stream)->n_writes++;
  return G_OUTPUT_STREAM_CLASS (test_counting_stream_parent_class)->write_fn (stream, buffer, count,
                                                                              cancellable, error);
}

static void
test_counting_stream_class_init (TestCountingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_counting_stream_write;
}

static void
test_counting_stream_init (TestCountingStream *self)
{
}

static GOutputStream *
counting_new (void)
{
  return g_object_new (TEST_TYPE_COUNTING_STREAM,
                       "realloc-function", g_realloc,
                       "destroy-function", g_free,
                       NULL);
}

/* Everything written to @out so far, as a string. */
static char *
written_text (GOutputStream *out)
{
  GMemoryOutputStream *mem = G_MEMORY_OUTPUT_STREAM (out);

  return g_strndup (g_memory_output_stream_get_data (mem),
                    g_memory_output_stream_get_data_size (mem));
}

static char *
write_rows (const char * const * const *rows,
            guint                       n_rows,
            CommCsvWriteFlags           flags)
{
  g_autoptr(GOutputStream) out = counting_new ();
  g_autoptr(CommCsvWriter) writer = comm_csv_writer_new (out, flags);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      g_assert_true (comm_csv_writer_write_row (writer, rows[i], -1, &error));
      g_assert_no_error (error);
    }
  g_assert_true (comm_csv_writer_finish (writer, &error));
  g_assert_no_error (error);
  return written_text (out);
}

/* Reads all of @text; returns the rows as a GPtrArray of GStrv. */
static GPtrArray *
read_all (const char *text,
          gssize      len,
          char        separator,
          gsize       chunk,
          GError    **error)
{
  g_autoptr(GInputStream) in = trickle_new (text, len, chunk);
  g_autoptr(CommCsvReader) reader = comm_csv_reader_new (in, separator);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **row;

  while ((row = comm_csv_reader_next_row (reader, error)) != NULL)
    g_ptr_array_add (rows, row);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&rows);
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            const char *const *expected)
{
  char **row;

  g_assert_cmpuint (index, <, rows->len);
  row = rows->pdata[index];
  g_assert_cmpstrv (row, expected);
}

static void
test_neutralise (void)
{
  static const struct { const char *cell; const char *expected; } cases[] = {
    { "=SUM(A1:A9)", "'=SUM(A1:A9)" },
    { "+44 1752 000000", "'+44 1752 000000" },
    { "-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0" },
    { "@SUM(1)", "'@SUM(1)" },
    { "\t=1", "'\t=1" },
    { "\r=1", "'\r=1" },
    { "-", "'-" },
    { "+", "'+" },
    { "-12.50", "-12.50" },
    { "+3", "+3" },
    { "-0.5", "-0.5" },
    { "-.5", "-.5" },
    { "-12.", "-12." },
    { "-1,234.50", "'-1,234.50" },
    { "-12.5.0", "'-12.5.0" },
    { "-1e5", "'-1e5" },
    { "12.50", "12.50" },
    { "Family Support", "Family Support" },
    { "a=b", "a=b" },
    { "", "" },
    { " =1", " =1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = comm_csv_neutralise (cases[i].cell);

      g_assert_cmpstr (cell, ==, cases[i].expected);
    }

  {
    g_autofree char *cell = comm_csv_neutralise (NULL);

    g_assert_cmpstr (cell, ==, "");
  }
}

static void
test_write (void)
{
  static const char *row1[] = { "reference", "title", "value", NULL };
  static const char *row2[] = { "C-1", "Young Carers, Plymouth", "1234.50", NULL };
  static const char *row3[] = { "C-2", "The \"Families with a Future\" service", "", NULL };
  static const char *row4[] = { "C-3", "line one\nline two", "=1+1", NULL };
  static const char *row5[] = { "", "", "", NULL };
  static const char *row6[] = { "=HYPERLINK(\"x\")", "-5", "\r\n", NULL };
  static const char * const *rows[] = { row1, row2, row3, row4, row5, row6 };
  g_autofree char *text = write_rows (rows, G_N_ELEMENTS (rows), COMM_CSV_WRITE_DEFAULT);

  g_assert_cmpstr (text, ==,
                   "reference,title,value\r\n"
                   "C-1,\"Young Carers, Plymouth\",1234.50\r\n"
                   "C-2,\"The \"\"Families with a Future\"\" service\",\r\n"
                   "C-3,\"line one\nline two\",'=1+1\r\n"
                   ",,\r\n"
                   "\"'=HYPERLINK(\"\"x\"\")\",-5,\"'\r\n\"\r\n");
}

static void
test_write_flags (void)
{
  static const char *row[] = { "=1+1", "£5", NULL };
  static const char * const *rows[] = { row };
  g_autofree char *bom = write_rows (rows, 1, COMM_CSV_WRITE_BOM);
  g_autofree char *raw = write_rows (rows, 1, COMM_CSV_WRITE_NO_NEUTRALISE);
  g_autofree char *both = write_rows (rows, 1, COMM_CSV_WRITE_BOM | COMM_CSV_WRITE_NO_NEUTRALISE);

  g_assert_cmpstr (bom, ==, "\xEF\xBB\xBF'=1+1,£5\r\n");
  g_assert_cmpstr (raw, ==, "=1+1,£5\r\n");
  g_assert_cmpstr (both, ==, "\xEF\xBB\xBF=1+1,£5\r\n");
}

static void
test_write_counted (void)
{
  const char *cells[] = { "a", NULL, "c", "not written" };
  g_autoptr(GOutputStream) out = counting_new ();
  g_autoptr(CommCsvWriter) writer = comm_csv_writer_new (out, COMM_CSV_WRITE_DEFAULT);
  g_autofree char *text = NULL;

  g_assert_true (comm_csv_writer_write_row (writer, cells, 3, NULL));
  g_assert_true (comm_csv_writer_write_row (writer, cells, 0, NULL));
  g_assert_true (comm_csv_writer_write_row (writer, NULL, 0, NULL));
  g_assert_true (comm_csv_writer_finish (writer, NULL));
  text = written_text (out);
  g_assert_cmpstr (text, ==, "a,,c\r\n\r\n\r\n");
}

static void
test_write_buffered (void)
{
  g_autoptr(GOutputStream) out = counting_new ();
  g_autoptr(CommCsvWriter) writer = comm_csv_writer_new (out, COMM_CSV_WRITE_DEFAULT);
  const char *cells[16];
  char numbers[16][32];
  gsize size;

  for (guint c = 0; c < 16; c++)
    cells[c] = numbers[c];
  for (guint r = 0; r < 10000; r++)
    {
      for (guint c = 0; c < 16; c++)
        g_snprintf (numbers[c], sizeof numbers[c], c == 3 ? "Row %u, \"cell\" %u" : "%u.%u", r, c);
      g_assert_true (comm_csv_writer_write_row (writer, cells, 16, NULL));
    }
  g_assert_true (comm_csv_writer_finish (writer, NULL));

  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpuint (size, >, 10000 * 16 * 4);
  /* Blocks of about 64 KiB, not a write per row or per cell. */
  g_assert_cmpuint (TEST_COUNTING_STREAM (out)->n_writes, <=, size / (60 * 1024) + 2);
  g_assert_cmpuint (TEST_COUNTING_STREAM (out)->n_writes, >=, 2);

  /* and it reads back */
  {
    g_autofree char *text = written_text (out);
    g_autoptr(GPtrArray) rows = read_all (text, -1, ',', 100000, NULL);
    char **last;

    g_assert_cmpuint (rows->len, ==, 10000);
    last = rows->pdata[9999];
    g_assert_cmpuint (g_strv_length (last), ==, 16);
    g_assert_cmpstr (last[3], ==, "Row 9999, \"cell\" 3");
    g_assert_cmpstr (last[15], ==, "9999.15");
  }
}

static void
test_round_trip (void)
{
  static const char *row1[] = { "reference", "title", "note", "value", NULL };
  static const char *row2[] = { "C-0001", "Young Carers, Plymouth", "He said \"hello\"", "1234.56", NULL };
  static const char *row3[] = { "C-0002", "two\nlines", "three\r\nlines\rhere", "-12.50", NULL };
  static const char *row4[] = { "C-0003", "Homes – Communities", "£143,000 for УМСА", "", NULL };
  static const char *row5[] = { "", "", "", "", NULL };
  static const char *row6[] = { "=SUM(A1:A3)", "@user", "+44 1752", "-cmd", NULL };
  static const char *row7[] = { "\"", "\"\"", ",", "\"quoted\"", NULL };
  static const char *row8[] = { "only one cell", NULL };
  static const char * const *rows[] = { row1, row2, row3, row4, row5, row6, row7, row8 };
  static const char *row6_read[] = { "'=SUM(A1:A3)", "'@user", "'+44 1752", "'-cmd", NULL };
  static const gsize chunks[] = { 1, 2, 3, 7, 64 * 1024 };

  for (guint flags = 0; flags < 2; flags++)
    {
      g_autofree char *text = write_rows (rows, G_N_ELEMENTS (rows),
                                          flags ? COMM_CSV_WRITE_BOM : COMM_CSV_WRITE_DEFAULT);

      for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) back = read_all (text, -1, ',', chunks[c], &error);

          g_assert_no_error (error);
          g_assert_cmpuint (back->len, ==, G_N_ELEMENTS (rows));
          for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
            assert_row (back, r, r == 5 ? row6_read : rows[r]);
        }
    }
}

static void
test_read_forms (void)
{
  static const char *ab[] = { "a", "b", NULL };
  static const char *cd[] = { "c", "d", NULL };
  static const char *empty2[] = { "", "", NULL };
  static const char *one_empty[] = { "", NULL };
  static const char *lenient[] = { "5\" screen", "ab", "x y", NULL };
  GPtrArray *rows;

  /* CRLF, LF, lone CR, no final line break */
  static const char *texts[] = { "a,b\r\nc,d\r\n", "a,b\nc,d\n", "a,b\rc,d\r", "a,b\nc,d",
                                 "\xEF\xBB\xBF" "a,b\nc,d\n", "a,b\n\n\r\n\nc,d\n\n" };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      rows = read_all (texts[i], -1, ',', 1, NULL);
      g_assert_cmpuint (rows->len, ==, 2);
      assert_row (rows, 0, ab);
      assert_row (rows, 1, cd);
      g_ptr_array_unref (rows);
    }

  rows = read_all (",\n\"\"\n", -1, ',', 64, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, empty2);
  assert_row (rows, 1, one_empty);
  g_ptr_array_unref (rows);

  rows = read_all ("5\" screen,\"a\"b,x y\n", -1, ',', 64, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0, lenient);
  g_ptr_array_unref (rows);

  rows = read_all ("", -1, ',', 64, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_ptr_array_unref (rows);

  rows = read_all ("\xEF\xBB\xBF", -1, ',', 64, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_ptr_array_unref (rows);
}

static void
test_read_separators (void)
{
  static const char *semicolon[] = { "a,b", "c;d", "1.234,56", NULL };
  static const char *tab[] = { "a,b", "c;d", "e f", NULL };
  GPtrArray *rows;

  rows = read_all ("a,b;\"c;d\";1.234,56\r\n", -1, ';', 3, NULL);
  assert_row (rows, 0, semicolon);
  g_ptr_array_unref (rows);

  rows = read_all ("a,b\tc;d\t\"e f\"\n", -1, '\t', 3, NULL);
  assert_row (rows, 0, tab);
  g_ptr_array_unref (rows);
}

static void
test_read_lines (void)
{
  const char *text = "h1,h2\n\"a\nb\",c\r\n\n\"x\r\ny\rz\",w\nlast,row";
  g_autoptr(GInputStream) in = trickle_new (text, -1, 2);
  g_autoptr(CommCsvReader) reader = comm_csv_reader_new (in, ',');
  static const guint starts[] = { 1, 2, 5, 8 };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_auto(GStrv) row = comm_csv_reader_next_row (reader, NULL);

      g_assert_nonnull (row);
      g_assert_cmpuint (comm_csv_reader_get_line (reader), ==, starts[i]);
    }
  g_assert_null (comm_csv_reader_next_row (reader, NULL));
}

typedef struct {
  const char *text;
  gssize      len;
  const char *message;
} BadCsv;

static void
test_read_errors (void)
{
  static const BadCsv cases[] = {
    { "a,b\nc,\xFF\n", -1, "Line 2 is not valid UTF-8" },
    { "a,\"b\nc\xC3\x28\",d\n", -1, "Line 2 is not valid UTF-8" },
    { "a,b\nc,d\ne,\"f\ng,h\n", -1, "The quoted cell that begins on line 3 has no closing quote." },
    { "\"abc", -1, "begins on line 1" },
    { "a,b\n\"x\",\"y\n\n\n", -1, "begins on line 2" },
    { "a\0b,c\n", 6, "Line 1 is not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) in = trickle_new (cases[i].text, cases[i].len, 3);
      g_autoptr(CommCsvReader) reader = comm_csv_reader_new (in, ',');
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) again = NULL;
      char **row;

      while ((row = comm_csv_reader_next_row (reader, &error)) != NULL)
        g_strfreev (row);
      g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));

      /* later calls keep saying so */
      g_assert_null (comm_csv_reader_next_row (reader, &again));
      g_assert_error (again, COMM_ERROR, COMM_ERROR_PARSE);
    }
}

static void
test_read_stream_error (void)
{
  g_autoptr(GInputStream) in = trickle_new ("a,b\nc,d\ne,f\n", -1, 4);
  g_autoptr(CommCsvReader) reader = comm_csv_reader_new (in, ',');
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) first = NULL;

  TEST_TRICKLE_STREAM (in)->fail_after = 4;
  first = comm_csv_reader_next_row (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first[1], ==, "b");
  g_assert_null (comm_csv_reader_next_row (reader, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

static void
test_read_sample (void)
{
  static const char *families[] = {
    "\"Families with a Future\"", "",
    "Plymouth City Council Provided – Homes and Communities and Various", NULL
  };
  static const char *header[] = { "service", "current_commissioner", "provider", NULL };
  g_autofree char *path = g_build_filename (g_getenv ("COMM_TEST_SRCDIR"), "..", "data", "samples",
                                            "plymouth_existing_provision_2015.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &error);
  g_autoptr(CommCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **row;
  gboolean found = FALSE;

  g_assert_no_error (error);
  reader = comm_csv_reader_new (G_INPUT_STREAM (in), ',');
  while ((row = comm_csv_reader_next_row (reader, &error)) != NULL)
    g_ptr_array_add (rows, row);
  g_assert_no_error (error);

  g_assert_cmpuint (rows->len, ==, 1 + 36);
  assert_row (rows, 0, header);
  for (guint i = 1; i < rows->len; i++)
    {
      g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, 3);
      if (g_strcmp0 (((char **) rows->pdata[i])[0], families[0]) == 0)
        {
          assert_row (rows, i, families);
          found = TRUE;
        }
    }
  g_assert_true (found);
  assert_row (rows, 3, families);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/neutralise", test_neutralise);
  g_test_add_func ("/csv/write", test_write);
  g_test_add_func ("/csv/write-flags", test_write_flags);
  g_test_add_func ("/csv/write-counted", test_write_counted);
  g_test_add_func ("/csv/write-buffered", test_write_buffered);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/read/forms", test_read_forms);
  g_test_add_func ("/csv/read/separators", test_read_separators);
  g_test_add_func ("/csv/read/lines", test_read_lines);
  g_test_add_func ("/csv/read/errors", test_read_errors);
  g_test_add_func ("/csv/read/stream-error", test_read_stream_error);
  g_test_add_func ("/csv/read/sample", test_read_sample);

  return g_test_run ();
}
