/* comm-deep-dive-schedule.h: the Deep Dive schedule of a financial year, proposing one, and
 * the actions of every Deep Dive
 *
 * A contract is "active in the year" when it is not deleted, starts on or before the year's
 * last day (31 March) and its effective end - the extension date if extended, else the end
 * date, or the termination date if that is earlier - is on or after the year's first day
 * (1 April). Planned contracts that start during the year count.
 *
 * The schedule of a year has one row per contract that is active in the year OR has a Deep Dive
 * for the year (a contract that ended early keeps its Deep Dive in the list); contracts with no
 * Deep Dive that year get a row with status COMM_DEEP_DIVE_STATUS_NONE. Deleted contracts and
 * their Deep Dives are left out.
 */
#pragma once

#include <gio/gio.h>

#include "comm-database.h"
#include "comm-deep-dive.h"

G_BEGIN_DECLS

#define COMM_TYPE_DEEP_DIVE_ROW (comm_deep_dive_row_get_type ())
G_DECLARE_FINAL_TYPE (CommDeepDiveRow, comm_deep_dive_row, COMM, DEEP_DIVE_ROW, GObject)

/* One row of the schedule. Read-only properties (strings never NULL, "" when empty; dates ISO):
 *   "contract-id" gint64, "deep-dive-id" gint64 (0 = no Deep Dive this year), "year" int,
 *   "contract-reference", "contract-title", "provider-name", "service-area",
 *   "lead-commissioner", "lead-reviewer", "provider-contact", "scheduled-on", "started-on",
 *   "signed-off-on", "grade" int (CommGrade), "grade-label" ("" when not graded),
 *   "status" int (CommDeepDiveStatus), "status-label", "areas-judged" uint, "areas-total" uint,
 *   "open-actions" uint (not done), "overdue-actions" uint (not done, due before today),
 *   "active-in-year" gboolean (FALSE for a contract that has a Deep Dive but is not active).
 * The status is computed for the @today given to the list; comm_deep_dive_row_refresh_status()
 * recomputes it (e.g. after midnight). */
gint64              comm_deep_dive_row_get_contract_id        (CommDeepDiveRow *self);
gint64              comm_deep_dive_row_get_deep_dive_id       (CommDeepDiveRow *self);
int                 comm_deep_dive_row_get_year               (CommDeepDiveRow *self);
const char         *comm_deep_dive_row_get_contract_reference (CommDeepDiveRow *self);
const char         *comm_deep_dive_row_get_contract_title     (CommDeepDiveRow *self);
const char         *comm_deep_dive_row_get_provider_name      (CommDeepDiveRow *self);
const char         *comm_deep_dive_row_get_service_area       (CommDeepDiveRow *self);
const char         *comm_deep_dive_row_get_lead_commissioner  (CommDeepDiveRow *self);
const char         *comm_deep_dive_row_get_lead_reviewer      (CommDeepDiveRow *self);
const char         *comm_deep_dive_row_get_provider_contact   (CommDeepDiveRow *self);
const char         *comm_deep_dive_row_get_scheduled_on       (CommDeepDiveRow *self);
const char         *comm_deep_dive_row_get_started_on         (CommDeepDiveRow *self);
const char         *comm_deep_dive_row_get_signed_off_on      (CommDeepDiveRow *self);
CommGrade           comm_deep_dive_row_get_grade              (CommDeepDiveRow *self);
CommDeepDiveStatus  comm_deep_dive_row_get_status             (CommDeepDiveRow *self);
guint               comm_deep_dive_row_get_areas_judged       (CommDeepDiveRow *self);
guint               comm_deep_dive_row_get_areas_total        (CommDeepDiveRow *self);
guint               comm_deep_dive_row_get_open_actions       (CommDeepDiveRow *self);
guint               comm_deep_dive_row_get_overdue_actions    (CommDeepDiveRow *self);
gboolean            comm_deep_dive_row_get_active_in_year     (CommDeepDiveRow *self);
void                comm_deep_dive_row_refresh_status         (CommDeepDiveRow *self,
                                                               const GDate     *today);

/* The schedule of financial year @year (2026 = 2026-27) as of @today, in one query: a GListStore
 * of CommDeepDiveRow ordered by scheduled date (rows without a date last), then contract
 * reference. Built for 10,000 contracts in well under a second. */
GListStore         *comm_deep_dive_schedule_list    (CommDatabase  *db,
                                                     int            year,
                                                     const GDate   *today,
                                                     GError       **error);
/* Counts rows per status: @counts[status] for every CommDeepDiveStatus (NONE included), over
 * the items of a list of CommDeepDiveRow (e.g. a filtered list model). */
void                comm_deep_dive_schedule_count   (GListModel    *rows,
                                                     guint          counts[COMM_DEEP_DIVE_N_STATUSES]);
/* The same straight from the workspace for @year as of @today (reports). */
gboolean            comm_deep_dive_schedule_counts  (CommDatabase  *db,
                                                     int            year,
                                                     const GDate   *today,
                                                     guint          counts[COMM_DEEP_DIVE_N_STATUSES],
                                                     GError       **error);
/* Whether any Deep Dive of @year is Overdue as of @today (comm_deep_dive_status_compute), in
 * one query that reads no contract: a tab not yet shown flags itself with this. FALSE with
 * @error set if the workspace could not be read. */
gboolean            comm_deep_dive_schedule_has_overdue (CommDatabase  *db,
                                                         int            year,
                                                         const GDate   *today,
                                                         gboolean      *overdue,
                                                         GError       **error);

/* A proposed Deep Dive, not yet saved. */
typedef struct {
  gint64  contract_id;
  char   *contract_reference;
  char   *scheduled_on;    /* ISO date in the year, a weekday */
  char   *lead_reviewer;   /* the contract's lead commissioner */
} CommDeepDiveProposal;

void       comm_deep_dive_proposal_free    (CommDeepDiveProposal *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommDeepDiveProposal, comm_deep_dive_proposal_free)

/* Proposes one Deep Dive for every contract active in @year that has none that year, spread
 * evenly over the year's twelve months in order of contract reference (deterministic: the same
 * workspace gives the same proposal), on weekdays, each moved inside the part of the year in
 * which its contract runs (a contract starting in January gets a date from January). Writes
 * nothing. Returns CommDeepDiveProposal* (possibly empty), NULL on error. */
GPtrArray *comm_deep_dive_schedule_propose (CommDatabase  *db,
                                            int            year,
                                            GError       **error);
/* The same, but for a year already under way: the Deep Dives are spread over the months from
 * @not_before's month to March, on or after @not_before (except for a contract that ends before
 * it). @not_before NULL, before the year or after it: as comm_deep_dive_schedule_propose(). */
GPtrArray *comm_deep_dive_schedule_propose_from (CommDatabase  *db,
                                                 int            year,
                                                 const GDate   *not_before,
                                                 GError       **error);
/* Creates the proposed Deep Dives (as comm_deep_dive_create()) in one transaction: all or none.
 * @n_created (may be NULL) gets how many were made. */
gboolean   comm_deep_dive_schedule_apply   (CommDatabase  *db,
                                            int            year,
                                            GPtrArray     *proposals,
                                            guint         *n_created,
                                            GError       **error);

/* An action with where it belongs, for lists across Deep Dives. */
typedef struct {
  CommDeepDiveAction  action;             /* its fields (owned by the row) */
  gint64              deep_dive_id;
  int                 year;
  gint64              contract_id;
  char               *contract_reference;
  char               *contract_title;
  char               *provider_name;
  guint               area_number;        /* 1, 2 ... */
  char               *area_title;
  gboolean            overdue;            /* not done and due before today */
  gboolean            deep_dive_signed_off;
} CommActionRow;

void       comm_action_row_free             (CommActionRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommActionRow, comm_action_row_free)

/* Actions of the Deep Dives of contracts that are not deleted. @year 0 = every year.
 * @outstanding_only: only actions not done, overdue first (oldest due date first), then the
 * others by due date (no date last), then contract reference; otherwise every action ordered by
 * contract reference, year, area and the order they were added. Returns CommActionRow*. */
GPtrArray *comm_deep_dive_list_actions      (CommDatabase  *db,
                                             int            year,
                                             gboolean       outstanding_only,
                                             const GDate   *today,
                                             GError       **error);

G_END_DECLS
