/* main.c: the commissioner program - translations, then the application */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "comm-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CommApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Commissioner"));

  app = comm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
