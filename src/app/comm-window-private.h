/* comm-window-private.h: what comm-window.c shares with comm-window-actions.c (and the tests) */
#pragma once

#include "comm-page.h"
#include "comm-window.h"

G_BEGIN_DECLS

#define COMM_WINDOW_MAX_RECENT 10

struct _CommWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwViewSwitcherTitle *switcher_title;
  GtkLabel             *workspace_label;
  AdwViewStack         *stack;
  AdwToastOverlay      *toast_overlay;
  GtkMenuButton        *menu_button;
  GMenu                *recent_menu;

  GSettings            *settings;
  CommDatabase         *database;
};

/* comm-window-actions.c */
void          _comm_window_class_actions_init (CommWindowClass *klass);
/* Enables the actions that need an open workspace. */
void          _comm_window_update_actions     (CommWindow      *self);

/* comm-window-tabs.c */
/* Adds the four tabs to the view stack; only the first (Contracts) is built now. */
void          _comm_window_add_tabs           (CommWindow      *self);
/* Gives @database (or NULL) to every built tab, and flags the others from the workspace. */
void          _comm_window_tabs_set_database  (CommWindow      *self,
                                               CommDatabase    *database);
/* Every built tab reloads from the workspace (after a workspace setting changed). */
void          _comm_window_tabs_reload        (CommWindow      *self);
/* The tab's page if it has been built, else NULL (builds nothing). */
CommPage     *_comm_window_peek_page          (CommWindow      *self,
                                               const char      *name);
/* The tab on screen (built if it was not yet). */
CommPage     *_comm_window_get_visible_page   (CommWindow      *self);

/* comm-window.c */
/* Opens @path with @flags (COMM_DATABASE_EXCLUSIVE, optionally READ_ONLY) and makes it the
 * window's workspace; on failure shows the error dialog and keeps the current workspace. */
gboolean      _comm_window_open_with_flags    (CommWindow        *self,
                                               const char        *path,
                                               CommDatabaseFlags  flags,
                                               GError           **error);
/* New Workspace at @path (the suffix added if missing): refuses an existing file. */
gboolean      _comm_window_create_workspace   (CommWindow      *self,
                                               const char      *path,
                                               GError         **error);
/* Save a Copy to @path (the suffix added if missing); toasts on success, dialog on failure. */
gboolean      _comm_window_save_copy          (CommWindow      *self,
                                               const char      *path,
                                               GError         **error);
void          _comm_window_forget_recent      (CommWindow      *self,
                                               const char      *path);
/* A modal message over the window with a Close button; returns it for more responses. */
AdwMessageDialog *_comm_window_show_message   (CommWindow      *self,
                                               const char      *heading,
                                               const char      *body);
/* @path with ".commissioner" appended unless it already ends so (newly allocated). */
char         *_comm_window_ensure_suffix      (const char      *path);
/* The folder the file choosers start in (the user data dir's commissioner folder). */
GFile        *_comm_window_dup_default_folder (void);

G_END_DECLS
