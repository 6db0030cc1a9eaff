/* cst-face-login-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-page.h"

G_BEGIN_DECLS

/* 扫脸登录: ID type + number, then face recognition. */
#define CST_TYPE_FACE_LOGIN_PAGE (cst_face_login_page_get_type ())
G_DECLARE_FINAL_TYPE (CstFaceLoginPage, cst_face_login_page, CST, FACE_LOGIN_PAGE, CstPage)

CstPage *cst_face_login_page_new (CstAuthService *service);

G_END_DECLS
