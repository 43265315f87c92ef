/* comm-plan.h: the commissioning plan - intentions per financial year, their milestones, dated
 * progress updates, links to budget lines and contracts, and demand figures kept beside the plan
 *
 * A commissioning intention ("Re-tender the young carers service") belongs to one financial year
 * (by its start year: 2026 = 2026-27). It has a system element or service area, key outcomes, a
 * lead commissioner, a status, milestones with target dates (and the date each was done), dated
 * progress updates, the budget lines it draws on and the contracts it creates or ends.
 *
 * Intentions are plain structs (the plan holds tens, not thousands): load one, change its fields
 * and arrays, save it. Strings are owned by the struct (g_free'd); set them with g_free + g_strdup.
 * Dates are ISO 8601 text ("2026-04-01"); an unset date is NULL or "".
 */
#pragma once

#include <gio/gio.h>

#include "comm-database.h"

G_BEGIN_DECLS

/* Where an intention stands. Stored as "not-started", "on-track", "at-risk", "delayed", "complete". */
typedef enum {
  COMM_PLAN_STATUS_NOT_STARTED,
  COMM_PLAN_STATUS_ON_TRACK,
  COMM_PLAN_STATUS_AT_RISK,
  COMM_PLAN_STATUS_DELAYED,
  COMM_PLAN_STATUS_COMPLETE,
  COMM_PLAN_N_STATUSES
} CommPlanStatus;

const char     *comm_plan_status_to_code   (CommPlanStatus status);
CommPlanStatus  comm_plan_status_from_code (const char    *code);   /* NOT_STARTED for NULL/unknown */
const char     *comm_plan_status_to_label  (CommPlanStatus status); /* translated: "On track" */

/* What an intention does to a contract. Stored as "creates" / "ends". */
typedef enum {
  COMM_PLAN_CONTRACT_CREATES,
  COMM_PLAN_CONTRACT_ENDS,
} CommPlanContractRole;

const char           *comm_plan_contract_role_to_code   (CommPlanContractRole role);
CommPlanContractRole  comm_plan_contract_role_from_code (const char *code); /* CREATES if unknown */
const char           *comm_plan_contract_role_to_label  (CommPlanContractRole role); /* "Creates" / "Ends" */

/* A milestone's state on a given day, worked out, never stored. */
typedef enum {
  COMM_PLAN_MILESTONE_UPCOMING,  /* not done, target date later than the "due" window */
  COMM_PLAN_MILESTONE_DUE,       /* not done, target date from today to today + window */
  COMM_PLAN_MILESTONE_OVERDUE,   /* not done, target date before today */
  COMM_PLAN_MILESTONE_DONE,      /* has a done date */
} CommPlanMilestoneState;

const char *comm_plan_milestone_state_to_label (CommPlanMilestoneState state); /* "Overdue" ... */

/* The usual stages, in order, untranslated (pass through g_dgettext to show), NULL-terminated:
 * "Service specification agreed", "Market engagement", "Tender issued", "Contract awarded",
 * "Mobilisation", "New service live", "Review". */
const char * const *comm_plan_milestone_suggestions (void);

/* Every detail struct starts with "gint64 id" (0 = not saved yet). */
typedef struct {
  gint64  id;
  char   *name;         /* "Tender issued" */
  char   *target_date;  /* ISO, required */
  char   *done_date;    /* ISO, or NULL/"" while not done */
} CommPlanMilestone;

typedef struct {
  gint64  id;
  char   *date;    /* ISO, required */
  char   *author;  /* may be NULL/"" */
  char   *text;    /* required */
} CommPlanUpdate;

typedef struct {
  gint64                id;
  gint64                contract_id;  /* required: a row in contracts (which may be soft-deleted) */
  CommPlanContractRole  role;
  /* Filled when loaded (read-only; ignored when saving): */
  char                 *reference;
  char                 *title;
  gboolean              contract_deleted;  /* the contract has since been deleted */
} CommPlanContractLink;

typedef struct {
  gint64  id;
  gint64  budget_line_id;  /* a budget line in this workspace, or 0 when only named (a line
                              deleted since leaves 0) */
  char   *label;           /* what the plan calls the line, e.g. "Young carers allocation" */
  /* Filled when loaded (read-only; ignored when saving): */
  char   *line_name;       /* "Early Intervention and Prevention 2026-27: Young carers", or NULL
                              when not linked by id */
  gboolean budget_deleted; /* the line's budget has since been deleted */
} CommPlanBudgetLink;

typedef struct {
  gint64          id;         /* 0 = not saved yet */
  int             year;       /* financial year by its start year: 2026 = 2026-27 */
  char           *title;      /* the activity: "Re-tender the young carers service" (required) */
  char           *area;       /* system element or service area (free text; may be a service-area code) */
  char           *outcomes;   /* key outcomes, free text, may hold line breaks */
  char           *lead;       /* lead commissioner */
  CommPlanStatus  status;
  GPtrArray      *milestones; /* of CommPlanMilestone, kept ordered by target date when loaded */
  GPtrArray      *updates;    /* of CommPlanUpdate, newest first when loaded */
  GPtrArray      *contracts;  /* of CommPlanContractLink */
  GPtrArray      *budget_lines; /* of CommPlanBudgetLink */
} CommPlanIntention;

#define COMM_TYPE_PLAN_INTENTION (comm_plan_intention_get_type ())
GType               comm_plan_intention_get_type (void) G_GNUC_CONST;

CommPlanIntention  *comm_plan_intention_new      (int                      year);
/* A deep copy (for an editor to work on). */
CommPlanIntention  *comm_plan_intention_copy     (const CommPlanIntention *intention);
void                comm_plan_intention_free     (CommPlanIntention       *intention);
/* The newest progress update (by date, then id), or NULL. */
const CommPlanUpdate *comm_plan_intention_get_latest_update (const CommPlanIntention *intention);
/* Checks the rules: title given, year 1990-2100, each milestone named with a valid target date
 * and a valid (or no) done date, each update with a valid date and text, each contract link with
 * a contract. INVALID / PARSE with a message naming the intention and the row. */
gboolean            comm_plan_intention_validate (const CommPlanIntention *intention,
                                                  GError                 **error);

CommPlanMilestone    *comm_plan_milestone_new     (const char *name,
                                                   const char *target_date,
                                                   const char *done_date);
void                  comm_plan_milestone_free    (CommPlanMilestone *milestone);
/* @within_days: how far ahead counts as due (e.g. 30). */
CommPlanMilestoneState comm_plan_milestone_get_state (const CommPlanMilestone *milestone,
                                                      const GDate             *today,
                                                      int                      within_days);
CommPlanUpdate       *comm_plan_update_new        (const char *date,
                                                   const char *author,
                                                   const char *text);
void                  comm_plan_update_free       (CommPlanUpdate *update);
CommPlanContractLink *comm_plan_contract_link_new (gint64               contract_id,
                                                   CommPlanContractRole role);
void                  comm_plan_contract_link_free (CommPlanContractLink *link);
CommPlanBudgetLink   *comm_plan_budget_link_new   (gint64      budget_line_id,
                                                   const char *label);
void                  comm_plan_budget_link_free  (CommPlanBudgetLink *link);

/* ---- The store ---- */

/* The intentions of financial year @year (0: every year), details loaded, ordered by year, then
 * as entered. Returns a GPtrArray of CommPlanIntention (free func set). */
GPtrArray          *comm_plan_store_list         (CommDatabase      *db,
                                                  int                year,
                                                  GError           **error);
/* NOT_FOUND if there is no intention @id. */
CommPlanIntention  *comm_plan_store_get          (CommDatabase      *db,
                                                  gint64             id,
                                                  GError           **error);
/* Validates, then inserts (id 0: sets the new id, and the new ids of its rows) or updates,
 * making milestones, updates and links equal the arrays, all in one transaction.
 * On failure nothing is written and @intention is unchanged. */
gboolean            comm_plan_store_save         (CommDatabase      *db,
                                                  CommPlanIntention *intention,
                                                  GError           **error);
/* Removes the intention with its milestones, updates and links. NOT_FOUND if it is not there. */
gboolean            comm_plan_store_delete       (CommDatabase      *db,
                                                  gint64             id,
                                                  GError           **error);
/* The financial years that have intentions, ascending (GArray of int). */
GArray             *comm_plan_store_list_years   (CommDatabase      *db,
                                                  GError           **error);

/* A budget line an intention can link to: a line of a programme's base budget (not a scenario,
 * not deleted) for the year. */
typedef struct {
  gint64  line_id;
  char   *label;   /* "Early Intervention and Prevention 2026-27: Young carers" */
} CommPlanBudgetLineChoice;

void                comm_plan_budget_line_choice_free (CommPlanBudgetLineChoice *choice);
/* The lines of every base budget of financial year @year, by programme then position.
 * GPtrArray of CommPlanBudgetLineChoice (free func set). */
GPtrArray          *comm_plan_store_list_budget_lines (CommDatabase  *db,
                                                       int            year,
                                                       GError       **error);

/* One milestone with its intention, for the due list and the timeline. */
typedef struct {
  gint64                  intention_id;
  char                   *intention_title;
  int                     year;            /* the intention's financial year */
  CommPlanStatus          intention_status;
  gint64                  milestone_id;
  char                   *name;
  char                   *target_date;
  char                   *done_date;       /* NULL while not done */
  CommPlanMilestoneState  state;           /* on the day asked about */
  int                     days;            /* target date - today, in days (negative: overdue) */
} CommPlanMilestoneEntry;

void                comm_plan_milestone_entry_free (CommPlanMilestoneEntry *entry);

/* Milestones not done whose target date is before @today (OVERDUE) or within @within_days of it
 * (DUE), overdue first (oldest first), then due by date; of intentions in @year (0: any year).
 * GPtrArray of CommPlanMilestoneEntry (free func set). */
GPtrArray          *comm_plan_store_list_due     (CommDatabase      *db,
                                                  const GDate       *today,
                                                  int                within_days,
                                                  int                year,
                                                  GError           **error);
/* Every milestone (done or not) whose target date falls in financial years @first_year to
 * @last_year (1 April first_year to 31 March last_year + 1), by target date then intention;
 * state worked out for @today with a 30-day due window. GPtrArray of CommPlanMilestoneEntry. */
GPtrArray          *comm_plan_store_timeline     (CommDatabase      *db,
                                                  int                first_year,
                                                  int                last_year,
                                                  const GDate       *today,
                                                  GError           **error);

/* ---- Demand figures kept beside the plan ---- */

typedef struct {
  gint64  id;
  char   *measure;  /* "Referrals to Social Care" */
  int     year;     /* financial year by its start year */
  gint64  value;    /* a count */
  char   *unit;     /* may be "" ("children", "referrals") */
} CommDemandFigure;

void                comm_demand_figure_free      (CommDemandFigure *figure);

/* Every figure, by measure (in the order first entered/imported) then year.
 * GPtrArray of CommDemandFigure (free func set). */
GPtrArray          *comm_demand_store_list       (CommDatabase      *db,
                                                  GError           **error);
/* Sets (inserts or replaces) the figure for @measure in @year. */
gboolean            comm_demand_store_set        (CommDatabase      *db,
                                                  const char        *measure,
                                                  int                year,
                                                  gint64             value,
                                                  const char        *unit,
                                                  GError           **error);
/* Removes every figure of @measure; NOT_FOUND if there were none. */
gboolean            comm_demand_store_delete_measure (CommDatabase  *db,
                                                      const char    *measure,
                                                      GError       **error);
/* Imports the shape of derby_demand_trends_2011_2015.csv: a header "measure,2011-12,2012-13,..."
 * (years in any form comm_financial_year_parse takes), then one row a measure with a count per
 * year; an empty cell is "no figure". Counts may have thousands separators ("12,045" quoted).
 * Figures already there for the same measure and year are replaced. @unit (may be NULL) is given
 * to every figure. All or nothing, in one transaction; PARSE errors say the line and the column.
 * *n_figures (may be NULL) receives how many figures were stored. */
gboolean            comm_demand_import_csv       (CommDatabase      *db,
                                                  GInputStream      *in,
                                                  const char        *unit,
                                                  guint             *n_figures,
                                                  GError           **error);
/* The same, from the bundled sample (resource samples/derby_demand_trends_2011_2015.csv). */
gboolean            comm_demand_import_derby_sample (CommDatabase   *db,
                                                     guint          *n_figures,
                                                     GError        **error);

/* A count with thousands separators: "12,045". */
char               *comm_demand_format_value     (gint64             value);
/* The change from @from to @to in percent to one decimal, signed: "+8.2%", "-16.9%", "0.0%";
 * "—" when @from is 0. */
char               *comm_demand_format_change    (gint64             from,
                                                  gint64             to);

/* Figures as a table: one row a measure, one column a year (every year any measure has). */
typedef struct _CommDemandTable CommDemandTable;

CommDemandTable    *comm_demand_table_new        (GPtrArray         *figures);
void                comm_demand_table_free       (CommDemandTable   *table);
guint               comm_demand_table_get_n_measures (CommDemandTable *table);
guint               comm_demand_table_get_n_years    (CommDemandTable *table);
const char         *comm_demand_table_get_measure    (CommDemandTable *table,
                                                      guint            row);
const char         *comm_demand_table_get_unit       (CommDemandTable *table,
                                                      guint            row);
int                 comm_demand_table_get_year       (CommDemandTable *table,
                                                      guint            column);
/* FALSE (and *value untouched) where there is no figure. */
gboolean            comm_demand_table_get_value      (CommDemandTable *table,
                                                      guint            row,
                                                      guint            column,
                                                      gint64          *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommPlanIntention, comm_plan_intention_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommPlanMilestone, comm_plan_milestone_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommPlanUpdate, comm_plan_update_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommPlanMilestoneEntry, comm_plan_milestone_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommDemandFigure, comm_demand_figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommDemandTable, comm_demand_table_free)

G_END_DECLS
