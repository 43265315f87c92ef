/* comm-contract-store.h: contracts in the workspace */
#pragma once

#include <gio/gio.h>

#include "comm-contract.h"
#include "comm-database.h"

G_BEGIN_DECLS

/* The reminder lead times in force: the workspace setting "reminder-leads", else 12, 6, 3. */
GArray       *comm_contract_store_reminder_leads (CommDatabase  *db);

/* Every contract not deleted, by reference, with the summary computed in one query (provider
 * name, value, annual value for @today's financial year, latest RAG, last meeting) and derived
 * properties refreshed for @today. Detail arrays are not loaded. Returns a GListStore of CommContract. */
GListStore   *comm_contract_store_list           (CommDatabase  *db,
                                                  const GDate   *today,
                                                  GError       **error);
/* One contract with its detail arrays loaded and derived properties refreshed. NOT_FOUND if absent
 * or deleted. */
CommContract *comm_contract_store_get            (CommDatabase  *db,
                                                  gint64         id,
                                                  const GDate   *today,
                                                  GError       **error);
/* Fills the detail arrays of a contract from the list. */
gboolean      comm_contract_store_load_details   (CommDatabase  *db,
                                                  CommContract  *contract,
                                                  GError       **error);
/* Validates (INVALID with the first problem's message if any), checks the reference is unique,
 * then in one transaction inserts or updates the contract and replaces its funding lines, RAG
 * history and meetings with the arrays (rows keep their ids where they have one). Sets the id of a
 * new contract (and of new rows) and "provider-name"; derived properties are left for the caller
 * to refresh. On failure nothing is written and the object keeps its ids. An existing contract
 * whose details are not loaded (a row of the list) has them loaded first, so they are kept. */
gboolean      comm_contract_store_save           (CommDatabase  *db,
                                                  CommContract  *contract,
                                                  GError       **error);
/* Soft delete (kept in the file, hidden from lists) and its undo. */
gboolean      comm_contract_store_delete         (CommDatabase  *db,
                                                  gint64         id,
                                                  GError       **error);
gboolean      comm_contract_store_restore        (CommDatabase  *db,
                                                  gint64         id,
                                                  GError       **error);
/* TRUE if a contract that is not deleted, other than @except_id, has @reference (case-insensitive). */
gboolean      comm_contract_store_reference_exists (CommDatabase *db,
                                                    const char   *reference,
                                                    gint64        except_id);
/* "<reference>-COPY", then "-COPY2", "-COPY3" ... whichever is free. */
char         *comm_contract_store_free_copy_reference (CommDatabase *db,
                                                       const char   *reference);

G_END_DECLS
