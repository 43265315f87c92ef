/* comm-export-deep-dives.h: the Deep Dive schedule of a year, and every Deep Dive action, as CSV
 *
 * Written for people opening the file in a spreadsheet, as the contracts CSV is: the header and
 * the status, judgement and grade cells are the labels the app shows, in the user's language;
 * dates ISO; RFC 4180 (see comm-csv.h), cells that look like formulas neutralised unless @flags
 * say not to. The _to_file variants write atomically: a failure leaves any existing file alone.
 */
#pragma once

#include <gio/gio.h>

#include "comm-csv.h"
#include "comm-database.h"

G_BEGIN_DECLS

/* Reference, Title, Provider, Service area, Financial year, Scheduled date, Lead reviewer,
 * Provider contact, Status, Started on, Areas judged, Areas in checklist, Open actions, Overdue
 * actions, Overall grade, Signed off on. NULL-terminated. */
const char * const *comm_export_deep_dive_schedule_columns (void);

/* The schedule of the financial year @year (by its start year, 2026 = 2026-27) as of @today, as
 * comm_deep_dive_schedule_list() gives it: one row per contract active in the year or with a
 * Deep Dive in it, by scheduled date (undated ones last), then reference. A contract with no
 * Deep Dive that year has the status "No Deep Dive" and empty Deep Dive cells; the counts of
 * areas and actions are empty until a Deep Dive is started. @n_written (nullable) receives the
 * number of rows below the header. */
gboolean comm_export_deep_dive_schedule_csv         (CommDatabase       *db,
                                                     int                 year,
                                                     const GDate        *today,
                                                     GOutputStream      *out,
                                                     CommCsvWriteFlags   flags,
                                                     GCancellable       *cancellable,
                                                     guint              *n_written,
                                                     GError            **error);
gboolean comm_export_deep_dive_schedule_csv_to_file (CommDatabase       *db,
                                                     int                 year,
                                                     const GDate        *today,
                                                     const char         *path,
                                                     CommCsvWriteFlags   flags,
                                                     GCancellable       *cancellable,
                                                     guint              *n_written,
                                                     GError            **error);

/* Reference, Title, Provider, Financial year, Area number, Area, Action, Owner, Due, Done,
 * Done on, Overdue, Deep Dive signed off. NULL-terminated. */
const char * const *comm_export_deep_dive_actions_columns (void);

/* Every action of every Deep Dive of the contracts not deleted, all years: first the outstanding
 * ones, overdue first (as comm_deep_dive_list_actions() orders them), then those done, by
 * contract reference, year, area and the order they were added. "Done", "Overdue" and "Deep
 * Dive signed off" are "Yes" / "No"; an action is overdue when not done and due before @today.
 * @n_written (nullable) receives the number of actions written. */
gboolean comm_export_deep_dive_actions_csv         (CommDatabase       *db,
                                                    const GDate        *today,
                                                    GOutputStream      *out,
                                                    CommCsvWriteFlags   flags,
                                                    GCancellable       *cancellable,
                                                    guint              *n_written,
                                                    GError            **error);
gboolean comm_export_deep_dive_actions_csv_to_file (CommDatabase       *db,
                                                    const GDate        *today,
                                                    const char         *path,
                                                    CommCsvWriteFlags   flags,
                                                    GCancellable       *cancellable,
                                                    guint              *n_written,
                                                    GError            **error);

G_END_DECLS
