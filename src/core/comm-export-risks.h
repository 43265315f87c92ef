/* comm-export-risks.h: a risk register as CSV
 *
 * The columns are the ones comm-import-risks.h reads back (a register exported and imported
 * into a new register gives the same risks): Reference, Title, Cause, Consequence, Owner,
 * Category, Inherent likelihood, Inherent impact, Inherent score, Controls, Response,
 * Residual likelihood, Residual impact, Residual score, Target likelihood, Target impact,
 * Raised, Review due, Review every (months), Status, Contract, Register, Rolled up.
 * Ratings in canonical form ("4", "M/H"); scores as comm_risk_dup_score_text(); dates ISO;
 * storage names for response and status ("treat", "open"); "" for unset values.
 */
#pragma once

#include <gio/gio.h>

#include "comm-csv.h"
#include "comm-database.h"

G_BEGIN_DECLS

const char * const *comm_export_risks_columns (void);

/* Writes @risks (a GListModel of CommRisk, in its order) as CSV to @out. */
gboolean comm_export_risks_csv         (GListModel         *risks,
                                        GOutputStream      *out,
                                        CommCsvWriteFlags   flags,
                                        GCancellable       *cancellable,
                                        GError            **error);
/* The same to @path, atomically (a failure leaves any existing file untouched). */
gboolean comm_export_risks_csv_to_file (GListModel         *risks,
                                        const char         *path,
                                        CommCsvWriteFlags   flags,
                                        GCancellable       *cancellable,
                                        GError            **error);

G_END_DECLS
