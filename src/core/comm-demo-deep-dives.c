/* comm-demo-deep-dives.c: the demo workspace's year of Deep Dives
 *
 * One Deep Dive for every contract active in the financial year of @today, on the dates the
 * schedule proposes (spread over the year). Relative to @today: those well in the past are
 * complete and signed off with judgements, notes, a grade, lessons and follow-up actions (a few
 * not done and overdue), except a few never started (Overdue); those of the last weeks are in
 * progress, part judged, with actions; later ones are Scheduled, a few without a date (Pending).
 * Two contracts have no Deep Dive at all, as happens when a contract is missed.
 * One area carries a reference to evidence, another a small text file made in memory.
 * Everything goes through the public Deep Dive API, so the demo obeys the same rules as users.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-database-private.h"
#include "comm-date.h"
#include "comm-deep-dive.h"
#include "comm-deep-dive-schedule.h"
#include "comm-demo-private.h"

#define RECENT_DAYS   35  /* scheduled this many days ago or fewer: still in progress */
#define NO_DIVE_EVERY 25  /* one contract in this many gets no Deep Dive */

typedef struct {
  CommDatabase *db;
  GDate         today;
  GRand        *rand;
  sqlite3_stmt *judge;          /* one statement for every judgement: preparing is the slow part */
  sqlite3_stmt *people;         /* one for the reviewers and provider contact */
  guint         index;          /* of the Deep Dive in reference order */
  gboolean      has_reference;  /* the reference evidence has been added */
  gboolean      has_file;       /* the text file has been attached */
} DemoDives;

static const char * const contacts[] = {
  "Sam Green (service manager)", "Aisha Khan (operations lead)", "Dave Morris (chief executive)",
  "Lucy Evans (team leader)", "Marek Nowak (quality lead)", "Grace Adeyemi (deputy director)",
};

static const char * const reviewers[] = {
  "A. Patel (quality assurance)", "J. Okafor (finance)", "Early Help practice lead",
  "Safeguarding partnership officer", "",
};

static const char * const met_notes[] = {
  "Case files sampled were up to date, with clear plans and recorded outcomes.",
  "Families we spoke to described the workers as reliable and easy to reach.",
  "Evidence seen matches what the contract asks for. No concerns.",
  "Strong practice; the provider shared its own audit, which agreed with ours.",
};
static const char * const partly_notes[] = {
  "Mostly in place, but two of the eight files sampled had no review date.",
  "Good intentions, but the evidence is patchy: ask for the Q3 figures.",
  "Improving since the last review; not yet consistent across the teams.",
};
static const char * const not_met_notes[] = {
  "No evidence that this is happening. Raised with the service manager at the meeting.",
  "Staff could not describe the outcomes the service is paid to achieve.",
};
static const char * const not_assessed_notes[] = {
  "Not looked at this year: covered by the joint inspection in the spring.",
};

static const char * const actions[] = {
  "Send the case file audit results for the last quarter",
  "Agree a revised payment profile for the rest of the year",
  "Add child and family feedback to the quarterly return",
  "Recruit to the vacant outreach worker post",
  "Update the outcome measures in the service specification",
  "Share referral data by school with the early help hub",
  "Book a joint supervision file audit",
};

static const char * const lessons[] = {
  "Monthly data returns made this review quick; keep them. Plans need review dates.",
  "The provider's own audit was honest and matched ours: rely on it more next year.",
  "Take-up is low in the north of the county; outreach there needs a plan.",
  "Recording has improved since the last Deep Dive; supervision is still irregular.",
};

static const char *
pick (GRand             *rand,
      const char *const *items,
      guint              n)
{
  return items[g_rand_int_range (rand, 0, (gint32) n)];
}
#define PICK(d, items) pick ((d)->rand, (items), G_N_ELEMENTS (items))

static char *
iso_plus_days (const GDate *date,
               int          days)
{
  GDate moved = *date;

  if (days >= 0)
    g_date_add_days (&moved, (guint) days);
  else
    g_date_subtract_days (&moved, (guint) -days);

  return comm_date_to_iso (&moved);
}

static CommJudgement
random_judgement (DemoDives *d)
{
  int roll = g_rand_int_range (d->rand, 0, 100);

  if (roll < 55)
    return COMM_JUDGEMENT_MET;
  if (roll < 80)
    return COMM_JUDGEMENT_PARTLY_MET;
  if (roll < 92)
    return COMM_JUDGEMENT_NOT_MET;
  return COMM_JUDGEMENT_NOT_ASSESSED;
}

static const char *
note_for (DemoDives     *d,
          CommJudgement  judgement)
{
  switch (judgement)
    {
    case COMM_JUDGEMENT_MET:          return PICK (d, met_notes);
    case COMM_JUDGEMENT_PARTLY_MET:   return PICK (d, partly_notes);
    case COMM_JUDGEMENT_NOT_MET:      return PICK (d, not_met_notes);
    case COMM_JUDGEMENT_NOT_ASSESSED: return PICK (d, not_assessed_notes);
    case COMM_JUDGEMENT_NONE:
    case COMM_N_JUDGEMENTS:
    default:                          return "";
    }
}

/* The grade the judgements point to: Met 3, Partly met 2, Not met 0, averaged over those assessed. */
static CommGrade
grade_for (const int *points,
           guint      n)
{
  int sum = 0, count = 0;

  for (guint i = 0; i < n; i++)
    {
      if (points[i] < 0)
        continue;
      sum += points[i];
      count++;
    }
  if (count == 0)
    return COMM_GRADE_GOOD;
  if (sum * 10 >= count * 28)
    return COMM_GRADE_OUTSTANDING;
  if (sum * 10 >= count * 22)
    return COMM_GRADE_GOOD;
  if (sum * 10 >= count * 15)
    return COMM_GRADE_REQUIRES_IMPROVEMENT;
  return COMM_GRADE_INADEQUATE;
}

/* Judges the first @n areas (with notes); fills @points (-1 for Not assessed). */
static gboolean
judge_areas (DemoDives     *d,
             CommDeepDive  *dive,
             guint          n,
             int           *points,
             GError       **error)
{
  for (guint i = 0; i < n && i < dive->areas->len; i++)
    {
      CommDeepDiveArea *area = g_ptr_array_index (dive->areas, i);
      CommJudgement judgement = random_judgement (d);

      points[i] = judgement == COMM_JUDGEMENT_MET ? 3 : judgement == COMM_JUDGEMENT_PARTLY_MET ? 2
                : judgement == COMM_JUDGEMENT_NOT_MET ? 0 : -1;
      sqlite3_reset (d->judge);
      sqlite3_bind_int64 (d->judge, 1, area->id);
      sqlite3_bind_text (d->judge, 2, comm_judgement_to_code (judgement), -1, SQLITE_STATIC);
      sqlite3_bind_text (d->judge, 3, note_for (d, judgement), -1, SQLITE_STATIC);
      if (sqlite3_step (d->judge) != SQLITE_DONE)
        {
          comm_database_set_error (d->db, error, "Demo: judging an area");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_evidence (DemoDives     *d,
              CommDeepDive  *dive,
              gboolean       in_progress,
              GError       **error)
{
  g_autoptr(CommEvidence) evidence = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  if (!d->has_reference && !in_progress)
    {
      evidence = comm_deep_dive_add_evidence_reference (d->db, ((CommDeepDiveArea *) dive->areas->pdata[3])->id,
                                                        "Q2 monitoring return and KPI dashboard",
                                                        "Contracts shared drive > Monitoring > 2026-27 > Q2",
                                                        error);
      d->has_reference = evidence != NULL;
      return evidence != NULL;
    }
  if (!d->has_file && in_progress)
    {
      text = g_strdup_printf ("Visit notes - %s\n\nMet the service manager and two family workers.\n"
                              "Sampled six case files: four complete, two without review dates.\n"
                              "Families' feedback forms collected since April: 41, mostly positive.\n",
                              dive->contract_reference);
      bytes = g_bytes_new_take (text, strlen (text));
      text = NULL;
      evidence = comm_deep_dive_add_evidence_bytes (d->db, ((CommDeepDiveArea *) dive->areas->pdata[0])->id,
                                                    "visit-notes.txt", bytes, error);
      d->has_file = evidence != NULL;
      return evidence != NULL;
    }

  return TRUE;
}

/* Sets when an action was done (the API would say today's date, not the demo's). */
static gboolean
mark_done (DemoDives  *d,
           gint64      action_id,
           const char *done_on,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!comm_deep_dive_set_action_done (d->db, action_id, TRUE, NULL, error))
    return FALSE;
  stmt = comm_database_prepare (d->db, "UPDATE deep_dive_actions SET done_on = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, done_on, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      comm_database_set_error (d->db, error, "Demo: an action done");
      return FALSE;
    }

  return TRUE;
}

/* @n actions on random areas, due @first_due days from @from and then a month apart each. */
static gboolean
add_actions (DemoDives     *d,
             CommDeepDive  *dive,
             guint          n,
             const GDate   *from,
             int            first_due,
             GArray        *ids,
             GError       **error)
{
  for (guint i = 0; i < n; i++)
    {
      CommDeepDiveArea *area = g_ptr_array_index (dive->areas, g_rand_int_range (d->rand, 0, (gint32) dive->areas->len));
      g_autofree char *due = iso_plus_days (from, first_due + 30 * (int) i);
      const char *owner = g_rand_boolean (d->rand) ? dive->provider_contact : dive->lead_reviewer;
      g_autoptr(CommDeepDiveAction) action = comm_deep_dive_add_action (d->db, area->id, PICK (d, actions),
                                                                         owner, due, error);

      if (action == NULL)
        return FALSE;
      if (ids != NULL)
        g_array_append_val (ids, action->id);
    }

  return TRUE;
}

/* Follow-up after sign-off: actions due before today are mostly done, some still open. */
static gboolean
follow_up (DemoDives  *d,
           GArray     *ids,
           GError    **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      GDate due;
      g_autofree char *done_on = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = comm_database_prepare (d->db, "SELECT due_on FROM deep_dive_actions WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW || !comm_date_parse_iso (comm_sqlite_column_text (stmt, 0), &due))
        continue;
      if (g_date_compare (&due, &d->today) >= 0 || g_rand_int_range (d->rand, 0, 100) < 30)
        continue;
      done_on = iso_plus_days (&due, -g_rand_int_range (d->rand, 0, 10));
      if (!mark_done (d, g_array_index (ids, gint64, i), done_on, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
complete (DemoDives     *d,
          CommDeepDive  *dive,
          const GDate   *scheduled,
          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *signed_on = NULL;
  int points[32];
  GDate sign;
  CommGrade grade;
  gboolean variation = d->index % 11 == 3;

  sign = *scheduled;
  g_date_add_days (&sign, (guint) g_rand_int_range (d->rand, 7, 28));
  if (g_date_compare (&sign, &d->today) >= 0)
    {
      sign = d->today;
      g_date_subtract_days (&sign, 1);
    }
  signed_on = comm_date_to_iso (&sign);
  if (!judge_areas (d, dive, MIN (dive->areas->len, G_N_ELEMENTS (points)), points, error) ||
      !add_evidence (d, dive, FALSE, error) ||
      !add_actions (d, dive, (guint) g_rand_int_range (d->rand, 0, 3), &sign, 30, ids, error))
    return FALSE;
  grade = grade_for (points, MIN (dive->areas->len, G_N_ELEMENTS (points)));

  return comm_deep_dive_save_conclusion (d->db, dive->id, grade, PICK (d, lessons),
                                         variation ? "Extend the service to young people up to 19 leaving care, "
                                                     "within the current value, from 1 April." : "",
                                         variation, NULL, error) &&
         comm_deep_dive_sign_off (d->db, dive->id, "Head of Commissioning", signed_on, NULL, error) &&
         follow_up (d, ids, error);
}

static gboolean
in_progress (DemoDives     *d,
             CommDeepDive  *dive,
             GError       **error)
{
  int points[32];
  guint judged = (guint) g_rand_int_range (d->rand, 3, 9);
  GDate overdue_from = d->today;

  g_date_subtract_days (&overdue_from, (guint) g_rand_int_range (d->rand, 3, 12));

  return judge_areas (d, dive, MIN (judged, G_N_ELEMENTS (points)), points, error) &&
         add_evidence (d, dive, TRUE, error) &&
         add_actions (d, dive, 1, &overdue_from, 0, NULL, error) &&
         add_actions (d, dive, (guint) g_rand_int_range (d->rand, 0, 3), &d->today, 21, NULL, error);
}

/* Brings one Deep Dive to where it would be on @today. */
static gboolean
play_out (DemoDives  *d,
          gint64      id,
          GError    **error)
{
  g_autoptr(CommDeepDive) dive = NULL;
  GDate scheduled;
  int age;

  sqlite3_reset (d->people);
  sqlite3_bind_int64 (d->people, 1, id);
  sqlite3_bind_text (d->people, 2, PICK (d, reviewers), -1, SQLITE_STATIC);
  sqlite3_bind_text (d->people, 3, PICK (d, contacts), -1, SQLITE_STATIC);
  if (sqlite3_step (d->people) != SQLITE_DONE)
    {
      comm_database_set_error (d->db, error, "Demo: the people of a Deep Dive");
      return FALSE;
    }
  if ((dive = comm_deep_dive_load (d->db, id, error)) == NULL)
    return FALSE;
  if (!comm_date_parse_iso (dive->scheduled_on, &scheduled))
    return TRUE;
  age = comm_date_days_between (&scheduled, &d->today);

  if (age < 0)  /* still to come: a few not yet dated */
    return d->index % 6 != 1 || comm_deep_dive_set_scheduled_on (d->db, id, NULL, NULL, error);
  if (age > RECENT_DAYS && d->index % 9 == 4)  /* never started: overdue */
    return TRUE;
  if (!comm_deep_dive_start (d->db, id, dive->scheduled_on, NULL, error))
    return FALSE;

  comm_deep_dive_free (g_steal_pointer (&dive));
  if ((dive = comm_deep_dive_load (d->db, id, error)) == NULL)
    return FALSE;

  return age > RECENT_DAYS ? complete (d, dive, &scheduled, error) : in_progress (d, dive, error);
}

gboolean
_comm_demo_add_deep_dives (CommDatabase  *db,
                           const GDate   *today,
                           GRand         *rand,
                           GError       **error)
{
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(sqlite3_stmt) judge = NULL;
  g_autoptr(sqlite3_stmt) people = NULL;
  DemoDives d = { .db = db, .today = *today, .rand = rand };
  int year;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  /* What comm_deep_dive_save_area() and _set_people() do, minus their checks, for speed. */
  judge = comm_database_prepare (db, "UPDATE deep_dive_areas SET judgement = ?2, notes = ?3,"
                                     " revision = revision + 1 WHERE id = ?1", error);
  people = comm_database_prepare (db, "UPDATE deep_dives SET reviewers = ?2, provider_contact = ?3,"
                                      " revision = revision + 1 WHERE id = ?1", error);
  if (judge == NULL || people == NULL)
    return FALSE;
  d.judge = judge;
  d.people = people;

  year = comm_financial_year_of (today);
  if ((proposals = comm_deep_dive_schedule_propose (db, year, error)) == NULL)
    return FALSE;
  /* Two contracts are left without a Deep Dive, so that the schedule has some to show. */
  for (guint i = proposals->len; i-- > 0;)
    if (i % NO_DIVE_EVERY == NO_DIVE_EVERY / 2)
      g_ptr_array_remove_index (proposals, i);
  if (!comm_deep_dive_schedule_apply (db, year, proposals, NULL, error))
    return FALSE;

  for (d.index = 0; d.index < proposals->len; d.index++)
    {
      const CommDeepDiveProposal *proposal = g_ptr_array_index (proposals, d.index);

      if (!play_out (&d, comm_deep_dive_find (db, proposal->contract_id, year), error))
        return FALSE;
    }

  return TRUE;
}
