/* comm-window-actions.c: to be written */
#include "config.h"
