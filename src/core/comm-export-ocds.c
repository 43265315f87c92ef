/* comm-export-ocds.c: the register as an Open Contracting Data Standard 1.1 release package
 *
 * One release per contract, all in one package, written as it goes (a small JSON writer over a
 * GString, flushed to the stream after each release) so thousands of contracts need little
 * memory. Amounts are made from integer pence as text, never through a double. What is published
 * is what the Code and OCDS ask for: meeting notes and RAG comments are internal, so
 * implementation lists only the dates monitoring meetings were held.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-error.h"
#include "comm-export-ocds.h"
#include "comm-publication-private.h"
#include "comm-publishing.h"
#include "comm-types.h"

#define PROGRESS_EVERY 200
#define COMPANIES_HOUSE_LENGTH 8

typedef struct {
  GString  *out;
  gboolean  need_comma;
} Json;

typedef struct {
  CommDatabase  *db;
  const char    *ocid_prefix;
  const char    *authority;
  void         (*progress) (double fraction, gpointer user_data);
  gpointer       user_data;
  guint         *n_written;
} WriteJob;

typedef struct {
  const char *prefix;
  const char *authority;
  const char *date;        /* release date, ISO date-time */
  const char *date_stamp;  /* the same for ids: 20261123T160500Z */
} ReleaseContext;

/* JSON writer */

static void
json_escape (GString    *out,
             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
json_key (Json       *json,
          const char *key)
{
  if (json->need_comma)
    g_string_append_c (json->out, ',');
  if (key != NULL)
    {
      json_escape (json->out, key);
      g_string_append_c (json->out, ':');
    }
  json->need_comma = TRUE;
}

static void
json_open (Json       *json,
           const char *key,
           char        bracket)
{
  json_key (json, key);
  g_string_append_c (json->out, bracket);
  json->need_comma = FALSE;
}

static void
json_close (Json *json,
            char  bracket)
{
  g_string_append_c (json->out, bracket);
  json->need_comma = TRUE;
}

static void
json_string (Json       *json,
             const char *key,
             const char *value)
{
  json_key (json, key);
  json_escape (json->out, value);
}

/* A string member only when @value is not empty. */
static void
json_string_if (Json       *json,
                const char *key,
                const char *value)
{
  if (value != NULL && *value != '\0')
    json_string (json, key, value);
}

static void
json_raw (Json       *json,
          const char *key,
          const char *raw)
{
  json_key (json, key);
  g_string_append (json->out, raw);
}

/* Pieces of a release */

static const char *
contract_status (CommContractStatus status)
{
  switch (status)
    {
    case COMM_STATUS_PLANNED:
    case COMM_STATUS_PROCURING:
      return "pending";
    case COMM_STATUS_EXPIRED:
    case COMM_STATUS_TERMINATED:
      return "terminated";
    case COMM_STATUS_ACTIVE:
    case COMM_STATUS_IN_NOTICE:
    case COMM_STATUS_EXTENDED:
    case COMM_N_STATUSES:
    default:
      return "active";
    }
}

/* OCDS procurementMethod for a route code, or NULL. */
static const char *
procurement_method (const char *route)
{
  static const struct { const char *route, *method; } methods[] = {
    { "open-tender", "open" }, { "mini-competition", "selective" }, { "quotation", "limited" },
    { "direct-award", "direct" }, { "grant", "direct" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_str_equal (route, methods[i].route))
      return methods[i].method;
  return NULL;
}

/* The route's label in English (published data is not translated). */
static const char *
route_label (const char *route)
{
  for (const CommChoice *choice = comm_procurement_routes (); choice->code != NULL; choice++)
    if (g_str_equal (choice->code, route))
      return choice->label;
  return route;
}

/* The org-id scheme and identifier of a supplier, or FALSE when it has none we can name. */
static gboolean
supplier_identifier (CommPublicationRow  *row,
                     const char         **scheme,
                     char               **id)
{
  g_autoptr(GString) number = g_string_new (NULL);

  for (const char *p = row->registered_number; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (number, g_ascii_toupper (*p));
  if (number->len == 0)
    return FALSE;

  if (g_str_equal (row->legal_form, "company") || g_str_equal (row->legal_form, "cic"))
    {
      /* Companies House numbers are eight characters; "1234567" is written "01234567". */
      gboolean digits = strspn (number->str, "0123456789") == number->len;

      while (digits && number->len < COMPANIES_HOUSE_LENGTH)
        g_string_prepend_c (number, '0');
      *scheme = "GB-COH";
    }
  else if (g_str_equal (row->legal_form, "charity"))
    *scheme = "GB-CHC";
  else
    return FALSE;

  *id = g_string_free (g_steal_pointer (&number), FALSE);
  return TRUE;
}

static void
write_value (Json       *json,
             const char *key,
             gint64      pence)
{
  g_autofree char *amount = comm_export_ocds_amount (pence);

  json_open (json, key, '{');
  json_raw (json, "amount", amount);
  json_string (json, "currency", "GBP");
  json_close (json, '}');
}

static void
write_period (Json               *json,
              const char         *key,
              CommPublicationRow *row)
{
  g_autofree char *start = g_strconcat (row->start_date, "T00:00:00Z", NULL);
  g_autofree char *end = g_strconcat (row->end_date, "T23:59:59Z", NULL);

  json_open (json, key, '{');
  json_string (json, "startDate", start);
  json_string (json, "endDate", end);
  json_close (json, '}');
}

static void
write_parties (Json               *json,
               CommPublicationRow *row,
               const char         *authority,
               const char         *supplier_id,
               const char         *scheme,
               const char         *identifier)
{
  json_open (json, "parties", '[');
  json_open (json, NULL, '{');
  json_string (json, "id", "buyer");
  json_string (json, "name", authority);
  json_raw (json, "roles", "[\"buyer\",\"procuringEntity\"]");
  json_close (json, '}');

  json_open (json, NULL, '{');
  json_string (json, "id", supplier_id);
  json_string (json, "name", row->provider_name);
  if (identifier != NULL)
    {
      json_open (json, "identifier", '{');
      json_string (json, "scheme", scheme);
      json_string (json, "id", identifier);
      json_string (json, "legalName", row->provider_name);
      json_close (json, '}');
    }
  json_raw (json, "roles", "[\"supplier\"]");
  json_close (json, '}');
  json_close (json, ']');

  json_open (json, "buyer", '{');
  json_string (json, "id", "buyer");
  json_string (json, "name", authority);
  json_close (json, '}');
}

static void
write_tender (Json               *json,
              CommPublicationRow *row)
{
  const char *method = procurement_method (row->procurement_route);
  g_autofree char *id = g_strconcat (row->reference, "-tender", NULL);

  if (method == NULL)
    return;
  json_open (json, "tender", '{');
  json_string (json, "id", id);
  json_string (json, "status", "complete");
  json_string (json, "procurementMethod", method);
  json_string (json, "procurementMethodDetails", route_label (row->procurement_route));
  json_close (json, '}');
}

static void
write_award (Json               *json,
             CommPublicationRow *row,
             const char         *award_id,
             const char         *supplier_id)
{
  json_open (json, "awards", '[');
  json_open (json, NULL, '{');
  json_string (json, "id", award_id);
  json_string (json, "title", row->title);
  json_string (json, "status", "active");
  write_value (json, "value", row->value);
  json_open (json, "suppliers", '[');
  json_open (json, NULL, '{');
  json_string (json, "id", supplier_id);
  json_string (json, "name", row->provider_name);
  json_close (json, '}');
  json_close (json, ']');
  write_period (json, "contractPeriod", row);
  json_close (json, '}');
  json_close (json, ']');
}

static void
write_milestones (Json               *json,
                  CommPublicationRow *row)
{
  json_open (json, "implementation", '{');
  json_open (json, "milestones", '[');
  for (guint i = 0; i < row->meetings->len; i++)
    {
      const char *held_on = g_ptr_array_index (row->meetings, i);
      g_autofree char *id = g_strdup_printf ("%s-monitoring-%u", row->reference, i + 1);
      g_autofree char *met = g_strconcat (held_on, "T00:00:00Z", NULL);

      json_open (json, NULL, '{');
      json_string (json, "id", id);
      json_string (json, "title", "Contract monitoring meeting");
      json_string (json, "type", "assessment");
      json_string (json, "status", "met");
      json_string (json, "dateMet", met);
      json_close (json, '}');
    }
  json_close (json, ']');
  json_close (json, '}');
}

static void
write_contract (Json               *json,
                CommPublicationRow *row,
                const char         *award_id)
{
  json_open (json, "contracts", '[');
  json_open (json, NULL, '{');
  json_string (json, "id", row->reference);
  json_string (json, "awardID", award_id);
  json_string (json, "title", row->title);
  json_string_if (json, "description", row->description);
  json_string (json, "status", contract_status (row->status));
  write_period (json, "period", row);
  write_value (json, "value", row->value);
  if (row->meetings->len > 0)
    write_milestones (json, row);
  json_close (json, '}');
  json_close (json, ']');
}

static void
write_release (Json                 *json,
               CommPublicationRow   *row,
               const ReleaseContext *context)
{
  g_autofree char *ocid = g_strconcat (context->prefix, "-", row->reference, NULL);
  g_autofree char *release_id = g_strconcat (ocid, "-", context->date_stamp, NULL);
  g_autofree char *award_id = g_strconcat (row->reference, "-award", NULL);
  g_autofree char *identifier = NULL;
  g_autofree char *supplier_id = NULL;
  const char *scheme = NULL;

  if (supplier_identifier (row, &scheme, &identifier))
    supplier_id = g_strconcat (scheme, "-", identifier, NULL);
  else
    supplier_id = g_strdup_printf ("supplier-%" G_GINT64_FORMAT, row->provider_id);

  json_open (json, NULL, '{');
  json_string (json, "ocid", ocid);
  json_string (json, "id", release_id);
  json_string (json, "date", context->date);
  json_raw (json, "tag", row->meetings->len > 0 || row->n_ratings > 0
                           ? "[\"award\",\"contract\",\"implementation\"]" : "[\"award\",\"contract\"]");
  json_string (json, "initiationType", "tender");
  json_string (json, "language", "en");
  write_parties (json, row, context->authority, supplier_id, scheme, identifier);
  write_tender (json, row);
  write_award (json, row, award_id, supplier_id);
  write_contract (json, row, award_id);
  json_close (json, '}');
}

/* Writing */

static gboolean
flush (GOutputStream  *out,
       GString        *text,
       GCancellable   *cancellable,
       GError        **error)
{
  gboolean ok = g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error);

  g_string_truncate (text, 0);
  return ok;
}

/* The prefix and authority in force, or FALSE with a message saying where to set them. */
static gboolean
get_publisher (WriteJob  *job,
               char     **prefix,
               char     **authority,
               GError   **error)
{
  *prefix = job->ocid_prefix != NULL ? g_strstrip (g_strdup (job->ocid_prefix))
                                     : comm_publishing_get_ocid_prefix (job->db);
  *authority = job->authority != NULL ? g_strstrip (g_strdup (job->authority))
                                     : comm_publishing_get_authority_name (job->db);

  if (**prefix == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("No OCID prefix is set: enter the one the Open Contracting Partnership "
                             "gave your authority in Workspace Settings, under Publishing"));
      return FALSE;
    }
  if (!comm_publishing_ocid_prefix_valid (*prefix, error))
    return FALSE;
  if (**authority == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("No authority name is set: enter the council’s name in Workspace "
                             "Settings, under Publishing"));
      return FALSE;
    }

  return TRUE;
}

static void
write_package_start (GString              *text,
                     const ReleaseContext *context)
{
  Json json = { text, FALSE };
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *uri = g_strconcat ("urn:uuid:", uuid, NULL);

  json_open (&json, NULL, '{');
  json_string (&json, "uri", uri);
  json_string (&json, "version", "1.1");
  json_string (&json, "publishedDate", context->date);
  json_open (&json, "publisher", '{');
  json_string (&json, "name", context->authority);
  json_close (&json, '}');
  json_key (&json, "releases");
  g_string_append (text, "[\n");
}

static gboolean
write_package (GOutputStream  *out,
               gpointer        user_data,
               GCancellable   *cancellable,
               GError        **error)
{
  WriteJob *job = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *prefix = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  ReleaseContext context = { NULL, NULL, date, stamp };

  if (!get_publisher (job, &prefix, &authority, error))
    return FALSE;
  rows = comm_publication_rows_load (job->db, -1, cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("There are no contracts to publish: an OCDS release package needs at least one"));
      return FALSE;
    }

  context.prefix = prefix;
  context.authority = authority;
  write_package_start (text, &context);
  for (guint i = 0; i < rows->len; i++)
    {
      Json json = { text, FALSE };

      if (i > 0)
        g_string_append_c (text, ',');
      write_release (&json, g_ptr_array_index (rows, i), &context);
      g_string_append_c (text, '\n');
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !flush (out, text, cancellable, error))
        return FALSE;
      if (job->progress != NULL && (i + 1) % PROGRESS_EVERY == 0)
        job->progress ((double) (i + 1) / rows->len, job->user_data);
    }
  g_string_append (text, "]}\n");
  if (!flush (out, text, cancellable, error))
    return FALSE;

  if (job->progress != NULL)
    job->progress (1.0, job->user_data);
  if (job->n_written != NULL)
    *job->n_written = rows->len;
  return TRUE;
}

/* Public API */

char *
comm_export_ocds_amount (gint64 pence)
{
  guint64 size = pence < 0 ? (guint64) -(pence + 1) + 1 : (guint64) pence;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", pence < 0 ? "-" : "",
                          size / 100, (guint) (size % 100));
}

gboolean
comm_export_ocds_json (CommDatabase   *db,
                       const char     *ocid_prefix,
                       const char     *authority,
                       GOutputStream  *out,
                       GCancellable   *cancellable,
                       void          (*progress) (double fraction, gpointer user_data),
                       gpointer        user_data,
                       guint          *n_written,
                       GError        **error)
{
  WriteJob job = { db, ocid_prefix, authority, progress, user_data, n_written };

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  return write_package (out, &job, cancellable, error);
}

gboolean
comm_export_ocds_json_to_file (CommDatabase   *db,
                               const char     *ocid_prefix,
                               const char     *authority,
                               const char     *path,
                               GCancellable   *cancellable,
                               void          (*progress) (double fraction, gpointer user_data),
                               gpointer        user_data,
                               guint          *n_written,
                               GError        **error)
{
  WriteJob job = { db, ocid_prefix, authority, progress, user_data, n_written };

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return comm_file_write_atomically (path, write_package, &job, cancellable, error);
}
