/* comm-provider-editor.h: the window that edits one provider (or makes a new one) */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_PROVIDER_EDITOR (comm_provider_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommProviderEditor, comm_provider_editor, COMM, PROVIDER_EDITOR, AdwWindow)

/* A modal window editing a copy of @provider, or a new provider when NULL.
 * Actions (group "editor"): save (Ctrl+S; disabled while there are problems), cancel (Escape).
 * Signals: "saved" (CommProvider *saved) after a successful save, just before the window closes. */
CommProviderEditor *comm_provider_editor_new              (CommDatabase       *database,
                                                           CommProvider       *provider);
CommProvider       *comm_provider_editor_get_working_copy (CommProviderEditor *self);
/* Adds an inspection as the form does; FALSE (nothing added) if @inspected_on is not a date. */
gboolean            comm_provider_editor_add_inspection   (CommProviderEditor *self,
                                                           const char         *framework,
                                                           const char         *inspected_on,
                                                           const char         *grade);

G_END_DECLS
