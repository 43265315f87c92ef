/* comm-plan-view.c: the commissioning plan, one view of the Budgets tab
 *
 * A year selector over the years that have intentions (and this year and next), the year's
 * intentions on the left (activate one to edit it in CommPlanViewEditor), and on the right a
 * stack: the timeline of milestones across this year and the next (with the same content as a
 * table), the milestones due in the next 30 days or overdue (overdue first), and the demand
 * figures. Everything reloads from the workspace after each change.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-plan-view.h"
#include "comm-plan-view-editor.h"
#include "comm-plan-view-timeline.h"
#include "comm-report-dialog.h"

#define DUE_WITHIN_DAYS 30

struct _CommPlanView
{
  GtkWidget             parent_instance;

  CommDatabase         *database;
  int                   year;
  GArray               *years;          /* int, in the dropdown's order */
  GPtrArray            *intentions;     /* CommPlanIntention* of the year */
  GDate                 today;
  gboolean              filling_years;

  GtkWidget            *main_box;
  GtkDropDown          *year_dropdown;
  GtkLabel             *summary_label;
  GtkListBox           *intention_list;
  CommPlanViewTimeline *timeline;
  GtkListBox           *timeline_table;
  GtkListBox           *due_list;
  GtkGrid              *demand_grid;
  GtkStack             *view_stack;
};

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CommPlanView, comm_plan_view, GTK_TYPE_WIDGET)

static const char *
status_icon (CommPlanStatus status)
{
  switch (status)
    {
    case COMM_PLAN_STATUS_COMPLETE:
      return "emblem-ok-symbolic";
    case COMM_PLAN_STATUS_AT_RISK:
      return "dialog-warning-symbolic";
    case COMM_PLAN_STATUS_DELAYED:
      return "alarm-symbolic";
    case COMM_PLAN_STATUS_ON_TRACK:
      return "media-playback-start-symbolic";
    case COMM_PLAN_STATUS_NOT_STARTED:
    default:
      return "content-loading-symbolic";
    }
}

static const char *
state_icon (CommPlanMilestoneState state)
{
  switch (state)
    {
    case COMM_PLAN_MILESTONE_DONE:
      return "emblem-ok-symbolic";
    case COMM_PLAN_MILESTONE_OVERDUE:
      return "dialog-warning-symbolic";
    case COMM_PLAN_MILESTONE_DUE:
      return "alarm-symbolic";
    case COMM_PLAN_MILESTONE_UPCOMING:
    default:
      return "x-office-calendar-symbolic";
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* An icon and a word side by side: state never shown by colour alone. */
static GtkWidget *
badge_new (const char *icon_name,
           const char *text,
           const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  return box;
}

static const char *
state_class (CommPlanMilestoneState state)
{
  return state == COMM_PLAN_MILESTONE_OVERDUE ? "error"
         : state == COMM_PLAN_MILESTONE_DUE ? "warning"
         : state == COMM_PLAN_MILESTONE_DONE ? "success" : NULL;
}

static GtkWidget *
intention_row_new (const CommPlanIntention *intention,
                   const GDate             *today)
{
  GtkWidget *row = adw_action_row_new ();
  const CommPlanUpdate *latest = comm_plan_intention_get_latest_update (intention);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  guint overdue = 0;
  g_autofree char *name = g_strdup_printf ("intention-%" G_GINT64_FORMAT, intention->id);

  for (guint i = 0; i < intention->milestones->len; i++)
    if (comm_plan_milestone_get_state (g_ptr_array_index (intention->milestones, i), today, DUE_WITHIN_DAYS)
        == COMM_PLAN_MILESTONE_OVERDUE)
      overdue++;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), intention->title);
  g_string_append (subtitle, *intention->area != '\0' ? comm_choice_label (comm_service_areas (), intention->area)
                                                     : _("No area given"));
  if (*intention->lead != '\0')
    g_string_append_printf (subtitle, " · %s", intention->lead);
  if (overdue > 0)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append_printf (subtitle, ngettext ("%u milestone overdue", "%u milestones overdue", overdue), overdue);
    }
  if (latest != NULL)
    {
      g_autofree char *date = comm_date_iso_to_display (latest->date);

      /* Translators: the latest progress update: its date, then its text */
      g_string_append_printf (subtitle, _("\nLatest, %s: %s"), date, latest->text);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             badge_new (status_icon (intention->status), comm_plan_status_to_label (intention->status),
                                        intention->status == COMM_PLAN_STATUS_AT_RISK
                                        || intention->status == COMM_PLAN_STATUS_DELAYED ? "warning" : NULL));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, name);
  g_object_set_data (G_OBJECT (row), "intention-id", GINT_TO_POINTER ((int) intention->id));
  return row;
}

static GtkWidget *
milestone_row_new (const CommPlanMilestoneEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = comm_date_iso_to_display (entry->target_date);
  g_autofree char *title = g_strdup_printf ("%s — %s", date, entry->name);
  g_autofree char *state = NULL;

  if (entry->state == COMM_PLAN_MILESTONE_OVERDUE)
    state = g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", -entry->days), -entry->days);
  else if (entry->state == COMM_PLAN_MILESTONE_DUE)
    state = entry->days == 0 ? g_strdup (_("Due today"))
            : g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", entry->days), entry->days);
  else
    state = g_strdup (comm_plan_milestone_state_to_label (entry->state));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->intention_title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge_new (state_icon (entry->state), state, state_class (entry->state)));
  return row;
}

static void
fill_years (CommPlanView *self)
{
  g_autoptr(GArray) stored = comm_plan_store_list_years (self->database, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  int current = comm_financial_year_of (&self->today);
  int first = MIN (current - 1, self->year), last = MAX (current + 1, self->year);

  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      first = MIN (first, g_array_index (stored, int, i));
      last = MAX (last, g_array_index (stored, int, i));
    }
  self->filling_years = TRUE;
  /* The same years: only the selection moves (the list is not replaced under an open popover) */
  if (self->years->len == 0 || g_array_index (self->years, int, 0) != first ||
      g_array_index (self->years, int, self->years->len - 1) != last)
    {
      g_array_set_size (self->years, 0);
      for (int year = first; year <= last; year++)
        {
          g_autofree char *label = comm_financial_year_label (year);

          g_array_append_val (self->years, year);
          gtk_string_list_append (labels, label);
        }
      gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
    }
  gtk_drop_down_set_selected (self->year_dropdown, (guint) (self->year - first));
  self->filling_years = FALSE;
}

static void
fill_intentions (CommPlanView *self)
{
  g_autofree char *year = comm_financial_year_label (self->year);
  g_autofree char *empty = g_strdup_printf (_("No commissioning intentions for %s yet. Add one with “Add Intention”."), year);
  GtkWidget *placeholder = gtk_label_new (empty);
  guint by_status[COMM_PLAN_N_STATUSES] = { 0 };
  g_autofree char *summary = NULL;

  clear_list (self->intention_list);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->intention_list, placeholder);
  for (guint i = 0; i < self->intentions->len; i++)
    {
      const CommPlanIntention *intention = g_ptr_array_index (self->intentions, i);

      by_status[intention->status]++;
      gtk_list_box_append (self->intention_list, intention_row_new (intention, &self->today));
    }
  summary = g_strdup_printf (ngettext ("%u intention: %u on track, %u at risk, %u delayed, %u complete",
                                       "%u intentions: %u on track, %u at risk, %u delayed, %u complete",
                                       self->intentions->len),
                             self->intentions->len, by_status[COMM_PLAN_STATUS_ON_TRACK],
                             by_status[COMM_PLAN_STATUS_AT_RISK], by_status[COMM_PLAN_STATUS_DELAYED],
                             by_status[COMM_PLAN_STATUS_COMPLETE]);
  gtk_label_set_text (self->summary_label, summary);
}

static void
fill_milestones (CommPlanView *self)
{
  g_autoptr(GPtrArray) timeline = comm_plan_store_timeline (self->database, self->year, self->year + 1,
                                                            &self->today, NULL);
  g_autoptr(GPtrArray) due = comm_plan_store_list_due (self->database, &self->today, DUE_WITHIN_DAYS,
                                                       self->year, NULL);

  if (timeline == NULL)
    timeline = g_ptr_array_new ();
  comm_plan_view_timeline_set_entries (self->timeline, timeline, self->year, self->year + 1, &self->today);
  clear_list (self->timeline_table);
  for (guint i = 0; i < timeline->len; i++)
    gtk_list_box_append (self->timeline_table, milestone_row_new (g_ptr_array_index (timeline, i)));

  clear_list (self->due_list);
  gtk_list_box_set_placeholder (self->due_list, gtk_label_new (_("No milestone is due in the next 30 days or overdue.")));
  for (guint i = 0; due != NULL && i < due->len; i++)
    gtk_list_box_append (self->due_list, milestone_row_new (g_ptr_array_index (due, i)));
}

static void
attach_label (GtkGrid    *grid,
              const char *text,
              int         column,
              int         row,
              gboolean    header,
              gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), !header);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  if (g_str_equal (text, "—"))
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("No figure"), -1);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
fill_demand (CommPlanView *self)
{
  g_autoptr(GPtrArray) figures = comm_demand_store_list (self->database, NULL);
  g_autoptr(CommDemandTable) table = NULL;
  GtkWidget *child;
  guint n_years;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->demand_grid))) != NULL)
    gtk_grid_remove (self->demand_grid, child);
  if (figures == NULL || figures->len == 0)
    {
      attach_label (self->demand_grid, _("No demand figures yet: import them from a CSV file."), 0, 0, FALSE, FALSE);
      return;
    }
  table = comm_demand_table_new (figures);
  n_years = comm_demand_table_get_n_years (table);
  attach_label (self->demand_grid, _("Measure"), 0, 0, TRUE, FALSE);
  for (guint c = 0; c < n_years; c++)
    {
      g_autofree char *year = comm_financial_year_label (comm_demand_table_get_year (table, c));

      attach_label (self->demand_grid, year, (int) c + 1, 0, TRUE, TRUE);
    }
  for (guint r = 0; r < comm_demand_table_get_n_measures (table); r++)
    {
      attach_label (self->demand_grid, comm_demand_table_get_measure (table, r), 0, (int) r + 1, FALSE, FALSE);
      for (guint c = 0; c < n_years; c++)
        {
          gint64 value;
          g_autofree char *text = comm_demand_table_get_value (table, r, c, &value)
                                  ? comm_demand_format_value (value) : g_strdup ("—");

          attach_label (self->demand_grid, text, (int) c + 1, (int) r + 1, FALSE, TRUE);
        }
    }
}

static void
show_error (CommPlanView *self,
            const char   *heading,
            const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_editor_saved_cb (CommPlanViewEditor *editor,
                    gint64              id,
                    CommPlanView       *self)
{
  g_autoptr(CommPlanIntention) saved = comm_plan_store_get (self->database, id, NULL);

  if (saved != NULL && saved->year != self->year)
    comm_plan_view_set_year (self, saved->year);
  else
    comm_plan_view_reload (self);
}

static void
on_editor_deleted_cb (CommPlanViewEditor *editor,
                      gint64              id,
                      CommPlanView       *self)
{
  comm_plan_view_reload (self);
}

static void
open_editor (CommPlanView            *self,
             const CommPlanIntention *intention)
{
  CommPlanViewEditor *editor = comm_plan_view_editor_new (self->database, intention, self->year);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_editor_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_row_activated_cb (CommPlanView  *self,
                     GtkListBoxRow *row)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "intention-id"));

  for (guint i = 0; i < self->intentions->len; i++)
    if (((CommPlanIntention *) g_ptr_array_index (self->intentions, i))->id == id)
      open_editor (self, g_ptr_array_index (self->intentions, i));
}

static void
on_year_selected_cb (CommPlanView *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->filling_years || selected >= self->years->len)
    return;
  if (g_array_index (self->years, int, selected) != self->year)
    comm_plan_view_set_year (self, g_array_index (self->years, int, selected));
}

static void
on_import_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       CommPlanView    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT && self->database != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      in = g_file_read (file, NULL, &error);
      if (in == NULL || !comm_demand_import_csv (self->database, G_INPUT_STREAM (in), NULL, &n, &error))
        show_error (self, _("The demand figures were not imported"), error->message);
      else
        {
          comm_plan_view_reload (self);
          gtk_stack_set_visible_child_name (self->view_stack, "demand");
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
plan_add_intention (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CommPlanView *self = COMM_PLAN_VIEW (widget);

  if (self->database != NULL)
    open_editor (self, NULL);
}

static void
plan_report (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommPlanView *self = COMM_PLAN_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CommReportDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = comm_report_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database);
  comm_report_dialog_select_report (dialog, "plan");
  comm_report_dialog_set_programme (dialog, NULL, self->year);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
plan_import_demand (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CommPlanView *self = COMM_PLAN_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->database == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Demand Figures"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
comm_plan_view_dispose (GObject *object)
{
  CommPlanView *self = COMM_PLAN_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_PLAN_VIEW);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (comm_plan_view_parent_class)->dispose (object);
}

static void
comm_plan_view_finalize (GObject *object)
{
  CommPlanView *self = COMM_PLAN_VIEW (object);

  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->intentions, g_ptr_array_unref);

  G_OBJECT_CLASS (comm_plan_view_parent_class)->finalize (object);
}

static void
comm_plan_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CommPlanView *self = COMM_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_plan_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CommPlanView *self = COMM_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      comm_plan_view_set_database (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      comm_plan_view_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_plan_view_class_init (CommPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_plan_view_dispose;
  object_class->finalize = comm_plan_view_finalize;
  object_class->get_property = comm_plan_view_get_property;
  object_class->set_property = comm_plan_view_set_property;

  properties[PROP_DATABASE] = g_param_spec_object ("database", NULL, NULL, COMM_TYPE_DATABASE,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 1990, 2100, 2026,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COMM_TYPE_PLAN_VIEW_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CommPlanView, main_box);
  gtk_widget_class_bind_template_child (widget_class, CommPlanView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CommPlanView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CommPlanView, intention_list);
  gtk_widget_class_bind_template_child (widget_class, CommPlanView, timeline);
  gtk_widget_class_bind_template_child (widget_class, CommPlanView, timeline_table);
  gtk_widget_class_bind_template_child (widget_class, CommPlanView, due_list);
  gtk_widget_class_bind_template_child (widget_class, CommPlanView, demand_grid);
  gtk_widget_class_bind_template_child (widget_class, CommPlanView, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-intention", NULL, plan_add_intention);
  gtk_widget_class_install_action (widget_class, "plan.import-demand", NULL, plan_import_demand);
  gtk_widget_class_install_action (widget_class, "plan.report", NULL, plan_report);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
comm_plan_view_init (CommPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->intentions = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_plan_intention_free);
  g_date_clear (&self->today, 1);
  comm_date_today (&self->today);
  self->year = comm_financial_year_of (&self->today);
  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Commissioning plan"), -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-intention", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.import-demand", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.report", FALSE);
}

GtkWidget *
comm_plan_view_new (void)
{
  return g_object_new (COMM_TYPE_PLAN_VIEW, NULL);
}

void
comm_plan_view_set_database (CommPlanView *self,
                             CommDatabase *db)
{
  g_return_if_fail (COMM_IS_PLAN_VIEW (self));
  g_return_if_fail (db == NULL || COMM_IS_DATABASE (db));

  g_set_object (&self->database, db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-intention", db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.import-demand", db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.report", db != NULL);
  comm_plan_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

CommDatabase *
comm_plan_view_get_database (CommPlanView *self)
{
  g_return_val_if_fail (COMM_IS_PLAN_VIEW (self), NULL);
  return self->database;
}

void
comm_plan_view_reload (CommPlanView *self)
{
  g_autoptr(GPtrArray) intentions = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (COMM_IS_PLAN_VIEW (self));

  comm_date_today (&self->today);
  g_ptr_array_set_size (self->intentions, 0);
  if (self->database == NULL)
    {
      clear_list (self->intention_list);
      clear_list (self->due_list);
      clear_list (self->timeline_table);
      return;
    }
  intentions = comm_plan_store_list (self->database, self->year, &error);
  if (intentions == NULL)
    {
      show_error (self, _("The commissioning plan could not be read"), error->message);
      return;
    }
  g_ptr_array_extend_and_steal (self->intentions, g_steal_pointer (&intentions));
  fill_years (self);
  fill_intentions (self);
  fill_milestones (self);
  fill_demand (self);
}

void
comm_plan_view_set_year (CommPlanView *self,
                         int           year)
{
  g_return_if_fail (COMM_IS_PLAN_VIEW (self));
  g_return_if_fail (year >= 1990 && year <= 2100);

  if (self->year == year)
    return;
  self->year = year;
  comm_plan_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
comm_plan_view_get_year (CommPlanView *self)
{
  g_return_val_if_fail (COMM_IS_PLAN_VIEW (self), 0);
  return self->year;
}
