/* comm-deep-dive-attachment.c: getting a file attached to a Deep Dive back out of the workspace -
 * as bytes, into a file of the user's choosing, or into a private temporary file for the system
 * viewer - read in chunks and checked against its SHA-256 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "comm-deep-dive-private.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct {
  char   *name;
  char   *sha256;
  gint64  size;
} Attachment;

static void
attachment_clear (Attachment *attachment)
{
  g_clear_pointer (&attachment->name, g_free);
  g_clear_pointer (&attachment->sha256, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Attachment, attachment_clear)

/* Reads what is known of evidence @id; INVALID if it is a reference, not a file. */
static gboolean
read_attachment_info (CommDatabase  *db,
                      gint64         id,
                      Attachment    *attachment,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = comm_database_prepare (db, "SELECT kind, name, sha256, size FROM deep_dive_evidence WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("This evidence no longer exists: it may have been removed in another window."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the evidence"));
      return FALSE;
    }
  attachment->name = g_strdup (comm_sqlite_column_text (stmt, 1));
  attachment->sha256 = g_strdup (comm_sqlite_column_text (stmt, 2));
  attachment->size = sqlite3_column_int64 (stmt, 3);
  if (!g_str_equal (comm_sqlite_column_text (stmt, 0), "file"))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("“%s” is a reference, not an attached file: there is nothing to open."), attachment->name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_damaged (GError     **error,
             const char  *name)
{
  g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED,
               _("The copy of “%s” kept in the workspace is damaged: its checksum does not match the one "
                 "recorded when it was attached."), name);
  return FALSE;
}

/* Copies the stored bytes of @id to @out in chunks, checking the hash. */
static gboolean
copy_to_stream (CommDatabase      *db,
                gint64             id,
                const Attachment  *attachment,
                GOutputStream     *out,
                GError           **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE);
  sqlite3_blob *blob = NULL;
  gint64 size;
  gboolean ok = TRUE;

  if (sqlite3_blob_open (comm_database_get_handle (db), "main", "deep_dive_evidence_content", "content",
                         id, 0, &blob) != SQLITE_OK)
    {
      comm_database_set_error (db, error, _("Could not read the attached file"));
      sqlite3_blob_close (blob);
      return FALSE;
    }
  size = sqlite3_blob_bytes (blob);
  for (gint64 offset = 0; ok && offset < size; offset += CHUNK_SIZE)
    {
      int n = (int) MIN ((gint64) CHUNK_SIZE, size - offset);

      if (sqlite3_blob_read (blob, buffer, n, (int) offset) != SQLITE_OK)
        {
          comm_database_set_error (db, error, _("Could not read the attached file"));
          ok = FALSE;
        }
      else
        {
          g_checksum_update (checksum, buffer, n);
          ok = g_output_stream_write_all (out, buffer, n, NULL, NULL, error);
        }
    }
  sqlite3_blob_close (blob);
  if (!ok)
    return FALSE;
  if (size != attachment->size || g_strcmp0 (g_checksum_get_string (checksum), attachment->sha256) != 0)
    return set_damaged (error, attachment->name);

  return TRUE;
}

/* A file name from an evidence name: no folder separators, not hidden, not empty. */
static char *
safe_file_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);
  GString *safe = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p++)
    g_string_append_c (safe, (*p == '/' || *p == '\\' || *p == ':') ? '_' : *p);
  while (safe->len > 0 && safe->str[0] == '.')
    g_string_erase (safe, 0, 1);
  if (safe->len == 0)
    g_string_append (safe, "attachment");

  return g_string_free (safe, FALSE);
}

GBytes *
comm_deep_dive_read_attachment (CommDatabase  *db,
                                gint64         evidence_id,
                                GError       **error)
{
  g_auto(Attachment) attachment = { 0 };
  g_autoptr(GOutputStream) out = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if (!read_attachment_info (db, evidence_id, &attachment, error))
    return NULL;
  out = g_memory_output_stream_new_resizable ();
  if (!copy_to_stream (db, evidence_id, &attachment, out, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

gboolean
comm_deep_dive_write_attachment (CommDatabase  *db,
                                 gint64         evidence_id,
                                 const char    *dest_path,
                                 GError       **error)
{
  g_auto(Attachment) attachment = { 0 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autofree char *display = NULL;
  gboolean existed;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (!read_attachment_info (db, evidence_id, &attachment, error))
    return FALSE;
  file = g_file_new_for_path (dest_path);
  display = g_filename_display_name (dest_path);
  existed = g_file_query_exists (file, NULL);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        NULL, &io_error);
  if (out == NULL)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED,
                   _("Could not write the file “%s”: %s"), display, io_error->message);
      return FALSE;
    }
  if (!copy_to_stream (db, evidence_id, &attachment, G_OUTPUT_STREAM (out), error))
    {
      /* Closing a cancelled replace leaves any earlier file as it was. */
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      /* A new file is written in place: take the half-written one away. */
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &io_error))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED,
                   _("Could not write the file “%s”: %s"), display, io_error->message);
      return FALSE;
    }

  return TRUE;
}

char *
comm_deep_dive_write_attachment_temp (CommDatabase  *db,
                                      gint64         evidence_id,
                                      GError       **error)
{
  g_auto(Attachment) attachment = { 0 };
  g_autoptr(GError) io_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  if (!read_attachment_info (db, evidence_id, &attachment, error))
    return NULL;
  if ((dir = g_dir_make_tmp ("commissioner-XXXXXX", &io_error)) == NULL)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED,
                   _("Could not make a temporary folder to open “%s”: %s"), attachment.name, io_error->message);
      return NULL;
    }
  name = safe_file_name (attachment.name);
  path = g_build_filename (dir, name, NULL);
  if (!comm_deep_dive_write_attachment (db, evidence_id, path, error))
    {
      g_rmdir (dir);
      return NULL;
    }

  return g_steal_pointer (&path);
}
