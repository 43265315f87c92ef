/* comm-contracts-export.h: the Contracts tab's "Export CSV…" - what is shown, as shown */
#pragma once

#include "comm-page.h"

G_BEGIN_DECLS

/* Asks where to save (GtkFileChooserNative, suggesting "contracts-YYYY-MM-DD.csv", with a choice
 * "Include byte-order mark for Excel"), then runs comm_contracts_export_run(). */
void     comm_contracts_export_choose  (CommPage             *page,
                                        GListModel           *view,
                                        GCancellable         *cancellable);
/* Writes the rows of @view (in their order, as they are now) to @file in a worker thread, then
 * shows a toast on @page ("Exported 23 contracts to contracts.csv") or the error. @callback
 * (nullable) runs after that; finish with comm_contracts_export_finish(). */
void     comm_contracts_export_run     (CommPage             *page,
                                        GListModel           *view,
                                        GFile                *file,
                                        CommCsvWriteFlags     flags,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
/* The number of contracts written, or 0 with @error set. */
guint    comm_contracts_export_finish  (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
