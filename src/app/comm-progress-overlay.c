/* comm-progress-overlay.c: long work off the main thread, with a progress bar and Cancel
 *
 * The worker thread never touches a widget: it writes the latest fraction into a small shared
 * record and, if no update is pending, queues one idle callback that copies it to the bar. The
 * record is reference counted so a late idle after the overlay is gone is harmless.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-progress-overlay.h"

typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  double           fraction;
  gboolean         pending;
  GWeakRef         overlay;
} ProgressShared;

typedef struct
{
  CommProgressWorker  worker;
  gpointer            worker_data;
  GDestroyNotify      worker_data_free;
  GDestroyNotify      result_free;
  ProgressShared     *shared;
} RunData;

struct _CommProgressOverlay
{
  GtkWidget       parent_instance;

  GtkOverlay     *overlay;
  GtkWidget      *card;
  GtkLabel       *message_label;
  GtkProgressBar *progress_bar;
  GtkButton      *cancel_button;

  GtkWidget      *child;
  GCancellable   *cancellable;
  ProgressShared *shared;
  gboolean        busy;
  guint           show_id;  /* the card appears only if the work takes a moment */
};

#define SHOW_DELAY_MS 200

enum {
  PROP_0,
  PROP_CHILD,
  PROP_BUSY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CommProgressOverlay, comm_progress_overlay, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static ProgressShared *
progress_shared_new (CommProgressOverlay *overlay)
{
  ProgressShared *shared = g_new0 (ProgressShared, 1);

  g_atomic_ref_count_init (&shared->ref_count);
  g_mutex_init (&shared->lock);
  g_weak_ref_init (&shared->overlay, overlay);
  return shared;
}

static ProgressShared *
progress_shared_ref (ProgressShared *shared)
{
  g_atomic_ref_count_inc (&shared->ref_count);
  return shared;
}

static void
progress_shared_unref (gpointer data)
{
  ProgressShared *shared = data;

  if (!g_atomic_ref_count_dec (&shared->ref_count))
    return;
  g_weak_ref_clear (&shared->overlay);
  g_mutex_clear (&shared->lock);
  g_free (shared);
}

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  if (run->worker_data_free != NULL && run->worker_data != NULL)
    run->worker_data_free (run->worker_data);
  g_clear_pointer (&run->shared, progress_shared_unref);
  g_free (run);
}

static gboolean
on_progress_idle_cb (gpointer data)
{
  ProgressShared *shared = data;
  g_autoptr(CommProgressOverlay) self = g_weak_ref_get (&shared->overlay);
  double fraction;

  g_mutex_lock (&shared->lock);
  fraction = shared->fraction;
  shared->pending = FALSE;
  g_mutex_unlock (&shared->lock);

  /* Only the run this record belongs to may move the bar. */
  if (self != NULL && self->busy && self->shared == shared)
    comm_progress_overlay_set_fraction (self, fraction);

  return G_SOURCE_REMOVE;
}

/* The CommProgressFunc handed to workers: any thread. */
static void
report_progress (double   fraction,
                 gpointer progress_data)
{
  ProgressShared *shared = progress_data;
  gboolean schedule;

  g_mutex_lock (&shared->lock);
  shared->fraction = CLAMP (fraction, 0.0, 1.0);
  schedule = !shared->pending;
  shared->pending = TRUE;
  g_mutex_unlock (&shared->lock);

  if (schedule)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_progress_idle_cb,
                     progress_shared_ref (shared), progress_shared_unref);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;
  gpointer result;

  result = run->worker (run->worker_data, cancellable, report_progress, run->shared, &error);

  if (result != NULL)
    {
      g_clear_error (&error);
      g_task_return_pointer (task, result, run->result_free);
    }
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                             _("The work stopped without saying why."));
}

static gboolean
on_show_card_cb (gpointer data)
{
  CommProgressOverlay *self = data;

  self->show_id = 0;
  if (self->child != NULL)
    gtk_widget_set_sensitive (self->child, FALSE);
  gtk_widget_set_visible (self->card, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  return G_SOURCE_REMOVE;
}

static void
on_cancel_clicked_cb (CommProgressOverlay *self)
{
  comm_progress_overlay_cancel (self);
}

static gboolean
on_escape_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  CommProgressOverlay *self = user_data;

  if (!self->busy)
    return FALSE;
  comm_progress_overlay_cancel (self);
  return TRUE;
}

static void
on_worker_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CommProgressOverlay *self = COMM_PROGRESS_OVERLAY (source);
  g_autoptr(GTask) outer = user_data;
  RunData *run = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gpointer value;

  comm_progress_overlay_end (self);

  value = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, value, run->result_free);
}

static void
comm_progress_overlay_dispose (GObject *object)
{
  CommProgressOverlay *self = COMM_PROGRESS_OVERLAY (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->show_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_PROGRESS_OVERLAY);
  self->child = NULL;

  G_OBJECT_CLASS (comm_progress_overlay_parent_class)->dispose (object);
}

static void
comm_progress_overlay_finalize (GObject *object)
{
  CommProgressOverlay *self = COMM_PROGRESS_OVERLAY (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->shared, progress_shared_unref);

  G_OBJECT_CLASS (comm_progress_overlay_parent_class)->finalize (object);
}

static void
comm_progress_overlay_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CommProgressOverlay *self = COMM_PROGRESS_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_progress_overlay_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CommProgressOverlay *self = COMM_PROGRESS_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      comm_progress_overlay_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comm_progress_overlay_class_init (CommProgressOverlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_progress_overlay_dispose;
  object_class->finalize = comm_progress_overlay_finalize;
  object_class->get_property = comm_progress_overlay_get_property;
  object_class->set_property = comm_progress_overlay_set_property;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-progress-overlay.ui");
  gtk_widget_class_bind_template_child (widget_class, CommProgressOverlay, overlay);
  gtk_widget_class_bind_template_child (widget_class, CommProgressOverlay, card);
  gtk_widget_class_bind_template_child (widget_class, CommProgressOverlay, message_label);
  gtk_widget_class_bind_template_child (widget_class, CommProgressOverlay, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CommProgressOverlay, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
comm_progress_overlay_init (CommProgressOverlay *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Escape while the card has focus (the Cancel button does when work starts) cancels. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (on_escape_cb, self, NULL)));
  gtk_widget_add_controller (self->card, shortcuts);
}

GtkWidget *
comm_progress_overlay_new (void)
{
  return g_object_new (COMM_TYPE_PROGRESS_OVERLAY, NULL);
}

void
comm_progress_overlay_set_child (CommProgressOverlay *self,
                                 GtkWidget           *child)
{
  g_return_if_fail (COMM_IS_PROGRESS_OVERLAY (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  self->child = child;
  gtk_overlay_set_child (self->overlay, child);
  if (child != NULL)
    gtk_widget_set_sensitive (child, !self->busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
comm_progress_overlay_get_child (CommProgressOverlay *self)
{
  g_return_val_if_fail (COMM_IS_PROGRESS_OVERLAY (self), NULL);
  return self->child;
}

gboolean
comm_progress_overlay_get_busy (CommProgressOverlay *self)
{
  g_return_val_if_fail (COMM_IS_PROGRESS_OVERLAY (self), FALSE);
  return self->busy;
}

GCancellable *
comm_progress_overlay_begin (CommProgressOverlay *self,
                             const char          *message)
{
  g_return_val_if_fail (COMM_IS_PROGRESS_OVERLAY (self), NULL);
  g_return_val_if_fail (!self->busy, NULL);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->shared, progress_shared_unref);
  self->shared = progress_shared_new (self);
  self->busy = TRUE;

  gtk_label_set_text (self->message_label, message != NULL ? message : _("Working…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  g_clear_handle_id (&self->show_id, g_source_remove);
  self->show_id = g_timeout_add (SHOW_DELAY_MS, on_show_card_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  return self->cancellable;
}

void
comm_progress_overlay_set_fraction (CommProgressOverlay *self,
                                    double               fraction)
{
  g_return_if_fail (COMM_IS_PROGRESS_OVERLAY (self));

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

void
comm_progress_overlay_set_message (CommProgressOverlay *self,
                                   const char          *message)
{
  g_return_if_fail (COMM_IS_PROGRESS_OVERLAY (self));

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
}

void
comm_progress_overlay_end (CommProgressOverlay *self)
{
  g_return_if_fail (COMM_IS_PROGRESS_OVERLAY (self));

  if (!self->busy)
    return;
  self->busy = FALSE;
  g_clear_handle_id (&self->show_id, g_source_remove);
  gtk_widget_set_visible (self->card, FALSE);
  if (self->child != NULL)
    gtk_widget_set_sensitive (self->child, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
comm_progress_overlay_cancel (CommProgressOverlay *self)
{
  g_return_if_fail (COMM_IS_PROGRESS_OVERLAY (self));

  if (!self->busy || self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  /* Translators: shown on the progress card after Cancel, until the work has stopped */
  gtk_label_set_text (self->message_label, _("Cancelling…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

void
comm_progress_overlay_run (CommProgressOverlay *self,
                           const char          *message,
                           CommProgressWorker   worker,
                           gpointer             worker_data,
                           GDestroyNotify       worker_data_free,
                           GDestroyNotify       result_free,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  GCancellable *cancellable;
  RunData *run;

  g_return_if_fail (COMM_IS_PROGRESS_OVERLAY (self));
  g_return_if_fail (worker != NULL);
  g_return_if_fail (!self->busy);

  cancellable = comm_progress_overlay_begin (self, message);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, comm_progress_overlay_run);
  g_task_set_check_cancellable (outer, FALSE);

  run = g_new0 (RunData, 1);
  run->worker = worker;
  run->worker_data = worker_data;
  run->worker_data_free = worker_data_free;
  run->result_free = result_free;
  run->shared = progress_shared_ref (self->shared);

  inner = g_task_new (self, cancellable, on_worker_done_cb, outer);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_set_task_data (inner, run, run_data_free);
  g_task_run_in_thread (inner, run_in_thread);
}

gpointer
comm_progress_overlay_run_finish (CommProgressOverlay *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == comm_progress_overlay_run, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
