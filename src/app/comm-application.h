/* comm-application.h: the GtkApplication - workspaces, recent files, app-wide actions */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COMM_TYPE_APPLICATION (comm_application_get_type ())
G_DECLARE_FINAL_TYPE (CommApplication, comm_application, COMM, APPLICATION, AdwApplication)

CommApplication *comm_application_new (void);
/* The default workspace (user data dir/Demo.commissioner), created with the demo data on first run. */
char            *comm_application_dup_default_workspace (CommApplication *self);

G_END_DECLS
