/* comm-provider.h: a provider (charity, company, CIC, NHS trust, in-house service) */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One inspection judgement: the framework is kept with the grade (Ofsted EIF, CQC, report card ...). */
typedef struct {
  gint64  id;
  char   *framework;
  char   *inspected_on;  /* ISO date */
  char   *grade;         /* "Outstanding", "Good", "Requires improvement", "Inadequate" or the framework's own */
} CommInspection;

CommInspection *comm_inspection_new  (const char *framework, const char *inspected_on, const char *grade);
CommInspection *comm_inspection_copy (const CommInspection *inspection);
void            comm_inspection_free (CommInspection *inspection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommInspection, comm_inspection_free)

#define COMM_TYPE_PROVIDER (comm_provider_get_type ())
G_DECLARE_FINAL_TYPE (CommProvider, comm_provider, COMM, PROVIDER, GObject)

/* Properties (all read-write): "id" gint64 (0 = not yet saved), "name", "legal-form" (code from
 * comm_legal_forms()), "registered-number", "address", "contact-name", "contact-email",
 * "contact-phone" (strings, never NULL: "" when empty), "sme", "vcse" (gboolean),
 * read-only: "latest-grade" (string: the newest inspection's grade, "" if none),
 * "contract-count" (guint, filled by the store). */
CommProvider *comm_provider_new              (void);
CommProvider *comm_provider_copy             (CommProvider *self);  /* deep copy, same id */
gint64        comm_provider_get_id           (CommProvider *self);
void          comm_provider_set_id           (CommProvider *self, gint64 id);
const char   *comm_provider_get_name         (CommProvider *self);
void          comm_provider_set_name         (CommProvider *self, const char *name);
const char   *comm_provider_get_legal_form   (CommProvider *self);
const char   *comm_provider_get_registered_number (CommProvider *self);
gboolean      comm_provider_get_sme          (CommProvider *self);
gboolean      comm_provider_get_vcse         (CommProvider *self);
/* CommInspection*, newest first after loading; owned by the provider, editable in place. */
GPtrArray    *comm_provider_get_inspections  (CommProvider *self);
const char   *comm_provider_get_latest_grade (CommProvider *self);
guint         comm_provider_get_contract_count (CommProvider *self);
/* For the store: sets "contract-count" (read-only as a property). */
void          comm_provider_set_contract_count (CommProvider *self, guint count);
/* Field problems as CommProblem* (see comm-problem.h): empty name, unknown legal form,
 * an inspection without a valid date or grade. */
GPtrArray    *comm_provider_validate         (CommProvider *self);

G_END_DECLS
