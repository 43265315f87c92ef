/* comm-contract-banding-editor.c: a contract's risk and equality impact banding, with history
 *
 * DOMAIN.md: risk banding 0 (several major concerns) to 3 (no identified concerns); equality
 * impact banding 1 (high impact of a change on protected groups) to 3 (low). Each banding is
 * dated with a reason and kept; the latest is the current one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-contract-banding-editor.h"
#include "comm-date-input.h"
#include "comm-editor-support.h"

struct _CommContractBandingEditor
{
  AdwPreferencesGroup parent_instance;

  AdwActionRow       *current_row;
  AdwExpanderRow     *add_row;
  AdwComboRow        *risk_row;
  AdwComboRow        *equality_row;
  AdwEntryRow        *date_row;
  AdwEntryRow        *reason_row;
  GtkLabel           *error_label;
  GPtrArray          *history_rows;

  CommDatabase       *database;
  gint64              contract_id;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommContractBandingEditor, comm_contract_banding_editor, ADW_TYPE_PREFERENCES_GROUP)

static char *
describe (const CommContractBanding *banding)
{
  g_autofree char *date = comm_date_iso_to_display (banding->banded_on);

  /* Translators: a banding: "Risk 2 – minor concerns · Equality 3 – low impact · 12 Oct 2026" */
  return g_strdup_printf (_("Risk %s · Equality %s · %s"), comm_risk_banding_label (banding->risk_banding),
                          comm_equality_banding_label (banding->equality_banding), date);
}

static void
clear_history (CommContractBandingEditor *self)
{
  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
}

static void
show_history (CommContractBandingEditor *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  clear_history (self);
  adw_action_row_set_subtitle (self->current_row, self->contract_id == 0
                               ? _("Save the contract first; then its banding can be recorded here.")
                               : _("Not banded yet"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_row), self->contract_id != 0);
  if (self->database == NULL || self->contract_id == 0)
    return;

  history = comm_contract_banding_history (self->database, self->contract_id, &error);
  if (history == NULL)
    {
      comm_editor_show_message (self->error_label, error->message);
      return;
    }

  for (guint i = 0; i < history->len; i++)
    {
      CommContractBanding *banding = g_ptr_array_index (history, i);
      g_autofree char *text = describe (banding);
      GtkWidget *row;

      if (i == 0)
        {
          g_autofree char *current = g_strdup_printf ("%s\n%s", text, banding->reason);

          adw_action_row_set_subtitle (self->current_row, current);
          continue;
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Translators: an earlier banding in the history */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), banding->reason);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
on_record_clicked_cb (CommContractBandingEditor *self)
{
  g_autoptr(GError) error = NULL;

  comm_contract_banding_editor_record (self,
                                       (int) adw_combo_row_get_selected (self->risk_row),
                                       (int) adw_combo_row_get_selected (self->equality_row) + 1,
                                       gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                       gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                                       &error);
}

static GtkWidget *
make_combo (const char *title,
            int         first,
            int         last,
            const char *(*label) (int))
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (int b = first; b <= last; b++)
    gtk_string_list_append (labels, label (b));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));

  return row;
}

static void
build_form (CommContractBandingEditor *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Record Banding"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->risk_row = ADW_COMBO_ROW (make_combo (_("Risk banding"), COMM_RISK_BANDING_MIN, COMM_RISK_BANDING_MAX,
                                              comm_risk_banding_label));
  self->equality_row = ADW_COMBO_ROW (make_combo (_("Equality impact banding"), COMM_EQUALITY_BANDING_MIN,
                                                  COMM_EQUALITY_BANDING_MAX, comm_equality_banding_label));
  adw_combo_row_set_selected (self->risk_row, COMM_RISK_BANDING_MAX);
  adw_combo_row_set_selected (self->equality_row, COMM_EQUALITY_BANDING_MAX - 1);
  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Decided on (blank: today)"));
  self->reason_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("Reason"));
  gtk_widget_set_name (GTK_WIDGET (self->reason_row), "banding_reason_row");
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_name (button, "banding_record_button");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_record_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), button);

  self->add_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Record a new banding"));
  adw_expander_row_add_row (self->add_row, GTK_WIDGET (self->risk_row));
  adw_expander_row_add_row (self->add_row, GTK_WIDGET (self->equality_row));
  adw_expander_row_add_row (self->add_row, GTK_WIDGET (self->date_row));
  adw_expander_row_add_row (self->add_row, GTK_WIDGET (self->reason_row));
  adw_expander_row_add_row (self->add_row, box);
}

static void
comm_contract_banding_editor_dispose (GObject *object)
{
  CommContractBandingEditor *self = COMM_CONTRACT_BANDING_EDITOR (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (comm_contract_banding_editor_parent_class)->dispose (object);
}

static void
comm_contract_banding_editor_class_init (CommContractBandingEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = comm_contract_banding_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
comm_contract_banding_editor_init (CommContractBandingEditor *self)
{
  self->history_rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Risk and equality impact banding"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Risk: 0 several major concerns to 3 no identified concerns. Equality "
                                           "impact: 1 high to 3 low. Recorded at once and kept as history."));
  self->current_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), _("Current banding"));
  adw_action_row_set_subtitle_lines (self->current_row, 0);
  gtk_widget_set_name (GTK_WIDGET (self->current_row), "banding_current_row");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->current_row));
  build_form (self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->add_row));
  show_history (self);
}

GtkWidget *
comm_contract_banding_editor_new (void)
{
  return g_object_new (COMM_TYPE_CONTRACT_BANDING_EDITOR, NULL);
}

void
comm_contract_banding_editor_set_contract (CommContractBandingEditor *self,
                                           CommDatabase              *database,
                                           gint64                     contract_id)
{
  g_return_if_fail (COMM_IS_CONTRACT_BANDING_EDITOR (self));

  g_set_object (&self->database, database);
  self->contract_id = contract_id;
  show_history (self);
}

gboolean
comm_contract_banding_editor_record (CommContractBandingEditor *self,
                                     int                        risk_banding,
                                     int                        equality_banding,
                                     const char                *banded_on,
                                     const char                *reason,
                                     GError                   **error)
{
  g_autoptr(CommContractBanding) banding = NULL;
  g_autofree char *iso = NULL;
  GError *local = NULL;

  g_return_val_if_fail (COMM_IS_CONTRACT_BANDING_EDITOR (self), FALSE);

  if (self->database == NULL || self->contract_id == 0)
    return FALSE;

  if (comm_date_input_parse (banded_on, &iso, &local) && *iso == '\0')
    {
      GDate today;

      comm_date_today (&today);
      g_free (iso);
      iso = comm_date_to_iso (&today);
    }
  if (local == NULL)
    {
      banding = comm_contract_banding_new (self->contract_id, risk_banding, equality_banding, iso,
                                           reason != NULL ? reason : "");
      comm_contract_banding_add (self->database, banding, &local);
    }
  comm_editor_show_message (self->error_label, local != NULL ? local->message : NULL);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
  adw_expander_row_set_expanded (self->add_row, FALSE);
  show_history (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

static GtkWidget *
find_preferences_page (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_PAGE (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_preferences_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

CommContractBandingEditor *
comm_contract_banding_editor_attach (GtkWidget    *editor_window,
                                     CommDatabase *database,
                                     gint64        contract_id)
{
  GtkWidget *page = find_preferences_page (editor_window);
  GtkWidget *editor;

  g_return_val_if_fail (page != NULL, NULL);

  editor = comm_contract_banding_editor_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (editor));
  comm_contract_banding_editor_set_contract (COMM_CONTRACT_BANDING_EDITOR (editor), database, contract_id);

  return COMM_CONTRACT_BANDING_EDITOR (editor);
}
