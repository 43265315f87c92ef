/* test-report-layout.c: pagination of report documents - repeated table headers, wrapping
 * inside cells, split rows, stable page counts - and the PDF writer's file handling */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "commissioner-core.h"

#define N_ROWS 200

static const char long_text[] =
  "The provider delivers targeted family support to families with children aged 0-19 across "
  "the city, including parenting programmes, one-to-one key work, group work and advice on "
  "housing, debt and benefits, working closely with schools, health visitors and social care.";

/* A document: a heading, a paragraph, then a table of N_ROWS rows (block 2). */
static CommReportDocument *
make_document (CommReportOrientation orientation)
{
  CommReportDocument *document = comm_report_document_new ("Layout test", orientation);
  CommReportTable *table;

  comm_report_document_set_workspace_name (document, "Test workspace");
  comm_report_document_add_heading (document, "A table");
  comm_report_document_add_paragraph (document, long_text);
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, "Reference", 1, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, "Description", 4, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, "Value", 1, COMM_REPORT_ALIGN_RIGHT);

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *reference = g_strdup_printf ("REF-%03u", i);
      g_autofree char *value = comm_money_format ((gint64) i * 100001);

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, reference, COMM_REPORT_CELL_BOLD);
      comm_report_table_add_cell (table, i % 7 == 3 ? long_text : "Short description", COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, value, i % 5 == 0 ? COMM_REPORT_CELL_TINT_RED : COMM_REPORT_CELL_PLAIN);
    }
  return document;
}

static CommReportLayout *
paginate (CommReportDocument *document)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  double width, height;
  CommReportLayout *layout;
  g_autoptr(GError) error = NULL;

  comm_report_document_get_page_size (document, &width, &height);
  layout = comm_report_layout_new (document, width, height, cr);
  g_assert_true (comm_report_layout_paginate (layout, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

static void
test_table_header_repeats (void)
{
  g_autoptr(CommReportDocument) document = make_document (COMM_REPORT_PORTRAIT);
  g_autoptr(CommReportLayout) layout = paginate (document);
  guint n_pages = comm_report_layout_get_n_pages (layout);
  int next_row = 0;

  g_assert_cmpuint (n_pages, >=, 4);

  for (guint page = 0; page < n_pages; page++)
    {
      guint n_items = comm_report_layout_get_n_items (layout, page);
      double last_bottom = 0;

      g_assert_cmpuint (n_items, >, 1);
      if (page == 0)
        g_assert_cmpint (comm_report_layout_get_item (layout, 0, 0)->kind, ==, COMM_REPORT_ITEM_TITLE);
      else
        {
          const CommReportItem *first = comm_report_layout_get_item (layout, page, 0);

          /* Every page after the first starts with the table's header row */
          g_assert_cmpint (first->kind, ==, COMM_REPORT_ITEM_TABLE_HEADER);
          g_assert_cmpuint (first->block, ==, 2);
        }

      for (guint i = 0; i < n_items; i++)
        {
          const CommReportItem *item = comm_report_layout_get_item (layout, page, i);

          /* Items do not overlap and stay above the footer */
          g_assert_cmpfloat (item->y, >=, last_bottom - 0.001);
          g_assert_cmpfloat (item->y + item->height, <=, (842.0 - 54.0) + 0.01);
          last_bottom = item->y + item->height;
          if (item->kind != COMM_REPORT_ITEM_ROW)
            continue;
          /* Rows come in order, each once, none split (they are all shorter than a page) */
          g_assert_cmpint (item->row, ==, next_row);
          g_assert_false (item->continues);
          g_assert_cmpfloat (item->offset, ==, 0.0);
          next_row++;
        }
    }
  g_assert_cmpint (next_row, ==, N_ROWS);
}

static void
test_page_count_stable (void)
{
  g_autoptr(CommReportDocument) document = make_document (COMM_REPORT_PORTRAIT);
  g_autoptr(CommReportLayout) first = paginate (document);
  g_autoptr(CommReportLayout) second = paginate (document);
  g_autoptr(CommReportDocument) landscape = make_document (COMM_REPORT_LANDSCAPE);
  g_autoptr(CommReportLayout) wide = paginate (landscape);
  g_autoptr(GError) error = NULL;
  guint n = comm_report_layout_get_n_pages (first);

  g_assert_cmpuint (comm_report_layout_get_n_pages (second), ==, n);
  g_assert_true (comm_report_layout_paginate (first, NULL, NULL, NULL, &error));
  g_assert_cmpuint (comm_report_layout_get_n_pages (first), ==, n);
  /* Landscape pages are shorter: more of them, even though rows wrap less */
  g_assert_cmpuint (comm_report_layout_get_n_pages (wide), !=, 0);
}

static void
test_cell_wraps (void)
{
  g_autoptr(CommReportDocument) document = make_document (COMM_REPORT_PORTRAIT);
  g_autoptr(CommReportLayout) layout = paginate (document);
  g_autofree char *unbroken = NULL;
  double width, height, column, short_height;
  CommReportTable *table;

  /* Row 3 holds the long text in the Description column */
  comm_report_layout_measure_cell (layout, 2, 3, 1, &width, &height, &column);
  comm_report_layout_measure_cell (layout, 2, 0, 1, NULL, &short_height, NULL);
  g_assert_cmpfloat (column, >, 100);
  g_assert_cmpfloat (width, <=, column + 0.01);
  g_assert_cmpfloat (height, >=, 3 * short_height);

  /* A "word" longer than the column is broken, never drawn past the column */
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, "Narrow", 1, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, "Wide", 9, COMM_REPORT_ALIGN_RIGHT);
  unbroken = g_strnfill (120, 'W');
  comm_report_table_add_row (table, COMM_REPORT_CELL_BOLD, (const char *[]) { unbroken, unbroken });
  g_clear_pointer (&layout, comm_report_layout_free);
  layout = paginate (document);
  comm_report_layout_measure_cell (layout, 3, 0, 0, &width, &height, &column);
  g_assert_cmpfloat (width, <=, column + 0.01);
  g_assert_cmpfloat (height, >, 5 * short_height);
  comm_report_layout_measure_cell (layout, 3, 0, 1, &width, NULL, &column);
  g_assert_cmpfloat (width, <=, column + 0.01);
}

static void
test_tall_row_splits_between_lines (void)
{
  g_autoptr(CommReportDocument) document = comm_report_document_new ("Tall", COMM_REPORT_PORTRAIT);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(CommReportLayout) layout = NULL;
  CommReportTable *table = comm_report_document_add_table (document);
  guint fragments = 0;
  double offset = 0;
  gboolean previous_continues = FALSE;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "Line %u of a very long note\n", i + 1);
  comm_report_table_add_column (table, "Date", 1, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, "Note", 5, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_row (table, COMM_REPORT_CELL_PLAIN, (const char *[]) { "1 Apr 2026", text->str });
  comm_report_table_add_row (table, COMM_REPORT_CELL_PLAIN, (const char *[]) { "2 Apr 2026", "After" });
  layout = paginate (document);

  g_assert_cmpuint (comm_report_layout_get_n_pages (layout), >=, 2);
  for (guint page = 0; page < comm_report_layout_get_n_pages (layout); page++)
    for (guint i = 0; i < comm_report_layout_get_n_items (layout, page); i++)
      {
        const CommReportItem *item = comm_report_layout_get_item (layout, page, i);

        if (item->kind == COMM_REPORT_ITEM_ROW && item->row == 0)
          {
            /* Each piece carries on where the last stopped; all but the last say they go on */
            g_assert_cmpfloat (ABS (item->offset - offset), <, 0.001);
            offset += item->height;
            fragments++;
            if (page > 0)
              g_assert_cmpint (comm_report_layout_get_item (layout, page, 0)->kind, ==, COMM_REPORT_ITEM_TABLE_HEADER);
            g_assert_true (fragments == 1 || previous_continues);
            previous_continues = item->continues;
          }
      }
  g_assert_false (previous_continues);
  g_assert_cmpuint (fragments, >=, 2);
}

static void
test_draw_pages (void)
{
  g_autoptr(CommReportDocument) document = make_document (COMM_REPORT_PORTRAIT);
  g_autoptr(CommReportLayout) layout = paginate (document);

  for (guint page = 0; page < comm_report_layout_get_n_pages (layout); page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
      cairo_t *cr = cairo_create (surface);
      guint dark = 0;
      unsigned char *data;
      int stride;

      comm_report_layout_draw_page (layout, page, cr);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < 842; y++)
        for (int x = 0; x < 595; x++)
          if (data[y * stride + x * 4 + 1] < 128)
            dark++;
      /* Text was drawn; the corner (a margin) stayed white */
      g_assert_cmpuint (dark, >, 2000);
      g_assert_cmpint (data[0], ==, 255);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_pdf_file (void)
{
  g_autoptr(CommReportDocument) document = make_document (COMM_REPORT_LANDSCAPE);
  g_autofree char *dir = g_dir_make_tmp ("comm-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  double last = 0;
  guint n_pages = 0;
  gsize length;

  g_assert_true (comm_report_pdf_write (document, path, NULL, on_progress_cb, &last, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "(Commissioner)", 14));  /* creator metadata */
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Cancelled: the old file stays whole and no temporary file is left */
  g_cancellable_cancel (cancellable);
  g_assert_false (comm_report_pdf_write (document, path, cancellable, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* A folder that does not exist: a message that names the file */
  g_assert_false (comm_report_pdf_write (document, missing, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_clear_error (&error);
  g_assert_false (comm_report_pdf_write (document, dir, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-layout/table-header-repeats", test_table_header_repeats);
  g_test_add_func ("/report-layout/page-count-stable", test_page_count_stable);
  g_test_add_func ("/report-layout/cell-wraps", test_cell_wraps);
  g_test_add_func ("/report-layout/tall-row-splits", test_tall_row_splits_between_lines);
  g_test_add_func ("/report-layout/draw-pages", test_draw_pages);
  g_test_add_func ("/report-layout/pdf-file", test_pdf_file);

  return g_test_run ();
}
