/* bench-risks.c: the core side of the Risks tab on 20,000 risks across 500 registers
 *
 *   bench-risks [FILE] [RUNS]
 *
 * Makes FILE (default bench-risks.commissioner; an existing FILE made by an earlier run is reused)
 * with 50 programme registers (5 x 5),
 * each with 9 contract or procurement registers rolling up into it (a third on Low / Medium /
 * High with ranges), 40 risks in each of the 500 registers, saved through the store
 * (comm_risk_store_save, validation included) in one transaction. Then times, RUNS times
 * (default 7), what the tab does when it is shown:
 *   roll-up   comm_risk_store_list() of a programme register (its 40 risks and the 360 of its
 *             9 child registers)
 *   top       comm_risk_store_top() of all open risks across all registers, and of the top 20
 *   heat map  comm_heat_map_count() inherent and residual over the roll-up list and over all
 *             open risks, and comm_heat_map_draw() of both maps into a 900 x 400 image
 * Prints the median and worst wall-clock time of each, and the median CPU time of the process
 * (which a loaded machine does not inflate), in ms, on one line each.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "comm-database-private.h"
#include "commissioner-core.h"

#define N_PROGRAMMES   50
#define CHILDREN       9
#define RISKS_EACH     40

static const char *const lmh[] = { "L", "L/M", "M", "M/H", "H" };

static CommRiskRegister *
make_register (CommDatabase         *db,
               const char           *name,
               CommRiskRegisterKind  kind,
               CommRiskScaleKind     scale,
               gint64                parent)
{
  g_autoptr(GError) error = NULL;
  CommRiskRegister *reg = comm_risk_register_new ();

  comm_risk_set_text (&reg->name, name);
  reg->kind = kind;
  reg->scale = scale;
  reg->parent_id = parent;
  if (!comm_risk_register_store_save (db, reg, &error))
    g_error ("%s", error->message);
  return reg;
}

static CommRiskRating
random_rating (GRand             *rand,
               CommRiskScaleKind  scale)
{
  CommRiskRating rating = { scale, 0, 0 };
  const char *text;
  g_autofree char *number = NULL;

  if (scale == COMM_RISK_SCALE_LMH)
    text = lmh[g_rand_int_range (rand, 0, G_N_ELEMENTS (lmh))];
  else
    text = number = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 6));
  if (!comm_risk_rating_parse (scale, COMM_RISK_AXIS_LIKELIHOOD, text, &rating, NULL))
    g_error ("bad rating %s", text);
  return rating;
}

static void
make_risks (CommDatabase     *db,
            CommRiskRegister *reg,
            GRand            *rand)
{
  for (guint n = 0; n < RISKS_EACH; n++)
    {
      g_autoptr(CommRisk) risk = comm_risk_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Risk %u of %s", n + 1, reg->name);

      risk->register_id = reg->id;
      comm_risk_set_text (&risk->title, title);
      comm_risk_set_text (&risk->owner, "Risk owner");
      comm_risk_set_text (&risk->raised_on, "2026-04-01");
      comm_risk_set_text (&risk->review_due, g_rand_boolean (rand) ? "2026-10-01" : "2027-01-15");
      risk->inherent_likelihood = random_rating (rand, reg->scale);
      risk->inherent_impact = random_rating (rand, reg->scale);
      if (g_rand_int_range (rand, 0, 4) != 0)
        {
          risk->residual_likelihood = random_rating (rand, reg->scale);
          risk->residual_impact = random_rating (rand, reg->scale);
        }
      risk->status = g_rand_int_range (rand, 0, 10) == 0 ? COMM_RISK_STATUS_CLOSED : COMM_RISK_STATUS_OPEN;
      if (!comm_risk_store_save (db, risk, &error))
        g_error ("%s", error->message);
    }
}

static gint64
generate (CommDatabase *db)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  gint64 first_programme = 0;

  if (!comm_database_begin (db, &error))
    g_error ("%s", error->message);
  for (guint p = 0; p < N_PROGRAMMES; p++)
    {
      g_autofree char *name = g_strdup_printf ("Programme %02u", p + 1);
      g_autoptr(CommRiskRegister) programme = make_register (db, name, COMM_RISK_REGISTER_PROGRAMME,
                                                             COMM_RISK_SCALE_5X5, 0);

      if (first_programme == 0)
        first_programme = programme->id;
      make_risks (db, programme, rand);
      for (guint c = 0; c < CHILDREN; c++)
        {
          g_autofree char *child_name = g_strdup_printf ("Programme %02u procurement %u", p + 1, c + 1);
          g_autoptr(CommRiskRegister) child =
            make_register (db, child_name, COMM_RISK_REGISTER_PROCUREMENT,
                           c % 3 == 0 ? COMM_RISK_SCALE_LMH : COMM_RISK_SCALE_5X5, programme->id);

          make_risks (db, child, rand);
        }
    }
  if (!comm_database_commit (db, &error))
    g_error ("%s", error->message);
  return first_programme;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct {
  double wall[64];
  double cpu[64];
} Timing;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
report (const char *what,
        Timing     *timing,
        guint       runs)
{
  qsort (timing->wall, runs, sizeof (double), compare_doubles);
  qsort (timing->cpu, runs, sizeof (double), compare_doubles);
  printf ("%-44s median %7.2f ms  worst %7.2f ms  (CPU median %6.2f ms)\n", what,
          timing->wall[runs / 2], timing->wall[runs - 1], timing->cpu[runs / 2]);
}

typedef struct {
  gint64 wall;
  double cpu;
} Mark;

static Mark
mark (void)
{
  Mark m = { g_get_monotonic_time (), cpu_ms () };

  return m;
}

static void
record (Timing *timing,
        guint   run,
        Mark    since_mark)
{
  timing->wall[run] = (g_get_monotonic_time () - since_mark.wall) / 1000.0;
  timing->cpu[run] = cpu_ms () - since_mark.cpu;
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
draw_both (const CommHeatMapCounts *inherent,
           const CommHeatMapCounts *residual)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 400);
  cairo_t *cr = cairo_create (surface);

  comm_heat_map_draw (cr, 440, 400, inherent, NULL);
  cairo_translate (cr, 460, 0);
  comm_heat_map_draw (cr, 440, 400, residual, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  const char *path = argc > 1 ? argv[1] : "bench-risks.commissioner";
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 7;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  Timing rollup, top_all, top20, count_rollup, count_all, draw, tab;
  gint64 programme, start;
  GDate today;

  runs = CLAMP (runs, 1, 64);
  if ((db = comm_database_open (path, COMM_DATABASE_CREATE, &error)) == NULL)
    g_error ("%s", error->message);
  {
    g_autoptr(CommRiskRegister) first = comm_risk_register_store_find (db, "Programme 01", NULL);

    if (first != NULL)
      programme = first->id;
    else
      {
        start = g_get_monotonic_time ();
        programme = generate (db);
        printf ("generated %d registers, %d risks through the store in %.0f ms\n",
                N_PROGRAMMES * (CHILDREN + 1), N_PROGRAMMES * (CHILDREN + 1) * RISKS_EACH, since (start));
      }
  }
  comm_date_today (&today);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GListStore) list = NULL;
      g_autoptr(GListStore) all = NULL;
      g_autoptr(GListStore) top = NULL;
      CommHeatMapCounts inherent, residual;
      Mark tab_start = mark (), m;

      m = mark ();
      list = comm_risk_store_list (db, programme, &today, &error);
      record (&rollup, r, m);
      g_assert (list != NULL && g_list_model_get_n_items (G_LIST_MODEL (list)) == RISKS_EACH * (CHILDREN + 1));
      m = mark ();
      comm_heat_map_count (&inherent, COMM_RISK_SCALE_5X5, COMM_HEAT_MAP_INHERENT, G_LIST_MODEL (list));
      comm_heat_map_count (&residual, COMM_RISK_SCALE_5X5, COMM_HEAT_MAP_RESIDUAL, G_LIST_MODEL (list));
      record (&count_rollup, r, m);
      m = mark ();
      draw_both (&inherent, &residual);
      record (&draw, r, m);
      m = mark ();
      top = comm_risk_store_top (db, 20, &today, &error);
      record (&top20, r, m);
      record (&tab, r, tab_start);
      m = mark ();
      all = comm_risk_store_top (db, 0, &today, &error);
      record (&top_all, r, m);
      m = mark ();
      comm_heat_map_count (&inherent, COMM_RISK_SCALE_5X5, COMM_HEAT_MAP_INHERENT, G_LIST_MODEL (all));
      comm_heat_map_count (&residual, COMM_RISK_SCALE_5X5, COMM_HEAT_MAP_RESIDUAL, G_LIST_MODEL (all));
      record (&count_all, r, m);
      g_assert (inherent.total == g_list_model_get_n_items (G_LIST_MODEL (all)));
    }
  report ("roll-up list (400 risks)", &rollup, runs);
  report ("heat map counts x2 (400 risks)", &count_rollup, runs);
  report ("heat map draw x2 (900 x 400 image)", &draw, runs);
  report ("top 20 open risks (of 20,000)", &top20, runs);
  report ("tab core total (roll-up+counts+draw+top 20)", &tab, runs);
  report ("all open risks by severity (~18,000)", &top_all, runs);
  report ("heat map counts x2 (all open risks)", &count_all, runs);
  return 0;
}
