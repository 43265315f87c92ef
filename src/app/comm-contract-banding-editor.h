/* comm-contract-banding-editor.h: a contract's risk and equality impact banding, with history */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-contract-banding.h"

G_BEGIN_DECLS

#define COMM_TYPE_CONTRACT_BANDING_EDITOR (comm_contract_banding_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommContractBandingEditor, comm_contract_banding_editor, COMM, CONTRACT_BANDING_EDITOR, AdwPreferencesGroup)

/* A group showing a contract's current banding (risk 0-3, equality impact 1-3, date, reason),
 * a form to record a new one, and the earlier ones. A banding is recorded in the workspace at
 * once (it is history, not a field of the contract: comm_contract_banding_add), so a contract
 * must be saved before it can be banded.
 * Signal: "changed" () after a banding was recorded. */
GtkWidget *comm_contract_banding_editor_new          (void);
/* Shows contract @contract_id of @database (0: a contract not saved yet). */
void       comm_contract_banding_editor_set_contract (CommContractBandingEditor *self,
                                                      CommDatabase              *database,
                                                      gint64                     contract_id);
/* Records a banding as the form does; @banded_on as typed ("" for today). On failure the
 * message is also shown under the form. */
gboolean   comm_contract_banding_editor_record       (CommContractBandingEditor *self,
                                                      int                        risk_banding,
                                                      int                        equality_banding,
                                                      const char                *banded_on,
                                                      const char                *reason,
                                                      GError                   **error);
/* Adds a banding editor for @contract_id at the end of the first AdwPreferencesPage inside
 * @editor_window (the contract editor) and returns it. */
CommContractBandingEditor *comm_contract_banding_editor_attach (GtkWidget    *editor_window,
                                                                CommDatabase *database,
                                                                gint64        contract_id);

G_END_DECLS
