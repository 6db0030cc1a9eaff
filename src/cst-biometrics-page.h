/* cst-biometrics-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-fingerprint-reader.h"
#include "cst-page.h"

G_BEGIN_DECLS

/* 生物识别: 指纹识别 and 开启面容登录 switches. */
#define CST_TYPE_BIOMETRICS_PAGE (cst_biometrics_page_get_type ())
G_DECLARE_FINAL_TYPE (CstBiometricsPage, cst_biometrics_page, CST, BIOMETRICS_PAGE, CstPage)

CstPage              *cst_biometrics_page_new                    (CstAuthService       *service);

/* The reader the fingerprint row probes; by default one on the system bus,
 * made when the page is first shown. */
CstFingerprintReader *cst_biometrics_page_get_fingerprint_reader (CstBiometricsPage    *self);
void                  cst_biometrics_page_set_fingerprint_reader (CstBiometricsPage    *self,
                                                                  CstFingerprintReader *reader);

G_END_DECLS
