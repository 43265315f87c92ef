/* comm-file-replace.c: writing a file so that a failure never leaves a half-written one
 *
 * The content goes to a temporary file in the same folder (so the rename cannot cross file
 * systems), which replaces the target only once everything was written and closed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "comm-error.h"
#include "comm-file-replace-private.h"

static void
set_file_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);
  int code = COMM_ERROR_FAILED;

  if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    code = COMM_ERROR_READ_ONLY;
  else if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    code = COMM_ERROR_NOT_FOUND;

  g_set_error (error, COMM_ERROR, code, _("Could not write “%s”: %s"), name,
               saved_errno == ENOSPC ? _("the disk is full") : g_strerror (saved_errno));
}

static gboolean
write_temporary (const char           *temp_path,
                 CommFileWriteFunc   write_func,
                 gpointer              user_data,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (temp_path);
  g_autoptr(GFileOutputStream) out = g_file_append_to (file, G_FILE_CREATE_NONE, cancellable, error);
  gboolean ok;

  if (out == NULL)
    return FALSE;

  ok = write_func (G_OUTPUT_STREAM (out), user_data, cancellable, error);
  /* Close even after a failure, but report only the first error. */
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, ok ? error : NULL))
    ok = FALSE;

  return ok;
}

gboolean
comm_file_write_atomically (const char           *path,
                                   CommFileWriteFunc   write_func,
                                   gpointer              user_data,
                                   GCancellable         *cancellable,
                                   GError              **error)
{
  g_autofree char *temp_path = NULL;
  int fd;

  g_return_val_if_fail (path != NULL && write_func != NULL, FALSE);

  temp_path = g_strdup_printf ("%s.tmp-XXXXXX", path);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_file_error (error, errno, path);
      return FALSE;
    }
  g_close (fd, NULL);

  if (!write_temporary (temp_path, write_func, user_data, cancellable, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }
  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      set_file_error (error, saved_errno, path);
      return FALSE;
    }

  return TRUE;
}
