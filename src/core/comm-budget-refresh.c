/* comm-budget-refresh.c: keeping a budget's contract links in step with the register
 *
 * A linked commitment follows its contract's figure while the contract keeps the dates it had
 * when the figure was taken. If the contract is deleted, or its dates change, the figure stays
 * as it was and the line is flagged, until the user accepts the contract's new figure.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-budget-contracts.h"
#include "comm-budget-contracts-private.h"
#include "comm-date.h"
#include "comm-money.h"

void
comm_budget_change_free (CommBudgetChange *change)
{
  if (change == NULL)
    return;
  g_free (change->message);
  g_free (change);
}

/* The flags the line should carry for the contract as it is now. */
static CommBudgetLineFlags
flags_now (const CommBudgetLine         *line,
           const CommBudgetContractInfo *info,
           int                           year)
{
  CommBudgetLineFlags flags = COMM_BUDGET_LINE_FLAG_NONE;

  if (info == NULL || info->deleted)
    return COMM_BUDGET_LINE_FLAG_CONTRACT_DELETED;
  if (!g_str_equal (line->contract_start, info->start) || !g_str_equal (line->contract_end, info->end))
    flags |= COMM_BUDGET_LINE_FLAG_DATES_CHANGED;
  if (comm_budget_days_in_year (year, info->start, info->end) == 0)
    flags |= COMM_BUDGET_LINE_FLAG_NOT_IN_YEAR;
  return flags;
}

static char *
describe (const CommBudgetLine         *line,
          const CommBudgetContractInfo *info,
          CommBudgetLineFlags           old_flags,
          gint64                        old_amount,
          int                           year)
{
  g_autofree char *before = comm_money_format (old_amount);
  g_autofree char *after = comm_money_format (line->amount);
  g_autofree char *label = comm_financial_year_label (year);

  if (line->flags & COMM_BUDGET_LINE_FLAG_CONTRACT_DELETED)
    return g_strdup_printf (_("“%s”: the contract was deleted; the figure of %s is kept and flagged."),
                            line->name, before);
  if (line->flags & COMM_BUDGET_LINE_FLAG_NOT_IN_YEAR)
    {
      g_autofree char *start = comm_date_iso_to_display (info->start);
      g_autofree char *end = comm_date_iso_to_display (info->end);

      return g_strdup_printf (_("“%s”: the contract now runs %s to %s, outside %s; the figure of %s is kept and flagged."),
                              line->name, start, end, label, before);
    }
  if (line->flags & COMM_BUDGET_LINE_FLAG_DATES_CHANGED)
    {
      g_autofree char *start = comm_date_iso_to_display (info->start);
      g_autofree char *end = comm_date_iso_to_display (info->end);

      return g_strdup_printf (_("“%s”: the contract’s dates changed to %s – %s; the figure of %s is kept and flagged."),
                              line->name, start, end, before);
    }
  if (old_flags != COMM_BUDGET_LINE_FLAG_NONE)
    return g_strdup_printf (_("“%s”: the contract is back as it was; the line is no longer flagged (%s)."),
                            line->name, after);
  /* Translators: “line”: £120,000.00 → £126,000.00 (...) */
  return g_strdup_printf (_("“%s”: %s → %s (the contract’s funding for %s changed)."), line->name, before, after, label);
}

/* Brings one linked line up to date; a change entry if anything happened, else NULL. */
static CommBudgetChange *
refresh_line (CommBudgetLine               *line,
              guint                         index,
              const CommBudgetContractInfo *info,
              int                           year)
{
  CommBudgetLineFlags old_flags = line->flags;
  gint64 old_amount = line->amount;
  CommBudgetChange *change;

  line->flags = flags_now (line, info, year);
  if (line->flags == COMM_BUDGET_LINE_FLAG_NONE)
    {
      gint64 amount;
      CommCommitmentSource source;

      if (_comm_budget_figure (year, info->start, info->end, info->years, &amount, &source, NULL))
        {
          line->amount = amount;
          line->source = source;
        }
    }
  if (line->flags == old_flags && line->amount == old_amount)
    return NULL;

  change = g_new0 (CommBudgetChange, 1);
  change->line = index;
  change->old_amount = old_amount;
  change->new_amount = line->amount;
  change->flags = line->flags;
  change->message = describe (line, info, old_flags, old_amount, year);
  return change;
}

static GHashTable *
contracts_by_id (GPtrArray *infos)
{
  GHashTable *by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < infos->len; i++)
    {
      CommBudgetContractInfo *info = g_ptr_array_index (infos, i);

      g_hash_table_insert (by_id, &info->id, info);
    }
  return by_id;
}

GPtrArray *
comm_budget_store_refresh_commitments (CommDatabase  *db,
                                       CommBudget    *budget,
                                       GError       **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *changes;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (budget != NULL, NULL);

  if ((infos = _comm_budget_read_contracts (db, 0, error)) == NULL)
    return NULL;
  by_id = contracts_by_id (infos);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_budget_change_free);
  for (guint i = 0; i < budget->lines->len; i++)
    {
      CommBudgetLine *line = g_ptr_array_index (budget->lines, i);
      CommBudgetChange *change;

      if (line->kind != COMM_BUDGET_LINE_COMMITMENT || line->contract_id == 0)
        continue;
      change = refresh_line (line, i, g_hash_table_lookup (by_id, &line->contract_id), budget->year);
      if (change != NULL)
        g_ptr_array_add (changes, change);
    }
  return changes;
}

gboolean
comm_budget_store_accept_contract (CommDatabase  *db,
                                   CommBudget    *budget,
                                   guint          index,
                                   GError       **error)
{
  g_autoptr(CommBudgetContractInfo) info = NULL;
  CommBudgetLine *line;
  gint64 amount = 0;
  CommCommitmentSource source = COMM_COMMITMENT_MANUAL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (budget != NULL, FALSE);

  line = index < budget->lines->len ? g_ptr_array_index (budget->lines, index) : NULL;
  if (line == NULL || line->kind != COMM_BUDGET_LINE_COMMITMENT || line->contract_id == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND, _("That line is not linked to a contract."));
      return FALSE;
    }
  if ((info = _comm_budget_read_contract (db, line->contract_id, error)) == NULL)
    return FALSE;

  line->flags = COMM_BUDGET_LINE_FLAG_NONE;
  if (info->deleted || !_comm_budget_figure (budget->year, info->start, info->end, info->years, &amount, &source, NULL))
    {
      /* Nothing left to follow: a manual commitment of nothing, which the user can delete. */
      line->amount = 0;
      line->contract_id = 0;
      line->source = COMM_COMMITMENT_MANUAL;
      g_free (line->contract_start);
      line->contract_start = g_strdup ("");
      g_free (line->contract_end);
      line->contract_end = g_strdup ("");
      return TRUE;
    }
  line->amount = amount;
  line->source = source;
  g_free (line->contract_start);
  line->contract_start = g_strdup (info->start);
  g_free (line->contract_end);
  line->contract_end = g_strdup (info->end);
  return TRUE;
}

/* ----- allocations to contracts ----- */

static void
use_of_line (const CommBudgetLine    *line,
             GHashTable              *by_id,
             int                      year,
             CommBudgetAllocationUse *use)
{
  for (guint j = 0; j < line->contract_ids->len; j++)
    {
      gint64 id = g_array_index (line->contract_ids, gint64, j);
      const CommBudgetContractInfo *info = g_hash_table_lookup (by_id, &id);
      gint64 amount = 0;
      CommCommitmentSource source;

      if (info == NULL || info->deleted)
        use->n_deleted++;
      else if (!_comm_budget_figure (year, info->start, info->end, info->years, &amount, &source, NULL))
        use->n_not_in_year++;
      else
        {
          use->n_contracts++;
          use->contracted += amount;
        }
    }
  use->left = use->allocated - use->contracted;
}

GArray *
comm_budget_store_allocation_use (CommDatabase            *db,
                                  const CommBudget        *budget,
                                  const CommBudgetResult  *result,
                                  GError                 **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GArray *uses;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (budget != NULL && result != NULL && result->lines->len == budget->lines->len, NULL);

  if ((infos = _comm_budget_read_contracts (db, 0, error)) == NULL)
    return NULL;
  by_id = contracts_by_id (infos);
  uses = g_array_new (FALSE, TRUE, sizeof (CommBudgetAllocationUse));
  for (guint i = 0; i < budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);
      CommBudgetAllocationUse use = { 0 };

      if ((line->kind != COMM_BUDGET_LINE_FIXED && line->kind != COMM_BUDGET_LINE_PERCENT) ||
          line->contract_ids->len == 0)
        continue;
      use.line = i;
      use.allocated = comm_budget_result_line (result, i)->amount;
      use_of_line (line, by_id, budget->year, &use);
      g_array_append_val (uses, use);
    }
  return uses;
}
