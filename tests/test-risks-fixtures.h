/* test-risks-fixtures.h: what the risk tests share - ratings from text, contracts, registers and
 * risks saved through the stores with every error asserted */
#pragma once

#include "comm-test-core.h"

#define S5 COMM_RISK_SCALE_5X5
#define LMH COMM_RISK_SCALE_LMH

static inline CommRiskRating
rate (CommRiskScaleKind scale,
      const char       *text)
{
  g_autoptr(GError) error = NULL;
  CommRiskRating rating = { scale, 0, 0 };

  g_assert_true (comm_risk_rating_parse (scale, COMM_RISK_AXIS_LIKELIHOOD, text, &rating, &error));
  g_assert_no_error (error);
  return rating;
}

static inline void
add_contract (CommDatabase *db,
              const char   *reference)
{
  g_autofree char *sql = NULL;

  if (comm_test_query_int (db, "SELECT count (*) FROM providers") == 0)
    comm_test_exec_sql (db, "INSERT INTO providers (name) VALUES ('Family Action')");
  sql = g_strdup_printf ("INSERT INTO contracts (reference, title, provider_id, start_date, end_date)"
                         " VALUES ('%s', 'Service %s', 1, '2025-04-01', '2028-03-31')",
                         reference, reference);
  comm_test_exec_sql (db, sql);
}

static inline CommRiskRegister *
add_register (CommDatabase         *db,
              const char           *name,
              CommRiskRegisterKind  kind,
              CommRiskScaleKind     scale,
              gint64                parent_id,
              gint64                contract_id)
{
  g_autoptr(GError) error = NULL;
  CommRiskRegister *reg = comm_risk_register_new ();

  comm_risk_set_text (&reg->name, name);
  reg->kind = kind;
  reg->scale = scale;
  reg->parent_id = parent_id;
  reg->contract_id = contract_id;
  g_assert_true (comm_risk_register_store_save (db, reg, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reg->id, >, 0);
  return reg;
}

static inline CommRisk *
new_risk (CommRiskRegister *reg,
          const char       *title,
          const char       *likelihood,
          const char       *impact)
{
  CommRisk *risk = comm_risk_new ();

  risk->register_id = reg->id;
  comm_risk_set_text (&risk->title, title);
  comm_risk_set_text (&risk->owner, "Head of Early Help");
  comm_risk_set_text (&risk->raised_on, "2026-04-01");
  risk->inherent_likelihood = rate (reg->scale, likelihood);
  risk->inherent_impact = rate (reg->scale, impact);
  return risk;
}

static inline CommRisk *
save_risk (CommDatabase     *db,
           CommRiskRegister *reg,
           const char       *title,
           const char       *likelihood,
           const char       *impact)
{
  g_autoptr(GError) error = NULL;
  CommRisk *risk = new_risk (reg, title, likelihood, impact);

  g_assert_true (comm_risk_store_save (db, risk, &error));
  g_assert_no_error (error);
  return risk;
}
