/* comm-migrations.c: to be written */
#include "config.h"
