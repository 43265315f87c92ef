/* test-export-contracts.c: the register as CSV - exact content, BOM, progress, cancelling, and
 * writing a file so that a failure leaves the old one alone */
#include "config.h"

#include <glib/gstdio.h>

#include "commissioner-core.h"
#include "comm-test-core.h"

#define HEADER "Reference,Title,Provider,Service area,Annual value,Total value,Start,End,Status,RAG," \
               "RAG date,Next monitoring due,Monitoring overdue,Lead commissioner,Procurement route,Geography\r\n"

/* The three contracts below, listed by reference on 2026-11-23. */
static const char expected_csv[] =
  HEADER
  "CYP-DA-003,Refuge children’s workers,УMCA Tamar,Domestic Abuse,50000.00,100000.00,2023-04-01,"
  "2027-03-31,Extended,Red,2026-08-01,2026-09-01,Yes,Gareth Lloyd,Direct award,District\r\n"
  "CYP-FS-001,'=SUM(A1),Home-Start Riverside,Family Support,143000.00,286000.00,2025-04-01,"
  "2028-03-31,Active,Green,2026-10-01,2027-01-01,No,Sarah Whitfield,Open tender,Countywide\r\n"
  "CYP-YC-002,\"Young carers \"\"drop-in\"\", city centre\",\"Smith, Jones & Co\",Holiday hunger,"
  "12345.67,12345.67,2026-12-01,2027-11-30,Planned,Not rated,,2027-03-01,No,Jo Penrose,Grant,\r\n";

typedef struct {
  char         *dir;
  CommDatabase *db;
  GListModel   *contracts;
} Fixture;

static gint64
add_provider (CommDatabase *db,
              const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommProvider) provider = comm_provider_new ();

  comm_provider_set_name (provider, name);
  g_assert_true (comm_provider_store_save (db, provider, &error));
  g_assert_no_error (error);
  return comm_provider_get_id (provider);
}

static void
add_contract (CommDatabase *db,
              gint64        provider_id,
              const char   *reference,
              const char   *title,
              const char   *first_property,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommContract) contract = comm_contract_new ();
  va_list args;

  g_object_set (contract, "reference", reference, "title", title, "provider-id", provider_id, NULL);
  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (contract), first_property, args);
  va_end (args);
  comm_contract_set_has_details (contract, TRUE);
  g_assert_true (comm_contract_store_save (db, contract, &error));
  g_assert_no_error (error);
}

static void
add_details (CommDatabase *db,
             const char   *reference,
             const char   *stream,
             int           year,
             gint64        amount,
             const char   *rated_on,
             CommRag       rag)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  g_autoptr(GListStore) store = NULL;

  comm_date_today (&today);
  store = comm_contract_store_list (db, &today, &error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (!g_str_equal (comm_contract_get_reference (contract), reference))
        continue;
      g_assert_true (comm_contract_store_load_details (db, contract, &error));
      g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new (stream, year, amount));
      if (rated_on != NULL)
        {
          g_ptr_array_add (comm_contract_get_rag_history (contract), comm_rag_entry_new (rated_on, rag, 0, "Noted."));
          g_ptr_array_add (comm_contract_get_meetings (contract), comm_meeting_new (rated_on, ""));
        }
      g_assert_true (comm_contract_store_save (db, contract, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  gint64 homestart, smith, ymca;

  fixture->dir = comm_test_new_dir ();
  fixture->db = comm_test_create_workspace_in (fixture->dir, "test.commissioner");

  homestart = add_provider (fixture->db, "Home-Start Riverside");
  smith = add_provider (fixture->db, "Smith, Jones & Co");
  ymca = add_provider (fixture->db, "УMCA Tamar");  /* a Cyrillic У, kept as typed */

  add_contract (fixture->db, homestart, "CYP-FS-001", "=SUM(A1)",
                "service-area", "family-support", "start-date", "2025-04-01", "end-date", "2028-03-31",
                "lead-commissioner", "Sarah Whitfield", "procurement-route", "open-tender",
                "geography", "countywide", NULL);
  add_contract (fixture->db, smith, "CYP-YC-002", "Young carers \"drop-in\", city centre",
                "service-area", "Holiday hunger", "start-date", "2026-12-01", "end-date", "2027-11-30",
                "lead-commissioner", "Jo Penrose", "procurement-route", "grant", NULL);
  add_contract (fixture->db, ymca, "CYP-DA-003", "Refuge children’s workers",
                "service-area", "domestic-abuse", "start-date", "2023-04-01", "end-date", "2026-03-31",
                "extended-to", "2027-03-31", "lead-commissioner", "Gareth Lloyd",
                "procurement-route", "direct-award", "geography", "district", NULL);
  add_details (fixture->db, "CYP-FS-001", "WNF", 2025, 14300000, NULL, COMM_RAG_NONE);
  add_details (fixture->db, "CYP-FS-001", "WNF", 2026, 14300000, "2026-10-01", COMM_RAG_GREEN);
  add_details (fixture->db, "CYP-YC-002", "CF", 2026, 1234567, NULL, COMM_RAG_NONE);
  add_details (fixture->db, "CYP-DA-003", "Public Health", 2025, 5000000, NULL, COMM_RAG_NONE);
  add_details (fixture->db, "CYP-DA-003", "Public Health", 2026, 5000000, "2026-08-01", COMM_RAG_RED);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  fixture->contracts = G_LIST_MODEL (comm_contract_store_list (fixture->db, &today, &error));
  g_assert_no_error (error);
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

static char *
export_to_string (GListModel         *contracts,
                  CommCsvWriteFlags   flags,
                  gsize              *length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (comm_export_contracts_csv (contracts, out, flags, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_columns (void)
{
  const char * const *columns = comm_export_contracts_columns ();

  g_assert_cmpuint (g_strv_length ((char **) columns), ==, 16);
  g_assert_cmpstr (columns[0], ==, "Reference");
  g_assert_cmpstr (columns[4], ==, "Annual value");
  g_assert_cmpstr (columns[15], ==, "Geography");
}

static void
test_exact_content (Fixture       *fixture,
                    gconstpointer  data)
{
  gsize length;
  g_autofree char *csv = export_to_string (fixture->contracts, COMM_CSV_WRITE_DEFAULT, &length);
  g_autofree char *text = g_strndup (csv, length);

  g_assert_cmpstr (text, ==, expected_csv);
  g_assert_cmpuint (length, ==, strlen (expected_csv));
}

static void
test_bom (Fixture       *fixture,
          gconstpointer  data)
{
  gsize length;
  g_autofree char *csv = export_to_string (fixture->contracts, COMM_CSV_WRITE_BOM, &length);

  g_assert_cmpuint (length, ==, strlen (expected_csv) + 3);
  g_assert_cmpmem (csv, 3, "\xEF\xBB\xBF", 3);
  g_assert_cmpmem (csv + 3, length - 3, expected_csv, strlen (expected_csv));
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GListStore) store = g_list_store_new (COMM_TYPE_CONTRACT);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1001; i++)
    {
      g_autoptr(CommContract) contract = comm_contract_new ();
      g_autofree char *reference = g_strdup_printf ("R-%04u", i);

      g_object_set (contract, "reference", reference, NULL);
      g_list_store_append (store, contract);
    }

  g_assert_true (comm_export_contracts_csv (G_LIST_MODEL (store), out, 0, cancellable,
                                            on_progress_cb, fractions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (fractions, double, 0), 500.0 / 1001, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (fractions, double, 1), 1000.0 / 1001, 1e-9);
  g_assert_cmpfloat (g_array_index (fractions, double, 2), ==, 1.0);

  g_cancellable_cancel (cancellable);
  g_assert_false (comm_export_contracts_csv (G_LIST_MODEL (store), out, 0, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_to_file (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "contracts.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "contracts.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));

  /* Cancelled: the old file stays as it was, and no temporary file is left behind. */
  g_cancellable_cancel (cancellable);
  g_assert_false (comm_export_contracts_csv_to_file (fixture->contracts, path, 0, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  g_clear_pointer (&contents, g_free);

  /* Replaced in one go. */
  g_assert_true (comm_export_contracts_csv_to_file (fixture->contracts, path, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, expected_csv);
  g_assert_cmpuint (count_files (out_dir), ==, 1);

  /* A folder that is not there: a clear error, nothing created. */
  g_assert_false (comm_export_contracts_csv_to_file (fixture->contracts, missing, 0, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "contracts.csv"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-contracts/columns", test_columns);
  g_test_add_func ("/export-contracts/progress-and-cancel", test_progress_and_cancel);
  g_test_add ("/export-contracts/exact-content", Fixture, NULL, fixture_set_up, test_exact_content, fixture_tear_down);
  g_test_add ("/export-contracts/bom", Fixture, NULL, fixture_set_up, test_bom, fixture_tear_down);
  g_test_add ("/export-contracts/to-file", Fixture, NULL, fixture_set_up, test_to_file, fixture_tear_down);

  return g_test_run ();
}
