/* comm-deep-dive-templates-dialog.h: view, copy and edit the Deep Dive checklist templates */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-deep-dive-template.h"

G_BEGIN_DECLS

#define COMM_TYPE_DEEP_DIVE_TEMPLATES_DIALOG (comm_deep_dive_templates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CommDeepDiveTemplatesDialog, comm_deep_dive_templates_dialog, COMM,
                      DEEP_DIVE_TEMPLATES_DIALOG, AdwWindow)

/* Lists the workspace's templates; the one selected is edited in a copy of its newest version,
 * and "Save as New Version" stores the copy as the next version (older Deep Dives keep theirs). */
CommDeepDiveTemplatesDialog *comm_deep_dive_templates_dialog_new             (CommDatabase                *database);
/* The template shown (0 for none). */
gint64                       comm_deep_dive_templates_dialog_get_template_id (CommDeepDiveTemplatesDialog *self);
gboolean                     comm_deep_dive_templates_dialog_select          (CommDeepDiveTemplatesDialog *self,
                                                                              gint64                       template_id);
/* The working copy (edits not yet saved), for tests. */
CommChecklistVersion        *comm_deep_dive_templates_dialog_get_working     (CommDeepDiveTemplatesDialog *self);
/* The area selected in the working copy, -1 for none. */
int                          comm_deep_dive_templates_dialog_get_area        (CommDeepDiveTemplatesDialog *self);
void                         comm_deep_dive_templates_dialog_select_area     (CommDeepDiveTemplatesDialog *self,
                                                                              int                          index);

G_END_DECLS
