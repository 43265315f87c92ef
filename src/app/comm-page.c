/* comm-page.c: to be written */
#include "config.h"
