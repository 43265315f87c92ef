/* test-window.c: the main window (placeholder while being written) */
#include "config.h"

#include "comm-test-ui.h"

int
main (int argc, char *argv[])
{
  comm_test_ui_init (&argc, &argv);
  return g_test_run ();
}
