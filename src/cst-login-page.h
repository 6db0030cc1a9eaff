/* cst-login-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-page.h"

G_BEGIN_DECLS

/* The login page: 个人业务 / 企业业务 tabs, 更多登录方式. */
#define CST_TYPE_LOGIN_PAGE (cst_login_page_get_type ())
G_DECLARE_FINAL_TYPE (CstLoginPage, cst_login_page, CST, LOGIN_PAGE, CstPage)

CstPage *cst_login_page_new (CstAuthService *service);
void     cst_login_page_set_enterprise (CstLoginPage *self,
                                        gboolean      enterprise);

G_END_DECLS
