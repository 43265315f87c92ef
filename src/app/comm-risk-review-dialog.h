/* comm-risk-review-dialog.h: record a review of a risk; the earlier reviews below */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-risk.h"

G_BEGIN_DECLS

#define COMM_TYPE_RISK_REVIEW_DIALOG (comm_risk_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CommRiskReviewDialog, comm_risk_review_dialog, COMM, RISK_REVIEW_DIALOG, AdwWindow)

/* A modal window adding one review to @risk's history: date (today to start with), reviewer,
 * new residual ratings on the risk's scale (typed, "M/H" or "4", or picked), next review date
 * and a note. Problems are shown under the form as typed; the store checks the rest (a date
 * before the risk was raised ...) on Save, and its message is shown without losing anything.
 * Actions (group "review"): save (Ctrl+S, Ctrl+Return), cancel (Escape).
 * Signal: "saved" () after the review was recorded, just before the window closes. */
CommRiskReviewDialog *comm_risk_review_dialog_new (CommDatabase *database,
                                                   CommRisk     *risk);

G_END_DECLS
