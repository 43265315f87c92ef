/* test-provider-store.c: providers saved, read back, validated, sorted and deleted */
#include "config.h"

#include "commissioner-core.h"
#include "comm-test-core.h"

typedef struct {
  char         *dir;
  char         *path;
  CommDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = comm_test_new_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.commissioner", NULL);
  fixture->db = comm_test_create_workspace (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  comm_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static CommProvider *
make_provider (const char *name)
{
  CommProvider *provider = comm_provider_new ();

  comm_provider_set_name (provider, name);
  g_object_set (provider,
                "legal-form", "charity", "registered-number", "1076543",
                "address", "The Old Vicarage, Riverside Road, Plymouth",
                "contact-name", "Janet Couch", "contact-email", "janet@example.org",
                "contact-phone", "01632 960120", "sme", TRUE, "vcse", TRUE, NULL);
  g_ptr_array_add (comm_provider_get_inspections (provider),
                   comm_inspection_new ("Ofsted EIF (early years)", "2022-03-14", "Good"));
  g_ptr_array_add (comm_provider_get_inspections (provider),
                   comm_inspection_new ("Ofsted report card (early years)", "2026-06-02", "Strong standard"));
  return provider;
}

static guint
count_providers (CommDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = comm_provider_store_list (db, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static void
assert_same_provider (CommProvider *a,
                      CommProvider *b)
{
  static const char * const strings[] = {
    "name", "legal-form", "registered-number", "address", "contact-name", "contact-email",
    "contact-phone", "latest-grade",
  };
  GPtrArray *ia = comm_provider_get_inspections (a);
  GPtrArray *ib = comm_provider_get_inspections (b);

  g_assert_cmpint (comm_provider_get_id (a), ==, comm_provider_get_id (b));
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *sa = NULL, *sb = NULL;

      g_object_get (a, strings[i], &sa, NULL);
      g_object_get (b, strings[i], &sb, NULL);
      g_assert_cmpstr (sa, ==, sb);
    }
  g_assert_cmpint (comm_provider_get_sme (a), ==, comm_provider_get_sme (b));
  g_assert_cmpint (comm_provider_get_vcse (a), ==, comm_provider_get_vcse (b));
  g_assert_cmpuint (ia->len, ==, ib->len);
  for (guint i = 0; i < ia->len; i++)
    {
      const CommInspection *x = g_ptr_array_index (ia, i);
      const CommInspection *y = g_ptr_array_index (ib, i);

      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpstr (x->framework, ==, y->framework);
      g_assert_cmpstr (x->inspected_on, ==, y->inspected_on);
      g_assert_cmpstr (x->grade, ==, y->grade);
    }
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommProvider) provider = make_provider ("Home-Start Riverside");
  g_autoptr(CommProvider) loaded = NULL;
  GPtrArray *inspections;

  g_assert_true (comm_provider_store_save (fixture->db, provider, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_provider_get_id (provider), >, 0);

  loaded = comm_provider_store_get (fixture->db, comm_provider_get_id (provider), &error);
  g_assert_no_error (error);
  inspections = comm_provider_get_inspections (loaded);
  g_assert_cmpuint (inspections->len, ==, 2);
  /* Newest first after loading, whatever the order saved. */
  g_assert_cmpstr (((CommInspection *) g_ptr_array_index (inspections, 0))->inspected_on, ==, "2026-06-02");
  g_assert_cmpstr (comm_provider_get_latest_grade (loaded), ==, "Strong standard");
  g_assert_cmpstr (comm_provider_get_registered_number (loaded), ==, "1076543");
  g_assert_true (comm_provider_get_sme (loaded));
  g_assert_cmpuint (comm_provider_get_contract_count (loaded), ==, 0);

  /* Saved ids were handed back to the object's own inspections. */
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (((CommInspection *) g_ptr_array_index (comm_provider_get_inspections (provider), i))->id, >, 0);

  {
    g_autoptr(CommProvider) again = comm_provider_store_get (fixture->db, comm_provider_get_id (provider), &error);

    g_assert_no_error (error);
    assert_same_provider (loaded, again);
  }
}

static void
test_update_replaces_inspections (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommProvider) provider = make_provider ("Little Acorns Children's Centres");
  g_autoptr(CommProvider) loaded = NULL;
  g_autoptr(CommProvider) reloaded = NULL;
  CommInspection *kept;
  gint64 kept_id;

  g_assert_true (comm_provider_store_save (fixture->db, provider, &error));
  loaded = comm_provider_store_get (fixture->db, comm_provider_get_id (provider), &error);
  g_assert_no_error (error);

  /* Edit one, remove one, add one. */
  kept = g_ptr_array_index (comm_provider_get_inspections (loaded), 0);
  kept_id = kept->id;
  g_free (kept->grade);
  kept->grade = g_strdup ("Needs attention");
  g_ptr_array_remove_index (comm_provider_get_inspections (loaded), 1);
  g_ptr_array_add (comm_provider_get_inspections (loaded), comm_inspection_new ("CQC", "2019-01-10", "Good"));
  g_object_set (loaded, "name", "Little Acorns", "vcse", FALSE, NULL);
  g_assert_true (comm_provider_store_save (fixture->db, loaded, &error));
  g_assert_no_error (error);

  reloaded = comm_provider_store_get (fixture->db, comm_provider_get_id (provider), &error);
  g_assert_no_error (error);
  assert_same_provider (loaded, reloaded);
  g_assert_cmpstr (comm_provider_get_name (reloaded), ==, "Little Acorns");
  g_assert_false (comm_provider_get_vcse (reloaded));
  g_assert_cmpuint (comm_provider_get_inspections (reloaded)->len, ==, 2);
  g_assert_cmpint (((CommInspection *) g_ptr_array_index (comm_provider_get_inspections (reloaded), 0))->id, ==, kept_id);
  g_assert_cmpstr (comm_provider_get_latest_grade (reloaded), ==, "Needs attention");
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommProvider) provider = make_provider ("   ");
  g_autoptr(GPtrArray) problems = comm_provider_validate (provider);
  CommInspection *inspection;

  g_assert_nonnull (comm_problems_find (problems, "name"));
  g_assert_false (comm_provider_store_save (fixture->db, provider, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_cmpint (comm_provider_get_id (provider), ==, 0);
  g_clear_error (&error);

  comm_provider_set_name (provider, "Sound Minds");
  g_object_set (provider, "legal-form", "partnership", NULL);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = comm_provider_validate (provider);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (comm_problems_find (problems, "legal-form"));

  g_object_set (provider, "legal-form", "charity", NULL);
  inspection = g_ptr_array_index (comm_provider_get_inspections (provider), 1);
  g_free (inspection->inspected_on);
  inspection->inspected_on = g_strdup ("2026-02-30");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = comm_provider_validate (provider);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (comm_problems_find (problems, "inspection:1"));
  g_assert_false (comm_provider_store_save (fixture->db, provider, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Inspection 2"));

  /* Nothing was written by either refusal. */
  g_assert_cmpuint (count_providers (fixture->db), ==, 0);
  g_assert_cmpint (inspection->id, ==, 0);
}

static void
test_sorted_by_name (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const names[] = { "careers South West", "Ábaco Play", "Brightpath Learning CIC", "abbey Family Centre" };
  /* Accents and case do not count (folded as for search), whatever the locale. */
  static const char * const expected[] = { "Ábaco Play", "abbey Family Centre", "Brightpath Learning CIC", "careers South West" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CommProvider) provider = comm_provider_new ();

      comm_provider_set_name (provider, names[i]);
      g_assert_true (comm_provider_store_save (fixture->db, provider, &error));
      g_assert_no_error (error);
    }

  store = comm_provider_store_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CommProvider) provider = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_cmpstr (comm_provider_get_name (provider), ==, expected[i]);
      g_assert_cmpstr (comm_provider_get_legal_form (provider), ==, "other");
    }
}

static CommContract *
make_contract (gint64      provider_id,
               const char *reference)
{
  CommContract *contract = comm_contract_new ();

  g_object_set (contract, "reference", reference, "title", "Young Carers and Affected Others",
                "provider-id", provider_id, "start-date", "2025-04-01", "end-date", "2028-03-31", NULL);
  g_ptr_array_add (comm_contract_get_funding_lines (contract), comm_funding_line_new ("WNF", 2025, 1450000));
  comm_contract_set_has_details (contract, TRUE);
  return contract;
}

static void
test_delete_refused_while_used (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommProvider) provider = make_provider ("Riverside Young Carers Trust");
  g_autoptr(CommProvider) loaded = NULL;
  g_autoptr(CommContract) contract = NULL;
  gint64 id;

  g_assert_true (comm_provider_store_save (fixture->db, provider, &error));
  id = comm_provider_get_id (provider);
  contract = make_contract (id, "CYP-YC-002");
  g_assert_true (comm_contract_store_save (fixture->db, contract, &error));
  g_assert_no_error (error);

  loaded = comm_provider_store_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comm_provider_get_contract_count (loaded), ==, 1);

  g_assert_false (comm_provider_store_delete (fixture->db, id, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 contract uses it"));
  g_assert_nonnull (strstr (error->message, "Riverside Young Carers Trust"));
  g_clear_error (&error);
  g_assert_cmpuint (count_providers (fixture->db), ==, 1);

  /* Once the contract is deleted the provider can go (and takes the deleted contract with it). */
  g_assert_true (comm_contract_store_delete (fixture->db, comm_contract_get_id (contract), &error));
  g_assert_true (comm_provider_store_delete (fixture->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_providers (fixture->db), ==, 0);
  g_assert_null (comm_provider_store_get (fixture->db, id, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (comm_contract_store_restore (fixture->db, comm_contract_get_id (contract), &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (comm_provider_store_delete (fixture->db, id, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
}

static void
test_save_missing_row (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommProvider) provider = make_provider ("Open Door Advocacy");

  comm_provider_set_id (provider, 4242);
  g_assert_false (comm_provider_store_save (fixture->db, provider, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_providers (fixture->db), ==, 0);
  g_assert_cmpint (((CommInspection *) g_ptr_array_index (comm_provider_get_inspections (provider), 0))->id, ==, 0);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_properties_notify (void)
{
  g_autoptr(CommProvider) provider = comm_provider_new ();
  g_autoptr(CommProvider) copy = NULL;
  guint count = 0;

  g_signal_connect (provider, "notify::name", G_CALLBACK (on_notify_cb), &count);
  comm_provider_set_name (provider, "Devonport Dads Project");
  comm_provider_set_name (provider, "Devonport Dads Project");
  g_object_set (provider, "name", "Devonport Dads", NULL);
  g_assert_cmpuint (count, ==, 2);
  g_object_set (provider, "name", NULL, NULL);
  g_assert_cmpstr (comm_provider_get_name (provider), ==, "");
  g_assert_cmpstr (comm_provider_get_latest_grade (provider), ==, "");

  comm_provider_set_name (provider, "Devonport Dads Project");
  g_ptr_array_add (comm_provider_get_inspections (provider), comm_inspection_new ("Ofsted", "2024-01-01", "Good"));
  copy = comm_provider_copy (provider);
  g_assert_true (copy != provider);
  g_assert_cmpstr (comm_provider_get_name (copy), ==, "Devonport Dads Project");
  g_assert_cmpuint (comm_provider_get_inspections (copy)->len, ==, 1);
  g_assert_true (g_ptr_array_index (comm_provider_get_inspections (copy), 0) !=
                 g_ptr_array_index (comm_provider_get_inspections (provider), 0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/provider/properties-notify", test_properties_notify);
  g_test_add ("/provider-store/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/provider-store/update-replaces-inspections", Fixture, NULL, fixture_set_up,
              test_update_replaces_inspections, fixture_tear_down);
  g_test_add ("/provider-store/validation", Fixture, NULL, fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/provider-store/sorted-by-name", Fixture, NULL, fixture_set_up, test_sorted_by_name, fixture_tear_down);
  g_test_add ("/provider-store/delete-refused-while-used", Fixture, NULL, fixture_set_up,
              test_delete_refused_while_used, fixture_tear_down);
  g_test_add ("/provider-store/save-missing-row", Fixture, NULL, fixture_set_up, test_save_missing_row, fixture_tear_down);

  return g_test_run ();
}
