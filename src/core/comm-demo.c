/* comm-demo.c: the demo workspace - public sample figures plus invented, realistic data
 *
 * The data lives in two readable tables bundled in the core resource:
 *   demo/providers.csv  about 40 providers: legal form, registered number, SME / VCSE flags,
 *                       contact, and inspection history as "framework|months from today|grade;..."
 *   demo/contracts.csv  about 60 contracts: dates as months from the first of this month (start,
 *                       length, extension, termination), annual value in pounds, funding streams
 *                       as "stream=percent;...", RAG history oldest first ("GGAR"), and whether
 *                       monitoring is overdue.
 * The Plymouth 2015 existing-provision sample supplies the real provider names that are
 * organisations (rows such as "Various" or "VCS" are not) and, for contracts named after one of
 * its services, who commissioned that service. Everything is dated relative to @today, and the
 * few random choices (which comment, a few days either way) come from a GRand with a fixed seed,
 * so a given @today always gives the same workspace.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-contract-store.h"
#include "comm-core-resources.h"
#include "comm-csv.h"
#include "comm-database-private.h"
#include "comm-date.h"
#include "comm-demo.h"
#include "comm-demo-private.h"
#include "comm-money.h"
#include "comm-monitoring.h"
#include "comm-provider-store.h"
#include "comm-text.h"

#define RESOURCE_PATH "/uk/org/commissioner/core/"
#define DEMO_SEED     20150401  /* any constant: the Plymouth sample's year */

enum { P_NAME, P_LEGAL_FORM, P_NUMBER, P_SME, P_VCSE, P_ADDRESS, P_CONTACT, P_PHONE, P_EMAIL,
       P_INSPECTIONS, N_PROVIDER_COLUMNS };

enum { C_REFERENCE, C_TITLE, C_AREA, C_PROVIDER, C_LEAD, C_GEOGRAPHY, C_ROUTE, C_START, C_MONTHS,
       C_EXTENDED, C_TERMINATED, C_PROCURING, C_NOTICE, C_ANNUAL, C_STREAMS, C_RATINGS, C_OVERDUE,
       C_EXTENSION_OPTIONS, N_CONTRACT_COLUMNS };

enum { S_SERVICE, S_COMMISSIONER, S_PROVIDER, N_SAMPLE_COLUMNS };

typedef struct {
  CommDatabase *db;
  GDate         today;
  GDate         month_start;   /* the first of today's month: contract dates count from here */
  GRand        *rand;
  GHashTable   *providers;     /* organisation key -> CommProvider (saved) */
  GHashTable   *commissioners; /* folded sample service -> who commissioned it ("" if not given) */
  GPtrArray    *sample_names;  /* the sample's organisations, first spelling of each */
} Demo;

/* What a commissioner writes after a monitoring meeting, by rating. */
static const char * const green_comments[] = {
  "All KPIs met this quarter. Families' feedback at the review was very positive.",
  "Referrals up on last quarter and waiting times within target.",
  "Performing well. Case file audit found good quality plans and reviews.",
  "Outcomes on track; the provider has started collecting Outcomes Star scores as agreed.",
  "Good partnership working with schools and early help hubs. No concerns.",
  "Targets met. Provider asked to share its volunteer recruitment approach with others.",
};
static const char * const amber_comments[] = {
  "Waiting list above target after two staff left. Provider has a recruitment plan.",
  "Most KPIs met, but outcome data for the last quarter came in late and incomplete.",
  "Take-up in the north of the city is low; provider to target outreach there.",
  "Moving towards good. Action plan agreed at the last meeting is partly done.",
  "Caseloads high. Supervision records not up to date - to check at next meeting.",
  "Spend is behind profile; provider to explain the underspend and revise forecasts.",
};
static const char * const red_comments[] = {
  "Formal contract warning issued. Improvement plan required within 28 days.",
  "Safeguarding audit found gaps in case recording. Weekly updates requested.",
  "Key targets missed for a second quarter. Escalated to the head of commissioning.",
  "Service not reaching agreed numbers; considering re-procurement if no improvement.",
};

static const char *
pick (Demo              *demo,
      const char * const *choices,
      guint               n)
{
  return choices[g_rand_int_range (demo->rand, 0, (gint32) n)];
}

/* A name reduced to letters and digits, without the word "provided": the sample writes the
 * same organisation as "Plymouth Community Healthcare" and "Plymouth Community Health Care",
 * and in-house services as "Plymouth City Council Provided – ELAFS" and "Plymouth City Council – ELAFS". */
static char *
organisation_key (const char *name)
{
  g_autofree char *folded = comm_text_fold (name);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GString *key = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], "provided"))
        continue;
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          g_string_append_unichar (key, g_utf8_get_char (p));
    }

  return g_string_free (key, FALSE);
}

static GPtrArray *
read_table (const char  *name,
            guint        n_columns,
            GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH, name, NULL);
  g_autoptr(GInputStream) in = g_resource_open_stream (comm_core_get_resource (), path,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(CommCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) local_error = NULL;
  char **row;

  if (in == NULL)
    return NULL;

  reader = comm_csv_reader_new (in, ',');
  if ((header = comm_csv_reader_next_row (reader, error)) == NULL)
    return NULL;
  while ((row = comm_csv_reader_next_row (reader, &local_error)) != NULL)
    {
      g_ptr_array_add (rows, row);
      if (g_strv_length (row) != n_columns)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                       _("The demo data %s has %u cells on line %u instead of %u."),
                       name, g_strv_length (row), comm_csv_reader_get_line (reader), n_columns);
          return NULL;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gboolean
is_organisation (const char *name,
                 GHashTable *commissioner_keys)
{
  g_autofree char *folded = comm_text_fold (name);
  g_autofree char *key = organisation_key (name);

  return *key != '\0' &&
         strstr (folded, "various") == NULL &&
         strstr (folded, "vcs") == NULL &&
         strstr (folded, "voluntary") == NULL &&
         strstr (folded, "- and ") == NULL &&          /* "Council – and Independent ..." */
         !g_hash_table_contains (commissioner_keys, key); /* the council itself, no service named */
}

/* Reads the Plymouth sample: its organisations, and who commissions each service. */
static gboolean
read_sample (Demo    *demo,
             GError **error)
{
  g_autoptr(GPtrArray) rows = read_table ("samples/plymouth_existing_provision_2015.csv",
                                          N_SAMPLE_COLUMNS, error);
  g_autoptr(GHashTable) commissioner_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_hash_table_add (commissioner_keys, organisation_key (row[S_COMMISSIONER]));
      g_hash_table_insert (demo->commissioners, comm_text_fold (row[S_SERVICE]),
                           g_strdup (row[S_COMMISSIONER]));
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const char *name = ((char **) g_ptr_array_index (rows, i))[S_PROVIDER];

      if (is_organisation (name, commissioner_keys) && g_hash_table_add (seen, organisation_key (name)))
        g_ptr_array_add (demo->sample_names, g_strdup (name));
    }

  return TRUE;
}

static void
months_from_start (Demo  *demo,
                   int    months,
                   GDate *out)
{
  *out = demo->month_start;
  comm_date_add_months (out, months);
}

static char *
iso (const GDate *date)
{
  return comm_date_to_iso (date);
}

/* "Ofsted EIF (early years)|-40|Good;CQC|-12|Good" */
static void
add_inspections (Demo         *demo,
                 CommProvider *provider,
                 const char   *spec)
{
  g_auto(GStrv) entries = g_strsplit (spec, ";", -1);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i], "|", 3);
      g_autofree char *date = NULL;
      GDate when = demo->today;

      if (g_strv_length (parts) != 3)
        continue;
      comm_date_add_months (&when, atoi (parts[1]));
      date = iso (&when);
      g_ptr_array_add (comm_provider_get_inspections (provider),
                       comm_inspection_new (parts[0], date, parts[2]));
    }
}

static gboolean
save_provider (Demo        *demo,
               const char  *name,
               char       **row,
               GError     **error)
{
  g_autoptr(CommProvider) provider = comm_provider_new ();

  comm_provider_set_name (provider, name);
  if (row == NULL)
    g_object_set (provider, "legal-form",
                  g_str_has_prefix (name, "Plymouth City Council") ? "in-house" : "other", NULL);
  else
    g_object_set (provider,
                  "legal-form", row[P_LEGAL_FORM], "registered-number", row[P_NUMBER],
                  "sme", g_str_equal (row[P_SME], "1"), "vcse", g_str_equal (row[P_VCSE], "1"),
                  "address", row[P_ADDRESS], "contact-name", row[P_CONTACT],
                  "contact-phone", row[P_PHONE], "contact-email", row[P_EMAIL],
                  NULL);
  if (row != NULL)
    add_inspections (demo, provider, row[P_INSPECTIONS]);

  if (!comm_provider_store_save (demo->db, provider, error))
    return FALSE;

  g_hash_table_insert (demo->providers, organisation_key (name), g_object_ref (provider));
  return TRUE;
}

/* The table's providers, under the sample's spelling where it names them, then any organisation
 * of the sample the table has no details for. */
static gboolean
add_providers (Demo    *demo,
               GError **error)
{
  g_autoptr(GPtrArray) rows = read_table ("demo/providers.csv", N_PROVIDER_COLUMNS, error);
  g_autoptr(GHashTable) sample = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < demo->sample_names->len; i++)
    {
      const char *name = g_ptr_array_index (demo->sample_names, i);

      g_hash_table_insert (sample, organisation_key (name), (gpointer) name);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autofree char *key = organisation_key (row[P_NAME]);
      const char *sample_name = g_hash_table_lookup (sample, key);

      if (!save_provider (demo, sample_name != NULL ? sample_name : row[P_NAME], row, error))
        return FALSE;
    }
  for (guint i = 0; i < demo->sample_names->len; i++)
    {
      const char *name = g_ptr_array_index (demo->sample_names, i);
      g_autofree char *key = organisation_key (name);

      if (!g_hash_table_contains (demo->providers, key) && !save_provider (demo, name, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* Each contract year (twelve months from the start, the last one perhaps shorter) is funded in
 * the financial year it begins in, as commissioners budget it: the annual value, pro rata for a
 * short last year, in whole pounds, split between the streams by percentage to the penny. */
static void
add_funding (CommContract *contract,
             const GDate  *start,
             const GDate  *last_day,
             gint64        annual_pounds,
             const char   *streams)
{
  g_auto(GStrv) parts = g_strsplit (streams, ";", -1);
  guint n = g_strv_length (parts);
  g_autofree gint64 *weights = g_new0 (gint64, n + 1);
  g_autofree gint64 *amounts = g_new0 (gint64, n + 1);
  g_autofree char **names = g_new0 (char *, n + 1);
  GDate period = *start;

  for (guint i = 0; i < n; i++)
    {
      char *equals = strchr (parts[i], '=');

      weights[i] = equals != NULL ? atoi (equals + 1) : 100;
      if (equals != NULL)
        *equals = '\0';
      names[i] = parts[i];
    }

  while (g_date_compare (&period, last_day) <= 0)
    {
      int year = comm_financial_year_of (&period);
      int months = 0;
      GDate month = period;

      while (months < 12 && g_date_compare (&month, last_day) <= 0)
        {
          months++;
          comm_date_add_months (&month, 1);
        }
      if (comm_money_split ((annual_pounds * months + 6) / 12 * 100, weights, n, amounts, NULL, NULL))
        for (guint i = 0; i < n; i++)
          g_ptr_array_add (comm_contract_get_funding_lines (contract),
                           comm_funding_line_new (names[i], year, amounts[i]));
      period = month;
    }
}

static CommKpiRating
kpi_for (CommRag rag,
         gint64  annual_pounds)
{
  if (annual_pounds < 100000)
    return COMM_KPI_NONE;  /* published KPI ratings are for larger contracts */

  switch (rag)
    {
    case COMM_RAG_GREEN: return COMM_KPI_GOOD;
    case COMM_RAG_AMBER: return COMM_KPI_APPROACHING_TARGET;
    case COMM_RAG_RED:   return COMM_KPI_REQUIRES_IMPROVEMENT;
    case COMM_RAG_NONE:
    default:             return COMM_KPI_NONE;
    }
}

static void
add_rating (Demo         *demo,
            CommContract *contract,
            const GDate  *date,
            CommRag       rag,
            gint64        annual_pounds)
{
  static const char * const notes[] = {
    [COMM_RAG_GREEN] = "Quarterly contract monitoring meeting.",
    [COMM_RAG_AMBER] = "Two-monthly monitoring meeting; action plan reviewed.",
    [COMM_RAG_RED]   = "Monthly improvement meeting with the provider's director.",
  };
  g_autofree char *when = iso (date);
  const char *comment;

  if (rag == COMM_RAG_GREEN)
    comment = pick (demo, green_comments, G_N_ELEMENTS (green_comments));
  else if (rag == COMM_RAG_AMBER)
    comment = pick (demo, amber_comments, G_N_ELEMENTS (amber_comments));
  else
    comment = pick (demo, red_comments, G_N_ELEMENTS (red_comments));

  g_ptr_array_add (comm_contract_get_rag_history (contract),
                   comm_rag_entry_new (when, rag, kpi_for (rag, annual_pounds), comment));
  g_ptr_array_add (comm_contract_get_meetings (contract), comm_meeting_new (when, notes[rag]));
}

/* Ratings oldest first in @ratings ("GGAR"); each is given at a monitoring meeting held as often
 * as the rating before it asks. The latest meeting is recent, or (when @overdue) just longer ago
 * than its rating allows. Ratings that would fall in the contract's first fortnight are left out. */
static void
add_history (Demo         *demo,
             CommContract *contract,
             const char   *ratings,
             gboolean      overdue,
             const GDate  *start,
             const GDate  *period_end,
             gint64        annual_pounds)
{
  guint n = strlen (ratings);
  g_autofree GDate *dates = g_new (GDate, n + 1);
  g_autofree CommRag *rags = g_new (CommRag, n + 1);
  GDate earliest = *start;
  int interval;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    rags[i] = ratings[i] == 'G' ? COMM_RAG_GREEN : ratings[i] == 'A' ? COMM_RAG_AMBER : COMM_RAG_RED;

  interval = comm_monitoring_interval_months (rags[n - 1]);
  dates[n - 1] = *period_end;
  if (overdue)
    {
      dates[n - 1] = demo->today;
      comm_date_add_months (&dates[n - 1], -interval);
      g_date_subtract_days (&dates[n - 1], g_rand_int_range (demo->rand, 12, 30));
    }
  else
    {
      g_date_subtract_days (&dates[n - 1], g_rand_int_range (demo->rand, 2, MAX (3, interval * 28 - 8)));
    }
  for (guint i = n - 1; i > 0; i--)
    {
      dates[i - 1] = dates[i];
      comm_date_add_months (&dates[i - 1], -comm_monitoring_interval_months (rags[i - 1]));
      g_date_subtract_days (&dates[i - 1], g_rand_int_range (demo->rand, 0, 6));
    }

  g_date_add_days (&earliest, 14);
  if (g_date_compare (&dates[n - 1], &earliest) < 0)
    dates[n - 1] = earliest;
  for (guint i = n; i > 0; i--)
    if (g_date_compare (&dates[i - 1], &earliest) >= 0 && g_date_compare (&dates[i - 1], &demo->today) <= 0)
      add_rating (demo, contract, &dates[i - 1], rags[i - 1], annual_pounds);
}

/* The next anniversary of the start after today, if the contract still runs then. */
static char *
review_date (Demo        *demo,
             const GDate *start,
             const GDate *effective_end)
{
  GDate review = *start;

  do
    comm_date_add_months (&review, 12);
  while (g_date_compare (&review, &demo->today) <= 0);

  return g_date_compare (&review, effective_end) <= 0 ? iso (&review) : g_strdup ("");
}

static char *
description_for (Demo       *demo,
                 const char *title)
{
  g_autofree char *folded = comm_text_fold (title);
  const char *commissioner = g_hash_table_lookup (demo->commissioners, folded);

  if (commissioner == NULL)
    return g_strdup ("");
  if (*commissioner == '\0')
    return g_strdup ("One of the services in Plymouth's 2015 list of existing provision.");

  return g_strdup_printf ("One of the services in Plymouth's 2015 list of existing provision, "
                          "commissioned by %s.", commissioner);
}

static void
set_dates (Demo          *demo,
           CommContract  *contract,
           char         **row,
           GDate         *start,
           GDate         *period_end)
{
  GDate end, effective_end, terminated;
  g_autofree char *start_text = NULL, *end_text = NULL, *extended_text = NULL;
  g_autofree char *terminated_text = NULL, *review_text = NULL;
  int extended = atoi (row[C_EXTENDED]);

  months_from_start (demo, atoi (row[C_START]), start);
  end = *start;
  comm_date_add_months (&end, atoi (row[C_MONTHS]));
  g_date_subtract_days (&end, 1);
  effective_end = end;
  if (extended > 0)
    {
      comm_date_add_months (&effective_end, extended);
      extended_text = iso (&effective_end);
    }

  *period_end = effective_end;
  if (*row[C_TERMINATED] != '\0')
    {
      months_from_start (demo, atoi (row[C_TERMINATED]), &terminated);
      g_date_add_days (&terminated, 14);
      terminated_text = iso (&terminated);
      *period_end = terminated;
    }

  start_text = iso (start);
  end_text = iso (&end);
  review_text = terminated_text != NULL ? g_strdup ("") : review_date (demo, start, &effective_end);
  g_object_set (contract,
                "start-date", start_text, "end-date", end_text,
                "extended-to", extended_text, "terminated-on", terminated_text,
                "review-date", review_text, NULL);
}

static gboolean
add_contract (Demo    *demo,
              char   **row,
              GError **error)
{
  g_autoptr(CommContract) contract = comm_contract_new ();
  g_autofree char *key = organisation_key (row[C_PROVIDER]);
  g_autofree char *description = description_for (demo, row[C_TITLE]);
  CommProvider *provider = g_hash_table_lookup (demo->providers, key);
  gint64 annual = g_ascii_strtoll (row[C_ANNUAL], NULL, 10);
  GDate start, period_end, history_end;

  if (provider == NULL)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("The demo contract %s names a provider the demo does not have: %s."),
                   row[C_REFERENCE], row[C_PROVIDER]);
      return FALSE;
    }

  g_object_set (contract,
                "reference", row[C_REFERENCE], "title", row[C_TITLE],
                "service-area", row[C_AREA], "description", description,
                "provider-id", comm_provider_get_id (provider),
                "lead-commissioner", row[C_LEAD], "geography", row[C_GEOGRAPHY],
                "procurement-route", row[C_ROUTE], "extension-options", row[C_EXTENSION_OPTIONS],
                "notice-months", atoi (row[C_NOTICE]), "procuring", g_str_equal (row[C_PROCURING], "1"),
                NULL);
  set_dates (demo, contract, row, &start, &period_end);
  add_funding (contract, &start, &period_end, annual, row[C_STREAMS]);

  history_end = g_date_compare (&period_end, &demo->today) < 0 ? period_end : demo->today;
  add_history (demo, contract, row[C_RATINGS], g_str_equal (row[C_OVERDUE], "1"),
               &start, &history_end, annual);
  comm_contract_set_has_details (contract, TRUE);

  return comm_contract_store_save (demo->db, contract, error);
}

static gboolean
add_contracts (Demo    *demo,
               GError **error)
{
  g_autoptr(GPtrArray) rows = read_table ("demo/contracts.csv", N_CONTRACT_COLUMNS, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    if (!add_contract (demo, g_ptr_array_index (rows, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
check_empty (CommDatabase  *db,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, "SELECT count (*) FROM contracts", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not count the contracts"));
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 0) > 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("This workspace already holds contracts. The demo can only fill an empty workspace."));
      return FALSE;
    }

  return TRUE;
}

gboolean
comm_demo_populate (CommDatabase  *db,
                    const GDate   *today,
                    GError       **error)
{
  Demo demo = { .db = db };
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!check_empty (db, error) || !comm_database_begin (db, error))
    return FALSE;

  demo.today = *today;
  g_date_clear (&demo.month_start, 1);
  g_date_set_dmy (&demo.month_start, 1, g_date_get_month (today), g_date_get_year (today));
  demo.rand = g_rand_new_with_seed (DEMO_SEED);
  demo.providers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  demo.commissioners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  demo.sample_names = g_ptr_array_new_with_free_func (g_free);

  ok = read_sample (&demo, error) &&
       add_providers (&demo, error) &&
       add_contracts (&demo, error) &&
       _comm_demo_add_deep_dives (db, today, demo.rand, error) &&
       _comm_demo_add_budgets (db, today, demo.rand, error) &&
       _comm_demo_add_risks (db, today, demo.rand, error) &&
       comm_database_commit (db, error);
  if (!ok)
    comm_database_rollback (db);

  g_rand_free (demo.rand);
  g_hash_table_unref (demo.providers);
  g_hash_table_unref (demo.commissioners);
  g_ptr_array_unref (demo.sample_names);

  return ok;
}
