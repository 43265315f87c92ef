/* comm-plan-store.c: commissioning intentions in the workspace (comm-plan.h)
 *
 * A plan holds tens of intentions, so a list loads the intentions in one query and each kind of
 * detail row (milestones, updates, contract and budget links) in one more query each, joined to
 * their intention in C. Saving writes the intention row then makes each detail table equal the
 * struct's arrays (comm_store_sync_details), in one transaction.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-plan.h"
#include "comm-store-private.h"

#define INTENTION_SELECT \
  "SELECT id, year, title, area, outcomes, lead, status FROM plan_intentions"

/* Each selects the parent id first, then the row id. ?1 = year (0: any), ?2 = intention id (0: any) */
#define DETAIL_FILTER \
  " WHERE intention_id IN (SELECT id FROM plan_intentions WHERE (?1 = 0 OR year = ?1)" \
  " AND (?2 = 0 OR id = ?2))"

#define MILESTONE_SELECT \
  "SELECT intention_id, id, name, target_date, done_date FROM plan_milestones" DETAIL_FILTER \
  " ORDER BY target_date, id"
#define UPDATE_SELECT \
  "SELECT intention_id, id, updated_on, author, body FROM plan_updates" DETAIL_FILTER \
  " ORDER BY updated_on DESC, id DESC"
#define CONTRACT_LINK_SELECT \
  "SELECT l.intention_id, l.id, l.contract_id, l.role, c.reference, c.title," \
  " c.deleted_at IS NOT NULL FROM plan_contract_links l JOIN contracts c ON c.id = l.contract_id" \
  " WHERE l.intention_id IN (SELECT id FROM plan_intentions WHERE (?1 = 0 OR year = ?1)" \
  " AND (?2 = 0 OR id = ?2)) ORDER BY l.role, c.reference, l.id"
#define BUDGET_LINK_SELECT \
  "SELECT l.intention_id, l.id, l.budget_line_id, l.label, p.name, b.year, b.scenario, bl.name," \
  " b.deleted_at IS NOT NULL FROM plan_budget_links l" \
  " LEFT JOIN budget_lines bl ON bl.id = l.budget_line_id" \
  " LEFT JOIN budgets b ON b.id = bl.budget_id LEFT JOIN programmes p ON p.id = b.programme_id" \
  " WHERE l.intention_id IN (SELECT id FROM plan_intentions WHERE (?1 = 0 OR year = ?1)" \
  " AND (?2 = 0 OR id = ?2)) ORDER BY l.id"

#define BUDGET_LINE_CHOICES \
  "SELECT bl.id, p.name, b.year, bl.name FROM budget_lines bl JOIN budgets b ON b.id = bl.budget_id" \
  " JOIN programmes p ON p.id = b.programme_id" \
  " WHERE b.year = ?1 AND b.scenario IS NULL AND b.deleted_at IS NULL" \
  " ORDER BY p.name COLLATE NOCASE, b.id, bl.position, bl.id"

typedef void (*RowReader) (CommPlanIntention *intention,
                           sqlite3_stmt      *stmt);

static void bind_milestone     (sqlite3_stmt *stmt, gconstpointer item);
static void bind_update        (sqlite3_stmt *stmt, gconstpointer item);
static void bind_contract_link (sqlite3_stmt *stmt, gconstpointer item);
static void bind_budget_link   (sqlite3_stmt *stmt, gconstpointer item);

static const CommDetailTable milestones_table = {
  .select_ids = "SELECT id FROM plan_milestones WHERE intention_id = ?1",
  .insert = "INSERT INTO plan_milestones (intention_id, name, target_date, done_date)"
            " VALUES (?1, ?2, ?3, ?4)",
  .update = "UPDATE plan_milestones SET name = ?2, target_date = ?3, done_date = ?4 WHERE id = ?1"
            " AND (name IS NOT ?2 OR target_date IS NOT ?3 OR done_date IS NOT ?4)",
  .delete = "DELETE FROM plan_milestones WHERE id = ?1",
  .bind = bind_milestone,
  .what = N_("Could not save the milestones"),
};

static const CommDetailTable updates_table = {
  .select_ids = "SELECT id FROM plan_updates WHERE intention_id = ?1",
  .insert = "INSERT INTO plan_updates (intention_id, updated_on, author, body) VALUES (?1, ?2, ?3, ?4)",
  .update = "UPDATE plan_updates SET updated_on = ?2, author = ?3, body = ?4 WHERE id = ?1"
            " AND (updated_on IS NOT ?2 OR author IS NOT ?3 OR body IS NOT ?4)",
  .delete = "DELETE FROM plan_updates WHERE id = ?1",
  .bind = bind_update,
  .what = N_("Could not save the progress updates"),
};

static const CommDetailTable contract_links_table = {
  .select_ids = "SELECT id FROM plan_contract_links WHERE intention_id = ?1",
  .insert = "INSERT INTO plan_contract_links (intention_id, contract_id, role) VALUES (?1, ?2, ?3)",
  .update = "UPDATE plan_contract_links SET contract_id = ?2, role = ?3 WHERE id = ?1"
            " AND (contract_id IS NOT ?2 OR role IS NOT ?3)",
  .delete = "DELETE FROM plan_contract_links WHERE id = ?1",
  .bind = bind_contract_link,
  .what = N_("Could not save the linked contracts"),
};

static const CommDetailTable budget_links_table = {
  .select_ids = "SELECT id FROM plan_budget_links WHERE intention_id = ?1",
  .insert = "INSERT INTO plan_budget_links (intention_id, budget_line_id, label) VALUES (?1, ?2, ?3)",
  .update = "UPDATE plan_budget_links SET budget_line_id = ?2, label = ?3 WHERE id = ?1"
            " AND (budget_line_id IS NOT ?2 OR label IS NOT ?3)",
  .delete = "DELETE FROM plan_budget_links WHERE id = ?1",
  .bind = bind_budget_link,
  .what = N_("Could not save the linked budget lines"),
};

static void
bind_milestone (sqlite3_stmt  *stmt,
                gconstpointer  item)
{
  const CommPlanMilestone *milestone = item;

  sqlite3_bind_text (stmt, 2, milestone->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, milestone->target_date, -1, SQLITE_STATIC);
  comm_sqlite_bind_text_or_null (stmt, 4, milestone->done_date);
}

static void
bind_update (sqlite3_stmt  *stmt,
             gconstpointer  item)
{
  const CommPlanUpdate *update = item;

  sqlite3_bind_text (stmt, 2, update->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, update->author != NULL ? update->author : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, update->text, -1, SQLITE_STATIC);
}

static void
bind_contract_link (sqlite3_stmt  *stmt,
                    gconstpointer  item)
{
  const CommPlanContractLink *link = item;

  sqlite3_bind_int64 (stmt, 2, link->contract_id);
  sqlite3_bind_text (stmt, 3, comm_plan_contract_role_to_code (link->role), -1, SQLITE_STATIC);
}

static void
bind_budget_link (sqlite3_stmt  *stmt,
                  gconstpointer  item)
{
  const CommPlanBudgetLink *link = item;

  if (link->budget_line_id > 0)
    sqlite3_bind_int64 (stmt, 2, link->budget_line_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, link->label != NULL ? link->label : "", -1, SQLITE_STATIC);
}

/* "Programme 2026-27: Line", or "Programme 2026-27 (scenario): Line" */
static char *
budget_line_label (const char *programme,
                   int         year,
                   const char *scenario,
                   const char *line)
{
  g_autofree char *year_label = comm_financial_year_label (year);

  if (scenario != NULL)
    /* Translators: programme, financial year, scenario name, then the budget line's name */
    return g_strdup_printf (_("%s %s (%s): %s"), programme, year_label, scenario, line);
  /* Translators: programme, financial year, then the budget line's name */
  return g_strdup_printf (_("%s %s: %s"), programme, year_label, line);
}

static void
read_milestone (CommPlanIntention *intention,
                sqlite3_stmt      *stmt)
{
  CommPlanMilestone *milestone = comm_plan_milestone_new (comm_sqlite_column_text (stmt, 2),
                                                          comm_sqlite_column_text (stmt, 3),
                                                          comm_sqlite_column_text (stmt, 4));

  milestone->id = sqlite3_column_int64 (stmt, 1);
  g_ptr_array_add (intention->milestones, milestone);
}

static void
read_update (CommPlanIntention *intention,
             sqlite3_stmt      *stmt)
{
  CommPlanUpdate *update = comm_plan_update_new (comm_sqlite_column_text (stmt, 2),
                                                 comm_sqlite_column_text (stmt, 3),
                                                 comm_sqlite_column_text (stmt, 4));

  update->id = sqlite3_column_int64 (stmt, 1);
  g_ptr_array_add (intention->updates, update);
}

static void
read_contract_link (CommPlanIntention *intention,
                    sqlite3_stmt      *stmt)
{
  CommPlanContractLink *link;

  link = comm_plan_contract_link_new (sqlite3_column_int64 (stmt, 2),
                                      comm_plan_contract_role_from_code (comm_sqlite_column_text (stmt, 3)));
  link->id = sqlite3_column_int64 (stmt, 1);
  link->reference = g_strdup (comm_sqlite_column_text (stmt, 4));
  link->title = g_strdup (comm_sqlite_column_text (stmt, 5));
  link->contract_deleted = sqlite3_column_int (stmt, 6) != 0;
  g_ptr_array_add (intention->contracts, link);
}

static void
read_budget_link (CommPlanIntention *intention,
                  sqlite3_stmt      *stmt)
{
  CommPlanBudgetLink *link = comm_plan_budget_link_new (sqlite3_column_int64 (stmt, 2),
                                                        comm_sqlite_column_text (stmt, 3));

  link->id = sqlite3_column_int64 (stmt, 1);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    {
      link->line_name = budget_line_label (comm_sqlite_column_text (stmt, 4), sqlite3_column_int (stmt, 5),
                                           sqlite3_column_type (stmt, 6) != SQLITE_NULL
                                           ? comm_sqlite_column_text (stmt, 6) : NULL,
                                           comm_sqlite_column_text (stmt, 7));
      link->budget_deleted = sqlite3_column_int (stmt, 8) != 0;
    }
  g_ptr_array_add (intention->budget_lines, link);
}

static CommPlanIntention *
intention_from_row (sqlite3_stmt *stmt)
{
  CommPlanIntention *intention = comm_plan_intention_new (sqlite3_column_int (stmt, 1));

  intention->id = sqlite3_column_int64 (stmt, 0);
  g_free (intention->title);
  intention->title = g_strdup (comm_sqlite_column_text (stmt, 2));
  g_free (intention->area);
  intention->area = g_strdup (comm_sqlite_column_text (stmt, 3));
  g_free (intention->outcomes);
  intention->outcomes = g_strdup (comm_sqlite_column_text (stmt, 4));
  g_free (intention->lead);
  intention->lead = g_strdup (comm_sqlite_column_text (stmt, 5));
  intention->status = comm_plan_status_from_code (comm_sqlite_column_text (stmt, 6));
  return intention;
}

/* Runs one detail query (parent id in column 0) for @year / @id, handing each row to @reader. */
static gboolean
load_details (CommDatabase  *db,
              const char    *sql,
              int            year,
              gint64         id,
              GHashTable    *by_id,
              RowReader      reader,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 parent = sqlite3_column_int64 (stmt, 0);
      CommPlanIntention *intention = g_hash_table_lookup (by_id, &parent);

      if (intention != NULL)
        reader (intention, stmt);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the commissioning plan"));
      return FALSE;
    }
  return TRUE;
}

/* Intentions of @year (0: any) or the one @id (0: any), with every detail loaded. */
static GPtrArray *
load_intentions (CommDatabase  *db,
                 int            year,
                 gint64         id,
                 GError       **error)
{
  g_autoptr(GPtrArray) intentions = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_plan_intention_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = comm_database_prepare (db, INTENTION_SELECT " WHERE (?1 = 0 OR year = ?1) AND (?2 = 0 OR id = ?2)"
                                    " ORDER BY year, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommPlanIntention *intention = intention_from_row (stmt);

      g_ptr_array_add (intentions, intention);
      g_hash_table_insert (by_id, &intention->id, intention);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the commissioning plan"));
      return NULL;
    }

  if (!load_details (db, MILESTONE_SELECT, year, id, by_id, read_milestone, error) ||
      !load_details (db, UPDATE_SELECT, year, id, by_id, read_update, error) ||
      !load_details (db, CONTRACT_LINK_SELECT, year, id, by_id, read_contract_link, error) ||
      !load_details (db, BUDGET_LINK_SELECT, year, id, by_id, read_budget_link, error))
    return NULL;

  return g_steal_pointer (&intentions);
}

static void
bind_intention (sqlite3_stmt            *stmt,
                const CommPlanIntention *intention)
{
  g_autofree char *title = g_strstrip (g_strdup (intention->title));

  sqlite3_bind_int (stmt, 2, intention->year);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, intention->area != NULL ? intention->area : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, intention->outcomes != NULL ? intention->outcomes : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, intention->lead != NULL ? intention->lead : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, comm_plan_status_to_code (intention->status), -1, SQLITE_STATIC);
}

/* Inserts or updates the intention row; *id is its id (new for an insert). */
static gboolean
write_intention_row (CommDatabase             *db,
                     const CommPlanIntention  *intention,
                     gint64                   *id,
                     GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *what = g_strdup_printf (_("Could not save “%s”"), intention->title);
  gboolean insert = intention->id == 0;

  stmt = comm_database_prepare (db, insert
                                ? "INSERT INTO plan_intentions (year, title, area, outcomes, lead, status)"
                                  " VALUES (?2, ?3, ?4, ?5, ?6, ?7)"
                                : "UPDATE plan_intentions SET year = ?2, title = ?3, area = ?4,"
                                  " outcomes = ?5, lead = ?6, status = ?7 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  if (!insert)
    sqlite3_bind_int64 (stmt, 1, intention->id);
  bind_intention (stmt, intention);
  if (!comm_store_step_done (db, stmt, what, error))
    return FALSE;
  if (!insert && sqlite3_changes (comm_database_get_handle (db)) == 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                   _("The intention “%s” is no longer in the plan; it may have been deleted."),
                   intention->title);
      return FALSE;
    }
  *id = insert ? sqlite3_last_insert_rowid (comm_database_get_handle (db)) : intention->id;
  return TRUE;
}

static CommPlanMilestoneEntry *
entry_from_row (sqlite3_stmt *stmt,
                const GDate  *today,
                int           within_days)
{
  CommPlanMilestoneEntry *entry = g_new0 (CommPlanMilestoneEntry, 1);
  CommPlanMilestone milestone = { 0 };
  GDate target;

  entry->intention_id = sqlite3_column_int64 (stmt, 0);
  entry->intention_title = g_strdup (comm_sqlite_column_text (stmt, 1));
  entry->year = sqlite3_column_int (stmt, 2);
  entry->intention_status = comm_plan_status_from_code (comm_sqlite_column_text (stmt, 3));
  entry->milestone_id = sqlite3_column_int64 (stmt, 4);
  entry->name = g_strdup (comm_sqlite_column_text (stmt, 5));
  entry->target_date = g_strdup (comm_sqlite_column_text (stmt, 6));
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    entry->done_date = g_strdup (comm_sqlite_column_text (stmt, 7));

  milestone.target_date = entry->target_date;
  milestone.done_date = entry->done_date;
  entry->state = comm_plan_milestone_get_state (&milestone, today, within_days);
  g_date_clear (&target, 1);
  if (comm_date_parse_iso (entry->target_date, &target))
    entry->days = comm_date_days_between (today, &target);
  return entry;
}

#define ENTRY_SELECT \
  "SELECT i.id, i.title, i.year, i.status, m.id, m.name, m.target_date, m.done_date" \
  " FROM plan_milestones m JOIN plan_intentions i ON i.id = m.intention_id"

static GPtrArray *
query_entries (CommDatabase  *db,
               sqlite3_stmt  *stmt,
               const GDate   *today,
               int            within_days,
               GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_plan_milestone_entry_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt, today, within_days));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the plan’s milestones"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
comm_plan_store_list (CommDatabase  *db,
                      int            year,
                      GError       **error)
{
  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  return load_intentions (db, year, 0, error);
}

CommPlanIntention *
comm_plan_store_get (CommDatabase  *db,
                     gint64         id,
                     GError       **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if (id <= 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("That intention is not in the commissioning plan."));
      return NULL;
    }
  found = load_intentions (db, 0, id, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("That intention is no longer in the commissioning plan; it may have been deleted."));
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

gboolean
comm_plan_store_save (CommDatabase       *db,
                      CommPlanIntention  *intention,
                      GError            **error)
{
  g_autoptr(GArray) milestone_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) update_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) contract_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) budget_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  CommStoreTransaction transaction;
  gint64 id = 0;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (intention != NULL, FALSE);

  if (!comm_database_ensure_writable (db, error) || !comm_plan_intention_validate (intention, error))
    return FALSE;
  if (!comm_store_begin (&transaction, db, error))
    return FALSE;
  if (!write_intention_row (db, intention, &id, error) ||
      !comm_store_sync_details (db, &milestones_table, id, intention->milestones, milestone_ids, error) ||
      !comm_store_sync_details (db, &updates_table, id, intention->updates, update_ids, error) ||
      !comm_store_sync_details (db, &contract_links_table, id, intention->contracts, contract_ids, error) ||
      !comm_store_sync_details (db, &budget_links_table, id, intention->budget_lines, budget_ids, error) ||
      !comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }

  intention->id = id;
  comm_store_apply_ids (intention->milestones, milestone_ids);
  comm_store_apply_ids (intention->updates, update_ids);
  comm_store_apply_ids (intention->contracts, contract_ids);
  comm_store_apply_ids (intention->budget_lines, budget_ids);
  return TRUE;
}

gboolean
comm_plan_store_delete (CommDatabase  *db,
                        gint64         id,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommStoreTransaction transaction;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return FALSE;
  stmt = comm_database_prepare (db, "DELETE FROM plan_intentions WHERE id = ?1", error);
  if (stmt == NULL ||
      sqlite3_bind_int64 (stmt, 1, id) != SQLITE_OK ||
      !comm_store_step_done (db, stmt, _("Could not delete the intention"), error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  if (sqlite3_changes (comm_database_get_handle (db)) == 0)
    {
      comm_store_rollback (&transaction);
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("That intention is no longer in the commissioning plan; it may have been deleted."));
      return FALSE;
    }
  if (!comm_store_commit (&transaction, error))
    {
      comm_store_rollback (&transaction);
      return FALSE;
    }
  return TRUE;
}

GArray *
comm_plan_store_list_years (CommDatabase  *db,
                            GError       **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  stmt = comm_database_prepare (db, "SELECT DISTINCT year FROM plan_intentions ORDER BY year", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);

      g_array_append_val (years, year);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the commissioning plan"));
      return NULL;
    }
  return g_steal_pointer (&years);
}

GPtrArray *
comm_plan_store_list_due (CommDatabase  *db,
                          const GDate   *today,
                          int            within_days,
                          int            year,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today_iso = NULL;
  GDate horizon;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  horizon = *today;
  g_date_add_days (&horizon, MAX (within_days, 0));
  today_iso = comm_date_to_iso (today);
  stmt = comm_database_prepare (db, ENTRY_SELECT
                                " WHERE m.done_date IS NULL AND m.target_date <= ?2"
                                " AND (?3 = 0 OR i.year = ?3)"
                                " ORDER BY m.target_date >= ?1, m.target_date, i.id, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, comm_date_to_iso (&horizon), -1, g_free);
  sqlite3_bind_int (stmt, 3, year);
  return query_entries (db, stmt, today, within_days, error);
}

GPtrArray *
comm_plan_store_timeline (CommDatabase  *db,
                          int            first_year,
                          int            last_year,
                          const GDate   *today,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate first, last;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (last_year < first_year || first_year < 1990 || last_year > 2100)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("The timeline must cover financial years from 1990-91 to 2100-01 and start no later than it ends (%d-%02d to %d-%02d)."),
                   first_year, (first_year + 1) % 100, last_year, (last_year + 1) % 100);
      return NULL;
    }
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  comm_financial_year_bounds (first_year, &first, NULL);
  comm_financial_year_bounds (last_year, NULL, &last);
  stmt = comm_database_prepare (db, ENTRY_SELECT " WHERE m.target_date BETWEEN ?1 AND ?2"
                                " ORDER BY m.target_date, i.id, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, comm_date_to_iso (&first), -1, g_free);
  sqlite3_bind_text (stmt, 2, comm_date_to_iso (&last), -1, g_free);
  return query_entries (db, stmt, today, 30, error);
}

GPtrArray *
comm_plan_store_list_budget_lines (CommDatabase  *db,
                                   int            year,
                                   GError       **error)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_plan_budget_line_choice_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  stmt = comm_database_prepare (db, BUDGET_LINE_CHOICES, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommPlanBudgetLineChoice *choice = g_new0 (CommPlanBudgetLineChoice, 1);

      choice->line_id = sqlite3_column_int64 (stmt, 0);
      choice->label = budget_line_label (comm_sqlite_column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                                         NULL, comm_sqlite_column_text (stmt, 3));
      g_ptr_array_add (choices, choice);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the budget lines"));
      return NULL;
    }
  return g_steal_pointer (&choices);
}
