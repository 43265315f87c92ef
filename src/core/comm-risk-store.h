/* comm-risk-store.h: risk registers, risks and reviews in the workspace
 *
 * Every write is one transaction: on failure nothing is written and the objects passed in keep
 * their ids. Registers and risks of a soft-deleted contract are kept (listed, marked
 * contract_deleted), never orphaned.
 */
#pragma once

#include <gio/gio.h>

#include "comm-database.h"
#include "comm-risk.h"
#include "comm-risk-register.h"

G_BEGIN_DECLS

/* ---- Registers ---- */

/* Every register: programme registers by name, each followed by the registers that roll up into
 * it (by name), then registers with no parent that are not programme registers (by name).
 * Counts filled for @today (overdue reviews). Returns a GListStore of CommRiskRegister. */
GListStore       *comm_risk_register_store_list   (CommDatabase      *db,
                                                   const GDate       *today,
                                                   GError           **error);
/* NOT_FOUND if there is no such register. */
CommRiskRegister *comm_risk_register_store_get    (CommDatabase      *db,
                                                   gint64             id,
                                                   GError           **error);
/* By name, ignoring case. NOT_FOUND ("There is no risk register called “X”.") if none. */
CommRiskRegister *comm_risk_register_store_find   (CommDatabase      *db,
                                                   const char        *name,
                                                   GError           **error);
/* Validates (comm_risk_register_validate, then: the name is unique, the parent is a programme
 * register, the contract exists) and inserts (sets the id) or updates. The scale cannot be
 * changed here (INVALID if it differs from the stored one): use
 * comm_risk_register_store_change_scale(). Changing the band limits re-bands nothing stored
 * (bands are worked out when read). */
gboolean          comm_risk_register_store_save   (CommDatabase      *db,
                                                   CommRiskRegister  *reg,
                                                   GError           **error);
/* Whether any open risk (not deleted) in any register has its review due before @today: the
 * registers' n_overdue added up, in one query. FALSE with @error set if it could not be read. */
gboolean          comm_risk_register_store_any_overdue (CommDatabase      *db,
                                                        const GDate       *today,
                                                        gboolean          *overdue,
                                                        GError           **error);
/* Deletes a register with no risks (INVALID "… still holds N risks" otherwise). Registers that
 * rolled up into it lose their parent. */
gboolean          comm_risk_register_store_delete (CommDatabase      *db,
                                                   gint64             id,
                                                   GError           **error);

/* One rating of one risk as a scale change would map it. */
typedef struct {
  gint64          risk_id;
  char           *reference;
  char           *title;
  const char     *rating_name;  /* translated: "Inherent likelihood", "Residual impact",
                                   "Target likelihood", "Review of 2026-10-01: impact" ... */
  CommRiskRating  from;
  CommRiskRating  to;
  gboolean        lost;         /* mapping back would not give the same rating: check it */
} CommRiskScaleChange;

void              comm_risk_scale_change_free     (CommRiskScaleChange *change);

/* What changing register @id to @scale would do to every set rating of its risks (not deleted),
 * without writing (reviews keep the scale they were recorded on): an array of
 * CommRiskScaleChange* (free with the array), risks by reference. Empty if the register is already on @scale or has no risks. */
GPtrArray        *comm_risk_register_store_preview_scale (CommDatabase      *db,
                                                          gint64             id,
                                                          CommRiskScaleKind  scale,
                                                          GError           **error);
/* Applies exactly that mapping and the new scale in one transaction. */
gboolean          comm_risk_register_store_change_scale  (CommDatabase      *db,
                                                          gint64             id,
                                                          CommRiskScaleKind  scale,
                                                          GError           **error);

/* ---- Risks ---- */

/* The risks of register @register_id (not deleted), by reference, derived fields filled for
 * @today. For a programme register, followed by the risks of the registers that roll up into it
 * (each once, rolled_up TRUE, by register name then reference). Closed risks included.
 * Returns a GListStore of CommRisk. */
GListStore       *comm_risk_store_list            (CommDatabase      *db,
                                                   gint64             register_id,
                                                   const GDate       *today,
                                                   GError           **error);
/* The open risks of every register, highest current (residual, else inherent) severity first
 * (see comm-risk.h: comparable across scales), then by register name and reference; at most
 * @limit (0 = all). */
GListStore       *comm_risk_store_top             (CommDatabase      *db,
                                                   guint              limit,
                                                   const GDate       *today,
                                                   GError           **error);
/* NOT_FOUND if absent or deleted. */
CommRisk         *comm_risk_store_get             (CommDatabase      *db,
                                                   gint64             id,
                                                   const GDate       *today,
                                                   GError           **error);
/* Validates against the register's scale and bands (comm_risk_validate, with @today for the
 * raised date; the linked contract must exist) and inserts (gives the next free reference "Rn"
 * if none; sets the id) or updates. A risk cannot move to another register this way (INVALID).
 * Derived fields are refreshed for today. */
gboolean          comm_risk_store_save            (CommDatabase      *db,
                                                   CommRisk          *risk,
                                                   GError           **error);
/* Soft delete (kept in the file with its reviews, hidden from lists) and its undo. */
gboolean          comm_risk_store_delete          (CommDatabase      *db,
                                                   gint64             id,
                                                   GError           **error);
gboolean          comm_risk_store_restore         (CommDatabase      *db,
                                                   gint64             id,
                                                   GError           **error);

/* ---- Reviews ---- */

/* Records a review of risk @review->risk_id and, in the same transaction, makes its ratings the
 * risk's residual ratings and its next_review the risk's review date (if next_review is "" and
 * the risk has a review frequency, reviewed_on plus that many months; else the review date is
 * cleared) - unless an existing review is dated later: a review added late joins the history
 * and leaves the current ratings alone. The risk is checked again with its new ratings (a risk
 * that becomes high needs an owner). Fails (INVALID) on a date that is not a date, a date before the risk was raised
 * ("The review on 1 Mar 2026 is dated before risk R3 was raised, on 4 Apr 2026."), a date after
 * today, an empty reviewer, a next review not after the review, or ratings not on the
 * register's scale (both must be given). Sets @review->id. */
gboolean          comm_risk_store_add_review      (CommDatabase      *db,
                                                   CommRiskReview    *review,
                                                   GError           **error);
/* The reviews of one risk, newest first (CommRiskReview*, free with the array). */
GPtrArray        *comm_risk_store_list_reviews    (CommDatabase      *db,
                                                   gint64             risk_id,
                                                   GError           **error);

G_END_DECLS
