/* cst-mask.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SPEC §2.5. All transfer full; NULL in → NULL out. */
char *cst_mask_phone     (const char *phone);   /* 138****1234 */
char *cst_mask_id_number (const char *id);      /* 4201**********1234: first 4 + last 4 */
char *cst_mask_name      (const char *name);    /* 张* / 欧阳** : first character kept */
/* An account as typed at login: masks as phone, ID number, or keeps the
 * first and last character of a user name. */
char *cst_mask_account   (const char *account);

G_END_DECLS
