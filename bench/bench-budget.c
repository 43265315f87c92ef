/* bench-budget.c: the budget sums at scale
 *
 *   bench-budget [FOLDER]
 *
 * Prints:
 *  - recompute after one edit: a budget of 1,000 lines (10 income, 100 commitments, 200 fixed,
 *    690 percentages adding up to 100% with three decimals) and 20 scenarios of it; one
 *    percentage of the base is changed (moving 0.001% between two lines, so it stays at 100%),
 *    then (a) the edited budget is worked out again; (b) the side-by-side table of the budget and
 *    its 20 scenarios is brought up to date after the edit (comm_budget_comparison_update: the
 *    edited budget worked out again and its column refreshed - what the Budgets tab does); and,
 *    for reference, (c) all 21 worked out and compared afresh - p50, p95 and max over 200 edits;
 *  - the multi-year view: a workspace (made in FOLDER, default a temporary folder) with one
 *    programme's base budgets for 10 years of 200 lines each; the time to read them and build the
 *    year-on-year table (comm_budget_store_compare_years), p50 and max of 20 runs, after one
 *    warm-up run.
 */
#include "config.h"

#include <time.h>

#include <glib/gstdio.h>

#include "commissioner-core.h"

#define N_EDITS     200
#define N_SCENARIOS 20

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_times (const char *what,
             GArray     *ms)
{
  g_array_sort (ms, compare_doubles);
  g_print ("%-44s p50 %7.3f ms  p95 %7.3f ms  max %7.3f ms  (n=%u)\n", what,
           g_array_index (ms, double, ms->len / 2),
           g_array_index (ms, double, (ms->len * 95) / 100),
           g_array_index (ms, double, ms->len - 1), ms->len);
}

static void
add_line (CommBudget         *budget,
          CommBudgetLineKind  kind,
          const char         *prefix,
          guint               i,
          gint64              value)
{
  g_autofree char *name = g_strdup_printf ("%s %u", prefix, i);

  comm_budget_add_line (budget, comm_budget_line_new (kind, name, value));
}

/* 1,000 lines that reconcile; @lines: how many of each kind in total is fixed here. */
static CommBudget *
big_budget (const char *programme,
            int         year,
            guint       scale,
            GRand      *rand)
{
  CommBudget *budget = comm_budget_new (programme, year);
  guint n_percent = 690 / scale;
  gint64 left = COMM_PERCENT_WHOLE;

  for (guint i = 0; i < 10 / scale + 1; i++)
    add_line (budget, COMM_BUDGET_LINE_INCOME, "Grant", i, g_rand_int_range (rand, 50000000, 200000000));
  for (guint i = 0; i < 100 / scale; i++)
    add_line (budget, COMM_BUDGET_LINE_COMMITMENT, "Contract", i, g_rand_int_range (rand, 100000, 1000000));
  for (guint i = 0; i < 200 / scale; i++)
    add_line (budget, COMM_BUDGET_LINE_FIXED, "Ring-fenced", i, g_rand_int_range (rand, 10000, 500000));
  for (guint i = 0; i < n_percent; i++)
    {
      gint64 r = g_rand_int_range (rand, 0, 290);
      gint64 t = i + 1 == n_percent ? left : MIN (left, r);

      add_line (budget, COMM_BUDGET_LINE_PERCENT, "Share", i, t);
      left -= t;
    }
  return budget;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this thread, ms: unlike the wall clock, not inflated when a busy machine
 * preempts the process in the middle of a sub-millisecond computation. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
bench_recompute (GRand *rand)
{
  g_autoptr(CommBudget) base = big_budget ("Bench", 2026, 1, rand);
  g_autoptr(GPtrArray) budgets = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_budget_free);
  g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) update = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) update_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(CommBudgetComparison) table = NULL;
  guint first_percent = 0;

  g_ptr_array_add (budgets, comm_budget_copy (base));
  for (guint s = 0; s < N_SCENARIOS; s++)
    {
      CommBudget *scenario = comm_budget_copy_changed (base, -(gint64) (s + 1) * 500, NULL);

      scenario->scenario = g_strdup_printf ("Scenario %u", s + 1);
      g_ptr_array_add (budgets, scenario);
    }
  while (((CommBudgetLine *) g_ptr_array_index (base->lines, first_percent))->kind != COMM_BUDGET_LINE_PERCENT)
    first_percent++;
  g_print ("budget: %u lines, %u scenarios\n", base->lines->len, N_SCENARIOS);
  table = comm_budget_comparison_new ((const CommBudget * const *) budgets->pdata, budgets->len, NULL,
                                      COMM_BUDGET_COMPARE_SCENARIOS);

  for (guint e = 0; e < N_EDITS; e++)
    {
      CommBudget *edited = g_ptr_array_index (budgets, 0);
      CommBudgetLine *a = g_ptr_array_index (edited->lines, first_percent + (e % 600));
      CommBudgetLine *b = g_ptr_array_index (edited->lines, first_percent + (e % 600) + 1);
      g_autoptr(CommBudgetResult) result = NULL;
      g_autoptr(CommBudgetComparison) comparison = NULL;
      gint64 start;
      double cpu;

      /* the edit: 0.001% from one line to the next */
      if (a->thousandths > 0)
        a->thousandths--, b->thousandths++;
      start = g_get_monotonic_time ();
      result = comm_budget_compute (edited);
      g_array_append_val (one, (double) { ms_since (start) });
      if (!result->reconciled)
        g_error ("%s", ((CommProblem *) g_ptr_array_index (result->problems, 0))->message);

      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      comm_budget_comparison_update (table, 0, edited);
      g_array_append_val (update_cpu, (double) { cpu_ms () - cpu });
      g_array_append_val (update, (double) { ms_since (start) });
      g_assert (table->reconciled[0]);

      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      comparison = comm_budget_comparison_new ((const CommBudget * const *) budgets->pdata, budgets->len, NULL,
                                               COMM_BUDGET_COMPARE_SCENARIOS);
      g_array_append_val (all_cpu, (double) { cpu_ms () - cpu });
      g_array_append_val (all, (double) { ms_since (start) });
      g_assert (comparison->n_columns == N_SCENARIOS + 1);
    }
  print_times ("recompute the edited budget", one);
  print_times ("edit: the budget + its column of the 21", update);
  print_times ("  the same, CPU time of the thread", update_cpu);
  print_times ("(all 21 worked out and compared afresh)", all);
  print_times ("  the same, CPU time of the thread", all_cpu);
}

static void
bench_years (const char *folder,
             GRand      *rand)
{
  g_autofree char *path = g_build_filename (folder, "bench-budget.commissioner", NULL);
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) times_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  double cpu;
  gint64 programme = 0, start;

  db = comm_database_open (path, COMM_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  for (int year = 2020; year < 2030; year++)
    {
      g_autoptr(CommBudget) budget = big_budget ("Ten years", year, 5, rand);   /* 200 lines */

      if (!comm_budget_store_save (db, budget, &error))
        g_error ("%s", error->message);
      programme = budget->programme_id;
      if (year == 2020)
        g_print ("multi-year: 10 years x %u lines\n", budget->lines->len);
    }
  g_print ("%-44s %7.1f ms\n", "save the 10 budgets (setup)", ms_since (start));

  for (int run = 0; run <= 20; run++)
    {
      g_autoptr(CommBudgetComparison) table = NULL;

      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      table = comm_budget_store_compare_years (db, programme, &error);
      g_assert_no_error (error);
      g_assert (table->n_columns == 10);
      if (run > 0)
        {
          g_array_append_val (times_cpu, (double) { cpu_ms () - cpu });
          g_array_append_val (times, (double) { ms_since (start) });
        }
    }
  print_times ("multi-year table (read + build)", times);
  print_times ("  the same, CPU time of the thread", times_cpu);
  comm_database_close (db);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (file);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autofree char *tmp = NULL;

  if (argc < 2)
    tmp = g_dir_make_tmp ("bench-budget-XXXXXX", NULL);
  bench_recompute (rand);
  bench_years (argc >= 2 ? argv[1] : tmp, rand);
  if (tmp != NULL)
    g_rmdir (tmp);
  return 0;
}
