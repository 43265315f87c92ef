/* comm-budget-store.h: programmes, budgets and scenarios in the workspace
 *
 * A programme ("Early Help and Prevention") has at most one base budget per financial year and
 * any number of named scenarios for that year. Budgets are soft-deleted (kept, hidden, restorable).
 * Every write is one transaction; on failure nothing is written and the objects keep their ids.
 */
#pragma once

#include <gio/gio.h>

#include "comm-budget.h"
#include "comm-database.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *name;
  char   *description;
} CommProgramme;

void           comm_programme_free               (CommProgramme *programme);

/* Every programme, by name (GPtrArray of CommProgramme*). */
GPtrArray     *comm_budget_store_list_programmes (CommDatabase  *db,
                                                  GError       **error);
/* The id of the programme called @name (case-insensitive, trimmed); NOT_FOUND with a message
 * naming it, and listing the programmes there are, if none. */
gboolean       comm_budget_store_find_programme  (CommDatabase  *db,
                                                  const char    *name,
                                                  gint64        *id,
                                                  GError       **error);
/* Finds the programme called @name or creates it; INVALID for an empty name. */
gboolean       comm_budget_store_ensure_programme (CommDatabase *db,
                                                   const char   *name,
                                                   gint64       *id,
                                                   GError      **error);
/* INVALID if @name is empty or another programme has it. */
gboolean       comm_budget_store_rename_programme (CommDatabase *db,
                                                   gint64        id,
                                                   const char   *name,
                                                   GError      **error);

/* One row of the list of budgets: enough to show and pick, with the headline figures. */
typedef struct {
  gint64  id;
  gint64  programme_id;
  char   *programme_name;
  int     year;
  char   *scenario;       /* NULL for a base budget */
  gint64  based_on;
  gint64  total_income;   /* pence */
  gint64  committed;
  gint64  unallocated;    /* 0 when the budget does not reconcile */
  gint64  percent_total;  /* thousandths */
  guint   n_lines;
  guint   n_problems;     /* blocking problems (comm_budget_compute) */
  guint   n_flagged;      /* commitments flagged for a changed or deleted contract */
} CommBudgetSummary;

void           comm_budget_summary_free          (CommBudgetSummary *summary);

/* Budgets not deleted, of programme @programme_id (0 = all), by programme name, year, then the
 * base budget before its scenarios (by name). GPtrArray of CommBudgetSummary*. */
GPtrArray     *comm_budget_store_list            (CommDatabase  *db,
                                                  gint64         programme_id,
                                                  GError       **error);
/* A budget with its lines and their contract links. NOT_FOUND if absent or deleted. */
CommBudget    *comm_budget_store_load            (CommDatabase  *db,
                                                  gint64         id,
                                                  GError       **error);
/* The id of the budget of programme @programme (by name, case-insensitive) for @year, scenario
 * @scenario (NULL = the base budget). NOT_FOUND naming what was looked for (and the scenarios
 * there are) if none. */
gboolean       comm_budget_store_find            (CommDatabase  *db,
                                                  const char    *programme,
                                                  int            year,
                                                  const char    *scenario,
                                                  gint64        *id,
                                                  GError       **error);
/* The scenarios of the base budget's programme and year, base first (gint64 ids). */
GArray        *comm_budget_store_list_scenarios  (CommDatabase  *db,
                                                  gint64         budget_id,
                                                  GError       **error);

/* Inserts or updates @budget and makes its stored lines (and their contract links) equal to
 * budget->lines; finds or creates its programme by name. Sets ids of the budget, new lines and the
 * programme on success. Refuses (INVALID) an empty programme name, a year outside 2000-2098, an
 * empty scenario name (use NULL for the base), a second base budget or a second scenario with the
 * same name for the same programme and year, a line with no name. A budget whose figures don't
 * reconcile (percentages over 100% ...) is saved - the problems are shown, not hidden. */
gboolean       comm_budget_store_save            (CommDatabase  *db,
                                                  CommBudget    *budget,
                                                  GError       **error);
/* Soft delete and its undo. Deleting a base budget deletes its scenarios too (restore brings
 * back the same ones). */
gboolean       comm_budget_store_delete          (CommDatabase  *db,
                                                  gint64         id,
                                                  GError       **error);
gboolean       comm_budget_store_restore         (CommDatabase  *db,
                                                  gint64         id,
                                                  GError       **error);

/* Copies budget @id into a new scenario called @name for the same programme and year: an
 * independent copy of every line and link (changing one never changes the other). The copy is
 * based on the base budget. INVALID if @name is empty or already used for that year. */
gboolean       comm_budget_store_copy_scenario   (CommDatabase  *db,
                                                  gint64         id,
                                                  const char    *name,
                                                  gint64        *new_id,
                                                  GError       **error);
/* Rolls base budget @id into the next financial year as that year's base budget, with income,
 * commitments and fixed allocations changed by @change_thousandths (see comm_budget_copy_changed:
 * reconciled to the penny). Commitments linked to contracts are taken afresh from the contracts
 * for the new year; those whose contract no longer runs then are dropped. @changes (nullable)
 * receives what happened, as translated sentences (char*). INVALID if the next year already has a
 * base budget for the programme, or @id is a scenario. */
gboolean       comm_budget_store_roll_forward    (CommDatabase  *db,
                                                  gint64         id,
                                                  gint64         change_thousandths,
                                                  gint64        *new_id,
                                                  GPtrArray    **changes,
                                                  GError       **error);

/* Imports a published plan: one fixed-allocation line per row with its published figure, and
 * the plan's stated total if it has one, into a new base budget of @programme for @year (which
 * must not have one). The CSV's first column is the line name, the second the amount in pounds
 * (header row optional; "£", thousands separators allowed, at most two decimals). A row whose
 * name is "Total" (any case) is the published total, not a line. One income line, "Published
 * total", carries the published total (or, without one, the sum of the lines). Lines that don't
 * add up to the total are kept exactly as published: the difference shows in the budget's
 * warnings, never corrected. Errors name the row. */
gboolean       comm_budget_store_import_plan     (CommDatabase  *db,
                                                  const char    *programme,
                                                  int            year,
                                                  GInputStream  *csv,
                                                  gint64        *new_id,
                                                  GCancellable  *cancellable,
                                                  GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommProgramme, comm_programme_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommBudgetSummary, comm_budget_summary_free)

G_END_DECLS
