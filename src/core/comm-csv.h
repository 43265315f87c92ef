/* comm-csv.h: RFC 4180 CSV, streaming, UTF-8 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  COMM_CSV_WRITE_DEFAULT      = 0,
  COMM_CSV_WRITE_BOM          = 1 << 0,  /* start with a UTF-8 byte order mark, for Excel */
  COMM_CSV_WRITE_NO_NEUTRALISE = 1 << 1, /* do not defuse cells that look like formulas */
} CommCsvWriteFlags;

typedef struct _CommCsvWriter CommCsvWriter;

/* Rows end with CRLF; a cell is quoted when it holds a comma, quote, CR or LF (quotes doubled).
 * Unless told not to, a cell beginning with = + - @ (or a tab or CR) that is not a plain number
 * is prefixed with an apostrophe so spreadsheets show it as text instead of running it. */
CommCsvWriter *comm_csv_writer_new        (GOutputStream      *out,
                                           CommCsvWriteFlags   flags);
gboolean       comm_csv_writer_write_row  (CommCsvWriter      *writer,
                                           const char * const *cells,
                                           gssize              n_cells, /* -1: NULL-terminated */
                                           GError            **error);
gboolean       comm_csv_writer_finish     (CommCsvWriter      *writer,
                                           GError            **error);
void           comm_csv_writer_free       (CommCsvWriter      *writer);
/* The cell as the writer would write it, before quoting (for tests and previews). */
char          *comm_csv_neutralise        (const char         *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommCsvWriter, comm_csv_writer_free)

typedef struct _CommCsvReader CommCsvReader;

/* Reads RFC 4180 with the given separator (',' ';' or '\t'); skips a leading UTF-8 BOM.
 * Quoted cells may hold separators, doubled quotes and line breaks. Rows may end in CRLF, LF or
 * CR; empty lines are skipped. */
CommCsvReader *comm_csv_reader_new        (GInputStream       *in,
                                           char                separator);
/* Returns the next row's cells (a NULL-terminated array, owned by the caller), NULL at the end
 * of input with no error, or NULL with @error set (unbalanced quote, invalid UTF-8 ...),
 * the message saying which line. */
char         **comm_csv_reader_next_row   (CommCsvReader      *reader,
                                           GError            **error);
/* The 1-based line on which the row last returned began. */
guint          comm_csv_reader_get_line   (CommCsvReader      *reader);
void           comm_csv_reader_free       (CommCsvReader      *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommCsvReader, comm_csv_reader_free)

G_END_DECLS
