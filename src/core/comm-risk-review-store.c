/* comm-risk-review-store.c: reviews of a risk - added to a history, never overwritten */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-risk-store-private.h"

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_review_rating (const CommRiskRating *rating,
                     CommRiskScaleKind     scale,
                     const char           *what,
                     CommRisk             *risk,
                     GError              **error)
{
  guint max = scale == COMM_RISK_SCALE_5X5 ? 5 : 3;

  if (!comm_risk_rating_is_set (rating))
    return invalid (error, _("The review of risk %s needs a new %s."), risk->reference, what);
  if (rating->scale != scale || rating->low > rating->high || rating->high > max ||
      (scale == COMM_RISK_SCALE_5X5 && rating->low != rating->high))
    return invalid (error, _("The new %s in the review of risk %s is not on the register’s "
                             "scale (%s)."), what, risk->reference, comm_risk_scale_label (scale));
  return TRUE;
}

/* Checks @review against @risk; sets @reviewed to its date. */
static gboolean
check_review (CommRiskReview  *review,
              CommRisk        *risk,
              GDate           *reviewed,
              GError         **error)
{
  GDate raised, today, next;
  g_autofree char *shown = NULL;
  g_autofree char *raised_shown = NULL;

  comm_date_today (&today);
  if (!comm_date_parse_iso (review->reviewed_on, reviewed))
    return invalid (error, _("The review of risk %s needs its date, as YYYY-MM-DD (not “%s”)."),
                    risk->reference, review->reviewed_on);
  shown = comm_date_format_display (reviewed);
  if (comm_date_parse_iso (risk->raised_on, &raised) && g_date_compare (reviewed, &raised) < 0)
    {
      raised_shown = comm_date_format_display (&raised);
      return invalid (error, _("The review on %s is dated before risk %s was raised, on %s."),
                      shown, risk->reference, raised_shown);
    }
  if (g_date_compare (reviewed, &today) > 0)
    return invalid (error, _("The review of risk %s is dated %s, which is in the future."),
                    risk->reference, shown);
  if (*g_strstrip (review->reviewer) == '\0')
    return invalid (error, _("The review of risk %s needs the name of who reviewed it."),
                    risk->reference);
  if (*review->next_review != '\0' &&
      (!comm_date_parse_iso (review->next_review, &next) || g_date_compare (&next, reviewed) <= 0))
    return invalid (error, _("The next review of risk %s must be a date after the review (%s), "
                             "not “%s”."), risk->reference, shown, review->next_review);
  return check_review_rating (&review->likelihood, risk->scale, _("likelihood"), risk, error) &&
         check_review_rating (&review->impact, risk->scale, _("impact"), risk, error);
}

gboolean
_comm_risk_insert_review (CommDatabase       *db,
                          CommRiskReview     *review,
                          CommRiskScaleKind   scale,
                          GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = comm_database_prepare (db, "INSERT INTO risk_reviews (risk_id, reviewed_on, reviewer, scale,"
                                    " likelihood_low, likelihood_high, impact_low, impact_high,"
                                    " note, next_review)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review->risk_id);
  sqlite3_bind_text (stmt, 2, review->reviewed_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, review->reviewer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, comm_risk_scale_to_string (scale), -1, SQLITE_STATIC);
  _comm_risk_bind_rating (stmt, 5, &review->likelihood);
  _comm_risk_bind_rating (stmt, 7, &review->impact);
  sqlite3_bind_text (stmt, 9, review->note, -1, SQLITE_TRANSIENT);
  comm_sqlite_bind_text_or_null (stmt, 10, review->next_review);
  if (!comm_store_step_done (db, stmt, _("Could not save the review"), error))
    return FALSE;
  review->id = sqlite3_last_insert_rowid (comm_database_get_handle (db));
  return TRUE;
}

/* The review date the risk gets: the review's next_review, else reviewed_on + frequency. */
static char *
next_review_date (CommRiskReview *review,
                  CommRisk       *risk,
                  const GDate    *reviewed)
{
  GDate next = *reviewed;

  if (*review->next_review != '\0')
    return g_strdup (review->next_review);
  if (risk->review_months == 0)
    return g_strdup ("");
  comm_date_add_months (&next, (int) risk->review_months);
  return comm_date_to_iso (&next);
}

gboolean
comm_risk_store_add_review (CommDatabase    *db,
                            CommRiskReview  *review,
                            GError         **error)
{
  g_autoptr(CommRisk) risk = NULL;
  g_autoptr(CommRiskRegister) reg = NULL;
  CommStoreTransaction transaction;
  CommRiskBands bands;
  GDate reviewed;
  gboolean latest;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if (!comm_database_ensure_writable (db, error) ||
      (risk = comm_risk_store_get (db, review->risk_id, NULL, error)) == NULL ||
      (reg = comm_risk_register_store_get (db, risk->register_id, error)) == NULL ||
      !check_review (review, risk, &reviewed, error))
    return FALSE;

  /* An older review added late joins the history without changing the current ratings. */
  latest = strcmp (review->reviewed_on, risk->last_reviewed_on) >= 0;
  if (latest)
    {
      g_autofree char *next = next_review_date (review, risk, &reviewed);

      risk->residual_likelihood = review->likelihood;
      risk->residual_impact = review->impact;
      comm_risk_set_text (&risk->review_due, next);
      comm_risk_register_get_bands (reg, &bands);
      if (!comm_risk_validate (risk, reg->scale, &bands, NULL, error))
        return FALSE;
    }

  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  if (!_comm_risk_insert_review (db, review, reg->scale, error) ||
      (latest && !_comm_risk_write (db, risk, error)) ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      review->id = 0;
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
comm_risk_store_list_reviews (CommDatabase  *db,
                              gint64         risk_id,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  stmt = comm_database_prepare (db, "SELECT id, risk_id, reviewed_on, reviewer, scale,"
                                    " likelihood_low, likelihood_high, impact_low, impact_high,"
                                    " note, coalesce (next_review, '') FROM risk_reviews"
                                    " WHERE risk_id = ?1 ORDER BY reviewed_on DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, risk_id);
  reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_risk_review_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommRiskReview *review = comm_risk_review_new ();
      CommRiskScaleKind scale = g_str_equal (comm_sqlite_column_text (stmt, 4), "lmh")
                                ? COMM_RISK_SCALE_LMH : COMM_RISK_SCALE_5X5;

      review->id = sqlite3_column_int64 (stmt, 0);
      review->risk_id = sqlite3_column_int64 (stmt, 1);
      comm_risk_set_text (&review->reviewed_on, comm_sqlite_column_text (stmt, 2));
      comm_risk_set_text (&review->reviewer, comm_sqlite_column_text (stmt, 3));
      review->likelihood = _comm_risk_column_rating (stmt, 5, scale);
      review->impact = _comm_risk_column_rating (stmt, 7, scale);
      comm_risk_set_text (&review->note, comm_sqlite_column_text (stmt, 9));
      comm_risk_set_text (&review->next_review, comm_sqlite_column_text (stmt, 10));
      g_ptr_array_add (reviews, review);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the reviews"));
      return NULL;
    }
  return g_steal_pointer (&reviews);
}
