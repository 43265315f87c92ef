/* bench-contracts-ui.c: the Contracts tab on a big workspace, in a real window
 *
 *   bench-contracts-ui FILE
 *
 * Prints: time from opening the workspace to the first painted frame of the Contracts tab;
 * search-as-you-type per keystroke (the filter work, and the filter plus the layout and paint of
 * the frame that shows it: p50, p95, max); and the process's RSS after loading and after typing.
 * Run it under Xvfb with GSK_RENDERER=cairo (see bench/RESULTS.md).
 */
#include "config.h"

#include "comm-contracts-page.h"
#include "comm-window.h"

#define QUERY "family support young carers"

typedef struct {
  GtkApplication *app;
  const char     *path;
  CommWindow     *window;
  GtkWidget      *search;
  gint64          open_started;
  gint64          first_frame;
  gint64          frame_started;
  gint64          last_frame_work;
  guint           frames;
  gint64          filter_started;
  gint64          filter_done;
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
on_frame_update_cb (GdkFrameClock *clock, Bench *bench)
{
  bench->frame_started = g_get_monotonic_time ();
}

static void
on_frame_after_paint_cb (GdkFrameClock *clock, Bench *bench)
{
  bench->last_frame_work = g_get_monotonic_time () - bench->frame_started;
  if (bench->first_frame == 0)
    bench->first_frame = g_get_monotonic_time ();
  bench->frames++;
}

static void
on_search_changed_after_cb (GtkSearchEntry *entry, Bench *bench)
{
  bench->filter_done = g_get_monotonic_time ();
}

static void
wait_for_frame (Bench *bench)
{
  guint frames = bench->frames;
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  while (bench->frames == frames && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
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
  g_print ("  %s: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%u keystrokes)\n", what,
           g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, (guint) (samples->len * 0.95)),
           g_array_index (samples, double, samples->len - 1), samples->len);
}

static void
type_query (Bench *bench)
{
  g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *view = comm_contracts_page_get_view_model (
    COMM_CONTRACTS_PAGE (comm_window_get_page (bench->window, "contracts")));
  size_t len = strlen (QUERY);

  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (bench->search), 0);
  g_signal_connect_after (bench->search, "search-changed", G_CALLBACK (on_search_changed_after_cb), bench);

  /* Type the query one key at a time, then delete it one key at a time. */
  for (size_t step = 1; step <= 2 * len; step++)
    {
      size_t n = step <= len ? step : 2 * len - step;
      g_autofree char *text = g_strndup (QUERY, n);
      gint64 deadline;
      double filter, frame;

      bench->filter_done = 0;
      bench->filter_started = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (bench->search), text);
      deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
      while (bench->filter_done == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      filter = (bench->filter_done - bench->filter_started) / 1000.0;
      wait_for_frame (bench);
      frame = filter + bench->last_frame_work / 1000.0;
      g_array_append_val (filter_ms, filter);
      g_array_append_val (frame_ms, frame);
      if (step == len)
        g_print ("  \"%s\" shows %u contracts\n", text, g_list_model_get_n_items (view));
    }
  g_print ("search as you type (\"%s\", typed then deleted):\n", QUERY);
  report ("filter", filter_ms);
  report ("filter + layout + paint of the next frame", frame_ms);
}

static void
on_activate_cb (GtkApplication *app, Bench *bench)
{
  g_autoptr(GError) error = NULL;
  GdkFrameClock *clock;
  long rss_before = rss_kib ();

  bench->open_started = g_get_monotonic_time ();
  bench->window = comm_window_new (app);
  if (!comm_window_open_workspace (bench->window, bench->path, &error))
    g_error ("cannot open %s: %s", bench->path, error->message);
  gtk_window_present (GTK_WINDOW (bench->window));
  gtk_widget_realize (GTK_WIDGET (bench->window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  g_signal_connect (clock, "update", G_CALLBACK (on_frame_update_cb), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_after_paint_cb), bench);
  wait_for_frame (bench);

  g_print ("open workspace to first frame of the Contracts tab: %.1f ms (%u contracts)\n",
           (bench->first_frame - bench->open_started) / 1000.0,
           g_list_model_get_n_items (comm_contracts_page_get_view_model (
             COMM_CONTRACTS_PAGE (comm_window_get_page (bench->window, "contracts")))));
  g_print ("RSS: %.1f MB before opening, %.1f MB after the first frame\n", rss_before / 1024.0, rss_kib () / 1024.0);

  bench->search = find_search_entry (GTK_WIDGET (bench->window));
  if (bench->search == NULL)
    g_error ("no search entry in the window");
  type_query (bench);
  g_print ("RSS after typing: %.1f MB\n", rss_kib () / 1024.0);
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
