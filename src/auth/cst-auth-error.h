/* cst-auth-error.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CST_AUTH_ERROR (cst_auth_error_quark ())

/**
 * CstAuthError:
 * @CST_AUTH_ERROR_BAD_CREDENTIALS: 账号或密码错误 (also for unknown accounts)
 * @CST_AUTH_ERROR_LOCKED: locked; minutes left in cst_auth_error_get_value()
 * @CST_AUTH_ERROR_CODE_INVALID: wrong SMS code
 * @CST_AUTH_ERROR_CODE_EXPIRED: expired, used, or dead after 5 wrong tries
 * @CST_AUTH_ERROR_RATE_LIMITED: seconds to wait in cst_auth_error_get_value()
 * @CST_AUTH_ERROR_DAILY_LIMIT: 10 codes a day for this phone already
 * @CST_AUTH_ERROR_ALREADY_REGISTERED: 该证件号码已注册
 * @CST_AUTH_ERROR_PHONE_IN_USE: the phone belongs to another account
 * @CST_AUTH_ERROR_NOT_REGISTERED: 该用户未注册 (reset, face login, enterprise)
 * @CST_AUTH_ERROR_ENTERPRISE_UNKNOWN: no such enterprise
 * @CST_AUTH_ERROR_NOT_LINKED: 该用户未关联此企业
 * @CST_AUTH_ERROR_FACE_REJECTED: face check failed
 * @CST_AUTH_ERROR_FACE_UNAVAILABLE: the service offers no face recognition
 * @CST_AUTH_ERROR_EXPIRED: a registration, reset, enterprise login or session expired
 * @CST_AUTH_ERROR_WRONG_STEP: a step was called out of order
 * @CST_AUTH_ERROR_NOT_LOGGED_IN: needs a session
 * @CST_AUTH_ERROR_CREDENTIAL_REVOKED: a remembered token or device credential is no longer valid
 * @CST_AUTH_ERROR_KEYRING_UNAVAILABLE: no Secret Service / locked keyring
 * @CST_AUTH_ERROR_FINGERPRINT: a fingerprint reader problem (message says which)
 * @CST_AUTH_ERROR_STORAGE: the database cannot be read or written
 * @CST_AUTH_ERROR_DATABASE_TOO_NEW: written by a newer version of the app
 * @CST_AUTH_ERROR_INVALID_INPUT: a field is malformed; see cst_auth_error_get_field()
 * @CST_AUTH_ERROR_PASSWORD_POLICY: the new password breaks a rule (message says which)
 *
 * The service's one error domain. The message of every error is translated
 * and ready to show as it is. It carries an extended payload (GLib ≥ 2.68
 * extended error domain): a number (tries left, minutes, seconds) and the
 * name of the field it belongs to, so the UI can place it.
 */
typedef enum {
  CST_AUTH_ERROR_BAD_CREDENTIALS,
  CST_AUTH_ERROR_LOCKED,
  CST_AUTH_ERROR_CODE_INVALID,
  CST_AUTH_ERROR_CODE_EXPIRED,
  CST_AUTH_ERROR_RATE_LIMITED,
  CST_AUTH_ERROR_DAILY_LIMIT,
  CST_AUTH_ERROR_ALREADY_REGISTERED,
  CST_AUTH_ERROR_PHONE_IN_USE,
  CST_AUTH_ERROR_NOT_REGISTERED,
  CST_AUTH_ERROR_ENTERPRISE_UNKNOWN,
  CST_AUTH_ERROR_NOT_LINKED,
  CST_AUTH_ERROR_FACE_REJECTED,
  CST_AUTH_ERROR_FACE_UNAVAILABLE,
  CST_AUTH_ERROR_EXPIRED,
  CST_AUTH_ERROR_WRONG_STEP,
  CST_AUTH_ERROR_NOT_LOGGED_IN,
  CST_AUTH_ERROR_CREDENTIAL_REVOKED,
  CST_AUTH_ERROR_KEYRING_UNAVAILABLE,
  CST_AUTH_ERROR_FINGERPRINT,
  CST_AUTH_ERROR_STORAGE,
  CST_AUTH_ERROR_DATABASE_TOO_NEW,
  CST_AUTH_ERROR_INVALID_INPUT,
  CST_AUTH_ERROR_PASSWORD_POLICY,
} CstAuthError;

/* Field names used by cst_auth_error_get_field(). */
#define CST_FIELD_ACCOUNT      "account"
#define CST_FIELD_PASSWORD     "password"
#define CST_FIELD_ID_NUMBER    "id-number"
#define CST_FIELD_NAME         "name"
#define CST_FIELD_PHONE        "phone"
#define CST_FIELD_CODE         "code"
#define CST_FIELD_ENTERPRISE   "enterprise"
#define CST_FIELD_USERNAME     "username"
#define CST_FIELD_FACE         "face"

GQuark      cst_auth_error_quark      (void);

/*
 * Builds a CST_AUTH_ERROR with the standard translated message of @code
 * (SPEC §4), @value filled into it where the message has a number (tries
 * left, minutes, seconds), and @field (nullable, static string).
 */
GError     *cst_auth_error_new        (CstAuthError  code,
                                       gint64        value,
                                       const char   *field);
void        cst_auth_set_error        (GError      **error,
                                       CstAuthError  code,
                                       gint64        value,
                                       const char   *field);
/* As above with a message of the caller's (already translated). */
GError     *cst_auth_error_new_literal (CstAuthError  code,
                                        gint64        value,
                                        const char   *field,
                                        const char   *message);
/*
 * An INVALID_INPUT / PASSWORD_POLICY error for @field from a
 * CST_VALIDATION_ERROR or CST_PASSWORD_ERROR, keeping its message.
 */
GError     *cst_auth_error_from_validation (const GError *validation_error,
                                            const char   *field);

/* 0 / NULL for errors of other domains. */
gint64      cst_auth_error_get_value  (const GError *error);
const char *cst_auth_error_get_field  (const GError *error);

G_END_DECLS
