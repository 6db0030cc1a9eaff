/* cst-my-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-page.h"

G_BEGIN_DECLS

/* 我的: driven only by the service's "session" property. */
#define CST_TYPE_MY_PAGE (cst_my_page_get_type ())
G_DECLARE_FINAL_TYPE (CstMyPage, cst_my_page, CST, MY_PAGE, CstPage)

CstPage *cst_my_page_new (CstAuthService *service);

G_END_DECLS
