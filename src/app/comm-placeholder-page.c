/* comm-placeholder-page.c: a tab that a later version builds, saying so plainly
 *
 * The tab shows a status page: what is coming, and a sentence on what the tab will do. It has
 * no search and nothing to undo, so it keeps the CommPage defaults.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-placeholder-page.h"

struct _CommPlaceholderPage
{
  CommPage       parent_instance;

  AdwStatusPage *status_page;
  char          *description;
};

enum {
  PROP_0,
  PROP_DESCRIPTION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CommPlaceholderPage, comm_placeholder_page, COMM_TYPE_PAGE)

static GParamSpec *properties[N_PROPS];

static void
comm_placeholder_page_constructed (GObject *object)
{
  CommPlaceholderPage *self = COMM_PLACEHOLDER_PAGE (object);
  CommPage *page = COMM_PAGE (object);
  g_autofree char *heading = NULL;

  G_OBJECT_CLASS (comm_placeholder_page_parent_class)->constructed (object);

  /* Translators: %s is the name of a tab in plural, e.g. "Budgets" or "Risks" */
  heading = g_strdup_printf (_("%s are coming in a later version"),
                             comm_page_get_title (page) != NULL ? comm_page_get_title (page) : "");

  adw_status_page_set_title (self->status_page, heading);
  adw_status_page_set_icon_name (self->status_page, comm_page_get_icon_name (page));
  adw_status_page_set_description (self->status_page, self->description);
}

static void
comm_placeholder_page_finalize (GObject *object)
{
  CommPlaceholderPage *self = COMM_PLACEHOLDER_PAGE (object);

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (comm_placeholder_page_parent_class)->finalize (object);
}

static void
comm_placeholder_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CommPlaceholderPage *self = COMM_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_placeholder_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CommPlaceholderPage *self = COMM_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_free (self->description);
      self->description = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_placeholder_page_class_init (CommPlaceholderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = comm_placeholder_page_constructed;
  object_class->finalize = comm_placeholder_page_finalize;
  object_class->get_property = comm_placeholder_page_get_property;
  object_class->set_property = comm_placeholder_page_set_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-placeholder-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CommPlaceholderPage, status_page);
}

static void
comm_placeholder_page_init (CommPlaceholderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
comm_placeholder_page_new (const char *title,
                           const char *icon_name,
                           const char *description)
{
  return g_object_new (COMM_TYPE_PLACEHOLDER_PAGE,
                       "title", title,
                       "icon-name", icon_name,
                       "description", description,
                       NULL);
}
