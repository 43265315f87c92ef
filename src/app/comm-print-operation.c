/* comm-print-operation.c: printing a report with the report layout */
#include "config.h"

#include <glib/gi18n.h>

#include "comm-print-operation.h"

struct _CommPrintOperation
{
  GtkPrintOperation   parent_instance;

  CommReportDocument *document;
  CommReportLayout   *layout;
};

G_DEFINE_FINAL_TYPE (CommPrintOperation, comm_print_operation, GTK_TYPE_PRINT_OPERATION)

static GtkPageSetup *
new_page_setup (CommReportDocument *document)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, comm_report_document_get_orientation (document) == COMM_REPORT_LANDSCAPE
                                           ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static void
comm_print_operation_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  CommPrintOperation *self = COMM_PRINT_OPERATION (operation);

  g_clear_pointer (&self->layout, comm_report_layout_free);
  self->layout = comm_report_layout_new (self->document,
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context),
                                         gtk_print_context_get_cairo_context (context));
  comm_report_layout_paginate (self->layout, NULL, NULL, NULL, NULL);
  gtk_print_operation_set_n_pages (operation, MAX (comm_report_layout_get_n_pages (self->layout), 1));
}

static void
comm_print_operation_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page_nr)
{
  CommPrintOperation *self = COMM_PRINT_OPERATION (operation);

  if (self->layout != NULL && page_nr >= 0 && (guint) page_nr < comm_report_layout_get_n_pages (self->layout))
    comm_report_layout_draw_page (self->layout, page_nr, gtk_print_context_get_cairo_context (context));
}

static void
comm_print_operation_end_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  CommPrintOperation *self = COMM_PRINT_OPERATION (operation);

  g_clear_pointer (&self->layout, comm_report_layout_free);
}

static void
comm_print_operation_finalize (GObject *object)
{
  CommPrintOperation *self = COMM_PRINT_OPERATION (object);

  g_clear_pointer (&self->layout, comm_report_layout_free);
  g_clear_pointer (&self->document, comm_report_document_unref);

  G_OBJECT_CLASS (comm_print_operation_parent_class)->finalize (object);
}

static void
comm_print_operation_class_init (CommPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = comm_print_operation_finalize;
  print_class->begin_print = comm_print_operation_begin_print;
  print_class->draw_page = comm_print_operation_draw_page;
  print_class->end_print = comm_print_operation_end_print;
}

static void
comm_print_operation_init (CommPrintOperation *self)
{
}

CommPrintOperation *
comm_print_operation_new (CommReportDocument *document)
{
  CommPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (COMM_TYPE_PRINT_OPERATION, NULL);
  self->document = comm_report_document_ref (document);
  setup = new_page_setup (document);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), comm_report_document_get_title (document));
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  return self;
}

CommReportDocument *
comm_print_operation_get_document (CommPrintOperation *self)
{
  g_return_val_if_fail (COMM_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}
