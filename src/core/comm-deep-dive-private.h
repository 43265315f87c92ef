/* comm-deep-dive-private.h: for src/core only - what the Deep Dive stores share: the state of a
 * Deep Dive a write checks (locks, revisions), and reading rows into the public structs */
#pragma once

#include "comm-deep-dive.h"
#include "comm-store-private.h"

G_BEGIN_DECLS

/* What a write needs to know about the Deep Dive it changes. */
typedef struct {
  gint64    id;
  gint64    contract_id;
  int       year;
  gint64    template_id;
  gboolean  started;
  gboolean  signed_off;
  gboolean  contract_deleted;
  gint64    revision;
  char     *label;   /* "the Deep Dive of CON-001 for 2026-27", for messages */
} CommDeepDiveState;

void      _comm_deep_dive_state_clear    (CommDeepDiveState  *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CommDeepDiveState, _comm_deep_dive_state_clear)

/* Reads the state of Deep Dive @id (NOT_FOUND if there is none). */
gboolean  _comm_deep_dive_get_state      (CommDatabase       *db,
                                          gint64              id,
                                          CommDeepDiveState  *state,
                                          GError            **error);
/* The state of the Deep Dive an area belongs to (NOT_FOUND if there is no such area). */
gboolean  _comm_deep_dive_get_area_state (CommDatabase       *db,
                                          gint64              area_id,
                                          CommDeepDiveState  *state,
                                          GError            **error);
/* LOCKED if signed off or its contract is deleted. */
gboolean  _comm_deep_dive_check_writable (const CommDeepDiveState *state,
                                          GError                 **error);
/* LOCKED only if its contract is deleted (what a signed-off Deep Dive still allows). */
gboolean  _comm_deep_dive_check_not_archived (const CommDeepDiveState *state,
                                              GError                 **error);
/* CONFLICT ("@what was changed in another window ...") unless @expected is NULL or *@expected
 * equals @stored. */
gboolean  _comm_deep_dive_check_revision (const char         *what,
                                          gint64              stored,
                                          const gint64       *expected,
                                          GError            **error);
/* Parses an optional ISO date (NULL or "" gives NULL, no error); INVALID naming @field if bad. */
gboolean  _comm_deep_dive_parse_date     (const char         *text,
                                          const char         *field,
                                          char              **iso_out,
                                          GError            **error);
/* @text as ISO, or today's date when NULL or "". */
gboolean  _comm_deep_dive_date_or_today  (const char         *text,
                                          const char         *field,
                                          char              **iso_out,
                                          GError            **error);
/* The OS user, valid UTF-8 (the name the audit trail uses). */
const char *_comm_deep_dive_user_name    (void);

/* Opens a write to Deep Dive @id: begins a transaction (a savepoint inside an open one), reads
 * its @state and checks it is writable and at @revision (NULL: any). On failure nothing is open. */
gboolean  _comm_deep_dive_begin_write    (CommDatabase          *db,
                                          CommStoreTransaction  *transaction,
                                          gint64                 id,
                                          CommDeepDiveState     *state,
                                          const gint64          *revision,
                                          GError               **error);
/* Commits if @ok (and the commit works), else rolls back; returns whether it committed. */
gboolean  _comm_deep_dive_finish_write   (CommStoreTransaction  *transaction,
                                          gboolean               ok,
                                          GError               **error);
/* Steps a bound UPDATE of the Deep Dive row that sets revision = revision + 1 only when a value
 * changes; sets *@revision (may be NULL) to the revision it now has. */
gboolean  _comm_deep_dive_run_update     (CommDatabase             *db,
                                          sqlite3_stmt             *stmt,
                                          const CommDeepDiveState  *state,
                                          gint64                   *revision,
                                          GError                  **error);

/* Column lists and row readers shared by the loaders. */
#define COMM_EVIDENCE_COLUMNS "e.id, e.area_id, e.kind, e.name, e.reference, e.size, e.sha256," \
                              " e.content_type, e.added_at, e.added_by"
#define COMM_ACTION_COLUMNS   "x.id, x.area_id, x.description, x.owner, x.due_on, x.done_on, x.revision"
#define COMM_N_ACTION_COLUMNS 7

CommEvidence       *_comm_evidence_from_row     (sqlite3_stmt       *stmt);
/* Fills @action from the COMM_ACTION_COLUMNS starting at column 0. */
void                _comm_deep_dive_action_read (CommDeepDiveAction *action,
                                                 sqlite3_stmt       *stmt);
/* The action @id as stored (NOT_FOUND if absent). */
CommDeepDiveAction *_comm_deep_dive_action_get  (CommDatabase       *db,
                                                 gint64              id,
                                                 GError            **error);

G_END_DECLS
