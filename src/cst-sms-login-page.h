/* cst-sms-login-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-page.h"

G_BEGIN_DECLS

/* 短信登录: phone + SMS code. */
#define CST_TYPE_SMS_LOGIN_PAGE (cst_sms_login_page_get_type ())
G_DECLARE_FINAL_TYPE (CstSmsLoginPage, cst_sms_login_page, CST, SMS_LOGIN_PAGE, CstPage)

CstPage *cst_sms_login_page_new (CstAuthService *service);

G_END_DECLS
