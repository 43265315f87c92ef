/* comm-workspace-lock.c: one Commissioner per workspace file
 *
 * The lock is flock(LOCK_EX | LOCK_NB) on a descriptor of the workspace file itself. On Linux
 * flock locks are separate from the POSIX (fcntl) locks SQLite uses, so the two never meet, and
 * the lock goes with the process if it dies.
 *
 * Closing any descriptor of a file drops every POSIX lock the process holds on it - SQLite's
 * included, e.g. those of a worker's connection still reading the file. So a descriptor opened
 * here is never closed: releasing the lock unlocks it and parks it, and the next lock of the
 * same file uses it again (at most one descriptor a file for the life of the process). The table
 * of these descriptors also answers a second lock in this process at once: each open() is a new
 * open file description, so flock would refuse it too, but only after opening one more.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "comm-error.h"
#include "comm-workspace-lock-private.h"

typedef struct {
  int      fd;
  gboolean held;
} LockFile;

struct _CommWorkspaceLock
{
  LockFile *file;
};

/* "device:inode" -> LockFile; entries are never removed. */
G_LOCK_DEFINE_STATIC (lock_files);
static GHashTable *lock_files;

static void
set_in_use_error (GError     **error,
                  const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, COMM_ERROR, COMM_ERROR_IN_USE,
               _("“%s” is already open in another Commissioner window or program. "
                 "Close it there first."), name);
}

static void
set_open_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, COMM_ERROR,
               saved_errno == ENOENT ? COMM_ERROR_NOT_FOUND : COMM_ERROR_FAILED,
               _("Could not open “%s”: %s."), name, g_strerror (saved_errno));
}

/* The parked or held descriptor of @key, opened on @path if there is none. Call locked. */
static LockFile *
lookup_file (const char  *key,
             const char  *path,
             GError     **error)
{
  LockFile *file;
  int fd;

  if (lock_files == NULL)
    lock_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  file = g_hash_table_lookup (lock_files, key);
  if (file != NULL)
    return file;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_open_error (error, path, errno);
      return NULL;
    }
  file = g_new0 (LockFile, 1);
  file->fd = fd;
  g_hash_table_insert (lock_files, g_strdup (key), file);

  return file;
}

/* Call locked. */
static gboolean
lock_file (LockFile    *file,
           const char  *path,
           GError     **error)
{
  if (file->held)
    {
      set_in_use_error (error, path);
      return FALSE;
    }
  if (flock (file->fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno == EWOULDBLOCK)
        {
          set_in_use_error (error, path);
          return FALSE;
        }
      /* Some network file systems have no flock(): go on without the lock. */
      g_debug ("No workspace lock on %s: %s", path, g_strerror (errno));
    }
  file->held = TRUE;

  return TRUE;
}

CommWorkspaceLock *
comm_workspace_lock_take (const char  *path,
                          GError     **error)
{
  g_autofree char *key = NULL;
  CommWorkspaceLock *lock;
  LockFile *file;
  GStatBuf st;
  gboolean locked;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      set_open_error (error, path, errno);
      return NULL;
    }
  key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                         (guint64) st.st_dev, (guint64) st.st_ino);

  G_LOCK (lock_files);
  file = lookup_file (key, path, error);
  locked = file != NULL && lock_file (file, path, error);
  G_UNLOCK (lock_files);

  if (!locked)
    return NULL;

  lock = g_new0 (CommWorkspaceLock, 1);
  lock->file = file;

  return lock;
}

void
comm_workspace_lock_release (CommWorkspaceLock *lock)
{
  if (lock == NULL)
    return;

  G_LOCK (lock_files);
  flock (lock->file->fd, LOCK_UN);
  lock->file->held = FALSE;
  G_UNLOCK (lock_files);

  g_free (lock);
}
