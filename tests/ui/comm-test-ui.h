/* comm-test-ui.h: shared helpers for the UI suite (real windows under Xvfb) */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

/* g_test_init + gtk_init + adw_init; checks the test environment (GTK_A11Y=test, memory
 * GSettings backend, COMMISSIONER_TODAY) so that results are repeatable. */
void       comm_test_ui_init                  (int    *argc,
                                               char ***argv);
/* A fresh workspace file in a new temporary folder, filled with the demo data (comm_demo_populate
 * for COMMISSIONER_TODAY). Free with g_free; the folder is removed at exit. */
char      *comm_test_ui_make_demo_workspace   (void);
/* An empty workspace file in a new temporary folder. */
char      *comm_test_ui_make_empty_workspace  (void);
/* Runs the main loop until nothing is pending, then for @ms more milliseconds (0: just drain). */
void       comm_test_ui_wait                  (guint   ms);
/* Renders @widget (after a layout pass) with the cairo GSK renderer into
 * $COMM_SCREENSHOT_DIR/@name.png (build/screenshots/), asserts the PNG was written, and returns
 * its path (free with g_free). Use the window for whole-window shots. */
char      *comm_test_ui_save_screenshot       (GtkWidget  *widget,
                                               const char *name);
/* Finds the first descendant of @root whose GtkBuildable id / widget name is @name, or NULL. */
GtkWidget *comm_test_ui_find_by_name          (GtkWidget  *root,
                                               const char *name);
/* Finds the first descendant of @root of @type (depth first), or NULL. */
GtkWidget *comm_test_ui_find_by_type          (GtkWidget  *root,
                                               GType       type);
/* The message dialog (a question or a message) on screen, or NULL. */
AdwMessageDialog *comm_test_ui_find_message_dialog (void);
/* Activates a detailed action ("contracts.new", "win.undo") as a key press would reach it from
 * @widget; asserts the action exists and is enabled. */
void       comm_test_ui_activate_action       (GtkWidget  *widget,
                                               const char *action,
                                               GVariant   *parameter);

G_END_DECLS
