/* comm-check.h: is a workspace sound? */
#pragma once

#include "comm-database.h"

G_BEGIN_DECLS

/* Runs PRAGMA integrity_check, PRAGMA foreign_key_check and the domain checks (a contract with no
 * funding line, end before start, duplicate references, a funding line outside the contract's
 * financial years, a RAG entry dated in the future, a provider name with mixed scripts ...).
 * Returns the problems found, one sentence each saying where (empty when all is well); NULL with
 * @error only if the checks could not run. */
GPtrArray *comm_check_workspace (CommDatabase  *db,
                                 GError       **error);

G_END_DECLS
