/* comm-csv-reader.c: to be written */
#include "config.h"
