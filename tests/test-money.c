/* test-money.c: parsing, formatting and exact splitting of pence */
#include "config.h"

#include <string.h>

#include "comm-error.h"
#include "comm-money.h"

typedef struct {
  const char *text;
  gint64      pence;
} GoodAmount;

typedef struct {
  const char *text;
  const char *why;  /* a fragment the message must contain */
} BadAmount;

static void
test_parse_good (void)
{
  static const GoodAmount cases[] = {
    { "£1,234.56", 123456 },
    { "1234.5", 123450 },
    { "1,234", 123400 },
    { "1234", 123400 },
    { "0", 0 },
    { "0.01", 1 },
    { ".5", 50 },
    { "5.", 500 },
    { "-£5", -500 },
    { "£-5", -500 },
    { "- £5.25", -525 },
    { "+£7", 700 },
    { "−£3", -300 },              /* U+2212 minus sign */
    { "(£5)", -500 },
    { "( 1,000.10 )", -100010 },
    { "(5)", -500 },
    { " 143000 ", 14300000 },
    { "\t£143,000.00\n", 14300000 },
    { "£ 12", 1200 },
    { "GBP 12", 1200 },
    { "gbp12.5", 1250 },
    { "£1,234,567.89", 123456789 },
    { "999", 99900 },
    { "1,000,000", 100000000 },
    { "£90,000,000,000,000", G_GINT64_CONSTANT (9000000000000000) },
    { "-90000000000000.00", G_GINT64_CONSTANT (-9000000000000000) },
    { "007", 700 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 pence = 42;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (comm_money_parse (cases[i].text, &pence, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pence, ==, cases[i].pence);
    }
}

static void
test_parse_bad (void)
{
  static const BadAmount cases[] = {
    { "", "No amount" },
    { "   ", "No amount" },
    { "£143,00", "decimal comma" },
    { "1.234,56", "decimal comma" },
    { "1,2345", "groups of three" },
    { "1,23,456", "groups of three" },
    { "1234,567", "groups of three" },
    { ",123", "groups of three" },
    { "1,234,", "groups of three" },
    { "12.345", "more than two decimal" },
    { "1.2.3", "more than one decimal point" },
    { "12abc", "not part of an amount" },
    { "abc", "not part of an amount" },
    { "£", "no digits" },
    { "-", "no digits" },
    { "1 234", "space inside" },
    { "£1.2m", "not part of an amount" },
    { "5 GBP", "not part of an amount" },
    { "$5", "in pounds" },
    { "€5", "in pounds" },
    { "--5", "more than one sign" },
    { "-£-5", "more than one sign" },
    { "(-5)", "brackets or a minus" },
    { "(5", "no closing one" },
    { "5)", "no opening one" },
    { "0,5", "decimal comma" },
    { "12,5", "decimal comma" },
    { "(5) x", "not part of an amount" },
    { "5-", "not part of an amount" },
    { "£90,000,000,000,000.01", "too large" },
    { "99999999999999999999999", "too large" },
    { "-9223372036854775808", "too large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 pence = 42;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_false (comm_money_parse (cases[i].text, &pence, &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
      g_assert_cmpint (pence, ==, 42);
      g_assert_nonnull (strstr (error->message, cases[i].why));
      g_autofree char *trimmed = g_strstrip (g_strdup (cases[i].text));

      if (*trimmed != '\0')
        {
          g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i].text);

          g_assert_nonnull (strstr (error->message, quoted));
        }
    }
}

static void
test_parse_null (void)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = 0;

  g_assert_false (comm_money_parse (NULL, &pence, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
}

typedef struct {
  gint64               pence;
  CommMoneyFormatFlags flags;
  const char          *expected;
} FormatCase;

static void
test_format (void)
{
  static const FormatCase cases[] = {
    { 123456789, COMM_MONEY_FORMAT_DEFAULT, "£1,234,567.89" },
    { -1200, COMM_MONEY_FORMAT_DEFAULT, "-£12.00" },
    { 0, COMM_MONEY_FORMAT_DEFAULT, "£0.00" },
    { 1, COMM_MONEY_FORMAT_DEFAULT, "£0.01" },
    { -1, COMM_MONEY_FORMAT_DEFAULT, "-£0.01" },
    { 99, COMM_MONEY_FORMAT_DEFAULT, "£0.99" },
    { 100000, COMM_MONEY_FORMAT_DEFAULT, "£1,000.00" },
    { 10000000, COMM_MONEY_FORMAT_DEFAULT, "£100,000.00" },
    { 123450, COMM_MONEY_FORMAT_DEFAULT, "£1,234.50" },
    { 123400, COMM_MONEY_FORMAT_WHOLE_POUNDS, "£1,234" },
    { 123456700, COMM_MONEY_FORMAT_WHOLE_POUNDS, "£1,234,567" },
    { 123450, COMM_MONEY_FORMAT_WHOLE_POUNDS, "£1,234.50" },
    { -500, COMM_MONEY_FORMAT_WHOLE_POUNDS, "-£5" },
    { 0, COMM_MONEY_FORMAT_WHOLE_POUNDS, "£0" },
    { 123450, COMM_MONEY_FORMAT_NO_SYMBOL, "1,234.50" },
    { -123450, COMM_MONEY_FORMAT_NO_SYMBOL, "-1,234.50" },
    { 123456789, COMM_MONEY_FORMAT_PLAIN, "1234567.89" },
    { -1200, COMM_MONEY_FORMAT_PLAIN, "-12.00" },
    { 5, COMM_MONEY_FORMAT_PLAIN, "0.05" },
    { 123400, COMM_MONEY_FORMAT_PLAIN | COMM_MONEY_FORMAT_WHOLE_POUNDS, "1234" },
    { G_MAXINT64, COMM_MONEY_FORMAT_PLAIN, "92233720368547758.07" },
    { G_MININT64, COMM_MONEY_FORMAT_DEFAULT, "-£92,233,720,368,547,758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = comm_money_format_full (cases[i].pence, cases[i].flags);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autofree char *text = comm_money_format (-1234567);

    g_assert_cmpstr (text, ==, "-£12,345.67");
  }
}

/* Whatever the formatter writes, the parser reads back to the same pence. */
static void
test_format_parse_round_trip (void)
{
  static const CommMoneyFormatFlags flags[] = {
    COMM_MONEY_FORMAT_DEFAULT, COMM_MONEY_FORMAT_WHOLE_POUNDS,
    COMM_MONEY_FORMAT_NO_SYMBOL, COMM_MONEY_FORMAT_PLAIN,
  };
  GRand *rand = g_rand_new_with_seed (20261123);

  for (guint i = 0; i < 2000; i++)
    {
      gint64 pence = ((gint64) g_rand_int (rand) << 20 | g_rand_int_range (rand, 0, 1 << 20)) %
                     G_GINT64_CONSTANT (9000000000000001);
      CommMoneyFormatFlags f = flags[i % G_N_ELEMENTS (flags)];
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      gint64 back = 0;

      if (g_rand_boolean (rand))
        pence = -pence;
      if (i % 5 == 0)
        pence /= 100000;  /* plenty of small amounts too */
      text = comm_money_format_full (pence, f);
      g_assert_true (comm_money_parse (text, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, pence);
    }
  g_rand_free (rand);
}

static void
test_split_domain_example (void)
{
  const gint64 weights[] = { 202, 361, 1, 321 };
  const gint64 expected[] = { 2054237, 3671186, 10170, 3264407 };
  const gboolean expected_moved[] = { FALSE, FALSE, TRUE, TRUE };
  gint64 parts[4];
  gboolean moved[4];
  g_autoptr(GError) error = NULL;

  g_assert_true (comm_money_split (9000000, weights, 4, parts, moved, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (parts[i], ==, expected[i]);
      g_assert_cmpint (moved[i], ==, expected_moved[i]);
    }

  /* The same split of -£90,000 moves the same pennies the other way. */
  g_assert_true (comm_money_split (-9000000, weights, 4, parts, moved, &error));
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (parts[i], ==, -expected[i]);
      g_assert_cmpint (moved[i], ==, expected_moved[i]);
    }
}

typedef struct {
  gint64        total;
  guint         n;
  gint64        weights[4];
  gint64        parts[4];
  gboolean      moved[4];
} SplitCase;

static void
test_split_table (void)
{
  static const SplitCase cases[] = {
    /* ties go to the earlier part */
    { 100, 3, { 1, 1, 1 }, { 34, 33, 33 }, { TRUE, FALSE, FALSE } },
    { 200, 3, { 1, 1, 1 }, { 67, 67, 66 }, { TRUE, TRUE, FALSE } },
    { 1, 4, { 1, 1, 1, 1 }, { 1, 0, 0, 0 }, { TRUE, FALSE, FALSE, FALSE } },
    { -1, 2, { 1, 1 }, { -1, 0 }, { TRUE, FALSE } },
    /* exact splits move nothing */
    { 1000, 2, { 3, 7 }, { 300, 700 }, { FALSE, FALSE } },
    { 0, 3, { 5, 0, 5 }, { 0, 0, 0 }, { FALSE, FALSE, FALSE } },
    /* a zero weight gets nothing, even a penny */
    { 101, 3, { 1, 0, 1 }, { 51, 0, 50 }, { TRUE, FALSE, FALSE } },
    /* percentages: 49,999.5 / 27,999.72 / 21,999.78 - the two largest remainders win */
    { 99999, 3, { 50, 28, 22 }, { 49999, 28000, 22000 }, { FALSE, TRUE, TRUE } },
    { 7, 1, { 3 }, { 7 }, { FALSE } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      gint64 parts[4];
      gboolean moved[4];
      g_autoptr(GError) error = NULL;

      g_assert_true (comm_money_split (cases[c].total, cases[c].weights, cases[c].n,
                                       parts, moved, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < cases[c].n; i++)
        {
          g_assert_cmpint (parts[i], ==, cases[c].parts[i]);
          g_assert_cmpint (moved[i], ==, cases[c].moved[i]);
        }
    }
}

static void
test_split_huge (void)
{
  /* total * weight overflows 64 bits; the 128-bit arithmetic must not. */
  const gint64 weights[] = { G_MAXINT64 / 3, G_MAXINT64 / 3, G_MAXINT64 / 3 };
  const gint64 total = G_GINT64_CONSTANT (9000000000000001);
  gint64 parts[3];

  g_assert_true (comm_money_split (total, weights, 3, parts, NULL, NULL));
  g_assert_cmpint (parts[0], ==, G_GINT64_CONSTANT (3000000000000001));
  g_assert_cmpint (parts[1], ==, G_GINT64_CONSTANT (3000000000000000));
  g_assert_cmpint (parts[2], ==, G_GINT64_CONSTANT (3000000000000000));

  {
    const gint64 w[] = { G_MAXINT64, 1 };

    g_assert_true (comm_money_split (G_MAXINT64, w, 2, parts, NULL, NULL));
    g_assert_cmpint (parts[0] + parts[1], ==, G_MAXINT64);
    g_assert_cmpint (parts[1], ==, 1);
  }
}

static void
test_split_errors (void)
{
  const gint64 negative[] = { 1, -1 };
  const gint64 zeros[] = { 0, 0 };
  const gint64 one[] = { 1 };
  gint64 parts[2] = { 7, 7 };
  GError *error = NULL;

  g_assert_false (comm_money_split (100, one, 0, parts, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (comm_money_split (100, negative, 2, parts, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Part 2"));
  g_clear_error (&error);

  g_assert_false (comm_money_split (100, zeros, 2, parts, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (comm_money_split (G_MININT64, one, 1, parts, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
}

/* 10,000 random splits: the parts add up exactly, each is within a penny of its exact share
 * (checked in integers: |part * W - total * w| < W), and exactly the leftover pennies moved. */
static void
test_split_random (void)
{
  GRand *rand = g_rand_new_with_seed (885);

  for (guint round = 0; round < 10000; round++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 40);
      g_autofree gint64 *weights = g_new (gint64, n);
      g_autofree gint64 *parts = g_new (gint64, n);
      g_autofree gboolean *moved = g_new (gboolean, n);
      gint64 total, sum = 0, floors = 0, weight_sum = 0;
      __int128 magnitude;
      guint n_moved = 0;

      total = round % 3 == 0 ? (gint64) g_rand_int_range (rand, -100000, 100000)
                             : ((gint64) g_rand_int (rand) << 21) ^ g_rand_int (rand);
      if (round % 7 == 0)
        total = -total;
      for (guint i = 0; i < n; i++)
        {
          weights[i] = round % 2 == 0 ? g_rand_int_range (rand, 0, 1000)
                                      : ((gint64) g_rand_int (rand) << 16);
          weight_sum += weights[i];
        }
      if (weight_sum == 0)
        weight_sum = weights[0] = 1;

      g_assert_true (comm_money_split (total, weights, n, parts, moved, NULL));

      magnitude = total < 0 ? -(__int128) total : total;
      for (guint i = 0; i < n; i++)
        {
          __int128 exact = magnitude * weights[i];
          __int128 mine = (__int128) (total < 0 ? -parts[i] : parts[i]) * weight_sum;
          __int128 diff = mine - exact;

          sum += parts[i];
          floors += (gint64) (exact / weight_sum);
          n_moved += moved[i] ? 1 : 0;
          g_assert_true (diff > -(__int128) weight_sum && diff < (__int128) weight_sum);
          g_assert_true (moved[i] == (mine > exact));
          if (weights[i] == 0)
            g_assert_cmpint (parts[i], ==, 0);
        }
      g_assert_cmpint (sum, ==, total);
      g_assert_cmpint (n_moved, ==, (guint) (magnitude - floors));
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/good", test_parse_good);
  g_test_add_func ("/money/parse/bad", test_parse_bad);
  g_test_add_func ("/money/parse/null", test_parse_null);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/format-parse-round-trip", test_format_parse_round_trip);
  g_test_add_func ("/money/split/domain-example", test_split_domain_example);
  g_test_add_func ("/money/split/table", test_split_table);
  g_test_add_func ("/money/split/huge", test_split_huge);
  g_test_add_func ("/money/split/errors", test_split_errors);
  g_test_add_func ("/money/split/random", test_split_random);

  return g_test_run ();
}
