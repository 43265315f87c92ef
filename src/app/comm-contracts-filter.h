/* comm-contracts-filter.h: which contracts the register shows (search and filters in one GtkFilter) */
#pragma once

#include <gtk/gtk.h>

#include "commissioner-core.h"
#include "comm-contract-banding.h"

G_BEGIN_DECLS

#define COMM_TYPE_CONTRACTS_FILTER (comm_contracts_filter_get_type ())
G_DECLARE_FINAL_TYPE (CommContractsFilter, comm_contracts_filter, COMM, CONTRACTS_FILTER, GtkFilter)

/* Each setter tells the filter list model how the match changed (more strict, less strict or
 * different), so typing more of a word only re-checks the rows still shown. */
CommContractsFilter *comm_contracts_filter_new              (void);
/* Words to find in the reference, title, provider, service area and lead commissioner; folded
 * with comm_text_fold (case, accents, look-alike letters). NULL or "" shows all. */
void                 comm_contracts_filter_set_search       (CommContractsFilter *self,
                                                             const char          *text);
/* The service area as shown (comm_choice_label of the stored text); NULL for all. */
void                 comm_contracts_filter_set_area         (CommContractsFilter *self,
                                                             const char          *area_label);
/* A CommContractStatus, or -1 for all. */
void                 comm_contracts_filter_set_status       (CommContractsFilter *self,
                                                             int                  status);
/* A CommRag (COMM_RAG_NONE = not rated), or -1 for all. */
void                 comm_contracts_filter_set_rag          (CommContractsFilter *self,
                                                             int                  rag);
/* Only contracts whose effective end date is from @from_iso to @to_iso inclusive; NULLs for all. */
void                 comm_contracts_filter_set_end_range    (CommContractsFilter *self,
                                                             const char          *from_iso,
                                                             const char          *to_iso);
/* Only contracts whose monitoring meeting is overdue. */
void                 comm_contracts_filter_set_overdue_only (CommContractsFilter *self,
                                                             gboolean             overdue_only);
/* Which banding a contract must have (comm-contract-banding.h). */
typedef enum {
  COMM_CONTRACTS_BANDING_RISK,      /* current risk banding == value (0-3) */
  COMM_CONTRACTS_BANDING_EQUALITY,  /* current equality impact banding == value (1-3) */
  COMM_CONTRACTS_BANDING_NONE,      /* never banded */
} CommContractsBandingKind;

/* Only contracts whose current banding in @current (comm_contract_banding_current_all; a
 * reference is kept) passes @kind and @value; NULL @current for all. */
void                 comm_contracts_filter_set_banding      (CommContractsFilter *self,
                                                             GHashTable          *current,
                                                             int                  kind,
                                                             int                  value);
/* TRUE when anything narrows the list (search text or a filter). */
gboolean             comm_contracts_filter_is_active        (CommContractsFilter *self);

G_END_DECLS
