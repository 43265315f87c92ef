/* test-export-transparency.c: the Transparency Code 2015 contracts CSV - exact columns and cells,
 * the threshold ("over £5,000" is strictly over), SME / VCSE flags, what is left out, the check
 * of missing fields, progress and writing a file atomically */
#include "config.h"

#include "commissioner-core.h"
#include "comm-database-private.h"
#include "comm-test-core.h"

#define HEADER "Reference number,Title of agreement,Department responsible," \
               "Description of goods and/or services,Supplier name,Supplier registration number," \
               "SME,VCSE,Sum to be paid over the length of the contract,VAT that cannot be recovered," \
               "Start date,End date,Review date,Invitation to quote or to tender\r\n"

#define ROW_002 "CS-002,Family support,Children's Services,Whole-family key work,Home-Start Riverside," \
                "1101876,Yes,Yes,5000.01,0.00,2025-04-01,2028-03-31,2026-04-01,ITT\r\n"
#define ROW_004 "CS-004,'=SUM(A1),Public Health,\"Young carers, \"\"drop-in\"\"\",Sunflower Early Years Ltd," \
                "8765432,Yes,No,1234567.89,200.00,2024-04-01,2027-09-30,2026-10-01,ITQ\r\n"
#define ROW_005 "CS-005,Youth outreach,Children's Services,Street-based youth work,\"Smith, Jones & Co\"," \
                ",No,No,20000.00,0.00,2024-04-01,2026-06-30,,Neither\r\n"
#define ROW_001 "CS-001,Parenting groups,Children's Services,,Home-Start Riverside," \
                "1101876,Yes,Yes,5000.00,0.00,2026-01-01,2026-12-31,2026-06-01,\r\n"

typedef struct {
  char         *dir;
  CommDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = comm_test_new_dir ();
  fixture->db = comm_test_create_workspace_in (fixture->dir, "test.commissioner");

  comm_test_exec_sql (fixture->db,
              "INSERT INTO providers (id, name, legal_form, registered_number, sme, vcse) VALUES"
              " (1, 'Home-Start Riverside', 'charity', ' 1101876 ', 1, 1),"
              " (2, 'Sunflower Early Years Ltd', 'company', '8765432', 1, 0),"
              " (3, 'Council Youth Service', 'in-house', '', 0, 0),"
              " (4, 'Smith, Jones & Co', 'company', '', 0, 0);"
              "INSERT INTO contracts (id, reference, title, description, provider_id, procurement_route,"
              " start_date, end_date, review_date, extended_to, terminated_on, irrecoverable_vat, department) VALUES"
              " (1, 'CS-001', 'Parenting groups', '', 1, '', '2026-01-01', '2026-12-31', '2026-06-01', NULL, NULL, 0, ''),"
              " (2, 'CS-002', 'Family support', 'Whole-family key work', 1, 'open-tender', '2025-04-01', '2028-03-31',"
              "  '2026-04-01', NULL, NULL, 0, ''),"
              " (3, 'CS-003', 'Youth centres', 'Council-run', 3, 'in-house', '2025-04-01', '2028-03-31', NULL, NULL, NULL, 0, ''),"
              " (4, 'cs-004', '=SUM(A1)', 'Young carers, \"drop-in\"', 2, 'quotation', '2024-04-01', '2027-03-31',"
              "  '2026-10-01', '2027-09-30', NULL, 20000, 'Public Health'),"
              " (5, 'CS-005', 'Youth outreach', 'Street-based youth work', 4, 'direct-award', '2024-04-01', '2027-03-31',"
              "  NULL, NULL, '2026-06-30', 0, ''),"
              " (6, 'CS-006', 'Deleted', 'Gone', 1, 'grant', '2024-04-01', '2027-03-31', NULL, NULL, NULL, 0, '');"
              "UPDATE contracts SET reference = 'CS-004' WHERE id = 4;"
              "UPDATE contracts SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = 6;"
              "INSERT INTO funding_lines (contract_id, stream, year, amount) VALUES"
              " (1, 'CF', 2025, 500000),"
              " (2, 'DSG', 2025, 250000), (2, 'DSG', 2026, 250001),"
              " (3, 'DSG', 2025, 10000000),"
              " (4, 'Public Health', 2024, 100000000), (4, 'CAMHS', 2025, 23456789),"
              " (5, 'WNF', 2024, 2000000),"
              " (6, 'WNF', 2024, 9000000);");
  comm_publishing_set_department (fixture->db, "  Children's Services ", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (comm_database_get_path (fixture->db));
  g_clear_object (&fixture->db);
  comm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
export_to_string (CommDatabase *db,
                  gint64        threshold,
                  guint        *n_written)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (comm_export_transparency_csv (db, threshold, out, COMM_CSV_WRITE_DEFAULT, NULL,
                                               NULL, NULL, n_written, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_columns (void)
{
  const char * const *columns = comm_export_transparency_columns ();
  g_autofree char *joined = g_strjoinv (",", (char **) columns);

  g_assert_cmpuint (g_strv_length ((char **) columns), ==, 14);
  g_assert_cmpstr (joined, ==, "Reference number,Title of agreement,Department responsible,"
                               "Description of goods and/or services,Supplier name,"
                               "Supplier registration number,SME,VCSE,"
                               "Sum to be paid over the length of the contract,"
                               "VAT that cannot be recovered,Start date,End date,Review date,"
                               "Invitation to quote or to tender");
}

/* £5,000.00 exactly is not over £5,000; £5,000.01 is. In-house and deleted contracts never appear.
 * Cells: department default or override, registration number trimmed, flags, value of every
 * funding line, VAT, the extension's end and the termination date, ITT / ITQ / Neither. */
static void
test_default_threshold (Fixture       *fixture,
                        gconstpointer  data)
{
  guint n = 0;
  g_autofree char *csv = export_to_string (fixture->db, comm_publishing_get_threshold (fixture->db), &n);

  g_assert_cmpint (comm_publishing_get_threshold (fixture->db), ==, 500000);
  g_assert_cmpstr (csv, ==, HEADER ROW_002 ROW_004 ROW_005);
  g_assert_cmpuint (n, ==, 3);
}

static void
test_other_thresholds (Fixture       *fixture,
                       gconstpointer  data)
{
  guint n = 0;
  g_autofree char *below = export_to_string (fixture->db, 499999, &n);
  g_autofree char *high = NULL;
  g_autofree char *all = NULL;

  g_assert_cmpstr (below, ==, HEADER ROW_001 ROW_002 ROW_004 ROW_005);
  g_assert_cmpuint (n, ==, 4);
  high = export_to_string (fixture->db, 123456789, &n);
  g_assert_cmpstr (high, ==, HEADER);
  g_assert_cmpuint (n, ==, 0);
  all = export_to_string (fixture->db, 0, &n);
  g_assert_cmpuint (n, ==, 4);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = comm_export_transparency_check (fixture->db, 500000, &error);
  g_autoptr(GPtrArray) below = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_no_error (error);
  /* CS-002 and CS-004 are complete; CS-005's company has no number and it has no review date. */
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "CS-005 “Youth outreach”: no supplier registration number, no review date");

  /* Below the threshold, CS-001 is checked too; without a default department it lacks one. */
  g_assert_true (comm_publishing_set_department (fixture->db, "", &error));
  below = comm_export_transparency_check (fixture->db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (below->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (below, 0), ==,
                   "CS-001 “Parenting groups”: no department responsible, no description, "
                   "no procurement route");
  g_assert_cmpstr (g_ptr_array_index (below, 1), ==, "CS-002 “Family support”: no department responsible");
  g_assert_cmpstr (g_ptr_array_index (below, 2), ==,
                   "CS-005 “Youth outreach”: no department responsible, no supplier registration "
                   "number, no review date");

  none = comm_export_transparency_check (fixture->db, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "transparency.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "x.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  double last = 0;
  guint n = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (comm_export_transparency_csv_to_file (fixture->db, 500000, path, COMM_CSV_WRITE_BOM,
                                                       NULL, on_progress_cb, &last, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "\xEF\xBB\xBF" HEADER ROW_002 ROW_004 ROW_005);

  g_assert_false (comm_export_transparency_csv_to_file (fixture->db, 500000, missing, 0,
                                                        NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.csv"));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "kept.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (comm_export_transparency_csv_to_file (fixture->db, 0, path, 0, cancellable,
                                                        NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-transparency/columns", test_columns);
  g_test_add ("/export-transparency/default-threshold", Fixture, NULL, fixture_set_up, test_default_threshold,
              fixture_tear_down);
  g_test_add ("/export-transparency/other-thresholds", Fixture, NULL, fixture_set_up, test_other_thresholds,
              fixture_tear_down);
  g_test_add ("/export-transparency/check", Fixture, NULL, fixture_set_up, test_check, fixture_tear_down);
  g_test_add ("/export-transparency/file", Fixture, NULL, fixture_set_up, test_file, fixture_tear_down);
  g_test_add ("/export-transparency/cancelled", Fixture, NULL, fixture_set_up, test_cancelled, fixture_tear_down);

  return g_test_run ();
}
