/* cst-auth-types.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cst-core.h"

G_BEGIN_DECLS

/* Forward declarations of the service's types. */
typedef struct _CstAuthBackend       CstAuthBackend;
typedef struct _CstAuthService       CstAuthService;
typedef struct _CstCredentialStore   CstCredentialStore;
typedef struct _CstFaceVerifier      CstFaceVerifier;
typedef struct _CstLocalBackend      CstLocalBackend;
typedef struct _CstSession           CstSession;
typedef struct _CstSmsGateway        CstSmsGateway;

/* The numeric values of these enums are stored: never renumber. */

/**
 * CstCodePurpose:
 *
 * What a one-time SMS code is for; a code only works for its purpose and
 * the phone it was sent to.
 */
typedef enum {
  CST_CODE_PURPOSE_REGISTER = 1,
  CST_CODE_PURPOSE_LOGIN = 2,
  CST_CODE_PURPOSE_RESET = 3,
  CST_CODE_PURPOSE_ENTERPRISE = 4,
  CST_CODE_PURPOSE_CHANGE_PHONE = 5,
} CstCodePurpose;

/**
 * CstRole:
 * @CST_ROLE_NONE: a personal session
 * @CST_ROLE_LEGAL_REPRESENTATIVE: 法定代表人
 * @CST_ROLE_FINANCIAL_OFFICER: 财务负责人
 * @CST_ROLE_TAX_OFFICER: 办税员
 * @CST_ROLE_INVOICE_CLERK: 开票员
 */
typedef enum {
  CST_ROLE_NONE = 0,
  CST_ROLE_LEGAL_REPRESENTATIVE = 1,
  CST_ROLE_FINANCIAL_OFFICER = 2,
  CST_ROLE_TAX_OFFICER = 3,
  CST_ROLE_INVOICE_CLERK = 4,
} CstRole;

/**
 * CstCredentialKind:
 *
 * What a remembered secret in the keyring is. Also the `kind` attribute of
 * the keyring schema (see cst_credential_kind_to_string()).
 */
typedef enum {
  CST_CREDENTIAL_KIND_REFRESH = 0,      /* 保持登录 refresh token */
  CST_CREDENTIAL_KIND_FINGERPRINT = 1,  /* 指纹识别 device credential */
  CST_CREDENTIAL_KIND_FACE = 2,         /* 开启面容登录 device credential */
} CstCredentialKind;

/**
 * CstLoginMethod:
 *
 * How a session was obtained (shown on 我的 and kept in the audit log).
 */
typedef enum {
  CST_LOGIN_METHOD_PASSWORD = 1,
  CST_LOGIN_METHOD_SMS = 2,
  CST_LOGIN_METHOD_FACE = 3,
  CST_LOGIN_METHOD_FINGERPRINT = 4,
  CST_LOGIN_METHOD_DEVICE_FACE = 5,
  CST_LOGIN_METHOD_REFRESH = 6,
  CST_LOGIN_METHOD_REGISTRATION = 7,
  CST_LOGIN_METHOD_ENTERPRISE_SMS = 8,
  CST_LOGIN_METHOD_ENTERPRISE_FACE = 9,
} CstLoginMethod;

/* Stable identifiers ("legal-representative" …) and translated labels. */
const char *cst_role_to_string              (CstRole            role);
gboolean    cst_role_from_string            (const char        *str,
                                             CstRole           *role);
const char *cst_role_get_label              (CstRole            role);
const char *cst_credential_kind_to_string   (CstCredentialKind  kind);
const char *cst_code_purpose_to_string      (CstCodePurpose     purpose);

G_END_DECLS
