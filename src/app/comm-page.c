/* comm-page.c: the abstract base of a tab in the main window
 *
 * A page owns nothing but a reference to the open workspace; subclasses reload their models in
 * database_changed(). Toasts and error dialogs go to the window the page sits in, so pages never
 * need to know about CommWindow.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-page.h"

typedef struct
{
  CommDatabase *database;
  char         *title;
  char         *icon_name;
  gboolean      needs_attention;
} CommPagePrivate;

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_NEEDS_ATTENTION,
  N_PROPS
};

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CommPage, comm_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
comm_page_dispose (GObject *object)
{
  CommPage *self = COMM_PAGE (object);
  CommPagePrivate *priv = comm_page_get_instance_private (self);

  g_clear_object (&priv->database);

  G_OBJECT_CLASS (comm_page_parent_class)->dispose (object);
}

static void
comm_page_finalize (GObject *object)
{
  CommPage *self = COMM_PAGE (object);
  CommPagePrivate *priv = comm_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->icon_name, g_free);

  G_OBJECT_CLASS (comm_page_parent_class)->finalize (object);
}

static void
comm_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CommPage *self = COMM_PAGE (object);
  CommPagePrivate *priv = comm_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->database);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;
    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, priv->needs_attention);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CommPage *self = COMM_PAGE (object);
  CommPagePrivate *priv = comm_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATABASE:
      comm_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      g_free (priv->title);
      priv->title = g_value_dup_string (value);
      break;
    case PROP_ICON_NAME:
      g_free (priv->icon_name);
      priv->icon_name = g_value_dup_string (value);
      break;
    case PROP_NEEDS_ATTENTION:
      if (priv->needs_attention != g_value_get_boolean (value))
        {
          priv->needs_attention = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_page_class_init (CommPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = comm_page_dispose;
  object_class->finalize = comm_page_finalize;
  object_class->get_property = comm_page_get_property;
  object_class->set_property = comm_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, COMM_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
comm_page_init (CommPage *self)
{
}

CommDatabase *
comm_page_get_database (CommPage *self)
{
  CommPagePrivate *priv = comm_page_get_instance_private (self);

  g_return_val_if_fail (COMM_IS_PAGE (self), NULL);

  return priv->database;
}

void
comm_page_set_database (CommPage     *self,
                        CommDatabase *database)
{
  CommPagePrivate *priv = comm_page_get_instance_private (self);

  g_return_if_fail (COMM_IS_PAGE (self));
  g_return_if_fail (database == NULL || COMM_IS_DATABASE (database));

  if (!g_set_object (&priv->database, database))
    return;

  if (COMM_PAGE_GET_CLASS (self)->database_changed != NULL)
    COMM_PAGE_GET_CLASS (self)->database_changed (self, database);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

const char *
comm_page_get_title (CommPage *self)
{
  CommPagePrivate *priv = comm_page_get_instance_private (self);

  g_return_val_if_fail (COMM_IS_PAGE (self), NULL);

  return priv->title;
}

const char *
comm_page_get_icon_name (CommPage *self)
{
  CommPagePrivate *priv = comm_page_get_instance_private (self);

  g_return_val_if_fail (COMM_IS_PAGE (self), NULL);

  return priv->icon_name;
}

void
comm_page_reload (CommPage *self)
{
  CommPagePrivate *priv = comm_page_get_instance_private (self);

  g_return_if_fail (COMM_IS_PAGE (self));

  if (priv->database != NULL && COMM_PAGE_GET_CLASS (self)->database_changed != NULL)
    COMM_PAGE_GET_CLASS (self)->database_changed (self, priv->database);
}

void
comm_page_start_search (CommPage *self)
{
  g_return_if_fail (COMM_IS_PAGE (self));

  if (COMM_PAGE_GET_CLASS (self)->start_search != NULL)
    COMM_PAGE_GET_CLASS (self)->start_search (self);
}

gboolean
comm_page_undo (CommPage *self)
{
  g_return_val_if_fail (COMM_IS_PAGE (self), FALSE);

  if (COMM_PAGE_GET_CLASS (self)->undo != NULL)
    return COMM_PAGE_GET_CLASS (self)->undo (self);

  return FALSE;
}

void
comm_page_add_toast (CommPage *self,
                     AdwToast *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (COMM_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
comm_page_show_error (CommPage     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (COMM_IS_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading,
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
