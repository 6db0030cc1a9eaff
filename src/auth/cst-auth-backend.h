/* cst-auth-backend.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cst-auth-types.h"
#include "cst-face-verifier.h"
#include "cst-session.h"

G_BEGIN_DECLS

/*
 * CstAuthBackend is the protocol of the unified identity service: what a
 * client can ask the "server". Every call is synchronous, may block (hashing,
 * disk, network) and must be thread-safe: CstAuthService calls it from
 * worker threads only. Errors are CST_AUTH_ERROR with translated messages.
 * Inputs are what the user typed; the backend normalises and validates
 * them itself (a server never trusts its client) and answers
 * CST_AUTH_ERROR_INVALID_INPUT with the field.
 *
 * Multi-step flows hold their state on the server side behind an opaque
 * ticket (a random token, only its hash stored) that expires.
 *
 * Nothing above this interface may assume SQLite: a remote backend
 * (HTTP/JSON) implements the same calls.
 */

/* Returned by enterprise_begin: who may log in for which enterprise. */
typedef struct
{
  char     *ticket;           /* secret */
  char     *enterprise_code;  /* normalised USCC / TIN */
  char     *enterprise_name;
  CstRole  *roles;            /* the person's roles there */
  guint     n_roles;
  char     *masked_phone;     /* where the 短信验证 code goes: 138****1234 */
  gint64    expires;          /* µs since the epoch */
} CstEnterpriseChallenge;

/* Returned by reset_begin. */
typedef struct
{
  char     *ticket;           /* secret */
  char     *masked_phone;     /* 验证码将发送至 138****1234 */
  gint64    expires;
} CstResetChallenge;

void cst_enterprise_challenge_free (CstEnterpriseChallenge *challenge);
void cst_reset_challenge_free      (CstResetChallenge      *challenge);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CstEnterpriseChallenge, cst_enterprise_challenge_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CstResetChallenge, cst_reset_challenge_free)

#define CST_TYPE_AUTH_BACKEND (cst_auth_backend_get_type ())
G_DECLARE_INTERFACE (CstAuthBackend, cst_auth_backend, CST, AUTH_BACKEND, GObject)

struct _CstAuthBackendInterface
{
  GTypeInterface parent_iface;

  /* Face recognition offered at all, and whether it is the simulation. */
  gboolean      (*face_available)       (CstAuthBackend *self);
  gboolean      (*face_simulated)       (CstAuthBackend *self);

  /*
   * Codes to a phone the client names (REGISTER, LOGIN). For LOGIN an
   * unknown phone gets the same answer as a known one (no enumeration).
   * On success *resend_after is the seconds until the next send is allowed.
   * RATE_LIMITED carries the seconds left; DAILY_LIMIT.
   */
  gboolean      (*send_code)            (CstAuthBackend  *self,
                                         const char      *phone,
                                         CstCodePurpose   purpose,
                                         gint            *resend_after,
                                         GError         **error);
  /* Codes to the phone on file of a reset or enterprise ticket. */
  gboolean      (*send_ticket_code)     (CstAuthBackend  *self,
                                         const char      *ticket,
                                         gint            *resend_after,
                                         GError         **error);

  /* Registration: begin → (send_code REGISTER) → set_credentials → complete. */
  char         *(*register_begin)       (CstAuthBackend  *self,
                                         CstIdType        id_type,
                                         const char      *id_number,
                                         const char      *name,
                                         GError         **error);
  gboolean      (*register_set_credentials) (CstAuthBackend *self,
                                         const char      *ticket,
                                         const char      *password,
                                         const char      *phone,
                                         const char      *code,
                                         GError         **error);
  /* Face step; creates the account atomically and signs it in. */
  CstSession   *(*register_complete)    (CstAuthBackend  *self,
                                         const char      *ticket,
                                         CstFaceCapture  *capture,
                                         gboolean         remember,
                                         GError         **error);

  /* Personal logins. @account: ID number, phone or user name. */
  CstSession   *(*login_password)       (CstAuthBackend  *self,
                                         const char      *account,
                                         const char      *password,
                                         gboolean         remember,
                                         GError         **error);
  CstSession   *(*login_sms)            (CstAuthBackend  *self,
                                         const char      *phone,
                                         const char      *code,
                                         gboolean         remember,
                                         GError         **error);
  CstSession   *(*login_face)           (CstAuthBackend  *self,
                                         CstIdType        id_type,
                                         const char      *id_number,
                                         CstFaceCapture  *capture,
                                         gboolean         remember,
                                         GError         **error);
  /* Quick login: @credential from the keyring, checked by hash. */
  CstSession   *(*login_device)         (CstAuthBackend  *self,
                                         CstCredentialKind kind,
                                         const char      *credential,
                                         GError         **error);

  /* Enterprise: begin (password) → send_ticket_code → complete_*; no
   * session exists before a complete_* succeeds. */
  CstEnterpriseChallenge *(*enterprise_begin) (CstAuthBackend *self,
                                         const char      *enterprise_code,
                                         const char      *account,
                                         const char      *password,
                                         GError         **error);
  CstSession   *(*enterprise_complete_sms)  (CstAuthBackend *self,
                                         const char      *ticket,
                                         CstRole          role,
                                         const char      *code,
                                         GError         **error);
  CstSession   *(*enterprise_complete_face) (CstAuthBackend *self,
                                         const char      *ticket,
                                         CstRole          role,
                                         CstFaceCapture  *capture,
                                         GError         **error);

  /* Reset: begin → (send_ticket_code → verify_code | verify_face →
   * send_new_phone_code → verify_new_phone) → complete. */
  CstResetChallenge *(*reset_begin)     (CstAuthBackend  *self,
                                         CstIdType        id_type,
                                         const char      *id_number,
                                         GError         **error);
  gboolean      (*reset_verify_code)    (CstAuthBackend  *self,
                                         const char      *ticket,
                                         const char      *code,
                                         GError         **error);
  gboolean      (*reset_verify_face)    (CstAuthBackend  *self,
                                         const char      *ticket,
                                         CstFaceCapture  *capture,
                                         GError         **error);
  gboolean      (*reset_send_new_phone_code) (CstAuthBackend *self,
                                         const char      *ticket,
                                         const char      *new_phone,
                                         gint            *resend_after,
                                         GError         **error);
  gboolean      (*reset_verify_new_phone) (CstAuthBackend *self,
                                         const char      *ticket,
                                         const char      *new_phone,
                                         const char      *code,
                                         GError         **error);
  /* Sets the password, revokes every session, refresh token and device
   * credential of the person, clears the lockout. */
  gboolean      (*reset_complete)       (CstAuthBackend  *self,
                                         const char      *ticket,
                                         const char      *new_password,
                                         GError         **error);

  /* Quick-login credentials of the signed-in person on this device. */
  char         *(*device_credential_issue)  (CstAuthBackend  *self,
                                         const char      *session_token,
                                         const char      *password,
                                         CstCredentialKind kind,
                                         const char      *device_name,
                                         GError         **error);
  gboolean      (*device_credential_revoke) (CstAuthBackend  *self,
                                         const char      *session_token,
                                         CstCredentialKind kind,
                                         GError         **error);

  /* A new session and a new refresh token; the old token dies (rotation). */
  CstSession   *(*session_refresh)      (CstAuthBackend  *self,
                                         const char      *refresh_token,
                                         GError         **error);
  /* Still valid? Returns the session as the server sees it. */
  CstSession   *(*session_lookup)       (CstAuthBackend  *self,
                                         const char      *session_token,
                                         GError         **error);
  /* Ends the session and its refresh token. */
  gboolean      (*logout)               (CstAuthBackend  *self,
                                         const char      *session_token,
                                         GError         **error);
};

/* Wrappers with g_return_val_if_fail checks; same contracts as above. */
gboolean      cst_auth_backend_face_available  (CstAuthBackend *self);
gboolean      cst_auth_backend_face_simulated  (CstAuthBackend *self);
gboolean      cst_auth_backend_send_code       (CstAuthBackend *self, const char *phone,
                                                CstCodePurpose purpose, gint *resend_after,
                                                GError **error);
gboolean      cst_auth_backend_send_ticket_code (CstAuthBackend *self, const char *ticket,
                                                 gint *resend_after, GError **error);
char         *cst_auth_backend_register_begin  (CstAuthBackend *self, CstIdType id_type,
                                                const char *id_number, const char *name,
                                                GError **error);
gboolean      cst_auth_backend_register_set_credentials (CstAuthBackend *self, const char *ticket,
                                                         const char *password, const char *phone,
                                                         const char *code, GError **error);
CstSession   *cst_auth_backend_register_complete (CstAuthBackend *self, const char *ticket,
                                                  CstFaceCapture *capture, gboolean remember,
                                                  GError **error);
CstSession   *cst_auth_backend_login_password  (CstAuthBackend *self, const char *account,
                                                const char *password, gboolean remember,
                                                GError **error);
CstSession   *cst_auth_backend_login_sms       (CstAuthBackend *self, const char *phone,
                                                const char *code, gboolean remember,
                                                GError **error);
CstSession   *cst_auth_backend_login_face      (CstAuthBackend *self, CstIdType id_type,
                                                const char *id_number, CstFaceCapture *capture,
                                                gboolean remember, GError **error);
CstSession   *cst_auth_backend_login_device    (CstAuthBackend *self, CstCredentialKind kind,
                                                const char *credential, GError **error);
CstEnterpriseChallenge *cst_auth_backend_enterprise_begin (CstAuthBackend *self,
                                                           const char *enterprise_code,
                                                           const char *account,
                                                           const char *password,
                                                           GError **error);
CstSession   *cst_auth_backend_enterprise_complete_sms  (CstAuthBackend *self, const char *ticket,
                                                         CstRole role, const char *code,
                                                         GError **error);
CstSession   *cst_auth_backend_enterprise_complete_face (CstAuthBackend *self, const char *ticket,
                                                         CstRole role, CstFaceCapture *capture,
                                                         GError **error);
CstResetChallenge *cst_auth_backend_reset_begin (CstAuthBackend *self, CstIdType id_type,
                                                 const char *id_number, GError **error);
gboolean      cst_auth_backend_reset_verify_code (CstAuthBackend *self, const char *ticket,
                                                  const char *code, GError **error);
gboolean      cst_auth_backend_reset_verify_face (CstAuthBackend *self, const char *ticket,
                                                  CstFaceCapture *capture, GError **error);
gboolean      cst_auth_backend_reset_send_new_phone_code (CstAuthBackend *self, const char *ticket,
                                                          const char *new_phone, gint *resend_after,
                                                          GError **error);
gboolean      cst_auth_backend_reset_verify_new_phone (CstAuthBackend *self, const char *ticket,
                                                       const char *new_phone, const char *code,
                                                       GError **error);
gboolean      cst_auth_backend_reset_complete  (CstAuthBackend *self, const char *ticket,
                                                const char *new_password, GError **error);
char         *cst_auth_backend_device_credential_issue (CstAuthBackend *self,
                                                        const char *session_token,
                                                        const char *password,
                                                        CstCredentialKind kind,
                                                        const char *device_name,
                                                        GError **error);
gboolean      cst_auth_backend_device_credential_revoke (CstAuthBackend *self,
                                                         const char *session_token,
                                                         CstCredentialKind kind,
                                                         GError **error);
CstSession   *cst_auth_backend_session_refresh (CstAuthBackend *self, const char *refresh_token,
                                                GError **error);
CstSession   *cst_auth_backend_session_lookup  (CstAuthBackend *self, const char *session_token,
                                                GError **error);
gboolean      cst_auth_backend_logout          (CstAuthBackend *self, const char *session_token,
                                                GError **error);

G_END_DECLS
