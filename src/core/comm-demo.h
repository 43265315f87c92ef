/* comm-demo.h: the demo workspace - public sample figures plus invented, realistic data */
#pragma once

#include "comm-database.h"

G_BEGIN_DECLS

/* Fills an empty workspace with about 40 providers and 60 contracts across the service areas,
 * funding lines, a mix of RAG ratings with history and meetings, dated around @today, built
 * from the Plymouth 2015 existing-provision sample (bundled as a resource). Deterministic for a
 * given @today. Fails with INVALID if the workspace already holds contracts. One transaction. */
gboolean comm_demo_populate (CommDatabase  *db,
                             const GDate   *today,
                             GError       **error);

G_END_DECLS
