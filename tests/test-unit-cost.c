/* test-unit-cost.c: cost per unit and the pro-rata split across cohorts, to the penny */
#include "config.h"

#include <string.h>

#include "comm-error.h"
#include "comm-unit-cost.h"

__extension__ typedef __int128 Int128;

static void
test_domain_example (void)
{
  static const struct { const char *name; gint64 count; gint64 share; gboolean moved; } want[] = {
    { "Cohort A", 202, 2054237, FALSE },
    { "Cohort B", 361, 3671186, FALSE },
    { "Cohort C", 1, 10170, TRUE },
    { "Cohort D", 321, 3264407, TRUE },
  };
  g_autoptr(CommUnitCost) uc = comm_unit_cost_new (9000000);
  g_autoptr(GError) error = NULL;
  g_autofree char *exact = NULL;
  gint64 sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    comm_unit_cost_add_cohort (uc, want[i].name, want[i].count);
  g_assert_true (comm_unit_cost_compute (uc, &error));
  g_assert_no_error (error);

  g_assert_cmpint (comm_unit_cost_get_activity (uc), ==, 885);
  g_assert_cmpint (comm_unit_cost_get_unit_cost (uc), ==, 10169);
  g_assert_true (comm_unit_cost_is_rounded (uc));
  g_assert_cmpuint (comm_unit_cost_get_n_cohorts (uc), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const CommUnitCohort *c = comm_unit_cost_get_cohort (uc, i);

      g_assert_cmpstr (c->name, ==, want[i].name);
      g_assert_cmpint (c->share, ==, want[i].share);
      g_assert_cmpint (c->penny_moved, ==, want[i].moved);
      sum += c->share;
    }
  g_assert_cmpint (sum, ==, 9000000);
  /* rounding each line on its own loses a penny */
  g_assert_cmpint (comm_unit_cost_get_rounded_alone_total (uc), ==, 8999999);
  g_assert_cmpint (comm_unit_cost_get_cohort (uc, 2)->rounded_alone, ==, 10169);

  exact = comm_unit_cost_format_exact (9000000, 1, 885);
  g_assert_cmpstr (exact, ==, "£101.694915…");
}

static void
test_format_exact (void)
{
  g_autofree char *whole = comm_unit_cost_format_exact (9000000, 1, 900);
  g_autofree char *half = comm_unit_cost_format_exact (1, 1, 2);
  g_autofree char *share = comm_unit_cost_format_exact (9000000, 202, 885);

  g_assert_cmpstr (whole, ==, "£100.00");
  g_assert_cmpstr (half, ==, "£0.005");
  g_assert_cmpstr (share, ==, "£20,542.372881…");
}

static void
test_whole_pence (void)
{
  g_autoptr(CommUnitCost) uc = comm_unit_cost_new (1000);
  g_autoptr(GError) error = NULL;

  comm_unit_cost_add_cohort (uc, "Families", 4);
  comm_unit_cost_add_cohort (uc, "Others", 0);
  g_assert_true (comm_unit_cost_compute (uc, &error));
  g_assert_cmpint (comm_unit_cost_get_unit_cost (uc), ==, 250);
  g_assert_false (comm_unit_cost_is_rounded (uc));
  g_assert_cmpint (comm_unit_cost_get_cohort (uc, 0)->share, ==, 1000);
  g_assert_cmpint (comm_unit_cost_get_cohort (uc, 1)->share, ==, 0);
}

static void
test_random_splits (void)
{
  for (guint round = 0; round < 5000; round++)
    {
      g_autoptr(CommUnitCost) uc = NULL;
      g_autoptr(GError) error = NULL;
      gint64 total = g_test_rand_int_range (0, G_MAXINT32);
      guint n = g_test_rand_int_range (1, 20);
      gint64 sum = 0;

      if (round % 10 == 0)
        total *= 1000000;  /* large amounts too */
      uc = comm_unit_cost_new (total);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *name = g_strdup_printf ("Cohort %u", i);
          comm_unit_cost_add_cohort (uc, name, g_test_rand_int_range (i == 0 ? 1 : 0, 100000));
        }
      g_assert_true (comm_unit_cost_compute (uc, &error));
      for (guint i = 0; i < n; i++)
        {
          const CommUnitCohort *c = comm_unit_cost_get_cohort (uc, i);
          Int128 diff = (Int128) c->share * comm_unit_cost_get_activity (uc) - (Int128) total * c->count;

          g_assert_true (diff > -comm_unit_cost_get_activity (uc) && diff < comm_unit_cost_get_activity (uc));
          g_assert_true (c->rounded_alone - c->share <= 1 && c->share - c->rounded_alone <= 1);
          sum += c->share;
        }
      g_assert_cmpint (sum, ==, total);
      g_assert_true ((Int128) comm_unit_cost_get_unit_cost (uc) * 2 * comm_unit_cost_get_activity (uc)
                     >= (Int128) total * 2 - comm_unit_cost_get_activity (uc));
    }
}

typedef struct {
  gint64      total;
  const char *names[3];
  gint64      counts[3];
  const char *why;
} BadCase;

static void
test_errors (void)
{
  static const BadCase cases[] = {
    { -1, { "A" }, { 1 }, "cost is negative" },
    { 100, { NULL }, { 0 }, "no cohorts" },
    { 100, { "A", "B" }, { 0, 0 }, "all zero" },
    { 100, { "A", "b", "a " }, { 1, 1, 1 }, "“a” is used twice" },
    { 100, { "A", "B" }, { 1, -2 }, "“B” has a negative count" },
    { 100, { " " }, { 1 }, "has no name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CommUnitCost) uc = comm_unit_cost_new (cases[i].total);
      g_autoptr(GError) error = NULL;

      for (guint k = 0; k < 3 && cases[i].names[k] != NULL; k++)
        comm_unit_cost_add_cohort (uc, cases[i].names[k], cases[i].counts[k]);
      g_assert_false (comm_unit_cost_compute (uc, &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
      if (strstr (error->message, cases[i].why) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].why);
      g_assert_cmpuint (comm_unit_cost_get_n_cohorts (uc), ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/unit-cost/domain-example", test_domain_example);
  g_test_add_func ("/unit-cost/format-exact", test_format_exact);
  g_test_add_func ("/unit-cost/whole-pence", test_whole_pence);
  g_test_add_func ("/unit-cost/random-splits", test_random_splits);
  g_test_add_func ("/unit-cost/errors", test_errors);
  return g_test_run ();
}
