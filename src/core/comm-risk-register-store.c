/* comm-risk-register-store.c: risk registers in the workspace, and changing a register's scale */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-risk-store-private.h"

#define REGISTER_SELECT \
  "SELECT g.id, g.name, g.kind, g.programme, coalesce (g.contract_id, 0), coalesce (g.parent_id, 0)," \
  " g.scale, g.band_low_max, g.band_medium_max, g.band_high_max, g.owner, g.description," \
  " coalesce (c.reference, ''), c.deleted_at IS NOT NULL, coalesce (p.name, '')," \
  " (SELECT count (*) FROM risks r WHERE r.register_id = g.id AND r.deleted_at IS NULL)," \
  " (SELECT count (*) FROM risks r WHERE r.register_id = g.id AND r.deleted_at IS NULL" \
  "   AND r.status = 'open')," \
  " (SELECT count (*) FROM risks r WHERE r.register_id = g.id AND r.deleted_at IS NULL" \
  "   AND r.status = 'open' AND r.review_due < ?1)" \
  " FROM risk_registers g LEFT JOIN contracts c ON c.id = g.contract_id" \
  " LEFT JOIN risk_registers p ON p.id = g.parent_id"

static void
set_text (char       **field,
          const char  *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  g_free (*field);
  *field = copy;
}

static CommRiskRegister *
register_from_row (sqlite3_stmt *stmt)
{
  CommRiskRegister *reg = comm_risk_register_new ();
  int kind = comm_risk_register_kind_from_string (comm_sqlite_column_text (stmt, 2));

  reg->id = sqlite3_column_int64 (stmt, 0);
  set_text (&reg->name, comm_sqlite_column_text (stmt, 1));
  reg->kind = kind >= 0 ? (CommRiskRegisterKind) kind : COMM_RISK_REGISTER_PROGRAMME;
  set_text (&reg->programme, comm_sqlite_column_text (stmt, 3));
  reg->contract_id = sqlite3_column_int64 (stmt, 4);
  reg->parent_id = sqlite3_column_int64 (stmt, 5);
  reg->scale = g_str_equal (comm_sqlite_column_text (stmt, 6), "lmh")
               ? COMM_RISK_SCALE_LMH : COMM_RISK_SCALE_5X5;
  reg->band_low_max = (guint) sqlite3_column_int (stmt, 7);
  reg->band_medium_max = (guint) sqlite3_column_int (stmt, 8);
  reg->band_high_max = (guint) sqlite3_column_int (stmt, 9);
  set_text (&reg->owner, comm_sqlite_column_text (stmt, 10));
  set_text (&reg->description, comm_sqlite_column_text (stmt, 11));
  set_text (&reg->contract_reference, comm_sqlite_column_text (stmt, 12));
  reg->contract_deleted = sqlite3_column_int (stmt, 13) != 0;
  set_text (&reg->parent_name, comm_sqlite_column_text (stmt, 14));
  reg->n_risks = (guint) sqlite3_column_int (stmt, 15);
  reg->n_open = (guint) sqlite3_column_int (stmt, 16);
  reg->n_overdue = (guint) sqlite3_column_int (stmt, 17);
  return reg;
}

/* Runs REGISTER_SELECT + @where with ?1 today and ?2 bound by the caller's @bind_id/@bind_text. */
static GPtrArray *
query_registers (CommDatabase  *db,
                 const char    *sql,
                 const GDate   *today,
                 gint64         bind_id,
                 const char    *bind_text,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) regs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *iso = NULL;
  GDate now;
  int rc;

  if (today == NULL)
    {
      comm_date_today (&now);
      today = &now;
    }
  iso = comm_date_to_iso (today);
  if ((stmt = comm_database_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  if (bind_text != NULL)
    sqlite3_bind_text (stmt, 2, bind_text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 2, bind_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (regs, register_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the risk registers"));
      return NULL;
    }
  return g_steal_pointer (&regs);
}

/* Programme registers, each followed by its children; then the rest. */
static int
compare_tree (gconstpointer a,
              gconstpointer b)
{
  const CommRiskRegister *x = *(CommRiskRegister *const *) a;
  const CommRiskRegister *y = *(CommRiskRegister *const *) b;
  gboolean x_loose = x->kind != COMM_RISK_REGISTER_PROGRAMME && x->parent_id == 0;
  gboolean y_loose = y->kind != COMM_RISK_REGISTER_PROGRAMME && y->parent_id == 0;
  const char *x_group = x->parent_id != 0 ? x->parent_name : x->name;
  const char *y_group = y->parent_id != 0 ? y->parent_name : y->name;
  int cmp;

  if (x_loose != y_loose)
    return x_loose ? 1 : -1;
  if ((cmp = g_ascii_strcasecmp (x_group, y_group)) != 0)
    return cmp;
  if ((x->parent_id != 0) != (y->parent_id != 0))
    return x->parent_id != 0 ? 1 : -1;
  return g_ascii_strcasecmp (x->name, y->name);
}

GListStore *
comm_risk_register_store_list (CommDatabase  *db,
                               const GDate   *today,
                               GError       **error)
{
  g_autoptr(GPtrArray) regs = NULL;
  GListStore *store;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  regs = query_registers (db, REGISTER_SELECT " WHERE ?2 = 0", today, 0, NULL, error);
  if (regs == NULL)
    return NULL;
  g_ptr_array_sort (regs, compare_tree);
  store = g_list_store_new (COMM_TYPE_RISK_REGISTER);
  g_list_store_splice (store, 0, 0, regs->pdata, regs->len);
  return store;
}

gboolean
comm_risk_register_store_any_overdue (CommDatabase  *db,
                                      const GDate   *today,
                                      gboolean      *overdue,
                                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (overdue != NULL, FALSE);

  stmt = comm_database_prepare (db, "SELECT EXISTS (SELECT 1 FROM risks r JOIN risk_registers g ON g.id = r.register_id"
                                    " WHERE r.deleted_at IS NULL AND r.status = 'open' AND r.review_due < ?1)", error);
  if (stmt == NULL)
    return FALSE;
  iso = comm_date_to_iso (today);
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the risk registers"));
      return FALSE;
    }
  *overdue = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

CommRiskRegister *
comm_risk_register_store_get (CommDatabase  *db,
                              gint64         id,
                              GError       **error)
{
  g_autoptr(GPtrArray) regs = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  regs = query_registers (db, REGISTER_SELECT " WHERE g.id = ?2", NULL, id, NULL, error);
  if (regs == NULL)
    return NULL;
  if (regs->len == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("The risk register is no longer in the workspace."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (regs, 0));
}

CommRiskRegister *
comm_risk_register_store_find (CommDatabase  *db,
                               const char    *name,
                               GError       **error)
{
  g_autoptr(GPtrArray) regs = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  regs = query_registers (db, REGISTER_SELECT " WHERE g.name = ?2 COLLATE NOCASE", NULL, 0,
                          trimmed, error);
  if (regs == NULL)
    return NULL;
  if (regs->len == 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                   _("There is no risk register called “%s”."), trimmed);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (regs, 0));
}

/* Checks that need the workspace: unique name, the parent, the contract, the scale. */
static gboolean
check_against_workspace (CommDatabase      *db,
                         CommRiskRegister  *reg,
                         GError           **error)
{
  g_autoptr(CommRiskRegister) same_name = comm_risk_register_store_find (db, reg->name, NULL);
  g_autoptr(GPtrArray) children = NULL;

  if (same_name != NULL && same_name->id != reg->id)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("There is already a risk register called “%s”: choose another name."),
                   reg->name);
      return FALSE;
    }
  if (reg->parent_id != 0)
    {
      g_autoptr(CommRiskRegister) parent = comm_risk_register_store_get (db, reg->parent_id, error);

      if (parent == NULL)
        return FALSE;
      if (parent->kind != COMM_RISK_REGISTER_PROGRAMME)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("Risk register “%s” can only roll up into a programme’s register, and "
                         "“%s” is not one."), reg->name, parent->name);
          return FALSE;
        }
    }
  if (reg->id != 0)
    {
      g_autoptr(CommRiskRegister) stored = comm_risk_register_store_get (db, reg->id, error);

      if (stored == NULL)
        return FALSE;
      if (stored->scale != reg->scale)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("Change the scale of “%s” with “Change scale”, which shows how each "
                         "rating maps first."), reg->name);
          return FALSE;
        }
      children = query_registers (db, REGISTER_SELECT " WHERE g.parent_id = ?2", NULL, reg->id,
                                  NULL, error);
      if (children == NULL)
        return FALSE;
      if (children->len > 0 && reg->kind != COMM_RISK_REGISTER_PROGRAMME)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("“%s” cannot stop being a programme’s register while %u registers roll "
                         "up into it."), reg->name, children->len);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
contract_exists (CommDatabase  *db,
                 gint64         contract_id,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if ((stmt = comm_database_prepare (db, "SELECT 1 FROM contracts WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                         _("The contract of the risk register is not in the workspace."));
  else
    comm_database_set_error (db, error, _("Could not read the contracts"));
  return FALSE;
}

static void
bind_register (sqlite3_stmt     *stmt,
               CommRiskRegister *reg)
{
  sqlite3_bind_int64 (stmt, 1, reg->id);
  sqlite3_bind_text (stmt, 2, reg->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, comm_risk_register_kind_to_string (reg->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reg->programme, -1, SQLITE_TRANSIENT);
  if (reg->contract_id > 0)
    sqlite3_bind_int64 (stmt, 5, reg->contract_id);
  else
    sqlite3_bind_null (stmt, 5);
  if (reg->parent_id > 0)
    sqlite3_bind_int64 (stmt, 6, reg->parent_id);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, comm_risk_scale_to_string (reg->scale), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, (int) reg->band_low_max);
  sqlite3_bind_int (stmt, 9, (int) reg->band_medium_max);
  sqlite3_bind_int (stmt, 10, (int) reg->band_high_max);
  sqlite3_bind_text (stmt, 11, reg->owner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, reg->description, -1, SQLITE_TRANSIENT);
}

gboolean
comm_risk_register_store_save (CommDatabase      *db,
                               CommRiskRegister  *reg,
                               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommStoreTransaction transaction;
  const char *sql;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (COMM_IS_RISK_REGISTER (reg), FALSE);

  if (!comm_database_ensure_writable (db, error) || !comm_risk_register_validate (reg, error) ||
      !check_against_workspace (db, reg, error) ||
      (reg->contract_id > 0 && !contract_exists (db, reg->contract_id, error)))
    return FALSE;

  if (reg->id == 0)
    sql = "INSERT INTO risk_registers (name, kind, programme, contract_id, parent_id, scale,"
          " band_low_max, band_medium_max, band_high_max, owner, description)"
          " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
  else
    sql = "UPDATE risk_registers SET name = ?2, kind = ?3, programme = ?4, contract_id = ?5,"
          " parent_id = ?6, scale = ?7, band_low_max = ?8, band_medium_max = ?9,"
          " band_high_max = ?10, owner = ?11, description = ?12 WHERE id = ?1";
  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  if ((stmt = comm_database_prepare (db, sql, error)) == NULL)
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  bind_register (stmt, reg);
  if (!comm_store_step_done (db, stmt, _("Could not save the risk register"), error) ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  if (reg->id == 0)
    reg->id = sqlite3_last_insert_rowid (comm_database_get_handle (db));
  return TRUE;
}

gboolean
comm_risk_register_store_delete (CommDatabase  *db,
                                 gint64         id,
                                 GError       **error)
{
  g_autoptr(CommRiskRegister) reg = NULL;
  g_autoptr(sqlite3_stmt) purge = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommStoreTransaction transaction;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_writable (db, error) ||
      (reg = comm_risk_register_store_get (db, id, error)) == NULL)
    return FALSE;
  if (reg->n_risks > 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still holds %u risk: delete or move it first.",
                                "“%s” still holds %u risks: delete or move them first.",
                                reg->n_risks), reg->name, reg->n_risks);
      return FALSE;
    }
  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  /* Risks deleted earlier (kept for undo) go with the register. */
  if ((purge = comm_database_prepare (db, "DELETE FROM risks WHERE register_id = ?1", error)) == NULL ||
      (stmt = comm_database_prepare (db, "DELETE FROM risk_registers WHERE id = ?1", error)) == NULL ||
      sqlite3_bind_int64 (purge, 1, id) != SQLITE_OK || sqlite3_bind_int64 (stmt, 1, id) != SQLITE_OK ||
      !comm_store_step_done (db, purge, _("Could not delete the risk register"), error) ||
      !comm_store_step_done (db, stmt, _("Could not delete the risk register"), error) ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  return TRUE;
}

void
comm_risk_scale_change_free (CommRiskScaleChange *change)
{
  if (change == NULL)
    return;
  g_free (change->reference);
  g_free (change->title);
  g_free (change);
}

/* Maps one rating of @risk in place, appending a change to @changes (nullable). */
static void
map_rating (CommRisk           *risk,
            CommRiskRating     *rating,
            CommRiskScaleKind   scale,
            const char         *name,
            GPtrArray          *changes)
{
  CommRiskScaleChange *change;
  gboolean lost = FALSE;
  CommRiskRating to;

  if (!comm_risk_rating_is_set (rating))
    {
      rating->scale = scale;
      return;
    }
  to = comm_risk_rating_map (rating, scale, &lost);
  if (changes != NULL)
    {
      change = g_new0 (CommRiskScaleChange, 1);
      change->risk_id = risk->id;
      change->reference = g_strdup (risk->reference);
      change->title = g_strdup (risk->title);
      change->rating_name = name;
      change->from = *rating;
      change->to = to;
      change->lost = lost;
      g_ptr_array_add (changes, change);
    }
  *rating = to;
}

static void
map_risk (CommRisk          *risk,
          CommRiskScaleKind  scale,
          GPtrArray         *changes)
{
  map_rating (risk, &risk->inherent_likelihood, scale, _("Inherent likelihood"), changes);
  map_rating (risk, &risk->inherent_impact, scale, _("Inherent impact"), changes);
  map_rating (risk, &risk->residual_likelihood, scale, _("Residual likelihood"), changes);
  map_rating (risk, &risk->residual_impact, scale, _("Residual impact"), changes);
  map_rating (risk, &risk->target_likelihood, scale, _("Target likelihood"), changes);
  map_rating (risk, &risk->target_impact, scale, _("Target impact"), changes);
  risk->scale = scale;
}

GPtrArray *
comm_risk_register_store_preview_scale (CommDatabase      *db,
                                        gint64             id,
                                        CommRiskScaleKind  scale,
                                        GError           **error)
{
  g_autoptr(CommRiskRegister) reg = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  GPtrArray *changes;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if ((reg = comm_risk_register_store_get (db, id, error)) == NULL)
    return NULL;
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_risk_scale_change_free);
  if (reg->scale == scale)
    return changes;
  if ((risks = _comm_risk_list_own (db, id, FALSE, error)) == NULL)
    {
      g_ptr_array_unref (changes);
      return NULL;
    }
  for (guint n = 0; n < risks->len; n++)
    map_risk (g_ptr_array_index (risks, n), scale, changes);
  return changes;
}

static gboolean
set_scale (CommDatabase       *db,
           gint64              id,
           CommRiskScaleKind   scale,
           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if ((stmt = comm_database_prepare (db, "UPDATE risk_registers SET scale = ?2 WHERE id = ?1",
                                     error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, comm_risk_scale_to_string (scale), -1, SQLITE_STATIC);
  return comm_store_step_done (db, stmt, _("Could not change the register’s scale"), error);
}

gboolean
comm_risk_register_store_change_scale (CommDatabase       *db,
                                       gint64              id,
                                       CommRiskScaleKind   scale,
                                       GError            **error)
{
  g_autoptr(CommRiskRegister) reg = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  CommStoreTransaction transaction;
  gboolean ok = TRUE;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_writable (db, error) ||
      (reg = comm_risk_register_store_get (db, id, error)) == NULL)
    return FALSE;
  if (reg->scale == scale)
    return TRUE;
  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  /* The risks (deleted ones too, so that undoing a delete stays possible) are read on the old
   * scale, then written after the register has the new one. */
  if ((risks = _comm_risk_list_own (db, id, TRUE, error)) == NULL || !set_scale (db, id, scale, error))
    ok = FALSE;
  for (guint n = 0; ok && n < risks->len; n++)
    {
      CommRisk *risk = g_ptr_array_index (risks, n);

      map_risk (risk, scale, NULL);
      ok = _comm_risk_update_ratings (db, risk, error);
    }
  if (!ok || !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  return TRUE;
}
