/* test-deep-dive-templates.c: Deep Dive checklist templates - the standard nine areas, editing
 * as new versions that leave old versions and the Deep Dives started with them intact, copying,
 * the checks on names and areas, and the default template */
#include "config.h"

#include "comm-database-private.h"
#include "comm-test-deep-dive.h"

/* Tests */

static void
test_standard_template (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = comm_checklist_template_list (db, &error);
  g_autoptr(CommChecklistVersion) version = NULL;
  CommChecklistTemplate *standard;
  CommChecklistArea *first;

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 1);
  standard = templates->pdata[0];
  g_assert_cmpstr (standard->name, ==, "Standard Deep Dive checklist");
  g_assert_cmpint (standard->latest_version, ==, 1);
  g_assert_cmpuint (standard->n_areas, ==, 9);
  g_assert_cmpuint (standard->n_deep_dives, ==, 0);
  g_assert_true (standard->is_default);
  g_assert_cmpint (comm_checklist_template_get_default (db), ==, standard->id);

  version = comm_checklist_version_load (db, standard->latest_version_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (version->areas->len, ==, 9);
  g_assert_true (version->is_latest);
  first = version->areas->pdata[0];
  g_assert_cmpstr (first->title, ==, "Quality of the direct work with children and families");
  g_assert_cmpuint (g_strv_length (first->prompts), ==, 3);
  g_assert_cmpstr (((CommChecklistArea *) version->areas->pdata[1])->title, ==,
                   "The provider understands the commissioner's expectations and the outcomes required");
  g_assert_cmpstr (((CommChecklistArea *) version->areas->pdata[8])->title, ==,
                   "Lessons learnt, and any contract variation needed");
}

/* Renames area 2, swaps areas 1 and 3, drops area 9 and adds a tenth with prompts. */
static void
edit_standard (CommChecklistVersion *edit)
{
  CommChecklistArea *renamed = edit->areas->pdata[1];
  const char *prompts[] = { "  Are safeguarding referrals timely?  ", "", "Line one\nline two", NULL };
  gpointer first = edit->areas->pdata[0];

  g_free (renamed->title);
  renamed->title = g_strdup ("  Expectations and outcomes  ");
  edit->areas->pdata[0] = edit->areas->pdata[2];
  edit->areas->pdata[2] = first;
  g_ptr_array_remove_index (edit->areas, 8);
  g_ptr_array_add (edit->areas, comm_checklist_area_new ("Safeguarding", "Check the records.", prompts));
}

static void
test_template_versions (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommChecklistVersion) v1 = comm_checklist_template_load_latest (db, 1, &error);
  g_autoptr(CommChecklistVersion) edit = NULL;
  g_autoptr(CommChecklistVersion) old = NULL;
  g_autoptr(CommChecklistVersion) stale = NULL;
  g_autoptr(CommDeepDive) before = NULL;
  g_autoptr(CommDeepDive) after = NULL;
  g_autoptr(CommDeepDive) not_started = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  CommChecklistArea *added;
  gint64 dive_v1, dive_v2, dive_late;

  g_assert_no_error (error);
  dive_v1 = started_dive (db, 1);
  dive_late = create_dive (db, 2, NULL);  /* created now, started after the edit */

  edit = comm_checklist_version_copy (v1);
  edit_standard (edit);
  g_assert_true (comm_checklist_template_save_version (db, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (edit->version, ==, 2);
  g_assert_cmpint (edit->template_id, ==, 1);
  g_assert_cmpint (edit->version_id, !=, v1->version_id);
  g_assert_true (edit->is_latest);
  g_assert_cmpstr (((CommChecklistArea *) edit->areas->pdata[1])->title, ==, "Expectations and outcomes");
  added = edit->areas->pdata[8];
  g_assert_cmpint (added->id, >, 0);
  g_assert_cmpuint (g_strv_length (added->prompts), ==, 2);
  g_assert_cmpstr (added->prompts[0], ==, "Are safeguarding referrals timely?");
  g_assert_cmpstr (added->prompts[1], ==, "Line one line two");

  /* Version 1 is untouched, and the Deep Dive started with it still shows it. */
  old = comm_checklist_version_load (db, v1->version_id, &error);
  g_assert_no_error (error);
  g_assert_false (old->is_latest);
  g_assert_cmpuint (old->areas->len, ==, 9);
  g_assert_cmpstr (((CommChecklistArea *) old->areas->pdata[1])->title, ==,
                   "The provider understands the commissioner's expectations and the outcomes required");
  before = load (db, dive_v1);
  g_assert_cmpint (before->template_version, ==, 1);
  g_assert_cmpuint (before->areas->len, ==, 9);
  g_assert_cmpstr (area (before, 1)->title, ==, "Quality of the direct work with children and families");
  g_assert_cmpstr (area (before, 9)->title, ==, "Lessons learnt, and any contract variation needed");

  /* Deep Dives started from now on use version 2. */
  g_assert_true (comm_deep_dive_start (db, dive_late, NULL, NULL, &error));
  g_assert_no_error (error);
  after = load (db, dive_late);
  g_assert_cmpint (after->template_version, ==, 2);
  g_assert_cmpuint (after->areas->len, ==, 9);
  g_assert_cmpstr (area (after, 1)->title, ==, "Agreement on funding and payment arrangements");
  g_assert_cmpstr (area (after, 2)->title, ==, "Expectations and outcomes");
  g_assert_cmpstr (area (after, 3)->title, ==, "Quality of the direct work with children and families");
  g_assert_cmpstr (area (after, 9)->title, ==, "Safeguarding");
  dive_v2 = started_dive (db, 3);
  not_started = load (db, dive_v2);
  g_assert_cmpint (not_started->template_version, ==, 2);

  /* Saving without a change writes no version; saving from an old version is a conflict. */
  g_assert_true (comm_checklist_template_save_version (db, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (edit->version, ==, 2);
  stale = comm_checklist_version_copy (v1);
  g_free (stale->name);
  stale->name = g_strdup ("Renamed");
  g_assert_false (comm_checklist_template_save_version (db, stale, &error));
  assert_error (error, COMM_ERROR_CONFLICT, "another window");
  g_clear_error (&error);
  g_assert_cmpstr (stale->name, ==, "Renamed");  /* a failed save leaves the edit alone */
  versions = comm_checklist_template_list_versions (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((CommChecklistVersion *) versions->pdata[0])->version, ==, 2);

  /* The schema refuses changes to a saved version. */
  g_assert_false (comm_database_exec (db, "UPDATE checklist_areas SET title = 'x' WHERE version_id = 1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (comm_database_exec (db, "DELETE FROM checklist_areas WHERE version_id = 1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count(*) FROM checklist_areas WHERE version_id = 1"), ==, 9);
}

static void
test_template_copy_and_checks (void)
{
  CommDatabase *db = new_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommChecklistVersion) copy = NULL;
  g_autoptr(CommChecklistVersion) fresh = comm_checklist_version_new ("  ");
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *name = comm_checklist_template_free_copy_name (db, "Standard Deep Dive checklist");
  g_autofree char *name2 = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  gint64 copy_id, id;

  g_assert_cmpstr (name, ==, "Standard Deep Dive checklist (copy)");
  copy_id = comm_checklist_template_copy (db, 1, name, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, >, 1);
  copy = comm_checklist_template_load_latest (db, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy->version, ==, 1);
  g_assert_cmpuint (copy->areas->len, ==, 9);
  name2 = comm_checklist_template_free_copy_name (db, "Standard Deep Dive checklist");
  g_assert_cmpstr (name2, ==, "Standard Deep Dive checklist (copy 2)");

  /* Names are unique ignoring case; a template needs a name and areas with titles. */
  g_assert_cmpint (comm_checklist_template_copy (db, 1, "STANDARD deep dive CHECKLIST", &error), ==, 0);
  assert_error (error, COMM_ERROR_INVALID, "already");
  g_clear_error (&error);
  g_assert_false (comm_checklist_template_save_version (db, fresh, &error));
  assert_error (error, COMM_ERROR_INVALID, "name");
  g_clear_error (&error);
  g_free (fresh->name);
  fresh->name = g_strdup ("Short review");
  g_assert_false (comm_checklist_template_save_version (db, fresh, &error));
  assert_error (error, COMM_ERROR_INVALID, "at least one area");
  g_clear_error (&error);
  g_ptr_array_add (fresh->areas, comm_checklist_area_new ("Outcomes", "", NULL));
  g_ptr_array_add (fresh->areas, comm_checklist_area_new (" ", "", NULL));
  g_assert_false (comm_checklist_template_save_version (db, fresh, &error));
  assert_error (error, COMM_ERROR_INVALID, "Area 2");
  g_clear_error (&error);
  g_ptr_array_remove_index (fresh->areas, 1);
  g_assert_true (comm_checklist_template_save_version (db, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fresh->version, ==, 1);

  /* The default template is what new Deep Dives use. */
  g_assert_true (comm_checklist_template_set_default (db, fresh->template_id, &error));
  g_assert_no_error (error);
  id = started_dive (db, 1);
  dive = load (db, id);
  g_assert_cmpint (dive->template_id, ==, fresh->template_id);
  g_assert_cmpstr (dive->template_name, ==, "Short review");
  g_assert_cmpuint (dive->areas->len, ==, 1);
  templates = comm_checklist_template_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 3);
  g_assert_cmpstr (((CommChecklistTemplate *) templates->pdata[0])->name, ==, "Short review");
  g_assert_true (((CommChecklistTemplate *) templates->pdata[0])->is_default);
  g_assert_cmpuint (((CommChecklistTemplate *) templates->pdata[0])->n_deep_dives, ==, 1);
  g_assert_false (comm_checklist_template_set_default (db, 999, &error));
  assert_error (error, COMM_ERROR_NOT_FOUND, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deep-dive-templates/standard", test_standard_template);
  g_test_add_func ("/deep-dive-templates/versions", test_template_versions);
  g_test_add_func ("/deep-dive-templates/copy-and-checks", test_template_copy_and_checks);

  return g_test_run ();
}
