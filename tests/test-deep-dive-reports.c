/* test-deep-dive-reports.c: the "deep-dive" and "deep-dive-schedule" reports and the Deep Dive
 * CSV exports, on a small workspace built here with the Deep Dive API: the documents' text and
 * tables, the PDFs read back with pdftotext, and the CSVs byte for byte */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "commissioner-core.h"
#include "comm-report-private.h"
#include "comm-test-core.h"

#define YEAR 2026
#define AUDIT_FILE "Case file audit, June 2026\n"

typedef struct {
  char         *dir;
  CommDatabase *db;
  GDate         today;
} Fixture;

/* ---- Building the workspace ---------------------------------------------------------------- */

static gint64
add_provider (CommDatabase *db,
              const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommProvider) provider = comm_provider_new ();

  comm_provider_set_name (provider, name);
  g_assert_true (comm_provider_store_save (db, provider, &error));
  g_assert_no_error (error);
  return comm_provider_get_id (provider);
}

static gint64
add_contract (CommDatabase *db,
              gint64        provider_id,
              const char   *reference,
              const char   *title,
              const char   *service_area,
              const char   *start,
              const char   *end,
              const char   *lead)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) contract = comm_contract_new ();

  g_object_set (contract, "reference", reference, "title", title, "provider-id", provider_id,
                "service-area", service_area, "start-date", start, "end-date", end,
                "lead-commissioner", lead, NULL);
  comm_contract_set_has_details (contract, TRUE);
  g_assert_true (comm_contract_store_save (db, contract, &error));
  g_assert_no_error (error);
  return comm_contract_get_id (contract);
}

static gint64
create_dive (CommDatabase *db,
             gint64        contract_id,
             const char   *scheduled_on,
             const char   *lead_reviewer,
             const char   *started_on)
{
  g_autoptr(GError) error = NULL;
  gint64 id = comm_deep_dive_create (db, contract_id, YEAR, scheduled_on, lead_reviewer, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (started_on != NULL)
    {
      g_assert_true (comm_deep_dive_start (db, id, started_on, NULL, &error));
      g_assert_no_error (error);
    }
  return id;
}

/* The id of area @number (from 1) of a started Deep Dive. */
static gint64
area_id (CommDatabase *db,
         gint64        dive_id,
         guint         number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDive) dive = comm_deep_dive_load (db, dive_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (dive->areas->len, >=, number);
  return ((CommDeepDiveArea *) g_ptr_array_index (dive->areas, number - 1))->id;
}

static gint64
add_action (CommDatabase *db,
            gint64        area,
            const char   *description,
            const char   *owner,
            const char   *due_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDiveAction) action = comm_deep_dive_add_action (db, area, description, owner, due_on, &error);

  g_assert_no_error (error);
  g_assert_nonnull (action);
  return action->id;
}

static void
judge (CommDatabase  *db,
       gint64         area,
       CommJudgement  judgement,
       const char    *notes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (comm_deep_dive_save_area (db, area, judgement, notes, NULL, &error));
  g_assert_no_error (error);
}

/* CYP-FS-001: complete - every area judged, evidence (a file and a reference), actions (one
 * overdue, one open, one done), graded, a variation agreed, signed off. */
static void
complete_family_support (CommDatabase *db,
                         gint64        contract_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) audit = g_bytes_new_static (AUDIT_FILE, strlen (AUDIT_FILE));
  g_autoptr(CommEvidence) file = NULL, reference = NULL;
  gint64 dive = create_dive (db, contract_id, "2026-06-15", "Jo Penrose", "2026-06-15");
  const CommJudgement judgements[9] = {
    COMM_JUDGEMENT_MET, COMM_JUDGEMENT_PARTLY_MET, COMM_JUDGEMENT_NOT_MET, COMM_JUDGEMENT_NOT_ASSESSED,
    COMM_JUDGEMENT_MET, COMM_JUDGEMENT_MET, COMM_JUDGEMENT_MET, COMM_JUDGEMENT_MET, COMM_JUDGEMENT_MET };
  gint64 survey;

  g_assert_true (comm_deep_dive_set_people (db, dive, NULL, "A. Patel, J. Okafor", "Maya Green", NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 9; i++)
    judge (db, area_id (db, dive, i + 1), judgements[i],
           i == 0 ? "Home visits observed; families spoke well of their workers.\n"
                    "Case records were up to date in 18 of the 20 files sampled." : "");

  file = comm_deep_dive_add_evidence_bytes (db, area_id (db, dive, 1), "case-audit.txt", audit, &error);
  g_assert_no_error (error);
  reference = comm_deep_dive_add_evidence_reference (db, area_id (db, dive, 1), "Q2 monitoring return",
                                                     "SharePoint > Contracts > CYP-FS-001", &error);
  g_assert_no_error (error);

  add_action (db, area_id (db, dive, 3), "Agree a revised payment schedule", "Sarah Whitfield", "2026-09-30");
  add_action (db, area_id (db, dive, 3), "Send quarterly invoices on time", "Home-Start Riverside", "2027-01-31");
  survey = add_action (db, area_id (db, dive, 5), "Run a family feedback survey", "Maya Green", "2026-08-31");
  g_assert_true (comm_deep_dive_set_action_done (db, survey, TRUE, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (comm_deep_dive_save_conclusion (db, dive, COMM_GRADE_GOOD, "Joint visits with the family "
                                                 "hubs worked well and should continue.",
                                                 "Payment moves to quarterly in arrears.", TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (comm_deep_dive_sign_off (db, dive, "Jo Penrose", "2026-07-20", NULL, &error));
  g_assert_no_error (error);
}

/* CYP-DA-003: started on its date over four weeks ago and not signed off (Overdue), with actions
 * whose text looks like spreadsheet formulas. */
static void
overdue_domestic_abuse (CommDatabase *db,
                        gint64        contract_id)
{
  gint64 dive = create_dive (db, contract_id, "2026-09-01", NULL, "2026-09-01");

  add_action (db, area_id (db, dive, 4), "=HYPERLINK(\"http://example.com\")", "@team", "2026-10-01");
  add_action (db, area_id (db, dive, 4), "Check the referral form", "", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CommDatabase *db;
  gint64 homestart, smith, deleted;

  fixture->dir = comm_test_new_dir ();
  fixture->db = db = comm_test_create_workspace_in (fixture->dir, "Deep Dives test" COMM_WORKSPACE_SUFFIX);
  g_date_clear (&fixture->today, 1);
  comm_date_today (&fixture->today);  /* 2026-11-23 in the test environment */

  homestart = add_provider (db, "Home-Start Riverside");
  smith = add_provider (db, "Smith, Jones & Co");
  complete_family_support (db, add_contract (db, homestart, "CYP-FS-001", "Family support, countywide",
                                             "family-support", "2025-04-01", "2028-03-31", "Sarah Whitfield"));
  create_dive (db, add_contract (db, smith, "CYP-YC-002", "Young carers drop-in", "young-carers",
                                 "2026-04-01", "2027-03-31", "Jo Penrose"), "2026-12-10", NULL, NULL);
  overdue_domestic_abuse (db, add_contract (db, homestart, "CYP-DA-003", "=SUM(A1)", "domestic-abuse",
                                            "2024-04-01", "2027-03-31", "Gareth Lloyd"));
  /* Runs in the year, no Deep Dive */
  add_contract (db, smith, "CYP-NE-004", "NEET support", "neet", "2026-01-01", "2027-12-31", "Gareth Lloyd");
  /* Ended before the year: not in its schedule */
  add_contract (db, smith, "CYP-TP-005", "Teenage pregnancy", "teenage-pregnancy", "2024-04-01", "2026-03-31", "");
  /* A Deep Dive with no date yet */
  create_dive (db, add_contract (db, smith, "CYP-YO-006", "Youth work", "youth", "2026-04-01", "2028-03-31",
                                 "Tom Hale"), NULL, NULL, NULL);
  /* A deleted contract's Deep Dive and action are left out of everything */
  deleted = add_contract (db, smith, "CYP-CC-007", "Children's centre", "childrens-centres", "2025-04-01",
                          "2027-03-31", "Tom Hale");
  add_action (db, area_id (db, create_dive (db, deleted, "2026-05-05", NULL, "2026-05-05"), 1),
              "An action of a deleted contract", "", "2026-06-01");
  g_assert_true (comm_contract_store_delete (db, deleted, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  comm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* ---- Reading documents ----------------------------------------------------------------------- */

/* The document as text: "# heading", paragraphs, "key: value" lines and table rows with their
 * cells joined by " | " (the header row first). */
static char *
document_text (CommReportDocument *document)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n%s\n", comm_report_document_get_title (document),
                          comm_report_document_get_subtitle (document));
  for (guint i = 0; i < _comm_report_document_get_n_blocks (document); i++)
    {
      CommReportBlock *block = _comm_report_document_get_block (document, i);
      CommReportTable *table = block->table;

      if (block->kind == COMM_REPORT_BLOCK_HEADING)
        g_string_append_printf (text, "# %s\n", block->text);
      else if (block->kind == COMM_REPORT_BLOCK_PARAGRAPH)
        g_string_append_printf (text, "%s\n", block->text);
      else if (block->kind == COMM_REPORT_BLOCK_KEY_VALUE)
        for (guint row = 0; row < comm_report_table_get_n_rows (table); row++)
          g_string_append_printf (text, "%s: %s\n", comm_report_table_get_cell (table, row, 0),
                                  comm_report_table_get_cell (table, row, 1));
      else if (block->kind == COMM_REPORT_BLOCK_TABLE)
        for (int row = -1; row < (int) comm_report_table_get_n_rows (table); row++)
          {
            for (guint column = 0; column < comm_report_table_get_n_columns (table); column++)
              g_string_append_printf (text, "%s%s", column > 0 ? " | " : "",
                                      row < 0 ? comm_report_table_get_header (table, column)
                                              : comm_report_table_get_cell (table, (guint) row, column));
            g_string_append_c (text, '\n');
          }
    }
  return g_string_free (text, FALSE);
}

static CommReportDocument *
build (Fixture     *fixture,
       const char  *name,
       const char  *id,
       int          year,
       GError     **error)
{
  CommReportOptions options;

  comm_report_options_init (&options);
  options.id = id;
  options.year = year;
  return comm_report_build (comm_reports_lookup (name), fixture->db, &options, NULL, error);
}

static char *
build_text (Fixture    *fixture,
            const char *name,
            const char *id,
            int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommReportDocument) document = build (fixture, name, id, year, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document_text (document);
}

static void
assert_has (const char *text,
            const char *wanted)
{
  if (strstr (text, wanted) == NULL)
    g_error ("“%s” is not in:\n%s", wanted, text);
}

static void
assert_lacks (const char *text,
              const char *unwanted)
{
  if (strstr (text, unwanted) != NULL)
    g_error ("“%s” should not be in:\n%s", unwanted, text);
}

/* The @nth (from 0) table of @document whose first header is @header. */
static CommReportTable *
find_table (CommReportDocument *document,
            const char         *header,
            guint               nth)
{
  for (guint i = 0; i < _comm_report_document_get_n_blocks (document); i++)
    {
      CommReportBlock *block = _comm_report_document_get_block (document, i);

      if (block->kind == COMM_REPORT_BLOCK_TABLE &&
          g_str_equal (comm_report_table_get_header (block->table, 0), header) && nth-- == 0)
        return block->table;
    }
  g_error ("no table headed “%s”", header);
  return NULL;
}

static char *
display (const char *iso)
{
  return comm_date_iso_to_display (iso);
}

/* ---- The reports ---------------------------------------------------------------------------- */

static void
test_registered (void)
{
  const CommReportInfo *dive = comm_reports_lookup ("deep-dive");
  const CommReportInfo *schedule = comm_reports_lookup ("deep-dive-schedule");
  g_autofree char *names = comm_reports_dup_names ();

  g_assert_nonnull (dive);
  g_assert_nonnull (schedule);
  g_assert_cmpint (dive->flags & (COMM_REPORT_NEEDS_ID | COMM_REPORT_TAKES_YEAR), ==,
                   COMM_REPORT_NEEDS_ID | COMM_REPORT_TAKES_YEAR);
  g_assert_cmpint (schedule->flags & (COMM_REPORT_NEEDS_ID | COMM_REPORT_TAKES_YEAR), ==, COMM_REPORT_TAKES_YEAR);
  g_assert_cmpstr (comm_report_info_get_title (dive), ==, "Deep Dive");
  g_assert_cmpstr (comm_report_info_get_title (schedule), ==, "Deep Dive schedule");
  assert_has (names, "deep-dive, deep-dive-schedule");
}

static void
test_deep_dive_complete (Fixture       *fixture,
                         gconstpointer  data)
{
  /* The reference in any case; the year left out is the current one, 2026-27 */
  g_autofree char *text = build_text (fixture, "deep-dive", "cyp-fs-001", 0);
  g_autofree char *same_year = build_text (fixture, "deep-dive", "CYP-FS-001", YEAR);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, AUDIT_FILE, -1);
  g_autofree char *evidence_row = NULL;
  g_autofree char *due = display ("2026-09-30"), *done_on = display ("2026-11-23"), *signed_on = display ("2026-07-20");
  g_autofree char *survey_due = display ("2026-08-31");
  g_autofree char *overdue_row = NULL, *done_row = NULL, *signed_off = NULL;

  g_assert_cmpstr (text, ==, same_year);
  assert_has (text, "CYP-FS-001 — Family support, countywide\nDeep Dive 2026-27\n");
  assert_has (text, "Financial year: 2026-27\nStatus: Complete\n");
  assert_has (text, "Lead reviewer: Jo Penrose\nOther reviewers: A. Patel, J. Okafor\nProvider contact: Maya Green\n");
  assert_has (text, "Checklist: Standard Deep Dive checklist, version 1\nProgress: 9 of 9 areas judged\n");
  /* Contract and provider facts */
  assert_has (text, "# Contract\nReference: CYP-FS-001\nTitle: Family support, countywide\nService area: Family Support\n"
                    "Lead commissioner: Sarah Whitfield\n");
  assert_has (text, "# Provider\nName: Home-Start Riverside\n");
  /* At a glance, then each area with its judgement and notes */
  assert_has (text, "No. | Area | Judgement | Evidence | Open actions\n"
                    "1 | Quality of the direct work with children and families | Met | 2 | 0\n"
                    "2 | The provider understands the commissioner's expectations and the outcomes required | Partly met | 0 | 0\n"
                    "3 | Agreement on funding and payment arrangements | Not met | 0 | 2\n"
                    "4 | Service requirements are being met, and any shortfall is recorded | Not assessed | 0 | 0\n"
                    "5 | The voice of the child and family is heard and acted on | Met | 0 | 0\n");
  assert_has (text, "# 1. Quality of the direct work with children and families\nJudgement: Met\n"
                    "Notes: Home visits observed; families spoke well of their workers.\n"
                    "Case records were up to date in 18 of the 20 files sampled.\n");
  assert_has (text, "# 2. The provider understands the commissioner's expectations and the outcomes required\n"
                    "Judgement: Partly met\nNotes: No notes\nEvidence: None recorded\nActions: None agreed\n");
  assert_has (text, "# 9. Lessons learnt, and any contract variation needed\n");
  /* Evidence: a file by name, size and the start of its SHA-256; a reference by where it is */
  evidence_row = g_strdup_printf ("Evidence | Size | SHA-256 (start) or where to find it\n"
                                  "case-audit.txt | 27 bytes | %.12s\n"
                                  "Q2 monitoring return | — | SharePoint > Contracts > CYP-FS-001\n", hash);
  assert_has (text, evidence_row);
  /* Actions: overdue said in words, done with its date */
  overdue_row = g_strdup_printf ("Action | Owner | Due | Done\n"
                                 "Agree a revised payment schedule | Sarah Whitfield | %s | No — overdue\n", due);
  assert_has (text, overdue_row);
  assert_has (text, "Send quarterly invoices on time | Home-Start Riverside | ");
  done_row = g_strdup_printf ("Run a family feedback survey | Maya Green | %s | %s\n", survey_due, done_on);
  assert_has (text, done_row);
  /* The conclusion */
  signed_off = g_strdup_printf ("Sign-off: Signed off by Jo Penrose on %s\n", signed_on);
  assert_has (text, "# Conclusion\nOverall grade: Good\n"
                    "Lessons learnt: Joint visits with the family hubs worked well and should continue.\n"
                    "Contract variation: Payment moves to quarterly in arrears.\n"
                    "A variation of contract CYP-FS-001 was agreed.\n");
  assert_has (text, signed_off);
}

static void
test_deep_dive_not_started (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *text = build_text (fixture, "deep-dive", "CYP-YC-002", 0);
  g_autofree char *scheduled = display ("2026-12-10");
  g_autofree char *line = g_strdup_printf ("Status: Scheduled\nScheduled date: %s\nStarted on: Not started\n"
                                           "Lead reviewer: Jo Penrose\n", scheduled);

  assert_has (text, "CYP-YC-002 — Young carers drop-in\nDeep Dive 2026-27\n");
  assert_has (text, line);
  assert_has (text, "Progress: Not started\n");
  assert_has (text, "# Provider\nName: Smith, Jones & Co\n");
  assert_has (text, "# Checklist\nThis Deep Dive has not been started yet");
  assert_has (text, "Overall grade: Not graded\nLessons learnt: None recorded\nContract variation: None agreed\n"
                    "Sign-off: Not signed off\n");
  assert_lacks (text, "Judgements at a glance");

  g_free (text);
  text = build_text (fixture, "deep-dive", "CYP-DA-003", 0);
  assert_has (text, "Status: Overdue\n");
  assert_has (text, "Progress: 0 of 9 areas judged\n");
  assert_has (text, "Lead reviewer: Gareth Lloyd\n");  /* the lead commissioner, by default */
  assert_has (text, "Check the referral form | — | — | No\n");
  assert_has (text, "Sign-off: Not signed off\n");
}

static void
test_deep_dive_reopened (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) contract = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  contract = comm_contract_store_get (fixture->db, 1, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comm_contract_get_reference (contract), ==, "CYP-FS-001");
  id = comm_deep_dive_find (fixture->db, comm_contract_get_id (contract), YEAR);
  g_assert_true (comm_deep_dive_reopen (fixture->db, id, "The provider sent the missing invoices", NULL, &error));
  g_assert_no_error (error);

  text = build_text (fixture, "deep-dive", "CYP-FS-001", 0);
  /* No longer signed off: said at the top and in the conclusion, and why it was reopened */
  assert_has (text, "Status: Overdue\n");
  assert_has (text, ": The provider sent the missing invoices\n");
  assert_has (text, "\nReopened: ");
  assert_has (text, "Overall grade: Good\nSign-off: Not signed off\n");
  assert_lacks (text, "Signed off by");
}

static void
test_deep_dive_errors (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* No reference */
  g_assert_null (build (fixture, "deep-dive", NULL, 0, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  /* No such contract, and a deleted one */
  g_assert_null (build (fixture, "deep-dive", "NO-SUCH-REF", 0, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  assert_has (error->message, "“NO-SUCH-REF”");
  g_clear_error (&error);
  g_assert_null (build (fixture, "deep-dive", "CYP-CC-007", 0, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A contract with no Deep Dive that year: the message names both */
  g_assert_null (build (fixture, "deep-dive", "CYP-NE-004", 0, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  assert_has (error->message, "“CYP-NE-004” has no Deep Dive in 2026-27, nor in any other year");
  g_clear_error (&error);
  g_assert_null (build (fixture, "deep-dive", "CYP-FS-001", YEAR - 1, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  assert_has (error->message, "no Deep Dive in 2025-26. It has one in: 2026-27.");
  g_clear_error (&error);
  /* The schedule covers every contract: no reference */
  g_assert_null (build (fixture, "deep-dive-schedule", "CYP-FS-001", 0, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
}

static void
test_schedule (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommReportDocument) document = build (fixture, "deep-dive-schedule", NULL, 0, &error);
  g_autofree char *text = NULL;
  g_autofree char *june = display ("2026-06-15"), *september = display ("2026-09-01");
  g_autofree char *december = display ("2026-12-10");
  CommReportTable *counts, *missing, *dives;
  const char *expected_counts[][2] = {
    { "Overdue", "1" }, { "No Deep Dive", "1" }, { "Pending", "1" }, { "Scheduled", "1" },
    { "In progress", "0" }, { "Complete", "1" }, { "Total", "5" } };
  const char *expected_order[] = { "CYP-FS-001", "CYP-DA-003", "CYP-YC-002", "CYP-YO-006" };

  g_assert_no_error (error);
  text = document_text (document);
  assert_has (text, "Deep Dive schedule 2026-27\n");
  assert_has (text, "5 contracts run in 2026-27 or have a Deep Dive in it. 4 of them have a Deep Dive.");

  counts = find_table (document, "Status", 0);
  g_assert_cmpuint (comm_report_table_get_n_rows (counts), ==, G_N_ELEMENTS (expected_counts));
  for (guint i = 0; i < G_N_ELEMENTS (expected_counts); i++)
    {
      g_assert_cmpstr (comm_report_table_get_cell (counts, i, 0), ==, expected_counts[i][0]);
      g_assert_cmpstr (comm_report_table_get_cell (counts, i, 1), ==, expected_counts[i][1]);
    }
  /* Overdue and missing stand out in words and by their tint; nothing to see is plain */
  g_assert_cmpint (_comm_report_table_get_style (counts, 0, 0), ==, COMM_REPORT_CELL_BOLD | COMM_REPORT_CELL_TINT_RED);
  g_assert_cmpint (_comm_report_table_get_style (counts, 4, 0), ==, COMM_REPORT_CELL_PLAIN);

  /* The contracts with no Deep Dive, on their own */
  assert_has (text, "# Contracts with no Deep Dive in 2026-27 (1)\n"
                    "Reference | Contract | Provider | Service area | Lead commissioner\n"
                    "CYP-NE-004 | NEET support | Smith, Jones & Co | NEET | Gareth Lloyd\n");
  missing = find_table (document, "Reference", 0);
  g_assert_cmpuint (comm_report_table_get_n_rows (missing), ==, 1);

  /* Every Deep Dive by date, undated last; deleted and ended contracts left out */
  assert_has (text, "# Deep Dives in 2026-27, by scheduled date (4)\n");
  dives = find_table (document, "Reference", 1);
  g_assert_cmpuint (comm_report_table_get_n_rows (dives), ==, G_N_ELEMENTS (expected_order));
  for (guint i = 0; i < G_N_ELEMENTS (expected_order); i++)
    g_assert_cmpstr (comm_report_table_get_cell (dives, i, 0), ==, expected_order[i]);
  {
    g_autofree char *fs = g_strdup_printf ("CYP-FS-001 | Family support, countywide | Home-Start Riverside | "
                                           "Family Support | %s | Jo Penrose | Complete | 9 of 9 | Good", june);
    g_autofree char *da = g_strdup_printf ("CYP-DA-003 | =SUM(A1) | Home-Start Riverside | Domestic Abuse | %s | "
                                           "Gareth Lloyd | Overdue | 0 of 9 | —", september);
    g_autofree char *yc = g_strdup_printf ("CYP-YC-002 | Young carers drop-in | Smith, Jones & Co | Young Carers | "
                                           "%s | Jo Penrose | Scheduled | — | —", december);

    assert_has (text, fs);
    assert_has (text, da);
    assert_has (text, yc);
    assert_has (text, "CYP-YO-006 | Youth work | Smith, Jones & Co | Youth | No date | Tom Hale | Pending | — | —\n");
  }
  assert_lacks (text, "CYP-CC-007");
  assert_lacks (text, "CYP-TP-005");
}

static void
test_schedule_other_year (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *text = build_text (fixture, "deep-dive-schedule", NULL, YEAR + 1);

  /* 2027-28: three contracts still run (FS-001, NE-004, YO-006), none has a Deep Dive yet */
  assert_has (text, "Deep Dive schedule 2027-28\n");
  assert_has (text, "# Contracts with no Deep Dive in 2027-28 (3)\n");
  assert_has (text, "# Deep Dives in 2027-28, by scheduled date (0)\nNo Deep Dive is planned for this year yet.\n");
}

static void
test_schedule_not_running (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) contracts = comm_contract_store_list (fixture->db, &fixture->today, &error);
  g_autofree char *text = NULL;
  gint64 ended = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contracts)); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (contracts), i);

      if (g_str_equal (comm_contract_get_reference (contract), "CYP-TP-005"))
        ended = comm_contract_get_id (contract);
    }
  g_assert_cmpint (ended, >, 0);
  /* A contract that ended before the year but was given a Deep Dive in it keeps it in the list */
  if (comm_deep_dive_create (fixture->db, ended, YEAR, "2026-04-20", NULL, &error) == 0)
    {
      g_test_skip ("a contract that does not run in the year cannot be given a Deep Dive in it");
      return;
    }
  text = build_text (fixture, "deep-dive-schedule", NULL, 0);
  assert_has (text, "CYP-TP-005 | Teenage pregnancy\n(not running in the year) | Smith, Jones & Co | ");
  assert_has (text, "# Deep Dives in 2026-27, by scheduled date (5)\n");
}

/* ---- The PDFs ------------------------------------------------------------------------------- */

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* Writes report @name as PDF and returns its text (pdftotext); keeps pictures of its pages in
 * $COMM_SCREENSHOT_DIR to look at. NULL if poppler-utils is missing (the test is skipped). */
static char *
pdf_text (Fixture    *fixture,
          const char *name,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommReportDocument) document = build (fixture, name, id, 0, &error);
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", fixture->dir, name);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  const char *shots = g_getenv ("COMM_SCREENSHOT_DIR");
  guint n_pages = 0;

  g_assert_no_error (error);
  g_assert_true (comm_report_pdf_write (document, pdf, NULL, NULL, NULL, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 1);
  if (pdftotext == NULL || pdftoppm == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext, pdftoppm) is not installed: run tools/install-deps.sh");
      return NULL;
    }
  if (shots != NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("%s/report-%s", shots, name);
      g_autofree char *out = NULL;

      g_mkdir_with_parents (shots, 0755);
      out = run ((const char *[]) { "pdftoppm", "-png", "-r", "60", pdf, prefix, NULL });
    }
  return run ((const char *[]) { "pdftotext", "-layout", pdf, "-", NULL });
}

static void
test_pdfs (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *dive = pdf_text (fixture, "deep-dive", "CYP-FS-001");
  g_autofree char *schedule = NULL;

  if (dive == NULL)
    return;
  assert_has (dive, "CYP-FS-001 — Family support, countywide");
  assert_has (dive, "Deep Dive 2026-27");
  assert_has (dive, "Page 1 of");
  assert_has (dive, "Agreement on funding and payment arrangements");
  assert_has (dive, "case-audit.txt");
  assert_has (dive, "Signed off by Jo Penrose");

  schedule = pdf_text (fixture, "deep-dive-schedule", NULL);
  assert_has (schedule, "Deep Dive schedule 2026-27");
  assert_has (schedule, "Contracts with no Deep Dive in 2026-27 (1)");
  assert_has (schedule, "CYP-NE-004");
  assert_has (schedule, "No Deep Dive");
}

/* ---- The CSVs -------------------------------------------------------------------------------- */

#define SCHEDULE_HEADER "Reference,Title,Provider,Service area,Financial year,Scheduled date,Lead reviewer," \
                        "Provider contact,Status,Started on,Areas judged,Areas in checklist,Open actions," \
                        "Overdue actions,Overall grade,Signed off on\r\n"

static const char expected_schedule[] =
  SCHEDULE_HEADER
  "CYP-FS-001,\"Family support, countywide\",Home-Start Riverside,Family Support,2026-27,2026-06-15,"
  "Jo Penrose,Maya Green,Complete,2026-06-15,9,9,2,1,Good,2026-07-20\r\n"
  "CYP-DA-003,'=SUM(A1),Home-Start Riverside,Domestic Abuse,2026-27,2026-09-01,Gareth Lloyd,,Overdue,"
  "2026-09-01,0,9,2,1,,\r\n"
  "CYP-YC-002,Young carers drop-in,\"Smith, Jones & Co\",Young Carers,2026-27,2026-12-10,Jo Penrose,,"
  "Scheduled,,,,,,,\r\n"
  "CYP-NE-004,NEET support,\"Smith, Jones & Co\",NEET,2026-27,,,,No Deep Dive,,,,,,,\r\n"
  "CYP-YO-006,Youth work,\"Smith, Jones & Co\",Youth,2026-27,,Tom Hale,,Pending,,,,,,,\r\n";

#define ACTIONS_HEADER "Reference,Title,Provider,Financial year,Area number,Area,Action,Owner,Due,Done," \
                       "Done on,Overdue,Deep Dive signed off\r\n"

/* Outstanding first - overdue ones first, oldest due first -, then those done */
static const char expected_actions[] =
  ACTIONS_HEADER
  "CYP-FS-001,\"Family support, countywide\",Home-Start Riverside,2026-27,3,"
  "Agreement on funding and payment arrangements,Agree a revised payment schedule,Sarah Whitfield,"
  "2026-09-30,No,,Yes,Yes\r\n"
  "CYP-DA-003,'=SUM(A1),Home-Start Riverside,2026-27,4,"
  "\"Service requirements are being met, and any shortfall is recorded\","
  "\"'=HYPERLINK(\"\"http://example.com\"\")\",'@team,2026-10-01,No,,Yes,No\r\n"
  "CYP-FS-001,\"Family support, countywide\",Home-Start Riverside,2026-27,3,"
  "Agreement on funding and payment arrangements,Send quarterly invoices on time,Home-Start Riverside,"
  "2027-01-31,No,,No,Yes\r\n"
  "CYP-DA-003,'=SUM(A1),Home-Start Riverside,2026-27,4,"
  "\"Service requirements are being met, and any shortfall is recorded\",Check the referral form,,,No,,No,No\r\n"
  "CYP-FS-001,\"Family support, countywide\",Home-Start Riverside,2026-27,5,"
  "The voice of the child and family is heard and acted on,Run a family feedback survey,Maya Green,"
  "2026-08-31,Yes,2026-11-23,No,Yes\r\n";

static char *
stream_text (GOutputStream *out)
{
  gsize length;
  char *data;

  g_assert_true (g_output_stream_close (out, NULL, NULL));
  length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  data = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  data = g_realloc (data, length + 1);
  data[length] = '\0';
  return data;
}

static void
test_csv_columns (void)
{
  const char * const *schedule = comm_export_deep_dive_schedule_columns ();
  const char * const *actions = comm_export_deep_dive_actions_columns ();

  g_assert_cmpuint (g_strv_length ((char **) schedule), ==, 16);
  g_assert_cmpstr (schedule[0], ==, "Reference");
  g_assert_cmpstr (schedule[8], ==, "Status");
  g_assert_cmpuint (g_strv_length ((char **) actions), ==, 13);
  g_assert_cmpstr (actions[6], ==, "Action");
}

static void
test_csv_schedule (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *text = NULL, *file_text = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "schedule.csv", NULL);
  guint n = 0;

  g_assert_true (comm_export_deep_dive_schedule_csv (fixture->db, YEAR, &fixture->today, out,
                                                     COMM_CSV_WRITE_DEFAULT, NULL, &n, &error));
  g_assert_no_error (error);
  text = stream_text (out);
  g_assert_cmpstr (text, ==, expected_schedule);
  g_assert_cmpuint (n, ==, 5);

  /* To a file: the same bytes, with a BOM when asked */
  g_assert_true (comm_export_deep_dive_schedule_csv_to_file (fixture->db, YEAR, &fixture->today, path,
                                                             COMM_CSV_WRITE_BOM, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &file_text, NULL, &error));
  g_assert_true (g_str_has_prefix (file_text, "\xEF\xBB\xBF"));
  g_assert_cmpstr (file_text + 3, ==, expected_schedule);
}

static void
test_csv_actions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) raw = g_memory_output_stream_new_resizable ();
  g_autofree char *text = NULL, *raw_text = NULL, *file_text = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "actions.csv", NULL);
  guint n = 0;

  g_assert_true (comm_export_deep_dive_actions_csv (fixture->db, &fixture->today, out, COMM_CSV_WRITE_DEFAULT,
                                                    NULL, &n, &error));
  g_assert_no_error (error);
  text = stream_text (out);
  g_assert_cmpstr (text, ==, expected_actions);
  g_assert_cmpuint (n, ==, 5);

  /* Neutralising can be turned off: the formula is then written as typed */
  g_assert_true (comm_export_deep_dive_actions_csv (fixture->db, &fixture->today, raw,
                                                    COMM_CSV_WRITE_NO_NEUTRALISE, NULL, NULL, &error));
  raw_text = stream_text (raw);
  assert_has (raw_text, ",\"=HYPERLINK(\"\"http://example.com\"\")\",@team,");

  g_assert_true (comm_export_deep_dive_actions_csv_to_file (fixture->db, &fixture->today, path,
                                                            COMM_CSV_WRITE_DEFAULT, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &file_text, NULL, &error));
  g_assert_cmpstr (file_text, ==, expected_actions);
}

static void
test_csv_failure (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "actions.csv", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *kept = g_build_filename (fixture->dir, "kept.csv", NULL);
  g_autofree char *content = NULL;

  g_assert_false (comm_export_deep_dive_actions_csv_to_file (fixture->db, &fixture->today, path,
                                                             COMM_CSV_WRITE_DEFAULT, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Cancelled: an existing file is left as it was */
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (comm_export_deep_dive_schedule_csv_to_file (fixture->db, YEAR, &fixture->today, kept,
                                                              COMM_CSV_WRITE_DEFAULT, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (kept, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "old");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deep-dive-reports/registered", test_registered);
  g_test_add ("/deep-dive-reports/deep-dive/complete", Fixture, NULL, fixture_set_up, test_deep_dive_complete, fixture_tear_down);
  g_test_add ("/deep-dive-reports/deep-dive/not-started", Fixture, NULL, fixture_set_up, test_deep_dive_not_started, fixture_tear_down);
  g_test_add ("/deep-dive-reports/deep-dive/reopened", Fixture, NULL, fixture_set_up, test_deep_dive_reopened, fixture_tear_down);
  g_test_add ("/deep-dive-reports/deep-dive/errors", Fixture, NULL, fixture_set_up, test_deep_dive_errors, fixture_tear_down);
  g_test_add ("/deep-dive-reports/schedule", Fixture, NULL, fixture_set_up, test_schedule, fixture_tear_down);
  g_test_add ("/deep-dive-reports/schedule/other-year", Fixture, NULL, fixture_set_up, test_schedule_other_year, fixture_tear_down);
  g_test_add ("/deep-dive-reports/schedule/not-running", Fixture, NULL, fixture_set_up, test_schedule_not_running, fixture_tear_down);
  g_test_add ("/deep-dive-reports/pdfs", Fixture, NULL, fixture_set_up, test_pdfs, fixture_tear_down);
  g_test_add_func ("/deep-dive-reports/csv/columns", test_csv_columns);
  g_test_add ("/deep-dive-reports/csv/schedule", Fixture, NULL, fixture_set_up, test_csv_schedule, fixture_tear_down);
  g_test_add ("/deep-dive-reports/csv/actions", Fixture, NULL, fixture_set_up, test_csv_actions, fixture_tear_down);
  g_test_add ("/deep-dive-reports/csv/failure", Fixture, NULL, fixture_set_up, test_csv_failure, fixture_tear_down);

  return g_test_run ();
}
