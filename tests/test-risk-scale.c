/* test-risk-scale.c: risk rating scales - parsing, display, ordering, scores, bands, mapping */
#include "config.h"

#include <string.h>

#include "comm-error.h"
#include "comm-risk-scale.h"

#define S5 COMM_RISK_SCALE_5X5
#define LMH COMM_RISK_SCALE_LMH
#define LIK COMM_RISK_AXIS_LIKELIHOOD
#define IMP COMM_RISK_AXIS_IMPACT

typedef struct {
  CommRiskScaleKind scale;
  const char       *text;
  guint8            low;
  guint8            high;
  const char       *shown;
} GoodRating;

typedef struct {
  CommRiskScaleKind scale;
  CommRiskAxis      axis;
  const char       *text;
  const char       *why;   /* the whole message, or a fragment it must contain */
} BadRating;

static CommRiskRating
parse_ok (CommRiskScaleKind scale,
          const char       *text)
{
  g_autoptr (GError) error = NULL;
  CommRiskRating rating = { 0, 0, 0 };

  g_assert_true (comm_risk_rating_parse (scale, LIK, text, &rating, &error));
  g_assert_no_error (error);
  return rating;
}

static void
test_parse_good (void)
{
  static const GoodRating cases[] = {
    { LMH, "L", 1, 1, "L" },
    { LMH, "M", 2, 2, "M" },
    { LMH, "H", 3, 3, "H" },
    { LMH, "Low", 1, 1, "L" },
    { LMH, "Medium", 2, 2, "M" },
    { LMH, "High", 3, 3, "H" },
    { LMH, "high", 3, 3, "H" },
    { LMH, "L/M", 1, 2, "L/M" },
    { LMH, "M/H", 2, 3, "M/H" },
    { LMH, "l/m", 1, 2, "L/M" },
    { LMH, "Medium/High", 2, 3, "M/H" },
    { LMH, " m / h ", 2, 3, "M/H" },
    { LMH, "Low/Medium", 1, 2, "L/M" },
    { LMH, "L/H", 1, 3, "L/H" },
    { LMH, "M/M", 2, 2, "M" },
    { S5, "1", 1, 1, "1" },
    { S5, "3", 3, 3, "3" },
    { S5, " 5 ", 5, 5, "5" },
    { S5, "05", 5, 5, "5" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CommRiskRating r = parse_ok (cases[i].scale, cases[i].text);

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_cmpint (r.scale, ==, cases[i].scale);
      g_assert_cmpuint (r.low, ==, cases[i].low);
      g_assert_cmpuint (r.high, ==, cases[i].high);
      g_assert_cmpstr (comm_risk_rating_to_string (&r), ==, cases[i].shown);
      /* the canonical text reads back as the same rating */
      CommRiskRating again = parse_ok (cases[i].scale, cases[i].shown);
      g_assert_true (comm_risk_rating_equal (&r, &again));
    }
}

static void
test_parse_bad (void)
{
  static const BadRating cases[] = {
    { S5, LIK, "6", "6 is not a likelihood on a 5 x 5 scale: use 1 to 5." },
    { S5, LIK, "0", "0 is not a likelihood on a 5 x 5 scale: use 1 to 5." },
    { S5, IMP, "6", "6 is not an impact on a 5 x 5 scale: use 1 to 5." },
    { S5, LIK, "25", "25 is not a likelihood on a 5 x 5 scale: use 1 to 5." },
    { S5, LIK, "99999999999999999999", "is not a likelihood on a 5 x 5 scale: use 1 to 5." },
    { S5, LIK, "H", "“H” is not a likelihood on a 5 x 5 scale: use a whole number" },
    { S5, LIK, "2.5", "“2.5” is not a likelihood on a 5 x 5 scale" },
    { S5, LIK, "-1", "“-1” is not a likelihood on a 5 x 5 scale" },
    { S5, LIK, "3/4", "“3/4” is not a likelihood on a 5 x 5 scale" },
    { S5, IMP, "", "The impact is empty: give a number from 1 to 5 on the 5 x 5 scale." },
    { S5, LIK, "  ", "The likelihood is empty" },
    { LMH, LIK, "H/L", "“H/L” is a reversed range for a likelihood on a Low / Medium / High "
                       "scale: write the lower end first, as “L/H”." },
    { LMH, IMP, "h/m", "reversed range for an impact" },
    { LMH, LIK, "High/Low", "write the lower end first, as “L/H”." },
    { LMH, LIK, "X", "“X” is not a likelihood on a Low / Medium / High scale: use L, M or H, "
                     "or a range such as M/H." },
    { LMH, LIK, "", "The likelihood is empty: give L, M or H" },
    { LMH, LIK, "L/M/H", "“L/M/H” is not a likelihood on a Low / Medium / High scale" },
    { LMH, LIK, "L/", "“L/” is not a likelihood" },
    { LMH, LIK, "/M", "“/M” is not a likelihood" },
    { LMH, LIK, "3", "“3” is not a likelihood on a Low / Medium / High scale" },
    { LMH, LIK, "Med", "“Med” is not a likelihood" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      CommRiskRating r = { LMH, 2, 2 };

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_false (comm_risk_rating_parse (cases[i].scale, cases[i].axis, cases[i].text,
                                              &r, &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, cases[i].why));
      /* untouched on failure */
      g_assert_cmpint (r.scale, ==, LMH);
      g_assert_cmpuint (r.low, ==, 2);
      g_assert_cmpuint (r.high, ==, 2);
    }
}

static void
test_sort_lmh (void)
{
  static const char *typed[] = { "H", "M/H", "L", "M", "L/M", "high", "l", "L/H", "m/h" };
  static const char *sorted[] = { "L", "L", "L/M", "L/H", "M", "M/H", "M/H", "H", "H" };
  CommRiskRating ratings[G_N_ELEMENTS (typed)];

  for (gsize i = 0; i < G_N_ELEMENTS (typed); i++)
    ratings[i] = parse_ok (LMH, typed[i]);
  qsort (ratings, G_N_ELEMENTS (ratings), sizeof ratings[0], comm_risk_rating_compare);
  for (gsize i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_assert_cmpstr (comm_risk_rating_to_string (&ratings[i]), ==, sorted[i]);

  /* M/H between M and H, explicitly */
  CommRiskRating m = parse_ok (LMH, "M"), mh = parse_ok (LMH, "M/H"), h = parse_ok (LMH, "H");
  g_assert_cmpint (comm_risk_rating_compare (&m, &mh), <, 0);
  g_assert_cmpint (comm_risk_rating_compare (&mh, &h), <, 0);
  g_assert_cmpint (comm_risk_rating_compare (&mh, &mh), ==, 0);
  g_assert_cmpint (comm_risk_rating_compare (&h, &m), >, 0);
}

static void
test_sort_5x5 (void)
{
  static const char *typed[] = { "4", "1", "5", "2", "3", "1" };
  static const char *sorted[] = { "1", "1", "2", "3", "4", "5" };
  CommRiskRating ratings[G_N_ELEMENTS (typed)];

  for (gsize i = 0; i < G_N_ELEMENTS (typed); i++)
    ratings[i] = parse_ok (S5, typed[i]);
  qsort (ratings, G_N_ELEMENTS (ratings), sizeof ratings[0], comm_risk_rating_compare);
  for (gsize i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_assert_cmpstr (comm_risk_rating_to_string (&ratings[i]), ==, sorted[i]);
}

static void
test_scores_default_bands (void)
{
  /* expected band per cell, likelihood down, impact across: 0 Low 1 Medium 2 High 3 Very high */
  static const int band[5][5] = {
    { 0, 0, 0, 0, 1 },   /* L1: 1 2 3 4 5 */
    { 0, 0, 1, 1, 2 },   /* L2: 2 4 6 8 10 */
    { 0, 1, 1, 2, 3 },   /* L3: 3 6 9 12 15 */
    { 0, 1, 2, 3, 3 },   /* L4: 4 8 12 16 20 */
    { 1, 2, 3, 3, 3 },   /* L5: 5 10 15 20 25 */
  };
  static const char *names[] = { "Low", "Medium", "High", "Very high" };
  CommRiskBands bands;
  guint counts[4] = { 0, 0, 0, 0 };

  comm_risk_bands_init_default (&bands);
  g_assert_true (comm_risk_bands_validate (&bands, NULL));
  g_assert_cmpuint (bands.n_bands, ==, 4);
  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      {
        char lt[2] = { (char) ('0' + l), 0 }, it[2] = { (char) ('0' + i), 0 };
        CommRiskRating lr = parse_ok (S5, lt), ir = parse_ok (S5, it);
        guint score = comm_risk_score (&lr, &ir);
        int found = comm_risk_bands_find (&bands, score);

        g_assert_cmpuint (score, ==, l * i);
        g_assert_cmpint (found, ==, band[l - 1][i - 1]);
        g_assert_cmpstr (bands.names[found], ==, names[found]);
        counts[found]++;
      }
  g_assert_cmpuint (counts[0], ==, 8);
  g_assert_cmpuint (counts[1], ==, 7);
  g_assert_cmpuint (counts[2], ==, 4);
  g_assert_cmpuint (counts[3], ==, 6);
  g_assert_cmpint (comm_risk_bands_find (&bands, 0), ==, -1);
  g_assert_cmpint (comm_risk_bands_find (&bands, 26), ==, -1);

  /* no score across scales */
  CommRiskRating lmh = parse_ok (LMH, "H"), five = parse_ok (S5, "5");
  g_assert_cmpuint (comm_risk_score (&lmh, &five), ==, 0);
}

static void
test_custom_bands (void)
{
  CommRiskBands bands = { 3, { 6, 12, 25 }, { "Green", "Amber", "Red" } };
  g_autoptr (GError) error = NULL;

  g_assert_true (comm_risk_bands_validate (&bands, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_risk_bands_find (&bands, 1), ==, 0);
  g_assert_cmpint (comm_risk_bands_find (&bands, 6), ==, 0);
  g_assert_cmpint (comm_risk_bands_find (&bands, 7), ==, 1);
  g_assert_cmpint (comm_risk_bands_find (&bands, 12), ==, 1);
  g_assert_cmpint (comm_risk_bands_find (&bands, 13), ==, 2);
  g_assert_cmpint (comm_risk_bands_find (&bands, 25), ==, 2);

  CommRiskBands one = { 1, { 25 }, { "All" } };
  g_assert_true (comm_risk_bands_validate (&one, NULL));
  g_assert_cmpint (comm_risk_bands_find (&one, 17), ==, 0);
}

static void
test_bad_bands (void)
{
  static const struct { CommRiskBands bands; const char *why; } cases[] = {
    { { 0, { 0 }, { NULL } }, "needs from 1 to 8 score bands" },
    { { 9, { 0 }, { NULL } }, "needs from 1 to 8 score bands" },
    { { 2, { 10, 20 }, { "Low", "High" } }, "ends at 20: it must end at 25" },
    { { 3, { 10, 8, 25 }, { "A", "B", "C" } }, "“B” must end above 10" },
    { { 2, { 0, 25 }, { "A", "B" } }, "“A” must end above 0" },
    { { 2, { 10, 25 }, { "A", "" } }, "band 2 of the 5 x 5 scale has no name" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (comm_risk_bands_validate (&cases[i].bands, &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].why));
    }
}

static void
test_combine_lmh (void)
{
  static const struct { const char *l, *i, *level; } cases[] = {
    { "L", "L", "L" }, { "L", "M", "L" }, { "L", "H", "M" },
    { "M", "L", "L" }, { "M", "M", "M" }, { "M", "H", "H" },
    { "H", "L", "M" }, { "H", "M", "H" }, { "H", "H", "H" },
    { "L/M", "M", "L/M" }, { "M/H", "M", "M/H" }, { "M/H", "H", "H" },
    { "L/M", "M/H", "L/H" }, { "L/M", "L", "L" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CommRiskRating l = parse_ok (LMH, cases[i].l), im = parse_ok (LMH, cases[i].i);
      CommRiskRating level = comm_risk_combine_lmh (&l, &im);

      g_test_message ("%s x %s", cases[i].l, cases[i].i);
      g_assert_cmpint (level.scale, ==, LMH);
      g_assert_cmpstr (comm_risk_rating_to_string (&level), ==, cases[i].level);
    }
}

static void
test_map_scales (void)
{
  static const struct {
    CommRiskScaleKind from;
    const char       *text;
    const char       *mapped;
    gboolean          lost;
  } cases[] = {
    { S5, "1", "L", TRUE }, { S5, "2", "L", FALSE }, { S5, "3", "M", FALSE },
    { S5, "4", "H", TRUE }, { S5, "5", "H", FALSE },
    { LMH, "L", "2", FALSE }, { LMH, "M", "3", FALSE }, { LMH, "H", "5", FALSE },
    { LMH, "L/M", "3", TRUE }, { LMH, "M/H", "4", TRUE }, { LMH, "L/H", "4", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CommRiskRating r = parse_ok (cases[i].from, cases[i].text);
      CommRiskScaleKind to = cases[i].from == S5 ? LMH : S5;
      gboolean lost = !cases[i].lost;
      CommRiskRating mapped = comm_risk_rating_map (&r, to, &lost);

      g_test_message ("mapping %s", cases[i].text);
      g_assert_cmpint (mapped.scale, ==, to);
      g_assert_cmpstr (comm_risk_rating_to_string (&mapped), ==, cases[i].mapped);
      g_assert_cmpint (lost, ==, cases[i].lost);
      /* not lost means the round trip gives the rating back */
      CommRiskRating back = comm_risk_rating_map (&mapped, cases[i].from, NULL);
      g_assert_cmpint (comm_risk_rating_equal (&back, &r), ==, !cases[i].lost);
    }

  /* same scale: a copy, nothing lost */
  CommRiskRating mh = parse_ok (LMH, "M/H");
  gboolean lost = TRUE;
  CommRiskRating same = comm_risk_rating_map (&mh, LMH, &lost);
  g_assert_false (lost);
  g_assert_true (comm_risk_rating_equal (&same, &mh));

  /* mapping keeps the order: sorted 5 x 5 ratings stay sorted on LMH, and back */
  CommRiskRating previous = comm_risk_rating_map (&(CommRiskRating) { S5, 1, 1 }, LMH, NULL);
  for (guint8 n = 2; n <= 5; n++)
    {
      CommRiskRating next = comm_risk_rating_map (&(CommRiskRating) { S5, n, n }, LMH, NULL);
      g_assert_cmpint (comm_risk_rating_compare (&previous, &next), <=, 0);
      previous = next;
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risk-scale/parse-good", test_parse_good);
  g_test_add_func ("/risk-scale/parse-bad", test_parse_bad);
  g_test_add_func ("/risk-scale/sort-lmh", test_sort_lmh);
  g_test_add_func ("/risk-scale/sort-5x5", test_sort_5x5);
  g_test_add_func ("/risk-scale/scores-default-bands", test_scores_default_bands);
  g_test_add_func ("/risk-scale/custom-bands", test_custom_bands);
  g_test_add_func ("/risk-scale/bad-bands", test_bad_bands);
  g_test_add_func ("/risk-scale/combine-lmh", test_combine_lmh);
  g_test_add_func ("/risk-scale/map-scales", test_map_scales);

  return g_test_run ();
}
