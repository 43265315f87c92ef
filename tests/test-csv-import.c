/* test-csv-import.c: importing contracts from CSV - encodings, separators, every bad input, the
 * plan (new / updated / unchanged / rejected / flagged), applying, presets and round trips.
 * The values (dates, money, funding cells, years, headers) are in test-import-values.c. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "commissioner-core.h"
#include "comm-test-core.h"

typedef struct {
  char         *dir;
  CommDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = comm_test_new_dir ();
  f->db = comm_test_create_workspace_in (f->dir, "test.commissioner");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  comm_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("COMM_TEST_SRCDIR"), "data", "import", name, NULL);
}

static CommImportSource *
source_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  CommImportSource *source = comm_import_source_new_from_data (text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

static CommImportPlan *
plan_text (CommDatabase *db,
           const char   *text)
{
  g_autoptr(CommImportSource) source = source_from_text (text);
  g_autoptr(GError) error = NULL;
  CommImportPlan *plan = comm_import_plan_new (db, source, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static CommImportPlan *
plan_file (CommDatabase *db,
           const char   *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CommImportSource) source = comm_import_source_load (path, NULL, NULL, &error);
  CommImportPlan *plan;

  g_assert_no_error (error);
  plan = comm_import_plan_new (db, source, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return plan;
}

static guint
n_contracts (CommDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  g_autoptr(GListStore) store = NULL;

  comm_date_today (&today);
  store = comm_contract_store_list (db, &today, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static guint
n_audit (CommDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = comm_audit_list (db, NULL, 0, &error);

  g_assert_no_error (error);
  return entries->len;
}

static CommContract *
contract_by_reference (CommDatabase *db,
                       const char   *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = NULL;
  GDate today;

  comm_date_today (&today);
  store = comm_contract_store_list (db, &today, &error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_str_equal (comm_contract_get_reference (contract), reference))
        return comm_contract_store_get (db, comm_contract_get_id (contract), &today, &error);
    }
  return NULL;
}

static CommImportRow *
row_at_line (CommImportPlan *plan,
             guint           line)
{
  GPtrArray *rows = comm_import_plan_get_rows (plan);

  for (guint i = 0; i < rows->len; i++)
    if (((CommImportRow *) rows->pdata[i])->line == line)
      return rows->pdata[i];
  g_assert_not_reached ();
}

/* Reading files */

static void
test_encodings_and_separators (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CommImportPlan) plan = NULL;
  g_autoptr(CommContract) contract = NULL;
  g_autofree char *path = data_path ("windows-1252.csv");
  g_autoptr(CommImportSource) source = comm_import_source_load (path, NULL, NULL, NULL);
  GPtrArray *lines;

  g_assert_nonnull (source);
  g_assert_cmpint (comm_import_source_get_encoding (source), ==, COMM_IMPORT_ENCODING_WINDOWS_1252);
  g_assert_cmpint (comm_import_source_get_separator (source), ==, ';');
  g_assert_cmpstr (comm_import_source_get_header (source)[2], ==, "Provider name");
  plan = plan_file (f->db, "windows-1252.csv");
  g_assert_cmpuint (comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW), ==, 2);
  g_assert_true (comm_import_plan_apply (plan, f->db, FALSE, NULL, NULL, NULL, NULL));
  contract = contract_by_reference (f->db, "W-001");
  g_assert_cmpstr (comm_contract_get_title (contract), ==, "Café drop-in");
  g_assert_cmpstr (comm_contract_get_provider_name (contract), ==, "Café Families CIC");
  g_assert_cmpstr (comm_contract_get_start_date (contract), ==, "2026-03-31");
  lines = comm_contract_get_funding_lines (contract);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpint (((CommFundingLine *) lines->pdata[0])->amount, ==, 14300000);
  g_assert_cmpint (((CommFundingLine *) lines->pdata[0])->year, ==, 2025);  /* 31 March 2026 is in 2025-26 */
  g_clear_object (&contract);
  contract = contract_by_reference (f->db, "W-002");
  g_assert_cmpint (comm_contract_get_value (contract), ==, 1250050);

  g_clear_pointer (&source, comm_import_source_free);
  g_free (path);
  path = data_path ("utf8-bom-semicolon.csv");
  source = comm_import_source_load (path, NULL, NULL, NULL);
  g_assert_cmpint (comm_import_source_get_encoding (source), ==, COMM_IMPORT_ENCODING_UTF8_BOM);
  g_assert_cmpint (comm_import_source_get_separator (source), ==, ';');
  g_assert_cmpstr (comm_import_source_get_header (source)[0], ==, "Ref");

  g_clear_pointer (&source, comm_import_source_free);
  g_free (path);
  path = data_path ("tab.csv");
  source = comm_import_source_load (path, NULL, NULL, NULL);
  g_assert_cmpint (comm_import_source_get_encoding (source), ==, COMM_IMPORT_ENCODING_UTF8);
  g_assert_cmpint (comm_import_source_get_separator (source), ==, '\t');
  g_clear_pointer (&plan, comm_import_plan_free);
  plan = plan_file (f->db, "tab.csv");
  g_assert_true (comm_import_plan_apply (plan, f->db, FALSE, NULL, NULL, NULL, NULL));
  g_clear_object (&contract);
  contract = contract_by_reference (f->db, "T-001");
  g_assert_cmpint (((CommFundingLine *) comm_contract_get_funding_lines (contract)->pdata[0])->year, ==, 2027);

  /* Comma detected even with semicolons inside quoted cells */
  g_clear_pointer (&source, comm_import_source_free);
  source = source_from_text ("Reference,Title\n\"A;1\",\"x;y;z\"\nB,c\n");
  g_assert_cmpint (comm_import_source_get_separator (source), ==, ',');
}

static void
assert_source_fails (const char *text,
                     gsize       len,
                     const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommImportSource) source = comm_import_source_new_from_data (text, len, NULL, &error);

  g_assert_null (source);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
assert_plan_fails (CommDatabase *db,
                   const char   *name,
                   const char   *words)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CommImportSource) source = comm_import_source_load (path, NULL, NULL, &error);
  g_autoptr(CommImportPlan) plan = NULL;

  if (source != NULL)
    plan = comm_import_plan_new (db, source, NULL, NULL, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  if (strstr (error->message, words) == NULL)
    g_error ("%s: “%s” does not say “%s”", name, error->message, words);
  g_assert_cmpuint (n_contracts (db), ==, 0);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  assert_plan_fails (f->db, "empty.csv", "empty");
  assert_plan_fails (f->db, "header-only.csv", "no rows of data");
  assert_plan_fails (f->db, "unbalanced-quote.csv", "line 2 has no closing quote");
  assert_plan_fails (f->db, "truncated.csv", "line 3 has no closing quote");
  assert_plan_fails (f->db, "binary.xlsx.csv", "NUL byte");
  assert_source_fails ("\n\n\n", 3, "empty");
  assert_source_fails (",,\n1,2,3\n", 9, "header row (line 1) is empty");
  assert_source_fails ("Reference\n\x81\x82\n", 13, "Line 2 holds bytes that are neither UTF-8 nor Windows-1252");

  {
    /* No reference column */
    g_autoptr(CommImportSource) source = source_from_text ("Title,Provider\nA,B\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(CommImportPlan) plan = comm_import_plan_new (f->db, source, NULL, NULL, NULL, NULL, &error);

    g_assert_null (plan);
    g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "reference"));
  }
  {
    /* Forcing UTF-8 on a 1252 file says where */
    g_autoptr(CommImportOptions) options = comm_import_options_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(CommImportSource) source = NULL;

    options->encoding = COMM_IMPORT_ENCODING_UTF8;
    source = comm_import_source_new_from_data ("Reference\nCaf\xe9\n", 14, options, &error);
    g_assert_null (source);
    g_assert_nonnull (strstr (error->message, "Line 2 is not valid UTF-8"));
  }
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CommImportSource) source = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) COMM_IMPORT_MAX_FILE_SIZE + 1), ==, 0);  /* sparse */
  g_close (fd, NULL);
  source = comm_import_source_load (path, NULL, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "200 MB"));
  g_clear_error (&error);

  g_clear_pointer (&path, g_free);
  path = g_build_filename (f->dir, "missing.csv", NULL);
  g_assert_null (comm_import_source_load (path, NULL, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
}

/* Planning and applying */

static void
test_plan_rows (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CommImportPlan) plan = plan_file (f->db, "mixed.csv");
  CommImportRow *row;
  guint audit = n_audit (f->db);

  g_assert_cmpuint (comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW), ==, 3);
  g_assert_cmpuint (comm_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED), ==, 4);
  g_assert_cmpuint (comm_import_plan_count_flagged (plan), ==, 1);
  g_assert_cmpuint (comm_import_plan_get_new_providers (plan)->len, ==, 3);

  row = row_at_line (plan, 4);   /* "£143,00" */
  g_assert_cmpint (row->kind, ==, COMM_IMPORT_ROW_REJECTED);
  g_assert_cmpstr (row->column, ==, "Contract value (£)");
  g_assert_cmpstr (row->cell, ==, "£143,00");
  g_assert_nonnull (strstr (row->reason, "decimal comma"));
  row = row_at_line (plan, 5);   /* Cyrillic У in the provider */
  g_assert_cmpint (row->kind, ==, COMM_IMPORT_ROW_NEW);
  g_assert_true (row->flagged);
  g_assert_cmpstr (row->column, ==, "Supplier");
  g_assert_nonnull (strstr (row->flag_reason, "Cyrillic"));
  row = row_at_line (plan, 6);   /* fs-001 again */
  g_assert_cmpint (row->kind, ==, COMM_IMPORT_ROW_REJECTED);
  g_assert_cmpstr (row->cell, ==, "fs-001");
  g_assert_nonnull (strstr (row->reason, "line 2"));
  row = row_at_line (plan, 7);   /* too few cells */
  g_assert_cmpint (row->kind, ==, COMM_IMPORT_ROW_REJECTED);
  g_assert_null (row->cell);
  g_assert_nonnull (strstr (row->reason, "3 cells but the header has 8"));
  row = row_at_line (plan, 8);   /* 31/02 */
  g_assert_cmpstr (row->column, ==, "Start");
  g_assert_nonnull (strstr (row->reason, "not a real date"));
  row = row_at_line (plan, 3);
  g_assert_cmpint (row->kind, ==, COMM_IMPORT_ROW_NEW);
  g_assert_false (row->flagged);

  /* Planning (a dry run) writes nothing */
  g_assert_cmpuint (n_contracts (f->db), ==, 0);
  g_assert_cmpuint (n_audit (f->db), ==, audit);
}

static void
test_more_cells_and_rules (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CommImportPlan) plan = plan_text (f->db,
    "Reference,Title,Provider,Start,End,Value,Notice\n"
    "A-1,Fine,P,2026-04-01,2027-03-31,100,3\n"
    "A-2,Extra,P,2026-04-01,2027-03-31,100,3,surplus\n"
    "A-3,Ends early,P,2026-04-01,2025-03-31,100,3\n"
    "A-4,,P,2026-04-01,2027-03-31,100,3\n"
    "A-5,No provider,,2026-04-01,2027-03-31,100,3\n"
    ",No reference,P,2026-04-01,2027-03-31,100,3\n"
    "A-7,Notice,P,2026-04-01,2027-03-31,100,99\n"
    "A-8,Stream only,P,2026-04-01,2027-03-31,CAMHS,3\n");

  g_assert_cmpuint (comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW), ==, 1);
  g_assert_cmpuint (comm_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED), ==, 7);
  g_assert_nonnull (strstr (row_at_line (plan, 3)->reason, "8 cells but the header has 7"));
  g_assert_cmpstr (row_at_line (plan, 4)->column, ==, "End");
  g_assert_cmpstr (row_at_line (plan, 5)->column, ==, "Title");
  g_assert_cmpstr (row_at_line (plan, 6)->column, ==, "Provider");
  g_assert_cmpstr (row_at_line (plan, 7)->column, ==, "Reference");
  g_assert_cmpstr (row_at_line (plan, 8)->column, ==, "Notice");
  g_assert_cmpstr (row_at_line (plan, 9)->cell, ==, "CAMHS");
}

static void
test_apply_all_or_good (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CommImportPlan) plan = plan_file (f->db, "mixed.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) providers = NULL;
  g_autoptr(CommContract) contract = NULL;
  guint audit = n_audit (f->db);

  /* All rows: refused because of the rejected ones, nothing written */
  g_assert_false (comm_import_plan_apply (plan, f->db, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4 rows were rejected"));
  g_assert_cmpuint (n_contracts (f->db), ==, 0);
  g_assert_cmpuint (n_audit (f->db), ==, audit);
  g_clear_error (&error);

  /* Only the good ones */
  g_assert_true (comm_import_plan_apply (plan, f->db, TRUE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_contracts (f->db), ==, 3);
  providers = comm_provider_store_list (f->db, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (providers)), ==, 3);
  contract = contract_by_reference (f->db, "FS-002");
  g_assert_cmpint (comm_contract_get_value (contract), ==, 15000000);
  g_assert_cmpuint (comm_contract_get_funding_lines (contract)->len, ==, 2);
  g_assert_cmpstr (comm_contract_get_service_area (contract), ==, "young-carers");
  g_assert_cmpstr (comm_contract_get_procurement_route (contract), ==, "grant");
  g_assert_cmpstr (comm_contract_get_start_date (contract), ==, "2026-04-01");
  g_assert_cmpstr (comm_contract_get_end_date (contract), ==, "2028-03-31");
}

static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CommImportPlan) plan = plan_file (f->db, "mixed.csv");
  g_autoptr(CommImportPlan) again = NULL;
  g_autoptr(CommImportPlan) changed = NULL;
  g_autoptr(CommContract) contract = NULL;
  GPtrArray *lines;
  guint audit;

  g_assert_true (comm_import_plan_apply (plan, f->db, TRUE, NULL, NULL, NULL, NULL));
  audit = n_audit (f->db);

  /* The same file again: nothing changes, not even the audit trail */
  again = plan_file (f->db, "mixed.csv");
  g_assert_cmpuint (comm_import_plan_count (again, COMM_IMPORT_ROW_UNCHANGED), ==, 3);
  g_assert_cmpuint (comm_import_plan_count (again, COMM_IMPORT_ROW_NEW), ==, 0);
  g_assert_cmpuint (comm_import_plan_count (again, COMM_IMPORT_ROW_UPDATED), ==, 0);
  g_assert_cmpuint (comm_import_plan_get_new_providers (again)->len, ==, 0);
  g_assert_true (comm_import_plan_apply (again, f->db, TRUE, NULL, NULL, NULL, NULL));
  g_assert_cmpuint (n_audit (f->db), ==, audit);

  /* A new value for a later year, matched by reference in another case: updated, other years kept */
  changed = plan_text (f->db, "REF,Value,Year\nfs-001,\"£150,000\",2027-28\n");
  g_assert_cmpuint (comm_import_plan_count (changed, COMM_IMPORT_ROW_UPDATED), ==, 1);
  g_assert_true (comm_import_plan_apply (changed, f->db, FALSE, NULL, NULL, NULL, NULL));
  g_assert_cmpuint (n_audit (f->db), >, audit);
  contract = contract_by_reference (f->db, "FS-001");
  lines = comm_contract_get_funding_lines (contract);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpint (comm_contract_get_value (contract), ==, 14300000 + 15000000);
  g_assert_cmpstr (comm_contract_get_title (contract), ==, "Family support hub");
  g_assert_cmpuint (n_contracts (f->db), ==, 3);

  /* A new title and one stream's amount: two audit entries (the contract, the CF line), the
   * CAMHS line untouched and both lines keeping their ids */
  {
    g_autoptr(CommImportPlan) edit = NULL;
    g_autoptr(CommContract) before = contract_by_reference (f->db, "FS-002");
    g_autoptr(CommContract) after = NULL;
    gint64 ids[2] = { ((CommFundingLine *) comm_contract_get_funding_lines (before)->pdata[0])->id,
                      ((CommFundingLine *) comm_contract_get_funding_lines (before)->pdata[1])->id };

    audit = n_audit (f->db);
    edit = plan_text (f->db, "Ref,Title,Value\nFS-002,Young carers hub,\"CAMHS £100,000 CF £60,000\"\n");
    g_assert_cmpuint (comm_import_plan_count (edit, COMM_IMPORT_ROW_UPDATED), ==, 1);
    g_assert_true (comm_import_plan_apply (edit, f->db, FALSE, NULL, NULL, NULL, NULL));
    g_assert_cmpuint (n_audit (f->db), ==, audit + 2);
    after = contract_by_reference (f->db, "FS-002");
    g_assert_cmpstr (comm_contract_get_title (after), ==, "Young carers hub");
    g_assert_cmpint (comm_contract_get_value (after), ==, 16000000);
    lines = comm_contract_get_funding_lines (after);
    g_assert_cmpuint (lines->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      g_assert_true (((CommFundingLine *) lines->pdata[i])->id == ids[0] ||
                     ((CommFundingLine *) lines->pdata[i])->id == ids[1]);
  }
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static char *
generated_csv (guint n)
{
  GString *text = g_string_new ("Reference,Title,Provider,Value,Start,End\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "G-%05u,Service %u,Provider %u,%u.50,2026-04-01,2028-03-31\n",
                            i, i, i % 40, 1000 + i);
  return g_string_free (text, FALSE);
}

static void
test_progress_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *text = generated_csv (2000);
  g_autoptr(CommImportSource) source = source_from_text (text);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CommImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  double last = 0;
  guint audit = n_audit (f->db);

  plan = comm_import_plan_new (f->db, source, NULL, NULL, on_progress, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW), ==, 2000);

  /* Cancelled while applying: nothing written */
  g_cancellable_cancel (cancellable);
  g_assert_false (comm_import_plan_apply (plan, f->db, FALSE, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (n_contracts (f->db), ==, 0);
  g_assert_cmpuint (n_audit (f->db), ==, audit);

  /* Cancelled while planning */
  g_assert_null (comm_import_plan_new (f->db, source, NULL, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* And the plan can still be applied afterwards */
  last = 0;
  g_assert_true (comm_import_plan_apply (plan, f->db, FALSE, NULL, on_progress, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (n_contracts (f->db), ==, 2000);
}

/* Options, presets, rejects, round trip */

static void
test_mapping_and_skip (Fixture       *f,
                       gconstpointer  data)
{
  static const char text[] = "Contracts register, exported 2026\n\n"
                             "Code,Name,Who,Money,From,To,Title\n"
                             "M-1,Real title,P,100,2026-04-01,2027-03-31,Not the title\n";
  g_autoptr(CommImportOptions) options = comm_import_options_new ();
  g_autoptr(CommImportSource) source = NULL;
  g_autoptr(CommImportPlan) plan = NULL;
  g_autoptr(CommContract) contract = NULL;
  g_autoptr(GError) error = NULL;

  options->skip_lines = 2;
  g_assert_true (comm_import_options_add_map (options, "Code=reference", NULL));
  g_assert_true (comm_import_options_add_map (options, "Name=Title", NULL));
  g_assert_true (comm_import_options_add_map (options, "Who=provider", NULL));
  g_assert_true (comm_import_options_add_map (options, "Money=value", NULL));
  g_assert_false (comm_import_options_add_map (options, "Money", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (comm_import_options_add_map (options, "Money=wealth", &error));
  g_clear_error (&error);

  source = comm_import_source_new_from_data (text, strlen (text), options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comm_import_source_get_header_line (source), ==, 3);
  g_assert_cmpint (comm_import_source_column_for (source, options, COMM_IMPORT_FIELD_TITLE), ==, 1);
  g_assert_cmpint (comm_import_source_column_for (source, options, COMM_IMPORT_FIELD_START_DATE), ==, 4);
  plan = comm_import_plan_new (f->db, source, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (row_at_line (plan, 4)->kind, ==, COMM_IMPORT_ROW_NEW);
  g_assert_true (comm_import_plan_apply (plan, f->db, FALSE, NULL, NULL, NULL, NULL));
  contract = contract_by_reference (f->db, "M-1");
  g_assert_cmpstr (comm_contract_get_title (contract), ==, "Real title");
  g_assert_cmpint (comm_contract_get_value (contract), ==, 10000);

  /* A mapping to a column the file lacks is a whole-file problem */
  g_assert_true (comm_import_options_add_map (options, "Nowhere=end-date", NULL));
  g_clear_pointer (&plan, comm_import_plan_free);
  plan = comm_import_plan_new (f->db, source, options, NULL, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_nonnull (strstr (error->message, "“Nowhere”"));

  {
    /* The preview: the first rows after the header */
    g_autoptr(GPtrArray) rows = comm_import_source_preview (source, 5);

    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "M-1");
  }
}

static void
test_presets (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CommImportOptions) options = comm_import_options_new ();
  g_autoptr(CommImportOptions) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *text = NULL;

  options->encoding = COMM_IMPORT_ENCODING_WINDOWS_1252;
  options->separator = '\t';
  options->date_format = COMM_IMPORT_DATE_DMY;
  options->skip_lines = 3;
  options->columns[COMM_IMPORT_FIELD_REFERENCE] = g_strdup ("Our ref = code");
  options->columns[COMM_IMPORT_FIELD_YEAR] = g_strdup ("");

  g_assert_true (comm_import_preset_save (f->db, "Monthly finance", options, &error));
  g_assert_no_error (error);
  g_assert_true (comm_import_preset_save (f->db, "Another", options, NULL));
  g_assert_true (comm_database_set_setting (f->db, "reminder-leads", "12,6", NULL));
  names = comm_import_preset_list (f->db, &error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Another");
  g_assert_cmpstr (names[1], ==, "Monthly finance");

  loaded = comm_import_preset_load (f->db, "Monthly finance", &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->encoding, ==, COMM_IMPORT_ENCODING_WINDOWS_1252);
  g_assert_cmpint (loaded->separator, ==, '\t');
  g_assert_cmpint (loaded->date_format, ==, COMM_IMPORT_DATE_DMY);
  g_assert_cmpuint (loaded->skip_lines, ==, 3);
  g_assert_cmpstr (loaded->columns[COMM_IMPORT_FIELD_REFERENCE], ==, "Our ref = code");
  g_assert_cmpstr (loaded->columns[COMM_IMPORT_FIELD_YEAR], ==, "");
  g_assert_null (loaded->columns[COMM_IMPORT_FIELD_TITLE]);

  g_assert_true (comm_import_preset_delete (f->db, "Another", NULL));
  g_clear_pointer (&names, g_strfreev);
  names = comm_import_preset_list (f->db, NULL);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_clear_pointer (&loaded, comm_import_options_free);
  loaded = comm_import_preset_load (f->db, "Another", &error);
  g_assert_null (loaded);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (comm_import_preset_save (f->db, "  ", options, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  text = comm_import_options_to_text (options);
  g_assert_nonnull (strstr (text, "separator=tab\n"));
  g_assert_null (comm_import_options_from_text ("separator=|\n", &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
}

static void
test_rejects_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CommImportPlan) plan = plan_file (f->db, "mixed.csv");
  g_autofree char *path = g_build_filename (f->dir, "rejects.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CommImportSource) again = NULL;

  g_assert_true (comm_import_plan_write_rejects (plan, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "Contract ref,Title,Supplier,Service area,Contract value (£),"
                                             "Start,End,Procurement route,Problem\r\n"));
  g_assert_nonnull (strstr (contents, "FS-003,Bad money,Carers Together,Youth,\"£143,00\",2026-04-01,"
                                      "2027-03-31,Quotation,\"Line 4: "));
  g_assert_nonnull (strstr (contents, "FS-005,Short row,Action for Families,,,,,,Line 7: "));
  g_assert_null (strstr (contents, "FS-001"));

  /* It reads back as a file of 4 rows, all rejected for the same reasons */
  again = comm_import_source_load (path, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CommImportPlan) plan2 = comm_import_plan_new (f->db, again, NULL, NULL, NULL, NULL, &error);

    g_assert_cmpuint (comm_import_plan_get_rows (plan2)->len, ==, 4);
    g_assert_cmpuint (comm_import_plan_count (plan2, COMM_IMPORT_ROW_REJECTED), ==, 3);  /* money, no dates, date */
  }
}

static void
add_contract (CommDatabase *db,
              gint64        provider_id,
              const char   *reference,
              const char   *title,
              const char   *start,
              const char   *end,
              gint64        amount)
{
  g_autoptr(CommContract) contract = comm_contract_new ();
  GDate date;

  g_object_set (contract, "reference", reference, "title", title, "provider-id", provider_id,
                "start-date", start, "end-date", end, "service-area", "family-support",
                "procurement-route", "mini-competition", "geography", "countywide",
                "lead-commissioner", "Sarah Whitfield", NULL);
  comm_contract_set_has_details (contract, TRUE);
  g_assert_true (comm_date_parse_iso (start, &date));
  g_ptr_array_add (comm_contract_get_funding_lines (contract),
                   comm_funding_line_new ("General", comm_financial_year_of (&date), amount));
  g_assert_true (comm_contract_store_save (db, contract, NULL));
}

static GListModel *
list_contracts (CommDatabase *db)
{
  GDate today;

  comm_date_today (&today);
  return G_LIST_MODEL (comm_contract_store_list (db, &today, NULL));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CommProvider) provider = comm_provider_new ();
  g_autofree char *csv = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.commissioner", NULL);
  g_autoptr(CommDatabase) other = comm_database_open (other_path, COMM_DATABASE_CREATE, NULL);
  g_autoptr(GListModel) exported = NULL;
  g_autoptr(GListModel) imported = NULL;
  g_autoptr(CommImportSource) source = NULL;
  g_autoptr(CommImportPlan) plan = NULL;
  g_autoptr(CommImportPlan) back = NULL;
  g_autoptr(GError) error = NULL;
  guint audit;

  comm_provider_set_name (provider, "Smith, Jones & Co \"Family\" Services");
  g_assert_true (comm_provider_store_save (f->db, provider, NULL));
  add_contract (f->db, comm_provider_get_id (provider), "RT-001", "Family hub, north", "2025-04-01", "2028-03-31", 14300050);
  add_contract (f->db, comm_provider_get_id (provider), "RT-002", "Café \"drop-in\"", "2026-06-15", "2027-06-14", 99);
  add_contract (f->db, comm_provider_get_id (provider), "RT-003", "Line\nbreak", "2024-01-01", "2026-12-31", 0);
  {
    g_autoptr(CommContract) rated = contract_by_reference (f->db, "RT-001");

    g_ptr_array_add (comm_contract_get_rag_history (rated),
                     comm_rag_entry_new ("2026-10-01", COMM_RAG_GREEN, COMM_KPI_NONE, "Performing well"));
    g_assert_true (comm_contract_store_save (f->db, rated, NULL));
  }
  exported = list_contracts (f->db);
  g_assert_true (comm_export_contracts_csv_to_file (exported, csv, COMM_CSV_WRITE_BOM, NULL, &error));
  g_assert_no_error (error);

  source = comm_import_source_load (csv, NULL, NULL, &error);
  g_assert_no_error (error);
  plan = comm_import_plan_new (other, source, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comm_import_plan_count (plan, COMM_IMPORT_ROW_NEW), ==, 3);
  g_assert_true (comm_import_plan_apply (plan, other, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  imported = list_contracts (other);
  g_assert_cmpuint (g_list_model_get_n_items (imported), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CommContract) a = g_list_model_get_item (exported, i);
      g_autoptr(CommContract) b = g_list_model_get_item (imported, i);

      g_assert_cmpstr (comm_contract_get_reference (a), ==, comm_contract_get_reference (b));
      g_assert_cmpstr (comm_contract_get_title (a), ==, comm_contract_get_title (b));
      g_assert_cmpstr (comm_contract_get_provider_name (a), ==, comm_contract_get_provider_name (b));
      g_assert_cmpstr (comm_contract_get_service_area (a), ==, comm_contract_get_service_area (b));
      g_assert_cmpstr (comm_contract_get_procurement_route (a), ==, comm_contract_get_procurement_route (b));
      g_assert_cmpstr (comm_contract_get_geography (a), ==, comm_contract_get_geography (b));
      g_assert_cmpstr (comm_contract_get_lead_commissioner (a), ==, comm_contract_get_lead_commissioner (b));
      g_assert_cmpstr (comm_contract_get_start_date (a), ==, comm_contract_get_start_date (b));
      g_assert_cmpstr (comm_contract_get_end_date (a), ==, comm_contract_get_end_date (b));
      g_assert_cmpint (comm_contract_get_value (a), ==, comm_contract_get_value (b));
      g_assert_cmpint (comm_contract_get_annual_value (a), ==, comm_contract_get_annual_value (b));
    }

  /* The export imported back into the workspace it came from changes nothing */
  audit = n_audit (f->db);
  back = comm_import_plan_new (f->db, source, NULL, NULL, NULL, NULL, &error);
  g_assert_cmpuint (comm_import_plan_count (back, COMM_IMPORT_ROW_UNCHANGED), ==, 3);
  g_assert_true (comm_import_plan_apply (back, f->db, FALSE, NULL, NULL, NULL, NULL));
  g_assert_cmpuint (n_audit (f->db), ==, audit);

  /* Updating a contract from a file keeps what the file does not hold (its RAG history) */
  {
    g_autoptr(CommImportPlan) rename = plan_text (f->db, "Reference,Title\nrt-001,Family hub, north and west\n");
    g_autoptr(CommContract) renamed = NULL;

    g_assert_cmpuint (comm_import_plan_count (rename, COMM_IMPORT_ROW_REJECTED), ==, 1);  /* 3 cells */
    g_clear_pointer (&rename, comm_import_plan_free);
    rename = plan_text (f->db, "Reference,Title\nrt-001,\"Family hub, north and west\"\n");
    g_assert_cmpuint (comm_import_plan_count (rename, COMM_IMPORT_ROW_UPDATED), ==, 1);
    g_assert_true (comm_import_plan_apply (rename, f->db, FALSE, NULL, NULL, NULL, NULL));
    renamed = contract_by_reference (f->db, "RT-001");
    g_assert_cmpstr (comm_contract_get_title (renamed), ==, "Family hub, north and west");
    g_assert_cmpuint (comm_contract_get_rag_history (renamed)->len, ==, 1);
    g_assert_cmpint (comm_contract_get_value (renamed), ==, 14300050);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/import/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("encodings-and-separators", test_encodings_and_separators);
  ADD ("bad-files", test_bad_files);
  ADD ("too-large", test_too_large);
  ADD ("plan-rows", test_plan_rows);
  ADD ("more-cells-and-rules", test_more_cells_and_rules);
  ADD ("apply-all-or-good", test_apply_all_or_good);
  ADD ("reimport", test_reimport);
  ADD ("progress-and-cancel", test_progress_and_cancel);
  ADD ("mapping-and-skip", test_mapping_and_skip);
  ADD ("presets", test_presets);
  ADD ("rejects-file", test_rejects_file);
  ADD ("round-trip", test_round_trip);
#undef ADD

  return g_test_run ();
}
