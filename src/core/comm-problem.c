/* comm-problem.c: to be written */
#include "config.h"
