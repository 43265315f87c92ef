/* comm-types.h: the small closed vocabularies of the domain, with stored codes and shown labels */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Performance rating. Stored as "green" / "amber" / "red"; NONE is stored as NULL. */
typedef enum {
  COMM_RAG_NONE,
  COMM_RAG_GREEN,
  COMM_RAG_AMBER,
  COMM_RAG_RED,
} CommRag;

/* Procurement Act 2023 KPI rating, kept beside the RAG rating. */
typedef enum {
  COMM_KPI_NONE,
  COMM_KPI_GOOD,
  COMM_KPI_APPROACHING_TARGET,
  COMM_KPI_REQUIRES_IMPROVEMENT,
  COMM_KPI_INADEQUATE,
} CommKpiRating;

/* Derived from dates and decisions, never stored. Order is the sort order. */
typedef enum {
  COMM_STATUS_PLANNED,
  COMM_STATUS_PROCURING,
  COMM_STATUS_ACTIVE,
  COMM_STATUS_IN_NOTICE,   /* "In notice / to renew": inside the notice period before the end */
  COMM_STATUS_EXTENDED,
  COMM_STATUS_EXPIRED,
  COMM_STATUS_TERMINATED,
  COMM_N_STATUSES
} CommContractStatus;

const char     *comm_rag_to_code              (CommRag rag);          /* NULL for NONE */
CommRag         comm_rag_from_code            (const char *code);     /* NONE for NULL/unknown */
const char     *comm_rag_to_label             (CommRag rag);          /* translated: "Green", "Not rated" */

const char     *comm_kpi_rating_to_code       (CommKpiRating kpi);
CommKpiRating   comm_kpi_rating_from_code     (const char *code);
const char     *comm_kpi_rating_to_label      (CommKpiRating kpi);

const char     *comm_contract_status_to_label (CommContractStatus status);  /* translated */
const char     *comm_contract_status_to_code  (CommContractStatus status);  /* "in-notice" ... for files */

/* A code with its translated label, for pick lists. Arrays end with {NULL, NULL}. */
typedef struct {
  const char *code;
  const char *label;  /* untranslated; pass through _() / g_dgettext() to show */
} CommChoice;

const CommChoice *comm_service_areas          (void); /* suggestions; contracts may hold others */
const CommChoice *comm_procurement_routes     (void); /* open-tender, mini-competition, quotation, grant, direct-award, in-house */
const CommChoice *comm_legal_forms            (void); /* charity, company, cic, nhs-trust, in-house, other */
const CommChoice *comm_geographies            (void); /* countywide, area, district */
const char       *comm_choice_label           (const CommChoice *choices,
                                               const char       *code); /* translated, or @code if unknown */

G_END_DECLS
