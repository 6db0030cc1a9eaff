/* cst-password-row.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * A new-password field shared by registration and reset: password and
 * confirmation entries with eye toggles, the live rule checklist of SPEC
 * §2.4 (ticks as the user types; cst_password_policy_check()), a strength
 * meter (GtkLevelBar with named offsets), and inline errors. "valid" is
 * TRUE when the policy passes and both entries match. "personal" (strv:
 * ID number, phone, user name) feeds the "does not contain" rule.
 */
#define CST_TYPE_PASSWORD_ROW (cst_password_row_get_type ())
G_DECLARE_FINAL_TYPE (CstPasswordRow, cst_password_row, CST, PASSWORD_ROW, GtkWidget)

GtkWidget  *cst_password_row_new           (void);
const char *cst_password_row_get_password  (CstPasswordRow     *self);
gboolean    cst_password_row_get_valid     (CstPasswordRow     *self);
void        cst_password_row_set_personal  (CstPasswordRow     *self,
                                            const char * const *personal);
/* An error from the service, shown under the password entry. */
void        cst_password_row_set_error     (CstPasswordRow     *self,
                                            const char         *message);
void        cst_password_row_clear         (CstPasswordRow     *self);
GtkWidget  *cst_password_row_get_entry     (CstPasswordRow     *self);
GtkWidget  *cst_password_row_get_confirm_entry (CstPasswordRow *self);

G_END_DECLS
