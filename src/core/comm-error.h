/* comm-error.h: the error domain of the core library */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COMM_ERROR (comm_error_quark ())

typedef enum {
  COMM_ERROR_FAILED,        /* anything not below */
  COMM_ERROR_SQLITE,        /* SQLite said no; the message is SQLite's, with what we were doing */
  COMM_ERROR_NOT_WORKSPACE, /* the file is not SQLite, or not a Commissioner workspace */
  COMM_ERROR_TOO_NEW,       /* the workspace was written by a newer Commissioner */
  COMM_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  COMM_ERROR_IN_USE,        /* another Commissioner has the workspace open */
  COMM_ERROR_NOT_FOUND,     /* no such file, row or reference */
  COMM_ERROR_INVALID,       /* input that breaks a rule; the message says which and where */
  COMM_ERROR_PARSE,         /* text that is not a date, an amount, a CSV row ... */
  COMM_ERROR_CONFLICT,      /* someone else (another window) saved the same record since it was read */
  COMM_ERROR_LOCKED,        /* the record is signed off (or archived) and cannot be changed */
} CommError;

GQuark comm_error_quark (void);

G_END_DECLS
