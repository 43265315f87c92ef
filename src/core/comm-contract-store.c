/* comm-contract-store.c: to be written */
#include "config.h"
