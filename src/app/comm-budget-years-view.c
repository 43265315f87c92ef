/* comm-budget-years-view.c: the Multi-year view - a programme's budgets year on year */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budget-years-view.h"

struct _CommBudgetYearsView
{
  GtkBox           parent_instance;

  GtkStack        *stack;
  GtkLabel        *heading_label;
  CommBudgetGrid  *table;
};

G_DEFINE_FINAL_TYPE (CommBudgetYearsView, comm_budget_years_view, GTK_TYPE_BOX)

static void
comm_budget_years_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COMM_TYPE_BUDGET_YEARS_VIEW);

  G_OBJECT_CLASS (comm_budget_years_view_parent_class)->dispose (object);
}

static void
comm_budget_years_view_class_init (CommBudgetYearsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_budget_years_view_dispose;

  g_type_ensure (COMM_TYPE_BUDGET_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-budget-years-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CommBudgetYearsView, stack);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetYearsView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetYearsView, table);
}

static void
comm_budget_years_view_init (CommBudgetYearsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
comm_budget_years_view_new (void)
{
  return g_object_new (COMM_TYPE_BUDGET_YEARS_VIEW, NULL);
}

gboolean
comm_budget_years_view_load (CommBudgetYearsView  *self,
                             CommDatabase         *db,
                             gint64                programme_id,
                             const char           *name,
                             GError              **error)
{
  CommBudgetComparison *comparison;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (COMM_IS_BUDGET_YEARS_VIEW (self), FALSE);

  comm_budget_grid_set_comparison (self->table, NULL);
  gtk_label_set_text (self->heading_label, "");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (db == NULL || programme_id == 0)
    return TRUE;

  comparison = comm_budget_store_compare_years (db, programme_id, error);
  if (comparison == NULL)
    return FALSE;
  if (comparison->n_columns == 0)
    {
      comm_budget_comparison_free (comparison);
      return TRUE;
    }

  if (comparison->n_columns > 1)
    {
      g_autofree char *first = comm_financial_year_label (comparison->years[0]);
      g_autofree char *last = comm_financial_year_label (comparison->years[comparison->n_columns - 1]);

      /* Translators: "Early Help and Prevention, 2024-25 to 2028-29: change on the year before" */
      heading = g_strdup_printf (_("%s, %s to %s: each year against the year before"), name, first, last);
    }
  else
    heading = g_strdup (name);
  gtk_label_set_text (self->heading_label, heading);
  comm_budget_grid_set_comparison (self->table, comparison);
  gtk_stack_set_visible_child_name (self->stack, "table");

  return TRUE;
}

CommBudgetGrid *
comm_budget_years_view_get_table (CommBudgetYearsView *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_YEARS_VIEW (self), NULL);

  return self->table;
}
