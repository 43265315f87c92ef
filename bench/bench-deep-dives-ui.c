/* bench-deep-dives-ui.c: the Deep Dives tab and editor on a big workspace, in a real window
 *
 *   bench-deep-dives-ui FILE
 *
 * FILE is a workspace from bench-gen (e.g. 10,000 contracts); it is copied to a temporary folder
 * and left as it was. On the copy every contract is stretched over the year (so the schedule has
 * a row for each), the year's schedule is proposed and created, one Deep Dive is started and
 * given 50 attached files of 200 KB. Then, in a window (the Contracts tab showing first, as after
 * opening a workspace):
 *  - opening the workspace (only the tab on screen is built and reads it);
 *  - clicking the Deep Dives tab: from the click to the end of its first painted frame, which
 *    builds the tab and reads the year's schedule;
 *  - opening the Deep Dive with 50 attachments: from the call to the end of the editor's first
 *    painted frame (the evidence rows are made when the area is shown);
 *  - RSS before and after opening and closing 200 editors, and after 200 more.
 * Uses $COMMISSIONER_TODAY (else today). Run it under Xvfb with GSK_RENDERER=cairo.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "comm-database-private.h"
#include "comm-deep-dive-editor.h"
#include "comm-deep-dives-page-private.h"
#include "comm-window.h"

#define N_ATTACHMENTS   50
#define ATTACHMENT_SIZE (200 * 1024)
#define N_EDITORS       200

typedef struct {
  const char *path;
  CommWindow *window;
  gint64      frame_started;
  gint64      last_frame_end;
  gint64      dive_id;
  guint       n_dives;
  guint       frames;
} Bench;

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-deep-dives-ui: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static gint64
query_id (CommDatabase *db,
          const char   *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, &error);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    die (sql, error);
  return sqlite3_column_int64 (stmt, 0);
}

/* The copy: every contract in the year, the schedule, one Deep Dive started with 50 files. */
static void
prepare (const char *path,
         int         year,
         Bench      *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) proposals = NULL;
  g_autofree guchar *data = g_malloc (ATTACHMENT_SIZE);
  guint created = 0;
  gint64 area_id;

  if (db == NULL ||
      !comm_database_exec (db, "DELETE FROM deep_dives;"
                               "UPDATE contracts SET terminated_on = NULL, extended_to = NULL,"
                               " start_date = min (start_date, '2000-04-01'), end_date = max (end_date, '2098-03-31');",
                           &error))
    die ("stretching the contracts", error);
  if ((proposals = comm_deep_dive_schedule_propose (db, year, &error)) == NULL ||
      !comm_deep_dive_schedule_apply (db, year, proposals, &created, &error))
    die ("proposing the schedule", error);

  bench->dive_id = query_id (db, "SELECT min (id) FROM deep_dives");
  bench->n_dives = created;
  if (!comm_deep_dive_start (db, bench->dive_id, NULL, NULL, &error))
    die ("starting a Deep Dive", error);
  area_id = query_id (db, "SELECT id FROM deep_dive_areas WHERE deep_dive_id = (SELECT min (id) FROM deep_dives)"
                          " ORDER BY position LIMIT 1");
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
  g_print ("prepared: %u Deep Dives planned, Deep Dive %" G_GINT64_FORMAT " started with %u files\n",
           created, bench->dive_id, N_ATTACHMENTS);
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Bench         *bench)
{
  bench->frame_started = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  bench->last_frame_end = g_get_monotonic_time ();
  bench->frames++;
}

static void
watch_frames (GtkWidget *window,
              Bench     *bench)
{
  GdkFrameClock *clock;

  gtk_widget_realize (window);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), bench);
}

/* Runs the main loop until a frame that started after @after has been painted. */
static void
wait_for_frame_after (Bench  *bench,
                      gint64  after)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((bench->frames == 0 || bench->frame_started < after) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (bench->frame_started < after)
    die ("waiting for a frame", NULL);
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Opens and closes @n editors of different Deep Dives (ids from @first on). */
static void
open_and_close_editors (CommDeepDivesPage *page,
                        gint64             first,
                        guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      GtkWindow *editor = comm_deep_dives_page_open_deep_dive (page, first + i);

      drain ();
      if (editor != NULL)
        gtk_window_destroy (editor);
      drain ();
    }
}

static void
on_activate_cb (GtkApplication *app,
                Bench          *bench)
{
  g_autoptr(GError) error = NULL;
  CommDeepDivesPage *page;
  GtkWindow *editor;
  gint64 started, read, clicked;
  long rss_before, rss_first, rss_second;

  bench->window = comm_window_new (app);
  gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.show-tab", "s", "contracts");
  gtk_window_present (GTK_WINDOW (bench->window));
  watch_frames (GTK_WIDGET (bench->window), bench);
  started = g_get_monotonic_time ();
  if (!comm_window_open_workspace (bench->window, bench->path, &error))
    die (bench->path, error);
  read = g_get_monotonic_time ();
  wait_for_frame_after (bench, read);
  g_print ("open the workspace: %.0f ms (the Deep Dives tab is built and reads its year when first shown)\n",
           (read - started) / 1000.0);
  drain ();

  clicked = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.show-tab", "s", "deep-dives");
  wait_for_frame_after (bench, clicked);
  page = COMM_DEEP_DIVES_PAGE (comm_window_get_page (bench->window, "deep-dives"));
  g_print ("click the Deep Dives tab (build it, read the year: %u rows) to the end of its first frame: %.0f ms\n",
           g_list_model_get_n_items (comm_deep_dives_page_get_view_model (page)),
           (bench->last_frame_end - clicked) / 1000.0);

  {
    gint64 t0 = g_get_monotonic_time ();
    g_autoptr(CommDeepDive) dive = comm_deep_dive_load (comm_window_get_database (bench->window), bench->dive_id, NULL);
    gint64 t1 = g_get_monotonic_time ();
    GtkWindow *made = GTK_WINDOW (comm_deep_dive_editor_new (comm_window_get_database (bench->window), bench->dive_id, NULL));
    gint64 t2 = g_get_monotonic_time ();

    g_print ("  (load %.0f ms, build the editor %.0f ms)\n", (t1 - t0) / 1000.0, (t2 - t1) / 1000.0);
    gtk_window_destroy (made);
    drain ();
  }
  started = g_get_monotonic_time ();
  editor = comm_deep_dives_page_open_deep_dive (page, bench->dive_id);
  if (editor == NULL)
    die ("opening the editor", NULL);
  bench->frames = 0;
  watch_frames (GTK_WIDGET (editor), bench);
  wait_for_frame_after (bench, started);
  g_print ("open the Deep Dive with %u attachments to the end of the editor's first frame: %.0f ms\n",
           N_ATTACHMENTS, (bench->last_frame_end - started) / 1000.0);
  gtk_window_destroy (editor);
  drain ();

  rss_before = rss_kib ();
  open_and_close_editors (page, bench->dive_id + 1, N_EDITORS);
  rss_first = rss_kib ();
  open_and_close_editors (page, bench->dive_id + 1 + N_EDITORS, N_EDITORS);
  rss_second = rss_kib ();
  g_print ("RSS: %.1f MB before, %.1f MB after opening and closing %u editors, %.1f MB after %u more\n",
           rss_before / 1024.0, rss_first / 1024.0, N_EDITORS, rss_second / 1024.0, N_EDITORS);

  gtk_window_destroy (GTK_WINDOW (bench->window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) source = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  Bench bench = { 0 };
  GDate today;
  int status;

  if (argc != 2)
    {
      g_printerr ("usage: bench-deep-dives-ui FILE (a workspace from bench-gen)\n");
      return 2;
    }
  comm_date_today (&today);
  if ((dir = g_dir_make_tmp ("bench-deep-dives-ui-XXXXXX", &error)) == NULL)
    die ("a temporary folder", error);
  copy = g_build_filename (dir, "copy.commissioner", NULL);
  if ((source = comm_database_open (argv[1], COMM_DATABASE_OPEN_DEFAULT, &error)) == NULL ||
      !comm_database_save_copy (source, copy, &error))
    die (argv[1], error);
  g_clear_object (&source);
  prepare (copy, comm_financial_year_of (&today), &bench);

  bench.path = copy;
  app = adw_application_new ("uk.org.commissioner.BenchDeepDives", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), &bench);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  g_unlink (copy);
  {
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
    g_autofree char *shm = g_strconcat (copy, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return status;
}
