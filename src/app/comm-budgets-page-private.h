/* comm-budgets-page-private.h: what the Budgets tab's files share (page, actions), and tests */
#pragma once

#include "comm-budget-editor.h"
#include "comm-budget-scenarios-view.h"
#include "comm-budget-years-view.h"
#include "comm-budgets-page.h"
#include "comm-unit-cost-view.h"

G_BEGIN_DECLS

struct _CommBudgetsPage
{
  CommPage                 parent_instance;

  /* Template children */
  AdwViewStack            *views;
  GtkWidget               *selector_bar;
  GtkWidget               *year_box;
  GtkWidget               *pull_button;
  GtkDropDown             *programme_dropdown;
  GtkDropDown             *year_dropdown;
  GtkDropDown             *version_dropdown;
  GtkStringList           *programmes;
  GtkStringList           *years;
  GtkStringList           *versions;
  CommBudgetEditor        *editor;
  CommBudgetScenariosView *scenarios_view;
  CommBudgetYearsView     *years_view;
  CommUnitCostView        *unit_cost_view;
  GtkBox                  *plan_box;
  GtkWidget               *plan_view;

  /* State */
  CommDatabase            *db;          /* the workspace shown (kept to save into on close) */
  GPtrArray               *summaries;   /* CommBudgetSummary* */
  GArray                  *year_values; /* int per item of years */
  GArray                  *version_ids; /* gint64 per item of versions */
  gint64                   budget_id;   /* in the editor; 0 = none */
  CommBudget              *saved;       /* as last saved */
  GPtrArray               *undo;        /* CommBudget*: earlier saved states, newest last */
  guint                    save_source;
  guint                    views_stale : 1;
  guint                    updating : 1;
};

/* comm-budgets-page.c */
/* Re-reads the list of budgets and shows budget @id (0: keep the current choice if it is still
 * there, else a sensible one). */
void     comm_budgets_page_show_budget      (CommBudgetsPage *self,
                                             gint64           id);
/* Saves the editor's changes now if any wait; FALSE (and the reason shown) if they cannot be. */
gboolean comm_budgets_page_save_now         (CommBudgetsPage *self);
/* Replaces the budget with @budget (an edited copy of it): saves it, keeps the state before for
 * Undo and shows it. FALSE with the error shown if it cannot be saved. */
gboolean comm_budgets_page_replace_budget   (CommBudgetsPage *self,
                                             CommBudget      *budget);
/* A toast over the window with @text (plain text, not markup). */
void     comm_budgets_page_toast            (CommBudgetsPage *self,
                                             const char      *text);
/* The programme chosen ("" if none) */
const char *comm_budgets_page_get_programme (CommBudgetsPage *self);

/* comm-budgets-page-actions.c */
void     comm_budgets_page_class_add_actions (GtkWidgetClass  *widget_class);
void     comm_budgets_page_update_actions    (CommBudgetsPage *self);
void     comm_budgets_page_on_line_action    (CommBudgetsPage *self,
                                              guint            line);
/* What the dialogs do, callable directly (tests): */
gboolean comm_budgets_page_create_budget     (CommBudgetsPage *self,
                                              const char      *programme,
                                              const char      *year,
                                              GError         **error);
/* Adds commitments for the contracts @contract_ids (NULL: every one running in the year that
 * is not linked yet); returns how many were added, or -1 with @error. */
int      comm_budgets_page_pull_contracts    (CommBudgetsPage *self,
                                              const GArray    *contract_ids,
                                              GError         **error);
gboolean comm_budgets_page_copy_scenario     (CommBudgetsPage *self,
                                              const char      *name,
                                              GError         **error);
gboolean comm_budgets_page_roll_forward      (CommBudgetsPage *self,
                                              const char      *change,
                                              GError         **error);
/* Imports the published plan in the CSV file @path as @programme's budget for @year. */
gboolean comm_budgets_page_import_plan       (CommBudgetsPage *self,
                                              const char      *programme,
                                              const char      *year,
                                              const char      *path,
                                              GError         **error);
gboolean comm_budgets_page_link_contracts    (CommBudgetsPage *self,
                                              guint            line,
                                              const GArray    *contract_ids,
                                              GError         **error);

/* Widgets, for tests */
CommBudgetEditor        *comm_budgets_page_get_editor         (CommBudgetsPage *self);
CommBudgetScenariosView *comm_budgets_page_get_scenarios_view (CommBudgetsPage *self);
CommBudgetYearsView     *comm_budgets_page_get_years_view     (CommBudgetsPage *self);
CommUnitCostView        *comm_budgets_page_get_unit_cost_view (CommBudgetsPage *self);
void                     comm_budgets_page_set_view           (CommBudgetsPage *self,
                                                               const char      *name);

G_END_DECLS
