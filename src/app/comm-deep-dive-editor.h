/* comm-deep-dive-editor.h: carrying out one Deep Dive - its areas one a page, then sign-off */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-deep-dive.h"

G_BEGIN_DECLS

#define COMM_TYPE_DEEP_DIVE_EDITOR (comm_deep_dive_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommDeepDiveEditor, comm_deep_dive_editor, COMM, DEEP_DIVE_EDITOR, AdwWindow)

/* Loads Deep Dive @id; NULL with @error if it cannot be read.
 * Signals: "changed" - something was written (the schedule shows it again). */
CommDeepDiveEditor *comm_deep_dive_editor_new            (CommDatabase       *database,
                                                          gint64              id,
                                                          GError            **error);
gint64              comm_deep_dive_editor_get_id         (CommDeepDiveEditor *self);
/* The Deep Dive as last read or written (owned by the editor). */
const CommDeepDive *comm_deep_dive_editor_get_deep_dive  (CommDeepDiveEditor *self);
/* The page shown: 0 .. n_areas-1 an area, n_areas the completion page; -1 the start page. */
int                 comm_deep_dive_editor_get_page       (CommDeepDiveEditor *self);
void                comm_deep_dive_editor_show_page      (CommDeepDiveEditor *self,
                                                          int                 page);
/* The widget of page @page (a CommDeepDiveAreaView, or the completion), for tests. */
GtkWidget          *comm_deep_dive_editor_get_page_widget (CommDeepDiveEditor *self,
                                                           int                 page);
/* Saves notes typed but not yet saved (the editor does this by itself after a pause and when
 * it closes). FALSE if a save failed (the editor shows why). */
gboolean            comm_deep_dive_editor_flush          (CommDeepDiveEditor *self);

G_END_DECLS
