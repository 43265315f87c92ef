/* comm-import-risks.c: importing a risk register from CSV - plan (read and check every row,
 * nothing written), then apply in one transaction (the rows of comm-risk-import-row.c)
 *
 * Uses the contracts import's source (encoding and separator detection, comm-import-source.c)
 * and date parsing; the fields and their header words are the register's own.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-import-private.h"
#include "comm-import-risks-private.h"
#include "comm-risk-store-private.h"

struct _CommRiskImportPlan {
  char              *register_name;
  gint64             register_id;    /* 0 if it is to be created */
  CommRiskScaleKind  scale;
  GPtrArray         *rows;           /* CommRiskPlanRow* */
  char             **header;
  guint              counts[COMM_IMPORT_ROW_REJECTED + 1];
};

typedef struct {
  const char *name;
  const char *label;      /* N_() */
  const char *synonyms;   /* normalised, separated by '|' */
} FieldInfo;

static const FieldInfo fields[COMM_RISK_N_FIELDS] = {
  [COMM_RISK_FIELD_REFERENCE] = { "reference", N_("Reference"),
    "reference|ref|riskref|riskreference|riskid|riskno|risknumber|id|no" },
  [COMM_RISK_FIELD_TITLE] = { "title", N_("Title"), "title|risk|risktitle|riskname|name" },
  [COMM_RISK_FIELD_CAUSE] = { "cause", N_("Cause"),
    "cause|causes|trigger|description|riskdescription|riskcause" },
  [COMM_RISK_FIELD_CONSEQUENCE] = { "consequence", N_("Consequence"),
    "consequence|consequences|effect|effects|riskconsequence" },
  [COMM_RISK_FIELD_OWNER] = { "owner", N_("Owner"),
    "owner|riskowner|responsible|responsibleofficer|lead|leadofficer" },
  [COMM_RISK_FIELD_CATEGORY] = { "category", N_("Category"), "category|type|risktype|riskcategory|theme" },
  [COMM_RISK_FIELD_INHERENT_LIKELIHOOD] = { "inherent-likelihood", N_("Inherent likelihood"),
    "inherentlikelihood|likelihood|likelihoodinherent|grosslikelihood|initiallikelihood|probability" },
  [COMM_RISK_FIELD_INHERENT_IMPACT] = { "inherent-impact", N_("Inherent impact"),
    "inherentimpact|impact|impactinherent|grossimpact|initialimpact|severity" },
  [COMM_RISK_FIELD_CONTROLS] = { "controls", N_("Controls"),
    "controls|mitigation|mitigations|existingcontrols|controlsmitigation|mitigatingactions|actions" },
  [COMM_RISK_FIELD_RESPONSE] = { "response", N_("Response"), "response|treatment|riskresponse|approach" },
  [COMM_RISK_FIELD_RESIDUAL_LIKELIHOOD] = { "residual-likelihood", N_("Residual likelihood"),
    "residuallikelihood|likelihoodresidual|netlikelihood|currentlikelihood" },
  [COMM_RISK_FIELD_RESIDUAL_IMPACT] = { "residual-impact", N_("Residual impact"),
    "residualimpact|impactresidual|netimpact|currentimpact" },
  [COMM_RISK_FIELD_TARGET_LIKELIHOOD] = { "target-likelihood", N_("Target likelihood"),
    "targetlikelihood|likelihoodtarget" },
  [COMM_RISK_FIELD_TARGET_IMPACT] = { "target-impact", N_("Target impact"), "targetimpact|impacttarget" },
  [COMM_RISK_FIELD_RAISED] = { "raised", N_("Raised"),
    "raised|raisedon|dateraised|dateidentified|identified|dateadded|opened" },
  [COMM_RISK_FIELD_REVIEW_DUE] = { "review-due", N_("Review due"),
    "reviewdue|reviewdate|nextreview|nextreviewdate|review" },
  [COMM_RISK_FIELD_REVIEW_MONTHS] = { "review-months", N_("Review every (months)"),
    "revieweverymonths|reviewevery|reviewfrequency|frequency|reviewmonths" },
  [COMM_RISK_FIELD_STATUS] = { "status", N_("Status"), "status|state|openclosed" },
  [COMM_RISK_FIELD_CONTRACT] = { "contract", N_("Contract"), "contract|contractref|contractreference" },
};

/* Lower-case letters and digits only. */
static char *
normalise (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  GString *out = g_string_new ("");

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
in_list (const char *list,
         const char *word)
{
  g_auto(GStrv) words = g_strsplit (list, "|", -1);

  return g_strv_contains ((const char * const *) words, word);
}

const char *
comm_risk_field_name (CommRiskField field)
{
  g_return_val_if_fail (field < COMM_RISK_N_FIELDS, NULL);
  return fields[field].name;
}

const char *
comm_risk_field_label (CommRiskField field)
{
  g_return_val_if_fail (field < COMM_RISK_N_FIELDS, NULL);
  return _(fields[field].label);
}

int
comm_risk_field_lookup (const char *text)
{
  g_autofree char *word = normalise (text);

  for (int i = 0; i < COMM_RISK_N_FIELDS; i++)
    {
      g_autofree char *name = normalise (fields[i].name);
      g_autofree char *label = normalise (_(fields[i].label));
      g_autofree char *english = normalise (fields[i].label);

      if (*word != '\0' && (g_str_equal (word, name) || g_str_equal (word, label) ||
                            g_str_equal (word, english)))
        return i;
    }
  return -1;
}

int
comm_risk_field_for_header (const char *header)
{
  g_autofree char *word = normalise (header);
  int field;

  if (*word == '\0')
    return -1;
  if ((field = comm_risk_field_lookup (header)) >= 0)
    return field;
  for (int i = 0; i < COMM_RISK_N_FIELDS; i++)
    if (in_list (fields[i].synonyms, word))
      return i;
  return -1;
}

void
comm_risk_import_settings_init (CommRiskImportSettings *settings)
{
  memset (settings, 0, sizeof *settings);
  settings->scale = COMM_RISK_SCALE_5X5;
  comm_date_today (&settings->today);
}

void
comm_risk_import_guess_columns (const char * const *header,
                                int                 columns[COMM_RISK_N_FIELDS])
{
  guint n = header != NULL ? g_strv_length ((char **) header) : 0;

  for (guint f = 0; f < COMM_RISK_N_FIELDS; f++)
    columns[f] = -1;
  for (guint c = n; c-- > 0; )
    {
      int field = comm_risk_field_for_header (header[c]);

      if (field >= 0)
        columns[field] = (int) c;
    }
}

/* Columns as given; else from --map first (the last '=' splits header from field), then by
 * header. */
static gboolean
map_columns (CommRiskImportContext         *context,
             const CommRiskImportSettings  *settings,
             GError                       **error)
{
  if (settings->columns != NULL)
    {
      for (guint f = 0; f < COMM_RISK_N_FIELDS; f++)
        context->columns[f] = settings->columns[f] >= 0 && (guint) settings->columns[f] < context->n_header
                              ? settings->columns[f] : -1;
      return TRUE;
    }

  comm_risk_import_guess_columns (context->header, context->columns);
  for (guint m = 0; settings->maps != NULL && settings->maps[m] != NULL; m++)
    {
      const char *eq = strrchr (settings->maps[m], '=');
      g_autofree char *header = eq != NULL ? g_strndup (settings->maps[m], eq - settings->maps[m]) : NULL;
      int field = eq != NULL ? comm_risk_field_lookup (eq + 1) : -1;
      int column = -1;

      for (guint c = 0; header != NULL && c < context->n_header; c++)
        if (g_strcmp0 (g_strstrip (header), context->header[c]) == 0 ||
            g_utf8_collate (header, context->header[c]) == 0)
          column = (int) c;
      if (field < 0 || column < 0)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       field < 0 ? _("“%s” does not name a risk field: write “CSV header=field”, "
                                     "the field being one of title, owner, inherent-likelihood, "
                                     "inherent-impact, residual-likelihood, residual-impact …")
                                 : _("“%s”: the file has no column with that header."),
                       settings->maps[m]);
          return FALSE;
        }
      context->columns[field] = column;
    }
  return TRUE;
}

static gboolean
check_required_columns (CommRiskImportContext  *context,
                        guint                   header_line,
                        gboolean                chosen,
                        GError                **error)
{
  static const CommRiskField required[] = {
    COMM_RISK_FIELD_TITLE, COMM_RISK_FIELD_INHERENT_LIKELIHOOD, COMM_RISK_FIELD_INHERENT_IMPACT,
  };

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    if (context->columns[required[r]] < 0 && chosen)
      {
        g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                     _("Choose the column that holds the risks’ %s."), comm_risk_field_label (required[r]));
        return FALSE;
      }
    else if (context->columns[required[r]] < 0)
      {
        g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                     _("No column of the header (line %u) holds the risks’ %s: name one “%s”, or "
                       "say which with --map 'CSV header=%s'."),
                     header_line, comm_risk_field_label (required[r]),
                     comm_risk_field_label (required[r]), comm_risk_field_name (required[r]));
        return FALSE;
      }
  return TRUE;
}

/* The register: existing (its scale must match --scale if given) or to be created. */
static gboolean
resolve_register (CommRiskImportPlan            *plan,
                  CommRiskImportContext         *context,
                  CommDatabase                  *db,
                  const CommRiskImportSettings  *settings,
                  GError                       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CommRiskRegister) reg = comm_risk_register_store_find (db, settings->register_name, &local_error);

  if (reg == NULL && !g_error_matches (local_error, COMM_ERROR, COMM_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  plan->scale = settings->scale;
  comm_risk_bands_init_default (&context->bands);
  if (reg == NULL)
    return TRUE;
  if (settings->scale_given && settings->scale != reg->scale)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("“%s” uses the %s scale, not %s: change its scale first or leave --scale out."),
                   reg->name, comm_risk_scale_label (reg->scale), comm_risk_scale_label (settings->scale));
      return FALSE;
    }
  plan->register_id = reg->id;
  plan->scale = reg->scale;
  comm_risk_register_get_bands (reg, &context->bands);
  return TRUE;
}

static gboolean
load_workspace (CommRiskImportPlan     *plan,
                CommRiskImportContext  *context,
                GError                **error)
{
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (plan->register_id != 0)
    {
      if ((risks = _comm_risk_list_own (context->db, plan->register_id, FALSE, error)) == NULL)
        return FALSE;
      for (guint n = 0; n < risks->len; n++)
        {
          CommRisk *risk = risks->pdata[n];

          g_hash_table_insert (context->existing, g_utf8_casefold (risk->reference, -1), g_object_ref (risk));
        }
    }
  stmt = comm_database_prepare (context->db, "SELECT id, reference FROM contracts WHERE deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (context->contracts, g_utf8_casefold (comm_sqlite_column_text (stmt, 1), -1),
                           g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (context->db, error, _("Could not read the contracts"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_rows (CommRiskImportPlan     *plan,
           CommRiskImportContext  *context,
           CommImportSource       *source,
           GCancellable           *cancellable,
           GError                **error)
{
  g_autoptr(CommCsvReader) reader = comm_import_source_open_rows (source);
  g_autoptr(GError) local_error = NULL;
  guint offset = comm_import_source_line_offset (source);
  char **cells;

  while ((cells = comm_csv_reader_next_row (reader, &local_error)) != NULL)
    {
      CommRiskPlanRow *row = g_new0 (CommRiskPlanRow, 1);

      row->row.cells = cells;
      row->row.line = comm_csv_reader_get_line (reader) + offset;
      g_ptr_array_add (plan->rows, row);
      _comm_risk_import_build_row (context, row);
      plan->counts[row->row.kind]++;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE, _("%s Nothing can be imported until it is put right."),
                   local_error->message);
      return FALSE;
    }
  if (plan->rows->len == 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_PARSE,
                   _("The file has a header row (line %u) but no rows of data."),
                   comm_import_source_get_header_line (source));
      return FALSE;
    }
  return TRUE;
}

static void
context_clear (CommRiskImportContext *context)
{
  g_clear_pointer (&context->existing, g_hash_table_unref);
  g_clear_pointer (&context->contracts, g_hash_table_unref);
  g_clear_pointer (&context->seen, g_hash_table_unref);
}

CommRiskImportPlan *
comm_risk_import_plan_new (CommDatabase                 *db,
                           CommImportSource             *source,
                           const CommImportOptions      *options,
                           const CommRiskImportSettings *settings,
                           GCancellable                 *cancellable,
                           GError                      **error)
{
  g_autoptr(CommImportOptions) defaults = comm_import_options_new ();
  g_autoptr(CommRiskImportPlan) plan = g_new0 (CommRiskImportPlan, 1);
  CommRiskImportContext context = { 0 };
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (source != NULL && settings != NULL, NULL);

  if (settings->register_name == NULL || *settings->register_name == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("Say which risk register to import into (--register NAME)."));
      return NULL;
    }
  plan->register_name = g_strstrip (g_strdup (settings->register_name));
  plan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _comm_risk_plan_row_free);
  plan->header = g_strdupv ((char **) comm_import_source_get_header (source));
  context.db = db;
  context.options = options != NULL ? options : defaults;
  context.header = comm_import_source_get_header (source);
  context.n_header = g_strv_length ((char **) context.header);
  context.today = settings->today;
  context.existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  context.contracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  context.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = map_columns (&context, settings, error) &&
       check_required_columns (&context, comm_import_source_get_header_line (source),
                               settings->columns != NULL, error) &&
       resolve_register (plan, &context, db, settings, error) &&
       (context.scale = plan->scale, load_workspace (plan, &context, error)) &&
       read_rows (plan, &context, source, cancellable, error);
  context_clear (&context);
  return ok ? g_steal_pointer (&plan) : NULL;
}

void
comm_risk_import_plan_free (CommRiskImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->register_name);
  g_clear_pointer (&plan->rows, g_ptr_array_unref);
  g_strfreev (plan->header);
  g_free (plan);
}

guint
comm_risk_import_plan_count (CommRiskImportPlan *plan,
                             CommImportRowKind   kind)
{
  g_return_val_if_fail (kind <= COMM_IMPORT_ROW_REJECTED, 0);
  return plan->counts[kind];
}

GPtrArray *
comm_risk_import_plan_get_rows (CommRiskImportPlan *plan)
{
  return plan->rows;
}

gboolean
comm_risk_import_plan_creates_register (CommRiskImportPlan *plan)
{
  return plan->register_id == 0;
}

CommRiskScaleKind
comm_risk_import_plan_get_scale (CommRiskImportPlan *plan)
{
  return plan->scale;
}

const char * const *
comm_risk_import_plan_get_header (CommRiskImportPlan *plan)
{
  return (const char * const *) plan->header;
}

gboolean
comm_risk_import_plan_write_rejects (CommRiskImportPlan  *plan,
                                     const char          *path,
                                     GError             **error)
{
  return comm_import_write_rejects ((const char * const *) plan->header, plan->rows, path, error);
}

static gboolean
create_register (CommRiskImportPlan  *plan,
                 CommDatabase        *db,
                 gint64              *id,
                 GError             **error)
{
  g_autoptr(CommRiskRegister) reg = comm_risk_register_new ();

  *id = plan->register_id;
  if (*id != 0)
    return TRUE;
  comm_risk_set_text (&reg->name, plan->register_name);
  reg->scale = plan->scale;
  if (!comm_risk_register_store_save (db, reg, error))
    return FALSE;
  *id = reg->id;
  return TRUE;
}

/* Rows with a reference first, so that references given to the others never take theirs. */
static gboolean
write_rows (CommRiskImportPlan  *plan,
            CommDatabase        *db,
            gint64               register_id,
            GCancellable        *cancellable,
            GError             **error)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint n = 0; n < plan->rows->len; n++)
      {
        CommRiskPlanRow *row = plan->rows->pdata[n];
        g_autoptr(CommRisk) risk = NULL;

        if (row->risk == NULL || (row->row.kind != COMM_IMPORT_ROW_NEW && row->row.kind != COMM_IMPORT_ROW_UPDATED) ||
            (*row->risk->reference == '\0') != (pass == 1))
          continue;
        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          return FALSE;
        risk = comm_risk_copy (row->risk);
        risk->register_id = register_id;
        if (!_comm_risk_write (db, risk, error))
          {
            g_prefix_error (error, _("Line %u: "), row->row.line);
            return FALSE;
          }
      }
  return TRUE;
}

gboolean
comm_risk_import_plan_apply (CommRiskImportPlan  *plan,
                             CommDatabase        *db,
                             gboolean             good_only,
                             GCancellable        *cancellable,
                             GError             **error)
{
  CommStoreTransaction transaction;
  guint rejected = plan->counts[COMM_IMPORT_ROW_REJECTED];
  gint64 register_id = 0;

  g_return_val_if_fail (plan != NULL && COMM_IS_DATABASE (db), FALSE);

  if (rejected > 0 && !good_only)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row has problems, so nothing was imported: put it right, or import only the good rows.",
                                "%u rows have problems, so nothing was imported: put them right, or import only the good rows.",
                                rejected), rejected);
      return FALSE;
    }
  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return FALSE;
  if (!create_register (plan, db, &register_id, error) ||
      !write_rows (plan, db, register_id, cancellable, error) ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  plan->register_id = register_id;
  return TRUE;
}
