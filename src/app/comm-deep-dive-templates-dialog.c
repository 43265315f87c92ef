/* comm-deep-dive-templates-dialog.c: view, copy and edit the Deep Dive checklist templates
 *
 * The left list holds the templates; the one selected is shown as a working copy of its newest
 * version. Every edit (name, area order, areas added or removed, an area's title, guidance and
 * prompts) goes to the copy at once; "Save as New Version" stores it as the next version, which
 * the window says in words, since Deep Dives already started keep the version they began with.
 * Unsaved edits are never dropped silently: changing template or closing asks first.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-deep-dive-templates-dialog.h"
#include "comm-editor-support.h"

struct _CommDeepDiveTemplatesDialog
{
  AdwWindow             parent_instance;

  GtkListBox           *template_list;
  GtkListBox           *area_list;
  GtkLabel             *version_label;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwEntryRow          *name_row;
  AdwPreferencesGroup  *area_group;
  AdwEntryRow          *area_title_row;
  GtkTextView          *guidance_view;
  GtkTextView          *prompts_view;

  CommDatabase         *database;
  GPtrArray            *templates;  /* CommChecklistTemplate*, as listed */
  CommChecklistVersion *working;    /* the copy being edited; NULL when none */
  int                   area;       /* selected area of the copy, -1 for none */
  gboolean              loading;
  gboolean              dirty;
};

G_DEFINE_FINAL_TYPE (CommDeepDiveTemplatesDialog, comm_deep_dive_templates_dialog, ADW_TYPE_WINDOW)

static void show_working (CommDeepDiveTemplatesDialog *self, int select_area);

static void
show_error (CommDeepDiveTemplatesDialog *self,
            const char                  *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), message != NULL);
}

static CommChecklistTemplate *
template_at (CommDeepDiveTemplatesDialog *self,
             GtkListBoxRow               *row)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (self->templates == NULL || index < 0 || (guint) index >= self->templates->len)
    return NULL;

  return g_ptr_array_index (self->templates, index);
}

static CommChecklistTemplate *
selected_template (CommDeepDiveTemplatesDialog *self)
{
  return template_at (self, gtk_list_box_get_selected_row (self->template_list));
}

static char *
text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
make_template_row (CommChecklistTemplate *template_)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (template_->name);
  g_autofree char *details = NULL;
  GtkWidget *sub;

  details = g_strdup_printf (g_dngettext (NULL, "Version %d · %u area", "Version %d · %u areas",
                                          template_->n_areas),
                             template_->latest_version, template_->n_areas);
  if (template_->is_default)
    {
      /* Translators: appended to a template's details in the list */
      g_autofree char *with = g_strdup_printf (_("%s · for new Deep Dives"), details);

      g_free (details);
      details = g_steal_pointer (&with);
    }
  sub = gtk_label_new (details);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, template_->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details, -1);

  return row;
}

static char *
area_row_text (CommChecklistArea *area,
               guint              index)
{
  /* Translators: an area in a template's list: its number, then its title */
  return g_strdup_printf (_("%u. %s"), index + 1, *area->title != '\0' ? area->title : _("(untitled)"));
}

static void
rebuild_areas (CommDeepDiveTemplatesDialog *self)
{
  GtkWidget *child;

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->area_list))) != NULL)
    gtk_list_box_remove (self->area_list, child);

  for (guint i = 0; self->working != NULL && i < self->working->areas->len; i++)
    {
      g_autofree char *text = area_row_text (g_ptr_array_index (self->working->areas, i), i);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 10);
      gtk_widget_set_margin_bottom (label, 10);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->area_list, label);
    }
  self->loading = FALSE;
}

static void
update_actions (CommDeepDiveTemplatesDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CommChecklistTemplate *selected = selected_template (self);
  guint n = self->working != NULL ? self->working->areas->len : 0;
  gboolean writable = self->database != NULL && !comm_database_is_read_only (self->database);

  gtk_widget_action_set_enabled (widget, "templates.copy", writable && selected != NULL && !self->dirty);
  gtk_widget_action_set_enabled (widget, "templates.save", writable && self->dirty);
  gtk_widget_action_set_enabled (widget, "templates.make-default",
                                 writable && selected != NULL && !selected->is_default);
  gtk_widget_action_set_enabled (widget, "templates.add-area", writable && self->working != NULL);
  gtk_widget_action_set_enabled (widget, "templates.remove-area", writable && self->area >= 0 && n > 1);
  gtk_widget_action_set_enabled (widget, "templates.move-up", writable && self->area > 0);
  gtk_widget_action_set_enabled (widget, "templates.move-down",
                                 writable && self->area >= 0 && (guint) self->area + 1 < n);
}

static void
update_version_label (CommDeepDiveTemplatesDialog *self)
{
  CommChecklistTemplate *selected = selected_template (self);
  g_autofree char *day = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *users = NULL;
  g_autofree char *text = NULL;

  if (self->working == NULL || selected == NULL)
    {
      gtk_label_set_text (self->version_label, _("Choose a template on the left."));
      return;
    }

  day = g_strndup (self->working->created_at, 10);
  saved = comm_date_iso_to_display (day);
  if (selected->n_deep_dives == 0)
    users = g_strdup (_("No Deep Dive uses this template yet."));
  else
    users = g_strdup_printf (g_dngettext (NULL, "The %u Deep Dive that uses it keeps the version it started with.",
                                          "The %u Deep Dives that use it keep the version they started with.",
                                          selected->n_deep_dives),
                             selected->n_deep_dives);
  /* Translators: "Version 2, saved 23 Nov 2026. Saving your changes makes version 3. …" */
  text = g_strdup_printf (_("Version %d, saved %s. Saving your changes makes version %d. %s"),
                          self->working->version, saved, self->working->version + 1, users);
  if (self->dirty)
    {
      g_autofree char *more = g_strdup_printf (_("%s Not saved yet."), text);

      g_free (text);
      text = g_steal_pointer (&more);
    }
  gtk_label_set_text (self->version_label, text);
}

static void
mark_dirty (CommDeepDiveTemplatesDialog *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  show_error (self, NULL);
  update_version_label (self);
  update_actions (self);
}

static void
show_area (CommDeepDiveTemplatesDialog *self)
{
  CommChecklistArea *area = NULL;
  g_autofree char *prompts = NULL;

  if (self->working != NULL && self->area >= 0 && (guint) self->area < self->working->areas->len)
    area = g_ptr_array_index (self->working->areas, self->area);

  self->loading = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_group), area != NULL);
  prompts = area != NULL ? g_strjoinv ("\n", area->prompts) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->area_title_row), area != NULL ? area->title : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->guidance_view),
                            area != NULL ? area->guidance : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->prompts_view),
                            prompts != NULL ? prompts : "", -1);
  self->loading = FALSE;
  update_actions (self);
}

static void
show_working (CommDeepDiveTemplatesDialog *self,
              int                          select_area)
{
  guint n = self->working != NULL ? self->working->areas->len : 0;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->working != NULL ? self->working->name : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), self->working != NULL);
  self->loading = FALSE;

  rebuild_areas (self);
  self->area = n == 0 ? -1 : CLAMP (select_area, 0, (int) n - 1);
  self->loading = TRUE;
  gtk_list_box_select_row (self->area_list,
                           self->area >= 0 ? gtk_list_box_get_row_at_index (self->area_list, self->area) : NULL);
  self->loading = FALSE;
  show_area (self);
  update_version_label (self);
}

static void
load_selected (CommDeepDiveTemplatesDialog *self)
{
  CommChecklistTemplate *selected = selected_template (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->working, comm_checklist_version_free);
  self->dirty = FALSE;
  show_error (self, NULL);

  if (selected != NULL)
    {
      self->working = comm_checklist_template_load_latest (self->database, selected->id, &error);
      if (self->working == NULL)
        show_error (self, error->message);
    }

  show_working (self, 0);
}

static void
load_templates (CommDeepDiveTemplatesDialog *self,
                gint64                       select_id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint selected = 0;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = comm_checklist_template_list (self->database, &error);
  if (self->templates == NULL)
    {
      show_error (self, error->message);
      self->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_checklist_template_free);
    }

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->template_list))) != NULL)
    gtk_list_box_remove (self->template_list, child);
  for (guint i = 0; i < self->templates->len; i++)
    {
      CommChecklistTemplate *template_ = g_ptr_array_index (self->templates, i);

      if (template_->id == select_id)
        selected = i;
      gtk_list_box_append (self->template_list, make_template_row (template_));
    }
  gtk_list_box_select_row (self->template_list, gtk_list_box_get_row_at_index (self->template_list, selected));
  self->loading = FALSE;

  load_selected (self);
}

/* Callbacks */

static void
on_discard_switch_cb (AdwMessageDialog            *dialog,
                      const char                  *response,
                      CommDeepDiveTemplatesDialog *self)
{
  gint64 wanted = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "comm-wanted-index"));
  gint64 current = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "comm-current-index"));

  self->loading = TRUE;
  gtk_list_box_select_row (self->template_list,
                           gtk_list_box_get_row_at_index (self->template_list,
                                                          (int) (g_strcmp0 (response, "discard") == 0 ? wanted : current)));
  self->loading = FALSE;

  if (g_strcmp0 (response, "discard") == 0)
    load_selected (self);
}

static void
on_template_selected_cb (CommDeepDiveTemplatesDialog *self,
                         GtkListBoxRow               *row,
                         GtkListBox                  *list)
{
  GtkWidget *dialog;
  int current = -1;

  if (self->loading || row == NULL)
    return;

  if (!self->dirty)
    {
      load_selected (self);
      return;
    }

  /* Find the template the copy was made from, to go back to it on "Keep Editing". */
  for (guint i = 0; i < self->templates->len; i++)
    if (((CommChecklistTemplate *) g_ptr_array_index (self->templates, i))->id == self->working->template_id)
      current = (int) i;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("The template you were editing has changes that are not saved as a new version yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "comm-wanted-index", GSIZE_TO_POINTER (gtk_list_box_row_get_index (row)));
  g_object_set_data (G_OBJECT (dialog), "comm-current-index", GSIZE_TO_POINTER (MAX (current, 0)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_switch_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_area_selected_cb (CommDeepDiveTemplatesDialog *self,
                     GtkListBoxRow               *row,
                     GtkListBox                  *list)
{
  if (self->loading)
    return;

  self->area = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  show_area (self);
}

static void
on_name_changed_cb (CommDeepDiveTemplatesDialog *self,
                    AdwEntryRow                 *row)
{
  if (self->loading || self->working == NULL)
    return;

  g_free (self->working->name);
  self->working->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  mark_dirty (self);
}

static CommChecklistArea *
current_area (CommDeepDiveTemplatesDialog *self)
{
  if (self->working == NULL || self->area < 0 || (guint) self->area >= self->working->areas->len)
    return NULL;

  return g_ptr_array_index (self->working->areas, self->area);
}

static void
on_area_edited_cb (CommDeepDiveTemplatesDialog *self)
{
  CommChecklistArea *area = current_area (self);
  GtkListBoxRow *row;
  g_autofree char *prompts = NULL;

  if (self->loading || area == NULL)
    return;

  g_free (area->title);
  area->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->area_title_row)));
  g_free (area->guidance);
  area->guidance = text_view_get (self->guidance_view);
  prompts = text_view_get (self->prompts_view);
  g_strfreev (area->prompts);
  area->prompts = g_strsplit (prompts, "\n", -1);

  row = gtk_list_box_get_row_at_index (self->area_list, self->area);
  if (row != NULL && GTK_IS_LABEL (gtk_list_box_row_get_child (row)))
    {
      g_autofree char *text = area_row_text (area, self->area);

      gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (row)), text);
    }
  mark_dirty (self);
}

static gboolean
on_close_request_cb (CommDeepDiveTemplatesDialog *self)
{
  if (!self->dirty)
    return FALSE;

  comm_editor_confirm_discard (GTK_WINDOW (self),
                               _("The template has changes that are not saved as a new version yet."));
  return TRUE;
}

/* Actions */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommDeepDiveTemplatesDialog *self = COMM_DEEP_DIVE_TEMPLATES_DIALOG (widget);
  CommChecklistTemplate *selected = selected_template (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (selected == NULL)
    return;

  name = comm_checklist_template_free_copy_name (self->database, selected->name);
  id = comm_checklist_template_copy (self->database, selected->latest_version_id, name, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  load_templates (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommDeepDiveTemplatesDialog *self = COMM_DEEP_DIVE_TEMPLATES_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  if (self->working == NULL)
    return;

  if (!comm_checklist_template_save_version (self->database, self->working, &error))
    {
      show_error (self, error->message);
      return;
    }

  id = self->working->template_id;
  message = g_strdup_printf (_("Saved as version %d"), self->working->version);
  self->dirty = FALSE;
  load_templates (self, id);
  gtk_label_set_text (self->version_label, message);
  update_actions (self);
}

static void
make_default_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CommDeepDiveTemplatesDialog *self = COMM_DEEP_DIVE_TEMPLATES_DIALOG (widget);
  CommChecklistTemplate *selected = selected_template (self);
  g_autoptr(GError) error = NULL;
  gboolean dirty = self->dirty;
  int area = self->area;
  CommChecklistVersion *working;

  if (selected == NULL)
    return;

  if (!comm_checklist_template_set_default (self->database, selected->id, &error))
    {
      show_error (self, error->message);
      return;
    }

  /* Reloading the list must not throw away edits in progress. */
  working = g_steal_pointer (&self->working);
  load_templates (self, working->template_id);
  if (dirty)
    {
      g_clear_pointer (&self->working, comm_checklist_version_free);
      self->working = working;
      self->dirty = TRUE;
      show_working (self, area);
      update_actions (self);
    }
  else
    comm_checklist_version_free (working);
}

static void
add_area_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CommDeepDiveTemplatesDialog *self = COMM_DEEP_DIVE_TEMPLATES_DIALOG (widget);
  guint at = self->area >= 0 ? (guint) self->area + 1 : self->working->areas->len;

  g_ptr_array_insert (self->working->areas, at, comm_checklist_area_new (_("New area"), "", NULL));
  mark_dirty (self);
  show_working (self, at);
  gtk_widget_grab_focus (GTK_WIDGET (self->area_title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->area_title_row), 0, -1);
}

static void
remove_area_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CommDeepDiveTemplatesDialog *self = COMM_DEEP_DIVE_TEMPLATES_DIALOG (widget);
  int at = self->area;

  if (current_area (self) == NULL || self->working->areas->len <= 1)
    return;

  g_ptr_array_remove_index (self->working->areas, at);
  mark_dirty (self);
  show_working (self, at);
}

static void
move_area (CommDeepDiveTemplatesDialog *self,
           int                          by)
{
  int from = self->area;
  int to = from + by;
  GtkListBoxRow *row;

  if (current_area (self) == NULL || to < 0 || (guint) to >= self->working->areas->len)
    return;

  g_ptr_array_insert (self->working->areas, to, g_ptr_array_steal_index (self->working->areas, from));
  mark_dirty (self);
  show_working (self, to);
  row = gtk_list_box_get_row_at_index (self->area_list, to);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_area (COMM_DEEP_DIVE_TEMPLATES_DIALOG (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_area (COMM_DEEP_DIVE_TEMPLATES_DIALOG (widget), +1);
}

/* Overrides */

static void
comm_deep_dive_templates_dialog_dispose (GObject *object)
{
  CommDeepDiveTemplatesDialog *self = COMM_DEEP_DIVE_TEMPLATES_DIALOG (object);

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->working, comm_checklist_version_free);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (comm_deep_dive_templates_dialog_parent_class)->dispose (object);
}

static void
comm_deep_dive_templates_dialog_class_init (CommDeepDiveTemplatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_deep_dive_templates_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-deep-dive-templates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveTemplatesDialog, template_list);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveTemplatesDialog, area_list);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveTemplatesDialog, version_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveTemplatesDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveTemplatesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveTemplatesDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveTemplatesDialog, area_group);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveTemplatesDialog, area_title_row);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveTemplatesDialog, guidance_view);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveTemplatesDialog, prompts_view);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "templates.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "templates.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "templates.make-default", NULL, make_default_action);
  gtk_widget_class_install_action (widget_class, "templates.add-area", NULL, add_area_action);
  gtk_widget_class_install_action (widget_class, "templates.remove-area", NULL, remove_area_action);
  gtk_widget_class_install_action (widget_class, "templates.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "templates.move-down", NULL, move_down_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "templates.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "templates.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "templates.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comm_deep_dive_templates_dialog_init (CommDeepDiveTemplatesDialog *self)
{
  self->area = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->guidance_view), "changed",
                           G_CALLBACK (on_area_edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->prompts_view), "changed",
                           G_CALLBACK (on_area_edited_cb), self, G_CONNECT_SWAPPED);
}

CommDeepDiveTemplatesDialog *
comm_deep_dive_templates_dialog_new (CommDatabase *database)
{
  CommDeepDiveTemplatesDialog *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);

  self = g_object_new (COMM_TYPE_DEEP_DIVE_TEMPLATES_DIALOG, NULL);
  self->database = g_object_ref (database);
  load_templates (self, comm_checklist_template_get_default (database));

  return self;
}

gint64
comm_deep_dive_templates_dialog_get_template_id (CommDeepDiveTemplatesDialog *self)
{
  CommChecklistTemplate *selected;

  g_return_val_if_fail (COMM_IS_DEEP_DIVE_TEMPLATES_DIALOG (self), 0);

  selected = selected_template (self);
  return selected != NULL ? selected->id : 0;
}

gboolean
comm_deep_dive_templates_dialog_select (CommDeepDiveTemplatesDialog *self,
                                        gint64                       template_id)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_TEMPLATES_DIALOG (self), FALSE);

  for (guint i = 0; i < self->templates->len; i++)
    if (((CommChecklistTemplate *) g_ptr_array_index (self->templates, i))->id == template_id)
      {
        gtk_list_box_select_row (self->template_list, gtk_list_box_get_row_at_index (self->template_list, i));
        return TRUE;
      }

  return FALSE;
}

CommChecklistVersion *
comm_deep_dive_templates_dialog_get_working (CommDeepDiveTemplatesDialog *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_TEMPLATES_DIALOG (self), NULL);

  return self->working;
}

int
comm_deep_dive_templates_dialog_get_area (CommDeepDiveTemplatesDialog *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_TEMPLATES_DIALOG (self), -1);

  return self->area;
}

void
comm_deep_dive_templates_dialog_select_area (CommDeepDiveTemplatesDialog *self,
                                             int                          index)
{
  GtkListBoxRow *row;

  g_return_if_fail (COMM_IS_DEEP_DIVE_TEMPLATES_DIALOG (self));

  row = gtk_list_box_get_row_at_index (self->area_list, index);
  if (row != NULL)
    gtk_list_box_select_row (self->area_list, row);
}
