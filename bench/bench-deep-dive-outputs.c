/* bench-deep-dive-outputs.c: the Deep Dive reports and CSV exports on a large workspace
 *
 *   bench-deep-dive-outputs FILE [OUT-FOLDER]
 *
 * FILE is a workspace from bench-gen (e.g. 10,000 contracts); it is copied to a temporary folder
 * and left as it was. On the copy, through the Deep Dive API only: the current financial year's
 * schedule is proposed and created, three in five of the Deep Dives dated on or before today are
 * started on their date, and each started one gets two actions (one due before today). Then,
 * each on a freshly opened workspace, as the CLI does them:
 *   - "report deep-dive-schedule": build, then lay out and write the PDF;
 *   - "report deep-dive" of the first started Deep Dive: build and PDF;
 *   - "export deep-dive-schedule" and "export actions" as CSV files.
 * Prints one line per step (milliseconds, rows, pages) and the peak resident memory (VmHWM).
 * The PDFs and CSVs are written to OUT-FOLDER if given, else to the temporary folder (removed).
 * Uses $COMMISSIONER_TODAY (else today) as the day.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "commissioner-core.h"

static double
ms_since (gint64 started)
{
  return (g_get_monotonic_time () - started) / 1000.0;
}

static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-deep-dive-outputs: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static CommDatabase *
open_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  CommDatabase *db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);

  if (db == NULL)
    die (path, error);
  return db;
}

/* Starts the Deep Dive of @row on its date and gives it two actions; FALSE if it is not one to
 * start. */
static gboolean
start_one (CommDatabase    *db,
           CommDeepDiveRow *row,
           const char      *today_iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  g_autoptr(CommDeepDiveAction) first = NULL, second = NULL;
  const char *date = comm_deep_dive_row_get_scheduled_on (row);
  gint64 id = comm_deep_dive_row_get_deep_dive_id (row);
  CommDeepDiveArea *area;

  if (id == 0 || *date == '\0' || strcmp (date, today_iso) > 0 || id % 5 >= 3)
    return FALSE;
  if (!comm_deep_dive_start (db, id, date, NULL, &error) || (dive = comm_deep_dive_load (db, id, &error)) == NULL)
    die ("starting a Deep Dive", error);
  area = g_ptr_array_index (dive->areas, 2);
  first = comm_deep_dive_add_action (db, area->id, "Agree a revised payment profile for the rest of the year",
                                     "Commissioner", date, &error);
  second = first == NULL ? NULL : comm_deep_dive_add_action (db, area->id, "Send the case file audit results",
                                                             "Provider", "2027-03-31", &error);
  if (second == NULL)
    die ("adding actions", error);
  return TRUE;
}

static void
fill (const char  *path,
      int          year,
      const GDate *today)
{
  g_autoptr(CommDatabase) db = open_workspace (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GListStore) rows = NULL;
  g_autofree char *today_iso = comm_date_to_iso (today);
  gint64 started = g_get_monotonic_time ();
  guint created = 0, n_started = 0;

  if ((proposals = comm_deep_dive_schedule_propose (db, year, &error)) == NULL ||
      !comm_deep_dive_schedule_apply (db, year, proposals, &created, &error) ||
      (rows = comm_deep_dive_schedule_list (db, year, today, &error)) == NULL)
    die ("creating the schedule", error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);

      n_started += start_one (db, row, today_iso);
    }
  printf ("fill: %u Deep Dives created, %u started with 2 actions each, in %.0f ms\n",
          created, n_started, ms_since (started));
}

static void
bench_report (const char  *path,
              const char  *name,
              const char  *id,
              const char  *out)
{
  g_autoptr(CommDatabase) db = open_workspace (path);
  g_autoptr(CommReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CommReportOptions options;
  gint64 started = g_get_monotonic_time ();
  double built;
  guint n_pages = 0;

  comm_report_options_init (&options);
  options.id = id;
  if ((document = comm_report_build (comm_reports_lookup (name), db, &options, NULL, &error)) == NULL)
    die (name, error);
  built = ms_since (started);
  started = g_get_monotonic_time ();
  if (!comm_report_pdf_write (document, out, NULL, NULL, NULL, &n_pages, &error))
    die (out, error);
  printf ("report %s%s%s: build %.0f ms, layout + PDF %.0f ms, %u pages\n", name, id != NULL ? " " : "",
          id != NULL ? id : "", built, ms_since (started), n_pages);
}

static void
bench_csv (const char  *path,
           gboolean     actions,
           int          year,
           const GDate *today,
           const char  *out)
{
  g_autoptr(CommDatabase) db = open_workspace (path);
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  guint n = 0;
  gboolean ok;

  ok = actions ? comm_export_deep_dive_actions_csv_to_file (db, today, out, COMM_CSV_WRITE_DEFAULT, NULL, &n, &error)
               : comm_export_deep_dive_schedule_csv_to_file (db, year, today, out, COMM_CSV_WRITE_DEFAULT, NULL,
                                                             &n, &error);
  if (!ok)
    die (out, error);
  printf ("export %s: %u rows in %.0f ms\n", actions ? "actions" : "deep-dive-schedule", n, ms_since (started));
}

/* The reference of the first started Deep Dive of the schedule. */
static char *
first_started (const char  *path,
               int          year,
               const GDate *today)
{
  g_autoptr(CommDatabase) db = open_workspace (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rows = comm_deep_dive_schedule_list (db, year, today, &error);

  if (rows == NULL)
    die ("listing", error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);

      if (*comm_deep_dive_row_get_started_on (row) != '\0')
        return g_strdup (comm_deep_dive_row_get_contract_reference (row));
    }
  die ("no Deep Dive was started", NULL);
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *copy = NULL, *reference = NULL;
  g_autofree char *out_dir = NULL, *schedule_pdf = NULL, *dive_pdf = NULL, *schedule_csv = NULL, *actions_csv = NULL;
  g_autoptr(GFile) source = NULL, dest = NULL;
  GDate today;
  int year;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-deep-dive-outputs FILE [OUT-FOLDER]\n");
      return 2;
    }
  if ((dir = g_dir_make_tmp ("bench-deep-dive-outputs-XXXXXX", &error)) == NULL)
    die ("making a temporary folder", error);
  copy = g_build_filename (dir, "copy.commissioner", NULL);
  source = g_file_new_for_path (argv[1]);
  dest = g_file_new_for_path (copy);
  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    die (argv[1], error);
  out_dir = g_strdup (argc > 2 ? argv[2] : dir);
  schedule_pdf = g_build_filename (out_dir, "deep-dive-schedule.pdf", NULL);
  dive_pdf = g_build_filename (out_dir, "deep-dive.pdf", NULL);
  schedule_csv = g_build_filename (out_dir, "deep-dive-schedule.csv", NULL);
  actions_csv = g_build_filename (out_dir, "actions.csv", NULL);

  g_date_clear (&today, 1);
  comm_date_today (&today);
  year = comm_financial_year_of (&today);
  fill (copy, year, &today);
  reference = first_started (copy, year, &today);

  bench_report (copy, "deep-dive-schedule", NULL, schedule_pdf);
  bench_report (copy, "deep-dive", reference, dive_pdf);
  bench_csv (copy, FALSE, year, &today, schedule_csv);
  bench_csv (copy, TRUE, year, &today, actions_csv);
  printf ("peak RSS (VmHWM): %.0f MB\n", peak_rss_mb ());

  for (const char *const *name = (const char *const[]) { "copy.commissioner", "copy.commissioner-wal",
                                                         "copy.commissioner-shm", "deep-dive-schedule.pdf",
                                                         "deep-dive.pdf", "deep-dive-schedule.csv",
                                                         "actions.csv", NULL }; *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
