/* comm-deep-dive.h: one Deep Dive - the annual in-depth review of a contract
 *
 * Life of a Deep Dive (one per contract per financial year):
 *   created (by the schedule, or by hand) with a date or without one  -> Pending / Scheduled
 *   started: its areas are made from the NEWEST version of its checklist template, and from then
 *            on it keeps that version whatever later happens to the template   -> In progress
 *   areas judged, notes, evidence and actions recorded; grade, lessons and variation written
 *   signed off by name and date                                       -> Complete, read-only
 *   reopened with a reason (kept in the audit trail)                  -> In progress again
 * Overdue: see comm_deep_dive_status_compute().
 *
 * Every write below is its own small transaction, so the editor can save as the user types.
 * A write that changes nothing writes nothing (no audit row, no new revision).
 *
 * Two windows editing the same Deep Dive: the Deep Dive itself, each of its areas and each
 * action carry a "revision" number that every change increases. Writes that overwrite take
 * @revision, in-out: pass the revision the caller last read (or last got back from a write);
 * on success it holds the new one. If the stored revision differs - another window saved in
 * between - nothing is written and the error is COMM_ERROR_CONFLICT ("... was changed in another
 * window ... reload ..."). Pass NULL to skip the check (the schedule list, the CLI, the demo).
 * Adding or removing evidence and adding actions never overwrites, so they take no revision.
 *
 * Locks: once signed off, every write fails with COMM_ERROR_LOCKED ("... is signed off; reopen
 * it to change it"), except comm_deep_dive_reopen() and ticking an action done/not done (agreed
 * actions are followed up after sign-off). A Deep Dive whose contract is deleted (soft delete,
 * undoable) is kept with it and is read-only (LOCKED) until the contract is restored. Only when
 * the deleted contract is removed for good (with its provider) do its Deep Dives go with it.
 *
 * Structs are plain, fields public, filled by the functions here; strings never NULL ("" when
 * empty); dates are ISO "YYYY-MM-DD" text, "" when unset.
 */
#pragma once

#include <glib.h>

#include "comm-database.h"
#include "comm-types.h"

G_BEGIN_DECLS

/* Attachments larger than this (50 MB) are refused (the error says so, with the file's size). */
#define COMM_DEEP_DIVE_MAX_ATTACHMENT_SIZE ((gint64) 50 * 1000 * 1000)
/* A Deep Dive started but not signed off this many days after its scheduled date is Overdue. */
#define COMM_DEEP_DIVE_OVERDUE_GRACE_DAYS 28

/* An area's judgement. NONE = not judged yet (stored NULL). */
typedef enum {
  COMM_JUDGEMENT_NONE,
  COMM_JUDGEMENT_MET,
  COMM_JUDGEMENT_PARTLY_MET,
  COMM_JUDGEMENT_NOT_MET,
  COMM_JUDGEMENT_NOT_ASSESSED,
  COMM_N_JUDGEMENTS
} CommJudgement;

/* The overall grade. NONE = not graded yet (stored NULL). */
typedef enum {
  COMM_GRADE_NONE,
  COMM_GRADE_OUTSTANDING,
  COMM_GRADE_GOOD,
  COMM_GRADE_REQUIRES_IMPROVEMENT,
  COMM_GRADE_INADEQUATE,
  COMM_N_GRADES
} CommGrade;

/* Derived, never stored. NONE = the contract has no Deep Dive in the year (schedule rows only).
 * The order is the schedule's sort order. */
typedef enum {
  COMM_DEEP_DIVE_STATUS_NONE,
  COMM_DEEP_DIVE_STATUS_OVERDUE,
  COMM_DEEP_DIVE_STATUS_PENDING,
  COMM_DEEP_DIVE_STATUS_SCHEDULED,
  COMM_DEEP_DIVE_STATUS_IN_PROGRESS,
  COMM_DEEP_DIVE_STATUS_COMPLETE,
  COMM_DEEP_DIVE_N_STATUSES
} CommDeepDiveStatus;

typedef enum {
  COMM_EVIDENCE_FILE,       /* a file stored inside the workspace */
  COMM_EVIDENCE_REFERENCE,  /* a reference text: "Q2 monitoring return, SharePoint > Contracts" */
} CommEvidenceKind;

/* Codes stored and written to files ("met", "partly-met", "not-met", "not-assessed";
 * "outstanding", "good", "requires-improvement", "inadequate"; "none", "overdue", "pending",
 * "scheduled", "in-progress", "complete"); NULL for JUDGEMENT/GRADE NONE. _from_code accepts a
 * code or an English label ignoring case, NONE for NULL or anything else. Labels are translated
 * ("Partly met", "Requires improvement", "No Deep Dive", "In progress"; "Not judged", "Not graded"
 * for NONE). */
const char         *comm_judgement_to_code          (CommJudgement       judgement);
CommJudgement       comm_judgement_from_code        (const char         *code);
const char         *comm_judgement_to_label         (CommJudgement       judgement);
const char         *comm_grade_to_code              (CommGrade           grade);
CommGrade           comm_grade_from_code            (const char         *code);
const char         *comm_grade_to_label             (CommGrade           grade);
const char         *comm_deep_dive_status_to_code   (CommDeepDiveStatus  status);
const char         *comm_deep_dive_status_to_label  (CommDeepDiveStatus  status);
/* The RAG rating a grade suggests when asking whether to update the contract's rating:
 * Outstanding and Good -> Green, Requires improvement -> Amber, Inadequate -> Red, NONE -> NONE. */
CommRag             comm_grade_suggested_rag        (CommGrade           grade);

/* The status from the stored dates, for @today:
 *   Complete     signed off;
 *   Overdue      not signed off, and either not started with the scheduled date before @today,
 *                or started with the scheduled date more than COMM_DEEP_DIVE_OVERDUE_GRACE_DAYS
 *                days before @today;
 *   In progress  started;
 *   Scheduled    a scheduled date (today or later), not started;
 *   Pending      no scheduled date, not started.
 * Empty strings or NULL mean unset. */
CommDeepDiveStatus  comm_deep_dive_status_compute   (const char         *scheduled_on,
                                                     const char         *started_on,
                                                     const char         *signed_off_on,
                                                     const GDate        *today);

typedef struct {
  gint64            id;
  gint64            area_id;       /* the Deep Dive area it supports */
  CommEvidenceKind  kind;
  char             *name;          /* file name ("Q2 return.xlsx") or a short title of the reference */
  char             *reference;     /* REFERENCE: where to find it; FILE: "" */
  gint64            size;          /* FILE: bytes; REFERENCE: 0 */
  char             *sha256;        /* FILE: 64 lower-case hex digits; REFERENCE: "" */
  char             *content_type;  /* FILE: a MIME type guessed from the name and bytes; REFERENCE: "" */
  char             *added_at;      /* ISO 8601 UTC */
  char             *added_by;      /* the OS user */
} CommEvidence;

typedef struct {
  gint64    id;
  gint64    area_id;
  char     *description;  /* what is to be done; never empty once saved */
  char     *owner;        /* who */
  char     *due_on;       /* by when, "" if no date */
  gboolean  done;
  char     *done_on;      /* the date it was ticked done, "" while not done */
  gint64    revision;
} CommDeepDiveAction;

typedef struct {
  gint64         id;
  gint64         checklist_area_id;  /* the template version's area (comm-deep-dive-template.h) */
  guint          number;             /* 1, 2, 3 ... in checklist order */
  char          *title;              /* from the template version */
  char          *guidance;
  GStrv          prompts;            /* never NULL */
  CommJudgement  judgement;
  char          *notes;
  gint64         revision;
  GPtrArray     *evidence;           /* CommEvidence* (no file contents), oldest first; never NULL */
  GPtrArray     *actions;            /* CommDeepDiveAction*, oldest first; never NULL */
} CommDeepDiveArea;

typedef struct {
  gint64      id;
  gint64      contract_id;
  int         year;                 /* financial year by its start: 2026 = 2026-27 */
  gint64      template_id;
  gint64      template_version_id;  /* 0 until started */
  int         template_version;     /* 0 until started */
  char       *template_name;        /* the version's name once started, else the template's */
  char       *scheduled_on;
  char       *lead_reviewer;
  char       *reviewers;            /* other reviewers, free text ("A. Patel, J. Okafor") */
  char       *provider_contact;     /* who the provider sends, free text */
  char       *started_on;
  CommGrade   grade;
  char       *lessons;              /* lessons learnt */
  char       *variation;            /* the contract variation agreed, "" if none */
  gboolean    variation_agreed;     /* a variation of the contract (contract_id) was agreed */
  char       *signed_off_by;
  char       *signed_off_on;
  char       *reopened_on;          /* the last reopening, "" if never reopened */
  char       *reopened_by;
  char       *reopen_reason;
  gint64      revision;
  /* Facts of the contract, read with it (for headings and reports). */
  char       *contract_reference;
  char       *contract_title;
  char       *provider_name;
  char       *service_area;
  char       *lead_commissioner;
  gboolean    contract_deleted;     /* archived with its (soft-deleted) contract: read-only */
  GPtrArray  *areas;                /* CommDeepDiveArea* in order; empty until started; never NULL */
} CommDeepDive;

void                comm_evidence_free              (CommEvidence        *evidence);
CommDeepDiveAction *comm_deep_dive_action_copy      (const CommDeepDiveAction *action);
void                comm_deep_dive_action_free      (CommDeepDiveAction  *action);
void                comm_deep_dive_area_free        (CommDeepDiveArea    *area);
void                comm_deep_dive_free             (CommDeepDive        *dive);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommEvidence, comm_evidence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommDeepDiveAction, comm_deep_dive_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommDeepDiveArea, comm_deep_dive_area_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommDeepDive, comm_deep_dive_free)

/* comm_deep_dive_status_compute() of the Deep Dive's dates. */
CommDeepDiveStatus  comm_deep_dive_get_status       (const CommDeepDive  *dive,
                                                     const GDate         *today);
/* Areas judged out of the total. "Not assessed" counts as judged (it is a decision the reviewers
 * made and recorded); only areas with no judgement at all are not. 0 of 0 before it is started. */
void                comm_deep_dive_get_progress     (const CommDeepDive  *dive,
                                                     guint               *judged,
                                                     guint               *total);
/* TRUE if signed off or its contract is deleted (every write but the exceptions above fails). */
gboolean            comm_deep_dive_is_read_only     (const CommDeepDive  *dive);
/* The area with that id, or NULL. */
CommDeepDiveArea   *comm_deep_dive_find_area        (const CommDeepDive  *dive,
                                                     gint64               area_id);

/* ---- Reading ---------------------------------------------------------------------------- */

/* The whole Deep Dive: its fields, contract facts, areas with their template text, evidence
 * (names, sizes, hashes - never the file contents) and actions. NOT_FOUND if absent. The Deep
 * Dive of a deleted contract loads too, with contract_deleted TRUE. */
CommDeepDive       *comm_deep_dive_load             (CommDatabase  *db,
                                                     gint64         id,
                                                     GError       **error);
/* The id of the contract's Deep Dive for @year, 0 if none (or on error). */
gint64              comm_deep_dive_find             (CommDatabase  *db,
                                                     gint64         contract_id,
                                                     int            year);
/* The ids of every Deep Dive of a contract (deleted or not), newest year first, as gint64. */
GArray             *comm_deep_dive_list_for_contract (CommDatabase *db,
                                                      gint64        contract_id,
                                                      GError      **error);

/* ---- Creating and scheduling ------------------------------------------------------------ */

/* A new Deep Dive of @contract_id for @year using the default template (not started).
 * @scheduled_on NULL or "" leaves it Pending; otherwise it must be a date in the financial year.
 * @lead_reviewer NULL uses the contract's lead commissioner. Returns its id, 0 on error:
 * NOT_FOUND (no such contract), LOCKED (the contract is deleted), INVALID (the contract already
 * has a Deep Dive that year - the message names the contract and year -, a bad or out-of-year
 * date, a year outside 2000-2098). */
gint64              comm_deep_dive_create           (CommDatabase  *db,
                                                     gint64         contract_id,
                                                     int            year,
                                                     const char    *scheduled_on,
                                                     const char    *lead_reviewer,
                                                     GError       **error);
/* Deletes a Deep Dive that has not been started (INVALID once started: its record is kept). */
gboolean            comm_deep_dive_delete           (CommDatabase  *db,
                                                     gint64         id,
                                                     GError       **error);
/* Moves it to @scheduled_on (a date inside its financial year, INVALID otherwise), or with NULL
 * or "" takes the date away (Pending). */
gboolean            comm_deep_dive_set_scheduled_on (CommDatabase  *db,
                                                     gint64         id,
                                                     const char    *scheduled_on,
                                                     gint64        *revision,
                                                     GError       **error);
/* Sets the lead reviewer, other reviewers and provider contact (NULL leaves one as it is). */
gboolean            comm_deep_dive_set_people       (CommDatabase  *db,
                                                     gint64         id,
                                                     const char    *lead_reviewer,
                                                     const char    *reviewers,
                                                     const char    *provider_contact,
                                                     gint64        *revision,
                                                     GError       **error);
/* Starts it on @started_on (NULL = today): fixes its template version to the newest version of
 * its template and makes one area row per checklist area. INVALID if already started. */
gboolean            comm_deep_dive_start            (CommDatabase  *db,
                                                     gint64         id,
                                                     const char    *started_on,
                                                     gint64        *revision,
                                                     GError       **error);

/* ---- Carrying it out --------------------------------------------------------------------- */

/* Saves an area's judgement and notes (NULL @notes keeps the notes). A no-op (TRUE, revision
 * unchanged) when both are as stored. @revision is the AREA's revision. */
gboolean            comm_deep_dive_save_area        (CommDatabase  *db,
                                                     gint64         area_id,
                                                     CommJudgement  judgement,
                                                     const char    *notes,
                                                     gint64        *revision,
                                                     GError       **error);

/* Stores the file @path inside the workspace as evidence of @area_id: name (the file's base
 * name), size, SHA-256 and the bytes (streamed, not read whole into memory). Fails with
 * NOT_FOUND ("The file “…” does not exist"), FAILED (cannot be read: the message names the file
 * and why), INVALID (a folder, or larger than COMM_DEEP_DIVE_MAX_ATTACHMENT_SIZE: "“…” is 63.2 MB;
 * files attached to a Deep Dive can be at most 50 MB"), LOCKED. On success returns the new
 * evidence (without contents), else NULL. */
CommEvidence       *comm_deep_dive_add_evidence_file (CommDatabase *db,
                                                      gint64        area_id,
                                                      const char   *path,
                                                      GError      **error);
/* The same from bytes already in memory, named @name (the demo; pasted content). */
CommEvidence       *comm_deep_dive_add_evidence_bytes (CommDatabase *db,
                                                       gint64        area_id,
                                                       const char   *name,
                                                       GBytes       *bytes,
                                                       GError      **error);
/* A reference text: @name a short title (required), @reference where to find it (may be ""). */
CommEvidence       *comm_deep_dive_add_evidence_reference (CommDatabase *db,
                                                           gint64        area_id,
                                                           const char   *name,
                                                           const char   *reference,
                                                           GError      **error);
gboolean            comm_deep_dive_remove_evidence  (CommDatabase  *db,
                                                     gint64         evidence_id,
                                                     GError       **error);
/* The evidence of one area, without contents (lazy: what the editor lists). */
GPtrArray          *comm_deep_dive_list_evidence    (CommDatabase  *db,
                                                     gint64         area_id,
                                                     GError       **error);
/* The stored bytes of a FILE evidence (INVALID for a reference, NOT_FOUND if absent). */
GBytes             *comm_deep_dive_read_attachment  (CommDatabase  *db,
                                                     gint64         evidence_id,
                                                     GError       **error);
/* Writes the stored bytes to @dest_path (replaced atomically, mode 0600). */
gboolean            comm_deep_dive_write_attachment (CommDatabase  *db,
                                                     gint64         evidence_id,
                                                     const char    *dest_path,
                                                     GError       **error);
/* Writes the bytes to a new private folder under the temporary folder, under the evidence's
 * own name, for opening with the system viewer; returns the file's path (the caller may delete
 * it and its folder once the viewer is done; the OS clears the temporary folder otherwise). */
char               *comm_deep_dive_write_attachment_temp (CommDatabase *db,
                                                          gint64        evidence_id,
                                                          GError      **error);

/* Adds an action to an area: @description required (INVALID if empty), @owner may be "",
 * @due_on NULL/"" or a date. Returns the new action, NULL on error. */
CommDeepDiveAction *comm_deep_dive_add_action       (CommDatabase  *db,
                                                     gint64         area_id,
                                                     const char    *description,
                                                     const char    *owner,
                                                     const char    *due_on,
                                                     GError       **error);
/* Saves @action's description, owner, due date and done flag (done_on is set to today when it
 * becomes done, cleared when not). Uses and updates action->revision (CONFLICT if stale).
 * On a signed-off Deep Dive only a change of the done flag is allowed. */
gboolean            comm_deep_dive_update_action    (CommDatabase        *db,
                                                     CommDeepDiveAction  *action,
                                                     GError             **error);
/* Ticks an action done or not done (allowed after sign-off). @revision is the ACTION's. */
gboolean            comm_deep_dive_set_action_done  (CommDatabase  *db,
                                                     gint64         action_id,
                                                     gboolean       done,
                                                     gint64        *revision,
                                                     GError       **error);
gboolean            comm_deep_dive_delete_action    (CommDatabase  *db,
                                                     gint64         action_id,
                                                     GError       **error);

/* ---- Completion --------------------------------------------------------------------------- */

/* Saves the overall grade, lessons learnt and contract variation (NULL text keeps it). */
gboolean            comm_deep_dive_save_conclusion  (CommDatabase  *db,
                                                     gint64         id,
                                                     CommGrade      grade,
                                                     const char    *lessons,
                                                     const char    *variation,
                                                     gboolean       variation_agreed,
                                                     gint64        *revision,
                                                     GError       **error);
/* Signs it off by @name on @signed_off_on (NULL = today). INVALID, naming what is missing, if it
 * is not started, an area has no judgement ("Area 4 … has no judgement yet"), there is no grade,
 * the name is empty, or the date is before the start. Afterwards it is read-only. */
gboolean            comm_deep_dive_sign_off         (CommDatabase  *db,
                                                     gint64         id,
                                                     const char    *name,
                                                     const char    *signed_off_on,
                                                     gint64        *revision,
                                                     GError       **error);
/* Reopens a signed-off Deep Dive: @reason must not be empty (INVALID). Records the reason,
 * who and when in the Deep Dive and as a note in the audit trail (table "deep_dives", its id),
 * and clears the sign-off. INVALID if it is not signed off. */
gboolean            comm_deep_dive_reopen           (CommDatabase  *db,
                                                     gint64         id,
                                                     const char    *reason,
                                                     gint64        *revision,
                                                     GError       **error);
/* Adds a rating to the contract's RAG history (through the contract store) on @rated_on (NULL =
 * today) with @comment (NULL = "Deep Dive 2026-27: <grade>"). Only when the user asked for it.
 * LOCKED if the contract is deleted; INVALID for COMM_RAG_NONE. */
gboolean            comm_deep_dive_apply_rag        (CommDatabase  *db,
                                                     gint64         id,
                                                     CommRag        rag,
                                                     const char    *comment,
                                                     const char    *rated_on,
                                                     GError       **error);

G_END_DECLS
