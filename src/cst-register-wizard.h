/* cst-register-wizard.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-page.h"

G_BEGIN_DECLS

/* 用户注册: agreement → identity → password + phone + code → face → done. */
#define CST_TYPE_REGISTER_WIZARD (cst_register_wizard_get_type ())
G_DECLARE_FINAL_TYPE (CstRegisterWizard, cst_register_wizard, CST, REGISTER_WIZARD, CstPage)

CstPage *cst_register_wizard_new (CstAuthService *service);

G_END_DECLS
