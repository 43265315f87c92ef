/* comm-budget-editor.c: the Budget view - lines and live figures
 *
 * Every change re-reads all four sections into a CommBudget and works it out again with
 * comm_budget_compute(): a budget has at most a few hundred lines, which takes well under a
 * millisecond, so nothing is cached. Each row keeps a copy of the line it was loaded from, so
 * what the rows do not show (contract links, published figures, notes, ids) survives editing.
 * Text that cannot be read is marked on its row; problems of the whole (percentages over 100%,
 * more allocated than available) are marked on the line they name, and summed up beside the
 * figures.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budget-editor.h"

#define N_SECTIONS 4

static const struct {
  const char *name;
  const char *label;
} figure_defs[] = {
  { "income",         N_("Total income") },
  { "committed",      N_("Committed") },
  { "available",      N_("Available") },
  { "fixed",          N_("Fixed allocations") },
  { "after-fixed",    N_("Remainder after fixed") },
  { "percent-total",  N_("Percentages total") },
  { "percent-amount", N_("Allocated by percentage") },
  { "unallocated",    N_("Unallocated") },
};
#define N_FIGURES G_N_ELEMENTS (figure_defs)

typedef struct {
  guint section;
  guint row;
} RowRef;

struct _CommBudgetEditor
{
  GtkBox             parent_instance;

  /* Template children */
  GtkStack          *stack;
  GtkBox            *sections_box;
  GtkGrid           *figures_grid;
  GtkWidget         *problem_box;
  GtkLabel          *problem_label;
  GtkLabel          *percent_gap_label;
  GtkWidget         *notes_box;
  GtkLabel          *notes_label;
  GtkLabel          *save_label;

  CommBudgetSection *sections[N_SECTIONS];
  GtkLabel          *figures[N_FIGURES];
  CommBudget        *header;     /* the budget shown, without lines */
  CommBudget        *budget;     /* as typed now */
  CommBudgetResult  *result;
  GArray            *rows;       /* RowRef per line of budget */
  GHashTable        *uses;       /* casefolded line name -> CommBudgetAllocationUse* */
  char              *problem;
  guint              n_bad_lines;
};

enum { CHANGED, LINE_ACTION, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommBudgetEditor, comm_budget_editor, GTK_TYPE_BOX)

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static void
set_figure (CommBudgetEditor *self,
            guint             i,
            const char       *text)
{
  gtk_label_set_text (self->figures[i], text != NULL ? text : "—");
}

static void
set_money_figure (CommBudgetEditor *self,
                  guint             i,
                  gint64            pence)
{
  g_autofree char *text = comm_money_format (pence);

  set_figure (self, i, text);
}

static void
set_section_total (CommBudgetSection *section,
                   const char        *value)
{
  /* Translators: under a section of a budget: "Total £12,000.00" or "Total 95%" */
  g_autofree char *total = g_strdup_printf (_("Total %s"), value);

  comm_budget_section_set_total (section, total);
}

/* Reads row @i of @section into a new line of self->budget; marks the row if it cannot. */
static void
read_row (CommBudgetEditor  *self,
          guint              s,
          guint              i)
{
  CommBudgetSection *section = self->sections[s];
  g_autofree char *name = stripped (comm_budget_section_get_name (section, i));
  g_autofree char *text = stripped (comm_budget_section_get_value (section, i));
  const CommBudgetLine *template = comm_budget_section_get_line_data (section, i);
  g_autoptr(GError) error = NULL;
  CommBudgetLine *line;
  RowRef ref = { s, i };
  gint64 value = 0;

  comm_budget_section_set_error (section, i, NULL, TRUE);
  if (*name == '\0' && *text == '\0')
    return;  /* a blank line, e.g. just added with Enter */

  if (*text != '\0' && !comm_budget_parse_value ((CommBudgetLineKind) s, text, &value, &error))
    {
      comm_budget_section_set_error (section, i, error->message, TRUE);
      self->n_bad_lines++;
      value = 0;
    }

  line = template != NULL ? comm_budget_line_copy (template) : comm_budget_line_new ((CommBudgetLineKind) s, "", 0);
  g_free (line->name);
  line->name = g_steal_pointer (&name);
  line->amount = s == COMM_BUDGET_LINE_PERCENT ? 0 : value;
  line->thousandths = s == COMM_BUDGET_LINE_PERCENT ? value : 0;
  comm_budget_add_line (self->budget, line);
  g_array_append_val (self->rows, ref);
}

static void
read_sections (CommBudgetEditor *self)
{
  g_clear_pointer (&self->budget, comm_budget_free);
  self->budget = comm_budget_copy (self->header);
  g_array_set_size (self->rows, 0);
  self->n_bad_lines = 0;

  for (guint s = 0; s < N_SECTIONS; s++)
    for (guint i = 0; i < comm_budget_section_get_n_lines (self->sections[s]); i++)
      read_row (self, s, i);
}

/* Marks the problems that name a line on its row; returns the first that names none. */
static const char *
mark_problems (CommBudgetEditor *self)
{
  const char *general = NULL;

  for (guint p = 0; p < self->result->problems->len; p++)
    {
      const CommProblem *problem = g_ptr_array_index (self->result->problems, p);
      guint64 line = 0;

      if (g_str_has_prefix (problem->field, "line:")
          && g_ascii_string_to_unsigned (problem->field + 5, 10, 0, self->rows->len - 1, &line, NULL))
        {
          RowRef *ref = &g_array_index (self->rows, RowRef, line);
          g_autofree char *name = stripped (comm_budget_section_get_name (self->sections[ref->section], ref->row));

          comm_budget_section_set_error (self->sections[ref->section], ref->row, problem->message,
                                         *name != '\0');
        }
      else if (general == NULL)
        general = problem->message;
    }

  return general;
}

static char *
allocation_info (CommBudgetEditor     *self,
                 const CommBudgetLine *line,
                 gint64                figure)
{
  g_autofree char *key = g_utf8_casefold (line->name, -1);
  const CommBudgetAllocationUse *use = self->uses != NULL ? g_hash_table_lookup (self->uses, key) : NULL;
  g_autofree char *allocated = NULL;
  g_autofree char *contracted = NULL;
  g_autofree char *left = NULL;

  if (line->contract_ids->len == 0)
    return g_strdup (_("No contracts linked"));
  if (use == NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract linked", "%u contracts linked",
                                         line->contract_ids->len),
                            line->contract_ids->len);

  allocated = comm_money_format (figure);
  contracted = comm_money_format (use->contracted);
  left = comm_money_format (figure - use->contracted);
  /* Translators: an allocation against the contracts linked to it */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Allocated %s · contracted %s (%u contract) · left %s",
                                       "Allocated %s · contracted %s (%u contracts) · left %s",
                                       use->n_contracts),
                          allocated, contracted, use->n_contracts, left);
}

static void
show_line_info (CommBudgetEditor *self,
                guint             i)
{
  const CommBudgetLine *line = g_ptr_array_index (self->budget->lines, i);
  const CommBudgetLineFigure *figure = comm_budget_result_line (self->result, i);
  RowRef *ref = &g_array_index (self->rows, RowRef, i);
  CommBudgetSection *section = self->sections[ref->section];
  g_autoptr(GString) info = g_string_new (NULL);
  g_autofree char *flags = NULL;
  const char *action = NULL;

  if (line->kind == COMM_BUDGET_LINE_COMMITMENT && line->contract_id != 0)
    {
      /* Translators: where a commitment's figure came from, e.g. "From the contract: its funding lines for the year" */
      g_string_append_printf (info, _("From the contract: %s"), comm_commitment_source_to_label (line->source));
      flags = comm_budget_line_flags_describe (line->flags);
      if (flags != NULL)
        {
          g_string_append_printf (info, "\n%s %s", _("Contract changed — figure kept."), flags);
          action = _("Update");
        }
    }
  else if (line->kind == COMM_BUDGET_LINE_FIXED || line->kind == COMM_BUDGET_LINE_PERCENT)
    {
      g_autofree char *use = allocation_info (self, line, figure->amount);

      g_string_append (info, use);
      action = line->contract_ids->len > 0 ? _("Contracts…") : _("Link Contracts…");
    }

  if (line->has_published && line->published != figure->amount)
    {
      g_autofree char *published = comm_money_format (line->published);
      g_autofree char *difference = comm_budget_format_difference (figure->amount - line->published);

      if (info->len > 0)
        g_string_append_c (info, '\n');
      /* Translators: an imported plan's own figure for a line that differs from the worked one */
      g_string_append_printf (info, _("Published as %s (a difference of %s, kept as published)"),
                              published, difference);
    }

  comm_budget_section_set_info (section, ref->row, info->len > 0 ? info->str : NULL,
                                flags != NULL, action);
}

static void
show_lines (CommBudgetEditor *self)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);  /* rows with a line, by (section, row) */

  for (guint i = 0; i < self->budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (self->budget->lines, i);
      const CommBudgetLineFigure *figure = comm_budget_result_line (self->result, i);
      RowRef *ref = &g_array_index (self->rows, RowRef, i);
      CommBudgetSection *section = self->sections[ref->section];

      g_hash_table_add (shown, GUINT_TO_POINTER ((ref->section << 24) | ref->row));
      if (line->kind == COMM_BUDGET_LINE_PERCENT && self->result->reconciled && self->n_bad_lines == 0)
        {
          g_autofree char *money = comm_money_format (figure->amount);

          comm_budget_section_set_result (section, ref->row, money, figure->penny_moved,
                                          _("The largest-remainder method gave this line one penny "
                                            "more than its share rounded down, so that the lines "
                                            "add up to the budget exactly."));
        }
      else
        comm_budget_section_set_result (section, ref->row, NULL, FALSE, NULL);
      show_line_info (self, i);
    }

  /* Blank rows show nothing. */
  for (guint s = 0; s < N_SECTIONS; s++)
    for (guint i = 0; i < comm_budget_section_get_n_lines (self->sections[s]); i++)
      if (!g_hash_table_contains (shown, GUINT_TO_POINTER ((s << 24) | i)))
        {
          comm_budget_section_set_result (self->sections[s], i, NULL, FALSE, NULL);
          comm_budget_section_set_info (self->sections[s], i, NULL, FALSE, NULL);
        }
}

static void
show_totals (CommBudgetEditor *self)
{
  const CommBudgetResult *r = self->result;
  g_autofree char *income = comm_money_format (r->total_income);
  g_autofree char *committed = comm_money_format (r->committed);
  g_autofree char *fixed = comm_money_format (r->fixed_total);
  g_autofree char *percent = comm_percent_format (r->percent_total);

  if (self->n_bad_lines > 0)
    {
      /* Totals without a line that cannot be read would mislead: none until it reads. */
      for (guint i = 0; i < N_FIGURES; i++)
        set_figure (self, i, NULL);
      for (guint i = 0; i < N_SECTIONS; i++)
        comm_budget_section_set_total (self->sections[i], NULL);
      return;
    }
  set_section_total (self->sections[COMM_BUDGET_LINE_INCOME], income);
  set_section_total (self->sections[COMM_BUDGET_LINE_COMMITMENT], committed);
  set_section_total (self->sections[COMM_BUDGET_LINE_FIXED], fixed);
  set_section_total (self->sections[COMM_BUDGET_LINE_PERCENT], percent);

  set_money_figure (self, 0, r->total_income);
  set_money_figure (self, 1, r->committed);
  set_money_figure (self, 2, r->available);
  set_money_figure (self, 3, r->fixed_total);
  set_money_figure (self, 4, r->after_fixed);
  set_figure (self, 5, percent);
  if (r->reconciled)
    {
      set_money_figure (self, 6, r->percent_amount);
      set_money_figure (self, 7, r->unallocated);
    }
  else
    {
      set_figure (self, 6, NULL);
      set_figure (self, 7, NULL);
    }
}

static void
show_percent_gap (CommBudgetEditor *self)
{
  gint64 gap = self->result->percent_gap;
  g_autofree char *amount = comm_percent_format (ABS (gap));
  g_autofree char *text = NULL;

  if (gap == 0 || self->result->percent_total == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->percent_gap_label), FALSE);
      return;
    }

  if (gap > 0)
    /* Translators: %s is a percentage, e.g. "5%" */
    text = g_strdup_printf (_("Percentages are %s short of 100%%: that share stays unallocated."), amount);
  else
    /* Translators: %s is a percentage, e.g. "5%" */
    text = g_strdup_printf (_("Percentages are %s over 100%%."), amount);
  gtk_label_set_text (self->percent_gap_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->percent_gap_label), TRUE);
}

static void
show_notes (CommBudgetEditor *self)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint i = 0; i < self->result->warnings->len; i++)
    {
      const CommProblem *warning = g_ptr_array_index (self->result->warnings, i);

      if (g_str_equal (warning->field, "percent-total"))
        continue;  /* the gap has its own line */
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, warning->message);
    }

  gtk_label_set_text (self->notes_label, notes->str);
  gtk_widget_set_visible (self->notes_box, notes->len > 0);
}

static void
show_problem (CommBudgetEditor *self,
              const char       *general)
{
  g_clear_pointer (&self->problem, g_free);
  if (self->n_bad_lines > 0)
    self->problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Not saved: %u line cannot be read; it is marked.",
                                                  "Not saved: %u lines cannot be read; they are marked.",
                                                  self->n_bad_lines),
                                     self->n_bad_lines);
  else if (general != NULL)
    self->problem = g_strdup_printf (_("Not saved: %s"), general);
  else if (self->result->problems->len > 0)
    self->problem = g_strdup (_("Not saved: a line is marked with what is wrong."));

  gtk_label_set_text (self->problem_label, self->problem != NULL ? self->problem : "");
  gtk_widget_set_visible (self->problem_box, self->problem != NULL);
}

static void
recompute (CommBudgetEditor *self)
{
  if (self->header == NULL)
    return;

  read_sections (self);
  g_clear_pointer (&self->result, comm_budget_result_free);
  self->result = comm_budget_compute (self->budget);

  show_totals (self);
  show_lines (self);
  show_percent_gap (self);
  show_notes (self);
  show_problem (self, mark_problems (self));
}

/* Callbacks */

static void
on_section_changed_cb (CommBudgetSection *section,
                       CommBudgetEditor  *self)
{
  recompute (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_line_action_cb (CommBudgetSection *section,
                   guint              index,
                   CommBudgetEditor  *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      RowRef *ref = &g_array_index (self->rows, RowRef, i);

      if (self->sections[ref->section] == section && ref->row == index)
        {
          g_signal_emit (self, signals[LINE_ACTION], 0, i);
          return;
        }
    }
}

/* Overrides */

static void
build_figures (CommBudgetEditor *self)
{
  for (guint i = 0; i < N_FIGURES; i++)
    {
      GtkWidget *label = gtk_label_new (_(figure_defs[i].label));
      GtkWidget *value = gtk_label_new ("—");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_widget_set_name (value, figure_defs[i].name);
      gtk_widget_add_css_class (value, "budget-figure");
      if (i == 2 || i == 7)
        {
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_add_css_class (value, "heading");
        }
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      gtk_grid_attach (self->figures_grid, label, 0, (int) i, 1, 1);
      gtk_grid_attach (self->figures_grid, value, 1, (int) i, 1, 1);
      self->figures[i] = GTK_LABEL (value);
    }
}

static void
comm_budget_editor_dispose (GObject *object)
{
  CommBudgetEditor *self = COMM_BUDGET_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_BUDGET_EDITOR);
  g_clear_pointer (&self->header, comm_budget_free);
  g_clear_pointer (&self->budget, comm_budget_free);
  g_clear_pointer (&self->result, comm_budget_result_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->uses, g_hash_table_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (comm_budget_editor_parent_class)->dispose (object);
}

static void
comm_budget_editor_class_init (CommBudgetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_budget_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LINE_ACTION] = g_signal_new ("line-action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-budget-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CommBudgetEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetEditor, sections_box);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetEditor, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetEditor, problem_box);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetEditor, percent_gap_label);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetEditor, notes_box);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetEditor, notes_label);
  gtk_widget_class_bind_template_child (widget_class, CommBudgetEditor, save_label);
}

static void
comm_budget_editor_init (CommBudgetEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, FALSE, sizeof (RowRef));
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      self->sections[s] = COMM_BUDGET_SECTION (comm_budget_section_new ((CommBudgetSectionKind) s));
      g_signal_connect (self->sections[s], "changed", G_CALLBACK (on_section_changed_cb), self);
      g_signal_connect (self->sections[s], "line-action", G_CALLBACK (on_line_action_cb), self);
      gtk_box_append (self->sections_box, GTK_WIDGET (self->sections[s]));
    }
  build_figures (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API */

GtkWidget *
comm_budget_editor_new (void)
{
  return g_object_new (COMM_TYPE_BUDGET_EDITOR, NULL);
}

static char *
format_value (const CommBudgetLine *line)
{
  if (line->kind == COMM_BUDGET_LINE_PERCENT)
    return comm_percent_format (line->thousandths);

  return comm_money_format (line->amount);
}

void
comm_budget_editor_set_budget (CommBudgetEditor *self,
                               const CommBudget *budget)
{
  g_return_if_fail (COMM_IS_BUDGET_EDITOR (self));

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      comm_budget_section_set_loading (self->sections[s], TRUE);
      comm_budget_section_clear (self->sections[s]);
    }
  g_clear_pointer (&self->header, comm_budget_free);
  g_clear_pointer (&self->budget, comm_budget_free);
  g_clear_pointer (&self->result, comm_budget_result_free);

  if (budget != NULL)
    {
      self->header = comm_budget_copy (budget);
      g_ptr_array_set_size (self->header->lines, 0);
      for (guint i = 0; i < budget->lines->len; i++)
        {
          const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);
          CommBudgetSection *section = self->sections[line->kind];
          g_autofree char *value = format_value (line);
          guint row = comm_budget_section_add_line (section, line->name, value);

          comm_budget_section_set_line_data (section, row, comm_budget_line_copy (line),
                                             (GDestroyNotify) comm_budget_line_free);
        }
    }

  for (guint s = 0; s < N_SECTIONS; s++)
    comm_budget_section_set_loading (self->sections[s], FALSE);
  gtk_stack_set_visible_child_name (self->stack, budget != NULL ? "budget" : "empty");
  recompute (self);
}

const CommBudget *
comm_budget_editor_get_budget (CommBudgetEditor *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_EDITOR (self), NULL);

  return self->budget;
}

const CommBudgetResult *
comm_budget_editor_get_result (CommBudgetEditor *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_EDITOR (self), NULL);

  return self->result;
}

void
comm_budget_editor_take_ids (CommBudgetEditor *self,
                             const CommBudget *saved)
{
  g_return_if_fail (COMM_IS_BUDGET_EDITOR (self));
  g_return_if_fail (saved != NULL);

  if (self->header == NULL || self->budget == NULL)
    return;
  self->header->id = self->budget->id = saved->id;
  self->header->programme_id = self->budget->programme_id = saved->programme_id;
  for (guint i = 0; i < self->rows->len && i < saved->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (saved->lines, i);
      RowRef *ref = &g_array_index (self->rows, RowRef, i);
      CommBudgetSection *section = self->sections[ref->section];
      CommBudgetLine *template = comm_budget_section_get_line_data (section, ref->row);

      if (template == NULL)
        comm_budget_section_set_line_data (section, ref->row, comm_budget_line_copy (line),
                                           (GDestroyNotify) comm_budget_line_free);
      else
        template->id = line->id;
      ((CommBudgetLine *) g_ptr_array_index (self->budget->lines, i))->id = line->id;
    }
}

gboolean
comm_budget_editor_is_valid (CommBudgetEditor *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_EDITOR (self), FALSE);

  return self->budget != NULL && self->problem == NULL;
}

const char *
comm_budget_editor_get_problem (CommBudgetEditor *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_EDITOR (self), NULL);

  return self->problem;
}

CommBudgetSection *
comm_budget_editor_get_section (CommBudgetEditor   *self,
                                CommBudgetLineKind  kind)
{
  g_return_val_if_fail (COMM_IS_BUDGET_EDITOR (self), NULL);
  g_return_val_if_fail ((guint) kind < N_SECTIONS, NULL);

  return self->sections[kind];
}

void
comm_budget_editor_set_allocation_use (CommBudgetEditor *self,
                                       GArray           *uses)
{
  g_return_if_fail (COMM_IS_BUDGET_EDITOR (self));

  g_clear_pointer (&self->uses, g_hash_table_unref);
  if (uses != NULL && self->budget != NULL)
    {
      self->uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < uses->len; i++)
        {
          const CommBudgetAllocationUse *use = &g_array_index (uses, CommBudgetAllocationUse, i);
          const CommBudgetLine *line;

          if (use->line >= self->budget->lines->len)
            continue;
          line = g_ptr_array_index (self->budget->lines, use->line);
          g_hash_table_replace (self->uses, g_utf8_casefold (line->name, -1),
                                g_memdup2 (use, sizeof *use));
        }
    }
  if (self->budget != NULL)
    show_lines (self);
}

void
comm_budget_editor_set_save_state (CommBudgetEditor *self,
                                   const char       *text,
                                   gboolean          problem)
{
  g_return_if_fail (COMM_IS_BUDGET_EDITOR (self));

  gtk_label_set_text (self->save_label, text != NULL ? text : "");
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "budget-line-warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "budget-line-warning");
}

const char *
comm_budget_editor_get_figure (CommBudgetEditor *self,
                               const char       *name)
{
  g_return_val_if_fail (COMM_IS_BUDGET_EDITOR (self), NULL);

  for (guint i = 0; i < N_FIGURES; i++)
    if (g_strcmp0 (figure_defs[i].name, name) == 0)
      return gtk_label_get_text (self->figures[i]);

  return NULL;
}

const char *
comm_budget_editor_get_notes (CommBudgetEditor *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_EDITOR (self), NULL);

  return gtk_label_get_text (self->notes_label);
}

gboolean
comm_budget_editor_find_row (CommBudgetEditor   *self,
                             guint               line,
                             CommBudgetSection **section,
                             guint              *row)
{
  RowRef *ref;

  g_return_val_if_fail (COMM_IS_BUDGET_EDITOR (self), FALSE);

  if (line >= self->rows->len)
    return FALSE;
  ref = &g_array_index (self->rows, RowRef, line);
  *section = self->sections[ref->section];
  *row = ref->row;

  return TRUE;
}
