/* comm-demo-risks.c: the demo workspace's risk registers and contract bandings
 *
 * A programme register "Early Help Programme 2026-27" (5 x 5) with the risks commissioners of
 * early help really carry; a procurement register "Young Carers re-tender" on Low / Medium / High
 * written with in-between values (M/H, L/M) as real registers are; two contract registers that
 * roll up into the programme's. A few risks have reviews, and two reviews are overdue. Many
 * contracts get a risk and equality impact banding, some with a history.
 * Dates count in days back (raised, reviewed) or ahead (review due) from @today; the bandings'
 * few random choices use their own fixed seed, so a given @today gives the same registers.
 */
#include "config.h"

#include <limits.h>

#include <glib/gi18n-lib.h>

#include "comm-contract-banding.h"
#include "comm-date.h"
#include "comm-demo-private.h"
#include "comm-risk-store-private.h"

#define BANDING_SEED 20261123
#define NO_DATE      INT_MIN

typedef struct {
  const char *title;
  const char *cause;
  const char *consequence;
  const char *owner;
  const char *category;
  const char *inherent[2];   /* likelihood, impact as typed */
  const char *controls;
  CommRiskResponse response;
  const char *residual[2];   /* NULL: not assessed */
  const char *target[2];     /* NULL: none */
  int         raised_ago;    /* days before today */
  int         review_in;     /* days after today (negative: overdue); NO_DATE: none */
  guint       months;
  const char *contract;      /* linked contract reference, or NULL */
} RiskSpec;

typedef struct {
  guint       risk;          /* index into the register's specs */
  int         ago;           /* days before today */
  const char *reviewer;
  const char *rating[2];
  const char *note;
} ReviewSpec;

static const RiskSpec programme_risks[] = {
  { "Transition between old and new providers disrupts families",
    "Several early help contracts end on 31 March and new providers start on 1 April",
    "Families lose their worker mid-intervention; cases drift and escalate to social care",
    "Head of Early Help", "Service continuity", { "4", "4" },
    "Transition plan per contract; case-by-case handover meetings; named transition lead",
    COMM_RISK_RESPONSE_TREAT, { "3", "4" }, { "2", "3" }, 200, 40, 3, "CYP-FS-001" },
  { "Recruitment of family support workers",
    "Regional shortage of qualified family support and social work staff",
    "Caseloads rise above safe levels; waiting lists grow",
    "Service Manager, Family Support", "Workforce", { "4", "3" },
    "Shared recruitment campaign with providers; market supplement agreed for hard-to-fill posts",
    COMM_RISK_RESPONSE_TREAT, { "3", "3" }, { "2", "3" }, 300, -12, 3, NULL },
  { "Demand for early help grows faster than funding",
    "Referrals up 18% on last year; cost-of-living pressure on families",
    "Thresholds rise; families wait longer and needs escalate",
    "Head of Early Help", "Demand", { "5", "4" },
    "Monthly demand dashboard; front door triage; step-down pathway from social care",
    COMM_RISK_RESPONSE_TREAT, { "4", "4" }, { "3", "3" }, 250, 30, 2, NULL },
  { "Data sharing agreement with providers not signed",
    "New providers' information governance checks not complete",
    "Referrals cannot be passed securely; workers rely on phone calls and email",
    "Information Governance Lead", "Information governance", { "3", "4" },
    "Standard data sharing agreement; IG checklist in the mobilisation plan",
    COMM_RISK_RESPONSE_TREAT, { "2", "4" }, { "1", "3" }, 150, 20, 3, NULL },
  { "Safeguarding concern not escalated by a commissioned provider",
    "Variable safeguarding training and supervision across smaller providers",
    "A child is harmed; serious case review; reputational damage",
    "Safeguarding Lead", "Safeguarding", { "2", "5" },
    "Safeguarding audit of every provider each year; training compliance in KPIs",
    COMM_RISK_RESPONSE_TREAT, { "2", "5" }, { "1", "5" }, 400, 60, 6, NULL },
  { "Troubled Families grant ends in March",
    "National funding for the programme is not confirmed beyond this financial year",
    "A funding gap of about £1.2m for family intervention from April",
    "Head of Commissioning", "Finance", { "4", "5" },
    "Scenario budgets prepared; exit strategy with each provider; lobbying via regional network",
    COMM_RISK_RESPONSE_TREAT, { "4", "4" }, { "3", "3" }, 180, 16, 2, NULL },
  { "TUPE information from the outgoing provider is late or incomplete",
    "Outgoing providers have little incentive to provide staff information on time",
    "Bidders price the risk; new provider cannot plan staffing for day one",
    "Procurement Officer", "Procurement", { "3", "3" },
    "TUPE clause in current contracts; deadline in the exit plan; legal advice",
    COMM_RISK_RESPONSE_TRANSFER, { "2", "3" }, { NULL, NULL }, 120, 45, 3, NULL },
  { "Children's centre buildings not available for new providers",
    "Leases and service level agreements for three buildings run out in June",
    "Sessions move or stop; families in the east cluster lose local access",
    "Estates Manager", "Assets", { "3", "3" },
    "Lease renewals negotiated early; interim use agreements", COMM_RISK_RESPONSE_TREAT,
    { "2", "3" }, { NULL, NULL }, 220, 70, 6, "CYP-CC-009" },
  { "Outcomes framework not embedded in new contracts",
    "KPIs drafted late in the specification process",
    "The programme cannot show families are better off; funding case weakens",
    "Performance Manager", "Performance", { "3", "3" },
    "Outcomes-Based Accountability training; KPI schedule in every contract",
    COMM_RISK_RESPONSE_TREAT, { "2", "2" }, { "1", "2" }, 210, 90, 6, NULL },
  { "Case management system change",
    "The council's case management system is replaced in the same year",
    "Early help records unavailable for weeks; reporting gaps",
    "Systems Manager", "ICT", { "3", "4" },
    "Phased migration; read-only access to the old system for a year",
    COMM_RISK_RESPONSE_TOLERATE, { "3", "3" }, { NULL, NULL }, 160, 35, 3, NULL },
  { "Voice of the child not heard in service design",
    "Consultation on the new model ran over the summer holidays",
    "Services do not reach the families who need them most",
    "Participation Officer", "Quality", { "2", "3" },
    "Young commissioners panel; feedback in every quarterly review",
    COMM_RISK_RESPONSE_TREAT, { "1", "3" }, { NULL, NULL }, 330, 100, 6, NULL },
  { "Provider financial failure",
    "Two small VCSE providers hold reserves of less than three months",
    "Sudden closure; families left without a service",
    "Head of Commissioning", "Market", { "2", "4" },
    "Annual financial check; open-book conversations; contingency with in-house service",
    COMM_RISK_RESPONSE_TREAT, { "2", "3" }, { NULL, NULL }, 280, 50, 6, NULL },
  { "Challenge to the contract award",
    "Unsuccessful bidders may challenge under the Procurement Act 2023",
    "Standstill extended; award delayed; interim arrangements needed",
    "Procurement Officer", "Procurement", { "2", "4" },
    "Evaluation moderation recorded; legal review of award letters",
    COMM_RISK_RESPONSE_TRANSFER, { "1", "4" }, { NULL, NULL }, 90, 25, 3, NULL },
  { "Domestic abuse referrals rise after the new duty",
    "New statutory duty and awareness campaign", "Waiting times for children's support rise",
    "Domestic Abuse Coordinator", "Demand", { "3", "3" },
    "Additional capacity funded from the Domestic Abuse grant", COMM_RISK_RESPONSE_TOLERATE,
    { "3", "2" }, { NULL, NULL }, 140, 55, 3, "CYP-DA-001" },
  { "Partnership governance lapses after restructure",
    "Early Help Partnership Board chair vacant since the restructure",
    "Decisions stall; partners disengage", "Director of Children's Services", "Governance",
    { "2", "2" }, "Interim chair appointed; terms of reference refreshed",
    COMM_RISK_RESPONSE_TOLERATE, { "1", "2" }, { NULL, NULL }, 365, NO_DATE, 0, NULL },
};

static const ReviewSpec programme_reviews[] = {
  { 0, 130, "Early Help Partnership Board", { "4", "4" }, "Transition plans drafted for two of five contracts." },
  { 0, 40, "Early Help Partnership Board", { "3", "4" }, "All transition plans agreed; handover meetings booked." },
  { 1, 160, "Workforce group", { "4", "3" }, "Eleven vacancies across providers." },
  { 1, 102, "Workforce group", { "3", "3" }, "Campaign filled six posts; supplement agreed." },
  { 5, 45, "Programme Board", { "4", "4" }, "Scenario budgets prepared; awaiting the settlement." },
};

static const RiskSpec procurement_risks[] = {
  { "Incumbent provider withdraws before the new contract starts",
    "The current contract ends during the procurement", "Gap in support for young carers",
    "Young Carers Commissioner", "Service continuity", { "M/H", "H" },
    "Extension of three months agreed as a fallback", COMM_RISK_RESPONSE_TREAT,
    { "M", "M/H" }, { "L", "M" }, 100, 30, 1, "CYP-YC-002" },
  { "Low market interest in the lot", "Small contract value; rural geography",
    "Too few bids for real competition", "Procurement Officer", "Market", { "L/M", "M" },
    "Market engagement event; lot sizes reviewed", COMM_RISK_RESPONSE_TREAT,
    { "L", "M" }, { NULL, NULL }, 95, 45, 1, NULL },
  { "Young carers not identified by schools", "Schools awareness programme ends with the old contract",
    "Hidden young carers miss support", "Young Carers Commissioner", "Demand", { "M", "M/H" },
    "Schools identification duty written into the new specification", COMM_RISK_RESPONSE_TREAT,
    { "L/M", "M/H" }, { NULL, NULL }, 80, -5, 1, NULL },
  { "Evaluation panel availability", "Panel members' diaries over the Christmas period",
    "Award slips by a month", "Procurement Officer", "Procurement", { "M", "L" },
    "Dates held in diaries now", COMM_RISK_RESPONSE_TOLERATE,
    { "L", "L" }, { NULL, NULL }, 60, 21, 1, NULL },
  { "Young people's voice in evaluation", "Young carers' panel needs support to take part",
    "Evaluation misses what matters to young carers", "Participation Officer", "Quality",
    { "M", "M" }, "Young carers' panel scores the presentation question", COMM_RISK_RESPONSE_TREAT,
    { "L/M", "M" }, { NULL, NULL }, 70, 60, 2, NULL },
};

static const RiskSpec family_intervention_risks[] = {
  { "Caseloads above 12 families per worker", "Two vacancies and long-term sickness",
    "Intervention shortened; outcomes fall", "Service Manager (provider)", "Workforce",
    { "4", "3" }, "Agency cover; cases prioritised weekly", COMM_RISK_RESPONSE_TREAT,
    { "3", "3" }, { NULL, NULL }, 120, 10, 1, "CYP-FS-001" },
  { "Outcome data incomplete", "New worker app not used consistently",
    "Quarterly return late; payment by results disputed", "Contract Manager", "Performance",
    { "3", "2" }, "Data quality check at each monthly meeting", COMM_RISK_RESPONSE_TREAT,
    { "2", "2" }, { NULL, NULL }, 90, 60, 3, "CYP-FS-001" },
  { "Lone working in the evenings", "Home visits after 6 pm", "Worker harmed",
    "Service Manager (provider)", "Health and safety", { "2", "4" },
    "Lone working app; buddy system", COMM_RISK_RESPONSE_TREAT,
    { "1", "4" }, { NULL, NULL }, 200, 120, 6, "CYP-FS-001" },
};

static const RiskSpec young_carers_contract_risks[] = {
  { "Respite breaks oversubscribed", "Referrals doubled after the schools campaign",
    "Young carers wait months for a break", "Young Carers Commissioner", "Demand",
    { "4", "2" }, "Waiting list prioritised by need; extra summer sessions", COMM_RISK_RESPONSE_TOLERATE,
    { "3", "2" }, { NULL, NULL }, 150, 25, 3, "CYP-YC-002" },
  { "Key worker leaves during the re-tender", "Uncertainty about TUPE",
    "Relationships with young carers broken", "Service Manager (provider)", "Workforce",
    { "3", "3" }, "Retention payment agreed to the end of the contract", COMM_RISK_RESPONSE_TREAT,
    { "2", "3" }, { NULL, NULL }, 75, 40, 2, "CYP-YC-002" },
};

static const ReviewSpec family_intervention_reviews[] = {
  { 0, 100, "Contract Manager", { "4", "3" }, "Vacancies still open." },
  { 0, 20, "Contract Manager", { "3", "3" }, "One post filled; agency cover in place." },
};

static char *
day_from_today (const GDate *today,
                int          days)
{
  GDate date = *today;

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return comm_date_to_iso (&date);
}

static gboolean
contract_id (CommDatabase  *db,
             const char    *reference,
             gint64        *id,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *id = 0;
  if (reference == NULL)
    return TRUE;
  stmt = comm_database_prepare (db, "SELECT id FROM contracts WHERE reference = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the contracts"));
      return FALSE;
    }
  return TRUE;
}

static CommRiskRating
demo_rating (CommRiskScaleKind  scale,
             const char        *text)
{
  CommRiskRating rating = { scale, 0, 0 };

  if (text != NULL && !comm_risk_rating_parse (scale, COMM_RISK_AXIS_LIKELIHOOD, text, &rating, NULL))
    g_warn_if_reached ();
  return rating;
}

static CommRisk *
risk_from_spec (const RiskSpec   *spec,
                CommRiskRegister *reg,
                const GDate      *today)
{
  CommRisk *risk = comm_risk_new ();
  g_autofree char *raised = day_from_today (today, -spec->raised_ago);
  g_autofree char *due = spec->review_in != NO_DATE ? day_from_today (today, spec->review_in) : g_strdup ("");

  risk->register_id = reg->id;
  comm_risk_set_text (&risk->title, spec->title);
  comm_risk_set_text (&risk->cause, spec->cause);
  comm_risk_set_text (&risk->consequence, spec->consequence);
  comm_risk_set_text (&risk->owner, spec->owner);
  comm_risk_set_text (&risk->category, spec->category);
  comm_risk_set_text (&risk->controls, spec->controls);
  risk->inherent_likelihood = demo_rating (reg->scale, spec->inherent[0]);
  risk->inherent_impact = demo_rating (reg->scale, spec->inherent[1]);
  risk->residual_likelihood = demo_rating (reg->scale, spec->residual[0]);
  risk->residual_impact = demo_rating (reg->scale, spec->residual[1]);
  risk->target_likelihood = demo_rating (reg->scale, spec->target[0]);
  risk->target_impact = demo_rating (reg->scale, spec->target[1]);
  risk->response = spec->response;
  comm_risk_set_text (&risk->raised_on, raised);
  comm_risk_set_text (&risk->review_due, due);
  risk->review_months = spec->months;
  return risk;
}

/* Saves the risks of @specs and the reviews of @reviews (the risk's review date stays the
 * spec's: the latest review set it). Reviews are dated before today and after the raising. */
static gboolean
add_risks (CommDatabase      *db,
           CommRiskRegister  *reg,
           const RiskSpec    *specs,
           guint              n_specs,
           const ReviewSpec  *reviews,
           guint              n_reviews,
           const GDate       *today,
           GError           **error)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  CommRiskBands bands;

  comm_risk_register_get_bands (reg, &bands);
  for (guint n = 0; n < n_specs; n++)
    {
      g_autoptr(CommRisk) risk = risk_from_spec (&specs[n], reg, today);

      if (!contract_id (db, specs[n].contract, &risk->contract_id, error) ||
          !comm_risk_validate (risk, reg->scale, &bands, today, error) ||
          !_comm_risk_write (db, risk, error))
        return FALSE;
      g_ptr_array_add (saved, g_steal_pointer (&risk));
    }
  for (guint n = 0; n < n_reviews; n++)
    {
      g_autoptr(CommRiskReview) review = comm_risk_review_new ();
      CommRisk *risk = saved->pdata[reviews[n].risk];
      g_autofree char *on = day_from_today (today, -reviews[n].ago);

      review->risk_id = risk->id;
      comm_risk_set_text (&review->reviewed_on, on);
      comm_risk_set_text (&review->reviewer, reviews[n].reviewer);
      comm_risk_set_text (&review->note, reviews[n].note);
      review->likelihood = demo_rating (reg->scale, reviews[n].rating[0]);
      review->impact = demo_rating (reg->scale, reviews[n].rating[1]);
      if (!_comm_risk_insert_review (db, review, reg->scale, error))
        return FALSE;
    }
  return TRUE;
}

static CommRiskRegister *
add_register (CommDatabase          *db,
              const char            *name,
              CommRiskRegisterKind   kind,
              CommRiskScaleKind      scale,
              const char            *programme,
              const char            *owner,
              gint64                 parent_id,
              const char            *contract,
              GError               **error)
{
  g_autoptr(CommRiskRegister) reg = comm_risk_register_new ();

  comm_risk_set_text (&reg->name, name);
  reg->kind = kind;
  reg->scale = scale;
  comm_risk_set_text (&reg->programme, programme);
  comm_risk_set_text (&reg->owner, owner);
  reg->parent_id = parent_id;
  if (!contract_id (db, contract, &reg->contract_id, error) ||
      !comm_risk_register_store_save (db, reg, error))
    return NULL;
  return g_steal_pointer (&reg);
}

static const char *const banding_reasons[4] = {
  "Formal contract warning issued; improvement plan not met",
  "Concerns about staffing and late monitoring returns",
  "Minor concerns about data quality at the last review",
  "Performing well; no concerns at the annual review",
};

/* Most contracts banded in the spring; some re-banded since. */
static gboolean
add_bandings (CommDatabase  *db,
              const GDate   *today,
              GError       **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (BANDING_SEED);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if ((stmt = comm_database_prepare (db, "SELECT id FROM contracts WHERE deleted_at IS NULL ORDER BY id", error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the contracts"));
      return FALSE;
    }
  for (guint n = 0; n < ids->len; n++)
    {
      static const int risk_weights[] = { 0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3 };
      int banding = risk_weights[g_rand_int_range (rand, 0, G_N_ELEMENTS (risk_weights))];
      guint rebands = banding < 2 && g_rand_boolean (rand) ? 2 : 1;

      if (g_rand_int_range (rand, 0, 10) == 0)
        continue;  /* a few contracts are not banded yet */
      for (guint r = 0; r < rebands; r++)
        {
          int risk_band = r + 1 < rebands ? MIN (3, banding + 1) : banding;
          g_autofree char *on = day_from_today (today, -(int) (r + 1 < rebands ? 230 : g_rand_int_range (rand, 20, 200)));
          g_autoptr(CommContractBanding) b =
            comm_contract_banding_new (g_array_index (ids, gint64, n), risk_band,
                                       g_rand_int_range (rand, 1, 4), on, banding_reasons[risk_band]);

          if (!comm_contract_banding_add (db, b, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_comm_demo_add_risks (CommDatabase  *db,
                      const GDate   *today,
                      GRand         *rand,
                      GError       **error)
{
  g_autoptr(CommRiskRegister) programme = NULL;
  g_autoptr(CommRiskRegister) procurement = NULL;
  g_autoptr(CommRiskRegister) family = NULL;
  g_autoptr(CommRiskRegister) carers = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  (void) rand;

  if ((programme = add_register (db, "Early Help Programme 2026-27", COMM_RISK_REGISTER_PROGRAMME,
                                 COMM_RISK_SCALE_5X5, "Early Help", "Head of Early Help", 0, NULL, error)) == NULL ||
      (procurement = add_register (db, "Young Carers re-tender", COMM_RISK_REGISTER_PROCUREMENT,
                                   COMM_RISK_SCALE_LMH, "Young carers service 2027", "Young Carers Commissioner",
                                   0, NULL, error)) == NULL ||
      (family = add_register (db, "CYP-FS-001 Family Intervention Service", COMM_RISK_REGISTER_CONTRACT,
                              COMM_RISK_SCALE_5X5, "", "Contract Manager", programme->id, "CYP-FS-001", error)) == NULL ||
      (carers = add_register (db, "CYP-YC-002 Young Carers and Affected Others", COMM_RISK_REGISTER_CONTRACT,
                              COMM_RISK_SCALE_5X5, "", "Young Carers Commissioner", programme->id, "CYP-YC-002",
                              error)) == NULL)
    return FALSE;

  return add_risks (db, programme, programme_risks, G_N_ELEMENTS (programme_risks),
                    programme_reviews, G_N_ELEMENTS (programme_reviews), today, error) &&
         add_risks (db, procurement, procurement_risks, G_N_ELEMENTS (procurement_risks), NULL, 0, today, error) &&
         add_risks (db, family, family_intervention_risks, G_N_ELEMENTS (family_intervention_risks),
                    family_intervention_reviews, G_N_ELEMENTS (family_intervention_reviews), today, error) &&
         add_risks (db, carers, young_carers_contract_risks, G_N_ELEMENTS (young_carers_contract_risks),
                    NULL, 0, today, error) &&
         add_bandings (db, today, error);
}
