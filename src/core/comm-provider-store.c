/* comm-provider-store.c: providers in the workspace
 *
 * Providers are few (tens to hundreds), so the list loads every inspection in a second query and
 * sorts in C by the search-folded name (case, accents and look-alike letters ignored), then by
 * the locale's collation of that.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-problem.h"
#include "comm-provider-store.h"
#include "comm-store-private.h"
#include "comm-text.h"

#define PROVIDER_SELECT \
  "SELECT p.id, p.name, p.legal_form, p.registered_number, p.address, p.contact_name," \
  " p.contact_email, p.contact_phone, p.sme, p.vcse," \
  " (SELECT count(*) FROM contracts c WHERE c.provider_id = p.id AND c.deleted_at IS NULL)" \
  " FROM providers p"

#define INSPECTION_SELECT \
  "SELECT provider_id, id, framework, inspected_on, grade FROM inspections"

typedef struct {
  char         *key;
  CommProvider *provider;
} SortEntry;

static void bind_inspection (sqlite3_stmt *stmt, gconstpointer item);

static const CommDetailTable inspections_table = {
  .select_ids = "SELECT id FROM inspections WHERE provider_id = ?1",
  .insert = "INSERT INTO inspections (provider_id, framework, inspected_on, grade)"
            " VALUES (?1, ?2, ?3, ?4)",
  .update = "UPDATE inspections SET framework = ?2, inspected_on = ?3, grade = ?4"
            " WHERE id = ?1 AND (framework IS NOT ?2 OR inspected_on IS NOT ?3 OR grade IS NOT ?4)",
  .delete = "DELETE FROM inspections WHERE id = ?1",
  .bind = bind_inspection,
  .what = N_("Could not save the inspection history"),
};

static void
bind_inspection (sqlite3_stmt  *stmt,
                 gconstpointer  item)
{
  const CommInspection *inspection = item;

  sqlite3_bind_text (stmt, 2, inspection->framework, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, inspection->inspected_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, inspection->grade, -1, SQLITE_STATIC);
}

static CommProvider *
provider_from_row (sqlite3_stmt *stmt)
{
  CommProvider *provider = comm_provider_new ();

  comm_provider_set_id (provider, sqlite3_column_int64 (stmt, 0));
  g_object_set (provider,
                "name", comm_sqlite_column_text (stmt, 1),
                "legal-form", comm_sqlite_column_text (stmt, 2),
                "registered-number", comm_sqlite_column_text (stmt, 3),
                "address", comm_sqlite_column_text (stmt, 4),
                "contact-name", comm_sqlite_column_text (stmt, 5),
                "contact-email", comm_sqlite_column_text (stmt, 6),
                "contact-phone", comm_sqlite_column_text (stmt, 7),
                "sme", sqlite3_column_int (stmt, 8) != 0,
                "vcse", sqlite3_column_int (stmt, 9) != 0,
                NULL);
  comm_provider_set_contract_count (provider, (guint) sqlite3_column_int64 (stmt, 10));

  return provider;
}

/* Adds each inspection row (provider_id, id, framework, date, grade) to its provider in @by_id. */
static gboolean
load_inspections (CommDatabase  *db,
                  sqlite3_stmt  *stmt,
                  GHashTable    *by_id,
                  GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 provider_id = sqlite3_column_int64 (stmt, 0);
      CommProvider *provider = g_hash_table_lookup (by_id, &provider_id);
      CommInspection *inspection;

      if (provider == NULL)
        continue;

      inspection = comm_inspection_new (comm_sqlite_column_text (stmt, 2),
                                        comm_sqlite_column_text (stmt, 3),
                                        comm_sqlite_column_text (stmt, 4));
      inspection->id = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (comm_provider_get_inspections (provider), inspection);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the inspection history"));
      return FALSE;
    }

  return TRUE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;
  int result = strcmp (x->key, y->key);

  if (result != 0)
    return result;

  return comm_provider_get_id (x->provider) < comm_provider_get_id (y->provider) ? -1 : 1;
}

static GListStore *
sorted_store (GPtrArray *providers)
{
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), providers->len);
  g_autofree gpointer *items = g_new (gpointer, providers->len + 1);
  GListStore *store = g_list_store_new (COMM_TYPE_PROVIDER);

  for (guint i = 0; i < providers->len; i++)
    {
      CommProvider *provider = g_ptr_array_index (providers, i);
      g_autofree char *folded = comm_text_fold (comm_provider_get_name (provider));
      SortEntry entry = { g_utf8_collate_key (folded, -1), provider };

      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      items[i] = g_array_index (entries, SortEntry, i).provider;
      g_free (g_array_index (entries, SortEntry, i).key);
    }
  g_list_store_splice (store, 0, 0, items, entries->len);

  return store;
}

static gboolean
provider_exists (CommDatabase  *db,
                 gint64         id,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, "SELECT 1 FROM providers WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                 _("The provider is no longer in the workspace; it may have been deleted."));
  else
    comm_database_set_error (db, error, _("Could not look up the provider"));

  return FALSE;
}

static void
bind_provider (sqlite3_stmt *stmt,
               CommProvider *provider)
{
  g_autofree char *legal_form = NULL, *number = NULL, *address = NULL;
  g_autofree char *contact_name = NULL, *email = NULL, *phone = NULL;

  g_object_get (provider,
                "legal-form", &legal_form, "registered-number", &number, "address", &address,
                "contact-name", &contact_name, "contact-email", &email, "contact-phone", &phone,
                NULL);
  sqlite3_bind_text (stmt, 2, comm_provider_get_name (provider), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, legal_form, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, address, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, contact_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, comm_provider_get_sme (provider));
  sqlite3_bind_int (stmt, 10, comm_provider_get_vcse (provider));
}

/* Inserts or updates the provider row; *id is the row's id (new for an insert). */
static gboolean
write_provider_row (CommDatabase  *db,
                    CommProvider  *provider,
                    gint64        *id,
                    GError       **error)
{
  static const char *insert_sql =
    "INSERT INTO providers (name, legal_form, registered_number, address, contact_name,"
    " contact_email, contact_phone, sme, vcse) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
  static const char *update_sql =
    "UPDATE providers SET name = ?2, legal_form = ?3, registered_number = ?4, address = ?5,"
    " contact_name = ?6, contact_email = ?7, contact_phone = ?8, sme = ?9, vcse = ?10"
    " WHERE id = ?1 AND (name IS NOT ?2 OR legal_form IS NOT ?3 OR registered_number IS NOT ?4"
    " OR address IS NOT ?5 OR contact_name IS NOT ?6 OR contact_email IS NOT ?7"
    " OR contact_phone IS NOT ?8 OR sme IS NOT ?9 OR vcse IS NOT ?10)";
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *what = g_strdup_printf (_("Could not save the provider “%s”"),
                                           comm_provider_get_name (provider));

  *id = comm_provider_get_id (provider);
  if (*id != 0 && !provider_exists (db, *id, error))
    return FALSE;

  stmt = comm_database_prepare (db, *id == 0 ? insert_sql : update_sql, error);
  if (stmt == NULL)
    return FALSE;
  if (*id != 0)
    sqlite3_bind_int64 (stmt, 1, *id);
  bind_provider (stmt, provider);
  if (!comm_store_step_done (db, stmt, what, error))
    return FALSE;
  if (*id == 0)
    *id = sqlite3_last_insert_rowid (comm_database_get_handle (db));

  return TRUE;
}

GListStore *
comm_provider_store_list (CommDatabase  *db,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) providers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if ((stmt = comm_database_prepare (db, PROVIDER_SELECT, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (providers, provider_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the providers"));
      return NULL;
    }

  for (guint i = 0; i < providers->len; i++)
    {
      CommProvider *provider = g_ptr_array_index (providers, i);
      gint64 *key = g_new (gint64, 1);

      *key = comm_provider_get_id (provider);
      g_hash_table_insert (by_id, key, provider);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = comm_database_prepare (db, INSPECTION_SELECT " ORDER BY provider_id, inspected_on DESC, id DESC",
                                error);
  if (stmt == NULL || !load_inspections (db, stmt, by_id, error))
    return NULL;

  return sorted_store (providers);
}

CommProvider *
comm_provider_store_get (CommDatabase  *db,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CommProvider) provider = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if ((stmt = comm_database_prepare (db, PROVIDER_SELECT " WHERE p.id = ?1", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                   _("The provider is no longer in the workspace; it may have been deleted."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the provider"));
      return NULL;
    }
  provider = provider_from_row (stmt);

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = comm_database_prepare (db, INSPECTION_SELECT " WHERE provider_id = ?1 ORDER BY inspected_on DESC, id DESC",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  g_hash_table_insert (by_id, &id, provider);
  if (!load_inspections (db, stmt, by_id, error))
    return NULL;

  return g_steal_pointer (&provider);
}

gboolean
comm_provider_store_save (CommDatabase  *db,
                          CommProvider  *provider,
                          GError       **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GArray) new_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  GPtrArray *inspections;
  CommStoreTransaction transaction;
  gint64 id;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (COMM_IS_PROVIDER (provider), FALSE);

  problems = comm_provider_validate (provider);
  if (problems->len > 0)
    {
      const CommProblem *first = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID, first->message);
      return FALSE;
    }

  inspections = comm_provider_get_inspections (provider);
  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  if (!write_provider_row (db, provider, &id, error) ||
      !comm_store_sync_details (db, &inspections_table, id, inspections, new_ids, error) ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }

  comm_provider_set_id (provider, id);
  comm_store_apply_ids (inspections, new_ids);

  return TRUE;
}

/* Contracts that were deleted (soft) but still name the provider go with it for good: they were
 * already gone from every list, and the workspace cannot keep a contract without its provider. */
gboolean
comm_provider_store_delete (CommDatabase  *db,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(CommProvider) provider = NULL;
  g_autoptr(sqlite3_stmt) purge = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *what = NULL;
  CommStoreTransaction transaction;
  guint count;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if ((provider = comm_provider_store_get (db, id, error)) == NULL)
    return FALSE;
  count = comm_provider_get_contract_count (provider);
  if (count > 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be deleted: %u contract uses it. Give that contract another provider first.",
                                "“%s” cannot be deleted: %u contracts use it. Give those contracts another provider first.",
                                count),
                   comm_provider_get_name (provider), count);
      return FALSE;
    }

  what = g_strdup_printf (_("Could not delete the provider “%s”"), comm_provider_get_name (provider));
  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  if ((purge = comm_database_prepare (db, "DELETE FROM contracts WHERE provider_id = ?1"
                                          " AND deleted_at IS NOT NULL", error)) == NULL ||
      (stmt = comm_database_prepare (db, "DELETE FROM providers WHERE id = ?1", error)) == NULL ||
      sqlite3_bind_int64 (purge, 1, id) != SQLITE_OK ||
      sqlite3_bind_int64 (stmt, 1, id) != SQLITE_OK ||
      !comm_store_step_done (db, purge, what, error) ||
      !comm_store_step_done (db, stmt, what, error) ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }

  return TRUE;
}
