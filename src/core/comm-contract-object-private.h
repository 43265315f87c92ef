/* comm-contract-object-private.h: for src/core only (comm-contract.c and comm-contract-derived.c) -
 * the insides of CommContract that the object and the computation of its derived values share */
#pragma once

#include "comm-contract-private.h"

G_BEGIN_DECLS

#define ISO_DATE_SIZE 11  /* "YYYY-MM-DD" and the NUL */

enum {
  PROP_0,
  PROP_ID,
  /* stored strings: keep together, in the order of CommContract.text */
  PROP_REFERENCE,
  PROP_TITLE,
  PROP_SERVICE_AREA,
  PROP_DESCRIPTION,
  PROP_LEAD_COMMISSIONER,
  PROP_GEOGRAPHY,
  PROP_PROCUREMENT_ROUTE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_EXTENSION_OPTIONS,
  PROP_REVIEW_DATE,
  PROP_EXTENDED_TO,
  PROP_TERMINATED_ON,
  /* other stored properties */
  PROP_PROVIDER_ID,
  PROP_NOTICE_MONTHS,
  PROP_PROCURING,
  PROP_IRRECOVERABLE_VAT,
  PROP_DEPARTMENT,
  /* derived, read-only */
  PROP_PROVIDER_NAME,
  PROP_VALUE,
  PROP_ANNUAL_VALUE,
  PROP_RAG,
  PROP_RAG_LABEL,
  PROP_RAG_DATE,
  PROP_RAG_COMMENT,
  PROP_LAST_MEETING_DATE,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_EFFECTIVE_END_DATE,
  PROP_NOTICE_DATE,
  PROP_NEXT_MONITORING_DUE,
  PROP_MONITORING_OVERDUE,
  PROP_DAYS_TO_END,
  PROP_ENDING_SOON,
  PROP_SEARCH_KEY,
  N_PROPS
};

#define FIRST_TEXT PROP_REFERENCE
#define N_TEXT (PROP_TERMINATED_ON - PROP_REFERENCE + 1)
#define TEXT(self, prop) ((self)->text[(prop) - FIRST_TEXT])

/* The figures the list query computes in SQL; used while the detail arrays are not loaded. */
typedef struct {
  gint64   value;
  gint64   annual_value;
  CommRag  rag;
  char    *rag_date;
  char    *rag_comment;
  char    *last_meeting_date;
} Summary;

struct _CommContract
{
  GObject             parent_instance;

  gint64              id;
  char               *text[N_TEXT];
  gint64              provider_id;
  int                 notice_months;
  gboolean            procuring;
  gint64              irrecoverable_vat;
  char               *department;

  gboolean            has_details;
  GPtrArray          *funding_lines;  /* the three: NULL until asked for or loaded */
  GPtrArray          *rag_history;
  GPtrArray          *meetings;
  Summary             summary;

  char               *provider_name;
  gint64              value;
  gint64              annual_value;
  CommRag             rag;
  char               *rag_date;
  char               *rag_comment;
  char               *last_meeting_date;
  CommContractStatus  status;
  char                effective_end_date[ISO_DATE_SIZE];
  char                notice_date[ISO_DATE_SIZE];
  char                next_monitoring_due[ISO_DATE_SIZE];
  gboolean            monitoring_overdue;
  int                 days_to_end;
  gboolean            ending_soon;
  char               *search_key;         /* NULL until asked for */
  gboolean            search_key_changed; /* an input changed: notify on the next refresh */
};

/* Notifies @prop_id (a PROP_ value) of @self. */
void _comm_contract_notify          (CommContract *self,
                                     guint         prop_id);
/* Replaces an owned string field (a text[] slot, provider_name, rag_date ...) if it differs,
 * notifying @prop_id (0: no notification); @value NULL is "". */
void _comm_contract_update_string   (CommContract *self,
                                     char        **field,
                                     const char   *value,
                                     guint         prop_id);

/* Whether @prop_id is one of the stored text properties the search key is folded from. */
gboolean _comm_contract_is_search_input (guint prop_id);
/* Drops the folded search key after a change to one of its inputs; the next refresh notifies. */
void _comm_contract_drop_search_key     (CommContract *self);

#define UPDATE_VALUE(self, field, new_value, prop_id) \
  G_STMT_START {                                      \
    if ((self)->field != (new_value))                 \
      {                                               \
        (self)->field = (new_value);                  \
        _comm_contract_notify ((self), (prop_id));    \
      }                                               \
  } G_STMT_END

/* A row of the register never loads its detail arrays: they are made when first asked for
 * (30,000 empty arrays were a megabyte and a half of 10,000 contracts). */
static inline GPtrArray *
_comm_contract_ensure_array (GPtrArray      **array,
                             GDestroyNotify   free_func)
{
  if (*array == NULL)
    *array = g_ptr_array_new_with_free_func (free_func);
  return *array;
}

#define FUNDING_LINES(self) \
  _comm_contract_ensure_array (&(self)->funding_lines, (GDestroyNotify) comm_funding_line_free)
#define RAG_HISTORY(self) \
  _comm_contract_ensure_array (&(self)->rag_history, (GDestroyNotify) comm_rag_entry_free)
#define MEETINGS(self) \
  _comm_contract_ensure_array (&(self)->meetings, (GDestroyNotify) comm_meeting_free)

G_END_DECLS
