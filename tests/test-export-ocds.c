/* test-export-ocds.c: the OCDS 1.1 release package - amounts exact to the penny, ocid, parties
 * with GB-COH / GB-CHC identifiers, status, period, implementation, escaping, refusals. The JSON
 * is read back with SQLite's JSON functions (no JSON library). */
#include "config.h"

#include "commissioner-core.h"
#include "comm-database-private.h"
#include "comm-test-core.h"

typedef struct {
  char         *dir;
  CommDatabase *db;
  sqlite3      *json_db;  /* in memory, to query the JSON */
  char         *json;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = comm_test_new_dir ();
  fixture->db = comm_test_create_workspace_in (fixture->dir, "test.commissioner");
  g_assert_cmpint (sqlite3_open (":memory:", &fixture->json_db), ==, SQLITE_OK);

  comm_test_exec_sql (fixture->db,
              "INSERT INTO providers (id, name, legal_form, registered_number, sme, vcse) VALUES"
              " (1, 'Home-Start Riverside', 'charity', '1101876', 1, 1),"
              " (2, 'Sunflower Early Years Ltd', 'company', ' 876 5432 ', 1, 0),"
              " (3, 'Keyham Nursery CIC', 'cic', 'sc123456', 1, 1),"
              " (4, 'Smith, Jones & Co', 'company', '', 0, 0),"
              " (5, 'Council Youth Service', 'in-house', '', 0, 0),"
              " (6, 'Riverside NHS Trust', 'nhs-trust', 'RX1', 0, 0);"
              "INSERT INTO contracts (id, reference, title, description, provider_id, procurement_route,"
              " start_date, end_date, extended_to, terminated_on) VALUES"
              " (1, 'CS-001', 'Family \"support\"\n\tline two', 'Whole-family key work', 1, 'open-tender',"
              "  '2025-04-01', '2028-03-31', NULL, NULL),"
              " (2, 'CS-002', 'Ten pence', '', 2, 'quotation', '2026-12-01', '2027-11-30', NULL, NULL),"
              " (3, 'CS-003', 'Nursery', 'Places', 3, 'mini-competition', '2020-04-01', '2023-03-31', NULL, NULL),"
              " (4, 'CS-004', 'Outreach', 'Youth work', 4, 'direct-award', '2024-04-01', '2027-03-31', NULL, '2026-06-30'),"
              " (5, 'CS-005', 'Youth centres', 'In-house', 5, 'in-house', '2024-04-01', '2027-03-31', NULL, NULL),"
              " (6, 'CS-006', 'School nursing', '', 6, '', '2024-04-01', '2026-03-31', '2027-03-31', NULL);"
              "INSERT INTO funding_lines (contract_id, stream, year, amount) VALUES"
              " (1, 'DSG', 2025, 100000000), (1, 'CF', 2026, 23456789),"
              " (2, 'TP', 2026, 10),"
              " (3, 'DSG', 2020, 1),"
              " (4, 'WNF', 2024, 99),"
              " (5, 'DSG', 2024, 500000);"
              "INSERT INTO monitoring_meetings (contract_id, held_on, note) VALUES"
              " (1, '2026-09-01', 'Private notes'), (1, '2026-06-01', '');"
              "INSERT INTO rag_ratings (contract_id, rated_on, rag, comment) VALUES"
              " (4, '2026-05-01', 'red', 'Private comment');");
  comm_publishing_set_authority_name (fixture->db, "Riverside County Council", &error);
  comm_publishing_set_ocid_prefix (fixture->db, "ocds-abc123", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  sqlite3_close (fixture->json_db);
  g_free (fixture->json);
  comm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
export_to_string (CommDatabase  *db,
                  const char    *prefix,
                  guint         *n_written,
                  GError       **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (!comm_export_ocds_json (db, prefix, NULL, out, NULL, NULL, NULL, n_written, error))
    return NULL;
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
export_fixture (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  fixture->json = export_to_string (fixture->db, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);  /* the in-house service is left out */
}

/* json_extract (json, @path) as text ("" for NULL); arrays and objects as JSON text. */
static char *
extract (Fixture    *fixture,
         const char *path)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->json_db, "SELECT json_extract (?1, ?2)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, fixture->json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup (sqlite3_column_type (stmt, 0) == SQLITE_NULL ? "" : (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static void
assert_extract (Fixture    *fixture,
                const char *path,
                const char *expected)
{
  g_autofree char *got = extract (fixture, path);

  if (g_strcmp0 (got, expected) != 0)
    g_error ("%s is “%s”, expected “%s”", path, got, expected);
}

static void
test_amounts (void)
{
  const struct { gint64 pence; const char *text; } cases[] = {
    { 0, "0.00" }, { 5, "0.05" }, { 10, "0.10" }, { 99, "0.99" }, { 100, "1.00" },
    { 123456789, "1234567.89" }, { 500001, "5000.01" }, { -10, "-0.10" },
    { G_MAXINT64, "92233720368547758.07" }, { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = comm_export_ocds_amount (cases[i].pence);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_package (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *published = NULL;

  export_fixture (fixture);
  assert_extract (fixture, "$.version", "1.1");
  assert_extract (fixture, "$.publisher", "{\"name\":\"Riverside County Council\"}");
  assert_extract (fixture, "$.releases[#-1].ocid", "ocds-abc123-CS-006");
  assert_extract (fixture, "$.releases[5]", "");
  uri = extract (fixture, "$.uri");
  g_assert_true (g_str_has_prefix (uri, "urn:uuid:"));
  g_assert_true (g_uuid_string_is_valid (uri + strlen ("urn:uuid:")));
  published = extract (fixture, "$.publishedDate");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", published, 0, 0));
  assert_extract (fixture, "$.releases[0].date", published);
}

static void
test_release (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *id = NULL;

  export_fixture (fixture);
  assert_extract (fixture, "$.releases[0].ocid", "ocds-abc123-CS-001");
  id = extract (fixture, "$.releases[0].id");
  g_assert_true (g_str_has_prefix (id, "ocds-abc123-CS-001-"));
  assert_extract (fixture, "$.releases[0].tag", "[\"award\",\"contract\",\"implementation\"]");
  assert_extract (fixture, "$.releases[1].tag", "[\"award\",\"contract\"]");
  assert_extract (fixture, "$.releases[3].tag", "[\"award\",\"contract\",\"implementation\"]"); /* RAG only */
  assert_extract (fixture, "$.releases[0].initiationType", "tender");
  assert_extract (fixture, "$.releases[0].buyer", "{\"id\":\"buyer\",\"name\":\"Riverside County Council\"}");
  assert_extract (fixture, "$.releases[0].parties[0].roles", "[\"buyer\",\"procuringEntity\"]");

  /* Escaping: quotes, a line break and a tab survive the round trip */
  assert_extract (fixture, "$.releases[0].contracts[0].title", "Family \"support\"\n\tline two");
  assert_extract (fixture, "$.releases[0].contracts[0].description", "Whole-family key work");
  assert_extract (fixture, "$.releases[1].contracts[0].description", "");  /* empty: left out */
  assert_extract (fixture, "$.releases[0].contracts[0].awardID", "CS-001-award");
  assert_extract (fixture, "$.releases[0].awards[0].id", "CS-001-award");
  assert_extract (fixture, "$.releases[0].awards[0].suppliers[0].id", "GB-CHC-1101876");
}

static void
test_parties (Fixture       *fixture,
              gconstpointer  data)
{
  export_fixture (fixture);
  /* Charity: GB-CHC */
  assert_extract (fixture, "$.releases[0].parties[1].id", "GB-CHC-1101876");
  assert_extract (fixture, "$.releases[0].parties[1].identifier",
                  "{\"scheme\":\"GB-CHC\",\"id\":\"1101876\",\"legalName\":\"Home-Start Riverside\"}");
  assert_extract (fixture, "$.releases[0].parties[1].roles", "[\"supplier\"]");
  /* Company: GB-COH, spaces dropped and padded to eight characters */
  assert_extract (fixture, "$.releases[1].parties[1].identifier.scheme", "GB-COH");
  assert_extract (fixture, "$.releases[1].parties[1].identifier.id", "08765432");
  assert_extract (fixture, "$.releases[1].awards[0].suppliers[0].id", "GB-COH-08765432");
  /* CIC: GB-COH, upper case, not padded (it has letters) */
  assert_extract (fixture, "$.releases[2].parties[1].id", "GB-COH-SC123456");
  /* No number, or an NHS trust: a local id, no identifier */
  assert_extract (fixture, "$.releases[3].parties[1].id", "supplier-4");
  assert_extract (fixture, "$.releases[3].parties[1].identifier", "");
  assert_extract (fixture, "$.releases[4].parties[1].id", "supplier-6");
  assert_extract (fixture, "$.releases[4].parties[1].identifier", "");
  assert_extract (fixture, "$.releases[4].parties[1].name", "Riverside NHS Trust");
}

/* Amounts are JSON numbers exact to the penny, written from the integer. */
static void
test_values (Fixture       *fixture,
             gconstpointer  data)
{
  export_fixture (fixture);
  g_assert_nonnull (strstr (fixture->json, "\"value\":{\"amount\":1234567.89,\"currency\":\"GBP\"}"));
  g_assert_nonnull (strstr (fixture->json, "\"value\":{\"amount\":0.10,\"currency\":\"GBP\"}"));
  g_assert_nonnull (strstr (fixture->json, "\"value\":{\"amount\":0.01,\"currency\":\"GBP\"}"));
  g_assert_nonnull (strstr (fixture->json, "\"value\":{\"amount\":0.99,\"currency\":\"GBP\"}"));
  g_assert_nonnull (strstr (fixture->json, "\"value\":{\"amount\":0.00,\"currency\":\"GBP\"}"));
  assert_extract (fixture, "$.releases[0].contracts[0].value.currency", "GBP");
  assert_extract (fixture, "$.releases[1].awards[0].value.amount", "0.1");
  /* Every award's value is its contract's */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *award = g_strdup_printf ("$.releases[%u].awards[0].value", i);
      g_autofree char *contract = g_strdup_printf ("$.releases[%u].contracts[0].value", i);
      g_autofree char *a = extract (fixture, award);

      assert_extract (fixture, contract, a);
    }
}

static void
test_status_and_period (Fixture       *fixture,
                        gconstpointer  data)
{
  export_fixture (fixture);  /* today is 2026-11-23 (COMMISSIONER_TODAY) */
  assert_extract (fixture, "$.releases[0].contracts[0].status", "active");
  assert_extract (fixture, "$.releases[1].contracts[0].status", "pending");     /* starts 2026-12-01 */
  assert_extract (fixture, "$.releases[2].contracts[0].status", "terminated");  /* expired */
  assert_extract (fixture, "$.releases[3].contracts[0].status", "terminated");  /* terminated */
  assert_extract (fixture, "$.releases[4].contracts[0].status", "active");      /* extended */
  assert_extract (fixture, "$.releases[0].contracts[0].period",
                  "{\"startDate\":\"2025-04-01T00:00:00Z\",\"endDate\":\"2028-03-31T23:59:59Z\"}");
  assert_extract (fixture, "$.releases[3].contracts[0].period.endDate", "2026-06-30T23:59:59Z");
  assert_extract (fixture, "$.releases[4].contracts[0].period.endDate", "2027-03-31T23:59:59Z");
  assert_extract (fixture, "$.releases[4].awards[0].contractPeriod.endDate", "2027-03-31T23:59:59Z");
  /* Tender from the route */
  assert_extract (fixture, "$.releases[0].tender.procurementMethod", "open");
  assert_extract (fixture, "$.releases[1].tender.procurementMethod", "limited");
  assert_extract (fixture, "$.releases[2].tender.procurementMethod", "selective");
  assert_extract (fixture, "$.releases[3].tender.procurementMethod", "direct");
  assert_extract (fixture, "$.releases[3].tender.procurementMethodDetails", "Direct award");
  assert_extract (fixture, "$.releases[4].tender", "");
}

/* Meetings become met milestones, oldest first; notes and RAG comments are never published. */
static void
test_implementation (Fixture       *fixture,
                     gconstpointer  data)
{
  export_fixture (fixture);
  assert_extract (fixture, "$.releases[0].contracts[0].implementation.milestones[0]",
                  "{\"id\":\"CS-001-monitoring-1\",\"title\":\"Contract monitoring meeting\","
                  "\"type\":\"assessment\",\"status\":\"met\",\"dateMet\":\"2026-06-01T00:00:00Z\"}");
  assert_extract (fixture, "$.releases[0].contracts[0].implementation.milestones[1].dateMet",
                  "2026-09-01T00:00:00Z");
  assert_extract (fixture, "$.releases[0].contracts[0].implementation.milestones[2]", "");
  assert_extract (fixture, "$.releases[1].contracts[0].implementation", "");
  g_assert_null (strstr (fixture->json, "Private"));
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "kept.json", NULL);
  g_autofree char *contents = NULL;

  /* A prefix given by the caller wins, and is checked */
  json = export_to_string (fixture->db, "ocds-zzz999", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"ocid\":\"ocds-zzz999-CS-001\""));
  g_assert_null (export_to_string (fixture->db, "ocds-zz", NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  /* No prefix, no authority: said, and an existing file is left alone */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  comm_publishing_set_ocid_prefix (fixture->db, NULL, NULL);
  g_assert_false (comm_export_ocds_json_to_file (fixture->db, NULL, NULL, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "OCID prefix"));
  g_clear_error (&error);
  comm_publishing_set_authority_name (fixture->db, NULL, NULL);
  g_assert_false (comm_export_ocds_json_to_file (fixture->db, "ocds-abc123", NULL, path, NULL, NULL, NULL,
                                                 NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "authority name"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  /* Given both, it writes the file */
  g_assert_true (comm_export_ocds_json_to_file (fixture->db, "ocds-abc123", "Riverside", path, NULL, NULL,
                                                NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\"uri\":"));

  /* Nothing to publish: a package needs a release */
  comm_test_exec_sql (fixture->db, "UPDATE contracts SET deleted_at = '2026-01-01T00:00:00Z'");
  g_assert_null (export_to_string (fixture->db, "ocds-abc123", NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-ocds/amounts", test_amounts);
  g_test_add ("/export-ocds/package", Fixture, NULL, fixture_set_up, test_package, fixture_tear_down);
  g_test_add ("/export-ocds/release", Fixture, NULL, fixture_set_up, test_release, fixture_tear_down);
  g_test_add ("/export-ocds/parties", Fixture, NULL, fixture_set_up, test_parties, fixture_tear_down);
  g_test_add ("/export-ocds/values", Fixture, NULL, fixture_set_up, test_values, fixture_tear_down);
  g_test_add ("/export-ocds/status-and-period", Fixture, NULL, fixture_set_up, test_status_and_period,
              fixture_tear_down);
  g_test_add ("/export-ocds/implementation", Fixture, NULL, fixture_set_up, test_implementation,
              fixture_tear_down);
  g_test_add ("/export-ocds/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);

  return g_test_run ();
}
