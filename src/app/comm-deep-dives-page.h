/* comm-deep-dives-page.h: the Deep Dives tab - a year's schedule and the outstanding actions */
#pragma once

#include "comm-page.h"

G_BEGIN_DECLS

#define COMM_TYPE_DEEP_DIVES_PAGE (comm_deep_dives_page_get_type ())
G_DECLARE_FINAL_TYPE (CommDeepDivesPage, comm_deep_dives_page, COMM, DEEP_DIVES_PAGE, CommPage)

GtkWidget  *comm_deep_dives_page_new            (void);
/* The financial year shown (its start year: 2026 is 2026-27). */
int         comm_deep_dives_page_get_year       (CommDeepDivesPage *self);
void        comm_deep_dives_page_set_year       (CommDeepDivesPage *self,
                                                 int                start_year);
/* The schedule rows shown (after search and filters), in order. */
GListModel *comm_deep_dives_page_get_view_model (CommDeepDivesPage *self);
/* The outstanding actions shown, overdue first. */
GListModel *comm_deep_dives_page_get_actions_model (CommDeepDivesPage *self);

G_END_DECLS
