/* test-provider-editor.c: the provider editor and the providers list */
#include "config.h"

#include <string.h>

#include "comm-application.h"
#include "comm-contract-editor.h"
#include "comm-contracts-page-private.h"
#include "comm-provider-editor.h"
#include "comm-providers-dialog.h"
#include "comm-window.h"
#include "comm-test-ui.h"

static CommApplication *app;
static char *demo_path;

typedef struct {
  CommWindow        *window;
  CommContractsPage *page;
  CommDatabase      *db;
} Fixture;

/* Helpers */

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->window = comm_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (comm_window_open_workspace (f->window, demo_path, &error));
  g_assert_no_error (error);
  comm_test_ui_wait (100);

  f->page = COMM_CONTRACTS_PAGE (comm_window_get_page (f->window, "contracts"));
  f->db = comm_window_get_database (f->window);
}

static void
fixture_close (Fixture *f)
{
  g_autoptr(GList) all = gtk_window_list_toplevels ();

  for (GList *l = all; l != NULL; l = l->next)
    if (l->data != (gpointer) f->window && gtk_window_get_transient_for (l->data) != NULL)
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (f->window));
  comm_test_ui_wait (0);
}

/* The newest visible toplevel of @type (optionally transient for @parent). */
static gpointer
find_window (GType      type,
             GtkWindow *parent)
{
  g_autoptr(GList) all = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = all; l != NULL; l = l->next)
    if (g_type_is_a (G_OBJECT_TYPE (l->data), type) && gtk_widget_get_visible (l->data) &&
        (parent == NULL || gtk_window_get_transient_for (l->data) == parent))
      found = l->data;

  return found;
}

static gboolean
is_open (gpointer window)
{
  g_autoptr(GList) all = gtk_window_list_toplevels ();

  return g_list_find (all, window) != NULL;
}

static GtkWidget *
part (gpointer    window,
      const char *name)
{
  GtkWidget *widget = comm_test_ui_find_by_name (GTK_WIDGET (window), name);

  if (widget == NULL)
    g_error ("No “%s” in a %s", name, G_OBJECT_TYPE_NAME (window));
  return widget;
}

static void
type_into (gpointer    window,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (part (window, name)), text);
  comm_test_ui_wait (0);
}

static CommProvider *
find_provider (GListModel *model,
               const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CommProvider) provider = g_list_model_get_item (model, i);

      if (g_strcmp0 (comm_provider_get_name (provider), name) == 0)
        return provider;  /* the model keeps it */
    }

  return NULL;
}

static CommProvidersDialog *
open_providers (Fixture *f)
{
  CommProvidersDialog *dialog;

  comm_test_ui_activate_action (GTK_WIDGET (f->page), "contracts.providers", NULL);
  comm_test_ui_wait (50);
  dialog = find_window (COMM_TYPE_PROVIDERS_DIALOG, NULL);
  g_assert_nonnull (dialog);

  return dialog;
}

/* Tests */

static void
test_validation (void)
{
  Fixture f = { 0 };
  CommProviderEditor *editor;

  fixture_open (&f);
  editor = comm_provider_editor_new (f.db, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  comm_test_ui_wait (50);

  /* Nothing typed: Save is blocked and says why, without scolding yet. */
  g_assert_false (gtk_widget_is_sensitive (part (editor, "save_button")));
  g_assert_nonnull (gtk_widget_get_tooltip_text (part (editor, "save_button")));
  g_assert_false (gtk_widget_get_visible (part (editor, "provider_errors")));

  type_into (editor, "name_row", "Kinship Carers Network Devon");
  g_assert_true (gtk_widget_is_sensitive (part (editor, "save_button")));
  type_into (editor, "name_row", "   ");
  g_assert_false (gtk_widget_is_sensitive (part (editor, "save_button")));
  g_assert_true (gtk_widget_get_visible (part (editor, "provider_errors")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (part (editor, "provider_errors"))), !=, "");

  /* An inspection needs a date that reads as one. */
  g_assert_false (comm_provider_editor_add_inspection (editor, "Ofsted (EIF)", "not a date", "Good"));
  g_assert_true (comm_provider_editor_add_inspection (editor, "Ofsted (EIF)", "14/03/2024", "Good"));
  g_assert_cmpuint (comm_provider_get_inspections (comm_provider_editor_get_working_copy (editor))->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (editor));
  fixture_close (&f);
}

static void
test_new_provider_from_contract_editor (void)
{
  Fixture f = { 0 };
  GListModel *view;
  g_autoptr(CommContract) contract = NULL;
  g_autoptr(GListStore) providers = NULL;
  CommContractEditor *contract_editor;
  CommProviderEditor *editor;
  CommProvider *chosen;
  CommProvider *saved;

  fixture_open (&f);
  view = comm_contracts_page_get_view_model (f.page);
  contract = g_list_model_get_item (view, 0);
  contract_editor = COMM_CONTRACT_EDITOR (comm_contracts_page_open_editor (f.page, contract));
  comm_test_ui_wait (50);

  g_signal_emit_by_name (part (contract_editor, "new_provider_button"), "clicked");
  comm_test_ui_wait (50);
  editor = find_window (COMM_TYPE_PROVIDER_EDITOR, GTK_WINDOW (contract_editor));
  g_assert_nonnull (editor);

  type_into (editor, "name_row", "Kinship Carers Network Devon");
  adw_combo_row_set_selected (ADW_COMBO_ROW (part (editor, "legal_form_row")), 0);  /* Charity */
  type_into (editor, "registered_row", "1123456");
  type_into (editor, "email_row", "hello@riverside-carers.example");
  gtk_switch_set_active (GTK_SWITCH (part (editor, "vcse_switch")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (part (editor, "sme_switch")), TRUE);
  g_assert_true (comm_provider_editor_add_inspection (editor, "Ofsted (EIF)", "2024-03-14", "Good"));
  g_assert_true (comm_provider_editor_add_inspection (editor, "Ofsted (EIF)", "2020-11-02", "Requires improvement"));
  comm_test_ui_wait (0);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (editor), "provider-editor"));

  comm_test_ui_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_false (is_open (editor));

  /* In the workspace, with what was typed. */
  providers = comm_provider_store_list (f.db, NULL);
  saved = find_provider (G_LIST_MODEL (providers), "Kinship Carers Network Devon");
  g_assert_nonnull (saved);
  g_assert_cmpstr (comm_provider_get_legal_form (saved), ==, "charity");
  g_assert_cmpstr (comm_provider_get_registered_number (saved), ==, "1123456");
  g_assert_true (comm_provider_get_vcse (saved));
  g_assert_cmpuint (comm_provider_get_inspections (saved)->len, ==, 2);
  g_assert_cmpstr (comm_provider_get_latest_grade (saved), ==, "Good");

  /* ... and chosen in the contract editor that asked for it. */
  g_assert_true (is_open (contract_editor));
  chosen = adw_combo_row_get_selected_item (ADW_COMBO_ROW (part (contract_editor, "provider_row")));
  g_assert_cmpstr (comm_provider_get_name (chosen), ==, "Kinship Carers Network Devon");
  g_assert_nonnull (find_provider (adw_combo_row_get_model (ADW_COMBO_ROW (part (contract_editor, "provider_row"))),
                                   "Kinship Carers Network Devon"));

  gtk_window_destroy (GTK_WINDOW (contract_editor));
  fixture_close (&f);
}

/* A message shown over @parent with @heading (NULL: any). */
static AdwMessageDialog *
find_message (GtkWindow  *parent,
              const char *heading)
{
  g_autoptr(GList) all = gtk_window_list_toplevels ();

  for (GList *l = all; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == parent &&
        (heading == NULL || g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0))
      return l->data;

  return NULL;
}

static void
test_delete_refused_while_used (void)
{
  Fixture f = { 0 };
  CommProvidersDialog *dialog;
  CommProvider *used;
  AdwMessageDialog *question, *refusal;
  g_autoptr(GError) expected = NULL;
  guint n;

  fixture_open (&f);
  dialog = open_providers (&f);
  n = g_list_model_get_n_items (comm_providers_dialog_get_model (dialog));
  g_assert_cmpuint (n, >=, 30);

  used = find_provider (comm_providers_dialog_get_model (dialog), "УMCA Tamar");
  g_assert_nonnull (used);
  g_assert_cmpuint (comm_provider_get_contract_count (used), >, 0);
  /* What the workspace says when asked directly (it refuses and changes nothing). */
  g_assert_false (comm_provider_store_delete (f.db, comm_provider_get_id (used), &expected));
  g_assert_nonnull (expected);

  question = ADW_MESSAGE_DIALOG (comm_providers_dialog_ask_delete (dialog, used));
  comm_test_ui_wait (0);
  adw_message_dialog_response (question, "delete");
  comm_test_ui_wait (50);

  refusal = find_message (GTK_WINDOW (dialog), "The Provider Was Not Deleted");
  g_assert_nonnull (refusal);
  g_assert_cmpstr (adw_message_dialog_get_body (refusal), ==, expected->message);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (refusal), "providers-delete-refused"));
  adw_message_dialog_response (refusal, "close");
  comm_test_ui_wait (0);
  g_assert_cmpuint (g_list_model_get_n_items (comm_providers_dialog_get_model (dialog)), ==, n);

  /* Search folds the look-alike letter, as in the register. */
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, "search_entry")), "ymca");
  comm_test_ui_wait (400);
  g_assert_cmpuint (g_list_model_get_n_items (comm_providers_dialog_get_model (dialog)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, "search_entry")), "");
  comm_test_ui_wait (400);
  g_free (comm_test_ui_save_screenshot (GTK_WIDGET (dialog), "providers-dialog"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&f);
}

static void
on_changed_cb (CommProvidersDialog *dialog,
               guint               *count)
{
  (*count)++;
}

static void
test_delete_unused (void)
{
  Fixture f = { 0 };
  g_autoptr(CommProvider) spare = comm_provider_new ();
  CommProvidersDialog *dialog;
  CommProvider *listed;
  AdwMessageDialog *question;
  guint changed = 0, n;

  fixture_open (&f);
  comm_provider_set_name (spare, "Spare Provider Ltd");
  g_assert_true (comm_provider_store_save (f.db, spare, NULL));

  dialog = open_providers (&f);
  g_signal_connect (dialog, "changed", G_CALLBACK (on_changed_cb), &changed);
  n = g_list_model_get_n_items (comm_providers_dialog_get_model (dialog));
  listed = find_provider (comm_providers_dialog_get_model (dialog), "Spare Provider Ltd");
  g_assert_nonnull (listed);

  /* Cancel keeps it; Delete removes it. */
  question = ADW_MESSAGE_DIALOG (comm_providers_dialog_ask_delete (dialog, listed));
  adw_message_dialog_response (question, "cancel");
  comm_test_ui_wait (0);
  g_assert_cmpuint (g_list_model_get_n_items (comm_providers_dialog_get_model (dialog)), ==, n);

  question = ADW_MESSAGE_DIALOG (comm_providers_dialog_ask_delete (dialog, listed));
  adw_message_dialog_response (question, "delete");
  comm_test_ui_wait (0);
  g_assert_cmpuint (g_list_model_get_n_items (comm_providers_dialog_get_model (dialog)), ==, n - 1);
  g_assert_null (find_provider (comm_providers_dialog_get_model (dialog), "Spare Provider Ltd"));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_null (find_message (GTK_WINDOW (dialog), "The Provider Was Not Deleted"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  comm_test_ui_init (&argc, &argv);
  app = comm_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  demo_path = comm_test_ui_make_demo_workspace ();

  g_test_add_func ("/provider-editor/validation", test_validation);
  g_test_add_func ("/provider-editor/new-from-contract-editor", test_new_provider_from_contract_editor);
  g_test_add_func ("/providers-dialog/delete-refused-while-used", test_delete_refused_while_used);
  g_test_add_func ("/providers-dialog/delete-unused", test_delete_unused);

  status = g_test_run ();
  g_free (demo_path);
  g_object_unref (app);
  return status;
}
