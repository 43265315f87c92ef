/* bench-import.c: importing contracts from CSV with full validation, against sqlite3 .import
 *
 *   bench-import [ROWS]
 *
 * Writes ROWS (default 50,000) generated contract rows - reference, title, provider (one of 400),
 * service area, a two-stream funding cell, UK and ISO dates, route - to a temporary CSV, then
 * times, one run each: (a) the app's import into a new workspace (read, detect, plan - every row
 * validated - and apply in one transaction), (b) `sqlite3 DB ".import --csv FILE t"` of the same
 * file into a bare table of a new database file. Prints both and the ratio (target: within 3x).
 * Then the floor under any import into a workspace: the same number of rows (400 providers,
 * ROWS contracts, two funding lines each) written into a new workspace by three plain SQL
 * INSERT ... SELECT statements in one transaction - no CSV, no validation, no statement a row -
 * (c) with the workspace's audit trail (a JSON row in audit_log for every row written),
 * (d) with the audit triggers dropped, and (e) triggers dropped but one audit row a row written
 * with empty values ("{}") by three more INSERT ... SELECT: the least an audit row a row costs.
 * Each with its ratio to (b).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "commissioner-core.h"
#include "comm-audit-private.h"
#include "comm-database-private.h"

static const char * const areas[] = { "Family Support", "Young Carers", "Youth", "CAMHS", "Domestic Abuse" };
static const char * const routes[] = { "Open tender", "Grant", "Quotation", "Direct award" };

static char *
write_csv (const char *dir,
           guint       n)
{
  char *path = g_build_filename (dir, "contracts.csv", NULL);
  GString *text = g_string_sized_new (n * 160);

  g_string_append (text, "Contract ref,Title,Supplier,Service area,Funding,Start date,End date,Procurement route\r\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "BENCH-%06u,\"Service %u, %s\",Provider %u Ltd,%s,\"CAMHS £%u,%03u CF £%u.50\","
                            "%02u/04/20%02u,20%02u-03-31,%s\r\n",
                            i, i, areas[i % 5], i % 400, areas[i % 5], 10 + i % 90, i % 1000, 500 + i % 700,
                            1 + i % 28, 20 + i % 6, 27 + i % 6, routes[i % 4]);
  g_assert (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  g_string_free (text, TRUE);
  return path;
}

static double
time_app_import (const char *dir,
                 const char *csv,
                 guint       n)
{
  g_autofree char *path = g_build_filename (dir, "bench.commissioner", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = comm_database_open (path, COMM_DATABASE_CREATE, &error);
  g_autoptr(CommImportSource) source = NULL;
  g_autoptr(CommImportPlan) plan = NULL;
  gint64 started, planned;

  g_assert_no_error (error);
  started = g_get_monotonic_time ();
  source = comm_import_source_load (csv, NULL, NULL, &error);
  g_assert_no_error (error);
  plan = comm_import_plan_new (db, source, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  planned = g_get_monotonic_time ();
  if (comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW) != n)
    g_error ("expected %u new rows, got %u (%u rejected)", n, comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW),
             comm_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED));
  if (!comm_import_plan_apply (plan, db, FALSE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  printf ("  read + plan %.3f s, apply %.3f s\n", (planned - started) / 1e6, (g_get_monotonic_time () - planned) / 1e6);
  return (g_get_monotonic_time () - started) / 1e6;
}

static double
time_sqlite_import (const char *dir,
                    const char *csv)
{
  g_autofree char *path = g_build_filename (dir, "bare.db", NULL);
  g_autofree char *command = g_strdup_printf (".import --csv %s t", csv);
  const char *argv[] = { "sqlite3", path, command, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 started = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3: %s", error->message);
  return (g_get_monotonic_time () - started) / 1e6;
}

/* The rows of write_csv() (as the import stores them) by SQL alone: a lower bound. */
typedef enum { FLOOR_AUDITED, FLOOR_UNAUDITED, FLOOR_EMPTY_AUDIT_ROWS } Floor;

static double
time_sql_floor (const char *dir,
                guint       n,
                Floor       floor)
{
  static const char * const names[] = { "floor-audited.commissioner", "floor-bare.commissioner", "floor-empty.commissioner" };
  g_autofree char *path = g_build_filename (dir, names[floor], NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = comm_database_open (path, COMM_DATABASE_CREATE, &error);
  g_autofree char *sql = NULL;
  gint64 started;

  g_assert_no_error (error);
  if (floor != FLOOR_AUDITED && !comm_audit_drop_all_triggers (db, &error))
    g_error ("%s", error->message);
  sql = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 399)"
    " INSERT INTO providers (id, name) SELECT i + 1, 'Provider ' || i || ' Ltd' FROM k;"
    "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < %u - 1)"
    " INSERT INTO contracts (id, reference, title, service_area, provider_id, procurement_route, start_date, end_date)"
    " SELECT i + 1, printf ('BENCH-%%06u', i), printf ('Service %%u, Youth', i), 'Youth', i %% 400 + 1, 'Grant',"
    " printf ('20%%02u-04-%%02u', 20 + i %% 6, 1 + i %% 28), printf ('20%%02u-03-31', 27 + i %% 6) FROM k;"
    "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 2 * %u - 1)"
    " INSERT INTO funding_lines (contract_id, stream, year, amount)"
    " SELECT i / 2 + 1, iif (i %% 2 = 0, 'CAMHS', 'CF'), 2026, 1000 + i * 7 FROM k;"
    "%s"
    "COMMIT;", n, n,
    floor != FLOOR_EMPTY_AUDIT_ROWS ? "" :
    "INSERT INTO audit_log (changed_by, table_name, row_id, action, new_values)"
    " SELECT 'bench', 'providers', id, 'insert', '{}' FROM providers;"
    "INSERT INTO audit_log (changed_by, table_name, row_id, action, new_values)"
    " SELECT 'bench', 'contracts', id, 'insert', '{}' FROM contracts;"
    "INSERT INTO audit_log (changed_by, table_name, row_id, action, new_values)"
    " SELECT 'bench', 'funding_lines', id, 'insert', '{}' FROM funding_lines;");
  started = g_get_monotonic_time ();
  if (!comm_database_exec (db, sql, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - started) / 1e6;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 50000;
  g_autofree char *dir = g_dir_make_tmp ("bench-import-XXXXXX", NULL);
  g_autofree char *csv = write_csv (dir, n);
  double app = time_app_import (dir, csv, n);
  double bare = time_sqlite_import (dir, csv);

  double audited = time_sql_floor (dir, n, FLOOR_AUDITED);
  double unaudited = time_sql_floor (dir, n, FLOOR_UNAUDITED);
  double empty_audit = time_sql_floor (dir, n, FLOOR_EMPTY_AUDIT_ROWS);

  printf ("import %u rows: commissioner %.3f s (validated, with providers and funding lines), "
          "sqlite3 .import %.3f s (bare table), ratio %.2fx (target <= 3x)\n", n, app, bare, app / bare);
  printf ("floor, the same rows by SQL INSERT ... SELECT alone: with the audit trail %.3f s (%.2fx), "
          "without it %.3f s (%.2fx), with an empty audit row a row %.3f s (%.2fx)\n",
          audited, audited / bare, unaudited, unaudited / bare, empty_audit, empty_audit / bare);
  remove_dir (dir);
  return 0;
}
