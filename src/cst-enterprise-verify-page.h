/* cst-enterprise-verify-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-page.h"

G_BEGIN_DECLS

/* The enterprise second factor: 短信验证 or 人脸识别. */
#define CST_TYPE_ENTERPRISE_VERIFY_PAGE (cst_enterprise_verify_page_get_type ())
G_DECLARE_FINAL_TYPE (CstEnterpriseVerifyPage, cst_enterprise_verify_page, CST, ENTERPRISE_VERIFY_PAGE, CstPage)

CstPage *cst_enterprise_verify_page_new (CstAuthService               *service,
                                         const CstEnterpriseChallenge *challenge,
                                         CstRole                       role);

G_END_DECLS
