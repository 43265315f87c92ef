/* comm-report-subjects.h: what a report that needs a programme or a risk register can be about */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

/* The names a report with @flags (COMM_REPORT_NEEDS_PROGRAMME or COMM_REPORT_NEEDS_REGISTER) can
 * be about, in the workspace's order: budget programmes, or risk registers. Empty if the
 * workspace has none (or could not be read). */
GtkStringList *comm_report_subjects_new (CommDatabase *database,
                                         guint         flags);
/* The position of @name in @subjects, ignoring case; GTK_INVALID_LIST_POSITION if absent. */
guint          comm_report_subjects_find (GtkStringList *subjects,
                                          const char    *name);
/* Titles @row for the subject of a report with @flags, lists the subjects in it and selects
 * @wanted (ignoring case) if it is there. */
void           comm_report_subjects_fill (AdwComboRow   *row,
                                          CommDatabase  *database,
                                          guint          flags,
                                          const char    *wanted);

G_END_DECLS
