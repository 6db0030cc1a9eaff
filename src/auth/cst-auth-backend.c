/* cst-auth-backend.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-auth-backend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "cst-auth-backend.h"
#include "cst-auth-error.h"

G_DEFINE_INTERFACE (CstAuthBackend, cst_auth_backend, G_TYPE_OBJECT)

static void
cst_auth_backend_default_init (CstAuthBackendInterface *iface)
{
}

static void
wipe_free (char *secret)
{
  if (secret != NULL)
    {
      sodium_memzero (secret, strlen (secret));
      g_free (secret);
    }
}

/**
 * cst_enterprise_challenge_free:
 * @challenge: (nullable): a #CstEnterpriseChallenge
 *
 * Frees @challenge, wiping its ticket.
 */
void
cst_enterprise_challenge_free (CstEnterpriseChallenge *challenge)
{
  if (challenge == NULL)
    return;

  wipe_free (challenge->ticket);
  g_free (challenge->enterprise_code);
  g_free (challenge->enterprise_name);
  g_free (challenge->roles);
  g_free (challenge->masked_phone);
  g_free (challenge);
}

/**
 * cst_reset_challenge_free:
 * @challenge: (nullable): a #CstResetChallenge
 *
 * Frees @challenge, wiping its ticket.
 */
void
cst_reset_challenge_free (CstResetChallenge *challenge)
{
  if (challenge == NULL)
    return;

  wipe_free (challenge->ticket);
  g_free (challenge->masked_phone);
  g_free (challenge);
}

/* A backend without the call: a programming error in the backend, but the
 * caller still deserves an error it can show. */
static void
set_not_supported (GError     **error,
                   const char  *call)
{
  g_warning ("This identity service does not implement %s()", call);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The identity service does not support this operation"));
}

/* A backend that failed without saying why breaks its contract; give the
 * caller an error anyway, so that nobody dereferences a NULL GError. */
static void
ensure_error (GError     **error,
              const char  *call)
{
  if (error != NULL && *error == NULL)
    {
      g_critical ("%s() failed without setting an error", call);
      cst_auth_set_error (error, CST_AUTH_ERROR_STORAGE, 0, NULL);
    }
}

#define CHECK_SELF(val) \
  g_return_val_if_fail (CST_IS_AUTH_BACKEND (self), val); \
  g_return_val_if_fail (error == NULL || *error == NULL, val)

#define CALL_BOOL(vfunc, ...)                                           \
  G_STMT_START {                                                        \
    CstAuthBackendInterface *iface = CST_AUTH_BACKEND_GET_IFACE (self); \
    gboolean ret;                                                       \
    if (iface->vfunc == NULL)                                           \
      {                                                                 \
        set_not_supported (error, #vfunc);                              \
        return FALSE;                                                   \
      }                                                                 \
    ret = iface->vfunc (self, __VA_ARGS__);                             \
    if (!ret)                                                           \
      ensure_error (error, #vfunc);                                     \
    return ret;                                                         \
  } G_STMT_END

#define CALL_PTR(vfunc, ...)                                            \
  G_STMT_START {                                                        \
    CstAuthBackendInterface *iface = CST_AUTH_BACKEND_GET_IFACE (self); \
    if (iface->vfunc == NULL)                                           \
      {                                                                 \
        set_not_supported (error, #vfunc);                              \
        return NULL;                                                    \
      }                                                                 \
    ret = iface->vfunc (self, __VA_ARGS__);                             \
    if (ret == NULL)                                                    \
      ensure_error (error, #vfunc);                                     \
    return ret;                                                         \
  } G_STMT_END

gboolean
cst_auth_backend_face_available (CstAuthBackend *self)
{
  CstAuthBackendInterface *iface;

  g_return_val_if_fail (CST_IS_AUTH_BACKEND (self), FALSE);

  iface = CST_AUTH_BACKEND_GET_IFACE (self);
  return iface->face_available != NULL && iface->face_available (self);
}

gboolean
cst_auth_backend_face_simulated (CstAuthBackend *self)
{
  CstAuthBackendInterface *iface;

  g_return_val_if_fail (CST_IS_AUTH_BACKEND (self), FALSE);

  iface = CST_AUTH_BACKEND_GET_IFACE (self);
  return iface->face_simulated != NULL && iface->face_simulated (self);
}

gboolean
cst_auth_backend_send_code (CstAuthBackend  *self,
                            const char      *phone,
                            CstCodePurpose   purpose,
                            gint            *resend_after,
                            GError         **error)
{
  gint dummy = 0;

  CHECK_SELF (FALSE);
  g_return_val_if_fail (phone != NULL, FALSE);

  CALL_BOOL (send_code, phone, purpose, resend_after ? resend_after : &dummy, error);
}

gboolean
cst_auth_backend_send_ticket_code (CstAuthBackend  *self,
                                   const char      *ticket,
                                   gint            *resend_after,
                                   GError         **error)
{
  gint dummy = 0;

  CHECK_SELF (FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);

  CALL_BOOL (send_ticket_code, ticket, resend_after ? resend_after : &dummy, error);
}

char *
cst_auth_backend_register_begin (CstAuthBackend  *self,
                                 CstIdType        id_type,
                                 const char      *id_number,
                                 const char      *name,
                                 GError         **error)
{
  char *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (id_number != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  CALL_PTR (register_begin, id_type, id_number, name, error);
}

gboolean
cst_auth_backend_register_set_credentials (CstAuthBackend  *self,
                                           const char      *ticket,
                                           const char      *password,
                                           const char      *phone,
                                           const char      *code,
                                           GError         **error)
{
  CHECK_SELF (FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (phone != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  CALL_BOOL (register_set_credentials, ticket, password, phone, code, error);
}

CstSession *
cst_auth_backend_register_complete (CstAuthBackend  *self,
                                    const char      *ticket,
                                    CstFaceCapture  *capture,
                                    gboolean         remember,
                                    GError         **error)
{
  CstSession *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (ticket != NULL, NULL);
  g_return_val_if_fail (capture != NULL, NULL);

  CALL_PTR (register_complete, ticket, capture, remember, error);
}

CstSession *
cst_auth_backend_login_password (CstAuthBackend  *self,
                                 const char      *account,
                                 const char      *password,
                                 gboolean         remember,
                                 GError         **error)
{
  CstSession *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  CALL_PTR (login_password, account, password, remember, error);
}

CstSession *
cst_auth_backend_login_sms (CstAuthBackend  *self,
                            const char      *phone,
                            const char      *code,
                            gboolean         remember,
                            GError         **error)
{
  CstSession *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (phone != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  CALL_PTR (login_sms, phone, code, remember, error);
}

CstSession *
cst_auth_backend_login_face (CstAuthBackend  *self,
                             CstIdType        id_type,
                             const char      *id_number,
                             CstFaceCapture  *capture,
                             gboolean         remember,
                             GError         **error)
{
  CstSession *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (id_number != NULL, NULL);
  g_return_val_if_fail (capture != NULL, NULL);

  CALL_PTR (login_face, id_type, id_number, capture, remember, error);
}

CstSession *
cst_auth_backend_login_device (CstAuthBackend     *self,
                               CstCredentialKind   kind,
                               const char         *credential,
                               GError            **error)
{
  CstSession *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (credential != NULL, NULL);

  CALL_PTR (login_device, kind, credential, error);
}

CstEnterpriseChallenge *
cst_auth_backend_enterprise_begin (CstAuthBackend  *self,
                                   const char      *enterprise_code,
                                   const char      *account,
                                   const char      *password,
                                   GError         **error)
{
  CstEnterpriseChallenge *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (enterprise_code != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  CALL_PTR (enterprise_begin, enterprise_code, account, password, error);
}

CstSession *
cst_auth_backend_enterprise_complete_sms (CstAuthBackend  *self,
                                          const char      *ticket,
                                          CstRole          role,
                                          const char      *code,
                                          GError         **error)
{
  CstSession *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (ticket != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  CALL_PTR (enterprise_complete_sms, ticket, role, code, error);
}

CstSession *
cst_auth_backend_enterprise_complete_face (CstAuthBackend  *self,
                                           const char      *ticket,
                                           CstRole          role,
                                           CstFaceCapture  *capture,
                                           GError         **error)
{
  CstSession *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (ticket != NULL, NULL);
  g_return_val_if_fail (capture != NULL, NULL);

  CALL_PTR (enterprise_complete_face, ticket, role, capture, error);
}

CstResetChallenge *
cst_auth_backend_reset_begin (CstAuthBackend  *self,
                              CstIdType        id_type,
                              const char      *id_number,
                              GError         **error)
{
  CstResetChallenge *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (id_number != NULL, NULL);

  CALL_PTR (reset_begin, id_type, id_number, error);
}

gboolean
cst_auth_backend_reset_verify_code (CstAuthBackend  *self,
                                    const char      *ticket,
                                    const char      *code,
                                    GError         **error)
{
  CHECK_SELF (FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  CALL_BOOL (reset_verify_code, ticket, code, error);
}

gboolean
cst_auth_backend_reset_verify_face (CstAuthBackend  *self,
                                    const char      *ticket,
                                    CstFaceCapture  *capture,
                                    GError         **error)
{
  CHECK_SELF (FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);
  g_return_val_if_fail (capture != NULL, FALSE);

  CALL_BOOL (reset_verify_face, ticket, capture, error);
}

gboolean
cst_auth_backend_reset_send_new_phone_code (CstAuthBackend  *self,
                                            const char      *ticket,
                                            const char      *new_phone,
                                            gint            *resend_after,
                                            GError         **error)
{
  gint dummy = 0;

  CHECK_SELF (FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);
  g_return_val_if_fail (new_phone != NULL, FALSE);

  CALL_BOOL (reset_send_new_phone_code, ticket, new_phone,
             resend_after ? resend_after : &dummy, error);
}

gboolean
cst_auth_backend_reset_verify_new_phone (CstAuthBackend  *self,
                                         const char      *ticket,
                                         const char      *new_phone,
                                         const char      *code,
                                         GError         **error)
{
  CHECK_SELF (FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);
  g_return_val_if_fail (new_phone != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  CALL_BOOL (reset_verify_new_phone, ticket, new_phone, code, error);
}

gboolean
cst_auth_backend_reset_complete (CstAuthBackend  *self,
                                 const char      *ticket,
                                 const char      *new_password,
                                 GError         **error)
{
  CHECK_SELF (FALSE);
  g_return_val_if_fail (ticket != NULL, FALSE);
  g_return_val_if_fail (new_password != NULL, FALSE);

  CALL_BOOL (reset_complete, ticket, new_password, error);
}

char *
cst_auth_backend_device_credential_issue (CstAuthBackend     *self,
                                          const char         *session_token,
                                          const char         *password,
                                          CstCredentialKind   kind,
                                          const char         *device_name,
                                          GError            **error)
{
  char *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (session_token != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);
  g_return_val_if_fail (kind == CST_CREDENTIAL_KIND_FINGERPRINT ||
                        kind == CST_CREDENTIAL_KIND_FACE, NULL);

  CALL_PTR (device_credential_issue, session_token, password, kind, device_name, error);
}

gboolean
cst_auth_backend_device_credential_revoke (CstAuthBackend     *self,
                                           const char         *session_token,
                                           CstCredentialKind   kind,
                                           GError            **error)
{
  CHECK_SELF (FALSE);
  g_return_val_if_fail (session_token != NULL, FALSE);
  g_return_val_if_fail (kind == CST_CREDENTIAL_KIND_FINGERPRINT ||
                        kind == CST_CREDENTIAL_KIND_FACE, FALSE);

  CALL_BOOL (device_credential_revoke, session_token, kind, error);
}

CstSession *
cst_auth_backend_session_refresh (CstAuthBackend  *self,
                                  const char      *refresh_token,
                                  GError         **error)
{
  CstSession *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (refresh_token != NULL, NULL);

  CALL_PTR (session_refresh, refresh_token, error);
}

CstSession *
cst_auth_backend_session_lookup (CstAuthBackend  *self,
                                 const char      *session_token,
                                 GError         **error)
{
  CstSession *ret;

  CHECK_SELF (NULL);
  g_return_val_if_fail (session_token != NULL, NULL);

  CALL_PTR (session_lookup, session_token, error);
}

gboolean
cst_auth_backend_logout (CstAuthBackend  *self,
                         const char      *session_token,
                         GError         **error)
{
  CHECK_SELF (FALSE);
  g_return_val_if_fail (session_token != NULL, FALSE);

  CALL_BOOL (logout, session_token, error);
}
