/* bench-gen.c: makes a workspace of N contracts for the benchmarks
 *
 *   bench-gen N FILE
 *
 * Providers (one for every 25 contracts, at least 10), contracts over every service area with
 * 1-5 financial years of funding lines (one or two streams a year), 1-5 RAG ratings and 0-6
 * monitoring meetings each. Deterministic: the same N gives the same file.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "comm-database-private.h"
#include "commissioner-core.h"

static const char *streams[] = { "WNF", "CAMHS", "CF", "TP", "Public Health", "DSG" };
static const char *rags[] = { "green", "amber", "red" };
static const char *words[] = { "Family", "Support", "Young", "Carers", "Outreach", "Youth",
                               "Early", "Help", "Parenting", "Service", "Domestic", "Abuse",
                               "Wellbeing", "Mentoring", "Hub", "Pathway", "Café", "Ωmega" };

static gboolean
insert_providers (CommDatabase *db, GRand *rand, guint n, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db,
    "INSERT INTO providers (id, name, legal_form, registered_number, sme, vcse) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  static const char *forms[] = { "charity", "company", "cic", "nhs-trust", "in-house" };

  if (stmt == NULL)
    return FALSE;

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s Trust %u",
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i);
      g_autofree char *number = g_strdup_printf ("%08u", g_rand_int_range (rand, 1000000, 99999999));

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, forms[i % G_N_ELEMENTS (forms)], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, i % 3 != 0);
      sqlite3_bind_int (stmt, 6, i % 2 == 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          comm_database_set_error (db, error, "Adding a provider");
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
step_done (CommDatabase *db, sqlite3_stmt *stmt, GError **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      comm_database_set_error (db, error, "Generating");
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
iso (int year, int month, int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
insert_contract (CommDatabase  *db,
                 GRand         *rand,
                 guint          i,
                 guint          n_providers,
                 sqlite3_stmt **stmts,
                 GError       **error)
{
  const CommChoice *areas = comm_service_areas ();
  guint n_areas = 0;
  int first_year = g_rand_int_range (rand, 2020, 2028);
  int years = g_rand_int_range (rand, 1, 6);
  g_autofree char *reference = g_strdup_printf ("BENCH-%06u", i);
  g_autofree char *title = g_strdup_printf ("%s %s %s", words[i % G_N_ELEMENTS (words)],
                                            words[(i / 7) % G_N_ELEMENTS (words)],
                                            words[(i / 3) % G_N_ELEMENTS (words)]);
  g_autofree char *start = iso (first_year, 4, 1);
  g_autofree char *end = iso (first_year + years, 3, 31);

  while (areas[n_areas].code != NULL)
    n_areas++;

  sqlite3_bind_int64 (stmts[0], 1, i);
  sqlite3_bind_text (stmts[0], 2, reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmts[0], 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmts[0], 4, areas[i % n_areas].code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmts[0], 5, 1 + g_rand_int_range (rand, 0, n_providers));
  sqlite3_bind_text (stmts[0], 6, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmts[0], 7, end, -1, SQLITE_TRANSIENT);
  if (!step_done (db, stmts[0], error))
    return FALSE;

  for (int y = first_year; y < first_year + years; y++)
    for (int s = 0; s < 1 + (int) (i % 2); s++)
      {
        sqlite3_bind_int64 (stmts[1], 1, i);
        sqlite3_bind_text (stmts[1], 2, streams[(i + s) % G_N_ELEMENTS (streams)], -1, SQLITE_STATIC);
        sqlite3_bind_int (stmts[1], 3, y);
        sqlite3_bind_int64 (stmts[1], 4, (gint64) g_rand_int_range (rand, 1500, 120000) * 1000);
        if (!step_done (db, stmts[1], error))
          return FALSE;
      }

  for (int r = 0, n = g_rand_int_range (rand, 1, 6); r < n; r++)
    {
      g_autofree char *date = iso (first_year, 5 + r, 1 + r);
      sqlite3_bind_int64 (stmts[2], 1, i);
      sqlite3_bind_text (stmts[2], 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmts[2], 3, rags[g_rand_int_range (rand, 0, 3)], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmts[2], 4, "Quarterly figures reviewed with the provider.", -1, SQLITE_STATIC);
      if (!step_done (db, stmts[2], error))
        return FALSE;
    }

  for (int m = 0, n = g_rand_int_range (rand, 0, 7); m < n; m++)
    {
      g_autofree char *date = iso (first_year, 4 + m, 10);
      sqlite3_bind_int64 (stmts[3], 1, i);
      sqlite3_bind_text (stmts[3], 2, date, -1, SQLITE_TRANSIENT);
      if (!step_done (db, stmts[3], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_contracts (CommDatabase *db, GRand *rand, guint n, guint n_providers, GError **error)
{
  static const char *sql[] = {
    "INSERT INTO contracts (id, reference, title, service_area, provider_id, start_date, end_date, "
    "procurement_route, geography) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open-tender', 'countywide')",
    "INSERT INTO funding_lines (contract_id, stream, year, amount) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO rag_ratings (contract_id, rated_on, rag, comment) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO monitoring_meetings (contract_id, held_on, note) VALUES (?1, ?2, 'Monitoring meeting')",
  };
  sqlite3_stmt *stmts[G_N_ELEMENTS (sql)] = { NULL };
  gboolean ok = TRUE;

  for (guint s = 0; s < G_N_ELEMENTS (sql) && ok; s++)
    ok = (stmts[s] = comm_database_prepare (db, sql[s], error)) != NULL;

  for (guint i = 1; i <= n && ok; i++)
    ok = insert_contract (db, rand, i, n_providers, stmts, error);

  for (guint s = 0; s < G_N_ELEMENTS (sql); s++)
    sqlite3_finalize (stmts[s]);
  return ok;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint n, n_providers;
  gint64 started;

  if (argc != 3 || (n = (guint) g_ascii_strtoull (argv[1], NULL, 10)) == 0)
    {
      g_printerr ("usage: bench-gen N FILE\n");
      return 2;
    }
  n_providers = MAX (10, n / 25);
  g_unlink (argv[2]);

  started = g_get_monotonic_time ();
  db = comm_database_open (argv[2], COMM_DATABASE_CREATE, &error);
  if (db == NULL
      || !comm_database_begin (db, &error)
      || !insert_providers (db, rand, n_providers, &error)
      || !insert_contracts (db, rand, n, n_providers, &error)
      || !comm_database_commit (db, &error))
    {
      g_printerr ("bench-gen: %s\n", error->message);
      return 1;
    }
  comm_database_close (db);
  g_print ("bench-gen: %u contracts, %u providers in %s (%.1f s)\n", n, n_providers, argv[2],
           (g_get_monotonic_time () - started) / 1e6);
  return 0;
}
