/* comm-contract.h: a contract, its funding lines, RAG history and monitoring meetings */
#pragma once

#include <glib-object.h>

#include "comm-types.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *stream;      /* funding stream code: WNF, CAMHS, CF, TP, Public Health, DSG ... */
  int     year;        /* financial year by its start year: 2026 = 2026-27 */
  gint64  amount;      /* pence */
} CommFundingLine;

typedef struct {
  gint64         id;
  char          *rated_on;  /* ISO date */
  CommRag        rag;
  CommKpiRating  kpi;
  char          *comment;
} CommRagEntry;

typedef struct {
  gint64  id;
  char   *held_on;  /* ISO date */
  char   *note;
} CommMeeting;

CommFundingLine *comm_funding_line_new  (const char *stream, int year, gint64 amount);
CommFundingLine *comm_funding_line_copy (const CommFundingLine *line);
void             comm_funding_line_free (CommFundingLine *line);
CommRagEntry    *comm_rag_entry_new     (const char *rated_on, CommRag rag, CommKpiRating kpi, const char *comment);
CommRagEntry    *comm_rag_entry_copy    (const CommRagEntry *entry);
void             comm_rag_entry_free    (CommRagEntry *entry);
CommMeeting     *comm_meeting_new       (const char *held_on, const char *note);
CommMeeting     *comm_meeting_copy      (const CommMeeting *meeting);
void             comm_meeting_free      (CommMeeting *meeting);

#define COMM_TYPE_CONTRACT (comm_contract_get_type ())
G_DECLARE_FINAL_TYPE (CommContract, comm_contract, COMM, CONTRACT, GObject)

/* Stored properties (read-write; strings never NULL, "" when empty; dates ISO "YYYY-MM-DD"):
 *   "id" gint64 (0 = unsaved), "reference", "title", "service-area", "description",
 *   "provider-id" gint64 (0 = none), "lead-commissioner", "geography", "procurement-route",
 *   "start-date", "end-date", "extension-options", "notice-months" int, "review-date",
 *   "extended-to" (date an agreed extension runs to, "" if none),
 *   "terminated-on" ("" unless terminated), "procuring" gboolean (a re-procurement is under way),
 *   "irrecoverable-vat" gint64 (pence of VAT the authority cannot recover, for the Transparency
 *   Code; 0 if none), "department" (the department responsible, "" = the workspace's default)
 * Derived properties (read-only; set by comm_contract_refresh_derived() and the store):
 *   "provider-name", "value" gint64 (sum of all funding lines), "annual-value" gint64 (the
 *   funding lines of the current financial year; if none, of the nearest year before it; if none,
 *   of the first year), "rag" int (CommRag), "rag-label", "rag-date", "rag-comment",
 *   "last-meeting-date", "status" int (CommContractStatus), "status-label", "effective-end-date"
 *   (extended-to if set, else end-date), "notice-date", "next-monitoring-due",
 *   "monitoring-overdue" gboolean, "days-to-end" int (from today to the effective end; negative
 *   once ended), "ending-soon" gboolean (a reminder is due: see comm-reminders.h),
 *   "search-key" (folded reference, title, provider, service area, lead commissioner; see comm-text.h;
 *   folded when first read - from one thread at a time - and again after one of those changes).
 * Changing a stored property does not recompute derived ones: call comm_contract_refresh_derived(). */
CommContract *comm_contract_new                (void);
/* A deep copy including arrays; same id. */
CommContract *comm_contract_copy               (CommContract *self);
/* A copy ready to save as a new contract: id 0, reference "<ref>-COPY" (or "-COPY2" ...) chosen
 * by the caller via @new_reference, arrays copied with ids 0, RAG history and meetings dropped. */
CommContract *comm_contract_duplicate          (CommContract *self,
                                                const char   *new_reference);

gint64        comm_contract_get_id             (CommContract *self);
void          comm_contract_set_id             (CommContract *self, gint64 id);
const char   *comm_contract_get_reference      (CommContract *self);
const char   *comm_contract_get_title          (CommContract *self);
const char   *comm_contract_get_provider_name  (CommContract *self);
const char   *comm_contract_get_service_area   (CommContract *self);
gint64        comm_contract_get_provider_id    (CommContract *self);
const char   *comm_contract_get_start_date     (CommContract *self);
const char   *comm_contract_get_end_date       (CommContract *self);
gint64        comm_contract_get_value          (CommContract *self);
gint64        comm_contract_get_annual_value   (CommContract *self);
CommRag       comm_contract_get_rag            (CommContract *self);
CommContractStatus comm_contract_get_status    (CommContract *self);
const char   *comm_contract_get_next_monitoring_due (CommContract *self);
gboolean      comm_contract_get_monitoring_overdue  (CommContract *self);
gboolean      comm_contract_get_ending_soon    (CommContract *self);
const char   *comm_contract_get_search_key     (CommContract *self);
/* Added for the export and tests (plain getters of the properties of the same name). */
const char   *comm_contract_get_lead_commissioner  (CommContract *self);
const char   *comm_contract_get_geography          (CommContract *self);
const char   *comm_contract_get_procurement_route  (CommContract *self);
const char   *comm_contract_get_effective_end_date (CommContract *self);
const char   *comm_contract_get_rag_date           (CommContract *self);
const char   *comm_contract_get_rag_comment        (CommContract *self);
const char   *comm_contract_get_last_meeting_date  (CommContract *self);
/* For publishing (comm-export-transparency.h): */
gint64        comm_contract_get_irrecoverable_vat  (CommContract *self);
const char   *comm_contract_get_department         (CommContract *self);

/* Detail arrays, owned by the contract and editable in place (CommFundingLine*, CommRagEntry*,
 * CommMeeting*); each is made when first asked for (ask from one thread at a time). The list query
 * fills only the derived summary; the store's load_details fills these.
 * RAG history and meetings are kept newest first. */
GPtrArray    *comm_contract_get_funding_lines  (CommContract *self);
GPtrArray    *comm_contract_get_rag_history    (CommContract *self);
GPtrArray    *comm_contract_get_meetings       (CommContract *self);
gboolean      comm_contract_has_details        (CommContract *self);
void          comm_contract_set_has_details    (CommContract *self, gboolean has_details);
void          comm_contract_set_provider_name  (CommContract *self, const char *name);
/* Sets the summary that the list query computes in SQL (used when details are not loaded). */
void          comm_contract_set_summary        (CommContract *self,
                                                gint64        value,
                                                gint64        annual_value,
                                                CommRag       rag,
                                                const char   *rag_date,
                                                const char   *rag_comment,
                                                const char   *last_meeting_date);

/* Recomputes every derived property for @today, using the detail arrays when loaded (else the
 * summary), the reminder lead times @leads (months; NULL = 12, 6, 3) and notifies once. */
void          comm_contract_refresh_derived    (CommContract *self,
                                                const GDate  *today,
                                                const int    *leads,
                                                guint         n_leads);

/* Problems that block saving, as CommProblem* (comm-problem.h): missing reference or title,
 * missing provider, a missing or invalid start or end date, end before start, extended-to before
 * end, negative notice, a funding line with no stream, a year outside 2000-2099 or a negative
 * amount, a RAG entry with no valid date or rating, a meeting with no valid date. Each problem's
 * field is the property name, or "funding-line:N", "rag:N", "meeting:N" (N counted from 0). */
GPtrArray    *comm_contract_validate           (CommContract *self);

G_END_DECLS
