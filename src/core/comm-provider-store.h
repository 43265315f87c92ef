/* comm-provider-store.h: providers in the workspace */
#pragma once

#include <gio/gio.h>

#include "comm-database.h"
#include "comm-provider.h"

G_BEGIN_DECLS

/* All providers by name (case-folded), inspections loaded, "contract-count" filled.
 * Returns a GListStore of CommProvider. */
GListStore   *comm_provider_store_list   (CommDatabase  *db,
                                          GError       **error);
CommProvider *comm_provider_store_get    (CommDatabase  *db,
                                          gint64         id,
                                          GError       **error);
/* Validates, then inserts (id 0: sets the new id) or updates, replacing the inspection history,
 * all in one transaction. On failure nothing is written and @provider is unchanged. */
gboolean      comm_provider_store_save   (CommDatabase  *db,
                                          CommProvider  *provider,
                                          GError       **error);
/* Refuses (COMM_ERROR_INVALID, naming how many) while contracts use the provider. */
gboolean      comm_provider_store_delete (CommDatabase  *db,
                                          gint64         id,
                                          GError       **error);

G_END_DECLS
