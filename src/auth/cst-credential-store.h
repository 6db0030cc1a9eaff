/* cst-credential-store.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cst-auth-types.h"

G_BEGIN_DECLS

/*
 * Where remembered secrets live on this device: the 保持登录 refresh token
 * and the quick-login device credentials, keyed by (kind, account). Async
 * only; called on the main thread. The secret is never in an attribute.
 * Failures: CST_AUTH_ERROR_KEYRING_UNAVAILABLE (no Secret Service, locked
 * with no prompter) — there is never a plaintext fallback.
 */
#define CST_TYPE_CREDENTIAL_STORE (cst_credential_store_get_type ())
G_DECLARE_INTERFACE (CstCredentialStore, cst_credential_store, CST, CREDENTIAL_STORE, GObject)

struct _CstCredentialStoreInterface
{
  GTypeInterface parent_iface;

  void      (*store_async)   (CstCredentialStore  *self,
                              CstCredentialKind    kind,
                              const char          *account,
                              const char          *secret,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  gboolean  (*store_finish)  (CstCredentialStore  *self,
                              GAsyncResult        *result,
                              GError             **error);
  /* @account NULL: any account of @kind (the app remembers one person).
   * Finishes with the secret (transfer full) and the account, or NULL
   * with no error when nothing is stored. */
  void      (*lookup_async)  (CstCredentialStore  *self,
                              CstCredentialKind    kind,
                              const char          *account,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  char     *(*lookup_finish) (CstCredentialStore  *self,
                              GAsyncResult        *result,
                              char               **account,
                              GError             **error);
  /* @account NULL: every account of @kind. */
  void      (*clear_async)   (CstCredentialStore  *self,
                              CstCredentialKind    kind,
                              const char          *account,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  gboolean  (*clear_finish)  (CstCredentialStore  *self,
                              GAsyncResult        *result,
                              GError             **error);
};

void      cst_credential_store_store_async   (CstCredentialStore  *self,
                                              CstCredentialKind    kind,
                                              const char          *account,
                                              const char          *secret,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  cst_credential_store_store_finish  (CstCredentialStore  *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void      cst_credential_store_lookup_async  (CstCredentialStore  *self,
                                              CstCredentialKind    kind,
                                              const char          *account,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char     *cst_credential_store_lookup_finish (CstCredentialStore  *self,
                                              GAsyncResult        *result,
                                              char               **account,
                                              GError             **error);
void      cst_credential_store_clear_async   (CstCredentialStore  *self,
                                              CstCredentialKind    kind,
                                              const char          *account,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  cst_credential_store_clear_finish  (CstCredentialStore  *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* libsecret: schema io.github.chushuitong.Desktop.Credential, attributes
 * "kind" and "account" only. */
#define CST_TYPE_SECRET_CREDENTIAL_STORE (cst_secret_credential_store_get_type ())
G_DECLARE_FINAL_TYPE (CstSecretCredentialStore, cst_secret_credential_store, CST, SECRET_CREDENTIAL_STORE, GObject)
CstCredentialStore *cst_secret_credential_store_new (void);

/* In memory, for UI tests; can be told to behave as an unavailable keyring. */
#define CST_TYPE_MEMORY_CREDENTIAL_STORE (cst_memory_credential_store_get_type ())
G_DECLARE_FINAL_TYPE (CstMemoryCredentialStore, cst_memory_credential_store, CST, MEMORY_CREDENTIAL_STORE, GObject)
CstMemoryCredentialStore *cst_memory_credential_store_new             (void);
void                      cst_memory_credential_store_set_available   (CstMemoryCredentialStore *self,
                                                                       gboolean                  available);
guint                     cst_memory_credential_store_count           (CstMemoryCredentialStore *self);
/* Peek for tests (transfer full, nullable). */
char                     *cst_memory_credential_store_peek            (CstMemoryCredentialStore *self,
                                                                       CstCredentialKind         kind,
                                                                       const char               *account);

G_END_DECLS
