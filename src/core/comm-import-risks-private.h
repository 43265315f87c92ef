/* comm-import-risks-private.h: for src/core only - checking one row of a risk register import */
#pragma once

#include "comm-database.h"
#include "comm-import.h"
#include "comm-import-risks.h"
#include "comm-risk.h"

G_BEGIN_DECLS

/* A planned row: the public part first, then the risk to write (new or updated rows). */
typedef struct {
  CommImportRow  row;
  CommRisk      *risk;
} CommRiskPlanRow;

typedef struct {
  CommDatabase            *db;
  const CommImportOptions *options;      /* date format */
  const char * const      *header;
  guint                    n_header;
  int                      columns[COMM_RISK_N_FIELDS];
  CommRiskScaleKind        scale;
  CommRiskBands            bands;
  GDate                    today;
  GHashTable              *existing;     /* case-folded reference -> CommRisk of the register */
  GHashTable              *contracts;    /* case-folded contract reference -> gint64 id (boxed) */
  GHashTable              *seen;         /* case-folded reference -> first line (GUINT_TO_POINTER) */
} CommRiskImportContext;

/* Fills @row (line and cells set): kind, reference, reason and the column at fault, and the risk.
 * Never fails: every problem rejects only the row. */
void _comm_risk_import_build_row (CommRiskImportContext *context,
                                  CommRiskPlanRow       *row);
void _comm_risk_plan_row_free    (CommRiskPlanRow       *row);

G_END_DECLS
