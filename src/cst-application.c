/* cst-application.c — STUB */
#include "config.h"
