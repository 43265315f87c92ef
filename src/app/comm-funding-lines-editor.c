/* comm-funding-lines-editor.c: the funding lines of a contract, edited in place
 *
 * Each row edits one CommFundingLine of the contract's array. Text that does not read as a
 * financial year or an amount leaves the line as it was and is reported as a problem, so the
 * editor can block saving while the typed text stays on screen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-funding-lines-editor.h"

struct _CommFundingLinesEditor
{
  AdwPreferencesGroup  parent_instance;

  GtkListBox          *lines_list;
  GtkLabel            *total_label;
  GtkLabel            *errors_label;
  GtkSizeGroup        *stream_group;
  GtkSizeGroup        *year_group;
  GtkSizeGroup        *amount_group;
  GtkSizeGroup        *button_group;

  GPtrArray           *lines;   /* CommFundingLine*, not owned */
  GPtrArray           *rows;    /* LineRow* */
  int                  default_year;
};

typedef struct {
  CommFundingLinesEditor *editor;
  CommFundingLine        *line;
  GtkWidget              *row;
  GtkEditable            *stream;
  GtkEditable            *year;
  GtkEditable            *amount;
  char                   *year_error;
  char                   *amount_error;
} LineRow;

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommFundingLinesEditor, comm_funding_lines_editor, ADW_TYPE_PREFERENCES_GROUP)

static void
line_row_free (LineRow *lr)
{
  g_free (lr->year_error);
  g_free (lr->amount_error);
  g_free (lr);
}

static void
set_error_class (GtkEditable *editable,
                 gboolean     bad)
{
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

static void
update_total (CommFundingLinesEditor *self)
{
  g_autoptr(GArray) years = g_array_new (FALSE, TRUE, sizeof (gint64) * 2);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *total_text = NULL;
  gint64 total = 0;

  for (guint i = 0; self->lines != NULL && i < self->lines->len; i++)
    {
      CommFundingLine *line = g_ptr_array_index (self->lines, i);
      guint j;

      total += line->amount;
      for (j = 0; j < years->len && g_array_index (years, gint64, 2 * j) != line->year; j++)
        ;
      if (j == years->len)
        {
          gint64 pair[2] = { line->year, 0 };
          g_array_append_vals (years, pair, 1);
        }
      ((gint64 *) years->data)[2 * j + 1] += line->amount;
    }

  total_text = comm_money_format (total);
  g_string_printf (text, _("Total %s"), total_text);
  for (guint j = 0; years->len > 1 && j < years->len; j++)
    {
      g_autofree char *year = comm_financial_year_label ((int) g_array_index (years, gint64, 2 * j));
      g_autofree char *money = comm_money_format (g_array_index (years, gint64, 2 * j + 1));

      /* Translators: each year's share, on a line under the total: "2026-27: £100,000.00" */
      g_string_append (text, j == 0 ? "\n" : "   ");
      g_string_append_printf (text, _("%s: %s"), year, money);
    }

  gtk_label_set_text (self->total_label, text->str);
}

static void
read_row (LineRow *lr)
{
  g_autofree char *stream = g_strstrip (g_strdup (gtk_editable_get_text (lr->stream)));
  g_autoptr(GError) year_error = NULL;
  g_autoptr(GError) amount_error = NULL;
  gint64 amount = 0;
  int year = 0;

  g_free (lr->line->stream);
  lr->line->stream = g_steal_pointer (&stream);

  g_clear_pointer (&lr->year_error, g_free);
  if (comm_financial_year_parse (gtk_editable_get_text (lr->year), &year, &year_error))
    lr->line->year = year;
  else
    lr->year_error = g_strdup (year_error->message);

  g_clear_pointer (&lr->amount_error, g_free);
  if (comm_money_parse (gtk_editable_get_text (lr->amount), &amount, &amount_error))
    lr->line->amount = amount;
  else
    lr->amount_error = g_strdup (amount_error->message);

  set_error_class (lr->year, lr->year_error != NULL);
  set_error_class (lr->amount, lr->amount_error != NULL);
}

static void
on_entry_changed_cb (GtkEditable *editable,
                     LineRow     *lr)
{
  read_row (lr);
  update_total (lr->editor);
  g_signal_emit (lr->editor, signals[CHANGED], 0);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      LineRow   *lr)
{
  CommFundingLinesEditor *self = lr->editor;

  gtk_list_box_remove (self->lines_list, lr->row);
  g_ptr_array_remove (self->lines, lr->line);   /* frees the line */
  g_ptr_array_remove (self->rows, lr);          /* frees lr */

  update_total (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkEditable *
make_entry (const char   *placeholder,
            const char   *accessible_label,
            int           width_chars,
            GtkSizeGroup *group)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  gtk_size_group_add_widget (group, entry);

  return GTK_EDITABLE (entry);
}

static LineRow *
append_row (CommFundingLinesEditor *self,
            CommFundingLine        *line)
{
  LineRow *lr = g_new0 (LineRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *year = comm_financial_year_label (line->year);
  g_autofree char *amount = comm_money_format (line->amount);

  lr->editor = self;
  lr->line = line;
  lr->stream = make_entry (_("e.g. WNF, DSG, Public Health"), _("Funding stream"), 14, self->stream_group);
  lr->year = make_entry ("2026-27", _("Financial year"), 8, self->year_group);
  lr->amount = make_entry ("£0.00", _("Amount"), 13, self->amount_group);
  gtk_widget_set_hexpand (GTK_WIDGET (lr->stream), TRUE);
  gtk_editable_set_alignment (lr->amount, 1.0);

  gtk_editable_set_text (lr->stream, line->stream != NULL ? line->stream : "");
  gtk_editable_set_text (lr->year, year);
  gtk_editable_set_text (lr->amount, amount);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this funding line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove funding line"),
                                  -1);
  gtk_size_group_add_widget (self->button_group, remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), lr);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (lr->stream));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (lr->year));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (lr->amount));
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  lr->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (lr->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (lr->row), box);
  gtk_list_box_append (self->lines_list, lr->row);
  g_ptr_array_add (self->rows, lr);

  g_signal_connect (lr->stream, "changed", G_CALLBACK (on_entry_changed_cb), lr);
  g_signal_connect (lr->year, "changed", G_CALLBACK (on_entry_changed_cb), lr);
  g_signal_connect (lr->amount, "changed", G_CALLBACK (on_entry_changed_cb), lr);

  return lr;
}

static void
on_add_clicked_cb (CommFundingLinesEditor *self,
                   GtkButton              *button)
{
  comm_funding_lines_editor_add_line (self);
}

static void
comm_funding_lines_editor_dispose (GObject *object)
{
  CommFundingLinesEditor *self = COMM_FUNDING_LINES_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_FUNDING_LINES_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);

  G_OBJECT_CLASS (comm_funding_lines_editor_parent_class)->dispose (object);
}

static void
comm_funding_lines_editor_class_init (CommFundingLinesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_funding_lines_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-funding-lines-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CommFundingLinesEditor, lines_list);
  gtk_widget_class_bind_template_child (widget_class, CommFundingLinesEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, CommFundingLinesEditor, errors_label);
  gtk_widget_class_bind_template_child (widget_class, CommFundingLinesEditor, stream_group);
  gtk_widget_class_bind_template_child (widget_class, CommFundingLinesEditor, year_group);
  gtk_widget_class_bind_template_child (widget_class, CommFundingLinesEditor, amount_group);
  gtk_widget_class_bind_template_child (widget_class, CommFundingLinesEditor, button_group);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
comm_funding_lines_editor_init (CommFundingLinesEditor *self)
{
  GDate today;

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) line_row_free);
  comm_date_today (&today);
  self->default_year = comm_financial_year_of (&today);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
comm_funding_lines_editor_new (void)
{
  return g_object_new (COMM_TYPE_FUNDING_LINES_EDITOR, NULL);
}

void
comm_funding_lines_editor_set_lines (CommFundingLinesEditor *self,
                                     GPtrArray              *lines,
                                     int                     default_year)
{
  g_return_if_fail (COMM_IS_FUNDING_LINES_EDITOR (self));
  g_return_if_fail (lines != NULL);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->lines_list, ((LineRow *) g_ptr_array_index (self->rows, i))->row);
  g_ptr_array_set_size (self->rows, 0);

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  self->lines = g_ptr_array_ref (lines);
  self->default_year = default_year;

  for (guint i = 0; i < lines->len; i++)
    append_row (self, g_ptr_array_index (lines, i));

  update_total (self);
}

GtkWidget *
comm_funding_lines_editor_add_line (CommFundingLinesEditor *self)
{
  CommFundingLine *line;
  LineRow *lr;

  g_return_val_if_fail (COMM_IS_FUNDING_LINES_EDITOR (self), NULL);
  g_return_val_if_fail (self->lines != NULL, NULL);

  line = comm_funding_line_new ("", self->default_year, 0);
  g_ptr_array_add (self->lines, line);
  lr = append_row (self, line);
  gtk_widget_grab_focus (GTK_WIDGET (lr->stream));

  update_total (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return lr->row;
}

void
comm_funding_lines_editor_collect_problems (CommFundingLinesEditor *self,
                                            GPtrArray              *problems)
{
  g_return_if_fail (COMM_IS_FUNDING_LINES_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      LineRow *lr = g_ptr_array_index (self->rows, i);
      const char *errors[] = { lr->year_error, lr->amount_error };
      guint index;
      g_autofree char *field = NULL;

      if (!g_ptr_array_find (self->lines, lr->line, &index))
        continue;
      field = g_strdup_printf ("funding-line:%u", index);

      for (guint e = 0; e < G_N_ELEMENTS (errors); e++)
        if (errors[e] != NULL)
          {
            /* Translators: "Funding line 2: “£143,00” is not an amount ..." */
            g_autofree char *message = g_strdup_printf (_("Funding line %u: %s"), index + 1, errors[e]);

            g_ptr_array_add (problems, comm_problem_new (field, message));
          }
    }
}

void
comm_funding_lines_editor_show_problems (CommFundingLinesEditor *self,
                                         GPtrArray              *problems)
{
  g_autoptr(GString) messages = g_string_new (NULL);

  g_return_if_fail (COMM_IS_FUNDING_LINES_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      LineRow *lr = g_ptr_array_index (self->rows, i);
      g_autofree char *field = NULL;
      guint index;

      if (!g_ptr_array_find (self->lines, lr->line, &index))
        continue;
      field = g_strdup_printf ("funding-line:%u", index);
      if (comm_problems_find (problems, field) != NULL)
        gtk_widget_add_css_class (lr->row, "error");
      else
        gtk_widget_remove_css_class (lr->row, "error");
    }

  for (guint i = 0; i < problems->len; i++)
    {
      CommProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_has_prefix (problem->field, "funding-line"))
        g_string_append_printf (messages, "%s%s", messages->len > 0 ? "\n" : "", problem->message);
    }

  gtk_label_set_text (self->errors_label, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), messages->len > 0);
}

gboolean
comm_funding_lines_editor_get_entries (CommFundingLinesEditor  *self,
                                       guint                    index,
                                       GtkEditable            **stream,
                                       GtkEditable            **year,
                                       GtkEditable            **amount)
{
  LineRow *lr;

  g_return_val_if_fail (COMM_IS_FUNDING_LINES_EDITOR (self), FALSE);

  if (index >= self->rows->len)
    return FALSE;

  lr = g_ptr_array_index (self->rows, index);
  if (stream != NULL)
    *stream = lr->stream;
  if (year != NULL)
    *year = lr->year;
  if (amount != NULL)
    *amount = lr->amount;

  return TRUE;
}
