/* test-import-values.c: the cells of a CSV import - every date form, money and funding cells with
 * one or two streams, financial years, names mixing alphabets, and header names matched to fields */
#include "config.h"

#include <string.h>

#include "commissioner-core.h"

static void
test_dates (void)
{
  static const struct { const char *text; CommImportDateFormat format; const char *iso; } good[] = {
    { "2011-03-31", COMM_IMPORT_DATE_AUTO, "2011-03-31" },
    { "31/03/2011", COMM_IMPORT_DATE_AUTO, "2011-03-31" },
    { "1/4/2011", COMM_IMPORT_DATE_AUTO, "2011-04-01" },
    { "31 March 2011", COMM_IMPORT_DATE_AUTO, "2011-03-31" },
    { "31 Mar 2011", COMM_IMPORT_DATE_AUTO, "2011-03-31" },
    { "31-Mar-2011", COMM_IMPORT_DATE_AUTO, "2011-03-31" },
    { " 5 sept 2012 ", COMM_IMPORT_DATE_AUTO, "2012-09-05" },
    { "29/02/2024", COMM_IMPORT_DATE_DMY, "2024-02-29" },
    { "2011-03-31", COMM_IMPORT_DATE_ISO, "2011-03-31" },
    { "31 March 2011", COMM_IMPORT_DATE_MONTH_NAME, "2011-03-31" },
  };
  static const struct { const char *text; CommImportDateFormat format; } bad[] = {
    { "31/02/2011", COMM_IMPORT_DATE_AUTO },   /* no such day */
    { "03/31/2011", COMM_IMPORT_DATE_AUTO },   /* US order: month 31 */
    { "31/03/11", COMM_IMPORT_DATE_AUTO },     /* two-digit year */
    { "31 Marchy 2011", COMM_IMPORT_DATE_AUTO },
    { "next Tuesday", COMM_IMPORT_DATE_AUTO },
    { "", COMM_IMPORT_DATE_AUTO },
    { "31/03/2011", COMM_IMPORT_DATE_ISO },    /* the preset says ISO only */
    { "2011-03-31", COMM_IMPORT_DATE_DMY },
    { "29/02/2023", COMM_IMPORT_DATE_DMY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *iso = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (comm_import_parse_date (good[i].text, good[i].format, &iso, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, good[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *iso = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (comm_import_parse_date (bad[i].text, bad[i].format, &iso, &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
      g_assert_null (iso);
    }
}

static GPtrArray *
funding (const char *text,
         GError    **error)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_funding_line_free);

  if (!comm_import_parse_funding (text, "General", lines, error))
    g_assert_cmpuint (lines->len, ==, 0);
  return lines;
}

static void
assert_line (GPtrArray  *lines,
             guint       i,
             const char *stream,
             gint64      amount)
{
  CommFundingLine *line = lines->pdata[i];

  g_assert_cmpstr (line->stream, ==, stream);
  g_assert_cmpint (line->amount, ==, amount);
}

static void
test_money_and_funding (void)
{
  static const struct { const char *text; gint64 pence; } amounts[] = {
    { "£143,000", 14300000 }, { "143000", 14300000 }, { "143,000.00", 14300000 },
    { "£ 12.5", 1250 }, { "GBP 99", 9900 },
  };
  static const char * const bad[] = { "£143,00", "1.234,56", "CAMHS", "£100 CF", "abc", "-£5", "£1,23,456" };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) lines = funding (amounts[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (lines->len, ==, 1);
      assert_line (lines, 0, "General", amounts[i].pence);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) lines = funding (bad[i], &error);

      g_assert_nonnull (error);
      g_assert_cmpuint (lines->len, ==, 0);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) lines = funding ("CAMHS £100,000 CF £50,000", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (lines->len, ==, 2);
    assert_line (lines, 0, "CAMHS", 10000000);
    assert_line (lines, 1, "CF", 5000000);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) lines = funding ("Public Health: £20,000.50  DSG 1,000", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (lines->len, ==, 2);
    assert_line (lines, 0, "Public Health", 2000050);
    assert_line (lines, 1, "DSG", 100000);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) lines = funding ("CAMHS £100,000 CF £50,00", &error);

    g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "£50,00"));
  }
}

static void
test_years_and_scripts (void)
{
  g_autoptr(GError) error = NULL;
  int year = 0;

  g_assert_true (comm_import_parse_year ("2026-27", &year, NULL));
  g_assert_cmpint (year, ==, 2026);
  g_assert_true (comm_import_parse_year ("2027", &year, NULL));
  g_assert_cmpint (year, ==, 2027);
  g_assert_true (comm_import_parse_year ("25/26", &year, NULL));
  g_assert_cmpint (year, ==, 2025);
  g_assert_false (comm_import_parse_year ("2026-28", &year, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (comm_import_parse_year ("1999", &year, &error));
  g_assert_nonnull (error);

  g_assert_true (comm_import_text_mixes_scripts ("\xd0\xa3MCA Devon"));   /* Cyrillic У */
  g_assert_true (comm_import_text_mixes_scripts ("Alpha \xce\x91lpha"));  /* Greek Α */
  g_assert_false (comm_import_text_mixes_scripts ("YMCA Devon"));
  g_assert_false (comm_import_text_mixes_scripts ("Café Families"));
  g_assert_false (comm_import_text_mixes_scripts ("\xd0\x9c\xd0\xb8\xd1\x80"));  /* all Cyrillic */
}

static void
test_headers (void)
{
  static const struct { const char *header; CommImportField field; } cases[] = {
    { "Contract ref", COMM_IMPORT_FIELD_REFERENCE }, { "Ref", COMM_IMPORT_FIELD_REFERENCE },
    { "REFERENCE", COMM_IMPORT_FIELD_REFERENCE }, { "Contract_No.", COMM_IMPORT_FIELD_REFERENCE },
    { "Supplier", COMM_IMPORT_FIELD_PROVIDER }, { "Provider name", COMM_IMPORT_FIELD_PROVIDER },
    { "Value", COMM_IMPORT_FIELD_VALUE }, { "Annual value", COMM_IMPORT_FIELD_VALUE },
    { "Contract value (£)", COMM_IMPORT_FIELD_VALUE }, { "Start date", COMM_IMPORT_FIELD_START_DATE },
    { "End", COMM_IMPORT_FIELD_END_DATE }, { "Financial year", COMM_IMPORT_FIELD_YEAR },
    { "Funding stream", COMM_IMPORT_FIELD_STREAM }, { "Lead commissioner", COMM_IMPORT_FIELD_LEAD_COMMISSIONER },
    { "Procurement route", COMM_IMPORT_FIELD_PROCUREMENT_ROUTE }, { "service-area", COMM_IMPORT_FIELD_SERVICE_AREA },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (comm_import_field_for_header (cases[i].header), ==, cases[i].field);
  g_assert_cmpint (comm_import_field_for_header ("Total value"), ==, -1);
  g_assert_cmpint (comm_import_field_for_header ("RAG"), ==, -1);
  g_assert_cmpint (comm_import_field_for_header (""), ==, -1);
  g_assert_cmpint (comm_import_field_lookup ("start-date"), ==, COMM_IMPORT_FIELD_START_DATE);
  g_assert_cmpint (comm_import_field_lookup ("Start date"), ==, COMM_IMPORT_FIELD_START_DATE);
  g_assert_cmpint (comm_import_field_lookup ("nonsense"), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/money-and-funding", test_money_and_funding);
  g_test_add_func ("/import/years-and-scripts", test_years_and_scripts);
  g_test_add_func ("/import/headers", test_headers);

  return g_test_run ();
}
