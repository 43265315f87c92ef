/* comm-check.c: is a workspace sound?
 *
 * First SQLite's own checks (PRAGMA integrity_check, PRAGMA foreign_key_check), then the domain
 * rules, each one SQL query whose rows are problems. Deleted contracts are not checked. The
 * schema already refuses most of these (CHECK constraints, the unique index on references), so
 * they find files changed by other programs or damaged, and files from before a rule existed.
 *
 * Each CommProblem's field names the check ("integrity", "rules" - a CHECK or NOT NULL rule of the
 * schema broken, as integrity_check reports it - "foreign-key", "end-date",
 * "funding-lines", "funding-year", "rag-date", "reference", "provider-name") and its message is
 * one sentence naming the contract reference (or the provider).
 *
 * Not here yet: provider names that mix scripts (a Cyrillic letter in a Latin name).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-check.h"
#include "comm-database-private.h"
#include "comm-date.h"
#include "comm-problem.h"

typedef char *(*FormatRow) (sqlite3_stmt *stmt);

typedef struct {
  const char *field;
  const char *sql;      /* ?1, if used, is today's date */
  FormatRow   format;
} Check;

/* The financial year (by its start year) of an ISO date column, in SQL. */
#define FINANCIAL_YEAR(column) \
  "(CAST (substr (" column ", 1, 4) AS INTEGER) - (substr (" column ", 6, 2) < '04'))"

static char *format_integrity    (sqlite3_stmt *stmt);
static char *format_foreign_key  (sqlite3_stmt *stmt);
static char *format_end_date     (sqlite3_stmt *stmt);
static char *format_no_funding   (sqlite3_stmt *stmt);
static char *format_funding_year (sqlite3_stmt *stmt);
static char *format_rag_date     (sqlite3_stmt *stmt);
static char *format_duplicate    (sqlite3_stmt *stmt);
static char *format_no_name      (sqlite3_stmt *stmt);

static const Check checks[] = {
  { "integrity",
    "SELECT integrity_check FROM pragma_integrity_check (20) WHERE integrity_check <> 'ok'",
    format_integrity },
  { "foreign-key",
    "SELECT fk.\"table\", fk.rowid, fk.parent, c.reference FROM pragma_foreign_key_check AS fk"
    " LEFT JOIN contracts AS c ON fk.\"table\" = 'contracts' AND c.id = fk.rowid"
    " ORDER BY fk.\"table\", fk.rowid",
    format_foreign_key },
  { "end-date",
    "SELECT reference, start_date, end_date FROM contracts"
    " WHERE deleted_at IS NULL AND end_date < start_date ORDER BY reference",
    format_end_date },
  { "funding-lines",
    "SELECT reference FROM contracts AS c WHERE deleted_at IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM funding_lines AS f WHERE f.contract_id = c.id)"
    " ORDER BY reference",
    format_no_funding },
  { "funding-year",
    "WITH spans AS (SELECT id, reference, " FINANCIAL_YEAR ("start_date") " AS first_year, "
    FINANCIAL_YEAR ("last_day") " AS last_year"
    " FROM (SELECT id, reference, start_date, max (end_date, coalesce (extended_to, end_date)) AS last_day"
    " FROM contracts WHERE deleted_at IS NULL AND end_date >= start_date))"
    " SELECT s.reference, f.year, s.first_year, s.last_year"
    " FROM funding_lines AS f JOIN spans AS s ON s.id = f.contract_id"
    " WHERE f.year < s.first_year OR f.year > s.last_year ORDER BY s.reference, f.year",
    format_funding_year },
  { "rag-date",
    "SELECT c.reference, r.rated_on FROM rag_ratings AS r JOIN contracts AS c ON c.id = r.contract_id"
    " WHERE c.deleted_at IS NULL AND r.rated_on > ?1 ORDER BY c.reference, r.rated_on",
    format_rag_date },
  { "reference",
    "SELECT min (reference), count (*) FROM contracts WHERE deleted_at IS NULL"
    " GROUP BY reference COLLATE NOCASE HAVING count (*) > 1 ORDER BY 1",
    format_duplicate },
  { "provider-name",
    "SELECT id FROM providers WHERE name IS NULL OR trim (name, char (32, 9, 10, 13, 160)) = ''"
    " ORDER BY id",
    format_no_name },
};

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  return comm_sqlite_column_text (stmt, column);
}

static char *
format_integrity (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("The workspace file is damaged: %s."), text (stmt, 0));
}

/* integrity_check also reports rows that break a CHECK or NOT NULL rule: not damage. */
static gboolean
is_broken_rule (const char *integrity_message)
{
  return g_str_has_prefix (integrity_message, "CHECK constraint failed")
         || g_str_has_prefix (integrity_message, "NULL value in");
}

/* What a row of @table is, in words, for a foreign key problem. */
static char *
describe_child (const char *table,
                gint64      row_id)
{
  if (g_str_equal (table, "funding_lines"))
    return g_strdup_printf (_("Funding line number %lld"), (long long) row_id);
  if (g_str_equal (table, "rag_ratings"))
    return g_strdup_printf (_("RAG rating number %lld"), (long long) row_id);
  if (g_str_equal (table, "monitoring_meetings"))
    return g_strdup_printf (_("Monitoring meeting number %lld"), (long long) row_id);
  if (g_str_equal (table, "inspections"))
    return g_strdup_printf (_("Inspection number %lld"), (long long) row_id);

  return g_strdup_printf (_("Row %lld of the table %s"), (long long) row_id, table);
}

static char *
format_foreign_key (sqlite3_stmt *stmt)
{
  const char *table = text (stmt, 0);
  const char *parent = text (stmt, 2);
  g_autofree char *child = NULL;

  if (g_str_equal (table, "contracts") && g_str_equal (parent, "providers"))
    return g_strdup_printf (_("Contract %s refers to a provider that is not in the workspace."),
                            text (stmt, 3));

  child = describe_child (table, sqlite3_column_int64 (stmt, 1));
  if (g_str_equal (parent, "contracts"))
    return g_strdup_printf (_("%s belongs to a contract that is not in the workspace."), child);
  if (g_str_equal (parent, "providers"))
    return g_strdup_printf (_("%s belongs to a provider that is not in the workspace."), child);

  return g_strdup_printf (_("%s refers to a row of the table %s that is not there."), child, parent);
}

static char *
format_end_date (sqlite3_stmt *stmt)
{
  g_autofree char *start = comm_date_iso_to_display (text (stmt, 1));
  g_autofree char *end = comm_date_iso_to_display (text (stmt, 2));

  return g_strdup_printf (_("Contract %s ends on %s, before it starts on %s."),
                          text (stmt, 0), end, start);
}

static char *
format_no_funding (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("Contract %s has no funding line, so it has no value."), text (stmt, 0));
}

static char *
format_funding_year (sqlite3_stmt *stmt)
{
  g_autofree char *year = comm_financial_year_label (sqlite3_column_int (stmt, 1));
  g_autofree char *first = comm_financial_year_label (sqlite3_column_int (stmt, 2));
  g_autofree char *last = comm_financial_year_label (sqlite3_column_int (stmt, 3));

  if (g_str_equal (first, last))
    return g_strdup_printf (_("Contract %s has funding for %s, but it runs only in the financial "
                              "year %s."), text (stmt, 0), year, first);

  return g_strdup_printf (_("Contract %s has funding for %s, outside the financial years it runs "
                            "(%s to %s)."), text (stmt, 0), year, first, last);
}

static char *
format_rag_date (sqlite3_stmt *stmt)
{
  g_autofree char *date = comm_date_iso_to_display (text (stmt, 1));

  return g_strdup_printf (_("Contract %s has a RAG rating dated %s, which is in the future."),
                          text (stmt, 0), date);
}

static char *
format_duplicate (sqlite3_stmt *stmt)
{
  int count = sqlite3_column_int (stmt, 1);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d contract has the reference %s (ignoring capitals); "
                                       "each contract needs its own reference.",
                                       "%d contracts have the reference %s (ignoring capitals); "
                                       "each contract needs its own reference.",
                                       count),
                          count, text (stmt, 0));
}

static char *
format_no_name (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("Provider number %lld has no name."),
                          (long long) sqlite3_column_int64 (stmt, 0));
}

static gboolean
run_check (CommDatabase  *db,
           const Check   *check,
           const char    *today,
           GPtrArray     *problems,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, check->sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *message = NULL;

      if (check->format == format_integrity && is_broken_rule (text (stmt, 0)))
        {
          message = g_strdup_printf (_("A rule of the workspace format is broken: %s."), text (stmt, 0));
          g_ptr_array_add (problems, comm_problem_new ("rules", message));
          continue;
        }
      message = check->format (stmt);
      g_ptr_array_add (problems, comm_problem_new (check->field, message));
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not check the workspace"));
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
comm_check_workspace (CommDatabase  *db,
                      GError       **error)
{
  g_autoptr(GPtrArray) problems = comm_problems_new ();
  g_autofree char *today = NULL;
  GDate date;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  g_date_clear (&date, 1);
  comm_date_today (&date);
  today = comm_date_to_iso (&date);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (run_check (db, &checks[i], today, problems, &local_error))
        continue;

      /* A damaged file may stop the later checks: report that rather than fail. */
      if (comm_problems_find (problems, "integrity") != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Some checks could not run: %s"),
                                                      local_error->message);

          g_ptr_array_add (problems, comm_problem_new ("integrity", message));
          break;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&problems);
}
