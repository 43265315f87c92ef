/* comm-meetings-editor.c: a contract's monitoring meetings, with a form to record one
 *
 * Like the RAG history: meetings already saved are the record and are shown read-only; a meeting
 * recorded in this session can be taken back until the contract is saved.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-date-input.h"
#include "comm-meetings-editor.h"

struct _CommMeetingsEditor
{
  AdwPreferencesGroup  parent_instance;

  AdwExpanderRow      *add_row;
  AdwEntryRow         *date_row;
  GtkLabel            *date_hint;
  AdwEntryRow         *note_row;
  GtkButton           *add_button;
  GtkLabel            *errors_label;

  GPtrArray           *meetings;  /* CommMeeting*, not owned */
  GPtrArray           *rows;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommMeetingsEditor, comm_meetings_editor, ADW_TYPE_PREFERENCES_GROUP)

static void rebuild_rows (CommMeetingsEditor *self);

static void
on_remove_clicked_cb (GtkButton          *button,
                      CommMeetingsEditor *self)
{
  CommMeeting *meeting = g_object_get_data (G_OBJECT (button), "comm-meeting");

  g_ptr_array_remove (self->meetings, meeting);
  rebuild_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
make_meeting_row (CommMeetingsEditor *self,
                  CommMeeting        *meeting)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = comm_date_iso_to_display (meeting->held_on);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (meeting->note != NULL && *meeting->note != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), meeting->note);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));

  if (meeting->id == 0)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Take back this meeting (it is not saved yet)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove meeting"),
                                      -1);
      g_object_set_data (G_OBJECT (remove), "comm-meeting", meeting);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }

  return row;
}

static void
rebuild_rows (CommMeetingsEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; self->meetings != NULL && i < self->meetings->len; i++)
    {
      GtkWidget *row = make_meeting_row (self, g_ptr_array_index (self->meetings, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_form_changed_cb (CommMeetingsEditor *self,
                    AdwEntryRow        *row)
{
  g_autofree char *iso = NULL;
  g_autofree char *hint = NULL;
  gboolean ok;

  ok = comm_date_input_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &iso, NULL) && *iso != '\0';
  hint = ok ? comm_date_input_describe (iso) : g_strdup (_("Not a date"));
  gtk_label_set_text (self->date_hint, hint);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), ok);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
on_add_clicked_cb (CommMeetingsEditor *self,
                   GtkButton          *button)
{
  if (comm_meetings_editor_add (self, gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                gtk_editable_get_text (GTK_EDITABLE (self->note_row))))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
      adw_expander_row_set_expanded (self->add_row, FALSE);
    }
}

static void
comm_meetings_editor_dispose (GObject *object)
{
  CommMeetingsEditor *self = COMM_MEETINGS_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_MEETINGS_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);

  G_OBJECT_CLASS (comm_meetings_editor_parent_class)->dispose (object);
}

static void
comm_meetings_editor_class_init (CommMeetingsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_meetings_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-meetings-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CommMeetingsEditor, add_row);
  gtk_widget_class_bind_template_child (widget_class, CommMeetingsEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, CommMeetingsEditor, date_hint);
  gtk_widget_class_bind_template_child (widget_class, CommMeetingsEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, CommMeetingsEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, CommMeetingsEditor, errors_label);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
comm_meetings_editor_init (CommMeetingsEditor *self)
{
  g_autofree char *today_iso = NULL;
  GDate today;

  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  comm_date_today (&today);
  today_iso = comm_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_iso);
}

GtkWidget *
comm_meetings_editor_new (void)
{
  return g_object_new (COMM_TYPE_MEETINGS_EDITOR, NULL);
}

void
comm_meetings_editor_set_meetings (CommMeetingsEditor *self,
                                   GPtrArray          *meetings)
{
  g_return_if_fail (COMM_IS_MEETINGS_EDITOR (self));
  g_return_if_fail (meetings != NULL);

  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  self->meetings = g_ptr_array_ref (meetings);
  rebuild_rows (self);
}

gboolean
comm_meetings_editor_add (CommMeetingsEditor *self,
                          const char         *held_on,
                          const char         *note)
{
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;
  guint position = 0;

  g_return_val_if_fail (COMM_IS_MEETINGS_EDITOR (self), FALSE);
  g_return_val_if_fail (self->meetings != NULL, FALSE);

  if (!comm_date_input_parse (held_on, &iso, NULL) || *iso == '\0')
    return FALSE;

  while (position < self->meetings->len &&
         g_strcmp0 (((CommMeeting *) g_ptr_array_index (self->meetings, position))->held_on, iso) > 0)
    position++;

  text = g_strstrip (g_strdup (note != NULL ? note : ""));
  g_ptr_array_insert (self->meetings, (int) position, comm_meeting_new (iso, text));
  rebuild_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

void
comm_meetings_editor_show_problems (CommMeetingsEditor *self,
                                    GPtrArray          *problems)
{
  g_autoptr(GString) messages = g_string_new (NULL);

  g_return_if_fail (COMM_IS_MEETINGS_EDITOR (self));

  for (guint i = 0; i < problems->len; i++)
    {
      CommProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_has_prefix (problem->field, "meeting"))
        g_string_append_printf (messages, "%s%s", messages->len > 0 ? "\n" : "", problem->message);
    }

  gtk_label_set_text (self->errors_label, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), messages->len > 0);
}
