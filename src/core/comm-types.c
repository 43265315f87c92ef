/* comm-types.c: codes and labels of the domain's closed vocabularies
 *
 * Codes are what the workspace and files store; labels are what the user sees. Labels are marked
 * with N_() here and translated when asked for, so the tables can be static.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-types.h"

typedef struct {
  const char *code;
  const char *label;
} CodeLabel;

static const CodeLabel rag_table[] = {
  [COMM_RAG_NONE]  = { NULL,    N_("Not rated") },
  [COMM_RAG_GREEN] = { "green", N_("Green") },
  [COMM_RAG_AMBER] = { "amber", N_("Amber") },
  [COMM_RAG_RED]   = { "red",   N_("Red") },
};

static const CodeLabel kpi_table[] = {
  [COMM_KPI_NONE]                 = { NULL,                   N_("Not rated") },
  [COMM_KPI_GOOD]                 = { "good",                 N_("Good") },
  [COMM_KPI_APPROACHING_TARGET]   = { "approaching-target",   N_("Approaching target") },
  [COMM_KPI_REQUIRES_IMPROVEMENT] = { "requires-improvement", N_("Requires improvement") },
  [COMM_KPI_INADEQUATE]           = { "inadequate",           N_("Inadequate") },
};

static const CodeLabel status_table[COMM_N_STATUSES] = {
  [COMM_STATUS_PLANNED]    = { "planned",    N_("Planned") },
  [COMM_STATUS_PROCURING]  = { "procuring",  N_("Procuring") },
  [COMM_STATUS_ACTIVE]     = { "active",     N_("Active") },
  [COMM_STATUS_IN_NOTICE]  = { "in-notice",  N_("In notice / to renew") },
  [COMM_STATUS_EXTENDED]   = { "extended",   N_("Extended") },
  [COMM_STATUS_EXPIRED]    = { "expired",    N_("Expired") },
  [COMM_STATUS_TERMINATED] = { "terminated", N_("Terminated") },
};

static const CommChoice service_areas[] = {
  { "family-support",         N_("Family Support") },
  { "young-carers",           N_("Young Carers") },
  { "childrens-centres",      N_("Children's Centres") },
  { "youth",                  N_("Youth") },
  { "neet",                   N_("NEET") },
  { "domestic-abuse",         N_("Domestic Abuse") },
  { "teenage-pregnancy",      N_("Teenage Pregnancy") },
  { "vulnerable-adolescents", N_("Vulnerable Adolescents") },
  { "camhs",                  N_("CAMHS") },
  { "short-breaks",           N_("Short Breaks") },
  { "early-years",            N_("Early Years") },
  { "parenting",              N_("Parenting") },
  { "substance-misuse",       N_("Substance Misuse") },
  { NULL, NULL }
};

static const CommChoice procurement_routes[] = {
  { "open-tender",      N_("Open tender") },
  { "mini-competition", N_("Mini-competition (framework call-off)") },
  { "quotation",        N_("Quotation") },
  { "grant",            N_("Grant") },
  { "direct-award",     N_("Direct award") },
  { "in-house",         N_("In-house") },
  { NULL, NULL }
};

static const CommChoice legal_forms[] = {
  { "charity",   N_("Charity") },
  { "company",   N_("Company") },
  { "cic",       N_("Community interest company") },
  { "nhs-trust", N_("NHS trust") },
  { "in-house",  N_("In-house council service") },
  { "other",     N_("Other") },
  { NULL, NULL }
};

static const CommChoice geographies[] = {
  { "countywide", N_("Countywide") },
  { "area",       N_("Area") },
  { "district",   N_("District") },
  { NULL, NULL }
};

static int
code_lookup (const CodeLabel *table,
             guint            n,
             const char      *code)
{
  if (code == NULL)
    return -1;

  for (guint i = 0; i < n; i++)
    if (table[i].code != NULL && g_ascii_strcasecmp (table[i].code, code) == 0)
      return (int) i;

  return -1;
}

const char *
comm_rag_to_code (CommRag rag)
{
  if ((guint) rag >= G_N_ELEMENTS (rag_table))
    return NULL;
  return rag_table[rag].code;
}

CommRag
comm_rag_from_code (const char *code)
{
  int i = code_lookup (rag_table, G_N_ELEMENTS (rag_table), code);

  return i < 0 ? COMM_RAG_NONE : (CommRag) i;
}

const char *
comm_rag_to_label (CommRag rag)
{
  if ((guint) rag >= G_N_ELEMENTS (rag_table))
    rag = COMM_RAG_NONE;
  return _(rag_table[rag].label);
}

const char *
comm_kpi_rating_to_code (CommKpiRating kpi)
{
  if ((guint) kpi >= G_N_ELEMENTS (kpi_table))
    return NULL;
  return kpi_table[kpi].code;
}

CommKpiRating
comm_kpi_rating_from_code (const char *code)
{
  int i = code_lookup (kpi_table, G_N_ELEMENTS (kpi_table), code);

  return i < 0 ? COMM_KPI_NONE : (CommKpiRating) i;
}

const char *
comm_kpi_rating_to_label (CommKpiRating kpi)
{
  if ((guint) kpi >= G_N_ELEMENTS (kpi_table))
    kpi = COMM_KPI_NONE;
  return _(kpi_table[kpi].label);
}

const char *
comm_contract_status_to_label (CommContractStatus status)
{
  g_return_val_if_fail ((guint) status < COMM_N_STATUSES, "");
  return _(status_table[status].label);
}

const char *
comm_contract_status_to_code (CommContractStatus status)
{
  g_return_val_if_fail ((guint) status < COMM_N_STATUSES, NULL);
  return status_table[status].code;
}

const CommChoice *
comm_service_areas (void)
{
  return service_areas;
}

const CommChoice *
comm_procurement_routes (void)
{
  return procurement_routes;
}

const CommChoice *
comm_legal_forms (void)
{
  return legal_forms;
}

const CommChoice *
comm_geographies (void)
{
  return geographies;
}

const char *
comm_choice_label (const CommChoice *choices,
                   const char       *code)
{
  g_return_val_if_fail (choices != NULL, code);

  if (code == NULL)
    return NULL;

  for (const CommChoice *c = choices; c->code != NULL; c++)
    if (strcmp (c->code, code) == 0)
      return _(c->label);

  return code;
}
