/* comm-publication-private.h: for src/core only - the contracts as the publication exports
 * (Transparency Code CSV, OCDS JSON) read them, in one query of their own */
#pragma once

#include <gio/gio.h>

#include "comm-database.h"
#include "comm-file-replace-private.h"
#include "comm-types.h"

G_BEGIN_DECLS

typedef struct {
  gint64              id;
  char               *reference;
  char               *title;
  char               *description;
  char               *department;          /* the contract's own, else the workspace default; may be "" */
  char               *procurement_route;   /* code, "" if unknown */
  char               *start_date;          /* ISO */
  char               *end_date;            /* ISO: the termination date if terminated, else the
                                              extension's end if extended, else the end date */
  char               *review_date;         /* ISO or "" */
  gint64              value;               /* pence: the sum of every funding line */
  gint64              irrecoverable_vat;   /* pence */
  CommContractStatus  status;              /* for today */
  gint64              provider_id;
  char               *provider_name;
  char               *legal_form;          /* code */
  char               *registered_number;   /* trimmed, "" if unknown */
  gboolean            sme;
  gboolean            vcse;
  guint               n_ratings;           /* RAG ratings recorded */
  GPtrArray          *meetings;            /* char* ISO dates of monitoring meetings, oldest first */
} CommPublicationRow;

void comm_publication_row_free (CommPublicationRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommPublicationRow, comm_publication_row_free)

/* Every contract not deleted whose value is over @min_value pence (strictly; -1 for all),
 * by reference (case-insensitive), with its provider, status for today and meeting dates.
 * Contracts with an in-house provider are left out (an agreement with the authority's own
 * service is not a contract with a supplier). Returns CommPublicationRow*, or NULL with @error. */
GPtrArray *comm_publication_rows_load (CommDatabase  *db,
                                       gint64         min_value,
                                       GCancellable  *cancellable,
                                       GError       **error);


G_END_DECLS
