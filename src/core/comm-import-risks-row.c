/* comm-import-risks-row.c: one row of a risk register import - read, checked, compared */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-error.h"
#include "comm-import-risks-private.h"

/* The trimmed cell of @field, "" if the column is absent or the row is short (static buffer
 * owned by the row's cells, trimmed in place). */
static const char *
cell (CommRiskImportContext *context,
      CommRiskPlanRow       *row,
      CommRiskField          field)
{
  int column = context->columns[field];

  if (column < 0 || (guint) column >= g_strv_length (row->row.cells))
    return "";
  return g_strstrip (row->row.cells[column]);
}

static gboolean
has_column (CommRiskImportContext *context,
            CommRiskField          field)
{
  return context->columns[field] >= 0;
}

static void
reject (CommRiskImportContext *context,
        CommRiskPlanRow       *row,
        int                    field,
        const char            *reason)
{
  row->row.kind = COMM_IMPORT_ROW_REJECTED;
  g_free (row->row.reason);
  row->row.reason = g_strdup (reason);
  if (field >= 0 && context->columns[field] >= 0)
    {
      row->row.column = g_strdup (context->header[context->columns[field]]);
      row->row.cell = g_strdup (cell (context, row, field));
    }
  g_clear_object (&row->risk);
}

/* Reads a rating cell; an empty cell leaves @out unset. FALSE (row rejected) if unreadable. */
static gboolean
read_rating (CommRiskImportContext *context,
             CommRiskPlanRow       *row,
             CommRiskField          field,
             CommRiskAxis           axis,
             CommRiskRating        *out)
{
  g_autoptr(GError) error = NULL;
  const char *text = cell (context, row, field);

  if (!has_column (context, field))
    return TRUE;
  out->scale = context->scale;
  out->low = out->high = 0;
  if (*text == '\0')
    return TRUE;
  if (comm_risk_rating_parse (context->scale, axis, text, out, &error))
    return TRUE;
  reject (context, row, field, error->message);
  return FALSE;
}

static gboolean
read_ratings (CommRiskImportContext *context,
              CommRiskPlanRow       *row,
              CommRisk              *risk)
{
  static const struct { CommRiskField l, i; const char *what; } pairs[] = {
    { COMM_RISK_FIELD_RESIDUAL_LIKELIHOOD, COMM_RISK_FIELD_RESIDUAL_IMPACT, N_("residual") },
    { COMM_RISK_FIELD_TARGET_LIKELIHOOD, COMM_RISK_FIELD_TARGET_IMPACT, N_("target") },
  };
  CommRiskRating *ratings[] = { &risk->residual_likelihood, &risk->residual_impact,
                                &risk->target_likelihood, &risk->target_impact };

  if (!read_rating (context, row, COMM_RISK_FIELD_INHERENT_LIKELIHOOD, COMM_RISK_AXIS_LIKELIHOOD,
                    &risk->inherent_likelihood) ||
      !read_rating (context, row, COMM_RISK_FIELD_INHERENT_IMPACT, COMM_RISK_AXIS_IMPACT,
                    &risk->inherent_impact))
    return FALSE;
  if (!comm_risk_rating_is_set (&risk->inherent_likelihood) || !comm_risk_rating_is_set (&risk->inherent_impact))
    {
      reject (context, row, comm_risk_rating_is_set (&risk->inherent_likelihood)
                              ? COMM_RISK_FIELD_INHERENT_IMPACT : COMM_RISK_FIELD_INHERENT_LIKELIHOOD,
              _("The risk needs an inherent likelihood and impact."));
      return FALSE;
    }
  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      if (!read_rating (context, row, pairs[p].l, COMM_RISK_AXIS_LIKELIHOOD, ratings[2 * p]) ||
          !read_rating (context, row, pairs[p].i, COMM_RISK_AXIS_IMPACT, ratings[2 * p + 1]))
        return FALSE;
      if (comm_risk_rating_is_set (ratings[2 * p]) != comm_risk_rating_is_set (ratings[2 * p + 1]))
        {
          g_autofree char *reason = g_strdup_printf (_("Give both the %s likelihood and impact, or neither."),
                                                     _(pairs[p].what));

          reject (context, row, comm_risk_rating_is_set (ratings[2 * p]) ? pairs[p].i : pairs[p].l, reason);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_date (CommRiskImportContext *context,
           CommRiskPlanRow       *row,
           CommRiskField          field,
           char                 **out)
{
  g_autoptr(GError) error = NULL;
  const char *text = cell (context, row, field);
  char *iso = NULL;

  if (!has_column (context, field) || *text == '\0')
    return TRUE;
  if (!comm_import_parse_date (text, context->options->date_format, &iso, &error))
    {
      reject (context, row, field, error->message);
      return FALSE;
    }
  g_free (*out);
  *out = iso;
  return TRUE;
}

static gboolean
read_choices (CommRiskImportContext *context,
              CommRiskPlanRow       *row,
              CommRisk              *risk)
{
  const char *response = cell (context, row, COMM_RISK_FIELD_RESPONSE);
  const char *status = cell (context, row, COMM_RISK_FIELD_STATUS);
  const char *months = cell (context, row, COMM_RISK_FIELD_REVIEW_MONTHS);
  int value;

  if (*response != '\0')
    {
      if ((value = comm_risk_response_from_string (response)) < 0)
        {
          reject (context, row, COMM_RISK_FIELD_RESPONSE,
                  _("The response must be tolerate, treat, transfer or terminate."));
          return FALSE;
        }
      risk->response = value;
    }
  if (*status != '\0')
    {
      if ((value = comm_risk_status_from_string (status)) < 0)
        {
          reject (context, row, COMM_RISK_FIELD_STATUS, _("The status must be open or closed."));
          return FALSE;
        }
      risk->status = value;
    }
  if (has_column (context, COMM_RISK_FIELD_REVIEW_MONTHS))
    {
      guint64 n = 0;

      if (*months != '\0' && (!g_ascii_string_to_unsigned (months, 10, 0, 24, &n, NULL)))
        {
          reject (context, row, COMM_RISK_FIELD_REVIEW_MONTHS,
                  _("The review frequency is a number of months from 0 to 24."));
          return FALSE;
        }
      risk->review_months = (guint) n;
    }
  return TRUE;
}

static gboolean
read_contract (CommRiskImportContext *context,
               CommRiskPlanRow       *row,
               CommRisk              *risk)
{
  const char *text = cell (context, row, COMM_RISK_FIELD_CONTRACT);
  g_autofree char *folded = NULL;
  gint64 *id;

  if (!has_column (context, COMM_RISK_FIELD_CONTRACT))
    return TRUE;
  if (*text == '\0')
    {
      risk->contract_id = 0;
      comm_risk_set_text (&risk->contract_reference, "");
      return TRUE;
    }
  folded = g_utf8_casefold (text, -1);
  if ((id = g_hash_table_lookup (context->contracts, folded)) == NULL)
    {
      reject (context, row, COMM_RISK_FIELD_CONTRACT, _("There is no contract with this reference."));
      return FALSE;
    }
  risk->contract_id = *id;
  comm_risk_set_text (&risk->contract_reference, text);
  return TRUE;
}

static void
read_texts (CommRiskImportContext *context,
            CommRiskPlanRow       *row,
            CommRisk              *risk)
{
  static const CommRiskField text_fields[] = {
    COMM_RISK_FIELD_TITLE, COMM_RISK_FIELD_CAUSE, COMM_RISK_FIELD_CONSEQUENCE,
    COMM_RISK_FIELD_OWNER, COMM_RISK_FIELD_CATEGORY, COMM_RISK_FIELD_CONTROLS,
  };
  char **targets[] = { &risk->title, &risk->cause, &risk->consequence, &risk->owner,
                       &risk->category, &risk->controls };

  for (guint t = 0; t < G_N_ELEMENTS (text_fields); t++)
    if (has_column (context, text_fields[t]))
      comm_risk_set_text (targets[t], cell (context, row, text_fields[t]));
}

static gboolean
same_rating (const CommRiskRating *a,
             const CommRiskRating *b)
{
  return (!comm_risk_rating_is_set (a) && !comm_risk_rating_is_set (b)) || comm_risk_rating_equal (a, b);
}

static gboolean
same_risk (CommRisk *a,
           CommRisk *b)
{
  return g_str_equal (a->title, b->title) && g_str_equal (a->cause, b->cause) &&
         g_str_equal (a->consequence, b->consequence) && g_str_equal (a->owner, b->owner) &&
         g_str_equal (a->category, b->category) && g_str_equal (a->controls, b->controls) &&
         same_rating (&a->inherent_likelihood, &b->inherent_likelihood) &&
         same_rating (&a->inherent_impact, &b->inherent_impact) &&
         same_rating (&a->residual_likelihood, &b->residual_likelihood) &&
         same_rating (&a->residual_impact, &b->residual_impact) &&
         same_rating (&a->target_likelihood, &b->target_likelihood) &&
         same_rating (&a->target_impact, &b->target_impact) &&
         a->response == b->response && a->status == b->status &&
         g_str_equal (a->raised_on, b->raised_on) && g_str_equal (a->review_due, b->review_due) &&
         a->review_months == b->review_months && a->contract_id == b->contract_id;
}

/* The risk the row starts from: a copy of the existing one with its reference, else a new one. */
static CommRisk *
start_risk (CommRiskImportContext *context,
            CommRiskPlanRow       *row,
            CommRisk             **existing)
{
  const char *reference = cell (context, row, COMM_RISK_FIELD_REFERENCE);
  g_autofree char *folded = g_utf8_casefold (reference, -1);
  g_autofree char *today = comm_date_to_iso (&context->today);
  CommRisk *risk;

  row->row.reference = g_strdup (reference);
  *existing = *reference != '\0' ? g_hash_table_lookup (context->existing, folded) : NULL;
  if (*existing != NULL)
    return comm_risk_copy (*existing);
  risk = comm_risk_new ();
  comm_risk_set_text (&risk->reference, reference);
  comm_risk_set_text (&risk->raised_on, today);
  risk->scale = context->scale;
  return risk;
}

static gboolean
check_duplicate (CommRiskImportContext *context,
                 CommRiskPlanRow       *row)
{
  g_autofree char *folded = g_utf8_casefold (row->row.reference, -1);
  gpointer first;

  if (*folded == '\0')
    return TRUE;
  if ((first = g_hash_table_lookup (context->seen, folded)) != NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("Line %u already has the reference %s."),
                                                 GPOINTER_TO_UINT (first), row->row.reference);

      reject (context, row, COMM_RISK_FIELD_REFERENCE, reason);
      return FALSE;
    }
  g_hash_table_insert (context->seen, g_steal_pointer (&folded), GUINT_TO_POINTER (row->row.line));
  return TRUE;
}

void
_comm_risk_import_build_row (CommRiskImportContext *context,
                             CommRiskPlanRow       *row)
{
  g_autoptr(GError) error = NULL;
  CommRisk *existing = NULL;

  row->risk = start_risk (context, row, &existing);
  row->row.kind = existing != NULL ? COMM_IMPORT_ROW_UPDATED : COMM_IMPORT_ROW_NEW;
  if (!check_duplicate (context, row))
    return;
  read_texts (context, row, row->risk);
  if (!read_ratings (context, row, row->risk) || !read_choices (context, row, row->risk) ||
      !read_date (context, row, COMM_RISK_FIELD_RAISED, &row->risk->raised_on) ||
      !read_date (context, row, COMM_RISK_FIELD_REVIEW_DUE, &row->risk->review_due) ||
      !read_contract (context, row, row->risk))
    return;
  if (!comm_risk_validate (row->risk, context->scale, &context->bands, &context->today, &error))
    {
      gboolean owner = *row->risk->owner == '\0' && comm_risk_is_high (row->risk, &context->bands);

      reject (context, row, owner ? COMM_RISK_FIELD_OWNER : -1, error->message);
      return;
    }
  if (existing != NULL && same_risk (existing, row->risk))
    row->row.kind = COMM_IMPORT_ROW_UNCHANGED;
}

void
_comm_risk_plan_row_free (CommRiskPlanRow *row)
{
  if (row == NULL)
    return;
  g_free (row->row.reference);
  g_free (row->row.column);
  g_free (row->row.cell);
  g_free (row->row.reason);
  g_free (row->row.flag_reason);
  g_strfreev (row->row.cells);
  g_clear_object (&row->risk);
  g_free (row);
}
