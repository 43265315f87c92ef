/* comm-contract-status.c: to be written */
#include "config.h"
