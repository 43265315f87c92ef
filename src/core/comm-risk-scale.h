/* comm-risk-scale.h: risk rating scales - a 5 x 5 matrix or Low / Medium / High with ranges
 *
 * A register declares one scale:
 * - COMM_RISK_SCALE_5X5: likelihood and impact are whole numbers 1 to 5; score = L x I (1-25),
 *   put into bands (ascending upper bounds with names; default 1-4 Low, 5-9 Medium,
 *   10-14 High, 15-25 Very high).
 * - COMM_RISK_SCALE_LMH: Low, Medium or High, or an in-between value written "L/M" or "M/H"
 *   (also "L/H"), stored as a range (low end, high end) - never rejected or rounded - and shown
 *   in canonical form ("M/H") however it was typed ("m / h", "Medium/High").
 *
 * Pure values: no database, no UI. Canonical text ("3", "M/H") is storage text, not translated.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  COMM_RISK_SCALE_5X5,
  COMM_RISK_SCALE_LMH,
} CommRiskScaleKind;

typedef enum {
  COMM_RISK_LEVEL_LOW = 1,
  COMM_RISK_LEVEL_MEDIUM = 2,
  COMM_RISK_LEVEL_HIGH = 3,
} CommRiskLevel;

/* Which rating is being read: only used to word error messages. */
typedef enum {
  COMM_RISK_AXIS_LIKELIHOOD,
  COMM_RISK_AXIS_IMPACT,
} CommRiskAxis;

/* On 5 x 5, low == high == the number (1-5). On LMH, low and high are CommRiskLevels with
 * low <= high; low < high is an in-between value (a range). */
typedef struct {
  CommRiskScaleKind scale;
  guint8            low;
  guint8            high;
} CommRiskRating;

/* Reads @text (surrounding spaces ignored) as a rating on @scale into @out.
 * 5 x 5: "1" to "5". LMH: "L", "M", "H", "Low", "Medium", "High" in any case, or two of them
 * joined by "/" (spaces allowed around it), lower end first: "L/M", "m/h", "Medium/High".
 * "M/M" is read as "M". Fails (COMM_ERROR_PARSE, message naming the value, the axis and the
 * scale) on empty text (callers with an optional rating check for empty text first), a
 * reversed range ("H/L"), a number outside 1-5 ("6 is not a likelihood on a 5 x 5 scale: use
 * 1 to 5."), or anything else. @out is untouched on failure. */
gboolean     comm_risk_rating_parse      (CommRiskScaleKind     scale,
                                          CommRiskAxis          axis,
                                          const char           *text,
                                          CommRiskRating       *out,
                                          GError              **error);

/* Canonical text, a static string: "1" .. "5", "L", "L/M", "M", "M/H", "H", "L/H". */
const char  *comm_risk_rating_to_string  (const CommRiskRating *rating);

/* For sorting (qsort-style, takes const CommRiskRating *). 5 x 5 by number. LMH by the
 * midpoint of the range, then by the low end: L < L/M < L/H < M < M/H < H. Ratings on
 * different scales order 5 x 5 first (a register has one scale, so this is only for safety). */
int          comm_risk_rating_compare    (gconstpointer         a,
                                          gconstpointer         b);

gboolean     comm_risk_rating_equal      (const CommRiskRating *a,
                                          const CommRiskRating *b);

/* 5 x 5 only: likelihood x impact, 1-25; 0 if either rating is not on the 5 x 5 scale. */
guint        comm_risk_score             (const CommRiskRating *likelihood,
                                          const CommRiskRating *impact);

/* LMH only: the combined level of a likelihood and an impact, itself an LMH rating.
 * Rule: each level counts 1 (L), 2 (M), 3 (H); the products of the two low ends and of the
 * two high ends are each mapped to a level - 1-2 Low, 3-4 Medium, 6-9 High - giving the low
 * and high ends of the result. So H x L = M, M x M = M, M x H = H, and a range stays a range
 * (L/M x M = L/M): nothing is rounded away. Both ratings must be LMH. */
CommRiskRating comm_risk_combine_lmh     (const CommRiskRating *likelihood,
                                          const CommRiskRating *impact);

/* Bands for 5 x 5 scores: upper[i] is the highest score in band i; the first band starts
 * at 1, band i at upper[i-1] + 1. names[] are not owned. */
#define COMM_RISK_BANDS_MAX 8

typedef struct {
  guint       n_bands;
  guint       upper[COMM_RISK_BANDS_MAX];
  const char *names[COMM_RISK_BANDS_MAX];
} CommRiskBands;

/* 1-4 Low, 5-9 Medium, 10-14 High, 15-25 Very high (names translated). */
void         comm_risk_bands_init_default (CommRiskBands       *bands);

/* Fails (COMM_ERROR_INVALID) unless there are 1 to COMM_RISK_BANDS_MAX bands with names,
 * upper bounds strictly ascending from at least 1, and the last upper bound 25. */
gboolean     comm_risk_bands_validate    (const CommRiskBands  *bands,
                                          GError              **error);

/* The index of the band holding @score (1-25), or -1 if none does. */
int          comm_risk_bands_find        (const CommRiskBands  *bands,
                                          guint                 score);

/* Maps @rating to scale @to (a copy if it is already on @to).
 * 5 x 5 -> LMH: 1-2 L, 3 M, 4-5 H. LMH -> 5 x 5: L 2, M 3, H 5; a range maps to the midpoint
 * of its ends' numbers, rounded up (L/M 3, M/H 4, L/H 4), so a single number stands for it.
 * @lost (may be NULL) is set TRUE when mapping the result back would not give @rating again
 * (5 x 5: 1 and 4; LMH: every range), i.e. the preview should flag the rating for review. */
CommRiskRating comm_risk_rating_map      (const CommRiskRating *rating,
                                          CommRiskScaleKind     to,
                                          gboolean             *lost);

G_END_DECLS
