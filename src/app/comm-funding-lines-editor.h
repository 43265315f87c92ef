/* comm-funding-lines-editor.h: the funding lines of a contract, edited in place */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_FUNDING_LINES_EDITOR (comm_funding_lines_editor_get_type ())
G_DECLARE_FINAL_TYPE (CommFundingLinesEditor, comm_funding_lines_editor, COMM, FUNDING_LINES_EDITOR, AdwPreferencesGroup)

/* Signals: "changed" - a line was added, removed or edited. */
GtkWidget *comm_funding_lines_editor_new          (void);
/* Shows @lines (CommFundingLine*, owned by the contract) and edits them in place. New lines
 * start in @default_year (a financial year's start year). */
void       comm_funding_lines_editor_set_lines    (CommFundingLinesEditor *self,
                                                   GPtrArray              *lines,
                                                   int                     default_year);
/* Adds a line (stream "", @default_year, £0) and focuses its stream; returns its row. */
GtkWidget *comm_funding_lines_editor_add_line     (CommFundingLinesEditor *self);
/* Appends, as CommProblem* with field "funding-line:N", the text that could not be read as a
 * financial year or an amount. */
void       comm_funding_lines_editor_collect_problems (CommFundingLinesEditor *self,
                                                       GPtrArray              *problems);
/* Marks the lines named in @problems (fields "funding-line:N") and lists their messages under
 * the group. Other problems are ignored. */
void       comm_funding_lines_editor_show_problems (CommFundingLinesEditor *self,
                                                    GPtrArray              *problems);
/* The entries of line @index (for tests): stream, year and amount. */
gboolean   comm_funding_lines_editor_get_entries  (CommFundingLinesEditor *self,
                                                   guint                   index,
                                                   GtkEditable           **stream,
                                                   GtkEditable           **year,
                                                   GtkEditable           **amount);

G_END_DECLS
