/* comm-deep-dives-export.c: the Deep Dives tab's "Export Schedule CSV…" and "Export Actions CSV…"
 *
 * The files are written by the core (comm-export-deep-dives.h), atomically, on the main thread:
 * a year's schedule of 3,781 rows takes about a tenth of a second (bench/RESULTS.md).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-deep-dives-export.h"
#include "comm-export-deep-dives.h"

#define BOM_CHOICE "bom"

typedef struct {
  CommPage *page;
  int       year;
  gboolean  actions;
} ChooseData;

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ChooseData      *data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  const char *bom;
  guint n;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      path = g_file_get_path (file);
      name = g_file_get_basename (file);
      bom = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), BOM_CHOICE);
      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Deep Dives can only be exported to a file on this computer."));
      n = path != NULL ? comm_deep_dives_export_to (data->page, data->year, data->actions, path,
                                                    g_strcmp0 (bom, "true") == 0, &error) : 0;
      if (error != NULL)
        comm_page_show_error (data->page, _("The Deep Dives could not be exported"), error);
      else
        {
          message = data->actions
            ? g_strdup_printf (g_dngettext (NULL, "Exported %u action to %s", "Exported %u actions to %s", n), n, name)
            : g_strdup_printf (g_dngettext (NULL, "Exported %u row of the schedule to %s",
                                            "Exported %u rows of the schedule to %s", n), n, name);
          comm_page_add_toast (data->page, adw_toast_new (message));
        }
    }

  g_object_unref (data->page);
  g_free (data);
  g_object_unref (chooser);
}

void
comm_deep_dives_export_choose (CommPage *page,
                               int       year,
                               gboolean  actions)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *year_label = comm_financial_year_label (year);
  g_autofree char *today_iso = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  ChooseData *data;
  GDate today;

  g_return_if_fail (COMM_IS_PAGE (page));

  comm_date_today (&today);
  today_iso = comm_date_to_iso (&today);
  suggested = actions ? g_strdup_printf ("deep-dive-actions-%s.csv", today_iso)
                      : g_strdup_printf ("deep-dive-schedule-%s.csv", year_label);
  chooser = gtk_file_chooser_native_new (actions ? _("Export Deep Dive Actions as CSV")
                                                 : _("Export the Deep Dive Schedule as CSV"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
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
  data->year = year;
  data->actions = actions;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

guint
comm_deep_dives_export_to (CommPage    *page,
                           int          year,
                           gboolean     actions,
                           const char  *path,
                           gboolean     bom,
                           GError     **error)
{
  CommDatabase *database = comm_page_get_database (page);
  CommCsvWriteFlags flags = bom ? COMM_CSV_WRITE_BOM : COMM_CSV_WRITE_DEFAULT;
  guint n = 0;
  GDate today;

  g_return_val_if_fail (COMM_IS_PAGE (page), 0);

  if (database == NULL)
    return 0;

  comm_date_today (&today);
  if (actions ? !comm_export_deep_dive_actions_csv_to_file (database, &today, path, flags, NULL, &n, error)
              : !comm_export_deep_dive_schedule_csv_to_file (database, year, &today, path, flags, NULL, &n, error))
    return 0;

  return n;
}
