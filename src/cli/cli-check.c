/* cli-check.c: "check FILE" - SQLite's integrity and foreign key checks and the domain rules */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "cli-common.h"

int
cli_check (int    argc,
           char **argv)
{
  g_autoptr(CommDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GListStore) contracts = NULL;
  g_autoptr(GListStore) providers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contracts_text = NULL;
  g_autofree char *providers_text = NULL;
  GDate today;
  guint n_contracts, n_providers;

  if (!cli_parse ("check", _("FILE"),
                  _("Check the workspace FILE: the file’s integrity, its links between rows, and the "
                    "rules of the register (dates, funding, references). Prints “OK” and the counts, "
                    "or each problem on a line and exits with status 1."),
                  NULL, &argc, &argv, 1))
    return CLI_EXIT_ERROR;

  if ((db = cli_open_existing (argv[1])) == NULL)
    return CLI_EXIT_ERROR;

  if ((problems = comm_check_workspace (db, &error)) == NULL)
    return cli_fail (argv[1], error->message);
  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        printf ("%s\n", ((CommProblem *) g_ptr_array_index (problems, i))->message);
      return CLI_EXIT_PROBLEMS;
    }

  comm_date_today (&today);
  if ((contracts = comm_contract_store_list (db, &today, &error)) == NULL ||
      (providers = comm_provider_store_list (db, &error)) == NULL)
    return cli_fail (argv[1], error->message);

  n_contracts = g_list_model_get_n_items (G_LIST_MODEL (contracts));
  n_providers = g_list_model_get_n_items (G_LIST_MODEL (providers));
  contracts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract", "%u contracts", n_contracts),
                                    n_contracts);
  providers_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u provider", "%u providers", n_providers),
                                    n_providers);
  /* Translators: "OK: 61 contracts, 41 providers" */
  printf (_("OK: %s, %s\n"), contracts_text, providers_text);
  return CLI_EXIT_OK;
}
