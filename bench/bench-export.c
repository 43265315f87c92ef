/* bench-export.c: CSV export of every contract, against sqlite3 -csv on the same file
 *
 *   bench-export FILE [RUNS]
 *
 * Times (best of RUNS, default 5) the app's path - load the register (comm_contract_store_list)
 * and write it with comm_export_contracts_csv_to_file - and `sqlite3 -csv` running an equivalent
 * query (the same joins and aggregates, written to a file), and prints both and the ratio.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "commissioner-core.h"

/* What the export writes, as plain SQL: the same rows, joins and aggregates. */
static const char equivalent_query[] =
  "SELECT c.reference, c.title, p.name, c.service_area,"
  "  (SELECT printf('%.2f', coalesce(sum(f.amount), 0) / 100.0) FROM funding_lines f"
  "     WHERE f.contract_id = c.id AND f.year = 2026),"
  "  (SELECT printf('%.2f', coalesce(sum(f.amount), 0) / 100.0) FROM funding_lines f WHERE f.contract_id = c.id),"
  "  c.start_date, c.end_date,"
  "  CASE WHEN c.end_date < date('now') THEN 'Expired' ELSE 'Active' END,"
  "  (SELECT r.rag FROM rag_ratings r WHERE r.contract_id = c.id ORDER BY r.rated_on DESC, r.id DESC LIMIT 1),"
  "  (SELECT r.rated_on FROM rag_ratings r WHERE r.contract_id = c.id ORDER BY r.rated_on DESC, r.id DESC LIMIT 1),"
  "  (SELECT date(max(m.held_on), '+3 months') FROM monitoring_meetings m WHERE m.contract_id = c.id),"
  "  'No', c.lead_commissioner, c.procurement_route, c.geography"
  " FROM contracts c JOIN providers p ON p.id = c.provider_id"
  " WHERE c.deleted_at IS NULL ORDER BY c.reference";

static double
time_app_export (const char *path, const char *out, guint *n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GListStore) contracts = NULL;
  GDate today;
  gint64 started = g_get_monotonic_time ();

  comm_date_today (&today);
  db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL
      || (contracts = comm_contract_store_list (db, &today, &error)) == NULL
      || !comm_export_contracts_csv_to_file (G_LIST_MODEL (contracts), out, COMM_CSV_WRITE_DEFAULT,
                                             NULL, &error))
    g_error ("export failed: %s", error->message);
  *n_rows = g_list_model_get_n_items (G_LIST_MODEL (contracts));
  return (g_get_monotonic_time () - started) / 1000.0;
}

static double
time_sqlite3 (const char *path, const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *quoted_path = g_shell_quote (path);
  g_autofree char *quoted_sql = g_shell_quote (equivalent_query);
  int status = 0;
  gint64 started;

  command = g_strdup_printf ("sqlite3 -csv -header %s %s", quoted_path, quoted_sql);

  started = g_get_monotonic_time ();
  {
    g_autofree char *stdout_text = NULL;
    if (!g_spawn_command_line_sync (command, &stdout_text, NULL, &status, &error)
        || !g_spawn_check_wait_status (status, &error)
        || !g_file_set_contents (out, stdout_text, -1, &error))
      g_error ("sqlite3 failed: %s", error->message);
  }
  return (g_get_monotonic_time () - started) / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *app_out = NULL;
  g_autofree char *sqlite_out = NULL;
  double best_app = G_MAXDOUBLE, best_sqlite = G_MAXDOUBLE;
  guint runs, n_rows = 0;

  if (argc < 2)
    {
      g_printerr ("usage: bench-export FILE [RUNS]\n");
      return 2;
    }
  runs = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5;
  dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  app_out = g_build_filename (dir, "app.csv", NULL);
  sqlite_out = g_build_filename (dir, "sqlite3.csv", NULL);

  for (guint i = 0; i < MAX (runs, 1); i++)
    {
      best_app = MIN (best_app, time_app_export (argv[1], app_out, &n_rows));
      best_sqlite = MIN (best_sqlite, time_sqlite3 (argv[1], sqlite_out));
    }

  g_print ("bench-export: %u rows; app (load + CSV) %.1f ms; sqlite3 -csv %.1f ms; ratio %.2f (best of %u)\n",
           n_rows, best_app, best_sqlite, best_app / best_sqlite, MAX (runs, 1));
  g_unlink (app_out);
  g_unlink (sqlite_out);
  g_rmdir (dir);
  return 0;
}
