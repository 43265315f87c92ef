/* comm-export-budget.h: a budget, or a comparison of budgets, as CSV
 *
 * Money is plain pounds with two decimals ("143000.00", "-50.00"); percentages plain with up to
 * three decimals ("12.345"); nothing is rounded on the way out, so the figures in the file add up
 * exactly as they do on screen.
 */
#pragma once

#include <gio/gio.h>

#include "comm-budget.h"
#include "comm-budget-compare.h"
#include "comm-csv.h"
#include "comm-database.h"

G_BEGIN_DECLS

/* One row per line, then the headline figures. Columns:
 *   Line, Kind, Percent, Amount, Penny moved, Published, Source, Contract, Flag
 * ("Percent" only for percentage lines; "Published" only where the plan gave a figure; "Contract"
 * the linked contract's reference; "Flag" the line's flag in words). The headline rows, with Kind
 * "Total": Total income, Committed, Available, Fixed allocations, Remainder after fixed,
 * Percentage allocations (Percent = their total), Unallocated (or the remainder name), and where
 * the plan gave one, Published total and Difference from published total.
 * @references (nullable) maps contract ids (gint64*) to references (char*) for the Contract column. */
gboolean comm_export_budget_csv            (const CommBudget     *budget,
                                            GHashTable           *references,
                                            GOutputStream        *out,
                                            CommCsvWriteFlags     flags,
                                            GCancellable         *cancellable,
                                            GError              **error);
/* Columns: Line, Kind, then per budget "<title>" and, after the first, "<title> difference" and
 * "<title> change %"; summary rows have Kind "Total". Absent cells are empty. */
gboolean comm_export_budget_comparison_csv (const CommBudgetComparison *comparison,
                                            GOutputStream        *out,
                                            CommCsvWriteFlags     flags,
                                            GCancellable         *cancellable,
                                            GError              **error);

/* Convenience for the CLI and the app: budget @budget_id (with its contracts' references) written
 * atomically to @path; with @with_scenarios, the comparison of the base budget and its scenarios
 * instead. */
gboolean comm_export_budget_csv_to_file    (CommDatabase         *db,
                                            gint64                budget_id,
                                            gboolean              with_scenarios,
                                            const char           *path,
                                            CommCsvWriteFlags     flags,
                                            GCancellable         *cancellable,
                                            GError              **error);
/* The same, written to @out (standard output, say). */
gboolean comm_export_budget_csv_to_stream  (CommDatabase         *db,
                                            gint64                budget_id,
                                            gboolean              with_scenarios,
                                            GOutputStream        *out,
                                            CommCsvWriteFlags     flags,
                                            GCancellable         *cancellable,
                                            GError              **error);
/* Programme @programme_id's base budgets year by year (comm_budget_store_compare_years: the
 * columns are the years, each after the first with its change on the year before), as CSV, to a
 * file atomically (@path) or to @out. */
gboolean comm_export_budget_years_csv_to_file   (CommDatabase         *db,
                                                 gint64                programme_id,
                                                 const char           *path,
                                                 CommCsvWriteFlags     flags,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
gboolean comm_export_budget_years_csv_to_stream (CommDatabase         *db,
                                                 gint64                programme_id,
                                                 GOutputStream        *out,
                                                 CommCsvWriteFlags     flags,
                                                 GCancellable         *cancellable,
                                                 GError              **error);

G_END_DECLS
