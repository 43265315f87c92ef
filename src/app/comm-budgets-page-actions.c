/* comm-budgets-page-actions.c: the Budgets tab's actions - new budget, contracts, scenarios,
 * roll forward, exports and reports
 *
 * Each dialog only gathers what the user types; the work is done by the functions below it
 * (comm_budgets_page_create_budget ...), which the tests call directly. Small forms are message
 * dialogs with entry rows that check what is typed as it is typed, so their main button is only
 * enabled when it can succeed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budget-contract-picker.h"
#include "comm-budgets-page-private.h"
#include "comm-report-dialog.h"

typedef char     *(*FormCheck) (const char *first, const char *second, gboolean *ok);
typedef gboolean  (*FormApply) (CommBudgetsPage *self, const char *first, const char *second,
                                GError **error);

typedef struct {
  CommBudgetsPage *page;
  AdwEntryRow     *first;
  AdwEntryRow     *second;
  GtkLabel        *message;
  FormCheck        check;
  FormApply        apply;
  char            *error_heading;
} Form;

static void
form_free (Form *form)
{
  g_object_unref (form->page);
  g_free (form->error_heading);
  g_free (form);
}

static void
form_closure_free (gpointer data,
                   GClosure *closure)
{
  form_free (data);
}

static GtkWindow *
parent_window (CommBudgetsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const char *
row_text (AdwEntryRow *row)
{
  return row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
}

static void
on_form_changed_cb (GtkEditable *editable,
                    Form        *form)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (form->message), ADW_TYPE_MESSAGE_DIALOG);
  gboolean ok = FALSE;
  g_autofree char *message = form->check (row_text (form->first), row_text (form->second), &ok);

  gtk_label_set_text (form->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (form->message), message != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply", ok);
}

static void
on_form_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Form             *form)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;
  if (!form->apply (form->page, row_text (form->first), row_text (form->second), &error))
    comm_page_show_error (COMM_PAGE (form->page), form->error_heading, error);
}

static AdwEntryRow *
form_row (GtkWidget  *list,
          Form       *form,
          const char *title,
          const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "changed", G_CALLBACK (on_form_changed_cb), form);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return ADW_ENTRY_ROW (row);
}

/* A small form over the window: one or two entries, checked as typed. */
static void
run_form (CommBudgetsPage *self,
          const char      *heading,
          const char      *body,
          const char      *first_title,
          const char      *first_text,
          const char      *second_title,
          const char      *second_text,
          const char      *apply_label,
          const char      *error_heading,
          FormCheck        check,
          FormApply        apply)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  Form *form = g_new0 (Form, 1);

  form->page = g_object_ref (self);
  form->check = check;
  form->apply = apply;
  form->error_heading = g_strdup (error_heading);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  form->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (form->message, TRUE);
  gtk_label_set_xalign (form->message, 0);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->message));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "apply", apply_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_form_response_cb), form,
                         form_closure_free, 0);

  form->first = form_row (list, form, first_title, NULL);
  if (second_title != NULL)
    form->second = form_row (list, form, second_title, NULL);
  gtk_editable_set_text (GTK_EDITABLE (form->first), first_text != NULL ? first_text : "");
  if (form->second != NULL)
    gtk_editable_set_text (GTK_EDITABLE (form->second), second_text != NULL ? second_text : "");
  on_form_changed_cb (NULL, form);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* New budget */

static char *
check_new_budget (const char *programme,
                  const char *year,
                  gboolean   *ok)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;
  g_autofree char *name = g_strstrip (g_strdup (programme));
  int start = 0;

  if (!comm_budget_parse_year (year, &start, &normalised, &error))
    return g_strdup (error->message);
  *ok = *name != '\0';
  if (!*ok)
    return g_strdup (_("Name the programme, e.g. “Early Help and Prevention”."));

  return g_steal_pointer (&normalised);
}

static gboolean
apply_new_budget (CommBudgetsPage  *self,
                  const char       *programme,
                  const char       *year,
                  GError          **error)
{
  return comm_budgets_page_create_budget (self, programme, year, error);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CommBudgetsPage *self = COMM_BUDGETS_PAGE (widget);
  g_autofree char *year = NULL;
  GDate today;

  comm_date_today (&today);
  year = comm_financial_year_label (comm_financial_year_of (&today) + 1);
  run_form (self, _("New Budget"),
            _("A budget is for one programme and one financial year (1 April to 31 March)."),
            _("Programme"), comm_budgets_page_get_programme (self),
            _("Financial year, e.g. 2027-28"), year,
            _("_Create"), _("Could not make the budget"),
            check_new_budget, apply_new_budget);
}

/* Scenarios and roll forward */

static char *
check_scenario (const char *name,
                const char *unused,
                gboolean   *ok)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  *ok = *stripped != '\0';
  return *ok ? NULL : g_strdup (_("Name the scenario, e.g. “10% cut” or “grant ends”."));
}

static gboolean
apply_scenario (CommBudgetsPage  *self,
                const char       *name,
                const char       *unused,
                GError          **error)
{
  return comm_budgets_page_copy_scenario (self, name, error);
}

static void
copy_scenario_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_form (COMM_BUDGETS_PAGE (widget), _("Copy to Scenario"),
            _("The scenario starts as a copy of this budget; change it without touching the budget."),
            _("Scenario name"), NULL, NULL, NULL,
            _("_Copy"), _("Could not make the scenario"), check_scenario, apply_scenario);
}

static char *
check_change (const char *change,
              const char *unused,
              gboolean   *ok)
{
  g_autoptr(GError) error = NULL;
  gint64 thousandths = 0;

  *ok = comm_budget_parse_change (change, &thousandths, &error);

  return *ok ? NULL : g_strdup (error->message);
}

static gboolean
apply_roll_forward (CommBudgetsPage  *self,
                    const char       *change,
                    const char       *unused,
                    GError          **error)
{
  return comm_budgets_page_roll_forward (self, change, error);
}

static void
roll_forward_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  run_form (COMM_BUDGETS_PAGE (widget), _("Roll Forward to Next Year"),
            _("Next year’s budget starts from this one, with income, commitments and fixed "
              "allocations changed by a percentage: an uplift (2.5%) or a cut (-10%). "
              "Percentages are kept; commitments are taken afresh from the contracts."),
            _("Uplift or cut, e.g. 2.5% or -10%"), "0%", NULL, NULL,
            _("_Roll Forward"), _("Could not roll the budget forward"), check_change, apply_roll_forward);
}

/* Contracts */

static const CommBudget *
current_budget (CommBudgetsPage *self)
{
  return self->budget_id != 0 ? comm_budget_editor_get_budget (self->editor) : NULL;
}

static void
on_pull_picked_cb (GArray   *ids,
                   gpointer  data)
{
  CommBudgetsPage *self = data;
  g_autoptr(GError) error = NULL;
  int n = comm_budgets_page_pull_contracts (self, ids, &error);

  if (n < 0)
    comm_page_show_error (COMM_PAGE (self), _("Could not add the contracts"), error);
}

static void
pull_contracts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CommBudgetsPage *self = COMM_BUDGETS_PAGE (widget);
  const CommBudget *budget = current_budget (self);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year = NULL;
  g_autofree char *body = NULL;

  if (budget == NULL)
    return;
  candidates = comm_budget_store_list_candidates (self->db, budget, budget->year, &error);
  if (candidates == NULL)
    {
      comm_page_show_error (COMM_PAGE (self), _("Could not read the contracts"), error);
      return;
    }
  year = comm_financial_year_label (budget->year);
  /* Translators: %s is a financial year */
  body = g_strdup_printf (_("Contracts running in %s. Each one ticked becomes a commitment with "
                            "its funding for the year, or its annual value apportioned by the days "
                            "it runs in the year."), year);
  comm_budget_contract_picker_run (parent_window (self), _("Pull In Contracts"), body,
                                   _("_Add Commitments"), candidates, NULL, TRUE,
                                   on_pull_picked_cb, self);
}

typedef struct {
  CommBudgetsPage *page;
  guint            line;
} LinkData;

static void
on_link_picked_cb (GArray   *ids,
                   gpointer  data)
{
  LinkData *link = data;
  g_autoptr(GError) error = NULL;

  if (!comm_budgets_page_link_contracts (link->page, link->line, ids, &error))
    comm_page_show_error (COMM_PAGE (link->page), _("Could not link the contracts"), error);
}

static void
link_contracts (CommBudgetsPage *self,
                guint            line)
{
  const CommBudget *budget = current_budget (self);
  const CommBudgetLine *l = g_ptr_array_index (budget->lines, line);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  LinkData *link;
  GtkWindow *dialog;

  candidates = comm_budget_store_list_candidates (self->db, budget, budget->year, &error);
  if (candidates == NULL)
    {
      comm_page_show_error (COMM_PAGE (self), _("Could not read the contracts"), error);
      return;
    }
  /* Translators: %s is an allocation line, e.g. "Family support" */
  heading = g_strdup_printf (_("Contracts Spending “%s”"), l->name);
  link = g_new0 (LinkData, 1);
  link->page = self;
  link->line = line;
  dialog = comm_budget_contract_picker_run (parent_window (self), heading,
                                            _("Tick the contracts paid from this allocation, to see "
                                              "what is contracted and what is left."),
                                            _("_Link"), candidates, l->contract_ids, FALSE,
                                            on_link_picked_cb, link);
  g_object_set_data_full (G_OBJECT (dialog), "comm-link", link, g_free);
}

/* Importing a published plan: the programme and year first, then the file. */

typedef struct {
  CommBudgetsPage *page;
  char            *programme;
  char            *year;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->page);
  g_free (data->programme);
  g_free (data->year);
  g_free (data);
}

static void
on_import_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       ImportData      *data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (!comm_budgets_page_import_plan (data->page, data->programme, data->year, path, &error))
        comm_page_show_error (COMM_PAGE (data->page), _("Could not import the plan"), error);
    }
  import_data_free (data);
  g_object_unref (chooser);
}

static gboolean
apply_import_plan (CommBudgetsPage  *self,
                   const char       *programme,
                   const char       *year,
                   GError          **error)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ImportData *data = g_new0 (ImportData, 1);

  data->page = g_object_ref (self);
  data->programme = g_strdup (programme);
  data->year = g_strdup (year);
  chooser = gtk_file_chooser_native_new (_("Import Published Plan"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));

  return TRUE;
}

static void
import_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CommBudgetsPage *self = COMM_BUDGETS_PAGE (widget);

  run_form (self, _("Import Published Plan"),
            _("A CSV of the plan’s lines: the name, then the amount in pounds; a row called "
              "“Total” is the plan’s own total. Lines that don’t add up to it are kept as "
              "published and the difference is shown."),
            _("Programme"), comm_budgets_page_get_programme (self),
            _("Financial year, e.g. 2015-16"), NULL,
            _("_Choose File…"), _("Could not import the plan"),
            check_new_budget, apply_import_plan);
}

/* Saving, exports, reports */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommBudgetsPage *self = COMM_BUDGETS_PAGE (widget);

  if (comm_budgets_page_save_now (self))
    comm_budget_editor_set_save_state (self->editor, _("All changes saved"), FALSE);
  else if (comm_budget_editor_get_problem (self->editor) != NULL)
    comm_budgets_page_toast (self, comm_budget_editor_get_problem (self->editor));
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       CommBudgetsPage *self)
{
  gboolean scenarios = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "comm-scenarios"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      path = g_file_get_path (file);
      if (comm_export_budget_csv_to_file (self->db, self->budget_id, scenarios, path,
                                          COMM_CSV_WRITE_DEFAULT, NULL, &error))
        {
          g_autofree char *base = g_path_get_basename (path);
          /* Translators: %s is a file name */
          g_autofree char *text = g_strdup_printf (_("Exported “%s”"), base);

          comm_budgets_page_toast (self, text);
        }
      else
        comm_page_show_error (COMM_PAGE (self), _("Could not export the budget"), error);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommBudgetsPage *self = COMM_BUDGETS_PAGE (widget);
  gboolean scenarios = g_str_equal (action_name, "budgets.export-comparison");
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (!comm_budgets_page_save_now (self) && self->budget_id == 0)
    return;
  title = self->saved != NULL ? comm_budget_dup_title (self->saved) : g_strdup (_("Budget"));
  name = g_strdup_printf ("%s%s.csv", title, scenarios ? _(" – scenarios") : "");
  g_strdelimit (name, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (scenarios ? _("Export Scenario Comparison") : _("Export Budget"),
                                         parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "comm-scenarios", GINT_TO_POINTER (scenarios));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reports_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CommBudgetsPage *self = COMM_BUDGETS_PAGE (widget);
  CommReportDialog *dialog;

  comm_budgets_page_save_now (self);
  dialog = comm_report_dialog_new (parent_window (self), self->db);
  comm_report_dialog_select_report (dialog, g_str_equal (action_name, "budgets.reports-scenarios")
                                            ? "budget-scenarios" : "budget");
  if (self->saved != NULL)
    comm_report_dialog_set_programme (dialog, self->saved->programme_name, self->saved->year);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public API */

void
comm_budgets_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "budgets.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "budgets.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "budgets.pull-contracts", NULL, pull_contracts_action);
  gtk_widget_class_install_action (widget_class, "budgets.copy-scenario", NULL, copy_scenario_action);
  gtk_widget_class_install_action (widget_class, "budgets.roll-forward", NULL, roll_forward_action);
  gtk_widget_class_install_action (widget_class, "budgets.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "budgets.export-comparison", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "budgets.reports", NULL, reports_action);
  gtk_widget_class_install_action (widget_class, "budgets.import-plan", NULL, import_plan_action);
  gtk_widget_class_install_action (widget_class, "budgets.reports-scenarios", NULL, reports_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "budgets.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "budgets.new", NULL);
}

void
comm_budgets_page_update_actions (CommBudgetsPage *self)
{
  gboolean open = self->db != NULL && !comm_database_is_read_only (self->db);
  gboolean budget = open && self->budget_id != 0;
  gboolean base = budget && self->saved != NULL && self->saved->scenario == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.new", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.import-plan", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.save", budget);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.pull-contracts", budget);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.copy-scenario", budget);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.roll-forward", base);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.export-csv", self->budget_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.export-comparison", self->budget_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.reports", self->db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.reports-scenarios", self->db != NULL);
}

void
comm_budgets_page_on_line_action (CommBudgetsPage *self,
                                  guint            line)
{
  const CommBudget *budget = current_budget (self);
  const CommBudgetLine *l;
  g_autoptr(CommBudget) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (budget == NULL || line >= budget->lines->len)
    return;
  l = g_ptr_array_index (budget->lines, line);
  if (l->kind == COMM_BUDGET_LINE_FIXED || l->kind == COMM_BUDGET_LINE_PERCENT)
    {
      link_contracts (self, line);
      return;
    }
  if (!comm_budget_editor_is_valid (self->editor))
    {
      comm_budgets_page_toast (self, comm_budget_editor_get_problem (self->editor));
      return;
    }

  /* A flagged commitment: take the contract's figure now. */
  copy = comm_budget_copy (budget);
  if (!comm_budget_store_accept_contract (self->db, copy, line, &error))
    comm_page_show_error (COMM_PAGE (self), _("Could not update the commitment"), error);
  else if (comm_budgets_page_replace_budget (self, g_steal_pointer (&copy)))
    comm_budgets_page_toast (self, _("Commitment updated from its contract"));
}

gboolean
comm_budgets_page_create_budget (CommBudgetsPage  *self,
                                 const char       *programme,
                                 const char       *year,
                                 GError          **error)
{
  g_autoptr(CommBudget) budget = NULL;
  g_autofree char *name = g_strstrip (g_strdup (programme != NULL ? programme : ""));
  int start = 0;

  if (!comm_budget_parse_year (year, &start, NULL, error))
    return FALSE;

  comm_budgets_page_save_now (self);
  budget = comm_budget_new (name, start);
  if (!comm_budget_store_save (self->db, budget, error))
    return FALSE;

  comm_budgets_page_set_view (self, "budget");
  comm_budgets_page_show_budget (self, budget->id);
  comm_budgets_page_toast (self, _("Budget made; add its income first"));

  return TRUE;
}

int
comm_budgets_page_pull_contracts (CommBudgetsPage  *self,
                                  const GArray     *contract_ids,
                                  GError          **error)
{
  const CommBudget *budget = current_budget (self);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(CommBudget) copy = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (budget == NULL)
    return 0;
  if (!comm_budget_editor_is_valid (self->editor))
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("First put right the lines marked in the budget; then add the contracts."));
      return -1;
    }
  candidates = comm_budget_store_list_candidates (self->db, budget, budget->year, error);
  if (candidates == NULL)
    return -1;

  copy = comm_budget_copy (budget);
  n = comm_budget_add_commitments (copy, candidates, contract_ids);
  if (n == 0)
    {
      comm_budgets_page_toast (self, _("No contracts to add: those running in the year are in the budget already"));
      return 0;
    }
  if (!comm_budgets_page_replace_budget (self, g_steal_pointer (&copy)))
    return 0;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u commitment added from the contracts register",
                                       "%u commitments added from the contracts register", n), n);
  comm_budgets_page_toast (self, text);

  return (int) n;
}

gboolean
comm_budgets_page_link_contracts (CommBudgetsPage  *self,
                                  guint             line,
                                  const GArray     *contract_ids,
                                  GError          **error)
{
  const CommBudget *budget = current_budget (self);
  g_autoptr(CommBudget) copy = NULL;
  CommBudgetLine *l;

  if (budget == NULL || line >= budget->lines->len)
    return TRUE;
  if (!comm_budget_editor_is_valid (self->editor))
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("First put right the lines marked in the budget; then link the contracts."));
      return FALSE;
    }

  copy = comm_budget_copy (budget);
  l = g_ptr_array_index (copy->lines, line);
  g_array_set_size (l->contract_ids, 0);
  if (contract_ids != NULL)
    g_array_append_vals (l->contract_ids, contract_ids->data, contract_ids->len);

  return comm_budgets_page_replace_budget (self, g_steal_pointer (&copy));
}

gboolean
comm_budgets_page_copy_scenario (CommBudgetsPage  *self,
                                 const char       *name,
                                 GError          **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *text = NULL;
  gint64 new_id = 0;

  if (self->budget_id == 0)
    return TRUE;
  if (!comm_budgets_page_save_now (self) && comm_budget_editor_get_problem (self->editor) != NULL)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID, "%s", comm_budget_editor_get_problem (self->editor));
      return FALSE;
    }
  if (!comm_budget_store_copy_scenario (self->db, self->budget_id, stripped, &new_id, error))
    return FALSE;

  comm_budgets_page_show_budget (self, new_id);
  /* Translators: %s is a scenario's name */
  text = g_strdup_printf (_("Scenario “%s” made; it is the budget shown now"), stripped);
  comm_budgets_page_toast (self, text);

  return TRUE;
}

gboolean
comm_budgets_page_roll_forward (CommBudgetsPage  *self,
                                const char       *change,
                                GError          **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *text = NULL;
  gint64 thousandths = 0;
  gint64 new_id = 0;

  if (self->budget_id == 0)
    return TRUE;
  if (!comm_budget_parse_change (change, &thousandths, error))
    return FALSE;
  comm_budgets_page_save_now (self);
  if (!comm_budget_store_roll_forward (self->db, self->budget_id, thousandths, &new_id, &changes, error))
    return FALSE;

  comm_budgets_page_set_view (self, "budget");
  comm_budgets_page_show_budget (self, new_id);
  text = changes != NULL && changes->len > 0
    ? g_strdup_printf (_("Rolled forward. %s"), (const char *) g_ptr_array_index (changes, 0))
    : g_strdup (_("Rolled forward to next year"));
  comm_budgets_page_toast (self, text);

  return TRUE;
}

gboolean
comm_budgets_page_import_plan (CommBudgetsPage  *self,
                               const char       *programme,
                               const char       *year,
                               const char       *path,
                               GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = g_strstrip (g_strdup (programme != NULL ? programme : ""));
  int start = 0;
  gint64 new_id = 0;

  if (!comm_budget_parse_year (year, &start, NULL, error))
    return FALSE;
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;
  comm_budgets_page_save_now (self);
  if (!comm_budget_store_import_plan (self->db, name, start, G_INPUT_STREAM (stream), &new_id, NULL, error))
    return FALSE;

  comm_budgets_page_set_view (self, "budget");
  comm_budgets_page_show_budget (self, new_id);
  comm_budgets_page_toast (self, _("Plan imported as it was published"));

  return TRUE;
}
