/* comm-rag-history-editor.c: a contract's dated RAG ratings, with a form to add one
 *
 * A rating is history, not a field: saved ratings are shown read-only; a rating added in this
 * session can be taken back until the contract is saved.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-date-input.h"
#include "comm-rag-history-editor.h"

struct _CommRagHistoryEditor
{
  AdwPreferencesGroup  parent_instance;

  AdwExpanderRow      *add_row;
  AdwEntryRow         *date_row;
  GtkLabel            *date_hint;
  AdwComboRow         *rating_row;
  AdwComboRow         *kpi_row;
  AdwEntryRow         *comment_row;
  GtkButton           *add_button;
  GtkLabel            *errors_label;

  GPtrArray           *entries;  /* CommRagEntry*, not owned */
  GPtrArray           *rows;     /* the rows shown for entries */
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The form's rating list, in order. */
static const CommRag form_ratings[] = { COMM_RAG_GREEN, COMM_RAG_AMBER, COMM_RAG_RED };

G_DEFINE_FINAL_TYPE (CommRagHistoryEditor, comm_rag_history_editor, ADW_TYPE_PREFERENCES_GROUP)

static void rebuild_rows (CommRagHistoryEditor *self);

static void
on_remove_clicked_cb (GtkButton            *button,
                      CommRagHistoryEditor *self)
{
  CommRagEntry *entry = g_object_get_data (G_OBJECT (button), "comm-rag-entry");

  g_ptr_array_remove (self->entries, entry);
  rebuild_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
make_entry_row (CommRagHistoryEditor *self,
                CommRagEntry         *entry)
{
  static const char * const classes[] = { "rag-none", "rag-green", "rag-amber", "rag-red" };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (comm_rag_to_label (entry->rag));
  g_autofree char *date = comm_date_iso_to_display (entry->rated_on);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (entry->comment != NULL && *entry->comment != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->comment);

  gtk_widget_add_css_class (pill, "rag-pill");
  gtk_widget_add_css_class (pill, classes[(guint) entry->rag < G_N_ELEMENTS (classes) ? entry->rag : 0]);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (pill, 90, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), pill);

  if (entry->kpi != COMM_KPI_NONE)
    {
      g_autofree char *text = g_strdup_printf (_("KPI: %s"), comm_kpi_rating_to_label (entry->kpi));
      GtkWidget *kpi = gtk_label_new (text);

      gtk_widget_add_css_class (kpi, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), kpi);
    }

  if (entry->id == 0)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Take back this rating (it is not saved yet)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove rating"),
                                      -1);
      g_object_set_data (G_OBJECT (remove), "comm-rag-entry", entry);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }

  return row;
}

static void
rebuild_rows (CommRagHistoryEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      GtkWidget *row = make_entry_row (self, g_ptr_array_index (self->entries, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_form_changed_cb (CommRagHistoryEditor *self,
                    AdwEntryRow          *row)
{
  g_autofree char *iso = NULL;
  g_autofree char *hint = NULL;
  gboolean ok;

  ok = comm_date_input_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &iso, NULL) && *iso != '\0';
  hint = ok ? comm_date_input_describe (iso) : g_strdup (_("Not a date"));
  gtk_label_set_text (self->date_hint, hint);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), ok);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
on_add_clicked_cb (CommRagHistoryEditor *self,
                   GtkButton            *button)
{
  guint rating = adw_combo_row_get_selected (self->rating_row);
  guint kpi = adw_combo_row_get_selected (self->kpi_row);

  if (rating >= G_N_ELEMENTS (form_ratings))
    rating = 0;
  if (kpi > COMM_KPI_INADEQUATE)
    kpi = COMM_KPI_NONE;

  if (comm_rag_history_editor_add (self, gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                   form_ratings[rating], (CommKpiRating) kpi,
                                   gtk_editable_get_text (GTK_EDITABLE (self->comment_row))))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->comment_row), "");
      adw_expander_row_set_expanded (self->add_row, FALSE);
    }
}

static void
comm_rag_history_editor_dispose (GObject *object)
{
  CommRagHistoryEditor *self = COMM_RAG_HISTORY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_RAG_HISTORY_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (comm_rag_history_editor_parent_class)->dispose (object);
}

static void
comm_rag_history_editor_class_init (CommRagHistoryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_rag_history_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-rag-history-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CommRagHistoryEditor, add_row);
  gtk_widget_class_bind_template_child (widget_class, CommRagHistoryEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, CommRagHistoryEditor, date_hint);
  gtk_widget_class_bind_template_child (widget_class, CommRagHistoryEditor, rating_row);
  gtk_widget_class_bind_template_child (widget_class, CommRagHistoryEditor, kpi_row);
  gtk_widget_class_bind_template_child (widget_class, CommRagHistoryEditor, comment_row);
  gtk_widget_class_bind_template_child (widget_class, CommRagHistoryEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, CommRagHistoryEditor, errors_label);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
comm_rag_history_editor_init (CommRagHistoryEditor *self)
{
  g_autofree char *today_iso = NULL;
  GDate today;

  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  comm_date_today (&today);
  today_iso = comm_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_iso);
}

GtkWidget *
comm_rag_history_editor_new (void)
{
  return g_object_new (COMM_TYPE_RAG_HISTORY_EDITOR, NULL);
}

void
comm_rag_history_editor_set_history (CommRagHistoryEditor *self,
                                     GPtrArray            *entries)
{
  g_return_if_fail (COMM_IS_RAG_HISTORY_EDITOR (self));
  g_return_if_fail (entries != NULL);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_ptr_array_ref (entries);
  rebuild_rows (self);
}

gboolean
comm_rag_history_editor_add (CommRagHistoryEditor *self,
                             const char           *rated_on,
                             CommRag               rag,
                             CommKpiRating         kpi,
                             const char           *comment)
{
  g_autofree char *iso = NULL;
  g_autofree char *note = NULL;
  guint position = 0;

  g_return_val_if_fail (COMM_IS_RAG_HISTORY_EDITOR (self), FALSE);
  g_return_val_if_fail (self->entries != NULL, FALSE);

  if (!comm_date_input_parse (rated_on, &iso, NULL) || *iso == '\0')
    return FALSE;

  /* Newest first; a rating on the same day as another goes above it. */
  while (position < self->entries->len &&
         g_strcmp0 (((CommRagEntry *) g_ptr_array_index (self->entries, position))->rated_on, iso) > 0)
    position++;

  note = g_strstrip (g_strdup (comment != NULL ? comment : ""));
  g_ptr_array_insert (self->entries, (int) position, comm_rag_entry_new (iso, rag, kpi, note));
  rebuild_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

void
comm_rag_history_editor_show_problems (CommRagHistoryEditor *self,
                                       GPtrArray            *problems)
{
  g_autoptr(GString) messages = g_string_new (NULL);

  g_return_if_fail (COMM_IS_RAG_HISTORY_EDITOR (self));

  for (guint i = 0; i < problems->len; i++)
    {
      CommProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_has_prefix (problem->field, "rag"))
        g_string_append_printf (messages, "%s%s", messages->len > 0 ? "\n" : "", problem->message);
    }

  gtk_label_set_text (self->errors_label, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), messages->len > 0);
}
