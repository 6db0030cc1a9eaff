/* cst-home-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-page.h"

G_BEGIN_DECLS

/* 首页: the operation guide as cards, each opening its flow. */
#define CST_TYPE_HOME_PAGE (cst_home_page_get_type ())
G_DECLARE_FINAL_TYPE (CstHomePage, cst_home_page, CST, HOME_PAGE, CstPage)

CstPage *cst_home_page_new (CstAuthService *service);

G_END_DECLS
