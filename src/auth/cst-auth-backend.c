/* cst-auth-backend.c — STUB, to be replaced by its owner */
#include "config.h"
#include "cst-auth-service.h"
