/* comm-provider-editor.c: to be written */
#include "config.h"
