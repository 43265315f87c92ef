/* comm-demo-deep-dives.c: the demo workspace's a year of Deep Dives */
#include "config.h"

#include "comm-demo-private.h"

gboolean
_comm_demo_add_deep_dives (CommDatabase  *db,
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
