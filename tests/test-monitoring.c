/* test-monitoring.c: monitoring frequency from the RAG rating, next meeting due, overdue */
#include "config.h"

#include "comm-date.h"
#include "comm-monitoring.h"
#include "comm-test-core.h"

static void
test_interval (void)
{
  g_assert_cmpint (comm_monitoring_interval_months (COMM_RAG_GREEN), ==, 3);
  g_assert_cmpint (comm_monitoring_interval_months (COMM_RAG_AMBER), ==, 2);
  g_assert_cmpint (comm_monitoring_interval_months (COMM_RAG_RED), ==, 1);
  g_assert_cmpint (comm_monitoring_interval_months (COMM_RAG_NONE), ==, 3);
}

typedef struct {
  CommRag     rag;
  const char *last;      /* NULL: no meeting yet */
  const char *fallback;  /* NULL: none */
  const char *due;       /* NULL: cannot say */
} NextDueCase;

static void
test_next_due (void)
{
  static const NextDueCase cases[] = {
    /* the plain rule */
    { COMM_RAG_GREEN, "2026-04-15", NULL, "2026-07-15" },
    { COMM_RAG_AMBER, "2026-04-15", NULL, "2026-06-15" },
    { COMM_RAG_RED,   "2026-04-15", NULL, "2026-05-15" },
    { COMM_RAG_NONE,  "2026-04-15", NULL, "2026-07-15" },
    /* month ends and leap years */
    { COMM_RAG_RED,   "2027-01-31", NULL, "2027-02-28" },
    { COMM_RAG_RED,   "2028-01-31", NULL, "2028-02-29" },
    { COMM_RAG_GREEN, "2026-11-30", NULL, "2027-02-28" },
    { COMM_RAG_GREEN, "2027-11-30", NULL, "2028-02-29" },
    { COMM_RAG_GREEN, "2026-08-31", NULL, "2026-11-30" },
    { COMM_RAG_AMBER, "2026-12-31", NULL, "2027-02-28" },
    { COMM_RAG_AMBER, "2027-12-31", NULL, "2028-02-29" },
    { COMM_RAG_RED,   "2028-02-29", NULL, "2028-03-29" },
    { COMM_RAG_GREEN, "2026-12-15", NULL, "2027-03-15" },  /* across the year end */
    /* the last meeting wins over the fallback */
    { COMM_RAG_RED,   "2026-10-01", "2026-01-01", "2026-11-01" },
    /* no meeting yet: from the fallback (the rating date, else the contract start) */
    { COMM_RAG_GREEN, NULL, "2026-04-01", "2026-07-01" },
    { COMM_RAG_RED,   NULL, "2027-01-31", "2027-02-28" },
    /* nothing to count from */
    { COMM_RAG_GREEN, NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate last = comm_test_date (cases[i].last);
      GDate fallback = comm_test_date (cases[i].fallback);
      GDate due;
      g_autofree char *due_iso = NULL;

      comm_monitoring_next_due (cases[i].rag, &last, &fallback, &due);
      due_iso = comm_date_to_iso (&due);
      g_assert_cmpstr (due_iso, ==, cases[i].due != NULL ? cases[i].due : "");
    }
}

static void
test_next_due_null_pointers (void)
{
  GDate fallback = comm_test_date ("2026-05-31");
  GDate last = comm_test_date ("2026-06-30");
  GDate due;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  comm_monitoring_next_due (COMM_RAG_AMBER, NULL, &fallback, &due);
  a = comm_date_to_iso (&due);
  g_assert_cmpstr (a, ==, "2026-07-31");

  comm_monitoring_next_due (COMM_RAG_AMBER, &last, NULL, &due);
  b = comm_date_to_iso (&due);
  g_assert_cmpstr (b, ==, "2026-08-30");

  comm_monitoring_next_due (COMM_RAG_AMBER, NULL, NULL, &due);
  g_assert_false (g_date_valid (&due));
}

static void
test_overdue (void)
{
  static const struct { const char *due; const char *today; gboolean overdue; } cases[] = {
    { "2026-11-23", "2026-11-23", FALSE },  /* due today is not overdue */
    { "2026-11-22", "2026-11-23", TRUE },
    { "2026-11-24", "2026-11-23", FALSE },
    { "2026-12-31", "2027-01-01", TRUE },
    { "2028-02-29", "2028-03-01", TRUE },
    { NULL,         "2026-11-23", FALSE },  /* no due date: nothing to be late for */
    { "2026-11-22", NULL,         FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate due = comm_test_date (cases[i].due);
      GDate today = comm_test_date (cases[i].today);

      g_assert_cmpint (comm_monitoring_is_overdue (&due, &today), ==, cases[i].overdue);
    }
  g_assert_false (comm_monitoring_is_overdue (NULL, NULL));
}

/* A Red contract last met on 31 Jan 2028 is due on 29 Feb 2028: not overdue that day, overdue
 * the next. */
static void
test_end_to_end (void)
{
  GDate last = comm_test_date ("2028-01-31");
  GDate due;
  GDate on_day = comm_test_date ("2028-02-29");
  GDate day_after = comm_test_date ("2028-03-01");

  comm_monitoring_next_due (COMM_RAG_RED, &last, NULL, &due);
  g_assert_false (comm_monitoring_is_overdue (&due, &on_day));
  g_assert_true (comm_monitoring_is_overdue (&due, &day_after));
}

static void
test_rag_codes (void)
{
  static const struct { CommRag rag; const char *code; const char *label; } cases[] = {
    { COMM_RAG_NONE, NULL, "Not rated" },
    { COMM_RAG_GREEN, "green", "Green" },
    { COMM_RAG_AMBER, "amber", "Amber" },
    { COMM_RAG_RED, "red", "Red" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (comm_rag_to_code (cases[i].rag), ==, cases[i].code);
      g_assert_cmpstr (comm_rag_to_label (cases[i].rag), ==, cases[i].label);
      g_assert_cmpint (comm_rag_from_code (cases[i].code), ==, cases[i].rag);
    }
  g_assert_cmpint (comm_rag_from_code ("Amber"), ==, COMM_RAG_AMBER);  /* as typed in a sheet */
  g_assert_cmpint (comm_rag_from_code ("purple"), ==, COMM_RAG_NONE);
  g_assert_cmpint (comm_rag_from_code (""), ==, COMM_RAG_NONE);
}

static void
test_kpi_codes (void)
{
  static const struct { CommKpiRating kpi; const char *code; const char *label; } cases[] = {
    { COMM_KPI_NONE, NULL, "Not rated" },
    { COMM_KPI_GOOD, "good", "Good" },
    { COMM_KPI_APPROACHING_TARGET, "approaching-target", "Approaching target" },
    { COMM_KPI_REQUIRES_IMPROVEMENT, "requires-improvement", "Requires improvement" },
    { COMM_KPI_INADEQUATE, "inadequate", "Inadequate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (comm_kpi_rating_to_code (cases[i].kpi), ==, cases[i].code);
      g_assert_cmpstr (comm_kpi_rating_to_label (cases[i].kpi), ==, cases[i].label);
      g_assert_cmpint (comm_kpi_rating_from_code (cases[i].code), ==, cases[i].kpi);
    }
  g_assert_cmpint (comm_kpi_rating_from_code ("excellent"), ==, COMM_KPI_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/monitoring/interval", test_interval);
  g_test_add_func ("/monitoring/next-due", test_next_due);
  g_test_add_func ("/monitoring/next-due-null-pointers", test_next_due_null_pointers);
  g_test_add_func ("/monitoring/overdue", test_overdue);
  g_test_add_func ("/monitoring/end-to-end", test_end_to_end);
  g_test_add_func ("/types/rag-codes", test_rag_codes);
  g_test_add_func ("/types/kpi-codes", test_kpi_codes);

  return g_test_run ();
}
