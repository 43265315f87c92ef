/* comm-risk-review-dialog.c: record a review of a risk; the earlier reviews below */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-date-input.h"
#include "comm-editor-support.h"
#include "comm-risk-rating-input.h"
#include "comm-risk-review-dialog.h"
#include "comm-risk-store.h"

struct _CommRiskReviewDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  AdwEntryRow    *date_row;
  GtkLabel       *date_hint;
  AdwEntryRow    *reviewer_row;
  AdwEntryRow    *likelihood_row;
  AdwEntryRow    *impact_row;
  AdwEntryRow    *next_row;
  GtkLabel       *next_hint;
  GtkTextView    *note_view;
  GtkLabel       *error_label;
  GtkListBox     *history_list;

  CommDatabase   *database;
  CommRisk       *risk;
  CommRiskReview *review;   /* as read from the fields */
  gboolean        loading;
};

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommRiskReviewDialog, comm_risk_review_dialog, ADW_TYPE_WINDOW)

static gboolean
read_date (AdwEntryRow  *row,
           GtkLabel     *hint,
           gboolean      optional,
           char        **iso,
           GError      **error)
{
  g_autofree char *described = NULL;

  if (!comm_date_input_parse (gtk_editable_get_text (GTK_EDITABLE (row)), iso, error))
    {
      gtk_label_set_text (hint, "");
      return FALSE;
    }
  described = comm_date_input_describe (*iso);
  gtk_label_set_text (hint, described);
  if (!optional && **iso == '\0')
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID, _("Give the date of the review."));
      return FALSE;
    }

  return TRUE;
}

/* Fields -> review. Returns the first problem's message, or NULL when it can be recorded. */
static char *
read_fields (CommRiskReviewDialog *self)
{
  CommRiskReview *r = self->review;
  g_autoptr(GError) error = NULL;
  g_autofree char *reviewed_on = NULL;
  g_autofree char *next = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter begin, end;
  gboolean ok;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  g_free (r->note);
  r->note = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
  g_free (r->reviewer);
  r->reviewer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row))));

  ok = read_date (self->date_row, self->date_hint, FALSE, &reviewed_on, &error);
  comm_editor_mark (GTK_WIDGET (self->date_row), !ok);
  if (ok)
    {
      g_free (r->reviewed_on);
      r->reviewed_on = g_steal_pointer (&reviewed_on);
    }
  if (ok && !(ok = read_date (self->next_row, self->next_hint, TRUE, &next, &error)))
    comm_editor_mark (GTK_WIDGET (self->next_row), TRUE);
  if (ok)
    {
      comm_editor_mark (GTK_WIDGET (self->next_row), FALSE);
      g_free (r->next_review);
      r->next_review = g_steal_pointer (&next);
    }
  if (ok && *r->reviewer == '\0')
    {
      g_set_error (&error, COMM_ERROR, COMM_ERROR_INVALID, _("Say who reviewed the risk."));
      ok = FALSE;
    }
  comm_editor_mark (GTK_WIDGET (self->reviewer_row), ok == FALSE && *r->reviewer == '\0');
  if (ok)
    {
      ok = comm_risk_rating_input_read (self->likelihood_row, self->risk->scale, COMM_RISK_AXIS_LIKELIHOOD,
                                        FALSE, &r->likelihood, &error);
      comm_editor_mark (GTK_WIDGET (self->likelihood_row), !ok);
    }
  if (ok)
    {
      ok = comm_risk_rating_input_read (self->impact_row, self->risk->scale, COMM_RISK_AXIS_IMPACT,
                                        FALSE, &r->impact, &error);
      comm_editor_mark (GTK_WIDGET (self->impact_row), !ok);
    }

  return ok ? NULL : g_strdup (error->message);
}

static void
revalidate (CommRiskReviewDialog *self)
{
  g_autofree char *problem = read_fields (self);

  comm_editor_show_message (self->error_label, problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", problem == NULL);
}

static void
on_field_changed_cb (CommRiskReviewDialog *self)
{
  if (!self->loading)
    revalidate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommRiskReviewDialog *self = COMM_RISK_REVIEW_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = read_fields (self);

  if (problem != NULL)
    {
      comm_editor_show_message (self->error_label, problem);
      return;
    }

  self->review->risk_id = self->risk->id;
  if (!comm_risk_store_add_review (self->database, self->review, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The review was not recorded. %s"), error->message);

      comm_editor_show_message (self->error_label, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
comm_risk_review_dialog_dispose (GObject *object)
{
  CommRiskReviewDialog *self = COMM_RISK_REVIEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_RISK_REVIEW_DIALOG);
  g_clear_object (&self->database);
  g_clear_object (&self->risk);
  g_clear_pointer (&self->review, comm_risk_review_free);

  G_OBJECT_CLASS (comm_risk_review_dialog_parent_class)->dispose (object);
}

static void
comm_risk_review_dialog_class_init (CommRiskReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_risk_review_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-risk-review-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CommRiskReviewDialog, name)
  BIND (window_title); BIND (date_row); BIND (date_hint); BIND (reviewer_row); BIND (likelihood_row);
  BIND (impact_row); BIND (next_row); BIND (next_hint); BIND (note_view); BIND (error_label);
  BIND (history_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "review.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "review.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "review.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "review.cancel", NULL);
}

static void
comm_risk_review_dialog_init (CommRiskReviewDialog *self)
{
  self->review = comm_risk_review_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
}

CommRiskReviewDialog *
comm_risk_review_dialog_new (CommDatabase *database,
                             CommRisk     *risk)
{
  CommRiskReviewDialog *self;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *today = NULL;
  GDate date;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (COMM_IS_RISK (risk), NULL);

  self = g_object_new (COMM_TYPE_RISK_REVIEW_DIALOG, NULL);
  self->database = g_object_ref (database);
  self->risk = g_object_ref (risk);

  /* Translators: the review window's subtitle: the risk's reference and title */
  subtitle = g_strdup_printf (_("%s %s"), risk->reference, risk->title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  comm_risk_rating_input_setup (self->likelihood_row, risk->scale);
  comm_risk_rating_input_setup (self->impact_row, risk->scale);

  self->loading = TRUE;
  comm_date_today (&date);
  today = comm_date_to_iso (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  if (comm_risk_rating_is_set (&risk->residual_likelihood))
    {
      comm_risk_rating_input_set (self->likelihood_row, &risk->residual_likelihood);
      comm_risk_rating_input_set (self->impact_row, &risk->residual_impact);
    }
  else
    {
      comm_risk_rating_input_set (self->likelihood_row, &risk->inherent_likelihood);
      comm_risk_rating_input_set (self->impact_row, &risk->inherent_impact);
    }
  self->loading = FALSE;

  history = comm_risk_store_list_reviews (database, risk->id, &error);
  comm_risk_review_history_fill (self->history_list, history);
  revalidate (self);
  if (error != NULL)
    comm_editor_show_message (self->error_label, error->message);

  return self;
}
