/* cst-quick-login-page.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-face-verifier.h"
#include "cst-fingerprint-reader.h"
#include "cst-page.h"

G_BEGIN_DECLS

/* After this many failed matches in a row a quick login of that kind
 * needs the password first (SPEC §1.7). */
#define CST_QUICK_LOGIN_MAX_FAILURES 5

/*
 * 指纹登录 / 面容登录 (SPEC §1.7): the biometric gate in front of the device
 * credential that 生物识别 remembered in the keyring. The login page pushes
 * it for the remembered account.
 *
 * Fingerprint: the reader verifies as soon as the page is shown, with its
 * prompt and retry texts on the page; a match signs in with the device
 * credential. Face: the capture view; a capture the gate accepts signs in
 * with the device credential.
 *
 * Properties (construct-only):
 *   "kind"                CstCredentialKind  FINGERPRINT or FACE
 *   "account"             char*              the ID number it is remembered for
 *   "fingerprint-reader"  CstFingerprintReader  nullable: a new system reader
 *   "face-verifier"       CstFaceVerifier    nullable: the local liveness gate
 */
#define CST_TYPE_QUICK_LOGIN_PAGE (cst_quick_login_page_get_type ())
G_DECLARE_FINAL_TYPE (CstQuickLoginPage, cst_quick_login_page, CST, QUICK_LOGIN_PAGE, CstPage)

CstPage           *cst_quick_login_page_new      (CstAuthService       *service,
                                                  CstCredentialKind     kind,
                                                  const char           *account,
                                                  CstFingerprintReader *reader,
                                                  CstFaceVerifier      *verifier);
CstCredentialKind  cst_quick_login_page_get_kind (CstQuickLoginPage    *self);
const char        *cst_quick_login_page_get_account (CstQuickLoginPage *self);

/*
 * The failed-match count of @kind on this device, shared by every page
 * that works with @service. It counts consecutive failures: a match resets
 * it, and so does any successful password login with @service.
 */
guint              cst_quick_login_get_failures  (CstAuthService       *service,
                                                  CstCredentialKind     kind);
/* TRUE once the count reached CST_QUICK_LOGIN_MAX_FAILURES. */
gboolean           cst_quick_login_get_password_required (CstAuthService    *service,
                                                          CstCredentialKind  kind);

G_END_DECLS
