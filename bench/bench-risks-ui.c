/* bench-risks-ui.c: the Risks tab on 20,000 risks across 500 registers, in a real window
 *
 *   bench-risks-ui FILE [RUNS]
 *
 * FILE is a workspace made by bench-risks (50 programme registers, each with 9 contract or
 * procurement registers rolling up into it, 40 risks in each register). The window opens on the
 * Contracts tab (the Risks tab reads nothing until it is shown); then, RUNS times (default 5),
 * in a new window each time:
 *   switch    from asking for the Risks tab to the end of the first frame that shows it: the
 *             sidebar of 500 registers, the top risks across all registers (every open risk,
 *             highest first) in the list, and their heat maps, split into
 *               load   reading the registers and risks, counting the heat maps, filling the models
 *                      (all done while the tab is mapped, inside the switch)
 *               wait   from there to the start of that frame (the frame clock's next tick)
 *               frame  layout and paint of that frame (before-paint to after-paint)
 *   register  choosing a programme register in the sidebar (its 40 risks and the 360 rolled up
 *             from its 9 child registers) to the end of the next frame
 *   cell      activating the heat-map cell with the most risks (the list filters) to the end of
 *             the next frame
 * and prints the median and worst of each, in ms. Run it under Xvfb with GSK_RENDERER=cairo and
 * the memory GSettings backend (bench/README.md).
 */
#include "config.h"

#include <stdlib.h>

#include "comm-risks-page-private.h"
#include "comm-window.h"

typedef struct {
  const char *path;
  guint       runs;
  gint64      frame_started;
  gint64      last_frame_work;
  gint64      last_frame_end;
  guint       frames;
  GArray     *samples[8];
} Bench;

enum { SWITCH, LOAD, WAIT, FRAME, REGISTER, CELL, N_ROWS };
static const char *const names[] = { "switch:", "  load:", "  wait:", "  frame:", "register:", "cell:" };

static void
on_before_paint_cb (GdkFrameClock *clock, Bench *bench)
{
  bench->frame_started = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock, Bench *bench)
{
  bench->last_frame_end = g_get_monotonic_time ();
  bench->last_frame_work = bench->last_frame_end - bench->frame_started;
  bench->frames++;
}

/* Runs the main loop until a frame has been painted that started after @after. */
static gboolean
wait_for_frame_after (Bench *bench, gint64 after)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

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
add (Bench *bench, int row, gint64 from, gint64 to)
{
  double ms = (to - from) / 1000.0;

  g_array_append_val (bench->samples[row], ms);
}

static gboolean
pick_programme (CommRisksPage *page, gint64 *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (page->registers)); i++)
    {
      g_autoptr(CommRiskRegister) reg = g_list_model_get_item (G_LIST_MODEL (page->registers), i);

      if (reg->kind == COMM_RISK_REGISTER_PROGRAMME)
        {
          *id = reg->id;
          return TRUE;
        }
    }
  return FALSE;
}

static void
busiest_cell (CommRisksPage *page, guint *l, guint *i)
{
  guint best = 0;

  for (guint a = 0; a < COMM_HEAT_MAP_SIZE; a++)
    for (guint b = 0; b < COMM_HEAT_MAP_SIZE; b++)
      if (comm_heat_map_view_get_count (page->heat_map, COMM_HEAT_MAP_RESIDUAL, a, b) > best)
        {
          best = comm_heat_map_view_get_count (page->heat_map, COMM_HEAT_MAP_RESIDUAL, a, b);
          *l = a;
          *i = b;
        }
}

static void
run_once (GtkApplication *app, Bench *bench, gboolean print)
{
  g_autoptr(GError) error = NULL;
  CommWindow *window = comm_window_new (app);
  CommRisksPage *page = COMM_RISKS_PAGE (comm_window_get_page (window, "risks"));
  GdkFrameClock *clock;
  gint64 started, loaded, id = 0;
  guint l = 0, i = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tab", "s", "contracts");
  if (!comm_window_open_workspace (window, bench->path, &error))
    g_error ("cannot open %s: %s", bench->path, error->message);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  bench->frames = 0;
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), bench);
  if (!wait_for_frame_after (bench, 0) || !page->needs_load)
    g_error ("the Contracts tab did not come first, or the Risks tab was read already");

  started = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tab", "s", "risks");
  loaded = g_get_monotonic_time ();
  if (!wait_for_frame_after (bench, loaded))
    g_error ("no frame after switching to the Risks tab");
  add (bench, SWITCH, started, bench->last_frame_end);
  add (bench, LOAD, started, loaded);
  add (bench, WAIT, loaded, bench->frame_started);
  add (bench, FRAME, 0, bench->last_frame_work);
  if (print)
    g_print ("top risks: %u open risks listed, %u registers in the sidebar\n",
             g_list_model_get_n_items (comm_risks_page_get_view_model (page)),
             g_list_model_get_n_items (G_LIST_MODEL (page->registers)));

  if (!pick_programme (page, &id))
    g_error ("no programme register in %s", bench->path);
  started = g_get_monotonic_time ();
  comm_risks_page_show_register (page, id);
  wait_for_frame_after (bench, g_get_monotonic_time ());
  add (bench, REGISTER, started, bench->last_frame_end);
  if (print)
    g_print ("a programme register: %u risks with the roll-up\n",
             g_list_model_get_n_items (comm_risks_page_get_view_model (page)));

  busiest_cell (page, &l, &i);
  started = g_get_monotonic_time ();
  g_signal_emit_by_name (page->heat_map, "cell-activated", (int) COMM_HEAT_MAP_RESIDUAL, l, i);
  wait_for_frame_after (bench, g_get_monotonic_time ());
  add (bench, CELL, started, bench->last_frame_end);
  if (print)
    g_print ("its busiest residual cell: %u risks\n",
             g_list_model_get_n_items (comm_risks_page_get_view_model (page)));

  g_signal_handlers_disconnect_by_data (clock, bench);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_activate_cb (GtkApplication *app, Bench *bench)
{
  for (guint r = 0; r < N_ROWS; r++)
    bench->samples[r] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < bench->runs; run++)
    run_once (app, bench, run == 0);

  g_print ("Risks tab, %u runs (median, worst):\n", bench->runs);
  for (guint r = 0; r < N_ROWS; r++)
    {
      GArray *s = bench->samples[r];

      g_array_sort (s, compare_doubles);
      g_print ("  %-10s %7.1f ms %7.1f ms\n", names[r], g_array_index (s, double, s->len / 2),
               g_array_index (s, double, s->len - 1));
      g_array_unref (s);
    }
}

int
main (int argc, char **argv)
{
  Bench bench = { 0 };
  g_autoptr(AdwApplication) app = NULL;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: bench-risks-ui FILE [RUNS]   (FILE made by bench-risks)\n");
      return 2;
    }
  bench.path = argv[1];
  bench.runs = argc == 3 ? (guint) MAX (1, atoi (argv[2])) : 5;
  app = adw_application_new ("uk.org.commissioner.BenchRisks", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), &bench);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
