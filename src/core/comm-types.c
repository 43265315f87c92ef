/* comm-types.c: to be written */
#include "config.h"
