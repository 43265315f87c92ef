/* comm-page.h: the abstract base of a tab in the main window */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

#define COMM_TYPE_PAGE (comm_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CommPage, comm_page, COMM, PAGE, AdwBin)

struct _CommPageClass
{
  AdwBinClass parent_class;

  /* The workspace changed (NULL when closed); reload everything. */
  void     (*database_changed) (CommPage *self,
                                CommDatabase *database);
  /* Ctrl+F: focus the page's search, if it has one. */
  void     (*start_search)     (CommPage *self);
  /* Ctrl+Z: undo the page's last undoable change; FALSE if there was nothing to undo. */
  gboolean (*undo)             (CommPage *self);
};

/* Properties: "database" (CommDatabase, read-write), "title" (string, construct), "icon-name"
 * (string, construct), "needs-attention" (gboolean: e.g. overdue monitoring). */
CommDatabase *comm_page_get_database   (CommPage     *self);
void          comm_page_set_database   (CommPage     *self,
                                        CommDatabase *database);
const char   *comm_page_get_title      (CommPage     *self);
const char   *comm_page_get_icon_name  (CommPage     *self);
/* Reloads the page from its workspace (after a workspace setting changed). */
void          comm_page_reload         (CommPage     *self);
void          comm_page_start_search   (CommPage     *self);
gboolean      comm_page_undo           (CommPage     *self);
/* Shows @toast in the nearest AdwToastOverlay above the page (the window's). Takes ownership. */
void          comm_page_add_toast      (CommPage     *self,
                                        AdwToast     *toast);
/* Shows an error in a modal AdwMessageDialog over the page's window: @heading, then
 * @error->message. */
void          comm_page_show_error     (CommPage     *self,
                                        const char   *heading,
                                        const GError *error);

G_END_DECLS
