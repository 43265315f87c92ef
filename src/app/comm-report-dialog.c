/* comm-report-dialog.c: pick a report, preview it, export it as PDF or print it
 *
 * The preview job (comm-report-preview.c) builds the document on its own connection, paginates it
 * and renders the first page in the worker thread; the dialog keeps the document and the layout to
 * show other pages (rendered on the main thread once the worker is done with them) and to export
 * or print.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-print-operation.h"
#include "comm-progress-overlay.h"
#include "comm-report-dialog.h"
#include "comm-report-preview.h"
#include "comm-report-subjects.h"
#include "comm-window.h"

#define REFRESH_DELAY_MS 350

typedef struct
{
  CommReportDocument *document;
  char               *path;
} ExportJob;

struct _CommReportDialog
{
  AdwWindow            parent_instance;

  /* Template children */
  CommProgressOverlay *progress;
  AdwComboRow         *report_row;
  AdwComboRow         *contract_row;
  AdwComboRow         *subject_row;  /* a programme or a risk register, for reports needing one */
  AdwEntryRow         *year_row;
  GtkLabel            *description_label;
  GtkLabel            *message_label;
  GtkPicture          *preview;
  GtkLabel            *page_label;

  CommDatabase        *database;
  GPtrArray           *references;   /* char*, parallel to contract_row's model */
  CommReportDocument  *document;
  CommReportLayout    *layout;
  guint                page;
  char                *export_path;      /* the PDF being written */
  char                *programme;        /* preferred programme (budgets); set by the caller */
  char                *register_name;    /* preferred risk register; set by the caller */
  guint                subject_flags;    /* what subject_row lists: NEEDS_PROGRAMME or NEEDS_REGISTER */
  gboolean             filling_subjects;
  guint                refresh_id;
  gboolean             refresh_pending;  /* the choices changed while a job ran */
};

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CommReportDialog, comm_report_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static void refresh_preview (CommReportDialog *self);

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  comm_report_document_unref (job->document);
  g_free (job->path);
  g_free (job);
}

static gpointer
export_worker (gpointer          data,
               GCancellable     *cancellable,
               CommProgressFunc  progress,
               gpointer          progress_data,
               GError          **error)
{
  ExportJob *job = data;
  guint n_pages = 0;

  if (!comm_report_pdf_write (job->document, job->path, cancellable, progress, progress_data, &n_pages, error))
    return NULL;
  return GUINT_TO_POINTER (MAX (n_pages, 1));
}

static const CommReportInfo *
selected_report (CommReportDialog *self)
{
  guint n, index = adw_combo_row_get_selected (self->report_row);
  const CommReportInfo *reports = comm_reports_get_all (&n);

  return index < n ? &reports[index] : NULL;
}

static void
show_message (CommReportDialog *self,
              const char       *message,
              gboolean          is_error)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
update_actions (CommReportDialog *self)
{
  gboolean busy = comm_progress_overlay_get_busy (self->progress);
  gboolean ready = self->document != NULL && self->layout != NULL && !busy;
  guint n_pages = self->layout != NULL ? comm_report_layout_get_n_pages (self->layout) : 0;
  g_autofree char *label = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.previous-page", ready && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.next-page", ready && self->page + 1 < n_pages);

  if (n_pages > 0)
    /* Translators: under the report preview */
    label = g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages);
  gtk_label_set_text (self->page_label, label != NULL ? label : "");
}

static void
clear_document (CommReportDialog *self)
{
  g_clear_pointer (&self->document, comm_report_document_unref);
  g_clear_pointer (&self->layout, comm_report_layout_free);
  gtk_picture_set_paintable (self->preview, NULL);
  self->page = 0;
}

static void
on_preview_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CommReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  CommReportPreview *preview = comm_progress_overlay_run_finish (COMM_PROGRESS_OVERLAY (source), result, &error);

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      g_clear_pointer (&preview, comm_report_preview_free);
      return;
    }

  clear_document (self);
  if (preview != NULL)
    {
      self->document = g_steal_pointer (&preview->document);
      self->layout = g_steal_pointer (&preview->layout);
      gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (preview->first_page));
      comm_report_preview_free (preview);
      show_message (self, NULL, FALSE);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, error->message, TRUE);

  update_actions (self);
  if (self->refresh_pending)
    refresh_preview (self);
}

/* The programme or register chosen in subject_row, else @fallback. */
static const char *
selected_subject (CommReportDialog *self,
                  const char       *fallback)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->subject_row);

  return item != NULL ? gtk_string_object_get_string (item) : fallback;
}

/* Lists the programmes or registers in subject_row for a report with @flags, choosing the one
 * the caller asked for (if any). */
static void
fill_subjects (CommReportDialog *self,
               guint             flags)
{
  gboolean programme = (flags & COMM_REPORT_NEEDS_PROGRAMME) != 0;

  self->subject_flags = flags;
  self->filling_subjects = TRUE;
  comm_report_subjects_fill (self->subject_row, self->database, flags,
                             programme ? self->programme : self->register_name);
  self->filling_subjects = FALSE;
}

/* Starts building the preview for the current choices (or marks it pending behind a job). */
static void
refresh_preview (CommReportDialog *self)
{
  const CommReportInfo *info = selected_report (self);
  g_autofree char *year = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->year_row))));
  guint contract = adw_combo_row_get_selected (self->contract_row);
  g_autoptr(GError) error = NULL;
  CommReportPreviewJob *job;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (comm_progress_overlay_get_busy (self->progress))
    {
      self->refresh_pending = TRUE;
      return;
    }
  self->refresh_pending = FALSE;
  if (info == NULL || self->database == NULL)
    return;

  job = g_new0 (CommReportPreviewJob, 1);
  job->info = info;
  comm_report_options_init (&job->options);
  if ((info->flags & COMM_REPORT_NEEDS_ID) && contract < self->references->len)
    job->options.id = job->id = g_strdup (g_ptr_array_index (self->references, contract));
  if (info->flags & COMM_REPORT_NEEDS_PROGRAMME)
    job->options.programme = job->programme = g_strdup (selected_subject (self, self->programme));
  if (info->flags & COMM_REPORT_NEEDS_REGISTER)
    job->options.register_name = job->register_name = g_strdup (selected_subject (self, self->register_name));
  if ((info->flags & COMM_REPORT_TAKES_YEAR) && *year != '\0')
    comm_financial_year_parse (year, &job->options.year, &error);
  if (error != NULL)
    ;  /* shown below */
  else if ((info->flags & COMM_REPORT_NEEDS_ID) && job->id == NULL)
    g_set_error_literal (&error, COMM_ERROR, COMM_ERROR_INVALID, _("Choose the contract the report is about."));
  else if ((info->flags & COMM_REPORT_NEEDS_PROGRAMME) && job->programme == NULL)
    g_set_error_literal (&error, COMM_ERROR, COMM_ERROR_INVALID,
                         _("There are no budgets yet: make one in the Budgets tab first."));
  else if ((info->flags & COMM_REPORT_NEEDS_REGISTER) && job->register_name == NULL)
    g_set_error_literal (&error, COMM_ERROR, COMM_ERROR_INVALID,
                         _("There are no risk registers yet: make one in the Risks tab first."));
  else
    job->db = comm_database_open_secondary (self->database, &error);

  if (error != NULL)
    {
      comm_report_preview_job_free (job);
      clear_document (self);
      show_message (self, error->message, TRUE);
      update_actions (self);
      return;
    }

  comm_progress_overlay_run (self->progress, _("Preparing the report…"), comm_report_preview_worker, job,
                             comm_report_preview_job_free, comm_report_preview_free, on_preview_done_cb, g_object_ref (self));
  update_actions (self);
}

static gboolean
on_refresh_timeout_cb (gpointer data)
{
  CommReportDialog *self = data;

  self->refresh_id = 0;
  refresh_preview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (CommReportDialog *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, on_refresh_timeout_cb, self);
}

static void
on_report_selected_cb (CommReportDialog *self)
{
  const CommReportInfo *info = selected_report (self);
  guint subject;

  if (info == NULL)
    return;
  gtk_label_set_text (self->description_label, comm_report_info_get_description (info));
  gtk_widget_set_visible (GTK_WIDGET (self->contract_row), (info->flags & COMM_REPORT_NEEDS_ID) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), (info->flags & COMM_REPORT_TAKES_YEAR) != 0);
  subject = info->flags & (COMM_REPORT_NEEDS_PROGRAMME | COMM_REPORT_NEEDS_REGISTER);
  gtk_widget_set_visible (GTK_WIDGET (self->subject_row), subject != 0);
  if (subject != 0 && subject != self->subject_flags)
    fill_subjects (self, subject);
  refresh_preview (self);
}

static void
on_options_changed_cb (CommReportDialog *self)
{
  const CommReportInfo *info = selected_report (self);

  if (!self->filling_subjects && info != NULL
      && (info->flags & (COMM_REPORT_NEEDS_ID | COMM_REPORT_NEEDS_PROGRAMME | COMM_REPORT_NEEDS_REGISTER)))
    refresh_preview (self);
}

static void
on_year_changed_cb (CommReportDialog *self)
{
  schedule_refresh (self);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CommReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *path = self->export_path;
  guint n_pages = GPOINTER_TO_UINT (comm_progress_overlay_run_finish (COMM_PROGRESS_OVERLAY (source), result, &error));
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (n_pages == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, TRUE);
    }
  else
    {
      basename = g_filename_display_basename (path);
      /* Translators: after exporting a report; %s is a file name */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved “%s” (%u page).", "Saved “%s” (%u pages).",
                                              n_pages), basename, n_pages);
      show_message (self, message, FALSE);
      g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, path, n_pages);
    }
  update_actions (self);
  if (self->refresh_pending)
    refresh_preview (self);
}

static void
on_chooser_response_cb (GtkNativeDialog  *chooser,
                        int               response,
                        CommReportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  if (file != NULL && path == NULL)
    show_message (self, _("Choose a folder on this computer to save the PDF in."), TRUE);
  else if (path != NULL)
    comm_report_dialog_export_to (self, path);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static char *
suggested_file_name (CommReportDialog *self)
{
  const CommReportInfo *info = selected_report (self);
  guint contract = adw_combo_row_get_selected (self->contract_row);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (info != NULL && (info->flags & COMM_REPORT_NEEDS_ID) && contract < self->references->len)
    name = g_strdup_printf ("%s %s", comm_report_info_get_title (info),
                            (char *) g_ptr_array_index (self->references, contract));
  else
    name = g_strdup (info != NULL ? comm_report_info_get_title (info) : _("Report"));
  g_strdelimit (name, "/\\:", '-');
  return g_strdup_printf ("%s %s.pdf", name, date);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  CommReportDialog *self = COMM_REPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_file_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  CommReportDialog *self = COMM_REPORT_DIALOG (widget);
  g_autoptr(CommPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->document == NULL)
    return;
  operation = comm_print_operation_new (self->document);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (self, error->message, TRUE);
}

static void
previous_page_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CommReportDialog *self = COMM_REPORT_DIALOG (widget);

  if (self->page > 0)
    comm_report_dialog_show_page (self, self->page - 1);
}

static void
next_page_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CommReportDialog *self = COMM_REPORT_DIALOG (widget);

  comm_report_dialog_show_page (self, self->page + 1);
}

static void
fill_choices (CommReportDialog *self)
{
  g_autoptr(GtkStringList) reports = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) contracts = gtk_string_list_new (NULL);
  g_autoptr(GListStore) list = NULL;
  const CommReportInfo *infos;
  GDate today;
  guint n;

  infos = comm_reports_get_all (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (reports, comm_report_info_get_title (&infos[i]));

  g_date_clear (&today, 1);
  comm_date_today (&today);
  list = comm_contract_store_list (self->database, &today, NULL);
  n = list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommContract) contract = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *label = g_strdup_printf ("%s — %s", comm_contract_get_reference (contract),
                                                comm_contract_get_title (contract));

      gtk_string_list_append (contracts, label);
      g_ptr_array_add (self->references, g_strdup (comm_contract_get_reference (contract)));
    }

  adw_combo_row_set_model (self->contract_row, G_LIST_MODEL (contracts));
  /* Setting the report list selects the first report, which builds its preview. */
  adw_combo_row_set_model (self->report_row, G_LIST_MODEL (reports));
}

static void
comm_report_dialog_dispose (GObject *object)
{
  CommReportDialog *self = COMM_REPORT_DIALOG (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMM_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (comm_report_dialog_parent_class)->dispose (object);
}

static void
comm_report_dialog_finalize (GObject *object)
{
  CommReportDialog *self = COMM_REPORT_DIALOG (object);

  g_clear_pointer (&self->document, comm_report_document_unref);
  g_clear_pointer (&self->layout, comm_report_layout_free);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->export_path, g_free);
  g_clear_pointer (&self->programme, g_free);
  g_clear_pointer (&self->register_name, g_free);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (comm_report_dialog_parent_class)->finalize (object);
}

static void
comm_report_dialog_class_init (CommReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comm_report_dialog_dispose;
  object_class->finalize = comm_report_dialog_finalize;

  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  g_type_ensure (COMM_TYPE_PROGRESS_OVERLAY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/org/commissioner/Commissioner/comm-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CommReportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, CommReportDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, CommReportDialog, contract_row);
  gtk_widget_class_bind_template_child (widget_class, CommReportDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, CommReportDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, CommReportDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, CommReportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, CommReportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, CommReportDialog, page_label);
  gtk_widget_class_bind_template_callback (widget_class, on_report_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);

  gtk_widget_class_install_action (widget_class, "report.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "report.previous-page", NULL, previous_page_cb);
  gtk_widget_class_install_action (widget_class, "report.next-page", NULL, next_page_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "report.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "report.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comm_report_dialog_init (CommReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->references = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_object (self->progress, "notify::busy", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

CommReportDialog *
comm_report_dialog_new (GtkWindow    *parent,
                        CommDatabase *database)
{
  CommReportDialog *self;

  g_return_val_if_fail (COMM_IS_DATABASE (database), NULL);

  self = g_object_new (COMM_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  fill_choices (self);
  return self;
}

gboolean
comm_report_dialog_select_report (CommReportDialog *self,
                                  const char       *name)
{
  const CommReportInfo *infos;
  guint n;

  g_return_val_if_fail (COMM_IS_REPORT_DIALOG (self), FALSE);

  infos = comm_reports_get_all (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (infos[i].name, name))
      {
        if (adw_combo_row_get_selected (self->report_row) == i)
          refresh_preview (self);
        else
          adw_combo_row_set_selected (self->report_row, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
comm_report_dialog_select_contract (CommReportDialog *self,
                                    const char       *reference)
{
  g_return_val_if_fail (COMM_IS_REPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->references->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->references, i), reference) == 0)
      {
        adw_combo_row_set_selected (self->contract_row, i);
        return TRUE;
      }
  return FALSE;
}

void
comm_report_dialog_export_to (CommReportDialog *self,
                              const char       *path)
{
  ExportJob *job;

  g_return_if_fail (COMM_IS_REPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->document == NULL || comm_progress_overlay_get_busy (self->progress))
    return;

  job = g_new0 (ExportJob, 1);
  job->document = comm_report_document_ref (self->document);
  job->path = g_strdup (path);
  g_free (self->export_path);
  self->export_path = g_strdup (path);
  comm_progress_overlay_run (self->progress, _("Writing the PDF…"), export_worker, job, export_job_free,
                             NULL, on_export_done_cb, g_object_ref (self));
  update_actions (self);
}

gboolean
comm_report_dialog_get_busy (CommReportDialog *self)
{
  g_return_val_if_fail (COMM_IS_REPORT_DIALOG (self), FALSE);

  return comm_progress_overlay_get_busy (self->progress) || self->refresh_id != 0 || self->refresh_pending;
}

CommReportDocument *
comm_report_dialog_get_document (CommReportDialog *self)
{
  g_return_val_if_fail (COMM_IS_REPORT_DIALOG (self), NULL);

  return self->document;
}

guint
comm_report_dialog_get_n_pages (CommReportDialog *self)
{
  g_return_val_if_fail (COMM_IS_REPORT_DIALOG (self), 0);

  return self->layout != NULL ? comm_report_layout_get_n_pages (self->layout) : 0;
}

void
comm_report_dialog_show_page (CommReportDialog *self,
                              guint             page)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_if_fail (COMM_IS_REPORT_DIALOG (self));

  /* (Not while a worker runs: the layout's fonts came from a worker thread.) */
  if (self->layout == NULL || page >= comm_report_layout_get_n_pages (self->layout) ||
      comm_progress_overlay_get_busy (self->progress))
    return;
  self->page = page;
  texture = comm_report_preview_render_page (self->layout, page);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  update_actions (self);
}

void
comm_report_dialog_set_programme (CommReportDialog *self,
                                  const char       *programme,
                                  int               year)
{
  g_return_if_fail (COMM_IS_REPORT_DIALOG (self));

  g_free (self->programme);
  self->programme = g_strdup (programme);
  if (self->subject_flags == COMM_REPORT_NEEDS_PROGRAMME)
    fill_subjects (self, self->subject_flags);
  if (year > 0)
    comm_report_dialog_set_year (self, year);
  else
    refresh_preview (self);
}

void
comm_report_dialog_set_year (CommReportDialog *self,
                             int               year)
{
  g_autofree char *label = NULL;

  g_return_if_fail (COMM_IS_REPORT_DIALOG (self));
  g_return_if_fail (year > 0);

  label = comm_financial_year_label (year);
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), label);
  refresh_preview (self);
}

void
comm_report_dialog_set_register (CommReportDialog *self,
                                 const char       *register_name)
{
  g_return_if_fail (COMM_IS_REPORT_DIALOG (self));

  g_free (self->register_name);
  self->register_name = g_strdup (register_name);
  if (self->subject_flags == COMM_REPORT_NEEDS_REGISTER)
    fill_subjects (self, self->subject_flags);
  refresh_preview (self);
}
