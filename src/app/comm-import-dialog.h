/* comm-import-dialog.h: Import Contracts - choose a CSV file, check the columns, preview, import
 *
 * The file is read and every row checked in a worker thread (its own database connection) behind
 * a progress bar with Cancel; the preview lists new, updated, rejected and flagged rows with
 * reasons; Import All / Import Good Rows Only write in one transaction, also in a worker thread.
 * "imported" is emitted after a successful import (the window then reloads its tabs).
 */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_IMPORT_DIALOG (comm_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CommImportDialog, comm_import_dialog, COMM, IMPORT_DIALOG, AdwWindow)

CommImportDialog *comm_import_dialog_new       (GtkWindow        *parent,
                                                CommDatabase     *database);
/* Reads @path and checks it (asynchronously; what "Choose File…" does after the chooser). */
void              comm_import_dialog_load_file (CommImportDialog *self,
                                                const char       *path);
/* TRUE while a file is read, checked or imported. */
gboolean          comm_import_dialog_get_busy  (CommImportDialog *self);

G_END_DECLS
