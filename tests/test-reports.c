/* test-reports.c: each report built on the demo workspace, written as PDF, read back with
 * pdftotext and rendered with pdftoppm - the text must hold the workspace's real figures */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "commissioner-core.h"
#include "comm-test-core.h"

typedef struct {
  char         *dir;
  CommDatabase *db;
  GListStore   *contracts;
  GDate         today;
} Fixture;

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");

  if (pdftotext == NULL || pdftoppm == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext, pdftoppm) is not installed: run tools/install-deps.sh");
      return FALSE;
    }
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = comm_test_new_dir ();
  fixture->db = comm_test_demo_workspace (fixture->dir, "Demo" COMM_WORKSPACE_SUFFIX, &fixture->today);
  fixture->contracts = comm_contract_store_list (fixture->db, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->contracts)), >, 40);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->contracts);
  g_clear_object (&fixture->db);
  comm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Builds report @name, writes it and returns the text of each page (NULL-terminated). */
static char **
write_report (Fixture    *fixture,
              const char *name,
              const char *id,
              int         year,
              guint      *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommReportDocument) document = NULL;
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", fixture->dir, name);
  g_autofree char *text = NULL;
  g_autofree char *expected_footer = NULL;
  CommReportOptions options;
  char **pages;

  comm_report_options_init (&options);
  options.id = id;
  options.year = year;
  document = comm_report_build (comm_reports_lookup (name), fixture->db, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (comm_report_pdf_write (document, pdf, NULL, NULL, NULL, n_pages, &error));
  g_assert_no_error (error);

  text = run ((const char *[]) { "pdftotext", "-layout", pdf, "-", NULL });
  pages = g_strsplit (text, "\f", -1);
  /* pdftotext ends every page with a form feed: one empty piece after the last */
  g_assert_cmpuint (g_strv_length (pages), ==, *n_pages + 1);
  g_free (pages[*n_pages]);
  pages[*n_pages] = NULL;

  expected_footer = g_strdup_printf ("Page 1 of %u", *n_pages);
  g_assert_nonnull (strstr (pages[0], expected_footer));
  g_assert_nonnull (strstr (pages[0], "Printed on"));
  g_assert_nonnull (strstr (pages[0], "Demo"));
  return pages;
}

/* pdftoppm renders every page; the first ones are kept as screenshots to look at. */
static void
render_pages (Fixture    *fixture,
              const char *name,
              guint       n_pages)
{
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", fixture->dir, name);
  g_autofree char *prefix = g_strdup_printf ("%s/page-%s", fixture->dir, name);
  g_autofree char *out = run ((const char *[]) { "pdftoppm", "-png", "-r", "50", pdf, prefix, NULL });
  const char *shots = g_getenv ("COMM_SCREENSHOT_DIR");
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autofree char *start = g_strdup_printf ("page-%s-", name);
  const char *file;
  guint n_png = 0;

  while ((file = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (file, start) && g_str_has_suffix (file, ".png"))
      n_png++;
  g_assert_cmpuint (n_png, ==, n_pages);

  if (shots != NULL)
    {
      g_autofree char *shot_prefix = g_strdup_printf ("%s/report-%s", shots, name);
      g_autofree char *out2 = NULL;

      g_mkdir_with_parents (shots, 0755);
      out2 = run ((const char *[]) { "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", pdf, shot_prefix, NULL });
    }
}

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *contracts = G_LIST_MODEL (fixture->contracts);
  g_auto(GStrv) pages = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *all_heading = NULL;
  gint64 total = 0;
  gboolean whole = TRUE, in_table = FALSE;
  guint n_pages = 0, table_pages = 0;

  if (!have_poppler ())
    return;
  pages = write_report (fixture, "register", NULL, 0, &n_pages);
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (contracts, i);
      g_autofree char *all = g_strjoinv ("", pages);

      total += comm_contract_get_annual_value (contract);
      whole = whole && comm_contract_get_annual_value (contract) % 100 == 0;
      g_assert_nonnull (strstr (all, comm_contract_get_reference (contract)));
    }
  total_text = comm_money_format_full (total, whole ? COMM_MONEY_FORMAT_WHOLE_POUNDS : COMM_MONEY_FORMAT_DEFAULT);
  g_assert_nonnull (strstr (pages[0], total_text));

  /* From the page where the full table starts, every page shows its header row */
  all_heading = g_strdup_printf ("All contracts (%u)", g_list_model_get_n_items (contracts));
  for (guint page = 0; page < n_pages; page++)
    {
      in_table = in_table || strstr (pages[page], all_heading) != NULL;
      if (!in_table)
        continue;
      table_pages++;
      g_assert_nonnull (strstr (pages[page], "Reference"));
      g_assert_nonnull (strstr (pages[page], "Provider"));
      g_assert_nonnull (strstr (pages[page], "Service area"));
      g_assert_nonnull (strstr (pages[page], "Status"));
    }
  g_assert_cmpuint (table_pages, >=, 2);
  render_pages (fixture, "register", n_pages);
}

static void
test_register_year (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0;
  int year = comm_financial_year_of (&fixture->today) + 1;
  g_autofree char *label = comm_financial_year_label (year);

  if (!have_poppler ())
    return;
  pages = write_report (fixture, "register", NULL, year, &n_pages);
  g_assert_nonnull (strstr (pages[0], label));
  /* The value column is headed "Value 2027-28" (on two lines) */
  g_assert_nonnull (strstr (pages[n_pages - 1], "Value"));
  g_assert_nonnull (strstr (pages[n_pages - 1], label));
}

/* The number on the line that starts with @label in the RAG counts table, or -1. */
static int
count_after (const char *text,
             const char *label)
{
  g_autofree char *pattern = g_strdup_printf ("^\\s*%s\\s+(\\d+)\\s+\\d+%%", label);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return -1;
  number = g_match_info_fetch (match, 1);
  return atoi (number);
}

static void
test_performance (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *contracts = G_LIST_MODEL (fixture->contracts);
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  int red = 0, amber = 0, green = 0, none = 0, overdue = 0;
  guint n_pages = 0;

  if (!have_poppler ())
    return;
  pages = write_report (fixture, "performance", NULL, 0, &n_pages);
  all = g_strjoinv ("", pages);

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (contracts, i);
      CommContractStatus status = comm_contract_get_status (contract);

      if (status != COMM_STATUS_ACTIVE && status != COMM_STATUS_IN_NOTICE && status != COMM_STATUS_EXTENDED)
        {
          /* Only current contracts are in the report (references appear once at most in the text) */
          continue;
        }
      g_assert_nonnull (strstr (all, comm_contract_get_reference (contract)));
      switch (comm_contract_get_rag (contract))
        {
        case COMM_RAG_RED: red++; break;
        case COMM_RAG_AMBER: amber++; break;
        case COMM_RAG_GREEN: green++; break;
        case COMM_RAG_NONE: default: none++; break;
        }
      overdue += comm_contract_get_monitoring_overdue (contract);
    }

  g_assert_cmpint (red + amber + green, >, 10);
  g_assert_cmpint (red, >, 0);
  g_assert_cmpint (count_after (pages[0], "Red"), ==, red);
  g_assert_cmpint (count_after (pages[0], "Amber"), ==, amber);
  g_assert_cmpint (count_after (pages[0], "Green"), ==, green);
  g_assert_cmpint (count_after (pages[0], "Not rated"), ==, none);
  g_assert_nonnull (strstr (all, "Ending in the next 12 months"));
  g_assert_nonnull (strstr (all, "Monitoring overdue"));
  if (overdue > 0)
    g_assert_nonnull (strstr (all, "(overdue)"));
  render_pages (fixture, "performance", n_pages);
}

static void
test_contract (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CommContract) first = g_list_model_get_item (G_LIST_MODEL (fixture->contracts), 0);
  g_autoptr(CommContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *all = NULL;
  g_autofree char *total = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0;

  if (!have_poppler ())
    return;
  contract = comm_contract_store_get (fixture->db, comm_contract_get_id (first), &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comm_contract_get_funding_lines (contract)->len, >, 0);

  /* The reference is matched whatever its case */
  lower = g_ascii_strdown (comm_contract_get_reference (contract), -1);
  pages = write_report (fixture, "contract", lower, 0, &n_pages);
  all = g_strjoinv ("", pages);
  total = comm_money_format (comm_contract_get_value (contract));

  g_assert_nonnull (strstr (pages[0], comm_contract_get_reference (contract)));
  g_assert_nonnull (strstr (all, comm_contract_get_provider_name (contract)));
  g_assert_nonnull (strstr (all, "Funding lines"));
  g_assert_nonnull (strstr (all, total));
  g_assert_nonnull (strstr (all, "RAG history"));
  g_assert_nonnull (strstr (all, "Monitoring meetings"));
  render_pages (fixture, "contract", n_pages);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CommReportOptions options;
  guint n = 0;

  g_assert_null (comm_reports_lookup ("nonsense"));
  g_assert_nonnull (comm_reports_get_all (&n));
  g_assert_cmpuint (n, >=, 3);  /* the register's three, then those of the other tabs */

  comm_report_options_init (&options);
  g_assert_null (comm_report_build (comm_reports_lookup ("contract"), fixture->db, &options, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  options.id = "NO-SUCH-REF";
  g_assert_null (comm_report_build (comm_reports_lookup ("contract"), fixture->db, &options, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NO-SUCH-REF"));
  g_clear_error (&error);

  options.id = NULL;
  options.year = 2026;
  g_assert_null (comm_report_build (comm_reports_lookup ("performance"), fixture->db, &options, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_null (comm_report_build (comm_reports_lookup ("register"), fixture->db, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reports/register", Fixture, NULL, fixture_set_up, test_register, fixture_tear_down);
  g_test_add ("/reports/register-year", Fixture, NULL, fixture_set_up, test_register_year, fixture_tear_down);
  g_test_add ("/reports/performance", Fixture, NULL, fixture_set_up, test_performance, fixture_tear_down);
  g_test_add ("/reports/contract", Fixture, NULL, fixture_set_up, test_contract, fixture_tear_down);
  g_test_add ("/reports/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);

  return g_test_run ();
}
