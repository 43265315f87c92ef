/* comm-providers-dialog.h: the list of providers, to add, edit or remove them */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_PROVIDERS_DIALOG (comm_providers_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CommProvidersDialog, comm_providers_dialog, COMM, PROVIDERS_DIALOG, AdwWindow)

/* Actions (group "providers"): new (Ctrl+N). Each row has Edit and Delete; deleting asks first
 * and is refused, with the workspace's reason, while contracts use the provider.
 * Signals: "changed" after a provider was added, edited or deleted. */
CommProvidersDialog *comm_providers_dialog_new        (CommDatabase        *database);
/* The providers shown (GListModel of CommProvider), for tests. */
GListModel          *comm_providers_dialog_get_model  (CommProvidersDialog *self);
/* Asks to delete @provider, as its Delete button does; returns the question (for tests). */
GtkWindow           *comm_providers_dialog_ask_delete (CommProvidersDialog *self,
                                                       CommProvider        *provider);

G_END_DECLS
