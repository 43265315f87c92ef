/* test-plan-view.c: the commissioning plan view on the demo workspace - intentions, timeline,
 * due list and demand figures shown; an intention with milestones added through the editor;
 * screenshots of each */
#include "config.h"

#include <string.h>

#include "comm-plan-view.h"
#include "comm-plan-view-editor.h"
#include "comm-plan-view-timeline.h"
#include "comm-report-dialog.h"
#include "comm-test-ui.h"

typedef struct {
  char         *path;
  CommDatabase *db;
  GtkWidget    *window;
  GtkWidget    *view;
} Fixture;

static void
fixture_open (Fixture *f,
              gboolean demo)
{
  g_autoptr(GError) error = NULL;

  f->path = demo ? comm_test_ui_make_demo_workspace () : comm_test_ui_make_empty_workspace ();
  f->db = comm_database_open (f->path, COMM_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1500, 900);
  f->view = comm_plan_view_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  comm_plan_view_set_database (COMM_PLAN_VIEW (f->view), f->db);
  gtk_window_present (GTK_WINDOW (f->window));
  comm_test_ui_wait (100);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  comm_test_ui_wait (0);
  g_clear_object (&f->db);
  g_free (f->path);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      n++;
  return n;
}

static GtkListBoxRow *
row_at (GtkWidget *root,
        const char *list_name,
        int         index)
{
  GtkWidget *list = comm_test_ui_find_by_name (root, list_name);

  g_assert_nonnull (list);
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
}

static CommPlanViewEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (COMM_IS_PLAN_VIEW_EDITOR (window) && gtk_widget_get_visible (window))
        return COMM_PLAN_VIEW_EDITOR (window);
    }
  return NULL;
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  GtkWidget *widget = comm_test_ui_find_by_name (root, name);

  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
test_demo_plan (void)
{
  Fixture f = { 0 };
  CommPlanViewTimeline *timeline;
  GtkListBoxRow *first_due;
  GtkStack *stack;
  const char *description;
  g_autofree char *shot = NULL;

  fixture_open (&f, TRUE);
  g_assert_cmpint (comm_plan_view_get_year (COMM_PLAN_VIEW (f.view)), ==, 2026);
  g_assert_cmpuint (count_rows (comm_test_ui_find_by_name (f.view, "intention_list")), ==, 5);

  timeline = COMM_PLAN_VIEW_TIMELINE (comm_test_ui_find_by_type (f.view, COMM_TYPE_PLAN_VIEW_TIMELINE));
  description = comm_plan_view_timeline_get_description (timeline);
  g_assert_nonnull (strstr (description, "Pilot a block contract for residential places: Service specification agreed, 11 Nov 2026, Overdue."));
  g_assert_nonnull (strstr (description, "Contract awarded"));
  g_assert_nonnull (strstr (description, "Done"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (timeline)), >=, 5 * 70);

  /* Overdue first in the due list */
  first_due = row_at (f.view, "due_list", 0);
  g_assert_nonnull (first_due);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_due)), "Service specification agreed"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first_due)), ==, "Pilot a block contract for residential places");
  g_assert_cmpuint (count_rows (comm_test_ui_find_by_name (f.view, "due_list")), ==, 4);

  shot = comm_test_ui_save_screenshot (f.window, "plan-view-timeline");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  comm_test_ui_wait (50);
  g_free (shot);
  shot = comm_test_ui_save_screenshot (f.window, "plan-view-timeline-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  comm_test_ui_wait (50);
  stack = GTK_STACK (comm_test_ui_find_by_name (f.view, "view_stack"));
  gtk_stack_set_visible_child_name (stack, "due");
  comm_test_ui_wait (50);
  g_free (shot);
  shot = comm_test_ui_save_screenshot (f.window, "plan-view-due");
  gtk_stack_set_visible_child_name (stack, "demand");
  comm_test_ui_wait (50);
  g_free (shot);
  shot = comm_test_ui_save_screenshot (f.window, "plan-view-demand");
  g_assert_nonnull (comm_test_ui_find_by_name (f.view, "demand_grid"));

  /* The report dialog opens on this year's plan */
  comm_test_ui_activate_action (f.view, "plan.report", NULL);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    CommReportDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

        if (COMM_IS_REPORT_DIALOG (window))
          dialog = COMM_REPORT_DIALOG (window);
      }
    g_assert_nonnull (dialog);
    for (guint i = 0; i < 200 && (comm_report_dialog_get_busy (dialog) || comm_report_dialog_get_document (dialog) == NULL); i++)
      comm_test_ui_wait (20);
    g_assert_nonnull (comm_report_dialog_get_document (dialog));
    g_assert_cmpstr (comm_report_document_get_title (comm_report_dialog_get_document (dialog)), ==,
                     "Commissioning plan 2026-27");
    g_assert_cmpuint (comm_report_dialog_get_n_pages (dialog), >=, 2);
    gtk_window_destroy (GTK_WINDOW (dialog));
    comm_test_ui_wait (20);
  }

  /* Next year has the supported lodgings intention */
  {
    GtkDropDown *years = GTK_DROP_DOWN (comm_test_ui_find_by_name (f.view, "year_dropdown"));
    GListModel *labels = gtk_drop_down_get_model (years);
    guint next = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "2027-28"))
        next = i;
    g_assert_cmpuint (next, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (years, next);
    comm_test_ui_wait (20);
    g_assert_cmpint (comm_plan_view_get_year (COMM_PLAN_VIEW (f.view)), ==, 2027);
  }
  g_assert_cmpuint (count_rows (comm_test_ui_find_by_name (f.view, "intention_list")), ==, 1);
  fixture_close (&f);
}

static void
test_add_intention (void)
{
  Fixture f = { 0 };
  CommPlanViewEditor *editor;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  CommPlanViewTimeline *timeline;
  g_autofree char *shot = NULL;
  const CommPlanIntention *intention;

  fixture_open (&f, TRUE);
  comm_test_ui_activate_action (f.view, "plan.add-intention", NULL);
  comm_test_ui_wait (50);
  editor = find_editor ();
  g_assert_nonnull (editor);

  set_text (GTK_WIDGET (editor), "title_row", "Pilot a kinship carers support service");
  set_text (GTK_WIDGET (editor), "area_row", "Family Support");
  set_text (GTK_WIDGET (editor), "lead_row", "Sarah Whitfield");
  g_signal_emit_by_name (comm_test_ui_find_by_name (GTK_WIDGET (editor), "add_milestone_button"), "clicked");
  g_signal_emit_by_name (comm_test_ui_find_by_name (GTK_WIDGET (editor), "add_milestone_button"), "clicked");
  set_text (GTK_WIDGET (editor), "milestone-name-1", "Market engagement");
  set_text (GTK_WIDGET (editor), "milestone-target-1", "01/11/2026");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_next_sibling (comm_test_ui_find_by_name (GTK_WIDGET (editor), "milestone-target-1"))), TRUE);
  set_text (GTK_WIDGET (editor), "milestone-done-1", "2026-11-02");
  set_text (GTK_WIDGET (editor), "milestone-name-2", "Tender issued");
  set_text (GTK_WIDGET (editor), "milestone-target-2", "31 Dec 2026");
  g_signal_emit_by_name (comm_test_ui_find_by_name (GTK_WIDGET (editor), "add_contract_button"), "clicked");
  {
    GtkDropDown *contract = GTK_DROP_DOWN (comm_test_ui_find_by_name (GTK_WIDGET (editor), "contract"));
    GListModel *names = gtk_drop_down_get_model (contract);

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "CYP-FS-011 "))
        gtk_drop_down_set_selected (contract, i);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (comm_test_ui_find_by_name (GTK_WIDGET (editor), "contract-role")), 1);
  }
  g_signal_emit_by_name (comm_test_ui_find_by_name (GTK_WIDGET (editor), "add_update_button"), "clicked");
  set_text (GTK_WIDGET (editor), "update-text", "Engagement event held with kinship carers.");
  comm_test_ui_wait (50);
  shot = comm_test_ui_save_screenshot (GTK_WIDGET (editor), "plan-view-editor");

  /* A date that cannot be read stops the save and says which milestone */
  set_text (GTK_WIDGET (editor), "milestone-target-2", "next spring");
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (find_editor () == editor);
  g_assert_nonnull (strstr (comm_plan_view_editor_get_error (editor), "Milestone 2 (Tender issued)"));
  set_text (GTK_WIDGET (editor), "milestone-target-2", "31 Dec 2026");
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  comm_test_ui_wait (50);
  g_assert_null (find_editor ());

  saved = comm_plan_store_list (f.db, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 6);
  intention = g_ptr_array_index (saved, 5);
  g_assert_cmpstr (intention->title, ==, "Pilot a kinship carers support service");
  g_assert_cmpstr (intention->lead, ==, "Sarah Whitfield");
  g_assert_cmpuint (intention->milestones->len, ==, 2);
  g_assert_cmpstr (((CommPlanMilestone *) g_ptr_array_index (intention->milestones, 0))->target_date, ==, "2026-11-01");
  g_assert_cmpstr (((CommPlanMilestone *) g_ptr_array_index (intention->milestones, 0))->done_date, ==, "2026-11-02");
  g_assert_cmpstr (((CommPlanMilestone *) g_ptr_array_index (intention->milestones, 1))->target_date, ==, "2026-12-31");
  g_assert_cmpuint (intention->updates->len, ==, 1);
  g_assert_cmpuint (intention->contracts->len, ==, 1);
  g_assert_cmpstr (((CommPlanContractLink *) g_ptr_array_index (intention->contracts, 0))->reference, ==, "CYP-FS-011");
  g_assert_cmpint (((CommPlanContractLink *) g_ptr_array_index (intention->contracts, 0))->role, ==, COMM_PLAN_CONTRACT_ENDS);

  g_assert_cmpuint (count_rows (comm_test_ui_find_by_name (f.view, "intention_list")), ==, 6);
  timeline = COMM_PLAN_VIEW_TIMELINE (comm_test_ui_find_by_type (f.view, COMM_TYPE_PLAN_VIEW_TIMELINE));
  g_assert_nonnull (strstr (comm_plan_view_timeline_get_description (timeline),
                            "Pilot a kinship carers support service: Tender issued, 31 Dec 2026, Upcoming."));
  comm_test_ui_wait (50);
  g_free (shot);
  shot = comm_test_ui_save_screenshot (f.window, "plan-view-added");

  /* Edit it again: activating its row opens the editor with its milestones */
  g_signal_emit_by_name (comm_test_ui_find_by_name (f.view, "intention_list"), "row-activated",
                         row_at (f.view, "intention_list", 5));
  comm_test_ui_wait (20);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (comm_test_ui_find_by_name (GTK_WIDGET (editor), "milestone-name-2"))),
                   ==, "Tender issued");
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  comm_test_ui_wait (20);
  g_assert_null (find_editor ());

  /* And delete it, after saying yes */
  g_signal_emit_by_name (comm_test_ui_find_by_name (f.view, "intention_list"), "row-activated",
                         row_at (f.view, "intention_list", 5));
  comm_test_ui_wait (20);
  editor = find_editor ();
  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  comm_test_ui_wait (20);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *question = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && question == NULL; i++)
      {
        g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (window))
          question = ADW_MESSAGE_DIALOG (window);
      }
    g_assert_nonnull (question);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "Pilot a kinship carers support service"));
    adw_message_dialog_response (question, "delete");
  }
  comm_test_ui_wait (20);
  g_assert_null (find_editor ());
  g_assert_cmpuint (count_rows (comm_test_ui_find_by_name (f.view, "intention_list")), ==, 5);
  fixture_close (&f);
}

static void
test_empty (void)
{
  Fixture f = { 0 };
  g_autofree char *shot = NULL;

  fixture_open (&f, FALSE);
  g_assert_cmpuint (count_rows (comm_test_ui_find_by_name (f.view, "intention_list")), ==, 0);
  g_assert_cmpuint (count_rows (comm_test_ui_find_by_name (f.view, "due_list")), ==, 0);
  shot = comm_test_ui_save_screenshot (f.window, "plan-view-empty");
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  comm_test_ui_init (&argc, &argv);

  g_test_add_func ("/plan-view/demo", test_demo_plan);
  g_test_add_func ("/plan-view/add-intention", test_add_intention);
  g_test_add_func ("/plan-view/empty", test_empty);

  return g_test_run ();
}
