/* comm-export-risks.c: a risk register as CSV (the columns comm-import-risks.c reads back) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-export-risks.h"
#include "comm-file-replace-private.h"
#include "comm-risk.h"

enum {
  COLUMN_REFERENCE,
  COLUMN_TITLE,
  COLUMN_CAUSE,
  COLUMN_CONSEQUENCE,
  COLUMN_OWNER,
  COLUMN_CATEGORY,
  COLUMN_INHERENT_LIKELIHOOD,
  COLUMN_INHERENT_IMPACT,
  COLUMN_INHERENT_SCORE,
  COLUMN_CONTROLS,
  COLUMN_RESPONSE,
  COLUMN_RESIDUAL_LIKELIHOOD,
  COLUMN_RESIDUAL_IMPACT,
  COLUMN_RESIDUAL_SCORE,
  COLUMN_TARGET_LIKELIHOOD,
  COLUMN_TARGET_IMPACT,
  COLUMN_RAISED,
  COLUMN_REVIEW_DUE,
  COLUMN_REVIEW_MONTHS,
  COLUMN_STATUS,
  COLUMN_CONTRACT,
  COLUMN_REGISTER,
  COLUMN_ROLLED_UP,
  N_COLUMNS
};

static const char *const columns[N_COLUMNS + 1] = {
  N_("Reference"), N_("Title"), N_("Cause"), N_("Consequence"), N_("Owner"), N_("Category"),
  N_("Inherent likelihood"), N_("Inherent impact"), N_("Inherent score"), N_("Controls"),
  N_("Response"), N_("Residual likelihood"), N_("Residual impact"), N_("Residual score"),
  N_("Target likelihood"), N_("Target impact"), N_("Raised"), N_("Review due"),
  N_("Review every (months)"), N_("Status"), N_("Contract"), N_("Register"), N_("Rolled up"),
  NULL
};

static gboolean
write_risk (CommCsvWriter  *writer,
            CommRisk       *risk,
            GError        **error)
{
  g_autofree char *inherent = comm_risk_dup_score_text (&risk->inherent_likelihood, &risk->inherent_impact);
  g_autofree char *residual = comm_risk_dup_score_text (&risk->residual_likelihood, &risk->residual_impact);
  g_autofree char *months = risk->review_months > 0 ? g_strdup_printf ("%u", risk->review_months)
                                                    : g_strdup ("");
  const char *cells[N_COLUMNS];

  cells[COLUMN_REFERENCE] = risk->reference;
  cells[COLUMN_TITLE] = risk->title;
  cells[COLUMN_CAUSE] = risk->cause;
  cells[COLUMN_CONSEQUENCE] = risk->consequence;
  cells[COLUMN_OWNER] = risk->owner;
  cells[COLUMN_CATEGORY] = risk->category;
  cells[COLUMN_INHERENT_LIKELIHOOD] = comm_risk_rating_to_display (&risk->inherent_likelihood);
  cells[COLUMN_INHERENT_IMPACT] = comm_risk_rating_to_display (&risk->inherent_impact);
  cells[COLUMN_INHERENT_SCORE] = inherent;
  cells[COLUMN_CONTROLS] = risk->controls;
  cells[COLUMN_RESPONSE] = comm_risk_response_to_string (risk->response);
  cells[COLUMN_RESIDUAL_LIKELIHOOD] = comm_risk_rating_to_display (&risk->residual_likelihood);
  cells[COLUMN_RESIDUAL_IMPACT] = comm_risk_rating_to_display (&risk->residual_impact);
  cells[COLUMN_RESIDUAL_SCORE] = residual;
  cells[COLUMN_TARGET_LIKELIHOOD] = comm_risk_rating_to_display (&risk->target_likelihood);
  cells[COLUMN_TARGET_IMPACT] = comm_risk_rating_to_display (&risk->target_impact);
  cells[COLUMN_RAISED] = risk->raised_on;
  cells[COLUMN_REVIEW_DUE] = risk->review_due;
  cells[COLUMN_REVIEW_MONTHS] = months;
  cells[COLUMN_STATUS] = comm_risk_status_to_string (risk->status);
  cells[COLUMN_CONTRACT] = risk->contract_reference;
  cells[COLUMN_REGISTER] = risk->register_name;
  cells[COLUMN_ROLLED_UP] = risk->rolled_up ? _("Yes") : _("No");

  return comm_csv_writer_write_row (writer, cells, N_COLUMNS, error);
}

const char * const *
comm_export_risks_columns (void)
{
  return columns;
}

gboolean
comm_export_risks_csv (GListModel         *risks,
                       GOutputStream      *out,
                       CommCsvWriteFlags   flags,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(CommCsvWriter) writer = NULL;
  const char *header[N_COLUMNS];
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (risks), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  writer = comm_csv_writer_new (out, flags);
  for (guint i = 0; i < N_COLUMNS; i++)
    header[i] = _(columns[i]);
  if (!comm_csv_writer_write_row (writer, header, N_COLUMNS, error))
    return FALSE;
  n = g_list_model_get_n_items (risks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommRisk) risk = g_list_model_get_item (risks, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_risk (writer, risk, error))
        return FALSE;
    }
  return comm_csv_writer_finish (writer, error);
}

typedef struct {
  GListModel        *risks;
  CommCsvWriteFlags  flags;
} FileJob;

static gboolean
write_file_content (GOutputStream  *out,
                    gpointer        user_data,
                    GCancellable   *cancellable,
                    GError        **error)
{
  FileJob *job = user_data;

  return comm_export_risks_csv (job->risks, out, job->flags, cancellable, error);
}

gboolean
comm_export_risks_csv_to_file (GListModel         *risks,
                               const char         *path,
                               CommCsvWriteFlags   flags,
                               GCancellable       *cancellable,
                               GError            **error)
{
  FileJob job = { risks, flags };

  g_return_val_if_fail (G_IS_LIST_MODEL (risks), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return comm_file_write_atomically (path, write_file_content, &job, cancellable, error);
}
