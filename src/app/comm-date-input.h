/* comm-date-input.h: dates as people type them into the editors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads a date typed as ISO ("2027-03-31"), day/month/year ("31/03/2027", "31-03-2027",
 * "31.03.27") or with a month name ("31 Mar 2027", "31 March 2027"). Blank text is accepted
 * as "no date": TRUE with *iso set to "". Otherwise *iso is the ISO form. On failure, a
 * COMM_ERROR_PARSE error quotes the text and says how to write it. */
gboolean  comm_date_input_parse   (const char  *text,
                                   char       **iso,
                                   GError     **error);
/* The date shown back beside the field: "Wed 31 Mar 2027"; "" for blank or invalid ISO. */
char     *comm_date_input_describe (const char *iso);

G_END_DECLS
