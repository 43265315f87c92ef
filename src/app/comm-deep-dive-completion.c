/* comm-deep-dive-completion.c: the last page of a Deep Dive - grade, lessons, variation, sign-off
 *
 * The grade is saved when chosen, lessons learnt and the variation half a second after the last
 * key (and when the page is left or the window closes). A variation written here is "agreed" and
 * the page links to the contract it varies. Signing off itself is the editor's action
 * ("deep-dive.sign-off"): this page holds the name and date it uses.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-date-input.h"
#include "comm-deep-dive-completion.h"
#include "comm-editor-support.h"

#define AUTOSAVE_DELAY_MS 500

struct _CommDeepDiveCompletion
{
  AdwBin         parent_instance;

  GtkLabel      *summary_label;
  AdwComboRow   *grade_row;
  GtkTextView   *lessons_view;
  GtkTextView   *variation_view;
  AdwActionRow  *contract_row;
  AdwPreferencesGroup *signoff_group;
  AdwEntryRow   *signer_row;
  AdwEntryRow   *date_row;
  GtkLabel      *date_hint;
  GtkLabel      *problem_label;
  GtkWidget     *signoff_button;

  CommDatabase  *database;
  CommDeepDive  *dive;          /* the editor's */
  guint          autosave_source;
  gboolean       text_pending;
  gboolean       loading;
  gboolean       read_only;
};

enum { CHANGED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommDeepDiveCompletion, comm_deep_dive_completion, ADW_TYPE_BIN)

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
save (CommDeepDiveCompletion *self)
{
  CommGrade grade = (CommGrade) adw_combo_row_get_selected (self->grade_row);
  g_autofree char *lessons = text_of (self->lessons_view);
  g_autofree char *variation = text_of (self->variation_view);
  g_autofree char *trimmed = g_strstrip (g_strdup (variation));
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (grade >= COMM_N_GRADES)
    grade = COMM_GRADE_NONE;

  if (!comm_deep_dive_save_conclusion (self->database, self->dive->id, grade, lessons, variation,
                                       *trimmed != '\0', &self->dive->revision, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return FALSE;
    }

  self->dive->grade = grade;
  g_free (self->dive->lessons);
  self->dive->lessons = g_steal_pointer (&lessons);
  g_free (self->dive->variation);
  self->dive->variation = g_steal_pointer (&variation);
  self->dive->variation_agreed = *trimmed != '\0';
  self->text_pending = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

static gboolean
on_autosave_cb (gpointer user_data)
{
  CommDeepDiveCompletion *self = user_data;

  self->autosave_source = 0;
  save (self);

  return G_SOURCE_REMOVE;
}

static void
on_text_changed_cb (CommDeepDiveCompletion *self)
{
  if (self->loading)
    return;

  self->text_pending = TRUE;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add (AUTOSAVE_DELAY_MS, on_autosave_cb, self);
}

static void
on_grade_changed_cb (CommDeepDiveCompletion *self)
{
  if (!self->loading && !self->read_only)
    save (self);
}

static void
on_signoff_changed_cb (CommDeepDiveCompletion *self)
{
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  if (!comm_date_input_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &iso, NULL))
    {
      gtk_label_set_text (self->date_hint, _("Not a date"));
      comm_editor_mark (GTK_WIDGET (self->date_row), TRUE);
      return;
    }

  shown = comm_date_input_describe (iso);
  gtk_label_set_text (self->date_hint, shown);
  comm_editor_mark (GTK_WIDGET (self->date_row), FALSE);
}

static void
fill (CommDeepDiveCompletion *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);
  g_autofree char *contract = NULL;
  g_autofree char *today_shown = NULL;
  const char *real_name = g_get_real_name ();
  GDate today;

  for (int g = 0; g < COMM_N_GRADES; g++)
    gtk_string_list_append (grades, comm_grade_to_label ((CommGrade) g));

  /* Translators: the contract a Deep Dive reviewed: reference, title, provider */
  contract = g_strdup_printf (_("%s · %s · %s"), self->dive->contract_reference,
                              self->dive->contract_title, self->dive->provider_name);
  comm_date_today (&today);
  today_shown = comm_date_format_display (&today);

  self->loading = TRUE;
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));
  adw_combo_row_set_selected (self->grade_row, self->dive->grade);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->lessons_view), self->dive->lessons, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->variation_view), self->dive->variation, -1);
  adw_action_row_set_subtitle (self->contract_row, contract);
  if (*self->dive->signed_off_by != '\0')
    {
      g_autofree char *signed_on = comm_date_iso_to_display (self->dive->signed_off_on);

      gtk_editable_set_text (GTK_EDITABLE (self->signer_row), self->dive->signed_off_by);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), signed_on);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->signer_row),
                             real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0 && *real_name != '\0'
                             ? real_name : g_get_user_name ());
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_shown);
    }
  self->loading = FALSE;
  on_signoff_changed_cb (self);
  comm_deep_dive_completion_update (self);
}

/* Overrides */

static void
comm_deep_dive_completion_unmap (GtkWidget *widget)
{
  comm_deep_dive_completion_flush (COMM_DEEP_DIVE_COMPLETION (widget));

  GTK_WIDGET_CLASS (comm_deep_dive_completion_parent_class)->unmap (widget);
}

static void
comm_deep_dive_completion_dispose (GObject *object)
{
  CommDeepDiveCompletion *self = COMM_DEEP_DIVE_COMPLETION (object);

  if (self->dive != NULL && self->text_pending)
    comm_deep_dive_completion_flush (self);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_DEEP_DIVE_COMPLETION);
  g_clear_object (&self->database);
  self->dive = NULL;

  G_OBJECT_CLASS (comm_deep_dive_completion_parent_class)->dispose (object);
}

static void
comm_deep_dive_completion_class_init (CommDeepDiveCompletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_deep_dive_completion_dispose;
  widget_class->unmap = comm_deep_dive_completion_unmap;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-deep-dive-completion.ui");
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, grade_row);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, lessons_view);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, variation_view);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, contract_row);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, signoff_group);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, signer_row);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, date_row);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, date_hint);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveCompletion, signoff_button);
  gtk_widget_class_bind_template_callback (widget_class, on_grade_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_signoff_changed_cb);
}

static void
comm_deep_dive_completion_init (CommDeepDiveCompletion *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->lessons_view), "changed",
                           G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->variation_view), "changed",
                           G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public */

CommDeepDiveCompletion *
comm_deep_dive_completion_new (CommDatabase *database,
                               CommDeepDive *dive)
{
  CommDeepDiveCompletion *self = g_object_new (COMM_TYPE_DEEP_DIVE_COMPLETION, NULL);

  self->database = g_object_ref (database);
  self->dive = dive;
  fill (self);

  return self;
}

void
comm_deep_dive_completion_set_read_only (CommDeepDiveCompletion *self,
                                         gboolean                read_only)
{
  g_return_if_fail (COMM_IS_DEEP_DIVE_COMPLETION (self));

  self->read_only = read_only;
  gtk_widget_set_sensitive (GTK_WIDGET (self->grade_row), !read_only);
  gtk_text_view_set_editable (self->lessons_view, !read_only);
  gtk_text_view_set_editable (self->variation_view, !read_only);
  gtk_text_view_set_cursor_visible (self->lessons_view, !read_only);
  gtk_text_view_set_cursor_visible (self->variation_view, !read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->signer_row), !read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->date_row), !read_only);
  gtk_widget_set_visible (self->signoff_button, !read_only);
}

void
comm_deep_dive_completion_update (CommDeepDiveCompletion *self)
{
  g_autofree char *text = NULL;
  guint judged = 0, total = 0;

  g_return_if_fail (COMM_IS_DEEP_DIVE_COMPLETION (self));

  comm_deep_dive_get_progress (self->dive, &judged, &total);
  if (*self->dive->signed_off_on != '\0')
    {
      g_autofree char *on = comm_date_iso_to_display (self->dive->signed_off_on);

      text = g_strdup_printf (_("Signed off by %s on %s. All %u areas were judged."),
                              self->dive->signed_off_by, on, total);
    }
  else if (judged < total)
    text = g_strdup_printf (g_dngettext (NULL, "%u of %u area judged. Every area needs a judgement, and the Deep Dive a grade, before it can be signed off.",
                                         "%u of %u areas judged. Every area needs a judgement, and the Deep Dive a grade, before it can be signed off.", total),
                            judged, total);
  else
    text = g_strdup_printf (_("All %u areas judged. Give the overall grade, then sign the Deep Dive off."), total);

  gtk_label_set_text (self->summary_label, text);
}

gboolean
comm_deep_dive_completion_flush (CommDeepDiveCompletion *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_COMPLETION (self), FALSE);

  if (!self->text_pending || self->dive == NULL || self->read_only)
    return TRUE;

  return save (self);
}

char *
comm_deep_dive_completion_dup_signer (CommDeepDiveCompletion *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_COMPLETION (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->signer_row))));
}

gboolean
comm_deep_dive_completion_get_date (CommDeepDiveCompletion  *self,
                                    char                   **iso,
                                    GError                 **error)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_COMPLETION (self), FALSE);

  return comm_date_input_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), iso, error);
}

void
comm_deep_dive_completion_show_problem (CommDeepDiveCompletion *self,
                                        const char             *message)
{
  g_return_if_fail (COMM_IS_DEEP_DIVE_COMPLETION (self));

  comm_editor_show_message (self->problem_label, message);
}

void
comm_deep_dive_completion_focus (CommDeepDiveCompletion *self)
{
  g_return_if_fail (COMM_IS_DEEP_DIVE_COMPLETION (self));

  gtk_widget_grab_focus (self->read_only ? GTK_WIDGET (self->lessons_view) : GTK_WIDGET (self->grade_row));
}

AdwComboRow *
comm_deep_dive_completion_get_grade_row (CommDeepDiveCompletion *self)
{
  return self->grade_row;
}

GtkTextView *
comm_deep_dive_completion_get_lessons_view (CommDeepDiveCompletion *self)
{
  return self->lessons_view;
}

GtkTextView *
comm_deep_dive_completion_get_variation_view (CommDeepDiveCompletion *self)
{
  return self->variation_view;
}
