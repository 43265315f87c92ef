/* comm-suggestions.c: a drop-down button of suggested values for a free-text field
 *
 * AdwEntryRow cannot take a GtkEntryCompletion, and a combo would forbid values outside the
 * list, which the domain allows (service areas, grades and funding streams vary by authority).
 */
#include "config.h"

#include "comm-suggestions.h"

#define TARGET_KEY "comm-suggestion-target"

static void
on_suggestion_clicked_cb (GtkButton *button,
                          GtkWidget *popover)
{
  GtkEditable *target = g_object_get_data (G_OBJECT (popover), TARGET_KEY);

  if (target != NULL)
    {
      gtk_editable_set_text (target, gtk_button_get_label (button));
      gtk_editable_set_position (target, -1);
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
}

GtkWidget *
comm_suggestions_button_new (GtkEditable        *target,
                             const char * const *suggestions,
                             const char         *accessible_label)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  g_return_val_if_fail (GTK_IS_EDITABLE (target), button);

  for (guint i = 0; suggestions != NULL && suggestions[i] != NULL; i++)
    {
      GtkWidget *item = gtk_button_new_with_label (suggestions[i]);

      gtk_widget_add_css_class (item, "flat");
      gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (item)), GTK_ALIGN_START);
      g_signal_connect (item, "clicked", G_CALLBACK (on_suggestion_clicked_cb), popover);
      gtk_box_append (GTK_BOX (box), item);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  g_object_set_data (G_OBJECT (popover), TARGET_KEY, target);

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  return button;
}
