/* comm-deep-dives-page-actions.c: what the Deep Dives tab does (group "deep-dives") and its undo
 *
 * "Propose Schedule" plans one Deep Dive for every active contract of the year that has none,
 * spread across the months still to come (comm_deep_dive_schedule_propose_from), and can be
 * undone as one step: the undo record keeps the ids it made and deletes those not started since. Moving a Deep Dive,
 * or setting its lead reviewer and provider contact, is one small dialog.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-date-input.h"
#include "comm-deep-dives-export.h"
#include "comm-deep-dive-templates-dialog.h"
#include "comm-deep-dives-page-private.h"
#include "comm-report-dialog.h"

typedef struct {
  GArray   *ids;     /* gint64: the Deep Dives made */
  int       year;
} UndoRecord;

typedef struct {
  CommDeepDivesPage *page;
  CommDeepDiveRow   *row;
  AdwEntryRow       *date_row;
  AdwEntryRow       *reviewer_row;
  AdwEntryRow       *contact_row;
} PlanData;

static void
undo_record_free (gpointer data)
{
  UndoRecord *record = data;

  g_array_unref (record->ids);
  g_free (record);
}

static void
undo_changed (gpointer user_data)
{
  comm_deep_dives_page_update_actions (user_data);
}

static void
plan_data_free (gpointer  user_data,
                GClosure *closure)
{
  PlanData *data = user_data;

  g_object_unref (data->page);
  g_object_unref (data->row);
  g_free (data);
}

static void
toast (CommDeepDivesPage *self,
       const char        *message)
{
  comm_page_add_toast (COMM_PAGE (self), adw_toast_new (message));
}

static gboolean
undo_record (gpointer data,
             gpointer user_data)
{
  CommDeepDivesPage *self = user_data;
  UndoRecord *record = data;
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autofree char *message = NULL;
  guint removed = 0, kept = 0;

  if (database == NULL)
    return FALSE;

  /* Those started since stay: their record matters more than the undo. */
  for (guint i = 0; i < record->ids->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (comm_deep_dive_delete (database, g_array_index (record->ids, gint64, i), &error))
        removed++;
      else
        kept++;
    }

  if (kept > 0)
    message = g_strdup_printf (g_dngettext (NULL, "Removed %u proposed Deep Dive; %u already started were kept",
                                            "Removed %u proposed Deep Dives; %u already started were kept", removed),
                               removed, kept);
  else
    message = g_strdup_printf (g_dngettext (NULL, "Removed %u proposed Deep Dive", "Removed %u proposed Deep Dives",
                                            removed), removed);
  comm_deep_dives_page_reload (self, 0);
  toast (self, message);

  return TRUE;
}

static gboolean
focus_in_list (CommDeepDivesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus == NULL || !GTK_IS_EDITABLE (focus);
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommDeepDivesPage *self = COMM_DEEP_DIVES_PAGE (widget);
  CommDeepDiveRow *row = comm_deep_dives_page_get_selected (self);

  if (row == NULL)
    return;

  /* A contract with no Deep Dive this year: plan one first. */
  if (comm_deep_dive_row_get_deep_dive_id (row) == 0)
    comm_deep_dives_page_plan (self, row);
  else
    comm_deep_dives_page_open_deep_dive (self, comm_deep_dive_row_get_deep_dive_id (row));
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommDeepDivesPage *self = COMM_DEEP_DIVES_PAGE (widget);
  CommDeepDiveRow *row = comm_deep_dives_page_get_selected (self);

  if (row != NULL)
    comm_deep_dives_page_plan (self, row);
}

static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CommDeepDivesPage *self = COMM_DEEP_DIVES_PAGE (widget);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *year = comm_financial_year_label (self->year);
  g_autofree char *message = NULL;
  guint n_created = 0;
  GDate today;

  if (database == NULL)
    return;

  /* In a year already under way, spread them over the months still to come. */
  comm_date_today (&today);
  proposals = comm_deep_dive_schedule_propose_from (database, self->year, &today, &error);
  if (proposals == NULL || !comm_deep_dive_schedule_apply (database, self->year, proposals, &n_created, &error))
    {
      comm_page_show_error (COMM_PAGE (self), _("The schedule could not be proposed"), error);
      return;
    }

  if (proposals->len == 0)
    {
      message = g_strdup_printf (_("Every active contract already has a Deep Dive in %s"), year);
      toast (self, message);
      return;
    }

  for (guint i = 0; i < proposals->len; i++)
    {
      CommDeepDiveProposal *proposal = g_ptr_array_index (proposals, i);
      gint64 id = comm_deep_dive_find (database, proposal->contract_id, self->year);

      if (id != 0)
        g_array_append_val (ids, id);
    }

  comm_deep_dives_page_reload (self, 0);
  message = g_strdup_printf (g_dngettext (NULL, "Planned %u Deep Dive across %s", "Planned %u Deep Dives across %s",
                                          n_created), n_created, year);
  comm_deep_dives_page_push_undo (self, ids, message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  comm_deep_dives_page_undo_newest (COMM_DEEP_DIVES_PAGE (widget));
}

static void
templates_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CommDatabase *database = comm_page_get_database (COMM_PAGE (widget));
  GtkRoot *root = gtk_widget_get_root (widget);
  CommDeepDiveTemplatesDialog *dialog;

  if (database == NULL)
    return;

  dialog = comm_deep_dive_templates_dialog_new (database);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The selected contract's Deep Dive of the year shown, in the Reports dialog: preview, PDF, print. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CommDeepDivesPage *self = COMM_DEEP_DIVES_PAGE (widget);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  CommDeepDiveRow *row = comm_deep_dives_page_get_selected (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  CommReportDialog *dialog;

  if (database == NULL || row == NULL || comm_deep_dive_row_get_deep_dive_id (row) == 0)
    return;

  dialog = comm_report_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, database);
  comm_report_dialog_select_report (dialog, "deep-dive");
  comm_report_dialog_select_contract (dialog, comm_deep_dive_row_get_contract_reference (row));
  comm_report_dialog_set_year (dialog, self->year);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  comm_deep_dives_page_focus_search (COMM_DEEP_DIVES_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  comm_deep_dives_page_clear_filters (COMM_DEEP_DIVES_PAGE (widget));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CommDeepDivesPage *self = COMM_DEEP_DIVES_PAGE (widget);

  if (focus_in_list (self) || g_str_equal (action_name, "deep-dives.show-actions") ||
      g_str_equal (action_name, "deep-dives.show-schedule"))
    comm_deep_dives_page_show_actions (self, g_str_equal (action_name, "deep-dives.show-actions"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommDeepDivesPage *self = COMM_DEEP_DIVES_PAGE (widget);

  comm_deep_dives_export_choose (COMM_PAGE (self), self->year,
                                 g_str_equal (action_name, "deep-dives.export-actions"));
}

/* The plan dialog */

static gboolean
save_plan (PlanData  *data,
           GError   **error)
{
  CommDatabase *database = comm_page_get_database (COMM_PAGE (data->page));
  const char *reviewer = gtk_editable_get_text (GTK_EDITABLE (data->reviewer_row));
  const char *contact = gtk_editable_get_text (GTK_EDITABLE (data->contact_row));
  gint64 id = comm_deep_dive_row_get_deep_dive_id (data->row);
  g_autofree char *date = NULL;

  if (database == NULL)
    return TRUE;
  if (!comm_date_input_parse (gtk_editable_get_text (GTK_EDITABLE (data->date_row)), &date, error))
    return FALSE;

  if (id == 0)
    {
      id = comm_deep_dive_create (database, comm_deep_dive_row_get_contract_id (data->row),
                                  data->page->year, date, *reviewer != '\0' ? reviewer : NULL, error);
      return id != 0 && comm_deep_dive_set_people (database, id, NULL, NULL, contact, NULL, error);
    }

  if (g_strcmp0 (date, comm_deep_dive_row_get_scheduled_on (data->row)) != 0 &&
      !comm_deep_dive_set_scheduled_on (database, id, date, NULL, error))
    return FALSE;

  return comm_deep_dive_set_people (database, id, reviewer, NULL, contact, NULL, error);
}

static void
on_plan_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlanData         *data)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (!save_plan (data, &error))
    comm_page_show_error (COMM_PAGE (data->page), _("The Deep Dive could not be planned"), error);
  comm_deep_dives_page_reload (data->page, comm_deep_dive_row_get_contract_id (data->row));
}

static AdwEntryRow *
add_entry_row (GtkListBox *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (list, row);

  return ADW_ENTRY_ROW (row);
}

/* Class and public */

void
comm_deep_dives_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "deep-dives.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.plan", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.propose", NULL, propose_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.templates", NULL, templates_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.show-schedule", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.show-actions", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.export-schedule", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "deep-dives.export-actions", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "deep-dives.plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "deep-dives.print", NULL);
}

void
comm_deep_dives_page_update_actions (CommDeepDivesPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  gboolean writable = database != NULL && !comm_database_is_read_only (database);
  gboolean schedule = !gtk_toggle_button_get_active (self->actions_toggle);
  gboolean selected = schedule && comm_deep_dives_page_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (widget, "deep-dives.open", selected);
  gtk_widget_action_set_enabled (widget, "deep-dives.plan", selected && writable);
  gtk_widget_action_set_enabled (widget, "deep-dives.print",
                                 selected && comm_deep_dive_row_get_deep_dive_id (comm_deep_dives_page_get_selected (self)) != 0);
  gtk_widget_action_set_enabled (widget, "deep-dives.propose", writable && schedule);
  gtk_widget_action_set_enabled (widget, "deep-dives.undo", self->undo != NULL && !comm_undo_stack_is_empty (self->undo));
  gtk_widget_action_set_enabled (widget, "deep-dives.templates", database != NULL);
  gtk_widget_action_set_enabled (widget, "deep-dives.export-schedule", database != NULL);
  gtk_widget_action_set_enabled (widget, "deep-dives.export-actions", database != NULL);
}

void
comm_deep_dives_page_push_undo (CommDeepDivesPage *self,
                                GArray            *created_ids,
                                const char        *message)
{
  UndoRecord *record = g_new0 (UndoRecord, 1);

  record->ids = g_array_ref (created_ids);
  record->year = self->year;
  if (self->undo == NULL)
    self->undo = comm_undo_stack_new (undo_record, undo_record_free, undo_changed, self);
  comm_undo_stack_push (self->undo, record, COMM_PAGE (self), message);
}

gboolean
comm_deep_dives_page_undo_newest (CommDeepDivesPage *self)
{
  return self->undo != NULL && comm_undo_stack_undo_newest (self->undo);
}

void
comm_deep_dives_page_clear_undo (CommDeepDivesPage *self)
{
  if (self->undo != NULL)
    comm_undo_stack_clear (self->undo);
}

GtkWindow *
comm_deep_dives_page_plan (CommDeepDivesPage *self,
                           CommDeepDiveRow   *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean exists = comm_deep_dive_row_get_deep_dive_id (row) != 0;
  g_autofree char *body = NULL;
  g_autofree char *date = NULL;
  GtkWidget *dialog, *list;
  PlanData *data;

  g_return_val_if_fail (COMM_IS_DEEP_DIVE_ROW (row), NULL);

  date = exists ? comm_date_iso_to_display (comm_deep_dive_row_get_scheduled_on (row)) : g_strdup ("");
  /* Translators: a contract in a dialog: "CON-001 · Young Carers Service · Carers Trust" */
  body = g_strdup_printf (_("%s · %s · %s"), comm_deep_dive_row_get_contract_reference (row),
                          comm_deep_dive_row_get_contract_title (row), comm_deep_dive_row_get_provider_name (row));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   exists ? _("Date, Reviewer and Contact") : _("Plan a Deep Dive"), body);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  data = g_new0 (PlanData, 1);
  data->page = g_object_ref (self);
  data->row = g_object_ref (row);
  data->date_row = add_entry_row (GTK_LIST_BOX (list), _("_Date (blank: not fixed yet)"), date);
  data->reviewer_row = add_entry_row (GTK_LIST_BOX (list), _("_Lead reviewer"),
                                      exists ? comm_deep_dive_row_get_lead_reviewer (row)
                                             : comm_deep_dive_row_get_lead_commissioner (row));
  data->contact_row = add_entry_row (GTK_LIST_BOX (list), _("Provider _contact"),
                                     comm_deep_dive_row_get_provider_contact (row));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", exists ? _("_Save") : _("_Plan"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_plan_response_cb), data,
                         plan_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (data->date_row));

  return GTK_WINDOW (dialog);
}
