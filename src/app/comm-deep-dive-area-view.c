/* comm-deep-dive-area-view.c: one checklist area of a Deep Dive, as a page of the editor
 *
 * Laid out for a projector: one area a page, large type, the template's guidance and prompts
 * first, then the judgement as four buttons with an icon and a word each (Alt+M, Alt+P, Alt+O,
 * Alt+S), the notes, the evidence and the actions. The judgement is saved when chosen; the notes
 * half a second after the last key, when the page is left and when the window closes, so closing
 * mid-sentence loses nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-deep-dive-actions-list.h"
#include "comm-deep-dive-area-view.h"
#include "comm-deep-dive-evidence.h"

#define AUTOSAVE_DELAY_MS 500

struct _CommDeepDiveAreaView
{
  AdwBin                   parent_instance;

  GtkLabel                *position_label;
  GtkLabel                *title_label;
  GtkLabel                *guidance_label;
  GtkLabel                *prompts_label;
  GtkBox                  *judgement_box;
  GtkLabel                *saved_label;
  GtkTextView             *notes_view;
  AdwBin                  *evidence_bin;
  AdwBin                  *actions_bin;

  CommDatabase            *database;
  CommDeepDiveArea        *area;       /* owned by the editor's Deep Dive */
  GtkToggleButton         *judgement_buttons[COMM_N_JUDGEMENTS];
  CommDeepDiveEvidence    *evidence;
  CommDeepDiveActionsList *actions;
  guint                    autosave_source;
  gboolean                 notes_pending;
  gboolean                 loading;
  gboolean                 read_only;
};

enum { JUDGED, CHANGED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommDeepDiveAreaView, comm_deep_dive_area_view, ADW_TYPE_BIN)

static const struct {
  CommJudgement  judgement;
  const char    *label;
  const char    *icon;
} judgement_choices[] = {
  { COMM_JUDGEMENT_MET, N_("_Met"), "emblem-ok-symbolic" },
  { COMM_JUDGEMENT_PARTLY_MET, N_("_Partly met"), "checkbox-mixed-symbolic" },
  { COMM_JUDGEMENT_NOT_MET, N_("N_ot met"), "dialog-warning-symbolic" },
  { COMM_JUDGEMENT_NOT_ASSESSED, N_("Not a_ssessed"), "action-unavailable-symbolic" },
};

static char *
notes_text (CommDeepDiveAreaView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
fail (CommDeepDiveAreaView *self,
      const GError         *error)
{
  g_signal_emit (self, signals[FAILED], 0, error->message);
}

/* Saves @judgement and, if typed since the last save, the notes. */
static gboolean
save (CommDeepDiveAreaView *self,
      CommJudgement         judgement)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = self->notes_pending ? notes_text (self) : NULL;

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (!comm_deep_dive_save_area (self->database, self->area->id, judgement, notes,
                                 &self->area->revision, &error))
    {
      gtk_label_set_text (self->saved_label, _("Not saved"));
      fail (self, error);
      return FALSE;
    }

  if (notes != NULL)
    {
      g_free (self->area->notes);
      self->area->notes = g_steal_pointer (&notes);
    }
  self->notes_pending = FALSE;
  gtk_label_set_text (self->saved_label, _("Saved"));
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

static void
show_judgement (CommDeepDiveAreaView *self)
{
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (judgement_choices); i++)
    gtk_toggle_button_set_active (self->judgement_buttons[judgement_choices[i].judgement],
                                  self->area->judgement == judgement_choices[i].judgement);
  self->loading = FALSE;
}

static gboolean
on_autosave_cb (gpointer user_data)
{
  CommDeepDiveAreaView *self = user_data;

  self->autosave_source = 0;
  save (self, self->area->judgement);

  return G_SOURCE_REMOVE;
}

static void
on_notes_changed_cb (CommDeepDiveAreaView *self,
                     GtkTextBuffer        *buffer)
{
  if (self->loading)
    return;

  self->notes_pending = TRUE;
  gtk_label_set_text (self->saved_label, _("Saving…"));
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add (AUTOSAVE_DELAY_MS, on_autosave_cb, self);
}

static void
on_judgement_toggled_cb (GtkToggleButton      *button,
                         CommDeepDiveAreaView *self)
{
  CommJudgement judgement = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "comm-judgement"));

  if (self->loading || !gtk_toggle_button_get_active (button) || judgement == self->area->judgement)
    return;

  if (!save (self, judgement))
    {
      show_judgement (self);
      return;
    }

  self->area->judgement = judgement;
  g_signal_emit (self, signals[JUDGED], 0);
}

static void
on_child_changed_cb (CommDeepDiveAreaView *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_child_failed_cb (CommDeepDiveAreaView *self,
                    const char           *message)
{
  g_signal_emit (self, signals[FAILED], 0, message);
}

static void
build_judgements (CommDeepDiveAreaView *self)
{
  GtkToggleButton *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (judgement_choices); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name (judgement_choices[i].icon);
      GtkWidget *label = gtk_label_new_with_mnemonic (_(judgement_choices[i].label));

      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);

      g_object_set_data (G_OBJECT (button), "comm-judgement", GINT_TO_POINTER (judgement_choices[i].judgement));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_judgement_toggled_cb), self, 0);
      gtk_box_append (self->judgement_box, button);
      self->judgement_buttons[judgement_choices[i].judgement] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
fill (CommDeepDiveAreaView *self,
      guint                 n_areas)
{
  g_autofree char *position = g_strdup_printf (_("Area %u of %u"), self->area->number, n_areas);
  g_autoptr(GString) prompts = g_string_new (NULL);

  for (guint i = 0; self->area->prompts[i] != NULL; i++)
    g_string_append_printf (prompts, "%s•  %s", prompts->len > 0 ? "\n" : "", self->area->prompts[i]);

  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->title_label, self->area->title);
  gtk_label_set_text (self->guidance_label, self->area->guidance);
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_label), *self->area->guidance != '\0');
  gtk_label_set_text (self->prompts_label, prompts->str);
  gtk_widget_set_visible (GTK_WIDGET (self->prompts_label), prompts->len > 0);

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), self->area->notes, -1);
  self->loading = FALSE;
  show_judgement (self);
}

/* Overrides */

static void
comm_deep_dive_area_view_unmap (GtkWidget *widget)
{
  /* Leaving the page saves what was typed on it. */
  comm_deep_dive_area_view_flush (COMM_DEEP_DIVE_AREA_VIEW (widget));

  GTK_WIDGET_CLASS (comm_deep_dive_area_view_parent_class)->unmap (widget);
}

static void
comm_deep_dive_area_view_dispose (GObject *object)
{
  CommDeepDiveAreaView *self = COMM_DEEP_DIVE_AREA_VIEW (object);

  if (self->area != NULL && self->notes_pending)
    comm_deep_dive_area_view_flush (self);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_DEEP_DIVE_AREA_VIEW);
  g_clear_object (&self->database);
  self->area = NULL;

  G_OBJECT_CLASS (comm_deep_dive_area_view_parent_class)->dispose (object);
}

static void
comm_deep_dive_area_view_class_init (CommDeepDiveAreaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_deep_dive_area_view_dispose;
  widget_class->unmap = comm_deep_dive_area_view_unmap;

  signals[JUDGED] = g_signal_new ("judged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-deep-dive-area-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveAreaView, position_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveAreaView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveAreaView, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveAreaView, prompts_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveAreaView, judgement_box);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveAreaView, saved_label);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveAreaView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveAreaView, evidence_bin);
  gtk_widget_class_bind_template_child (widget_class, CommDeepDiveAreaView, actions_bin);
}

static void
comm_deep_dive_area_view_init (CommDeepDiveAreaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_judgements (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public */

CommDeepDiveAreaView *
comm_deep_dive_area_view_new (CommDatabase     *database,
                              CommDeepDiveArea *area,
                              guint             n_areas)
{
  CommDeepDiveAreaView *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  self = g_object_new (COMM_TYPE_DEEP_DIVE_AREA_VIEW, NULL);
  self->database = g_object_ref (database);
  self->area = area;
  fill (self, n_areas);

  self->evidence = comm_deep_dive_evidence_new (database, area);
  self->actions = comm_deep_dive_actions_list_new (database, area);
  adw_bin_set_child (self->evidence_bin, GTK_WIDGET (self->evidence));
  adw_bin_set_child (self->actions_bin, GTK_WIDGET (self->actions));
  g_signal_connect_object (self->evidence, "changed", G_CALLBACK (on_child_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evidence, "failed", G_CALLBACK (on_child_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actions, "changed", G_CALLBACK (on_child_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actions, "failed", G_CALLBACK (on_child_failed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

CommDeepDiveArea *
comm_deep_dive_area_view_get_area (CommDeepDiveAreaView *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_AREA_VIEW (self), NULL);

  return self->area;
}

void
comm_deep_dive_area_view_set_read_only (CommDeepDiveAreaView *self,
                                        gboolean              read_only)
{
  g_return_if_fail (COMM_IS_DEEP_DIVE_AREA_VIEW (self));

  self->read_only = read_only;
  gtk_text_view_set_editable (self->notes_view, !read_only);
  gtk_text_view_set_cursor_visible (self->notes_view, !read_only);
  for (guint i = 0; i < G_N_ELEMENTS (judgement_choices); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->judgement_buttons[judgement_choices[i].judgement]), !read_only);
  gtk_label_set_text (self->saved_label, read_only ? _("Read-only") : "");
  comm_deep_dive_evidence_set_read_only (self->evidence, read_only);
  comm_deep_dive_actions_list_set_read_only (self->actions, read_only);
}

gboolean
comm_deep_dive_area_view_flush (CommDeepDiveAreaView *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_AREA_VIEW (self), FALSE);

  if (!self->notes_pending || self->area == NULL || self->read_only)
    return TRUE;

  return save (self, self->area->judgement);
}

void
comm_deep_dive_area_view_focus (CommDeepDiveAreaView *self)
{
  CommJudgement judgement;

  g_return_if_fail (COMM_IS_DEEP_DIVE_AREA_VIEW (self));

  judgement = self->area->judgement != COMM_JUDGEMENT_NONE ? self->area->judgement : COMM_JUDGEMENT_MET;
  if (self->read_only)
    gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->judgement_buttons[judgement]));
}

GtkWidget *
comm_deep_dive_area_view_get_judgement_button (CommDeepDiveAreaView *self,
                                               CommJudgement         judgement)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_AREA_VIEW (self), NULL);
  g_return_val_if_fail (judgement > COMM_JUDGEMENT_NONE && judgement < COMM_N_JUDGEMENTS, NULL);

  return GTK_WIDGET (self->judgement_buttons[judgement]);
}

GtkTextView *
comm_deep_dive_area_view_get_notes_view (CommDeepDiveAreaView *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_AREA_VIEW (self), NULL);

  return self->notes_view;
}

GtkWidget *
comm_deep_dive_area_view_get_evidence (CommDeepDiveAreaView *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_AREA_VIEW (self), NULL);

  return GTK_WIDGET (self->evidence);
}

GtkWidget *
comm_deep_dive_area_view_get_actions (CommDeepDiveAreaView *self)
{
  g_return_val_if_fail (COMM_IS_DEEP_DIVE_AREA_VIEW (self), NULL);

  return GTK_WIDGET (self->actions);
}
