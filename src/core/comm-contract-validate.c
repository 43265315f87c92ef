/* comm-contract-validate.c: what blocks saving a contract, field by field, in words for the user
 *
 * Each problem names its field as the property ("end-date") or the row of a detail array
 * ("funding-line:2", "rag:0", "meeting:1", counted from 0) so that an editor can put the
 * message beside the right entry; the messages count rows from 1, as people do.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-private.h"
#include "comm-date.h"
#include "comm-problem.h"

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_date_clear (out, 1);
  return text != NULL && *text != '\0' && comm_date_parse_iso (text, out);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  g_ptr_array_add (problems, comm_problem_new (field, message));
}

static void
validate_dates (const CommContractRow *row,
                GPtrArray             *problems)
{
  GDate start, end, other;
  gboolean have_start = parse_date (row->start_date, &start);
  gboolean have_end = parse_date (row->end_date, &end);
  const char *text;

  if (!have_start)
    add_problem (problems, "start-date", *row->start_date == '\0'
                 ? _("Enter the start date.")
                 : _("The start date is not a date; write it as YYYY-MM-DD."));
  if (!have_end)
    add_problem (problems, "end-date", *row->end_date == '\0'
                 ? _("Enter the end date.")
                 : _("The end date is not a date; write it as YYYY-MM-DD."));
  if (have_start && have_end && g_date_compare (&end, &start) < 0)
    add_problem (problems, "end-date", _("The end date is before the start date."));

  text = row->extended_to;
  if (*text != '\0' && !parse_date (text, &other))
    add_problem (problems, "extended-to", _("The extension date is not a date; write it as YYYY-MM-DD."));
  else if (*text != '\0' && have_end && g_date_compare (&other, &end) < 0)
    add_problem (problems, "extended-to", _("The contract is extended to a date before its end date."));

  text = row->review_date;
  if (*text != '\0' && !parse_date (text, &other))
    add_problem (problems, "review-date", _("The review date is not a date; write it as YYYY-MM-DD."));
  text = row->terminated_on;
  if (*text != '\0' && !parse_date (text, &other))
    add_problem (problems, "terminated-on", _("The termination date is not a date; write it as YYYY-MM-DD."));

  if (row->notice_months < 0)
    add_problem (problems, "notice-months", _("The notice period cannot be negative."));
  else if (row->notice_months > 60)
    add_problem (problems, "notice-months", _("The notice period cannot be longer than 60 months."));
}

static void
validate_funding_lines (GPtrArray *funding_lines,
                        GPtrArray *problems)
{
  for (guint i = 0; i < funding_lines->len; i++)
    {
      const CommFundingLine *line = g_ptr_array_index (funding_lines, i);
      g_autofree char *field = g_strdup_printf ("funding-line:%u", i);
      g_autofree char *message = NULL;

      if (is_blank (line->stream))
        message = g_strdup_printf (_("Funding line %u has no funding stream."), i + 1);
      else if (line->year < 2000 || line->year > 2099)
        message = g_strdup_printf (_("Funding line %u is for a financial year before 2000 or after 2099."), i + 1);
      else if (line->amount < 0)
        message = g_strdup_printf (_("Funding line %u has a negative amount."), i + 1);

      if (message != NULL)
        add_problem (problems, field, message);
    }
}

static void
validate_history (GPtrArray *rag_history,
                  GPtrArray *meetings,
                  GPtrArray *problems)
{
  GDate date;

  for (guint i = 0; i < rag_history->len; i++)
    {
      const CommRagEntry *entry = g_ptr_array_index (rag_history, i);
      g_autofree char *field = g_strdup_printf ("rag:%u", i);
      g_autofree char *message = NULL;

      if (!parse_date (entry->rated_on, &date))
        message = g_strdup_printf (_("RAG rating %u has no valid date; write it as YYYY-MM-DD."), i + 1);
      else if (entry->rag != COMM_RAG_GREEN && entry->rag != COMM_RAG_AMBER && entry->rag != COMM_RAG_RED)
        message = g_strdup_printf (_("RAG rating %u is not Green, Amber or Red."), i + 1);

      if (message != NULL)
        add_problem (problems, field, message);
    }

  for (guint i = 0; i < meetings->len; i++)
    {
      const CommMeeting *meeting = g_ptr_array_index (meetings, i);

      if (!parse_date (meeting->held_on, &date))
        {
          g_autofree char *field = g_strdup_printf ("meeting:%u", i);
          g_autofree char *message =
            g_strdup_printf (_("Monitoring meeting %u has no valid date; write it as YYYY-MM-DD."), i + 1);

          add_problem (problems, field, message);
        }
    }
}

GPtrArray *
comm_contract_validate (CommContract *self)
{
  GPtrArray *problems;
  CommContractRow row;

  g_return_val_if_fail (COMM_IS_CONTRACT (self), NULL);

  comm_contract_get_row (self, &row);
  problems = comm_problems_new ();
  if (is_blank (row.reference))
    add_problem (problems, "reference", _("Enter a reference for the contract."));
  if (is_blank (row.title))
    add_problem (problems, "title", _("Enter a title for the contract."));
  if (row.provider_id <= 0)
    add_problem (problems, "provider-id", _("Choose the provider."));
  validate_dates (&row, problems);
  if (comm_contract_get_irrecoverable_vat (self) < 0)
    add_problem (problems, "irrecoverable-vat", _("Irrecoverable VAT can’t be a negative amount."));
  validate_funding_lines (comm_contract_get_funding_lines (self), problems);
  validate_history (comm_contract_get_rag_history (self), comm_contract_get_meetings (self), problems);

  return problems;
}
