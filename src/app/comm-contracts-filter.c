/* comm-contracts-filter.c: which contracts the register shows
 *
 * One GtkFilter for the search and every drop-down, so the filter list model asks one question a
 * row. The search runs on the precomputed folded "search-key" of each contract.
 */
#include "config.h"

#include <string.h>

#include "comm-contracts-filter.h"

struct _CommContractsFilter
{
  GtkFilter  parent_instance;

  char      *needle;      /* folded; NULL when empty */
  char      *area;
  int        status;
  int        rag;
  char      *end_from;
  char      *end_to;
  gboolean   overdue_only;
  GHashTable *bandings;   /* contract id -> current CommContractBanding; NULL when not filtering */
  int        banding_kind;
  int        banding_value;
};

G_DEFINE_FINAL_TYPE (CommContractsFilter, comm_contracts_filter, GTK_TYPE_FILTER)

/* How a setter changed the match: from all to some is stricter, from some to all is looser. */
static void
changed (CommContractsFilter *self,
         gboolean             was_set,
         gboolean             is_set)
{
  if (!was_set && is_set)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
  else if (was_set && !is_set)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
  else
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
match_end (CommContractsFilter *self,
           CommContract        *contract)
{
  const char *end = comm_contract_get_effective_end_date (contract);

  if (end == NULL || *end == '\0')
    return FALSE;

  return (self->end_from == NULL || strcmp (end, self->end_from) >= 0) &&
         (self->end_to == NULL || strcmp (end, self->end_to) <= 0);
}

static gboolean
match_banding (CommContractsFilter *self,
               CommContract        *contract)
{
  gint64 id = comm_contract_get_id (contract);
  CommContractBanding *banding = g_hash_table_lookup (self->bandings, &id);

  switch (self->banding_kind)
    {
    case COMM_CONTRACTS_BANDING_RISK:
      return banding != NULL && banding->risk_banding == self->banding_value;
    case COMM_CONTRACTS_BANDING_EQUALITY:
      return banding != NULL && banding->equality_banding == self->banding_value;
    case COMM_CONTRACTS_BANDING_NONE:
    default:
      return banding == NULL;
    }
}

static gboolean
comm_contracts_filter_match (GtkFilter *filter,
                             gpointer   item)
{
  CommContractsFilter *self = COMM_CONTRACTS_FILTER (filter);
  CommContract *contract = item;

  if (self->needle != NULL &&
      !comm_text_matches (comm_contract_get_search_key (contract), self->needle))
    return FALSE;

  if (self->status >= 0 && (int) comm_contract_get_status (contract) != self->status)
    return FALSE;

  if (self->rag >= 0 && (int) comm_contract_get_rag (contract) != self->rag)
    return FALSE;

  if (self->overdue_only && !comm_contract_get_monitoring_overdue (contract))
    return FALSE;

  if (self->area != NULL &&
      g_strcmp0 (comm_choice_label (comm_service_areas (), comm_contract_get_service_area (contract)),
                 self->area) != 0)
    return FALSE;

  if ((self->end_from != NULL || self->end_to != NULL) && !match_end (self, contract))
    return FALSE;

  if (self->bandings != NULL && !match_banding (self, contract))
    return FALSE;

  return TRUE;
}

static GtkFilterMatch
comm_contracts_filter_get_strictness (GtkFilter *filter)
{
  CommContractsFilter *self = COMM_CONTRACTS_FILTER (filter);

  return comm_contracts_filter_is_active (self) ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

static void
comm_contracts_filter_finalize (GObject *object)
{
  CommContractsFilter *self = COMM_CONTRACTS_FILTER (object);

  g_free (self->needle);
  g_free (self->area);
  g_free (self->end_from);
  g_free (self->end_to);
  g_clear_pointer (&self->bandings, g_hash_table_unref);

  G_OBJECT_CLASS (comm_contracts_filter_parent_class)->finalize (object);
}

static void
comm_contracts_filter_class_init (CommContractsFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = comm_contracts_filter_finalize;
  filter_class->match = comm_contracts_filter_match;
  filter_class->get_strictness = comm_contracts_filter_get_strictness;
}

static void
comm_contracts_filter_init (CommContractsFilter *self)
{
  self->status = -1;
  self->rag = -1;
}

CommContractsFilter *
comm_contracts_filter_new (void)
{
  return g_object_new (COMM_TYPE_CONTRACTS_FILTER, NULL);
}

void
comm_contracts_filter_set_search (CommContractsFilter *self,
                                  const char          *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *old = NULL;

  g_return_if_fail (COMM_IS_CONTRACTS_FILTER (self));

  folded = comm_text_fold (text);
  g_strstrip (folded);
  if (*folded == '\0')
    g_clear_pointer (&folded, g_free);

  if (g_strcmp0 (folded, self->needle) == 0)
    return;

  old = g_steal_pointer (&self->needle);
  self->needle = g_steal_pointer (&folded);

  /* Longer text that still holds the old text can only match fewer rows, and the reverse. */
  if (old == NULL || (self->needle != NULL && strstr (self->needle, old) != NULL))
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
  else if (self->needle == NULL || strstr (old, self->needle) != NULL)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
  else
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

void
comm_contracts_filter_set_area (CommContractsFilter *self,
                                const char          *area_label)
{
  gboolean was_set;

  g_return_if_fail (COMM_IS_CONTRACTS_FILTER (self));

  if (g_strcmp0 (self->area, area_label) == 0)
    return;

  was_set = self->area != NULL;
  g_free (self->area);
  self->area = g_strdup (area_label);
  changed (self, was_set, self->area != NULL);
}

void
comm_contracts_filter_set_status (CommContractsFilter *self,
                                  int                  status)
{
  int old;

  g_return_if_fail (COMM_IS_CONTRACTS_FILTER (self));

  if (status == self->status)
    return;

  old = self->status;
  self->status = status;
  changed (self, old >= 0, status >= 0);
}

void
comm_contracts_filter_set_rag (CommContractsFilter *self,
                               int                  rag)
{
  int old;

  g_return_if_fail (COMM_IS_CONTRACTS_FILTER (self));

  if (rag == self->rag)
    return;

  old = self->rag;
  self->rag = rag;
  changed (self, old >= 0, rag >= 0);
}

void
comm_contracts_filter_set_end_range (CommContractsFilter *self,
                                     const char          *from_iso,
                                     const char          *to_iso)
{
  gboolean was_set;

  g_return_if_fail (COMM_IS_CONTRACTS_FILTER (self));

  if (g_strcmp0 (from_iso, self->end_from) == 0 && g_strcmp0 (to_iso, self->end_to) == 0)
    return;

  was_set = self->end_from != NULL || self->end_to != NULL;
  g_free (self->end_from);
  g_free (self->end_to);
  self->end_from = g_strdup (from_iso);
  self->end_to = g_strdup (to_iso);
  changed (self, was_set, from_iso != NULL || to_iso != NULL);
}

void
comm_contracts_filter_set_overdue_only (CommContractsFilter *self,
                                        gboolean             overdue_only)
{
  g_return_if_fail (COMM_IS_CONTRACTS_FILTER (self));

  overdue_only = !!overdue_only;
  if (overdue_only == self->overdue_only)
    return;

  self->overdue_only = overdue_only;
  changed (self, !overdue_only, overdue_only);
}

void
comm_contracts_filter_set_banding (CommContractsFilter *self,
                                   GHashTable          *current,
                                   int                  kind,
                                   int                  value)
{
  gboolean was_set;

  g_return_if_fail (COMM_IS_CONTRACTS_FILTER (self));

  if (current == NULL && self->bandings == NULL)
    return;

  was_set = self->bandings != NULL;
  g_clear_pointer (&self->bandings, g_hash_table_unref);
  self->bandings = current != NULL ? g_hash_table_ref (current) : NULL;
  self->banding_kind = kind;
  self->banding_value = value;
  changed (self, was_set, current != NULL);
}

gboolean
comm_contracts_filter_is_active (CommContractsFilter *self)
{
  g_return_val_if_fail (COMM_IS_CONTRACTS_FILTER (self), FALSE);

  return self->needle != NULL || self->area != NULL || self->status >= 0 || self->rag >= 0 ||
         self->end_from != NULL || self->end_to != NULL || self->overdue_only || self->bandings != NULL;
}
