/* comm-contracts-banding-choices.c: the Contracts tab's "banding" drop-down
 *
 * The current bandings are read only while a banding is chosen, so the register opens and
 * searches as fast without them.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-contracts-banding-choices.h"

/* The choices after "Any banding", in order. */
static const struct { CommContractsBandingKind kind; int value; } choices[] = {
  { COMM_CONTRACTS_BANDING_RISK, 0 }, { COMM_CONTRACTS_BANDING_RISK, 1 },
  { COMM_CONTRACTS_BANDING_RISK, 2 }, { COMM_CONTRACTS_BANDING_RISK, 3 },
  { COMM_CONTRACTS_BANDING_EQUALITY, 1 }, { COMM_CONTRACTS_BANDING_EQUALITY, 2 },
  { COMM_CONTRACTS_BANDING_EQUALITY, 3 }, { COMM_CONTRACTS_BANDING_NONE, 0 },
};

void
comm_contracts_banding_choices_fill (GtkDropDown *dropdown)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Any banding"));
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autofree char *label = NULL;

      if (choices[i].kind == COMM_CONTRACTS_BANDING_RISK)
        /* Translators: a drop-down choice: "Risk banding 2 – minor concerns" */
        label = g_strdup_printf (_("Risk banding %s"), comm_risk_banding_label (choices[i].value));
      else if (choices[i].kind == COMM_CONTRACTS_BANDING_EQUALITY)
        label = g_strdup_printf (_("Equality banding %s"), comm_equality_banding_label (choices[i].value));
      else
        label = g_strdup (_("Not banded"));
      gtk_string_list_append (labels, label);
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
}

gboolean
comm_contracts_banding_choices_apply (CommContractsFilter  *filter,
                                      CommDatabase         *database,
                                      guint                 selected,
                                      GError              **error)
{
  g_autoptr(GHashTable) current = NULL;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > G_N_ELEMENTS (choices) ||
      database == NULL)
    {
      comm_contracts_filter_set_banding (filter, NULL, 0, 0);
      return TRUE;
    }

  current = comm_contract_banding_current_all (database, error);
  if (current == NULL)
    {
      comm_contracts_filter_set_banding (filter, NULL, 0, 0);
      return FALSE;
    }

  comm_contracts_filter_set_banding (filter, current, choices[selected - 1].kind, choices[selected - 1].value);
  return TRUE;
}
