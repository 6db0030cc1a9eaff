/* cst-admin-validate.c — STUB, to be replaced by its owner */
#include "config.h"
#include "cst-admin.h"
int cst_admin_validate (int argc, char **argv) { return CST_ADMIN_EXIT_USAGE; }
