/* cst-biometrics-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-page.h"

G_BEGIN_DECLS

/* 生物识别: 指纹识别 and 开启面容登录 switches. */
#define CST_TYPE_BIOMETRICS_PAGE (cst_biometrics_page_get_type ())
G_DECLARE_FINAL_TYPE (CstBiometricsPage, cst_biometrics_page, CST, BIOMETRICS_PAGE, CstPage)

CstPage *cst_biometrics_page_new (CstAuthService *service);

G_END_DECLS
