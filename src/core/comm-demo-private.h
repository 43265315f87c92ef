/* comm-demo-private.h: the parts of the demo workspace each tab adds after the contracts */
#pragma once

#include "comm-database.h"

G_BEGIN_DECLS

/* Each runs inside comm_demo_populate()'s transaction, after the providers and contracts are
 * saved, and must be deterministic for a given @today (use @rand, seeded by the caller). */
gboolean _comm_demo_add_deep_dives (CommDatabase  *db,
                                    const GDate   *today,
                                    GRand         *rand,
                                    GError       **error);
gboolean _comm_demo_add_budgets    (CommDatabase  *db,
                                    const GDate   *today,
                                    GRand         *rand,
                                    GError       **error);
gboolean _comm_demo_add_plan (CommDatabase *db, const GDate *today, GRand *rand, GError **error); /* comm-demo-plan.c, called from _comm_demo_add_budgets */
gboolean _comm_demo_add_risks      (CommDatabase  *db,
                                    const GDate   *today,
                                    GRand         *rand,
                                    GError       **error);

G_END_DECLS
