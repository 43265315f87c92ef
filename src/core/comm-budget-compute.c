/* comm-budget-compute.c: a budget's derived figures, and copies with an uplift or a cut
 *
 * The lines are checked here, one problem per faulty line, so the user sees every problem at
 * once; then comm-allocation does the reconciliation (largest remainder on pennies) and says
 * where a penny moved.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-allocation.h"
#include "comm-budget.h"
#include "comm-error.h"
#include "comm-money.h"
#include "comm-problem.h"

__extension__ typedef __int128 Wide;

/* Room enough for every figure: sums beyond this are refused as typing mistakes (±£90 trillion,
 * as comm_money_parse). */
#define MAX_SUM G_GINT64_CONSTANT (9000000000000000000)

typedef struct {
  const CommBudget *budget;
  CommBudgetResult *result;
} Compute;

/* ----- helpers ----- */

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  g_ptr_array_add (problems, comm_problem_new (field, message));
}

static void
line_problem (Compute    *c,
              guint       i,
              const char *message)
{
  g_autofree char *field = g_strdup_printf ("line:%u", i);

  add_problem (c->result->problems, field, message);
  g_array_index (c->result->lines, CommBudgetLineFigure, i).has_problem = TRUE;
}

static gint64
clamp_add (gint64 a,
           gint64 b)
{
  Wide sum = (Wide) a + b;

  return (gint64) CLAMP (sum, -MAX_SUM, MAX_SUM);
}

static gboolean
check_line (Compute              *c,
            guint                 i,
            const CommBudgetLine *line,
            GHashTable           *names)
{
  char *key = comm_budget_name_key (line->name);
  g_autofree char *message = NULL;
  g_autofree char *trimmed = NULL;

  if (*key == '\0')
    {
      g_free (key);
      message = g_strdup_printf (_("Line %u has no name; give every line a name."), i + 1);
    }
  else if (!g_hash_table_add (names, key))
    message = g_strdup_printf (_("The name “%s” is used twice; give each line its own name."),
                               (trimmed = g_strstrip (g_strdup (line->name))));
  else if (line->amount < 0 || line->thousandths < 0)
    message = g_strdup_printf (_("“%s” is negative; amounts and percentages must be zero or more."),
                               (trimmed = g_strstrip (g_strdup (line->name))));
  else if (line->kind == COMM_BUDGET_LINE_PERCENT && line->thousandths > COMM_PERCENT_WHOLE)
    message = g_strdup_printf (_("“%s” is more than 100%%."), (trimmed = g_strstrip (g_strdup (line->name))));

  if (message != NULL)
    line_problem (c, i, message);
  return message == NULL;
}

static void
sum_lines (Compute *c)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CommBudgetResult *r = c->result;
  const CommBudget *budget = c->budget;

  if (budget->remainder_name != NULL)
    g_hash_table_add (names, comm_budget_name_key (budget->remainder_name));
  for (guint i = 0; i < budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);
      CommBudgetLineFigure figure = { line->kind == COMM_BUDGET_LINE_PERCENT ? 0 : line->amount, FALSE, FALSE };

      g_array_append_val (r->lines, figure);
      check_line (c, i, line, names);
      if (line->has_published && line->kind != COMM_BUDGET_LINE_INCOME)
        r->published_lines_sum = clamp_add (r->published_lines_sum, line->published);
      if (line->flags != COMM_BUDGET_LINE_FLAG_NONE)
        r->n_flagged++;
      switch (line->kind)
        {
        case COMM_BUDGET_LINE_INCOME:     r->total_income = clamp_add (r->total_income, line->amount); break;
        case COMM_BUDGET_LINE_COMMITMENT: r->committed = clamp_add (r->committed, line->amount); break;
        case COMM_BUDGET_LINE_FIXED:      r->fixed_total = clamp_add (r->fixed_total, line->amount); break;
        case COMM_BUDGET_LINE_PERCENT:    r->percent_total = clamp_add (r->percent_total, line->thousandths); break;
        default: break;
        }
    }
  r->available = r->total_income - r->committed;
  r->after_fixed = r->available - r->fixed_total;
  r->percent_gap = COMM_PERCENT_WHOLE - r->percent_total;
}

/* TRUE if @over, what the fixed allocations exceed what is available by, comes from an imported
 * plan as published: every fixed line is still its published figure, there are no percentages,
 * and the published lines themselves add up to at least @over more than the published total. */
static gboolean
published_rounding_explains (Compute *c,
                             gint64   over)
{
  const CommBudget *budget = c->budget;

  if (!budget->has_published_total || over > c->result->published_lines_sum - budget->published_total)
    return FALSE;
  for (guint i = 0; i < budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);

      if (line->kind == COMM_BUDGET_LINE_PERCENT
          || (line->kind == COMM_BUDGET_LINE_FIXED && (!line->has_published || line->published != line->amount)))
        return FALSE;
    }
  return TRUE;
}

static void
check_totals (Compute *c)
{
  CommBudgetResult *r = c->result;
  g_autofree char *income = comm_money_format (r->total_income);
  g_autofree char *committed = comm_money_format (r->committed);
  g_autofree char *available = comm_money_format (r->available);
  g_autofree char *fixed = comm_money_format (r->fixed_total);
  g_autofree char *percent = comm_percent_format (r->percent_total);
  g_autofree char *message = NULL;

  if (r->total_income >= MAX_SUM || r->committed >= MAX_SUM || r->fixed_total >= MAX_SUM)
    add_problem (r->problems, "total-income",
                 _("The amounts add up to more than can be held; check them for typing mistakes."));
  if (r->committed > r->total_income)
    {
      g_autofree char *over = comm_money_format (r->committed - r->total_income);

      message = g_strdup_printf (_("The commitments (%s) are %s more than the total income (%s)."),
                                 committed, over, income);
      add_problem (r->problems, "committed", message);
    }
  else if (r->fixed_total > r->available)
    {
      g_autofree char *over = comm_money_format (r->fixed_total - r->available);

      if (published_rounding_explains (c, r->fixed_total - r->available))
        {
          message = g_strdup_printf (_("The fixed allocations (%s) are %s more than is available (%s), as in the "
                                       "published plan, whose lines were each rounded on their own: shown, not corrected."),
                                     fixed, over, available);
          add_problem (r->warnings, "fixed-total", message);
        }
      else
        {
          message = g_strdup_printf (_("The fixed allocations (%s) are %s more than is available after commitments (%s)."),
                                     fixed, over, available);
          add_problem (r->problems, "fixed-total", message);
        }
    }
  if (r->percent_total > COMM_PERCENT_WHOLE)
    {
      g_autofree char *text = g_strdup_printf (_("The percentages add up to %s; they must not total more than 100%%."),
                                               percent);
      add_problem (r->problems, "percent-total", text);
    }
}

/* Runs comm-allocation over the lines (all checked) and copies the percent figures back. */
static void
reconcile (Compute *c)
{
  g_autoptr(CommAllocation) allocation = comm_allocation_new (c->result->total_income);
  g_autoptr(GError) error = NULL;
  CommBudgetResult *r = c->result;
  guint n, k = 0;

  comm_allocation_set_remainder_name (allocation, c->budget->remainder_name);
  for (guint i = 0; i < c->budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (c->budget->lines, i);

      if (line->kind == COMM_BUDGET_LINE_COMMITMENT)
        comm_allocation_add_commitment (allocation, line->name, line->amount);
      else if (line->kind == COMM_BUDGET_LINE_FIXED)
        comm_allocation_add_fixed (allocation, line->name, line->amount);
      else if (line->kind == COMM_BUDGET_LINE_PERCENT)
        comm_allocation_add_percent (allocation, line->name, line->thousandths);
    }
  if (!comm_allocation_compute (allocation, &error))
    {
      add_problem (r->problems, "total-income", error->message);
      return;
    }

  /* comm-allocation orders commitments, fixed, then percentages (each as added), then unallocated */
  n = comm_allocation_get_n_lines (allocation);
  for (guint j = 0; j < n; j++)
    {
      const CommAllocationLine *out = comm_allocation_get_line (allocation, j);

      if (out->kind == COMM_ALLOCATION_UNALLOCATED)
        {
          r->unallocated = out->amount;
          r->unallocated_penny_moved = out->penny_moved;
          continue;
        }
      if (out->kind != COMM_ALLOCATION_PERCENT)
        continue;
      while (k < c->budget->lines->len &&
             ((const CommBudgetLine *) g_ptr_array_index (c->budget->lines, k))->kind != COMM_BUDGET_LINE_PERCENT)
        k++;
      g_array_index (r->lines, CommBudgetLineFigure, k).amount = out->amount;
      g_array_index (r->lines, CommBudgetLineFigure, k).penny_moved = out->penny_moved;
      k++;
    }
  r->percent_amount = comm_allocation_get_percent_amount (allocation);
  r->any_penny_moved = comm_allocation_any_penny_moved (allocation);
  r->reconciled = TRUE;
}

static void
add_warnings (Compute *c)
{
  CommBudgetResult *r = c->result;

  if (r->reconciled && r->percent_gap > 0 && r->percent_total > 0)
    {
      g_autofree char *total = comm_percent_format (r->percent_total);
      g_autofree char *gap = comm_percent_format (r->percent_gap);
      g_autofree char *left = comm_money_format (r->unallocated);
      g_autofree char *text = g_strdup_printf (_("The percentages add up to %s, not 100%%: %s (%s) is left unallocated."),
                                               total, gap, left);
      add_problem (r->warnings, "percent-total", text);
    }
  for (guint i = 0; i < c->budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (c->budget->lines, i);
      g_autofree char *what = comm_budget_line_flags_describe (line->flags);
      g_autofree char *field = NULL, *text = NULL;

      if (what == NULL)
        continue;
      field = g_strdup_printf ("line:%u", i);
      text = g_strdup_printf ("%s: %s", line->name, what);
      add_problem (r->warnings, field, text);
    }
}

static void
published_warnings (Compute *c)
{
  CommBudgetResult *r = c->result;
  g_autofree char *published = NULL;

  if (!c->budget->has_published_total)
    return;
  r->has_published_total = TRUE;
  r->published_total = c->budget->published_total;
  r->published_difference = r->published_total - r->total_income;
  r->published_lines_difference = r->published_total - r->published_lines_sum;
  published = comm_money_format (r->published_total);

  if (r->published_difference != 0)
    {
      g_autofree char *income = comm_money_format (r->total_income);
      g_autofree char *diff = comm_money_format (ABS (r->published_difference));
      g_autofree char *text = g_strdup_printf (_("The published total is %s but the income lines add up to %s: "
                                                 "a difference of %s, shown as published."), published, income, diff);
      add_problem (r->warnings, "published", text);
    }
  if (r->published_lines_difference != 0)
    {
      g_autofree char *sum = comm_money_format (r->published_lines_sum);
      g_autofree char *diff = comm_money_format (ABS (r->published_lines_difference));
      g_autofree char *text = NULL;

      if (r->published_lines_difference > 0)
        text = g_strdup_printf (_("The published lines add up to %s, %s less than the published total of %s "
                                  "(each line was rounded on its own); the difference is shown, not corrected."),
                                sum, diff, published);
      else
        text = g_strdup_printf (_("The published lines add up to %s, %s more than the published total of %s "
                                  "(each line was rounded on its own); the difference is shown, not corrected."),
                                sum, diff, published);
      add_problem (r->warnings, "published", text);
    }
}

/* ----- public API ----- */

CommBudgetResult *
comm_budget_compute (const CommBudget *budget)
{
  CommBudgetResult *result;
  Compute c;

  g_return_val_if_fail (budget != NULL, NULL);

  result = g_new0 (CommBudgetResult, 1);
  result->lines = g_array_sized_new (FALSE, TRUE, sizeof (CommBudgetLineFigure), budget->lines->len);
  result->problems = comm_problems_new ();
  result->warnings = comm_problems_new ();
  c.budget = budget;
  c.result = result;

  sum_lines (&c);
  check_totals (&c);
  if (result->problems->len == 0 && result->fixed_total > result->available)
    {
      /* Only an imported plan's own rounding gets here (a warning): nothing to share out, and
       * what is unallocated is the shortfall, shown as it is. */
      result->unallocated = result->after_fixed;
      result->reconciled = TRUE;
    }
  else if (result->problems->len == 0)
    reconcile (&c);
  add_warnings (&c);
  published_warnings (&c);
  return result;
}

void
comm_budget_result_free (CommBudgetResult *result)
{
  if (result == NULL)
    return;
  g_array_unref (result->lines);
  g_ptr_array_unref (result->problems);
  g_ptr_array_unref (result->warnings);
  g_free (result);
}

const CommBudgetLineFigure *
comm_budget_result_line (const CommBudgetResult *result,
                         guint                   i)
{
  g_return_val_if_fail (result != NULL && i < result->lines->len, NULL);

  return &g_array_index (result->lines, CommBudgetLineFigure, i);
}

gint64
comm_budget_scale (gint64 pence,
                   gint64 numerator,
                   gint64 denominator)
{
  Wide product, q;
  gboolean negative;

  g_return_val_if_fail (denominator > 0, 0);

  product = (Wide) pence * numerator;
  negative = product < 0;
  if (negative)
    product = -product;
  q = (product * 2 + denominator) / ((Wide) denominator * 2);
  if (negative)
    q = -q;
  return (gint64) CLAMP (q, (Wide) G_MININT64, (Wide) G_MAXINT64);
}

/* The groups of lines an uplift or cut scales together: income, commitments typed in,
 * commitments linked to contracts, fixed allocations. */
static int
change_group (const CommBudgetLine *line)
{
  switch (line->kind)
    {
    case COMM_BUDGET_LINE_INCOME:     return 0;
    case COMM_BUDGET_LINE_COMMITMENT: return line->contract_id != 0 ? 2 : 1;
    case COMM_BUDGET_LINE_FIXED:      return 3;
    case COMM_BUDGET_LINE_PERCENT:
    default:                          return -1;
    }
}

/* Scales the lines of group @group in @copy (amounts from @budget) so they add up to their old
 * total changed by @factor / 100000, split by the largest remainder. */
static gboolean
change_group_amounts (const CommBudget  *budget,
                      CommBudget        *copy,
                      int                group,
                      gint64             factor,
                      GError           **error)
{
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) index = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gint64 *parts = NULL;
  gint64 total = 0, changed;

  for (guint i = 0; i < budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);

      if (change_group (line) != group)
        continue;
      g_array_append_val (weights, line->amount);
      g_array_append_val (index, i);
      total = clamp_add (total, MAX (line->amount, 0));
    }
  if (total == 0)
    return TRUE;
  changed = comm_budget_scale (total, factor, COMM_PERCENT_WHOLE);
  if (changed >= MAX_SUM)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The changed amounts would be more than can be held."));
      return FALSE;
    }
  parts = g_new0 (gint64, weights->len);
  for (guint j = 0; j < weights->len; j++)
    if (g_array_index (weights, gint64, j) < 0)
      g_array_index (weights, gint64, j) = 0;
  if (!comm_money_split (changed, (const gint64 *) (gpointer) weights->data, weights->len, parts, NULL, error))
    return FALSE;
  for (guint j = 0; j < index->len; j++)
    ((CommBudgetLine *) g_ptr_array_index (copy->lines, g_array_index (index, guint, j)))->amount = parts[j];
  return TRUE;
}

CommBudget *
comm_budget_copy_changed (const CommBudget  *budget,
                          gint64             change_thousandths,
                          GError           **error)
{
  g_autoptr(CommBudget) copy = NULL;

  g_return_val_if_fail (budget != NULL, NULL);

  if (change_thousandths < -COMM_PERCENT_WHOLE || change_thousandths > 1000 * COMM_PERCENT_WHOLE)
    {
      g_autofree char *text = comm_percent_format (ABS (change_thousandths));

      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   change_thousandths < 0 ? _("A cut of %s is more than the whole budget; a cut can be at most 100%%.")
                                          : _("An uplift of %s is too large."), text);
      return NULL;
    }

  copy = comm_budget_copy (budget);
  copy->id = 0;
  copy->based_on = budget->id;
  for (guint i = 0; i < copy->lines->len; i++)
    ((CommBudgetLine *) g_ptr_array_index (copy->lines, i))->id = 0;
  for (int group = 0; group < 4; group++)
    if (!change_group_amounts (budget, copy, group, COMM_PERCENT_WHOLE + change_thousandths, error))
      return NULL;
  return g_steal_pointer (&copy);
}
