/* cst-admin-backend.c — STUB, to be replaced by its owner */
#include "config.h"
#include "cst-admin.h"
const char *cst_admin_backend_usage (void) { return ""; }
int cst_admin_backend_command (const char *database, int argc, char **argv) { return CST_ADMIN_EXIT_USAGE; }
