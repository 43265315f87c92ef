/* test-publishing.c: the publication settings of a workspace - defaults, trimming, validation */
#include "config.h"

#include "commissioner-core.h"
#include "comm-test-core.h"

static void
test_prefix_valid (void)
{
  const char *good[] = { "ocds-abc123", "ocds-ABC123", "ocds-000000", "ocds-b5fd17" };
  const char *bad[] = { "", "ocds-", "ocds-abc12", "ocds-abc1234", "ocds_abc123", "OCDS-abc123",
                        "ocds-abc 12", "ocds-abc-12", "abc123", "ocds-abcdé1" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (comm_publishing_ocid_prefix_valid (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (comm_publishing_ocid_prefix_valid (bad[i], &error));
      g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "ocds-abc123"));
    }
}

static void
test_settings (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *department = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *stored = NULL;

  /* Defaults */
  empty = comm_publishing_get_authority_name (db);
  g_assert_cmpstr (empty, ==, "");
  g_clear_pointer (&empty, g_free);
  empty = comm_publishing_get_ocid_prefix (db);
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpint (comm_publishing_get_threshold (db), ==, 500000);

  /* Set, trimmed */
  g_assert_true (comm_publishing_set_authority_name (db, "  Riverside County Council ", &error));
  g_assert_true (comm_publishing_set_department (db, "Children's Services", &error));
  g_assert_true (comm_publishing_set_ocid_prefix (db, " ocds-abc123 ", &error));
  g_assert_true (comm_publishing_set_threshold (db, 2500000, &error));
  g_assert_no_error (error);
  name = comm_publishing_get_authority_name (db);
  department = comm_publishing_get_department (db);
  prefix = comm_publishing_get_ocid_prefix (db);
  g_assert_cmpstr (name, ==, "Riverside County Council");
  g_assert_cmpstr (department, ==, "Children's Services");
  g_assert_cmpstr (prefix, ==, "ocds-abc123");
  g_assert_cmpint (comm_publishing_get_threshold (db), ==, 2500000);
  stored = comm_database_get_setting (db, COMM_SETTING_TRANSPARENCY_THRESHOLD);
  g_assert_cmpstr (stored, ==, "2500000");

  /* Refused: nothing changes */
  g_assert_false (comm_publishing_set_ocid_prefix (db, "ocds-abc", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comm_publishing_set_threshold (db, -1, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&prefix, g_free);
  prefix = comm_publishing_get_ocid_prefix (db);
  g_assert_cmpstr (prefix, ==, "ocds-abc123");
  g_assert_cmpint (comm_publishing_get_threshold (db), ==, 2500000);

  /* Cleared: back to the defaults; a damaged threshold reads as the default */
  g_assert_true (comm_publishing_set_ocid_prefix (db, "  ", &error));
  g_assert_true (comm_publishing_set_authority_name (db, NULL, &error));
  g_assert_true (comm_database_set_setting (db, COMM_SETTING_TRANSPARENCY_THRESHOLD, "£5k", &error));
  g_assert_no_error (error);
  g_clear_pointer (&prefix, g_free);
  prefix = comm_publishing_get_ocid_prefix (db);
  g_assert_cmpstr (prefix, ==, "");
  g_assert_null (comm_database_get_setting (db, COMM_SETTING_AUTHORITY_NAME));
  g_assert_cmpint (comm_publishing_get_threshold (db), ==, 500000);
  g_assert_true (comm_publishing_set_threshold (db, 0, &error));
  g_assert_cmpint (comm_publishing_get_threshold (db), ==, 0);
}

/* The contract keeps its irrecoverable VAT and department through the store, and the
 * Transparency CSV shows them. */
static void
test_contract_fields (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CommProvider) provider = comm_provider_new ();
  g_autoptr(CommContract) contract = comm_contract_new ();
  g_autoptr(CommContract) loaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *csv = NULL;
  GDate today;

  comm_provider_set_name (provider, "Home-Start Riverside");
  g_assert_true (comm_provider_store_save (db, provider, &error));
  g_object_set (contract, "reference", "CS-001", "title", "Family support",
                "provider-id", comm_provider_get_id (provider), "start-date", "2025-04-01",
                "end-date", "2028-03-31", "irrecoverable-vat", G_GINT64_CONSTANT (-1), NULL);
  g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new ("DSG", 2025, 1000000));
  comm_contract_set_has_details (contract, TRUE);

  problems = comm_contract_validate (contract);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_false (comm_contract_store_save (db, contract, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  g_object_set (contract, "irrecoverable-vat", G_GINT64_CONSTANT (123456), "department", "Public Health", NULL);
  g_assert_true (comm_contract_store_save (db, contract, &error));
  g_assert_no_error (error);
  comm_date_today (&today);
  loaded = comm_contract_store_get (db, comm_contract_get_id (contract), &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comm_contract_get_irrecoverable_vat (loaded), ==, 123456);
  g_assert_cmpstr (comm_contract_get_department (loaded), ==, "Public Health");
  {
    g_autoptr(CommContract) copy = comm_contract_copy (loaded);

    g_assert_cmpint (comm_contract_get_irrecoverable_vat (copy), ==, 123456);
    g_assert_cmpstr (comm_contract_get_department (copy), ==, "Public Health");
  }

  g_assert_true (comm_export_transparency_csv (db, 0, out, 0, NULL, NULL, NULL, NULL, &error));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (csv, "\r\nCS-001,Family support,Public Health,,Home-Start Riverside,,No,No,"
                                 "10000.00,1234.56,2025-04-01,2028-03-31,,\r\n"));

  g_clear_object (&loaded);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publishing/ocid-prefix", test_prefix_valid);
  g_test_add_func ("/publishing/settings", test_settings);
  g_test_add_func ("/publishing/contract-fields", test_contract_fields);

  return g_test_run ();
}
