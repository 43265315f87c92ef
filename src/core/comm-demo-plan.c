/* comm-demo-plan.c: the demo workspace's commissioning plan for the current financial year
 *
 * Six intentions for the financial year of @today (and one for the next), their milestones dated
 * relative to @today so that some are done, some due, one overdue whatever day the demo is made;
 * dated progress updates; links to the demo contracts they create or end and to the demo budget's
 * allocation lines where it has them; and the Derby demand figures as context.
 */
#include "config.h"


#include "comm-date.h"
#include "comm-demo-private.h"
#include "comm-plan.h"
#include "comm-store-private.h"

#define DONE_ON_TIME G_MININT  /* done_offset: done on the target date */
#define NOT_DONE     G_MAXINT

typedef struct {
  const char *name;
  int         target;  /* days from today */
  int         done;    /* days from today, DONE_ON_TIME or NOT_DONE */
} DemoMilestone;

typedef struct {
  int         offset;  /* days from today */
  const char *author;
  const char *text;
} DemoUpdate;

typedef struct {
  const char *reference;
  const char *role;    /* "creates" / "ends" */
} DemoLink;

typedef struct {
  int             year_offset;  /* 0: this financial year, 1: next */
  const char     *title;
  const char     *area;
  const char     *outcomes;
  const char     *lead;
  CommPlanStatus  status;
  const char     *budget_label;
  const char     *budget_match;  /* LIKE pattern for the demo budget's line, or NULL */
  DemoMilestone   milestones[8];
  DemoUpdate      updates[4];
  DemoLink        links[3];
} DemoIntention;

/* The demo's content is sample data, not user interface text, so it is not translated. */
static const DemoIntention intentions[] = {
  { 0, "Re-tender the young carers service", "Young Carers",
    "More young carers identified early through schools and GPs; fewer young carers providing "
    "inappropriate levels of care; young adult carers supported into further education or work.",
    "Jo Penrose", COMM_PLAN_STATUS_ON_TRACK, "Young carers allocation", "%young carer%",
    { { "Service specification agreed", -120, -118 }, { "Market engagement", -90, -86 },
      { "Tender issued", -35, -33 }, { "Contract awarded", 18, NOT_DONE },
      { "Mobilisation", 60, NOT_DONE }, { "New service live", 129, NOT_DONE },
      { "Review", 310, NOT_DONE } },
    { { -86, "Jo Penrose", "Market engagement event held with nine providers; four said they would bid." },
      { -33, "Jo Penrose", "Tender issued on the e-procurement portal; it closes in four weeks." },
      { -4, "Jo Penrose", "Five bids received. Evaluation panel, including two young carers, meets next week." } },
    { { "CYP-YC-005", "creates" }, { "CYP-YC-010", "ends" } } },
  { 0, "Pilot a block contract for residential places", "Looked after children – placements",
    "Fewer children placed out of area; a weekly cost below the current spot-purchase average; "
    "placement stability of at least 12 months for children in the block.",
    "Helen Marsh", COMM_PLAN_STATUS_AT_RISK, "Placements – block contract pilot", NULL,
    { { "Market engagement", -70, -66 }, { "Service specification agreed", -12, NOT_DONE },
      { "Tender issued", 40, NOT_DONE }, { "Contract awarded", 100, NOT_DONE },
      { "New service live", 160, NOT_DONE }, { "Review", 340, NOT_DONE } },
    { { -66, "Helen Marsh", "Two of five local providers said they would not bid for a block of four beds; spot prices up 8% this year." },
      { -6, "Helen Marsh", "Specification held up: legal advice on the void-bed clause awaited. Now expected within three weeks." } },
    { { NULL, NULL } } },
  { 0, "Mini-competition under the Family Support framework for the North locality",
    "Family Support",
    "Families supported to make and sustain change; fewer repeat referrals to social care within 12 months; "
    "no family left without a worker during the transition from the old provider.",
    "Sarah Whitfield", COMM_PLAN_STATUS_ON_TRACK, "Family Support allocation", "%family support%",
    { { "Service specification agreed", -60, -61 }, { "Call-off issued to framework providers", 9, NOT_DONE },
      { "Contract awarded", 45, NOT_DONE }, { "Transition period starts", 75, NOT_DONE },
      { "Transition period ends: old provider exits", 165, NOT_DONE }, { "New service live", 165, NOT_DONE },
      { "Review", 345, NOT_DONE } },
    { { -61, "Sarah Whitfield", "Specification agreed at the Early Help board. Four framework providers are eligible for the call-off." },
      { -10, "Sarah Whitfield", "Transition plan drafted: open cases move in three tranches; the outgoing provider keeps its workers until tranche three." } },
    { { "CYP-FS-014", "ends" } } },
  { 0, "Recommission the domestic abuse programme for parents", "Domestic Abuse",
    "Parents complete the programme; fewer repeat incidents at the same address; children report feeling safer.",
    "Amira Okafor", COMM_PLAN_STATUS_COMPLETE, "Domestic abuse allocation", "%domestic abuse%",
    { { "Service specification agreed", -200, -203 }, { "Tender issued", -160, -160 },
      { "Contract awarded", -100, -96 }, { "Mobilisation", -60, DONE_ON_TIME } },
    { { -96, "Amira Okafor", "Contract awarded; the new programme starts in the spring after mobilisation." },
      { -40, "Amira Okafor", "Mobilisation complete: staff recruited and referral pathway agreed with the MASH." } },
    { { "CYP-DA-010", "creates" } } },
  { 0, "Review the Children's Centres cluster model", "Children's Centres",
    "A decision on the future of the West cluster; centres open where families with under-fives live.",
    "Helen Marsh", COMM_PLAN_STATUS_NOT_STARTED, "Children's Centres allocation", "%children%centre%",
    { { "Needs analysis", 25, NOT_DONE }, { "Consultation with families", 80, NOT_DONE },
      { "Decision at Cabinet", 125, NOT_DONE }, { "Review", 200, NOT_DONE } },
    { { 0, NULL, NULL } },
    { { "CYP-CC-015", "ends" } } },
  { 1, "Re-procure the supported lodgings service", "Vulnerable Adolescents",
    "Sufficient supported lodgings for 16 and 17 year olds, avoiding bed and breakfast entirely.",
    "Jo Penrose", COMM_PLAN_STATUS_NOT_STARTED, "Vulnerable adolescents allocation", NULL,
    { { "Market engagement", 160, NOT_DONE }, { "Service specification agreed", 200, NOT_DONE },
      { "Tender issued", 240, NOT_DONE }, { "Contract awarded", 300, NOT_DONE },
      { "New service live", 400, NOT_DONE } },
    { { 0, NULL, NULL } },
    { { NULL, NULL } } },
};

static char *
iso_from_today (const GDate *today,
                int          offset)
{
  GDate date = *today;

  if (offset >= 0)
    g_date_add_days (&date, (guint) offset);
  else
    g_date_subtract_days (&date, (guint) -offset);
  return comm_date_to_iso (&date);
}

/* The id of a row @sql returns for @text, or 0. */
static gint64
lookup_id (CommDatabase *db,
           const char   *sql,
           const char   *text,
           int           year)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static void
add_details (CommDatabase        *db,
             CommPlanIntention   *intention,
             const DemoIntention *demo,
             const GDate         *today)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo->milestones) && demo->milestones[i].name != NULL; i++)
    {
      const DemoMilestone *m = &demo->milestones[i];
      g_autofree char *target = iso_from_today (today, m->target);
      g_autofree char *done = m->done == NOT_DONE ? NULL
                              : iso_from_today (today, m->done == DONE_ON_TIME ? m->target : m->done);

      g_ptr_array_add (intention->milestones, comm_plan_milestone_new (m->name, target, done));
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo->updates) && demo->updates[i].text != NULL; i++)
    {
      g_autofree char *date = iso_from_today (today, demo->updates[i].offset);

      g_ptr_array_add (intention->updates,
                       comm_plan_update_new (date, demo->updates[i].author, demo->updates[i].text));
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo->links) && demo->links[i].reference != NULL; i++)
    {
      gint64 id = lookup_id (db, "SELECT id FROM contracts WHERE reference = ?1"
                                 " AND deleted_at IS NULL", demo->links[i].reference, 0);

      if (id != 0)
        g_ptr_array_add (intention->contracts,
                         comm_plan_contract_link_new (id, comm_plan_contract_role_from_code (demo->links[i].role)));
    }
}

static gboolean
add_intention (CommDatabase         *db,
               const DemoIntention  *demo,
               const GDate          *today,
               GError              **error)
{
  int year = comm_financial_year_of (today) + demo->year_offset;
  g_autoptr(CommPlanIntention) intention = comm_plan_intention_new (year);
  gint64 line_id = 0;

  g_free (intention->title);
  intention->title = g_strdup (demo->title);
  g_free (intention->area);
  intention->area = g_strdup (demo->area);
  g_free (intention->outcomes);
  intention->outcomes = g_strdup (demo->outcomes);
  g_free (intention->lead);
  intention->lead = g_strdup (demo->lead);
  intention->status = demo->status;
  add_details (db, intention, demo, today);

  if (demo->budget_match != NULL)
    line_id = lookup_id (db, "SELECT bl.id FROM budget_lines bl JOIN budgets b ON b.id = bl.budget_id"
                             " WHERE bl.name LIKE ?1 AND b.year = ?2 AND b.scenario IS NULL"
                             " AND b.deleted_at IS NULL AND bl.kind IN ('fixed', 'percent')"
                             " ORDER BY b.id, bl.position LIMIT 1", demo->budget_match, year);
  g_ptr_array_add (intention->budget_lines, comm_plan_budget_link_new (line_id, demo->budget_label));

  return comm_plan_store_save (db, intention, error);
}

gboolean
_comm_demo_add_plan (CommDatabase  *db,
                     const GDate   *today,
                     GRand         *rand,
                     GError       **error)
{
  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  (void) rand;  /* the plan is the same every time: nothing random in it */

  for (guint i = 0; i < G_N_ELEMENTS (intentions); i++)
    if (!add_intention (db, &intentions[i], today, error))
      return FALSE;

  return comm_demand_import_derby_sample (db, NULL, error);
}
