/* comm-budget-section.h: one section of a budget (income, commitments, fixed or percentage
 * allocations) as an editable list of lines
 *
 * Each line is a name entry and an amount (or percentage) entry, then a figure worked out by the
 * editor (a percentage line's pounds), a note ("+1p rounding") and a remove button. Under the
 * entries a line may show an error (why it cannot be saved) and an information text (the contract
 * it came from, a warning that the contract changed) with a button for the line's action.
 * Keyboard: Tab moves along the line and on to the next; Enter in the name goes to the amount;
 * Enter in the amount goes to the next line, adding one at the end; Ctrl+Delete removes the line.
 * The section only holds text: the editor reads it, validates it and sets the results.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum {
  COMM_BUDGET_SECTION_INCOME,
  COMM_BUDGET_SECTION_COMMITMENTS,
  COMM_BUDGET_SECTION_FIXED,
  COMM_BUDGET_SECTION_PERCENT,
  COMM_BUDGET_SECTION_COHORTS,  /* the unit-cost tool: activity counts */
} CommBudgetSectionKind;

#define COMM_TYPE_BUDGET_SECTION (comm_budget_section_get_type ())
G_DECLARE_FINAL_TYPE (CommBudgetSection, comm_budget_section, COMM, BUDGET_SECTION, AdwPreferencesGroup)

/* Signals: "changed" () - a line was typed in, added or removed (not emitted by the setters
 * below while @loading is set with comm_budget_section_set_loading);
 * "line-action" (guint index) - the line's action button was pressed. */
GtkWidget            *comm_budget_section_new              (CommBudgetSectionKind  kind);
CommBudgetSectionKind comm_budget_section_get_kind         (CommBudgetSection     *self);
void                  comm_budget_section_clear            (CommBudgetSection     *self);
/* Appends a line and returns its index. */
guint                 comm_budget_section_add_line         (CommBudgetSection     *self,
                                                            const char            *name,
                                                            const char            *value);
void                  comm_budget_section_remove_line      (CommBudgetSection     *self,
                                                            guint                  index);
guint                 comm_budget_section_get_n_lines      (CommBudgetSection     *self);
const char           *comm_budget_section_get_name         (CommBudgetSection     *self,
                                                            guint                  index);
const char           *comm_budget_section_get_value        (CommBudgetSection     *self,
                                                            guint                  index);
void                  comm_budget_section_set_value        (CommBudgetSection     *self,
                                                            guint                  index,
                                                            const char            *value);
/* Data the owner keeps with the line (NULL when not set): e.g. the stored line. The section
 * frees it with @destroy when the line goes or the data is replaced. */
gpointer              comm_budget_section_get_line_data    (CommBudgetSection     *self,
                                                            guint                  index);
void                  comm_budget_section_set_line_data    (CommBudgetSection     *self,
                                                            guint                  index,
                                                            gpointer               data,
                                                            GDestroyNotify         destroy);
/* The worked-out figure beside the entries (NULL hides it) and the rounding note: @moved shows
 * "+1p rounding" with @note_description as its tooltip and accessible description. */
void                  comm_budget_section_set_result       (CommBudgetSection     *self,
                                                            guint                  index,
                                                            const char            *result,
                                                            gboolean               moved,
                                                            const char            *note_description);
/* Why the line cannot be saved (NULL clears it); @on_value says which entry to mark. */
void                  comm_budget_section_set_error        (CommBudgetSection     *self,
                                                            guint                  index,
                                                            const char            *message,
                                                            gboolean               on_value);
/* Information under the line (NULL hides it); @warning shows a warning icon before it;
 * @action_label (NULL: none) names a button that emits "line-action". */
void                  comm_budget_section_set_info         (CommBudgetSection     *self,
                                                            guint                  index,
                                                            const char            *info,
                                                            gboolean               warning,
                                                            const char            *action_label);
/* The section's total, shown under the list. */
void                  comm_budget_section_set_total        (CommBudgetSection     *self,
                                                            const char            *total);
void                  comm_budget_section_focus_line       (CommBudgetSection     *self,
                                                            guint                  index,
                                                            gboolean               value);
/* While TRUE, edits made through this API do not emit "changed". */
void                  comm_budget_section_set_loading      (CommBudgetSection     *self,
                                                            gboolean               loading);
/* The entries, for tests. */
GtkEditable          *comm_budget_section_get_name_entry   (CommBudgetSection     *self,
                                                            guint                  index);
GtkEditable          *comm_budget_section_get_value_entry  (CommBudgetSection     *self,
                                                            guint                  index);
/* The text of the result and note labels, for tests ("" when hidden). */
const char           *comm_budget_section_get_result       (CommBudgetSection     *self,
                                                            guint                  index);
gboolean              comm_budget_section_get_moved        (CommBudgetSection     *self,
                                                            guint                  index);

G_END_DECLS
