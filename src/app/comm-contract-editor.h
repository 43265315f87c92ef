/* comm-contract-editor.h: the window that edits one contract (or makes a new one) */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_CONTRACT_EDITOR (comm_contract_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommContractEditor, comm_contract_editor, COMM, CONTRACT_EDITOR, AdwWindow)

/* A modal window editing a copy of @contract (details loaded: comm_contract_store_get), or a new
 * contract when NULL. Nothing reaches the workspace before Save; Cancel throws the copy away
 * (asking first if anything was typed).
 * Actions (group "editor"): save (Ctrl+S, Ctrl+Return; disabled while there are problems),
 * cancel (Escape).
 * Signals: "saved" (CommContract *saved) after a successful save, just before the window
 * closes; "providers-changed" after a provider was added or edited from here. */
CommContractEditor *comm_contract_editor_new              (CommDatabase       *database,
                                                           CommContract       *contract);
/* TRUE if the editor was opened for a new contract. */
gboolean            comm_contract_editor_is_new           (CommContractEditor *self);
/* The copy being edited, as read from the fields so far. */
CommContract       *comm_contract_editor_get_working_copy (CommContractEditor *self);
/* The problems that stop saving now (CommProblem*; owned by the editor). */
GPtrArray          *comm_contract_editor_get_problems     (CommContractEditor *self);

G_END_DECLS
