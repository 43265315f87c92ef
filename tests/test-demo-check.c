/* test-demo-check.c: the demo workspace is complete, varied, deterministic and passes the checks */
#include "config.h"

#include "commissioner-core.h"
#include "comm-test-core.h"

typedef struct {
  char         *dir;
  CommDatabase *db;
  GDate         today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = comm_test_new_dir ();
  /* today is COMMISSIONER_TODAY in the test environment */
  fixture->db = comm_test_demo_workspace (fixture->dir, "demo.commissioner", &fixture->today);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  comm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GListModel *
list_contracts (CommDatabase *db,
                const GDate  *today)
{
  g_autoptr(GError) error = NULL;
  GListStore *store = comm_contract_store_list (db, today, &error);

  g_assert_no_error (error);
  return G_LIST_MODEL (store);
}

static void
test_sizes_and_variety (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) providers = comm_provider_store_list (fixture->db, &error);
  g_autoptr(GListModel) contracts = list_contracts (fixture->db, &fixture->today);
  g_autoptr(GHashTable) areas = g_hash_table_new (g_str_hash, g_str_equal);
  guint statuses[COMM_N_STATUSES] = { 0 };
  guint rags[COMM_RAG_RED + 1] = { 0 };
  guint overdue = 0, ending = 0, n = g_list_model_get_n_items (contracts);
  guint n_providers = g_list_model_get_n_items (G_LIST_MODEL (providers));

  g_assert_no_error (error);
  g_test_message ("%u providers, %u contracts", n_providers, n);
  g_assert_cmpuint (n_providers, >=, 36);
  g_assert_cmpuint (n_providers, <=, 44);
  g_assert_cmpuint (n, >=, 55);
  g_assert_cmpuint (n, <=, 65);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (contracts, i);

      g_hash_table_add (areas, (gpointer) g_intern_string (comm_contract_get_service_area (contract)));
      statuses[comm_contract_get_status (contract)]++;
      rags[comm_contract_get_rag (contract)]++;
      overdue += comm_contract_get_monitoring_overdue (contract);
      ending += comm_contract_get_ending_soon (contract);
      g_assert_cmpint (comm_contract_get_annual_value (contract), >=, 0);
      g_assert_cmpint (comm_contract_get_value (contract), >=, 1500000);
    }

  for (const CommChoice *area = comm_service_areas (); area->code != NULL; area++)
    if (!g_hash_table_contains (areas, area->code))
      g_error ("No demo contract in the service area %s", area->code);
  for (guint status = 0; status < COMM_N_STATUSES; status++)
    if (statuses[status] == 0)
      g_error ("No demo contract is %s", comm_contract_status_to_code (status));
  g_assert_cmpuint (statuses[COMM_STATUS_TERMINATED], ==, 1);
  g_assert_cmpuint (rags[COMM_RAG_GREEN], >, rags[COMM_RAG_AMBER]);
  g_assert_cmpuint (rags[COMM_RAG_AMBER], >, 0);
  g_assert_cmpuint (rags[COMM_RAG_RED], >, 0);
  g_assert_cmpuint (rags[COMM_RAG_NONE], >, 0);  /* planned and brand-new contracts */
  g_assert_cmpuint (overdue, >=, 3);
  g_assert_cmpuint (ending, >=, 5);
}

static void
test_providers (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const from_sample[] = {
    "Harbour Drug and Alcohol Services", "Careers South West", "Plymouth Community Healthcare",
    "Plymouth Hospital Trust", "Plymouth City Council Provided – Social Care",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) providers = comm_provider_store_list (fixture->db, &error);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) forms = g_hash_table_new (g_str_hash, g_str_equal);
  guint with_inspections = 0, sme = 0, vcse = 0, unused = 0;
  gboolean found_ymca = FALSE;
  g_autofree char *needle = comm_text_fold ("YMCA");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (providers)); i++)
    {
      g_autoptr(CommProvider) provider = g_list_model_get_item (G_LIST_MODEL (providers), i);
      g_autofree char *folded = comm_text_fold (comm_provider_get_name (provider));
      const char *number = comm_provider_get_registered_number (provider);
      g_autoptr(GPtrArray) problems = comm_provider_validate (provider);

      g_assert_cmpuint (problems->len, ==, 0);
      g_hash_table_add (names, (gpointer) g_intern_string (comm_provider_get_name (provider)));
      g_hash_table_add (forms, (gpointer) g_intern_string (comm_provider_get_legal_form (provider)));
      with_inspections += comm_provider_get_inspections (provider)->len > 0;
      sme += comm_provider_get_sme (provider);
      vcse += comm_provider_get_vcse (provider);
      unused += comm_provider_get_contract_count (provider) == 0;

      /* Company numbers have 8 digits, charity numbers 6 or 7. */
      if (g_str_equal (comm_provider_get_legal_form (provider), "company") ||
          g_str_equal (comm_provider_get_legal_form (provider), "cic"))
        g_assert_cmpuint (strlen (number), ==, 8);
      if (g_str_equal (comm_provider_get_legal_form (provider), "charity"))
        g_assert_true (strlen (number) == 6 || strlen (number) == 7);

      /* Stored as typed, found by folding. */
      if (comm_text_matches (folded, needle))
        {
          found_ymca = TRUE;
          g_assert_false (g_str_has_prefix (comm_provider_get_name (provider), "YMCA"));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (from_sample); i++)
    if (!g_hash_table_contains (names, from_sample[i]))
      g_error ("The demo lacks the sample's provider %s", from_sample[i]);
  g_assert_false (g_hash_table_contains (names, "Various"));
  g_assert_false (g_hash_table_contains (names, "Voluntary and Community Sector (VCS)"));
  g_assert_false (g_hash_table_contains (names, "Plymouth Community Health Care"));  /* a duplicate spelling */
  for (const CommChoice *form = comm_legal_forms (); form->code != NULL; form++)
    if (!g_str_equal (form->code, "other") && !g_hash_table_contains (forms, form->code))
      g_error ("No demo provider is a %s", form->code);
  g_assert_true (found_ymca);
  g_assert_cmpuint (with_inspections, >=, 10);
  g_assert_cmpuint (sme, >=, 20);
  g_assert_cmpuint (vcse, >=, 20);
  g_assert_cmpuint (unused, ==, 0);
}

static void
test_check_clean (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = comm_check_workspace (fixture->db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", ((CommProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_details (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListModel) contracts = list_contracts (fixture->db, &fixture->today);
  g_autoptr(GHashTable) streams = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = comm_date_to_iso (&fixture->today);
  guint two_streams = 0, max_history = 0, min_history = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (contracts, i);
      g_autoptr(GHashTable) in_contract = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) problems = NULL;
      GPtrArray *history;

      g_assert_true (comm_contract_store_load_details (fixture->db, contract, &error));
      g_assert_no_error (error);
      problems = comm_contract_validate (contract);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_true (g_regex_match_simple ("^CYP-[A-Z]{2}-[0-9]{3}$", comm_contract_get_reference (contract), 0, 0));

      for (guint j = 0; j < comm_contract_get_funding_lines (contract)->len; j++)
        {
          CommFundingLine *line = g_ptr_array_index (comm_contract_get_funding_lines (contract), j);

          g_hash_table_add (streams, line->stream);
          g_hash_table_add (in_contract, line->stream);
        }
      two_streams += g_hash_table_size (in_contract) >= 2;

      history = comm_contract_get_rag_history (contract);
      if (history->len > 0)
        {
          min_history = MIN (min_history, history->len);
          max_history = MAX (max_history, history->len);
        }
      for (guint j = 0; j < history->len; j++)
        {
          CommRagEntry *entry = g_ptr_array_index (history, j);

          g_assert_cmpstr (entry->rated_on, <=, today);
          g_assert_cmpstr (entry->rated_on, >=, comm_contract_get_start_date (contract));
          g_assert_cmpuint (strlen (entry->comment), >, 20);
        }
      g_assert_cmpuint (comm_contract_get_meetings (contract)->len, ==, history->len);
    }

  g_assert_true (g_hash_table_contains (streams, "WNF"));
  g_assert_true (g_hash_table_contains (streams, "CAMHS"));
  g_assert_true (g_hash_table_contains (streams, "CF"));
  g_assert_true (g_hash_table_contains (streams, "TP"));
  g_assert_true (g_hash_table_contains (streams, "Public Health"));
  g_assert_true (g_hash_table_contains (streams, "DSG"));
  g_assert_cmpuint (two_streams, >=, 10);
  g_assert_cmpuint (min_history, ==, 1);
  g_assert_cmpuint (max_history, ==, 6);
}

static char *
export_demo (CommDatabase *db,
             const GDate  *today)
{
  g_autoptr(GListModel) contracts = list_contracts (db, today);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (comm_export_contracts_csv (contracts, out, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write (out, "", 1, NULL, NULL);  /* NUL-terminate */
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_deterministic_and_refuses_twice (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommDatabase) other = comm_test_create_workspace_in (fixture->dir, "again.commissioner");
  g_autoptr(CommDatabase) later = comm_test_create_workspace_in (fixture->dir, "later.commissioner");
  g_autofree char *first = NULL, *second = NULL, *third = NULL;
  g_autoptr(GListModel) contracts = NULL;
  GDate other_day;
  guint statuses[COMM_N_STATUSES] = { 0 };

  g_assert_true (comm_demo_populate (other, &fixture->today, &error));
  g_assert_no_error (error);
  first = export_demo (fixture->db, &fixture->today);
  second = export_demo (other, &fixture->today);
  g_assert_cmpstr (first, ==, second);

  /* A second time on the same workspace is refused, and changes nothing. */
  g_assert_false (comm_demo_populate (fixture->db, &fixture->today, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  third = export_demo (fixture->db, &fixture->today);
  g_assert_cmpstr (first, ==, third);

  /* Dated around whatever today is: on another day every status is still there. */
  g_date_clear (&other_day, 1);
  g_date_set_dmy (&other_day, 31, G_DATE_MARCH, 2031);
  g_assert_true (comm_demo_populate (later, &other_day, &error));
  g_assert_no_error (error);
  contracts = list_contracts (later, &other_day);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (contracts, i);

      statuses[comm_contract_get_status (contract)]++;
    }
  for (guint status = 0; status < COMM_N_STATUSES; status++)
    g_assert_cmpuint (statuses[status], >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/demo/sizes-and-variety", test_sizes_and_variety);
  ADD ("/demo/providers", test_providers);
  ADD ("/demo/details", test_details);
  ADD ("/demo/check-clean", test_check_clean);
  ADD ("/demo/deterministic-and-refuses-twice", test_deterministic_and_refuses_twice);
#undef ADD

  return g_test_run ();
}
