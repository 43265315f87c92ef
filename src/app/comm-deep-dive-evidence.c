/* comm-deep-dive-evidence.c: the evidence of one Deep Dive area - files and references
 *
 * The Deep Dive arrives with its evidence listed (names, sizes, hashes; never the bytes), and the
 * rows are only made when the list is first shown, so a Deep Dive with fifty attachments opens
 * as fast as one with none. A file is attached through the core, which streams it into the
 * workspace with its SHA-256 and refuses one over 50 MB, saying so. Opening writes a private
 * temporary copy and hands it to the system viewer (g_app_info_launch_default_for_uri: GTK 4.8
 * has no GtkFileLauncher).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-deep-dive-evidence.h"

struct _CommDeepDiveEvidence
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkWidget           *attach_button;
  GtkWidget           *reference_button;
  GtkWidget           *empty_row;

  CommDatabase        *database;
  CommDeepDiveArea    *area;       /* owned by the editor's Deep Dive */
  GPtrArray           *rows;       /* GtkWidget* (not owned), one per area->evidence item */
  guint                build_source;
  gboolean             built;
  gboolean             read_only;
};

enum { CHANGED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommDeepDiveEvidence, comm_deep_dive_evidence, ADW_TYPE_BIN)

static void
fail (CommDeepDiveEvidence *self,
      const char           *message)
{
  g_signal_emit (self, signals[FAILED], 0, message);
}

static char *
describe (CommEvidence *evidence)
{
  g_autofree char *day = g_strndup (evidence->added_at, 10);
  g_autofree char *added = comm_date_iso_to_display (day);

  if (evidence->kind == COMM_EVIDENCE_REFERENCE)
    /* Translators: a reference given as evidence: where to find it, then when it was added */
    return g_strdup_printf (_("%s · added %s"),
                            *evidence->reference != '\0' ? evidence->reference : _("Reference"), added);

  {
    g_autofree char *size = g_format_size (evidence->size);

    /* Translators: an attached file: its size, when and by whom it was added */
    return g_strdup_printf (_("File, %s · added %s by %s"), size, added, evidence->added_by);
  }
}

static void on_open_clicked_cb (GtkButton *button, CommDeepDiveEvidence *self);
static void on_remove_clicked_cb (GtkButton *button, CommDeepDiveEvidence *self);

static GtkWidget *
make_row (CommDeepDiveEvidence *self,
          CommEvidence         *evidence)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (evidence->kind == COMM_EVIDENCE_FILE
                                                  ? "mail-attachment-symbolic" : "emblem-documents-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = describe (evidence);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), evidence->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evidence->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  evidence->kind == COMM_EVIDENCE_FILE ? _("Attached file") : _("Reference"), -1);

  if (evidence->kind == COMM_EVIDENCE_FILE)
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");
      g_autofree char *open_label = g_strdup_printf (_("Open “%s”"), evidence->name);

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open with the system viewer"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
      g_object_set_data (G_OBJECT (open), "comm-evidence", evidence);
      g_signal_connect_object (open, "clicked", G_CALLBACK (on_open_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
    }

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this evidence"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_sensitive (remove, !self->read_only);
  g_object_set_data (G_OBJECT (remove), "comm-evidence", evidence);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "comm-remove-button", remove);

  return row;
}

static void
update_empty (CommDeepDiveEvidence *self)
{
  gtk_widget_set_visible (self->empty_row, self->area->evidence->len == 0);
}

static void
append_row (CommDeepDiveEvidence *self,
            CommEvidence         *evidence)
{
  GtkWidget *row = make_row (self, evidence);

  gtk_list_box_append (self->list, row);
  g_ptr_array_add (self->rows, row);
}

static void
build_rows (CommDeepDiveEvidence *self)
{
  if (self->built)
    return;

  self->built = TRUE;
  for (guint i = 0; i < self->area->evidence->len; i++)
    append_row (self, g_ptr_array_index (self->area->evidence, i));
  update_empty (self);
}

static void
added (CommDeepDiveEvidence *self,
       CommEvidence         *evidence)
{
  g_ptr_array_add (self->area->evidence, evidence);
  if (self->built)
    append_row (self, evidence);
  update_empty (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Callbacks */

static void
on_open_clicked_cb (GtkButton            *button,
                    CommDeepDiveEvidence *self)
{
  gint64 id = ((CommEvidence *) g_object_get_data (G_OBJECT (button), "comm-evidence"))->id;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = comm_deep_dive_write_attachment_temp (self->database, id, &error);
  g_autofree char *uri = NULL;

  if (path != NULL)
    uri = g_filename_to_uri (path, NULL, &error);
  if (uri == NULL || !g_app_info_launch_default_for_uri (uri, NULL, &error))
    fail (self, error->message);
}

static void
on_remove_response_cb (AdwMessageDialog     *dialog,
                       const char           *response,
                       CommDeepDiveEvidence *self)
{
  CommEvidence *evidence = g_object_get_data (G_OBJECT (dialog), "comm-evidence");
  g_autoptr(GError) error = NULL;
  guint index;

  if (g_strcmp0 (response, "remove") != 0 || !g_ptr_array_find (self->area->evidence, evidence, &index))
    return;

  if (!comm_deep_dive_remove_evidence (self->database, evidence->id, &error))
    {
      fail (self, error->message);
      return;
    }

  if (self->built)
    {
      gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, index));
      g_ptr_array_remove_index (self->rows, index);
    }
  g_ptr_array_remove_index (self->area->evidence, index);
  update_empty (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked_cb (GtkButton            *button,
                      CommDeepDiveEvidence *self)
{
  CommEvidence *evidence = g_object_get_data (G_OBJECT (button), "comm-evidence");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove Evidence?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be taken out of this Deep Dive and its copy deleted from the workspace."),
                                  evidence->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "comm-evidence", evidence);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response_cb (GtkNativeDialog      *chooser,
                        int                   response,
                        CommDeepDiveEvidence *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    comm_deep_dive_evidence_attach_path (self, path);
  else if (file != NULL)
    fail (self, _("Only files on this computer can be attached."));

  g_object_unref (chooser);
}

static void
on_attach_clicked_cb (CommDeepDiveEvidence *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach Evidence"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_reference_response_cb (AdwMessageDialog     *dialog,
                          const char           *response,
                          CommDeepDiveEvidence *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "comm-name");
  GtkEditable *where = g_object_get_data (G_OBJECT (dialog), "comm-where");
  g_autoptr(GError) error = NULL;
  CommEvidence *evidence;

  if (g_strcmp0 (response, "add") != 0)
    return;

  evidence = comm_deep_dive_add_evidence_reference (self->database, self->area->id,
                                                    gtk_editable_get_text (name),
                                                    gtk_editable_get_text (where), &error);
  if (evidence == NULL)
    fail (self, error->message);
  else
    added (self, evidence);
}

static void
on_reference_name_changed_cb (GtkEditable      *name,
                              AdwMessageDialog *dialog)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "add", *trimmed != '\0');
}

static void
on_reference_clicked_cb (CommDeepDiveEvidence *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *list, *name, *where;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Add a Reference"),
                                   _("Evidence kept elsewhere: say what it is and where to find it."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("What it is"));
  where = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (where), _("Where to find it"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (where), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  gtk_list_box_append (GTK_LIST_BOX (list), where);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "comm-name", name);
  g_object_set_data (G_OBJECT (dialog), "comm-where", where);
  g_signal_connect_object (name, "changed", G_CALLBACK (on_reference_name_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reference_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

/* Overrides */

static gboolean
on_build_idle_cb (gpointer user_data)
{
  CommDeepDiveEvidence *self = user_data;

  self->build_source = 0;
  build_rows (self);

  return G_SOURCE_REMOVE;
}

/* The rows are made just after the area first shows, so its first frame never waits for them. */
static void
comm_deep_dive_evidence_map (GtkWidget *widget)
{
  CommDeepDiveEvidence *self = COMM_DEEP_DIVE_EVIDENCE (widget);

  if (!self->built && self->build_source == 0)
    self->build_source = g_idle_add_full (G_PRIORITY_LOW, on_build_idle_cb, self, NULL);

  GTK_WIDGET_CLASS (comm_deep_dive_evidence_parent_class)->map (widget);
}

static void
comm_deep_dive_evidence_dispose (GObject *object)
{
  CommDeepDiveEvidence *self = COMM_DEEP_DIVE_EVIDENCE (object);

  g_clear_handle_id (&self->build_source, g_source_remove);
  g_clear_object (&self->database);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->area = NULL;

  G_OBJECT_CLASS (comm_deep_dive_evidence_parent_class)->dispose (object);
}

static void
comm_deep_dive_evidence_class_init (CommDeepDiveEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_deep_dive_evidence_dispose;
  widget_class->map = comm_deep_dive_evidence_map;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static GtkWidget *
make_header_button (const char *label,
                    const char *icon,
                    const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);

  return button;
}

static void
comm_deep_dive_evidence_init (CommDeepDiveEvidence *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->rows = g_ptr_array_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Evidence"));
  self->attach_button = make_header_button (_("Attach _File…"), "mail-attachment-symbolic",
                                            _("Keep a copy of a file in the workspace (at most 50 MB)"));
  self->reference_button = make_header_button (_("Add _Reference…"), "list-add-symbolic",
                                               _("Record evidence kept elsewhere, and where to find it"));
  gtk_widget_set_name (self->attach_button, "attach_button");
  gtk_widget_set_name (self->reference_button, "reference_button");
  g_signal_connect_object (self->attach_button, "clicked", G_CALLBACK (on_attach_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reference_button, "clicked", G_CALLBACK (on_reference_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->attach_button);
  gtk_box_append (GTK_BOX (buttons), self->reference_button);
  adw_preferences_group_set_header_suffix (self->group, buttons);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence"), -1);
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("No evidence yet"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  gtk_list_box_append (self->list, self->empty_row);
  adw_preferences_group_add (self->group, GTK_WIDGET (self->list));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
}

/* Public */

CommDeepDiveEvidence *
comm_deep_dive_evidence_new (CommDatabase     *database,
                             CommDeepDiveArea *area)
{
  CommDeepDiveEvidence *self = g_object_new (COMM_TYPE_DEEP_DIVE_EVIDENCE, NULL);

  self->database = g_object_ref (database);
  self->area = area;
  update_empty (self);

  return self;
}

void
comm_deep_dive_evidence_set_read_only (CommDeepDiveEvidence *self,
                                       gboolean              read_only)
{
  g_return_if_fail (COMM_IS_DEEP_DIVE_EVIDENCE (self));

  self->read_only = read_only;
  gtk_widget_set_sensitive (self->attach_button, !read_only);
  gtk_widget_set_sensitive (self->reference_button, !read_only);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_sensitive (g_object_get_data (g_ptr_array_index (self->rows, i), "comm-remove-button"),
                              !read_only);
}

gboolean
comm_deep_dive_evidence_attach_path (CommDeepDiveEvidence *self,
                                     const char           *path)
{
  g_autoptr(GError) error = NULL;
  CommEvidence *evidence;

  g_return_val_if_fail (COMM_IS_DEEP_DIVE_EVIDENCE (self), FALSE);

  if (self->read_only)
    {
      fail (self, _("This Deep Dive is signed off; reopen it to add evidence."));
      return FALSE;
    }

  evidence = comm_deep_dive_add_evidence_file (self->database, self->area->id, path, &error);
  if (evidence == NULL)
    {
      fail (self, error->message);
      return FALSE;
    }

  added (self, evidence);
  return TRUE;
}

guint
comm_deep_dive_evidence_get_n_rows (CommDeepDiveEvidence *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_EVIDENCE (self), 0);

  return self->rows->len;
}
