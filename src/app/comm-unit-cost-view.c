/* comm-unit-cost-view.c: the Unit costs view - cost per unit and cohort shares with the working
 *
 * Every key press works the figures out again through comm-unit-cost; the cohorts are an
 * editable list like a budget's lines (CommBudgetSection), each showing its share and "+1p
 * rounding" where the largest-remainder method gave it the extra penny.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budget-section.h"
#include "comm-unit-cost-view.h"
#include "comm-unit-cost.h"
#include "commissioner-core.h"

struct _CommUnitCostView
{
  GtkBox             parent_instance;

  GtkBox            *content_box;
  GtkWidget         *service_group;
  AdwEntryRow       *cost_row;
  AdwEntryRow       *unit_row;
  GtkLabel          *unit_cost_label;
  GtkLabel          *working_label;
  GtkWidget         *problem_icon;
  CommBudgetSection *cohorts;
};

G_DEFINE_FINAL_TYPE (CommUnitCostView, comm_unit_cost_view, GTK_TYPE_BOX)

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static void
show_problem (CommUnitCostView *self,
              const char       *problem)
{
  gtk_label_set_text (self->working_label, problem);
  gtk_label_set_text (self->unit_cost_label, "—");
  gtk_widget_set_visible (self->problem_icon, TRUE);
  for (guint i = 0; i < comm_budget_section_get_n_lines (self->cohorts); i++)
    comm_budget_section_set_result (self->cohorts, i, NULL, FALSE, NULL);
}

/* Reads the cohorts into @cost; FALSE (lines marked) when one cannot be read. */
static gboolean
read_cohorts (CommUnitCostView *self,
              CommUnitCost     *cost)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < comm_budget_section_get_n_lines (self->cohorts); i++)
    {
      g_autofree char *name = stripped (comm_budget_section_get_name (self->cohorts, i));
      g_autofree char *text = stripped (comm_budget_section_get_value (self->cohorts, i));
      guint64 count = 0;

      comm_budget_section_set_error (self->cohorts, i, NULL, TRUE);
      if (*name == '\0' && *text == '\0')
        continue;
      if (*text == '\0' || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &count, NULL))
        {
          comm_budget_section_set_error (self->cohorts, i,
                                         _("Type the activity as a whole number, e.g. 202."), TRUE);
          ok = FALSE;
          continue;
        }
      if (*name == '\0')
        {
          comm_budget_section_set_error (self->cohorts, i, _("Give this cohort a name."), FALSE);
          ok = FALSE;
          continue;
        }
      comm_unit_cost_add_cohort (cost, name, (gint64) count);
    }

  return ok;
}

static void
append_working (CommUnitCostView *self,
                CommUnitCost     *cost,
                GString          *working)
{
  gint64 total = comm_unit_cost_get_total (cost);
  gint64 activity = comm_unit_cost_get_activity (cost);
  g_autofree char *total_text = comm_money_format (total);
  g_autofree char *alone = comm_money_format (comm_unit_cost_get_rounded_alone_total (cost));
  guint moved = 0;

  for (guint i = 0; i < comm_unit_cost_get_n_cohorts (cost); i++)
    {
      const CommUnitCohort *cohort = comm_unit_cost_get_cohort (cost, i);
      g_autofree char *exact = comm_unit_cost_format_exact (total, cohort->count, activity);
      g_autofree char *share = comm_money_format (cohort->share);

      /* Translators: one cohort's working: name, count × cost ÷ activity = exact → share */
      g_string_append_printf (working, _("%s: %" G_GINT64_FORMAT " × %s ÷ %" G_GINT64_FORMAT
                                         " = %s → %s%s\n"),
                              cohort->name, cohort->count, total_text, activity, exact, share,
                              cohort->penny_moved ? _(" (+1p rounding)") : "");
      moved += cohort->penny_moved ? 1 : 0;
    }

  if (moved > 0)
    g_string_append_printf (working,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Each share was rounded down; the %u penny left over went to the cohort with the largest remainder (marked +1p).\n",
                                         "Each share was rounded down; the %u pennies left over went to the cohorts with the largest remainders (marked +1p).\n",
                                         moved),
                            moved);
  /* Translators: the shares' total, then what rounding each share alone would give */
  g_string_append_printf (working, _("The shares add up to %s, exactly the cost. Rounding each share on its own would give %s."),
                          total_text, alone);
}

static void
recompute (CommUnitCostView *self)
{
  g_autofree char *cost_text = stripped (gtk_editable_get_text (GTK_EDITABLE (self->cost_row)));
  g_autofree char *unit = stripped (gtk_editable_get_text (GTK_EDITABLE (self->unit_row)));
  g_autoptr(GError) error = NULL;
  g_autoptr(CommUnitCost) cost = NULL;
  g_autoptr(GString) working = g_string_new (NULL);
  g_autofree char *unit_cost = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *total_text = NULL;
  gint64 total = 0;
  gboolean cohorts_ok;

  gtk_widget_remove_css_class (GTK_WIDGET (self->cost_row), "error");
  if (*cost_text == '\0')
    {
      show_problem (self, _("Type the cost of the service, then the activity of each cohort."));
      return;
    }
  if (!comm_money_parse (cost_text, &total, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->cost_row), "error");
      show_problem (self, error->message);
      return;
    }

  cost = comm_unit_cost_new (total);
  cohorts_ok = read_cohorts (self, cost);
  if (!cohorts_ok || !comm_unit_cost_compute (cost, &error))
    {
      show_problem (self, error != NULL ? error->message : _("A cohort cannot be read; it is marked."));
      return;
    }

  gtk_widget_set_visible (self->problem_icon, FALSE);
  unit_cost = comm_money_format (comm_unit_cost_get_unit_cost (cost));
  if (*unit != '\0')
    {
      g_autofree char *per = g_strdup_printf (_("%s per %s"), unit_cost, unit);
      gtk_label_set_text (self->unit_cost_label, per);
    }
  else
    gtk_label_set_text (self->unit_cost_label, unit_cost);

  total_text = comm_money_format (total);
  exact = comm_unit_cost_format_exact (total, 1, comm_unit_cost_get_activity (cost));
  if (comm_unit_cost_is_rounded (cost))
    /* Translators: "£90,000.00 ÷ 885 = £101.694915… a unit, shown to the penny as £101.69" */
    g_string_append_printf (working, _("%s ÷ %" G_GINT64_FORMAT " = %s a unit, shown to the penny as %s\n"),
                            total_text, comm_unit_cost_get_activity (cost), exact, unit_cost);
  else
    g_string_append_printf (working, _("%s ÷ %" G_GINT64_FORMAT " = %s a unit\n"),
                            total_text, comm_unit_cost_get_activity (cost), exact);
  append_working (self, cost, working);
  gtk_label_set_text (self->working_label, working->str);

  for (guint i = 0, k = 0; i < comm_budget_section_get_n_lines (self->cohorts); i++)
    {
      g_autofree char *name = stripped (comm_budget_section_get_name (self->cohorts, i));
      const CommUnitCohort *cohort;
      g_autofree char *share = NULL;

      if (*name == '\0')
        continue;
      cohort = comm_unit_cost_get_cohort (cost, k++);
      share = comm_money_format (cohort->share);
      comm_budget_section_set_result (self->cohorts, i, share, cohort->penny_moved,
                                      _("The largest-remainder method gave this cohort one penny "
                                        "more than its share rounded down, so that the shares add "
                                        "up to the cost exactly."));
    }
}

static void
on_input_changed_cb (CommUnitCostView *self)
{
  recompute (self);
}

static void
comm_unit_cost_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COMM_TYPE_UNIT_COST_VIEW);

  G_OBJECT_CLASS (comm_unit_cost_view_parent_class)->dispose (object);
}

static void
comm_unit_cost_view_class_init (CommUnitCostViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_unit_cost_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-unit-cost-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CommUnitCostView, content_box);
  gtk_widget_class_bind_template_child (widget_class, CommUnitCostView, service_group);
  gtk_widget_class_bind_template_child (widget_class, CommUnitCostView, cost_row);
  gtk_widget_class_bind_template_child (widget_class, CommUnitCostView, unit_row);
  gtk_widget_class_bind_template_child (widget_class, CommUnitCostView, unit_cost_label);
  gtk_widget_class_bind_template_child (widget_class, CommUnitCostView, working_label);
  gtk_widget_class_bind_template_child (widget_class, CommUnitCostView, problem_icon);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
}

static void
comm_unit_cost_view_init (CommUnitCostView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cohorts = COMM_BUDGET_SECTION (comm_budget_section_new (COMM_BUDGET_SECTION_COHORTS));
  gtk_box_insert_child_after (self->content_box, GTK_WIDGET (self->cohorts), self->service_group);
  g_signal_connect_swapped (self->cohorts, "changed", G_CALLBACK (on_input_changed_cb), self);
  comm_budget_section_add_line (self->cohorts, "", "");
  recompute (self);
}

GtkWidget *
comm_unit_cost_view_new (void)
{
  return g_object_new (COMM_TYPE_UNIT_COST_VIEW, NULL);
}

void
comm_unit_cost_view_set_cost (CommUnitCostView *self,
                              const char       *cost,
                              const char       *unit)
{
  g_return_if_fail (COMM_IS_UNIT_COST_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), unit != NULL ? unit : "");
  gtk_editable_set_text (GTK_EDITABLE (self->cost_row), cost != NULL ? cost : "");
}

void
comm_unit_cost_view_add_cohort (CommUnitCostView *self,
                                const char       *name,
                                const char       *count)
{
  guint n;

  g_return_if_fail (COMM_IS_UNIT_COST_VIEW (self));

  /* Fill the blank line the tool starts with before adding more. */
  n = comm_budget_section_get_n_lines (self->cohorts);
  if (n > 0 && *comm_budget_section_get_name (self->cohorts, n - 1) == '\0'
      && *comm_budget_section_get_value (self->cohorts, n - 1) == '\0')
    {
      gtk_editable_set_text (comm_budget_section_get_name_entry (self->cohorts, n - 1), name);
      gtk_editable_set_text (comm_budget_section_get_value_entry (self->cohorts, n - 1), count);
      return;
    }
  comm_budget_section_add_line (self->cohorts, name, count);
  recompute (self);
}

const char *
comm_unit_cost_view_get_unit_cost (CommUnitCostView *self)
{
  g_return_val_if_fail (COMM_IS_UNIT_COST_VIEW (self), NULL);

  return gtk_label_get_text (self->unit_cost_label);
}

const char *
comm_unit_cost_view_get_share (CommUnitCostView *self,
                               guint             index)
{
  g_return_val_if_fail (COMM_IS_UNIT_COST_VIEW (self), NULL);

  return comm_budget_section_get_result (self->cohorts, index);
}

const char *
comm_unit_cost_view_get_working (CommUnitCostView *self)
{
  g_return_val_if_fail (COMM_IS_UNIT_COST_VIEW (self), NULL);

  return gtk_label_get_text (self->working_label);
}
