/* comm-audit.c: to be written */
#include "config.h"
