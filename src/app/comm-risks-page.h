/* comm-risks-page.h: the Risks tab - registers, their risks, the heat map */
#pragma once

#include "comm-page.h"

G_BEGIN_DECLS

#define COMM_TYPE_RISKS_PAGE (comm_risks_page_get_type ())
G_DECLARE_FINAL_TYPE (CommRisksPage, comm_risks_page, COMM, RISKS_PAGE, CommPage)

/* The tab reads the workspace when it is first shown (and again when shown after the workspace
 * changed), so opening a workspace never waits for its risks.
 * Actions (group "risks"): new (Ctrl+N), edit (Return on a row), duplicate (Ctrl+D),
 * delete (Delete), undo, review, search, clear-cell, clear-filters, new-register,
 * edit-register, import (Ctrl+I: CommRiskImportDialog). */
GtkWidget  *comm_risks_page_new            (void);
/* The risks shown, in the order shown (after search and the heat-map cell). */
GListModel *comm_risks_page_get_view_model (CommRisksPage *self);

G_END_DECLS
