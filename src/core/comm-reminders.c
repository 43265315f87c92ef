/* comm-reminders.c: to be written */
#include "config.h"
