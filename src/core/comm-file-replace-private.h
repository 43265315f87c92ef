/* comm-file-replace-private.h: for src/core only - writing a file so that a failure never
 * leaves a half-written one (exports, rejected-rows files) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the content of a file to @out; returns FALSE with @error set on failure. */
typedef gboolean (*CommFileWriteFunc) (GOutputStream  *out,
                                       gpointer        user_data,
                                       GCancellable   *cancellable,
                                       GError        **error);

/* Writes with @write_func to a temporary file beside @path, then renames it into place, so a
 * failure (disk full, cancelled) leaves any existing file at @path untouched. The file is
 * created 0644. Errors name the file: COMM_ERROR_READ_ONLY, COMM_ERROR_NOT_FOUND (no such
 * folder), or COMM_ERROR_FAILED ("the disk is full" ...). */
gboolean comm_file_write_atomically (const char         *path,
                                     CommFileWriteFunc   write_func,
                                     gpointer            user_data,
                                     GCancellable       *cancellable,
                                     GError            **error);

G_END_DECLS
