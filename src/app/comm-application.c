/* comm-application.c: to be written */
#include "config.h"
