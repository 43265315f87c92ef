/* comm-import-flow.h: one CSV import run, shared by the import dialogs
 *
 * CommImportFlow reads a file and checks its rows in a worker thread, keeps the file read (the
 * source) and the plan of what would change, applies the plan in a worker thread, and saves the
 * rejected rows; it also opens the file choosers for these. Each worker uses its own database
 * connection (comm_database_open_secondary) and runs behind the dialog's CommProgressOverlay.
 * The flow shows errors in the dialog's error label and the file's name and format in its File
 * rows; the dialog shows the rest, and keeps its own settings, through the hooks below. The plan
 * is the dialog's own type (CommImportPlan, CommRiskImportPlan), handled through the hooks.
 *
 * A check asked for while work runs is made when the work ends (with the widgets as they are
 * then). Closing the dialog cancels work under way (the overlay goes with it); the flow outlives
 * the dialog until the work ends, keeping the source and the plan the worker reads, and then
 * ignores the end.
 */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-progress-overlay.h"

G_BEGIN_DECLS

/* What a check works on (in the worker thread). */
typedef struct {
  CommDatabase            *db;          /* the worker's own connection */
  CommImportSource        *source;      /* the rows to check */
  gboolean                 new_source;  /* @source was just read from the file */
  const CommImportOptions *options;
  gpointer                 settings;    /* the dialog's, from settings_new (); or NULL */
} CommImportCheck;

/* The plan's functions, @plan being the dialog's plan type (each dialog wraps the core's
 * functions in these, rather than casting them). plan_new and plan_apply run in the worker
 * thread (no widgets): the plan of @check's rows (NULL with @error set if the rows cannot be
 * checked), and writing it in one transaction. */
typedef gpointer (*CommImportPlanNew)          (const CommImportCheck  *check,
                                                GCancellable           *cancellable,
                                                CommProgressFunc        progress,
                                                gpointer                progress_data,
                                                GError                **error);
typedef gboolean (*CommImportPlanApply)        (gpointer                plan,
                                                CommDatabase           *db,
                                                gboolean                good_only,
                                                GCancellable           *cancellable,
                                                CommProgressFunc        progress,
                                                gpointer                progress_data,
                                                GError                **error);
typedef guint    (*CommImportPlanCount)        (gpointer                plan,
                                                CommImportRowKind       kind);
typedef gboolean (*CommImportPlanWriteRejects) (gpointer                plan,
                                                const char             *path,
                                                GError                **error);

typedef struct {
  CommImportPlanNew          plan_new;
  CommImportPlanApply        plan_apply;
  CommImportPlanCount        plan_count;
  CommImportPlanWriteRejects plan_write_rejects;
  GDestroyNotify             plan_free;

  /* On the main thread, @dialog being the flow's dialog. settings_new (may be NULL) reads what
   * a check needs from the dialog's widgets; settings_free frees it (after the worker). */
  gpointer (*settings_new)   (GtkWindow *dialog);
  GDestroyNotify settings_free;
  /* A file was read: show its sample, columns ... (the flow has shown its name and format). */
  void     (*source_read)    (GtkWindow *dialog);
  /* A check ended; @made: with a new plan, or with the error that no plan could be made (shown
   * already); else it failed (the source and plan are gone, the error shown) or was cancelled. */
  void     (*checked)        (GtkWindow *dialog,
                              gboolean   made);
  /* Work started or ended: enable the dialog's actions. */
  void     (*update_actions) (GtkWindow *dialog);
  /* The plan was applied: say so and close. */
  void     (*imported)       (GtkWindow *dialog);
} CommImportFlowHooks;

#define COMM_TYPE_IMPORT_FLOW (comm_import_flow_get_type ())
G_DECLARE_FINAL_TYPE (CommImportFlow, comm_import_flow, COMM, IMPORT_FLOW, GObject)

/* The widgets are the dialog's (borrowed); @hooks must stay valid (a static table). */
CommImportFlow    *comm_import_flow_new           (GtkWindow                 *dialog,
                                                   const CommImportFlowHooks *hooks,
                                                   CommProgressOverlay       *progress,
                                                   GtkLabel                  *error_label,
                                                   AdwActionRow              *file_row,
                                                   AdwActionRow              *format_row);
void               comm_import_flow_set_database  (CommImportFlow            *self,
                                                   CommDatabase              *database);
/* How files are read; owned by the flow (changes count from the next check). set_options()
 * takes @options. */
CommImportOptions *comm_import_flow_get_options   (CommImportFlow            *self);
void               comm_import_flow_set_options   (CommImportFlow            *self,
                                                   CommImportOptions         *options);
/* The file read and the plan of the last check (the dialog's type), or NULL. */
CommImportSource  *comm_import_flow_get_source    (CommImportFlow            *self);
gpointer           comm_import_flow_get_plan      (CommImportFlow            *self);
/* The plan's rows of @kind; new and updated ones (what an import writes). 0 without a plan. */
guint              comm_import_flow_count         (CommImportFlow            *self,
                                                   CommImportRowKind          kind);
guint              comm_import_flow_count_writes  (CommImportFlow            *self);
/* TRUE while a file is read, checked or imported. */
gboolean           comm_import_flow_get_busy      (CommImportFlow            *self);
/* Shows @message in the error label, or hides it (NULL). */
void               comm_import_flow_show_error    (CommImportFlow            *self,
                                                   const char                *message);

/* Reads @path and checks it (not while busy). */
void               comm_import_flow_load_file     (CommImportFlow            *self,
                                                   const char                *path);
/* Checks the rows again (@reread: reads the file again first); when the work under way ends,
 * if busy. Nothing happens before a file was chosen. */
void               comm_import_flow_check         (CommImportFlow            *self,
                                                   gboolean                   reread);
/* Writes the plan (all rows, or the good ones only); imported() follows. */
void               comm_import_flow_apply         (CommImportFlow            *self,
                                                   gboolean                   good_only);
/* A chooser of CSV files titled @title; the file chosen is loaded. */
void               comm_import_flow_choose_file   (CommImportFlow            *self,
                                                   const char                *title);
/* A chooser to save the rejected rows, suggesting @file_name. */
void               comm_import_flow_save_rejects  (CommImportFlow            *self,
                                                   const char                *file_name);

G_END_DECLS
