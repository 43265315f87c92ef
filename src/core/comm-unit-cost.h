/* comm-unit-cost.h: a service's cost divided by its activity and split across cohorts
 *
 * The cost per unit (per incident, child, family) is shown to the penny, rounded half up; each
 * cohort's share is its exact pro-rata share of the cost, split by the largest-remainder method
 * so the shares add up to the cost exactly.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char     *name;
  gint64    count;          /* activity: incidents, children, families ... */
  gint64    share;          /* pence, from the largest-remainder split */
  gboolean  penny_moved;    /* got a penny more than its rounded-down share */
  gint64    rounded_alone;  /* pence: the exact share rounded half up on its own */
} CommUnitCohort;

typedef struct _CommUnitCost CommUnitCost;

CommUnitCost *comm_unit_cost_new         (gint64        total);
void          comm_unit_cost_free        (CommUnitCost *self);
void          comm_unit_cost_add_cohort  (CommUnitCost *self,
                                          const char   *name,
                                          gint64        count);
/* Fails, with a message naming the cohort, on: a negative cost, no cohorts, an empty or
 * duplicate name (case-insensitive), a negative count, no activity at all (counts sum to 0),
 * counts too large to hold. */
gboolean      comm_unit_cost_compute     (CommUnitCost *self,
                                          GError      **error);

/* After a successful compute: */
gint64        comm_unit_cost_get_total          (CommUnitCost *self);
gint64        comm_unit_cost_get_activity       (CommUnitCost *self);  /* sum of the counts */
gint64        comm_unit_cost_get_unit_cost      (CommUnitCost *self);  /* pence, rounded half up */
gboolean      comm_unit_cost_is_rounded         (CommUnitCost *self);  /* cost / activity not whole pence */
gint64        comm_unit_cost_get_rounded_alone_total (CommUnitCost *self); /* sum of rounded_alone */
guint         comm_unit_cost_get_n_cohorts      (CommUnitCost *self);
const CommUnitCohort *
              comm_unit_cost_get_cohort         (CommUnitCost *self,
                                                 guint         i);

/* The exact amount @total × @count ÷ @activity (all non-negative, @activity > 0) as money
 * with up to six decimals of a pound and "…" when it goes on: "£101.694915…", "£20,000.00". */
char         *comm_unit_cost_format_exact       (gint64        total,
                                                 gint64        count,
                                                 gint64        activity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommUnitCost, comm_unit_cost_free)

G_END_DECLS
