/* comm-demo-risks.c: the demo workspace's risk registers */
#include "config.h"

#include "comm-demo-private.h"

gboolean
_comm_demo_add_risks (CommDatabase  *db,
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
