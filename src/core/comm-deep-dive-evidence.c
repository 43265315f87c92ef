/* comm-deep-dive-evidence.c: evidence for a Deep Dive's areas - files kept inside the workspace
 * (name, size, SHA-256, and the bytes in a table of their own so that lists never read them) and
 * reference texts
 *
 * A file is read twice, in chunks, never whole: once to check its size and hash it, then again
 * inside the transaction straight into the row's BLOB (SQLite's incremental BLOB I/O), hashing
 * again so that a file changed in between is refused rather than stored with a wrong hash.
 * Reading a file back out checks the hash too.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "comm-deep-dive-private.h"

#define CHUNK_SIZE  (64 * 1024)
#define SNIFF_SIZE  4096

/* Where the bytes come from: a file, or bytes in memory. Each open gives a new stream. */
typedef struct {
  GFile  *file;
  GBytes *bytes;
  char   *display;   /* the file name as shown in messages */
} Source;

/* What the first pass found. */
typedef struct {
  gint64  size;
  char   *sha256;
  char   *content_type;
} Digest;

static void
digest_clear (Digest *digest)
{
  g_clear_pointer (&digest->sha256, g_free);
  g_clear_pointer (&digest->content_type, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Digest, digest_clear)

static void
set_read_error (GError     **error,
                const char  *display,
                GError      *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                 _("The file “%s” does not exist (it may have been moved or deleted)."), display);
  else
    g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED,
                 _("Could not read the file “%s”: %s"), display, io_error->message);
}

static gboolean
check_size (const char  *display,
            gint64       size,
            GError     **error)
{
  g_autofree char *text = NULL;

  if (size <= COMM_DEEP_DIVE_MAX_ATTACHMENT_SIZE)
    return TRUE;

  text = g_format_size ((guint64) size);
  g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
               _("“%s” is %s; files attached to a Deep Dive can be at most 50 MB. "
                 "Attach a smaller file, or add a reference saying where the file is kept."),
               display, text);
  return FALSE;
}

static GInputStream *
source_open (const Source  *source,
             GError       **error)
{
  g_autoptr(GError) io_error = NULL;
  GInputStream *stream;

  if (source->bytes != NULL)
    return g_memory_input_stream_new_from_bytes (source->bytes);

  stream = G_INPUT_STREAM (g_file_read (source->file, NULL, &io_error));
  if (stream == NULL)
    set_read_error (error, source->display, io_error);

  return stream;
}

/* Reads the next chunk into @buffer; -1 with @error on failure. */
static gssize
source_read (const Source  *source,
             GInputStream  *stream,
             guchar        *buffer,
             GError       **error)
{
  g_autoptr(GError) io_error = NULL;
  gsize n = 0;

  if (!g_input_stream_read_all (stream, buffer, CHUNK_SIZE, &n, NULL, &io_error))
    {
      set_read_error (error, source->display, io_error);
      return -1;
    }

  return (gssize) n;
}

/* A file's type and size, refusing folders, other odd things and files over the limit. */
static gboolean
check_file (const Source  *source,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) io_error = NULL;

  info = g_file_query_info (source->file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &io_error);
  if (info == NULL)
    {
      set_read_error (error, source->display, io_error);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("“%s” is a folder: choose a file to attach."), source->display);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("“%s” is not an ordinary file, so it cannot be attached."), source->display);
      return FALSE;
    }

  return check_size (source->display, g_file_info_get_size (info), error);
}

/* First pass: size, SHA-256 and the content type guessed from @name and the first bytes. */
static gboolean
digest_source (const Source  *source,
               const char    *name,
               Digest        *digest,
               GError       **error)
{
  g_autoptr(GInputStream) stream = source_open (source, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE);
  g_autofree char *type = NULL;
  gsize sniffed = 0;
  gssize n;

  if (stream == NULL)
    return FALSE;
  digest->size = 0;
  while ((n = source_read (source, stream, buffer, error)) > 0)
    {
      if (digest->size == 0)
        {
          sniffed = MIN ((gsize) n, SNIFF_SIZE);
          type = g_content_type_guess (name, buffer, sniffed, NULL);
        }
      g_checksum_update (checksum, buffer, n);
      digest->size += n;
      if (!check_size (source->display, digest->size, error))
        return FALSE;
    }
  if (n < 0)
    return FALSE;
  if (type == NULL)
    type = g_content_type_guess (name, NULL, 0, NULL);

  digest->sha256 = g_strdup (g_checksum_get_string (checksum));
  digest->content_type = g_content_type_get_mime_type (type);
  if (digest->content_type == NULL)
    digest->content_type = g_strdup ("application/octet-stream");

  return TRUE;
}

static gint64
insert_evidence (CommDatabase  *db,
                 gint64         area_id,
                 const char    *kind,
                 const char    *name,
                 const char    *reference,
                 const Digest  *digest,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = comm_database_prepare (db, "INSERT INTO deep_dive_evidence (area_id, kind, name, reference, size,"
                                    " sha256, content_type, added_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, area_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reference, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, digest != NULL ? digest->size : 0);
  sqlite3_bind_text (stmt, 6, digest != NULL ? digest->sha256 : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, digest != NULL ? digest->content_type : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, _comm_deep_dive_user_name (), -1, SQLITE_STATIC);
  if (!comm_store_step_done (db, stmt, _("Could not add the evidence"), error))
    return 0;

  return sqlite3_last_insert_rowid (comm_database_get_handle (db));
}

/* Second pass: a zero-filled BLOB of the right size, then the bytes written into it in chunks. */
static gboolean
store_content (CommDatabase  *db,
               gint64         evidence_id,
               const Source  *source,
               const Digest  *digest,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (CHUNK_SIZE);
  sqlite3_blob *blob = NULL;
  gint64 offset = 0;
  gssize n = 0;
  int rc = SQLITE_OK;

  stmt = comm_database_prepare (db, "INSERT INTO deep_dive_evidence_content (evidence_id, content)"
                                    " VALUES (?1, zeroblob (?2))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int64 (stmt, 2, digest->size);
  if (!comm_store_step_done (db, stmt, _("Could not store the file"), error) ||
      (stream = source_open (source, error)) == NULL)
    return FALSE;
  if (sqlite3_blob_open (comm_database_get_handle (db), "main", "deep_dive_evidence_content", "content",
                         evidence_id, 1, &blob) != SQLITE_OK)
    {
      comm_database_set_error (db, error, _("Could not store the file"));
      sqlite3_blob_close (blob);
      return FALSE;
    }
  while (rc == SQLITE_OK && (n = source_read (source, stream, buffer, error)) > 0 && offset + n <= digest->size)
    {
      rc = sqlite3_blob_write (blob, buffer, (int) n, (int) offset);
      g_checksum_update (checksum, buffer, n);
      offset += n;
    }
  sqlite3_blob_close (blob);
  if (rc != SQLITE_OK)
    {
      comm_database_set_error (db, error, _("Could not store the file"));
      return FALSE;
    }
  if (n < 0)
    return FALSE;
  if (n > 0 || offset != digest->size || g_strcmp0 (g_checksum_get_string (checksum), digest->sha256) != 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED,
                   _("The file “%s” changed while it was being attached. Try again once it is saved."),
                   source->display);
      return FALSE;
    }

  return TRUE;
}

static CommEvidence *
get_evidence (CommDatabase  *db,
              gint64         id,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = comm_database_prepare (db, "SELECT " COMM_EVIDENCE_COLUMNS " FROM deep_dive_evidence e WHERE e.id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _comm_evidence_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                         _("This evidence no longer exists: it may have been removed in another window."));
  else
    comm_database_set_error (db, error, _("Could not read the evidence"));

  return NULL;
}

/* The area's Deep Dive is there and can be changed (checked outside and inside the transaction). */
static gboolean
check_area_writable (CommDatabase  *db,
                     gint64         area_id,
                     GError       **error)
{
  g_auto(CommDeepDiveState) state = { 0 };

  return _comm_deep_dive_get_area_state (db, area_id, &state, error) &&
         _comm_deep_dive_check_writable (&state, error);
}

static CommEvidence *
add_from_source (CommDatabase  *db,
                 gint64         area_id,
                 const char    *name,
                 const Source  *source,
                 GError       **error)
{
  g_auto(Digest) digest = { 0 };
  CommStoreTransaction transaction;
  gint64 id = 0;
  gboolean ok;

  if (!comm_database_ensure_writable (db, error) || !check_area_writable (db, area_id, error) ||
      !digest_source (source, name, &digest, error) ||
      !comm_store_begin (&transaction, db, error))
    return NULL;

  ok = check_area_writable (db, area_id, error) &&
       (id = insert_evidence (db, area_id, "file", name, "", &digest, error)) != 0 &&
       store_content (db, id, source, &digest, error);
  if (!_comm_deep_dive_finish_write (&transaction, ok, error))
    return NULL;

  return get_evidence (db, id, error);
}

static char *
clean_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);

  return g_strstrip (g_steal_pointer (&valid));
}

CommEvidence *
_comm_evidence_from_row (sqlite3_stmt *stmt)
{
  CommEvidence *evidence = g_new0 (CommEvidence, 1);

  evidence->id = sqlite3_column_int64 (stmt, 0);
  evidence->area_id = sqlite3_column_int64 (stmt, 1);
  evidence->kind = g_str_equal (comm_sqlite_column_text (stmt, 2), "file") ? COMM_EVIDENCE_FILE
                                                                            : COMM_EVIDENCE_REFERENCE;
  evidence->name = g_strdup (comm_sqlite_column_text (stmt, 3));
  evidence->reference = g_strdup (comm_sqlite_column_text (stmt, 4));
  evidence->size = sqlite3_column_int64 (stmt, 5);
  evidence->sha256 = g_strdup (comm_sqlite_column_text (stmt, 6));
  evidence->content_type = g_strdup (comm_sqlite_column_text (stmt, 7));
  evidence->added_at = g_strdup (comm_sqlite_column_text (stmt, 8));
  evidence->added_by = g_strdup (comm_sqlite_column_text (stmt, 9));

  return evidence;
}

CommEvidence *
comm_deep_dive_add_evidence_file (CommDatabase  *db,
                                  gint64         area_id,
                                  const char    *path,
                                  GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  Source source = { 0 };

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  display = g_filename_display_name (path);
  name = g_filename_display_basename (path);
  source.file = file;
  source.display = display;
  if (!check_file (&source, error))
    return NULL;

  return add_from_source (db, area_id, name, &source, error);
}

CommEvidence *
comm_deep_dive_add_evidence_bytes (CommDatabase  *db,
                                   gint64         area_id,
                                   const char    *name,
                                   GBytes        *bytes,
                                   GError       **error)
{
  g_autofree char *clean = NULL;
  Source source = { 0 };

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  clean = clean_name (name != NULL ? name : "");
  if (*clean == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID, _("Give the attached file a name."));
      return NULL;
    }
  source.bytes = bytes;
  source.display = clean;
  if (!check_size (clean, (gint64) g_bytes_get_size (bytes), error))
    return NULL;

  return add_from_source (db, area_id, clean, &source, error);
}

CommEvidence *
comm_deep_dive_add_evidence_reference (CommDatabase  *db,
                                       gint64         area_id,
                                       const char    *name,
                                       const char    *reference,
                                       GError       **error)
{
  g_autofree char *title = NULL;
  g_autofree char *where = NULL;
  CommStoreTransaction transaction;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  title = clean_name (name != NULL ? name : "");
  where = clean_name (reference != NULL ? reference : "");
  if (*title == '\0')
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("Give the evidence a short title, for example “Q2 monitoring return”."));
      return NULL;
    }
  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return NULL;
  ok = check_area_writable (db, area_id, error) &&
       (id = insert_evidence (db, area_id, "reference", title, where, NULL, error)) != 0;
  if (!_comm_deep_dive_finish_write (&transaction, ok, error))
    return NULL;

  return get_evidence (db, id, error);
}

gboolean
comm_deep_dive_remove_evidence (CommDatabase  *db,
                                gint64         evidence_id,
                                GError       **error)
{
  g_autoptr(CommEvidence) evidence = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CommStoreTransaction transaction;
  gboolean ok;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!comm_database_ensure_writable (db, error) || !comm_store_begin (&transaction, db, error))
    return FALSE;
  ok = (evidence = get_evidence (db, evidence_id, error)) != NULL &&
       check_area_writable (db, evidence->area_id, error) &&
       (stmt = comm_database_prepare (db, "DELETE FROM deep_dive_evidence WHERE id = ?1", error)) != NULL &&
       sqlite3_bind_int64 (stmt, 1, evidence_id) == SQLITE_OK &&
       comm_store_step_done (db, stmt, _("Could not remove the evidence"), error);

  return _comm_deep_dive_finish_write (&transaction, ok, error);
}

GPtrArray *
comm_deep_dive_list_evidence (CommDatabase  *db,
                              gint64         area_id,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_evidence_free);
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  stmt = comm_database_prepare (db, "SELECT " COMM_EVIDENCE_COLUMNS " FROM deep_dive_evidence e"
                                    " WHERE e.area_id = ?1 ORDER BY e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, area_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, _comm_evidence_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the evidence"));
      return NULL;
    }

  return g_steal_pointer (&list);
}
