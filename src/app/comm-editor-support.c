/* comm-editor-support.c: what the contract and provider editors share
 *
 * Both editors work the same way: edits go to a copy, problems are shown beside their fields as
 * you type, Save is blocked while there are any, and unsaved typing is never dropped silently.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "comm-date-input.h"
#include "comm-editor-support.h"

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

void
comm_editor_destroy_soon (GtkWindow *editor)
{
  g_return_if_fail (GTK_IS_WINDOW (editor));

  gtk_widget_set_visible (GTK_WIDGET (editor), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (editor), g_object_unref);
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GtkWindow        *editor)
{
  if (g_strcmp0 (response, "discard") == 0)
    comm_editor_destroy_soon (editor);
}

GtkWindow *
comm_editor_confirm_discard (GtkWindow  *editor,
                             const char *body)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (editor), NULL);

  dialog = adw_message_dialog_new (editor, _("Discard Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), editor, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

void
comm_editor_mark (GtkWidget *widget,
                  gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static gboolean
field_matches (const char         *field,
               const char * const *fields)
{
  if (fields == NULL)
    return TRUE;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      gsize len = strlen (fields[i]);

      if (len > 0 && (fields[i][len - 1] == ':' || fields[i][len - 1] == '*'))
        {
          if (strncmp (field, fields[i], len - 1) == 0)
            return TRUE;
        }
      else if (strcmp (field, fields[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

char *
comm_editor_problem_text (GPtrArray          *problems,
                          const char * const *fields)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      CommProblem *problem = g_ptr_array_index (problems, i);

      if (field_matches (problem->field, fields))
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", problem->message);
    }

  return g_string_free (text, FALSE);
}

void
comm_editor_show_message (GtkLabel   *label,
                          const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

void
comm_editor_read_date (AdwEntryRow *row,
                       GtkLabel    *hint,
                       GObject     *object,
                       const char  *property,
                       GPtrArray   *problems)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  if (comm_date_input_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &iso, &error))
    {
      g_object_set (object, property, iso, NULL);
      shown = comm_date_input_describe (iso);
      gtk_label_set_text (hint, shown);
      return;
    }

  g_object_set (object, property, "", NULL);
  gtk_label_set_text (hint, _("Not a date"));
  g_ptr_array_add (problems, comm_problem_new (property, error->message));
}
