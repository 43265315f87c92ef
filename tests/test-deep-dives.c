/* test-deep-dives.c: a Deep Dive from creation to sign-off, locks, reopening, conflicts between
 * windows, deleted contracts, the audit of attached files, and the RAG rating a Deep Dive can
 * give its contract (checklist templates: test-deep-dive-templates.c) */
#include "config.h"

#include <string.h>

#include "comm-database-private.h"
#include "comm-test-deep-dive.h"

/* Tests */

static void
test_status_compute (void)
{
  GDate today = comm_test_date ("2026-11-23");

  g_assert_cmpint (comm_deep_dive_status_compute (NULL, NULL, NULL, &today), ==, COMM_DEEP_DIVE_STATUS_PENDING);
  g_assert_cmpint (comm_deep_dive_status_compute ("", "", "", &today), ==, COMM_DEEP_DIVE_STATUS_PENDING);
  g_assert_cmpint (comm_deep_dive_status_compute ("2026-11-23", NULL, NULL, &today), ==, COMM_DEEP_DIVE_STATUS_SCHEDULED);
  g_assert_cmpint (comm_deep_dive_status_compute ("2026-11-22", NULL, NULL, &today), ==, COMM_DEEP_DIVE_STATUS_OVERDUE);
  g_assert_cmpint (comm_deep_dive_status_compute ("2026-11-22", "2026-11-22", NULL, &today), ==,
                   COMM_DEEP_DIVE_STATUS_IN_PROGRESS);
  /* Started, and still not signed off 28 days after the date: in progress; 29 days: overdue. */
  g_assert_cmpint (comm_deep_dive_status_compute ("2026-10-26", "2026-10-26", NULL, &today), ==,
                   COMM_DEEP_DIVE_STATUS_IN_PROGRESS);
  g_assert_cmpint (comm_deep_dive_status_compute ("2026-10-25", "2026-10-26", NULL, &today), ==,
                   COMM_DEEP_DIVE_STATUS_OVERDUE);
  g_assert_cmpint (comm_deep_dive_status_compute (NULL, "2026-10-01", NULL, &today), ==, COMM_DEEP_DIVE_STATUS_IN_PROGRESS);
  g_assert_cmpint (comm_deep_dive_status_compute ("2026-04-01", "2026-04-01", "2026-05-01", &today), ==,
                   COMM_DEEP_DIVE_STATUS_COMPLETE);

  g_assert_cmpstr (comm_deep_dive_status_to_label (COMM_DEEP_DIVE_STATUS_IN_PROGRESS), ==, "In progress");
  g_assert_cmpstr (comm_deep_dive_status_to_code (COMM_DEEP_DIVE_STATUS_NONE), ==, "none");
  g_assert_cmpint (comm_judgement_from_code ("Partly met"), ==, COMM_JUDGEMENT_PARTLY_MET);
  g_assert_cmpint (comm_judgement_from_code ("not-assessed"), ==, COMM_JUDGEMENT_NOT_ASSESSED);
  g_assert_cmpint (comm_judgement_from_code ("maybe"), ==, COMM_JUDGEMENT_NONE);
  g_assert_cmpstr (comm_judgement_to_label (COMM_JUDGEMENT_PARTLY_MET), ==, "Partly met");
  g_assert_cmpstr (comm_judgement_to_label (COMM_JUDGEMENT_NONE), ==, "Not judged");
  g_assert_cmpstr (comm_judgement_to_code (COMM_JUDGEMENT_NOT_MET), ==, "not-met");
  g_assert_cmpint (comm_grade_from_code ("Requires improvement"), ==, COMM_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpstr (comm_grade_to_label (COMM_GRADE_NONE), ==, "Not graded");
  g_assert_cmpstr (comm_grade_to_code (COMM_GRADE_REQUIRES_IMPROVEMENT), ==, "requires-improvement");
  g_assert_null (comm_grade_to_code (COMM_GRADE_NONE));
  g_assert_cmpint (comm_grade_suggested_rag (COMM_GRADE_GOOD), ==, COMM_RAG_GREEN);
  g_assert_cmpint (comm_grade_suggested_rag (COMM_GRADE_REQUIRES_IMPROVEMENT), ==, COMM_RAG_AMBER);
  g_assert_cmpint (comm_grade_suggested_rag (COMM_GRADE_INADEQUATE), ==, COMM_RAG_RED);
}

static void
test_create_and_schedule (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  g_autoptr(GArray) ids = NULL;
  GDate today = comm_test_date ("2026-11-23");
  gint64 id, revision;

  id = create_dive (db, 1, NULL);
  dive = load (db, id);
  g_assert_cmpstr (dive->lead_reviewer, ==, "Priya Shah");  /* the lead commissioner */
  g_assert_cmpstr (dive->contract_reference, ==, "FS-001");
  g_assert_cmpstr (dive->provider_name, ==, "Family Action");
  g_assert_cmpstr (dive->template_name, ==, "Standard Deep Dive checklist");
  g_assert_cmpint (dive->template_version_id, ==, 0);
  g_assert_cmpuint (dive->areas->len, ==, 0);
  g_assert_cmpint (comm_deep_dive_get_status (dive, &today), ==, COMM_DEEP_DIVE_STATUS_PENDING);
  g_assert_cmpint (comm_deep_dive_find (db, 1, YEAR), ==, id);
  g_assert_cmpint (comm_deep_dive_find (db, 1, YEAR + 1), ==, 0);

  g_assert_cmpint (comm_deep_dive_create (db, 1, YEAR, NULL, NULL, &error), ==, 0);
  assert_error (error, COMM_ERROR_INVALID, "FS-001 already has a Deep Dive for 2026-27");
  g_clear_error (&error);
  g_assert_cmpint (comm_deep_dive_create (db, 2, YEAR, "2027-04-01", NULL, &error), ==, 0);
  assert_error (error, COMM_ERROR_INVALID, "2026-27");
  g_clear_error (&error);
  g_assert_cmpint (comm_deep_dive_create (db, 2, YEAR, "1 April", NULL, &error), ==, 0);
  assert_error (error, COMM_ERROR_INVALID, "1 April");
  g_clear_error (&error);
  g_assert_cmpint (comm_deep_dive_create (db, 99, YEAR, NULL, NULL, &error), ==, 0);
  assert_error (error, COMM_ERROR_NOT_FOUND, NULL);
  g_clear_error (&error);

  /* Moving it and naming people; unchanged values keep the revision. */
  revision = dive->revision;
  g_assert_true (comm_deep_dive_set_scheduled_on (db, id, "2026-12-07", &revision, &error));
  g_assert_no_error (error);
  g_assert_cmpint (revision, ==, dive->revision + 1);
  g_assert_true (comm_deep_dive_set_scheduled_on (db, id, "2026-12-07", &revision, &error));
  g_assert_cmpint (revision, ==, dive->revision + 1);
  g_assert_false (comm_deep_dive_set_scheduled_on (db, id, "2026-03-31", &revision, &error));
  assert_error (error, COMM_ERROR_INVALID, NULL);
  g_clear_error (&error);
  g_assert_true (comm_deep_dive_set_people (db, id, NULL, "A. Patel", " Sam Green (manager) ", &revision, &error));
  g_assert_no_error (error);
  comm_deep_dive_free (g_steal_pointer (&dive));
  dive = load (db, id);
  g_assert_cmpstr (dive->scheduled_on, ==, "2026-12-07");
  g_assert_cmpstr (dive->lead_reviewer, ==, "Priya Shah");
  g_assert_cmpstr (dive->reviewers, ==, "A. Patel");
  g_assert_cmpstr (dive->provider_contact, ==, "Sam Green (manager)");
  g_assert_cmpint (dive->revision, ==, revision);
  g_assert_cmpint (comm_deep_dive_get_status (dive, &today), ==, COMM_DEEP_DIVE_STATUS_SCHEDULED);

  /* Taking the date away makes it Pending again; one not started can be deleted. */
  g_assert_true (comm_deep_dive_set_scheduled_on (db, id, NULL, NULL, &error));
  g_assert_no_error (error);
  ids = comm_deep_dive_list_for_contract (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (comm_deep_dive_delete (db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_deep_dive_find (db, 1, YEAR), ==, 0);
  id = started_dive (db, 1);
  g_assert_false (comm_deep_dive_delete (db, id, &error));
  assert_error (error, COMM_ERROR_INVALID, "has started");
}

static void
test_carry_out_and_sign_off (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  GDate today = comm_test_date ("2026-11-23");
  guint judged, total;
  gint64 id, revision, area_revision, n_audit;

  id = started_dive (db, 2);
  dive = load (db, id);
  g_assert_cmpstr (dive->started_on, ==, "2026-09-15");
  g_assert_cmpint (dive->template_version, ==, 1);
  comm_deep_dive_get_progress (dive, &judged, &total);
  g_assert_cmpuint (judged, ==, 0);
  g_assert_cmpuint (total, ==, 9);
  g_assert_false (comm_deep_dive_start (db, id, NULL, NULL, &error));
  assert_error (error, COMM_ERROR_INVALID, "already started");
  g_clear_error (&error);

  /* Autosave: a save that changes nothing writes nothing. */
  area_revision = area (dive, 1)->revision;
  g_assert_true (comm_deep_dive_save_area (db, area (dive, 1)->id, COMM_JUDGEMENT_PARTLY_MET,
                                           "Good case files; two plans out of date.", &area_revision, &error));
  g_assert_no_error (error);
  g_assert_cmpint (area_revision, ==, area (dive, 1)->revision + 1);
  n_audit = comm_test_query_int (db, "SELECT count(*) FROM audit_log");
  g_assert_true (comm_deep_dive_save_area (db, area (dive, 1)->id, COMM_JUDGEMENT_PARTLY_MET, NULL,
                                           &area_revision, &error));
  g_assert_true (comm_deep_dive_save_area (db, area (dive, 1)->id, COMM_JUDGEMENT_PARTLY_MET,
                                           "Good case files; two plans out of date.", &area_revision, &error));
  g_assert_no_error (error);
  g_assert_cmpint (area_revision, ==, area (dive, 1)->revision + 1);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit);
  g_assert_true (comm_deep_dive_save_area (db, area (dive, 2)->id, COMM_JUDGEMENT_NOT_ASSESSED, "", NULL, &error));
  g_assert_no_error (error);

  comm_deep_dive_free (g_steal_pointer (&dive));
  dive = load (db, id);
  g_assert_true (comm_deep_dive_find_area (dive, area (dive, 4)->id) == area (dive, 4));
  g_assert_null (comm_deep_dive_find_area (dive, -1));
  g_assert_cmpuint (area (dive, 4)->number, ==, 4);
  g_assert_cmpint (area (dive, 1)->judgement, ==, COMM_JUDGEMENT_PARTLY_MET);
  g_assert_cmpstr (area (dive, 1)->notes, ==, "Good case files; two plans out of date.");
  comm_deep_dive_get_progress (dive, &judged, &total);
  g_assert_cmpuint (judged, ==, 2);  /* "Not assessed" counts as judged */
  g_assert_cmpint (comm_deep_dive_get_status (dive, &today), ==, COMM_DEEP_DIVE_STATUS_OVERDUE);

  /* Sign-off needs every area judged, a grade, a name and a date not before the start. */
  revision = dive->revision;
  g_assert_false (comm_deep_dive_sign_off (db, id, "Jo Bloggs", NULL, &revision, &error));
  assert_error (error, COMM_ERROR_INVALID, "area 3");
  g_clear_error (&error);
  for (guint i = 3; i <= 9; i++)
    g_assert_true (comm_deep_dive_save_area (db, area (dive, i)->id, COMM_JUDGEMENT_MET, NULL, NULL, &error));
  g_assert_false (comm_deep_dive_sign_off (db, id, "Jo Bloggs", NULL, &revision, &error));
  assert_error (error, COMM_ERROR_INVALID, "grade");
  g_clear_error (&error);
  g_assert_true (comm_deep_dive_save_conclusion (db, id, COMM_GRADE_REQUIRES_IMPROVEMENT, "Plans need review dates.",
                                                 "Add a second outreach worker from April.", TRUE, &revision, &error));
  g_assert_no_error (error);
  g_assert_false (comm_deep_dive_sign_off (db, id, "  ", NULL, &revision, &error));
  assert_error (error, COMM_ERROR_INVALID, "name");
  g_clear_error (&error);
  g_assert_false (comm_deep_dive_sign_off (db, id, "Jo Bloggs", "2026-09-14", &revision, &error));
  assert_error (error, COMM_ERROR_INVALID, "before");
  g_clear_error (&error);
  g_assert_true (comm_deep_dive_sign_off (db, id, "Jo Bloggs", NULL, &revision, &error));
  g_assert_no_error (error);

  comm_deep_dive_free (g_steal_pointer (&dive));
  dive = load (db, id);
  g_assert_cmpstr (dive->signed_off_by, ==, "Jo Bloggs");
  g_assert_cmpstr (dive->signed_off_on, ==, "2026-11-23");
  g_assert_cmpint (dive->grade, ==, COMM_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_true (dive->variation_agreed);
  g_assert_cmpstr (dive->variation, ==, "Add a second outreach worker from April.");
  g_assert_true (comm_deep_dive_is_read_only (dive));
  g_assert_cmpint (comm_deep_dive_get_status (dive, &today), ==, COMM_DEEP_DIVE_STATUS_COMPLETE);
  g_assert_cmpint (dive->revision, ==, revision);

  audit = comm_audit_list (db, "deep_dives", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((CommAuditEntry *) audit->pdata[0])->action, ==, "update");
  g_assert_nonnull (strstr (((CommAuditEntry *) audit->pdata[0])->new_values, "Jo Bloggs"));
}

static void
test_sign_off_locks_and_reopen (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  g_autoptr(CommDeepDiveAction) action = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *note = NULL;
  gint64 id, revision;

  id = started_dive (db, 1);
  dive = load (db, id);
  action = comm_deep_dive_add_action (db, area (dive, 4)->id, "Send the Q3 data", "Sam Green", "2026-12-01", &error);
  g_assert_no_error (error);
  complete_dive (db, id);
  comm_deep_dive_free (g_steal_pointer (&dive));
  dive = load (db, id);
  revision = dive->revision;

#define ASSERT_LOCKED(call) \
  G_STMT_START { g_assert_false (call); assert_error (error, COMM_ERROR_LOCKED, "signed off"); g_clear_error (&error); } G_STMT_END
  ASSERT_LOCKED (comm_deep_dive_save_area (db, area (dive, 1)->id, COMM_JUDGEMENT_NOT_MET, "x", NULL, &error));
  ASSERT_LOCKED (comm_deep_dive_set_scheduled_on (db, id, "2026-12-01", NULL, &error));
  ASSERT_LOCKED (comm_deep_dive_set_people (db, id, "Someone", NULL, NULL, NULL, &error));
  ASSERT_LOCKED (comm_deep_dive_save_conclusion (db, id, COMM_GRADE_OUTSTANDING, NULL, NULL, FALSE, NULL, &error));
  ASSERT_LOCKED (comm_deep_dive_sign_off (db, id, "Someone else", NULL, NULL, &error));
  ASSERT_LOCKED (comm_deep_dive_add_action (db, area (dive, 1)->id, "More", "", NULL, &error) != NULL);
  ASSERT_LOCKED (comm_deep_dive_delete_action (db, action->id, &error));
  ASSERT_LOCKED (comm_deep_dive_add_evidence_reference (db, area (dive, 1)->id, "Minutes", "", &error) != NULL);
  ASSERT_LOCKED (comm_deep_dive_delete (db, id, &error));
  g_free (action->description);
  action->description = g_strdup ("Send the Q3 and Q4 data");
  ASSERT_LOCKED (comm_deep_dive_update_action (db, action, &error));
#undef ASSERT_LOCKED
  /* The SQL itself refuses too. */
  g_assert_false (comm_database_exec (db, "UPDATE deep_dive_areas SET notes = 'sneaky'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Agreed actions are still followed up: ticking one done is allowed. */
  g_assert_true (comm_deep_dive_set_action_done (db, action->id, TRUE, &action->revision, &error));
  g_assert_no_error (error);

  /* Reopening needs a reason, which goes into the audit trail. */
  g_assert_false (comm_deep_dive_reopen (db, id, "   ", &revision, &error));
  assert_error (error, COMM_ERROR_INVALID, "reason");
  g_clear_error (&error);
  g_assert_true (comm_deep_dive_reopen (db, id, "Provider sent late evidence for area 4", &revision, &error));
  g_assert_no_error (error);
  g_assert_false (comm_deep_dive_reopen (db, id, "again", &revision, &error));
  assert_error (error, COMM_ERROR_INVALID, "not signed off");
  g_clear_error (&error);
  audit = comm_audit_list (db, "deep_dives", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((CommAuditEntry *) audit->pdata[0])->action, ==, "note");
  note = g_strdup (((CommAuditEntry *) audit->pdata[0])->new_values);
  g_assert_nonnull (strstr (note, "Provider sent late evidence for area 4"));
  g_assert_nonnull (strstr (note, "Jo Bloggs"));

  comm_deep_dive_free (g_steal_pointer (&dive));
  dive = load (db, id);
  g_assert_false (comm_deep_dive_is_read_only (dive));
  g_assert_cmpstr (dive->signed_off_on, ==, "");
  g_assert_cmpstr (dive->reopen_reason, ==, "Provider sent late evidence for area 4");
  g_assert_cmpstr (dive->reopened_on, ==, "2026-11-23");
  g_assert_cmpstr (dive->reopened_by, ==, g_get_user_name ());
  g_assert_cmpint (dive->grade, ==, COMM_GRADE_GOOD);  /* the work is kept */
  g_assert_true (comm_deep_dive_save_area (db, area (dive, 4)->id, COMM_JUDGEMENT_PARTLY_MET, "Late data.",
                                           NULL, &error));
  g_assert_no_error (error);
}

static void
test_two_windows (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDive) first = NULL;
  g_autoptr(CommDeepDive) second = NULL;
  g_autoptr(CommDeepDive) now = NULL;
  g_autoptr(CommDeepDiveAction) action = NULL;
  g_autoptr(CommDeepDiveAction) other = NULL;
  gint64 id, rev_a, rev_b;

  id = started_dive (db, 1);
  first = load (db, id);
  second = load (db, id);

  /* Window A saves area 5; window B, still at the old revision, is told and nothing is lost. */
  rev_a = area (first, 5)->revision;
  rev_b = area (second, 5)->revision;
  g_assert_true (comm_deep_dive_save_area (db, area (first, 5)->id, COMM_JUDGEMENT_MET, "Window A", &rev_a, &error));
  g_assert_no_error (error);
  g_assert_false (comm_deep_dive_save_area (db, area (second, 5)->id, COMM_JUDGEMENT_NOT_MET, "Window B",
                                            &rev_b, &error));
  assert_error (error, COMM_ERROR_CONFLICT, "another window");
  g_assert_nonnull (strstr (error->message, "Area 5 of the Deep Dive of FS-001 for 2026-27"));
  g_clear_error (&error);
  g_assert_cmpint (rev_b, ==, area (second, 5)->revision);
  /* Other areas are not blocked by it. */
  rev_b = area (second, 6)->revision;
  g_assert_true (comm_deep_dive_save_area (db, area (second, 6)->id, COMM_JUDGEMENT_MET, "B", &rev_b, &error));
  g_assert_no_error (error);

  /* The Deep Dive's own fields. */
  rev_a = first->revision;
  rev_b = second->revision;
  g_assert_true (comm_deep_dive_save_conclusion (db, id, COMM_GRADE_GOOD, "A's lessons", NULL, FALSE, &rev_a, &error));
  g_assert_no_error (error);
  g_assert_false (comm_deep_dive_save_conclusion (db, id, COMM_GRADE_INADEQUATE, "B's lessons", NULL, FALSE,
                                                  &rev_b, &error));
  assert_error (error, COMM_ERROR_CONFLICT, NULL);
  g_clear_error (&error);

  /* Actions. */
  action = comm_deep_dive_add_action (db, area (first, 1)->id, "Audit ten case files", "Priya", NULL, &error);
  g_assert_no_error (error);
  other = comm_deep_dive_action_copy (action);
  g_free (action->owner);
  action->owner = g_strdup ("Priya Shah");
  g_assert_true (comm_deep_dive_update_action (db, action, &error));
  g_assert_no_error (error);
  g_assert_cmpint (action->revision, ==, other->revision + 1);
  other->done = TRUE;
  g_assert_false (comm_deep_dive_update_action (db, other, &error));
  assert_error (error, COMM_ERROR_CONFLICT, "Audit ten case files");
  g_clear_error (&error);

  now = load (db, id);
  g_assert_cmpstr (area (now, 5)->notes, ==, "Window A");
  g_assert_cmpstr (now->lessons, ==, "A's lessons");
  g_assert_cmpstr (((CommDeepDiveAction *) area (now, 1)->actions->pdata[0])->owner, ==, "Priya Shah");
  g_assert_false (((CommDeepDiveAction *) area (now, 1)->actions->pdata[0])->done);
}

static void
test_actions (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  g_autoptr(CommDeepDiveAction) action = NULL;
  gint64 id;

  id = started_dive (db, 1);
  dive = load (db, id);
  g_assert_null (comm_deep_dive_add_action (db, area (dive, 1)->id, "  ", "", NULL, &error));
  assert_error (error, COMM_ERROR_INVALID, "description");
  g_clear_error (&error);
  g_assert_null (comm_deep_dive_add_action (db, area (dive, 1)->id, "Do it", "", "next week", &error));
  assert_error (error, COMM_ERROR_INVALID, "next week");
  g_clear_error (&error);

  action = comm_deep_dive_add_action (db, area (dive, 1)->id, " Update the risk log ", " Tom ", "2027-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (action->description, ==, "Update the risk log");
  g_assert_cmpstr (action->owner, ==, "Tom");
  g_assert_cmpstr (action->due_on, ==, "2027-01-31");
  g_assert_false (action->done);
  g_assert_cmpstr (action->done_on, ==, "");

  action->done = TRUE;
  g_free (action->due_on);
  action->due_on = g_strdup ("");
  g_assert_true (comm_deep_dive_update_action (db, action, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (action->done_on, ==, "2026-11-23");
  g_assert_cmpstr (action->due_on, ==, "");
  g_assert_true (comm_deep_dive_set_action_done (db, action->id, FALSE, &action->revision, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM deep_dive_actions WHERE done_on IS NULL"), ==, 1);
  g_assert_true (comm_deep_dive_delete_action (db, action->id, &error));
  g_assert_no_error (error);
  g_assert_false (comm_deep_dive_delete_action (db, action->id, &error));
  assert_error (error, COMM_ERROR_NOT_FOUND, NULL);
}

static void
test_deleted_contract (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  g_autoptr(GListStore) schedule = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(CommEvidence) evidence = NULL;
  GDate today = comm_test_date ("2026-11-23");
  gint64 id;

  id = started_dive (db, 1);
  dive = load (db, id);
  evidence = comm_deep_dive_add_evidence_reference (db, area (dive, 1)->id, "Minutes", "S:/DD", &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence);
  g_assert_true (comm_contract_store_delete (db, 1, &error));
  g_assert_no_error (error);

  /* Archived with the contract: kept, loadable, read-only, out of the schedule and proposals. */
  comm_deep_dive_free (g_steal_pointer (&dive));
  dive = load (db, id);
  g_assert_true (dive->contract_deleted);
  g_assert_true (comm_deep_dive_is_read_only (dive));
  g_assert_cmpuint (area (dive, 1)->evidence->len, ==, 1);
  g_assert_false (comm_deep_dive_save_area (db, area (dive, 1)->id, COMM_JUDGEMENT_MET, NULL, NULL, &error));
  assert_error (error, COMM_ERROR_LOCKED, "Restore the contract");
  g_clear_error (&error);
  g_assert_cmpint (comm_deep_dive_create (db, 1, YEAR + 1, NULL, NULL, &error), ==, 0);
  assert_error (error, COMM_ERROR_LOCKED, "FS-001");
  g_clear_error (&error);
  schedule = comm_deep_dive_schedule_list (db, YEAR, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (schedule)); i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (G_LIST_MODEL (schedule), i);

      g_assert_cmpint (comm_deep_dive_row_get_contract_id (row), !=, 1);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (schedule)), ==, 2);
  proposals = comm_deep_dive_schedule_propose (db, YEAR + 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < proposals->len; i++)
    g_assert_cmpint (((CommDeepDiveProposal *) proposals->pdata[i])->contract_id, !=, 1);

  /* Undo: everything comes back. */
  g_assert_true (comm_contract_store_restore (db, 1, &error));
  g_assert_no_error (error);
  comm_deep_dive_free (g_steal_pointer (&dive));
  dive = load (db, id);
  g_assert_false (dive->contract_deleted);
  g_assert_cmpuint (area (dive, 1)->evidence->len, ==, 1);
  g_assert_true (comm_deep_dive_save_area (db, area (dive, 1)->id, COMM_JUDGEMENT_MET, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&schedule);
  schedule = comm_deep_dive_schedule_list (db, YEAR, &today, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (schedule)), ==, 3);
}

static void
test_provider_deleted_for_good (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id;

  /* A deleted contract goes for good only with its provider: its Deep Dives go with it. */
  comm_test_exec_sql (db, "INSERT INTO providers (id, name) VALUES (2, 'Small CIC');"
                          "UPDATE contracts SET provider_id = 2 WHERE id = 3");
  id = started_dive (db, 3);
  complete_dive (db, id);
  g_assert_true (comm_contract_store_delete (db, 3, &error));
  g_assert_true (comm_provider_store_delete (db, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM deep_dives WHERE contract_id = 3"), ==, 0);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM deep_dive_areas"), ==, 0);
  audit = comm_audit_list (db, "deep_dives", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((CommAuditEntry *) audit->pdata[0])->action, ==, "delete");
  g_assert_nonnull (strstr (((CommAuditEntry *) audit->pdata[0])->old_values, "Jo Bloggs"));
}

static void
test_audit_of_attachments (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  g_autoptr(CommEvidence) evidence = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\0\1\2binary\377", 10);
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id;

  id = started_dive (db, 1);
  dive = load (db, id);
  evidence = comm_deep_dive_add_evidence_bytes (db, area (dive, 1)->id, "notes.bin", bytes, &error);
  g_assert_no_error (error);

  audit = comm_audit_list (db, "deep_dive_evidence_content", evidence->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((CommAuditEntry *) audit->pdata[0])->action, ==, "insert");
  g_assert_nonnull (strstr (((CommAuditEntry *) audit->pdata[0])->new_values, "\"content\":\"<attachment: 10 bytes>\""));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = comm_audit_list (db, "deep_dive_evidence", evidence->id, &error);
  g_assert_nonnull (strstr (((CommAuditEntry *) audit->pdata[0])->new_values, evidence->sha256));
  g_clear_pointer (&audit, g_ptr_array_unref);

  g_assert_true (comm_deep_dive_remove_evidence (db, evidence->id, &error));
  g_assert_no_error (error);
  audit = comm_audit_list (db, "deep_dive_evidence_content", evidence->id, &error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (((CommAuditEntry *) audit->pdata[0])->action, ==, "delete");
  g_assert_nonnull (strstr (((CommAuditEntry *) audit->pdata[0])->old_values, "<attachment: 10 bytes>"));
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM deep_dive_evidence_content"), ==, 0);

  /* Other values are recorded exactly as before. */
  comm_test_exec_sql (db, "UPDATE contracts SET title = 'Hubs' WHERE id = 1");
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = comm_audit_list (db, "contracts", 1, &error);
  g_assert_nonnull (strstr (((CommAuditEntry *) audit->pdata[0])->new_values, "\"title\":\"Hubs\""));
  g_assert_nonnull (strstr (((CommAuditEntry *) audit->pdata[0])->new_values, "\"notice_months\":3"));
}

static void
test_apply_rag (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) contract = NULL;
  GDate today = comm_test_date ("2026-11-23");
  const CommRagEntry *entry;
  gint64 id;

  comm_test_exec_sql (db, "INSERT INTO rag_ratings (contract_id, rated_on, rag, kpi, comment)"
                          " VALUES (1, '2026-06-30', 'green', 'good', 'Q1')");
  id = started_dive (db, 1);
  complete_dive (db, id);
  g_assert_false (comm_deep_dive_apply_rag (db, id, COMM_RAG_NONE, NULL, NULL, &error));
  assert_error (error, COMM_ERROR_INVALID, NULL);
  g_clear_error (&error);
  g_assert_true (comm_deep_dive_apply_rag (db, id, comm_grade_suggested_rag (COMM_GRADE_REQUIRES_IMPROVEMENT),
                                           NULL, NULL, &error));
  g_assert_no_error (error);

  contract = comm_contract_store_get (db, 1, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comm_contract_get_rag_history (contract)->len, ==, 2);
  entry = comm_contract_get_rag_history (contract)->pdata[0];
  g_assert_cmpint (entry->rag, ==, COMM_RAG_AMBER);
  g_assert_cmpstr (entry->rated_on, ==, "2026-11-23");
  g_assert_cmpstr (entry->comment, ==, "Deep Dive 2026-27: Good");
  g_assert_cmpint (entry->kpi, ==, COMM_KPI_GOOD);  /* the KPI rating is kept */
  g_assert_cmpint (comm_contract_get_rag (contract), ==, COMM_RAG_AMBER);

  g_assert_true (comm_contract_store_delete (db, 1, &error));
  g_assert_false (comm_deep_dive_apply_rag (db, id, COMM_RAG_RED, "x", NULL, &error));
  assert_error (error, COMM_ERROR_LOCKED, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deep-dive/status-compute", test_status_compute);
  g_test_add_func ("/deep-dive/create-and-schedule", test_create_and_schedule);
  g_test_add_func ("/deep-dive/carry-out-and-sign-off", test_carry_out_and_sign_off);
  g_test_add_func ("/deep-dive/sign-off-locks-and-reopen", test_sign_off_locks_and_reopen);
  g_test_add_func ("/deep-dive/two-windows", test_two_windows);
  g_test_add_func ("/deep-dive/actions", test_actions);
  g_test_add_func ("/deep-dive/deleted-contract", test_deleted_contract);
  g_test_add_func ("/deep-dive/provider-deleted-for-good", test_provider_deleted_for_good);
  g_test_add_func ("/deep-dive/audit-of-attachments", test_audit_of_attachments);
  g_test_add_func ("/deep-dive/apply-rag", test_apply_rag);

  return g_test_run ();
}
