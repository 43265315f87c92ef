/* comm-editor-support.h: what the contract and provider editors share */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

/* Hides @editor now and destroys it once the main loop is idle: for closing a window from the
 * response of a question transient for it (GTK 4.8 touches the parent as the question goes). */
void       comm_editor_destroy_soon    (GtkWindow  *editor);
/* Asks whether to throw away unsaved changes; destroys @editor (comm_editor_destroy_soon) only
 * if the answer is yes. Returns the question's window (for tests). */
GtkWindow *comm_editor_confirm_discard (GtkWindow  *editor,
                                        const char *body);
/* Adds or removes the "error" style class. */
void       comm_editor_mark           (GtkWidget  *widget,
                                       gboolean    bad);
/* The messages of @problems whose field is one of @fields (NULL-terminated; a field ending in
 * ':' or '*' matches by prefix), one a line; NULL @fields takes every problem. */
char      *comm_editor_problem_text   (GPtrArray          *problems,
                                       const char * const *fields);
/* Shows @text in @label, hiding it when empty. */
void       comm_editor_show_message   (GtkLabel   *label,
                                       const char *text);
/* Reads the date typed in @row into @object's @property (ISO, "" when blank). A date that cannot
 * be read adds a problem for @property to @problems and sets the property to "". The row's
 * suffix label @hint shows the date read back. */
void       comm_editor_read_date      (AdwEntryRow *row,
                                       GtkLabel    *hint,
                                       GObject     *object,
                                       const char  *property,
                                       GPtrArray   *problems);

G_END_DECLS
