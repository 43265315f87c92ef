/* test-date.c: ISO dates, display dates, month arithmetic and UK financial years */
#include "config.h"

#include <string.h>

#include "comm-date.h"
#include "comm-error.h"

static GDate
dmy (int d, int m, int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static void
assert_date (const GDate *date, int d, int m, int y)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_day (date), ==, d);
  g_assert_cmpint (g_date_get_month (date), ==, m);
  g_assert_cmpint (g_date_get_year (date), ==, y);
}

static void
test_parse_iso (void)
{
  static const struct { const char *text; int d, m, y; } good[] = {
    { "2026-04-01", 1, 4, 2026 },
    { "2028-02-29", 29, 2, 2028 },
    { "2000-02-29", 29, 2, 2000 },
    { "0001-01-01", 1, 1, 1 },
    { "9999-12-31", 31, 12, 9999 },
  };
  static const char *bad[] = {
    "", "2026-4-1", "2026/04/01", "01-04-2026", "2026-04-01 ", " 2026-04-01", "2026-04-01T00:00",
    "2027-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-04-00",
    "0000-01-01", "20260401", "abcd-ef-gh", "2026-0a-01", "+026-04-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_assert_true (comm_date_parse_iso (good[i].text, &date));
      assert_date (&date, good[i].d, good[i].m, good[i].y);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate date = dmy (5, 5, 2005);

      g_test_message ("rejecting “%s”", bad[i]);
      g_assert_false (comm_date_parse_iso (bad[i], &date));
      assert_date (&date, 5, 5, 2005);  /* untouched */
    }

  {
    GDate date = dmy (5, 5, 2005);

    g_assert_false (comm_date_parse_iso (NULL, &date));
    assert_date (&date, 5, 5, 2005);
  }
}

static void
test_parse_iso_checked (void)
{
  static const struct { const char *text; const char *fragment; } cases[] = {
    { "", "No date" },
    { "31/03/2027", "“31/03/2027” is not a date. Write dates as YYYY-MM-DD" },
    { "2027-02-29", "“2027-02-29” is not a real date: that month has 28 days." },
    { "2026-04-31", "that month has 30 days" },
    { "2026-13-01", "there is no month 13" },
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (comm_date_parse_iso_checked (cases[i].text, &date, &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }

  {
    g_autoptr(GError) error = NULL;

    g_date_clear (&date, 1);
    g_assert_true (comm_date_parse_iso_checked ("2027-03-31", &date, &error));
    g_assert_no_error (error);
    assert_date (&date, 31, 3, 2027);
  }
}

static void
test_to_iso (void)
{
  GDate date = dmy (1, 4, 2026);
  GDate invalid;
  g_autofree char *a = comm_date_to_iso (&date);
  g_autofree char *b = NULL;
  g_autofree char *c = comm_date_to_iso (NULL);

  g_assert_cmpstr (a, ==, "2026-04-01");
  date = dmy (9, 1, 987);
  b = comm_date_to_iso (&date);
  g_assert_cmpstr (b, ==, "0987-01-09");
  g_assert_cmpstr (c, ==, "");
  g_date_clear (&invalid, 1);
  {
    g_autofree char *d = comm_date_to_iso (&invalid);

    g_assert_cmpstr (d, ==, "");
  }
}

static void
test_display (void)
{
  /* The tests run in C.UTF-8 with no translations: the untranslated format "%-d %b %Y". */
  static const struct { const char *iso; const char *shown; } cases[] = {
    { "2026-11-23", "23 Nov 2026" },
    { "2027-03-31", "31 Mar 2027" },
    { "2026-04-01", "1 Apr 2026" },
    { "", "" },
    { "not a date", "not a date" },  /* stored text that is not ISO is shown as it is */
  };
  GDate invalid;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = comm_date_iso_to_display (cases[i].iso);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }

  {
    g_autofree char *null_iso = comm_date_iso_to_display (NULL);
    g_autofree char *null_date = comm_date_format_display (NULL);
    g_autofree char *invalid_date = (g_date_clear (&invalid, 1), comm_date_format_display (&invalid));

    g_assert_cmpstr (null_iso, ==, "");
    g_assert_cmpstr (null_date, ==, "");
    g_assert_cmpstr (invalid_date, ==, "");
  }
}

static void
test_today (void)
{
  GDate today;

  /* tests/meson.build sets COMMISSIONER_TODAY=2026-11-23 */
  g_setenv ("COMMISSIONER_TODAY", "2026-11-23", TRUE);
  comm_date_today (&today);
  assert_date (&today, 23, 11, 2026);

  g_setenv ("COMMISSIONER_TODAY", "2028-02-29", TRUE);
  comm_date_today (&today);
  assert_date (&today, 29, 2, 2028);

  /* Unset or nonsense: the real date (which is after this code was written). */
  g_setenv ("COMMISSIONER_TODAY", "tomorrow", TRUE);
  comm_date_today (&today);
  g_assert_true (g_date_valid (&today));
  g_assert_cmpint (g_date_get_year (&today), >=, 2024);

  g_unsetenv ("COMMISSIONER_TODAY");
  comm_date_today (&today);
  g_assert_true (g_date_valid (&today));
  g_assert_cmpint (g_date_get_year (&today), >=, 2024);

  g_setenv ("COMMISSIONER_TODAY", "2026-11-23", TRUE);
}

static void
test_add_months (void)
{
  static const struct { const char *from; int months; const char *to; } cases[] = {
    { "2027-01-31", 1, "2027-02-28" },
    { "2028-01-31", 1, "2028-02-29" },
    { "2026-11-30", 3, "2027-02-28" },
    { "2027-11-30", 3, "2028-02-29" },
    { "2026-08-31", 3, "2026-11-30" },
    { "2027-03-31", -3, "2026-12-31" },
    { "2027-05-31", -3, "2027-02-28" },
    { "2028-05-31", -3, "2028-02-29" },
    { "2026-04-01", 12, "2027-04-01" },
    { "2028-02-29", 12, "2029-02-28" },
    { "2028-02-29", -12, "2027-02-28" },
    { "2026-12-15", 1, "2027-01-15" },
    { "2027-01-15", -1, "2026-12-15" },
    { "2026-06-30", 0, "2026-06-30" },
    { "2026-03-31", -1, "2026-02-28" },
    { "2026-10-31", 60, "2031-10-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      g_autofree char *iso = NULL;

      g_date_clear (&date, 1);
      g_assert_true (comm_date_parse_iso (cases[i].from, &date));
      comm_date_add_months (&date, cases[i].months);
      iso = comm_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, cases[i].to);
    }

  {
    GDate invalid;

    g_date_clear (&invalid, 1);
    comm_date_add_months (&invalid, 3);  /* stays invalid, no warning */
    g_assert_false (g_date_valid (&invalid));
  }
}

static void
test_days_between (void)
{
  GDate a = dmy (31, 3, 2027);
  GDate b = dmy (1, 4, 2027);
  GDate c = dmy (1, 4, 2028);

  g_assert_cmpint (comm_date_days_between (&a, &b), ==, 1);
  g_assert_cmpint (comm_date_days_between (&b, &a), ==, -1);
  g_assert_cmpint (comm_date_days_between (&a, &a), ==, 0);
  g_assert_cmpint (comm_date_days_between (&b, &c), ==, 366);  /* 2028 is a leap year */
}

static void
test_financial_year_of (void)
{
  static const struct { int d, m, y; int fy; } cases[] = {
    { 1, 4, 2026, 2026 },
    { 31, 3, 2027, 2026 },
    { 1, 4, 2027, 2027 },
    { 31, 12, 2026, 2026 },
    { 1, 1, 2027, 2026 },
    { 31, 3, 2026, 2025 },
    { 29, 2, 2028, 2027 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = dmy (cases[i].d, cases[i].m, cases[i].y);

      g_assert_cmpint (comm_financial_year_of (&date), ==, cases[i].fy);
    }
}

static void
test_financial_year_label (void)
{
  static const struct { int year; const char *label; } cases[] = {
    { 2026, "2026-27" },
    { 1999, "1999-00" },
    { 2009, "2009-10" },
    { 2099, "2099-00" },
    { 2000, "2000-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = comm_financial_year_label (cases[i].year);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_financial_year_parse (void)
{
  static const struct { const char *text; int year; } good[] = {
    { "2026-27", 2026 },
    { "2026/27", 2026 },
    { "2026-2027", 2026 },
    { "26-27", 2026 },
    { "26/27", 2026 },
    { " 2026-27 ", 2026 },
    { "2026–27", 2026 },      /* an en dash, as word processors write it */
    { "1999-00", 1999 },
    { "1999-2000", 1999 },
    { "2012-13", 2012 },
    { "2026 - 27", 2026 },
  };
  static const struct { const char *text; const char *fragment; } bad[] = {
    { "2026-28", "Write the financial year as 2026-27." },
    { "2026", "Write the financial year as 2026-27." },
    { "27-26", "Write the financial year as 2027-28." },
    { "2026-2028", "Write the financial year as 2026-27." },
    { "2026-27x", "Write the financial year as 2026-27." },
    { "26-2027", "Write the financial year as 2026-27." },
    { "202-03", "Write the financial year as" },
    { "", "Write the financial year as 2026-27." },   /* suggests this year (today is 2026-11-23) */
    { "next year", "“next year” is not a financial year." },
    { "2026 27", "Write the financial year as 2026-27." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 0;

      g_test_message ("parsing “%s”", good[i].text);
      g_assert_true (comm_financial_year_parse (good[i].text, &year, &error));
      g_assert_no_error (error);
      g_assert_cmpint (year, ==, good[i].year);
    }

  g_setenv ("COMMISSIONER_TODAY", "2026-11-23", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 42;

      g_test_message ("rejecting “%s”", bad[i].text);
      g_assert_false (comm_financial_year_parse (bad[i].text, &year, &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, bad[i].fragment));
      g_assert_cmpint (year, ==, 42);
    }
}

static void
test_financial_year_bounds (void)
{
  GDate first, last;

  comm_financial_year_bounds (2026, &first, &last);
  assert_date (&first, 1, 4, 2026);
  assert_date (&last, 31, 3, 2027);

  comm_financial_year_bounds (2027, &first, NULL);
  assert_date (&first, 1, 4, 2027);
  comm_financial_year_bounds (2027, NULL, &last);
  assert_date (&last, 31, 3, 2028);

  /* Every day of a year's bounds belongs to that year, the days either side do not. */
  comm_financial_year_bounds (2027, &first, &last);
  g_assert_cmpint (comm_financial_year_of (&first), ==, 2027);
  g_assert_cmpint (comm_financial_year_of (&last), ==, 2027);
  g_date_subtract_days (&first, 1);
  g_date_add_days (&last, 1);
  g_assert_cmpint (comm_financial_year_of (&first), ==, 2026);
  g_assert_cmpint (comm_financial_year_of (&last), ==, 2028);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse-iso", test_parse_iso);
  g_test_add_func ("/date/parse-iso-checked", test_parse_iso_checked);
  g_test_add_func ("/date/to-iso", test_to_iso);
  g_test_add_func ("/date/display", test_display);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/add-months", test_add_months);
  g_test_add_func ("/date/days-between", test_days_between);
  g_test_add_func ("/date/financial-year/of", test_financial_year_of);
  g_test_add_func ("/date/financial-year/label", test_financial_year_label);
  g_test_add_func ("/date/financial-year/parse", test_financial_year_parse);
  g_test_add_func ("/date/financial-year/bounds", test_financial_year_bounds);

  return g_test_run ();
}
