/* cst-reset-wizard.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-page.h"

G_BEGIN_DECLS

/* 忘记密码: ID → code to the phone on file (or face + new phone) → new password → done. */
#define CST_TYPE_RESET_WIZARD (cst_reset_wizard_get_type ())
G_DECLARE_FINAL_TYPE (CstResetWizard, cst_reset_wizard, CST, RESET_WIZARD, CstPage)

CstPage *cst_reset_wizard_new (CstAuthService *service);

G_END_DECLS
