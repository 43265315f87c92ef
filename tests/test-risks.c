/* test-risks.c: risk registers, risks, reviews, roll-up, top risks, scale change, banding */
#include "config.h"

#include <string.h>

#include "comm-database-private.h"
#include "test-risks-fixtures.h"

static void
assert_save_fails (CommDatabase *db,
                   CommRisk     *risk,
                   const char   *fragment)
{
  g_autoptr(GError) error = NULL;
  gint64 before = comm_test_query_int (db, "SELECT count (*) FROM risks");

  g_assert_false (comm_risk_store_save (db, risk, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risks"), ==, before);
  g_assert_cmpint (risk->id, ==, 0);
}

static void
test_registers (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskRegister) programme = add_register (db, "Early Help", COMM_RISK_REGISTER_PROGRAMME, S5, 0, 0);
  g_autoptr(CommRiskRegister) proc = add_register (db, "Young Carers re-tender", COMM_RISK_REGISTER_PROCUREMENT, LMH, programme->id, 0);
  g_autoptr(CommRiskRegister) dup = comm_risk_register_new ();
  g_autoptr(CommRiskRegister) found = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;

  comm_risk_set_text (&dup->name, "early help");
  g_assert_false (comm_risk_register_store_save (db, dup, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);

  /* Only a programme register can be a parent. */
  comm_risk_set_text (&dup->name, "Other");
  dup->kind = COMM_RISK_REGISTER_PROCUREMENT;
  dup->parent_id = proc->id;
  g_assert_false (comm_risk_register_store_save (db, dup, &error));
  g_assert_nonnull (strstr (error->message, "programme"));
  g_clear_error (&error);

  /* Bands must go up. */
  dup->parent_id = 0;
  dup->band_medium_max = 3;
  g_assert_false (comm_risk_register_store_save (db, dup, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  dup->band_medium_max = 9;
  dup->band_low_max = 5;
  dup->band_high_max = 16;
  g_assert_true (comm_risk_register_store_save (db, dup, &error));
  g_assert_no_error (error);

  found = comm_risk_register_store_find (db, "YOUNG CARERS RE-TENDER", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, proc->id);
  g_assert_cmpint (found->scale, ==, LMH);
  g_assert_cmpstr (found->parent_name, ==, "Early Help");
  g_clear_object (&found);
  found = comm_risk_register_store_find (db, "No such", &error);
  g_assert_null (found);
  g_assert_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Programmes first, each followed by its children; loose registers last. */
  list = comm_risk_register_store_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  {
    g_autoptr(CommRiskRegister) a = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(CommRiskRegister) b = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_autoptr(CommRiskRegister) c = g_list_model_get_item (G_LIST_MODEL (list), 2);

    g_assert_cmpstr (a->name, ==, "Early Help");
    g_assert_cmpstr (b->name, ==, "Young Carers re-tender");
    g_assert_cmpstr (c->name, ==, "Other");
    g_assert_cmpuint (c->band_low_max, ==, 5);
  }

  /* The scale is not changed by a plain save. */
  programme->scale = LMH;
  g_assert_false (comm_risk_register_store_save (db, programme, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  programme->scale = S5;

  /* A register with risks is not deleted. */
  g_object_unref (save_risk (db, programme, "Provider transition", "3", "4"));
  g_assert_false (comm_risk_register_store_delete (db, programme->id, &error));
  g_assert_nonnull (strstr (error->message, "still holds 1 risk"));
  g_clear_error (&error);
  g_assert_true (comm_risk_register_store_delete (db, dup->id, &error));
  g_assert_no_error (error);
}

static void
test_bad_input (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskRegister) s5 = add_register (db, "Five", COMM_RISK_REGISTER_PROGRAMME, S5, 0, 0);
  g_autoptr(CommRiskRegister) lmh = add_register (db, "LMH", COMM_RISK_REGISTER_PROGRAMME, LMH, 0, 0);
  g_autoptr(CommRisk) risk = new_risk (s5, "Recruitment", "3", "3");
  g_autoptr(CommRisk) saved = NULL;
  g_autoptr(CommRiskReview) review = comm_risk_review_new ();
  g_autoptr(GError) error = NULL;
  CommRiskRating reversed = { LMH, 3, 1 };

  /* Likelihood 6 on a 5 x 5 scale: the parser refuses it, and so does the store. */
  g_assert_false (comm_risk_rating_parse (S5, COMM_RISK_AXIS_LIKELIHOOD, "6", &risk->inherent_likelihood, &error));
  g_assert_nonnull (strstr (error->message, "6 is not a likelihood on a 5 x 5 scale"));
  g_clear_error (&error);
  risk->inherent_likelihood.low = risk->inherent_likelihood.high = 6;
  assert_save_fails (db, risk, "not on the scale: use 1 to 5");
  risk->inherent_likelihood = rate (S5, "3");

  /* A rating on the wrong scale. */
  risk->inherent_impact = rate (LMH, "M/H");
  assert_save_fails (db, risk, "wrong scale");
  risk->inherent_impact = rate (S5, "3");

  /* A reversed range on L/M/H. */
  g_clear_object (&risk);
  risk = new_risk (lmh, "Grant ending", "M", "H");
  g_assert_false (comm_risk_rating_parse (LMH, COMM_RISK_AXIS_IMPACT, "H/L", &risk->inherent_impact, &error));
  g_assert_nonnull (strstr (error->message, "reversed range"));
  g_clear_error (&error);
  risk->inherent_impact = reversed;
  assert_save_fails (db, risk, "reversed range");
  risk->inherent_impact = rate (LMH, "H");

  /* An empty owner on a high risk (M x H = H); fine once the rating is low. */
  comm_risk_set_text (&risk->owner, "  ");
  assert_save_fails (db, risk, "needs an owner");
  risk->inherent_impact = rate (LMH, "L");
  g_assert_true (comm_risk_store_save (db, risk, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (risk->reference, ==, "R1");

  /* On 5 x 5 "high" is the High band (10+) with the register's bands. */
  g_clear_object (&risk);
  risk = new_risk (s5, "Demand growth", "2", "5");
  comm_risk_set_text (&risk->owner, "");
  assert_save_fails (db, risk, "needs an owner");
  risk->inherent_impact = rate (S5, "4");
  g_assert_true (comm_risk_store_save (db, risk, &error));
  g_assert_no_error (error);

  /* A review date before the risk was raised; a raised date in the future. */
  g_clear_object (&risk);
  risk = new_risk (s5, "Data sharing", "2", "2");
  comm_risk_set_text (&risk->review_due, "2026-03-01");
  assert_save_fails (db, risk, "before the risk was raised");
  comm_risk_set_text (&risk->review_due, "");
  comm_risk_set_text (&risk->raised_on, "2027-01-01");
  assert_save_fails (db, risk, "in the future");
  comm_risk_set_text (&risk->raised_on, "2026-04-01");
  comm_risk_set_text (&risk->title, "");
  assert_save_fails (db, risk, "needs a title");
  comm_risk_set_text (&risk->title, "Data sharing");
  g_assert_true (comm_risk_store_save (db, risk, &error));

  /* A review dated before the risk was raised: nothing saved, ratings unchanged. */
  review->risk_id = risk->id;
  comm_risk_set_text (&review->reviewed_on, "2026-03-31");
  comm_risk_set_text (&review->reviewer, "Chris");
  review->likelihood = rate (S5, "1");
  review->impact = rate (S5, "1");
  g_assert_false (comm_risk_store_add_review (db, review, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "dated before risk R2 was raised"));
  g_clear_error (&error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risk_reviews"), ==, 0);
  saved = comm_risk_store_get (db, risk->id, NULL, &error);
  g_assert_false (comm_risk_rating_is_set (&saved->residual_likelihood));

  /* A review with a rating off the scale. */
  comm_risk_set_text (&review->reviewed_on, "2026-05-01");
  review->impact.low = review->impact.high = 7;
  g_assert_false (comm_risk_store_add_review (db, review, &error));
  g_assert_error (error, COMM_ERROR, COMM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risk_reviews"), ==, 0);
}

static void
test_ranges_store_and_sort (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskRegister) reg = add_register (db, "Young Carers", COMM_RISK_REGISTER_PROCUREMENT, LMH, 0, 0);
  static const char *const typed[] = { "H", "m / h", "Medium", "L/M", "low" };
  static const char *const sorted[] = { "L", "L/M", "M", "M/H", "H" };
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  CommRiskRating ratings[G_N_ELEMENTS (typed)];

  for (guint n = 0; n < G_N_ELEMENTS (typed); n++)
    {
      g_autoptr(CommRisk) risk = save_risk (db, reg, "A risk", typed[n], "L");
      (void) risk;
    }
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risks WHERE inherent_likelihood_low = 2"
                                            " AND inherent_likelihood_high = 3"), ==, 1);
  list = comm_risk_store_list (db, reg->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  for (guint n = 0; n < 5; n++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (G_LIST_MODEL (list), n);

      g_assert_cmpint (risk->scale, ==, LMH);
      ratings[n] = risk->inherent_likelihood;
    }
  g_assert_cmpstr (comm_risk_rating_to_display (&ratings[1]), ==, "M/H");
  qsort (ratings, 5, sizeof ratings[0], comm_risk_rating_compare);
  for (guint n = 0; n < 5; n++)
    g_assert_cmpstr (comm_risk_rating_to_string (&ratings[n]), ==, sorted[n]);
}

static void
test_reviews_history (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskRegister) reg = add_register (db, "Early Help", COMM_RISK_REGISTER_PROGRAMME, S5, 0, 0);
  g_autoptr(CommRisk) risk = save_risk (db, reg, "TUPE", "4", "4");
  g_autoptr(CommRisk) now = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *on, *l, *i, *next; } added[] = {
    { "2026-06-01", "3", "4", "" },
    { "2026-09-01", "2", "4", "2026-12-01" },
    { "2026-07-15", "5", "5", "" },   /* an older review added late */
  };

  risk->review_months = 3;
  g_assert_true (comm_risk_store_save (db, risk, &error));
  for (guint n = 0; n < G_N_ELEMENTS (added); n++)
    {
      g_autoptr(CommRiskReview) review = comm_risk_review_new ();

      review->risk_id = risk->id;
      comm_risk_set_text (&review->reviewed_on, added[n].on);
      comm_risk_set_text (&review->reviewer, "Sam Patel");
      comm_risk_set_text (&review->next_review, added[n].next);
      review->likelihood = rate (S5, added[n].l);
      review->impact = rate (S5, added[n].i);
      g_assert_true (comm_risk_store_add_review (db, review, &error));
      g_assert_no_error (error);
      g_assert_cmpint (review->id, >, 0);
    }
  reviews = comm_risk_store_list_reviews (db, risk->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 3);
  g_assert_cmpstr (((CommRiskReview *) reviews->pdata[0])->reviewed_on, ==, "2026-09-01");
  g_assert_cmpstr (((CommRiskReview *) reviews->pdata[1])->reviewed_on, ==, "2026-07-15");
  g_assert_cmpstr (((CommRiskReview *) reviews->pdata[2])->reviewed_on, ==, "2026-06-01");
  g_assert_cmpuint (((CommRiskReview *) reviews->pdata[2])->likelihood.low, ==, 3);

  /* The current ratings are the latest review's; the inherent ones are untouched. */
  now = comm_risk_store_get (db, risk->id, NULL, &error);
  g_assert_cmpstr (comm_risk_rating_to_string (&now->residual_likelihood), ==, "2");
  g_assert_cmpstr (comm_risk_rating_to_string (&now->inherent_likelihood), ==, "4");
  g_assert_cmpstr (now->review_due, ==, "2026-12-01");
  g_assert_cmpstr (now->last_reviewed_on, ==, "2026-09-01");
  g_assert_cmpuint (now->current_severity, ==, 8);
  g_assert_cmpuint (now->inherent_severity, ==, 16);

  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risk_reviews"), ==, 3);
}

static void
test_review_rewrite_refused (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskRegister) reg = add_register (db, "Early Help", COMM_RISK_REGISTER_PROGRAMME, S5, 0, 0);
  g_autoptr(CommRisk) risk = save_risk (db, reg, "TUPE", "4", "4");
  g_autoptr(CommRiskReview) review = comm_risk_review_new ();
  g_autoptr(GError) error = NULL;

  review->risk_id = risk->id;
  comm_risk_set_text (&review->reviewed_on, "2026-10-01");
  comm_risk_set_text (&review->reviewer, "Sam");
  review->likelihood = rate (S5, "3");
  review->impact = rate (S5, "3");
  g_assert_true (comm_risk_store_add_review (db, review, &error));

  /* Even plain SQL cannot rewrite the history. */
  g_assert_false (comm_database_exec (db, "UPDATE risk_reviews SET likelihood_low = 1, likelihood_high = 1",
                                      &error));
  g_assert_nonnull (strstr (error->message, "cannot be changed"));
  g_assert_cmpint (comm_test_query_int (db, "SELECT likelihood_low FROM risk_reviews"), ==, 3);
}

static void
test_rollup (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskRegister) p = NULL, q = NULL, c1 = NULL, c2 = NULL, d = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GListStore) own = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  guint rolled = 0;

  add_contract (db, "EH-001");
  add_contract (db, "EH-002");
  p = add_register (db, "Early Help Programme", COMM_RISK_REGISTER_PROGRAMME, S5, 0, 0);
  q = add_register (db, "Youth Programme", COMM_RISK_REGISTER_PROGRAMME, S5, 0, 0);
  c1 = add_register (db, "EH-001 risks", COMM_RISK_REGISTER_CONTRACT, S5, p->id, 1);
  c2 = add_register (db, "EH-002 risks", COMM_RISK_REGISTER_CONTRACT, LMH, p->id, 2);
  d = add_register (db, "Youth contract", COMM_RISK_REGISTER_CONTRACT, S5, q->id, 2);
  g_object_unref (save_risk (db, p, "Programme risk 1", "3", "3"));
  g_object_unref (save_risk (db, p, "Programme risk 2", "2", "3"));
  g_object_unref (save_risk (db, c1, "Contract risk A", "4", "4"));
  g_object_unref (save_risk (db, c1, "Contract risk B", "1", "2"));
  g_object_unref (save_risk (db, c2, "Contract risk C", "M/H", "M"));
  g_object_unref (save_risk (db, d, "Youth risk", "5", "5"));

  list = comm_risk_store_list (db, p->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  for (guint n = 0; n < 5; n++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (G_LIST_MODEL (list), n);

      g_assert_false (g_hash_table_contains (seen, &risk->id));
      g_hash_table_add (seen, &risk->id);
      g_assert_cmpint (risk->rolled_up, ==, risk->register_id != p->id);
      g_assert_true (risk->rolled_up == (n >= 2));  /* own risks first */
      rolled += risk->rolled_up;
      g_assert_true (risk->register_id != d->id);
    }
  g_assert_cmpuint (rolled, ==, 3);
  {
    g_autoptr(CommRisk) last = g_list_model_get_item (G_LIST_MODEL (list), 4);

    g_assert_cmpstr (last->register_name, ==, "EH-002 risks");
    g_assert_cmpint (last->scale, ==, LMH);
    g_assert_cmpstr (last->contract_reference, ==, "");
  }

  own = comm_risk_store_list (db, c1->id, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own)), ==, 2);
  {
    g_autoptr(CommRisk) first = g_list_model_get_item (G_LIST_MODEL (own), 0);

    g_assert_false (first->rolled_up);
  }

  /* A deleted contract keeps its register and risks, marked. */
  g_assert_true (comm_contract_store_delete (db, 1, &error));
  g_clear_object (&c1);
  c1 = comm_risk_register_store_find (db, "EH-001 risks", &error);
  g_assert_no_error (error);
  g_assert_true (c1->contract_deleted);
  g_assert_cmpstr (c1->contract_reference, ==, "EH-001");
  g_assert_cmpuint (c1->n_risks, ==, 2);
  g_clear_object (&list);
  list = comm_risk_store_list (db, p->id, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
}

static void
test_top_risks (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskRegister) s5 = add_register (db, "Five", COMM_RISK_REGISTER_PROGRAMME, S5, 0, 0);
  g_autoptr(CommRiskRegister) lmh = add_register (db, "Three", COMM_RISK_REGISTER_PROGRAMME, LMH, 0, 0);
  g_autoptr(CommRisk) closed = NULL;
  g_autoptr(GListStore) top = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const order[] = { "H x H", "4 x 5", "M/H x H", "3 x 3", "L x L" };

  g_object_unref (save_risk (db, s5, "3 x 3", "3", "3"));
  g_object_unref (save_risk (db, s5, "4 x 5", "4", "5"));
  g_object_unref (save_risk (db, lmh, "H x H", "H", "H"));
  g_object_unref (save_risk (db, lmh, "M/H x H", "M/H", "H"));
  g_object_unref (save_risk (db, lmh, "L x L", "L", "L"));
  closed = new_risk (s5, "Closed", "5", "5");
  closed->status = COMM_RISK_STATUS_CLOSED;
  g_assert_true (comm_risk_store_save (db, closed, &error));

  top = comm_risk_store_top (db, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (top)), ==, 5);
  for (guint n = 0; n < 5; n++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (G_LIST_MODEL (top), n);

      g_assert_cmpstr (risk->title, ==, order[n]);
    }
  g_clear_object (&top);
  top = comm_risk_store_top (db, 2, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (top)), ==, 2);
  /* Severity: H x H = 5 x 5 = 25; M/H x H = 4 x 5 = 20; L x L = 2 x 2 = 4. */
  {
    CommRiskRating mh = rate (LMH, "M/H"), h = rate (LMH, "H"), l = rate (LMH, "L");

    g_assert_cmpuint (comm_risk_severity (&h, &h), ==, 25);
    g_assert_cmpuint (comm_risk_severity (&mh, &h), ==, 20);
    g_assert_cmpuint (comm_risk_severity (&l, &l), ==, 4);
  }
}

static void
test_scale_change (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskRegister) reg = add_register (db, "Five", COMM_RISK_REGISTER_PROGRAMME, S5, 0, 0);
  g_autoptr(CommRisk) a = save_risk (db, reg, "A", "1", "3");
  g_autoptr(CommRisk) b = save_risk (db, reg, "B", "4", "5");
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(CommRiskRegister) after = NULL;
  g_autoptr(GError) error = NULL;
  guint lost = 0;

  b->residual_likelihood = rate (S5, "2");
  b->residual_impact = rate (S5, "4");
  g_assert_true (comm_risk_store_save (db, b, &error));

  none = comm_risk_register_store_preview_scale (db, reg->id, S5, &error);
  g_assert_cmpuint (none->len, ==, 0);
  preview = comm_risk_register_store_preview_scale (db, reg->id, LMH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, 6);
  for (guint n = 0; n < preview->len; n++)
    {
      CommRiskScaleChange *change = preview->pdata[n];

      g_assert_cmpint (change->to.scale, ==, LMH);
      lost += change->lost;
    }
  /* 1 -> L and 4 -> H do not map back; 3 -> M, 5 -> H, 2 -> L do. */
  g_assert_cmpuint (lost, ==, 3);
  g_assert_cmpstr (((CommRiskScaleChange *) preview->pdata[0])->reference, ==, "R1");
  g_assert_cmpstr (comm_risk_rating_to_string (&((CommRiskScaleChange *) preview->pdata[0])->to), ==, "L");
  /* Nothing written by the preview. */
  g_assert_cmpint (comm_test_query_int (db, "SELECT count (*) FROM risk_registers WHERE scale = 'lmh'"), ==, 0);

  /* A deleted risk (kept for undo) is mapped too, so it can still be restored. */
  {
    g_autoptr(CommRisk) gone = save_risk (db, reg, "Deleted", "5", "5");

    g_assert_true (comm_risk_store_delete (db, gone->id, &error));
    g_assert_true (comm_risk_register_store_change_scale (db, reg->id, LMH, &error));
    g_assert_no_error (error);
    g_assert_true (comm_risk_store_restore (db, gone->id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (comm_test_query_int (db, "SELECT inherent_likelihood_high FROM risks WHERE title = 'Deleted'"), ==, 3);
    g_assert_true (comm_risk_store_delete (db, gone->id, &error));
  }
  /* Plain SQL cannot put a rating off the register's scale. */
  g_assert_false (comm_database_exec (db, "UPDATE risks SET inherent_likelihood_low = 4, inherent_likelihood_high = 4",
                                      &error));
  g_assert_nonnull (strstr (error->message, "not on its register"));
  g_clear_error (&error);
  after = comm_risk_register_store_get (db, reg->id, &error);
  g_assert_cmpint (after->scale, ==, LMH);
  list = comm_risk_store_list (db, reg->id, NULL, &error);
  {
    g_autoptr(CommRisk) ra = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(CommRisk) rb = g_list_model_get_item (G_LIST_MODEL (list), 1);

    for (guint n = 0; n < preview->len; n++)
      {
        CommRiskScaleChange *change = preview->pdata[n];
        CommRisk *risk = change->risk_id == ra->id ? ra : rb;
        const CommRiskRating *now =
          g_str_equal (change->rating_name, "Inherent likelihood") ? &risk->inherent_likelihood :
          g_str_equal (change->rating_name, "Inherent impact") ? &risk->inherent_impact :
          g_str_equal (change->rating_name, "Residual likelihood") ? &risk->residual_likelihood :
          &risk->residual_impact;

        g_assert_true (comm_risk_rating_equal (now, &change->to));
      }
    g_assert_cmpstr (comm_risk_rating_to_string (&rb->inherent_likelihood), ==, "H");
    g_assert_cmpuint (rb->current_severity, ==, 2 * 5);
    g_assert_cmpint (comm_test_query_int (db, "SELECT severity FROM risks WHERE reference = 'R2'"), ==, 10);
  }
}

static void
test_overdue (void)
{
  CommDatabase *db = comm_test_temp_workspace ();
  g_autoptr(CommRiskRegister) reg = add_register (db, "Five", COMM_RISK_REGISTER_PROGRAMME, S5, 0, 0);
  g_autoptr(CommRisk) late = new_risk (reg, "Late", "2", "2");
  g_autoptr(CommRisk) fine = new_risk (reg, "Fine", "2", "2");
  g_autoptr(CommRisk) closed = new_risk (reg, "Closed", "2", "2");
  g_autoptr(GListStore) list = NULL;
  g_autoptr(CommRiskRegister) after = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = comm_test_date ("2026-11-23");

  comm_risk_set_text (&late->review_due, "2026-11-22");
  comm_risk_set_text (&fine->review_due, "2026-11-23");
  comm_risk_set_text (&closed->review_due, "2026-10-01");
  closed->status = COMM_RISK_STATUS_CLOSED;
  g_assert_true (comm_risk_store_save (db, late, &error));
  g_assert_true (comm_risk_store_save (db, fine, &error));
  g_assert_true (comm_risk_store_save (db, closed, &error));
  list = comm_risk_store_list (db, reg->id, &today, &error);
  {
    g_autoptr(CommRisk) r1 = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(CommRisk) r2 = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_autoptr(CommRisk) r3 = g_list_model_get_item (G_LIST_MODEL (list), 2);

    g_assert_true (r1->review_overdue);
    g_assert_false (r2->review_overdue);
    g_assert_false (r3->review_overdue);
  }
  after = comm_risk_register_store_get (db, reg->id, &error);
  g_assert_cmpuint (after->n_overdue, ==, 1);
  g_assert_cmpuint (after->n_open, ==, 2);
  g_assert_cmpuint (after->n_risks, ==, 3);
  {
    gboolean overdue = FALSE;

    /* The one-query check a tab not yet shown flags itself with. */
    g_assert_true (comm_risk_register_store_any_overdue (db, &today, &overdue, &error));
    g_assert_true (overdue);
  }

  /* Soft delete and undo. */
  g_assert_true (comm_risk_store_delete (db, late->id, &error));
  {
    gboolean overdue = TRUE;

    g_assert_true (comm_risk_register_store_any_overdue (db, &today, &overdue, &error));
    g_assert_false (overdue);
  }
  g_clear_object (&list);
  list = comm_risk_store_list (db, reg->id, &today, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (comm_risk_store_restore (db, late->id, &error));
  g_assert_no_error (error);
  g_clear_object (&list);
  list = comm_risk_store_list (db, reg->id, &today, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risks/registers", test_registers);
  g_test_add_func ("/risks/bad-input", test_bad_input);
  g_test_add_func ("/risks/ranges", test_ranges_store_and_sort);
  g_test_add_func ("/risks/reviews", test_reviews_history);
  g_test_add_func ("/risks/review-rewrite-refused", test_review_rewrite_refused);
  g_test_add_func ("/risks/rollup", test_rollup);
  g_test_add_func ("/risks/top", test_top_risks);
  g_test_add_func ("/risks/scale-change", test_scale_change);
  g_test_add_func ("/risks/overdue", test_overdue);

  return g_test_run ();
}
