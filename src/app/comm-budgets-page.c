/* comm-budgets-page.c: the Budgets tab - choosing a budget, saving it, undo, the inner views
 *
 * The page keeps its own reference to the workspace it shows, so that changes still waiting to
 * be saved go into that workspace when another is opened or the window closes. Saving happens a
 * moment after typing stops, and only when every line reads and the sums hold; until then the
 * editor says why not. Each save keeps the state before it, so Ctrl+Z steps back through them.
 * Its actions (dialogs, exports) live in comm-budgets-page-actions.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budgets-page-private.h"
#include "comm-plan-view.h"

#define SAVE_DELAY_MS 700
#define MAX_UNDO      50

G_DEFINE_FINAL_TYPE (CommBudgetsPage, comm_budgets_page, COMM_TYPE_PAGE)

static const CommBudgetSummary *
find_summary (CommBudgetsPage *self,
              gint64           id)
{
  for (guint i = 0; self->summaries != NULL && i < self->summaries->len; i++)
    {
      const CommBudgetSummary *summary = g_ptr_array_index (self->summaries, i);

      if (summary->id == id)
        return summary;
    }

  return NULL;
}

/* The budget to show for @programme (and @year, 0 = any): the base budget of @year, else the one
 * for the current financial year, else the latest. */
static gint64
pick_budget (CommBudgetsPage *self,
             const char      *programme,
             int              year)
{
  GDate today;
  int current;
  gint64 best = 0;
  int best_year = 0;

  comm_date_today (&today);
  current = comm_financial_year_of (&today);
  if (year == 0)
    year = current;

  for (guint i = 0; self->summaries != NULL && i < self->summaries->len; i++)
    {
      const CommBudgetSummary *s = g_ptr_array_index (self->summaries, i);

      if (programme != NULL && g_strcmp0 (s->programme_name, programme) != 0)
        continue;
      if (s->year == year && s->scenario == NULL)
        return s->id;
      if (best == 0 || (s->scenario == NULL && s->year > best_year && best_year < year))
        {
          best = s->id;
          best_year = s->year;
        }
    }

  return best;
}

static void
splice_strings (GtkStringList *list,
                GPtrArray     *strings)
{
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) strings->pdata);
}

/* Fills the three drop-downs for @summary and selects it. */
static void
fill_selectors (CommBudgetsPage         *self,
                const CommBudgetSummary *chosen)
{
  g_autoptr(GPtrArray) programmes = g_ptr_array_new ();
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) versions = g_ptr_array_new ();
  guint programme_pos = 0, year_pos = 0, version_pos = 0;

  g_array_set_size (self->year_values, 0);
  g_array_set_size (self->version_ids, 0);
  for (guint i = 0; self->summaries != NULL && i < self->summaries->len; i++)
    {
      const CommBudgetSummary *s = g_ptr_array_index (self->summaries, i);
      const char *last = programmes->len > 0 ? g_ptr_array_index (programmes, programmes->len - 1) : NULL;

      if (g_strcmp0 (last, s->programme_name) != 0)
        g_ptr_array_add (programmes, s->programme_name);
      if (chosen != NULL && g_str_equal (s->programme_name, chosen->programme_name))
        {
          programme_pos = programmes->len - 1;
          if (self->year_values->len == 0 || g_array_index (self->year_values, int, self->year_values->len - 1) != s->year)
            {
              g_array_append_val (self->year_values, s->year);
              g_ptr_array_add (years, comm_financial_year_label (s->year));
            }
          if (s->year == chosen->year)
            {
              year_pos = self->year_values->len - 1;
              g_array_append_val (self->version_ids, s->id);
              g_ptr_array_add (versions, s->scenario != NULL ? s->scenario : _("Base budget"));
              if (s->id == chosen->id)
                version_pos = self->version_ids->len - 1;
            }
        }
    }

  self->updating = TRUE;
  splice_strings (self->programmes, programmes);
  splice_strings (self->years, years);
  splice_strings (self->versions, versions);
  gtk_drop_down_set_selected (self->programme_dropdown, chosen != NULL ? programme_pos : GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->year_dropdown, chosen != NULL ? year_pos : GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->version_dropdown, chosen != NULL ? version_pos : GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
}

static void
show_allocation_use (CommBudgetsPage *self)
{
  const CommBudget *budget = comm_budget_editor_get_budget (self->editor);
  const CommBudgetResult *result = comm_budget_editor_get_result (self->editor);
  g_autoptr(GArray) uses = NULL;

  if (budget == NULL || result == NULL || self->db == NULL)
    return;
  uses = comm_budget_store_allocation_use (self->db, budget, result, NULL);
  comm_budget_editor_set_allocation_use (self->editor, uses);
}

static void
refresh_views (CommBudgetsPage *self)
{
  const char *visible = adw_view_stack_get_visible_child_name (self->views);
  const CommBudgetSummary *summary = find_summary (self, self->budget_id);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_strcmp0 (visible, "scenarios") == 0)
    ok = comm_budget_scenarios_view_load (self->scenarios_view, self->db, self->budget_id, &error);
  else if (g_strcmp0 (visible, "years") == 0)
    ok = comm_budget_years_view_load (self->years_view, self->db,
                                      summary != NULL ? summary->programme_id : 0,
                                      summary != NULL ? summary->programme_name : NULL, &error);
  else
    return;

  self->views_stale = FALSE;
  if (!ok)
    comm_page_show_error (COMM_PAGE (self), _("Could not show the budgets"), error);
}

/* Takes the contracts' current figures for linked commitments (in memory) and says so. */
static void
refresh_commitments (CommBudgetsPage *self,
                     CommBudget      *budget)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  changes = comm_budget_store_refresh_commitments (self->db, budget, &error);
  if (changes == NULL || changes->len == 0)
    return;

  if (!comm_budget_store_save (self->db, budget, &error))
    {
      comm_page_show_error (COMM_PAGE (self), _("Could not update the commitments from their contracts"), error);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u commitment changed with its contract: %s",
                                       "%u commitments changed with their contracts. First: %s",
                                       changes->len),
                          changes->len, ((CommBudgetChange *) g_ptr_array_index (changes, 0))->message);
  comm_budgets_page_toast (self, text);
}

static void
load_budget (CommBudgetsPage *self,
             gint64           id)
{
  g_autoptr(CommBudget) budget = NULL;
  g_autoptr(GError) error = NULL;

  if (id != self->budget_id)
    g_ptr_array_set_size (self->undo, 0);
  self->budget_id = id;
  g_clear_pointer (&self->saved, comm_budget_free);

  if (id != 0 && self->db != NULL)
    {
      budget = comm_budget_store_load (self->db, id, &error);
      if (budget == NULL)
        comm_page_show_error (COMM_PAGE (self), _("Could not open the budget"), error);
      else
        refresh_commitments (self, budget);
    }
  if (budget == NULL)
    self->budget_id = 0;

  comm_budget_editor_set_budget (self->editor, budget);
  comm_budget_editor_set_save_state (self->editor, NULL, FALSE);
  self->saved = budget != NULL ? comm_budget_copy (budget) : NULL;
  show_allocation_use (self);
  self->views_stale = TRUE;
  refresh_views (self);
  comm_budgets_page_update_actions (self);
}

static void
update_attention (CommBudgetsPage *self)
{
  gboolean flagged = FALSE;

  for (guint i = 0; self->summaries != NULL && i < self->summaries->len; i++)
    flagged |= ((CommBudgetSummary *) g_ptr_array_index (self->summaries, i))->n_flagged > 0;
  g_object_set (self, "needs-attention", flagged, NULL);
}

static void
cancel_save (CommBudgetsPage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
}

static void
push_undo (CommBudgetsPage *self,
           CommBudget      *state)
{
  if (state == NULL)
    return;
  if (self->undo->len >= MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_add (self->undo, state);
}

/* Saves @budget (taking it) as the new state; the one before goes on the undo stack. */
static gboolean
store_budget (CommBudgetsPage  *self,
              CommBudget       *budget,
              gboolean          keep_undo,
              GError          **error)
{
  g_autoptr(CommBudget) owned = budget;

  if (!comm_budget_store_save (self->db, owned, error))
    {
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), (*error)->message);

      comm_budget_editor_set_save_state (self->editor, text, TRUE);
      return FALSE;
    }

  if (keep_undo)
    push_undo (self, g_steal_pointer (&self->saved));
  g_clear_pointer (&self->saved, comm_budget_free);
  self->saved = g_steal_pointer (&owned);
  comm_budget_editor_set_save_state (self->editor, _("All changes saved"), FALSE);
  self->views_stale = TRUE;
  comm_budgets_page_update_actions (self);

  return TRUE;
}

/* Callbacks */

static void
on_setup_short_label_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  shorten)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Long programme names shorten in the button (the list shows them whole), so the tab still
   * fits a narrow window. */
  if (shorten != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
on_bind_short_label_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      string != NULL ? gtk_string_object_get_string (string) : "");
}

static gboolean
on_save_timeout_cb (gpointer data)
{
  CommBudgetsPage *self = data;

  self->save_source = 0;
  if (!comm_budget_editor_is_valid (self->editor) || self->db == NULL)
    return G_SOURCE_REMOVE;
  {
    CommBudget *copy = comm_budget_copy (comm_budget_editor_get_budget (self->editor));
    g_autoptr(GError) error = NULL;

    if (store_budget (self, copy, TRUE, &error))
      {
        comm_budget_editor_take_ids (self->editor, self->saved);
        show_allocation_use (self);
      }
  }

  return G_SOURCE_REMOVE;
}

static void
on_editor_changed_cb (CommBudgetsPage *self)
{
  cancel_save (self);
  if (!comm_budget_editor_is_valid (self->editor))
    {
      comm_budget_editor_set_save_state (self->editor, NULL, FALSE);
      return;
    }
  comm_budget_editor_set_save_state (self->editor, _("Saving shortly…"), FALSE);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
}

static void
on_line_action_cb (CommBudgetsPage *self,
                   guint            line)
{
  comm_budgets_page_on_line_action (self, line);
}

static void
on_programme_selected_cb (CommBudgetsPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->programme_dropdown);
  const char *name;

  if (self->updating || pos == GTK_INVALID_LIST_POSITION)
    return;
  comm_budgets_page_save_now (self);
  name = gtk_string_list_get_string (self->programmes, pos);
  comm_budgets_page_show_budget (self, pick_budget (self, name, 0));
}

static void
on_year_selected_cb (CommBudgetsPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating || pos == GTK_INVALID_LIST_POSITION || pos >= self->year_values->len)
    return;
  comm_budgets_page_save_now (self);
  comm_budgets_page_show_budget (self, pick_budget (self, comm_budgets_page_get_programme (self),
                                                    g_array_index (self->year_values, int, pos)));
}

static void
on_version_selected_cb (CommBudgetsPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->version_dropdown);

  if (self->updating || pos == GTK_INVALID_LIST_POSITION || pos >= self->version_ids->len)
    return;
  comm_budgets_page_save_now (self);
  comm_budgets_page_show_budget (self, g_array_index (self->version_ids, gint64, pos));
}

static void
on_view_changed_cb (CommBudgetsPage *self)
{
  const char *visible = adw_view_stack_get_visible_child_name (self->views);
  gboolean budgets = g_strcmp0 (visible, "unit-costs") != 0 && g_strcmp0 (visible, "plan") != 0;

  gtk_widget_set_visible (self->selector_bar, budgets);
  /* The year group sits in a flow box child: hide that, so no gap is left. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->year_box), g_strcmp0 (visible, "years") != 0);
  gtk_widget_set_visible (self->pull_button, g_strcmp0 (visible, "budget") == 0);
  if (g_strcmp0 (visible, "scenarios") == 0 || g_strcmp0 (visible, "years") == 0)
    {
      comm_budgets_page_save_now (self);
      if (self->views_stale)
        refresh_views (self);
    }
}

/* Overrides */

static void
comm_budgets_page_database_changed (CommPage     *page,
                                    CommDatabase *database)
{
  CommBudgetsPage *self = COMM_BUDGETS_PAGE (page);

  comm_budgets_page_save_now (self);  /* into the workspace being left */
  g_set_object (&self->db, database);
  g_ptr_array_set_size (self->undo, 0);
  self->budget_id = 0;
  comm_budgets_page_show_budget (self, 0);
  comm_plan_view_set_database (COMM_PLAN_VIEW (self->plan_view), database);
}

static gboolean
comm_budgets_page_undo (CommPage *page)
{
  CommBudgetsPage *self = COMM_BUDGETS_PAGE (page);
  g_autoptr(GError) error = NULL;
  CommBudget *previous;

  comm_budgets_page_save_now (self);
  if (self->undo->len == 0 || self->db == NULL)
    return FALSE;

  previous = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  /* Lines saved since may be gone: the state comes back as new lines. */
  for (guint i = 0; i < previous->lines->len; i++)
    ((CommBudgetLine *) g_ptr_array_index (previous->lines, i))->id = 0;
  if (!store_budget (self, previous, FALSE, &error))
    {
      comm_page_show_error (COMM_PAGE (self), _("Could not undo the change"), error);
      return TRUE;
    }

  comm_budget_editor_set_budget (self->editor, self->saved);
  comm_budget_editor_set_save_state (self->editor, _("Undone; all changes saved"), FALSE);
  show_allocation_use (self);
  comm_budgets_page_toast (self, _("Budget change undone"));

  return TRUE;
}

static void
comm_budgets_page_dispose (GObject *object)
{
  CommBudgetsPage *self = COMM_BUDGETS_PAGE (object);

  if (self->db != NULL)
    comm_budgets_page_save_now (self);  /* nothing lost when the window closes */
  cancel_save (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_BUDGETS_PAGE);
  g_clear_object (&self->db);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_clear_pointer (&self->year_values, g_array_unref);
  g_clear_pointer (&self->version_ids, g_array_unref);
  g_clear_pointer (&self->saved, comm_budget_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);

  G_OBJECT_CLASS (comm_budgets_page_parent_class)->dispose (object);
}

static void
comm_budgets_page_class_init (CommBudgetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CommPageClass *page_class = COMM_PAGE_CLASS (klass);

  object_class->dispose = comm_budgets_page_dispose;
  page_class->database_changed = comm_budgets_page_database_changed;
  page_class->undo = comm_budgets_page_undo;

  g_type_ensure (COMM_TYPE_BUDGET_EDITOR);
  g_type_ensure (COMM_TYPE_BUDGET_SCENARIOS_VIEW);
  g_type_ensure (COMM_TYPE_BUDGET_YEARS_VIEW);
  g_type_ensure (COMM_TYPE_UNIT_COST_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-budgets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, views);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, selector_bar);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, year_box);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, pull_button);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, programmes);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, years);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, versions);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, editor);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, scenarios_view);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, years_view);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, unit_cost_view);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetsPage, plan_box);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_line_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_programme_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_version_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed_cb);

  comm_budgets_page_class_add_actions (widget_class);
}

static void
comm_budgets_page_init (CommBudgetsPage *self)
{
  self->year_values = g_array_new (FALSE, FALSE, sizeof (int));
  self->version_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_budget_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    GtkListItemFactory *list_factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (on_setup_short_label_cb), GINT_TO_POINTER (TRUE));
    g_signal_connect (factory, "bind", G_CALLBACK (on_bind_short_label_cb), NULL);
    g_signal_connect (list_factory, "setup", G_CALLBACK (on_setup_short_label_cb), NULL);
    g_signal_connect (list_factory, "bind", G_CALLBACK (on_bind_short_label_cb), NULL);
    gtk_drop_down_set_factory (self->programme_dropdown, factory);
    gtk_drop_down_set_list_factory (self->programme_dropdown, list_factory);
    g_object_unref (factory);
    g_object_unref (list_factory);
  }
  on_view_changed_cb (self);
  comm_budgets_page_update_actions (self);

  /* The plan is wide; in a narrow window it scrolls sideways rather than widen the window. */
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    self->plan_view = comm_plan_view_new ();
    gtk_widget_set_vexpand (self->plan_view, TRUE);
    gtk_widget_set_hexpand (self->plan_view, TRUE);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->plan_view);
    gtk_widget_set_hexpand (scroller, TRUE);
    gtk_widget_set_vexpand (scroller, TRUE);
    gtk_box_append (self->plan_box, scroller);
  }
}

/* Public API */

GtkWidget *
comm_budgets_page_new (void)
{
  return g_object_new (COMM_TYPE_BUDGETS_PAGE,
                       "title", _("Budgets"),
                       "icon-name", "accessories-calculator-symbolic",
                       NULL);
}

void
comm_budgets_page_show_budget (CommBudgetsPage *self,
                               gint64           id)
{
  g_autoptr(GError) error = NULL;
  const CommBudgetSummary *chosen;

  g_return_if_fail (COMM_IS_BUDGETS_PAGE (self));

  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  if (self->db != NULL)
    {
      self->summaries = comm_budget_store_list (self->db, 0, &error);
      if (self->summaries == NULL)
        comm_page_show_error (COMM_PAGE (self), _("Could not read the budgets"), error);
    }

  if (id == 0 && find_summary (self, self->budget_id) != NULL)
    id = self->budget_id;
  if (id == 0 || find_summary (self, id) == NULL)
    id = pick_budget (self, NULL, 0);
  chosen = find_summary (self, id);

  cancel_save (self);
  fill_selectors (self, chosen);
  update_attention (self);
  load_budget (self, chosen != NULL ? chosen->id : 0);
}

gboolean
comm_budgets_page_save_now (CommBudgetsPage *self)
{
  g_return_val_if_fail (COMM_IS_BUDGETS_PAGE (self), FALSE);

  if (self->save_source == 0)
    return comm_budget_editor_is_valid (self->editor) || self->budget_id == 0;
  cancel_save (self);
  on_save_timeout_cb (self);

  return self->save_source == 0 && comm_budget_editor_is_valid (self->editor);
}

gboolean
comm_budgets_page_replace_budget (CommBudgetsPage *self,
                                  CommBudget      *budget)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (COMM_IS_BUDGETS_PAGE (self), FALSE);
  g_return_val_if_fail (budget != NULL, FALSE);

  cancel_save (self);
  if (!store_budget (self, budget, TRUE, &error))
    {
      comm_page_show_error (COMM_PAGE (self), _("Could not save the budget"), error);
      return FALSE;
    }
  comm_budget_editor_set_budget (self->editor, self->saved);
  comm_budget_editor_set_save_state (self->editor, _("All changes saved"), FALSE);
  show_allocation_use (self);

  return TRUE;
}

void
comm_budgets_page_toast (CommBudgetsPage *self,
                         const char      *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  comm_page_add_toast (COMM_PAGE (self), adw_toast_new (escaped));
}

const char *
comm_budgets_page_get_programme (CommBudgetsPage *self)
{
  guint pos;

  g_return_val_if_fail (COMM_IS_BUDGETS_PAGE (self), "");

  pos = gtk_drop_down_get_selected (self->programme_dropdown);
  if (pos == GTK_INVALID_LIST_POSITION || pos >= g_list_model_get_n_items (G_LIST_MODEL (self->programmes)))
    return "";

  return gtk_string_list_get_string (self->programmes, pos);
}

CommBudgetEditor *
comm_budgets_page_get_editor (CommBudgetsPage *self)
{
  return self->editor;
}

CommBudgetScenariosView *
comm_budgets_page_get_scenarios_view (CommBudgetsPage *self)
{
  return self->scenarios_view;
}

CommBudgetYearsView *
comm_budgets_page_get_years_view (CommBudgetsPage *self)
{
  return self->years_view;
}

CommUnitCostView *
comm_budgets_page_get_unit_cost_view (CommBudgetsPage *self)
{
  return self->unit_cost_view;
}

void
comm_budgets_page_set_view (CommBudgetsPage *self,
                            const char      *name)
{
  g_return_if_fail (COMM_IS_BUDGETS_PAGE (self));

  adw_view_stack_set_visible_child_name (self->views, name);
}
