/* comm-rag-history-editor.h: a contract's dated RAG ratings, with a form to add one */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_RAG_HISTORY_EDITOR (comm_rag_history_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommRagHistoryEditor, comm_rag_history_editor, COMM, RAG_HISTORY_EDITOR, AdwPreferencesGroup)

/* Signals: "changed" - a rating was added or an unsaved one removed. Saved ratings are history:
 * they are shown, never edited. */
GtkWidget *comm_rag_history_editor_new           (void);
/* Shows @entries (CommRagEntry*, newest first, owned by the contract); adds go into it. */
void       comm_rag_history_editor_set_history   (CommRagHistoryEditor *self,
                                                  GPtrArray            *entries);
/* Adds a rating as the form does; @rated_on as typed. FALSE (nothing added) if it is not a date. */
gboolean   comm_rag_history_editor_add           (CommRagHistoryEditor *self,
                                                  const char           *rated_on,
                                                  CommRag               rag,
                                                  CommKpiRating         kpi,
                                                  const char           *comment);
/* Lists the messages of problems whose field starts with "rag" under the group. */
void       comm_rag_history_editor_show_problems (CommRagHistoryEditor *self,
                                                  GPtrArray            *problems);

G_END_DECLS
