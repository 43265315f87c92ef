/* test-reminders.c: lead lists, reminders due before end and notice dates, their sentences */
#include "config.h"

#include <string.h>

#include "comm-date.h"
#include "comm-error.h"
#include "comm-reminders.h"
#include "comm-test-core.h"

static void
test_leads_parse (void)
{
  static const struct { const char *text; const int leads[4]; guint n; } good[] = {
    { "12,6,3", { 12, 6, 3 }, 3 },
    { COMM_REMINDER_DEFAULT_LEADS, { 12, 6, 3 }, 3 },
    { "3,12,6", { 12, 6, 3 }, 3 },
    { " 12 , 6 ", { 12, 6 }, 2 },
    { "60,1", { 60, 1 }, 2 },
    { "9", { 9 }, 1 },
    { "", { 0 }, 0 },            /* no reminders at all */
    { "  ", { 0 }, 0 },
    { "012", { 12 }, 1 },
  };
  static const struct { const char *text; const char *fragment; } bad[] = {
    { "0", "“0” is not a number of months between 1 and 60" },
    { "61", "“61”" },
    { "12,,3", "“” is not a number of months" },
    { "12,6,", "“” is not a number of months" },
    { "x", "“x”" },
    { "-3", "“-3”" },
    { "3.5", "“3.5”" },
    { "12;6", "“12;6”" },
    { "12 months", "“12 months”" },
    { "99999999999", "“99999999999”" },
    { "12,6,12", "12 months is in the list of reminders twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) leads = comm_reminder_leads_parse (good[i].text, &error);

      g_assert_no_error (error);
      g_assert_nonnull (leads);
      g_assert_cmpuint (leads->len, ==, good[i].n);
      for (guint j = 0; j < good[i].n; j++)
        g_assert_cmpint (g_array_index (leads, int, j), ==, good[i].leads[j]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) leads = comm_reminder_leads_parse (bad[i].text, &error);

      g_assert_null (leads);
      g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].fragment));
    }
}

static void
test_leads_to_string (void)
{
  const int leads[] = { 12, 6, 3 };
  g_autofree char *three = comm_reminder_leads_to_string (leads, 3);
  g_autofree char *one = comm_reminder_leads_to_string (leads + 2, 1);
  g_autofree char *none = comm_reminder_leads_to_string (NULL, 0);
  g_autoptr(GArray) back = comm_reminder_leads_parse (three, NULL);

  g_assert_cmpstr (three, ==, "12,6,3");
  g_assert_cmpstr (one, ==, "3");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpuint (back->len, ==, 3);
}

typedef struct {
  const char *today;
  const char *expected;  /* the reminders due, nearest target first: "N3 N6 E12" */
} DueCase;

static char *
describe_due (GArray *due)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < due->len; i++)
    {
      const CommReminder *r = &g_array_index (due, CommReminder, i);

      g_string_append_printf (out, "%s%c%d", i > 0 ? " " : "",
                              r->kind == COMM_REMINDER_END ? 'E' : 'N', r->lead_months);
    }
  return g_string_free (out, FALSE);
}

static void
run_due_cases (const char    *end_iso,
               const char    *notice_iso,
               const DueCase *cases,
               guint          n_cases)
{
  const int leads[] = { 12, 6, 3 };
  GDate end = comm_test_date (end_iso);
  GDate notice = comm_test_date (notice_iso);

  for (guint i = 0; i < n_cases; i++)
    {
      GDate today = comm_test_date (cases[i].today);
      g_autoptr(GArray) due = comm_reminders_due (&end, &notice, leads, 3, &today);
      g_autofree char *text = describe_due (due);

      g_test_message ("end %s, notice %s, today %s", end_iso, notice_iso, cases[i].today);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* A contract ending with the financial year 2026-27, notice by 31 Dec 2026. */
static void
test_due_financial_year_end (void)
{
  static const DueCase cases[] = {
    { "2025-12-30", "" },                                   /* before the first lead time */
    { "2025-12-31", "N12" },
    { "2026-03-30", "N12" },
    { "2026-03-31", "N12 E12" },
    { "2026-06-29", "N12 E12" },
    { "2026-06-30", "N6 N12 E12" },
    { "2026-09-29", "N6 N12 E12" },
    { "2026-09-30", "N3 N6 N12 E6 E12" },
    { "2026-12-31", "N3 N6 N12 E3 E6 E12" },                /* the notice day itself */
    { "2027-01-01", "E3 E6 E12" },                          /* notice passed */
    { "2027-03-31", "E3 E6 E12" },                          /* the last day */
    { "2027-04-01", "" },                                   /* ended: nothing */
    { "2030-01-01", "" },
  };

  run_due_cases ("2027-03-31", "2026-12-31", cases, G_N_ELEMENTS (cases));
}

/* Month ends: 31 May 2028 less 3 months is 29 Feb 2028. */
static void
test_due_month_end (void)
{
  static const DueCase cases[] = {
    { "2027-05-30", "" },
    { "2027-05-31", "E12" },
    { "2027-11-29", "E12" },
    { "2027-11-30", "E6 E12" },
    { "2028-02-28", "E6 E12" },
    { "2028-02-29", "E3 E6 E12" },
  };

  run_due_cases ("2028-05-31", NULL, cases, G_N_ELEMENTS (cases));
}

static void
test_due_fields (void)
{
  const int leads[] = { 3 };
  GDate end = comm_test_date ("2027-05-31");
  GDate notice = comm_test_date ("2027-02-28");
  GDate today = comm_test_date ("2027-03-15");
  g_autoptr(GArray) due = comm_reminders_due (&end, &notice, leads, 1, &today);
  const CommReminder *r;
  g_autofree char *due_on = NULL;
  g_autofree char *target = NULL;

  /* the notice reminder (due 28 Nov 2026) has passed its target; only the end one is due */
  g_assert_cmpuint (due->len, ==, 1);
  r = &g_array_index (due, CommReminder, 0);
  g_assert_cmpint (r->kind, ==, COMM_REMINDER_END);
  g_assert_cmpint (r->lead_months, ==, 3);
  due_on = comm_date_to_iso (&r->due_on);
  target = comm_date_to_iso (&r->target);
  g_assert_cmpstr (due_on, ==, "2027-02-28");
  g_assert_cmpstr (target, ==, "2027-05-31");
}

static void
test_due_missing (void)
{
  const int leads[] = { 12, 6, 3 };
  GDate end = comm_test_date ("2027-03-31");
  GDate none = comm_test_date (NULL);
  GDate today = comm_test_date ("2027-03-01");
  GArray *due;

  due = comm_reminders_due (&end, NULL, leads, 3, &today);
  g_assert_cmpuint (due->len, ==, 3);
  g_array_unref (due);

  due = comm_reminders_due (NULL, NULL, leads, 3, &today);
  g_assert_cmpuint (due->len, ==, 0);
  g_array_unref (due);

  due = comm_reminders_due (&none, &none, leads, 3, &today);
  g_assert_cmpuint (due->len, ==, 0);
  g_array_unref (due);

  due = comm_reminders_due (&end, NULL, NULL, 0, &today);
  g_assert_cmpuint (due->len, ==, 0);
  g_array_unref (due);

  due = comm_reminders_due (&end, NULL, leads, 3, &none);
  g_assert_cmpuint (due->len, ==, 0);
  g_array_unref (due);
}

static void
test_describe (void)
{
  static const struct { CommReminderKind kind; int lead; const char *target; const char *text; } cases[] = {
    { COMM_REMINDER_END, 3, "2027-03-31", "Ends within 3 months (31 Mar 2027)" },
    { COMM_REMINDER_END, 12, "2027-03-31", "Ends within 12 months (31 Mar 2027)" },
    { COMM_REMINDER_END, 1, "2028-02-29", "Ends within 1 month (29 Feb 2028)" },
    { COMM_REMINDER_NOTICE, 3, "2026-12-31", "Notice due by 31 Dec 2026" },
    { COMM_REMINDER_NOTICE, 12, "2026-12-31", "Notice due by 31 Dec 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CommReminder r = { .kind = cases[i].kind, .lead_months = cases[i].lead };
      g_autofree char *text = NULL;

      r.target = comm_test_date (cases[i].target);
      r.due_on = r.target;
      comm_date_add_months (&r.due_on, -cases[i].lead);
      text = comm_reminder_describe (&r);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/leads-parse", test_leads_parse);
  g_test_add_func ("/reminders/leads-to-string", test_leads_to_string);
  g_test_add_func ("/reminders/due/financial-year-end", test_due_financial_year_end);
  g_test_add_func ("/reminders/due/month-end", test_due_month_end);
  g_test_add_func ("/reminders/due/fields", test_due_fields);
  g_test_add_func ("/reminders/due/missing", test_due_missing);
  g_test_add_func ("/reminders/describe", test_describe);

  return g_test_run ();
}
