/* comm-budget-contracts.c: a contract's figure for a financial year, and the contracts that run
 * in a budget's year
 *
 * The figure is worked out from the stored columns (dates, funding lines), the same way for a
 * CommContract and for a row read straight from SQL, so the list of candidates for a year with
 * thousands of contracts takes two queries.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-budget-contracts.h"
#include "comm-budget-contracts-private.h"
#include "comm-date.h"

/* ----- the figure for a year ----- */

int
comm_budget_days_in_year (int         year,
                          const char *start,
                          const char *end)
{
  GDate first, last, from, to;

  if (year < 1 || year >= 9999 || !comm_date_parse_iso (start, &from) || !comm_date_parse_iso (end, &to))
    return 0;
  comm_financial_year_bounds (year, &first, &last);
  if (g_date_compare (&from, &first) < 0)
    from = first;
  if (g_date_compare (&to, &last) > 0)
    to = last;
  if (g_date_compare (&from, &to) > 0)
    return 0;
  return comm_date_days_between (&from, &to) + 1;
}

static int
days_of_year (int year)
{
  GDate first, last;

  comm_financial_year_bounds (year, &first, &last);
  return comm_date_days_between (&first, &last) + 1;
}

const char *
_comm_budget_effective_end (const char *end_date,
                            const char *extended_to,
                            const char *terminated_on)
{
  const char *end = extended_to != NULL && *extended_to != '\0' ? extended_to : end_date;

  /* ISO dates compare as text */
  if (terminated_on != NULL && *terminated_on != '\0' && strcmp (terminated_on, end) < 0)
    return terminated_on;
  return end;
}

/* The funding of the nearest year at or before @year, else of the first year (@years is in
 * year order). */
static gint64
annual_value (GArray *years,
              int     year)
{
  const CommBudgetYearFunding *best = NULL;

  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, CommBudgetYearFunding, i).year <= year)
      best = &g_array_index (years, CommBudgetYearFunding, i);
  if (best == NULL && years->len > 0)
    best = &g_array_index (years, CommBudgetYearFunding, 0);
  return best != NULL ? best->amount : 0;
}

gboolean
_comm_budget_figure (int                   year,
                     const char           *start,
                     const char           *end,
                     GArray               *years,
                     gint64               *amount,
                     CommCommitmentSource *source,
                     int                  *days)
{
  int in_year = comm_budget_days_in_year (year, start, end);
  int whole = days_of_year (year);

  *amount = 0;
  *source = COMM_COMMITMENT_APPORTIONED;
  if (days != NULL)
    *days = in_year;
  if (in_year == 0)
    return FALSE;
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, CommBudgetYearFunding, i).year == year)
      {
        *amount = g_array_index (years, CommBudgetYearFunding, i).amount;
        *source = COMM_COMMITMENT_FUNDING_LINES;
        return TRUE;
      }
  *amount = comm_budget_scale (annual_value (years, year), in_year, whole);
  return TRUE;
}

/* Adds @amount to @year's entry of @years (kept in year order). */
void
_comm_budget_add_funding (GArray *years,
                          int     year,
                          gint64  amount)
{
  CommBudgetYearFunding entry = { year, amount };
  guint i;

  for (i = 0; i < years->len; i++)
    {
      CommBudgetYearFunding *f = &g_array_index (years, CommBudgetYearFunding, i);

      if (f->year == year)
        {
          f->amount += amount;
          return;
        }
      if (f->year > year)
        break;
    }
  g_array_insert_val (years, i, entry);
}

gboolean
comm_budget_contract_figure (CommContract         *contract,
                             int                   year,
                             gint64               *amount,
                             CommCommitmentSource *source,
                             int                  *days)
{
  g_autofree char *end_date = NULL, *extended_to = NULL, *terminated_on = NULL, *start = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (CommBudgetYearFunding));
  GPtrArray *lines;
  gint64 ignored_amount;
  CommCommitmentSource ignored_source;

  g_return_val_if_fail (COMM_IS_CONTRACT (contract), FALSE);

  g_object_get (contract, "start-date", &start, "end-date", &end_date, "extended-to", &extended_to,
                "terminated-on", &terminated_on, NULL);
  lines = comm_contract_get_funding_lines (contract);
  for (guint i = 0; i < lines->len; i++)
    {
      const CommFundingLine *line = g_ptr_array_index (lines, i);

      _comm_budget_add_funding (years, line->year, line->amount);
    }
  return _comm_budget_figure (year, start, _comm_budget_effective_end (end_date, extended_to, terminated_on), years,
                              amount != NULL ? amount : &ignored_amount,
                              source != NULL ? source : &ignored_source, days);
}

/* ----- reading contracts ----- */

void
_comm_budget_contract_info_free (CommBudgetContractInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->reference);
  g_free (info->title);
  g_free (info->provider_name);
  g_free (info->service_area);
  g_free (info->start);
  g_free (info->end);
  g_array_unref (info->years);
  g_free (info);
}

#define INFO_SQL \
  "SELECT c.id, c.reference, c.title, p.name, c.service_area, c.start_date, c.end_date, c.extended_to," \
  " c.terminated_on, c.deleted_at IS NOT NULL FROM contracts c JOIN providers p ON p.id = c.provider_id"

static CommBudgetContractInfo *
read_info (sqlite3_stmt *stmt)
{
  CommBudgetContractInfo *info = g_new0 (CommBudgetContractInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->reference = g_strdup (comm_sqlite_column_text (stmt, 1));
  info->title = g_strdup (comm_sqlite_column_text (stmt, 2));
  info->provider_name = g_strdup (comm_sqlite_column_text (stmt, 3));
  info->service_area = g_strdup (comm_sqlite_column_text (stmt, 4));
  info->start = g_strdup (comm_sqlite_column_text (stmt, 5));
  info->end = g_strdup (_comm_budget_effective_end (comm_sqlite_column_text (stmt, 6),
                                                    comm_sqlite_column_text (stmt, 7),
                                                    comm_sqlite_column_text (stmt, 8)));
  info->deleted = sqlite3_column_int (stmt, 9) != 0;
  info->years = g_array_new (FALSE, FALSE, sizeof (CommBudgetYearFunding));
  return info;
}

static gboolean
read_funding (CommDatabase  *db,
              GHashTable    *by_id,
              gint64         only,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if ((stmt = comm_database_prepare (db, "SELECT contract_id, year, sum (amount) FROM funding_lines"
                                         " WHERE ?1 = 0 OR contract_id = ?1 GROUP BY contract_id, year", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CommBudgetContractInfo *info = g_hash_table_lookup (by_id, &id);

      if (info != NULL)
        _comm_budget_add_funding (info->years, sqlite3_column_int (stmt, 1), sqlite3_column_int64 (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the contracts’ funding lines"));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
_comm_budget_read_contracts (CommDatabase  *db,
                             gint64         only,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  if (!comm_database_ensure_open (db, error) ||
      (stmt = comm_database_prepare (db, INFO_SQL " WHERE ?1 = 0 OR c.id = ?1 ORDER BY c.reference COLLATE NOCASE, c.id",
                                     error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only);
  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) _comm_budget_contract_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommBudgetContractInfo *info = read_info (stmt);

      g_ptr_array_add (infos, info);
      g_hash_table_insert (by_id, &info->id, info);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the contracts"));
      return NULL;
    }
  if (!read_funding (db, by_id, only, error))
    return NULL;
  return g_steal_pointer (&infos);
}

CommBudgetContractInfo *
_comm_budget_read_contract (CommDatabase  *db,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(GPtrArray) infos = NULL;

  if (id <= 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND, _("The line is not linked to a contract."));
      return NULL;
    }
  if ((infos = _comm_budget_read_contracts (db, id, error)) == NULL)
    return NULL;
  if (infos->len == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND, _("The linked contract is not in the workspace."));
      return NULL;
    }
  return g_ptr_array_steal_index (infos, 0);
}

/* ----- candidates ----- */

void
comm_budget_candidate_free (CommBudgetCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->reference);
  g_free (candidate->title);
  g_free (candidate->provider_name);
  g_free (candidate->service_area);
  g_free (candidate->start_date);
  g_free (candidate->end_date);
  g_free (candidate);
}

static gboolean
is_linked (const CommBudget *budget,
           gint64            contract_id)
{
  for (guint i = 0; budget != NULL && i < budget->lines->len; i++)
    {
      const CommBudgetLine *line = g_ptr_array_index (budget->lines, i);

      if (line->kind == COMM_BUDGET_LINE_COMMITMENT && line->contract_id == contract_id)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
comm_budget_store_list_candidates (CommDatabase      *db,
                                   const CommBudget  *budget,
                                   int                year,
                                   GError           **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  GPtrArray *candidates;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if ((infos = _comm_budget_read_contracts (db, 0, error)) == NULL)
    return NULL;
  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_budget_candidate_free);
  for (guint i = 0; i < infos->len; i++)
    {
      const CommBudgetContractInfo *info = g_ptr_array_index (infos, i);
      CommBudgetCandidate *c;
      gint64 amount;
      CommCommitmentSource source;
      int days;

      if (info->deleted || !_comm_budget_figure (year, info->start, info->end, info->years, &amount, &source, &days))
        continue;
      c = g_new0 (CommBudgetCandidate, 1);
      c->contract_id = info->id;
      c->reference = g_strdup (info->reference);
      c->title = g_strdup (info->title);
      c->provider_name = g_strdup (info->provider_name);
      c->service_area = g_strdup (info->service_area);
      c->start_date = g_strdup (info->start);
      c->end_date = g_strdup (info->end);
      c->amount = amount;
      c->source = source;
      c->days = days;
      c->days_in_year = days_of_year (year);
      c->linked = is_linked (budget, info->id);
      g_ptr_array_add (candidates, c);
    }
  return candidates;
}

char *
_comm_budget_commitment_name (const CommBudget *budget,
                              const char       *reference,
                              const char       *title)
{
  g_autofree char *base = *title != '\0' ? g_strdup_printf ("%s – %s", reference, title) : g_strdup (reference);
  char *name = g_strdup (base);

  for (guint n = 2; comm_budget_find_line (budget, name) != NULL; n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s (%u)", base, n);
    }
  return name;
}

static gboolean
wanted (const GArray *ids,
        gint64        id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

guint
comm_budget_add_commitments (CommBudget   *budget,
                             GPtrArray    *candidates,
                             const GArray *contract_ids)
{
  guint added = 0;

  g_return_val_if_fail (budget != NULL && candidates != NULL, 0);

  for (guint i = 0; i < candidates->len; i++)
    {
      const CommBudgetCandidate *c = g_ptr_array_index (candidates, i);
      g_autofree char *name = NULL;
      CommBudgetLine *line;

      if (contract_ids != NULL ? !wanted (contract_ids, c->contract_id) : is_linked (budget, c->contract_id))
        continue;
      name = _comm_budget_commitment_name (budget, c->reference, c->title);
      line = comm_budget_add_line (budget, comm_budget_line_new (COMM_BUDGET_LINE_COMMITMENT, name, c->amount));
      line->contract_id = c->contract_id;
      line->source = c->source;
      g_free (line->contract_start);
      line->contract_start = g_strdup (c->start_date);
      g_free (line->contract_end);
      line->contract_end = g_strdup (c->end_date);
      added++;
    }
  return added;
}
