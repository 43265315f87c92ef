/* comm-export-contracts.h: the contracts register (or any filtered, sorted view of it) as CSV */
#pragma once

#include <gio/gio.h>

#include "comm-csv.h"

G_BEGIN_DECLS

/* The header row: Reference, Title, Provider, Service area, Annual value, Total value, Start,
 * End, Status, RAG, RAG date, Next monitoring due, Monitoring overdue, Lead commissioner,
 * Procurement route, Geography. Dates ISO; money plain pounds with two decimals ("143000.00"). */
const char * const *comm_export_contracts_columns (void);

/* Writes @contracts (a GListModel of CommContract, in its order) as CSV to @out.
 * @progress (nullable) is called every 500 rows with the fraction done. Cancellable. */
gboolean comm_export_contracts_csv (GListModel         *contracts,
                                    GOutputStream      *out,
                                    CommCsvWriteFlags   flags,
                                    GCancellable       *cancellable,
                                    void              (*progress) (double fraction, gpointer user_data),
                                    gpointer            user_data,
                                    GError            **error);
/* Convenience: writes to @path atomically (a temporary file renamed into place), so a failure
 * (disk full, cancelled) leaves any existing file untouched. */
gboolean comm_export_contracts_csv_to_file (GListModel         *contracts,
                                            const char         *path,
                                            CommCsvWriteFlags   flags,
                                            GCancellable       *cancellable,
                                            GError            **error);

G_END_DECLS
