/* comm-export-deep-dives.c: the Deep Dive schedule of a year, and every Deep Dive action, as CSV
 *
 * Both read the workspace through the Deep Dive schedule's queries (comm-deep-dive-schedule.h),
 * so the files say what the Deep Dives tab and the schedule report say, and write with the
 * RFC 4180 writer of comm-csv.h (formula-looking cells neutralised unless told not to).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "comm-date.h"
#include "comm-deep-dive-schedule.h"
#include "comm-export-deep-dives.h"
#include "comm-file-replace-private.h"
#include "comm-types.h"

enum {
  SCHEDULE_REFERENCE,
  SCHEDULE_TITLE,
  SCHEDULE_PROVIDER,
  SCHEDULE_SERVICE_AREA,
  SCHEDULE_YEAR,
  SCHEDULE_SCHEDULED,
  SCHEDULE_REVIEWER,
  SCHEDULE_CONTACT,
  SCHEDULE_STATUS,
  SCHEDULE_STARTED,
  SCHEDULE_JUDGED,
  SCHEDULE_AREAS,
  SCHEDULE_OPEN_ACTIONS,
  SCHEDULE_OVERDUE_ACTIONS,
  SCHEDULE_GRADE,
  SCHEDULE_SIGNED_OFF,
  N_SCHEDULE_COLUMNS
};

static const char * const schedule_columns[N_SCHEDULE_COLUMNS + 1] = {
  N_("Reference"), N_("Title"), N_("Provider"), N_("Service area"), N_("Financial year"),
  N_("Scheduled date"), N_("Lead reviewer"), N_("Provider contact"), N_("Status"), N_("Started on"),
  N_("Areas judged"), N_("Areas in checklist"), N_("Open actions"), N_("Overdue actions"),
  N_("Overall grade"), N_("Signed off on"), NULL
};

enum {
  ACTION_REFERENCE,
  ACTION_TITLE,
  ACTION_PROVIDER,
  ACTION_YEAR,
  ACTION_AREA_NUMBER,
  ACTION_AREA,
  ACTION_DESCRIPTION,
  ACTION_OWNER,
  ACTION_DUE,
  ACTION_DONE,
  ACTION_DONE_ON,
  ACTION_OVERDUE,
  ACTION_SIGNED_OFF,
  N_ACTION_COLUMNS
};

static const char * const action_columns[N_ACTION_COLUMNS + 1] = {
  N_("Reference"), N_("Title"), N_("Provider"), N_("Financial year"), N_("Area number"), N_("Area"),
  N_("Action"), N_("Owner"), N_("Due"), N_("Done"), N_("Done on"), N_("Overdue"),
  N_("Deep Dive signed off"), NULL
};

typedef struct {
  CommDatabase      *db;
  int                year;
  const GDate       *today;
  CommCsvWriteFlags  flags;
  guint             *n_written;
} FileJob;

static gboolean
write_header (CommCsvWriter       *writer,
              const char * const  *columns,
              guint                n_columns,
              GError             **error)
{
  g_autofree const char **cells = g_new0 (const char *, n_columns);

  for (guint i = 0; i < n_columns; i++)
    cells[i] = _(columns[i]);
  return comm_csv_writer_write_row (writer, cells, n_columns, error);
}

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

static const char *
service_area_label (const char *code)
{
  return *code == '\0' ? "" : comm_choice_label (comm_service_areas (), code);
}

static gboolean
write_schedule_row (CommCsvWriter    *writer,
                    CommDeepDiveRow  *row,
                    GError          **error)
{
  gboolean has_dive = comm_deep_dive_row_get_deep_dive_id (row) != 0;
  gboolean started = *comm_deep_dive_row_get_started_on (row) != '\0';
  g_autofree char *year = comm_financial_year_label (comm_deep_dive_row_get_year (row));
  g_autofree char *judged = g_strdup_printf ("%u", comm_deep_dive_row_get_areas_judged (row));
  g_autofree char *areas = g_strdup_printf ("%u", comm_deep_dive_row_get_areas_total (row));
  g_autofree char *open = g_strdup_printf ("%u", comm_deep_dive_row_get_open_actions (row));
  g_autofree char *overdue = g_strdup_printf ("%u", comm_deep_dive_row_get_overdue_actions (row));
  CommGrade grade = comm_deep_dive_row_get_grade (row);
  const char *cells[N_SCHEDULE_COLUMNS];

  cells[SCHEDULE_REFERENCE] = comm_deep_dive_row_get_contract_reference (row);
  cells[SCHEDULE_TITLE] = comm_deep_dive_row_get_contract_title (row);
  cells[SCHEDULE_PROVIDER] = comm_deep_dive_row_get_provider_name (row);
  cells[SCHEDULE_SERVICE_AREA] = service_area_label (comm_deep_dive_row_get_service_area (row));
  cells[SCHEDULE_YEAR] = year;
  cells[SCHEDULE_SCHEDULED] = comm_deep_dive_row_get_scheduled_on (row);
  cells[SCHEDULE_REVIEWER] = comm_deep_dive_row_get_lead_reviewer (row);
  cells[SCHEDULE_CONTACT] = comm_deep_dive_row_get_provider_contact (row);
  cells[SCHEDULE_STATUS] = comm_deep_dive_status_to_label (comm_deep_dive_row_get_status (row));
  cells[SCHEDULE_STARTED] = comm_deep_dive_row_get_started_on (row);
  /* Counts only mean something once the Deep Dive has started (its areas exist then) */
  cells[SCHEDULE_JUDGED] = started ? judged : "";
  cells[SCHEDULE_AREAS] = started ? areas : "";
  cells[SCHEDULE_OPEN_ACTIONS] = started ? open : "";
  cells[SCHEDULE_OVERDUE_ACTIONS] = started ? overdue : "";
  cells[SCHEDULE_GRADE] = has_dive && grade != COMM_GRADE_NONE ? comm_grade_to_label (grade) : "";
  cells[SCHEDULE_SIGNED_OFF] = comm_deep_dive_row_get_signed_off_on (row);

  return comm_csv_writer_write_row (writer, cells, N_SCHEDULE_COLUMNS, error);
}

static gboolean
write_action_row (CommCsvWriter        *writer,
                  const CommActionRow  *row,
                  GError              **error)
{
  g_autofree char *year = comm_financial_year_label (row->year);
  g_autofree char *number = g_strdup_printf ("%u", row->area_number);
  const char *cells[N_ACTION_COLUMNS];

  cells[ACTION_REFERENCE] = row->contract_reference;
  cells[ACTION_TITLE] = row->contract_title;
  cells[ACTION_PROVIDER] = row->provider_name;
  cells[ACTION_YEAR] = year;
  cells[ACTION_AREA_NUMBER] = number;
  cells[ACTION_AREA] = row->area_title;
  cells[ACTION_DESCRIPTION] = row->action.description;
  cells[ACTION_OWNER] = row->action.owner;
  cells[ACTION_DUE] = row->action.due_on;
  cells[ACTION_DONE] = yes_no (row->action.done);
  cells[ACTION_DONE_ON] = row->action.done_on;
  cells[ACTION_OVERDUE] = yes_no (row->overdue);
  cells[ACTION_SIGNED_OFF] = yes_no (row->deep_dive_signed_off);

  return comm_csv_writer_write_row (writer, cells, N_ACTION_COLUMNS, error);
}

/* Writes the rows of @actions that are done (@done TRUE) or not; counts them in @n. */
static gboolean
write_actions (CommCsvWriter  *writer,
               GPtrArray      *actions,
               gboolean        done,
               GCancellable   *cancellable,
               guint          *n,
               GError        **error)
{
  for (guint i = 0; i < actions->len; i++)
    {
      const CommActionRow *row = g_ptr_array_index (actions, i);

      if (!row->action.done != !done)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error) || !write_action_row (writer, row, error))
        return FALSE;
      (*n)++;
    }
  return TRUE;
}

static gboolean
write_schedule_file (GOutputStream  *out,
                     gpointer        user_data,
                     GCancellable   *cancellable,
                     GError        **error)
{
  FileJob *job = user_data;

  return comm_export_deep_dive_schedule_csv (job->db, job->year, job->today, out, job->flags, cancellable,
                                             job->n_written, error);
}

static gboolean
write_actions_file (GOutputStream  *out,
                    gpointer        user_data,
                    GCancellable   *cancellable,
                    GError        **error)
{
  FileJob *job = user_data;

  return comm_export_deep_dive_actions_csv (job->db, job->today, out, job->flags, cancellable,
                                            job->n_written, error);
}

const char * const *
comm_export_deep_dive_schedule_columns (void)
{
  return schedule_columns;
}

gboolean
comm_export_deep_dive_schedule_csv (CommDatabase       *db,
                                    int                 year,
                                    const GDate        *today,
                                    GOutputStream      *out,
                                    CommCsvWriteFlags   flags,
                                    GCancellable       *cancellable,
                                    guint              *n_written,
                                    GError            **error)
{
  g_autoptr(GListStore) rows = NULL;
  g_autoptr(CommCsvWriter) writer = NULL;
  guint n;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if ((rows = comm_deep_dive_schedule_list (db, year, today, error)) == NULL)
    return FALSE;
  writer = comm_csv_writer_new (out, flags);
  if (!write_header (writer, schedule_columns, N_SCHEDULE_COLUMNS, error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CommDeepDiveRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) || !write_schedule_row (writer, row, error))
        return FALSE;
    }
  if (!comm_csv_writer_finish (writer, error))
    return FALSE;
  if (n_written != NULL)
    *n_written = n;
  return TRUE;
}

gboolean
comm_export_deep_dive_schedule_csv_to_file (CommDatabase       *db,
                                            int                 year,
                                            const GDate        *today,
                                            const char         *path,
                                            CommCsvWriteFlags   flags,
                                            GCancellable       *cancellable,
                                            guint              *n_written,
                                            GError            **error)
{
  FileJob job = { db, year, today, flags, n_written };

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return comm_file_write_atomically (path, write_schedule_file, &job, cancellable, error);
}

const char * const *
comm_export_deep_dive_actions_columns (void)
{
  return action_columns;
}

gboolean
comm_export_deep_dive_actions_csv (CommDatabase       *db,
                                   const GDate        *today,
                                   GOutputStream      *out,
                                   CommCsvWriteFlags   flags,
                                   GCancellable       *cancellable,
                                   guint              *n_written,
                                   GError            **error)
{
  g_autoptr(GPtrArray) outstanding = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(CommCsvWriter) writer = NULL;
  guint n = 0;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  /* Outstanding ones in their own order (overdue first), then the done ones by contract */
  if ((outstanding = comm_deep_dive_list_actions (db, 0, TRUE, today, error)) == NULL ||
      (all = comm_deep_dive_list_actions (db, 0, FALSE, today, error)) == NULL)
    return FALSE;

  writer = comm_csv_writer_new (out, flags);
  if (!write_header (writer, action_columns, N_ACTION_COLUMNS, error) ||
      !write_actions (writer, outstanding, FALSE, cancellable, &n, error) ||
      !write_actions (writer, all, TRUE, cancellable, &n, error) ||
      !comm_csv_writer_finish (writer, error))
    return FALSE;
  if (n_written != NULL)
    *n_written = n;
  return TRUE;
}

gboolean
comm_export_deep_dive_actions_csv_to_file (CommDatabase       *db,
                                           const GDate        *today,
                                           const char         *path,
                                           CommCsvWriteFlags   flags,
                                           GCancellable       *cancellable,
                                           guint              *n_written,
                                           GError            **error)
{
  FileJob job = { db, 0, today, flags, n_written };

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return comm_file_write_atomically (path, write_actions_file, &job, cancellable, error);
}
