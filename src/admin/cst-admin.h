/* cst-admin.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of chushuitong-admin. */
#define CST_ADMIN_EXIT_OK     0
#define CST_ADMIN_EXIT_FAILED 1   /* the operation failed: a one-line reason on stderr */
#define CST_ADMIN_EXIT_USAGE  2   /* bad command line */

/* argv[0] is the command name ("validate"); @database may be NULL (default path). */
int cst_admin_validate        (int          argc,
                               char       **argv);
/* add-enterprise, link, list, sms-outbox, unlock, seed-demo, set-username */
int cst_admin_backend_command (const char  *database,
                               int          argc,
                               char       **argv);
/* Usage lines of the backend commands, for --help. */
const char *cst_admin_backend_usage (void);

G_END_DECLS
