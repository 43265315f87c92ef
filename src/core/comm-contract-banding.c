/* comm-contract-banding.c: risk and equality impact banding of contracts, with their history */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-contract-banding.h"
#include "comm-date.h"
#include "comm-store-private.h"

#define BANDING_COLUMNS "id, contract_id, risk_banding, equality_banding, banded_on, reason"

CommContractBanding *
comm_contract_banding_new (gint64      contract_id,
                           int         risk_banding,
                           int         equality_banding,
                           const char *banded_on,
                           const char *reason)
{
  CommContractBanding *banding = g_new0 (CommContractBanding, 1);

  banding->contract_id = contract_id;
  banding->risk_banding = risk_banding;
  banding->equality_banding = equality_banding;
  banding->banded_on = g_strdup (banded_on != NULL ? banded_on : "");
  banding->reason = g_strdup (reason != NULL ? reason : "");
  return banding;
}

CommContractBanding *
comm_contract_banding_copy (const CommContractBanding *banding)
{
  CommContractBanding *copy = comm_contract_banding_new (banding->contract_id, banding->risk_banding,
                                                         banding->equality_banding,
                                                         banding->banded_on, banding->reason);

  copy->id = banding->id;
  return copy;
}

void
comm_contract_banding_free (CommContractBanding *banding)
{
  if (banding == NULL)
    return;
  g_free (banding->banded_on);
  g_free (banding->reason);
  g_free (banding);
}

const char *
comm_risk_banding_label (int risk_banding)
{
  switch (risk_banding)
    {
    case 0: return _("0 – several major concerns");
    case 1: return _("1 – some concerns");
    case 2: return _("2 – minor concerns");
    case 3: return _("3 – no identified concerns");
    default: return "";
    }
}

const char *
comm_equality_banding_label (int equality_banding)
{
  switch (equality_banding)
    {
    case 1: return _("1 – high impact");
    case 2: return _("2 – medium impact");
    case 3: return _("3 – low impact");
    default: return "";
    }
}

static gboolean
check_banding (CommDatabase         *db,
               CommContractBanding  *banding,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate date;
  int rc;

  if (banding->risk_banding < COMM_RISK_BANDING_MIN || banding->risk_banding > COMM_RISK_BANDING_MAX)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("A risk banding is 0 to 3 (0 = several major concerns, 3 = none), not %d."),
                   banding->risk_banding);
      return FALSE;
    }
  if (banding->equality_banding < COMM_EQUALITY_BANDING_MIN ||
      banding->equality_banding > COMM_EQUALITY_BANDING_MAX)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("An equality impact banding is 1 to 3 (1 = high impact, 3 = low), not %d."),
                   banding->equality_banding);
      return FALSE;
    }
  if (!comm_date_parse_iso (banding->banded_on, &date))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("A banding needs the date it was decided, as YYYY-MM-DD (not “%s”)."),
                   banding->banded_on);
      return FALSE;
    }
  if (*g_strstrip (banding->reason) == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("A banding needs a reason: say why the contract is banded so."));
      return FALSE;
    }
  if ((stmt = comm_database_prepare (db, "SELECT 1 FROM contracts WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, banding->contract_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                         _("The contract to band is not in the workspace."));
  else
    comm_database_set_error (db, error, _("Could not read the contracts"));
  return FALSE;
}

gboolean
comm_contract_banding_add (CommDatabase         *db,
                           CommContractBanding  *banding,
                           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (banding != NULL, FALSE);

  if (!comm_database_ensure_writable (db, error) || !check_banding (db, banding, error))
    return FALSE;
  stmt = comm_database_prepare (db, "INSERT INTO contract_bandings (contract_id, risk_banding,"
                                    " equality_banding, banded_on, reason)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, banding->contract_id);
  sqlite3_bind_int (stmt, 2, banding->risk_banding);
  sqlite3_bind_int (stmt, 3, banding->equality_banding);
  sqlite3_bind_text (stmt, 4, banding->banded_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, banding->reason, -1, SQLITE_TRANSIENT);
  if (!comm_store_step_done (db, stmt, _("Could not save the banding"), error))
    return FALSE;
  banding->id = sqlite3_last_insert_rowid (comm_database_get_handle (db));
  return TRUE;
}

static GPtrArray *
query_bandings (CommDatabase  *db,
                const char    *sql,
                gint64         contract_id,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) bandings = NULL;
  int rc;

  if ((stmt = comm_database_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  bandings = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_contract_banding_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommContractBanding *banding =
        comm_contract_banding_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2),
                                   sqlite3_column_int (stmt, 3), comm_sqlite_column_text (stmt, 4),
                                   comm_sqlite_column_text (stmt, 5));

      banding->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (bandings, banding);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the contract bandings"));
      return NULL;
    }
  return g_steal_pointer (&bandings);
}

GPtrArray *
comm_contract_banding_history (CommDatabase  *db,
                               gint64         contract_id,
                               GError       **error)
{
  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  return query_bandings (db, "SELECT " BANDING_COLUMNS " FROM contract_bandings"
                             " WHERE contract_id = ?1 ORDER BY banded_on DESC, id DESC",
                         contract_id, error);
}

CommContractBanding *
comm_contract_banding_current (CommDatabase  *db,
                               gint64         contract_id,
                               GError       **error)
{
  g_autoptr(GPtrArray) bandings = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  bandings = query_bandings (db, "SELECT " BANDING_COLUMNS " FROM contract_bandings"
                                 " WHERE contract_id = ?1 ORDER BY banded_on DESC, id DESC LIMIT 1",
                             contract_id, error);
  if (bandings == NULL || bandings->len == 0)
    return NULL;
  return comm_contract_banding_copy (g_ptr_array_index (bandings, 0));
}

GHashTable *
comm_contract_banding_current_all (CommDatabase  *db,
                                   GError       **error)
{
  g_autoptr(GPtrArray) bandings = NULL;
  GHashTable *table;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  /* The latest row per contract: no later date, and no later id on the same date. */
  bandings = query_bandings (db, "SELECT " BANDING_COLUMNS " FROM contract_bandings b"
                                 " WHERE ?1 = 0 AND NOT EXISTS (SELECT 1 FROM contract_bandings n"
                                 "   WHERE n.contract_id = b.contract_id AND (n.banded_on > b.banded_on"
                                 "   OR (n.banded_on = b.banded_on AND n.id > b.id)))",
                             0, error);
  if (bandings == NULL)
    return NULL;
  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify) comm_contract_banding_free);
  for (guint n = 0; n < bandings->len; n++)
    {
      CommContractBanding *banding = g_ptr_array_index (bandings, n);

      g_hash_table_insert (table, g_memdup2 (&banding->contract_id, sizeof (gint64)),
                           comm_contract_banding_copy (banding));
    }
  return table;
}
