/* comm-import-row.c: one CSV row of a contracts import, checked and turned into a contract
 *
 * A row is rejected (never "fixed") when a cell cannot be read or the contract it describes breaks
 * a rule (comm_contract_validate()); it is flagged, but importable, when a name mixes alphabets.
 * A row whose reference is already in the workspace updates that contract: only the mapped fields
 * change, and the funding lines of the row's financial year are replaced. If nothing would change,
 * the row is "unchanged" and applying it writes nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-contract-private.h"
#include "comm-contract-store.h"
#include "comm-date.h"
#include "comm-error.h"
#include "comm-import-private.h"
#include "comm-problem.h"
#include "comm-text.h"
#include "comm-types.h"

/* The text fields set as they are (vocabulary fields go through codes first). */
static const struct {
  CommImportField   field;
  const char       *property;
  const CommChoice *(*choices) (void);
} text_fields[] = {
  { COMM_IMPORT_FIELD_TITLE, "title", NULL },
  { COMM_IMPORT_FIELD_SERVICE_AREA, "service-area", comm_service_areas },
  { COMM_IMPORT_FIELD_DESCRIPTION, "description", NULL },
  { COMM_IMPORT_FIELD_LEAD_COMMISSIONER, "lead-commissioner", NULL },
  { COMM_IMPORT_FIELD_GEOGRAPHY, "geography", comm_geographies },
  { COMM_IMPORT_FIELD_PROCUREMENT_ROUTE, "procurement-route", comm_procurement_routes },
  { COMM_IMPORT_FIELD_EXTENSION_OPTIONS, "extension-options", NULL },
};

static const struct {
  CommImportField  field;
  const char      *property;
} date_fields[] = {
  { COMM_IMPORT_FIELD_START_DATE, "start-date" },
  { COMM_IMPORT_FIELD_END_DATE, "end-date" },
  { COMM_IMPORT_FIELD_REVIEW_DATE, "review-date" },
};

/* The row's cell for @field, stripped; NULL if the field is not mapped. */
static const char *
cell_of (CommImportContext *context,
         CommImportPlanRow *out,
         CommImportField    field)
{
  int column = context->columns[field];

  return column >= 0 ? g_strstrip (out->row.cells[column]) : NULL;
}

static gboolean
reject (CommImportContext *context,
        CommImportPlanRow *out,
        int                field,
        const char        *reason)
{
  int column = field >= 0 ? context->columns[field] : -1;

  out->row.kind = COMM_IMPORT_ROW_REJECTED;
  out->row.reason = g_strdup (reason);
  if (column >= 0)
    {
      g_free (out->row.column);
      g_free (out->row.cell);
      out->row.column = g_strdup (context->header[column]);
      out->row.cell = g_strdup (out->row.cells[column]);
    }
  g_clear_object (&out->contract);
  return FALSE;
}

static void
flag (CommImportContext *context,
      CommImportPlanRow *out,
      CommImportField    field,
      const char        *reason)
{
  int column = context->columns[field];

  if (out->row.flagged)
    return;
  out->row.flagged = TRUE;
  out->row.flag_reason = g_strdup (reason);
  if (out->row.column == NULL && column >= 0)
    {
      out->row.column = g_strdup (context->header[column]);
      out->row.cell = g_strdup (out->row.cells[column]);
    }
}

static void
add_vocabulary (GHashTable       *vocabulary,
                const CommChoice *choices)
{
  for (guint i = 0; choices[i].code != NULL; i++)
    {
      g_autofree char *label = comm_text_fold (g_dgettext (GETTEXT_PACKAGE, choices[i].label));
      g_autofree char *raw = comm_text_fold (choices[i].label);

      g_hash_table_insert (vocabulary, g_strdup_printf ("%p|%s", (gpointer) choices, label), (gpointer) choices[i].code);
      g_hash_table_insert (vocabulary, g_strdup_printf ("%p|%s", (gpointer) choices, raw), (gpointer) choices[i].code);
      g_hash_table_insert (vocabulary, g_strdup_printf ("%p|%s", (gpointer) choices, choices[i].code),
                           (gpointer) choices[i].code);
    }
}

/* A label or code of @choices ("Open tender", "open-tender") to its code; other text as it is.
 * The folded labels are worked out once per import, not once per row. */
static const char *
to_code (CommImportContext *context,
         const CommChoice  *choices,
         const char        *text)
{
  g_autofree char *folded = comm_text_fold (text);
  g_autofree char *key = g_strdup_printf ("%p|%s", (gpointer) choices, folded);
  const char *code;

  if (context->vocabulary == NULL)
    {
      context->vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
        if (text_fields[i].choices != NULL)
          add_vocabulary (context->vocabulary, text_fields[i].choices ());
    }
  code = g_hash_table_lookup (context->vocabulary, key);
  return code != NULL ? code : text;
}

static void
set_text_fields (CommImportContext *context,
                 CommImportPlanRow *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *text = cell_of (context, out, text_fields[i].field);

      if (text == NULL)
        continue;
      if (text_fields[i].choices != NULL && *text != '\0')
        text = to_code (context, text_fields[i].choices (), text);
      g_object_set (out->contract, text_fields[i].property, text, NULL);
    }
}

static gboolean
set_dates_and_notice (CommImportContext *context,
                      CommImportPlanRow *out)
{
  const char *notice;

  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      const char *text = cell_of (context, out, date_fields[i].field);
      g_autofree char *iso = NULL;
      g_autoptr(GError) error = NULL;

      if (text == NULL)
        continue;
      if (*text != '\0' && !comm_import_parse_date (text, context->options->date_format, &iso, &error))
        return reject (context, out, date_fields[i].field, error->message);
      g_object_set (out->contract, date_fields[i].property, iso != NULL ? iso : "", NULL);
    }

  notice = cell_of (context, out, COMM_IMPORT_FIELD_NOTICE_MONTHS);
  if (notice != NULL && *notice != '\0')
    {
      if (strspn (notice, "0123456789") != strlen (notice) || strlen (notice) > 2 || atoi (notice) > 60)
        return reject (context, out, COMM_IMPORT_FIELD_NOTICE_MONTHS,
                       _("The notice period must be a whole number of months from 0 to 60."));
      g_object_set (out->contract, "notice-months", atoi (notice), NULL);
    }
  return TRUE;
}

static gboolean
set_provider (CommImportContext *context,
              CommImportPlanRow *out)
{
  const char *name = cell_of (context, out, COMM_IMPORT_FIELD_PROVIDER);
  g_autofree char *folded = NULL;
  gint64 *id;

  if (name == NULL)
    return TRUE;
  if (*name == '\0')
    return reject (context, out, COMM_IMPORT_FIELD_PROVIDER, _("The provider is missing."));
  if (comm_import_text_mixes_scripts (name))
    flag (context, out, COMM_IMPORT_FIELD_PROVIDER,
          _("The provider’s name mixes Latin letters with look-alike Cyrillic or Greek ones."));

  folded = comm_text_fold (name);
  if ((id = g_hash_table_lookup (context->providers, folded)) != NULL)
    {
      g_object_set (out->contract, "provider-id", *id, NULL);
      return TRUE;
    }
  if (!g_hash_table_contains (context->new_providers, folded))
    {
      g_ptr_array_add (context->new_provider_names, g_strdup (name));
      g_hash_table_insert (context->new_providers, g_strdup (folded), g_strdup (name));
    }
  g_free (out->new_provider);
  out->new_provider = g_strdup (g_hash_table_lookup (context->new_providers, folded));
  g_object_set (out->contract, "provider-id", (gint64) 0, NULL);
  return TRUE;
}

static gboolean
funding_year (CommImportContext *context,
              CommImportPlanRow *out,
              int               *year)
{
  const char *text = cell_of (context, out, COMM_IMPORT_FIELD_YEAR);
  const char *start = NULL;
  GDate date;

  if (text != NULL && *text != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (!comm_import_parse_year (text, year, &error))
        return reject (context, out, COMM_IMPORT_FIELD_YEAR, error->message);
      return TRUE;
    }
  g_object_get (out->contract, "start-date", &start, NULL);
  if (!comm_date_parse_iso (start, &date))
    {
      g_free ((char *) start);
      return reject (context, out, COMM_IMPORT_FIELD_START_DATE,
                     _("The value needs a financial year: give a start date or a “Year” column."));
    }
  g_free ((char *) start);
  *year = comm_financial_year_of (&date);
  return TRUE;
}

/* Makes the lines of @year in @current those of @parsed. A line whose stream stays keeps its id
 * (only its amount may change), so re-importing a file touches, and audits, only what changed. */
static void
replace_year (GPtrArray *current,
              GPtrArray *parsed,
              int        year)
{
  g_autofree gboolean *taken = g_new0 (gboolean, parsed->len + 1);

  for (guint i = current->len; i > 0; i--)
    {
      CommFundingLine *line = current->pdata[i - 1];
      gboolean kept = FALSE;

      if (line->year != year)
        continue;
      for (guint j = 0; j < parsed->len && !kept; j++)
        if (!taken[j] && g_str_equal (((CommFundingLine *) parsed->pdata[j])->stream, line->stream))
          {
            line->amount = ((CommFundingLine *) parsed->pdata[j])->amount;
            taken[j] = kept = TRUE;
          }
      if (!kept)
        g_ptr_array_remove_index (current, i - 1);
    }
  for (guint j = 0; j < parsed->len; j++)
    if (!taken[j])
      {
        CommFundingLine *line = parsed->pdata[j];

        g_ptr_array_add (current, comm_funding_line_new (line->stream, year, line->amount));
      }
}

static gboolean
set_funding (CommImportContext *context,
             CommImportPlanRow *out)
{
  const char *value = cell_of (context, out, COMM_IMPORT_FIELD_VALUE);
  const char *stream = cell_of (context, out, COMM_IMPORT_FIELD_STREAM);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_funding_line_free);
  g_autoptr(GError) error = NULL;
  GPtrArray *current;
  int year;

  if (value == NULL || *value == '\0')
    return TRUE;
  if (!comm_import_parse_funding (value, stream != NULL && *stream != '\0' ? stream : COMM_IMPORT_DEFAULT_STREAM,
                                  lines, &error))
    return reject (context, out, COMM_IMPORT_FIELD_VALUE, error->message);
  if (!funding_year (context, out, &year))
    return FALSE;

  current = comm_contract_get_funding_lines (out->contract);
  replace_year (current, lines, year);
  return TRUE;
}

static gboolean
validate (CommImportContext *context,
          CommImportPlanRow *out)
{
  g_autoptr(GPtrArray) problems = comm_contract_validate (out->contract);

  for (guint i = 0; i < problems->len; i++)
    {
      CommProblem *problem = problems->pdata[i];
      int field;

      if (g_str_equal (problem->field, "provider-id") && out->new_provider != NULL)
        continue;
      if (g_str_has_prefix (problem->field, "funding-line"))
        field = COMM_IMPORT_FIELD_VALUE;
      else if (g_str_equal (problem->field, "provider-id"))
        field = COMM_IMPORT_FIELD_PROVIDER;
      else
        field = comm_import_field_lookup (problem->field);
      return reject (context, out, field, problem->message);
    }
  return TRUE;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const CommFundingLine *x = *(CommFundingLine * const *) a;
  const CommFundingLine *y = *(CommFundingLine * const *) b;
  int c;

  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  if ((c = strcmp (x->stream, y->stream)) != 0)
    return c;
  return x->amount < y->amount ? -1 : x->amount > y->amount;
}

static gboolean
same_lines (GPtrArray *a,
            GPtrArray *b)
{
  g_autoptr(GPtrArray) x = g_ptr_array_copy (a, NULL, NULL);
  g_autoptr(GPtrArray) y = g_ptr_array_copy (b, NULL, NULL);

  g_ptr_array_set_free_func (x, NULL);  /* the copies share the lines */
  g_ptr_array_set_free_func (y, NULL);
  if (a->len != b->len)
    return FALSE;
  g_ptr_array_sort (x, compare_lines);
  g_ptr_array_sort (y, compare_lines);
  for (guint i = 0; i < x->len; i++)
    if (compare_lines (&x->pdata[i], &y->pdata[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
same_contract (CommContract *a,
               CommContract *b)
{
  CommContractRow x, y;
  const char * const *xs[] = { &x.reference, &x.title, &x.service_area, &x.description,
                               &x.lead_commissioner, &x.geography, &x.procurement_route, &x.start_date,
                               &x.end_date, &x.extension_options, &x.review_date, &x.extended_to,
                               &x.terminated_on };
  const char * const *ys[] = { &y.reference, &y.title, &y.service_area, &y.description,
                               &y.lead_commissioner, &y.geography, &y.procurement_route, &y.start_date,
                               &y.end_date, &y.extension_options, &y.review_date, &y.extended_to,
                               &y.terminated_on };

  comm_contract_get_row (a, &x);
  comm_contract_get_row (b, &y);
  if (x.provider_id != y.provider_id || x.notice_months != y.notice_months || x.procuring != y.procuring)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    if (g_strcmp0 (*xs[i], *ys[i]) != 0)
      return FALSE;
  return same_lines (comm_contract_get_funding_lines (a), comm_contract_get_funding_lines (b));
}

/* An existing contract as listed, with its funding lines (from the plan's one query) but not its
 * RAG history or meetings: enough to tell whether a row changes it. */
static CommContract *
light_copy (CommImportContext *context,
            CommContract      *listed)
{
  CommContract *copy = comm_contract_copy (listed);
  gint64 id = comm_contract_get_id (listed);
  GPtrArray *lines = g_hash_table_lookup (context->lines, &id);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    g_ptr_array_add (comm_contract_get_funding_lines (copy), comm_funding_line_copy (lines->pdata[i]));
  return copy;
}

/* The reference: present, not seen before in the file; sets up a new or copied contract. */
static gboolean
start_contract (CommImportContext  *context,
                CommImportPlanRow  *out,
                CommContract      **original)
{
  const char *reference = cell_of (context, out, COMM_IMPORT_FIELD_REFERENCE);
  g_autofree char *key = NULL;
  gpointer seen_line;
  CommContract *listed;

  out->row.reference = g_strdup (reference != NULL ? reference : "");
  if (reference == NULL || *reference == '\0')
    return reject (context, out, COMM_IMPORT_FIELD_REFERENCE, _("The reference is missing."));
  key = g_utf8_casefold (reference, -1);
  if (g_hash_table_lookup_extended (context->seen, key, NULL, &seen_line))
    {
      g_autofree char *reason = g_strdup_printf (_("The reference “%s” is already used on line %u of this file."),
                                                 reference, GPOINTER_TO_UINT (seen_line));
      return reject (context, out, COMM_IMPORT_FIELD_REFERENCE, reason);
    }
  listed = g_hash_table_lookup (context->existing, key);
  g_hash_table_insert (context->seen, g_steal_pointer (&key), GUINT_TO_POINTER (out->row.line));

  if (listed == NULL)
    {
      out->contract = comm_contract_new ();
      g_object_set (out->contract, "reference", reference, NULL);
      return TRUE;
    }
  *original = light_copy (context, listed);
  out->contract = comm_contract_copy (*original);
  return TRUE;
}

/* Sets the row's fields on out->contract and validates it; FALSE if the row is rejected. */
static gboolean
fill_fields (CommImportContext *context,
             CommImportPlanRow *out)
{
  const char *title = cell_of (context, out, COMM_IMPORT_FIELD_TITLE);

  if (!set_provider (context, out))
    return FALSE;
  set_text_fields (context, out);
  if (title != NULL && comm_import_text_mixes_scripts (title))
    flag (context, out, COMM_IMPORT_FIELD_TITLE,
          _("The title mixes Latin letters with look-alike Cyrillic or Greek ones."));
  return set_dates_and_notice (context, out) && set_funding (context, out) && validate (context, out);
}

/* A changed contract is loaded whole (RAG history, meetings) and the row applied again, so that
 * saving it keeps what the file does not hold. */
static gboolean
prepare_update (CommImportContext  *context,
                CommImportPlanRow  *out,
                GError            **error)
{
  g_autoptr(CommContract) full = comm_contract_store_get (context->db, comm_contract_get_id (out->contract),
                                                          &context->today, error);

  if (full == NULL)
    return FALSE;
  g_clear_object (&out->contract);
  out->contract = comm_contract_copy (full);
  if (fill_fields (context, out))
    out->row.kind = COMM_IMPORT_ROW_UPDATED;
  return TRUE;
}

gboolean
comm_import_build_row (CommImportContext  *context,
                       CommImportPlanRow  *out,
                       GError            **error)
{
  g_autoptr(CommContract) original = NULL;
  guint n = g_strv_length (out->row.cells);

  if (n != context->n_header)
    {
      g_autofree char *reason = g_strdup_printf (_("This line has %u cells but the header has %u."),
                                                 n, context->n_header);
      const char *reference = context->columns[COMM_IMPORT_FIELD_REFERENCE] >= 0 &&
                              (guint) context->columns[COMM_IMPORT_FIELD_REFERENCE] < n
                                ? out->row.cells[context->columns[COMM_IMPORT_FIELD_REFERENCE]] : "";

      out->row.reference = g_strdup (reference);
      reject (context, out, -1, reason);
      return TRUE;
    }
  if (!start_contract (context, out, &original) || !fill_fields (context, out))
    return TRUE;  /* rejected */

  if (original == NULL)
    out->row.kind = COMM_IMPORT_ROW_NEW;
  else if (out->new_provider == NULL && same_contract (original, out->contract))
    {
      out->row.kind = COMM_IMPORT_ROW_UNCHANGED;
      g_clear_object (&out->contract);
    }
  else
    return prepare_update (context, out, error);
  return TRUE;
}

void
comm_import_plan_row_free (CommImportPlanRow *row)
{
  if (row == NULL)
    return;
  g_free (row->row.reference);
  g_free (row->row.column);
  g_free (row->row.cell);
  g_free (row->row.reason);
  g_free (row->row.flag_reason);
  g_strfreev (row->row.cells);
  g_clear_object (&row->contract);
  g_free (row->new_provider);
  g_free (row);
}
