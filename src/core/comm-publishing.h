/* comm-publishing.h: workspace settings for publication (Transparency Code CSV, OCDS JSON) */
#pragma once

#include "comm-database.h"

G_BEGIN_DECLS

/* Keys in the workspace's settings table. */
#define COMM_SETTING_AUTHORITY_NAME         "authority-name"          /* the buyer: "Riverside County Council" */
#define COMM_SETTING_DEPARTMENT             "department"              /* default department responsible */
#define COMM_SETTING_OCID_PREFIX            "ocid-prefix"             /* "ocds-abc123" */
#define COMM_SETTING_TRANSPARENCY_THRESHOLD "transparency-threshold"  /* pence, as decimal text */

/* £5,000: the Code asks for contracts over this value. */
#define COMM_TRANSPARENCY_DEFAULT_THRESHOLD G_GINT64_CONSTANT (500000)

/* The settings, trimmed; "" when unset. */
char     *comm_publishing_get_authority_name (CommDatabase  *db);
char     *comm_publishing_get_department     (CommDatabase  *db);
char     *comm_publishing_get_ocid_prefix    (CommDatabase  *db);
/* Pence; COMM_TRANSPARENCY_DEFAULT_THRESHOLD when unset or not a whole non-negative number. */
gint64    comm_publishing_get_threshold      (CommDatabase  *db);

/* An OCID prefix is "ocds-" followed by exactly 6 letters or digits (as the Open Contracting
 * Partnership issues them). FALSE with COMM_ERROR_INVALID, quoting @text, otherwise. */
gboolean  comm_publishing_ocid_prefix_valid  (const char    *text,
                                              GError       **error);

/* Setters: the text is trimmed; "" or NULL removes the setting (back to the default).
 * set_ocid_prefix validates first; set_threshold refuses a negative amount. */
gboolean  comm_publishing_set_authority_name (CommDatabase  *db,
                                              const char    *name,
                                              GError       **error);
gboolean  comm_publishing_set_department     (CommDatabase  *db,
                                              const char    *department,
                                              GError       **error);
gboolean  comm_publishing_set_ocid_prefix    (CommDatabase  *db,
                                              const char    *prefix,
                                              GError       **error);
gboolean  comm_publishing_set_threshold      (CommDatabase  *db,
                                              gint64         pence,
                                              GError       **error);

G_END_DECLS
