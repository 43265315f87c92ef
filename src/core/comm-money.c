/* comm-money.c: to be written */
#include "config.h"
