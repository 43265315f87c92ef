/* comm-demand-store.c: demand figures kept beside the commissioning plan (comm-plan.h)
 *
 * A figure is a count for one measure ("Referrals to Social Care") in one financial year. The
 * import reads the wide shape councils publish (one row a measure, one column a year, as in
 * derby_demand_trends_2011_2015.csv): an empty cell is "no figure", never zero.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-core-resources.h"
#include "comm-csv.h"
#include "comm-date.h"
#include "comm-plan.h"
#include "comm-store-private.h"

#define DERBY_SAMPLE "/uk/org/commissioner/core/samples/derby_demand_trends_2011_2015.csv"

/* Inserts or replaces; a new measure goes after the others, a known one keeps its place. */
#define DEMAND_UPSERT \
  "INSERT INTO demand_figures (measure, year, value, unit, position) VALUES (?1, ?2, ?3, ?4," \
  " coalesce ((SELECT position FROM demand_figures WHERE measure = ?1 LIMIT 1)," \
  "           (SELECT coalesce (max (position), 0) + 1 FROM demand_figures)))" \
  " ON CONFLICT (measure, year) DO UPDATE SET value = excluded.value, unit = excluded.unit" \
  " WHERE value IS NOT excluded.value OR unit IS NOT excluded.unit"

typedef struct {
  GArray   *years;   /* int, one a column after the first */
  guint     count;
} ImportState;

/* A count as councils write it: digits with optional thousands commas and spaces around. */
static gboolean
parse_count (const char *text,
             gint64     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  guint64 parsed;

  if (*trimmed == '\0')
    return FALSE;
  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ',' || p == trimmed || p[1] == '\0')
        return FALSE;
    }
  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &parsed, NULL))
    return FALSE;
  *value = (gint64) parsed;
  return TRUE;
}

static gboolean
read_header (CommCsvReader  *reader,
             ImportState    *state,
             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) cells = comm_csv_reader_next_row (reader, &local_error);

  if (cells == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, COMM_ERROR, COMM_ERROR_PARSE,
                             _("The demand figures file is empty: it needs a header row such as "
                               "“measure,2011-12,2012-13”."));
      return FALSE;
    }
  if (g_strv_length (cells) < 2)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_PARSE,
                           _("The demand figures file’s header has no years: it should read like "
                             "“measure,2011-12,2012-13”."));
      return FALSE;
    }
  for (guint i = 1; cells[i] != NULL; i++)
    {
      g_autoptr(GError) year_error = NULL;
      g_autofree char *trimmed = g_strstrip (g_strdup (cells[i]));
      int year = 0;

      if (!comm_financial_year_parse (trimmed, &year, &year_error))
        {
          /* Translators: %u is a column number, %s the text in the header, then why it is wrong */
          g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                       _("Line 1, column %u of the demand figures: “%s” is not a financial year. %s"),
                       i + 1, cells[i], year_error->message);
          return FALSE;
        }
      g_array_append_val (state->years, year);
    }
  return TRUE;
}

static gboolean
store_row (CommDatabase   *db,
           sqlite3_stmt   *stmt,
           char          **cells,
           guint           line,
           const char     *unit,
           ImportState    *state,
           GError        **error)
{
  g_autofree char *measure = g_strstrip (g_strdup (cells[0]));
  guint n_cells = g_strv_length (cells);

  if (*measure == '\0')
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("Line %u of the demand figures has no measure name in its first column."), line);
      return FALSE;
    }
  if (n_cells > state->years->len + 1)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("Line %u of the demand figures (“%s”) has more cells than the header has years."),
                   line, measure);
      return FALSE;
    }
  for (guint i = 1; i < n_cells; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (cells[i]));
      gint64 value = 0;

      if (*trimmed == '\0')
        continue;
      if (!parse_count (trimmed, &value))
        {
          /* Translators: line, column, the measure, then the text that is not a count */
          g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                       _("Line %u, column %u of the demand figures (“%s”): “%s” is not a whole number."),
                       line, i + 1, measure, cells[i]);
          return FALSE;
        }
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, measure, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, g_array_index (state->years, int, i - 1));
      sqlite3_bind_int64 (stmt, 3, value);
      sqlite3_bind_text (stmt, 4, unit != NULL ? unit : "", -1, SQLITE_TRANSIENT);
      if (!comm_store_step_done (db, stmt, _("Could not save the demand figures"), error))
        return FALSE;
      state->count++;
    }
  return TRUE;
}

static gboolean
import_rows (CommDatabase   *db,
             CommCsvReader  *reader,
             const char     *unit,
             ImportState    *state,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, DEMAND_UPSERT, error);

  if (stmt == NULL || !read_header (reader, state, error))
    return FALSE;
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_auto(GStrv) cells = comm_csv_reader_next_row (reader, &local_error);

      if (cells == NULL)
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!store_row (db, stmt, cells, comm_csv_reader_get_line (reader), unit, state, error))
        return FALSE;
    }
}

GPtrArray *
comm_demand_store_list (CommDatabase  *db,
                        GError       **error)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_demand_figure_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  stmt = comm_database_prepare (db, "SELECT id, measure, year, value, unit FROM demand_figures"
                                    " ORDER BY position, measure, year", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommDemandFigure *figure = g_new0 (CommDemandFigure, 1);

      figure->id = sqlite3_column_int64 (stmt, 0);
      figure->measure = g_strdup (comm_sqlite_column_text (stmt, 1));
      figure->year = sqlite3_column_int (stmt, 2);
      figure->value = sqlite3_column_int64 (stmt, 3);
      figure->unit = g_strdup (comm_sqlite_column_text (stmt, 4));
      g_ptr_array_add (figures, figure);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the demand figures"));
      return NULL;
    }
  return g_steal_pointer (&figures);
}

gboolean
comm_demand_store_set (CommDatabase  *db,
                       const char    *measure,
                       int            year,
                       gint64         value,
                       const char    *unit,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  trimmed = g_strstrip (g_strdup (measure != NULL ? measure : ""));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("A demand figure needs the name of what it counts, e.g. “Referrals to Social Care”."));
      return FALSE;
    }
  if (year < 1990 || year > 2100)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The demand figure for “%s” needs a financial year between 1990-91 and 2100-01."), trimmed);
      return FALSE;
    }
  if (!comm_database_ensure_writable (db, error))
    return FALSE;
  stmt = comm_database_prepare (db, DEMAND_UPSERT, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, value);
  sqlite3_bind_text (stmt, 4, unit != NULL ? unit : "", -1, SQLITE_TRANSIENT);
  return comm_store_step_done (db, stmt, _("Could not save the demand figure"), error);
}

gboolean
comm_demand_store_delete_measure (CommDatabase  *db,
                                  const char    *measure,
                                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (measure != NULL, FALSE);

  if (!comm_database_ensure_writable (db, error))
    return FALSE;
  stmt = comm_database_prepare (db, "DELETE FROM demand_figures WHERE measure = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, measure, -1, SQLITE_TRANSIENT);
  if (!comm_store_step_done (db, stmt, _("Could not delete the demand figures"), error))
    return FALSE;
  if (sqlite3_changes (comm_database_get_handle (db)) == 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                   _("There are no demand figures for “%s”."), measure);
      return FALSE;
    }
  return TRUE;
}

gboolean
comm_demand_import_csv (CommDatabase  *db,
                        GInputStream  *in,
                        const char    *unit,
                        guint         *n_figures,
                        GError       **error)
{
  g_autoptr(CommCsvReader) reader = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  ImportState state = { years, 0 };
  CommStoreTransaction transaction;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), FALSE);

  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return FALSE;
  reader = comm_csv_reader_new (in, ',');
  if (!import_rows (db, reader, unit, &state, error) || !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  if (n_figures != NULL)
    *n_figures = state.count;
  return TRUE;
}

gboolean
comm_demand_import_derby_sample (CommDatabase  *db,
                                 guint         *n_figures,
                                 GError       **error)
{
  g_autoptr(GInputStream) in = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  in = g_resource_open_stream (comm_core_get_resource (), DERBY_SAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (in == NULL)
    return FALSE;
  return comm_demand_import_csv (db, in, NULL, n_figures, error);
}
