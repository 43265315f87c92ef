/* comm-risk-rating-input.h: ratings typed into the risk editors, and the review history list */
#pragma once

#include <adwaita.h>

#include "comm-risk.h"

G_BEGIN_DECLS

/* Adds to @row a button listing the values of @scale ("1" .. "5", or "L", "L/M", "M", "M/H",
 * "H", "L/H") to pick from; the row stays free text, so "m/h" or "Medium/High" can be typed. */
void     comm_risk_rating_input_setup  (AdwEntryRow          *row,
                                        CommRiskScaleKind     scale);
/* Shows @rating's canonical text ("" if unset). */
void     comm_risk_rating_input_set    (AdwEntryRow          *row,
                                        const CommRiskRating *rating);
/* Reads @row into @out: blank is an unset rating if @optional (TRUE, *out zeroed), else an
 * error; otherwise comm_risk_rating_parse(), whose message says what is wrong. */
gboolean comm_risk_rating_input_read   (AdwEntryRow          *row,
                                        CommRiskScaleKind     scale,
                                        CommRiskAxis          axis,
                                        gboolean              optional,
                                        CommRiskRating       *out,
                                        GError              **error);
/* Replaces the rows of @list with one row per review (CommRiskReview*, newest first): date and
 * reviewer, the ratings set, the note; a placeholder row when there are none. */
void     comm_risk_review_history_fill (GtkListBox           *list,
                                        GPtrArray            *reviews);

G_END_DECLS
