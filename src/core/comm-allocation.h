/* comm-allocation.h: a budget's reconciliation in integer pence
 *
 * total (income) - commitments = available; available - fixed allocations = remainder after
 * fixed; that remainder is split by percentages (in thousandths of a percent, so 12.345% is
 * 12345) with the largest-remainder method, and whatever the percentages leave is unallocated.
 * The lines plus the unallocated amount always add up to the total, to the penny.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 100% in thousandths of a percent */
#define COMM_PERCENT_WHOLE G_GINT64_CONSTANT (100000)

typedef enum {
  COMM_ALLOCATION_COMMITMENT,
  COMM_ALLOCATION_FIXED,
  COMM_ALLOCATION_PERCENT,
  COMM_ALLOCATION_UNALLOCATED,
} CommAllocationKind;

typedef struct {
  CommAllocationKind  kind;
  char               *name;
  gint64              thousandths;  /* COMM_ALLOCATION_PERCENT: the percentage × 1000; else 0 */
  gint64              amount;       /* pence: as given (commitment, fixed) or as computed */
  gboolean            penny_moved;  /* a penny more than the rounded-down share went here */
} CommAllocationLine;

typedef struct _CommAllocation CommAllocation;

CommAllocation *comm_allocation_new                (gint64          total);
void            comm_allocation_free               (CommAllocation *self);
void            comm_allocation_add_commitment     (CommAllocation *self,
                                                    const char     *name,
                                                    gint64          pence);
void            comm_allocation_add_fixed          (CommAllocation *self,
                                                    const char     *name,
                                                    gint64          pence);
void            comm_allocation_add_percent        (CommAllocation *self,
                                                    const char     *name,
                                                    gint64          thousandths);
/* The name of the unallocated line; "Unallocated" (translated) when NULL or never set. */
void            comm_allocation_set_remainder_name (CommAllocation *self,
                                                    const char     *name);

/* Works out every figure. Fails, with a message naming the line, on: a negative total or line,
 * an empty or duplicate name (case-insensitive), percentages totalling over 100%, commitments
 * over the total, fixed allocations over what is available, sums too large to hold.
 * Percentages totalling less than 100% are fine: the gap stays unallocated. */
gboolean        comm_allocation_compute            (CommAllocation *self,
                                                    GError        **error);

/* After a successful compute: */
gint64          comm_allocation_get_total          (CommAllocation *self);
gint64          comm_allocation_get_committed      (CommAllocation *self);
gint64          comm_allocation_get_available      (CommAllocation *self);
gint64          comm_allocation_get_fixed_total    (CommAllocation *self);
gint64          comm_allocation_get_after_fixed    (CommAllocation *self);
gint64          comm_allocation_get_percent_total  (CommAllocation *self);  /* thousandths */
gint64          comm_allocation_get_percent_amount (CommAllocation *self);  /* pence */
gint64          comm_allocation_get_unallocated    (CommAllocation *self);
/* Lines in order: commitments, fixed, percentages (each in the order added), then the
 * unallocated line last. */
guint           comm_allocation_get_n_lines        (CommAllocation *self);
const CommAllocationLine *
                comm_allocation_get_line           (CommAllocation *self,
                                                    guint           i);
gboolean        comm_allocation_any_penny_moved    (CommAllocation *self);

/* Parses "12.5%", "12.345", " 50 % " into thousandths (12500, 12345, 50000), exactly, with no
 * floating point. Refuses empty text, a sign, more than three decimals, anything but digits,
 * and more than 100%, with a message quoting the text. */
gboolean        comm_percent_parse                 (const char     *text,
                                                    gint64         *thousandths,
                                                    GError        **error);
/* "12.345%", "12.5%", "50%" */
char           *comm_percent_format                (gint64          thousandths);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommAllocation, comm_allocation_free)

G_END_DECLS
