/* comm-contract-editor.c: the window that edits one contract (or makes a new one)
 *
 * Every change is read back into a working copy at once; the copy is validated
 * (comm_contract_validate plus text that could not be read as a date, a year or an amount), each
 * problem is shown under its group and beside its field, and Save stays disabled until there are
 * none. A failed save keeps the window and everything typed.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "comm-choice-combo.h"
#include "comm-contract-banding-editor.h"
#include "comm-contract-derived.h"
#include "comm-contract-editor.h"
#include "comm-editor-support.h"
#include "comm-funding-lines-editor.h"
#include "comm-meetings-editor.h"
#include "comm-provider-editor.h"
#include "comm-rag-history-editor.h"
#include "comm-suggestions.h"

struct _CommContractEditor
{
  AdwWindow               parent_instance;

  AdwWindowTitle         *window_title;
  GtkButton              *save_button;
  GtkRevealer            *save_error_revealer;
  GtkLabel               *save_error_label;
  AdwEntryRow            *reference_row;
  AdwEntryRow            *title_row;
  AdwEntryRow            *area_row;
  AdwEntryRow            *lead_row;
  AdwComboRow            *geography_row;
  AdwComboRow            *route_row;
  AdwEntryRow            *department_row;
  AdwEntryRow            *vat_row;
  GtkTextView            *description_view;
  AdwComboRow            *provider_row;
  GtkButton              *edit_provider_button;
  AdwEntryRow            *start_row;
  AdwEntryRow            *end_row;
  AdwEntryRow            *review_row;
  AdwEntryRow            *extension_row;
  AdwEntryRow            *extended_row;
  AdwEntryRow            *terminated_row;
  GtkLabel               *start_hint;
  GtkLabel               *end_hint;
  GtkLabel               *review_hint;
  GtkLabel               *extended_hint;
  GtkLabel               *terminated_hint;
  GtkSpinButton          *notice_spin;
  GtkSwitch              *procuring_switch;
  GtkLabel               *contract_errors;
  GtkLabel               *provider_errors;
  GtkLabel               *dates_errors;
  CommFundingLinesEditor *funding_editor;
  CommRagHistoryEditor   *rag_editor;
  CommMeetingsEditor     *meetings_editor;
  AdwActionRow           *status_row;
  AdwActionRow           *annual_row;
  AdwActionRow           *total_row;
  AdwActionRow           *monitoring_row;
  AdwActionRow           *reminder_row;
  GtkRevealer            *summary_revealer;
  GtkLabel               *summary_label;

  CommDatabase           *database;
  CommContract           *working;
  GListStore             *providers;  /* a "Choose a provider…" item (id 0), then CommProvider */
  GPtrArray              *problems;
  GArray                 *leads;
  GHashTable             *touched;    /* fields typed in: their problems show beside them */
  GDate                   today;
  gboolean                is_new;
  gboolean                dirty;
  gboolean                loading;
  gboolean                show_all;   /* every problem beside its field, not only touched ones */
};

enum { SAVED, PROVIDERS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CommContractEditor, comm_contract_editor, ADW_TYPE_WINDOW)

/* Which widget a problem's field marks. */
#define ROW(member) G_STRUCT_OFFSET (CommContractEditor, member)
static const struct { const char *field; glong offset; } field_widgets[] = {
  { "reference", ROW (reference_row) },
  { "title", ROW (title_row) },
  { "service-area", ROW (area_row) },
  { "lead-commissioner", ROW (lead_row) },
  { "department", ROW (department_row) },
  { "irrecoverable-vat", ROW (vat_row) },
  { "provider-id", ROW (provider_row) },
  { "start-date", ROW (start_row) },
  { "end-date", ROW (end_row) },
  { "notice-months", ROW (notice_spin) },
  { "review-date", ROW (review_row) },
  { "extension-options", ROW (extension_row) },
  { "extended-to", ROW (extended_row) },
  { "terminated-on", ROW (terminated_row) },
};
#undef ROW

static const char * const contract_fields[] = {
  "reference", "title", "service-area", "lead-commissioner", "geography", "procurement-route",
  "description", "department", "irrecoverable-vat", NULL
};
static const char * const provider_fields[] = { "provider-id", "provider", NULL };
static const char * const date_fields[] = {
  "start-date", "end-date", "notice-months", "review-date", "extension-options", "extended-to",
  "terminated-on", "procuring", NULL
};

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
get_string (CommContract *contract,
            const char   *property)
{
  char *value = NULL;

  g_object_get (contract, property, &value, NULL);
  return value != NULL ? value : g_strdup ("");
}

/* A typed area that names a known one (any case) is stored as its code; others as typed. */
static const char *
area_to_stored (const char *text)
{
  g_autofree char *typed = comm_text_fold (text);

  for (const CommChoice *c = comm_service_areas (); c->code != NULL; c++)
    {
      g_autofree char *label = comm_text_fold (_(c->label));

      if (g_str_equal (typed, label) || g_ascii_strcasecmp (text, c->code) == 0)
        return c->code;
    }

  return text;
}

static void
fill_providers (CommContractEditor *self,
                gint64              select_id)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(CommProvider) placeholder = comm_provider_new ();
  g_autoptr(GError) error = NULL;
  guint n, selected = 0;

  comm_provider_set_name (placeholder, _("Choose a provider…"));
  g_clear_object (&self->providers);
  self->providers = g_list_store_new (COMM_TYPE_PROVIDER);
  g_list_store_append (self->providers, placeholder);

  list = comm_provider_store_list (self->database, &error);
  if (list == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The providers could not be read: %s"), error->message);
      comm_editor_show_message (self->provider_errors, message);
    }

  n = list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommProvider) provider = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (comm_provider_get_id (provider) == select_id)
        selected = i + 1;
      g_list_store_append (self->providers, provider);
    }

  adw_combo_row_set_model (self->provider_row, G_LIST_MODEL (self->providers));
  adw_combo_row_set_selected (self->provider_row, selected);
}

static void
fill_fields (CommContractEditor *self)
{
  CommContract *c = self->working;
  g_autofree char *description = get_string (c, "description");
  g_autofree char *lead = get_string (c, "lead-commissioner");
  g_autofree char *geography = get_string (c, "geography");
  g_autofree char *route = get_string (c, "procurement-route");
  g_autofree char *review = get_string (c, "review-date");
  g_autofree char *extension = get_string (c, "extension-options");
  g_autofree char *extended = get_string (c, "extended-to");
  g_autofree char *terminated = get_string (c, "terminated-on");
  g_autofree char *vat = comm_contract_get_irrecoverable_vat (c) != 0
                         ? comm_money_format (comm_contract_get_irrecoverable_vat (c)) : g_strdup ("");
  int notice = 0;
  gboolean procuring = FALSE;

  g_object_get (c, "notice-months", &notice, "procuring", &procuring, NULL);

  set_entry (self->reference_row, comm_contract_get_reference (c));
  set_entry (self->title_row, comm_contract_get_title (c));
  set_entry (self->area_row, comm_choice_label (comm_service_areas (), comm_contract_get_service_area (c)));
  set_entry (self->lead_row, lead);
  comm_choice_combo_fill (self->geography_row, comm_geographies (), _("Not set"), geography);
  comm_choice_combo_fill (self->route_row, comm_procurement_routes (), _("Not set"), route);
  set_entry (self->department_row, comm_contract_get_department (c));
  set_entry (self->vat_row, vat);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), description, -1);
  fill_providers (self, comm_contract_get_provider_id (c));

  set_entry (self->start_row, comm_contract_get_start_date (c));
  set_entry (self->end_row, comm_contract_get_end_date (c));
  gtk_spin_button_set_value (self->notice_spin, notice);
  set_entry (self->review_row, review);
  set_entry (self->extension_row, extension);
  set_entry (self->extended_row, extended);
  set_entry (self->terminated_row, terminated);
  gtk_switch_set_active (self->procuring_switch, procuring);

  comm_funding_lines_editor_set_lines (self->funding_editor, comm_contract_get_funding_lines (c),
                                       comm_financial_year_of (&self->today));
  comm_rag_history_editor_set_history (self->rag_editor, comm_contract_get_rag_history (c));
  comm_meetings_editor_set_meetings (self->meetings_editor, comm_contract_get_meetings (c));
}

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Irrecoverable VAT: empty is none, else an amount; a problem if it cannot be read. */
static void
read_vat (CommContractEditor *self,
          GPtrArray          *problems)
{
  g_autofree char *text = stripped_text (self->vat_row);
  g_autoptr(GError) error = NULL;
  gint64 pence = 0;

  if (*text != '\0' && !comm_money_parse (text, &pence, &error))
    g_ptr_array_add (problems, comm_problem_new ("irrecoverable-vat", error->message));
  else
    g_object_set (self->working, "irrecoverable-vat", pence, NULL);
}

/* Widgets -> working copy. Text that cannot be read becomes a problem in @problems. */
static void
read_fields (CommContractEditor *self,
             GPtrArray          *problems)
{
  GObject *c = G_OBJECT (self->working);
  g_autofree char *reference = stripped_text (self->reference_row);
  g_autofree char *title = stripped_text (self->title_row);
  g_autofree char *area = stripped_text (self->area_row);
  g_autofree char *lead = stripped_text (self->lead_row);
  g_autofree char *extension = stripped_text (self->extension_row);
  g_autofree char *department = stripped_text (self->department_row);
  g_autofree char *description = NULL;
  CommProvider *provider = adw_combo_row_get_selected_item (self->provider_row);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  description = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);

  g_object_set (c,
                "reference", reference,
                "title", title,
                "service-area", area_to_stored (area),
                "lead-commissioner", lead,
                "geography", comm_choice_combo_get_code (self->geography_row),
                "procurement-route", comm_choice_combo_get_code (self->route_row),
                "description", description,
                "department", department,
                "provider-id", provider != NULL ? comm_provider_get_id (provider) : (gint64) 0,
                "notice-months", gtk_spin_button_get_value_as_int (self->notice_spin),
                "extension-options", extension,
                "procuring", gtk_switch_get_active (self->procuring_switch),
                NULL);
  comm_contract_set_provider_name (self->working,
                                   provider != NULL && comm_provider_get_id (provider) != 0
                                   ? comm_provider_get_name (provider) : "");

  read_vat (self, problems);
  comm_editor_read_date (self->start_row, self->start_hint, c, "start-date", problems);
  comm_editor_read_date (self->end_row, self->end_hint, c, "end-date", problems);
  comm_editor_read_date (self->review_row, self->review_hint, c, "review-date", problems);
  comm_editor_read_date (self->extended_row, self->extended_hint, c, "extended-to", problems);
  comm_editor_read_date (self->terminated_row, self->terminated_hint, c, "terminated-on", problems);
  comm_funding_lines_editor_collect_problems (self->funding_editor, problems);
}

/* Validation of the copy, minus what the unreadable text already explains. */
static void
collect_problems (CommContractEditor *self)
{
  g_autoptr(GPtrArray) parse_problems = comm_problems_new ();
  g_autoptr(GPtrArray) rule_problems = NULL;
  const char *reference;

  read_fields (self, parse_problems);
  reference = comm_contract_get_reference (self->working);
  comm_contract_refresh_derived (self->working, &self->today,
                                 (const int *) self->leads->data, self->leads->len);
  rule_problems = comm_contract_validate (self->working);

  g_ptr_array_set_size (self->problems, 0);
  if (*reference != '\0' &&
      comm_contract_store_reference_exists (self->database, reference, comm_contract_get_id (self->working)))
    {
      g_autofree char *message = g_strdup_printf (_("Another contract already has the reference “%s”."), reference);
      g_ptr_array_add (self->problems, comm_problem_new ("reference", message));
    }

  for (guint i = 0; i < parse_problems->len; i++)
    g_ptr_array_add (self->problems, g_ptr_array_steal_index (parse_problems, i--));

  for (guint i = 0; i < rule_problems->len; i++)
    {
      CommProblem *problem = g_ptr_array_index (rule_problems, i);

      if (comm_problems_find (self->problems, problem->field) == NULL)
        g_ptr_array_add (self->problems, g_ptr_array_steal_index (rule_problems, i--));
    }
}

static gboolean
is_touched (CommContractEditor *self,
            const char         *field)
{
  g_autofree char *kind = NULL;

  if (self->show_all || g_hash_table_contains (self->touched, field))
    return TRUE;

  /* "funding-line:2" is touched when any funding line was. */
  kind = g_strndup (field, strcspn (field, ":"));
  return g_hash_table_contains (self->touched, kind);
}

/* A new contract starts with every field empty: its fields only show their problems once typed
 * in, while the summary at the bottom always lists everything that stops saving. */
static void
show_problems (CommContractEditor *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *contract = NULL;
  g_autofree char *provider = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *all = comm_editor_problem_text (self->problems, NULL);
  g_autofree char *summary = NULL;
  guint n = self->problems->len;

  for (guint i = 0; i < n; i++)
    {
      CommProblem *problem = g_ptr_array_index (self->problems, i);

      if (is_touched (self, problem->field))
        g_ptr_array_add (shown, problem);
    }
  contract = comm_editor_problem_text (shown, contract_fields);
  provider = comm_editor_problem_text (shown, provider_fields);
  dates = comm_editor_problem_text (shown, date_fields);

  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    {
      GtkWidget *widget = G_STRUCT_MEMBER (GtkWidget *, self, field_widgets[i].offset);

      comm_editor_mark (widget, comm_problems_find (shown, field_widgets[i].field) != NULL);
    }

  comm_editor_show_message (self->contract_errors, contract);
  comm_editor_show_message (self->provider_errors, provider);
  comm_editor_show_message (self->dates_errors, dates);
  comm_funding_lines_editor_show_problems (self->funding_editor, shown);
  comm_rag_history_editor_show_problems (self->rag_editor, shown);
  comm_meetings_editor_show_problems (self->meetings_editor, shown);

  if (n > 0)
    {
      g_autofree char *header = g_strdup_printf (g_dngettext (NULL, "%u problem stops this contract being saved:",
                                                              "%u problems stop this contract being saved:", n),
                                                 n);

      summary = g_strdup_printf ("%s\n%s", header, all);
    }
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_revealer_set_reveal_child (self->summary_revealer, n > 0);
}

static void
set_row_text (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : _("—"));
}

static void
update_derived (CommContractEditor *self)
{
  CommContractDerived derived = { 0 };

  comm_contract_derived_describe (self->working, (const int *) self->leads->data, self->leads->len,
                                  &self->today, &derived);
  set_row_text (self->status_row, derived.status);
  set_row_text (self->annual_row, derived.annual);
  set_row_text (self->total_row, derived.total);
  set_row_text (self->monitoring_row, derived.monitoring);
  set_row_text (self->reminder_row, derived.reminders != NULL ? derived.reminders : _("None due"));
  comm_editor_mark (GTK_WIDGET (self->monitoring_row), derived.overdue);
  comm_contract_derived_clear (&derived);
}

static void
update_save (CommContractEditor *self)
{
  gboolean ok = self->problems->len == 0;
  g_autofree char *tooltip = NULL;
  CommProblem *first = ok ? NULL : g_ptr_array_index (self->problems, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ok);
  tooltip = ok ? g_strdup (_("Save the contract (Ctrl+S)"))
               : g_strdup_printf (_("Cannot save yet: %s"), first->message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), tooltip);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_provider_button),
                            comm_contract_get_provider_id (self->working) != 0);
  adw_window_title_set_subtitle (self->window_title, comm_contract_get_reference (self->working));
}

static void
revalidate (CommContractEditor *self)
{
  collect_problems (self);
  show_problems (self);
  update_derived (self);
  update_save (self);
}

static const char *
field_of (CommContractEditor *self,
          gpointer            source)
{
  const struct { gpointer widget; const char *field; } others[] = {
    { self->geography_row, "geography" },
    { self->route_row, "procurement-route" },
    { self->procuring_switch, "procuring" },
    { self->funding_editor, "funding-line" },
    { self->rag_editor, "rag" },
    { self->meetings_editor, "meeting" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    if (G_STRUCT_MEMBER (gpointer, self, field_widgets[i].offset) == source)
      return field_widgets[i].field;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (others[i].widget == source)
      return others[i].field;

  return "description";
}

static void
on_field_changed_cb (CommContractEditor *self,
                     GObject            *source)
{
  if (self->loading)
    return;

  g_hash_table_add (self->touched, (gpointer) field_of (self, source));
  self->dirty = TRUE;
  gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);
  revalidate (self);
}

static void
on_field_notify_cb (CommContractEditor *self,
                    GParamSpec         *pspec,
                    GObject            *object)
{
  on_field_changed_cb (self, object);
}

static void
on_provider_saved_cb (GtkWidget          *provider_editor,
                      CommProvider       *provider,
                      CommContractEditor *self)
{
  self->loading = TRUE;
  fill_providers (self, comm_provider_get_id (provider));
  self->loading = FALSE;

  g_hash_table_add (self->touched, (gpointer) "provider-id");
  self->dirty = TRUE;
  revalidate (self);
  g_signal_emit (self, signals[PROVIDERS_CHANGED], 0);
}

static void
open_provider_editor (CommContractEditor *self,
                      CommProvider       *provider)
{
  CommProviderEditor *editor = comm_provider_editor_new (self->database, provider);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_provider_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_new_provider_clicked_cb (CommContractEditor *self,
                            GtkButton          *button)
{
  open_provider_editor (self, NULL);
}

static void
on_edit_provider_clicked_cb (CommContractEditor *self,
                             GtkButton          *button)
{
  gint64 id = comm_contract_get_provider_id (self->working);
  g_autoptr(CommProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return;

  provider = comm_provider_store_get (self->database, id, &error);
  if (provider == NULL)
    {
      comm_editor_show_message (self->provider_errors, error->message);
      return;
    }

  open_provider_editor (self, provider);
}

static gboolean
on_close_request_cb (CommContractEditor *self,
                     GtkWindow          *window)
{
  if (!self->dirty)
    return FALSE;

  comm_editor_confirm_discard (GTK_WINDOW (self), _("The changes to this contract have not been saved."));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CommContractEditor *self = COMM_CONTRACT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->show_all = TRUE;
  revalidate (self);
  if (self->problems->len > 0)
    return;

  if (!comm_contract_store_save (self->database, self->working, &error))
    {
      message = g_strdup_printf (_("The contract was not saved. %s Nothing you typed has been lost: correct it and save again."),
                                 error->message);
      gtk_label_set_text (self->save_error_label, message);
      gtk_revealer_set_reveal_child (self->save_error_revealer, TRUE);
      return;
    }

  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, self->working);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CommContractEditor *self = COMM_CONTRACT_EDITOR (widget);

  if (self->dirty)
    comm_editor_confirm_discard (GTK_WINDOW (self), _("The changes to this contract have not been saved."));
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
comm_contract_editor_dispose (GObject *object)
{
  CommContractEditor *self = COMM_CONTRACT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_CONTRACT_EDITOR);
  g_clear_object (&self->working);
  g_clear_object (&self->providers);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (comm_contract_editor_parent_class)->dispose (object);
}

static void
comm_contract_editor_finalize (GObject *object)
{
  CommContractEditor *self = COMM_CONTRACT_EDITOR (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->leads, g_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (comm_contract_editor_parent_class)->finalize (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CommContractEditor, name)
  BIND (window_title); BIND (save_button); BIND (save_error_revealer); BIND (save_error_label);
  BIND (reference_row); BIND (title_row); BIND (area_row); BIND (lead_row);
  BIND (geography_row); BIND (route_row); BIND (department_row); BIND (vat_row); BIND (description_view); BIND (provider_row);
  BIND (edit_provider_button); BIND (start_row); BIND (end_row); BIND (review_row);
  BIND (extension_row); BIND (extended_row); BIND (terminated_row); BIND (start_hint);
  BIND (end_hint); BIND (review_hint); BIND (extended_hint); BIND (terminated_hint);
  BIND (notice_spin); BIND (procuring_switch); BIND (contract_errors); BIND (provider_errors);
  BIND (dates_errors); BIND (funding_editor); BIND (rag_editor); BIND (meetings_editor);
  BIND (status_row); BIND (annual_row); BIND (total_row); BIND (monitoring_row);
  BIND (reminder_row); BIND (summary_revealer); BIND (summary_label);
#undef BIND
}

static void
comm_contract_editor_class_init (CommContractEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_contract_editor_dispose;
  object_class->finalize = comm_contract_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, COMM_TYPE_CONTRACT);
  signals[PROVIDERS_CHANGED] = g_signal_new ("providers-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (COMM_TYPE_FUNDING_LINES_EDITOR);
  g_type_ensure (COMM_TYPE_RAG_HISTORY_EDITOR);
  g_type_ensure (COMM_TYPE_MEETINGS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/uk/org/commissioner/Commissioner/comm-contract-editor.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_provider_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_provider_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
comm_contract_editor_init (CommContractEditor *self)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  GtkWidget *suggestions;
  GtkExpression *name;

  self->problems = comm_problems_new ();
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  comm_date_today (&self->today);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (const CommChoice *c = comm_service_areas (); c->code != NULL; c++)
    g_ptr_array_add (areas, (gpointer) _(c->label));
  g_ptr_array_add (areas, NULL);
  suggestions = comm_suggestions_button_new (GTK_EDITABLE (self->area_row),
                                             (const char * const *) areas->pdata,
                                             _("Service area suggestions"));
  adw_entry_row_add_suffix (self->area_row, suggestions);

  name = gtk_property_expression_new (COMM_TYPE_PROVIDER, NULL, "name");
  adw_combo_row_set_expression (self->provider_row, name);
  gtk_expression_unref (name);

  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
}

CommContractEditor *
comm_contract_editor_new (CommDatabase *database,
                          CommContract *contract)
{
  CommContractEditor *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (contract == NULL || COMM_IS_CONTRACT (contract), NULL);

  self = g_object_new (COMM_TYPE_CONTRACT_EDITOR, NULL);
  self->database = g_object_ref (database);
  self->leads = comm_contract_store_reminder_leads (database);
  self->is_new = contract == NULL;
  self->show_all = !self->is_new;
  if (contract != NULL)
    self->working = comm_contract_copy (contract);
  else
    {
      self->working = comm_contract_new ();
      comm_contract_set_has_details (self->working, TRUE);
      g_object_set (self->working, "notice-months", 3, NULL);
    }

  adw_window_title_set_title (self->window_title, self->is_new ? _("New Contract") : _("Edit Contract"));
  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Contract") : _("Edit Contract"));

  self->loading = TRUE;
  fill_fields (self);
  self->loading = FALSE;
  revalidate (self);
  comm_contract_banding_editor_attach (GTK_WIDGET (self), database, comm_contract_get_id (self->working));

  return self;
}

gboolean
comm_contract_editor_is_new (CommContractEditor *self)
{
  g_return_val_if_fail (COMM_IS_CONTRACT_EDITOR (self), FALSE);

  return self->is_new;
}

CommContract *
comm_contract_editor_get_working_copy (CommContractEditor *self)
{
  g_return_val_if_fail (COMM_IS_CONTRACT_EDITOR (self), NULL);

  return self->working;
}

GPtrArray *
comm_contract_editor_get_problems (CommContractEditor *self)
{
  g_return_val_if_fail (COMM_IS_CONTRACT_EDITOR (self), NULL);

  return self->problems;
}
