/* comm-budget-scenarios-view.c: the Scenarios view - pick scenarios, compare them side by side
 *
 * The budgets are read once when the view is loaded; ticking a scenario only rebuilds the
 * comparison from those copies in memory.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budget-scenarios-view.h"

struct _CommBudgetScenariosView
{
  GtkBox           parent_instance;

  GtkStack        *stack;
  GtkFlowBox      *choices_box;
  GtkLabel        *heading_label;
  CommBudgetTable *table;

  GPtrArray       *budgets;  /* CommBudget*: the base, then its scenarios */
  GPtrArray       *checks;   /* GtkCheckButton*, one per budget */
};

G_DEFINE_FINAL_TYPE (CommBudgetScenariosView, comm_budget_scenarios_view, GTK_TYPE_BOX)

static void
rebuild_comparison (CommBudgetScenariosView *self)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  CommBudgetComparison *comparison;

  for (guint i = 0; i < self->budgets->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (self->budgets, i));

  if (chosen->len == 0)
    {
      comm_budget_table_set_comparison (self->table, NULL);
      gtk_stack_set_visible_child_name (self->stack, "none-chosen");
      return;
    }

  comparison = comm_budget_comparison_new ((const CommBudget * const *) chosen->pdata, chosen->len,
                                           NULL, COMM_BUDGET_COMPARE_SCENARIOS);
  comm_budget_table_set_comparison (self->table, comparison);
  gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
on_check_toggled_cb (GtkCheckButton          *check,
                     CommBudgetScenariosView *self)
{
  rebuild_comparison (self);
}

static void
clear_choices (CommBudgetScenariosView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box))) != NULL)
    gtk_flow_box_remove (self->choices_box, child);
  g_ptr_array_set_size (self->checks, 0);
  g_ptr_array_set_size (self->budgets, 0);
}

static void
add_choice (CommBudgetScenariosView *self,
            CommBudget              *budget)
{
  const char *label = budget->scenario != NULL ? budget->scenario : _("Base budget");
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
  gtk_flow_box_append (self->choices_box, check);
  g_ptr_array_add (self->checks, check);
  g_ptr_array_add (self->budgets, budget);
}

static void
comm_budget_scenarios_view_dispose (GObject *object)
{
  CommBudgetScenariosView *self = COMM_BUDGET_SCENARIOS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_BUDGET_SCENARIOS_VIEW);
  g_clear_pointer (&self->budgets, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (comm_budget_scenarios_view_parent_class)->dispose (object);
}

static void
comm_budget_scenarios_view_class_init (CommBudgetScenariosViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_budget_scenarios_view_dispose;

  g_type_ensure (COMM_TYPE_BUDGET_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-budget-scenarios-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CommBudgetScenariosView, stack);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetScenariosView, choices_box);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetScenariosView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetScenariosView, table);
}

static void
comm_budget_scenarios_view_init (CommBudgetScenariosView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->budgets = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_budget_free);
  self->checks = g_ptr_array_new ();
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
comm_budget_scenarios_view_new (void)
{
  return g_object_new (COMM_TYPE_BUDGET_SCENARIOS_VIEW, NULL);
}

gboolean
comm_budget_scenarios_view_load (CommBudgetScenariosView  *self,
                                 CommDatabase             *db,
                                 gint64                    budget_id,
                                 GError                  **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CommBudget) first = NULL;
  g_autofree char *title = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (COMM_IS_BUDGET_SCENARIOS_VIEW (self), FALSE);

  clear_choices (self);
  comm_budget_table_set_comparison (self->table, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (db == NULL || budget_id == 0)
    return TRUE;

  first = comm_budget_store_load (db, budget_id, error);
  if (first == NULL)
    return FALSE;
  ids = comm_budget_store_list_scenarios (db, first->based_on != 0 && first->scenario != NULL
                                              ? first->based_on : budget_id, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      CommBudget *budget = comm_budget_store_load (db, g_array_index (ids, gint64, i), error);

      if (budget == NULL)
        return FALSE;
      add_choice (self, budget);
    }

  year = comm_financial_year_label (first->year);
  /* Translators: the scenarios view's heading: a programme, then a financial year */
  title = g_strdup_printf (_("Scenarios of %s, %s"), first->programme_name, year);
  gtk_label_set_text (self->heading_label, title);
  rebuild_comparison (self);

  return TRUE;
}

guint
comm_budget_scenarios_view_get_n_budgets (CommBudgetScenariosView *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_SCENARIOS_VIEW (self), 0);

  return self->budgets->len;
}

void
comm_budget_scenarios_view_set_compared (CommBudgetScenariosView *self,
                                         guint                    index,
                                         gboolean                 compared)
{
  g_return_if_fail (COMM_IS_BUDGET_SCENARIOS_VIEW (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), compared);
}

CommBudgetTable *
comm_budget_scenarios_view_get_table (CommBudgetScenariosView *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_SCENARIOS_VIEW (self), NULL);

  return self->table;
}
