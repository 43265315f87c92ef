/* comm-export-contracts.c: to be written */
#include "config.h"
