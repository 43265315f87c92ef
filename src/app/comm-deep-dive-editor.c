/* comm-deep-dive-editor.c: carrying out one Deep Dive - its areas one a page, then sign-off
 *
 * Chosen for a projector: a sidebar lists the areas, each marked judged (a tick and the judgement
 * in words) or not, and the page beside it shows one area in large type. Ctrl+Page Down / Up or
 * Alt+Down / Up move between areas wherever the focus is (the keys are caught before a text view
 * sees them). After the areas comes the completion page: grade, lessons, variation and sign-off.
 * Everything is saved as it is typed or chosen; nothing waits for a Save button. A Deep Dive not
 * started yet shows a start page (starting fixes its checklist version); a signed-off one opens
 * read-only with a Reopen button that asks for a reason.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-contract-editor.h"
#include "comm-deep-dive-area-view.h"
#include "comm-deep-dive-completion.h"
#include "comm-deep-dive-editor.h"

struct _CommDeepDiveEditor
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkLabel       *progress_label;
  GtkRevealer    *locked_revealer;
  GtkLabel       *locked_label;
  GtkWidget      *reopen_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkListBox     *sidebar;
  GtkStack       *area_stack;

  CommDatabase   *database;
  CommDeepDive   *dive;
  gint64          id;
  GPtrArray      *pages;        /* the stack's pages (not owned): area views, then the completion */
  GtkWidget      *start_page;
  char           *rag_note;     /* "The contract is now rated Green." after sign-off */
  int             page;
  gboolean        loading;
  gboolean        close_anyway;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommDeepDiveEditor, comm_deep_dive_editor, ADW_TYPE_WINDOW)

static void build (CommDeepDiveEditor *self);

static guint
n_areas (CommDeepDiveEditor *self)
{
  return self->dive->areas->len;
}

static void
show_error (CommDeepDiveEditor *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), message != NULL);
}

static void
update_header (CommDeepDiveEditor *self)
{
  CommDeepDiveStatus status;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *year = comm_financial_year_label (self->dive->year);
  g_autofree char *progress = NULL;
  g_autofree char *window_title = NULL;
  guint judged = 0, total = 0;
  GDate today;

  comm_date_today (&today);
  status = comm_deep_dive_get_status (self->dive, &today);
  comm_deep_dive_get_progress (self->dive, &judged, &total);

  /* Translators: the editor's title: contract reference and title */
  title = g_strdup_printf (_("%s · %s"), self->dive->contract_reference, self->dive->contract_title);
  /* Translators: the editor's subtitle: "Deep Dive 2026-27 · Carers Trust · In progress" */
  subtitle = g_strdup_printf (_("Deep Dive %s · %s · %s"), year, self->dive->provider_name,
                              comm_deep_dive_status_to_label (status));
  window_title = g_strdup_printf (_("Deep Dive %s — %s"), year, self->dive->contract_reference);
  if (total > 0)
    progress = g_strdup_printf (g_dngettext (NULL, "%u of %u area judged", "%u of %u areas judged", total),
                                judged, total);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  gtk_label_set_text (self->progress_label, progress != NULL ? progress : "");
}

static void
update_sidebar_row (CommDeepDiveEditor *self,
                    guint               index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, index);
  CommDeepDiveArea *area = g_ptr_array_index (self->dive->areas, index);
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "comm-icon");
  GtkLabel *state = g_object_get_data (G_OBJECT (row), "comm-state");
  gboolean judged = area->judgement != COMM_JUDGEMENT_NONE;
  g_autofree char *description = NULL;

  gtk_image_set_from_icon_name (icon, judged ? "emblem-ok-symbolic" : "radio-symbolic");
  if (judged)
    gtk_widget_add_css_class (GTK_WIDGET (icon), "judged");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (icon), "judged");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  judged ? _("Judged") : _("Not judged"), -1);
  gtk_label_set_text (state, comm_judgement_to_label (area->judgement));
  description = g_strdup_printf ("%s", comm_judgement_to_label (area->judgement));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
update_progress (CommDeepDiveEditor *self)
{
  for (guint i = 0; i < n_areas (self); i++)
    update_sidebar_row (self, i);
  if (self->pages->len > n_areas (self))
    comm_deep_dive_completion_update (g_ptr_array_index (self->pages, n_areas (self)));
  update_header (self);
}

static void
update_locked (CommDeepDiveEditor *self)
{
  gboolean read_only = comm_deep_dive_is_read_only (self->dive);
  g_autofree char *text = NULL;

  if (self->dive->contract_deleted)
    text = g_strdup (_("This Deep Dive is archived with its contract, which was deleted. It is read-only "
                       "until the contract is restored."));
  else if (read_only)
    {
      g_autofree char *on = comm_date_iso_to_display (self->dive->signed_off_on);

      text = g_strdup_printf (_("Signed off by %s on %s. This Deep Dive is read-only; actions can still be ticked done.%s%s"),
                              self->dive->signed_off_by, on, self->rag_note != NULL ? " " : "",
                              self->rag_note != NULL ? self->rag_note : "");
    }

  gtk_label_set_text (self->locked_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->locked_revealer), read_only);
  gtk_widget_set_visible (self->reopen_button, read_only && !self->dive->contract_deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deep-dive.reopen", read_only && !self->dive->contract_deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deep-dive.sign-off", !read_only && n_areas (self) > 0);
}

static GtkWidget *
make_sidebar_row (const char *title,
                  const char *state,
                  const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *state_label = gtk_label_new (state);

  gtk_widget_add_css_class (box, "deep-dive-sidebar-row");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (state_label), 0);
  gtk_widget_add_css_class (state_label, "dim-label");
  gtk_widget_add_css_class (state_label, "caption");
  gtk_box_append (GTK_BOX (texts), label);
  gtk_box_append (GTK_BOX (texts), state_label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, state, -1);
  g_object_set_data (G_OBJECT (row), "comm-icon", icon);
  g_object_set_data (G_OBJECT (row), "comm-state", state_label);

  return row;
}

/* Callbacks of the pages */

static void
on_page_changed_cb (CommDeepDiveEditor *self)
{
  show_error (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_page_judged_cb (CommDeepDiveEditor *self)
{
  update_progress (self);
}

static void
on_page_failed_cb (CommDeepDiveEditor *self,
                   const char         *message)
{
  show_error (self, message);
}

static void
connect_page (CommDeepDiveEditor *self,
              GtkWidget          *page)
{
  g_signal_connect_object (page, "changed", G_CALLBACK (on_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "failed", G_CALLBACK (on_page_failed_cb), self, G_CONNECT_SWAPPED);
  if (COMM_IS_DEEP_DIVE_AREA_VIEW (page))
    g_signal_connect_object (page, "judged", G_CALLBACK (on_page_judged_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_child (self->area_stack, page);
  g_ptr_array_add (self->pages, page);
}

static void
clear_pages (CommDeepDiveEditor *self)
{
  GtkWidget *child;

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->area_stack))) != NULL)
    gtk_stack_remove (self->area_stack, child);
  g_ptr_array_set_size (self->pages, 0);
  self->start_page = NULL;
  self->loading = FALSE;
}

static GtkWidget *
make_start_page (CommDeepDiveEditor *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Start Deep Dive"));
  g_autofree char *description = NULL;
  g_autofree char *when = comm_date_iso_to_display (self->dive->scheduled_on);

  description = g_strdup_printf (_("Starting fixes the checklist: this Deep Dive will use the newest version of "
                                   "“%s”, and keep it whatever later changes are made to the template."),
                                 self->dive->template_name);
  if (*when != '\0')
    {
      g_autofree char *planned = g_strdup_printf (_("%s It is planned for %s."), description, when);

      g_free (description);
      description = g_steal_pointer (&planned);
    }
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Not Started Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_set_name (button, "start_button");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "deep-dive.start");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);

  return status;
}

static void
build (CommDeepDiveEditor *self)
{
  gboolean read_only = comm_deep_dive_is_read_only (self->dive);
  CommDeepDiveCompletion *completion;

  clear_pages (self);
  self->loading = TRUE;

  if (n_areas (self) == 0)
    {
      self->start_page = make_start_page (self);
      gtk_stack_add_child (self->area_stack, self->start_page);
      gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->sidebar), GTK_TYPE_SCROLLED_WINDOW), FALSE);
      self->page = -1;
    }
  else
    {
      for (guint i = 0; i < n_areas (self); i++)
        {
          CommDeepDiveArea *area = g_ptr_array_index (self->dive->areas, i);
          g_autofree char *title = g_strdup_printf (_("%u. %s"), area->number, area->title);
          CommDeepDiveAreaView *view = comm_deep_dive_area_view_new (self->database, area, n_areas (self));

          comm_deep_dive_area_view_set_read_only (view, read_only);
          gtk_list_box_append (self->sidebar, make_sidebar_row (title, comm_judgement_to_label (area->judgement),
                                                                "radio-symbolic"));
          connect_page (self, GTK_WIDGET (view));
        }
      completion = comm_deep_dive_completion_new (self->database, self->dive);
      comm_deep_dive_completion_set_read_only (completion, read_only);
      gtk_list_box_append (self->sidebar, make_sidebar_row (_("Completion and sign-off"),
                                                            read_only ? _("Signed off") : _("Grade, lessons, sign-off"),
                                                            "document-edit-symbolic"));
      connect_page (self, GTK_WIDGET (completion));
      gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->sidebar), GTK_TYPE_SCROLLED_WINDOW), TRUE);
    }

  self->loading = FALSE;
  update_progress (self);
  update_locked (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deep-dive.start", n_areas (self) == 0 && !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deep-dive.next-area", n_areas (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deep-dive.previous-area", n_areas (self) > 0);
}

/* Reads the Deep Dive again and shows @page of it. */
static gboolean
reload (CommDeepDiveEditor *self,
        int                 page)
{
  g_autoptr(GError) error = NULL;
  CommDeepDive *fresh = comm_deep_dive_load (self->database, self->id, &error);

  if (fresh == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  clear_pages (self);  /* the pages point into the old Deep Dive */
  g_clear_pointer (&self->dive, comm_deep_dive_free);
  self->dive = fresh;
  build (self);
  comm_deep_dive_editor_show_page (self, page);

  return TRUE;
}

static gboolean
flush_pages (CommDeepDiveEditor *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->pages, i);

      if (COMM_IS_DEEP_DIVE_AREA_VIEW (page))
        ok &= comm_deep_dive_area_view_flush (COMM_DEEP_DIVE_AREA_VIEW (page));
      else if (COMM_IS_DEEP_DIVE_COMPLETION (page))
        ok &= comm_deep_dive_completion_flush (COMM_DEEP_DIVE_COMPLETION (page));
    }

  return ok;
}

static void
focus_page (CommDeepDiveEditor *self)
{
  GtkWidget *page;

  if (self->page < 0 || (guint) self->page >= self->pages->len)
    return;

  page = g_ptr_array_index (self->pages, self->page);
  if (COMM_IS_DEEP_DIVE_AREA_VIEW (page))
    comm_deep_dive_area_view_focus (COMM_DEEP_DIVE_AREA_VIEW (page));
  else
    comm_deep_dive_completion_focus (COMM_DEEP_DIVE_COMPLETION (page));
}

static void
on_sidebar_row_selected_cb (CommDeepDiveEditor *self,
                            GtkListBoxRow      *row,
                            GtkListBox         *sidebar)
{
  if (self->loading || row == NULL)
    return;

  comm_deep_dive_editor_show_page (self, gtk_list_box_row_get_index (row));
}

/* The RAG question after sign-off */

static void
on_rag_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    CommDeepDiveEditor *self)
{
  CommRag rag = comm_grade_suggested_rag (self->dive->grade);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  if (!comm_deep_dive_apply_rag (self->database, self->id, rag, NULL, NULL, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_free (self->rag_note);
  self->rag_note = g_strdup_printf (_("The contract is now rated %s."), comm_rag_to_label (rag));
  update_locked (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ask_rag (CommDeepDiveEditor *self)
{
  CommRag rag = comm_grade_suggested_rag (self->dive->grade);
  g_autoptr(CommContract) contract = NULL;
  g_autofree char *body = NULL;
  g_autofree char *apply = NULL;
  CommRag current = COMM_RAG_NONE;
  GtkWidget *dialog;
  GDate today;

  if (rag == COMM_RAG_NONE)
    return;

  comm_date_today (&today);
  contract = comm_contract_store_get (self->database, self->dive->contract_id, &today, NULL);
  if (contract != NULL)
    current = comm_contract_get_rag (contract);

  body = g_strdup_printf (_("The Deep Dive graded the service %s, which suggests %s. The contract is rated %s now. "
                            "Changing it adds a dated rating to the contract’s history."),
                          comm_grade_to_label (self->dive->grade), comm_rag_to_label (rag),
                          comm_rag_to_label (current));
  /* Translators: a button: "Rate Green" */
  apply = g_strdup_printf (_("Rate %s"), comm_rag_to_label (rag));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Update the Contract’s RAG Rating?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Current Rating"),
                                    "apply", apply, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rag_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommDeepDiveEditor *self = COMM_DEEP_DIVE_EDITOR (widget);
  int by = g_str_equal (action_name, "deep-dive.next-area") ? 1 : -1;
  int to = self->page + by;

  if (self->page < 0 || to < 0 || (guint) to >= self->pages->len)
    return;

  comm_deep_dive_editor_show_page (self, to);
  focus_page (self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CommDeepDiveEditor *self = COMM_DEEP_DIVE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!comm_deep_dive_start (self->database, self->id, NULL, &self->dive->revision, &error))
    {
      show_error (self, error->message);
      return;
    }

  if (reload (self, 0))
    focus_page (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
sign_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CommDeepDiveEditor *self = COMM_DEEP_DIVE_EDITOR (widget);
  CommDeepDiveCompletion *completion;
  g_autoptr(GError) error = NULL;
  g_autofree char *signer = NULL;
  g_autofree char *date = NULL;

  if (n_areas (self) == 0 || !flush_pages (self))
    return;

  completion = g_ptr_array_index (self->pages, n_areas (self));
  signer = comm_deep_dive_completion_dup_signer (completion);
  if (!comm_deep_dive_completion_get_date (completion, &date, &error) ||
      !comm_deep_dive_sign_off (self->database, self->id, signer, *date != '\0' ? date : NULL,
                                &self->dive->revision, &error))
    {
      comm_deep_dive_editor_show_page (self, n_areas (self));
      comm_deep_dive_completion_show_problem (completion, error->message);
      return;
    }

  reload (self, (int) n_areas (self));
  g_signal_emit (self, signals[CHANGED], 0);
  ask_rag (self);
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reopen", *trimmed != '\0');
}

static void
on_reopen_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       CommDeepDiveEditor *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "comm-reason");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reopen") != 0)
    return;

  if (!comm_deep_dive_reopen (self->database, self->id, gtk_editable_get_text (entry),
                              &self->dive->revision, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->rag_note, g_free);
  reload (self, MAX (self->page, 0));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommDeepDiveEditor *self = COMM_DEEP_DIVE_EDITOR (widget);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reopen the Deep Dive?"),
                                   _("It becomes editable again and loses its sign-off. Say why: the reason "
                                     "is kept in the audit trail."));
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "reason_entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for reopening"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for reopening"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "comm-reason", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
open_contract_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CommDeepDiveEditor *self = COMM_DEEP_DIVE_EDITOR (widget);
  g_autoptr(CommContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  CommContractEditor *editor;
  GDate today;

  comm_date_today (&today);
  contract = comm_contract_store_get (self->database, self->dive->contract_id, &today, &error);
  if (contract == NULL)
    {
      show_error (self, error->message);
      return;
    }

  editor = comm_contract_editor_new (self->database, contract);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Overrides */

static gboolean
on_close_request_cb (CommDeepDiveEditor *self)
{
  /* Whatever was typed is saved on the way out; if that fails, say so once before closing. */
  if (flush_pages (self) || self->close_anyway)
    return FALSE;

  self->close_anyway = TRUE;
  return TRUE;
}

static void
comm_deep_dive_editor_dispose (GObject *object)
{
  CommDeepDiveEditor *self = COMM_DEEP_DIVE_EDITOR (object);

  if (self->pages != NULL)
    flush_pages (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_DEEP_DIVE_EDITOR);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->dive, comm_deep_dive_free);
  g_clear_pointer (&self->rag_note, g_free);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (comm_deep_dive_editor_parent_class)->dispose (object);
}

static void
add_shortcuts (CommDeepDiveEditor *self)
{
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "deep-dive.next-area" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "deep-dive.previous-area" },
    { GDK_KEY_Down, GDK_ALT_MASK, "deep-dive.next-area" },
    { GDK_KEY_Up, GDK_ALT_MASK, "deep-dive.previous-area" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Caught before the focused widget (a text view pages with Ctrl+Page Down itself). */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
comm_deep_dive_editor_class_init (CommDeepDiveEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_deep_dive_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-deep-dive-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveEditor, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveEditor, locked_revealer);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveEditor, locked_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveEditor, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveEditor, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveEditor, area_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "deep-dive.next-area", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "deep-dive.previous-area", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "deep-dive.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "deep-dive.sign-off", NULL, sign_off_action);
  gtk_widget_class_install_action (widget_class, "deep-dive.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "deep-dive.open-contract", NULL, open_contract_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comm_deep_dive_editor_init (CommDeepDiveEditor *self)
{
  self->pages = g_ptr_array_new ();
  self->page = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);
}

/* Public */

CommDeepDiveEditor *
comm_deep_dive_editor_new (CommDatabase  *database,
                           gint64         id,
                           GError       **error)
{
  CommDeepDive *dive;
  CommDeepDiveEditor *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);

  dive = comm_deep_dive_load (database, id, error);
  if (dive == NULL)
    return NULL;

  self = g_object_new (COMM_TYPE_DEEP_DIVE_EDITOR, NULL);
  self->database = g_object_ref (database);
  self->dive = dive;
  self->id = id;
  build (self);
  comm_deep_dive_editor_show_page (self, n_areas (self) > 0 ? 0 : -1);

  return self;
}

gint64
comm_deep_dive_editor_get_id (CommDeepDiveEditor *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_EDITOR (self), 0);

  return self->id;
}

const CommDeepDive *
comm_deep_dive_editor_get_deep_dive (CommDeepDiveEditor *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_EDITOR (self), NULL);

  return self->dive;
}

int
comm_deep_dive_editor_get_page (CommDeepDiveEditor *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_EDITOR (self), -1);

  return self->page;
}

void
comm_deep_dive_editor_show_page (CommDeepDiveEditor *self,
                                 int                 page)
{
  g_return_if_fail (COMM_IS_DEEP_DIVE_EDITOR (self));

  if (self->pages->len == 0 || page < 0)
    {
      self->page = -1;
      if (self->start_page != NULL)
        gtk_stack_set_visible_child (self->area_stack, self->start_page);
      return;
    }

  self->page = CLAMP (page, 0, (int) self->pages->len - 1);
  gtk_stack_set_visible_child (self->area_stack, g_ptr_array_index (self->pages, self->page));
  self->loading = TRUE;
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, self->page));
  self->loading = FALSE;
}

GtkWidget *
comm_deep_dive_editor_get_page_widget (CommDeepDiveEditor *self,
                                       int                 page)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_EDITOR (self), NULL);

  if (page < 0)
    return self->start_page;
  if ((guint) page >= self->pages->len)
    return NULL;

  return g_ptr_array_index (self->pages, page);
}

gboolean
comm_deep_dive_editor_flush (CommDeepDiveEditor *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_EDITOR (self), FALSE);

  return flush_pages (self);
}
