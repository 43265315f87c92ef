/* comm-risks-page.c: the Risks tab - registers, their risks, the heat map
 *
 * The sidebar lists "Top risks across all registers", then the registers grouped by kind
 * (programme, procurement, contract). The view shows one of them: its heat map (open risks,
 * inherent and residual) above its risks. Models, as in the template: GListStore (the risks of
 * the view) -> GtkSortListModel (the column view's sorter) -> GtkFilterListModel (search words
 * and the heat-map cell) -> GtkSingleSelection -> GtkColumnView. Actions and undo live in
 * comm-risks-page-actions.c.
 *
 * A programme register's list includes the risks rolled up from the registers under it
 * (marked so in the "Register" column); the top risks are the 100 open risks of all registers
 * with the highest current severity, and their heat map (of those 100) is on the 5 x 5 scale.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-risks-page-private.h"
#include "comm-row-slots.h"

G_DEFINE_FINAL_TYPE (CommRisksPage, comm_risks_page, COMM_TYPE_PAGE)

/* The top risks across all registers: the open risks with the highest current severity. */
#define TOP_RISKS 100

static GQuark search_key_quark;

/* Column titles and widths, in order. */
static const struct { const char *title; int width; gboolean expand; } column_info[COMM_RISK_N_CELLS] = {
  [COMM_RISK_CELL_REFERENCE] = { N_("Ref."), 56, FALSE },
  [COMM_RISK_CELL_TITLE] = { N_("Risk"), 170, TRUE },
  [COMM_RISK_CELL_SOURCE] = { N_("Register"), 160, FALSE },
  [COMM_RISK_CELL_OWNER] = { N_("Owner"), 110, FALSE },
  [COMM_RISK_CELL_CATEGORY] = { N_("Category"), 104, FALSE },
  [COMM_RISK_CELL_INHERENT] = { N_("Inherent"), 104, FALSE },
  [COMM_RISK_CELL_RESIDUAL] = { N_("Residual"), 112, FALSE },
  [COMM_RISK_CELL_RESPONSE] = { N_("Response"), 84, FALSE },
  [COMM_RISK_CELL_REVIEW_DUE] = { N_("Review due"), 168, FALSE },
  [COMM_RISK_CELL_STATUS] = { N_("Status"), 70, FALSE },
};

/* Search: the words of the title, reference, owner, category, register and contract, folded
 * once a risk (risks are replaced, not changed, after an edit). */
static const char *
search_key (CommRisk *risk)
{
  char *key = g_object_get_qdata (G_OBJECT (risk), search_key_quark);

  if (key == NULL)
    {
      g_autofree char *joined = g_strjoin (" ", risk->reference, risk->title, risk->owner, risk->category,
                                           risk->register_name, risk->contract_reference, risk->cause, NULL);

      key = comm_text_fold (joined);
      g_object_set_qdata_full (G_OBJECT (risk), search_key_quark, key, g_free);
    }

  return key;
}

static gboolean
filter_risk (gpointer item,
             gpointer user_data)
{
  CommRisksPage *self = user_data;
  CommRisk *risk = item;

  if (self->cell_which >= 0 &&
      (risk->status != COMM_RISK_STATUS_OPEN ||
       !comm_heat_map_risk_in_cell (risk, self->view_scale, (CommHeatMapWhich) self->cell_which,
                                    self->cell_likelihood, self->cell_impact)))
    return FALSE;

  if (self->search_words != NULL)
    {
      const char *key = search_key (risk);

      for (guint i = 0; self->search_words[i] != NULL; i++)
        if (strstr (key, self->search_words[i]) == NULL)
          return FALSE;
    }

  return TRUE;
}

static gboolean
filter_is_active (CommRisksPage *self)
{
  return self->cell_which >= 0 || self->search_words != NULL;
}

/* The sidebar */

static void
fill_sidebar (CommRisksPage *self)
{
  g_autoptr(GListStore) items = comm_risks_sidebar_build (G_LIST_MODEL (self->registers));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->registers));
  guint position;
  gboolean attention = FALSE;

  for (guint i = 0; i < n && !attention; i++)
    {
      g_autoptr(CommRiskRegister) reg = g_list_model_get_item (G_LIST_MODEL (self->registers), i);

      attention = reg->n_overdue > 0;
    }

  self->filling_sidebar = TRUE;
  gtk_single_selection_set_model (self->register_selection, G_LIST_MODEL (items));
  position = comm_risks_sidebar_find (G_LIST_MODEL (items), self->current_id);
  gtk_single_selection_set_selected (self->register_selection, position != GTK_INVALID_LIST_POSITION ? position : 0);
  self->filling_sidebar = FALSE;
  g_object_set (self, "needs-attention", attention, NULL);
}

/* The view */

static void
update_chip (CommRisksPage *self)
{
  g_autofree char *text = NULL;

  if (self->cell_which >= 0)
    {
      guint count = comm_heat_map_view_get_count (self->heat_map, self->cell_which,
                                                  self->cell_likelihood, self->cell_impact);
      g_autofree char *risks = g_strdup_printf (g_dngettext (NULL, "%u open risk", "%u open risks", count), count);

      /* Translators: "Filtered to residual likelihood 4, impact 5: 3 open risks" */
      text = g_strdup_printf (self->cell_which == COMM_HEAT_MAP_INHERENT
                              ? _("Filtered to inherent likelihood %s, impact %s: %s")
                              : _("Filtered to residual likelihood %s, impact %s: %s"),
                              comm_heat_map_axis_label (self->view_scale, self->cell_likelihood),
                              comm_heat_map_axis_label (self->view_scale, self->cell_impact), risks);
      gtk_label_set_text (self->chip_label, text);
    }

  gtk_revealer_set_reveal_child (self->chip_revealer, self->cell_which >= 0);
  comm_heat_map_view_set_selected (self->heat_map, self->cell_which, self->cell_likelihood, self->cell_impact);
}

static void
update_status_line (CommRisksPage *self)
{
  GListModel *all = G_LIST_MODEL (self->store);
  guint n_total = g_list_model_get_n_items (all);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n_overdue = 0, n_rolled = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_total; i++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (all, i);

      n_overdue += risk->review_overdue ? 1 : 0;
      n_rolled += risk->rolled_up ? 1 : 0;
    }

  if (filter_is_active (self))
    g_string_append_printf (text, g_dngettext (NULL, "Showing %u of %u risk", "Showing %u of %u risks", n_total),
                            n_shown, n_total);
  else
    g_string_append_printf (text, g_dngettext (NULL, "%u risk", "%u risks", n_total), n_total);
  if (n_rolled > 0)
    g_string_append_printf (text, g_dngettext (NULL, " · %u rolled up from contract registers",
                                               " · %u rolled up from contract registers", n_rolled), n_rolled);
  if (n_overdue > 0)
    g_string_append_printf (text, g_dngettext (NULL, " · %u review overdue", " · %u reviews overdue", n_overdue),
                            n_overdue);

  gtk_label_set_text (self->status_label, text->str);
}

static void
update_stack (CommRisksPage *self)
{
  const char *name = "rows";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    name = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    name = "no-match";

  gtk_stack_set_visible_child_name (self->list_stack, name);
}

static void
update_heat_map (CommRisksPage *self)
{
  g_autoptr(GListStore) open = g_list_store_new (COMM_TYPE_RISK);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  CommHeatMapCounts inherent, residual;
  CommRiskBands bands;

  for (guint i = 0; i < n; i++)
    {
      CommRisk *risk = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (risk->status == COMM_RISK_STATUS_OPEN)
        g_ptr_array_add (items, risk);
      else
        g_object_unref (risk);
    }
  g_list_store_splice (open, 0, 0, items->pdata, items->len);

  comm_heat_map_count (&inherent, self->view_scale, COMM_HEAT_MAP_INHERENT, G_LIST_MODEL (open));
  comm_heat_map_count (&residual, self->view_scale, COMM_HEAT_MAP_RESIDUAL, G_LIST_MODEL (open));
  if (self->current != NULL)
    comm_risk_register_get_bands (self->current, &bands);
  comm_heat_map_view_set_counts (self->heat_map, &inherent, &residual,
                                 self->current != NULL ? &bands : NULL);
}

static void
update_title (CommRisksPage *self)
{
  g_autofree char *title = NULL;

  if (self->current == NULL)
    title = g_strdup (_("Top risks across all registers"));
  else
    /* Translators: the register shown: its name, then its kind: "Early Help (Programme)" */
    title = g_strdup_printf (_("%s (%s)"), self->current->name, comm_risk_register_kind_label (self->current->kind));
  gtk_label_set_text (self->register_title, title);
}

static gboolean
find_risk (GListModel *model,
           gint64      id,
           guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (model, i);

      if (risk->id == id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
select_risk (CommRisksPage *self,
             gint64         id)
{
  guint position;

  if (id == 0 || !find_risk (G_LIST_MODEL (self->filter_model), id, &position))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Reads the risks of the view (the registers must be read already). */
static void
load_view (CommRisksPage *self)
{
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->current);
  for (guint i = 0; self->current_id != 0 && i < g_list_model_get_n_items (G_LIST_MODEL (self->registers)); i++)
    {
      g_autoptr(CommRiskRegister) reg = g_list_model_get_item (G_LIST_MODEL (self->registers), i);

      if (reg->id == self->current_id)
        self->current = g_object_ref (reg);
    }
  if (self->current == NULL)
    self->current_id = 0;
  self->view_scale = self->current != NULL ? self->current->scale : COMM_RISK_SCALE_5X5;

  if (database != NULL)
    {
      store = self->current != NULL
              ? comm_risk_store_list (database, self->current_id, &self->today, &error)
              : comm_risk_store_top (database, TOP_RISKS, &self->today, &error);
      if (store == NULL)
        comm_page_show_error (COMM_PAGE (self), _("The risks could not be read"), error);
    }
  if (store == NULL)
    store = g_list_store_new (COMM_TYPE_RISK);

  g_set_object (&self->store, store);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->store));
  gtk_column_view_column_set_visible (self->columns[COMM_RISK_CELL_SOURCE], TRUE);

  update_title (self);
  update_heat_map (self);
  update_chip (self);
  update_status_line (self);
  update_stack (self);
  comm_risks_page_update_actions (self);
}

static void
load (CommRisksPage *self)
{
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(GListStore) registers = NULL;
  g_autoptr(GError) error = NULL;

  self->needs_load = FALSE;
  comm_date_today (&self->today);
  if (database == NULL)
    {
      gtk_stack_set_visible_child_name (self->outer_stack, "closed");
      g_set_object (&self->store, NULL);
      gtk_sort_list_model_set_model (self->sort_model, NULL);
      comm_risks_page_update_actions (self);
      return;
    }

  registers = comm_risk_register_store_list (database, &self->today, &error);
  if (registers == NULL)
    {
      comm_page_show_error (COMM_PAGE (self), _("The risk registers could not be read"), error);
      registers = g_list_store_new (COMM_TYPE_RISK_REGISTER);
    }
  g_set_object (&self->registers, registers);

  gtk_stack_set_visible_child_name (self->outer_stack, "registers");
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (registers)) > 0 ? "list" : "no-registers");
  fill_sidebar (self);
  load_view (self);
}

/* Callbacks */

static void
on_register_selected_cb (CommRisksPage      *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  CommRisksSidebarItem *item = gtk_single_selection_get_selected_item (selection);
  gint64 id = item != NULL ? comm_risks_sidebar_item_get_id (item) : -1;

  if (self->filling_sidebar || id < 0 || id == self->current_id)
    return;

  self->current_id = id;
  self->cell_which = -1;
  load_view (self);
}

static void
on_search_changed_cb (CommRisksPage  *self,
                      GtkSearchEntry *entry)
{
  g_autofree char *folded = comm_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_clear_pointer (&self->search_words, g_strfreev);
  if (folded != NULL && *g_strstrip (folded) != '\0')
    self->search_words = g_strsplit_set (folded, " \t", -1);
  /* g_strsplit_set leaves empty words between runs of spaces: they match everything. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_stop_search_cb (CommRisksPage  *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_search_activate_cb (CommRisksPage  *self,
                       GtkSearchEntry *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    return;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_cell_activated_cb (CommRisksPage   *self,
                      int              which,
                      guint            likelihood,
                      guint            impact,
                      CommHeatMapView *view)
{
  self->cell_which = which;
  self->cell_likelihood = likelihood;
  self->cell_impact = impact;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_chip (self);
}

static void
on_filter_items_changed_cb (CommRisksPage *self,
                            guint          position,
                            guint          removed,
                            guint          added,
                            GListModel    *model)
{
  if (self->store == NULL)
    return;

  update_status_line (self);
  update_stack (self);
}

static void
on_selection_changed_cb (CommRisksPage      *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  comm_risks_page_update_actions (self);
}

static void
on_row_activated_cb (CommRisksPage *self,
                     guint          position,
                     GtkColumnView *column_view)
{
  g_autoptr(CommRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (risk == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  comm_risks_page_open_editor (self, risk);
}

/* Overrides */

static void
comm_risks_page_database_changed (CommPage     *page,
                                  CommDatabase *database)
{
  CommRisksPage *self = COMM_RISKS_PAGE (page);

  comm_risks_page_clear_undo (self);
  self->current_id = 0;
  self->cell_which = -1;
  if (database == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    {
      g_autoptr(GError) error = NULL;
      gboolean overdue = FALSE;

      /* Read when first shown; until then only whether to flag the tab. */
      self->needs_load = TRUE;
      gtk_stack_set_visible_child_name (self->outer_stack, "closed");
      comm_risks_page_update_actions (self);
      comm_date_today (&self->today);
      if (!comm_risk_register_store_any_overdue (database, &self->today, &overdue, &error))
        g_debug ("Risks tab: %s", error->message);  /* said in full when the tab is shown */
      g_object_set (self, "needs-attention", overdue, NULL);
    }
}

static void
comm_risks_page_map (GtkWidget *widget)
{
  CommRisksPage *self = COMM_RISKS_PAGE (widget);

  if (self->needs_load)
    load (self);

  GTK_WIDGET_CLASS (comm_risks_page_parent_class)->map (widget);
}

static void
comm_risks_page_start_search (CommPage *page)
{
  comm_risks_page_focus_search (COMM_RISKS_PAGE (page));
}

static gboolean
comm_risks_page_undo (CommPage *page)
{
  return comm_risks_page_undo_newest (COMM_RISKS_PAGE (page));
}

static void
comm_risks_page_dispose (GObject *object)
{
  CommRisksPage *self = COMM_RISKS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_RISKS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->registers);
  g_clear_object (&self->current);
  g_clear_object (&self->filter);
  comm_risks_page_clear_undo (self);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (comm_risks_page_parent_class)->dispose (object);
}

static void
comm_risks_page_finalize (GObject *object)
{
  CommRisksPage *self = COMM_RISKS_PAGE (object);

  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (comm_risks_page_parent_class)->finalize (object);
}

static void
comm_risks_page_class_init (CommRisksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CommPageClass *page_class = COMM_PAGE_CLASS (klass);

  object_class->dispose = comm_risks_page_dispose;
  object_class->finalize = comm_risks_page_finalize;
  widget_class->map = comm_risks_page_map;
  page_class->database_changed = comm_risks_page_database_changed;
  page_class->start_search = comm_risks_page_start_search;
  page_class->undo = comm_risks_page_undo;

  search_key_quark = g_quark_from_static_string ("comm-risk-search-key");
  g_type_ensure (COMM_TYPE_HEAT_MAP_VIEW);
  g_type_ensure (COMM_TYPE_RISK);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-risks-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CommRisksPage, name)
  BIND (register_list); BIND (register_selection); BIND (register_title); BIND (search_entry);
  BIND (chip_revealer); BIND (chip_label); BIND (stack); BIND (list_stack); BIND (heat_map);
  BIND (column_view); BIND (selection); BIND (sort_model); BIND (filter_model); BIND (status_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_register_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cell_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  comm_risks_page_class_add_actions (widget_class);
}

static void
add_columns (CommRisksPage *self)
{
  for (int c = 0; c < COMM_RISK_N_CELLS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = comm_risk_cell_factory_new (c);
      GtkColumnViewColumn *column = gtk_column_view_column_new (_(column_info[c].title), g_steal_pointer (&factory));
      g_autoptr(GtkSorter) sorter = comm_risk_cell_sorter_new (c);

      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, column_info[c].width);
      gtk_column_view_column_set_expand (column, column_info[c].expand);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[c] = column;
      g_object_unref (column);
    }
}

static void
comm_risks_page_init (CommRisksPage *self)
{
  g_autoptr(CommRowSlots) rows = NULL;

  self->cell_which = -1;
  comm_date_today (&self->today);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound as a template child: dispose_template would unparent it from under AdwBin. */
  self->outer_stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  rows = comm_row_slots_new (GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (rows));
  add_columns (self);
  self->filter = gtk_custom_filter_new (filter_risk, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  {
    g_autoptr(GtkListItemFactory) factory = comm_risks_sidebar_factory_new ();

    gtk_list_view_set_factory (self->register_list, factory);
  }
  load (self);
}

/* Public and shared API */

GtkWidget *
comm_risks_page_new (void)
{
  return g_object_new (COMM_TYPE_RISKS_PAGE,
                       "title", _("Risks"),
                       "icon-name", "dialog-warning-symbolic",
                       NULL);
}

GListModel *
comm_risks_page_get_view_model (CommRisksPage *self)
{
  g_return_val_if_fail (COMM_IS_RISKS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

CommRisk *
comm_risks_page_get_selected (CommRisksPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

void
comm_risks_page_refresh (CommRisksPage *self,
                         gint64         select_id)
{
  CommRisk *selected = comm_risks_page_get_selected (self);

  if (select_id == 0 && selected != NULL)
    select_id = selected->id;

  load (self);
  select_risk (self, select_id);
}

void
comm_risks_page_show_register (CommRisksPage *self,
                               gint64         id)
{
  GListModel *items = gtk_single_selection_get_model (self->register_selection);
  guint position = items != NULL ? comm_risks_sidebar_find (items, id) : GTK_INVALID_LIST_POSITION;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->register_selection, position);
}

void
comm_risks_page_clear_cell (CommRisksPage *self)
{
  if (self->cell_which < 0)
    return;

  self->cell_which = -1;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  update_chip (self);
}

void
comm_risks_page_clear_filters (CommRisksPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_words, g_strfreev);
  self->cell_which = -1;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  update_chip (self);
}

void
comm_risks_page_focus_search (CommRisksPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
