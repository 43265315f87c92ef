/* comm-deep-dives-page.c: the Deep Dives tab - a year's schedule and the outstanding actions
 *
 * The schedule is one query (comm_deep_dive_schedule_list) giving a GListStore of light
 * CommDeepDiveRow objects, one per contract due a Deep Dive in the year; the page never asks the
 * workspace anything per row. Models: store -> GtkSortListModel (the column view's sorter; no
 * sorter until the user clicks a heading, so opening the tab sorts nothing) -> GtkFilterListModel
 * (one custom filter: search, area, reviewer, status) -> GtkSingleSelection -> GtkColumnView.
 * Counts per status are of the rows shown. The second view lists the actions not yet done across
 * every Deep Dive, overdue first. Actions and undo live in comm-deep-dives-page-actions.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-contract-cells.h"
#include "comm-deep-dive-editor.h"
#include "comm-deep-dives-page-private.h"

G_DEFINE_FINAL_TYPE (CommDeepDivesPage, comm_deep_dives_page, COMM_TYPE_PAGE)

#define YEARS_BEFORE 3
#define YEARS_AFTER  2

/* The order the counts are shown in: what needs attention first. */
static const CommDeepDiveStatus count_order[] = {
  COMM_DEEP_DIVE_STATUS_OVERDUE, COMM_DEEP_DIVE_STATUS_NONE, COMM_DEEP_DIVE_STATUS_PENDING,
  COMM_DEEP_DIVE_STATUS_SCHEDULED, COMM_DEEP_DIVE_STATUS_IN_PROGRESS, COMM_DEEP_DIVE_STATUS_COMPLETE,
};

/* Helpers */
static void
update_counts (CommDeepDivesPage *self)
{
  guint counts[COMM_DEEP_DIVE_N_STATUSES] = { 0 };

  comm_deep_dive_schedule_count (G_LIST_MODEL (self->filter_model), counts);
  for (guint i = 0; i < G_N_ELEMENTS (count_order); i++)
    {
      CommDeepDiveStatus status = count_order[i];
      GtkWidget *label = GTK_WIDGET (self->count_labels[status]);
      g_autofree char *text = g_strdup_printf ("%s %u", comm_deep_dive_status_to_label (status), counts[status]);

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      /* Statuses that need attention are always shown; the others only when there are some. */
      gtk_widget_set_visible (gtk_widget_get_parent (label),
                              counts[status] > 0 || status == COMM_DEEP_DIVE_STATUS_OVERDUE ||
                              status == COMM_DEEP_DIVE_STATUS_NONE);
    }
}

static void
update_status_line (CommDeepDivesPage *self)
{
  gboolean actions = gtk_toggle_button_get_active (self->actions_toggle);
  GListModel *shown = actions ? G_LIST_MODEL (self->actions_filter_model) : G_LIST_MODEL (self->filter_model);
  GListModel *all = actions ? G_LIST_MODEL (self->actions) : G_LIST_MODEL (self->store);
  guint n_shown = g_list_model_get_n_items (shown);
  guint n_total = g_list_model_get_n_items (all);
  g_autofree char *year = comm_financial_year_label (self->year);
  g_autofree char *text = NULL;

  if (actions)
    text = n_shown != n_total
      ? g_strdup_printf (g_dngettext (NULL, "Showing %u of %u outstanding action", "Showing %u of %u outstanding actions", n_total), n_shown, n_total)
      : g_strdup_printf (g_dngettext (NULL, "%u outstanding action", "%u outstanding actions", n_total), n_total);
  else if (comm_deep_dives_page_filters_active (self))
    /* Translators: "Showing 12 of 60 contracts due a Deep Dive in 2026-27" */
    text = g_strdup_printf (g_dngettext (NULL, "Showing %u of %u contract due a Deep Dive in %s",
                                         "Showing %u of %u contracts due a Deep Dive in %s", n_total),
                            n_shown, n_total, year);
  else
    text = g_strdup_printf (g_dngettext (NULL, "%u contract due a Deep Dive in %s",
                                         "%u contracts due a Deep Dive in %s", n_total), n_total, year);

  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (self->clear_button, comm_deep_dives_page_filters_active (self));
}

static void
update_stack (CommDeepDivesPage *self)
{
  const char *name;
  gboolean actions = gtk_toggle_button_get_active (self->actions_toggle);

  if (comm_page_get_database (COMM_PAGE (self)) == NULL)
    name = "closed";
  else if (actions)
    name = g_list_model_get_n_items (G_LIST_MODEL (self->actions)) == 0 ? "no-actions"
         : g_list_model_get_n_items (G_LIST_MODEL (self->actions_filter_model)) == 0 ? "no-match" : "actions";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    name = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    name = "no-match";
  else
    name = "schedule";

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_dropdown), !actions);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reviewer_dropdown), !actions);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_dropdown), !actions);
}

static void
update_needs_attention (CommDeepDivesPage *self)
{
  guint counts[COMM_DEEP_DIVE_N_STATUSES] = { 0 };

  comm_deep_dive_schedule_count (G_LIST_MODEL (self->store), counts);
  g_object_set (self, "needs-attention", counts[COMM_DEEP_DIVE_STATUS_OVERDUE] > 0, NULL);
}

static gboolean
find_contract (GListModel *model,
               gint64      contract_id,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (model, i);

      if (comm_deep_dive_row_get_contract_id (row) == contract_id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
select_contract (CommDeepDivesPage *self,
                 gint64             contract_id)
{
  guint position;

  if (contract_id == 0 || !find_contract (G_LIST_MODEL (self->filter_model), contract_id, &position))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
load_actions (CommDeepDivesPage *self,
              CommDatabase      *database)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (database != NULL)
    {
      rows = comm_deep_dive_list_actions (database, 0, TRUE, &self->today, &error);
      if (rows == NULL)
        comm_page_show_error (COMM_PAGE (self), _("The Deep Dive actions could not be read"), error);
    }

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_ptr_array_add (items, comm_action_item_new (g_ptr_array_index (rows, i)));
  if (rows != NULL)
    g_ptr_array_set_free_func (rows, NULL);  /* the items own the rows now */

  g_list_store_splice (self->actions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->actions)),
                       items->pdata, items->len);
}

static void
load (CommDeepDivesPage *self,
      CommDatabase      *database)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) error = NULL;

  comm_date_today (&self->today);
  if (database != NULL)
    {
      store = comm_deep_dive_schedule_list (database, self->year, &self->today, &error);
      if (store == NULL)
        comm_page_show_error (COMM_PAGE (self), _("The Deep Dive schedule could not be read"), error);
    }
  if (store == NULL)
    store = g_list_store_new (COMM_TYPE_DEEP_DIVE_ROW);

  g_set_object (&self->store, store);
  comm_deep_dives_page_rebuild_choices (self);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->store));
  load_actions (self, database);
  update_counts (self);
  update_needs_attention (self);
  update_status_line (self);
  update_stack (self);
  comm_deep_dives_page_update_actions (self);
}

static void
fill_years (CommDeepDivesPage *self)
{
  int current = comm_financial_year_of (&self->today);

  self->first_year = current - YEARS_BEFORE;
  self->year = current;
  for (int y = self->first_year; y <= current + YEARS_AFTER; y++)
    {
      g_autofree char *label = comm_financial_year_label (y);

      gtk_string_list_append (self->years, label);
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (self->years));
  gtk_drop_down_set_selected (self->year_dropdown, YEARS_BEFORE);
  self->updating_filters = FALSE;
}

static void
fill_statuses (CommDeepDivesPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_string_list_append (statuses, _("All statuses"));
  for (guint i = 0; i < G_N_ELEMENTS (count_order); i++)
    gtk_string_list_append (statuses, comm_deep_dive_status_to_label (count_order[i]));

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (self->areas));
  gtk_drop_down_set_model (self->reviewer_dropdown, G_LIST_MODEL (self->reviewers));
  self->updating_filters = FALSE;
}

static void
build_counts (CommDeepDivesPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (count_order); i++)
    {
      CommDeepDiveStatus status = count_order[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name (comm_deep_dive_status_icon_name (status));
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *name = g_strdup_printf ("count-%s", comm_deep_dive_status_to_code (status));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      comm_deep_dive_status_to_label (status), -1);
      gtk_widget_set_name (label, name);
      gtk_widget_add_css_class (box, "dd-count");
      gtk_widget_add_css_class (box, comm_deep_dive_status_css_class (status));
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (self->counts_box, box);
      self->count_labels[status] = GTK_LABEL (label);
    }
}

/* Callbacks */

static void
on_year_changed_cb (CommDeepDivesPage *self,
                    GParamSpec        *pspec,
                    GtkDropDown       *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_filters || selected == GTK_INVALID_LIST_POSITION)
    return;

  self->year = self->first_year + (int) selected;
  comm_deep_dives_page_clear_undo (self);
  load (self, comm_page_get_database (COMM_PAGE (self)));
}

static void
on_view_toggled_cb (CommDeepDivesPage *self,
                    GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  update_stack (self);
  update_status_line (self);
  comm_deep_dives_page_update_actions (self);
}

static void
on_search_changed_cb (CommDeepDivesPage *self,
                      GtkSearchEntry    *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *folded = comm_text_fold (text);

  g_clear_pointer (&self->search, g_free);
  if (*folded != '\0' && !g_str_equal (folded, " "))
    self->search = g_steal_pointer (&folded);
  comm_deep_dives_page_refilter (self);
}

static void
on_stop_search_cb (CommDeepDivesPage *self,
                   GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_search_activate_cb (CommDeepDivesPage *self,
                       GtkSearchEntry    *entry)
{
  gboolean actions = gtk_toggle_button_get_active (self->actions_toggle);
  GtkSingleSelection *selection = actions ? self->actions_selection : self->selection;

  if (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 0)
    return;

  if (gtk_single_selection_get_selected (selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (actions ? self->actions_view : self->column_view));
}

static void
on_filter_dropdown_changed_cb (CommDeepDivesPage *self,
                               GParamSpec        *pspec,
                               GtkDropDown       *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_filters)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;

  if (dropdown == self->area_dropdown)
    {
      g_free (self->area_filter);
      self->area_filter = selected > 0 ? g_strdup (gtk_string_list_get_string (self->areas, selected)) : NULL;
    }
  else if (dropdown == self->reviewer_dropdown)
    {
      g_free (self->reviewer_filter);
      self->reviewer_filter = selected > 0 ? g_strdup (gtk_string_list_get_string (self->reviewers, selected)) : NULL;
    }
  else if (dropdown == self->status_dropdown)
    self->status_filter = selected > 0 ? (int) count_order[selected - 1] : -1;

  comm_deep_dives_page_refilter (self);
}

static void
on_items_changed_cb (CommDeepDivesPage *self,
                     guint              position,
                     guint              removed,
                     guint              added,
                     GListModel        *model)
{
  if (self->store == NULL)
    return;

  update_counts (self);
  update_status_line (self);
  update_stack (self);
}

static void
on_selection_changed_cb (CommDeepDivesPage *self)
{
  comm_deep_dives_page_update_actions (self);
}

static void
on_row_activated_cb (CommDeepDivesPage *self,
                     guint              position,
                     GtkColumnView     *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "deep-dives.open", NULL);
}

static void
on_action_row_activated_cb (CommDeepDivesPage *self,
                            guint              position,
                            GtkColumnView     *view)
{
  g_autoptr(CommActionItem) item = g_list_model_get_item (G_LIST_MODEL (self->actions_filter_model), position);

  if (item != NULL)
    comm_deep_dives_page_open_deep_dive (self, comm_action_item_get_row (item)->deep_dive_id);
}

static void
on_editor_changed_cb (CommDeepDiveEditor *editor,
                      CommDeepDivesPage  *self)
{
  const CommDeepDive *dive = comm_deep_dive_editor_get_deep_dive (editor);

  comm_deep_dives_page_reload (self, dive != NULL ? dive->contract_id : 0);
}

static void
on_editor_destroy_cb (CommDeepDiveEditor *editor,
                      CommDeepDivesPage  *self)
{
  gint64 id = comm_deep_dive_editor_get_id (editor);

  if (self->editors != NULL)
    g_hash_table_remove (self->editors, &id);
}

/* Overrides */

static void
comm_deep_dives_page_database_changed (CommPage     *page,
                                       CommDatabase *database)
{
  CommDeepDivesPage *self = COMM_DEEP_DIVES_PAGE (page);

  comm_deep_dives_page_clear_undo (self);
  if (database == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_load = FALSE;
      load (self, database);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      gboolean overdue = FALSE;

      /* The schedule is read when the tab is first shown; until then only whether to flag it. */
      self->needs_load = TRUE;
      comm_date_today (&self->today);
      if (!comm_deep_dive_schedule_has_overdue (database, self->year, &self->today, &overdue, &error))
        g_debug ("Deep Dives tab: %s", error->message);  /* said in full when the tab is shown */
      g_object_set (self, "needs-attention", overdue, NULL);
    }
}

static void
comm_deep_dives_page_map (GtkWidget *widget)
{
  CommDeepDivesPage *self = COMM_DEEP_DIVES_PAGE (widget);

  if (self->needs_load)
    {
      self->needs_load = FALSE;
      load (self, comm_page_get_database (COMM_PAGE (self)));
    }

  GTK_WIDGET_CLASS (comm_deep_dives_page_parent_class)->map (widget);
}

static void
comm_deep_dives_page_start_search (CommPage *page)
{
  comm_deep_dives_page_focus_search (COMM_DEEP_DIVES_PAGE (page));
}

static gboolean
comm_deep_dives_page_undo (CommPage *page)
{
  return comm_deep_dives_page_undo_newest (COMM_DEEP_DIVES_PAGE (page));
}

static void
comm_deep_dives_page_dispose (GObject *object)
{
  CommDeepDivesPage *self = COMM_DEEP_DIVES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_DEEP_DIVES_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->actions);
  g_clear_object (&self->years);
  g_clear_object (&self->areas);
  g_clear_object (&self->reviewers);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->actions_filter_model);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  comm_deep_dives_page_clear_undo (self);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (comm_deep_dives_page_parent_class)->dispose (object);
}

static void
comm_deep_dives_page_finalize (GObject *object)
{
  CommDeepDivesPage *self = COMM_DEEP_DIVES_PAGE (object);

  g_free (self->search);
  g_free (self->area_filter);
  g_free (self->reviewer_filter);

  G_OBJECT_CLASS (comm_deep_dives_page_parent_class)->finalize (object);
}

static void
comm_deep_dives_page_class_init (CommDeepDivesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CommPageClass *page_class = COMM_PAGE_CLASS (klass);

  object_class->dispose = comm_deep_dives_page_dispose;
  object_class->finalize = comm_deep_dives_page_finalize;
  widget_class->map = comm_deep_dives_page_map;
  page_class->database_changed = comm_deep_dives_page_database_changed;
  page_class->start_search = comm_deep_dives_page_start_search;
  page_class->undo = comm_deep_dives_page_undo;

  g_type_ensure (COMM_TYPE_DEEP_DIVE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-deep-dives-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, schedule_toggle);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, actions_toggle);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, reviewer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, actions_view);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDivesPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_action_row_activated_cb);

  comm_deep_dives_page_class_add_actions (widget_class);
}

static void
setup_models (CommDeepDivesPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  self->store = g_list_store_new (COMM_TYPE_DEEP_DIVE_ROW);
  self->filter = gtk_custom_filter_new (comm_deep_dives_page_filter_row, self, NULL);
  self->sort_model = gtk_sort_list_model_new (NULL, sorter != NULL ? g_object_ref (sorter) : NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);  /* the view keeps it */

  self->actions = g_list_store_new (COMM_TYPE_ACTION_ITEM);
  self->actions_filter = gtk_custom_filter_new (comm_deep_dives_page_filter_action, self, NULL);
  self->actions_filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->actions)),
                                                          g_object_ref (GTK_FILTER (self->actions_filter)));
  self->actions_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->actions_filter_model)));
  gtk_single_selection_set_autoselect (self->actions_selection, FALSE);
  gtk_column_view_set_model (self->actions_view, GTK_SELECTION_MODEL (self->actions_selection));
  g_object_unref (self->actions_selection);
  g_object_unref (self->filter);          /* the filter models keep them */
  g_object_unref (self->actions_filter);

  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actions_filter_model, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
comm_deep_dives_page_init (CommDeepDivesPage *self)
{
  self->status_filter = -1;
  self->years = gtk_string_list_new (NULL);
  self->areas = gtk_string_list_new (NULL);
  self->reviewers = gtk_string_list_new (NULL);
  self->editors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  comm_date_today (&self->today);

  gtk_widget_init_template (GTK_WIDGET (self));

  comm_deep_dive_cells_add_columns (self->column_view, self->actions_view);
  setup_models (self);
  build_counts (self);
  fill_years (self);
  fill_statuses (self);
  load (self, NULL);
}

/* Public and shared */

GtkWidget *
comm_deep_dives_page_new (void)
{
  return g_object_new (COMM_TYPE_DEEP_DIVES_PAGE,
                       "title", _("Deep Dives"),
                       "icon-name", "edit-find-symbolic",
                       NULL);
}

int
comm_deep_dives_page_get_year (CommDeepDivesPage *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVES_PAGE (self), 0);

  return self->year;
}

void
comm_deep_dives_page_set_year (CommDeepDivesPage *self,
                               int                start_year)
{
  guint n;

  g_return_if_fail (COMM_IS_DEEP_DIVES_PAGE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->years));
  if (start_year < self->first_year || start_year >= self->first_year + (int) n)
    return;

  gtk_drop_down_set_selected (self->year_dropdown, (guint) (start_year - self->first_year));
}

GListModel *
comm_deep_dives_page_get_view_model (CommDeepDivesPage *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVES_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

GListModel *
comm_deep_dives_page_get_actions_model (CommDeepDivesPage *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVES_PAGE (self), NULL);

  return G_LIST_MODEL (self->actions_filter_model);
}

CommDeepDiveRow *
comm_deep_dives_page_get_selected (CommDeepDivesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

void
comm_deep_dives_page_reload (CommDeepDivesPage *self,
                             gint64             contract_id)
{
  CommDeepDiveRow *selected = comm_deep_dives_page_get_selected (self);

  if (contract_id == 0 && selected != NULL)
    contract_id = comm_deep_dive_row_get_contract_id (selected);

  load (self, comm_page_get_database (COMM_PAGE (self)));
  select_contract (self, contract_id);
}

void
comm_deep_dives_page_show_actions (CommDeepDivesPage *self,
                                   gboolean           actions)
{
  gtk_toggle_button_set_active (actions ? self->actions_toggle : self->schedule_toggle, TRUE);
}

GtkWindow *
comm_deep_dives_page_open_deep_dive (CommDeepDivesPage *self,
                                     gint64             id)
{
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(GError) error = NULL;
  CommDeepDiveEditor *editor;
  GtkWindow *open;
  GtkRoot *root;

  if (database == NULL || id == 0)
    return NULL;

  /* One window a Deep Dive: a second Enter brings the first forward. */
  open = g_hash_table_lookup (self->editors, &id);
  if (open != NULL)
    {
      gtk_window_present (open);
      return open;
    }

  editor = comm_deep_dive_editor_new (database, id, &error);
  if (editor == NULL)
    {
      comm_page_show_error (COMM_PAGE (self), _("The Deep Dive could not be opened"), error);
      return NULL;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_hash_table_insert (self->editors, g_memdup2 (&id, sizeof id), editor);
  g_signal_connect_object (editor, "changed", G_CALLBACK (on_editor_changed_cb), self, 0);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (on_editor_destroy_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}
