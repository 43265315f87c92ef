/* comm-export-transparency.h: the Local Government Transparency Code 2015 contracts CSV */
#pragma once

#include <gio/gio.h>

#include "comm-csv.h"
#include "comm-database.h"

G_BEGIN_DECLS

/* The header row, as the Code words the items (paragraph 34), one column per item, not
 * translated (it is a published data format): Reference number, Title of agreement, Department
 * responsible, Description of goods and/or services, Supplier name, Supplier registration number,
 * SME, VCSE, Sum to be paid over the length of the contract, VAT that cannot be recovered,
 * Start date, End date, Review date, Invitation to quote or to tender. NULL-terminated. */
const char * const *comm_export_transparency_columns (void);

/* Writes the CSV of every contract whose value - the sum of all its funding lines, over the whole
 * contract, which is what the Code means by "the sum to be paid over the length of the contract" -
 * is strictly over @threshold pence (the Code says "exceeds £5,000": a £5,000.00 contract is left
 * out), by reference. Contracts with an in-house provider are left out. Cells: money plain pounds
 * with two decimals ("143000.00"); dates ISO; SME / VCSE "Yes" / "No"; the route "ITT" (open
 * tender, mini-competition), "ITQ" (quotation), "Neither" (grant, direct award) or "" (not
 * recorded); the end date is the termination date, else an agreed extension's end, else the end
 * date; the department is the contract's own, else the workspace's default. Cells that look like
 * formulas are neutralised (see comm-csv.h) unless @flags say not to.
 * @progress (nullable) gets the fraction done; @n_written (nullable) the number of contracts. */
gboolean   comm_export_transparency_csv         (CommDatabase       *db,
                                                 gint64              threshold,
                                                 GOutputStream      *out,
                                                 CommCsvWriteFlags   flags,
                                                 GCancellable       *cancellable,
                                                 void              (*progress) (double fraction, gpointer user_data),
                                                 gpointer            user_data,
                                                 guint              *n_written,
                                                 GError            **error);
/* The same, written to @path atomically (see comm_export_contracts_csv_to_file()). */
gboolean   comm_export_transparency_csv_to_file (CommDatabase       *db,
                                                 gint64              threshold,
                                                 const char         *path,
                                                 CommCsvWriteFlags   flags,
                                                 GCancellable       *cancellable,
                                                 void              (*progress) (double fraction, gpointer user_data),
                                                 gpointer            user_data,
                                                 guint              *n_written,
                                                 GError            **error);

/* The contracts the CSV would hold (same @threshold) that miss something the Code asks for, one
 * line each (char*), by reference: "CS-001 “Family support”: no description, no review date".
 * Checked: department (neither the contract's nor a workspace default), description, supplier
 * registration number (charities, companies and CICs), review date, procurement route.
 * An empty array when all is well; NULL with @error if the workspace can't be read. */
GPtrArray *comm_export_transparency_check       (CommDatabase       *db,
                                                 gint64              threshold,
                                                 GError            **error);

G_END_DECLS
