/* comm-contracts-page-actions.c: what the Contracts tab does (group "contracts") and its undo
 *
 * Undo keeps small records - a contract that was added (undo deletes it again) or deleted (undo
 * restores it) - newest last. Each record's toast carries an Undo button for that record; Ctrl+Z
 * (the window calls comm_page_undo) takes the newest.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-contracts-export.h"
#include "comm-contracts-page-private.h"
#include "comm-providers-dialog.h"

typedef struct {
  gboolean  was_added;
  gint64    id;
  char     *reference;
} UndoRecord;

static void
undo_record_free (gpointer data)
{
  UndoRecord *record = data;

  g_free (record->reference);
  g_free (record);
}

static void
undo_changed (gpointer user_data)
{
  comm_contracts_page_update_actions (user_data);
}

static gboolean
focus_is_editable (CommContractsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && GTK_IS_EDITABLE (focus);
}

static void
toast (CommContractsPage *self,
       const char        *message)
{
  comm_page_add_toast (COMM_PAGE (self), adw_toast_new (message));
}

static gboolean
undo_record (gpointer data,
             gpointer user_data)
{
  CommContractsPage *self = user_data;
  UndoRecord *record = data;
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (database == NULL)
    return FALSE;

  if (record->was_added)
    {
      if (!comm_contract_store_delete (database, record->id, &error))
        {
          comm_page_show_error (COMM_PAGE (self), _("The contract could not be removed"), error);
          return FALSE;
        }
      comm_contracts_page_remove_contract (self, record->id);
      message = g_strdup_printf (_("Removed “%s”"), record->reference);
    }
  else
    {
      if (!comm_contract_store_restore (database, record->id, &error))
        {
          comm_page_show_error (COMM_PAGE (self), _("The contract could not be restored"), error);
          return FALSE;
        }
      comm_contracts_page_reload_contract (self, record->id);
      message = g_strdup_printf (_("Restored “%s”"), record->reference);
    }

  toast (self, message);
  return TRUE;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  comm_contracts_page_open_editor (COMM_CONTRACTS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommContractsPage *self = COMM_CONTRACTS_PAGE (widget);
  CommContract *selected = comm_contracts_page_get_selected (self);

  if (selected != NULL)
    comm_contracts_page_open_editor (self, selected);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CommContractsPage *self = COMM_CONTRACTS_PAGE (widget);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  CommContract *selected = comm_contracts_page_get_selected (self);
  g_autoptr(CommContract) full = NULL;
  g_autoptr(CommContract) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *message = NULL;
  CommContract *fresh;

  if (database == NULL || selected == NULL)
    return;

  full = comm_contract_store_get (database, comm_contract_get_id (selected), &self->cell_context.today, &error);
  if (full != NULL)
    {
      reference = comm_contract_store_free_copy_reference (database, comm_contract_get_reference (full));
      copy = comm_contract_duplicate (full, reference);
    }
  if (copy == NULL || !comm_contract_store_save (database, copy, &error))
    {
      comm_page_show_error (COMM_PAGE (self), _("The contract could not be duplicated"), error);
      return;
    }

  fresh = comm_contracts_page_reload_contract (self, comm_contract_get_id (copy));
  if (fresh == NULL)
    return;

  message = g_strdup_printf (_("Duplicated as “%s”"), comm_contract_get_reference (fresh));
  comm_contracts_page_push_undo (self, TRUE, fresh, message);
  comm_contracts_page_open_editor (self, fresh);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommContractsPage *self = COMM_CONTRACTS_PAGE (widget);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(CommContract) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* The Delete key belongs to the text while someone is typing. */
  if (database == NULL || focus_is_editable (self))
    return;

  selected = comm_contracts_page_get_selected (self);
  if (selected == NULL)
    return;
  g_object_ref (selected);

  if (!comm_contract_store_delete (database, comm_contract_get_id (selected), &error))
    {
      comm_page_show_error (COMM_PAGE (self), _("The contract could not be deleted"), error);
      return;
    }

  comm_contracts_page_remove_contract (self, comm_contract_get_id (selected));
  message = g_strdup_printf (_("Deleted “%s”"), comm_contract_get_reference (selected));
  comm_contracts_page_push_undo (self, FALSE, selected, message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  comm_contracts_page_undo_newest (COMM_CONTRACTS_PAGE (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommContractsPage *self = COMM_CONTRACTS_PAGE (widget);

  comm_contracts_export_choose (COMM_PAGE (self), comm_contracts_page_get_view_model (self), self->cancellable);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  comm_contracts_page_focus_search (COMM_CONTRACTS_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  comm_contracts_page_clear_filters (COMM_CONTRACTS_PAGE (widget));
}

static void
on_providers_changed_cb (CommProvidersDialog *dialog,
                         CommContractsPage   *self)
{
  comm_contracts_page_reload (self);
}

static void
providers_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CommContractsPage *self = COMM_CONTRACTS_PAGE (widget);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  CommProvidersDialog *dialog;

  if (database == NULL)
    return;

  dialog = comm_providers_dialog_new (database);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_providers_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
comm_contracts_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "contracts.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "contracts.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "contracts.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "contracts.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "contracts.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "contracts.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "contracts.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "contracts.providers", NULL, providers_action);
  gtk_widget_class_install_action (widget_class, "contracts.clear-filters", NULL, clear_filters_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "contracts.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "contracts.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "contracts.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "contracts.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "contracts.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "contracts.providers", NULL);
}

void
comm_contracts_page_update_actions (CommContractsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = comm_page_get_database (COMM_PAGE (self)) != NULL;
  gboolean selected = open && comm_contracts_page_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (widget, "contracts.new", open);
  gtk_widget_action_set_enabled (widget, "contracts.edit", selected);
  gtk_widget_action_set_enabled (widget, "contracts.duplicate", selected);
  gtk_widget_action_set_enabled (widget, "contracts.delete", selected);
  gtk_widget_action_set_enabled (widget, "contracts.undo",
                                 open && self->undo != NULL && !comm_undo_stack_is_empty (self->undo));
  gtk_widget_action_set_enabled (widget, "contracts.export", open);
  gtk_widget_action_set_enabled (widget, "contracts.providers", open);
}

void
comm_contracts_page_push_undo (CommContractsPage *self,
                               gboolean           was_added,
                               CommContract      *contract,
                               const char        *message)
{
  UndoRecord *record = g_new0 (UndoRecord, 1);

  record->was_added = was_added;
  record->id = comm_contract_get_id (contract);
  record->reference = g_strdup (comm_contract_get_reference (contract));
  if (self->undo == NULL)
    self->undo = comm_undo_stack_new (undo_record, undo_record_free, undo_changed, self);
  comm_undo_stack_push (self->undo, record, COMM_PAGE (self), message);
}

gboolean
comm_contracts_page_undo_newest (CommContractsPage *self)
{
  return self->undo != NULL && comm_undo_stack_undo_newest (self->undo);
}

void
comm_contracts_page_clear_undo (CommContractsPage *self)
{
  if (self->undo != NULL)
    comm_undo_stack_clear (self->undo);
}
