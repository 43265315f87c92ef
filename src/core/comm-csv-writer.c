/* comm-csv-writer.c: to be written */
#include "config.h"
