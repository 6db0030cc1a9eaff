/* cst-auth-service.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cst-auth-backend.h"
#include "cst-auth-error.h"
#include "cst-credential-store.h"
#include "cst-face-verifier.h"
#include "cst-session.h"

G_BEGIN_DECLS

/*
 * What the UI talks to. Every operation is an _async/_finish pair: the
 * backend runs in a GTask worker thread, never on the main thread; the
 * callback comes back on the thread-default main context of the caller.
 * Every call takes a GCancellable. Errors are CST_AUTH_ERROR (translated
 * messages, see cst-auth-error.h) or G_IO_ERROR_CANCELLED.
 *
 * The service owns the current session: a successful login, registration
 * or restore sets "session" (notify::session drives 我的); logout and a
 * revoked token clear it. With remember = TRUE (保持登录) the refresh token
 * goes into the credential store; the session is set even when the
 * keyring fails, and "keyring-available" turns FALSE.
 *
 * Properties:
 *   "backend"            CstAuthBackend     construct-only
 *   "credential-store"   CstCredentialStore construct-only, nullable
 *   "session"            CstSession         read-only, nullable
 *   "face-available"     gboolean           read-only
 *   "face-simulated"     gboolean           read-only (show 本地模拟)
 *   "keyring-available"  gboolean           read-only; FALSE once the store failed
 *   "busy"               gboolean           read-only; a call is running
 */
#define CST_TYPE_AUTH_SERVICE (cst_auth_service_get_type ())
G_DECLARE_FINAL_TYPE (CstAuthService, cst_auth_service, CST, AUTH_SERVICE, GObject)

CstAuthService     *cst_auth_service_new                    (CstAuthBackend      *backend,
                                                             CstCredentialStore  *store);
CstAuthBackend     *cst_auth_service_get_backend            (CstAuthService      *self);
CstCredentialStore *cst_auth_service_get_credential_store   (CstAuthService      *self);
CstSession         *cst_auth_service_get_session            (CstAuthService      *self);
gboolean            cst_auth_service_get_face_available     (CstAuthService      *self);
gboolean            cst_auth_service_get_face_simulated     (CstAuthService      *self);
gboolean            cst_auth_service_get_keyring_available  (CstAuthService      *self);
gboolean            cst_auth_service_get_busy               (CstAuthService      *self);

/* ---- codes ---- */
void      cst_auth_service_send_code_async        (CstAuthService *self, const char *phone,
                                                   CstCodePurpose purpose, GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
/* Returns the seconds until a new code may be asked (the countdown). */
gboolean  cst_auth_service_send_code_finish       (CstAuthService *self, GAsyncResult *result,
                                                   gint *resend_after, GError **error);
void      cst_auth_service_send_ticket_code_async (CstAuthService *self, const char *ticket,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_send_ticket_code_finish (CstAuthService *self, GAsyncResult *result,
                                                    gint *resend_after, GError **error);

/* ---- registration ---- */
void      cst_auth_service_register_begin_async   (CstAuthService *self, CstIdType id_type,
                                                   const char *id_number, const char *name,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
char     *cst_auth_service_register_begin_finish  (CstAuthService *self, GAsyncResult *result,
                                                   GError **error);
void      cst_auth_service_register_set_credentials_async (CstAuthService *self, const char *ticket,
                                                   const char *password, const char *phone,
                                                   const char *code, GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_register_set_credentials_finish (CstAuthService *self,
                                                   GAsyncResult *result, GError **error);
/* Signs in (sets "session") on success. */
void      cst_auth_service_register_complete_async (CstAuthService *self, const char *ticket,
                                                   CstFaceCapture *capture, gboolean remember,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_register_complete_finish (CstAuthService *self, GAsyncResult *result,
                                                     GError **error);

/* ---- personal login (all set "session" on success) ---- */
void      cst_auth_service_login_password_async   (CstAuthService *self, const char *account,
                                                   const char *password, gboolean remember,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_login_password_finish  (CstAuthService *self, GAsyncResult *result,
                                                   GError **error);
void      cst_auth_service_login_sms_async        (CstAuthService *self, const char *phone,
                                                   const char *code, gboolean remember,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_login_sms_finish       (CstAuthService *self, GAsyncResult *result,
                                                   GError **error);
void      cst_auth_service_login_face_async       (CstAuthService *self, CstIdType id_type,
                                                   const char *id_number, CstFaceCapture *capture,
                                                   gboolean remember, GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_login_face_finish      (CstAuthService *self, GAsyncResult *result,
                                                   GError **error);

/* ---- enterprise login ---- */
void      cst_auth_service_enterprise_begin_async (CstAuthService *self, const char *enterprise_code,
                                                   const char *account, const char *password,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
CstEnterpriseChallenge *cst_auth_service_enterprise_begin_finish (CstAuthService *self,
                                                   GAsyncResult *result, GError **error);
void      cst_auth_service_enterprise_complete_sms_async (CstAuthService *self, const char *ticket,
                                                   CstRole role, const char *code,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_enterprise_complete_sms_finish (CstAuthService *self,
                                                   GAsyncResult *result, GError **error);
void      cst_auth_service_enterprise_complete_face_async (CstAuthService *self, const char *ticket,
                                                   CstRole role, CstFaceCapture *capture,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_enterprise_complete_face_finish (CstAuthService *self,
                                                   GAsyncResult *result, GError **error);

/* ---- password reset ---- */
void      cst_auth_service_reset_begin_async      (CstAuthService *self, CstIdType id_type,
                                                   const char *id_number, GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
CstResetChallenge *cst_auth_service_reset_begin_finish (CstAuthService *self, GAsyncResult *result,
                                                   GError **error);
void      cst_auth_service_reset_verify_code_async (CstAuthService *self, const char *ticket,
                                                   const char *code, GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_reset_verify_code_finish (CstAuthService *self, GAsyncResult *result,
                                                     GError **error);
void      cst_auth_service_reset_verify_face_async (CstAuthService *self, const char *ticket,
                                                   CstFaceCapture *capture, GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_reset_verify_face_finish (CstAuthService *self, GAsyncResult *result,
                                                     GError **error);
void      cst_auth_service_reset_send_new_phone_code_async (CstAuthService *self, const char *ticket,
                                                   const char *new_phone, GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_reset_send_new_phone_code_finish (CstAuthService *self,
                                                   GAsyncResult *result, gint *resend_after,
                                                   GError **error);
void      cst_auth_service_reset_verify_new_phone_async (CstAuthService *self, const char *ticket,
                                                   const char *new_phone, const char *code,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_reset_verify_new_phone_finish (CstAuthService *self,
                                                   GAsyncResult *result, GError **error);
/* Also forgets what this device remembered for that person when the
 * current session is theirs (it was revoked by the server): clears
 * "session" and the keyring entries. */
void      cst_auth_service_reset_complete_async   (CstAuthService *self, const char *ticket,
                                                   const char *new_password,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_reset_complete_finish  (CstAuthService *self, GAsyncResult *result,
                                                   GError **error);

/* ---- remembered sign-in, quick login, logout ---- */
/* At start-up, after the first frame: a remembered refresh token → session.
 * Finishes TRUE when a session was restored, FALSE without error when
 * nothing was remembered. */
void      cst_auth_service_restore_async          (CstAuthService *self, GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_restore_finish         (CstAuthService *self, GAsyncResult *result,
                                                   GError **error);
/* Password-confirmed: the backend issues a device credential, stored in
 * the keyring under the session's ID number. */
void      cst_auth_service_quick_login_enable_async  (CstAuthService *self, CstCredentialKind kind,
                                                      const char *password,
                                                      GCancellable *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer user_data);
gboolean  cst_auth_service_quick_login_enable_finish (CstAuthService *self, GAsyncResult *result,
                                                      GError **error);
void      cst_auth_service_quick_login_disable_async (CstAuthService *self, CstCredentialKind kind,
                                                      GCancellable *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer user_data);
gboolean  cst_auth_service_quick_login_disable_finish (CstAuthService *self, GAsyncResult *result,
                                                       GError **error);
/* Is a device credential of @kind remembered here? Finishes with the
 * account it belongs to (transfer full) or NULL. */
void      cst_auth_service_quick_login_lookup_async  (CstAuthService *self, CstCredentialKind kind,
                                                      GCancellable *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer user_data);
char     *cst_auth_service_quick_login_lookup_finish (CstAuthService *self, GAsyncResult *result,
                                                      GError **error);
/* Uses the remembered device credential of @kind (the biometric match is
 * the caller's: fingerprint reader or face capture view). */
void      cst_auth_service_login_quick_async      (CstAuthService *self, CstCredentialKind kind,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_login_quick_finish     (CstAuthService *self, GAsyncResult *result,
                                                   GError **error);
/* Ends the session on the server, forgets the refresh token, clears "session". */
void      cst_auth_service_logout_async           (CstAuthService *self, GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean  cst_auth_service_logout_finish          (CstAuthService *self, GAsyncResult *result,
                                                   GError **error);

G_END_DECLS
