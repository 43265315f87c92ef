/* comm-export-contracts.c: the contracts register (or any filtered, sorted view of it) as CSV
 *
 * Written for people opening the file in a spreadsheet: the header and the status, RAG and
 * vocabulary cells are the labels the app shows (so "In notice / to renew", "Green",
 * "Open tender"), in the user's language; money is plain pounds with two decimals; dates ISO.
 * "End" is the effective end date (the agreed extension's end where there is one), as the
 * status beside it follows from that date.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "comm-contract.h"
#include "comm-error.h"
#include "comm-export-contracts.h"
#include "comm-file-replace-private.h"
#include "comm-money.h"
#include "comm-types.h"

#define PROGRESS_EVERY 500

enum {
  COLUMN_REFERENCE,
  COLUMN_TITLE,
  COLUMN_PROVIDER,
  COLUMN_SERVICE_AREA,
  COLUMN_ANNUAL_VALUE,
  COLUMN_TOTAL_VALUE,
  COLUMN_START,
  COLUMN_END,
  COLUMN_STATUS,
  COLUMN_RAG,
  COLUMN_RAG_DATE,
  COLUMN_NEXT_MONITORING,
  COLUMN_OVERDUE,
  COLUMN_LEAD,
  COLUMN_ROUTE,
  COLUMN_GEOGRAPHY,
  N_COLUMNS
};

static const char * const columns[N_COLUMNS + 1] = {
  N_("Reference"), N_("Title"), N_("Provider"), N_("Service area"), N_("Annual value"),
  N_("Total value"), N_("Start"), N_("End"), N_("Status"), N_("RAG"), N_("RAG date"),
  N_("Next monitoring due"), N_("Monitoring overdue"), N_("Lead commissioner"),
  N_("Procurement route"), N_("Geography"), NULL
};

static const char *
choice_label (const CommChoice *choices,
              const char       *code)
{
  return *code == '\0' ? "" : comm_choice_label (choices, code);
}

static gboolean
write_contract (CommCsvWriter  *writer,
                CommContract   *contract,
                GError        **error)
{
  g_autofree char *annual = comm_money_format_full (comm_contract_get_annual_value (contract),
                                                    COMM_MONEY_FORMAT_PLAIN);
  g_autofree char *total = comm_money_format_full (comm_contract_get_value (contract),
                                                   COMM_MONEY_FORMAT_PLAIN);
  const char *cells[N_COLUMNS];

  cells[COLUMN_REFERENCE] = comm_contract_get_reference (contract);
  cells[COLUMN_TITLE] = comm_contract_get_title (contract);
  cells[COLUMN_PROVIDER] = comm_contract_get_provider_name (contract);
  cells[COLUMN_SERVICE_AREA] = choice_label (comm_service_areas (), comm_contract_get_service_area (contract));
  cells[COLUMN_ANNUAL_VALUE] = annual;
  cells[COLUMN_TOTAL_VALUE] = total;
  cells[COLUMN_START] = comm_contract_get_start_date (contract);
  cells[COLUMN_END] = comm_contract_get_effective_end_date (contract);
  cells[COLUMN_STATUS] = comm_contract_status_to_label (comm_contract_get_status (contract));
  cells[COLUMN_RAG] = comm_rag_to_label (comm_contract_get_rag (contract));
  cells[COLUMN_RAG_DATE] = comm_contract_get_rag_date (contract);
  cells[COLUMN_NEXT_MONITORING] = comm_contract_get_next_monitoring_due (contract);
  cells[COLUMN_OVERDUE] = comm_contract_get_monitoring_overdue (contract) ? _("Yes") : _("No");
  cells[COLUMN_LEAD] = comm_contract_get_lead_commissioner (contract);
  cells[COLUMN_ROUTE] = choice_label (comm_procurement_routes (), comm_contract_get_procurement_route (contract));
  cells[COLUMN_GEOGRAPHY] = choice_label (comm_geographies (), comm_contract_get_geography (contract));

  return comm_csv_writer_write_row (writer, cells, N_COLUMNS, error);
}

static gboolean
write_header (CommCsvWriter  *writer,
              GError        **error)
{
  const char *cells[N_COLUMNS];

  for (guint i = 0; i < N_COLUMNS; i++)
    cells[i] = _(columns[i]);

  return comm_csv_writer_write_row (writer, cells, N_COLUMNS, error);
}

typedef struct {
  GListModel        *contracts;
  CommCsvWriteFlags  flags;
} FileJob;

static gboolean
write_file_content (GOutputStream  *out,
                    gpointer        user_data,
                    GCancellable   *cancellable,
                    GError        **error)
{
  FileJob *job = user_data;

  return comm_export_contracts_csv (job->contracts, out, job->flags, cancellable, NULL, NULL, error);
}

const char * const *
comm_export_contracts_columns (void)
{
  return columns;
}

gboolean
comm_export_contracts_csv (GListModel         *contracts,
                           GOutputStream      *out,
                           CommCsvWriteFlags   flags,
                           GCancellable       *cancellable,
                           void              (*progress) (double fraction, gpointer user_data),
                           gpointer            user_data,
                           GError            **error)
{
  g_autoptr(CommCsvWriter) writer = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (contracts), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  writer = comm_csv_writer_new (out, flags);
  n = g_list_model_get_n_items (contracts);
  if (!write_header (writer, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (contracts, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_contract (writer, contract, error))
        return FALSE;
      if (progress != NULL && (i + 1) % PROGRESS_EVERY == 0)
        progress ((double) (i + 1) / n, user_data);
    }

  if (!comm_csv_writer_finish (writer, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}

gboolean
comm_export_contracts_csv_to_file (GListModel         *contracts,
                                   const char         *path,
                                   CommCsvWriteFlags   flags,
                                   GCancellable       *cancellable,
                                   GError            **error)
{
  FileJob job = { contracts, flags };

  g_return_val_if_fail (G_IS_LIST_MODEL (contracts), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return comm_file_write_atomically (path, write_file_content, &job, cancellable, error);
}
