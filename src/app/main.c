/* main.c: to be written */
#include "config.h"
