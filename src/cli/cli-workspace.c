/* cli-workspace.c: "new" and "demo" - create a workspace, never over an existing file */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cli-common.h"

/* Creates @path, refusing if anything is there already (a file, a folder, a dangling link). */
static CommDatabase *
create_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  GStatBuf buf;
  CommDatabase *db;

  if (g_lstat (path, &buf) == 0)
    {
      cli_fail (path, _("the file already exists, and Commissioner will not overwrite it. "
                        "Choose a new name, or delete the file first."));
      return NULL;
    }

  db = comm_database_open (path, COMM_DATABASE_CREATE, &error);
  if (db == NULL)
    cli_fail (path, error->message);

  return db;
}

static guint
count_items (GListModel *model)
{
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

int
cli_new (int    argc,
         char **argv)
{
  g_autoptr(CommDatabase) db = NULL;

  if (!cli_parse ("new", _("FILE"), _("Create an empty workspace in FILE (which must not exist yet)."),
                  NULL, &argc, &argv, 1))
    return CLI_EXIT_ERROR;

  if ((db = create_workspace (argv[1])) == NULL)
    return CLI_EXIT_ERROR;

  printf (_("Created the empty workspace “%s”.\n"), argv[1]);
  return CLI_EXIT_OK;
}

int
cli_demo (int    argc,
          char **argv)
{
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) contracts = NULL;
  g_autoptr(GListStore) providers = NULL;
  GDate today;

  if (!cli_parse ("demo", _("FILE"),
                  _("Create a workspace in FILE (which must not exist yet) filled with the demo data: "
                    "about 40 providers and 60 contracts, dated around today."),
                  NULL, &argc, &argv, 1))
    return CLI_EXIT_ERROR;

  if ((db = create_workspace (argv[1])) == NULL)
    return CLI_EXIT_ERROR;

  comm_date_today (&today);
  if (!comm_demo_populate (db, &today, &error))
    {
      comm_database_close (db);
      cli_remove_created (argv[1]);
      return cli_fail (argv[1], error->message);
    }

  contracts = comm_contract_store_list (db, &today, NULL);
  providers = comm_provider_store_list (db, NULL);
  printf (_("Created the demo workspace “%s”: %u contracts, %u providers.\n"), argv[1],
          count_items (G_LIST_MODEL (contracts)), count_items (G_LIST_MODEL (providers)));
  return CLI_EXIT_OK;
}
