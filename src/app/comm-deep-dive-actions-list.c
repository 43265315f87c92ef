/* comm-deep-dive-actions-list.c: the actions agreed in one Deep Dive area
 *
 * One row an action: a check box to tick it done (allowed after sign-off too, since agreed
 * actions are followed up later), what is to be done, who and by when, with overdue ones marked
 * by an icon and the word. Adding and editing use one small dialog.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-date-input.h"
#include "comm-deep-dive-actions-list.h"

struct _CommDeepDiveActionsList
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkWidget           *add_button;
  GtkWidget           *empty_row;

  CommDatabase        *database;
  CommDeepDiveArea    *area;      /* owned by the editor's Deep Dive */
  GPtrArray           *rows;      /* AdwActionRow* (not owned), one per area->actions item */
  GDate                today;
  gboolean             read_only;
  gboolean             loading;
};

enum { CHANGED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommDeepDiveActionsList, comm_deep_dive_actions_list, ADW_TYPE_BIN)

static void rebuild (CommDeepDiveActionsList *self);

static void
fail (CommDeepDiveActionsList *self,
      const char              *message)
{
  g_signal_emit (self, signals[FAILED], 0, message);
}

static gboolean
is_overdue (CommDeepDiveActionsList *self,
            CommDeepDiveAction      *action)
{
  GDate due;

  g_date_clear (&due, 1);
  return !action->done && comm_date_parse_iso (action->due_on, &due) && g_date_compare (&due, &self->today) < 0;
}

static char *
describe (CommDeepDiveActionsList *self,
          CommDeepDiveAction      *action)
{
  g_autofree char *due = comm_date_iso_to_display (action->due_on);
  const char *owner = *action->owner != '\0' ? action->owner : _("No owner");

  if (action->done)
    {
      g_autofree char *done = comm_date_iso_to_display (action->done_on);

      /* Translators: a done action: its owner and the day it was ticked done */
      return g_strdup_printf (_("%s · done %s"), owner, done);
    }
  if (*due == '\0')
    /* Translators: an action with no due date: its owner */
    return g_strdup_printf (_("%s · no due date"), owner);
  if (is_overdue (self, action))
    /* Translators: an action past its due date: its owner, then the date */
    return g_strdup_printf (_("%s · overdue, was due %s"), owner, due);

  /* Translators: an action: its owner, then the date it is due */
  return g_strdup_printf (_("%s · due %s"), owner, due);
}

/* The action dialog (add and edit) */

static void
on_dialog_response_cb (AdwMessageDialog        *dialog,
                       const char              *response,
                       CommDeepDiveActionsList *self)
{
  CommDeepDiveAction *action = g_object_get_data (G_OBJECT (dialog), "comm-action");
  const char *what = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "comm-what"));
  const char *owner = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "comm-owner"));
  const char *due_text = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "comm-due"));
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  CommDeepDiveAction *added;

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (!comm_date_input_parse (due_text, &due, &error))
    {
      fail (self, error->message);
      return;
    }

  if (action == NULL)
    {
      added = comm_deep_dive_add_action (self->database, self->area->id, what, owner, due, &error);
      if (added == NULL)
        {
          fail (self, error->message);
          return;
        }
      g_ptr_array_add (self->area->actions, added);
    }
  else
    {
      g_autoptr(CommDeepDiveAction) edited = comm_deep_dive_action_copy (action);

      g_free (edited->description);
      edited->description = g_strdup (what);
      g_free (edited->owner);
      edited->owner = g_strdup (owner);
      g_free (edited->due_on);
      edited->due_on = g_strdup (due);
      if (!comm_deep_dive_update_action (self->database, edited, &error))
        {
          fail (self, error->message);
          return;
        }
      g_free (action->description);
      action->description = g_steal_pointer (&edited->description);
      g_free (action->owner);
      action->owner = g_steal_pointer (&edited->owner);
      g_free (action->due_on);
      action->due_on = g_steal_pointer (&edited->due_on);
      action->revision = edited->revision;
    }

  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_what_changed_cb (GtkEditable      *what,
                    AdwMessageDialog *dialog)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (what)));

  adw_message_dialog_set_response_enabled (dialog, "save", *trimmed != '\0');
}

static GtkWidget *
add_row (GtkWidget  *list,
         const char *name,
         const char *title,
         const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return row;
}

static GtkWindow *
open_dialog (CommDeepDiveActionsList *self,
             CommDeepDiveAction      *action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *due = action != NULL ? comm_date_iso_to_display (action->due_on) : g_strdup ("");
  GtkWidget *dialog, *list, *what;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   action != NULL ? _("Edit Action") : _("Add an Action"), self->area->title);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  what = add_row (list, "what_row", _("What is to be done"), action != NULL ? action->description : "");
  g_object_set_data (G_OBJECT (dialog), "comm-what", what);
  g_object_set_data (G_OBJECT (dialog), "comm-owner", add_row (list, "owner_row", _("Who (owner)"), action != NULL ? action->owner : ""));
  g_object_set_data (G_OBJECT (dialog), "comm-due", add_row (list, "due_row", _("By when (date)"), due));
  g_object_set_data (G_OBJECT (dialog), "comm-action", action);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", action != NULL ? _("_Save") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", action != NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (what, "changed", G_CALLBACK (on_what_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (what);

  return GTK_WINDOW (dialog);
}

/* Rows */

/* Updates the row of @action in place, so the check box keeps the keyboard focus. */
static void
update_row (CommDeepDiveActionsList *self,
            CommDeepDiveAction      *action)
{
  guint index;
  GtkWidget *row, *icon;
  g_autofree char *subtitle = NULL;

  if (!g_ptr_array_find (self->area->actions, action, &index) || index >= self->rows->len)
    return;

  row = g_ptr_array_index (self->rows, index);
  subtitle = describe (self, action);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  icon = g_object_get_data (G_OBJECT (row), "comm-overdue-icon");
  if (icon != NULL)
    gtk_widget_set_visible (icon, is_overdue (self, action));
}

static void
on_done_toggled_cb (GtkCheckButton          *check,
                    CommDeepDiveActionsList *self)
{
  CommDeepDiveAction *action = g_object_get_data (G_OBJECT (check), "comm-action");
  gboolean done = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (self->loading || action->done == done)
    return;

  if (!comm_deep_dive_set_action_done (self->database, action->id, done, &action->revision, &error))
    {
      fail (self, error->message);
      self->loading = TRUE;
      gtk_check_button_set_active (check, action->done);
      self->loading = FALSE;
      return;
    }

  action->done = done;
  g_free (action->done_on);
  action->done_on = done ? comm_date_to_iso (&self->today) : g_strdup ("");
  update_row (self, action);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_edit_clicked_cb (GtkButton               *button,
                    CommDeepDiveActionsList *self)
{
  open_dialog (self, g_object_get_data (G_OBJECT (button), "comm-action"));
}

static void
on_delete_clicked_cb (GtkButton               *button,
                      CommDeepDiveActionsList *self)
{
  CommDeepDiveAction *action = g_object_get_data (G_OBJECT (button), "comm-action");
  g_autoptr(GError) error = NULL;

  if (!comm_deep_dive_delete_action (self->database, action->id, &error))
    {
      fail (self, error->message);
      return;
    }

  g_ptr_array_remove (self->area->actions, action);
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
make_suffix_button (CommDeepDiveActionsList *self,
                    CommDeepDiveAction      *action,
                    const char              *icon,
                    const char              *label,
                    GCallback                callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  g_autofree char *name = g_strdup_printf ("%s: %s", label, action->description);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_sensitive (button, !self->read_only);
  g_object_set_data (G_OBJECT (button), "comm-action", action);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

static GtkWidget *
make_row (CommDeepDiveActionsList *self,
          CommDeepDiveAction      *action)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = describe (self, action);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action->description);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), action->done);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  g_object_set_data (G_OBJECT (check), "comm-action", action);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_done_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  if (is_overdue (self, action))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("task-past-due-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
      gtk_widget_add_css_class (icon, "dd-overdue-text");
      gtk_widget_add_css_class (row, "dd-overdue-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "comm-overdue-icon", icon);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_suffix_button (self, action, "document-edit-symbolic", _("Edit action"),
                                                 G_CALLBACK (on_edit_clicked_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_suffix_button (self, action, "user-trash-symbolic", _("Delete action"),
                                                 G_CALLBACK (on_delete_clicked_cb)));
  g_object_set_data (G_OBJECT (row), "comm-check", check);

  return row;
}

static void
rebuild (CommDeepDiveActionsList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  self->loading = TRUE;
  for (guint i = 0; i < self->area->actions->len; i++)
    {
      GtkWidget *row = make_row (self, g_ptr_array_index (self->area->actions, i));

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
  self->loading = FALSE;
  gtk_widget_set_visible (self->empty_row, self->area->actions->len == 0);
}

/* Overrides */

static void
comm_deep_dive_actions_list_dispose (GObject *object)
{
  CommDeepDiveActionsList *self = COMM_DEEP_DIVE_ACTIONS_LIST (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->area = NULL;

  G_OBJECT_CLASS (comm_deep_dive_actions_list_parent_class)->dispose (object);
}

static void
comm_deep_dive_actions_list_class_init (CommDeepDiveActionsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = comm_deep_dive_actions_list_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
comm_deep_dive_actions_list_init (CommDeepDiveActionsList *self)
{
  GtkWidget *content = adw_button_content_new ();

  self->rows = g_ptr_array_new ();
  comm_date_today (&self->today);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Actions"));
  adw_preferences_group_set_description (self->group, _("What was agreed, who does it and by when. Tick an action when it is done."));

  self->add_button = gtk_button_new ();
  gtk_widget_set_name (self->add_button, "add_action_button");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Ac_tion…"));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_END);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (comm_deep_dive_actions_list_add), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (self->group, self->add_button);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actions"), -1);
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("No actions agreed yet"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  gtk_list_box_append (self->list, self->empty_row);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
}

/* Public */

CommDeepDiveActionsList *
comm_deep_dive_actions_list_new (CommDatabase     *database,
                                 CommDeepDiveArea *area)
{
  CommDeepDiveActionsList *self = g_object_new (COMM_TYPE_DEEP_DIVE_ACTIONS_LIST, NULL);

  self->database = g_object_ref (database);
  self->area = area;
  rebuild (self);

  return self;
}

void
comm_deep_dive_actions_list_set_read_only (CommDeepDiveActionsList *self,
                                           gboolean                 read_only)
{
  g_return_if_fail (COMM_IS_DEEP_DIVE_ACTIONS_LIST (self));

  self->read_only = read_only;
  gtk_widget_set_sensitive (self->add_button, !read_only);
  rebuild (self);
}

GtkWindow *
comm_deep_dive_actions_list_add (CommDeepDiveActionsList *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_ACTIONS_LIST (self), NULL);

  if (self->read_only)
    return NULL;

  return open_dialog (self, NULL);
}

GtkWidget *
comm_deep_dive_actions_list_get_check (CommDeepDiveActionsList *self,
                                       guint                    index)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_ACTIONS_LIST (self), NULL);

  if (index >= self->rows->len)
    return NULL;

  return g_object_get_data (g_ptr_array_index (self->rows, index), "comm-check");
}
