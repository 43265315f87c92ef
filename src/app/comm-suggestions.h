/* comm-suggestions.h: a drop-down button of suggested values for a free-text field */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkMenuButton whose popover lists @suggestions (NULL-terminated, shown as given); picking
 * one puts it in @target. The field stays free text. @accessible_label names the button for
 * screen readers ("Service area suggestions"). */
GtkWidget *comm_suggestions_button_new (GtkEditable        *target,
                                        const char * const *suggestions,
                                        const char         *accessible_label);

G_END_DECLS
