/* comm-deep-dive-area-view.h: one checklist area of a Deep Dive, as a page of the editor */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-deep-dive.h"

G_BEGIN_DECLS

#define COMM_TYPE_DEEP_DIVE_AREA_VIEW (comm_deep_dive_area_view_get_type ())
G_DECLARE_FINAL_TYPE (CommDeepDiveAreaView, comm_deep_dive_area_view, COMM, DEEP_DIVE_AREA_VIEW, AdwBin)

/* Shows @area (owned by the editor's Deep Dive, which must outlive the view) of @n_areas: its
 * guidance and prompts, the judgement, the notes (saved as you type, half a second after the last
 * key, and when the editor closes), evidence and actions.
 * Signals: "judged" - the judgement was saved; "changed" - something was written;
 * "failed" (const char *message) - a write failed (the editor shows the message). */
CommDeepDiveAreaView *comm_deep_dive_area_view_new            (CommDatabase         *database,
                                                               CommDeepDiveArea     *area,
                                                               guint                 n_areas);
CommDeepDiveArea     *comm_deep_dive_area_view_get_area       (CommDeepDiveAreaView *self);
/* Read-only views refuse every change but ticking actions done. */
void                  comm_deep_dive_area_view_set_read_only  (CommDeepDiveAreaView *self,
                                                               gboolean              read_only);
/* Saves notes typed and not yet saved. FALSE if that failed. */
gboolean              comm_deep_dive_area_view_flush          (CommDeepDiveAreaView *self);
/* Puts the keyboard focus on the judgement chosen (or the first choice). */
void                  comm_deep_dive_area_view_focus          (CommDeepDiveAreaView *self);
/* The judgement button of @judgement (not NONE), for tests. */
GtkWidget            *comm_deep_dive_area_view_get_judgement_button (CommDeepDiveAreaView *self,
                                                                     CommJudgement         judgement);
GtkTextView          *comm_deep_dive_area_view_get_notes_view (CommDeepDiveAreaView *self);
GtkWidget            *comm_deep_dive_area_view_get_evidence   (CommDeepDiveAreaView *self);
GtkWidget            *comm_deep_dive_area_view_get_actions    (CommDeepDiveAreaView *self);

G_END_DECLS
