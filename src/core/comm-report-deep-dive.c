/* comm-report-deep-dive.c: "deep-dive" - one contract's Deep Dive of a financial year
 *
 * Asked for as a commissioning manager names it: the contract reference (--id) and the financial
 * year (--year, default the current one). Prints the Deep Dive's own facts (status, dates,
 * reviewers, checklist version, progress), the contract and its provider, the judgements at a
 * glance, then each checklist area in order with its judgement, notes, evidence (name, size and
 * the start of the file's SHA-256, or where to find it) and actions (what, who, by when, done),
 * and the conclusion: overall grade, lessons learnt, contract variation and sign-off.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-store.h"
#include "comm-database-private.h"
#include "comm-date.h"
#include "comm-deep-dive.h"
#include "comm-error.h"
#include "comm-money.h"
#include "comm-provider-store.h"
#include "comm-reports-private.h"
#include "comm-types.h"

/* How much of a SHA-256 to print: enough to tell files apart and check one by eye. */
#define SHORT_HASH_LENGTH 12

static const char *
or_text (const char *text,
         const char *none)
{
  return text != NULL && *text != '\0' ? text : none;
}

static void
add_date (CommReportDocument *document,
          const char         *key,
          const char         *iso,
          const char         *none)
{
  g_autofree char *shown = _comm_report_date (iso, none);

  comm_report_document_add_key_value (document, key, shown);
}

static CommReportCellStyle
judgement_style (CommJudgement judgement)
{
  switch (judgement)
    {
    case COMM_JUDGEMENT_MET:
      return COMM_REPORT_CELL_TINT_GREEN;
    case COMM_JUDGEMENT_PARTLY_MET:
      return COMM_REPORT_CELL_TINT_AMBER;
    case COMM_JUDGEMENT_NOT_MET:
      return COMM_REPORT_CELL_TINT_RED | COMM_REPORT_CELL_BOLD;
    case COMM_JUDGEMENT_NOT_ASSESSED:
    case COMM_JUDGEMENT_NONE:
    default:
      return COMM_REPORT_CELL_ITALIC;
    }
}

static guint
count_open_actions (const CommDeepDiveArea *area)
{
  guint open = 0;

  for (guint i = 0; i < area->actions->len; i++)
    open += !((CommDeepDiveAction *) g_ptr_array_index (area->actions, i))->done;
  return open;
}

/* "Signed off by Jo Penrose on 20 Jul 2026", or "Not signed off". */
static char *
sign_off_text (const CommDeepDive *dive)
{
  g_autofree char *on = NULL;

  if (*dive->signed_off_on == '\0')
    return g_strdup (_("Not signed off"));
  on = _comm_report_date (dive->signed_off_on, "—");
  /* Translators: a Deep Dive's sign-off, "Signed off by Jo Penrose on 20 Jul 2026" */
  return g_strdup_printf (_("Signed off by %s on %s"), dive->signed_off_by, on);
}

static void
add_deep_dive_facts (CommReportDocument *document,
                     const CommDeepDive *dive,
                     const GDate        *today)
{
  g_autofree char *year = comm_financial_year_label (dive->year);
  g_autofree char *checklist = NULL, *progress = NULL;
  g_autofree char *signed_off = sign_off_text (dive);
  guint judged = 0, total = 0;

  comm_deep_dive_get_progress (dive, &judged, &total);
  if (dive->template_version > 0)
    /* Translators: a checklist template and its version, "Standard Deep Dive checklist, version 2" */
    checklist = g_strdup_printf (_("%s, version %d"), dive->template_name, dive->template_version);
  else
    /* Translators: the checklist of a Deep Dive not started yet */
    checklist = g_strdup_printf (_("%s (its newest version when the Deep Dive starts)"), dive->template_name);
  if (*dive->started_on != '\0')
    /* Translators: progress of a Deep Dive, "7 of 9 areas judged" */
    progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u area judged", "%u of %u areas judged", total),
                                judged, total);
  else
    progress = g_strdup (_("Not started"));

  comm_report_document_add_heading (document, _("Deep Dive"));
  comm_report_document_add_key_value (document, _("Financial year"), year);
  comm_report_document_add_key_value (document, _("Status"),
                                      comm_deep_dive_status_to_label (comm_deep_dive_get_status (dive, today)));
  add_date (document, _("Scheduled date"), dive->scheduled_on, _("Not scheduled"));
  add_date (document, _("Started on"), dive->started_on, _("Not started"));
  comm_report_document_add_key_value (document, _("Lead reviewer"), or_text (dive->lead_reviewer, "—"));
  comm_report_document_add_key_value (document, _("Other reviewers"), or_text (dive->reviewers, "—"));
  comm_report_document_add_key_value (document, _("Provider contact"), or_text (dive->provider_contact, "—"));
  comm_report_document_add_key_value (document, _("Checklist"), checklist);
  comm_report_document_add_key_value (document, _("Progress"), progress);
  comm_report_document_add_key_value (document, _("Overall grade"), comm_grade_to_label (dive->grade));
  comm_report_document_add_key_value (document, _("Sign-off"), signed_off);
  if (*dive->reopened_on != '\0')
    {
      g_autofree char *on = _comm_report_date (dive->reopened_on, "—");
      /* Translators: when a signed-off Deep Dive was reopened: date, who, and why */
      g_autofree char *reopened = g_strdup_printf (_("%s by %s: %s"), on, or_text (dive->reopened_by, "—"),
                                                   or_text (dive->reopen_reason, "—"));

      comm_report_document_add_key_value (document, _("Reopened"), reopened);
    }
}

static void
add_contract_facts (CommReportDocument *document,
                    CommContract       *contract)
{
  g_autofree char *start = _comm_report_date (comm_contract_get_start_date (contract), "—");
  g_autofree char *end = _comm_report_date (comm_contract_get_effective_end_date (contract), "—");
  /* Translators: a contract's term, "1 Apr 2025 to 31 Mar 2028" */
  g_autofree char *term = g_strdup_printf (_("%s to %s"), start, end);
  g_autofree char *annual = comm_money_format (comm_contract_get_annual_value (contract));
  g_autofree char *rated = _comm_report_date (comm_contract_get_rag_date (contract), NULL);
  g_autofree char *rag = NULL;
  const char *area = comm_contract_get_service_area (contract);

  if (rated != NULL)
    /* Translators: a RAG rating and the date it was given, "Amber (rated 1 Oct 2026)" */
    rag = g_strdup_printf (_("%s (rated %s)"), comm_rag_to_label (comm_contract_get_rag (contract)), rated);
  else
    rag = g_strdup (comm_rag_to_label (comm_contract_get_rag (contract)));

  comm_report_document_add_heading (document, _("Contract"));
  comm_report_document_add_key_value (document, _("Reference"), comm_contract_get_reference (contract));
  comm_report_document_add_key_value (document, _("Title"), comm_contract_get_title (contract));
  comm_report_document_add_key_value (document, _("Service area"),
                                      *area != '\0' ? comm_choice_label (comm_service_areas (), area) : "—");
  comm_report_document_add_key_value (document, _("Lead commissioner"),
                                      or_text (comm_contract_get_lead_commissioner (contract), "—"));
  comm_report_document_add_key_value (document, _("Term"), term);
  comm_report_document_add_key_value (document, _("Status"),
                                      comm_contract_status_to_label (comm_contract_get_status (contract)));
  comm_report_document_add_key_value (document, _("Annual value"), annual);
  comm_report_document_add_key_value (document, _("RAG rating"), rag);
}

static gboolean
add_provider_facts (CommReportDocument  *document,
                    CommDatabase        *db,
                    CommContract        *contract,
                    GError             **error)
{
  g_autoptr(CommProvider) provider = NULL;
  g_autofree char *contact = NULL;
  const char *form, *grade;

  comm_report_document_add_heading (document, _("Provider"));
  if (comm_contract_get_provider_id (contract) == 0)
    {
      comm_report_document_add_paragraph (document, _("No provider is recorded for this contract."));
      return TRUE;
    }
  if ((provider = comm_provider_store_get (db, comm_contract_get_provider_id (contract), error)) == NULL)
    return FALSE;

  g_object_get (provider, "contact-name", &contact, NULL);
  form = comm_provider_get_legal_form (provider);
  grade = comm_provider_get_latest_grade (provider);
  comm_report_document_add_key_value (document, _("Name"), comm_provider_get_name (provider));
  comm_report_document_add_key_value (document, _("Legal form"),
                                      *form != '\0' ? comm_choice_label (comm_legal_forms (), form) : "—");
  comm_report_document_add_key_value (document, _("Registered number"),
                                      or_text (comm_provider_get_registered_number (provider), "—"));
  comm_report_document_add_key_value (document, _("Contact"), or_text (contact, "—"));
  comm_report_document_add_key_value (document, _("Latest inspection"), or_text (grade, _("None recorded")));
  return TRUE;
}

static void
add_glance (CommReportDocument *document,
            const CommDeepDive *dive)
{
  CommReportTable *table;

  comm_report_document_add_heading (document, _("Judgements at a glance"));
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("No."), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Area"), 5, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Judgement"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Evidence"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("Open actions"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);

  for (guint i = 0; i < dive->areas->len; i++)
    {
      CommDeepDiveArea *area = g_ptr_array_index (dive->areas, i);
      g_autofree char *number = g_strdup_printf ("%u", area->number);
      g_autofree char *evidence = g_strdup_printf ("%u", area->evidence->len);
      g_autofree char *open = g_strdup_printf ("%u", count_open_actions (area));

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, number, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, area->title, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, comm_judgement_to_label (area->judgement), judgement_style (area->judgement));
      comm_report_table_add_cell (table, evidence, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, open, COMM_REPORT_CELL_PLAIN);
    }
}

static void
add_evidence (CommReportDocument     *document,
              const CommDeepDiveArea *area)
{
  CommReportTable *table;

  if (area->evidence->len == 0)
    {
      comm_report_document_add_key_value (document, _("Evidence"), _("None recorded"));
      return;
    }
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Evidence"), 3, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Size"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_RIGHT);
  comm_report_table_add_column (table, _("SHA-256 (start) or where to find it"), 3, COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < area->evidence->len; i++)
    {
      CommEvidence *evidence = g_ptr_array_index (area->evidence, i);
      gboolean file = evidence->kind == COMM_EVIDENCE_FILE;
      g_autofree char *size = file ? g_format_size ((guint64) evidence->size) : g_strdup ("—");
      g_autofree char *hash = file ? g_strndup (evidence->sha256, SHORT_HASH_LENGTH) : NULL;

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, evidence->name, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, size, COMM_REPORT_CELL_PLAIN);
      if (file)
        comm_report_table_add_cell (table, hash, COMM_REPORT_CELL_PLAIN);
      else
        comm_report_table_add_cell (table, or_text (evidence->reference, _("Reference, no location given")),
                                    *evidence->reference != '\0' ? COMM_REPORT_CELL_PLAIN : COMM_REPORT_CELL_ITALIC);
    }
}

/* The "Done" cell of an action: the date done, or "Overdue" (bold, red: text and colour), or "No". */
static void
add_done_cell (CommReportTable          *table,
               const CommDeepDiveAction *action,
               const GDate              *today)
{
  g_autofree char *done_on = NULL;
  GDate due;

  if (action->done)
    {
      done_on = _comm_report_date (action->done_on, _("Yes"));
      comm_report_table_add_cell (table, done_on, COMM_REPORT_CELL_TINT_GREEN);
    }
  else if (comm_date_parse_iso (action->due_on, &due) && g_date_compare (&due, today) < 0)
    comm_report_table_add_cell (table, _("No — overdue"), COMM_REPORT_CELL_BOLD | COMM_REPORT_CELL_TINT_RED);
  else
    comm_report_table_add_cell (table, _("No"), COMM_REPORT_CELL_PLAIN);
}

static void
add_actions (CommReportDocument     *document,
             const CommDeepDiveArea *area,
             const GDate            *today)
{
  CommReportTable *table;

  if (area->actions->len == 0)
    {
      comm_report_document_add_key_value (document, _("Actions"), _("None agreed"));
      return;
    }
  table = comm_report_document_add_table (document);
  comm_report_table_add_column (table, _("Action"), 4, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Owner"), 1.6, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Due"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  comm_report_table_add_column (table, _("Done"), COMM_REPORT_WIDTH_FIT, COMM_REPORT_ALIGN_LEFT);
  for (guint i = 0; i < area->actions->len; i++)
    {
      CommDeepDiveAction *action = g_ptr_array_index (area->actions, i);
      g_autofree char *due = _comm_report_date (action->due_on, "—");

      comm_report_table_begin_row (table);
      comm_report_table_add_cell (table, action->description, COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, or_text (action->owner, "—"), COMM_REPORT_CELL_PLAIN);
      comm_report_table_add_cell (table, due, COMM_REPORT_CELL_PLAIN);
      add_done_cell (table, action, today);
    }
}

static void
add_areas (CommReportDocument *document,
           const CommDeepDive *dive,
           const GDate        *today)
{
  for (guint i = 0; i < dive->areas->len; i++)
    {
      CommDeepDiveArea *area = g_ptr_array_index (dive->areas, i);
      /* Translators: an area's heading in the Deep Dive report, "3. Agreement on funding ..." */
      g_autofree char *heading = g_strdup_printf (_("%u. %s"), area->number, area->title);

      comm_report_document_add_heading (document, heading);
      comm_report_document_add_key_value (document, _("Judgement"), comm_judgement_to_label (area->judgement));
      comm_report_document_add_key_value (document, _("Notes"), or_text (area->notes, _("No notes")));
      add_evidence (document, area);
      add_actions (document, area, today);
    }
}

static void
add_conclusion (CommReportDocument *document,
                const CommDeepDive *dive,
                CommContract       *contract)
{
  g_autofree char *variation = NULL;
  g_autofree char *signed_off = sign_off_text (dive);

  if (dive->variation_agreed)
    /* Translators: the contract variation agreed in a Deep Dive; %s is what was agreed, then a reference */
    variation = g_strdup_printf (_("%s\nA variation of contract %s was agreed."), or_text (dive->variation, "—"),
                                 comm_contract_get_reference (contract));
  else
    variation = g_strdup (or_text (dive->variation, _("None agreed")));

  comm_report_document_add_heading (document, _("Conclusion"));
  comm_report_document_add_key_value (document, _("Overall grade"), comm_grade_to_label (dive->grade));
  comm_report_document_add_key_value (document, _("Lessons learnt"), or_text (dive->lessons, _("None recorded")));
  comm_report_document_add_key_value (document, _("Contract variation"), variation);
  comm_report_document_add_key_value (document, _("Sign-off"), signed_off);
}

/* The contract by its reference: through the index on references (ASCII letters in any case),
 * else the shared lookup, which folds the case of every letter and says so when there is none.
 * (The shared lookup lists every contract: 0.4 s on 10,000, too slow for the dialog's preview.) */
static CommContract *
find_contract (CommDatabase  *db,
               const char    *reference,
               const GDate   *today,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db,
    "SELECT id FROM contracts WHERE reference = ?1 COLLATE NOCASE AND deleted_at IS NULL", error);
  gint64 id = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (id != 0)
    return comm_contract_store_get (db, id, today, error);
  return _comm_report_find_contract (db, reference, today, error);
}

/* "2025-26, 2024-25": the years in which @contract_id has a Deep Dive, newest first ("" if none). */
static char *
years_with_deep_dives (CommDatabase *db,
                       gint64        contract_id)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db,
    "SELECT year FROM deep_dives WHERE contract_id = ?1 ORDER BY year DESC", NULL);
  g_autoptr(GString) years = g_string_new (NULL);

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *label = comm_financial_year_label (sqlite3_column_int (stmt, 0));

      g_string_append_printf (years, "%s%s", years->len > 0 ? ", " : "", label);
    }
  return g_string_free (g_steal_pointer (&years), FALSE);
}

/* The Deep Dive of @contract in @year, or NOT_FOUND naming both (and the years it has one). */
static CommDeepDive *
load_deep_dive (CommDatabase  *db,
                CommContract  *contract,
                int            year,
                GError       **error)
{
  gint64 id = comm_deep_dive_find (db, comm_contract_get_id (contract), year);
  g_autofree char *label = NULL, *others = NULL;

  if (id != 0)
    return comm_deep_dive_load (db, id, error);

  label = comm_financial_year_label (year);
  others = years_with_deep_dives (db, comm_contract_get_id (contract));
  if (*others == '\0')
    /* Translators: a contract reference and a financial year, "2026-27" */
    g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                 _("The contract “%s” has no Deep Dive in %s, nor in any other year: schedule one in the "
                   "Deep Dives tab."), comm_contract_get_reference (contract), label);
  else
    /* Translators: a contract reference, a financial year, then the years it has Deep Dives in */
    g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                 _("The contract “%s” has no Deep Dive in %s. It has one in: %s."),
                 comm_contract_get_reference (contract), label, others);
  return NULL;
}

CommReportDocument *
_comm_report_deep_dive_build (CommDatabase             *db,
                              const CommReportOptions  *options,
                              GCancellable             *cancellable,
                              GError                  **error)
{
  g_autoptr(CommContract) contract = find_contract (db, options->id, &options->today, error);
  g_autoptr(CommDeepDive) dive = NULL;
  g_autoptr(CommReportDocument) document = NULL;
  g_autofree char *title = NULL, *subtitle = NULL, *year = NULL;

  if (contract == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  dive = load_deep_dive (db, contract, options->year != 0 ? options->year : comm_financial_year_of (&options->today),
                         error);
  if (dive == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Translators: title of a Deep Dive report: contract reference — contract title */
  title = g_strdup_printf (_("%s — %s"), comm_contract_get_reference (contract), comm_contract_get_title (contract));
  year = comm_financial_year_label (dive->year);
  /* Translators: subtitle of a Deep Dive report; %s is a financial year, "2026-27" */
  subtitle = g_strdup_printf (_("Deep Dive %s"), year);
  document = _comm_report_new_document (db, title, COMM_REPORT_PORTRAIT, options);
  comm_report_document_set_subtitle (document, subtitle);

  add_deep_dive_facts (document, dive, &options->today);
  add_contract_facts (document, contract);
  if (!add_provider_facts (document, db, contract, error))
    return NULL;
  if (dive->areas->len == 0)
    {
      comm_report_document_add_heading (document, _("Checklist"));
      comm_report_document_add_paragraph (document, _("This Deep Dive has not been started yet: its checklist areas "
                                                      "are filled in once it starts."));
    }
  else
    {
      add_glance (document, dive);
      add_areas (document, dive, &options->today);
    }
  add_conclusion (document, dive, contract);
  return g_steal_pointer (&document);
}
