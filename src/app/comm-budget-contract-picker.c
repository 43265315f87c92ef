/* comm-budget-contract-picker.c: tick contracts running in a budget's year */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budget-contract-picker.h"

typedef struct {
  GPtrArray           *candidates;
  GPtrArray           *checks;     /* GtkCheckButton*, one per candidate */
  CommContractsPicked  picked;
  gpointer             user_data;
} Picker;

static void
picker_free (Picker *picker)
{
  g_ptr_array_unref (picker->candidates);
  g_ptr_array_unref (picker->checks);
  g_free (picker);
}

static void
picker_closure_free (gpointer data,
                     GClosure *closure)
{
  picker_free (data);
}

static gboolean
array_has (const GArray *ids,
           gint64        id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static char *
describe (const CommBudgetCandidate *c)
{
  g_autofree char *amount = comm_money_format (c->amount);
  g_autofree char *start = comm_date_iso_to_display (c->start_date);
  g_autofree char *end = comm_date_iso_to_display (c->end_date);
  g_autofree char *source = NULL;

  if (c->source == COMM_COMMITMENT_APPORTIONED)
    /* Translators: a part-year contract's figure: days it runs of the days in the year */
    source = g_strdup_printf (_("apportioned: %d of %d days"), c->days, c->days_in_year);
  else
    source = g_strdup (comm_commitment_source_to_label (c->source));

  /* Translators: a contract offered for a budget: provider · start – end · figure (source) */
  return g_strdup_printf (_("%s · %s – %s · %s (%s)"),
                          c->provider_name != NULL ? c->provider_name : "",
                          start, end, amount, source);
}

static GtkWidget *
make_row (Picker                    *picker,
          const CommBudgetCandidate *c,
          gboolean                   ticked,
          gboolean                   locked)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s – %s", c->reference, c->title);
  g_autofree char *subtitle = describe (c);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (locked)
    {
      g_autofree char *full = g_strdup_printf ("%s\n%s", subtitle, _("Already in the budget"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), full);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked || locked);
  gtk_widget_set_sensitive (check, !locked);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (picker->checks, locked ? NULL : check);

  return row;
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Picker           *picker)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (g_strcmp0 (response, "apply") != 0)
    return;

  for (guint i = 0; i < picker->candidates->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (picker->checks, i);
      const CommBudgetCandidate *c = g_ptr_array_index (picker->candidates, i);

      if (check != NULL && gtk_check_button_get_active (check))
        g_array_append_val (ids, c->contract_id);
    }
  picker->picked (ids, picker->user_data);
}

GtkWindow *
comm_budget_contract_picker_run (GtkWindow           *parent,
                                 const char          *heading,
                                 const char          *body,
                                 const char          *apply_label,
                                 GPtrArray           *candidates,
                                 const GArray        *ticked,
                                 gboolean             lock_linked,
                                 CommContractsPicked  picked,
                                 gpointer             user_data)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  Picker *picker = g_new0 (Picker, 1);

  picker->candidates = g_ptr_array_ref (candidates);
  picker->checks = g_ptr_array_new ();
  picker->picked = picked;
  picker->user_data = user_data;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < candidates->len; i++)
    {
      const CommBudgetCandidate *c = g_ptr_array_index (candidates, i);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           make_row (picker, c, array_has (ticked, c->contract_id),
                                     lock_linked && c->linked));
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN (420, 70 * (int) MAX (candidates->len, 1)));
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", apply_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), picker,
                         picker_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
