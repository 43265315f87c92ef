/* comm-database.c: one workspace = one SQLite file
 *
 * Opening goes in an order that never writes to a file we may not write:
 *  1. the file is found (or, with CREATE, made empty with mode 0600 by us, not by SQLite);
 *  2. with EXCLUSIVE, the workspace lock is taken (comm-workspace-lock.c), so that a second
 *     Commissioner on the file is told so before anything else happens;
 *  3. SQLite opens it, and before anything is written application_id, user_version and the
 *     number of schema objects are read: a file that is not ours or is too new is refused here;
 *  4. only then are the file and folder checked for writing, the migrations run (in rollback
 *     journal mode, so a failed migration leaves the file as it was) and WAL switched on.
 * A file created in step 1 is removed again if a later step fails.
 *
 * READ_ONLY opens with SQLITE_OPEN_READONLY. A WAL workspace in a folder that cannot be written
 * has no -shm file to share, so it is then opened as immutable (nobody can change it there).
 * Note that a read-only connection leaves the (empty) -wal and -shm files of a WAL workspace
 * in place when it closes; only a read-write connection may remove them safely.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "comm-audit-private.h"
#include "comm-database-private.h"
#include "comm-migrations-private.h"
#include "comm-workspace-lock-private.h"

#define BUSY_TIMEOUT_MS 5000

struct _CommDatabase
{
  GObject            parent_instance;

  sqlite3           *handle;
  char              *path;
  CommWorkspaceLock *lock;
  int                schema_version;
  guint              read_only : 1;
  guint              immutable : 1;
  guint              may_initialise : 1; /* opened with CREATE: an empty file may become a workspace */
};

G_DEFINE_FINAL_TYPE (CommDatabase, comm_database, G_TYPE_OBJECT)

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

/* For failures to make a file in a folder (a new workspace, the temporary file of a copy). */
static void
set_create_error (GError     **error,
                  int          saved_errno,
                  const char  *what)
{
  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, COMM_ERROR, COMM_ERROR_READ_ONLY, "%s: %s", what,
                   _("the folder can’t be written to."));
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND, "%s: %s", what,
                   _("the folder does not exist."));
      break;
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED, "%s: %s", what,
                   _("The disk is full. Free some space and try again."));
      break;
    default:
      g_set_error (error, COMM_ERROR, COMM_ERROR_FAILED, "%s: %s.", what, g_strerror (saved_errno));
      break;
    }
}

/* Step 1: the file exists (made here, empty and 0600, with CREATE). */
static gboolean
find_or_create_file (CommDatabase       *self,
                     CommDatabaseFlags   flags,
                     gboolean           *created,
                     GError            **error)
{
  g_autofree char *name = display_name (self->path);
  g_autofree char *full_name = g_filename_display_name (self->path);
  g_autofree char *what = NULL;
  GStatBuf st;
  int saved_errno;
  int fd;

  if (g_stat (self->path, &st) == 0)
    {
      if (S_ISREG (st.st_mode))
        return TRUE;
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_WORKSPACE,
                   _("“%s” is not a Commissioner workspace: it is a folder or a device, not a file."), name);
      return FALSE;
    }
  saved_errno = errno;
  if (saved_errno == ENOENT && (flags & COMM_DATABASE_CREATE) == 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                   _("There is no workspace at “%s”. It may have been moved, renamed or deleted."),
                   full_name);
      return FALSE;
    }
  if (saved_errno != ENOENT)
    {
      g_set_error (error, COMM_ERROR, saved_errno == ENOTDIR ? COMM_ERROR_NOT_FOUND : COMM_ERROR_FAILED,
                   _("Could not open “%s”: %s."), full_name, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (self->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == EEXIST)  /* made by someone else a moment ago: open that */
        return TRUE;
      what = g_strdup_printf (_("Could not create the workspace “%s”"), full_name);
      set_create_error (error, saved_errno, what);
      return FALSE;
    }
  g_close (fd, NULL);
  *created = TRUE;

  return TRUE;
}

/* The name to give sqlite3_open_v2(): Debian's SQLite reads names that start with "file:" as
 * URIs even without SQLITE_OPEN_URI, so a relative one gets a "./" in front. */
static char *
sqlite_filename (const char *path)
{
  if (!g_path_is_absolute (path) && g_str_has_prefix (path, "file:"))
    return g_strconcat ("." G_DIR_SEPARATOR_S, path, NULL);

  return g_strdup (path);
}

/* Opens a connection with the settings every connection has; NULL with @error on failure. */
static sqlite3 *
open_handle (const char  *path,
             gboolean     read_only,
             gboolean     immutable,
             GError     **error)
{
  g_autofree char *name = display_name (path);
  g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), name);
  g_autofree char *uri = NULL;  /* or the plain file name */
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  sqlite3 *handle = NULL;

  flags |= SQLITE_OPEN_EXRESCODE;
  if (immutable)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, error);

      if (file_uri == NULL)
        return NULL;
      uri = g_strconcat (file_uri, "?immutable=1", NULL);
      flags |= SQLITE_OPEN_URI;
    }
  else
    {
      uri = sqlite_filename (path);
    }

  if (sqlite3_open_v2 (uri, &handle, flags, NULL) != SQLITE_OK
      || sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS) != SQLITE_OK
      || sqlite3_exec (handle, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
    {
      comm_sqlite_set_error (handle, error, what);
      sqlite3_close (handle);
      return NULL;
    }
  if (!comm_audit_register_functions (handle, error))
    {
      sqlite3_close (handle);
      return NULL;
    }

  return handle;
}

static int
query_int (sqlite3    *handle,
           const char *sql,
           int        *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return rc;
}

/* What the file says about itself, read without writing anything. */
static int
read_identity (sqlite3 *handle,
               int     *application_id,
               int     *version,
               int     *n_objects)
{
  int rc = query_int (handle, "PRAGMA application_id", application_id);

  if (rc == SQLITE_OK)
    rc = query_int (handle, "PRAGMA user_version", version);
  if (rc == SQLITE_OK)
    rc = query_int (handle, "SELECT count(*) FROM sqlite_schema", n_objects);

  return rc;
}

static gboolean
check_identity (CommDatabase  *self,
                int            application_id,
                int            version,
                int            n_objects,
                GError       **error)
{
  g_autofree char *name = display_name (self->path);

  gboolean blank = application_id == 0 && version == 0 && n_objects == 0;

  if (application_id != COMM_DATABASE_APPLICATION_ID && !blank)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_WORKSPACE,
                   _("“%s” is not a Commissioner workspace: it is a database made by another program."),
                   name);
      return FALSE;
    }
  if (version > COMM_DATABASE_SCHEMA_VERSION)
    {
      comm_migrations_set_too_new_error (error, self->path, version);
      return FALSE;
    }
  if (blank && !self->read_only && !self->may_initialise)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_WORKSPACE,
                   _("“%s” is empty: it is not a Commissioner workspace. To start a new workspace, "
                     "use New Workspace."), name);
      return FALSE;
    }
  if (self->read_only && n_objects == 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_WORKSPACE,
                   _("“%s” is empty: it is not a Commissioner workspace yet, and it can’t be made "
                     "one while it is opened read-only."), name);
      return FALSE;
    }
  if (self->read_only && version < COMM_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_READ_ONLY,
                   _("“%s” was saved by an older version of Commissioner (format %d) and must be "
                     "updated to format %d before it can be read, which can’t be done while it is "
                     "opened read-only. Open it normally so that Commissioner can update it, or "
                     "copy the file somewhere you can write to and open the copy."),
                   name, version, COMM_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Can we write the file, and the folder (WAL keeps its -wal and -shm files beside the file)? */
static gboolean
check_writable (CommDatabase  *self,
                GError       **error)
{
  g_autofree char *name = display_name (self->path);
  g_autofree char *folder = g_path_get_dirname (self->path);

  if (g_access (self->path, W_OK) != 0
      || (self->handle != NULL && sqlite3_db_readonly (self->handle, "main") == 1))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_READ_ONLY,
                   _("“%s” can’t be saved to: the file is read-only. Open it read-only to look at "
                     "it, or save a copy of it somewhere you can write to."), name);
      return FALSE;
    }
  if (g_access (folder, W_OK) != 0)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_READ_ONLY,
                   _("“%s” can’t be saved to: its folder is read-only, and Commissioner needs to "
                     "keep working files beside it. Open it read-only, or move it to a folder you "
                     "can write to."), name);
      return FALSE;
    }

  return TRUE;
}

/* Step 3: open and identify the file before anything is written. */
static gboolean
connect_and_identify (CommDatabase  *self,
                      GError       **error)
{
  g_autofree char *name = display_name (self->path);
  int application_id = 0, version = 0, n_objects = 0;
  int rc;

  self->handle = open_handle (self->path, self->read_only, FALSE, error);
  if (self->handle == NULL)
    return FALSE;

  rc = read_identity (self->handle, &application_id, &version, &n_objects);
  if (self->read_only && ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY))
    {
      /* A WAL file in a folder we cannot write: nobody can change it, so read it as it is. */
      g_debug ("Reading %s as immutable: %s", self->path, sqlite3_errmsg (self->handle));
      g_clear_pointer (&self->handle, sqlite3_close);
      self->handle = open_handle (self->path, TRUE, TRUE, error);
      if (self->handle == NULL)
        return FALSE;
      self->immutable = TRUE;
      rc = read_identity (self->handle, &application_id, &version, &n_objects);
    }

  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_NOT_WORKSPACE,
                   _("“%s” is not a Commissioner workspace: it is not a database file."), name);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not read “%s”"), name);

      /* Not being able to write beside the file is the likelier, and more useful, story. */
      if (!self->read_only && !check_writable (self, error))
        return FALSE;
      comm_sqlite_set_error (self->handle, error, what);
      return FALSE;
    }

  self->schema_version = version;

  return check_identity (self, application_id, version, n_objects, error);
}

/* Step 4: migrations, then WAL. */
static gboolean
bring_up_to_date (CommDatabase  *self,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!check_writable (self, error)
      || !comm_migrations_run (self, &self->schema_version, error))
    return FALSE;

  stmt = comm_database_prepare (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_ascii_strcasecmp (comm_sqlite_column_text (stmt, 0), "wal") != 0)
    g_debug ("%s stays in journal mode %s", self->path, comm_sqlite_column_text (stmt, 0));
  else if ((rc & 0xff) == SQLITE_BUSY)  /* another program has it open: switch next time */
    g_debug ("%s stays in its journal mode for now: %s", self->path, sqlite3_errmsg (self->handle));
  else if (rc != SQLITE_ROW)
    {
      comm_database_set_error (self, error, _("Could not prepare the workspace for saving"));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return comm_database_exec (self, "PRAGMA synchronous = NORMAL", error);
}

static void
remove_created_file (const char *path)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Copies the whole workspace into the (empty) file @path with the online backup API. */
static gboolean
backup_to (CommDatabase  *self,
           const char    *path,
           const char    *what,
           GError       **error)
{
  g_autofree char *filename = sqlite_filename (path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc = SQLITE_OK;

  if (sqlite3_open_v2 (filename, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL) != SQLITE_OK)
    {
      comm_sqlite_set_error (dest, error, what);
      sqlite3_close (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", self->handle, "main");
  if (backup == NULL)
    {
      comm_sqlite_set_error (dest, error, what);
      sqlite3_close (dest);
      return FALSE;
    }
  for (int tries = 0; tries < 100; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        break;
      sqlite3_sleep (50);
    }
  /* Errors of the steps, the source's included, are left on the destination connection. */
  if (sqlite3_backup_finish (backup) != SQLITE_OK || rc != SQLITE_DONE)
    {
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_set_error (error, COMM_ERROR, COMM_ERROR_SQLITE, "%s: %s", what,
                     _("the workspace was busy for too long. Try again."));
      else
        comm_sqlite_set_error (dest, error, what);
      sqlite3_close (dest);
      return FALSE;
    }

  if (sqlite3_close (dest) != SQLITE_OK)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_SQLITE, "%s", what);
      return FALSE;
    }

  return TRUE;
}

static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      g_close (fd, NULL);
    }
}

static void
comm_database_finalize (GObject *object)
{
  CommDatabase *self = (CommDatabase *) object;

  comm_database_close (self);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (comm_database_parent_class)->finalize (object);
}

static void
comm_database_class_init (CommDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = comm_database_finalize;
}

static void
comm_database_init (CommDatabase *self)
{
}

CommDatabase *
comm_database_open (const char         *path,
                    CommDatabaseFlags   flags,
                    GError            **error)
{
  g_autoptr(CommDatabase) self = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (COMM_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & COMM_DATABASE_READ_ONLY) != 0;
  self->may_initialise = (flags & COMM_DATABASE_CREATE) != 0;

  if (!find_or_create_file (self, flags, &created, error)
      || ((flags & COMM_DATABASE_EXCLUSIVE) != 0
          && (self->lock = comm_workspace_lock_take (path, error)) == NULL)
      || !connect_and_identify (self, error)
      || (!self->read_only && !bring_up_to_date (self, error)))
    {
      comm_database_close (self);
      if (created)
        remove_created_file (path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

CommDatabase *
comm_database_open_secondary (CommDatabase  *self,
                              GError       **error)
{
  g_autoptr(CommDatabase) other = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (self), NULL);

  if (!comm_database_ensure_open (self, error))
    return NULL;

  other = g_object_new (COMM_TYPE_DATABASE, NULL);
  other->path = g_strdup (self->path);
  other->read_only = self->read_only;
  other->immutable = self->immutable;
  other->schema_version = self->schema_version;
  other->handle = open_handle (other->path, other->read_only, other->immutable, error);
  if (other->handle == NULL)
    return NULL;
  if (!other->read_only && !comm_database_exec (other, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  return g_steal_pointer (&other);
}

const char *
comm_database_get_path (CommDatabase *self)
{
  g_return_val_if_fail (COMM_IS_DATABASE (self), NULL);

  return self->path;
}

char *
comm_database_dup_display_name (CommDatabase *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (self), NULL);

  name = display_name (self->path);
  if (g_str_has_suffix (name, COMM_WORKSPACE_SUFFIX) && strlen (name) > strlen (COMM_WORKSPACE_SUFFIX))
    name[strlen (name) - strlen (COMM_WORKSPACE_SUFFIX)] = '\0';

  return g_steal_pointer (&name);
}

int
comm_database_get_schema_version (CommDatabase *self)
{
  g_return_val_if_fail (COMM_IS_DATABASE (self), 0);

  return self->schema_version;
}

gboolean
comm_database_is_read_only (CommDatabase *self)
{
  g_return_val_if_fail (COMM_IS_DATABASE (self), TRUE);

  return self->read_only;
}

gboolean
comm_database_save_copy (CommDatabase  *self,
                         const char    *dest,
                         GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (COMM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest != NULL && *dest != '\0', FALSE);

  if (!comm_database_ensure_open (self, error))
    return FALSE;

  name = display_name (dest);
  what = g_strdup_printf (_("Could not save a copy as “%s”"), name);
  if (same_file (self->path, dest))
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("%s: that is the workspace that is open. Choose another name."), what);
      return FALSE;
    }

  folder = g_path_get_dirname (dest);
  base = g_path_get_basename (dest);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_create_error (error, errno, what);
      return FALSE;
    }
  g_close (fd, NULL);

  ok = backup_to (self, temp, what, error);
  if (ok && (g_chmod (temp, 0600) != 0 || g_rename (temp, dest) != 0))
    {
      set_create_error (error, errno, what);
      ok = FALSE;
    }
  if (!ok)
    {
      remove_created_file (temp);
      return FALSE;
    }
  sync_folder (folder);

  return TRUE;
}

char *
comm_database_get_setting (CommDatabase *self,
                           const char   *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = comm_database_prepare (self, "SELECT value FROM settings WHERE key = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read the setting %s: %s", key, error->message);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (comm_sqlite_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    g_warning ("Could not read the setting %s: %s", key, sqlite3_errmsg (self->handle));

  return NULL;
}

gboolean
comm_database_set_setting (CommDatabase  *self,
                           const char    *key,
                           const char    *value,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!comm_database_ensure_writable (self, error))
    return FALSE;

  if (value == NULL)
    stmt = comm_database_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = comm_database_prepare (self, "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      comm_database_set_error (self, error, _("Could not save a workspace setting"));
      return FALSE;
    }

  return TRUE;
}

void
comm_database_close (CommDatabase *self)
{
  g_return_if_fail (COMM_IS_DATABASE (self));

  if (self->handle != NULL)
    {
      if (sqlite3_close (self->handle) != SQLITE_OK)
        {
          g_warning ("%s was closed with statements still open; it stays open until they are finalized",
                     self->path);
          sqlite3_close_v2 (self->handle);
        }
      self->handle = NULL;
    }
  g_clear_pointer (&self->lock, comm_workspace_lock_release);
}

/* Private API (comm-database-private.h) */

sqlite3 *
comm_database_get_handle (CommDatabase *self)
{
  g_return_val_if_fail (COMM_IS_DATABASE (self), NULL);

  return self->handle;
}

gboolean
comm_database_ensure_open (CommDatabase  *self,
                           GError       **error)
{
  g_return_val_if_fail (COMM_IS_DATABASE (self), FALSE);

  if (self->handle != NULL)
    return TRUE;

  g_set_error_literal (error, COMM_ERROR, COMM_ERROR_FAILED, _("The workspace has been closed."));
  return FALSE;
}

gboolean
comm_database_ensure_writable (CommDatabase  *self,
                               GError       **error)
{
  g_autofree char *name = NULL;

  if (!comm_database_ensure_open (self, error))
    return FALSE;
  if (!self->read_only)
    return TRUE;

  name = display_name (self->path);
  g_set_error (error, COMM_ERROR, COMM_ERROR_READ_ONLY,
               _("“%s” is open read-only, so changes can’t be saved to it."), name);
  return FALSE;
}
