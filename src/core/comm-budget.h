/* comm-budget.h: a budget in memory - its lines, and the figures worked out from them
 *
 * A budget belongs to a programme and a financial year; a scenario is a named copy of one.
 * Its lines are, in the order the user keeps them:
 *   income      a grant or other source (pence); their sum is the total budget
 *   commitment  money already committed (pence), typed in or drawn from a contract
 *   fixed       a named sum ring-fenced for a service (pence)
 *   percent     a percentage (in thousandths: 12.345% = 12345) of what remains after the fixed
 *               allocations
 * comm_budget_compute() works out every derived figure in integer pence with comm-allocation
 * (largest-remainder method), so the percentage lines plus the unallocated amount add up to the
 * remainder after fixed allocations exactly, and says which line a penny moved to.
 *
 * Nothing here touches the workspace: comm-budget-store.h loads and saves budgets.
 * Plain structs, fields public; edit them and call comm_budget_compute() again (it is quick:
 * well under a millisecond for 1,000 lines).
 */
#pragma once

#include <glib.h>

#include "comm-allocation.h"

G_BEGIN_DECLS

typedef enum {
  COMM_BUDGET_LINE_INCOME,
  COMM_BUDGET_LINE_COMMITMENT,
  COMM_BUDGET_LINE_FIXED,
  COMM_BUDGET_LINE_PERCENT,
} CommBudgetLineKind;

/* Where a commitment's figure came from. Stored as "manual", "funding-lines", "apportioned". */
typedef enum {
  COMM_COMMITMENT_MANUAL,         /* typed in (also: any line not linked to a contract) */
  COMM_COMMITMENT_FUNDING_LINES,  /* the linked contract's funding lines for the budget's year */
  COMM_COMMITMENT_APPORTIONED,    /* the contract's annual value × days active in the year ÷ days
                                     in the year (a part-year contract with no funding line for it) */
} CommCommitmentSource;

/* Why a commitment linked to a contract needs a look. The figure is always kept as it was;
 * comm_budget_store_accept_contract() takes the contract's current figure and clears the flags. */
typedef enum {
  COMM_BUDGET_LINE_FLAG_NONE             = 0,
  COMM_BUDGET_LINE_FLAG_CONTRACT_DELETED = 1 << 0,  /* the contract was deleted */
  COMM_BUDGET_LINE_FLAG_DATES_CHANGED    = 1 << 1,  /* its start or end date is not what it was */
  COMM_BUDGET_LINE_FLAG_NOT_IN_YEAR      = 1 << 2,  /* it no longer runs in the budget's year */
} CommBudgetLineFlags;

typedef struct {
  gint64                id;             /* 0 = not saved yet */
  CommBudgetLineKind    kind;
  char                 *name;           /* never NULL */
  gint64                amount;         /* pence for income, commitment, fixed; 0 for percent */
  gint64                thousandths;    /* percent lines: the percentage × 1000; else 0 */
  /* An imported (published) plan's own figure for this line, kept beside the computed one and
   * never "corrected": */
  gboolean              has_published;
  gint64                published;      /* pence, as published */
  /* Commitments drawn from a contract: */
  gint64                contract_id;    /* 0 = not linked */
  CommCommitmentSource  source;
  char                 *contract_start; /* the contract's start and (effective) end dates when the */
  char                 *contract_end;   /* figure was taken, ISO; "" when not linked */
  CommBudgetLineFlags   flags;
  /* Fixed and percent lines: the contracts that spend this allocation (gint64 ids). */
  GArray               *contract_ids;   /* never NULL */
  char                 *note;           /* free text, never NULL */
} CommBudgetLine;

typedef struct {
  gint64      id;              /* 0 = not saved yet */
  gint64      programme_id;    /* 0 = not saved yet (the store finds or makes it by name) */
  char       *programme_name;  /* never NULL */
  int         year;            /* financial year by its start year: 2026 = 2026-27 */
  char       *scenario;        /* NULL for the base budget; "10% cut" for a scenario */
  gint64      based_on;        /* the budget a scenario or rolled budget was copied from; 0 = none */
  char       *remainder_name;  /* what the unallocated amount is called (e.g. "Community chest");
                                  NULL = "Unallocated" */
  /* An imported plan's own total, kept beside the sum of its lines: */
  gboolean    has_published_total;
  gint64      published_total; /* pence */
  char       *notes;           /* never NULL */
  GPtrArray  *lines;           /* CommBudgetLine*, in order; owned */
} CommBudget;

CommBudgetLine *comm_budget_line_new        (CommBudgetLineKind  kind,
                                             const char         *name,
                                             gint64              amount_or_thousandths);
CommBudgetLine *comm_budget_line_copy       (const CommBudgetLine *line);
void            comm_budget_line_free       (CommBudgetLine     *line);

CommBudget     *comm_budget_new             (const char         *programme_name,
                                             int                 year);
/* A deep copy, ids and all. */
CommBudget     *comm_budget_copy            (const CommBudget   *budget);
void            comm_budget_free            (CommBudget         *budget);
/* Appends @line (taking it) and returns it. */
CommBudgetLine *comm_budget_add_line        (CommBudget         *budget,
                                             CommBudgetLine     *line);
/* The first line called @name (case-insensitive), or NULL. */
CommBudgetLine *comm_budget_find_line       (const CommBudget   *budget,
                                             const char         *name);
/* "Early Help and Prevention 2026-27" or "Early Help and Prevention 2026-27 – 10% cut" */
char           *comm_budget_dup_title       (const CommBudget   *budget);

/* Stored codes and shown labels */
const char     *comm_budget_line_kind_to_code   (CommBudgetLineKind kind);   /* "income" ... */
gboolean        comm_budget_line_kind_from_code (const char *code, CommBudgetLineKind *kind);
const char     *comm_budget_line_kind_to_label  (CommBudgetLineKind kind);   /* translated: "Income" */
const char     *comm_commitment_source_to_code  (CommCommitmentSource source);
CommCommitmentSource comm_commitment_source_from_code (const char *code);    /* MANUAL if unknown */
const char     *comm_commitment_source_to_label (CommCommitmentSource source); /* translated */
/* A sentence for the flags ("The contract was deleted; the figure is kept as it was."), or NULL. */
char           *comm_budget_line_flags_describe (CommBudgetLineFlags flags);

/* What the user types, checked: for a percent line "12.5%" or "12.345" into thousandths (no sign,
 * at most three decimals, at most 100%); for the others an amount ("£1,234.56") into pence that
 * must not be negative or have more than two decimals. The message quotes the text. */
gboolean        comm_budget_parse_value     (CommBudgetLineKind  kind,
                                             const char         *text,
                                             gint64             *value,
                                             GError            **error);
/* A signed change for rolling forward: "2.5%", "+2.5", "-10%", "−10 %" into thousandths
 * (2500, -10000); at most three decimals; a change of more than 100% either way is refused. */
gboolean        comm_budget_parse_change    (const char         *text,
                                             gint64             *thousandths,
                                             GError            **error);
/* A financial year as typed: "2026-27", "2026/27", "2026-2027", "26-27", "26/27" are read as
 * 2026-27; "2026" alone (which could mean 2025-26 or 2026-27) and anything else are refused with a
 * message saying how to write it. @normalised (nullable) receives a note when the text was not
 * already in the form "2026-27" ("“26/27” read as 2026-27"), else NULL. */
gboolean        comm_budget_parse_year      (const char         *text,
                                             int                *start_year,
                                             char              **normalised,
                                             GError            **error);

/* ---- Derived figures ---- */

typedef struct {
  gint64    amount;        /* pence: as typed, or worked out for a percent line */
  gboolean  penny_moved;   /* a percent line that got a penny more than its rounded-down share */
  gboolean  has_problem;   /* one of the result's problems names this line */
} CommBudgetLineFigure;

typedef struct {
  gint64      total_income;    /* sum of income lines */
  gint64      committed;       /* sum of commitments */
  gint64      available;       /* total_income - committed (negative if over-committed) */
  gint64      fixed_total;     /* sum of fixed allocations */
  gint64      after_fixed;     /* available - fixed_total: what the percentages share (may be < 0) */
  gint64      percent_total;   /* thousandths: sum of the percentages */
  gint64      percent_gap;     /* COMM_PERCENT_WHOLE - percent_total: > 0 short of 100%, < 0 over */
  gint64      percent_amount;  /* pence given to percent lines */
  gint64      unallocated;     /* pence: after_fixed - percent_amount (0 when not reconciled) */
  gboolean    reconciled;      /* the percentages were worked out (no problem blocked it) */
  gboolean    any_penny_moved;
  gboolean    unallocated_penny_moved; /* the unallocated amount got a penny more than its share */
  /* Imported plans: */
  gboolean    has_published_total;
  gint64      published_total;       /* the plan's own total */
  gint64      published_difference;  /* published_total - total_income (0 when none) */
  gint64      published_lines_sum;   /* sum of the lines' published figures */
  gint64      published_lines_difference; /* published_total - sum of fixed and percent lines'
                                             published figures (0 when no published total) */
  guint       n_flagged;             /* commitments flagged for a changed or deleted contract */
  GArray     *lines;     /* CommBudgetLineFigure, one per budget line, same order */
  GPtrArray  *problems;  /* CommProblem* that stop the sums (field "line:N", "total-income",
                            "committed", "fixed-total", "percent-total"), in words for the user */
  GPtrArray  *warnings;  /* CommProblem* that don't: percentages short of 100% ("percent-total"),
                            a flagged line ("line:N"), a published total that differs ("published") */
} CommBudgetResult;

/* Works out every figure. Never fails: whatever is wrong is in problems (then reconciled is FALSE
 * and the percent lines are 0), whatever deserves a look is in warnings. Problems: a line without
 * a name or a name used twice (case-insensitive), a negative amount or percentage, percentages over
 * 100%, commitments more than the total income, fixed allocations more than what is available.
 * Reconciled results always satisfy: sum of percent line figures + unallocated = after_fixed. */
CommBudgetResult *comm_budget_compute       (const CommBudget   *budget);
void              comm_budget_result_free   (CommBudgetResult   *result);
/* The figure of line @i */
const CommBudgetLineFigure *
                  comm_budget_result_line   (const CommBudgetResult *result,
                                             guint               i);

/* Copies @budget and changes income, commitment and fixed amounts by @change_thousandths
 * (+2500 = a 2.5% uplift, -10000 = a 10% cut). Each kind's new total is its old total changed by
 * the percentage and rounded half away from zero to the penny, and is split back over that kind's
 * lines by the largest-remainder method, so the lines add up to it exactly (commitments typed in
 * and commitments linked to contracts count as two kinds here). Percentages are kept.
 * The copy has id 0 and line ids 0, based_on = @budget's id, the same year and scenario.
 * Fails (INVALID) if the change is below -100% or a total would not fit. */
CommBudget       *comm_budget_copy_changed  (const CommBudget   *budget,
                                             gint64              change_thousandths,
                                             GError            **error);

/* The key lines are matched by: the name trimmed and case-folded (ASCII names quickly). */
char             *comm_budget_name_key      (const char         *name);

/* @pence × @numerator ÷ @denominator, rounded half away from zero, without overflow for any
 * amount up to ±£90 trillion and @numerator up to 10^9; @denominator > 0. */
gint64            comm_budget_scale         (gint64              pence,
                                             gint64              numerator,
                                             gint64              denominator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommBudgetLine, comm_budget_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommBudget, comm_budget_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommBudgetResult, comm_budget_result_free)

G_END_DECLS
