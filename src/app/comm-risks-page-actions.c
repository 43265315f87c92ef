/* comm-risks-page-actions.c: what the Risks tab does (group "risks") and its undo
 *
 * Undo keeps small records - a risk that was added (undo deletes it again) or deleted (undo
 * restores it: deleting is soft) - newest last. Each record's toast carries an Undo button for
 * that record; Ctrl+Z (the window calls comm_page_undo) takes the newest.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-report-dialog.h"
#include "comm-risk-editor.h"
#include "comm-risk-import-dialog.h"
#include "comm-risk-register-editor.h"
#include "comm-risk-review-dialog.h"
#include "comm-risks-export.h"
#include "comm-risks-page-private.h"

typedef struct {
  gboolean  was_added;
  gint64    id;
  char     *name;     /* "R3 Provider failure" */
} UndoRecord;

static void
undo_record_free (gpointer data)
{
  UndoRecord *record = data;

  g_free (record->name);
  g_free (record);
}

static void
undo_changed (gpointer user_data)
{
  comm_risks_page_update_actions (user_data);
}

static char *
risk_name (CommRisk *risk)
{
  /* Translators: a risk named in a toast: reference and title, "R3 Provider failure" */
  return g_strdup_printf (_("%s %s"), risk->reference, risk->title);
}

static gboolean
focus_is_editable (CommRisksPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && GTK_IS_EDITABLE (focus);
}

static void
present_over_page (CommRisksPage *self,
                   GtkWindow     *window)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (window, GTK_WINDOW (root));
  gtk_window_present (window);
}

static gboolean
undo_record (gpointer data,
             gpointer user_data)
{
  CommRisksPage *self = user_data;
  UndoRecord *record = data;
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (database == NULL)
    return FALSE;
  if (record->was_added ? !comm_risk_store_delete (database, record->id, &error)
                        : !comm_risk_store_restore (database, record->id, &error))
    {
      comm_page_show_error (COMM_PAGE (self), record->was_added ? _("The risk could not be removed")
                                                                : _("The risk could not be restored"), error);
      return FALSE;
    }

  comm_risks_page_refresh (self, record->was_added ? 0 : record->id);
  message = g_strdup_printf (record->was_added ? _("Removed “%s”") : _("Restored “%s”"), record->name);
  comm_page_add_toast (COMM_PAGE (self), adw_toast_new (message));

  return TRUE;
}

static void
on_risk_saved_cb (CommRiskEditor *editor,
                  CommRisk       *saved,
                  CommRisksPage  *self)
{
  g_autofree char *name = risk_name (saved);
  g_autofree char *message = NULL;

  comm_risks_page_refresh (self, saved->id);
  if (!comm_risk_editor_is_new (editor))
    return;

  message = g_strdup_printf (_("Added “%s”"), name);
  comm_risks_page_push_undo (self, TRUE, saved, message);
}

static void
on_reviews_changed_cb (GtkWidget     *dialog,
                       CommRisksPage *self)
{
  comm_risks_page_refresh (self, 0);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  comm_risks_page_open_editor (COMM_RISKS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommRisksPage *self = COMM_RISKS_PAGE (widget);
  CommRisk *selected = comm_risks_page_get_selected (self);

  if (selected != NULL)
    comm_risks_page_open_editor (self, selected);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CommRisksPage *self = COMM_RISKS_PAGE (widget);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  CommRisk *selected = comm_risks_page_get_selected (self);
  g_autoptr(CommRisk) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  if (database == NULL || selected == NULL)
    return;

  copy = comm_risk_copy (selected);
  copy->id = 0;
  comm_risk_set_text (&copy->reference, "");
  /* Translators: the title of a duplicated risk */
  title = g_strdup_printf (_("%s (copy)"), selected->title);
  comm_risk_set_text (&copy->title, title);
  if (!comm_risk_store_save (database, copy, &error))
    {
      comm_page_show_error (COMM_PAGE (self), _("The risk could not be duplicated"), error);
      return;
    }

  comm_risks_page_refresh (self, copy->id);
  name = risk_name (copy);
  message = g_strdup_printf (_("Duplicated as “%s”"), name);
  comm_risks_page_push_undo (self, TRUE, copy, message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommRisksPage *self = COMM_RISKS_PAGE (widget);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(CommRisk) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  /* The Delete key belongs to the text while someone is typing. */
  if (database == NULL || focus_is_editable (self) || comm_risks_page_get_selected (self) == NULL)
    return;

  selected = g_object_ref (comm_risks_page_get_selected (self));
  if (!comm_risk_store_delete (database, selected->id, &error))
    {
      comm_page_show_error (COMM_PAGE (self), _("The risk could not be deleted"), error);
      return;
    }

  comm_risks_page_refresh (self, 0);
  name = risk_name (selected);
  message = g_strdup_printf (_("Deleted “%s”"), name);
  comm_risks_page_push_undo (self, FALSE, selected, message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  comm_risks_page_undo_newest (COMM_RISKS_PAGE (widget));
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommRisksPage *self = COMM_RISKS_PAGE (widget);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  CommRisk *selected = comm_risks_page_get_selected (self);
  CommRiskReviewDialog *dialog;

  if (database == NULL || selected == NULL)
    return;

  dialog = comm_risk_review_dialog_new (database, selected);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_reviews_changed_cb), self, 0);
  present_over_page (self, GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommRisksPage *self = COMM_RISKS_PAGE (widget);

  comm_risks_export_choose (COMM_PAGE (self), comm_risks_page_get_view_model (self),
                            self->current != NULL ? self->current->name : NULL);
}

static void
on_imported_cb (CommRiskImportDialog *dialog,
                guint                 n_risks,
                const char           *register_name,
                CommRisksPage        *self)
{
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(CommRiskRegister) reg = database != NULL ? comm_risk_register_store_find (database, register_name, NULL) : NULL;
  g_autofree char *message = NULL;

  comm_risks_page_refresh (self, 0);
  if (reg != NULL)
    comm_risks_page_show_register (self, reg->id);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u risk into “%s”",
                                          "Imported %u risks into “%s”", n_risks), n_risks, register_name);
  comm_page_add_toast (COMM_PAGE (self), adw_toast_new (message));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommRisksPage *self = COMM_RISKS_PAGE (widget);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  CommRiskImportDialog *dialog;

  if (database == NULL)
    return;
  dialog = comm_risk_import_dialog_new (NULL, database, self->current != NULL ? self->current->name : NULL);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, 0);
  present_over_page (self, GTK_WINDOW (dialog));
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommRisksPage *self = COMM_RISKS_PAGE (widget);
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  CommReportDialog *dialog;

  if (database == NULL)
    return;
  dialog = comm_report_dialog_new (NULL, database);
  comm_report_dialog_select_report (dialog, "risks");
  if (self->current != NULL)
    comm_report_dialog_set_register (dialog, self->current->name);
  present_over_page (self, GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  comm_risks_page_focus_search (COMM_RISKS_PAGE (widget));
}

static void
clear_cell_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  comm_risks_page_clear_cell (COMM_RISKS_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  comm_risks_page_clear_filters (COMM_RISKS_PAGE (widget));
}

static void
on_register_saved_cb (CommRiskRegisterEditor *editor,
                      CommRiskRegister       *saved,
                      CommRisksPage          *self)
{
  gint64 id = saved->id;

  comm_risks_page_refresh (self, 0);
  comm_risks_page_show_register (self, id);
}

static void
on_register_deleted_cb (CommRiskRegisterEditor *editor,
                        const char             *name,
                        CommRisksPage          *self)
{
  g_autofree char *message = g_strdup_printf (_("Deleted the register “%s”"), name);

  comm_risks_page_refresh (self, 0);
  comm_risks_page_show_register (self, 0);
  comm_page_add_toast (COMM_PAGE (self), adw_toast_new (message));
}

static void
open_register_editor (CommRisksPage    *self,
                      CommRiskRegister *reg)
{
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  CommRiskRegisterEditor *editor;

  if (database == NULL)
    return;

  editor = comm_risk_register_editor_new (database, reg);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_register_saved_cb), self, 0);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_register_deleted_cb), self, 0);
  present_over_page (self, GTK_WINDOW (editor));
}

static void
new_register_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_register_editor (COMM_RISKS_PAGE (widget), NULL);
}

static void
edit_register_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CommRisksPage *self = COMM_RISKS_PAGE (widget);

  if (self->current != NULL)
    open_register_editor (self, self->current);
}

/* Shared API */

void
comm_risks_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "risks.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "risks.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "risks.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "risks.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "risks.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "risks.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "risks.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "risks.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "risks.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "risks.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "risks.clear-cell", NULL, clear_cell_action);
  gtk_widget_class_install_action (widget_class, "risks.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "risks.new-register", NULL, new_register_action);
  gtk_widget_class_install_action (widget_class, "risks.edit-register", NULL, edit_register_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "risks.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "risks.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "risks.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "risks.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "risks.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "risks.import", NULL);
}

void
comm_risks_page_update_actions (CommRisksPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = comm_page_get_database (COMM_PAGE (self)) != NULL && self->store != NULL;
  gboolean writable = open && !comm_database_is_read_only (comm_page_get_database (COMM_PAGE (self)));
  gboolean selected = open && comm_risks_page_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (widget, "risks.new", writable && self->current != NULL);
  gtk_widget_action_set_enabled (widget, "risks.edit", selected);
  gtk_widget_action_set_enabled (widget, "risks.duplicate", writable && selected);
  gtk_widget_action_set_enabled (widget, "risks.delete", writable && selected);
  gtk_widget_action_set_enabled (widget, "risks.review", writable && selected);
  gtk_widget_action_set_enabled (widget, "risks.undo",
                                 writable && self->undo != NULL && !comm_undo_stack_is_empty (self->undo));
  gtk_widget_action_set_enabled (widget, "risks.new-register", writable);
  gtk_widget_action_set_enabled (widget, "risks.edit-register", writable && self->current != NULL);
  gtk_widget_action_set_enabled (widget, "risks.clear-cell", open);
  gtk_widget_action_set_enabled (widget, "risks.export", open);
  gtk_widget_action_set_enabled (widget, "risks.import", writable);
  gtk_widget_action_set_enabled (widget, "risks.report", open);
  gtk_widget_action_set_enabled (widget, "risks.clear-filters", open);
}

void
comm_risks_page_push_undo (CommRisksPage *self,
                           gboolean       was_added,
                           CommRisk      *risk,
                           const char    *message)
{
  UndoRecord *record = g_new0 (UndoRecord, 1);

  record->was_added = was_added;
  record->id = risk->id;
  record->name = risk_name (risk);
  if (self->undo == NULL)
    self->undo = comm_undo_stack_new (undo_record, undo_record_free, undo_changed, self);
  comm_undo_stack_push (self->undo, record, COMM_PAGE (self), message);
}

gboolean
comm_risks_page_undo_newest (CommRisksPage *self)
{
  return self->undo != NULL && comm_undo_stack_undo_newest (self->undo);
}

void
comm_risks_page_clear_undo (CommRisksPage *self)
{
  if (self->undo != NULL)
    comm_undo_stack_clear (self->undo);
}

GtkWindow *
comm_risks_page_open_editor (CommRisksPage *self,
                             CommRisk      *risk)
{
  CommDatabase *database = comm_page_get_database (COMM_PAGE (self));
  g_autoptr(CommRiskRegister) reg = NULL;
  g_autoptr(CommRisk) full = NULL;
  g_autoptr(GError) error = NULL;
  CommRiskEditor *editor;

  if (database == NULL || (risk == NULL && self->current == NULL))
    return NULL;

  /* A rolled-up or top risk is edited on its own register's scale. */
  reg = risk != NULL ? comm_risk_register_store_get (database, risk->register_id, &error)
                     : g_object_ref (self->current);
  if (reg != NULL && risk != NULL)
    full = comm_risk_store_get (database, risk->id, &self->today, &error);
  if (reg == NULL || (risk != NULL && full == NULL))
    {
      comm_page_show_error (COMM_PAGE (self), _("The risk could not be opened"), error);
      return NULL;
    }

  editor = comm_risk_editor_new (database, reg, full);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_risk_saved_cb), self, 0);
  g_signal_connect_object (editor, "reviews-changed", G_CALLBACK (on_reviews_changed_cb), self, 0);
  present_over_page (self, GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}
