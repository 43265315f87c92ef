/* comm-risk.h: a risk on a risk register, and the reviews kept for it
 *
 * A CommRisk is a plain object whose fields are public (read them directly; the stores fill
 * them). Strings are never NULL ("" when empty); dates are ISO "YYYY-MM-DD" text.
 * Ratings are CommRiskRating values (comm-risk-scale.h) on the register's scale. An unset
 * optional rating (residual or target not yet assessed) has low == high == 0.
 *
 * Severity - how risks on different scales compare (top risks, roll-up ordering): each rating
 * is mapped to the 5 x 5 scale with comm_risk_rating_map() (LMH: L 2, M 3, H 5, a range the
 * rounded-up midpoint: L/M 3, M/H 4, L/H 4) and the two numbers multiplied, giving 1-25 on every
 * scale. The "current" rating of a risk is its residual one if assessed, else its inherent one.
 */
#pragma once

#include <glib-object.h>

#include "comm-risk-scale.h"

G_BEGIN_DECLS

typedef enum {
  COMM_RISK_RESPONSE_TOLERATE,
  COMM_RISK_RESPONSE_TREAT,
  COMM_RISK_RESPONSE_TRANSFER,
  COMM_RISK_RESPONSE_TERMINATE,
} CommRiskResponse;

typedef enum {
  COMM_RISK_STATUS_OPEN,
  COMM_RISK_STATUS_CLOSED,
} CommRiskStatus;

/* Storage names ("tolerate", "open") and translated labels ("Tolerate", "Open").
 * _from_string matches a storage name or label ignoring case; -1 if none. */
const char *comm_risk_response_to_string (CommRiskResponse response);
const char *comm_risk_response_label     (CommRiskResponse response);
int         comm_risk_response_from_string (const char *text);
const char *comm_risk_status_to_string   (CommRiskStatus status);
const char *comm_risk_status_label       (CommRiskStatus status);
int         comm_risk_status_from_string (const char *text);

/* TRUE if @rating has been given (low != 0). */
gboolean    comm_risk_rating_is_set      (const CommRiskRating *rating);
/* Canonical text of a rating, or "" if it is not set (a static string). */
const char *comm_risk_rating_to_display  (const CommRiskRating *rating);
/* 1-25 on every scale (see above); 0 if either rating is not set. */
guint       comm_risk_severity           (const CommRiskRating *likelihood,
                                          const CommRiskRating *impact);

/* One review of a risk: a history, never overwritten. @likelihood and @impact are the residual
 * ratings the review set (they become the risk's residual ratings). */
typedef struct {
  gint64          id;
  gint64          risk_id;
  char           *reviewed_on;   /* ISO date */
  char           *reviewer;
  CommRiskRating  likelihood;
  CommRiskRating  impact;
  char           *note;
  char           *next_review;   /* the review date the review set, ISO, "" if none */
} CommRiskReview;

CommRiskReview *comm_risk_review_new  (void);   /* strings "", ratings unset */
CommRiskReview *comm_risk_review_copy (const CommRiskReview *review);
void            comm_risk_review_free (CommRiskReview *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommRiskReview, comm_risk_review_free)

#define COMM_TYPE_RISK (comm_risk_get_type ())
G_DECLARE_FINAL_TYPE (CommRisk, comm_risk, COMM, RISK, GObject)

struct _CommRisk
{
  GObject           parent_instance;

  /* Stored */
  gint64            id;                  /* 0 = not saved yet */
  gint64            register_id;
  char             *reference;           /* "R1", "R2" ... unique in the register; "" = give the
                                            next free one on save */
  char             *title;
  char             *cause;
  char             *consequence;
  char             *owner;
  char             *category;
  CommRiskRating    inherent_likelihood; /* required */
  CommRiskRating    inherent_impact;     /* required */
  char             *controls;            /* controls / mitigation */
  CommRiskResponse  response;
  CommRiskRating    residual_likelihood; /* optional (unset: not assessed yet) */
  CommRiskRating    residual_impact;
  CommRiskRating    target_likelihood;   /* optional */
  CommRiskRating    target_impact;
  char             *raised_on;           /* ISO date, required */
  char             *review_due;          /* ISO date, "" = none */
  guint             review_months;       /* review frequency in months (1-24), 0 = none set */
  CommRiskStatus    status;
  gint64            contract_id;         /* linked contract, 0 = none */

  /* Derived: filled by the store's lists and get; not saved */
  char             *register_name;
  CommRiskScaleKind scale;               /* the scale of the risk's own register */
  char             *contract_reference;  /* "" if no linked contract */
  gboolean          contract_deleted;    /* the linked contract has been deleted (risk kept) */
  gboolean          rolled_up;           /* listed in a programme register from a contract
                                            register that rolls up into it */
  gboolean          review_overdue;      /* open, and review_due is before today */
  char             *last_reviewed_on;    /* date of the latest review, "" if none */
  guint             inherent_severity;   /* comm_risk_severity() of the inherent ratings */
  guint             current_severity;    /* of the residual ratings, or inherent if unset */
};

/* A new unsaved risk: open, "treat", raised today (comm_date_today), ratings unset, strings "". */
CommRisk   *comm_risk_new                (void);
/* A deep copy, same id. */
CommRisk   *comm_risk_copy               (CommRisk   *self);
/* Setters for the string fields (copy @text; NULL is stored as ""). */
void        comm_risk_set_text           (char      **field,
                                          const char *text);
/* The residual ratings if set, else the inherent ones. */
void        comm_risk_get_current        (CommRisk       *self,
                                          CommRiskRating *likelihood,
                                          CommRiskRating *impact);
/* Recomputes the severities and review_overdue for @today (NULL: leaves review_overdue). */
void        comm_risk_refresh_derived    (CommRisk    *self,
                                          const GDate *today);
/* A display score: "16" on 5 x 5, "M/H" (the combined level) on LMH; "" if unset. Newly
 * allocated. */
char       *comm_risk_dup_score_text     (const CommRiskRating *likelihood,
                                          const CommRiskRating *impact);

/* Checks @self against the rules, with @scale the register's scale and @bands its bands (NULL
 * for the default bands). Fails (COMM_ERROR_INVALID, naming the risk and the field) on: an empty
 * title; an empty owner when the current rating is High or worse
 * (5 x 5: in the "High" band or above; LMH: combined level High, or a range reaching High);
 * a missing inherent rating; a rating on another scale than @scale; a rating out of range or a
 * reversed range; a raised date that is not a date or is after @today (NULL: not checked); a
 * review date before the raised date; a review frequency over 24 months. Trims the title and
 * owner in place. */
gboolean    comm_risk_validate           (CommRisk             *self,
                                          CommRiskScaleKind     scale,
                                          const CommRiskBands  *bands,
                                          const GDate          *today,
                                          GError              **error);
/* TRUE if the current rating is High or worse, as in comm_risk_validate(). */
gboolean    comm_risk_is_high            (CommRisk             *self,
                                          const CommRiskBands  *bands);

/* GCompareDataFunc orderings of two CommRisk* (for g_list_store_sort, gtk_custom_sorter_new;
 * @user_data unused): by reference (natural: R2 before R10), by current severity (highest
 * first, then reference). */
int         comm_risk_compare_reference  (gconstpointer a,
                                          gconstpointer b,
                                          gpointer      user_data);
int         comm_risk_compare_severity   (gconstpointer a,
                                          gconstpointer b,
                                          gpointer      user_data);

G_END_DECLS
