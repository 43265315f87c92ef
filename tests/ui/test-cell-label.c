/* test-cell-label.c: the register's cell label measures like a GtkLabel without laying out text */
#include "config.h"

#include "comm-cell-label.h"
#include "comm-test-ui.h"

typedef struct {
  GtkWidget *window;
  GtkWidget *box;
} Fixture;

static void
fixture_open (Fixture *f)
{
  f->window = gtk_window_new ();
  f->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_window_set_child (GTK_WINDOW (f->window), f->box);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 300);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  comm_test_ui_wait (0);
}

/* A GtkLabel set up as the register's labels were: one line, ellipsized. */
static GtkWidget *
reference_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  return label;
}

static int
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int            *natural)
{
  int minimum;

  gtk_widget_measure (widget, orientation, -1, &minimum, natural, NULL, NULL);
  return minimum;
}

static void
test_height_matches_label (void)
{
  Fixture f = { 0 };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  const char *texts[] = { "CYP-FS-001", "Children’s Centres – North cluster", "Ωmega Café", "" };

  fixture_open (&f);
  gtk_css_provider_load_from_data (css, ".big { font-size: 24px; } .bold { font-weight: bold; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *classes[] = { NULL, "bold", "big" };

      for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
        {
          GtkWidget *cell = comm_cell_label_new (0.0);
          GtkWidget *label = reference_label (texts[i]);
          int cell_height, label_height, natural;

          comm_cell_label_set_text (COMM_CELL_LABEL (cell), texts[i]);
          if (classes[c] != NULL)
            {
              gtk_widget_add_css_class (cell, classes[c]);
              gtk_widget_add_css_class (label, classes[c]);
            }
          gtk_box_append (GTK_BOX (f.box), cell);
          gtk_box_append (GTK_BOX (f.box), label);
          comm_test_ui_wait (0);

          cell_height = measure (cell, GTK_ORIENTATION_VERTICAL, &natural);
          g_assert_cmpint (natural, ==, cell_height);
          label_height = measure (label, GTK_ORIENTATION_VERTICAL, NULL);
          g_assert_cmpint (cell_height, ==, label_height);
          if (g_strcmp0 (classes[c], "big") == 0)
            g_assert_cmpint (cell_height, >=, 24);
          /* Ellipsized, it fits any width. */
          g_assert_cmpint (measure (cell, GTK_ORIENTATION_HORIZONTAL, NULL), ==, 0);
        }
    }

  g_free (comm_test_ui_save_screenshot (f.window, "cell-labels"));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  fixture_close (&f);
}

/* A label that takes the width of its text (a pill) asks for exactly that width. */
static void
test_pill_width (void)
{
  Fixture f = { 0 };
  const char *words[] = { "Green", "Amber", "Red", "Not rated" };

  fixture_open (&f);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      GtkWidget *pill = comm_cell_label_new (0.5);
      GtkWidget *label = reference_label (words[i]);
      int pill_natural, label_natural;

      gtk_widget_set_halign (pill, GTK_ALIGN_START);
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      comm_cell_label_set_text (COMM_CELL_LABEL (pill), words[i]);
      gtk_box_append (GTK_BOX (f.box), pill);
      gtk_box_append (GTK_BOX (f.box), label);
      comm_test_ui_wait (0);

      measure (pill, GTK_ORIENTATION_HORIZONTAL, &pill_natural);
      measure (label, GTK_ORIENTATION_HORIZONTAL, &label_natural);
      g_assert_cmpint (pill_natural, >, 0);
      g_assert_cmpint (pill_natural, ==, label_natural);
      /* Asked again (from the cache), the same. */
      gtk_widget_queue_resize (pill);
      measure (pill, GTK_ORIENTATION_HORIZONTAL, &label_natural);
      g_assert_cmpint (pill_natural, ==, label_natural);
    }
  fixture_close (&f);
}

static char *
tooltip_cb (CommCellLabel *label,
            gpointer       user_data)
{
  return g_strdup (user_data);
}

static void
test_text_item_and_accessible (void)
{
  Fixture f = { 0 };
  GtkWidget *cell = comm_cell_label_new (1.0);
  g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

  fixture_open (&f);
  gtk_box_append (GTK_BOX (f.box), cell);

  g_assert_cmpstr (comm_cell_label_get_text (COMM_CELL_LABEL (cell)), ==, "");
  comm_cell_label_set_text (COMM_CELL_LABEL (cell), "£1,200,000");
  g_assert_cmpstr (comm_cell_label_get_text (COMM_CELL_LABEL (cell)), ==, "£1,200,000");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, "£1,200,000");
  comm_cell_label_set_text (COMM_CELL_LABEL (cell), NULL);
  g_assert_cmpstr (comm_cell_label_get_text (COMM_CELL_LABEL (cell)), ==, "");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, "");

  /* The item is kept while shown; a tooltip function turns the label's tooltips on. */
  g_assert_false (gtk_widget_get_has_tooltip (cell));
  comm_cell_label_set_tooltip_func (COMM_CELL_LABEL (cell), tooltip_cb, (gpointer) "Rated Green");
  g_assert_true (gtk_widget_get_has_tooltip (cell));
  comm_cell_label_set_item (COMM_CELL_LABEL (cell), item);
  g_assert_true (comm_cell_label_get_item (COMM_CELL_LABEL (cell)) == item);
  g_assert_cmpuint (item->ref_count, ==, 2);
  comm_cell_label_set_item (COMM_CELL_LABEL (cell), NULL);
  g_assert_cmpuint (item->ref_count, ==, 1);
  comm_cell_label_set_tooltip_func (COMM_CELL_LABEL (cell), NULL, NULL);
  g_assert_false (gtk_widget_get_has_tooltip (cell));

  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  comm_test_ui_init (&argc, &argv);

  g_test_add_func ("/cell-label/height-matches-label", test_height_matches_label);
  g_test_add_func ("/cell-label/pill-width", test_pill_width);
  g_test_add_func ("/cell-label/text-item-and-accessible", test_text_item_and_accessible);

  return g_test_run ();
}
