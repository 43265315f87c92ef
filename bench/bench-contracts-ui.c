/* bench-contracts-ui.c: the Contracts tab on a big workspace, in a real window
 *
 *   bench-contracts-ui FILE
 *
 * Prints:
 *  - the time from opening the workspace (creating the window, reading the file) to the first
 *    painted frame of the Contracts tab, and how it splits;
 *  - search as you type, per keystroke (p50, p95, max), split into
 *      filter          the search handler's GtkFilter pass over the rows, up to the moment the
 *                      filter model announces its new contents (an emission hook on
 *                      "items-changed", which runs before any handler of the models above it);
 *      models + rows   from there to the end of the search handler: the models above the filter,
 *                      the list view unbinding and binding its rows, the status line;
 *      frame           layout and paint of the next frame (before-paint to after-paint of the
 *                      frame clock) - no extra redraw is queued, so this is what the keystroke
 *                      itself invalidated;
 *      work            the sum of the three: the CPU time a keystroke costs;
 *      keystroke       from the key to the end of that frame, main loop included (so also the
 *                      wait for the frame clock's next tick, up to one frame at 60 Hz);
 *      afterwards      (paced typing only) the main thread's CPU time from the end of that frame
 *                      to the next key: the rows off screen and the change in the number of rows,
 *                      which the tab brings up to date once the frame is painted and the main loop
 *                      is idle (comm-row-slots.c);
 *    twice: keys back to back (the next key as soon as the frame is painted: the work left for
 *    idle time then lands on the next keystroke), and paced at KEY_INTERVAL_MS between keys, a
 *    fast typist (about 80 words a minute);
 *  - the process's RSS before opening, after the first frame and after typing.
 * The search delay of the entry is set to 0 so each keystroke searches at once.
 * Run it under Xvfb with GSK_RENDERER=cairo (see bench/README.md).
 */
#include "config.h"

#include <time.h>

#include "comm-contracts-page.h"
#include "comm-window.h"

#define QUERY "family support young carers"
#define KEY_INTERVAL_MS 150

typedef struct {
  GtkApplication *app;
  const char     *path;
  CommWindow     *window;
  GtkWidget      *search;
  gint64          frame_started;
  gint64          last_frame_work;
  gint64          last_frame_end;
  guint           frames;
  gboolean        typing;
  gint64          search_started;  /* search-changed emitted */
  gint64          filter_done;     /* first items-changed of a GtkFilterListModel after that */
  gint64          search_done;     /* search-changed handlers all run */
} Bench;

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

static GtkWidget *
find_search_entry (GtkWidget *root)
{
  if (GTK_IS_SEARCH_ENTRY (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_frame_before_paint_cb (GdkFrameClock *clock, Bench *bench)
{
  bench->frame_started = g_get_monotonic_time ();
}

static void
on_frame_after_paint_cb (GdkFrameClock *clock, Bench *bench)
{
  bench->last_frame_end = g_get_monotonic_time ();
  bench->last_frame_work = bench->last_frame_end - bench->frame_started;
  bench->frames++;
}

static gboolean
search_changed_hook (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  Bench *bench = data;

  if (bench->typing && g_value_get_object (&values[0]) == (GObject *) bench->search)
    {
      bench->search_started = g_get_monotonic_time ();
      bench->filter_done = 0;
    }
  return TRUE;
}

static gboolean
items_changed_hook (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  Bench *bench = data;

  if (bench->typing && bench->search_started != 0 && bench->filter_done == 0 &&
      GTK_IS_FILTER_LIST_MODEL (g_value_get_object (&values[0])))
    bench->filter_done = g_get_monotonic_time ();
  return TRUE;
}

static void
on_search_changed_after_cb (GtkSearchEntry *entry, Bench *bench)
{
  bench->search_done = g_get_monotonic_time ();
}

/* Runs the main loop until a frame has been painted that started after @after. */
static gboolean
wait_for_frame_after (Bench *bench, gint64 after)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while ((bench->frames == 0 || bench->frame_started < after) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return bench->frames > 0 && bench->frame_started >= after;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
report (const char *what, GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  g_print ("  %-14s p50 %7.2f ms, p95 %7.2f ms, max %7.2f ms\n", what,
           g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, MIN ((guint) (samples->len * 0.95), samples->len - 1)),
           g_array_index (samples, double, samples->len - 1));
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static gboolean
on_pause_over_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @interval_ms after the end of the last frame; returns the main
 * thread's CPU time spent meanwhile. */
static double
pause_after_frame (Bench *bench,
                   guint  interval_ms)
{
  gint64 until = bench->last_frame_end + interval_ms * 1000;
  gint64 now = g_get_monotonic_time ();
  double cpu = thread_cpu_ms ();
  gboolean over = FALSE;

  g_timeout_add (until > now ? (guint) ((until - now) / 1000) : 0, on_pause_over_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
  return thread_cpu_ms () - cpu;
}

static void
type_query (Bench *bench,
            guint  interval_ms)
{
  GArray *samples[6];
  static const char *names[] = { "filter:", "models + rows:", "frame:", "work:", "keystroke:", "afterwards:" };
  GListModel *view = comm_contracts_page_get_view_model (
    COMM_CONTRACTS_PAGE (comm_window_get_page (bench->window, "contracts")));
  size_t len = strlen (QUERY);
  guint missed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    samples[i] = g_array_new (FALSE, FALSE, sizeof (double));
  bench->typing = TRUE;

  /* Type the query one key at a time, then delete it one key at a time, as a keyboard does:
   * insert or delete one character. (gtk_editable_set_text() would delete everything first, and
   * a search entry searches at once when it becomes empty - two searches a keystroke.) */
  for (size_t step = 1; step <= 2 * len; step++)
    {
      size_t n = step <= len ? step : 2 * len - step;
      g_autofree char *text = g_strndup (QUERY, n);
      gint64 deadline, started;
      double figures[6];
      int position = (int) n - 1;

      bench->search_started = bench->filter_done = bench->search_done = 0;
      started = g_get_monotonic_time ();
      if (step <= len)
        gtk_editable_insert_text (GTK_EDITABLE (bench->search), QUERY + n - 1, 1, &position);
      else
        gtk_editable_delete_text (GTK_EDITABLE (bench->search), (int) n, (int) n + 1);
      g_assert (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (bench->search)), text));
      deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
      while (bench->search_done == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      if (!wait_for_frame_after (bench, bench->search_done))
        missed++;
      if (bench->filter_done == 0)  /* nothing changed: the filter pass was all there was */
        bench->filter_done = bench->search_done;

      figures[0] = (bench->filter_done - bench->search_started) / 1000.0;
      figures[1] = (bench->search_done - bench->filter_done) / 1000.0;
      figures[2] = bench->last_frame_work / 1000.0;
      figures[3] = figures[0] + figures[1] + figures[2];
      figures[4] = (bench->last_frame_end - started) / 1000.0;
      figures[5] = interval_ms > 0 ? pause_after_frame (bench, interval_ms) : 0.0;
      for (guint i = 0; i < G_N_ELEMENTS (samples) - (interval_ms > 0 ? 0 : 1); i++)
        g_array_append_val (samples[i], figures[i]);
      if (step == len)
        g_print ("  \"%s\" shows %u contracts\n", text, g_list_model_get_n_items (view));
    }
  bench->typing = FALSE;

  if (interval_ms > 0)
    g_print ("search as you type, paced (\"%s\", typed then deleted, %u ms between keys: %u keystrokes%s):\n",
             QUERY, interval_ms, samples[0]->len, missed > 0 ? ", SOME WITHOUT A FRAME" : "");
  else
    g_print ("search as you type, back to back (\"%s\", typed then deleted, each key once the frame"
             " before is painted: %u keystrokes%s):\n", QUERY, samples[0]->len,
             missed > 0 ? ", SOME WITHOUT A FRAME" : "");
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      if (samples[i]->len > 0)
        report (names[i], samples[i]);
      g_array_unref (samples[i]);
    }
}

static void
on_activate_cb (GtkApplication *app, Bench *bench)
{
  g_autoptr(GError) error = NULL;
  GdkFrameClock *clock;
  long rss_before = rss_kib ();
  gint64 open_started, window_made, workspace_read, presented;

  open_started = g_get_monotonic_time ();
  bench->window = comm_window_new (app);
  window_made = g_get_monotonic_time ();
  if (!comm_window_open_workspace (bench->window, bench->path, &error))
    g_error ("cannot open %s: %s", bench->path, error->message);
  workspace_read = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (bench->window));
  gtk_widget_realize (GTK_WIDGET (bench->window));
  presented = g_get_monotonic_time ();
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_before_paint_cb), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_after_paint_cb), bench);
  if (!wait_for_frame_after (bench, 0))
    g_error ("no frame was painted");

  g_print ("open workspace to first frame of the Contracts tab: %.1f ms (%u contracts)\n",
           (bench->last_frame_end - open_started) / 1000.0,
           g_list_model_get_n_items (comm_contracts_page_get_view_model (
             COMM_CONTRACTS_PAGE (comm_window_get_page (bench->window, "contracts")))));
  g_print ("  window %.1f ms, read workspace and fill the tab %.1f ms, present %.1f ms,"
           " to the end of the first frame %.1f ms (its layout and paint %.1f ms)\n",
           (window_made - open_started) / 1000.0, (workspace_read - window_made) / 1000.0,
           (presented - workspace_read) / 1000.0, (bench->last_frame_end - presented) / 1000.0,
           bench->last_frame_work / 1000.0);
  g_print ("RSS: %.1f MB before opening, %.1f MB after the first frame\n", rss_before / 1024.0, rss_kib () / 1024.0);

  bench->search = find_search_entry (GTK_WIDGET (bench->window));
  if (bench->search == NULL)
    g_error ("no search entry in the window");
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (bench->search), 0);
  g_signal_connect_after (bench->search, "search-changed", G_CALLBACK (on_search_changed_after_cb), bench);
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_changed_hook, bench, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0,
                              items_changed_hook, bench, NULL);
  type_query (bench, 0);
  g_print ("RSS after typing: %.1f MB\n", rss_kib () / 1024.0);
  pause_after_frame (bench, 500);
  type_query (bench, KEY_INTERVAL_MS);
  g_print ("RSS after typing again: %.1f MB\n", rss_kib () / 1024.0);
  gtk_window_destroy (GTK_WINDOW (bench->window));
}

int
main (int argc, char **argv)
{
  Bench bench = { 0 };
  g_autoptr(AdwApplication) app = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: bench-contracts-ui FILE\n");
      return 2;
    }
  bench.path = argv[1];
  app = adw_application_new ("uk.org.commissioner.Bench", G_APPLICATION_NON_UNIQUE);
  bench.app = GTK_APPLICATION (app);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), &bench);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
