/* test-allocation.c: a budget's reconciliation - exact over 10,000 random budgets, the
 * Plymouth system elements as a fixture, percentage parsing, and every error */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "comm-allocation.h"
#include "comm-csv.h"
#include "comm-error.h"
#include "comm-money.h"

__extension__ typedef __int128 Int128;

static gint64
rand_range (gint64 low,
            gint64 high)   /* inclusive, high - low < 2^62 */
{
  guint64 r = ((guint64) g_test_rand_int () << 32) ^ (guint32) g_test_rand_int ();

  return low + (gint64) (r % (guint64) (high - low + 1));
}

/* n percentages in thousandths that total exactly @sum */
static void
random_percentages (gint64 *out,
                    guint   n,
                    gint64  sum)
{
  gint64 left = sum;

  for (guint i = 0; i + 1 < n; i++)
    {
      out[i] = rand_range (0, left);
      left -= out[i];
    }
  out[n - 1] = left;
}

static void
check_budget (CommAllocation *a,
              gint64          total)
{
  gint64 sum = 0, after = comm_allocation_get_after_fixed (a), percent_sum = 0;
  guint n = comm_allocation_get_n_lines (a);

  g_assert_cmpint (comm_allocation_get_line (a, n - 1)->kind, ==, COMM_ALLOCATION_UNALLOCATED);
  for (guint i = 0; i < n; i++)
    {
      const CommAllocationLine *line = comm_allocation_get_line (a, i);

      sum += line->amount;
      if (line->kind == COMM_ALLOCATION_PERCENT)
        {
          Int128 diff = (Int128) line->amount * COMM_PERCENT_WHOLE - (Int128) after * line->thousandths;

          /* within a penny of the exact share: floor or floor + 1 */
          g_assert_true (diff > -COMM_PERCENT_WHOLE && diff < COMM_PERCENT_WHOLE);
          g_assert_true (line->penny_moved == (diff > 0));
          percent_sum += line->amount;
        }
    }
  g_assert_cmpint (sum, ==, total);
  g_assert_cmpint (percent_sum, ==, comm_allocation_get_percent_amount (a));
  g_assert_cmpint (comm_allocation_get_committed (a) + comm_allocation_get_fixed_total (a)
                   + percent_sum + comm_allocation_get_unallocated (a), ==, total);
  if (comm_allocation_get_percent_total (a) == COMM_PERCENT_WHOLE)
    g_assert_cmpint (comm_allocation_get_unallocated (a), ==, 0);
}

static void
test_random_budgets (void)
{
  for (guint round = 0; round < 10000; round++)
    {
      g_autoptr(CommAllocation) a = NULL;
      g_autoptr(GError) error = NULL;
      gint64 total = rand_range (0, round % 10 == 0 ? G_GINT64_CONSTANT (9000000000000000) : 5000000000);
      gint64 left = total, percents[12];
      guint n_commit = rand_range (0, 3), n_fixed = rand_range (0, 3), n_percent = rand_range (1, 12);
      gboolean short_of_100 = round % 7 == 0;

      a = comm_allocation_new (total);
      for (guint i = 0; i < n_commit + n_fixed; i++)
        {
          g_autofree char *name = g_strdup_printf ("Line %u", i);
          gint64 amount = rand_range (0, left / 4);

          left -= amount;
          if (i < n_commit)
            comm_allocation_add_commitment (a, name, amount);
          else
            comm_allocation_add_fixed (a, name, amount);
        }
      random_percentages (percents, n_percent,
                          short_of_100 ? rand_range (0, COMM_PERCENT_WHOLE) : COMM_PERCENT_WHOLE);
      for (guint i = 0; i < n_percent; i++)
        {
          g_autofree char *name = g_strdup_printf ("Share %u", i);
          comm_allocation_add_percent (a, name, percents[i]);
        }
      g_assert_true (comm_allocation_compute (a, &error));
      g_assert_no_error (error);
      check_budget (a, total);
    }
}

static void
test_worked_example (void)
{
  g_autoptr(CommAllocation) a = comm_allocation_new (100001);  /* £1,000.01 */
  g_autoptr(GError) error = NULL;
  const CommAllocationLine *line;

  comm_allocation_add_commitment (a, "Existing contract", 1);
  comm_allocation_add_fixed (a, "Ring-fenced", 0);
  comm_allocation_add_percent (a, "One third", 33333);
  comm_allocation_add_percent (a, "Another third", 33333);
  comm_allocation_add_percent (a, "Last third", 33334);
  comm_allocation_set_remainder_name (a, "Community chest");
  g_assert_true (comm_allocation_compute (a, &error));
  g_assert_cmpint (comm_allocation_get_available (a), ==, 100000);
  g_assert_cmpint (comm_allocation_get_after_fixed (a), ==, 100000);
  g_assert_cmpuint (comm_allocation_get_n_lines (a), ==, 6);
  g_assert_cmpint (comm_allocation_get_line (a, 2)->amount, ==, 33333);
  g_assert_cmpint (comm_allocation_get_line (a, 3)->amount, ==, 33333);
  g_assert_cmpint (comm_allocation_get_line (a, 4)->amount, ==, 33334);
  line = comm_allocation_get_line (a, 5);
  g_assert_cmpstr (line->name, ==, "Community chest");
  g_assert_cmpint (line->amount, ==, 0);
  g_assert_false (comm_allocation_any_penny_moved (a));
}

static void
test_gap_stays_unallocated (void)
{
  g_autoptr(CommAllocation) a = comm_allocation_new (1000);  /* £10.00 */
  g_autoptr(GError) error = NULL;
  const CommAllocationLine *last;

  comm_allocation_add_percent (a, "A", 33333);
  comm_allocation_add_percent (a, "B", 33333);
  g_assert_true (comm_allocation_compute (a, &error));
  g_assert_cmpint (comm_allocation_get_percent_total (a), ==, 66666);
  last = comm_allocation_get_line (a, 2);
  g_assert_cmpstr (last->name, ==, "Unallocated");
  /* 333.33 each and 333.34 left: the pennies go by the largest remainder */
  g_assert_cmpint (comm_allocation_get_line (a, 0)->amount + comm_allocation_get_line (a, 1)->amount
                   + last->amount, ==, 1000);
  g_assert_cmpint (comm_allocation_get_line (a, 0)->amount, ==, 333);
  g_assert_cmpint (last->amount, ==, 334);
  g_assert_true (last->penny_moved);
}

static void
test_plymouth_fixture (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("COMM_TEST_SRCDIR"), "..", "data", "samples",
                                            "plymouth_system_elements_2015.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &error);
  g_autoptr(CommCsvReader) reader = NULL;
  g_autoptr(CommAllocation) fixed = comm_allocation_new (2715010200);
  g_autoptr(CommAllocation) shares = comm_allocation_new (2715010200);
  char **row;
  guint n = 0;

  g_assert_no_error (error);
  reader = comm_csv_reader_new (G_INPUT_STREAM (in), ',');
  g_strfreev (comm_csv_reader_next_row (reader, &error));   /* the header */
  while ((row = comm_csv_reader_next_row (reader, &error)) != NULL)
    {
      gint64 pence;

      g_assert_true (comm_money_parse (row[1], &pence, &error));
      comm_allocation_add_fixed (fixed, row[0], pence);
      /* the same elements as percentages of the total, to three decimals */
      comm_allocation_add_percent (shares, row[0], (gint64) (((Int128) pence * COMM_PERCENT_WHOLE) / 2715010200));
      g_strfreev (row);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);

  g_assert_true (comm_allocation_compute (fixed, &error));
  g_assert_cmpint (comm_allocation_get_fixed_total (fixed), ==, 2715010200);
  g_assert_cmpint (comm_allocation_get_unallocated (fixed), ==, 0);

  g_assert_true (comm_allocation_compute (shares, &error));
  check_budget (shares, 2715010200);
  /* 25.287% etc. add to 99.997%: the gap is left unallocated, not an error */
  g_assert_cmpint (comm_allocation_get_percent_total (shares), <, COMM_PERCENT_WHOLE);
  g_assert_cmpint (comm_allocation_get_unallocated (shares), >, 0);
}

typedef struct {
  const char *why;   /* a fragment of the message */
  void      (*build) (CommAllocation *a);
} BadBudget;

static void over_100 (CommAllocation *a) { comm_allocation_add_percent (a, "A", 60000); comm_allocation_add_percent (a, "B", 40001); }
static void negative_percent (CommAllocation *a) { comm_allocation_add_percent (a, "A", -1); }
static void commit_too_big (CommAllocation *a) { comm_allocation_add_commitment (a, "Old", 60000); comm_allocation_add_commitment (a, "Older", 40001); }
static void fixed_too_big (CommAllocation *a) { comm_allocation_add_commitment (a, "Old", 50000); comm_allocation_add_fixed (a, "Ring", 50001); }
static void negative_fixed (CommAllocation *a) { comm_allocation_add_fixed (a, "Ring", -5); }
static void duplicate (CommAllocation *a) { comm_allocation_add_fixed (a, "Youth", 5); comm_allocation_add_percent (a, " youth ", 5); }
static void duplicate_remainder (CommAllocation *a) { comm_allocation_add_percent (a, "Chest", 5); comm_allocation_set_remainder_name (a, "CHEST"); }
static void unnamed (CommAllocation *a) { comm_allocation_add_commitment (a, "  ", 5); }
static void empty_remainder (CommAllocation *a) { comm_allocation_set_remainder_name (a, ""); }

static void
test_errors (void)
{
  static const BadBudget cases[] = {
    { "must not total more than 100%", over_100 },
    { "“A” is negative", negative_percent },
    { "commitments (£1,000.01) are more than the total budget (£1,000.00)", commit_too_big },
    { "fixed allocations (£500.01) are more than is available after commitments (£500.00)", fixed_too_big },
    { "“Ring” is negative", negative_fixed },
    { "“youth” is used twice", duplicate },
    { "“Chest” is used twice", duplicate_remainder },
    { "has no name", unnamed },
    { "unallocated is empty", empty_remainder },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CommAllocation) a = comm_allocation_new (100000);
      g_autoptr(GError) error = NULL;

      cases[i].build (a);
      g_assert_false (comm_allocation_compute (a, &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
      if (strstr (error->message, cases[i].why) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].why);
      g_assert_cmpuint (comm_allocation_get_n_lines (a), ==, 0);
    }

  {
    g_autoptr(CommAllocation) a = comm_allocation_new (-1);
    g_autoptr(GError) error = NULL;

    g_assert_false (comm_allocation_compute (a, &error));
    g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  }
}

static void
test_percent_parse (void)
{
  static const struct { const char *text; gint64 want; } good[] = {
    { "12.345%", 12345 }, { "50", 50000 }, { " 7.5 % ", 7500 }, { "100%", 100000 },
    { "0.001%", 1 }, { ".5%", 500 }, { "0", 0 }, { "100.000", 100000 }, { "5.%", 5000 },
  };
  static const struct { const char *text; const char *why; } bad[] = {
    { "12.3456%", "more than three decimals" }, { "-5%", "has a sign" }, { "+5%", "has a sign" },
    { "100.001%", "over 100%" }, { "1000%", "over 100%" }, { "abc", "not a percentage" },
    { "", "not a percentage" }, { "%", "not a percentage" }, { "5%%", "not a percentage" },
    { "1,5%", "not a percentage" }, { "99999999999999999999999%", "over 100%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t = -1;

      g_assert_true (comm_percent_parse (good[i].text, &t, &error));
      g_assert_no_error (error);
      g_assert_cmpint (t, ==, good[i].want);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t = -1;

      g_assert_false (comm_percent_parse (bad[i].text, &t, &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
      if (strstr (error->message, bad[i].why) == NULL || strstr (error->message, bad[i].text) == NULL)
        g_error ("“%s”: message “%s” lacks “%s” or the text", bad[i].text, error->message, bad[i].why);
      g_assert_cmpint (t, ==, -1);
    }
}

static void
test_percent_format (void)
{
  static const struct { gint64 t; const char *want; } cases[] = {
    { 12345, "12.345%" }, { 12500, "12.5%" }, { 50000, "50%" }, { 1, "0.001%" }, { 0, "0%" },
    { 100000, "100%" }, { 10, "0.01%" }, { -3670, "-3.67%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = comm_percent_format (cases[i].t);
      gint64 back;

      g_assert_cmpstr (text, ==, cases[i].want);
      if (cases[i].t >= 0)
        {
          g_assert_true (comm_percent_parse (text, &back, NULL));
          g_assert_cmpint (back, ==, cases[i].t);
        }
    }
}

static void
test_more_than_two_decimals (void)
{
  g_autoptr(GError) error = NULL;
  gint64 pence;

  /* amounts come through comm_money_parse, which refuses a third decimal */
  g_assert_false (comm_money_parse ("1234.567", &pence, &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/allocation/random-budgets", test_random_budgets);
  g_test_add_func ("/allocation/worked-example", test_worked_example);
  g_test_add_func ("/allocation/gap-stays-unallocated", test_gap_stays_unallocated);
  g_test_add_func ("/allocation/plymouth-fixture", test_plymouth_fixture);
  g_test_add_func ("/allocation/errors", test_errors);
  g_test_add_func ("/allocation/percent-parse", test_percent_parse);
  g_test_add_func ("/allocation/percent-format", test_percent_format);
  g_test_add_func ("/allocation/more-than-two-decimals", test_more_than_two_decimals);
  return g_test_run ();
}
