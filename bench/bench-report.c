/* bench-report.c: the register report of a whole workspace as PDF, timed, with peak memory
 *
 *   bench-report FILE [OUT.pdf]
 *
 * Builds the "register" report (comm_report_build: the register query, the summary, the table),
 * then lays it out and writes the PDF (comm_report_pdf_write), as `commissioner-cli report
 * register FILE --pdf OUT` does. Prints one line: contracts, pages, the time of each step and in
 * all, and the peak resident memory of the process (VmHWM). Compare with LibreOffice on the CSV
 * export of the same file: soffice --headless --convert-to pdf register.csv
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "commissioner-core.h"

/* Peak resident set size in MB, from /proc/self/status; -1 where there is no /proc. */
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

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(CommReportDocument) document = NULL;
  g_autofree char *out = NULL;
  CommReportOptions options;
  gint64 started, built, written;
  guint n_pages = 0, n_rows;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-report FILE [OUT.pdf]\n");
      return 2;
    }
  out = g_strdup (argc > 2 ? argv[2] : "bench-register.pdf");

  started = g_get_monotonic_time ();
  db = comm_database_open (argv[1], COMM_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  comm_report_options_init (&options);
  document = comm_report_build (comm_reports_lookup ("register"), db, &options, NULL, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  built = g_get_monotonic_time ();
  if (!comm_report_pdf_write (document, out, NULL, NULL, NULL, &n_pages, &error))
    g_error ("%s", error->message);
  written = g_get_monotonic_time ();

  {
    g_autoptr(GListStore) list = comm_contract_store_list (db, &options.today, NULL);
    n_rows = g_list_model_get_n_items (G_LIST_MODEL (list));
  }
  printf ("register report: %u contracts, %u pages; build %.0f ms, layout+PDF %.0f ms, total %.0f ms; "
          "peak RSS %.1f MB\n", n_rows, n_pages, (built - started) / 1000.0, (written - built) / 1000.0,
          (written - started) / 1000.0, peak_rss_mb ());
  return 0;
}
