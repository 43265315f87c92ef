/* comm-export-transparency.c: the Local Government Transparency Code 2015 contracts CSV
 *
 * Paragraph 34 of the Code lists what to publish for every contract over £5,000: reference,
 * title, department responsible, description, supplier name and details, the sum to be paid over
 * the length of the contract, VAT that cannot be recovered, start, end and review dates, whether
 * it came from an invitation to quote or to tender, and whether the supplier is an SME and/or
 * VCSE, with its registration number. One column per item here, headed in the Code's words.
 * "Value" is the whole contract's value (every funding line), as the Code's "sum to be paid over
 * the length of the contract"; "over" is strict (> threshold).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-error.h"
#include "comm-export-transparency.h"
#include "comm-money.h"
#include "comm-publication-private.h"

#define PROGRESS_EVERY 200

enum {
  COLUMN_REFERENCE,
  COLUMN_TITLE,
  COLUMN_DEPARTMENT,
  COLUMN_DESCRIPTION,
  COLUMN_SUPPLIER,
  COLUMN_REGISTERED_NUMBER,
  COLUMN_SME,
  COLUMN_VCSE,
  COLUMN_VALUE,
  COLUMN_VAT,
  COLUMN_START,
  COLUMN_END,
  COLUMN_REVIEW,
  COLUMN_ROUTE,
  N_COLUMNS
};

/* Not translated: the file is published in the Code's format, whatever the user's language. */
static const char * const columns[N_COLUMNS + 1] = {
  "Reference number", "Title of agreement", "Department responsible",
  "Description of goods and/or services", "Supplier name", "Supplier registration number",
  "SME", "VCSE", "Sum to be paid over the length of the contract", "VAT that cannot be recovered",
  "Start date", "End date", "Review date", "Invitation to quote or to tender", NULL
};

typedef struct {
  CommDatabase       *db;
  gint64              threshold;
  CommCsvWriteFlags   flags;
  void              (*progress) (double fraction, gpointer user_data);
  gpointer            user_data;
  guint              *n_written;
} WriteJob;

/* "ITT", "ITQ", "Neither" or "" for the route's code. */
static const char *
route_cell (const char *route)
{
  if (g_str_equal (route, "open-tender") || g_str_equal (route, "mini-competition"))
    return "ITT";
  if (g_str_equal (route, "quotation"))
    return "ITQ";
  if (*route == '\0')
    return "";
  return "Neither";
}

static gboolean
has_registered_number (const char *legal_form)
{
  return g_str_equal (legal_form, "charity") || g_str_equal (legal_form, "company") ||
         g_str_equal (legal_form, "cic");
}

static gboolean
write_row (CommCsvWriter       *writer,
           CommPublicationRow  *row,
           GError             **error)
{
  g_autofree char *value = comm_money_format_full (row->value, COMM_MONEY_FORMAT_PLAIN);
  g_autofree char *vat = comm_money_format_full (row->irrecoverable_vat, COMM_MONEY_FORMAT_PLAIN);
  const char *cells[N_COLUMNS];

  cells[COLUMN_REFERENCE] = row->reference;
  cells[COLUMN_TITLE] = row->title;
  cells[COLUMN_DEPARTMENT] = row->department;
  cells[COLUMN_DESCRIPTION] = row->description;
  cells[COLUMN_SUPPLIER] = row->provider_name;
  cells[COLUMN_REGISTERED_NUMBER] = row->registered_number;
  cells[COLUMN_SME] = row->sme ? "Yes" : "No";
  cells[COLUMN_VCSE] = row->vcse ? "Yes" : "No";
  cells[COLUMN_VALUE] = value;
  cells[COLUMN_VAT] = vat;
  cells[COLUMN_START] = row->start_date;
  cells[COLUMN_END] = row->end_date;
  cells[COLUMN_REVIEW] = row->review_date;
  cells[COLUMN_ROUTE] = route_cell (row->procurement_route);

  return comm_csv_writer_write_row (writer, cells, N_COLUMNS, error);
}

static gboolean
write_csv (GOutputStream  *out,
           gpointer        user_data,
           GCancellable   *cancellable,
           GError        **error)
{
  WriteJob *job = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CommCsvWriter) writer = NULL;

  rows = comm_publication_rows_load (job->db, job->threshold, cancellable, error);
  if (rows == NULL)
    return FALSE;

  writer = comm_csv_writer_new (out, job->flags);
  if (!comm_csv_writer_write_row (writer, columns, N_COLUMNS, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_row (writer, g_ptr_array_index (rows, i), error))
        return FALSE;
      if (job->progress != NULL && (i + 1) % PROGRESS_EVERY == 0)
        job->progress ((double) (i + 1) / rows->len, job->user_data);
    }
  if (!comm_csv_writer_finish (writer, error))
    return FALSE;

  if (job->progress != NULL)
    job->progress (1.0, job->user_data);
  if (job->n_written != NULL)
    *job->n_written = rows->len;
  return TRUE;
}

/* "no description, no review date" for @row, or NULL if nothing is missing. */
static char *
describe_missing (CommPublicationRow *row)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  if (*row->department == '\0')
    g_ptr_array_add (missing, (gpointer) _("no department responsible"));
  if (*row->description == '\0')
    g_ptr_array_add (missing, (gpointer) _("no description"));
  if (*row->registered_number == '\0' && has_registered_number (row->legal_form))
    g_ptr_array_add (missing, (gpointer) _("no supplier registration number"));
  if (*row->review_date == '\0')
    g_ptr_array_add (missing, (gpointer) _("no review date"));
  if (*row->procurement_route == '\0')
    g_ptr_array_add (missing, (gpointer) _("no procurement route"));

  if (missing->len == 0)
    return NULL;
  g_ptr_array_add (missing, NULL);
  return g_strjoinv (", ", (char **) missing->pdata);
}

const char * const *
comm_export_transparency_columns (void)
{
  return columns;
}

gboolean
comm_export_transparency_csv (CommDatabase       *db,
                              gint64              threshold,
                              GOutputStream      *out,
                              CommCsvWriteFlags   flags,
                              GCancellable       *cancellable,
                              void              (*progress) (double fraction, gpointer user_data),
                              gpointer            user_data,
                              guint              *n_written,
                              GError            **error)
{
  WriteJob job = { db, threshold, flags, progress, user_data, n_written };

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  return write_csv (out, &job, cancellable, error);
}

gboolean
comm_export_transparency_csv_to_file (CommDatabase       *db,
                                      gint64              threshold,
                                      const char         *path,
                                      CommCsvWriteFlags   flags,
                                      GCancellable       *cancellable,
                                      void              (*progress) (double fraction, gpointer user_data),
                                      gpointer            user_data,
                                      guint              *n_written,
                                      GError            **error)
{
  WriteJob job = { db, threshold, flags, progress, user_data, n_written };

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return comm_file_write_atomically (path, write_csv, &job, cancellable, error);
}

GPtrArray *
comm_export_transparency_check (CommDatabase  *db,
                                gint64         threshold,
                                GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *lines;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  rows = comm_publication_rows_load (db, threshold, NULL, error);
  if (rows == NULL)
    return NULL;

  lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < rows->len; i++)
    {
      CommPublicationRow *row = g_ptr_array_index (rows, i);
      g_autofree char *missing = describe_missing (row);

      if (missing != NULL)
        /* Translators: a contract's reference and title, then what it lacks */
        g_ptr_array_add (lines, g_strdup_printf (_("%s “%s”: %s"), row->reference, row->title, missing));
    }

  return lines;
}
