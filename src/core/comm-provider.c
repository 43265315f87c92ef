/* comm-provider.c: to be written */
#include "config.h"
