/* comm-deep-dive-cells.h: the cells of the Deep Dive schedule and of the outstanding actions */
#pragma once

#include <gtk/gtk.h>

#include "commissioner-core.h"
#include "comm-deep-dive-schedule.h"

G_BEGIN_DECLS

typedef enum {
  COMM_DEEP_DIVE_CELL_REFERENCE,
  COMM_DEEP_DIVE_CELL_TITLE,
  COMM_DEEP_DIVE_CELL_PROVIDER,
  COMM_DEEP_DIVE_CELL_SERVICE_AREA,
  COMM_DEEP_DIVE_CELL_SCHEDULED,
  COMM_DEEP_DIVE_CELL_REVIEWER,
  COMM_DEEP_DIVE_CELL_STATUS,
  COMM_DEEP_DIVE_CELL_PROGRESS,
} CommDeepDiveCell;

typedef enum {
  COMM_ACTION_CELL_DUE,
  COMM_ACTION_CELL_DESCRIPTION,
  COMM_ACTION_CELL_OWNER,
  COMM_ACTION_CELL_CONTRACT,
  COMM_ACTION_CELL_AREA,
  COMM_ACTION_CELL_YEAR,
} CommActionCell;

/* A light object over one CommActionRow, for list models. */
#define COMM_TYPE_ACTION_ITEM (comm_action_item_get_type ())
G_DECLARE_FINAL_TYPE (CommActionItem, comm_action_item, COMM, ACTION_ITEM, GObject)

/* Takes ownership of @row. */
CommActionItem     *comm_action_item_new             (CommActionRow    *row);
CommActionRow      *comm_action_item_get_row         (CommActionItem   *self);

/* A factory of labels for one column of the schedule (items: CommDeepDiveRow). */
GtkListItemFactory *comm_deep_dive_cell_factory_new  (CommDeepDiveCell  cell);
/* A factory of labels for one column of the outstanding actions (items: CommActionItem). */
GtkListItemFactory *comm_action_cell_factory_new     (CommActionCell    cell);

/* Adds the columns of the schedule (sortable) and of the outstanding actions. */
void                comm_deep_dive_cells_add_columns (GtkColumnView    *schedule,
                                                      GtkColumnView    *actions);
/* The style class of a status ("dd-overdue", ...), for a label that also has "dd-status". */
const char         *comm_deep_dive_status_css_class  (CommDeepDiveStatus status);
/* The icon of a status (the same as the style draws). */
const char         *comm_deep_dive_status_icon_name  (CommDeepDiveStatus status);
/* What a row's status cell says: "Overdue", "No Deep Dive" ... */
const char         *comm_deep_dive_cell_status_text  (CommDeepDiveRow   *row);

G_END_DECLS
