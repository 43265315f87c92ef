/* comm-risk-import-dialog.h: Import a risk register from CSV - choose the register and a file,
 * preview what would change, import
 *
 * The register is an existing one (preselected: the one the Risks tab shows) or a new one with
 * a name and a scale (5 x 5 or Low / Medium / High). The file is read and every row checked in a
 * worker thread (its own database connection) behind a progress bar with Cancel; the preview
 * shows the detected encoding and separator, the counts, and the rejected rows (CSV line,
 * column, cell, reason) then the new and updated ones; under Columns the column each field is
 * read from can be chosen (found by the headers at first), and the rejected rows can be saved
 * as CSV to put right. Import All (only when no row was rejected) and Import Good Rows Only
 * write in one transaction, also in a worker thread.
 * "imported" (guint n_risks, const char *register_name) is emitted after a successful import,
 * and the dialog closes.
 */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_RISK_IMPORT_DIALOG (comm_risk_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CommRiskImportDialog, comm_risk_import_dialog, COMM, RISK_IMPORT_DIALOG, AdwWindow)

/* @register_name (nullable): the register to preselect, e.g. the one shown. */
CommRiskImportDialog *comm_risk_import_dialog_new          (GtkWindow            *parent,
                                                            CommDatabase         *database,
                                                            const char           *register_name);
/* Selects the existing register called @name (ignoring case), else a new register called @name
 * on @scale; checks the file again if one is loaded. */
void                  comm_risk_import_dialog_set_register (CommRiskImportDialog *self,
                                                            const char           *name,
                                                            CommRiskScaleKind     scale);
/* Reads @path and checks it (asynchronously; what "Choose File…" does after the chooser). */
void                  comm_risk_import_dialog_load_file    (CommRiskImportDialog *self,
                                                            const char           *path);
/* TRUE while a file is read, checked or imported. */
gboolean              comm_risk_import_dialog_get_busy     (CommRiskImportDialog *self);

G_END_DECLS
