/* comm-date.c: to be written */
#include "config.h"
