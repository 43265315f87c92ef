/* comm-import-dialog-private.h: what comm-import-dialog.c shares with comm-import-dialog-view.c
 * (which fills the sample, the column mapping and the preview from the source and the plan) */
#pragma once

#include "comm-import-dialog.h"
#include "comm-import-flow.h"
#include "comm-progress-overlay.h"

G_BEGIN_DECLS

struct _CommImportDialog
{
  AdwWindow             parent_instance;

  CommProgressOverlay  *progress;
  AdwStatusPage        *empty_page;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *file_group;
  AdwActionRow         *file_row;
  AdwActionRow         *format_row;
  AdwPreferencesGroup  *reading_group;
  AdwComboRow          *encoding_row;
  AdwComboRow          *separator_row;
  AdwComboRow          *date_row;
  GtkSpinButton        *skip_spin;
  AdwComboRow          *preset_row;
  AdwEntryRow          *preset_name_row;
  GtkWidget            *sample_heading;
  GtkWidget            *sample_scroller;
  GtkGrid              *sample_grid;
  AdwPreferencesGroup  *mapping_group;
  AdwPreferencesGroup  *result_group;
  GtkLabel             *counts_label;
  GtkListBox           *rows_list;

  CommDatabase         *database;
  CommImportFlow       *flow;          /* the file, its options, the plan; the workers */
  GPtrArray            *mapping_rows;  /* AdwComboRow per field */
  GtkStringList        *presets;       /* "None", then the names */
  gboolean              updating;      /* filling widgets: ignore their signals */
};

/* comm-import-dialog-view.c */
void _comm_import_dialog_fill_sample  (CommImportDialog *self);
void _comm_import_dialog_fill_mapping (CommImportDialog *self);
void _comm_import_dialog_fill_results (CommImportDialog *self);
/* comm-import-dialog.c: a mapping row changed */
void _comm_import_dialog_mapping_changed (CommImportDialog *self,
                                          AdwComboRow      *row);

G_END_DECLS
