/* comm-contracts-page.h: the Contracts tab - the register, its filters and editors */
#pragma once

#include "comm-page.h"

G_BEGIN_DECLS

#define COMM_TYPE_CONTRACTS_PAGE (comm_contracts_page_get_type ())
G_DECLARE_FINAL_TYPE (CommContractsPage, comm_contracts_page, COMM, CONTRACTS_PAGE, CommPage)

/* Actions (installed on the class, group "contracts"): new (Ctrl+N), edit (Return on a row),
 * duplicate (Ctrl+D), delete (Delete), undo, export (Ctrl+E: CSV of the view), search (Ctrl+F),
 * providers (Ctrl+P: the providers list). */
GtkWidget   *comm_contracts_page_new             (void);
/* The filtered, sorted view as shown (GListModel of CommContract), for tests and export. */
GListModel  *comm_contracts_page_get_view_model  (CommContractsPage *self);
/* Opens the editor for a contract (NULL: a new one); returns the editor window, for tests. */
GtkWindow   *comm_contracts_page_open_editor     (CommContractsPage *self,
                                                  CommContract      *contract);

G_END_DECLS
