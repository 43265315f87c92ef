/* comm-date.h: ISO dates, display dates and UK financial years */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Strict YYYY-MM-DD; FALSE (and an untouched @out) for anything else. */
gboolean  comm_date_parse_iso           (const char  *text,
                                         GDate       *out);
/* Like comm_date_parse_iso() but with a GError that quotes @text. */
gboolean  comm_date_parse_iso_checked   (const char  *text,
                                         GDate       *out,
                                         GError     **error);
char     *comm_date_to_iso              (const GDate *date);
/* The date in the user's locale (e.g. "31 Mar 2027" / "03/31/2027"); "" for NULL or invalid. */
char     *comm_date_format_display      (const GDate *date);
/* ISO text in, locale text out; "" for NULL or empty. */
char     *comm_date_iso_to_display      (const char  *iso);
/* Today, or the date in $COMMISSIONER_TODAY (YYYY-MM-DD) so tests and screenshots are repeatable. */
void      comm_date_today               (GDate       *out);
/* Adds (or with a negative number, subtracts) months; the day is clamped to the month's end. */
void      comm_date_add_months          (GDate       *date,
                                         int          months);
/* Days from @a to @b (negative when @b is before @a). */
int       comm_date_days_between        (const GDate *a,
                                         const GDate *b);

/* Financial years run 1 April to 31 March and are named by their start year: 2026 is "2026-27". */
int       comm_financial_year_of        (const GDate *date);
char     *comm_financial_year_label     (int          start_year);
/* Accepts "2026-27", "2026/27", "2026-2027", "26-27", "26/27"; rejects anything else (incl. "2026-28")
 * with a message that says how to write it. */
gboolean  comm_financial_year_parse     (const char  *text,
                                         int         *start_year,
                                         GError     **error);
void      comm_financial_year_bounds    (int          start_year,
                                         GDate       *first_day,
                                         GDate       *last_day);

G_END_DECLS
