/* comm-placeholder-page.h: a tab that a later version builds, saying so plainly */
#pragma once

#include "comm-page.h"

G_BEGIN_DECLS

#define COMM_TYPE_PLACEHOLDER_PAGE (comm_placeholder_page_get_type ())
G_DECLARE_FINAL_TYPE (CommPlaceholderPage, comm_placeholder_page, COMM, PLACEHOLDER_PAGE, CommPage)

GtkWidget *comm_placeholder_page_new (const char *title,
                                      const char *icon_name,
                                      const char *description);

G_END_DECLS
