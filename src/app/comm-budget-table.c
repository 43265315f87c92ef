/* comm-budget-table.c: budgets side by side in a column view
 *
 * The rows are small objects holding an index into the comparison the table owns; the cells are
 * made by signal factories and filled on bind, so only the rows on screen cost anything - a
 * table of 10 years by 200 lines opens as fast as one of 20.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budget-table.h"

/* One row of the model: an index into the comparison's rows. */
#define COMM_TYPE_BUDGET_TABLE_ROW (comm_budget_table_row_get_type ())
G_DECLARE_FINAL_TYPE (CommBudgetTableRow, comm_budget_table_row, COMM, BUDGET_TABLE_ROW, GObject)

struct _CommBudgetTableRow
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (CommBudgetTableRow, comm_budget_table_row, G_TYPE_OBJECT)

static void comm_budget_table_row_class_init (CommBudgetTableRowClass *klass) { }
static void comm_budget_table_row_init (CommBudgetTableRow *self) { }

struct _CommBudgetTable
{
  GtkBox                parent_instance;

  GtkColumnView        *column_view;
  GListStore           *store;
  CommBudgetComparison *comparison;
};

G_DEFINE_FINAL_TYPE (CommBudgetTable, comm_budget_table, GTK_TYPE_BOX)

static const CommBudgetRow *
row_of (CommBudgetTable *self,
        GtkListItem     *item)
{
  CommBudgetTableRow *row = gtk_list_item_get_item (item);

  if (row == NULL || self->comparison == NULL || row->index >= self->comparison->rows->len)
    return NULL;

  return g_ptr_array_index (self->comparison->rows, row->index);
}

static char *
amount_text (const CommBudgetCell *cell)
{
  return cell->present ? comm_money_format (cell->amount) : g_strdup ("—");
}

/* "+£100.00 (+10%)"; NULL for the first column or an absent figure. */
static char *
difference_text (const CommBudgetCell *cell,
                 guint                 column)
{
  g_autofree char *pounds = NULL;
  g_autofree char *percent = NULL;

  if (column == 0 || !cell->present)
    return NULL;

  pounds = comm_budget_format_difference (cell->difference);
  if (!cell->has_percent)
    return g_steal_pointer (&pounds);
  percent = comm_budget_format_change (cell->percent);
  /* Translators: a difference in pounds and in percent: "+£100.00 (+10%)" */
  return g_strdup_printf (_("%s (%s)"), pounds, percent);
}

/* A cell is one GtkInscription (cheap to make, measured by its line count rather than its text:
 * GTK 4.8 keeps about 200 rows of a list alive, so 10 years of 200 lines is 2,000 cells), with
 * the figure on the first line and, smaller and dimmer, the difference on the second. */
static void
set_cell (GtkWidget  *cell,
          const char *top,
          const char *bottom,
          gboolean    bold)
{
  g_autofree char *markup = comm_budget_table_markup (top, bottom, bold);

  gtk_inscription_set_markup (GTK_INSCRIPTION (cell), markup);
}

/* Callbacks */

static void
on_setup_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  right_aligned)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 2);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (cell), 2);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), GPOINTER_TO_INT (right_aligned) ? 1.0f : 0.0f);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (cell, "budget-figure");
  gtk_list_item_set_child (item, cell);
}

static void
on_bind_name_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CommBudgetTable          *self)
{
  const CommBudgetRow *row = row_of (self, item);

  if (row == NULL)
    return;
  set_cell (gtk_list_item_get_child (item), row->name,
            row->summary ? _("Total") : comm_budget_line_kind_to_label (row->kind), row->summary);
}

static void
on_bind_cell_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CommBudgetTable          *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "comm-column"));
  const CommBudgetRow *row = row_of (self, item);
  g_autofree char *amount = NULL;
  g_autofree char *difference = NULL;

  if (row == NULL || column >= self->comparison->n_columns)
    return;
  amount = amount_text (&row->cells[column]);
  difference = difference_text (&row->cells[column], column);
  set_cell (gtk_list_item_get_child (item), amount, difference, row->summary);
}

/* Columns */

static GtkColumnViewColumn *
make_column (CommBudgetTable *self,
             const char      *title,
             int              column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell_cb), GINT_TO_POINTER (column >= 0));
  if (column < 0)
    g_signal_connect (factory, "bind", G_CALLBACK (on_bind_name_cb), self);
  else
    {
      g_object_set_data (G_OBJECT (factory), "comm-column", GUINT_TO_POINTER ((guint) column));
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell_cb), self);
    }

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (column < 0)
    gtk_column_view_column_set_expand (view_column, TRUE);
  else
    gtk_column_view_column_set_fixed_width (view_column, 170);

  return view_column;
}

static void
remove_columns (CommBudgetTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
comm_budget_table_dispose (GObject *object)
{
  CommBudgetTable *self = COMM_BUDGET_TABLE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->comparison, comm_budget_comparison_free);

  G_OBJECT_CLASS (comm_budget_table_parent_class)->dispose (object);
}

static void
comm_budget_table_class_init (CommBudgetTableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = comm_budget_table_dispose;
}

static void
comm_budget_table_init (CommBudgetTable *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkNoSelection *selection;

  self->store = g_list_store_new (COMM_TYPE_BUDGET_TABLE_ROW);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "budget-table");
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_box_append (GTK_BOX (self), scrolled);
}

GtkWidget *
comm_budget_table_new (void)
{
  return g_object_new (COMM_TYPE_BUDGET_TABLE, NULL);
}

void
comm_budget_table_set_comparison (CommBudgetTable      *self,
                                  CommBudgetComparison *comparison)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (COMM_IS_BUDGET_TABLE (self));

  g_list_store_remove_all (self->store);
  remove_columns (self);
  g_clear_pointer (&self->comparison, comm_budget_comparison_free);
  self->comparison = comparison;
  if (comparison == NULL)
    return;

  {
    g_autoptr(GtkColumnViewColumn) name = make_column (self, _("Line"), -1);
    gtk_column_view_append_column (self->column_view, name);
  }
  for (guint c = 0; c < comparison->n_columns; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = make_column (self, comparison->column_titles[c], (int) c);
      gtk_column_view_append_column (self->column_view, column);
    }

  for (guint i = 0; i < comparison->rows->len; i++)
    {
      CommBudgetTableRow *row = g_object_new (COMM_TYPE_BUDGET_TABLE_ROW, NULL);

      row->index = i;
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (self->store, 0, 0, rows->pdata, rows->len);
}

const CommBudgetComparison *
comm_budget_table_get_comparison (CommBudgetTable *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_TABLE (self), NULL);

  return self->comparison;
}

GtkColumnView *
comm_budget_table_get_column_view (CommBudgetTable *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_TABLE (self), NULL);

  return self->column_view;
}

char *
comm_budget_table_markup (const char *top,
                          const char *bottom,
                          gboolean    bold)
{
  if (bottom != NULL)
    return g_markup_printf_escaped (bold ? "<b>%s</b>\n<span size=\"small\" fgalpha=\"70%%\">%s</span>"
                                         : "%s\n<span size=\"small\" fgalpha=\"70%%\">%s</span>",
                                    top, bottom);

  return g_markup_printf_escaped (bold ? "<b>%s</b>" : "%s", top);
}

char *
comm_budget_table_row_markup (const CommBudgetComparison *comparison,
                              guint                       row,
                              int                         column)
{
  const CommBudgetRow *r = g_ptr_array_index (comparison->rows, row);
  g_autofree char *amount = NULL;
  g_autofree char *difference = NULL;

  if (column < 0)
    return comm_budget_table_markup (r->name, r->summary ? _("Total") : comm_budget_line_kind_to_label (r->kind),
                                     r->summary);
  amount = amount_text (&r->cells[column]);
  difference = difference_text (&r->cells[column], (guint) column);

  return comm_budget_table_markup (amount, difference, r->summary);
}

char *
comm_budget_table_dup_cell_text (CommBudgetTable *self,
                                 guint            row,
                                 guint            column)
{
  const CommBudgetRow *r;
  g_autofree char *amount = NULL;
  g_autofree char *difference = NULL;

  g_return_val_if_fail (COMM_IS_BUDGET_TABLE (self), NULL);
  g_return_val_if_fail (self->comparison != NULL && row < self->comparison->rows->len, NULL);
  g_return_val_if_fail (column < self->comparison->n_columns, NULL);

  r = g_ptr_array_index (self->comparison->rows, row);
  amount = amount_text (&r->cells[column]);
  difference = difference_text (&r->cells[column], column);
  if (difference == NULL)
    return g_steal_pointer (&amount);

  return g_strdup_printf ("%s %s", amount, difference);
}
