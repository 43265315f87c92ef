/* comm-deep-dives-page-private.h: what the Deep Dives tab's files share (page, actions, tests) */
#pragma once

#include "comm-deep-dive-cells.h"
#include "comm-deep-dives-page.h"
#include "comm-undo-stack.h"

G_BEGIN_DECLS

struct _CommDeepDivesPage
{
  CommPage             parent_instance;

  /* Template widgets */
  GtkDropDown         *year_dropdown;
  GtkToggleButton     *schedule_toggle;
  GtkToggleButton     *actions_toggle;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *area_dropdown;
  GtkDropDown         *reviewer_dropdown;
  GtkDropDown         *status_dropdown;
  GtkWidget           *clear_button;
  GtkBox              *counts_box;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnView       *actions_view;
  GtkLabel            *status_label;

  /* Models: store -> sort (column sorters) -> filter -> selection -> column view */
  GListStore          *store;            /* CommDeepDiveRow of the year */
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  GtkSingleSelection  *selection;
  GListStore          *actions;          /* CommActionItem, outstanding, overdue first */
  GtkFilterListModel  *actions_filter_model;
  GtkCustomFilter     *actions_filter;
  GtkSingleSelection  *actions_selection;
  GtkStringList       *years;            /* labels; item i is first_year + i */
  GtkStringList       *areas;            /* "All service areas", then the areas present */
  GtkStringList       *reviewers;        /* "All reviewers", then the reviewers present */
  GtkLabel            *count_labels[COMM_DEEP_DIVE_N_STATUSES];

  /* State */
  int                  first_year;
  int                  year;
  GDate                today;
  char                *search;           /* folded, NULL for none */
  char                *area_filter;      /* an area label, NULL for all */
  char                *reviewer_filter;  /* NULL for all */
  int                  status_filter;    /* a CommDeepDiveStatus, -1 for all */
  CommUndoStack       *undo;           /* made on the first undoable change (comm-undo-stack.h) */
  GHashTable          *editors;          /* Deep Dive id (gint64*) -> its editor window (weak) */
  guint                updating_filters : 1;
  guint                needs_load : 1;    /* the workspace changed while the tab was not shown */
};

/* comm-deep-dives-page.c */
CommDeepDiveRow *comm_deep_dives_page_get_selected   (CommDeepDivesPage *self);
/* Reads the year again (after a write), keeping filters and the selection of @contract_id
 * (0: the row selected now). */
void             comm_deep_dives_page_reload         (CommDeepDivesPage *self,
                                                      gint64             contract_id);
void             comm_deep_dives_page_clear_filters  (CommDeepDivesPage *self);
void             comm_deep_dives_page_focus_search   (CommDeepDivesPage *self);
/* Shows the schedule (FALSE) or the outstanding actions (TRUE). */
void             comm_deep_dives_page_show_actions   (CommDeepDivesPage *self,
                                                      gboolean           actions);
/* Opens (or brings forward) the editor of Deep Dive @id. Returns its window or NULL. */
GtkWindow       *comm_deep_dives_page_open_deep_dive (CommDeepDivesPage *self,
                                                      gint64             id);

/* comm-deep-dives-page-filters.c */
gboolean         comm_deep_dives_page_filter_row        (gpointer           item,
                                                         gpointer           user_data);
gboolean         comm_deep_dives_page_filter_action     (gpointer           item,
                                                         gpointer           user_data);
gboolean         comm_deep_dives_page_filters_active    (CommDeepDivesPage *self);
/* The search or a filter changed: filters both lists again. */
void             comm_deep_dives_page_refilter          (CommDeepDivesPage *self);
/* Fills the area and reviewer drop-downs with the values of the year, keeping the choices. */
void             comm_deep_dives_page_rebuild_choices   (CommDeepDivesPage *self);

/* comm-deep-dives-page-actions.c */
void             comm_deep_dives_page_class_add_actions (GtkWidgetClass    *widget_class);
void             comm_deep_dives_page_update_actions    (CommDeepDivesPage *self);
/* The Deep Dives made by "Propose Schedule" (their ids, gint64) as one undoable step. */
void             comm_deep_dives_page_push_undo         (CommDeepDivesPage *self,
                                                         GArray            *created_ids,
                                                         const char        *message);
gboolean         comm_deep_dives_page_undo_newest       (CommDeepDivesPage *self);
void             comm_deep_dives_page_clear_undo        (CommDeepDivesPage *self);
/* The "date, reviewer and contact" dialog for @row (plans a Deep Dive for a row without one).
 * Returns the dialog (for tests). */
GtkWindow       *comm_deep_dives_page_plan              (CommDeepDivesPage *self,
                                                         CommDeepDiveRow   *row);

G_END_DECLS
