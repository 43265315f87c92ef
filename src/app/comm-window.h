/* comm-window.h: the main window - header bar, view switcher, the four tabs, toasts */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_WINDOW (comm_window_get_type ())
G_DECLARE_FINAL_TYPE (CommWindow, comm_window, COMM, WINDOW, AdwApplicationWindow)

/* Actions (group "win"): new-workspace (Ctrl+Shift+N), open-workspace (Ctrl+O),
 * open-recent (string path), save-copy (Ctrl+Shift+S), undo (Ctrl+Z), search (Ctrl+F),
 * show-tab (string: "contracts", "budgets", "deep-dives", "risks"; Alt+1..4). */
CommWindow   *comm_window_new            (GtkApplication *application);
/* Opens @path as the window's workspace (closing the previous one only on success). On failure
 * shows a message saying what and where, keeps the previous workspace and returns FALSE. */
gboolean      comm_window_open_workspace (CommWindow     *self,
                                          const char     *path,
                                          GError        **error);
CommDatabase *comm_window_get_database   (CommWindow     *self);
/* The tab widgets, for tests: "contracts", "budgets", "deep-dives", "risks". */
GtkWidget    *comm_window_get_page       (CommWindow     *self,
                                          const char     *name);
void          comm_window_add_toast      (CommWindow     *self,
                                          AdwToast       *toast);

G_END_DECLS
