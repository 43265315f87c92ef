/* comm-demo-budgets.c: the demo workspace's two budgets with scenarios and a commissioning plan
 *
 * "Early Help and Prevention" for this financial year: grants as income, the children's centres,
 * early years and parenting contracts as commitments (from the register), two fixed sums, and
 * the 50 / 28 / 5 / 8 / 5 split with a community chest, each allocation linked to the contracts
 * that spend it; with a "10% cut" and a "Grant ends" scenario.
 * "Children and Young People's System": Plymouth's five system elements as published for
 * 2015-16 (the bundled sample), rolled forward four years with uplifts, cuts and a shift towards
 * early help, for the multi-year view, with an "Edge of care pressure" scenario for the last year.
 */
#include "config.h"

#include <gio/gio.h>

#include "comm-budget-contracts.h"
#include "comm-budget-store.h"
#include "comm-date.h"
#include "comm-demo-private.h"

#define EARLY_HELP "Early Help and Prevention"
#define SYSTEM     "Children and Young People’s System"

typedef struct {
  const char *name;
  gint64      thousandths;
  const char *service_area;   /* the contracts that spend it */
} Share;

static const Share shares[] = {
  { "Family support", 50000, "family-support" },
  { "Vulnerable adolescents", 28000, "vulnerable-adolescents" },
  { "Teenage pregnancy", 5000, "teenage-pregnancy" },
  { "Domestic abuse", 8000, "domestic-abuse" },
  { "Young carers", 5000, "young-carers" },
  { "Community chest", 4000, NULL },
};

static CommBudgetLine *
add (CommBudget         *budget,
     CommBudgetLineKind  kind,
     const char         *name,
     gint64              value)
{
  return comm_budget_add_line (budget, comm_budget_line_new (kind, name, value));
}

static gboolean
in_area (const CommBudgetCandidate *candidate,
         const char                *area)
{
  return area != NULL && g_str_equal (candidate->service_area, area);
}

/* Commitments: the contracts of these areas running in the year. */
static void
add_contracts (CommBudget *budget,
               GPtrArray  *candidates)
{
  static const char *const committed[] = { "childrens-centres", "early-years", "parenting" };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < candidates->len; i++)
    {
      const CommBudgetCandidate *c = g_ptr_array_index (candidates, i);

      for (guint a = 0; a < G_N_ELEMENTS (committed); a++)
        if (in_area (c, committed[a]))
          g_array_append_val (ids, c->contract_id);
    }
  comm_budget_add_commitments (budget, candidates, ids);
}

/* The percentage shares, each linked to contracts of its service area as long as they fit in
 * what the share gives (a little over is allowed, as in real life). */
static void
add_shares (CommBudget *budget,
            GPtrArray  *candidates)
{
  g_autoptr(CommBudgetResult) result = NULL;
  guint first = budget->lines->len;

  for (guint s = 0; s < G_N_ELEMENTS (shares); s++)
    add (budget, COMM_BUDGET_LINE_PERCENT, shares[s].name, shares[s].thousandths);
  result = comm_budget_compute (budget);

  for (guint s = 0; s < G_N_ELEMENTS (shares); s++)
    {
      CommBudgetLine *line = g_ptr_array_index (budget->lines, first + s);
      gint64 room = comm_budget_scale (comm_budget_result_line (result, first + s)->amount, 105, 100);
      gint64 contracted = 0;

      for (guint i = 0; i < candidates->len; i++)
        {
          const CommBudgetCandidate *c = g_ptr_array_index (candidates, i);

          if (!in_area (c, shares[s].service_area) || contracted + c->amount > room)
            continue;
          contracted += c->amount;
          g_array_append_val (line->contract_ids, c->contract_id);
        }
    }
}

static gboolean
add_early_help (CommDatabase  *db,
                int            year,
                gint64        *id,
                GError       **error)
{
  g_autoptr(CommBudget) budget = comm_budget_new (EARLY_HELP, year);
  g_autoptr(GPtrArray) candidates = NULL;

  add (budget, COMM_BUDGET_LINE_INCOME, "Early Intervention Grant", G_GINT64_CONSTANT (595000000));
  add (budget, COMM_BUDGET_LINE_INCOME, "Public Health Grant – 0-19 services", G_GINT64_CONSTANT (140000000));
  add (budget, COMM_BUDGET_LINE_INCOME, "Supporting Families grant", G_GINT64_CONSTANT (92500000));
  add (budget, COMM_BUDGET_LINE_INCOME, "Dedicated Schools Grant – early years", G_GINT64_CONSTANT (41000000));
  add (budget, COMM_BUDGET_LINE_COMMITMENT, "Early help hub staffing (agreed)", G_GINT64_CONSTANT (38500000));
  if ((candidates = comm_budget_store_list_candidates (db, budget, year, error)) == NULL)
    return FALSE;
  add_contracts (budget, candidates);
  add (budget, COMM_BUDGET_LINE_FIXED, "Supporting Families payment-by-results reserve", G_GINT64_CONSTANT (25000000));
  add (budget, COMM_BUDGET_LINE_FIXED, "Workforce development", G_GINT64_CONSTANT (8500000));
  add_shares (budget, candidates);
  g_free (budget->notes);
  budget->notes = g_strdup ("Agreed at Children's Partnership Board; percentages as the Early Help Strategy.");
  if (!comm_budget_store_save (db, budget, error))
    return FALSE;
  *id = budget->id;
  return TRUE;
}

/* A scenario of budget @id; @edit changes it before it is saved again. */
static gboolean
add_scenario (CommDatabase  *db,
              gint64         id,
              const char    *name,
              void         (*edit) (CommBudget *budget),
              GError       **error)
{
  g_autoptr(CommBudget) scenario = NULL;
  gint64 scenario_id = 0;

  if (!comm_budget_store_copy_scenario (db, id, name, &scenario_id, error) ||
      (scenario = comm_budget_store_load (db, scenario_id, error)) == NULL)
    return FALSE;
  edit (scenario);
  return comm_budget_store_save (db, scenario, error);
}

static void
cut_income (CommBudget *budget)
{
  for (guint i = 0; i < budget->lines->len; i++)
    {
      CommBudgetLine *line = g_ptr_array_index (budget->lines, i);

      if (line->kind == COMM_BUDGET_LINE_INCOME)
        line->amount = comm_budget_scale (line->amount, 90, 100);
    }
  g_free (budget->notes);
  budget->notes = g_strdup ("Every grant 10% lower, as the medium-term financial plan's worst case.");
}

static void
grant_ends (CommBudget *budget)
{
  CommBudgetLine *line = comm_budget_find_line (budget, "Supporting Families grant");

  if (line != NULL)
    g_ptr_array_remove (budget->lines, line);
  line = comm_budget_find_line (budget, "Supporting Families payment-by-results reserve");
  if (line != NULL)
    line->amount = 0;
  g_free (budget->notes);
  budget->notes = g_strdup ("The Supporting Families grant is not renewed.");
}

/* ----- the multi-year programme ----- */

static void
care_pressure (CommBudget *budget)
{
  CommBudgetLine *from = comm_budget_find_line (budget, "Early childhood development");
  CommBudgetLine *to = comm_budget_find_line (budget, "Children in and on the edge of care");

  if (from != NULL && to != NULL)
    {
      from->amount -= G_GINT64_CONSTANT (40000000);
      to->amount += G_GINT64_CONSTANT (40000000);
    }
  g_free (budget->notes);
  budget->notes = g_strdup ("Two more residential placements than planned, paid for from early childhood.");
}

typedef struct {
  gint64      change;       /* thousandths of a percent on last year */
  const char *from;         /* a sum moved between two elements, or NULL */
  const char *to;
  gint64      moved;
} YearPlan;

static const YearPlan years[] = {
  { 2000, "Children in and on the edge of care", "Early childhood development", G_GINT64_CONSTANT (25000000) },
  { 1500, "Children in and on the edge of care", "Parent and family support", G_GINT64_CONSTANT (18000000) },
  { -3000, NULL, NULL, 0 },
  { 2500, "Vulnerable children and young people", "Parent and family support", G_GINT64_CONSTANT (6000000) },
};

static gboolean
roll_year (CommDatabase    *db,
           gint64          *id,
           const YearPlan  *plan,
           GError         **error)
{
  g_autoptr(CommBudget) budget = NULL;
  CommBudgetLine *from, *to;

  if (!comm_budget_store_roll_forward (db, *id, plan->change, id, NULL, error) ||
      (budget = comm_budget_store_load (db, *id, error)) == NULL)
    return FALSE;
  from = plan->from != NULL ? comm_budget_find_line (budget, plan->from) : NULL;
  to = plan->to != NULL ? comm_budget_find_line (budget, plan->to) : NULL;
  if (from == NULL || to == NULL)
    return TRUE;
  from->amount -= plan->moved;
  to->amount += plan->moved;
  return comm_budget_store_save (db, budget, error);
}

/* The imported plan's income line carries on into the later years: call it what it is. */
static gboolean
name_income (CommDatabase  *db,
             gint64         id,
             GError       **error)
{
  g_autoptr(CommBudget) budget = comm_budget_store_load (db, id, error);

  if (budget == NULL)
    return FALSE;
  g_free (((CommBudgetLine *) g_ptr_array_index (budget->lines, 0))->name);
  ((CommBudgetLine *) g_ptr_array_index (budget->lines, 0))->name = g_strdup ("Council budget for the system");
  return comm_budget_store_save (db, budget, error);
}

static gboolean
add_system (CommDatabase  *db,
            GError       **error)
{
  g_autoptr(GInputStream) csv = NULL;
  gint64 id = 0;

  csv = g_resources_open_stream ("/uk/org/commissioner/core/samples/plymouth_system_elements_2015.csv", 0, error);
  if (csv == NULL || !comm_budget_store_import_plan (db, SYSTEM, 2015, csv, &id, NULL, error) ||
      !name_income (db, id, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    if (!roll_year (db, &id, &years[i], error))
      return FALSE;
  return add_scenario (db, id, "Edge of care pressure", care_pressure, error);
}

gboolean
_comm_demo_add_budgets (CommDatabase  *db,
                        const GDate   *today,
                        GRand         *rand,
                        GError       **error)
{
  gint64 id = 0;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!add_early_help (db, comm_financial_year_of (today), &id, error) ||
      !add_scenario (db, id, "10% cut", cut_income, error) ||
      !add_scenario (db, id, "Grant ends", grant_ends, error) ||
      !add_system (db, error))
    return FALSE;

  return _comm_demo_add_plan (db, today, rand, error); /* the commissioning plan: comm-demo-plan.c */
}
