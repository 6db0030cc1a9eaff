/* cst-clock.c — STUB, to be replaced by its owner */
#include "config.h"
#include "cst-core.h"
