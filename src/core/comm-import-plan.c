/* comm-import-plan.c: the first phase of an import - every row read and checked, nothing written
 *
 * The workspace is read once up front (every contract's reference, every provider's folded name),
 * so checking a row costs no query unless it updates an existing contract. Whole-file problems
 * stop the plan: an unbalanced quote (the reader cannot know where rows end after it), a file with
 * a header and no rows, no column for the reference. Row problems reject only their row.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-store.h"
#include "comm-date.h"
#include "comm-database-private.h"
#include "comm-error.h"
#include "comm-import-private.h"
#include "comm-provider-store.h"
#include "comm-text.h"

#define PROGRESS_EVERY 500

struct _CommImportPlan {
  char      **header;
  GPtrArray  *rows;           /* CommImportPlanRow* */
  GPtrArray  *new_providers;  /* names, of rows that are not rejected */
  guint       counts[COMM_IMPORT_ROW_REJECTED + 1];
  guint       flagged;
};

static gint64 *
boxed_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* Every funding line of the workspace in one query, to compare rows with existing contracts. */
static gboolean
load_funding_lines (CommImportContext  *context,
                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (context->db,
    "SELECT contract_id, id, stream, year, amount FROM funding_lines ORDER BY contract_id, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 contract_id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *lines = g_hash_table_lookup (context->lines, &contract_id);
      CommFundingLine *line = comm_funding_line_new (comm_sqlite_column_text (stmt, 2), sqlite3_column_int (stmt, 3),
                                                     sqlite3_column_int64 (stmt, 4));

      line->id = sqlite3_column_int64 (stmt, 1);
      if (lines == NULL)
        {
          lines = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_funding_line_free);
          g_hash_table_insert (context->lines, boxed_id (contract_id), lines);
        }
      g_ptr_array_add (lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (context->db, error, _("Could not read the funding lines"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_workspace (CommImportContext  *context,
                GError            **error)
{
  g_autoptr(GListStore) contracts = comm_contract_store_list (context->db, &context->today, error);
  g_autoptr(GListStore) providers = NULL;

  if (contracts == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contracts)); i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (contracts), i);

      g_hash_table_insert (context->existing, g_utf8_casefold (comm_contract_get_reference (contract), -1),
                           g_object_ref (contract));
    }
  if (!load_funding_lines (context, error) ||
      (providers = comm_provider_store_list (context->db, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (providers)); i++)
    {
      g_autoptr(CommProvider) provider = g_list_model_get_item (G_LIST_MODEL (providers), i);
      char *folded = comm_text_fold (comm_provider_get_name (provider));

      if (!g_hash_table_contains (context->providers, folded))
        g_hash_table_insert (context->providers, folded, boxed_id (comm_provider_get_id (provider)));
      else
        g_free (folded);
    }
  return TRUE;
}

static gboolean
map_columns (CommImportContext  *context,
             CommImportSource   *source,
             GError            **error)
{
  for (guint f = 0; f < COMM_IMPORT_N_FIELDS; f++)
    {
      const char *wanted = context->options->columns[f];

      context->columns[f] = comm_import_source_column_for (source, context->options, f);
      if (context->columns[f] < 0 && wanted != NULL && *wanted != '\0')
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("The column “%s” chosen for “%s” is not in the file’s header (line %u)."),
                       wanted, comm_import_field_label (f), comm_import_source_get_header_line (source));
          return FALSE;
        }
    }
  if (context->columns[COMM_IMPORT_FIELD_REFERENCE] < 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("No column of the header (line %u) holds the contract reference: name one "
                     "“Reference”, or choose which column holds it."),
                   comm_import_source_get_header_line (source));
      return FALSE;
    }
  return TRUE;
}

static void
context_init (CommImportContext       *context,
              CommDatabase            *db,
              CommImportSource        *source,
              const CommImportOptions *options)
{
  context->db = db;
  context->options = options;
  context->header = comm_import_source_get_header (source);
  context->n_header = g_strv_length ((char **) context->header);
  context->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  context->lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  context->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  context->providers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  context->new_providers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  context->new_provider_names = g_ptr_array_new_with_free_func (g_free);
  comm_date_today (&context->today);
}

static void
context_clear (CommImportContext *context)
{
  g_hash_table_unref (context->existing);
  g_hash_table_unref (context->lines);
  g_hash_table_unref (context->seen);
  g_hash_table_unref (context->providers);
  g_hash_table_unref (context->new_providers);
  g_ptr_array_unref (context->new_provider_names);
  g_clear_pointer (&context->vocabulary, g_hash_table_unref);
}

static void
count_rows (CommImportPlan *plan)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < plan->rows->len; i++)
    {
      CommImportPlanRow *row = plan->rows->pdata[i];

      plan->counts[row->row.kind]++;
      if (row->row.kind == COMM_IMPORT_ROW_REJECTED)
        continue;
      if (row->row.flagged)
        plan->flagged++;
      if (row->new_provider != NULL && g_hash_table_add (names, row->new_provider))
        g_ptr_array_add (plan->new_providers, g_strdup (row->new_provider));
    }
}

/* Reads every row into @plan; FALSE on a whole-file problem, a database error or cancellation. */
static gboolean
read_rows (CommImportPlan     *plan,
           CommImportContext  *context,
           CommImportSource   *source,
           GCancellable       *cancellable,
           CommImportProgress  progress,
           gpointer            user_data,
           GError            **error)
{
  g_autoptr(CommCsvReader) reader = comm_import_source_open_rows (source);
  g_autoptr(GError) local_error = NULL;
  guint offset = comm_import_source_line_offset (source);
  double n_lines = comm_import_source_n_lines (source);
  char **cells;

  while ((cells = comm_csv_reader_next_row (reader, &local_error)) != NULL)
    {
      CommImportPlanRow *row = g_new0 (CommImportPlanRow, 1);

      row->row.cells = cells;
      row->row.line = comm_csv_reader_get_line (reader) + offset;
      g_ptr_array_add (plan->rows, row);
      if (!comm_import_build_row (context, row, error) ||
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (progress != NULL && plan->rows->len % PROGRESS_EVERY == 0)
        progress (MIN (1.0, row->row.line / n_lines), user_data);
    }
  if (local_error != NULL)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE, _("%s Nothing can be imported until it is put right."),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

CommImportPlan *
comm_import_plan_new (CommDatabase            *db,
                      CommImportSource        *source,
                      const CommImportOptions *options,
                      GCancellable            *cancellable,
                      CommImportProgress       progress,
                      gpointer                 user_data,
                      GError                 **error)
{
  g_autoptr(CommImportOptions) defaults = comm_import_options_new ();
  g_autoptr(CommImportPlan) plan = g_new0 (CommImportPlan, 1);
  CommImportContext context = { 0 };
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  plan->header = g_strdupv ((char **) comm_import_source_get_header (source));
  plan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_import_plan_row_free);
  plan->new_providers = g_ptr_array_new_with_free_func (g_free);
  context_init (&context, db, source, options != NULL ? options : defaults);
  ok = map_columns (&context, source, error) && load_workspace (&context, error) &&
       read_rows (plan, &context, source, cancellable, progress, user_data, error);
  context_clear (&context);
  if (!ok)
    return NULL;
  if (plan->rows->len == 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("The file has a header row (line %u) but no rows of data."),
                   comm_import_source_get_header_line (source));
      return NULL;
    }
  count_rows (plan);
  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&plan);
}

void
comm_import_plan_free (CommImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_strfreev (plan->header);
  g_clear_pointer (&plan->rows, g_ptr_array_unref);
  g_clear_pointer (&plan->new_providers, g_ptr_array_unref);
  g_free (plan);
}

guint
comm_import_plan_count (CommImportPlan    *plan,
                        CommImportRowKind  kind)
{
  g_return_val_if_fail (kind <= COMM_IMPORT_ROW_REJECTED, 0);
  return plan->counts[kind];
}

guint
comm_import_plan_count_flagged (CommImportPlan *plan)
{
  return plan->flagged;
}

GPtrArray *
comm_import_plan_get_new_providers (CommImportPlan *plan)
{
  return plan->new_providers;
}

GPtrArray *
comm_import_plan_get_rows (CommImportPlan *plan)
{
  return plan->rows;
}

const char * const *
comm_import_plan_get_header (CommImportPlan *plan)
{
  return (const char * const *) plan->header;
}
