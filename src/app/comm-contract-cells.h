/* comm-contract-cells.h: the cells of the contracts register (one factory a column) */
#pragma once

#include <gtk/gtk.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

typedef enum {
  COMM_CONTRACT_CELL_REFERENCE,
  COMM_CONTRACT_CELL_TITLE,
  COMM_CONTRACT_CELL_PROVIDER,
  COMM_CONTRACT_CELL_SERVICE_AREA,
  COMM_CONTRACT_CELL_ANNUAL_VALUE,
  COMM_CONTRACT_CELL_START,
  COMM_CONTRACT_CELL_END,
  COMM_CONTRACT_CELL_STATUS,
  COMM_CONTRACT_CELL_RAG,
  COMM_CONTRACT_CELL_NEXT_MONITORING,
} CommContractCell;

/* What the cells need to word reminders: today and the reminder lead times (months). */
typedef struct {
  GDate   today;
  GArray *leads;   /* of int; may be NULL for the defaults */
} CommContractCellContext;

/* A factory of labels for @cell. @context must outlive the factory (the page owns both). */
GtkListItemFactory *comm_contract_cell_factory_new (CommContractCell         cell,
                                                    CommContractCellContext *context);

/* "in 4 months", "in 12 days", "today"; NULL if the end has passed or is unknown. */
char               *comm_contract_cell_describe_end (CommContract *contract,
                                                     const GDate  *today);
/* The service area as shown: the label of a known code, else the text as stored. */
const char         *comm_contract_cell_area_label   (const char   *area);

G_END_DECLS
