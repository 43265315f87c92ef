/* comm-risks-sidebar.c: the Risks tab's list of registers, grouped by kind */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-risks-sidebar.h"

struct _CommRisksSidebarItem
{
  GObject  parent_instance;

  gint64   id;        /* -1 heading, 0 top risks */
  char    *title;
  char    *detail;    /* NULL for a heading */
  gboolean warn;      /* reviews overdue */
};

G_DEFINE_FINAL_TYPE (CommRisksSidebarItem, comm_risks_sidebar_item, G_TYPE_OBJECT)

static void
comm_risks_sidebar_item_finalize (GObject *object)
{
  CommRisksSidebarItem *self = COMM_RISKS_SIDEBAR_ITEM (object);

  g_free (self->title);
  g_free (self->detail);

  G_OBJECT_CLASS (comm_risks_sidebar_item_parent_class)->finalize (object);
}

static void
comm_risks_sidebar_item_class_init (CommRisksSidebarItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comm_risks_sidebar_item_finalize;
}

static void
comm_risks_sidebar_item_init (CommRisksSidebarItem *self)
{
}

static CommRisksSidebarItem *
item_new (gint64      id,
          const char *title,
          char       *detail,
          gboolean    warn)
{
  CommRisksSidebarItem *self = g_object_new (COMM_TYPE_RISKS_SIDEBAR_ITEM, NULL);

  self->id = id;
  self->title = g_strdup (title);
  self->detail = detail;
  self->warn = warn;

  return self;
}

static char *
describe_register (CommRiskRegister *reg)
{
  g_autofree char *open = g_strdup_printf (g_dngettext (NULL, "%u open", "%u open", reg->n_open), reg->n_open);

  if (reg->n_overdue > 0)
    {
      g_autofree char *overdue = g_strdup_printf (g_dngettext (NULL, "%u review overdue", "%u reviews overdue",
                                                               reg->n_overdue), reg->n_overdue);

      /* Translators: a register in the sidebar: scale · open risks · overdue reviews */
      return g_strdup_printf (_("%s · %s · %s"), comm_risk_scale_label (reg->scale), open, overdue);
    }

  /* Translators: a register in the sidebar: scale · open risks */
  return g_strdup_printf (_("%s · %s"), comm_risk_scale_label (reg->scale), open);
}

static int
compare_registers (gconstpointer a,
                   gconstpointer b)
{
  CommRiskRegister *x = *(CommRiskRegister **) a, *y = *(CommRiskRegister **) b;

  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;

  return g_utf8_collate (x->name, y->name);
}

/* Rows: a heading is a bold label; a register two labels. */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  CommRisksSidebarItem *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  gboolean heading = entry->id < 0;

  gtk_label_set_text (GTK_LABEL (title), entry->title);
  gtk_label_set_text (GTK_LABEL (detail), entry->detail != NULL ? entry->detail : "");
  gtk_widget_set_visible (detail, !heading);
  set_class (title, "heading", heading);
  set_class (box, "risks-sidebar-heading", heading);
  set_class (detail, "dim-label", !entry->warn);
  set_class (detail, "risk-flag", entry->warn);
  set_class (detail, "risk-overdue", entry->warn);
  gtk_list_item_set_selectable (item, !heading);
  gtk_list_item_set_activatable (item, !heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, entry->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, entry->detail != NULL ? entry->detail : "",
                                  -1);
}

/* Public API */

gint64
comm_risks_sidebar_item_get_id (CommRisksSidebarItem *self)
{
  g_return_val_if_fail (COMM_IS_RISKS_SIDEBAR_ITEM (self), -1);

  return self->id;
}

GListStore *
comm_risks_sidebar_build (GListModel *registers)
{
  static const char * const headings[] = {
    N_("Programme registers"), N_("Procurement registers"), N_("Contract registers"),
  };
  GListStore *items = g_list_store_new (COMM_TYPE_RISKS_SIDEBAR_ITEM);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) built = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = registers != NULL ? g_list_model_get_n_items (registers) : 0;
  int kind = -1;

  g_ptr_array_add (built, item_new (0, _("Top risks across all registers"),
                                    g_strdup (_("The 100 open risks rated highest now")), FALSE));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (registers, i));
  g_ptr_array_sort (sorted, compare_registers);

  for (guint i = 0; i < sorted->len; i++)
    {
      CommRiskRegister *reg = g_ptr_array_index (sorted, i);

      if ((int) reg->kind != kind && reg->kind < G_N_ELEMENTS (headings))
        {
          kind = reg->kind;
          g_ptr_array_add (built, item_new (-1, _(headings[kind]), NULL, FALSE));
        }
      g_ptr_array_add (built, item_new (reg->id, reg->name, describe_register (reg), reg->n_overdue > 0));
    }

  g_list_store_splice (items, 0, 0, built->pdata, built->len);
  return items;
}

GtkListItemFactory *
comm_risks_sidebar_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);

  return factory;
}

guint
comm_risks_sidebar_find (GListModel *items,
                         gint64      id)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommRisksSidebarItem) item = g_list_model_get_item (items, i);

      if (item->id == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}
