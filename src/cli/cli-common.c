/* cli-common.c: what the subcommands of commissioner-cli share - messages, options, opening */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cli-common.h"

int
cli_fail (const char *what,
          const char *message)
{
  g_printerr ("commissioner-cli: %s: %s\n", what, message);
  return CLI_EXIT_ERROR;
}

gboolean
cli_parse (const char          *command,
           const char          *parameters,
           const char          *summary,
           const GOptionEntry  *entries,
           int                 *argc,
           char              ***argv,
           int                  n_args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("commissioner-cli %s", command);

  /* The usage line of --help reads "commissioner-cli COMMAND [OPTION…] ..." */
  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s (see “commissioner-cli %s --help”)"),
                                                  error->message, command);
      cli_fail (command, message);
      return FALSE;
    }
  if (*argc - 1 != n_args)
    {
      g_autofree char *message =
        g_strdup_printf (*argc - 1 < n_args ? _("missing argument: commissioner-cli %s %s") :
                                              _("too many arguments: commissioner-cli %s %s"),
                         command, parameters);
      cli_fail (command, message);
      return FALSE;
    }

  return TRUE;
}

CommDatabase *
cli_open_existing (const char *path)
{
  g_autoptr(GError) error = NULL;
  CommDatabase *db = comm_database_open (path, COMM_DATABASE_OPEN_DEFAULT, &error);

  if (db == NULL)
    cli_fail (path, error->message);

  return db;
}

void
cli_remove_created (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}
