/* comm-import.h: importing contracts (with providers and funding lines) from CSV, in two phases
 *
 * 1. A CommImportSource reads the file: refuses files over 200 MB before reading them, detects the
 *    encoding (UTF-8 with or without a byte order mark, else Windows-1252) and the separator
 *    (comma, semicolon or tab), and gives the header and the first rows for a preview.
 * 2. comm_import_plan_new() reads and validates every row against the workspace without writing:
 *    each row is new, updated (an existing contract with the same reference, ignoring case),
 *    unchanged, or rejected (with the CSV line, the cell and the reason); a row that is importable
 *    but suspicious is also flagged.
 * 3. comm_import_plan_apply() writes all rows, or only the good ones, in one transaction.
 *
 * Values: money as comm_money_parse(); one cell may hold several funding streams
 * ("CAMHS £100,000 CF £50,000"); a bare amount goes to the stream of the "Funding stream" column,
 * else to COMM_IMPORT_DEFAULT_STREAM. The amounts belong to the financial year of the "Year"
 * column ("2026-27", "2026/27" or "2026"), else to the financial year in which the contract starts.
 * When a contract is updated, its funding lines of that year are replaced; other years are kept.
 */
#pragma once

#include <gio/gio.h>

#include "comm-database.h"

G_BEGIN_DECLS

#define COMM_IMPORT_MAX_FILE_SIZE  (200 * 1024 * 1024)
#define COMM_IMPORT_DEFAULT_STREAM "General"

typedef enum {
  COMM_IMPORT_ENCODING_AUTO,
  COMM_IMPORT_ENCODING_UTF8,
  COMM_IMPORT_ENCODING_UTF8_BOM,
  COMM_IMPORT_ENCODING_WINDOWS_1252,
} CommImportEncoding;

typedef enum {
  COMM_IMPORT_DATE_AUTO,       /* any of the forms below */
  COMM_IMPORT_DATE_ISO,        /* 2011-03-31 */
  COMM_IMPORT_DATE_DMY,        /* 31/03/2011 (also 31-03-2011, 31.03.2011): day first, as in the UK */
  COMM_IMPORT_DATE_MONTH_NAME, /* 31 March 2011, 31 Mar 2011, 31-Mar-2011 */
} CommImportDateFormat;

typedef enum {
  COMM_IMPORT_FIELD_REFERENCE,
  COMM_IMPORT_FIELD_TITLE,
  COMM_IMPORT_FIELD_PROVIDER,
  COMM_IMPORT_FIELD_SERVICE_AREA,
  COMM_IMPORT_FIELD_DESCRIPTION,
  COMM_IMPORT_FIELD_LEAD_COMMISSIONER,
  COMM_IMPORT_FIELD_GEOGRAPHY,
  COMM_IMPORT_FIELD_PROCUREMENT_ROUTE,
  COMM_IMPORT_FIELD_START_DATE,
  COMM_IMPORT_FIELD_END_DATE,
  COMM_IMPORT_FIELD_NOTICE_MONTHS,
  COMM_IMPORT_FIELD_REVIEW_DATE,
  COMM_IMPORT_FIELD_EXTENSION_OPTIONS,
  COMM_IMPORT_FIELD_VALUE,     /* an amount, or streams with amounts */
  COMM_IMPORT_FIELD_STREAM,    /* the funding stream of a bare amount */
  COMM_IMPORT_FIELD_YEAR,      /* the financial year of the amounts */
  COMM_IMPORT_N_FIELDS
} CommImportField;

/* The field's name in mappings and presets ("reference", "start-date" ...) and its label. */
const char *comm_import_field_name   (CommImportField field);
const char *comm_import_field_label  (CommImportField field);  /* translated */
/* Matches a field name or label, ignoring case, spaces and punctuation; -1 if none. */
int         comm_import_field_lookup (const char *text);
/* The field a CSV header names ("Contract ref", "Supplier", "Contract value (£)" ...), or -1. */
int         comm_import_field_for_header (const char *header);
const char *comm_import_encoding_label (CommImportEncoding encoding); /* translated */
const char *comm_import_separator_label (char separator);           /* translated: "Comma" ... */

/* How to read a file; what a preset saves. */
typedef struct {
  CommImportEncoding    encoding;
  char                  separator;   /* ',' ';' '\t', or 0 to detect */
  CommImportDateFormat  date_format;
  guint                 skip_lines;  /* lines above the header to ignore */
  char                 *columns[COMM_IMPORT_N_FIELDS]; /* CSV header for each field; NULL = match
                                                          the headers automatically, "" = none */
} CommImportOptions;

CommImportOptions *comm_import_options_new   (void);
CommImportOptions *comm_import_options_copy  (const CommImportOptions *options);
void               comm_import_options_free  (CommImportOptions       *options);
/* Parses "CSV header=field" (field by name or label) into @options->columns. */
gboolean           comm_import_options_add_map (CommImportOptions *options,
                                                const char        *mapping,
                                                GError           **error);
/* key=value lines: "encoding=", "separator=", "date-format=", "skip-lines=", "map.FIELD=". */
char              *comm_import_options_to_text   (const CommImportOptions *options);
CommImportOptions *comm_import_options_from_text (const char              *text,
                                                  GError                 **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommImportOptions, comm_import_options_free)

/* Presets: options saved under a name in the workspace settings ("import-preset:NAME"). */
gboolean           comm_import_preset_save   (CommDatabase            *db,
                                              const char              *name,
                                              const CommImportOptions *options,
                                              GError                 **error);
CommImportOptions *comm_import_preset_load   (CommDatabase            *db,
                                              const char              *name,
                                              GError                 **error); /* NOT_FOUND */
char             **comm_import_preset_list   (CommDatabase            *db,
                                              GError                 **error); /* sorted names */
gboolean           comm_import_preset_delete (CommDatabase            *db,
                                              const char              *name,
                                              GError                 **error);

/* Dates as people write them (see CommImportDateFormat); two-digit years are refused. Sets @iso to
 * a new "YYYY-MM-DD". */
gboolean  comm_import_parse_date    (const char            *text,
                                     CommImportDateFormat   format,
                                     char                 **iso,
                                     GError               **error);
/* A financial year: "2026-27" forms as comm_financial_year_parse(), or a plain "2026". */
gboolean  comm_import_parse_year    (const char            *text,
                                     int                   *start_year,
                                     GError               **error);
/* "£143,000" or "CAMHS £100,000 CF £50,000": appends one CommFundingLine* per amount (year 0)
 * to @lines, a bare amount under @default_stream. Fails on a bad amount or a name with no amount. */
gboolean  comm_import_parse_funding (const char            *text,
                                     const char            *default_stream,
                                     GPtrArray             *lines,
                                     GError               **error);
/* TRUE if @text mixes Latin letters with Cyrillic or Greek ones ("YMCA" with a Cyrillic "У"). */
gboolean  comm_import_text_mixes_scripts (const char *text);

typedef void (*CommImportProgress) (double fraction, gpointer user_data);

typedef struct _CommImportSource CommImportSource;

/* Stats @path first (files over COMM_IMPORT_MAX_FILE_SIZE are refused unread), then reads and
 * decodes it. Fails (PARSE, saying where) on an empty file, NUL bytes, or bytes that are neither
 * UTF-8 nor Windows-1252; on a header with no cells. */
CommImportSource *comm_import_source_load      (const char              *path,
                                                const CommImportOptions *options,
                                                GCancellable            *cancellable,
                                                GError                 **error);
CommImportSource *comm_import_source_new_from_data (const char              *data,
                                                    gsize                    len,
                                                    const CommImportOptions *options,
                                                    GError                 **error);
void              comm_import_source_free      (CommImportSource *source);
CommImportEncoding comm_import_source_get_encoding  (CommImportSource *source);
char              comm_import_source_get_separator  (CommImportSource *source);
/* The header's cells (NULL-terminated) and the CSV line it is on. */
const char * const *comm_import_source_get_header   (CommImportSource *source);
guint             comm_import_source_get_header_line (CommImportSource *source);
/* Up to @max rows after the header (char ** each), for a preview; stops quietly at a bad row. */
GPtrArray        *comm_import_source_preview   (CommImportSource *source,
                                                guint             max);
/* The column of the header used for @field under @options (an explicit mapping first, else the
 * automatic match), or -1. */
int               comm_import_source_column_for (CommImportSource        *source,
                                                 const CommImportOptions *options,
                                                 CommImportField          field);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommImportSource, comm_import_source_free)

typedef enum {
  COMM_IMPORT_ROW_NEW,
  COMM_IMPORT_ROW_UPDATED,
  COMM_IMPORT_ROW_UNCHANGED,
  COMM_IMPORT_ROW_REJECTED,
} CommImportRowKind;

typedef struct {
  guint              line;      /* the CSV line the row begins on */
  CommImportRowKind  kind;
  gboolean           flagged;   /* importable but suspicious: see flag_reason */
  char              *reference; /* "" if none */
  char              *column;    /* the header of the cell at fault, NULL if the whole row */
  char              *cell;      /* that cell's text, NULL if the whole row */
  char              *reason;    /* why rejected (translated), NULL otherwise */
  char              *flag_reason;
  char             **cells;     /* the row as read */
} CommImportRow;

typedef struct _CommImportPlan CommImportPlan;

/* Reads and validates every row of @source against @db (nothing is written). Whole-file problems
 * (an unbalanced quote, no data rows, no reference column ...) fail with PARSE or INVALID and a
 * message saying what and where. @progress (nullable) gets the fraction done. Cancellable. */
CommImportPlan   *comm_import_plan_new         (CommDatabase            *db,
                                                CommImportSource        *source,
                                                const CommImportOptions *options,
                                                GCancellable            *cancellable,
                                                CommImportProgress       progress,
                                                gpointer                 user_data,
                                                GError                 **error);
void              comm_import_plan_free        (CommImportPlan *plan);
guint             comm_import_plan_count       (CommImportPlan *plan,
                                                CommImportRowKind kind);
guint             comm_import_plan_count_flagged (CommImportPlan *plan);
/* Names of providers the import would create, in order of first use. */
GPtrArray        *comm_import_plan_get_new_providers (CommImportPlan *plan);
/* Every data row, in file order (CommImportRow*, owned by the plan). */
GPtrArray        *comm_import_plan_get_rows    (CommImportPlan *plan);
const char * const *comm_import_plan_get_header (CommImportPlan *plan);
/* Writes the new and updated rows (and the providers they need) in one transaction. With
 * @good_only FALSE, fails (INVALID) without writing if any row was rejected. On any failure or
 * cancellation nothing is written. Unchanged rows are not touched (no audit entries). */
gboolean          comm_import_plan_apply       (CommImportPlan     *plan,
                                                CommDatabase       *db,
                                                gboolean            good_only,
                                                GCancellable       *cancellable,
                                                CommImportProgress  progress,
                                                gpointer            user_data,
                                                GError            **error);
/* The rejected rows as CSV: the original header and cells, then a "Problem" column. */
gboolean          comm_import_plan_write_rejects (CommImportPlan  *plan,
                                                  const char      *path,
                                                  GError         **error);
/* The same for any import: the rows of @rows (CommImportRow*) that were rejected, under @header. */
gboolean          comm_import_write_rejects      (const char * const *header,
                                                  GPtrArray          *rows,
                                                  const char         *path,
                                                  GError            **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommImportPlan, comm_import_plan_free)

G_END_DECLS
