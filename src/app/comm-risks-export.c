/* comm-risks-export.c: the Risks tab's "Export CSV…"
 *
 * A register holds hundreds of risks, not tens of thousands, so the file is written at once on
 * the main thread (comm_export_risks_csv_to_file writes atomically: a failure leaves any
 * existing file as it was).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-export-risks.h"
#include "comm-risks-export.h"

#define BOM_CHOICE "bom"

typedef struct {
  CommPage   *page;
  GListModel *view;
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  g_clear_object (&data->page);
  g_clear_object (&data->view);
  g_free (data);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ChooseData      *data)
{
  g_autoptr(GFile) file = NULL;
  const char *bom;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && g_file_peek_path (file) != NULL)
    {
      bom = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), BOM_CHOICE);
      comm_risks_export_write (data->page, data->view, g_file_peek_path (file), g_strcmp0 (bom, "true") == 0);
    }

  choose_data_free (data);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
comm_risks_export_choose (CommPage   *page,
                          GListModel *view,
                          const char *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  ChooseData *data;

  g_return_if_fail (COMM_IS_PAGE (page));
  g_return_if_fail (G_IS_LIST_MODEL (view));

  /* Translators: the suggested file name of a risk register export; %s is the register */
  suggested = g_strdup_printf (_("%s risks.csv"), name != NULL ? name : _("Top"));
  g_strdelimit (suggested, "/\\\\", '-');

  chooser = gtk_file_chooser_native_new (_("Export Risks as CSV"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), BOM_CHOICE,
                               _("Include byte-order mark for Excel"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), BOM_CHOICE, "true");

  data = g_new0 (ChooseData, 1);
  data->page = g_object_ref (page);
  data->view = g_object_ref (view);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
comm_risks_export_write (CommPage   *page,
                         GListModel *view,
                         const char *path,
                         gboolean    bom)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;
  guint n = g_list_model_get_n_items (view);

  g_return_val_if_fail (COMM_IS_PAGE (page), FALSE);

  if (!comm_export_risks_csv_to_file (view, path, bom ? COMM_CSV_WRITE_BOM : COMM_CSV_WRITE_DEFAULT, NULL, &error))
    {
      comm_page_show_error (page, _("The risks were not exported"), error);
      return FALSE;
    }

  base = g_path_get_basename (path);
  message = g_strdup_printf (g_dngettext (NULL, "Exported %u risk to “%s”", "Exported %u risks to “%s”", n), n, base);
  comm_page_add_toast (page, adw_toast_new (message));
  return TRUE;
}
