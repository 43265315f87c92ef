/* comm-deep-dives-export.h: the Deep Dives tab's "Export Schedule CSV…" and "Export Actions CSV…" */
#pragma once

#include "comm-page.h"

G_BEGIN_DECLS

/* Asks where to save (GtkFileChooserNative, with "Include byte-order mark for Excel"), then
 * writes the schedule of financial year @year (@actions FALSE) or every Deep Dive action (@actions
 * TRUE) through comm-export-deep-dives.h, and says so in a toast on @page (or shows the error). */
void     comm_deep_dives_export_choose (CommPage *page,
                                        int       year,
                                        gboolean  actions);
/* The same without asking, to @path (tests). Returns the rows written, or 0 with @error set. */
guint    comm_deep_dives_export_to     (CommPage    *page,
                                        int          year,
                                        gboolean     actions,
                                        const char  *path,
                                        gboolean     bom,
                                        GError     **error);

G_END_DECLS
