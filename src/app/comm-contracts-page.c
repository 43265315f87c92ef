/* comm-contracts-page.c: the Contracts tab - the register, its search and filters
 *
 * Models, as in the template: GListStore (every contract) -> GtkSortListModel (the column view's
 * sorter) -> GtkFilterListModel (one CommContractsFilter for search and drop-downs) ->
 * GtkSingleSelection -> GtkColumnView; _init puts CommRowSlots between the last two. The sort
 * sits below the filter so that a keystroke only filters: the order is worked out when the
 * workspace is read or the user sorts, never again for rows a search hides and shows. The
 * selection holds contracts (and follows the selected one when the rows change); the column view
 * shows row slots over it, so a search changes what its rows show instead of making new rows
 * (comm-row-slots.h). Positions are the same in all three. Actions and undo live in
 * comm-contracts-page-actions.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-contract-editor.h"
#include "comm-contracts-banding-choices.h"
#include "comm-contracts-page-private.h"
#include "comm-row-slots.h"

G_DEFINE_FINAL_TYPE (CommContractsPage, comm_contracts_page, COMM_TYPE_PAGE)

static gboolean on_fold_search_keys_cb (gpointer user_data);

/* The "Ends" drop-down, in order. */
enum { ENDS_ANY, ENDS_3_MONTHS, ENDS_6_MONTHS, ENDS_12_MONTHS, ENDS_THIS_YEAR };
/* The RAG drop-down after "All": Green, Amber, Red, Not rated. */
static const CommRag rag_choices[] = { COMM_RAG_GREEN, COMM_RAG_AMBER, COMM_RAG_RED, COMM_RAG_NONE };

static void
fill_fixed_dropdowns (CommContractsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) rags = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ends = gtk_string_list_new (NULL);

  gtk_string_list_append (statuses, _("All statuses"));
  for (int s = 0; s < COMM_N_STATUSES; s++)
    gtk_string_list_append (statuses, comm_contract_status_to_label ((CommContractStatus) s));

  gtk_string_list_append (rags, _("All ratings"));
  for (guint i = 0; i < G_N_ELEMENTS (rag_choices); i++)
    gtk_string_list_append (rags, comm_rag_to_label (rag_choices[i]));

  gtk_string_list_append (ends, _("Any end date"));
  gtk_string_list_append (ends, _("Ends within 3 months"));
  gtk_string_list_append (ends, _("Ends within 6 months"));
  gtk_string_list_append (ends, _("Ends within 12 months"));
  gtk_string_list_append (ends, _("Ends this financial year"));

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->rag_dropdown, G_LIST_MODEL (rags));
  gtk_drop_down_set_model (self->ends_dropdown, G_LIST_MODEL (ends));
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (self->areas));
  comm_contracts_banding_choices_fill (self->banding_dropdown);
  self->updating_filters = FALSE;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The area drop-down lists the areas present, as shown; the choice survives a rebuild. */
static void
rebuild_areas (CommContractsPage *self)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *current = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint selected = gtk_drop_down_get_selected (self->area_dropdown);
  guint new_selected = 0;
  GHashTableIter iter;
  gpointer code;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    current = g_strdup (gtk_string_list_get_string (self->areas, selected));

  /* The codes first (the store keeps them alive), then a label for each distinct one. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      g_hash_table_add (codes, (gpointer) comm_contract_get_service_area (contract));
    }
  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    {
      const char *label = comm_contract_cell_area_label (code);

      if (*label != '\0' && g_hash_table_add (seen, (gpointer) label))
        g_ptr_array_add (labels, (gpointer) label);
    }
  g_ptr_array_sort (labels, compare_labels);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (current, g_ptr_array_index (labels, i)) == 0)
      new_selected = i + 1;
  g_ptr_array_insert (labels, 0, (gpointer) _("All service areas"));
  g_ptr_array_add (labels, NULL);

  self->updating_filters = TRUE;
  gtk_string_list_splice (self->areas, 0, g_list_model_get_n_items (G_LIST_MODEL (self->areas)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->area_dropdown, new_selected);
  self->updating_filters = FALSE;

  comm_contracts_filter_set_area (self->filter,
                                  new_selected > 0 ? gtk_string_list_get_string (self->areas, new_selected) : NULL);
}

static void
apply_end_range (CommContractsPage *self,
                 guint              choice)
{
  const GDate *today = &self->cell_context.today;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate first, last;

  switch (choice)
    {
    case ENDS_3_MONTHS:
    case ENDS_6_MONTHS:
    case ENDS_12_MONTHS:
      last = *today;
      comm_date_add_months (&last, choice == ENDS_3_MONTHS ? 3 : choice == ENDS_6_MONTHS ? 6 : 12);
      from = comm_date_to_iso (today);
      to = comm_date_to_iso (&last);
      break;
    case ENDS_THIS_YEAR:
      comm_financial_year_bounds (comm_financial_year_of (today), &first, &last);
      from = comm_date_to_iso (&first);
      to = comm_date_to_iso (&last);
      break;
    default:
      break;
    }

  comm_contracts_filter_set_end_range (self->filter, from, to);
}

static void
update_status_line (CommContractsPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  guint n_shown = g_list_model_get_n_items (shown);
  guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_overdue = 0;
  gint64 total = 0;
  g_autofree char *money = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (shown, i);

      total += comm_contract_get_annual_value (contract);
      n_overdue += comm_contract_get_monitoring_overdue (contract) ? 1 : 0;
    }

  money = comm_money_format_full (total, COMM_MONEY_FORMAT_WHOLE_POUNDS);
  if (comm_contracts_filter_is_active (self->filter))
    count = g_strdup_printf (g_dngettext (NULL, "Showing %u of %u contract", "Showing %u of %u contracts", n_total),
                             n_shown, n_total);
  else
    count = g_strdup_printf (g_dngettext (NULL, "%u contract", "%u contracts", n_total), n_total);

  /* Translators: "Showing 23 of 60 contracts · £4,312,000 a year" */
  text = g_strdup_printf (_("%s · %s a year"), count, money);
  if (n_overdue > 0)
    {
      g_autofree char *overdue = g_strdup_printf (g_dngettext (NULL, "%u with monitoring overdue",
                                                               "%u with monitoring overdue", n_overdue),
                                                  n_overdue);
      g_autofree char *joined = g_strdup_printf (_("%s · %s"), text, overdue);

      g_free (text);
      text = g_steal_pointer (&joined);
    }

  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (self->clear_button, comm_contracts_filter_is_active (self->filter));
}

static void
update_stack (CommContractsPage *self)
{
  const char *name = "list";

  if (comm_page_get_database (COMM_PAGE (self)) == NULL)
    name = "closed";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    name = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    name = "no-match";

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), g_str_equal (name, "list") || g_str_equal (name, "no-match"));
}

static void
update_needs_attention (CommContractsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean overdue = FALSE;

  for (guint i = 0; i < n && !overdue; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      overdue = comm_contract_get_monitoring_overdue (contract);
    }

  g_object_set (self, "needs-attention", overdue, NULL);
}

static gboolean
find_in_model (GListModel *model,
               gint64      id,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (model, i);

      if (comm_contract_get_id (contract) == id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
select_and_reveal (CommContractsPage *self,
                   gint64             id)
{
  guint position;

  if (!find_in_model (G_LIST_MODEL (self->filter_model), id, &position))
    return;

  gtk_single_selection_set_selected (self->selection, position);

  /* GTK 4.8 has no gtk_column_view_scroll_to(); its list view offers the action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static int
compare_by_reference (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return g_utf8_collate (comm_contract_get_reference ((CommContract *) a),
                         comm_contract_get_reference ((CommContract *) b));
}

/* The bandings are read again each time: they are recorded from the contract editor. */
static void
apply_banding (CommContractsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!comm_contracts_banding_choices_apply (self->filter, comm_page_get_database (COMM_PAGE (self)),
                                             gtk_drop_down_get_selected (self->banding_dropdown), &error))
    comm_page_show_error (COMM_PAGE (self), _("The contracts’ bandings could not be read"), error);
}

static void
load (CommContractsPage *self,
      CommDatabase      *database)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) error = NULL;

  comm_date_today (&self->cell_context.today);
  g_clear_pointer (&self->cell_context.leads, g_array_unref);

  if (database != NULL)
    {
      self->cell_context.leads = comm_contract_store_reminder_leads (database);
      store = comm_contract_store_list (database, &self->cell_context.today, &error);
      if (store == NULL)
        comm_page_show_error (COMM_PAGE (self), _("The contracts could not be read"), error);
    }
  if (store == NULL)
    store = g_list_store_new (COMM_TYPE_CONTRACT);

  g_set_object (&self->store, store);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->store));
  g_clear_handle_id (&self->fold_source, g_source_remove);
  self->fold_position = 0;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    self->fold_source = g_idle_add_full (G_PRIORITY_LOW, on_fold_search_keys_cb, self, NULL);
  rebuild_areas (self);
  apply_end_range (self, gtk_drop_down_get_selected (self->ends_dropdown));
  apply_banding (self);
  update_needs_attention (self);
  update_status_line (self);
  update_stack (self);
  comm_contracts_page_update_actions (self);
}

/* Folds the search keys (each contract folds its own when first asked: comm-contract.h) a few
 * milliseconds at a time while the list is looked at, so the first keystroke finds them ready. */
static gboolean
on_fold_search_keys_cb (gpointer user_data)
{
  CommContractsPage *self = user_data;
  GListModel *all = G_LIST_MODEL (self->store);
  guint n = g_list_model_get_n_items (all);
  gint64 deadline = g_get_monotonic_time () + 2 * G_TIME_SPAN_MILLISECOND;

  while (self->fold_position < n && g_get_monotonic_time () < deadline)
    {
      guint end = MIN (n, self->fold_position + 64);

      for (; self->fold_position < end; self->fold_position++)
        {
          g_autoptr(CommContract) contract = g_list_model_get_item (all, self->fold_position);

          comm_contract_get_search_key (contract);
        }
    }

  if (self->fold_position < n)
    return G_SOURCE_CONTINUE;

  self->fold_source = 0;
  return G_SOURCE_REMOVE;
}

static void
on_search_changed_cb (CommContractsPage *self,
                      GtkSearchEntry    *entry)
{
  comm_contracts_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search_cb (CommContractsPage *self,
                   GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  comm_contracts_filter_set_search (self->filter, NULL);
}

/* Return in the search moves to the list, so the next Return opens the first match. */
static void
on_search_activate_cb (CommContractsPage *self,
                       GtkSearchEntry    *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    return;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_filter_dropdown_changed_cb (CommContractsPage *self,
                               GParamSpec        *pspec,
                               GtkDropDown       *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_filters || self->filter == NULL)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;

  if (dropdown == self->area_dropdown)
    comm_contracts_filter_set_area (self->filter,
                                    selected > 0 ? gtk_string_list_get_string (self->areas, selected) : NULL);
  else if (dropdown == self->status_dropdown)
    comm_contracts_filter_set_status (self->filter, (int) selected - 1);
  else if (dropdown == self->rag_dropdown)
    comm_contracts_filter_set_rag (self->filter, selected > 0 ? (int) rag_choices[selected - 1] : -1);
  else if (dropdown == self->ends_dropdown)
    apply_end_range (self, selected);
  else if (dropdown == self->banding_dropdown)
    apply_banding (self);
}

static void
on_overdue_toggled_cb (CommContractsPage *self,
                       GtkCheckButton    *check)
{
  if (!self->updating_filters && self->filter != NULL)
    comm_contracts_filter_set_overdue_only (self->filter, gtk_check_button_get_active (check));
}

static void
on_filter_items_changed_cb (CommContractsPage *self,
                            guint              position,
                            guint              removed,
                            guint              added,
                            GListModel        *model)
{
  if (self->store == NULL)
    return;

  update_status_line (self);
  update_stack (self);
}

static void
on_selection_changed_cb (CommContractsPage  *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  comm_contracts_page_update_actions (self);
}

static void
on_row_activated_cb (CommContractsPage *self,
                     guint              position,
                     GtkColumnView     *column_view)
{
  g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (contract == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  comm_contracts_page_open_editor (self, contract);
}

static void
on_editor_saved_cb (CommContractEditor *editor,
                    CommContract       *saved,
                    CommContractsPage  *self)
{
  CommContract *fresh = comm_contracts_page_reload_contract (self, comm_contract_get_id (saved));
  g_autofree char *message = NULL;

  if (fresh == NULL || !comm_contract_editor_is_new (editor))
    return;

  message = g_strdup_printf (_("Added “%s”"), comm_contract_get_reference (fresh));
  comm_contracts_page_push_undo (self, TRUE, fresh, message);
}

static void
on_editor_providers_changed_cb (CommContractEditor *editor,
                                CommContractsPage  *self)
{
  comm_contracts_page_reload (self);
}

static void
comm_contracts_page_database_changed (CommPage     *page,
                                      CommDatabase *database)
{
  CommContractsPage *self = COMM_CONTRACTS_PAGE (page);

  comm_contracts_page_clear_undo (self);
  load (self, database);
}

static void
comm_contracts_page_start_search (CommPage *page)
{
  comm_contracts_page_focus_search (COMM_CONTRACTS_PAGE (page));
}

static gboolean
comm_contracts_page_undo (CommPage *page)
{
  return comm_contracts_page_undo_newest (COMM_CONTRACTS_PAGE (page));
}

static void
comm_contracts_page_dispose (GObject *object)
{
  CommContractsPage *self = COMM_CONTRACTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->fold_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_CONTRACTS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_object (&self->areas);
  comm_contracts_page_clear_undo (self);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (comm_contracts_page_parent_class)->dispose (object);
}

static void
comm_contracts_page_finalize (GObject *object)
{
  CommContractsPage *self = COMM_CONTRACTS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->cell_context.leads, g_array_unref);

  G_OBJECT_CLASS (comm_contracts_page_parent_class)->finalize (object);
}

static void
comm_contracts_page_class_init (CommContractsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CommPageClass *page_class = COMM_PAGE_CLASS (klass);

  object_class->dispose = comm_contracts_page_dispose;
  object_class->finalize = comm_contracts_page_finalize;
  page_class->database_changed = comm_contracts_page_database_changed;
  page_class->start_search = comm_contracts_page_start_search;
  page_class->undo = comm_contracts_page_undo;

  g_type_ensure (COMM_TYPE_CONTRACT);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-contracts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, rag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, ends_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, banding_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, reference_column);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, provider_column);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, area_column);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, value_column);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, start_column);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, end_column);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, rag_column);
  gtk_widget_class_bind_template_child (widget_class, CommContractsPage, monitoring_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  comm_contracts_page_class_add_actions (widget_class);
}

static void
set_factories (CommContractsPage *self)
{
  struct { GtkColumnViewColumn *column; CommContractCell cell; } columns[] = {
    { self->reference_column, COMM_CONTRACT_CELL_REFERENCE },
    { self->title_column, COMM_CONTRACT_CELL_TITLE },
    { self->provider_column, COMM_CONTRACT_CELL_PROVIDER },
    { self->area_column, COMM_CONTRACT_CELL_SERVICE_AREA },
    { self->value_column, COMM_CONTRACT_CELL_ANNUAL_VALUE },
    { self->start_column, COMM_CONTRACT_CELL_START },
    { self->end_column, COMM_CONTRACT_CELL_END },
    { self->status_column, COMM_CONTRACT_CELL_STATUS },
    { self->rag_column, COMM_CONTRACT_CELL_RAG },
    { self->monitoring_column, COMM_CONTRACT_CELL_NEXT_MONITORING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = comm_contract_cell_factory_new (columns[i].cell, &self->cell_context);

      gtk_column_view_column_set_factory (columns[i].column, factory);
    }
}

static void
comm_contracts_page_init (CommContractsPage *self)
{
  g_autoptr(CommRowSlots) rows = NULL;

  self->filter = comm_contracts_filter_new ();
  self->areas = gtk_string_list_new (NULL);
  self->cancellable = g_cancellable_new ();
  comm_date_today (&self->cell_context.today);

  gtk_widget_init_template (GTK_WIDGET (self));

  rows = comm_row_slots_new (GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (rows));
  comm_row_slots_set_view (rows, GTK_WIDGET (self->column_view));
  set_factories (self);
  fill_fixed_dropdowns (self);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  gtk_column_view_sort_by_column (self->column_view, self->reference_column, GTK_SORT_ASCENDING);
  load (self, NULL);
}

GtkWidget *
comm_contracts_page_new (void)
{
  return g_object_new (COMM_TYPE_CONTRACTS_PAGE,
                       "title", _("Contracts"),
                       "icon-name", "x-office-document-symbolic",
                       NULL);
}

GListModel *
comm_contracts_page_get_view_model (CommContractsPage *self)
{
  g_return_val_if_fail (COMM_IS_CONTRACTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

GtkWindow *
comm_contracts_page_open_editor (CommContractsPage *self,
                                 CommContract      *contract)
{
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(CommContract) full = NULL;
  g_autoptr(GError) error = NULL;
  CommContractEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (COMM_IS_CONTRACTS_PAGE (self), NULL);
  g_return_val_if_fail (contract == NULL || COMM_IS_CONTRACT (contract), NULL);

  if (database == NULL)
    return NULL;

  if (contract != NULL && comm_contract_get_id (contract) != 0)
    {
      full = comm_contract_store_get (database, comm_contract_get_id (contract),
                                      &self->cell_context.today, &error);
      if (full == NULL)
        {
          comm_page_show_error (COMM_PAGE (self), _("The contract could not be opened"), error);
          return NULL;
        }
    }

  editor = comm_contract_editor_new (database, full);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  g_signal_connect_object (editor, "providers-changed", G_CALLBACK (on_editor_providers_changed_cb), self, 0);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (apply_banding), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}

CommContract *
comm_contracts_page_get_selected (CommContractsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

CommContract *
comm_contracts_page_reload_contract (CommContractsPage *self,
                                     gint64             id)
{
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(CommContract) fresh = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (database == NULL)
    return NULL;

  fresh = comm_contract_store_get (database, id, &self->cell_context.today, &error);
  if (fresh == NULL)
    {
      comm_page_show_error (COMM_PAGE (self), _("The contract could not be read again"), error);
      return NULL;
    }

  if (find_in_model (G_LIST_MODEL (self->store), id, &position))
    g_list_store_splice (self->store, position, 1, (gpointer *) &fresh, 1);
  else
    g_list_store_insert_sorted (self->store, fresh, compare_by_reference, NULL);

  rebuild_areas (self);
  update_needs_attention (self);
  select_and_reveal (self, id);

  return fresh;
}

void
comm_contracts_page_remove_contract (CommContractsPage *self,
                                     gint64             id)
{
  guint position;

  if (find_in_model (G_LIST_MODEL (self->store), id, &position))
    g_list_store_remove (self->store, position);

  rebuild_areas (self);
  update_needs_attention (self);
  comm_contracts_page_update_actions (self);
}

void
comm_contracts_page_reload (CommContractsPage *self)
{
  CommContract *selected = comm_contracts_page_get_selected (self);
  gint64 id = selected != NULL ? comm_contract_get_id (selected) : 0;

  load (self, comm_page_get_database (COMM_PAGE (self)));
  if (id != 0)
    select_and_reveal (self, id);
}

void
comm_contracts_page_clear_filters (CommContractsPage *self)
{
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->rag_dropdown, 0);
  gtk_drop_down_set_selected (self->ends_dropdown, 0);
  gtk_drop_down_set_selected (self->banding_dropdown, 0);
  gtk_check_button_set_active (self->overdue_check, FALSE);
  self->updating_filters = FALSE;

  comm_contracts_filter_set_search (self->filter, NULL);
  comm_contracts_filter_set_area (self->filter, NULL);
  comm_contracts_filter_set_status (self->filter, -1);
  comm_contracts_filter_set_rag (self->filter, -1);
  comm_contracts_filter_set_end_range (self->filter, NULL, NULL);
  comm_contracts_filter_set_overdue_only (self->filter, FALSE);
  comm_contracts_filter_set_banding (self->filter, NULL, 0, 0);
}

void
comm_contracts_page_focus_search (CommContractsPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
