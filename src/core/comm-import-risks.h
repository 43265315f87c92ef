/* comm-import-risks.h: importing a risk register from CSV, with the same preview-and-validate
 * flow as contracts (comm-import.h)
 *
 * 1. Read the file with comm_import_source_load() (encoding and separator detection; the
 *    options' date format and skip-lines are used too; its contract column mappings are not).
 * 2. comm_risk_import_plan_new() reads and validates every row against the register without
 *    writing. Each row is a CommImportRow (comm-import.h): new, updated (a risk of the register
 *    with the same reference, ignoring case), unchanged, or rejected with the CSV line, the
 *    column, the cell and the reason - a rating not on the register's scale ("6" on 5 x 5,
 *    "Very high" on L/M/H), a reversed range ("H/L"), a bad date, an empty owner on a high
 *    risk, an unknown response or status, a duplicate reference in the file.
 *    Ranges such as "M/H", "L/M", "Medium/High" are accepted on the L/M/H scale and kept.
 * 3. comm_risk_import_plan_apply() writes all rows (or only the good ones) in one transaction,
 *    creating the register first if it does not exist (a programme register with the scale
 *    asked for). Rows without a reference get the next free "Rn".
 *
 * Columns are matched to fields by header ("Risk title", "Likelihood (inherent)", "Risk owner",
 * "Mitigation" ...); "--map 'CSV header=field'" settles others. A file must have a title column
 * and an inherent likelihood and impact column (INVALID otherwise, naming the missing one).
 */
#pragma once

#include <gio/gio.h>

#include "comm-database.h"
#include "comm-import.h"
#include "comm-risk-scale.h"

G_BEGIN_DECLS

typedef enum {
  COMM_RISK_FIELD_REFERENCE,
  COMM_RISK_FIELD_TITLE,
  COMM_RISK_FIELD_CAUSE,
  COMM_RISK_FIELD_CONSEQUENCE,
  COMM_RISK_FIELD_OWNER,
  COMM_RISK_FIELD_CATEGORY,
  COMM_RISK_FIELD_INHERENT_LIKELIHOOD,
  COMM_RISK_FIELD_INHERENT_IMPACT,
  COMM_RISK_FIELD_CONTROLS,
  COMM_RISK_FIELD_RESPONSE,
  COMM_RISK_FIELD_RESIDUAL_LIKELIHOOD,
  COMM_RISK_FIELD_RESIDUAL_IMPACT,
  COMM_RISK_FIELD_TARGET_LIKELIHOOD,
  COMM_RISK_FIELD_TARGET_IMPACT,
  COMM_RISK_FIELD_RAISED,
  COMM_RISK_FIELD_REVIEW_DUE,
  COMM_RISK_FIELD_REVIEW_MONTHS,
  COMM_RISK_FIELD_STATUS,
  COMM_RISK_FIELD_CONTRACT,      /* a contract reference */
  COMM_RISK_N_FIELDS
} CommRiskField;

/* The field's name in mappings ("inherent-likelihood") and its label (translated). */
const char *comm_risk_field_name       (CommRiskField field);
const char *comm_risk_field_label      (CommRiskField field);
/* A field name or label, ignoring case, spaces and punctuation; -1 if none. */
int         comm_risk_field_lookup     (const char *text);
/* The field a CSV header names (also common spreadsheet headers), or -1. */
int         comm_risk_field_for_header (const char *header);

typedef struct {
  const char         *register_name; /* required */
  gboolean            scale_given;   /* --scale was given */
  CommRiskScaleKind   scale;         /* the scale of a new register (default 5 x 5); if the
                                        register exists and scale_given, it must match */
  const char * const *maps;          /* "CSV header=field" mappings, NULL-terminated; or NULL */
  const int          *columns;       /* or, instead of the headers and maps: the column of each
                                        field, COMM_RISK_N_FIELDS of them (-1: not imported) */
  GDate               today;         /* raised dates after it are refused; the default raised
                                        date of rows without one */
} CommRiskImportSettings;

void        comm_risk_import_settings_init (CommRiskImportSettings *settings); /* today, 5 x 5 */
/* The column each field would be read from, going by the headers alone (-1: none). */
void        comm_risk_import_guess_columns (const char * const *header,
                                            int                 columns[COMM_RISK_N_FIELDS]);

typedef struct _CommRiskImportPlan CommRiskImportPlan;

/* Whole-file problems fail: INVALID for a bad mapping, a missing required column, or a scale
 * that differs from the existing register's ("“X” uses the 5 x 5 scale, not L/M/H: change its
 * scale first or leave --scale out."); PARSE for an unbalanced quote or no data rows. */
CommRiskImportPlan *comm_risk_import_plan_new   (CommDatabase                 *db,
                                                 CommImportSource             *source,
                                                 const CommImportOptions      *options,
                                                 const CommRiskImportSettings *settings,
                                                 GCancellable                 *cancellable,
                                                 GError                      **error);
void                comm_risk_import_plan_free  (CommRiskImportPlan *plan);
guint               comm_risk_import_plan_count (CommRiskImportPlan *plan,
                                                 CommImportRowKind   kind);
/* Every data row in file order (CommImportRow*, owned by the plan); reference is the risk's. */
GPtrArray          *comm_risk_import_plan_get_rows (CommRiskImportPlan *plan);
/* TRUE if applying will create the register. */
gboolean            comm_risk_import_plan_creates_register (CommRiskImportPlan *plan);
CommRiskScaleKind   comm_risk_import_plan_get_scale (CommRiskImportPlan *plan);
/* The header of the file the plan was made from. */
const char * const *comm_risk_import_plan_get_header (CommRiskImportPlan *plan);
/* The rejected rows as CSV (comm_import_write_rejects()), to fix and import again. */
gboolean            comm_risk_import_plan_write_rejects (CommRiskImportPlan *plan,
                                                         const char         *path,
                                                         GError            **error);
/* Writes the plan in one transaction. With @good_only FALSE, fails (INVALID, "N rows have
 * problems") without writing if any row was rejected. On any failure nothing is written. */
gboolean            comm_risk_import_plan_apply (CommRiskImportPlan *plan,
                                                 CommDatabase       *db,
                                                 gboolean            good_only,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommRiskImportPlan, comm_risk_import_plan_free)

G_END_DECLS
