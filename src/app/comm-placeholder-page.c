/* comm-placeholder-page.c: to be written */
#include "config.h"
