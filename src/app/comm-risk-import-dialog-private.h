/* comm-risk-import-dialog-private.h: what comm-risk-import-dialog.c shares with
 * comm-risk-import-dialog-view.c (which fills the preview of the rows from the plan) */
#pragma once

#include "comm-import-flow.h"
#include "comm-progress-overlay.h"
#include "comm-risk-import-columns.h"
#include "comm-risk-import-dialog.h"

G_BEGIN_DECLS

struct _CommRiskImportDialog
{
  AdwWindow            parent_instance;

  CommProgressOverlay *progress;
  AdwComboRow         *register_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *scale_row;
  AdwStatusPage       *empty_page;
  GtkLabel            *error_label;
  AdwPreferencesGroup *file_group;
  AdwActionRow        *file_row;
  AdwActionRow        *format_row;
  CommRiskImportColumns *columns_group;
  AdwPreferencesGroup *result_group;
  GtkLabel            *counts_label;
  GtkListBox          *rows_list;
  GtkLabel            *note_label;
  GtkWidget           *import_all_button;

  CommDatabase        *database;
  GListStore          *registers;     /* CommRiskRegister; the combo lists them, then "New" */
  CommImportFlow      *flow;          /* the file, the plan (CommRiskImportPlan); the workers */
  char                *plan_name;     /* the register name the plan was checked against */
  guint                n_imported;
  gboolean             updating;      /* filling widgets: ignore their signals */
};

/* comm-risk-import-dialog-view.c: the counts and the rows of the preview, from the flow's plan */
void _comm_risk_import_dialog_fill_results (CommRiskImportDialog *self);

G_END_DECLS
