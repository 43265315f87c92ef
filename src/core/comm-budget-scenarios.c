/* comm-budget-scenarios.c: copying a budget into a scenario, and rolling it into next year */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-budget-contracts-private.h"
#include "comm-budget-private.h"
#include "comm-budget-store.h"
#include "comm-date.h"
#include "comm-money.h"
#include "comm-store-private.h"

gboolean
comm_budget_store_copy_scenario (CommDatabase  *db,
                                 gint64         id,
                                 const char    *name,
                                 gint64        *new_id,
                                 GError       **error)
{
  g_autoptr(CommBudget) copy = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID, _("Give the scenario a name."));
      return FALSE;
    }
  if ((copy = comm_budget_store_load (db, id, error)) == NULL)
    return FALSE;

  /* A scenario of a scenario is still a scenario of the base budget. */
  if (copy->scenario == NULL)
    copy->based_on = copy->id;
  _comm_budget_forget_ids (copy);
  g_free (copy->scenario);
  copy->scenario = g_steal_pointer (&trimmed);
  if (!comm_budget_store_save (db, copy, error))
    return FALSE;
  if (new_id != NULL)
    *new_id = copy->id;
  return TRUE;
}

/* Takes each commitment linked to a contract afresh for the copy's year; drops those whose
 * contract no longer runs then. */
static gboolean
renew_commitments (CommDatabase  *db,
                   CommBudget    *copy,
                   GPtrArray     *changes,
                   GError       **error)
{
  g_autofree char *label = comm_financial_year_label (copy->year);

  for (guint i = 0; i < copy->lines->len; i++)
    {
      CommBudgetLine *line = g_ptr_array_index (copy->lines, i);
      g_autoptr(CommBudgetContractInfo) info = NULL;
      g_autofree char *money = NULL;
      gint64 amount = 0;
      CommCommitmentSource source;

      if (line->kind != COMM_BUDGET_LINE_COMMITMENT || line->contract_id == 0)
        continue;
      if ((info = _comm_budget_read_contract (db, line->contract_id, error)) == NULL)
        return FALSE;
      if (info->deleted || !_comm_budget_figure (copy->year, info->start, info->end, info->years, &amount, &source, NULL))
        {
          g_ptr_array_add (changes, g_strdup_printf (_("“%s” is left out: its contract does not run in %s."),
                                                     line->name, label));
          g_ptr_array_remove_index (copy->lines, i--);
          continue;
        }
      line->amount = amount;
      line->source = source;
      line->flags = COMM_BUDGET_LINE_FLAG_NONE;
      g_free (line->contract_start);
      line->contract_start = g_strdup (info->start);
      g_free (line->contract_end);
      line->contract_end = g_strdup (info->end);
      money = comm_money_format (amount);
      g_ptr_array_add (changes, g_strdup_printf (_("“%s”: %s, taken from its contract for %s."),
                                                 line->name, money, label));
    }
  return TRUE;
}

static gboolean
check_roll (CommDatabase      *db,
            const CommBudget  *budget,
            GError           **error)
{
  g_autofree char *next = comm_financial_year_label (budget->year + 1);
  gint64 existing;

  if (budget->scenario != NULL)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("“%s” is a scenario; roll the base budget into next year instead."), budget->scenario);
      return FALSE;
    }
  if ((existing = _comm_budget_base_lookup (db, budget->programme_id, budget->year + 1, error)) < 0)
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("“%s” already has a budget for %s; delete it first, or change that one."),
                   budget->programme_name, next);
      return FALSE;
    }
  return TRUE;
}

gboolean
comm_budget_store_roll_forward (CommDatabase  *db,
                                gint64         id,
                                gint64         change_thousandths,
                                gint64        *new_id,
                                GPtrArray    **changes,
                                GError       **error)
{
  g_autoptr(CommBudget) budget = NULL;
  g_autoptr(CommBudget) copy = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  CommStoreTransaction transaction;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_writable (db, error) || (budget = comm_budget_store_load (db, id, error)) == NULL ||
      !check_roll (db, budget, error) || (copy = comm_budget_copy_changed (budget, change_thousandths, error)) == NULL)
    return FALSE;

  copy->year = budget->year + 1;
  copy->has_published_total = FALSE;
  for (guint i = 0; i < copy->lines->len; i++)
    ((CommBudgetLine *) g_ptr_array_index (copy->lines, i))->has_published = FALSE;

  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  if (!renew_commitments (db, copy, notes, error) || !comm_budget_store_save (db, copy, error) ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  if (new_id != NULL)
    *new_id = copy->id;
  if (changes != NULL)
    *changes = g_steal_pointer (&notes);
  return TRUE;
}
