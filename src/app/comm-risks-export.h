/* comm-risks-export.h: the Risks tab's "Export CSV…" */
#pragma once

#include "comm-page.h"

G_BEGIN_DECLS

/* Asks where to save (GtkFileChooserNative), then writes the risks shown, in the order shown,
 * with comm_export_risks_csv_to_file() (the columns the risks import reads back); a toast says
 * how many were saved, a dialog over the page why not. @name names the file ("Early Help"). */
void     comm_risks_export_choose (CommPage    *page,
                                   GListModel  *view,
                                   const char  *name);
/* The writing step alone, as the chooser's Export does (for tests): TRUE and a toast, or FALSE
 * and the error in a dialog. */
gboolean comm_risks_export_write  (CommPage    *page,
                                   GListModel  *view,
                                   const char  *path,
                                   gboolean     bom);

G_END_DECLS
