/* comm-risk-editor.c: the window that edits one risk (or makes a new one)
 *
 * Every change is read back into a working copy at once. Ratings that cannot be read (a 6 on a
 * 5 x 5 scale, "H/L") mark their row and give the core's message; then comm_risk_validate()
 * checks the copy as a whole (an owner for a high risk, a review date after the raised date ...).
 * The first problem is shown at the bottom and Save stays disabled until there is none. A failed
 * save keeps the window and everything typed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-date-input.h"
#include "comm-editor-support.h"
#include "comm-risk-cells.h"
#include "comm-risk-editor.h"
#include "comm-risk-rating-input.h"
#include "comm-risk-review-dialog.h"
#include "comm-risk-store.h"
#include "comm-suggestions.h"

struct _CommRiskEditor
{
  AdwWindow         parent_instance;

  AdwWindowTitle   *window_title;
  AdwEntryRow      *title_row;
  AdwEntryRow      *reference_row;
  AdwEntryRow      *owner_row;
  AdwEntryRow      *category_row;
  AdwComboRow      *status_row;
  AdwEntryRow      *cause_row;
  AdwEntryRow      *consequence_row;
  AdwEntryRow      *inherent_l_row;
  AdwEntryRow      *inherent_i_row;
  AdwActionRow     *inherent_score_row;
  GtkTextView      *controls_view;
  AdwComboRow      *response_row;
  AdwEntryRow      *residual_l_row;
  AdwEntryRow      *residual_i_row;
  AdwActionRow     *residual_score_row;
  AdwEntryRow      *target_l_row;
  AdwEntryRow      *target_i_row;
  AdwEntryRow      *raised_row;
  GtkLabel         *raised_hint;
  AdwEntryRow      *review_row;
  GtkLabel         *review_hint;
  GtkSpinButton    *frequency_spin;
  AdwComboRow      *contract_row;
  AdwPreferencesGroup *reviews_group;
  GtkListBox       *history_list;
  GtkRevealer      *problem_revealer;
  GtkLabel         *problem_label;

  CommDatabase     *database;
  CommRiskRegister *reg;
  CommRisk         *working;
  GArray           *contract_ids;  /* gint64, parallel to the contract combo's items */
  char             *problem;
  GDate             today;
  gboolean          is_new;
  gboolean          dirty;
  gboolean          loading;
};

enum { SAVED, REVIEWS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommRiskEditor, comm_risk_editor, ADW_TYPE_WINDOW)

static const char * const categories[] = {
  N_("Financial"), N_("Safeguarding"), N_("Service delivery"), N_("Market and providers"),
  N_("Procurement"), N_("Legal and compliance"), N_("Reputation"), N_("Workforce"),
  N_("Data and information"), N_("Partnership"), NULL
};

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
fill_contracts (CommRiskEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListStore) contracts = NULL;
  guint selected = 0;
  gint64 none = 0;

  contracts = comm_contract_store_list (self->database, &self->today, NULL);
  gtk_string_list_append (labels, _("No linked contract"));
  g_array_append_val (self->contract_ids, none);
  for (guint i = 0; contracts != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (contracts)); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (contracts), i);
      gint64 id = comm_contract_get_id (contract);
      /* Translators: a contract in a list: reference and title */
      g_autofree char *label = g_strdup_printf (_("%s %s"), comm_contract_get_reference (contract),
                                                comm_contract_get_title (contract));

      if (id == self->working->contract_id)
        selected = self->contract_ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->contract_ids, id);
    }

  /* A linked contract that has since been deleted stays linked. */
  if (self->working->contract_id != 0 && selected == 0)
    {
      g_autofree char *label = g_strdup_printf (_("%s (deleted)"), self->working->contract_reference);

      selected = self->contract_ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->contract_ids, self->working->contract_id);
    }

  adw_combo_row_set_model (self->contract_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->contract_row, selected);
}

static void
fill_choices (CommRiskEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) responses = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) translated = g_ptr_array_new ();

  gtk_string_list_append (statuses, comm_risk_status_label (COMM_RISK_STATUS_OPEN));
  gtk_string_list_append (statuses, comm_risk_status_label (COMM_RISK_STATUS_CLOSED));
  for (int r = COMM_RISK_RESPONSE_TOLERATE; r <= COMM_RISK_RESPONSE_TERMINATE; r++)
    gtk_string_list_append (responses, comm_risk_response_label (r));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->response_row, G_LIST_MODEL (responses));

  for (guint i = 0; categories[i] != NULL; i++)
    g_ptr_array_add (translated, (gpointer) _(categories[i]));
  g_ptr_array_add (translated, NULL);
  adw_entry_row_add_suffix (self->category_row,
                            comm_suggestions_button_new (GTK_EDITABLE (self->category_row),
                                                         (const char * const *) translated->pdata,
                                                         _("Category suggestions")));
  comm_risk_rating_input_setup (self->inherent_l_row, self->reg->scale);
  comm_risk_rating_input_setup (self->inherent_i_row, self->reg->scale);
  comm_risk_rating_input_setup (self->residual_l_row, self->reg->scale);
  comm_risk_rating_input_setup (self->residual_i_row, self->reg->scale);
  comm_risk_rating_input_setup (self->target_l_row, self->reg->scale);
  comm_risk_rating_input_setup (self->target_i_row, self->reg->scale);
}

static void
fill_fields (CommRiskEditor *self)
{
  CommRisk *r = self->working;

  set_entry (self->title_row, r->title);
  set_entry (self->reference_row, r->reference);
  set_entry (self->owner_row, r->owner);
  set_entry (self->category_row, r->category);
  adw_combo_row_set_selected (self->status_row, r->status);
  set_entry (self->cause_row, r->cause);
  set_entry (self->consequence_row, r->consequence);
  comm_risk_rating_input_set (self->inherent_l_row, &r->inherent_likelihood);
  comm_risk_rating_input_set (self->inherent_i_row, &r->inherent_impact);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->controls_view), r->controls, -1);
  adw_combo_row_set_selected (self->response_row, r->response);
  comm_risk_rating_input_set (self->residual_l_row, &r->residual_likelihood);
  comm_risk_rating_input_set (self->residual_i_row, &r->residual_impact);
  comm_risk_rating_input_set (self->target_l_row, &r->target_likelihood);
  comm_risk_rating_input_set (self->target_i_row, &r->target_impact);
  set_entry (self->raised_row, r->raised_on);
  set_entry (self->review_row, r->review_due);
  gtk_spin_button_set_value (self->frequency_spin, r->review_months);
  fill_contracts (self);
}

/* Reads one rating row; the first unreadable one gives the problem. */
static void
read_rating (CommRiskEditor *self,
             AdwEntryRow    *row,
             CommRiskAxis    axis,
             gboolean        optional,
             CommRiskRating *out,
             char          **problem)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = comm_risk_rating_input_read (row, self->reg->scale, axis, optional, out, &error);

  comm_editor_mark (GTK_WIDGET (row), !ok);
  if (!ok && *problem == NULL)
    *problem = g_strdup_printf ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), error->message);
}

static void
read_date (AdwEntryRow  *row,
           GtkLabel     *hint,
           char        **field,
           char        **problem)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *described = NULL;
  gboolean ok = comm_date_input_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &iso, &error);

  comm_editor_mark (GTK_WIDGET (row), !ok);
  if (!ok)
    {
      gtk_label_set_text (hint, "");
      if (*problem == NULL)
        *problem = g_strdup (error->message);
      return;
    }

  described = comm_date_input_describe (iso);
  gtk_label_set_text (hint, described);
  comm_risk_set_text (field, iso);
}

static void
read_texts (CommRiskEditor *self)
{
  CommRisk *r = self->working;
  g_autofree char *controls = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->controls_view);
  GtkTextIter begin, end;
  guint contract = adw_combo_row_get_selected (self->contract_row);
  struct { AdwEntryRow *row; char **field; } texts[] = {
    { self->title_row, &r->title }, { self->reference_row, &r->reference },
    { self->owner_row, &r->owner }, { self->category_row, &r->category },
    { self->cause_row, &r->cause }, { self->consequence_row, &r->consequence },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = entry_text (texts[i].row);

      comm_risk_set_text (texts[i].field, text);
    }
  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  controls = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
  comm_risk_set_text (&r->controls, controls);

  r->status = adw_combo_row_get_selected (self->status_row) == 1 ? COMM_RISK_STATUS_CLOSED : COMM_RISK_STATUS_OPEN;
  r->response = MIN (adw_combo_row_get_selected (self->response_row), COMM_RISK_RESPONSE_TERMINATE);
  r->review_months = (guint) gtk_spin_button_get_value_as_int (self->frequency_spin);
  r->contract_id = contract < self->contract_ids->len ? g_array_index (self->contract_ids, gint64, contract) : 0;
}

static void
show_scores (CommRiskEditor *self)
{
  CommRisk *r = self->working;
  g_autofree char *inherent = comm_risk_cell_rating_text (&r->inherent_likelihood, &r->inherent_impact);
  g_autofree char *residual = comm_risk_cell_rating_text (&r->residual_likelihood, &r->residual_impact);

  adw_action_row_set_subtitle (self->inherent_score_row, *inherent != '\0' ? inherent : _("—"));
  adw_action_row_set_subtitle (self->residual_score_row, *residual != '\0' ? residual : _("Not assessed"));
}

static void
revalidate (CommRiskEditor *self)
{
  CommRisk *r = self->working;
  g_autoptr(GError) error = NULL;
  CommRiskBands bands;
  char *problem = NULL;

  read_texts (self);
  read_rating (self, self->inherent_l_row, COMM_RISK_AXIS_LIKELIHOOD, TRUE, &r->inherent_likelihood, &problem);
  read_rating (self, self->inherent_i_row, COMM_RISK_AXIS_IMPACT, TRUE, &r->inherent_impact, &problem);
  read_rating (self, self->residual_l_row, COMM_RISK_AXIS_LIKELIHOOD, TRUE, &r->residual_likelihood, &problem);
  read_rating (self, self->residual_i_row, COMM_RISK_AXIS_IMPACT, TRUE, &r->residual_impact, &problem);
  read_rating (self, self->target_l_row, COMM_RISK_AXIS_LIKELIHOOD, TRUE, &r->target_likelihood, &problem);
  read_rating (self, self->target_i_row, COMM_RISK_AXIS_IMPACT, TRUE, &r->target_impact, &problem);
  read_date (self->raised_row, self->raised_hint, &r->raised_on, &problem);
  read_date (self->review_row, self->review_hint, &r->review_due, &problem);
  comm_risk_refresh_derived (r, &self->today);

  comm_risk_register_get_bands (self->reg, &bands);
  if (problem == NULL && !comm_risk_validate (r, self->reg->scale, &bands, &self->today, &error))
    problem = g_strdup (error->message);

  g_free (self->problem);
  self->problem = problem;
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", problem == NULL);
  show_scores (self);
}

static void
load_history (CommRiskEditor *self)
{
  g_autoptr(GPtrArray) reviews = NULL;

  if (self->working->id != 0)
    reviews = comm_risk_store_list_reviews (self->database, self->working->id, NULL);
  comm_risk_review_history_fill (self->history_list, reviews);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-review", self->working->id != 0);
}

static void
on_field_changed_cb (CommRiskEditor *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  revalidate (self);
}

static void
on_field_notify_cb (CommRiskEditor *self)
{
  on_field_changed_cb (self);
}

static gboolean
on_close_request_cb (CommRiskEditor *self)
{
  if (!self->dirty)
    return FALSE;

  comm_editor_confirm_discard (GTK_WINDOW (self), _("The changes to this risk have not been saved."));
  return TRUE;
}

static void
on_review_saved_cb (CommRiskReviewDialog *dialog,
                    CommRiskEditor       *self)
{
  g_autoptr(CommRisk) fresh = comm_risk_store_get (self->database, self->working->id, &self->today, NULL);

  /* The review set the residual ratings and the review date: show them (unsaved typing in
   * other fields stays). */
  if (fresh != NULL)
    {
      self->loading = TRUE;
      comm_risk_rating_input_set (self->residual_l_row, &fresh->residual_likelihood);
      comm_risk_rating_input_set (self->residual_i_row, &fresh->residual_impact);
      set_entry (self->review_row, fresh->review_due);
      self->loading = FALSE;
      revalidate (self);
    }
  load_history (self);
  g_signal_emit (self, signals[REVIEWS_CHANGED], 0);
}

static void
add_review_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CommRiskEditor *self = COMM_RISK_EDITOR (widget);
  g_autoptr(CommRisk) stored = NULL;
  CommRiskReviewDialog *dialog;

  if (self->working->id == 0)
    return;

  stored = comm_risk_store_get (self->database, self->working->id, &self->today, NULL);
  dialog = comm_risk_review_dialog_new (self->database, stored != NULL ? stored : self->working);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_review_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommRiskEditor *self = COMM_RISK_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  revalidate (self);
  if (self->problem != NULL)
    return;

  if (!comm_risk_store_save (self->database, self->working, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The risk was not saved. %s Nothing you typed has been lost."),
                                                  error->message);

      gtk_label_set_text (self->problem_label, message);
      gtk_revealer_set_reveal_child (self->problem_revealer, TRUE);
      return;
    }

  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, self->working);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommRiskEditor *self = COMM_RISK_EDITOR (widget);

  if (self->dirty)
    comm_editor_confirm_discard (GTK_WINDOW (self), _("The changes to this risk have not been saved."));
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
comm_risk_editor_dispose (GObject *object)
{
  CommRiskEditor *self = COMM_RISK_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_RISK_EDITOR);
  g_clear_object (&self->working);
  g_clear_object (&self->reg);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (comm_risk_editor_parent_class)->dispose (object);
}

static void
comm_risk_editor_finalize (GObject *object)
{
  CommRiskEditor *self = COMM_RISK_EDITOR (object);

  g_clear_pointer (&self->contract_ids, g_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (comm_risk_editor_parent_class)->finalize (object);
}

static void
comm_risk_editor_class_init (CommRiskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_risk_editor_dispose;
  object_class->finalize = comm_risk_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, COMM_TYPE_RISK);
  signals[REVIEWS_CHANGED] = g_signal_new ("reviews-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-risk-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CommRiskEditor, name)
  BIND (window_title); BIND (title_row); BIND (reference_row); BIND (owner_row); BIND (category_row);
  BIND (status_row); BIND (cause_row); BIND (consequence_row); BIND (inherent_l_row);
  BIND (inherent_i_row); BIND (inherent_score_row); BIND (controls_view); BIND (response_row);
  BIND (residual_l_row); BIND (residual_i_row); BIND (residual_score_row); BIND (target_l_row);
  BIND (target_i_row); BIND (raised_row); BIND (raised_hint); BIND (review_row); BIND (review_hint);
  BIND (frequency_spin); BIND (contract_row); BIND (reviews_group); BIND (history_list);
  BIND (problem_revealer); BIND (problem_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.add-review", NULL, add_review_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
comm_risk_editor_init (CommRiskEditor *self)
{
  self->contract_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  comm_date_today (&self->today);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->controls_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
}

CommRiskEditor *
comm_risk_editor_new (CommDatabase     *database,
                      CommRiskRegister *reg,
                      CommRisk         *risk)
{
  CommRiskEditor *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (COMM_IS_RISK_REGISTER (reg), NULL);
  g_return_val_if_fail (risk == NULL || COMM_IS_RISK (risk), NULL);

  self = g_object_new (COMM_TYPE_RISK_EDITOR, NULL);
  self->database = g_object_ref (database);
  self->reg = g_object_ref (reg);
  self->is_new = risk == NULL;
  if (risk != NULL)
    self->working = comm_risk_copy (risk);
  else
    {
      self->working = comm_risk_new ();
      self->working->register_id = reg->id;
      self->working->scale = reg->scale;
    }

  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Risk") : _("Edit Risk"));
  adw_window_title_set_title (self->window_title, self->is_new ? _("New Risk") : _("Edit Risk"));
  adw_window_title_set_subtitle (self->window_title, reg->name);

  self->loading = TRUE;
  fill_choices (self);
  fill_fields (self);
  self->loading = FALSE;
  revalidate (self);
  load_history (self);

  return self;
}

gboolean
comm_risk_editor_is_new (CommRiskEditor *self)
{
  g_return_val_if_fail (COMM_IS_RISK_EDITOR (self), FALSE);

  return self->is_new;
}

CommRisk *
comm_risk_editor_get_working_copy (CommRiskEditor *self)
{
  g_return_val_if_fail (COMM_IS_RISK_EDITOR (self), NULL);

  return self->working;
}

const char *
comm_risk_editor_get_problem (CommRiskEditor *self)
{
  g_return_val_if_fail (COMM_IS_RISK_EDITOR (self), NULL);

  return self->problem;
}
