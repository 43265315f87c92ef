/* comm-risk-store-private.h: what the risk register store, the risk store, the risk import and
 * the demo share - reading risks from rows and binding ratings */
#pragma once

#include "comm-risk-store.h"
#include "comm-store-private.h"

G_BEGIN_DECLS

/* The columns _comm_risk_from_row() reads, from "risks r JOIN risk_registers g LEFT JOIN
 * contracts c"; "?1" in the query's WHERE is whatever the caller binds. */
#define COMM_RISK_COLUMNS \
  "r.id, r.register_id, r.reference, r.title, r.cause, r.consequence, r.owner, r.category," \
  " r.inherent_likelihood_low, r.inherent_likelihood_high, r.inherent_impact_low," \
  " r.inherent_impact_high, r.controls, r.response," \
  " r.residual_likelihood_low, r.residual_likelihood_high, r.residual_impact_low," \
  " r.residual_impact_high, r.target_likelihood_low, r.target_likelihood_high," \
  " r.target_impact_low, r.target_impact_high, r.raised_on, r.review_due, r.review_months," \
  " r.status, r.contract_id, g.name, g.scale, coalesce (c.reference, '')," \
  " c.deleted_at IS NOT NULL," \
  " coalesce ((SELECT max (v.reviewed_on) FROM risk_reviews v WHERE v.risk_id = r.id), '')"
#define COMM_RISK_FROM \
  " FROM risks r JOIN risk_registers g ON g.id = r.register_id" \
  " LEFT JOIN contracts c ON c.id = r.contract_id"

/* A risk from a row of COMM_RISK_COLUMNS; derived fields refreshed for @today (nullable). */
CommRisk       *_comm_risk_from_row        (sqlite3_stmt         *stmt,
                                            const GDate          *today);
/* Binds a rating's low and high ends at @index and @index + 1 (NULL, NULL if unset). */
void            _comm_risk_bind_rating     (sqlite3_stmt         *stmt,
                                            int                   index,
                                            const CommRiskRating *rating);
/* Reads the ends at @index and @index + 1 as a rating on @scale (unset if NULL). */
CommRiskRating  _comm_risk_column_rating   (sqlite3_stmt         *stmt,
                                            int                   index,
                                            CommRiskScaleKind     scale);
/* Writes @risk's ratings (all six) and severity back to its row (deleted or not), for a scale
 * change; nothing else. */
gboolean        _comm_risk_update_ratings  (CommDatabase         *db,
                                            CommRisk             *risk,
                                            GError              **error);
/* The risks of one register in reference order, not rolled up; deleted ones (kept for undo)
 * too if @with_deleted. */
GPtrArray      *_comm_risk_list_own        (CommDatabase         *db,
                                            gint64                register_id,
                                            gboolean              with_deleted,
                                            GError              **error);
/* Saves inside the caller's transaction, after the caller has validated (import, demo):
 * no validation beyond the reference. */
gboolean        _comm_risk_write           (CommDatabase         *db,
                                            CommRisk             *risk,
                                            GError              **error);
/* Inserts @review as it is (no checks, the risk untouched), inside the caller's transaction;
 * for the demo, whose "today" need not be the real one. Sets @review->id. */
gboolean        _comm_risk_insert_review   (CommDatabase         *db,
                                            CommRiskReview       *review,
                                            CommRiskScaleKind     scale,
                                            GError              **error);

G_END_DECLS
