/* comm-risk-register-editor.h: the window that edits a risk register's settings */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-risk-register.h"

G_BEGIN_DECLS

#define COMM_TYPE_RISK_REGISTER_EDITOR (comm_risk_register_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommRiskRegisterEditor, comm_risk_register_editor, COMM, RISK_REGISTER_EDITOR, AdwWindow)

/* A modal window editing a copy of @reg (NULL: a new register): name, what it is kept for
 * (programme, procurement or contract, with the contract), the programme register it rolls up
 * into, owner, description, and the scale with its 5 x 5 bands. Choosing another scale for a
 * register that holds risks opens a preview of the core's mapping of every rating (those that
 * would not map back flagged "check") and asks; the change is made on Save, after the other
 * settings. Actions (group "register"): save (Ctrl+S), cancel (Escape).
 * Signals: "saved" (CommRiskRegister *saved) just before the window closes; "deleted" (const char
 * *name) when the register (one with no risks) was deleted, just before the window closes. */
CommRiskRegisterEditor *comm_risk_register_editor_new         (CommDatabase           *database,
                                                               CommRiskRegister       *reg);
/* The scale-change question while it is shown (for tests), else NULL. */
GtkWindow              *comm_risk_register_editor_get_preview (CommRiskRegisterEditor *self);
/* The scale chosen and confirmed (the stored one until a change is confirmed). */
CommRiskScaleKind       comm_risk_register_editor_get_scale   (CommRiskRegisterEditor *self);

G_END_DECLS
