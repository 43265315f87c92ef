/* comm-budget-grid.c: a long comparison of budgets as a list of rows of text cells */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budget-grid.h"
#include "comm-budget-table.h"

#define NAME_WIDTH 260
#define CELL_WIDTH 170

/* One row of the model: an index into the comparison's rows. */
#define COMM_TYPE_BUDGET_GRID_ITEM (comm_budget_grid_item_get_type ())
G_DECLARE_FINAL_TYPE (CommBudgetGridItem, comm_budget_grid_item, COMM, BUDGET_GRID_ITEM, GObject)

struct _CommBudgetGridItem
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (CommBudgetGridItem, comm_budget_grid_item, G_TYPE_OBJECT)

static void comm_budget_grid_item_class_init (CommBudgetGridItemClass *klass) { }
static void comm_budget_grid_item_init (CommBudgetGridItem *self) { }


/* One row on screen: draws its cells itself, so a row is one widget however many columns. */
#define COMM_TYPE_BUDGET_GRID_LINE (comm_budget_grid_line_get_type ())
G_DECLARE_FINAL_TYPE (CommBudgetGridLine, comm_budget_grid_line, COMM, BUDGET_GRID_LINE, GtkWidget)

struct _CommBudgetGridLine
{
  GtkWidget                   parent_instance;
  const CommBudgetComparison *comparison;  /* the grid's; NULL when unbound */
  guint                       index;
};

G_DEFINE_FINAL_TYPE (CommBudgetGridLine, comm_budget_grid_line, GTK_TYPE_WIDGET)

static void
comm_budget_grid_line_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  CommBudgetGridLine *self = COMM_BUDGET_GRID_LINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = NAME_WIDTH + CELL_WIDTH * (int) (self->comparison != NULL ? self->comparison->n_columns : 0);
  else
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int line = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));

      pango_font_metrics_unref (metrics);
      /* A line of figures and a smaller line of differences, with a little air. */
      *minimum = *natural = line + (line * 5) / 6 + 8;
    }
}

static void
draw_cell (CommBudgetGridLine *self,
           GtkSnapshot        *snapshot,
           const GdkRGBA      *color,
           int                 column,
           int                 x,
           int                 width)
{
  g_autofree char *markup = comm_budget_table_row_markup (self->comparison, self->index, column);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, (width - 12) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, column < 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 6, 4));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
comm_budget_grid_line_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  CommBudgetGridLine *self = COMM_BUDGET_GRID_LINE (widget);
  GdkRGBA color;

  if (self->comparison == NULL || self->index >= self->comparison->rows->len)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  draw_cell (self, snapshot, &color, -1, 0, NAME_WIDTH);
  for (guint c = 0; c < self->comparison->n_columns; c++)
    draw_cell (self, snapshot, &color, (int) c, NAME_WIDTH + CELL_WIDTH * (int) c, CELL_WIDTH);
}

static void
comm_budget_grid_line_class_init (CommBudgetGridLineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = comm_budget_grid_line_measure;
  widget_class->snapshot = comm_budget_grid_line_snapshot;
  gtk_widget_class_set_css_name (widget_class, "budgetgridline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
comm_budget_grid_line_init (CommBudgetGridLine *self)
{
}

struct _CommBudgetGrid
{
  GtkBox                parent_instance;

  GtkBox               *header;
  GtkListView          *list_view;
  GListStore           *store;
  CommBudgetComparison *comparison;
};

G_DEFINE_FINAL_TYPE (CommBudgetGrid, comm_budget_grid, GTK_TYPE_BOX)

/* "Early Intervention Grant, income: 2024-25 £950,000.00; 2025-26 £975,000.00, +£25,000.00 (+2.632%)" */
static char *
describe_row (CommBudgetGrid *self,
              guint           index)
{
  const CommBudgetRow *row = g_ptr_array_index (self->comparison->rows, index);
  g_autoptr(GString) text = g_string_new (row->name);

  for (guint c = 0; c < self->comparison->n_columns; c++)
    {
      const CommBudgetCell *cell = &row->cells[c];
      g_autofree char *amount = cell->present ? comm_money_format (cell->amount) : g_strdup (_("none"));

      g_string_append_printf (text, "; %s %s", self->comparison->column_titles[c], amount);
      if (c > 0 && cell->present)
        {
          g_autofree char *difference = comm_budget_format_difference (cell->difference);
          g_string_append_printf (text, ", %s", difference);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CommBudgetGrid           *self)
{
  gtk_list_item_set_child (item, g_object_new (COMM_TYPE_BUDGET_GRID_LINE, NULL));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CommBudgetGrid           *self)
{
  CommBudgetGridItem *row = gtk_list_item_get_item (item);
  CommBudgetGridLine *line = COMM_BUDGET_GRID_LINE (gtk_list_item_get_child (item));
  g_autofree char *description = NULL;

  if (row == NULL || self->comparison == NULL)
    return;
  line->comparison = self->comparison;
  line->index = row->index;
  gtk_widget_queue_resize (GTK_WIDGET (line));
  description = describe_row (self, row->index);
  gtk_accessible_update_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CommBudgetGrid           *self)
{
  COMM_BUDGET_GRID_LINE (gtk_list_item_get_child (item))->comparison = NULL;
}

static GtkWidget *
make_heading (const char *title,
              int         width,
              float       xalign)
{
  GtkWidget *label = gtk_label_new (title);

  /* As the rows draw their text: 6 pixels in from each side of the column. */
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_size_request (label, width - 12, -1);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
fill_header (CommBudgetGrid *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->header))) != NULL)
    gtk_box_remove (self->header, child);
  if (self->comparison == NULL)
    return;

  gtk_box_append (self->header, make_heading (_("Line"), NAME_WIDTH, 0.0f));
  for (guint c = 0; c < self->comparison->n_columns; c++)
    gtk_box_append (self->header, make_heading (self->comparison->column_titles[c], CELL_WIDTH, 1.0f));
}

static void
comm_budget_grid_dispose (GObject *object)
{
  CommBudgetGrid *self = COMM_BUDGET_GRID (object);

  if (self->list_view != NULL)
    gtk_list_view_set_factory (self->list_view, NULL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->comparison, comm_budget_comparison_free);

  G_OBJECT_CLASS (comm_budget_grid_parent_class)->dispose (object);
}

static void
comm_budget_grid_class_init (CommBudgetGridClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = comm_budget_grid_dispose;
}

static void
comm_budget_grid_init (CommBudgetGrid *self)
{
  GtkWidget *outer = gtk_scrolled_window_new ();
  GtkWidget *inner = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->store = g_list_store_new (COMM_TYPE_BUDGET_GRID_ITEM);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)))),
                                                      NULL));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "budget-grid");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Budgets year by year"), -1);

  self->header = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_widget_add_css_class (GTK_WIDGET (self->header), "budget-grid-header");
  gtk_widget_set_margin_start (GTK_WIDGET (self->header), 2);
  gtk_widget_set_margin_top (GTK_WIDGET (self->header), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->header), 6);

  /* Sideways, the headings and the rows scroll together; up and down, only the rows. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (inner), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (inner), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (inner, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->header));
  gtk_box_append (GTK_BOX (box), inner);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (outer), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (outer), box);
  gtk_widget_set_hexpand (outer, TRUE);
  gtk_widget_set_vexpand (outer, TRUE);
  gtk_box_append (GTK_BOX (self), outer);
}

GtkWidget *
comm_budget_grid_new (void)
{
  return g_object_new (COMM_TYPE_BUDGET_GRID, NULL);
}

void
comm_budget_grid_set_comparison (CommBudgetGrid       *self,
                                 CommBudgetComparison *comparison)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GtkListItemFactory *factory;

  g_return_if_fail (COMM_IS_BUDGET_GRID (self));

  /* No row may keep pointing into the comparison about to be freed. */
  g_list_store_remove_all (self->store);
  gtk_list_view_set_factory (self->list_view, NULL);
  g_clear_pointer (&self->comparison, comm_budget_comparison_free);
  self->comparison = comparison;
  fill_header (self);
  if (comparison == NULL)
    return;

  /* The rows' shape depends on the number of columns: a new factory for each comparison. */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  for (guint i = 0; i < comparison->rows->len; i++)
    {
      CommBudgetGridItem *row = g_object_new (COMM_TYPE_BUDGET_GRID_ITEM, NULL);

      row->index = i;
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (self->store, 0, 0, rows->pdata, rows->len);
}

const CommBudgetComparison *
comm_budget_grid_get_comparison (CommBudgetGrid *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_GRID (self), NULL);

  return self->comparison;
}

guint
comm_budget_grid_get_n_columns (CommBudgetGrid *self)
{
  g_return_val_if_fail (COMM_IS_BUDGET_GRID (self), 0);

  return self->comparison != NULL ? self->comparison->n_columns : 0;
}
