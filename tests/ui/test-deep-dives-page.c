/* test-deep-dives-page.c: the Deep Dives tab - propose a year's schedule, carry one Deep Dive
 * from Pending to Complete by keyboard, sign it off, the read-only lock, the outstanding actions */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "comm-application.h"
#include "comm-deep-dive-actions-list.h"
#include "comm-deep-dive-area-view.h"
#include "comm-deep-dive-completion.h"
#include "comm-deep-dive-editor.h"
#include "comm-deep-dive-evidence.h"
#include "comm-deep-dive-templates-dialog.h"
#include "comm-deep-dives-export.h"
#include "comm-deep-dives-page-private.h"
#include "comm-window.h"
#include "comm-test-ui.h"

static CommApplication *app;

typedef struct {
  CommWindow        *window;
  CommDeepDivesPage *page;
  CommDatabase      *db;
  GDate              today;
  int                year;
} Fixture;

static const struct {
  const char *reference;
  const char *title;
  const char *area;
  const char *lead;
} contracts[] = {
  { "DD-001", "Family Support Service", "family-support", "Sam Patel" },
  { "DD-002", "Young Carers Service", "young-carers", "Jo Reed" },
  { "DD-003", "Youth Work in Districts", "youth", "Sam Patel" },
  { "DD-004", "Domestic Abuse Outreach", "domestic-abuse", "Jo Reed" },
};

/* Helpers */

static char *
make_workspace (void)
{
  char *path = comm_test_ui_make_empty_workspace ();
  g_autoptr(CommDatabase) db = comm_database_open (path, 0, NULL);
  g_autoptr(CommProvider) provider = comm_provider_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (db);
  comm_provider_set_name (provider, "Harbour Family Trust");
  g_object_set (provider, "legal-form", "charity", NULL);
  g_assert_true (comm_provider_store_save (db, provider, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    {
      g_autoptr(CommContract) contract = comm_contract_new ();

      g_object_set (contract, "reference", contracts[i].reference, "title", contracts[i].title,
                    "service-area", contracts[i].area, "lead-commissioner", contracts[i].lead,
                    "provider-id", comm_provider_get_id (provider),
                    "start-date", "2025-04-01", "end-date", "2028-03-31", NULL);
      g_assert_true (comm_contract_store_save (db, contract, &error));
      g_assert_no_error (error);
    }

  comm_database_close (db);
  return path;
}

static void
fixture_open (Fixture *f)
{
  g_autofree char *path = make_workspace ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  g_settings_set_int (settings, "window-width", 1500);
  g_settings_set_int (settings, "window-height", 860);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  f->window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (comm_window_open_workspace (f->window, path, &error));
  g_assert_no_error (error);
  comm_test_ui_activate_action (GTK_WIDGET (f->window), "win.show-tab", g_variant_new_string ("deep-dives"));
  comm_test_ui_wait (100);

  f->page = COMM_DEEP_DIVES_PAGE (comm_window_get_page (f->window, "deep-dives"));
  f->db = comm_window_get_database (f->window);
  comm_date_today (&f->today);
  f->year = comm_financial_year_of (&f->today);
  g_assert_cmpint (comm_deep_dives_page_get_year (f->page), ==, f->year);
}

static void
fixture_close (Fixture *f)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (l->data != (gpointer) f->window && GTK_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (f->window));
  comm_test_ui_wait (0);
}

/* Counts from the workspace itself, independently of the page. */
static void
stored_counts (Fixture *f,
               guint    counts[COMM_DEEP_DIVE_N_STATUSES])
{
  g_autoptr(GError) error = NULL;

  g_assert_true (comm_deep_dive_schedule_counts (f->db, f->year, &f->today, counts, &error));
  g_assert_no_error (error);
}

/* The page's counts line says what the workspace holds, for every status. */
static void
assert_counts_shown (Fixture *f)
{
  guint counts[COMM_DEEP_DIVE_N_STATUSES] = { 0 };

  stored_counts (f, counts);
  for (int s = 0; s < COMM_DEEP_DIVE_N_STATUSES; s++)
    {
      g_autofree char *expected = g_strdup_printf ("%s %u", comm_deep_dive_status_to_label (s), counts[s]);

      g_assert_cmpstr (gtk_label_get_text (f->page->count_labels[s]), ==, expected);
    }
}

static CommDeepDiveRow *
row_of (Fixture    *f,
        const char *reference,
        guint      *position)
{
  GListModel *view = comm_deep_dives_page_get_view_model (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (view); i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (view, i);

      if (g_strcmp0 (comm_deep_dive_row_get_contract_reference (row), reference) == 0)
        {
          if (position != NULL)
            *position = i;
          return row;  /* the view keeps it */
        }
    }

  g_error ("No row for %s", reference);
  return NULL;
}

static CommDeepDiveStatus
status_of (Fixture    *f,
           const char *reference)
{
  return comm_deep_dive_row_get_status (row_of (f, reference, NULL));
}

/* Focuses @widget and activates it, as Tab then Space/Return would. */
static void
press (GtkWidget *widget)
{
  g_assert_true (gtk_widget_get_sensitive (widget));
  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_true (gtk_widget_activate (widget));
  /* A button activated from the keyboard shows itself pressed for a moment, then clicks. */
  comm_test_ui_wait (300);
}

/* Return on the row of @reference in the schedule, as the list does it. */
static void
open_row (Fixture    *f,
          const char *reference)
{
  guint position;
  GtkWidget *list;

  row_of (f, reference, &position);
  gtk_single_selection_set_selected (f->page->selection, position);
  gtk_widget_grab_focus (GTK_WIDGET (f->page->column_view));
  list = comm_test_ui_find_by_type (GTK_WIDGET (f->page->column_view), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", position));
  comm_test_ui_wait (50);
}

static CommDeepDiveEditor *
find_editor (void)
{
  CommDeepDiveEditor *editor = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (COMM_IS_DEEP_DIVE_EDITOR (l->data))
      editor = l->data;

  g_assert_nonnull (editor);
  return editor;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  AdwMessageDialog *dialog = comm_test_ui_find_message_dialog ();

  g_assert_nonnull (dialog);
  return dialog;
}

/* Answers @dialog as its button does (the button also closes it). */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  comm_test_ui_wait (50);
}

static GtkWidget *
focus_of (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

/* Types @text where the focus is, a key at a time as far as the buffer can tell. */
static void
type_into (GtkTextView *view,
           const char  *text)
{
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  g_assert_true (gtk_text_view_get_editable (view));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), text, -1);
}

static void
shot (GtkWidget  *widget,
      const char *name)
{
  g_autofree char *path = comm_test_ui_save_screenshot (widget, name);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static CommDeepDiveAreaView *
current_area (CommDeepDiveEditor *editor)
{
  GtkWidget *page = comm_deep_dive_editor_get_page_widget (editor, comm_deep_dive_editor_get_page (editor));

  g_assert_true (COMM_IS_DEEP_DIVE_AREA_VIEW (page));
  return COMM_DEEP_DIVE_AREA_VIEW (page);
}

/* Add Action…: the focus starts in "What"; Tab moves to "Who" and "By when"; Return adds. */
static void
add_action (CommDeepDiveActionsList *actions,
            const char              *what,
            const char              *owner,
            const char              *due)
{
  AdwMessageDialog *dialog;
  GtkWidget *focus;

  press (comm_test_ui_find_by_name (GTK_WIDGET (actions), "add_action_button"));
  dialog = find_message_dialog ();
  focus = focus_of (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_is_ancestor (focus, comm_test_ui_find_by_name (GTK_WIDGET (dialog), "what_row")));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "what_row")), what);
  gtk_editable_set_text (GTK_EDITABLE (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "owner_row")), owner);
  gtk_editable_set_text (GTK_EDITABLE (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "due_row")), due);
  respond (dialog, adw_message_dialog_get_default_response (dialog));
}

static char *
write_evidence_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("comm-dd-evidence-XXXXXX", NULL);
  char *path = g_build_filename (dir, "Q2 monitoring return.csv", NULL);

  g_assert_true (g_file_set_contents (path, "quarter,referrals\nQ2,148\n", -1, NULL));
  return path;
}

/* Proposes the year's schedule with the button, as Tab + Space would. */
static void
propose (Fixture *f)
{
  GtkWidget *button = comm_test_ui_find_by_name (GTK_WIDGET (f->page), "propose_button");

  press (button);
  comm_test_ui_wait (50);
}

/* Walks DD-001 from Pending to Complete; returns its editor, signed off and read-only. */
static CommDeepDiveEditor *
carry_out (Fixture *f,
           gboolean screenshots);

/* Tests */

static void
test_schedule_propose_and_undo (void)
{
  Fixture f = { 0 };
  guint counts[COMM_DEEP_DIVE_N_STATUSES] = { 0 };

  fixture_open (&f);

  /* Every active contract is listed, and none has a Deep Dive yet: they stand out. */
  g_assert_cmpuint (g_list_model_get_n_items (comm_deep_dives_page_get_view_model (f.page)), ==, G_N_ELEMENTS (contracts));
  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    g_assert_cmpint (status_of (&f, contracts[i].reference), ==, COMM_DEEP_DIVE_STATUS_NONE);
  assert_counts_shown (&f);
  g_assert_cmpstr (gtk_label_get_text (f.page->count_labels[COMM_DEEP_DIVE_STATUS_NONE]), ==, "No Deep Dive 4");
  shot (GTK_WIDGET (f.window), "deep-dives-schedule-empty");

  /* Propose: one Deep Dive per contract, spread over the year. */
  propose (&f);
  stored_counts (&f, counts);
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_NONE], ==, 0);
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_SCHEDULED] + counts[COMM_DEEP_DIVE_STATUS_OVERDUE], ==, 4);
  assert_counts_shown (&f);
  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    {
      CommDeepDiveRow *row = row_of (&f, contracts[i].reference, NULL);
      GDate date, first, last;

      g_assert_cmpint (comm_deep_dive_row_get_deep_dive_id (row), !=, 0);
      g_assert_cmpstr (comm_deep_dive_row_get_lead_reviewer (row), ==, contracts[i].lead);
      g_assert_true (comm_date_parse_iso (comm_deep_dive_row_get_scheduled_on (row), &date));
      comm_financial_year_bounds (f.year, &first, &last);
      g_assert_cmpint (g_date_compare (&date, &first), >=, 0);
      g_assert_cmpint (g_date_compare (&date, &last), <=, 0);
    }

  /* Ctrl+Z takes the whole proposal back. */
  comm_test_ui_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  comm_test_ui_wait (50);
  stored_counts (&f, counts);
  g_assert_cmpuint (counts[COMM_DEEP_DIVE_STATUS_NONE], ==, 4);
  assert_counts_shown (&f);

  /* Proposed again, and filtered by reviewer and searched. */
  propose (&f);
  gtk_drop_down_set_selected (f.page->reviewer_dropdown, 1);  /* "Jo Reed" sorts first */
  comm_test_ui_wait (0);
  g_assert_cmpuint (g_list_model_get_n_items (comm_deep_dives_page_get_view_model (f.page)), ==, 2);
  comm_deep_dives_page_clear_filters (f.page);
  comm_test_ui_activate_action (GTK_WIDGET (f.window), "win.search", NULL);
  g_assert_true (gtk_widget_is_ancestor (focus_of (GTK_WIDGET (f.window)), GTK_WIDGET (f.page->search_entry)));
  gtk_editable_set_text (GTK_EDITABLE (f.page->search_entry), "young carers");
  comm_test_ui_wait (400);
  g_assert_cmpuint (g_list_model_get_n_items (comm_deep_dives_page_get_view_model (f.page)), ==, 1);
  comm_deep_dives_page_clear_filters (f.page);
  comm_test_ui_wait (0);
  shot (GTK_WIDGET (f.window), "deep-dives-schedule");

  fixture_close (&f);
}

static CommDeepDiveEditor *
carry_out (Fixture  *f,
           gboolean  screenshots)
{
  g_autofree char *evidence_path = write_evidence_file ();
  CommDeepDiveEditor *editor;
  CommDeepDiveAreaView *area;
  CommDeepDiveActionsList *actions;
  CommDeepDiveCompletion *completion;
  AdwMessageDialog *dialog;
  const CommDeepDive *dive;
  GtkWidget *button;
  guint n;

  propose (f);
  g_assert_cmpint (status_of (f, "DD-004"), !=, COMM_DEEP_DIVE_STATUS_IN_PROGRESS);

  /* Return on the row opens it; not started yet, so the start page shows. */
  open_row (f, "DD-004");
  editor = find_editor ();
  g_assert_cmpint (comm_deep_dive_editor_get_page (editor), ==, -1);
  button = comm_test_ui_find_by_name (GTK_WIDGET (editor), "start_button");
  press (button);
  comm_test_ui_wait (50);
  g_assert_cmpint (status_of (f, "DD-004"), ==, COMM_DEEP_DIVE_STATUS_IN_PROGRESS);
  assert_counts_shown (f);

  dive = comm_deep_dive_editor_get_deep_dive (editor);
  n = dive->areas->len;
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpint (comm_deep_dive_editor_get_page (editor), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (comm_test_ui_find_by_name (GTK_WIDGET (editor), "progress_label"))),
                   ==, "0 of 9 areas judged");

  /* Each area: the focus lands on the judgement; Space chooses it; notes typed are saved half a
   * second later; Ctrl+Page Down moves on. */
  for (guint i = 0; i < n; i++)
    {
      CommJudgement judgement = i == 3 ? COMM_JUDGEMENT_PARTLY_MET : COMM_JUDGEMENT_MET;
      g_autofree char *notes = g_strdup_printf ("Discussed area %u with the provider.", i + 1);

      area = current_area (editor);
      g_assert_true (gtk_widget_is_ancestor (focus_of (GTK_WIDGET (editor)), GTK_WIDGET (area)) ||
                     focus_of (GTK_WIDGET (editor)) == GTK_WIDGET (area));
      press (comm_deep_dive_area_view_get_judgement_button (area, judgement));
      type_into (comm_deep_dive_area_view_get_notes_view (area), notes);
      comm_test_ui_wait (650);
      g_assert_cmpint (((CommDeepDiveArea *) g_ptr_array_index (dive->areas, i))->judgement, ==, judgement);

      if (i == 0 && screenshots)
        shot (GTK_WIDGET (editor), "deep-dive-area");
      if (i == 1)
        {
          /* Evidence: a file (as chosen in the file chooser) and an action agreed. */
          g_assert_true (comm_deep_dive_evidence_attach_path (COMM_DEEP_DIVE_EVIDENCE (comm_deep_dive_area_view_get_evidence (area)),
                                                              evidence_path));
          g_assert_cmpuint (comm_deep_dive_evidence_get_n_rows (COMM_DEEP_DIVE_EVIDENCE (comm_deep_dive_area_view_get_evidence (area))), ==, 1);
          actions = COMM_DEEP_DIVE_ACTIONS_LIST (comm_deep_dive_area_view_get_actions (area));
          add_action (actions, "Send the Q3 referral figures", "Harbour Family Trust", "18/12/2026");
          add_action (actions, "Share the safeguarding audit", "Sam Patel", "30 Oct 2026");
          g_assert_cmpuint (((CommDeepDiveArea *) g_ptr_array_index (dive->areas, i))->actions->len, ==, 2);
          g_assert_nonnull (comm_deep_dive_actions_list_get_check (actions, 0));
          if (screenshots)
            shot (GTK_WIDGET (editor), "deep-dive-evidence-actions");
        }

      comm_test_ui_activate_action (focus_of (GTK_WIDGET (editor)), "deep-dive.next-area", NULL);
      comm_test_ui_wait (0);
    }

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (comm_test_ui_find_by_name (GTK_WIDGET (editor), "progress_label"))),
                   ==, "9 of 9 areas judged");

  /* The completion page: grade, lessons, variation, sign-off. */
  g_assert_cmpint (comm_deep_dive_editor_get_page (editor), ==, (int) n);
  completion = COMM_DEEP_DIVE_COMPLETION (comm_deep_dive_editor_get_page_widget (editor, n));
  adw_combo_row_set_selected (comm_deep_dive_completion_get_grade_row (completion), COMM_GRADE_GOOD);
  type_into (comm_deep_dive_completion_get_lessons_view (completion), "Referral data should reach us monthly.");
  type_into (comm_deep_dive_completion_get_variation_view (completion), "Add a monthly data return to schedule 2.");
  comm_test_ui_wait (650);
  g_assert_cmpint (dive->grade, ==, COMM_GRADE_GOOD);
  g_assert_true (dive->variation_agreed);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (comm_test_ui_find_by_name (GTK_WIDGET (completion), "signer_row"))),
                   !=, "");
  if (screenshots)
    shot (GTK_WIDGET (editor), "deep-dive-completion");

  press (comm_test_ui_find_by_name (GTK_WIDGET (completion), "signoff_button"));
  comm_test_ui_wait (50);

  /* Asked, not automatic: Good suggests Green. Return takes the suggestion. */
  /* Signing off reads the Deep Dive again and shows the completion page, read-only now. */
  completion = COMM_DEEP_DIVE_COMPLETION (comm_deep_dive_editor_get_page_widget (editor, n));
  g_assert_false (gtk_widget_get_visible (comm_test_ui_find_by_name (GTK_WIDGET (completion), "problem_label")));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Update the Contract’s RAG Rating?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Green"));
  respond (dialog, adw_message_dialog_get_default_response (dialog));

  dive = comm_deep_dive_editor_get_deep_dive (editor);
  g_assert_true (comm_deep_dive_is_read_only (dive));
  g_assert_cmpint (status_of (f, "DD-004"), ==, COMM_DEEP_DIVE_STATUS_COMPLETE);
  assert_counts_shown (f);
  {
    g_autoptr(CommContract) contract = comm_contract_store_get (f->db, dive->contract_id, &f->today, NULL);

    g_assert_cmpint (comm_contract_get_rag (contract), ==, COMM_RAG_GREEN);
  }

  return editor;
}

static void
test_walk_to_complete (void)
{
  Fixture f = { 0 };
  CommDeepDiveEditor *editor;
  GtkWidget *locked;
  GListModel *actions;

  fixture_open (&f);
  editor = carry_out (&f, TRUE);

  locked = comm_test_ui_find_by_name (GTK_WIDGET (editor), "locked_label");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (locked)), "Signed off by"));
  g_assert_true (gtk_widget_get_visible (comm_test_ui_find_by_name (GTK_WIDGET (editor), "reopen_button")));
  shot (GTK_WIDGET (editor), "deep-dive-signed-off");

  /* In dark style too. */
  comm_deep_dive_editor_show_page (editor, 1);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  comm_test_ui_wait (50);
  shot (GTK_WIDGET (editor), "deep-dive-area-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Escape closes it; the outstanding actions list the action agreed. */
  comm_test_ui_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  comm_test_ui_wait (50);
  press (GTK_WIDGET (f.page->actions_toggle));
  actions = comm_deep_dives_page_get_actions_model (f.page);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);
  {
    g_autoptr(CommActionItem) first = g_list_model_get_item (actions, 0);
    g_autoptr(CommActionItem) second = g_list_model_get_item (actions, 1);

    /* Overdue first. */
    g_assert_cmpstr (comm_action_item_get_row (first)->action.description, ==, "Share the safeguarding audit");
    g_assert_true (comm_action_item_get_row (first)->overdue);
    g_assert_cmpstr (comm_action_item_get_row (first)->action.due_on, ==, "2026-10-30");
    g_assert_cmpstr (comm_action_item_get_row (second)->action.description, ==, "Send the Q3 referral figures");
    g_assert_cmpstr (comm_action_item_get_row (second)->action.owner, ==, "Harbour Family Trust");
    g_assert_cmpstr (comm_action_item_get_row (second)->action.due_on, ==, "2026-12-18");
    g_assert_false (comm_action_item_get_row (second)->overdue);
    g_assert_cmpstr (comm_action_item_get_row (second)->contract_reference, ==, "DD-004");
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f.page->stack), ==, "actions");
  shot (GTK_WIDGET (f.window), "deep-dives-outstanding-actions");
  press (GTK_WIDGET (f.page->schedule_toggle));
  shot (GTK_WIDGET (f.window), "deep-dives-schedule-after");

  /* The page's CSV exports: the schedule of the year and every action. */
  {
    g_autofree char *dir = g_dir_make_tmp ("comm-dd-export-XXXXXX", NULL);
    g_autofree char *schedule = g_build_filename (dir, "schedule.csv", NULL);
    g_autofree char *all = g_build_filename (dir, "actions.csv", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (comm_deep_dives_export_to (COMM_PAGE (f.page), f.year, FALSE, schedule, FALSE, &error), ==, 4);
    g_assert_no_error (error);
    g_assert_cmpuint (comm_deep_dives_export_to (COMM_PAGE (f.page), f.year, TRUE, all, FALSE, &error), ==, 2);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (all, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "Share the safeguarding audit"));
    g_unlink (schedule);
    g_unlink (all);
    g_rmdir (dir);
  }

  fixture_close (&f);
}

static void
test_signed_off_is_read_only (void)
{
  Fixture f = { 0 };
  CommDeepDiveEditor *editor;
  CommDeepDiveAreaView *area;
  CommDeepDiveActionsList *actions;
  AdwMessageDialog *dialog;
  const CommDeepDive *dive;
  g_autoptr(CommDeepDive) stored = NULL;
  g_autofree char *evidence_path = write_evidence_file ();
  GtkWidget *check, *reason;
  gint64 id;

  fixture_open (&f);
  editor = carry_out (&f, FALSE);
  comm_deep_dive_editor_show_page (editor, 0);
  comm_test_ui_wait (0);
  area = current_area (editor);

  /* Nothing on an area can change: no judgement button, no typing, no evidence, no new action. */
  g_assert_false (gtk_widget_get_sensitive (comm_deep_dive_area_view_get_judgement_button (area, COMM_JUDGEMENT_NOT_MET)));
  g_assert_false (gtk_text_view_get_editable (comm_deep_dive_area_view_get_notes_view (area)));
  g_assert_false (comm_deep_dive_evidence_attach_path (COMM_DEEP_DIVE_EVIDENCE (comm_deep_dive_area_view_get_evidence (area)),
                                                      evidence_path));
  g_assert_null (comm_deep_dive_actions_list_add (COMM_DEEP_DIVE_ACTIONS_LIST (comm_deep_dive_area_view_get_actions (area))));
  g_assert_false (gtk_widget_get_visible (comm_test_ui_find_by_name (comm_deep_dive_editor_get_page_widget (editor, 9),
                                                                      "signoff_button")));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (
                   comm_test_ui_find_by_name (GTK_WIDGET (editor), "error_label"), GTK_TYPE_REVEALER)));
  stored = comm_deep_dive_load (f.db, comm_deep_dive_editor_get_id (editor), NULL);
  g_assert_cmpint (((CommDeepDiveArea *) g_ptr_array_index (stored->areas, 0))->judgement, ==, COMM_JUDGEMENT_MET);
  g_assert_cmpuint (((CommDeepDiveArea *) g_ptr_array_index (stored->areas, 0))->evidence->len, ==, 0);
  g_clear_pointer (&stored, comm_deep_dive_free);

  /* Actions are still followed up: ticking one done works after sign-off. */
  comm_deep_dive_editor_show_page (editor, 1);
  comm_test_ui_wait (0);
  actions = COMM_DEEP_DIVE_ACTIONS_LIST (comm_deep_dive_area_view_get_actions (current_area (editor)));
  check = comm_deep_dive_actions_list_get_check (actions, 0);
  press (check);
  stored = comm_deep_dive_load (f.db, comm_deep_dive_editor_get_id (editor), NULL);
  g_assert_true (((CommDeepDiveAction *) g_ptr_array_index (((CommDeepDiveArea *) g_ptr_array_index (stored->areas, 1))->actions, 0))->done);
  g_clear_pointer (&stored, comm_deep_dive_free);

  /* Reopen asks for a reason, which is kept; the Deep Dive is editable again. */
  press (comm_test_ui_find_by_name (GTK_WIDGET (editor), "reopen_button"));
  dialog = find_message_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  reason = focus_of (GTK_WIDGET (dialog));
  g_assert_true (GTK_IS_EDITABLE (reason) || gtk_widget_get_ancestor (reason, GTK_TYPE_ENTRY) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (comm_test_ui_find_by_name (GTK_WIDGET (dialog), "reason_entry")),
                         "Provider sent late evidence for area 4");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reopen"));
  respond (dialog, "reopen");

  dive = comm_deep_dive_editor_get_deep_dive (editor);
  g_assert_false (comm_deep_dive_is_read_only (dive));
  g_assert_cmpstr (dive->reopen_reason, ==, "Provider sent late evidence for area 4");
  g_assert_cmpint (status_of (&f, "DD-004"), !=, COMM_DEEP_DIVE_STATUS_COMPLETE);
  area = current_area (editor);
  g_assert_true (gtk_widget_get_sensitive (comm_deep_dive_area_view_get_judgement_button (area, COMM_JUDGEMENT_NOT_MET)));
  g_assert_true (gtk_text_view_get_editable (comm_deep_dive_area_view_get_notes_view (area)));

  /* Notes typed and the window closed at once are not lost. */
  id = comm_deep_dive_editor_get_id (editor);
  type_into (comm_deep_dive_area_view_get_notes_view (area), " Late evidence received.");
  gtk_window_close (GTK_WINDOW (editor));
  comm_test_ui_wait (0);
  stored = comm_deep_dive_load (f.db, id, NULL);
  g_assert_nonnull (stored);
  g_assert_true (g_str_has_suffix (((CommDeepDiveArea *) g_ptr_array_index (stored->areas, 1))->notes,
                                   "Late evidence received."));

  fixture_close (&f);
}

static void
test_templates_dialog (void)
{
  Fixture f = { 0 };
  CommDeepDiveTemplatesDialog *dialog;
  CommChecklistVersion *working;
  g_autoptr(GPtrArray) templates = NULL;
  gint64 copy_id;
  g_autofree char *first = NULL;

  fixture_open (&f);
  comm_test_ui_activate_action (GTK_WIDGET (f.page), "deep-dives.templates", NULL);
  comm_test_ui_wait (50);
  dialog = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (COMM_IS_DEEP_DIVE_TEMPLATES_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);

  /* The standard checklist, nine areas; copy it, then move its second area up with Alt+Up. */
  working = comm_deep_dive_templates_dialog_get_working (dialog);
  g_assert_cmpuint (working->areas->len, ==, 9);
  comm_test_ui_activate_action (GTK_WIDGET (dialog), "templates.copy", NULL);
  comm_test_ui_wait (0);
  copy_id = comm_deep_dive_templates_dialog_get_template_id (dialog);
  working = comm_deep_dive_templates_dialog_get_working (dialog);
  g_assert_cmpint (working->version, ==, 1);
  first = g_strdup (((CommChecklistArea *) g_ptr_array_index (working->areas, 1))->title);
  comm_deep_dive_templates_dialog_select_area (dialog, 1);
  comm_test_ui_activate_action (GTK_WIDGET (dialog), "templates.move-up", NULL);
  g_assert_cmpint (comm_deep_dive_templates_dialog_get_area (dialog), ==, 0);
  g_assert_cmpstr (((CommChecklistArea *) g_ptr_array_index (working->areas, 0))->title, ==, first);
  comm_test_ui_activate_action (GTK_WIDGET (dialog), "templates.add-area", NULL);
  g_assert_cmpuint (working->areas->len, ==, 10);
  shot (GTK_WIDGET (dialog), "deep-dive-templates");

  /* Saving makes version 2 of the copy; the standard checklist is untouched. */
  comm_test_ui_activate_action (GTK_WIDGET (dialog), "templates.save", NULL);
  comm_test_ui_wait (0);
  g_assert_cmpint (comm_deep_dive_templates_dialog_get_template_id (dialog), ==, copy_id);
  working = comm_deep_dive_templates_dialog_get_working (dialog);
  g_assert_cmpint (working->version, ==, 2);
  g_assert_cmpuint (working->areas->len, ==, 10);
  templates = comm_checklist_template_list (f.db, NULL);
  for (guint i = 0; i < templates->len; i++)
    {
      CommChecklistTemplate *t = g_ptr_array_index (templates, i);

      g_assert_cmpuint (t->n_areas, ==, t->id == copy_id ? 10 : 9);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&f);
}

/* The tab fits a narrow window (the window test shrinks it to 500 px). */
static void
test_narrow (void)
{
  Fixture f = { 0 };
  const char *names[] = { "contracts", "budgets", "deep-dives", "risks" };

  fixture_open (&f);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int minimum = 0;

      gtk_widget_measure (comm_window_get_page (f.window, names[i]), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_test_message ("%s: minimum width %d", names[i], minimum);
      if (g_str_equal (names[i], "deep-dives"))
        g_assert_cmpint (minimum, <=, 480);
    }
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  comm_test_ui_init (&argc, &argv);
  app = comm_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/deep-dives/schedule-propose-undo", test_schedule_propose_and_undo);
  g_test_add_func ("/deep-dives/walk-to-complete", test_walk_to_complete);
  g_test_add_func ("/deep-dives/signed-off-read-only", test_signed_off_is_read_only);
  g_test_add_func ("/deep-dives/templates", test_templates_dialog);
  g_test_add_func ("/deep-dives/narrow", test_narrow);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
