/* comm-risk-import-columns.h: the "Columns" group of the risk import dialog */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_RISK_IMPORT_COLUMNS (comm_risk_import_columns_get_type ())
G_DECLARE_FINAL_TYPE (CommRiskImportColumns, comm_risk_import_columns, COMM, RISK_IMPORT_COLUMNS, AdwPreferencesGroup)

/* A row a risk field, each choosing the CSV column it is read from ("Not imported" or one of
 * the header's columns). "changed" is emitted when someone chooses another column. */
GtkWidget  *comm_risk_import_columns_new        (void);
/* A new file: the rows list its header, each set to the column the headers suggest
 * (comm_risk_import_guess_columns). Emits nothing. */
void        comm_risk_import_columns_set_header (CommRiskImportColumns *self,
                                                 const char * const    *header);
/* The column of every field (COMM_RISK_N_FIELDS of them, -1: not imported), owned by @self. */
const int  *comm_risk_import_columns_get        (CommRiskImportColumns *self);

G_END_DECLS
