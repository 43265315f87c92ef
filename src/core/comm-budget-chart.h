/* comm-budget-chart.h: a bar chart of a budget's allocations, drawn with cairo + pango
 *
 * Horizontal bars, one row per allocation (commitments in total, each fixed and percentage line,
 * and the unallocated amount), the line's name on the left and its amount in pounds at the bar's
 * end, so it reads without colour. A comparison chart puts one bar per budget in each row; the
 * budgets are told apart by fill pattern (solid, diagonal lines, dots, crossed lines) as well as
 * shade, with a legend. The chart holds its own copy of the figures, never changes after it is
 * made, and may be drawn from any thread (the report's PDF worker, the app's drawing area).
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "comm-budget.h"
#include "comm-budget-compare.h"

G_BEGIN_DECLS

typedef struct _CommBudgetChart CommBudgetChart;

/* @result must be comm_budget_compute (@budget). */
CommBudgetChart *comm_budget_chart_new_allocations (const CommBudget           *budget,
                                                    const CommBudgetResult     *result);
/* The commitments of @comparison in one row, then its fixed and percentage lines and
 * "Unallocated", one bar per column (the first four columns). */
CommBudgetChart *comm_budget_chart_new_comparison  (const CommBudgetComparison *comparison);
void             comm_budget_chart_free            (CommBudgetChart            *chart);
guint            comm_budget_chart_get_n_rows      (CommBudgetChart            *chart);
/* The height the chart wants at @width, points (rows of bars, legend, axis). */
double           comm_budget_chart_get_height      (CommBudgetChart            *chart,
                                                    double                      width);
/* Draws the chart in the box (0, 0, @width, @height) of @cr. Has the signature of a
 * CommReportDrawFunc (comm-report-document.h), with the chart as @chart. */
void             comm_budget_chart_draw            (cairo_t                    *cr,
                                                    double                      width,
                                                    double                      height,
                                                    gpointer                    chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommBudgetChart, comm_budget_chart_free)

G_END_DECLS
