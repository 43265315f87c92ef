/* comm-database.c: to be written */
#include "config.h"
