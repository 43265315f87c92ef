/* comm-risk-editor.h: the window that edits one risk (or makes a new one) */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-risk.h"
#include "comm-risk-register.h"

G_BEGIN_DECLS

#define COMM_TYPE_RISK_EDITOR (comm_risk_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommRiskEditor, comm_risk_editor, COMM, RISK_EDITOR, AdwWindow)

/* A modal window editing a copy of @risk (NULL: a new risk of @reg) on @reg's scale: every field
 * of a risk, ratings typed as text ("M/H", "4") or picked, the scores worked out as you type,
 * and the first problem found by comm_risk_validate() shown at the bottom (Save stays disabled
 * until there is none). Below, the risk's review history with "Add Review…".
 * Actions (group "editor"): save (Ctrl+S, Ctrl+Return), cancel (Escape), add-review.
 * Signals: "saved" (CommRisk *saved) after a successful save, just before the window closes;
 * "reviews-changed" () after a review was recorded from here. */
CommRiskEditor *comm_risk_editor_new              (CommDatabase     *database,
                                                   CommRiskRegister *reg,
                                                   CommRisk         *risk);
gboolean        comm_risk_editor_is_new           (CommRiskEditor   *self);
/* The copy being edited, as read from the fields so far. */
CommRisk       *comm_risk_editor_get_working_copy (CommRiskEditor   *self);
/* The problem that stops saving now, or NULL. */
const char     *comm_risk_editor_get_problem      (CommRiskEditor   *self);

G_END_DECLS
