/* comm-import-dialog-view.c: the import dialog's sample of the file, its column mapping (one
 * drop-down per field) and its preview (counts, then the rejected and flagged rows with their
 * reasons, then the first new and updated rows) */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-import-dialog-private.h"

#define SAMPLE_ROWS 5
#define MAX_LISTED_GOOD 200  /* new and updated rows listed; rejected and flagged are all listed */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
add_sample_cell (GtkGrid    *grid,
                 const char *text,
                 int         column,
                 int         row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_set_margin_start (label, column == 0 ? 8 : 0);
  if (row == 0)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

void
_comm_import_dialog_fill_sample (CommImportDialog *self)
{
  CommImportSource *source = comm_import_flow_get_source (self->flow);
  const char * const *header = comm_import_source_get_header (source);
  g_autoptr(GPtrArray) rows = comm_import_source_preview (source, SAMPLE_ROWS);

  clear_grid (self->sample_grid);
  for (int c = 0; header[c] != NULL; c++)
    add_sample_cell (self->sample_grid, header[c], c, 0);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];

      for (int c = 0; cells[c] != NULL; c++)
        add_sample_cell (self->sample_grid, cells[c], c, (int) r + 1);
    }
}

static void
on_mapping_changed_cb (AdwComboRow      *row,
                       GParamSpec       *pspec,
                       CommImportDialog *self)
{
  _comm_import_dialog_mapping_changed (self, row);
}

void
_comm_import_dialog_fill_mapping (CommImportDialog *self)
{
  CommImportSource *source = comm_import_flow_get_source (self->flow);
  const CommImportOptions *options = comm_import_flow_get_options (self->flow);
  const char * const *header = comm_import_source_get_header (source);

  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, self->mapping_rows->pdata[i]);
  g_ptr_array_set_size (self->mapping_rows, 0);

  for (guint f = 0; f < COMM_IMPORT_N_FIELDS; f++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      gtk_string_list_append (model, _("Not imported"));
      for (guint c = 0; header[c] != NULL; c++)
        gtk_string_list_append (model, header[c]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), comm_import_field_label (f));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_combo_row_set_model (row, G_LIST_MODEL (model));
      adw_combo_row_set_selected (row, (guint) (comm_import_source_column_for (source, options, f) + 1));
      g_object_set_data (G_OBJECT (row), "comm-field", GUINT_TO_POINTER (f));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_mapping_changed_cb), self, 0);
      adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));
      g_ptr_array_add (self->mapping_rows, row);
    }
}

static char *
describe_row (CommImportRow *row)
{
  const char *reason = row->kind == COMM_IMPORT_ROW_REJECTED ? row->reason : row->flag_reason;

  if (reason == NULL)
    return g_strdup (row->kind == COMM_IMPORT_ROW_NEW ? _("A new contract") : _("Changes an existing contract"));
  if (row->cell != NULL)
    return g_strdup_printf (_("%s “%s”: %s"), row->column, row->cell, reason);
  return g_strdup (reason);
}

static void
add_result_row (CommImportDialog *self,
                CommImportRow    *row)
{
  static const char * const kinds[] = { N_("New"), N_("Updated"), N_("Unchanged"), N_("Rejected") };
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *subtitle = describe_row (row);
  g_autofree char *title = NULL;
  const char *kind = row->kind != COMM_IMPORT_ROW_REJECTED && row->flagged ? _("Flagged") : _(kinds[row->kind]);

  /* Translators: "Line 4 · Rejected · CYP-FS-001" */
  title = g_strdup_printf (_("Line %u · %s · %s"), row->line, kind, row->reference);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 3);
  if (row->kind == COMM_IMPORT_ROW_REJECTED)
    gtk_widget_add_css_class (widget, "error");
  else if (row->flagged)
    gtk_widget_add_css_class (widget, "warning");
  gtk_list_box_append (self->rows_list, widget);
}

void
_comm_import_dialog_fill_results (CommImportDialog *self)
{
  CommImportPlan *plan = comm_import_flow_get_plan (self->flow);
  GPtrArray *rows = comm_import_plan_get_rows (plan);
  guint listed_good = 0;
  GtkWidget *child;
  g_autofree char *counts = NULL;
  g_autofree char *providers = NULL;
  guint n_providers = comm_import_plan_get_new_providers (plan)->len;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_list))) != NULL)
    gtk_list_box_remove (self->rows_list, child);
  providers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new provider would be added.",
                                            "%u new providers would be added.", n_providers), n_providers);
  counts = g_strdup_printf (_("%u new, %u updated, %u unchanged, %u rejected, %u flagged. %s"),
                            comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW),
                            comm_import_plan_count (plan, COMM_IMPORT_ROW_UPDATED),
                            comm_import_plan_count (plan, COMM_IMPORT_ROW_UNCHANGED),
                            comm_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED),
                            comm_import_plan_count_flagged (plan), providers);
  gtk_label_set_text (self->counts_label, counts);

  /* Problems first, then what would change */
  for (guint i = 0; i < rows->len; i++)
    {
      CommImportRow *row = rows->pdata[i];

      if (row->kind == COMM_IMPORT_ROW_REJECTED || row->flagged)
        add_result_row (self, row);
    }
  for (guint i = 0; i < rows->len && listed_good < MAX_LISTED_GOOD; i++)
    {
      CommImportRow *row = rows->pdata[i];

      if ((row->kind == COMM_IMPORT_ROW_NEW || row->kind == COMM_IMPORT_ROW_UPDATED) && !row->flagged)
        {
          add_result_row (self, row);
          listed_good++;
        }
    }
}
