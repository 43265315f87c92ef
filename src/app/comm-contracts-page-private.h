/* comm-contracts-page-private.h: what the Contracts tab's files share (page, actions) */
#pragma once

#include "comm-contract-cells.h"
#include "comm-contracts-filter.h"
#include "comm-contracts-page.h"
#include "comm-undo-stack.h"

G_BEGIN_DECLS

struct _CommContractsPage
{
  CommPage                 parent_instance;

  /* Template widgets and models */
  GtkSearchEntry          *search_entry;
  GtkDropDown             *area_dropdown;
  GtkDropDown             *status_dropdown;
  GtkDropDown             *rag_dropdown;
  GtkDropDown             *ends_dropdown;
  GtkDropDown             *banding_dropdown;
  GtkCheckButton          *overdue_check;
  GtkWidget               *clear_button;
  GtkBox                  *filter_bar;
  GtkStack                *stack;
  GtkColumnView           *column_view;
  GtkSingleSelection      *selection;
  GtkSortListModel        *sort_model;
  GtkFilterListModel      *filter_model;
  GtkLabel                *status_label;
  GtkColumnViewColumn     *reference_column;
  GtkColumnViewColumn     *title_column;
  GtkColumnViewColumn     *provider_column;
  GtkColumnViewColumn     *area_column;
  GtkColumnViewColumn     *value_column;
  GtkColumnViewColumn     *start_column;
  GtkColumnViewColumn     *end_column;
  GtkColumnViewColumn     *status_column;
  GtkColumnViewColumn     *rag_column;
  GtkColumnViewColumn     *monitoring_column;

  /* State */
  GListStore              *store;         /* every contract, CommContract */
  CommContractsFilter     *filter;
  GtkStringList           *areas;         /* "All service areas", then the areas present */
  CommContractCellContext  cell_context;
  CommUndoStack       *undo;           /* made on the first undoable change (comm-undo-stack.h) */
  GCancellable            *cancellable;   /* exports under way; cancelled on dispose */
  guint                    fold_source;   /* idle folding the search keys after a load */
  guint                    fold_position;
  guint                    updating_filters : 1;
};

/* comm-contracts-page.c */
CommContract *comm_contracts_page_get_selected     (CommContractsPage *self);
/* Reads the contract again from the workspace, puts it in the list in place of the old row (or
 * adds it) and selects it. Returns the fresh contract (owned by the list) or NULL on error. */
CommContract *comm_contracts_page_reload_contract  (CommContractsPage *self,
                                                    gint64             id);
void          comm_contracts_page_remove_contract  (CommContractsPage *self,
                                                    gint64             id);
/* Reloads every row (after provider changes), keeping filters and the selection. */
void          comm_contracts_page_reload           (CommContractsPage *self);
void          comm_contracts_page_clear_filters    (CommContractsPage *self);
void          comm_contracts_page_focus_search     (CommContractsPage *self);

/* comm-contracts-page-actions.c */
void          comm_contracts_page_class_add_actions (GtkWidgetClass   *widget_class);
void          comm_contracts_page_update_actions    (CommContractsPage *self);
/* Remembers an add (undo deletes it) or a delete (undo restores it) and shows a toast with an
 * Undo button. */
void          comm_contracts_page_push_undo         (CommContractsPage *self,
                                                     gboolean           was_added,
                                                     CommContract      *contract,
                                                     const char        *message);
gboolean      comm_contracts_page_undo_newest       (CommContractsPage *self);
void          comm_contracts_page_clear_undo        (CommContractsPage *self);

G_END_DECLS
