/* comm-deep-dive-completion.h: the last page of a Deep Dive - grade, lessons, variation, sign-off */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-deep-dive.h"

G_BEGIN_DECLS

#define COMM_TYPE_DEEP_DIVE_COMPLETION (comm_deep_dive_completion_get_type ())
G_DECLARE_FINAL_TYPE (CommDeepDiveCompletion, comm_deep_dive_completion, COMM, DEEP_DIVE_COMPLETION, AdwBin)

/* Shows and saves @dive's overall grade, lessons learnt and contract variation (saved as you
 * type, like the notes), and holds the sign-off name (the OS user's real name to begin with) and
 * date (today). @dive is the editor's and must outlive the page.
 * Signals: "changed" - the conclusion was saved; "failed" (const char *message). */
CommDeepDiveCompletion *comm_deep_dive_completion_new           (CommDatabase           *database,
                                                                 CommDeepDive           *dive);
void                    comm_deep_dive_completion_set_read_only (CommDeepDiveCompletion *self,
                                                                 gboolean                read_only);
/* Shows the progress (areas judged) and the sign-off again after a change elsewhere. */
void                    comm_deep_dive_completion_update        (CommDeepDiveCompletion *self);
gboolean                comm_deep_dive_completion_flush         (CommDeepDiveCompletion *self);
/* The name typed for the sign-off (trimmed; free it). */
char                   *comm_deep_dive_completion_dup_signer    (CommDeepDiveCompletion *self);
/* The sign-off date as ISO, or FALSE with @error if what was typed is not a date. */
gboolean                comm_deep_dive_completion_get_date      (CommDeepDiveCompletion *self,
                                                                 char                  **iso,
                                                                 GError                **error);
/* Shows @message (NULL to clear) above the Sign Off button. */
void                    comm_deep_dive_completion_show_problem  (CommDeepDiveCompletion *self,
                                                                 const char             *message);
/* Puts the focus on the grade. */
void                    comm_deep_dive_completion_focus         (CommDeepDiveCompletion *self);
AdwComboRow            *comm_deep_dive_completion_get_grade_row (CommDeepDiveCompletion *self);
GtkTextView            *comm_deep_dive_completion_get_lessons_view (CommDeepDiveCompletion *self);
GtkTextView            *comm_deep_dive_completion_get_variation_view (CommDeepDiveCompletion *self);

G_END_DECLS
