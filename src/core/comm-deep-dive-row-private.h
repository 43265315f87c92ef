/* comm-deep-dive-row-private.h: for src/core only - making schedule rows */
#pragma once

#include "comm-deep-dive-schedule.h"

G_BEGIN_DECLS

/* What a schedule row holds (strings owned, never NULL once made by the schedule query). */
typedef struct {
  gint64    contract_id;
  gint64    deep_dive_id;
  int       year;
  char     *contract_reference;
  char     *contract_title;
  char     *provider_name;
  char     *service_area;
  char     *lead_commissioner;
  char     *lead_reviewer;
  char     *provider_contact;
  char     *scheduled_on;
  char     *started_on;
  char     *signed_off_on;
  CommGrade grade;
  guint     areas_judged;
  guint     areas_total;
  guint     open_actions;
  guint     overdue_actions;
  gboolean  active_in_year;
} CommDeepDiveRowData;

/* Takes the strings of @data (which is left zeroed) and computes the status for @today. */
CommDeepDiveRow *_comm_deep_dive_row_new (CommDeepDiveRowData *data,
                                          const GDate         *today);

G_END_DECLS
