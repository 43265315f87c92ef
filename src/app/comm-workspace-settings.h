/* comm-workspace-settings.h: settings kept in the workspace file (reminder lead times ...) */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_WORKSPACE_SETTINGS (comm_workspace_settings_get_type ())
G_DECLARE_FINAL_TYPE (CommWorkspaceSettings, comm_workspace_settings, COMM, WORKSPACE_SETTINGS, AdwPreferencesWindow)

/* Signals: "changed" - a setting was saved to the workspace; views that use it should reload. */
CommWorkspaceSettings *comm_workspace_settings_new (GtkWindow    *parent,
                                                    CommDatabase *database);
/* Applies what is typed in the reminder row, as the row's apply button does; FALSE (and the
 * message shown under the row) if it is not valid. */
gboolean               comm_workspace_settings_apply_reminders (CommWorkspaceSettings *self);
/* Applies every row of the Publishing group (authority name, default department, OCID prefix,
 * threshold), as their apply buttons do, each on its own: a row that is not valid is not saved
 * and shows its message; FALSE if any was refused. */
gboolean               comm_workspace_settings_apply_publishing (CommWorkspaceSettings *self);

G_END_DECLS
