/* comm-publishing.c: workspace settings for publication
 *
 * Kept in the workspace's settings table (so they travel with the file and are audited), read
 * with defaults: no authority name, department or OCID prefix until the user sets them, and a
 * Transparency Code threshold of £5,000.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-error.h"
#include "comm-publishing.h"

#define OCID_PREFIX_START "ocds-"
#define OCID_PREFIX_CODE_LENGTH 6

static char *
get_trimmed (CommDatabase *db,
             const char   *key)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), g_strdup (""));

  value = comm_database_get_setting (db, key);
  if (value == NULL)
    return g_strdup ("");

  return g_strdup (g_strstrip (value));
}

static gboolean
set_trimmed (CommDatabase  *db,
             const char    *key,
             const char    *text,
             GError       **error)
{
  g_autofree char *value = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  return comm_database_set_setting (db, key, *value != '\0' ? value : NULL, error);
}

char *
comm_publishing_get_authority_name (CommDatabase *db)
{
  return get_trimmed (db, COMM_SETTING_AUTHORITY_NAME);
}

char *
comm_publishing_get_department (CommDatabase *db)
{
  return get_trimmed (db, COMM_SETTING_DEPARTMENT);
}

char *
comm_publishing_get_ocid_prefix (CommDatabase *db)
{
  return get_trimmed (db, COMM_SETTING_OCID_PREFIX);
}

gint64
comm_publishing_get_threshold (CommDatabase *db)
{
  g_autofree char *text = get_trimmed (db, COMM_SETTING_TRANSPARENCY_THRESHOLD);
  guint64 pence = 0;

  if (*text == '\0' ||
      !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &pence, NULL))
    return COMM_TRANSPARENCY_DEFAULT_THRESHOLD;

  return (gint64) pence;
}

gboolean
comm_publishing_ocid_prefix_valid (const char  *text,
                                   GError     **error)
{
  const char *code;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_str_has_prefix (text, OCID_PREFIX_START) &&
      strlen (text) == strlen (OCID_PREFIX_START) + OCID_PREFIX_CODE_LENGTH)
    {
      for (code = text + strlen (OCID_PREFIX_START); g_ascii_isalnum (*code); code++)
        ;
      if (*code == '\0')
        return TRUE;
    }

  g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
               _("“%s” is not an OCID prefix: it is “ocds-” followed by the six letters or digits "
                 "the Open Contracting Partnership gave your authority, e.g. “ocds-abc123”"), text);
  return FALSE;
}

gboolean
comm_publishing_set_authority_name (CommDatabase  *db,
                                    const char    *name,
                                    GError       **error)
{
  return set_trimmed (db, COMM_SETTING_AUTHORITY_NAME, name, error);
}

gboolean
comm_publishing_set_department (CommDatabase  *db,
                                const char    *department,
                                GError       **error)
{
  return set_trimmed (db, COMM_SETTING_DEPARTMENT, department, error);
}

gboolean
comm_publishing_set_ocid_prefix (CommDatabase  *db,
                                 const char    *prefix,
                                 GError       **error)
{
  g_autofree char *value = g_strstrip (g_strdup (prefix != NULL ? prefix : ""));

  if (*value != '\0' && !comm_publishing_ocid_prefix_valid (value, error))
    return FALSE;

  return set_trimmed (db, COMM_SETTING_OCID_PREFIX, value, error);
}

gboolean
comm_publishing_set_threshold (CommDatabase  *db,
                               gint64         pence,
                               GError       **error)
{
  g_autofree char *text = NULL;

  if (pence < 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("The publication threshold can’t be a negative amount"));
      return FALSE;
    }

  text = g_strdup_printf ("%" G_GINT64_FORMAT, pence);
  return set_trimmed (db, COMM_SETTING_TRANSPARENCY_THRESHOLD, text, error);
}
