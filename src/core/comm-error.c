/* comm-error.c: the error domain of the core library */
#include "config.h"

#include "comm-error.h"

G_DEFINE_QUARK (comm-error-quark, comm_error)
