/* comm-risk-rating-input.c: ratings typed into the risk editors, and the review history list */
#include "config.h"

#include <glib/gi18n.h>

#include "commissioner-core.h"
#include "comm-risk-cells.h"
#include "comm-risk-rating-input.h"
#include "comm-suggestions.h"

void
comm_risk_rating_input_setup (AdwEntryRow       *row,
                              CommRiskScaleKind  scale)
{
  static const char * const numbers[] = { "1", "2", "3", "4", "5", NULL };
  static const char * const levels[] = { "L", "L/M", "M", "M/H", "H", "L/H", NULL };
  g_autofree char *label = g_strdup_printf (_("Choose a rating for %s"),
                                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  adw_entry_row_add_suffix (row, comm_suggestions_button_new (GTK_EDITABLE (row),
                                                              scale == COMM_RISK_SCALE_5X5 ? numbers : levels,
                                                              label));
}

void
comm_risk_rating_input_set (AdwEntryRow          *row,
                            const CommRiskRating *rating)
{
  gtk_editable_set_text (GTK_EDITABLE (row), comm_risk_rating_to_display (rating));
}

gboolean
comm_risk_rating_input_read (AdwEntryRow       *row,
                             CommRiskScaleKind  scale,
                             CommRiskAxis       axis,
                             gboolean           optional,
                             CommRiskRating    *out,
                             GError           **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    {
      memset (out, 0, sizeof *out);
      out->scale = scale;
      if (optional)
        return TRUE;

      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   axis == COMM_RISK_AXIS_LIKELIHOOD ? _("Give a likelihood.") : _("Give an impact."));
      return FALSE;
    }

  return comm_risk_rating_parse (scale, axis, text, out, error);
}

static GtkWidget *
make_review_row (const CommRiskReview *review)
{
  g_autofree char *date = comm_date_iso_to_display (review->reviewed_on);
  g_autofree char *ratings = comm_risk_cell_rating_text (&review->likelihood, &review->impact);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a review in the history: "12 Oct 2026 · A. Khan" */
  title = g_strdup_printf (_("%s · %s"), date, review->reviewer);
  if (*review->note != '\0')
    /* Translators: the ratings a review set, then its note */
    subtitle = g_strdup_printf (_("Residual %s. %s"), ratings, review->note);
  else
    subtitle = g_strdup_printf (_("Residual %s."), ratings);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

void
comm_risk_review_history_fill (GtkListBox *list,
                               GPtrArray  *reviews)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    gtk_list_box_append (list, make_review_row (g_ptr_array_index (reviews, i)));

  if (reviews == NULL || reviews->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No reviews yet"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
    }
}
