/* comm-choice-combo.c: an AdwComboRow over one of the domain's pick lists
 *
 * The row shows labels; the codes sit beside the model as object data, in the same order.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-choice-combo.h"

#define CODES_KEY "comm-choice-codes"

void
comm_choice_combo_fill (AdwComboRow      *row,
                        const CommChoice *choices,
                        const char       *none_label,
                        const char       *code)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;
  gboolean found = FALSE;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (choices != NULL);

  if (code == NULL)
    code = "";

  if (none_label != NULL)
    {
      gtk_string_list_append (labels, none_label);
      g_ptr_array_add (codes, g_strdup (""));
      found = (*code == '\0');
    }

  for (const CommChoice *c = choices; c->code != NULL; c++)
    {
      if (!found && g_strcmp0 (c->code, code) == 0)
        {
          selected = codes->len;
          found = TRUE;
        }
      gtk_string_list_append (labels, _(c->label));
      g_ptr_array_add (codes, g_strdup (c->code));
    }

  if (!found && *code != '\0')
    {
      selected = codes->len;
      gtk_string_list_append (labels, code);
      g_ptr_array_add (codes, g_strdup (code));
    }

  g_object_set_data_full (G_OBJECT (row), CODES_KEY, codes, (GDestroyNotify) g_ptr_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

const char *
comm_choice_combo_get_code (AdwComboRow *row)
{
  GPtrArray *codes;
  guint selected;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), "");

  codes = g_object_get_data (G_OBJECT (row), CODES_KEY);
  selected = adw_combo_row_get_selected (row);
  if (codes == NULL || selected >= codes->len)
    return "";

  return g_ptr_array_index (codes, selected);
}
