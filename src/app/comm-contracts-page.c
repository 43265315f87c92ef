/* comm-contracts-page.c: STUB so the window builds; replaced by the real Contracts tab */
#include "config.h"

#include "comm-contracts-page.h"

struct _CommContractsPage
{
  CommPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CommContractsPage, comm_contracts_page, COMM_TYPE_PAGE)

static void
comm_contracts_page_class_init (CommContractsPageClass *klass)
{
}

static void
comm_contracts_page_init (CommContractsPage *self)
{
}

GtkWidget *
comm_contracts_page_new (void)
{
  return g_object_new (COMM_TYPE_CONTRACTS_PAGE, "title", "Contracts", "icon-name", "x-office-document-symbolic", NULL);
}

GListModel *
comm_contracts_page_get_view_model (CommContractsPage *self)
{
  return NULL;
}

GtkWindow *
comm_contracts_page_open_editor (CommContractsPage *self,
                                 CommContract      *contract)
{
  return NULL;
}
