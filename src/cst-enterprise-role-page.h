/* cst-enterprise-role-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-page.h"

G_BEGIN_DECLS

/* 身份类型选择: the roles the person holds in the enterprise. */
#define CST_TYPE_ENTERPRISE_ROLE_PAGE (cst_enterprise_role_page_get_type ())
G_DECLARE_FINAL_TYPE (CstEnterpriseRolePage, cst_enterprise_role_page, CST, ENTERPRISE_ROLE_PAGE, CstPage)

CstPage *cst_enterprise_role_page_new (CstAuthService               *service,
                                       const CstEnterpriseChallenge *challenge);

G_END_DECLS
