/* comm-window.c: to be written */
#include "config.h"
