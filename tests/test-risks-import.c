/* test-risks-import.c: risk registers from CSV (preview and validate, then apply) and to CSV */
#include "config.h"

#include <string.h>

#include "comm-test-core.h"

static const char lmh_csv[] =
  "Risk ref,Risk,Cause,Risk owner,Likelihood,Impact,Mitigation,Residual likelihood,Residual impact,"
  "Date raised,Review date,Status,Response\r\n"
  "YC1,Incumbent provider exits early,Contract ends,Jo Smith,M/H,H,Early engagement,M,m / h,01/06/2026,2026-12-01,Open,Treat\r\n"
  "YC2,Low market interest,Small lot,Jo Smith,L/M,Medium,Market event,L,M,2026-06-01,,open,tolerate\r\n"
  "YC3,Panel availability,Holidays,,Low,Low,,,,2026-06-01,,closed,\r\n"
  ",Schools do not identify young carers,,Ann Lee,Medium/High,M,,,,2026-07-01,,,\r\n";

static CommRiskImportPlan *
plan_for (CommDatabase      *db,
          const char        *csv,
          const char        *register_name,
          int                scale,
          const char *const *maps,
          GError           **error)
{
  g_autoptr(CommImportSource) source = NULL;
  CommRiskImportSettings settings;

  comm_risk_import_settings_init (&settings);
  settings.register_name = register_name;
  settings.maps = maps;
  if (scale >= 0)
    {
      settings.scale = scale;
      settings.scale_given = TRUE;
    }
  source = comm_import_source_new_from_data (csv, strlen (csv), NULL, error);
  if (source == NULL)
    return NULL;
  return comm_risk_import_plan_new (db, source, NULL, &settings, NULL, error);
}

static CommImportRow *
row_at (CommRiskImportPlan *plan,
        guint               n)
{
  return comm_risk_import_plan_get_rows (plan)->pdata[n];
}

static void
test_import_lmh_with_ranges (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskImportPlan) plan = NULL;
  g_autoptr(CommRiskImportPlan) again = NULL;
  g_autoptr(CommRiskRegister) reg = NULL;
  g_autoptr(GListStore) risks = NULL;
  g_autoptr(GError) error = NULL;

  plan = plan_for (db, lmh_csv, "Young Carers re-tender", COMM_RISK_SCALE_LMH, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (comm_risk_import_plan_creates_register (plan));
  g_assert_cmpuint (comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_NEW), ==, 4);
  g_assert_cmpuint (comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED), ==, 0);
  /* The plan wrote nothing. */
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risk_registers"), ==, 0);

  g_assert_true (comm_risk_import_plan_apply (plan, db, FALSE, NULL, &error));
  g_assert_no_error (error);
  reg = comm_risk_register_store_find (db, "Young Carers re-tender", &error);
  g_assert_cmpint (reg->scale, ==, COMM_RISK_SCALE_LMH);
  risks = comm_risk_store_list (db, reg->id, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (risks)), ==, 4);
  {
    g_autoptr(CommRisk) r1 = g_list_model_get_item (G_LIST_MODEL (risks), 0);
    g_autoptr(CommRisk) last = g_list_model_get_item (G_LIST_MODEL (risks), 3);
    g_autoptr(CommRisk) closed = g_list_model_get_item (G_LIST_MODEL (risks), 2);

    /* Sorted by reference naturally: R1 (the row without one), YC1, YC2, YC3. */
    g_assert_cmpstr (r1->reference, ==, "R1");
    g_assert_cmpstr (comm_risk_rating_to_string (&r1->inherent_likelihood), ==, "M/H");
    g_assert_cmpstr (last->reference, ==, "YC3");
    g_assert_cmpint (last->status, ==, COMM_RISK_STATUS_CLOSED);
    g_assert_cmpstr (closed->reference, ==, "YC2");
    g_assert_cmpint (closed->response, ==, COMM_RISK_RESPONSE_TOLERATE);
    g_assert_cmpstr (comm_risk_rating_to_string (&closed->inherent_likelihood), ==, "L/M");
  }
  g_assert_cmpint (comm_test_query_int (db, "SELECT residual_impact_low * 10 + residual_impact_high"
                                            " FROM risks WHERE reference = 'YC1'"), ==, 23);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risks WHERE raised_on = '2026-06-01'"
                                            " AND reference = 'YC1'"), ==, 1);

  /* The same file again: every row is unchanged. */
  again = plan_for (db, lmh_csv, "young carers re-tender", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (comm_risk_import_plan_creates_register (again));
  g_assert_cmpuint (comm_risk_import_plan_count (again, COMM_IMPORT_ROW_UNCHANGED), ==, 3);
  /* The row without a reference is new again (it cannot be matched). */
  g_assert_cmpuint (comm_risk_import_plan_count (again, COMM_IMPORT_ROW_NEW), ==, 1);
}

static void
test_import_bad_input (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  static const char bad[] =
    "Title,Owner,Likelihood,Impact,Raised,Response,Residual likelihood\n"
    "Good one,Ann,L,M,2026-01-01,treat,\n"
    "Reversed,Ann,H/L,M,2026-01-01,treat,\n"
    "Unknown scale value,Ann,Very high,M,2026-01-01,treat,\n"
    "No owner high,,H,H,2026-01-01,treat,\n"
    "Six,Ann,6,M,2026-01-01,treat,\n"
    "Bad date,Ann,M,M,31/02/2026,treat,\n"
    "Bad response,Ann,M,M,2026-01-01,ignore,\n"
    "Half residual,Ann,M,M,2026-01-01,treat,L\n"
    "Future,Ann,M,M,2027-01-01,treat,\n";
  static const struct { const char *column; const char *fragment; } expected[] = {
    { NULL, NULL },
    { "Likelihood", "reversed range" },
    { "Likelihood", "“Very high” is not a likelihood on a Low / Medium / High scale" },
    { "Owner", "needs an owner" },
    { "Likelihood", "“6” is not a likelihood" },
    { "Raised", "31/02/2026" },
    { "Response", "tolerate, treat, transfer or terminate" },
    { NULL, "residual likelihood and impact" },
    { NULL, "in the future" },
  };
  g_autoptr(CommRiskImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = plan_for (db, bad, "Procurement", COMM_RISK_SCALE_LMH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_NEW), ==, 1);
  g_assert_cmpuint (comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED), ==, 8);
  for (guint n = 1; n < G_N_ELEMENTS (expected); n++)
    {
      CommImportRow *row = row_at (plan, n);

      g_assert_cmpint (row->kind, ==, COMM_IMPORT_ROW_REJECTED);
      g_assert_cmpuint (row->line, ==, n + 2);
      if (expected[n].column != NULL)
        g_assert_cmpstr (row->column, ==, expected[n].column);
      if (strstr (row->reason, expected[n].fragment) == NULL)
        g_error ("line %u: “%s” lacks “%s”", row->line, row->reason, expected[n].fragment);
    }

  /* All or nothing: refused while rows are rejected; the good row alone on request. */
  g_assert_false (comm_risk_import_plan_apply (plan, db, FALSE, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risk_registers"), ==, 0);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risks"), ==, 0);
  g_assert_true (comm_risk_import_plan_apply (plan, db, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risks"), ==, 1);
}

static void
test_import_file_problems (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  static const char *const bad_map[] = { "Chance=likelihoood", NULL };
  static const char *const good_map[] = { "Chance=inherent-likelihood", "Harm=Inherent impact", NULL };
  static const char mapped[] = "Title,Chance,Harm,Owner\nA,2,3,Sam\n";
  g_autoptr(CommRiskImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* No likelihood column. */
  plan = plan_for (db, "Title,Owner\nA,B\n", "X", -1, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Inherent likelihood"));
  g_clear_error (&error);

  plan = plan_for (db, mapped, "X", -1, bad_map, &error);
  g_assert_null (plan);
  g_assert_nonnull (strstr (error->message, "does not name a risk field"));
  g_clear_error (&error);

  plan = plan_for (db, mapped, "X", -1, good_map, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_NEW), ==, 1);
  g_assert_true (comm_risk_import_plan_apply (plan, db, FALSE, NULL, &error));
  g_clear_pointer (&plan, comm_risk_import_plan_free);

  /* The register exists on 5 x 5: asking for L/M/H is refused, not mapped silently. */
  plan = plan_for (db, mapped, "X", COMM_RISK_SCALE_LMH, good_map, &error);
  g_assert_null (plan);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "change its scale first"));
  g_clear_error (&error);

  /* No data rows; no register name. */
  plan = plan_for (db, "Title,Likelihood,Impact\n", "X", -1, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_PARSE);
  g_clear_error (&error);
  plan = plan_for (db, mapped, "", -1, good_map, &error);
  g_assert_null (plan);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
}

/* Columns chosen one by one (as the import dialog does): a column the headers do not name, a
 * field left out that the headers would have filled; and the rejected rows written out. */
static void
test_import_chosen_columns (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  static const char csv[] =
    "What could happen,Owner,Chance,Likelihood,Impact\n"
    "Provider exits,Ann,2,4,3\n"
    "Bad chance,Ann,9,2,3\n";
  int guessed[COMM_RISK_N_FIELDS];
  int columns[COMM_RISK_N_FIELDS];
  const char *header[] = { "What could happen", "Owner", "Chance", "Likelihood", "Impact", NULL };
  g_autoptr(CommImportSource) source = NULL;
  g_autoptr(CommRiskImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rejects_path = comm_test_temp_path ("rejected risks.csv");
  g_autofree char *rejects = NULL;
  CommRiskImportSettings settings;

  /* By the headers alone: no title column, Owner and Likelihood and Impact found. */
  comm_risk_import_guess_columns (header, guessed);
  g_assert_cmpint (guessed[COMM_RISK_FIELD_TITLE], ==, -1);
  g_assert_cmpint (guessed[COMM_RISK_FIELD_OWNER], ==, 1);
  g_assert_cmpint (guessed[COMM_RISK_FIELD_INHERENT_LIKELIHOOD], ==, 3);
  g_assert_cmpint (guessed[COMM_RISK_FIELD_INHERENT_IMPACT], ==, 4);

  source = comm_import_source_new_from_data (csv, strlen (csv), NULL, &error);
  g_assert_no_error (error);
  comm_risk_import_settings_init (&settings);
  settings.register_name = "Chosen columns";
  settings.columns = guessed;
  g_assert_null (comm_risk_import_plan_new (db, source, NULL, &settings, NULL, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_clear_error (&error);

  /* Title from column 0, likelihood from "Chance" rather than "Likelihood", no owner (the risk
   * is not high, so it needs none). */
  memcpy (columns, guessed, sizeof columns);
  columns[COMM_RISK_FIELD_TITLE] = 0;
  columns[COMM_RISK_FIELD_INHERENT_LIKELIHOOD] = 2;
  columns[COMM_RISK_FIELD_OWNER] = -1;
  settings.columns = columns;
  plan = comm_risk_import_plan_new (db, source, NULL, &settings, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_NEW), ==, 1);
  g_assert_cmpuint (comm_risk_import_plan_count (plan, COMM_IMPORT_ROW_REJECTED), ==, 1);
  g_assert_cmpstr (row_at (plan, 1)->column, ==, "Chance");
  g_assert_cmpstr ((const char *) comm_risk_import_plan_get_header (plan)[2], ==, "Chance");

  g_assert_true (comm_risk_import_plan_write_rejects (plan, rejects_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (rejects_path, &rejects, NULL, &error));
  g_assert_true (g_str_has_prefix (rejects, "What could happen,Owner,Chance,Likelihood,Impact,Problem\r\n"
                                            "Bad chance,Ann,9,2,3,Line 3: "));
  g_assert_null (strstr (rejects, "Provider exits"));

  g_assert_true (comm_risk_import_plan_apply (plan, db, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT inherent_likelihood_low FROM risks WHERE title = 'Provider exits'"), ==, 2);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risks WHERE title = 'Provider exits' AND owner = ''"), ==, 1);
}

static void
test_export_round_trip (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskImportPlan) plan = NULL;
  g_autoptr(CommRiskImportPlan) back = NULL;
  g_autoptr(CommRiskRegister) reg = NULL;
  g_autoptr(GListStore) risks = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  plan = plan_for (db, lmh_csv, "Young Carers", COMM_RISK_SCALE_LMH, NULL, &error);
  g_assert_true (comm_risk_import_plan_apply (plan, db, FALSE, NULL, &error));
  reg = comm_risk_register_store_find (db, "Young Carers", &error);
  risks = comm_risk_store_list (db, reg->id, NULL, &error);
  g_assert_true (comm_export_risks_csv (G_LIST_MODEL (risks), out, COMM_CSV_WRITE_DEFAULT, NULL, &error));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (g_str_has_prefix (csv, "Reference,Title,Cause,Consequence,Owner,Category,Inherent likelihood"));
  g_assert_nonnull (strstr (csv, "YC1,Incumbent provider exits early,Contract ends,,Jo Smith,,M/H,H,H,"
                                 "Early engagement,treat,M,M/H,M/H,,,2026-06-01,2026-12-01,,open,,Young Carers,No\r\n"));

  /* Read back into a new register: the same risks. */
  back = plan_for (db, csv, "Copy", COMM_RISK_SCALE_LMH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comm_risk_import_plan_count (back, COMM_IMPORT_ROW_NEW), ==, 4);
  g_assert_true (comm_risk_import_plan_apply (back, db, FALSE, NULL, &error));
  g_assert_cmpint (comm_test_query_int (db,
    "SELECT count (*) FROM risks a JOIN risks b ON a.reference = b.reference AND a.register_id <> b.register_id"
    " WHERE a.inherent_likelihood_low = b.inherent_likelihood_low AND a.inherent_likelihood_high = b.inherent_likelihood_high"
    " AND a.title = b.title AND a.status = b.status AND coalesce (a.review_due, '') = coalesce (b.review_due, '')"), ==, 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risks-import/lmh-with-ranges", test_import_lmh_with_ranges);
  g_test_add_func ("/risks-import/bad-input", test_import_bad_input);
  g_test_add_func ("/risks-import/file-problems", test_import_file_problems);
  g_test_add_func ("/risks-import/export-round-trip", test_export_round_trip);
  g_test_add_func ("/risks-import/chosen-columns", test_import_chosen_columns);

  return g_test_run ();
}
