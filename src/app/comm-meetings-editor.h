/* comm-meetings-editor.h: a contract's monitoring meetings, with a form to record one */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_MEETINGS_EDITOR (comm_meetings_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommMeetingsEditor, comm_meetings_editor, COMM, MEETINGS_EDITOR, AdwPreferencesGroup)

/* Signals: "changed" - a meeting was recorded or an unsaved one removed. */
GtkWidget *comm_meetings_editor_new           (void);
/* Shows @meetings (CommMeeting*, newest first, owned by the contract); records go into it. */
void       comm_meetings_editor_set_meetings  (CommMeetingsEditor *self,
                                               GPtrArray          *meetings);
/* Records a meeting as the form does; @held_on as typed. FALSE (nothing added) if not a date. */
gboolean   comm_meetings_editor_add           (CommMeetingsEditor *self,
                                               const char         *held_on,
                                               const char         *note);
/* Lists the messages of problems whose field starts with "meeting" under the group. */
void       comm_meetings_editor_show_problems (CommMeetingsEditor *self,
                                               GPtrArray          *problems);

G_END_DECLS
