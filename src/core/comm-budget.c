/* comm-budget.c: a budget in memory - lines, codes and labels, and what the user types
 *
 * The figures are worked out in comm-budget-compute.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-budget.h"
#include "comm-date.h"
#include "comm-error.h"
#include "comm-money.h"

static const char *const kind_codes[] = { "income", "commitment", "fixed", "percent" };
static const char *const source_codes[] = { "manual", "funding-lines", "apportioned" };

/* ----- lines and budgets ----- */

CommBudgetLine *
comm_budget_line_new (CommBudgetLineKind  kind,
                      const char         *name,
                      gint64              amount_or_thousandths)
{
  CommBudgetLine *line = g_new0 (CommBudgetLine, 1);

  line->kind = kind;
  line->name = g_strdup (name != NULL ? name : "");
  if (kind == COMM_BUDGET_LINE_PERCENT)
    line->thousandths = amount_or_thousandths;
  else
    line->amount = amount_or_thousandths;
  line->source = COMM_COMMITMENT_MANUAL;
  line->contract_start = g_strdup ("");
  line->contract_end = g_strdup ("");
  line->contract_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  line->note = g_strdup ("");
  return line;
}

CommBudgetLine *
comm_budget_line_copy (const CommBudgetLine *line)
{
  CommBudgetLine *copy;

  g_return_val_if_fail (line != NULL, NULL);

  copy = g_memdup2 (line, sizeof *line);
  copy->name = g_strdup (line->name);
  copy->contract_start = g_strdup (line->contract_start);
  copy->contract_end = g_strdup (line->contract_end);
  copy->note = g_strdup (line->note);
  copy->contract_ids = g_array_copy (line->contract_ids);
  return copy;
}

void
comm_budget_line_free (CommBudgetLine *line)
{
  if (line == NULL)
    return;
  g_free (line->name);
  g_free (line->contract_start);
  g_free (line->contract_end);
  g_free (line->note);
  g_array_unref (line->contract_ids);
  g_free (line);
}

CommBudget *
comm_budget_new (const char *programme_name,
                 int         year)
{
  CommBudget *budget = g_new0 (CommBudget, 1);

  budget->programme_name = g_strdup (programme_name != NULL ? programme_name : "");
  budget->year = year;
  budget->notes = g_strdup ("");
  budget->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_budget_line_free);
  return budget;
}

CommBudget *
comm_budget_copy (const CommBudget *budget)
{
  CommBudget *copy;

  g_return_val_if_fail (budget != NULL, NULL);

  copy = comm_budget_new (budget->programme_name, budget->year);
  copy->id = budget->id;
  copy->programme_id = budget->programme_id;
  copy->scenario = g_strdup (budget->scenario);
  copy->based_on = budget->based_on;
  copy->remainder_name = g_strdup (budget->remainder_name);
  copy->has_published_total = budget->has_published_total;
  copy->published_total = budget->published_total;
  g_free (copy->notes);
  copy->notes = g_strdup (budget->notes);
  for (guint i = 0; i < budget->lines->len; i++)
    g_ptr_array_add (copy->lines, comm_budget_line_copy (g_ptr_array_index (budget->lines, i)));
  return copy;
}

void
comm_budget_free (CommBudget *budget)
{
  if (budget == NULL)
    return;
  g_free (budget->programme_name);
  g_free (budget->scenario);
  g_free (budget->remainder_name);
  g_free (budget->notes);
  g_ptr_array_unref (budget->lines);
  g_free (budget);
}

CommBudgetLine *
comm_budget_add_line (CommBudget     *budget,
                      CommBudgetLine *line)
{
  g_return_val_if_fail (budget != NULL && line != NULL, NULL);

  g_ptr_array_add (budget->lines, line);
  return line;
}

CommBudgetLine *
comm_budget_find_line (const CommBudget *budget,
                       const char       *name)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (budget != NULL, NULL);

  wanted = g_utf8_casefold (name != NULL ? name : "", -1);
  for (guint i = 0; i < budget->lines->len; i++)
    {
      CommBudgetLine *line = g_ptr_array_index (budget->lines, i);
      g_autofree char *key = g_utf8_casefold (line->name, -1);

      if (g_str_equal (key, wanted))
        return line;
    }
  return NULL;
}

char *
comm_budget_dup_title (const CommBudget *budget)
{
  g_autofree char *year = NULL;

  g_return_val_if_fail (budget != NULL, NULL);

  year = budget->year > 0 ? comm_financial_year_label (budget->year) : g_strdup ("");
  if (budget->scenario != NULL)
    /* Translators: programme, financial year, scenario: "Early Help 2026-27 – 10% cut" */
    return g_strdup_printf (_("%s %s – %s"), budget->programme_name, year, budget->scenario);
  return g_strdup_printf ("%s %s", budget->programme_name, year);
}

char *
comm_budget_name_key (const char *name)
{
  const char *start = name != NULL ? name : "";
  gsize length;

  while (g_ascii_isspace (*start))
    start++;
  length = strlen (start);
  while (length > 0 && g_ascii_isspace (start[length - 1]))
    length--;
  for (gsize i = 0; i < length; i++)
    if ((guchar) start[i] >= 0x80)
      return g_utf8_casefold (start, length);
  return g_ascii_strdown (start, length);
}

/* ----- codes and labels ----- */

const char *
comm_budget_line_kind_to_code (CommBudgetLineKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_codes), "income");

  return kind_codes[kind];
}

gboolean
comm_budget_line_kind_from_code (const char         *code,
                                 CommBudgetLineKind *kind)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (kind_codes); i++)
    if (g_str_equal (code, kind_codes[i]))
      {
        if (kind != NULL)
          *kind = (CommBudgetLineKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
comm_budget_line_kind_to_label (CommBudgetLineKind kind)
{
  switch (kind)
    {
    case COMM_BUDGET_LINE_INCOME:     return _("Income");
    case COMM_BUDGET_LINE_COMMITMENT: return _("Commitment");
    case COMM_BUDGET_LINE_FIXED:      return _("Fixed allocation");
    case COMM_BUDGET_LINE_PERCENT:    return _("Percentage allocation");
    default:                          return "";
    }
}

const char *
comm_commitment_source_to_code (CommCommitmentSource source)
{
  g_return_val_if_fail ((guint) source < G_N_ELEMENTS (source_codes), "manual");

  return source_codes[source];
}

CommCommitmentSource
comm_commitment_source_from_code (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (source_codes); i++)
    if (g_str_equal (code, source_codes[i]))
      return (CommCommitmentSource) i;
  return COMM_COMMITMENT_MANUAL;
}

const char *
comm_commitment_source_to_label (CommCommitmentSource source)
{
  switch (source)
    {
    case COMM_COMMITMENT_FUNDING_LINES: return _("Contract’s funding lines for the year");
    case COMM_COMMITMENT_APPORTIONED:   return _("Contract’s annual value, apportioned by days");
    case COMM_COMMITMENT_MANUAL:
    default:                            return _("Typed in");
    }
}

char *
comm_budget_line_flags_describe (CommBudgetLineFlags flags)
{
  g_autoptr(GString) text = NULL;

  if (flags == COMM_BUDGET_LINE_FLAG_NONE)
    return NULL;
  text = g_string_new (NULL);
  if (flags & COMM_BUDGET_LINE_FLAG_CONTRACT_DELETED)
    g_string_append (text, _("The contract was deleted."));
  if (flags & COMM_BUDGET_LINE_FLAG_DATES_CHANGED)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", _("The contract’s dates have changed."));
  if (flags & COMM_BUDGET_LINE_FLAG_NOT_IN_YEAR)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "",
                            _("The contract no longer runs in the budget’s year."));
  g_string_append_printf (text, " %s", _("The figure is kept as it was until you accept the contract’s figure."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ----- what the user types ----- */

gboolean
comm_budget_parse_value (CommBudgetLineKind  kind,
                         const char         *text,
                         gint64             *value,
                         GError            **error)
{
  gint64 parsed = 0;

  if (kind == COMM_BUDGET_LINE_PERCENT)
    {
      if (!comm_percent_parse (text, &parsed, error))
        return FALSE;
    }
  else
    {
      if (!comm_money_parse (text, &parsed, error))
        return FALSE;
      if (parsed < 0)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("“%s” is negative; budget amounts must be zero or more."), text);
          return FALSE;
        }
    }
  if (value != NULL)
    *value = parsed;
  return TRUE;
}

/* The length of a leading sign: "+", "-" or a minus sign (U+2212); @negative set. */
static gsize
sign_length (const char *text,
             gboolean   *negative)
{
  *negative = FALSE;
  if (text[0] == '+')
    return 1;
  if (text[0] == '-')
    {
      *negative = TRUE;
      return 1;
    }
  if (g_str_has_prefix (text, "−"))
    {
      *negative = TRUE;
      return strlen ("−");
    }
  return 0;
}

gboolean
comm_budget_parse_change (const char  *text,
                          gint64      *thousandths,
                          GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GError) local = NULL;
  gboolean negative;
  gsize skip = sign_length (trimmed, &negative);
  gint64 parsed = 0;

  if (!comm_percent_parse (trimmed + skip, &parsed, &local))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("“%s” is not a change in percent. Write an uplift like 2.5%% or a cut like -10%%, "
                     "with up to three decimals and no more than 100%%."), trimmed);
      return FALSE;
    }
  if (thousandths != NULL)
    *thousandths = negative ? -parsed : parsed;
  return TRUE;
}

gboolean
comm_budget_parse_year (const char  *text,
                        int         *start_year,
                        char       **normalised,
                        GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *label = NULL;
  int year = 0;

  if (normalised != NULL)
    *normalised = NULL;
  if (strlen (trimmed) == 4 && g_ascii_isdigit (trimmed[0]) && g_ascii_isdigit (trimmed[1]) &&
      g_ascii_isdigit (trimmed[2]) && g_ascii_isdigit (trimmed[3]))
    {
      int y = atoi (trimmed);
      g_autofree char *before = comm_financial_year_label (MAX (y - 1, 1));
      g_autofree char *after = comm_financial_year_label (MAX (y, 1));

      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   /* Translators: "2026" could be 2025-26 or 2026-27 ... */
                   _("“%s” could be %s or %s; write the financial year in full, as %s "
                     "(1 April to 31 March)."), trimmed, before, after, after);
      return FALSE;
    }
  if (!comm_financial_year_parse (trimmed, &year, error))
    return FALSE;

  label = comm_financial_year_label (year);
  if (normalised != NULL && !g_str_equal (label, trimmed))
    /* Translators: "“26/27” read as 2026-27" */
    *normalised = g_strdup_printf (_("“%s” read as %s"), trimmed, label);
  if (start_year != NULL)
    *start_year = year;
  return TRUE;
}
