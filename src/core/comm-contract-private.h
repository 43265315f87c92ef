/* comm-contract-private.h: for src/core only - moving a contract's stored fields in and out in one
 * go, which the store needs for 10,000 rows at a time (g_object_set would cost too much) */
#pragma once

#include "comm-contract.h"

G_BEGIN_DECLS

/* The stored fields; strings borrowed, never NULL ("" when empty). */
typedef struct {
  gint64      id;
  const char *reference;
  const char *title;
  const char *service_area;
  const char *description;
  gint64      provider_id;
  const char *lead_commissioner;
  const char *geography;
  const char *procurement_route;
  const char *start_date;
  const char *end_date;
  const char *extension_options;
  int         notice_months;
  const char *review_date;
  const char *extended_to;
  const char *terminated_on;
  gboolean    procuring;
} CommContractRow;

/* Sets every stored field of a contract nobody watches yet (no notifications). */
void comm_contract_load_row (CommContract          *self,
                             const CommContractRow *row);
/* Sets the publishing fields (irrecoverable VAT in pence, department) of a contract nobody
 * watches yet (no notifications); @department NULL is "". */
void comm_contract_load_publishing (CommContract *self,
                                    gint64        irrecoverable_vat,
                                    const char   *department);
/* Reads every stored field; the strings stay owned by the contract. */
void comm_contract_get_row  (CommContract          *self,
                             CommContractRow       *row);

G_END_DECLS
