/* comm-deep-dives-page-filters.c: the Deep Dives tab's search and filters
 *
 * One custom filter over the schedule rows: a folded search (case, accents and look-alike
 * letters, as in the register; each row folds its text once, when first searched) and the service
 * area, lead reviewer and status drop-downs, whose choices are the values present in the year.
 * The outstanding actions are searched by the same words.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-contract-cells.h"
#include "comm-deep-dives-page-private.h"

static GQuark search_key_quark;

static const char *
row_search_key (CommDeepDiveRow *row)
{
  const char *key;
  g_autofree char *joined = NULL;

  if (search_key_quark == 0)
    search_key_quark = g_quark_from_static_string ("comm-dd-search-key");
  key = g_object_get_qdata (G_OBJECT (row), search_key_quark);

  if (key != NULL)
    return key;

  joined = g_strjoin (" ", comm_deep_dive_row_get_contract_reference (row),
                      comm_deep_dive_row_get_contract_title (row),
                      comm_deep_dive_row_get_provider_name (row),
                      comm_contract_cell_area_label (comm_deep_dive_row_get_service_area (row)),
                      comm_deep_dive_row_get_lead_reviewer (row),
                      comm_deep_dive_row_get_provider_contact (row),
                      comm_deep_dive_cell_status_text (row), NULL);
  g_object_set_qdata_full (G_OBJECT (row), search_key_quark, comm_text_fold (joined), g_free);

  return g_object_get_qdata (G_OBJECT (row), search_key_quark);
}

gboolean
comm_deep_dives_page_filter_row (gpointer item,
                                 gpointer user_data)
{
  CommDeepDivesPage *self = user_data;
  CommDeepDiveRow *row = item;

  if (self->status_filter >= 0 && (int) comm_deep_dive_row_get_status (row) != self->status_filter)
    return FALSE;
  if (self->area_filter != NULL &&
      g_strcmp0 (comm_contract_cell_area_label (comm_deep_dive_row_get_service_area (row)), self->area_filter) != 0)
    return FALSE;
  if (self->reviewer_filter != NULL &&
      g_strcmp0 (comm_deep_dive_row_get_lead_reviewer (row), self->reviewer_filter) != 0)
    return FALSE;
  if (self->search != NULL && !comm_text_matches (row_search_key (row), self->search))
    return FALSE;

  return TRUE;
}

gboolean
comm_deep_dives_page_filter_action (gpointer item,
                                    gpointer user_data)
{
  CommDeepDivesPage *self = user_data;
  CommActionRow *row = comm_action_item_get_row (item);
  g_autofree char *joined = NULL;
  g_autofree char *folded = NULL;

  if (self->search == NULL)
    return TRUE;

  joined = g_strjoin (" ", row->contract_reference, row->contract_title, row->provider_name,
                      row->area_title, row->action.description, row->action.owner, NULL);
  folded = comm_text_fold (joined);
  return comm_text_matches (folded, self->search);
}

gboolean
comm_deep_dives_page_filters_active (CommDeepDivesPage *self)
{
  return self->search != NULL || self->area_filter != NULL || self->reviewer_filter != NULL ||
         self->status_filter >= 0;
}

void
comm_deep_dives_page_refilter (CommDeepDivesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->actions_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Fills @list with @first then the distinct non-empty @values, sorted; keeps @current chosen. */
static void
fill_choice_list (CommDeepDivesPage *self,
                  GtkDropDown       *dropdown,
                  GtkStringList     *list,
                  GHashTable        *values,
                  const char        *first,
                  char             **current)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  guint selected = 0;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    if (*(const char *) value != '\0')
      g_ptr_array_add (labels, value);
  g_ptr_array_sort (labels, compare_labels);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (*current, g_ptr_array_index (labels, i)) == 0)
      selected = i + 1;
  if (selected == 0)
    g_clear_pointer (current, g_free);
  g_ptr_array_insert (labels, 0, (gpointer) first);
  g_ptr_array_add (labels, NULL);

  self->updating_filters = TRUE;
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_filters = FALSE;
}

void
comm_deep_dives_page_rebuild_choices (CommDeepDivesPage *self)
{
  g_autoptr(GHashTable) areas = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) reviewers = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      g_hash_table_add (areas, (gpointer) comm_contract_cell_area_label (comm_deep_dive_row_get_service_area (row)));
      g_hash_table_add (reviewers, (gpointer) comm_deep_dive_row_get_lead_reviewer (row));
    }

  fill_choice_list (self, self->area_dropdown, self->areas, areas, _("All service areas"), &self->area_filter);
  fill_choice_list (self, self->reviewer_dropdown, self->reviewers, reviewers, _("All reviewers"),
                    &self->reviewer_filter);
}

void
comm_deep_dives_page_clear_filters (CommDeepDivesPage *self)
{
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_drop_down_set_selected (self->reviewer_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  self->updating_filters = FALSE;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->area_filter, g_free);
  g_clear_pointer (&self->reviewer_filter, g_free);
  self->status_filter = -1;
  comm_deep_dives_page_refilter (self);
}

void
comm_deep_dives_page_focus_search (CommDeepDivesPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
