/* comm-export-ocds.h: the register as an Open Contracting Data Standard 1.1 release package */
#pragma once

#include <gio/gio.h>

#include "comm-database.h"

G_BEGIN_DECLS

/* The amount in pence as an OCDS amount: a JSON number of pounds with two decimals, made from
 * the integer (never through floating point): 10 -> "0.10", 123456789 -> "1234567.89". */
char     *comm_export_ocds_amount        (gint64          pence);

/* Writes a release package (uri, version "1.1", publishedDate, publisher, releases) with one
 * release per contract not deleted (in-house services left out), by reference:
 *   ocid = @ocid_prefix "-" reference; id = ocid "-" date; tag ["award", "contract"] plus
 *   "implementation" when monitoring meetings or RAG ratings are recorded; initiationType "tender";
 *   parties: the buyer (id "buyer", the "authority-name" setting) and the supplier (id
 *   "GB-COH-<number>" / "GB-CHC-<number>" when its registered number is known - companies and
 *   CICs with Companies House, charities with the Charity Commission - else "supplier-<id>"), with
 *   roles; tender (procurement method from the route, status complete) when the route is known;
 *   one award and one contract, each with the value of every funding line in GBP; the contract's
 *   status from its status today (planned/procuring -> pending, expired/terminated -> terminated,
 *   else active) and period (start at 00:00:00Z, end - termination, extension or end date - at
 *   23:59:59Z); implementation.milestones: one "met" assessment milestone per monitoring meeting
 *   (its date only - meeting notes and RAG comments are internal and not published).
 * @ocid_prefix NULL: the workspace's "ocid-prefix" setting; @authority NULL: its "authority-name"
 * setting (the buyer and publisher). Fails with COMM_ERROR_INVALID when there is no valid prefix,
 * no authority name or no contract to publish (a package holds at least one release), saying
 * where to set them.
 * @progress (nullable) gets the fraction done; @n_written (nullable) the number of releases. */
gboolean  comm_export_ocds_json          (CommDatabase   *db,
                                          const char     *ocid_prefix,
                                          const char     *authority,
                                          GOutputStream  *out,
                                          GCancellable   *cancellable,
                                          void          (*progress) (double fraction, gpointer user_data),
                                          gpointer        user_data,
                                          guint          *n_written,
                                          GError        **error);
/* The same, written to @path atomically. */
gboolean  comm_export_ocds_json_to_file  (CommDatabase   *db,
                                          const char     *ocid_prefix,
                                          const char     *authority,
                                          const char     *path,
                                          GCancellable   *cancellable,
                                          void          (*progress) (double fraction, gpointer user_data),
                                          gpointer        user_data,
                                          guint          *n_written,
                                          GError        **error);

G_END_DECLS
