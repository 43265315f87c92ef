/* comm-monitoring.c: to be written */
#include "config.h"
