/* comm-risks-sidebar.h: the Risks tab's list of registers, grouped by kind */
#pragma once

#include <gtk/gtk.h>

#include "comm-risk-register.h"

G_BEGIN_DECLS

#define COMM_TYPE_RISKS_SIDEBAR_ITEM (comm_risks_sidebar_item_get_type ())
G_DECLARE_FINAL_TYPE (CommRisksSidebarItem, comm_risks_sidebar_item, COMM, RISKS_SIDEBAR_ITEM, GObject)

/* The register an item stands for: 0 for "Top risks across all registers", -1 for a heading. */
gint64              comm_risks_sidebar_item_get_id    (CommRisksSidebarItem *self);

/* The sidebar's items: "Top risks across all registers", then a heading and the registers of
 * each kind (programme, procurement, contract) by name. @registers holds CommRiskRegister. */
GListStore         *comm_risks_sidebar_build          (GListModel           *registers);
/* A factory for a GtkListView over those items: headings are not selectable; a register shows
 * its name and "scale · N open · N reviews overdue" (with a warning icon when overdue). Only the
 * rows on screen are made, so 500 registers cost what 30 do. */
GtkListItemFactory *comm_risks_sidebar_factory_new    (void);
/* The position of register @id (0: the top risks) in @items, or GTK_INVALID_LIST_POSITION. */
guint               comm_risks_sidebar_find           (GListModel           *items,
                                                       gint64                id);

G_END_DECLS
