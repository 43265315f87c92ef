/* bench-deep-dives.c: the Deep Dive core on a large workspace
 *
 *   bench-deep-dives FILE
 *
 * FILE is a workspace from bench-gen (e.g. 10,000 contracts); it is copied to a temporary folder
 * first and left as it was. On the copy: a year's schedule is proposed and created through the
 * API (once for the contracts as generated, about 38 % of which run in a given year, then again
 * with every contract stretched over the year, so that the schedule has a row for each), then (in SQL, for speed) about 60 % of the Deep Dives are started and part judged, a
 * third of those signed off, and some given actions. Measured, each on a freshly opened
 * workspace:
 *   - the schedule query of the year (comm_deep_dive_schedule_list + counts): first call, best of 5;
 *   - loading a Deep Dive that has 50 attached files of 200 KB (the list only, never the bytes);
 *   - RSS before and after loading and freeing 1,000 different Deep Dives, and after 1,000 more.
 * Uses $COMMISSIONER_TODAY (else today) as the day, and the financial year it falls in.
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "comm-database-private.h"
#include "commissioner-core.h"

#define N_ATTACHMENTS   50
#define ATTACHMENT_SIZE (200 * 1024)
#define N_OPEN          1000

/* Started, judged, signed off and actions: what a year half done looks like. */
static const char *fill_sql =
  "UPDATE deep_dives SET started_on = scheduled_on, template_version_id = 1"
  " WHERE year = ?1 AND scheduled_on IS NOT NULL AND id % 5 < 3;"
  "INSERT INTO deep_dive_areas (deep_dive_id, checklist_area_id, position, judgement, notes)"
  " SELECT d.id, a.id, a.position,"
  "  CASE WHEN (d.id + a.position) % 4 = 0 THEN 'partly-met' ELSE 'met' END,"
  "  'Sampled case files; evidence seen at the visit.'"
  " FROM deep_dives d JOIN checklist_areas a ON a.version_id = 1 WHERE d.started_on IS NOT NULL;"
  "UPDATE deep_dive_areas SET judgement = NULL, notes = ''"
  " WHERE position > 5 AND deep_dive_id % 3 <> 0;"
  "UPDATE deep_dives SET grade = 'good', signed_off_by = 'Head of Commissioning',"
  " signed_off_on = started_on WHERE started_on IS NOT NULL AND id % 3 = 0;"
  "INSERT INTO deep_dive_actions (area_id, description, owner, due_on)"
  " SELECT a.id, 'Send the quarterly case file audit', 'Provider', date (d.started_on, '+60 days')"
  " FROM deep_dive_areas a JOIN deep_dives d ON d.id = a.deep_dive_id WHERE a.position IN (2, 6);";

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;

  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

static double
ms_since (gint64 started)
{
  return (g_get_monotonic_time () - started) / 1000.0;
}

/* CPU time of the process in ms: what the work costs whatever else the machine is doing. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-deep-dives: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static CommDatabase *
open_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  CommDatabase *db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);

  if (db == NULL)
    die ("opening the copy", error);

  return db;
}

static void
plan_and_fill (CommDatabase *db,
               int           year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  guint created = 0;
  gint64 started = g_get_monotonic_time ();

  if ((proposals = comm_deep_dive_schedule_propose (db, year, &error)) == NULL)
    die ("proposing", error);
  g_print ("propose: %u Deep Dives in %.0f ms\n", proposals->len, ms_since (started));
  started = g_get_monotonic_time ();
  if (!comm_deep_dive_schedule_apply (db, year, proposals, &created, &error))
    die ("creating the schedule", error);
  g_print ("create (one transaction, through the API): %u in %.0f ms\n", created, ms_since (started));

  started = g_get_monotonic_time ();
  if (!comm_database_begin (db, &error))
    die ("filling", error);
  for (const char *rest = fill_sql; rest != NULL && *rest != '\0';)
    {
      sqlite3_stmt *one = NULL;
      const char *tail = NULL;

      if (sqlite3_prepare_v2 (comm_database_get_handle (db), rest, -1, &one, &tail) != SQLITE_OK)
        die (sqlite3_errmsg (comm_database_get_handle (db)), NULL);
      if (one != NULL && sqlite3_bind_parameter_count (one) > 0)
        sqlite3_bind_int (one, 1, year);
      if (one != NULL && sqlite3_step (one) != SQLITE_DONE)
        die (sqlite3_errmsg (comm_database_get_handle (db)), NULL);
      sqlite3_finalize (one);
      rest = tail;
    }
  if (!comm_database_commit (db, &error))
    die ("filling", error);
  g_print ("fill (SQL): %.0f ms\n", ms_since (started));
}

static void
bench_schedule (const char  *path,
                int          year,
                const GDate *today)
{
  g_autoptr(CommDatabase) db = open_workspace (path);
  g_autoptr(GError) error = NULL;
  guint counts[COMM_DEEP_DIVE_N_STATUSES];
  double first = 0, best = G_MAXDOUBLE, first_cpu = 0, best_cpu = G_MAXDOUBLE;
  guint n = 0;

  for (int run = 0; run < 6; run++)
    {
      gint64 started = g_get_monotonic_time ();
      double cpu_started = cpu_ms ();
      g_autoptr(GListStore) rows = comm_deep_dive_schedule_list (db, year, today, &error);
      double ms, cpu;

      if (rows == NULL)
        die ("the schedule", error);
      comm_deep_dive_schedule_count (G_LIST_MODEL (rows), counts);
      ms = ms_since (started);
      cpu = cpu_ms () - cpu_started;
      n = g_list_model_get_n_items (G_LIST_MODEL (rows));
      if (run == 0)
        {
          first = ms;
          first_cpu = cpu;
        }
      else
        {
          best = MIN (best, ms);
          best_cpu = MIN (best_cpu, cpu);
        }
    }
  g_print ("schedule query + counts: %u rows, first %.0f ms (CPU %.0f ms), best of 5 %.0f ms (CPU %.0f ms)\n",
           n, first, first_cpu, best, best_cpu);
  g_print ("  counts:");
  for (guint status = 0; status < COMM_DEEP_DIVE_N_STATUSES; status++)
    g_print (" %s %u%s", comm_deep_dive_status_to_label (status), counts[status],
             status + 1 < COMM_DEEP_DIVE_N_STATUSES ? "," : "\n");
}

static gint64
query_id (CommDatabase *db,
          const char   *sql,
          gint64        parameter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, &error);

  if (stmt == NULL)
    die ("querying", error);
  sqlite3_bind_int64 (stmt, 1, parameter);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    die ("querying", NULL);

  return sqlite3_column_int64 (stmt, 0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Attaches 50 files to area 1 of a Deep Dive in progress; returns that Deep Dive. */
static gint64
attach_fifty (const char *path)
{
  g_autoptr(CommDatabase) db = open_workspace (path);
  g_autoptr(GError) error = NULL;
  g_autofree guchar *data = g_malloc (ATTACHMENT_SIZE);
  gint64 dive_id, area_id, started;

  dive_id = query_id (db, "SELECT min (id) FROM deep_dives WHERE started_on IS NOT NULL"
                          " AND signed_off_on IS NULL AND id > ?1", 0);
  area_id = query_id (db, "SELECT id FROM deep_dive_areas WHERE deep_dive_id = ?1 AND position = 1", dive_id);
  started = g_get_monotonic_time ();
  for (guint i = 0; i < N_ATTACHMENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("evidence-%02u.pdf", i + 1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(CommEvidence) evidence = NULL;

      for (guint j = 0; j < ATTACHMENT_SIZE; j++)
        data[j] = (guchar) (i * 31 + j * 7);
      bytes = g_bytes_new (data, ATTACHMENT_SIZE);
      if ((evidence = comm_deep_dive_add_evidence_bytes (db, area_id, name, bytes, &error)) == NULL)
        die ("attaching", error);
    }
  g_print ("attach %u files of %u KB: %.0f ms\n", N_ATTACHMENTS, ATTACHMENT_SIZE / 1024, ms_since (started));

  return dive_id;
}

static void
bench_load (const char *path,
            gint64      dive_id)
{
  g_autoptr(CommDatabase) db = open_workspace (path);
  g_autoptr(GError) error = NULL;
  double first = 0, times[21];
  guint evidence = 0;

  for (guint run = 0; run <= G_N_ELEMENTS (times); run++)
    {
      double started = cpu_ms ();
      g_autoptr(CommDeepDive) dive = comm_deep_dive_load (db, dive_id, &error);
      double ms = cpu_ms () - started;

      if (dive == NULL)
        die ("loading", error);
      evidence = ((CommDeepDiveArea *) dive->areas->pdata[0])->evidence->len;
      if (run == 0)
        first = ms;
      else
        times[run - 1] = ms;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
  g_print ("load a Deep Dive with %u attachments (%.1f MB), CPU: first %.2f ms, median of %u %.2f ms\n",
           evidence, evidence * (double) ATTACHMENT_SIZE / 1e6, first, (guint) G_N_ELEMENTS (times),
           times[G_N_ELEMENTS (times) / 2]);
}

/* Loads and frees @n Deep Dives, ids from the @offset-th on. */
static void
open_and_close (CommDatabase *db,
                guint         n,
                guint         offset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, "SELECT id FROM deep_dives ORDER BY id LIMIT ?1 OFFSET ?2",
                                                        &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    die ("listing", error);
  sqlite3_bind_int (stmt, 1, (int) n);
  sqlite3_bind_int (stmt, 2, (int) offset);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CommDeepDive) dive = comm_deep_dive_load (db, g_array_index (ids, gint64, i), &error);

      if (dive == NULL)
        die ("loading", error);
    }
}

static void
bench_memory (const char *path)
{
  g_autoptr(CommDatabase) db = open_workspace (path);
  long before, after_first, after_second;
  gint64 started;

  open_and_close (db, 10, 0);  /* warm the statement paths */
  before = rss_kib ();
  started = g_get_monotonic_time ();
  open_and_close (db, N_OPEN, 0);
  g_print ("open and close %u Deep Dives: %.0f ms\n", N_OPEN, ms_since (started));
  after_first = rss_kib ();
  open_and_close (db, N_OPEN, N_OPEN);
  after_second = rss_kib ();
  g_print ("RSS: %.1f MB before, %.1f MB after %u, %.1f MB after %u more\n",
           before / 1024.0, after_first / 1024.0, N_OPEN, after_second / 1024.0, N_OPEN);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  GDate today;
  int year;

  if (argc != 2)
    {
      g_printerr ("usage: bench-deep-dives FILE (a workspace from bench-gen)\n");
      return 2;
    }
  comm_date_today (&today);
  year = comm_financial_year_of (&today);
  if ((dir = g_dir_make_tmp ("bench-deep-dives-XXXXXX", &error)) == NULL)
    die ("a temporary folder", error);
  copy = g_build_filename (dir, "copy.commissioner", NULL);
  if ((source = comm_database_open (argv[1], COMM_DATABASE_OPEN_DEFAULT, &error)) == NULL ||
      !comm_database_save_copy (source, copy, &error))
    die (argv[1], error);
  g_clear_object (&source);

  /* As generated: the contracts active in the year get a Deep Dive. */
  g_print ("== the workspace as generated\n");
  {
    g_autoptr(CommDatabase) db = open_workspace (copy);

    plan_and_fill (db, year);
  }
  bench_schedule (copy, year, &today);

  /* Every contract running through the year: the schedule has a row for each one. */
  g_print ("== every contract active in the year\n");
  {
    g_autoptr(CommDatabase) db = open_workspace (copy);

    if (!comm_database_exec (db, "DELETE FROM deep_dives;"
                                 "UPDATE contracts SET terminated_on = NULL,"
                                 " start_date = min (start_date, '2000-04-01'), end_date = max (end_date, '2098-03-31'),"
                                 " extended_to = NULL;", &error))
      die ("stretching the contracts", error);
    plan_and_fill (db, year);
  }
  bench_schedule (copy, year, &today);
  bench_load (copy, attach_fifty (copy));
  bench_memory (copy);

  g_unlink (copy);
  {
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
    g_autofree char *shm = g_strconcat (copy, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);

  return 0;
}
