/* test-contract-status.c: a contract's status from its dates, around financial-year ends */
#include "config.h"

#include "comm-contract-status.h"
#include "comm-date.h"

typedef struct {
  const char        *start;
  const char        *end;
  const char        *extended_to;
  const char        *terminated_on;
  int                notice_months;
  gboolean           procuring;
  const char        *today;
  CommContractStatus status;
} StatusCase;

static void
set_date (GDate      *date,
          const char *text)
{
  g_date_clear (date, 1);
  if (text != NULL)
    g_assert_true (comm_date_parse_iso (text, date));
}

static CommContractDates
make_dates (const char *start,
            const char *end,
            const char *extended_to,
            const char *terminated_on,
            int         notice_months,
            gboolean    procuring)
{
  CommContractDates dates;

  set_date (&dates.start, start);
  set_date (&dates.end, end);
  set_date (&dates.extended_to, extended_to);
  set_date (&dates.terminated_on, terminated_on);
  dates.notice_months = notice_months;
  dates.procuring = procuring;
  return dates;
}

#define FY_CONTRACT "2024-04-01", "2027-03-31"

static void
test_status (void)
{
  static const StatusCase cases[] = {
    /* ends with the financial year 2026-27, three months' notice (notice date 31 Dec 2026) */
    { FY_CONTRACT, NULL, NULL, 3, FALSE, "2024-03-31", COMM_STATUS_PLANNED },
    { FY_CONTRACT, NULL, NULL, 3, FALSE, "2024-04-01", COMM_STATUS_ACTIVE },
    { FY_CONTRACT, NULL, NULL, 3, FALSE, "2026-12-30", COMM_STATUS_ACTIVE },
    { FY_CONTRACT, NULL, NULL, 3, FALSE, "2026-12-31", COMM_STATUS_IN_NOTICE },
    { FY_CONTRACT, NULL, NULL, 3, FALSE, "2027-03-31", COMM_STATUS_IN_NOTICE },
    { FY_CONTRACT, NULL, NULL, 3, FALSE, "2027-04-01", COMM_STATUS_EXPIRED },
    { FY_CONTRACT, NULL, NULL, 3, TRUE,  "2027-03-31", COMM_STATUS_IN_NOTICE },  /* re-procuring */
    { FY_CONTRACT, NULL, NULL, 3, TRUE,  "2026-06-01", COMM_STATUS_ACTIVE },
    { FY_CONTRACT, NULL, NULL, 3, TRUE,  "2027-04-01", COMM_STATUS_EXPIRED },
    /* starts with the next financial year */
    { "2027-04-01", "2030-03-31", NULL, NULL, 6, FALSE, "2027-03-31", COMM_STATUS_PLANNED },
    { "2027-04-01", "2030-03-31", NULL, NULL, 6, TRUE,  "2027-03-31", COMM_STATUS_PROCURING },
    { "2027-04-01", "2030-03-31", NULL, NULL, 6, TRUE,  "2027-04-01", COMM_STATUS_ACTIVE },
    { "2027-04-01", "2030-03-31", NULL, NULL, 6, FALSE, "2029-09-29", COMM_STATUS_ACTIVE },
    { "2027-04-01", "2030-03-31", NULL, NULL, 6, FALSE, "2029-09-30", COMM_STATUS_IN_NOTICE },
    /* no notice period: "to renew" in the last three months */
    { FY_CONTRACT, NULL, NULL, 0, FALSE, "2026-12-30", COMM_STATUS_ACTIVE },
    { FY_CONTRACT, NULL, NULL, 0, FALSE, "2026-12-31", COMM_STATUS_IN_NOTICE },
    /* a long notice period */
    { FY_CONTRACT, NULL, NULL, 12, FALSE, "2026-03-30", COMM_STATUS_ACTIVE },
    { FY_CONTRACT, NULL, NULL, 12, FALSE, "2026-03-31", COMM_STATUS_IN_NOTICE },
    /* notice dates clamp to the month's end: 31 May - 3 months = 28 Feb (29 in 2028) */
    { "2025-06-01", "2027-05-31", NULL, NULL, 3, FALSE, "2027-02-27", COMM_STATUS_ACTIVE },
    { "2025-06-01", "2027-05-31", NULL, NULL, 3, FALSE, "2027-02-28", COMM_STATUS_IN_NOTICE },
    { "2025-06-01", "2028-05-31", NULL, NULL, 3, FALSE, "2028-02-28", COMM_STATUS_ACTIVE },
    { "2025-06-01", "2028-05-31", NULL, NULL, 3, FALSE, "2028-02-29", COMM_STATUS_IN_NOTICE },
    /* extended by a year: the notice period counts back from the new end (31 Dec 2027) */
    { FY_CONTRACT, "2028-03-31", NULL, 3, FALSE, "2026-12-31", COMM_STATUS_ACTIVE },
    { FY_CONTRACT, "2028-03-31", NULL, 3, FALSE, "2027-03-31", COMM_STATUS_ACTIVE },
    { FY_CONTRACT, "2028-03-31", NULL, 3, FALSE, "2027-04-01", COMM_STATUS_EXTENDED },
    { FY_CONTRACT, "2028-03-31", NULL, 3, FALSE, "2028-01-15", COMM_STATUS_EXTENDED },
    { FY_CONTRACT, "2028-03-31", NULL, 3, FALSE, "2028-03-31", COMM_STATUS_EXTENDED },
    { FY_CONTRACT, "2028-03-31", NULL, 3, FALSE, "2028-04-01", COMM_STATUS_EXPIRED },
    /* an extension longer than the notice period puts the original end inside "notice" */
    { FY_CONTRACT, "2027-06-30", NULL, 6, FALSE, "2027-01-01", COMM_STATUS_IN_NOTICE },
    { FY_CONTRACT, "2027-06-30", NULL, 6, FALSE, "2026-12-30", COMM_STATUS_IN_NOTICE },
    { FY_CONTRACT, "2027-06-30", NULL, 6, FALSE, "2026-12-29", COMM_STATUS_ACTIVE },
    /* terminated early */
    { FY_CONTRACT, NULL, "2026-10-01", 3, FALSE, "2026-09-30", COMM_STATUS_ACTIVE },
    { FY_CONTRACT, NULL, "2026-10-01", 3, FALSE, "2026-10-01", COMM_STATUS_TERMINATED },
    { FY_CONTRACT, NULL, "2026-10-01", 3, FALSE, "2027-04-01", COMM_STATUS_TERMINATED },
    { FY_CONTRACT, "2028-03-31", "2027-06-01", 3, FALSE, "2027-06-01", COMM_STATUS_TERMINATED },
    { "2027-04-01", "2030-03-31", NULL, "2027-01-10", 3, TRUE, "2027-02-01", COMM_STATUS_TERMINATED },
    /* missing dates */
    { NULL, NULL, NULL, NULL, 3, FALSE, "2026-11-23", COMM_STATUS_PLANNED },
    { NULL, NULL, NULL, NULL, 3, TRUE,  "2026-11-23", COMM_STATUS_PROCURING },
    { "2020-04-01", NULL, NULL, NULL, 3, FALSE, "2040-01-01", COMM_STATUS_ACTIVE },  /* open-ended */
    /* a one-day contract */
    { "2026-11-23", "2026-11-23", NULL, NULL, 0, FALSE, "2026-11-23", COMM_STATUS_IN_NOTICE },
    { "2026-11-23", "2026-11-23", NULL, NULL, 0, FALSE, "2026-11-24", COMM_STATUS_EXPIRED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CommContractDates dates = make_dates (cases[i].start, cases[i].end, cases[i].extended_to,
                                            cases[i].terminated_on, cases[i].notice_months,
                                            cases[i].procuring);
      GDate today;

      set_date (&today, cases[i].today);
      g_test_message ("case %u: %s to %s on %s", i, cases[i].start, cases[i].end, cases[i].today);
      g_assert_cmpstr (comm_contract_status_to_code (comm_contract_status_for (&dates, &today)), ==,
                       comm_contract_status_to_code (cases[i].status));
    }
}

static void
test_notice_date (void)
{
  static const struct {
    const char *end;
    const char *extended_to;
    int         notice_months;
    const char *notice;  /* "" when there is none */
  } cases[] = {
    { "2027-03-31", NULL, 3, "2026-12-31" },
    { "2027-03-31", NULL, 1, "2027-02-28" },
    { "2028-03-31", NULL, 1, "2028-02-29" },
    { "2027-08-31", NULL, 6, "2027-02-28" },
    { "2028-08-31", NULL, 6, "2028-02-29" },
    { "2027-03-31", NULL, 12, "2026-03-31" },
    { "2027-03-31", "2028-03-31", 3, "2027-12-31" },
    { "2027-03-31", NULL, 0, "" },
    { NULL, NULL, 3, "" },
    { NULL, "2028-03-31", 3, "2027-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CommContractDates dates = make_dates ("2024-04-01", cases[i].end, cases[i].extended_to, NULL,
                                            cases[i].notice_months, FALSE);
      GDate notice;
      g_autofree char *text = NULL;

      comm_contract_notice_date (&dates, &notice);
      text = comm_date_to_iso (&notice);
      g_assert_cmpstr (text, ==, cases[i].notice);
    }
}

static void
test_labels (void)
{
  static const struct { CommContractStatus status; const char *code; const char *label; } cases[] = {
    { COMM_STATUS_PLANNED, "planned", "Planned" },
    { COMM_STATUS_PROCURING, "procuring", "Procuring" },
    { COMM_STATUS_ACTIVE, "active", "Active" },
    { COMM_STATUS_IN_NOTICE, "in-notice", "In notice / to renew" },
    { COMM_STATUS_EXTENDED, "extended", "Extended" },
    { COMM_STATUS_EXPIRED, "expired", "Expired" },
    { COMM_STATUS_TERMINATED, "terminated", "Terminated" },
  };

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, COMM_N_STATUSES);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (comm_contract_status_to_code (cases[i].status), ==, cases[i].code);
      g_assert_cmpstr (comm_contract_status_to_label (cases[i].status), ==, cases[i].label);
    }
}

typedef struct {
  const CommChoice *(*list) (void);
  const char       *codes;   /* all codes in order, space-separated */
  const char       *code;    /* one to look up */
  const char       *label;
} ChoiceCase;

static void
test_choices (void)
{
  static const ChoiceCase cases[] = {
    { comm_service_areas,
      "family-support young-carers childrens-centres youth neet domestic-abuse teenage-pregnancy "
      "vulnerable-adolescents camhs short-breaks early-years parenting substance-misuse",
      "childrens-centres", "Children's Centres" },
    { comm_procurement_routes,
      "open-tender mini-competition quotation grant direct-award in-house",
      "mini-competition", "Mini-competition (framework call-off)" },
    { comm_legal_forms,
      "charity company cic nhs-trust in-house other",
      "in-house", "In-house council service" },
    { comm_geographies, "countywide area district", "countywide", "Countywide" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CommChoice *choices = cases[i].list ();
      GString *codes = g_string_new (NULL);

      for (const CommChoice *c = choices; c->code != NULL; c++)
        {
          g_assert_nonnull (c->label);
          g_string_append_printf (codes, "%s%s", codes->len > 0 ? " " : "", c->code);
        }
      g_assert_cmpstr (codes->str, ==, cases[i].codes);
      g_string_free (codes, TRUE);

      g_assert_cmpstr (comm_choice_label (choices, cases[i].code), ==, cases[i].label);
      /* a code we do not know (a service area typed by hand) is shown as it is */
      g_assert_cmpstr (comm_choice_label (choices, "Holiday Activities"), ==, "Holiday Activities");
      g_assert_null (comm_choice_label (choices, NULL));
    }

  g_assert_cmpstr (comm_choice_label (comm_legal_forms (), "cic"), ==, "Community interest company");
  g_assert_cmpstr (comm_choice_label (comm_legal_forms (), "nhs-trust"), ==, "NHS trust");
  g_assert_cmpstr (comm_choice_label (comm_procurement_routes (), "open-tender"), ==, "Open tender");
  g_assert_cmpstr (comm_choice_label (comm_procurement_routes (), "direct-award"), ==, "Direct award");
  g_assert_cmpstr (comm_choice_label (comm_service_areas (), "camhs"), ==, "CAMHS");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contract-status/status", test_status);
  g_test_add_func ("/contract-status/notice-date", test_notice_date);
  g_test_add_func ("/contract-status/labels", test_labels);
  g_test_add_func ("/types/choices", test_choices);

  return g_test_run ();
}
