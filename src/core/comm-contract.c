/* comm-contract.c: to be written */
#include "config.h"
