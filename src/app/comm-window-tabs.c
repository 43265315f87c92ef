/* comm-window-tabs.c: the window's four tabs, each built when it is first needed
 *
 * The view stack holds one slot (an AdwBin) a tab, with the tab's title and icon; the page in it
 * (a CommPage) is made when the tab is first shown or asked for (comm_window_get_page()), so
 * opening a workspace builds and reads only the tab on screen. Until a tab is built the window
 * flags it from one small query of the workspace (needs_attention below); once built, the page
 * flags itself.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-budget-store.h"
#include "comm-budgets-page.h"
#include "comm-contracts-page.h"
#include "comm-date.h"
#include "comm-deep-dive-schedule.h"
#include "comm-deep-dives-page.h"
#include "comm-risk-store.h"
#include "comm-risks-page.h"
#include "comm-window-private.h"

typedef gboolean (*NeedsAttentionFunc) (CommDatabase *database,
                                        const GDate  *today,
                                        gboolean     *attention,
                                        GError      **error);

static gboolean
budgets_need_attention (CommDatabase *database,
                        const GDate  *today,
                        gboolean     *attention,
                        GError      **error)
{
  g_autoptr(GPtrArray) budgets = comm_budget_store_list (database, 0, error);

  *attention = FALSE;
  for (guint i = 0; budgets != NULL && i < budgets->len; i++)
    *attention |= ((CommBudgetSummary *) g_ptr_array_index (budgets, i))->n_flagged > 0;

  return budgets != NULL;
}

static gboolean
deep_dives_need_attention (CommDatabase *database,
                           const GDate  *today,
                           gboolean     *attention,
                           GError      **error)
{
  return comm_deep_dive_schedule_has_overdue (database, comm_financial_year_of (today), today,
                                              attention, error);
}

/* Keys bound on a page in the window's scope (GTK_SHORTCUT_SCOPE_MANAGED) for the actions the
 * page installs on itself: application accels are looked up from the window, which cannot see
 * a child's actions. They work wherever the focus is while the tab shows. */
typedef struct {
  const char *trigger;
  const char *action;
} TabKey;

static const TabKey contracts_keys[] = {
  { "<Control>n", "contracts.new" },
  { "<Control>d", "contracts.duplicate" },
  { "<Control>e", "contracts.export" },
  { "<Control>p", "contracts.providers" },
  { NULL, NULL }
};

static const TabKey risks_keys[] = {
  { "<Control>n", "risks.new" },
  { "<Control>d", "risks.duplicate" },
  { "<Control>e", "risks.export" },
  { NULL, NULL }
};

static const struct {
  const char         *name;
  const char         *title;
  const char         *icon;
  GtkWidget        *(*make) (void);
  NeedsAttentionFunc  needs_attention;  /* NULL: the tab is always built (the first one) */
  const TabKey       *keys;
} tabs[] = {
  { "contracts",  N_("Contracts"),  "x-office-document-symbolic",     comm_contracts_page_new,  NULL,                       contracts_keys },
  { "budgets",    N_("Budgets"),    "accessories-calculator-symbolic", comm_budgets_page_new,   budgets_need_attention,     NULL },
  { "deep-dives", N_("Deep Dives"), "edit-find-symbolic",             comm_deep_dives_page_new, deep_dives_need_attention,  NULL },
  { "risks",      N_("Risks"),      "dialog-warning-symbolic",        comm_risks_page_new,      comm_risk_register_store_any_overdue, risks_keys },
};

static void
add_keys (GtkWidget    *page,
          const TabKey *keys)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; keys[i].trigger != NULL; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (page, controller);
}

static AdwBin *
get_slot (CommWindow *self,
          guint       index)
{
  return ADW_BIN (adw_view_stack_get_child_by_name (self->stack, tabs[index].name));
}

static CommPage *
ensure_page (CommWindow *self,
             guint       index)
{
  AdwBin *slot = get_slot (self, index);
  AdwViewStackPage *stack_page;
  GtkWidget *page;

  if (adw_bin_get_child (slot) != NULL)
    return COMM_PAGE (adw_bin_get_child (slot));

  page = tabs[index].make ();
  if (tabs[index].keys != NULL)
    add_keys (page, tabs[index].keys);
  adw_bin_set_child (slot, page);
  if (self->database != NULL)
    comm_page_set_database (COMM_PAGE (page), self->database);
  stack_page = adw_view_stack_get_page (self->stack, GTK_WIDGET (slot));
  g_object_bind_property (page, "needs-attention", stack_page, "needs-attention", G_BINDING_SYNC_CREATE);

  return COMM_PAGE (page);
}

static void
on_visible_child_changed_cb (CommWindow *self)
{
  GtkWidget *slot = adw_view_stack_get_visible_child (self->stack);

  for (guint i = 0; slot != NULL && i < G_N_ELEMENTS (tabs); i++)
    if (GTK_WIDGET (get_slot (self, i)) == slot)
      ensure_page (self, i);
}

void
_comm_window_add_tabs (CommWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      GtkWidget *slot = adw_bin_new ();
      AdwViewStackPage *stack_page;

      stack_page = adw_view_stack_add_titled (self->stack, slot, tabs[i].name, _(tabs[i].title));
      adw_view_stack_page_set_icon_name (stack_page, tabs[i].icon);
      if (tabs[i].needs_attention == NULL)
        ensure_page (self, i);
    }
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_comm_window_tabs_set_database (CommWindow   *self,
                                CommDatabase *database)
{
  GDate today;

  comm_date_today (&today);
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      GtkWidget *page = adw_bin_get_child (get_slot (self, i));
      g_autoptr(GError) error = NULL;
      gboolean attention = FALSE;

      if (page != NULL)
        {
          comm_page_set_database (COMM_PAGE (page), database);
          continue;
        }

      /* A failure to read is said in full when the tab is shown and reads the workspace. */
      if (database != NULL && !tabs[i].needs_attention (database, &today, &attention, &error))
        g_debug ("%s tab: %s", tabs[i].name, error->message);
      adw_view_stack_page_set_needs_attention (adw_view_stack_get_page (self->stack, GTK_WIDGET (get_slot (self, i))),
                                               attention);
    }
}

void
_comm_window_tabs_reload (CommWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      GtkWidget *page = adw_bin_get_child (get_slot (self, i));

      if (page != NULL)
        comm_page_reload (COMM_PAGE (page));
    }
  _comm_window_tabs_set_database (self, self->database);
}

CommPage *
_comm_window_peek_page (CommWindow *self,
                        const char *name)
{
  GtkWidget *slot = adw_view_stack_get_child_by_name (self->stack, name);

  return slot != NULL && adw_bin_get_child (ADW_BIN (slot)) != NULL
         ? COMM_PAGE (adw_bin_get_child (ADW_BIN (slot))) : NULL;
}

GtkWidget *
comm_window_get_page (CommWindow *self,
                      const char *name)
{
  g_return_val_if_fail (COMM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    if (g_str_equal (tabs[i].name, name))
      return GTK_WIDGET (ensure_page (self, i));

  return NULL;
}

CommPage *
_comm_window_get_visible_page (CommWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  return name != NULL ? COMM_PAGE (comm_window_get_page (self, name)) : NULL;
}
