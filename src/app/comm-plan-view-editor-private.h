/* comm-plan-view-editor-private.h: the editor's rows of milestones, updates and links
 * (comm-plan-view-editor-rows.c), shared with comm-plan-view-editor.c */
#pragma once

#include "comm-plan-view-editor.h"

G_BEGIN_DECLS

typedef struct _CommPlanEditorRows CommPlanEditorRows;

/* Rows live in the four groups; @changed is called (with @data) whenever one is edited,
 * added or removed. @contracts: the contracts to offer (CommContract, may be NULL);
 * @budget_lines: CommPlanBudgetLineChoice* (may be NULL). */
CommPlanEditorRows *comm_plan_editor_rows_new      (AdwPreferencesGroup *milestones,
                                                    AdwPreferencesGroup *updates,
                                                    AdwPreferencesGroup *contracts,
                                                    AdwPreferencesGroup *budget_lines,
                                                    GListModel          *contract_list,
                                                    GPtrArray           *budget_choices,
                                                    GCallback            changed,
                                                    gpointer             data);
void                comm_plan_editor_rows_free     (CommPlanEditorRows  *rows);
/* Adds rows for each detail of @intention. */
void                comm_plan_editor_rows_load     (CommPlanEditorRows      *rows,
                                                    const CommPlanIntention *intention);
guint               comm_plan_editor_rows_add_milestone (CommPlanEditorRows *rows,
                                                         gint64              id,
                                                         const char         *name,
                                                         const char         *target_iso_or_text,
                                                         const char         *done_iso_or_text);
void                comm_plan_editor_rows_add_update    (CommPlanEditorRows *rows,
                                                         const CommPlanUpdate *update);
void                comm_plan_editor_rows_add_contract  (CommPlanEditorRows *rows,
                                                         const CommPlanContractLink *link);
void                comm_plan_editor_rows_add_budget    (CommPlanEditorRows *rows,
                                                         const CommPlanBudgetLink *link);
/* Replaces @intention's detail arrays with what the rows say; FALSE with a PARSE error naming
 * the row if a date cannot be read. */
gboolean            comm_plan_editor_rows_read     (CommPlanEditorRows  *rows,
                                                    CommPlanIntention   *intention,
                                                    GError             **error);

G_END_DECLS
