/* comm-risks-page-private.h: what the Risks tab's files share (page, actions) */
#pragma once

#include "comm-heat-map-view.h"
#include "comm-risk-cells.h"
#include "comm-risk-store.h"
#include "comm-risks-page.h"
#include "comm-risks-sidebar.h"
#include "comm-undo-stack.h"

G_BEGIN_DECLS

struct _CommRisksPage
{
  CommPage             parent_instance;

  /* Template widgets and models */
  GtkStack            *outer_stack;
  GtkListView         *register_list;
  GtkSingleSelection  *register_selection;
  GtkLabel            *register_title;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *chip_revealer;
  GtkLabel            *chip_label;
  GtkStack            *stack;
  GtkStack            *list_stack;
  CommHeatMapView     *heat_map;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkLabel            *status_label;
  GtkColumnViewColumn *columns[COMM_RISK_N_CELLS];

  /* State */
  GListStore          *registers;      /* CommRiskRegister, as the store lists them */
  GListStore          *store;          /* the risks of the view shown, CommRisk */
  GtkCustomFilter     *filter;
  CommRiskRegister    *current;        /* NULL: the top risks across all registers */
  gint64               current_id;     /* 0: the top risks */
  CommRiskScaleKind    view_scale;     /* the heat map's scale (5 x 5 for the top risks) */
  char               **search_words;   /* folded; NULL for none */
  int                  cell_which;     /* CommHeatMapWhich of the cell filter, -1 for none */
  guint                cell_likelihood;
  guint                cell_impact;
  GDate                today;
  CommUndoStack       *undo;           /* made on the first undoable change (comm-undo-stack.h) */
  guint                needs_load : 1; /* the workspace changed while the tab was not shown */
  guint                filling_sidebar : 1;
};

/* comm-risks-page.c */
CommRisk *comm_risks_page_get_selected       (CommRisksPage *self);
/* Reads the registers and the risks of the view again, keeping the view, the filters and the
 * selected risk (@select_id, 0 for the one selected now). */
void      comm_risks_page_refresh            (CommRisksPage *self,
                                              gint64         select_id);
/* Shows register @id (0: the top risks). */
void      comm_risks_page_show_register      (CommRisksPage *self,
                                              gint64         id);
void      comm_risks_page_clear_cell         (CommRisksPage *self);
void      comm_risks_page_clear_filters      (CommRisksPage *self);
void      comm_risks_page_focus_search       (CommRisksPage *self);

/* comm-risks-page-actions.c */
void      comm_risks_page_class_add_actions  (GtkWidgetClass *widget_class);
void      comm_risks_page_update_actions     (CommRisksPage  *self);
/* Remembers an add (undo deletes the risk) or a delete (undo restores it) and shows a toast
 * with an Undo button. */
void      comm_risks_page_push_undo          (CommRisksPage  *self,
                                              gboolean        was_added,
                                              CommRisk       *risk,
                                              const char     *message);
gboolean  comm_risks_page_undo_newest        (CommRisksPage  *self);
void      comm_risks_page_clear_undo         (CommRisksPage  *self);
/* Opens the risk editor on @risk (NULL: a new risk in the register shown). */
GtkWindow *comm_risks_page_open_editor       (CommRisksPage  *self,
                                              CommRisk       *risk);

G_END_DECLS
