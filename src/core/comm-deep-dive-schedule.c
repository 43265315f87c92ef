/* comm-deep-dive-schedule.c: the Deep Dive schedule of a financial year in one query, counts per
 * status, and proposing a year's Deep Dives spread evenly over its months */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-deep-dive-private.h"
#include "comm-deep-dive-row-private.h"

/* ?2 = the year's first day, ?3 its last (ISO). The effective end: extended-to, else the end
 * date, or the termination date if earlier. */
#define EFFECTIVE_END "min (coalesce (c.extended_to, c.end_date), coalesce (c.terminated_on, '9999-12-31'))"
#define ACTIVE_IN_YEAR "(c.start_date <= ?3 AND " EFFECTIVE_END " >= ?2)"

#define SCHEDULE_SQL \
  "SELECT c.id, coalesce (d.id, 0), c.reference, c.title, p.name, c.service_area, c.lead_commissioner," \
  " d.lead_reviewer, d.provider_contact, d.scheduled_on, d.started_on, d.signed_off_on, d.grade," \
  " CASE WHEN d.id IS NULL THEN 0 ELSE" \
  "  (SELECT count (a.judgement) FROM deep_dive_areas a WHERE a.deep_dive_id = d.id) END," \
  " CASE WHEN d.id IS NULL THEN 0 ELSE" \
  "  (SELECT count (*) FROM deep_dive_areas a WHERE a.deep_dive_id = d.id) END," \
  " CASE WHEN d.id IS NULL THEN 0 ELSE" \
  "  (SELECT count (*) FROM deep_dive_areas a JOIN deep_dive_actions x ON x.area_id = a.id" \
  "   WHERE a.deep_dive_id = d.id AND x.done_on IS NULL) END," \
  " CASE WHEN d.id IS NULL THEN 0 ELSE" \
  "  (SELECT count (*) FROM deep_dive_areas a JOIN deep_dive_actions x ON x.area_id = a.id" \
  "   WHERE a.deep_dive_id = d.id AND x.done_on IS NULL AND x.due_on < ?4) END," \
  " " ACTIVE_IN_YEAR \
  " FROM contracts c JOIN providers p ON p.id = c.provider_id" \
  " LEFT JOIN deep_dives d ON d.contract_id = c.id AND d.year = ?1" \
  " WHERE c.deleted_at IS NULL AND (d.id IS NOT NULL OR " ACTIVE_IN_YEAR ")" \
  " ORDER BY d.scheduled_on IS NULL, d.scheduled_on, c.reference COLLATE NOCASE, c.id"

#define PROPOSE_SQL \
  "SELECT c.id, c.reference, c.lead_commissioner, max (c.start_date, ?2), min (" EFFECTIVE_END ", ?3)" \
  " FROM contracts c WHERE c.deleted_at IS NULL AND " ACTIVE_IN_YEAR \
  " AND NOT EXISTS (SELECT 1 FROM deep_dives d WHERE d.contract_id = c.id AND d.year = ?1)" \
  " ORDER BY c.reference COLLATE NOCASE, c.id"

typedef struct {
  gint64  contract_id;
  char   *reference;
  char   *lead;
  GDate   from;   /* the part of the year the contract runs in */
  GDate   to;
} Candidate;

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->reference);
  g_free (candidate->lead);
  g_free (candidate);
}

static char *
dup_text (sqlite3_stmt *stmt,
          int           column)
{
  return g_strdup (comm_sqlite_column_text (stmt, column));
}

/* Binds ?1 year, ?2 first day, ?3 last day (and ?4 today if given). */
static void
bind_year (sqlite3_stmt *stmt,
           int           year,
           const GDate  *today)
{
  GDate first, last;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  comm_financial_year_bounds (year, &first, &last);
  first_text = comm_date_to_iso (&first);
  last_text = comm_date_to_iso (&last);
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_text (stmt, 2, first_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_text, -1, SQLITE_TRANSIENT);
  if (today != NULL)
    {
      g_autofree char *today_text = comm_date_to_iso (today);

      sqlite3_bind_text (stmt, 4, today_text, -1, SQLITE_TRANSIENT);
    }
}

static CommDeepDiveRow *
row_from_stmt (sqlite3_stmt *stmt,
               int           year,
               const GDate  *today)
{
  CommDeepDiveRowData data = { 0 };

  data.contract_id = sqlite3_column_int64 (stmt, 0);
  data.deep_dive_id = sqlite3_column_int64 (stmt, 1);
  data.year = year;
  data.contract_reference = dup_text (stmt, 2);
  data.contract_title = dup_text (stmt, 3);
  data.provider_name = dup_text (stmt, 4);
  data.service_area = dup_text (stmt, 5);
  data.lead_commissioner = dup_text (stmt, 6);
  data.lead_reviewer = dup_text (stmt, 7);
  data.provider_contact = dup_text (stmt, 8);
  data.scheduled_on = dup_text (stmt, 9);
  data.started_on = dup_text (stmt, 10);
  data.signed_off_on = dup_text (stmt, 11);
  data.grade = comm_grade_from_code ((const char *) sqlite3_column_text (stmt, 12));
  data.areas_judged = (guint) sqlite3_column_int (stmt, 13);
  data.areas_total = (guint) sqlite3_column_int (stmt, 14);
  data.open_actions = (guint) sqlite3_column_int (stmt, 15);
  data.overdue_actions = (guint) sqlite3_column_int (stmt, 16);
  data.active_in_year = sqlite3_column_int (stmt, 17) != 0;

  return _comm_deep_dive_row_new (&data, today);
}

/* Moves a Saturday or Sunday to the Monday after, or else the Friday before, staying within
 * [@lo, @hi]; leaves it if neither fits. */
static void
move_to_weekday (GDate       *date,
                 const GDate *lo,
                 const GDate *hi)
{
  GDateWeekday weekday = g_date_get_weekday (date);
  GDate later = *date, earlier = *date;

  if (weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY)
    return;
  g_date_add_days (&later, weekday == G_DATE_SATURDAY ? 2 : 1);
  g_date_subtract_days (&earlier, weekday == G_DATE_SATURDAY ? 1 : 2);
  if (g_date_compare (&later, hi) <= 0)
    *date = later;
  else if (g_date_compare (&earlier, lo) >= 0)
    *date = earlier;
}

/* The @k-th of @m Deep Dives in month @month (0 = April) of @year, spread over the month. */
/* The @k-th of @m Deep Dives in month @month (0 = April) of @year, spread over the month from
 * @first_day (the first of the month, or a later day of it). */
static GDate
spread_date (int          year,
             guint        month,
             const GDate *first_day,
             guint        k,
             guint        m)
{
  GDate month_start, month_end, date;
  guint days;

  comm_financial_year_bounds (year, &month_start, &month_end);
  comm_date_add_months (&month_start, (int) month);
  days = g_date_get_days_in_month (g_date_get_month (&month_start), g_date_get_year (&month_start));
  month_end = month_start;
  g_date_set_day (&month_end, (GDateDay) days);
  if (first_day != NULL && g_date_compare (first_day, &month_start) > 0 && g_date_compare (first_day, &month_end) <= 0)
    month_start = *first_day;
  days = (guint) comm_date_days_between (&month_start, &month_end) + 1;
  /* k < m, so the offset is under @days: the date stays in the month. */
  date = month_start;
  g_date_add_days (&date, (k * days + days / 2) / m);
  move_to_weekday (&date, &month_start, &month_end);

  return date;
}

static GPtrArray *
read_candidates (CommDatabase  *db,
                 int            year,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, PROPOSE_SQL, error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_year (stmt, year, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate *candidate = g_new0 (Candidate, 1);

      candidate->contract_id = sqlite3_column_int64 (stmt, 0);
      candidate->reference = dup_text (stmt, 1);
      candidate->lead = dup_text (stmt, 2);
      comm_date_parse_iso (comm_sqlite_column_text (stmt, 3), &candidate->from);
      comm_date_parse_iso (comm_sqlite_column_text (stmt, 4), &candidate->to);
      g_ptr_array_add (list, candidate);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the contracts"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

static CommDeepDiveProposal *
propose_one (const Candidate *candidate,
             const GDate     *not_before,
             GDate            date)
{
  CommDeepDiveProposal *proposal = g_new0 (CommDeepDiveProposal, 1);
  GDate from = candidate->from;

  /* Not in the past, unless the contract has ended by then. */
  if (not_before != NULL && g_date_compare (&from, not_before) < 0 && g_date_compare (not_before, &candidate->to) <= 0)
    from = *not_before;
  if (g_date_compare (&date, &from) < 0 || g_date_compare (&date, &candidate->to) > 0)
    {
      /* The contract does not run then: the middle of the part of the year it runs in. */
      guint32 middle = (g_date_get_julian (&from) + g_date_get_julian (&candidate->to)) / 2;

      g_date_set_julian (&date, middle);
      move_to_weekday (&date, &from, &candidate->to);
    }
  proposal->contract_id = candidate->contract_id;
  proposal->contract_reference = g_strdup (candidate->reference);
  proposal->scheduled_on = comm_date_to_iso (&date);
  proposal->lead_reviewer = g_strdup (candidate->lead);

  return proposal;
}

GListStore *
comm_deep_dive_schedule_list (CommDatabase  *db,
                              int            year,
                              const GDate   *today,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if ((stmt = comm_database_prepare (db, SCHEDULE_SQL, error)) == NULL)
    return NULL;
  bind_year (stmt, year, today);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt, year, today));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the Deep Dive schedule"));
      return NULL;
    }

  /* One splice rather than an append (and a signal) per row. */
  store = g_list_store_new (COMM_TYPE_DEEP_DIVE_ROW);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);

  return g_steal_pointer (&store);
}

void
comm_deep_dive_schedule_count (GListModel *rows,
                               guint       counts[COMM_DEEP_DIVE_N_STATUSES])
{
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (rows));

  memset (counts, 0, sizeof (guint) * COMM_DEEP_DIVE_N_STATUSES);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (rows, i);

      counts[comm_deep_dive_row_get_status (row)]++;
    }
}

gboolean
comm_deep_dive_schedule_counts (CommDatabase  *db,
                                int            year,
                                const GDate   *today,
                                guint          counts[COMM_DEEP_DIVE_N_STATUSES],
                                GError       **error)
{
  g_autoptr(GListStore) rows = comm_deep_dive_schedule_list (db, year, today, error);

  if (rows == NULL)
    return FALSE;
  comm_deep_dive_schedule_count (G_LIST_MODEL (rows), counts);

  return TRUE;
}

/* The rule of comm_deep_dive_status_compute() in SQL: not signed off, and either not started
 * with the date passed, or started with the date more than the grace days ago (?3). */
#define HAS_OVERDUE_SQL \
  "SELECT EXISTS (SELECT 1 FROM deep_dives d JOIN contracts c ON c.id = d.contract_id" \
  " WHERE d.year = ?1 AND c.deleted_at IS NULL AND coalesce (d.signed_off_on, '') = ''" \
  " AND coalesce (d.scheduled_on, '') <> ''" \
  " AND CASE WHEN coalesce (d.started_on, '') = '' THEN d.scheduled_on < ?2 ELSE d.scheduled_on < ?3 END)"

gboolean
comm_deep_dive_schedule_has_overdue (CommDatabase  *db,
                                     int            year,
                                     const GDate   *today,
                                     gboolean      *overdue,
                                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *cutoff_text = NULL;
  GDate cutoff;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (overdue != NULL, FALSE);

  cutoff = *today;
  g_date_subtract_days (&cutoff, COMM_DEEP_DIVE_OVERDUE_GRACE_DAYS);
  today_text = comm_date_to_iso (today);
  cutoff_text = comm_date_to_iso (&cutoff);
  if ((stmt = comm_database_prepare (db, HAS_OVERDUE_SQL, error)) == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_text (stmt, 2, today_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, cutoff_text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the Deep Dive schedule"));
      return FALSE;
    }
  *overdue = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

void
comm_deep_dive_proposal_free (CommDeepDiveProposal *proposal)
{
  if (proposal == NULL)
    return;

  g_free (proposal->contract_reference);
  g_free (proposal->scheduled_on);
  g_free (proposal->lead_reviewer);
  g_free (proposal);
}

GPtrArray *
comm_deep_dive_schedule_propose (CommDatabase  *db,
                                 int            year,
                                 GError       **error)
{
  return comm_deep_dive_schedule_propose_from (db, year, NULL, error);
}

/* The month of the year (0 = April) that @not_before falls in: 0 before the year, 12 after it. */
static guint
first_month (int          year,
             const GDate *not_before)
{
  GDate first, last;
  int months;

  comm_financial_year_bounds (year, &first, &last);
  if (not_before == NULL || g_date_compare (not_before, &first) <= 0)
    return 0;
  if (g_date_compare (not_before, &last) > 0)
    return 12;
  months = ((int) g_date_get_year (not_before) - year) * 12 + (int) g_date_get_month (not_before) - 4;

  return (guint) CLAMP (months, 0, 11);
}

GPtrArray *
comm_deep_dive_schedule_propose_from (CommDatabase  *db,
                                      int            year,
                                      const GDate   *not_before,
                                      GError       **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  guint per_month[12] = { 0 }, first_of_month[12] = { 0 };
  guint n, start, span;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if ((candidates = read_candidates (db, year, error)) == NULL)
    return NULL;
  n = candidates->len;
  proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_deep_dive_proposal_free);
  /* After the year has ended there is nothing left to spread over: use the whole year. */
  start = first_month (year, not_before);
  if (start == 12)
    {
      start = 0;
      not_before = NULL;
    }
  span = 12 - start;

  /* Candidate i goes in month start + i * span / n: as even as whole numbers allow. */
  for (guint i = 0; i < n; i++)
    per_month[start + (guint) ((guint64) i * span / n)]++;
  for (guint month = 1; month < 12; month++)
    first_of_month[month] = first_of_month[month - 1] + per_month[month - 1];

  for (guint i = 0; i < n; i++)
    {
      guint month = start + (guint) ((guint64) i * span / n);
      GDate date = spread_date (year, month, not_before, i - first_of_month[month], per_month[month]);

      g_ptr_array_add (proposals, propose_one (g_ptr_array_index (candidates, i), not_before, date));
    }

  return g_steal_pointer (&proposals);
}

gboolean
comm_deep_dive_schedule_apply (CommDatabase  *db,
                               int            year,
                               GPtrArray     *proposals,
                               guint         *n_created,
                               GError       **error)
{
  CommStoreTransaction transaction;
  guint created = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (proposals != NULL, FALSE);

  if (n_created != NULL)
    *n_created = 0;
  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return FALSE;
  for (guint i = 0; ok && i < proposals->len; i++)
    {
      const CommDeepDiveProposal *proposal = g_ptr_array_index (proposals, i);

      ok = comm_deep_dive_create (db, proposal->contract_id, year, proposal->scheduled_on,
                                  proposal->lead_reviewer, error) != 0;
      created += ok ? 1 : 0;
    }
  if (!_comm_deep_dive_finish_write (&transaction, ok, error))
    return FALSE;
  if (n_created != NULL)
    *n_created = created;

  return TRUE;
}
