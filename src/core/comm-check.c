/* comm-check.c: to be written */
#include "config.h"
