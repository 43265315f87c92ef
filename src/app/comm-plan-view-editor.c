/* comm-plan-view-editor.c: the window that edits one commissioning intention
 *
 * Works on a copy: the fields and rows are read into a fresh CommPlanIntention on Save and handed
 * to comm_plan_store_save(), whose message (a missing title, a date that is not a date) is shown
 * above the fields if it refuses. Rows of milestones, updates and links: -rows.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-editor-support.h"
#include "comm-plan-view-editor-private.h"
#include "comm-suggestions.h"

struct _CommPlanViewEditor
{
  AdwWindow            parent_instance;

  CommDatabase        *database;
  CommPlanIntention   *original;   /* a copy of what was opened; id 0 for a new one */
  CommPlanEditorRows  *rows;
  gboolean             dirty;
  char                *error_text;

  AdwEntryRow         *title_row;
  AdwEntryRow         *area_row;
  AdwEntryRow         *lead_row;
  AdwEntryRow         *year_row;
  AdwComboRow         *status_row;
  GtkTextView         *outcomes_view;
  GtkLabel            *error_label;
  AdwPreferencesGroup *milestones_group;
  AdwPreferencesGroup *updates_group;
  AdwPreferencesGroup *contracts_group;
  AdwPreferencesGroup *budget_group;
  GtkWidget           *delete_button;
};

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommPlanViewEditor, comm_plan_view_editor, ADW_TYPE_WINDOW)

static void
show_error (CommPlanViewEditor *self,
            const char         *text)
{
  g_free (self->error_text);
  self->error_text = g_strdup (text != NULL ? text : "");
  comm_editor_show_message (self->error_label, self->error_text);
}

static void
on_changed_cb (CommPlanViewEditor *self)
{
  self->dirty = TRUE;
}

static void
on_add_milestone_cb (CommPlanViewEditor *self)
{
  comm_plan_editor_rows_add_milestone (self->rows, 0, "", "", NULL);
  self->dirty = TRUE;
}

static void
on_add_update_cb (CommPlanViewEditor *self)
{
  comm_plan_editor_rows_add_update (self->rows, NULL);
  self->dirty = TRUE;
}

static void
on_add_contract_cb (CommPlanViewEditor *self)
{
  comm_plan_editor_rows_add_contract (self->rows, NULL);
  self->dirty = TRUE;
}

static void
on_add_budget_cb (CommPlanViewEditor *self)
{
  comm_plan_editor_rows_add_budget (self->rows, NULL);
  self->dirty = TRUE;
}

static void
on_delete_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       CommPlanViewEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->original->id;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!comm_plan_store_delete (self->database, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  /* Not while the question (which goes with this window) is still answering */
  comm_editor_destroy_soon (GTK_WINDOW (self));
}

static void
editor_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommPlanViewEditor *self = COMM_PLAN_VIEW_EDITOR (widget);
  g_autoptr(CommPlanIntention) intention = NULL;
  g_autoptr(GError) error = NULL;

  intention = comm_plan_view_editor_read (self, &error);
  if (intention == NULL || !comm_plan_store_save (self->database, intention, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, intention->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
editor_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommPlanViewEditor *self = COMM_PLAN_VIEW_EDITOR (widget);

  if (self->dirty)
    comm_editor_confirm_discard (GTK_WINDOW (self), _("The changes to this intention have not been saved."));
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
editor_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommPlanViewEditor *self = COMM_PLAN_VIEW_EDITOR (widget);
  GtkWidget *dialog;

  if (self->original->id == 0)
    return;
  /* Translators: %s is the intention's title */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete this intention?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be removed from the plan with its milestones and progress updates. "
                                    "The contracts it links to are not changed."), self->original->title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_close_request_cb (GtkWindow *window)
{
  CommPlanViewEditor *self = COMM_PLAN_VIEW_EDITOR (window);

  if (!self->dirty)
    return FALSE;
  comm_editor_confirm_discard (window, _("The changes to this intention have not been saved."));
  return TRUE;
}

static void
load_fields (CommPlanViewEditor *self)
{
  const CommPlanIntention *intention = self->original;
  g_autofree char *year = comm_financial_year_label (intention->year);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), intention->title);
  gtk_editable_set_text (GTK_EDITABLE (self->area_row), intention->area);
  gtk_editable_set_text (GTK_EDITABLE (self->lead_row), intention->lead);
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), year);
  for (guint i = 0; i < COMM_PLAN_N_STATUSES; i++)
    gtk_string_list_append (statuses, comm_plan_status_to_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (self->status_row, intention->status);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->outcomes_view), intention->outcomes, -1);
  comm_plan_editor_rows_load (self->rows, intention);
  gtk_widget_set_visible (self->delete_button, intention->id != 0);
  gtk_window_set_title (GTK_WINDOW (self), intention->id != 0 ? _("Commissioning Intention")
                                                              : _("New Commissioning Intention"));
  self->dirty = FALSE;
}

static void
comm_plan_view_editor_dispose (GObject *object)
{
  CommPlanViewEditor *self = COMM_PLAN_VIEW_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_PLAN_VIEW_EDITOR);
  g_clear_pointer (&self->rows, comm_plan_editor_rows_free);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (comm_plan_view_editor_parent_class)->dispose (object);
}

static void
comm_plan_view_editor_finalize (GObject *object)
{
  CommPlanViewEditor *self = COMM_PLAN_VIEW_EDITOR (object);

  g_clear_pointer (&self->original, comm_plan_intention_free);
  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (comm_plan_view_editor_parent_class)->finalize (object);
}

static void
comm_plan_view_editor_class_init (CommPlanViewEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = comm_plan_view_editor_dispose;
  object_class->finalize = comm_plan_view_editor_finalize;
  window_class->close_request = on_close_request_cb;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-plan-view-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, area_row);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, outcomes_view);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, milestones_group);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, updates_group);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, contracts_group);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, budget_group);
  gtk_widget_class_bind_template_child (widget_class, CommPlanViewEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_milestone_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_update_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_contract_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_budget_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, editor_save);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, editor_cancel);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, editor_delete);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
comm_plan_view_editor_init (CommPlanViewEditor *self)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  const CommChoice *choices = comm_service_areas ();

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; choices[i].code != NULL; i++)
    g_ptr_array_add (areas, (gpointer) _(choices[i].label));
  g_ptr_array_add (areas, NULL);
  adw_entry_row_add_suffix (self->area_row,
                            comm_suggestions_button_new (GTK_EDITABLE (self->area_row),
                                                         (const char * const *) areas->pdata,
                                                         _("Service area suggestions")));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->outcomes_view), "changed",
                            G_CALLBACK (on_changed_cb), self);
}

CommPlanViewEditor *
comm_plan_view_editor_new (CommDatabase            *database,
                           const CommPlanIntention *intention,
                           int                      year)
{
  CommPlanViewEditor *self;
  g_autoptr(GListStore) contracts = NULL;
  g_autoptr(GPtrArray) budget_lines = NULL;
  GDate today;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);

  self = g_object_new (COMM_TYPE_PLAN_VIEW_EDITOR, NULL);
  self->database = g_object_ref (database);
  self->original = intention != NULL ? comm_plan_intention_copy (intention) : comm_plan_intention_new (year);
  g_date_clear (&today, 1);
  comm_date_today (&today);
  /* Lists to pick from; an error leaves the list empty (the links already made still show). */
  contracts = comm_contract_store_list (database, &today, NULL);
  budget_lines = comm_plan_store_list_budget_lines (database, self->original->year, NULL);
  self->rows = comm_plan_editor_rows_new (self->milestones_group, self->updates_group, self->contracts_group,
                                          self->budget_group, contracts != NULL ? G_LIST_MODEL (contracts) : NULL,
                                          budget_lines, G_CALLBACK (on_changed_cb), self);
  load_fields (self);
  return self;
}

guint
comm_plan_view_editor_add_milestone (CommPlanViewEditor *self,
                                     const char         *name,
                                     const char         *target,
                                     const char         *done)
{
  g_return_val_if_fail (COMM_IS_PLAN_VIEW_EDITOR (self), 0);

  self->dirty = TRUE;
  return comm_plan_editor_rows_add_milestone (self->rows, 0, name, target, done);
}

CommPlanIntention *
comm_plan_view_editor_read (CommPlanViewEditor  *self,
                            GError             **error)
{
  g_autoptr(CommPlanIntention) intention = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int year = 0;

  g_return_val_if_fail (COMM_IS_PLAN_VIEW_EDITOR (self), NULL);

  if (!comm_financial_year_parse (gtk_editable_get_text (GTK_EDITABLE (self->year_row)), &year, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->year_row), "error");
      return NULL;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->year_row), "error");
  intention = comm_plan_intention_copy (self->original);
  intention->year = year;
  g_free (intention->title);
  intention->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_free (intention->area);
  intention->area = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->area_row))));
  g_free (intention->lead);
  intention->lead = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->lead_row))));
  intention->status = MIN (adw_combo_row_get_selected (self->status_row), COMM_PLAN_N_STATUSES - 1);
  buffer = gtk_text_view_get_buffer (self->outcomes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (intention->outcomes);
  intention->outcomes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!comm_plan_editor_rows_read (self->rows, intention, error))
    return NULL;
  return g_steal_pointer (&intention);
}

const char *
comm_plan_view_editor_get_error (CommPlanViewEditor *self)
{
  g_return_val_if_fail (COMM_IS_PLAN_VIEW_EDITOR (self), "");
  return self->error_text != NULL ? self->error_text : "";
}
