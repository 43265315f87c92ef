/* comm-risk-cells.h: the cells and sort orders of a risk register's columns */
#pragma once

#include <gtk/gtk.h>

#include "comm-risk.h"

G_BEGIN_DECLS

typedef enum {
  COMM_RISK_CELL_REFERENCE,
  COMM_RISK_CELL_TITLE,
  COMM_RISK_CELL_SOURCE,     /* the register it comes from: rolled up (icon + words) or, in the
                                top risks, its register */
  COMM_RISK_CELL_OWNER,
  COMM_RISK_CELL_CATEGORY,
  COMM_RISK_CELL_INHERENT,
  COMM_RISK_CELL_RESIDUAL,
  COMM_RISK_CELL_RESPONSE,
  COMM_RISK_CELL_REVIEW_DUE, /* overdue: icon + "Overdue" in words */
  COMM_RISK_CELL_STATUS,
  COMM_RISK_N_CELLS
} CommRiskCell;

/* A factory of one-line labels (CommCellLabel) showing @cell of the CommRisk in each row's
 * CommRowSlot (the column view's model is a CommRowSlots over the page's selection). */
GtkListItemFactory *comm_risk_cell_factory_new (CommRiskCell  cell);
/* The column's sort order (ratings: by score or combined level, so that M/H comes between M and
 * H; unset ratings first; then by likelihood). */
GtkSorter          *comm_risk_cell_sorter_new  (CommRiskCell  cell);
/* "20 (4 × 5)" on 5 x 5, "H (M/H × H)" on Low / Medium / High, "" if unset. */
char               *comm_risk_cell_rating_text (const CommRiskRating *likelihood,
                                                const CommRiskRating *impact);
/* The cell's text as shown (for tests and the CSV of the view). */
char               *comm_risk_cell_text        (CommRiskCell  cell,
                                                CommRisk     *risk);
/* The ordering of two risks' ratings used by the rating columns' sorters. */
int                 comm_risk_cell_compare_ratings (const CommRiskRating *a_likelihood,
                                                    const CommRiskRating *a_impact,
                                                    const CommRiskRating *b_likelihood,
                                                    const CommRiskRating *b_impact);

G_END_DECLS
