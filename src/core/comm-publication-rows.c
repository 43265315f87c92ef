/* comm-publication-rows.c: the contracts as the publication exports read them
 *
 * One query of its own rather than the register's CommContract list: it needs the provider's
 * registered number, legal form and SME / VCSE flags, the irrecoverable VAT and department of
 * each contract, and the dates of every monitoring meeting, none of which the register shows.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "comm-contract-status.h"
#include "comm-database-private.h"
#include "comm-date.h"
#include "comm-publication-private.h"
#include "comm-publishing.h"

enum {
  COL_ID, COL_REFERENCE, COL_TITLE, COL_DESCRIPTION, COL_DEPARTMENT, COL_ROUTE, COL_START, COL_END,
  COL_EXTENDED_TO, COL_TERMINATED_ON, COL_REVIEW, COL_NOTICE, COL_PROCURING, COL_VAT,
  COL_PROVIDER_ID, COL_PROVIDER_NAME, COL_LEGAL_FORM, COL_REGISTERED, COL_SME, COL_VCSE,
  COL_VALUE, COL_RATINGS,
};

#define ROWS_SQL \
  "SELECT * FROM (SELECT c.id, c.reference, c.title, c.description, c.department," \
  " c.procurement_route, c.start_date, c.end_date, c.extended_to, c.terminated_on, c.review_date," \
  " c.notice_months, c.procuring, c.irrecoverable_vat, p.id, p.name, p.legal_form," \
  " trim (p.registered_number), p.sme, p.vcse," \
  " (SELECT coalesce (sum (f.amount), 0) FROM funding_lines f WHERE f.contract_id = c.id) AS value," \
  " (SELECT count(*) FROM rag_ratings r WHERE r.contract_id = c.id)" \
  " FROM contracts c JOIN providers p ON p.id = c.provider_id" \
  " WHERE c.deleted_at IS NULL AND p.legal_form <> 'in-house')" \
  " WHERE value > ?1 ORDER BY reference COLLATE NOCASE, id"

#define MEETINGS_SQL \
  "SELECT held_on FROM monitoring_meetings WHERE contract_id = ?1 ORDER BY held_on, id"

void
comm_publication_row_free (CommPublicationRow *row)
{
  if (row == NULL)
    return;
  g_free (row->reference);
  g_free (row->title);
  g_free (row->description);
  g_free (row->department);
  g_free (row->procurement_route);
  g_free (row->start_date);
  g_free (row->end_date);
  g_free (row->review_date);
  g_free (row->provider_name);
  g_free (row->legal_form);
  g_free (row->registered_number);
  g_clear_pointer (&row->meetings, g_ptr_array_unref);
  g_free (row);
}

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_date_clear (out, 1);
  return *text != '\0' && comm_date_parse_iso (text, out);
}

/* Status for @today, and the date the contract ends or ended. */
static void
set_status_and_end (CommPublicationRow *row,
                    sqlite3_stmt       *stmt,
                    const GDate        *today)
{
  CommContractDates dates = { .notice_months = sqlite3_column_int (stmt, COL_NOTICE),
                              .procuring = sqlite3_column_int (stmt, COL_PROCURING) != 0 };
  const char *extended_to = comm_sqlite_column_text (stmt, COL_EXTENDED_TO);
  const char *terminated_on = comm_sqlite_column_text (stmt, COL_TERMINATED_ON);

  parse_date (row->start_date, &dates.start);
  parse_date (comm_sqlite_column_text (stmt, COL_END), &dates.end);
  parse_date (extended_to, &dates.extended_to);
  parse_date (terminated_on, &dates.terminated_on);
  row->status = comm_contract_status_for (&dates, today);

  if (row->status == COMM_STATUS_TERMINATED)
    row->end_date = g_strdup (terminated_on);
  else if (*extended_to != '\0')
    row->end_date = g_strdup (extended_to);
  else
    row->end_date = g_strdup (comm_sqlite_column_text (stmt, COL_END));
}

static CommPublicationRow *
read_row (sqlite3_stmt *stmt,
          const char   *default_department,
          const GDate  *today)
{
  CommPublicationRow *row = g_new0 (CommPublicationRow, 1);
  const char *department = comm_sqlite_column_text (stmt, COL_DEPARTMENT);

  row->id = sqlite3_column_int64 (stmt, COL_ID);
  row->reference = g_strdup (comm_sqlite_column_text (stmt, COL_REFERENCE));
  row->title = g_strdup (comm_sqlite_column_text (stmt, COL_TITLE));
  row->description = g_strstrip (g_strdup (comm_sqlite_column_text (stmt, COL_DESCRIPTION)));
  row->department = g_strstrip (g_strdup (*department != '\0' ? department : default_department));
  row->procurement_route = g_strdup (comm_sqlite_column_text (stmt, COL_ROUTE));
  row->start_date = g_strdup (comm_sqlite_column_text (stmt, COL_START));
  row->review_date = g_strdup (comm_sqlite_column_text (stmt, COL_REVIEW));
  row->value = sqlite3_column_int64 (stmt, COL_VALUE);
  row->irrecoverable_vat = sqlite3_column_int64 (stmt, COL_VAT);
  row->provider_id = sqlite3_column_int64 (stmt, COL_PROVIDER_ID);
  row->provider_name = g_strdup (comm_sqlite_column_text (stmt, COL_PROVIDER_NAME));
  row->legal_form = g_strdup (comm_sqlite_column_text (stmt, COL_LEGAL_FORM));
  row->registered_number = g_strdup (comm_sqlite_column_text (stmt, COL_REGISTERED));
  row->sme = sqlite3_column_int (stmt, COL_SME) != 0;
  row->vcse = sqlite3_column_int (stmt, COL_VCSE) != 0;
  row->n_ratings = (guint) sqlite3_column_int (stmt, COL_RATINGS);
  row->meetings = g_ptr_array_new_with_free_func (g_free);
  set_status_and_end (row, stmt, today);

  return row;
}

static gboolean
load_meetings (CommDatabase        *db,
               sqlite3_stmt        *stmt,
               CommPublicationRow  *row,
               GError             **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, row->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (row->meetings, g_strdup (comm_sqlite_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the monitoring meetings"));
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
comm_publication_rows_load (CommDatabase  *db,
                            gint64         min_value,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) meetings = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_publication_row_free);
  g_autofree char *default_department = NULL;
  GDate today;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if (!comm_database_ensure_open (db, error))
    return NULL;
  stmt = comm_database_prepare (db, ROWS_SQL, error);
  meetings = stmt != NULL ? comm_database_prepare (db, MEETINGS_SQL, error) : NULL;
  if (meetings == NULL)
    return NULL;

  comm_date_today (&today);
  default_department = comm_publishing_get_department (db);
  sqlite3_bind_int64 (stmt, 1, min_value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommPublicationRow *row = read_row (stmt, default_department, &today);

      g_ptr_array_add (rows, row);
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !load_meetings (db, meetings, row, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the contracts to publish"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}
