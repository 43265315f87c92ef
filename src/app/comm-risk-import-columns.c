/* comm-risk-import-columns.c: the "Columns" group of the risk import dialog
 *
 * One combo row a risk field, listing "Not imported" and the file's headers. The rows start at
 * the columns the headers suggest, so a file with the usual headers needs no choosing; a
 * spreadsheet with its own names ("What could happen", "Chance") is put right here, as the
 * contracts import does, and the dialog checks the rows again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-risk-import-columns.h"

struct _CommRiskImportColumns
{
  AdwPreferencesGroup  parent_instance;

  AdwComboRow         *rows[COMM_RISK_N_FIELDS];
  int                  columns[COMM_RISK_N_FIELDS];
  gboolean             updating;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommRiskImportColumns, comm_risk_import_columns, ADW_TYPE_PREFERENCES_GROUP)

static void
on_row_selected_cb (AdwComboRow           *row,
                    GParamSpec            *pspec,
                    CommRiskImportColumns *self)
{
  if (self->updating)
    return;

  for (guint f = 0; f < COMM_RISK_N_FIELDS; f++)
    if (self->rows[f] == row)
      self->columns[f] = (int) adw_combo_row_get_selected (row) - 1;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
comm_risk_import_columns_class_init (CommRiskImportColumnsClass *klass)
{
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
comm_risk_import_columns_init (CommRiskImportColumns *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Columns"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The column each field is read from, found by the headers. "
                                           "Choose another where a header is not recognised."));
  for (guint f = 0; f < COMM_RISK_N_FIELDS; f++)
    {
      self->rows[f] = ADW_COMBO_ROW (adw_combo_row_new ());
      self->columns[f] = -1;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->rows[f]), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[f]), comm_risk_field_label (f));
      g_signal_connect_object (self->rows[f], "notify::selected", G_CALLBACK (on_row_selected_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->rows[f]));
    }
}

GtkWidget *
comm_risk_import_columns_new (void)
{
  return g_object_new (COMM_TYPE_RISK_IMPORT_COLUMNS, NULL);
}

void
comm_risk_import_columns_set_header (CommRiskImportColumns *self,
                                     const char * const    *header)
{
  g_return_if_fail (COMM_IS_RISK_IMPORT_COLUMNS (self));

  comm_risk_import_guess_columns (header, self->columns);
  self->updating = TRUE;
  for (guint f = 0; f < COMM_RISK_N_FIELDS; f++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      gtk_string_list_append (model, _("Not imported"));
      for (guint c = 0; header != NULL && header[c] != NULL; c++)
        gtk_string_list_append (model, header[c]);
      adw_combo_row_set_model (self->rows[f], G_LIST_MODEL (model));
      adw_combo_row_set_selected (self->rows[f], (guint) (self->columns[f] + 1));
    }
  self->updating = FALSE;
}

const int *
comm_risk_import_columns_get (CommRiskImportColumns *self)
{
  g_return_val_if_fail (COMM_IS_RISK_IMPORT_COLUMNS (self), NULL);

  return self->columns;
}
