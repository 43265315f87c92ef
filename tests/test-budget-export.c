/* test-budget-export.c: a budget and a comparison as CSV, the bar chart, the report engine's
 * drawing block, the "budget" and "budget-scenarios" reports, and the demo's budgets */
#include "config.h"

#include <string.h>

#include "comm-test-core.h"

static CommBudgetLine *
add (CommBudget         *budget,
     CommBudgetLineKind  kind,
     const char         *name,
     gint64              value)
{
  return comm_budget_add_line (budget, comm_budget_line_new (kind, name, value));
}

static CommBudget *
small_budget (void)
{
  CommBudget *budget = comm_budget_new ("Youth", 2026);
  CommBudgetLine *line;

  add (budget, COMM_BUDGET_LINE_INCOME, "Grant", 100001);
  line = add (budget, COMM_BUDGET_LINE_COMMITMENT, "Club, evenings", 1);
  line->contract_id = 9;
  line->source = COMM_COMMITMENT_APPORTIONED;
  line->flags = COMM_BUDGET_LINE_FLAG_CONTRACT_DELETED;
  line = add (budget, COMM_BUDGET_LINE_FIXED, "=Outreach", 50000);
  line->has_published = TRUE;
  line->published = 50000;
  add (budget, COMM_BUDGET_LINE_PERCENT, "A", 33333);
  add (budget, COMM_BUDGET_LINE_PERCENT, "B", 33333);
  return budget;
}

static char *
to_text (GMemoryOutputStream *out)
{
  return g_strndup (g_memory_output_stream_get_data (out), g_memory_output_stream_get_data_size (out));
}

static void
test_budget_csv (void)
{
  g_autoptr(CommBudget) budget = small_budget ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 nine = 9;

  g_hash_table_insert (refs, g_memdup2 (&nine, sizeof nine), g_strdup ("YS-9"));
  g_assert_true (comm_export_budget_csv (budget, refs, out, COMM_CSV_WRITE_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  text = to_text (G_MEMORY_OUTPUT_STREAM (out));
  /* £1,000.01 - £0.01 - £500.00 = £500.00: 33.333% is £166.665 twice and the 33.334% left is
   * £166.67; of the two half pennies, the first line gets the penny */
  g_assert_nonnull (strstr (text, "Line,Kind,Percent,Amount,Penny moved,Published,Source,Contract,Flag\r\n"));
  g_assert_nonnull (strstr (text, "Grant,Income,,1000.01,,,,,\r\n"));
  g_assert_nonnull (strstr (text, "\"Club, evenings\",Commitment,,0.01,,,\"Contract’s annual value, apportioned by days\",YS-9,"
                                  "The contract was deleted."));
  g_assert_nonnull (strstr (text, "'=Outreach,Fixed allocation,,500.00,,500.00,,,\r\n"));   /* a formula defused */
  g_assert_nonnull (strstr (text, "A,Percentage allocation,33.333,166.67,yes,,,,\r\n"));
  g_assert_nonnull (strstr (text, "B,Percentage allocation,33.333,166.66,,,,,\r\n"));
  g_assert_nonnull (strstr (text, "Percentage allocations,Total,66.666,333.33,,,,,\r\n"));
  g_assert_nonnull (strstr (text, "Unallocated,Total,,166.67,,,,,\r\n"));
  g_assert_null (strstr (text, "Published total"));
}

static void
test_comparison_csv (void)
{
  g_autoptr(CommBudget) base = small_budget ();
  g_autoptr(CommBudget) cut = NULL;
  g_autoptr(CommBudgetComparison) comparison = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const CommBudget *budgets[2];

  cut = comm_budget_copy_changed (base, -10000, &error);
  cut->scenario = g_strdup ("Cut");
  g_ptr_array_remove_index (cut->lines, 4);
  budgets[0] = base;
  budgets[1] = cut;
  comparison = comm_budget_comparison_new (budgets, 2, NULL, COMM_BUDGET_COMPARE_SCENARIOS);
  g_assert_true (comm_export_budget_comparison_csv (comparison, out, COMM_CSV_WRITE_DEFAULT, NULL, &error));
  text = to_text (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (text, "Line,Kind,Base,Cut,Cut difference,Cut change %\r\n"));
  g_assert_nonnull (strstr (text, "Grant,Income,1000.01,900.01,-100.00,-10\r\n"));
  g_assert_nonnull (strstr (text, "B,Percentage allocation,166.66,,,\r\n"));
  g_assert_nonnull (strstr (text, "Total income,Total,1000.01,900.01,-100.00,-10\r\n"));
}

static gboolean
surface_has_ink (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  const unsigned char *data = cairo_image_surface_get_data (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (data[y * stride + x * 4 + 3] != 0)
        return TRUE;
  return FALSE;
}

static void
test_chart (void)
{
  g_autoptr(CommBudget) budget = small_budget ();
  g_autoptr(CommBudgetResult) result = comm_budget_compute (budget);
  g_autoptr(CommBudgetChart) chart = comm_budget_chart_new_allocations (budget, result);
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  /* commitments, one fixed, two percentages, unallocated */
  g_assert_cmpuint (comm_budget_chart_get_n_rows (chart), ==, 5);
  height = comm_budget_chart_get_height (chart, 400);
  g_assert_cmpfloat (height, >, 5 * 11.0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, (int) height);
  cr = cairo_create (surface);
  comm_budget_chart_draw (cr, 400, height, chart);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (surface_has_ink (surface));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static int drawn;

static void
draw_box (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  data)
{
  double x1, y1, x2, y2;

  /* clipped to its box */
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (x2 - x1, <=, width + 2);   /* pixel-aligned on an image */
  g_assert_cmpfloat (y2 - y1, <=, height + 2);
  g_assert_cmpstr (data, ==, "box");
  drawn++;
}

static CommReportLayout *
paginate (CommReportDocument *document)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  double width, height;
  CommReportLayout *layout;

  comm_report_document_get_page_size (document, &width, &height);
  layout = comm_report_layout_new (document, width, height, cr);
  g_assert_true (comm_report_layout_paginate (layout, NULL, NULL, NULL, NULL));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

static void
test_drawing_block (void)
{
  g_autoptr(CommReportDocument) document = comm_report_document_new ("Drawings", COMM_REPORT_PORTRAIT);
  CommReportLayout *layout;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint drawings = 0;

  for (int i = 0; i < 30; i++)
    comm_report_document_add_paragraph (document, "Text to fill the page before the drawing.");
  comm_report_document_add_heading (document, "A chart");
  comm_report_document_add_drawing (document, 0, 400, draw_box, g_strdup ("box"), g_free);
  comm_report_document_add_drawing (document, 5000, 5000, draw_box, g_strdup ("box"), g_free);  /* shrunk */
  layout = paginate (document);

  for (guint page = 0; page < comm_report_layout_get_n_pages (layout); page++)
    for (guint i = 0; i < comm_report_layout_get_n_items (layout, page); i++)
      {
        const CommReportItem *item = comm_report_layout_get_item (layout, page, i);

        if (item->kind != COMM_REPORT_ITEM_DRAWING)
          continue;
        drawings++;
        g_assert_false (item->continues);          /* never split */
        g_assert_cmpfloat (item->offset, ==, 0);
        g_assert_cmpfloat (item->y + item->height, <=, 842.0);
        if (drawings == 1)
          {
            /* the heading went with it */
            g_assert_cmpuint (i, >, 0);
            g_assert_cmpint (comm_report_layout_get_item (layout, page, i - 1)->kind, ==, COMM_REPORT_ITEM_HEADING);
          }
      }
  g_assert_cmpuint (drawings, ==, 2);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 595, 842);
  cr = cairo_create (surface);
  drawn = 0;
  for (guint page = 0; page < comm_report_layout_get_n_pages (layout); page++)
    comm_report_layout_draw_page (layout, page, cr);
  g_assert_cmpint (drawn, ==, 2);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  comm_report_layout_free (layout);
}

static gboolean
document_has_drawing (CommReportDocument *document)
{
  CommReportLayout *layout = paginate (document);
  gboolean found = FALSE;

  for (guint page = 0; page < comm_report_layout_get_n_pages (layout); page++)
    for (guint i = 0; i < comm_report_layout_get_n_items (layout, page); i++)
      found |= comm_report_layout_get_item (layout, page, i)->kind == COMM_REPORT_ITEM_DRAWING;
  comm_report_layout_free (layout);
  return found;
}

/* The text of a PDF (pdftotext), or NULL (test skipped) without poppler-utils. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext) is not installed: run tools/install-deps.sh");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char *[]) { pdftotext, "-layout", (char *) pdf, "-", NULL }, NULL, 0,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_report_pdf (void)
{
  g_autofree char *dir = comm_test_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "budget.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(CommReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CommReportOptions options;
  GDate today;

  db = comm_test_demo_workspace (dir, "demo", &today);
  /* a linked contract's funding changes after the budget was saved */
  comm_test_exec_sql (db, "UPDATE funding_lines SET amount = amount + 1000000 WHERE year = 2026 AND contract_id ="
                          " (SELECT id FROM contracts WHERE reference = 'CYP-EY-001')");
  comm_report_options_init (&options);
  options.programme = "Early Help and Prevention";
  document = comm_report_build (comm_reports_lookup ("budget"), db, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (comm_report_pdf_write (document, pdf, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if ((text = pdf_text (pdf)) == NULL)
    return;
  g_assert_nonnull (strstr (text, "Budget: Early Help and Prevention 2026-27"));
  g_assert_nonnull (strstr (text, "Percentages total"));
  g_assert_nonnull (strstr (text, "Contracts changed since the budget was saved"));
  g_assert_nonnull (strstr (text, "“CYP-EY-001 – Health Visiting”: £1,200,000.00 → £1,210,000.00"));
  g_assert_nonnull (strstr (text, "Allocations against contracts"));
  /* the chart's labels and amounts are text in the PDF */
  g_assert_nonnull (strstr (text, "Allocations chart"));
  g_assert_nonnull (strstr (text, "Commitments"));
  g_assert_nonnull (strstr (text, "Community chest"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&document, comm_report_document_unref);

  /* the multi-year programme's last year shows the years before it */
  options.programme = "Children and Young People’s System";
  options.year = 2019;
  document = comm_report_build (comm_reports_lookup ("budget"), db, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (comm_report_pdf_write (document, pdf, NULL, NULL, NULL, NULL, &error));
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Across the years"));
  g_assert_nonnull (strstr (text, "2016-17"));
  g_assert_nonnull (strstr (text, "+14.488%"));    /* parent and family support, 2019-20 on 2018-19 */
}

static void
test_demo_and_reports (void)
{
  g_autofree char *dir = comm_test_temp_dir ();
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CommBudgetComparison) years = NULL;
  g_autoptr(CommReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const CommReportInfo *info;
  CommReportOptions options;
  GDate today;
  gint64 programme = 0;

  db = comm_test_demo_workspace (dir, "demo", &today);
  programmes = comm_budget_store_list_programmes (db, &error);
  g_assert_cmpuint (programmes->len, ==, 2);
  list = comm_budget_store_list (db, 0, &error);
  for (guint i = 0; i < list->len; i++)
    {
      const CommBudgetSummary *s = g_ptr_array_index (list, i);

      g_assert_cmpuint (s->n_problems, ==, 0);      /* every demo budget reconciles */
      g_assert_cmpuint (s->n_flagged, ==, 0);
    }
  g_assert_cmpuint (list->len, ==, 3 + 5 + 1);    /* base + 2 scenarios, five years + 1 scenario */

  /* the multi-year view: five years of the five system elements */
  g_assert_true (comm_budget_store_find_programme (db, "Children and Young People’s System", &programme, &error));
  years = comm_budget_store_compare_years (db, programme, &error);
  g_assert_cmpuint (years->n_columns, ==, 5);
  g_assert_cmpuint (years->n_line_rows, ==, 6);
  g_assert_cmpstr (years->column_titles[0], ==, "2015-16");
  g_assert_cmpint (comm_budget_comparison_find (years, "Early childhood development")->cells[0].amount, ==, 893166300);
  g_assert_cmpint (comm_budget_comparison_find (years, "Total income")->cells[1].percent, ==, 2000);

  comm_report_options_init (&options);
  options.programme = "Early Help and Prevention";
  info = comm_reports_lookup ("budget");
  g_assert_nonnull (info);
  document = comm_report_build (info, db, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comm_report_document_get_title (document), ==, "Budget: Early Help and Prevention 2026-27");
  g_assert_true (document_has_drawing (document));
  g_clear_pointer (&document, comm_report_document_unref);

  /* a year of the multi-year programme: its figures with the years before */
  options.programme = "children and young people’s system";
  options.year = 2019;
  document = comm_report_build (info, db, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comm_report_document_get_title (document), ==, "Budget: Children and Young People’s System 2019-20");
  g_clear_pointer (&document, comm_report_document_unref);
  options.programme = "Early Help and Prevention";

  info = comm_reports_lookup ("budget-scenarios");
  options.year = 2026;
  document = comm_report_build (info, db, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (document_has_drawing (document));
  g_clear_pointer (&document, comm_report_document_unref);

  /* without a programme; an unknown one; a year with no budget */
  options.programme = NULL;
  g_assert_null (comm_report_build (info, db, &options, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  options.programme = "Nowhere";
  g_assert_null (comm_report_build (info, db, &options, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  options.programme = "Early Help and Prevention";
  options.year = 2031;
  g_assert_null (comm_report_build (info, db, &options, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the file export, atomically */
  {
    g_autofree char *path = g_build_filename (dir, "budget.csv", NULL);
    g_autofree char *text = NULL;
    gint64 id = 0;

    g_assert_true (comm_budget_store_find (db, "Early Help and Prevention", 2026, "Grant ends", &id, &error));
    g_assert_true (comm_export_budget_csv_to_file (db, id, FALSE, path, COMM_CSV_WRITE_BOM, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFLine,Kind,"));
    g_assert_null (strstr (text, "Supporting Families grant"));
    g_assert_false (comm_export_budget_csv_to_file (db, 999999, FALSE, path, 0, NULL, &error));
    g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/budget-export/budget-csv", test_budget_csv);
  g_test_add_func ("/budget-export/comparison-csv", test_comparison_csv);
  g_test_add_func ("/budget-export/chart", test_chart);
  g_test_add_func ("/budget-export/drawing-block", test_drawing_block);
  g_test_add_func ("/budget-export/demo-and-reports", test_demo_and_reports);
  g_test_add_func ("/budget-export/report-pdf", test_report_pdf);

  return g_test_run ();
}
