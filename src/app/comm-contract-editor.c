/* comm-contract-editor.c: to be written */
#include "config.h"
