/* comm-risk-import-dialog-view.c: the preview of a risk import - the counts, then the rejected
 * rows (line, column, cell, reason) and the new and updated ones
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "comm-risk-import-dialog-private.h"

#define MAX_LISTED_GOOD 200  /* new and updated rows listed; rejected rows are all listed */

/* The cell of @row under the title column, or NULL. */
static const char *
row_title (CommRiskImportDialog *self,
           CommImportRow        *row)
{
  int column = comm_risk_import_columns_get (self->columns_group)[COMM_RISK_FIELD_TITLE];
  guint n_cells = row->cells != NULL ? g_strv_length (row->cells) : 0;

  return column >= 0 && (guint) column < n_cells ? row->cells[column] : NULL;
}

static char *
describe_row (CommRiskImportDialog *self,
              CommImportRow        *row)
{
  const char *title = row_title (self, row);

  if (row->kind == COMM_IMPORT_ROW_REJECTED)
    {
      if (row->column == NULL)
        return g_strdup (row->reason);
      if (row->cell == NULL || *row->cell == '\0' || strstr (row->reason, row->cell) != NULL)
        /* Translators: a rejected row: the column, the reason (which quotes the cell) */
        return g_strdup_printf (_("%s: %s"), row->column, row->reason);
      /* Translators: a rejected row: column, its cell, the reason */
      return g_strdup_printf (_("%s “%s”: %s"), row->column, row->cell, row->reason);
    }
  if (row->flagged && row->flag_reason != NULL)
    return g_strdup (row->flag_reason);
  if (title != NULL && *title != '\0')
    return g_strdup_printf (row->kind == COMM_IMPORT_ROW_NEW ? _("A new risk: %s") : _("Changes the risk: %s"), title);
  return g_strdup (row->kind == COMM_IMPORT_ROW_NEW ? _("A new risk") : _("Changes an existing risk"));
}

static void
add_result_row (CommRiskImportDialog *self,
                CommImportRow        *row)
{
  static const char * const kinds[] = { N_("New"), N_("Updated"), N_("Unchanged"), N_("Rejected") };
  static const char * const icons[] = { "list-add-symbolic", "document-edit-symbolic", "", "dialog-error-symbolic" };
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *subtitle = describe_row (self, row);
  g_autofree char *title = NULL;

  if (row->reference != NULL && *row->reference != '\0')
    /* Translators: "Line 4 · Rejected · R3" */
    title = g_strdup_printf (_("Line %u · %s · %s"), row->line, _(kinds[row->kind]), row->reference);
  else
    /* Translators: "Line 4 · New" (a row without a reference) */
    title = g_strdup_printf (_("Line %u · %s"), row->line, _(kinds[row->kind]));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 3);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (widget), icons[row->kind]);
  if (row->kind == COMM_IMPORT_ROW_REJECTED)
    gtk_widget_add_css_class (widget, "error");
  gtk_list_box_append (self->rows_list, widget);
}

void
_comm_risk_import_dialog_fill_results (CommRiskImportDialog *self)
{
  CommRiskImportPlan *plan = comm_import_flow_get_plan (self->flow);
  GPtrArray *rows = comm_risk_import_plan_get_rows (plan);
  g_autofree char *counts = NULL;
  g_autofree char *scale = NULL;
  guint listed_good = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_list))) != NULL)
    gtk_list_box_remove (self->rows_list, child);
  scale = comm_risk_import_plan_creates_register (plan)
    ? g_strdup_printf (_("A new register “%s” would be created on the %s scale."), self->plan_name,
                       comm_risk_scale_label (comm_risk_import_plan_get_scale (plan)))
    : g_strdup_printf (_("Into “%s”, on its %s scale."), self->plan_name,
                       comm_risk_scale_label (comm_risk_import_plan_get_scale (plan)));
  counts = g_strdup_printf (_("%u new, %u updated, %u unchanged, %u rejected. %s"),
                            comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_NEW),
                            comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_UPDATED),
                            comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_UNCHANGED),
                            comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED), scale);
  gtk_label_set_text (self->counts_label, counts);

  /* Problems first, then what would change */
  for (guint i = 0; i < rows->len; i++)
    if (((CommImportRow *) rows->pdata[i])->kind == COMM_IMPORT_ROW_REJECTED)
      add_result_row (self, rows->pdata[i]);
  for (guint i = 0; i < rows->len && listed_good < MAX_LISTED_GOOD; i++)
    {
      CommImportRow *row = rows->pdata[i];

      if (row->kind == COMM_IMPORT_ROW_NEW || row->kind == COMM_IMPORT_ROW_UPDATED)
        {
          add_result_row (self, row);
          listed_good++;
        }
    }
}
