/* comm-demo.c: to be written */
#include "config.h"
