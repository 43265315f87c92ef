/* bench-budget-ui.c: the Budgets tab's Multi-year view on a big programme, in a real window
 *
 *   bench-budget-ui [YEARS [LINES [RUNS]]]      (default 10 years x 200 lines, 10 runs)
 *
 * Makes a workspace in a temporary folder with one programme whose base budgets run for YEARS
 * years, each with LINES lines (10% income, 10% commitments, 30% fixed, 50% percentage lines),
 * then, RUNS times, opens the Multi-year view of that programme in a window and prints the time
 * from asking for it to the end of its first painted frame, split into
 *   read + compare  comm_budget_store_compare_years (reading every budget, working each out,
 *                   lining up the rows) and filling the table's model;
 *   frame           layout and paint of the first frame (before-paint to after-paint);
 * and the budget editor's recompute after one keystroke on the first year's budget (p50, max).
 * Run it under Xvfb with GSK_RENDERER=cairo (see bench/README.md).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "comm-app-resources.h"
#include "comm-budget-editor.h"
#include "comm-budget-years-view.h"

typedef struct {
  gint64   frame_started;
  gint64   frame_ended;
  gboolean painted;
} Frame;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static CommBudget *
make_budget (int year,
             int n_lines)
{
  CommBudget *budget = comm_budget_new ("Bench Programme", year);
  int n_income = n_lines / 10, n_commit = n_lines / 10, n_fixed = 3 * n_lines / 10;
  int n_percent = n_lines - n_income - n_commit - n_fixed;

  for (int i = 0; i < n_income; i++)
    {
      g_autofree char *name = g_strdup_printf ("Grant %03d", i);
      comm_budget_add_line (budget, comm_budget_line_new (COMM_BUDGET_LINE_INCOME, name,
                                                          100000000 + (gint64) year * 1000 + i * 7));
    }
  for (int i = 0; i < n_commit; i++)
    {
      g_autofree char *name = g_strdup_printf ("Commitment %03d", i);
      comm_budget_add_line (budget, comm_budget_line_new (COMM_BUDGET_LINE_COMMITMENT, name, 1000000 + i * 13));
    }
  for (int i = 0; i < n_fixed; i++)
    {
      g_autofree char *name = g_strdup_printf ("Fixed %03d", i);
      comm_budget_add_line (budget, comm_budget_line_new (COMM_BUDGET_LINE_FIXED, name, 500000 + i * 17));
    }
  for (int i = 0; i < n_percent; i++)
    {
      g_autofree char *name = g_strdup_printf ("Service %03d", i);
      /* The percentages add up to 100% exactly: the first line takes what is left. */
      gint64 share = i == 0 ? 100000 - (gint64) (n_percent - 1) * (100000 / n_percent / 2) : 100000 / n_percent / 2;
      comm_budget_add_line (budget, comm_budget_line_new (COMM_BUDGET_LINE_PERCENT, name, share));
    }

  return budget;
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Frame         *frame)
{
  if (frame->frame_started == 0)
    frame->frame_started = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Frame         *frame)
{
  if (!frame->painted && frame->frame_started != 0)
    {
      frame->frame_ended = g_get_monotonic_time ();
      frame->painted = TRUE;
    }
}

static void
run_once (CommDatabase *db,
          gint64        programme_id,
          gint64       *load_us,
          gint64       *frame_us)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = comm_budget_years_view_new ();
  g_autoptr(GError) error = NULL;
  GdkFrameClock *clock;
  Frame frame = { 0 };
  gint64 start, loaded;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &frame);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frame);

  start = g_get_monotonic_time ();
  if (!comm_budget_years_view_load (COMM_BUDGET_YEARS_VIEW (view), db, programme_id, "Bench Programme", &error))
    g_error ("%s", error->message);
  loaded = g_get_monotonic_time ();
  frame.frame_started = 0;
  gtk_widget_queue_draw (view);
  while (!frame.painted)
    g_main_context_iteration (NULL, TRUE);

  *load_us = loaded - start;
  *frame_us = frame.frame_ended - loaded;
  g_signal_handlers_disconnect_by_data (clock, &frame);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Where read + compare goes: reading the budgets, and lining them up (best of 3). */
static void
bench_core (CommDatabase *db,
            gint64        programme_id)
{
  gint64 best_read = G_MAXINT64, best_compare = G_MAXINT64, best_store = G_MAXINT64;

  for (int run = 0; run < 3; run++)
    {
      g_autoptr(GPtrArray) summaries = comm_budget_store_list (db, programme_id, NULL);
      g_autoptr(GPtrArray) budgets = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_budget_free);
      CommBudgetComparison *comparison;
      gint64 start = g_get_monotonic_time (), read, compared;

      for (guint i = 0; i < summaries->len; i++)
        g_ptr_array_add (budgets, comm_budget_store_load (db, ((CommBudgetSummary *) g_ptr_array_index (summaries, i))->id, NULL));
      read = g_get_monotonic_time ();
      comparison = comm_budget_comparison_new ((const CommBudget * const *) budgets->pdata, budgets->len,
                                               NULL, COMM_BUDGET_COMPARE_YEARS);
      compared = g_get_monotonic_time ();
      comm_budget_comparison_free (comparison);
      comparison = comm_budget_store_compare_years (db, programme_id, NULL);
      best_store = MIN (best_store, g_get_monotonic_time () - compared);
      comm_budget_comparison_free (comparison);
      best_read = MIN (best_read, read - start);
      best_compare = MIN (best_compare, compared - read);
    }
  g_print ("core, best of 3: list + load the budgets %.1f ms, comm_budget_comparison_new %.1f ms, "
           "both in comm_budget_store_compare_years %.1f ms\n",
           best_read / 1000.0, best_compare / 1000.0, best_store / 1000.0);
}

static void
bench_editor (CommBudget *budget,
              int         runs)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = comm_budget_editor_new ();
  CommBudgetSection *percent;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_window_set_child (GTK_WINDOW (window), editor);
  comm_budget_editor_set_budget (COMM_BUDGET_EDITOR (editor), budget);
  percent = comm_budget_editor_get_section (COMM_BUDGET_EDITOR (editor), COMM_BUDGET_LINE_PERCENT);
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 spent;

      gtk_editable_set_text (comm_budget_section_get_value_entry (percent, 1), i % 2 ? "1%" : "1.5%");
      spent = g_get_monotonic_time () - start;
      g_array_append_val (times, spent);
    }
  g_array_sort (times, compare_gint64);
  g_print ("editor recompute after one keystroke (%u lines): p50 %.2f ms, max %.2f ms\n",
           budget->lines->len,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int years = argc > 1 ? atoi (argv[1]) : 10;
  int lines = argc > 2 ? atoi (argv[2]) : 200;
  int runs = argc > 3 ? atoi (argv[3]) : 10;
  g_autofree char *dir = g_dir_make_tmp ("bench-budget-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.commissioner", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CommBudget) first = NULL;
  gint64 programme_id = 0;

  gtk_init ();
  adw_init ();
  g_assert_nonnull (comm_app_get_resource ());

  db = comm_database_open (path, COMM_DATABASE_CREATE, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  for (int y = 0; y < years; y++)
    {
      g_autoptr(CommBudget) budget = make_budget (2020 + y, lines);

      if (!comm_budget_store_save (db, budget, &error))
        g_error ("%s", error->message);
      programme_id = budget->programme_id;
      if (first == NULL)
        first = comm_budget_copy (budget);
    }

  for (int i = 0; i < runs; i++)
    {
      gint64 load = 0, frame = 0, total;

      run_once (db, programme_id, &load, &frame);
      total = load + frame;
      g_array_append_val (loads, load);
      g_array_append_val (frames, frame);
      g_array_append_val (totals, total);
    }
  g_array_sort (loads, compare_gint64);
  g_array_sort (frames, compare_gint64);
  g_array_sort (totals, compare_gint64);
  g_print ("multi-year view, %d years x %d lines, %d runs: open to first frame p50 %.1f ms, max %.1f ms "
           "(read + compare p50 %.1f ms, first frame p50 %.1f ms)\n",
           years, lines, runs,
           g_array_index (totals, gint64, runs / 2) / 1000.0,
           g_array_index (totals, gint64, runs - 1) / 1000.0,
           g_array_index (loads, gint64, runs / 2) / 1000.0,
           g_array_index (frames, gint64, runs / 2) / 1000.0);

  bench_core (db, programme_id);
  bench_editor (first, 50);

  g_clear_object (&db);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
