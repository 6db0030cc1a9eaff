/* cst-credential-store.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-credential-store"

#include "config.h"

#include <sodium.h>

#include "cst-auth-error.h"
#include "cst-credential-store.h"

G_DEFINE_INTERFACE (CstCredentialStore, cst_credential_store, G_TYPE_OBJECT)

static void
cst_credential_store_default_init (CstCredentialStoreInterface *iface)
{
}

/**
 * cst_credential_store_store_async:
 * @self: a #CstCredentialStore
 * @kind: what @secret is
 * @account: the ID number it belongs to
 * @secret: the secret; the store keeps its own copy
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Remembers @secret under (@kind, @account), replacing what was there.
 */
void
cst_credential_store_store_async (CstCredentialStore  *self,
                                  CstCredentialKind    kind,
                                  const char          *account,
                                  const char          *secret,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CST_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (account != NULL);
  g_return_if_fail (secret != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CST_CREDENTIAL_STORE_GET_IFACE (self)->store_async (self, kind, account, secret,
                                                      cancellable, callback, user_data);
}

gboolean
cst_credential_store_store_finish (CstCredentialStore  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (CST_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);

  return CST_CREDENTIAL_STORE_GET_IFACE (self)->store_finish (self, result, error);
}

/**
 * cst_credential_store_lookup_async:
 * @self: a #CstCredentialStore
 * @kind: what to look for
 * @account: (nullable): whose; %NULL for whichever account has one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 */
void
cst_credential_store_lookup_async (CstCredentialStore  *self,
                                   CstCredentialKind    kind,
                                   const char          *account,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (CST_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CST_CREDENTIAL_STORE_GET_IFACE (self)->lookup_async (self, kind, account,
                                                       cancellable, callback, user_data);
}

/**
 * cst_credential_store_lookup_finish:
 * @self: a #CstCredentialStore
 * @result: the result
 * @account: (out) (optional) (transfer full): the account the secret belongs to
 * @error: a return location for a #GError
 *
 * Returns: (transfer full) (nullable): the secret, to be wiped when done
 *   with; %NULL with no error set when nothing is stored
 */
char *
cst_credential_store_lookup_finish (CstCredentialStore  *self,
                                    GAsyncResult        *result,
                                    char               **account,
                                    GError             **error)
{
  g_return_val_if_fail (CST_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (account != NULL)
    *account = NULL;

  return CST_CREDENTIAL_STORE_GET_IFACE (self)->lookup_finish (self, result, account, error);
}

/**
 * cst_credential_store_clear_async:
 * @self: a #CstCredentialStore
 * @kind: what to forget
 * @account: (nullable): whose; %NULL for every account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Forgets secrets. Clearing what is not there is not an error.
 */
void
cst_credential_store_clear_async (CstCredentialStore  *self,
                                  CstCredentialKind    kind,
                                  const char          *account,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CST_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CST_CREDENTIAL_STORE_GET_IFACE (self)->clear_async (self, kind, account,
                                                      cancellable, callback, user_data);
}

gboolean
cst_credential_store_clear_finish (CstCredentialStore  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (CST_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), FALSE);

  return CST_CREDENTIAL_STORE_GET_IFACE (self)->clear_finish (self, result, error);
}

/* ---- CstMemoryCredentialStore ---- */

/*
 * A keyring in memory for UI tests. Completes on the next main-loop
 * iteration, as a real keyring would (never synchronously), honours
 * cancellation, and with set_available (FALSE) fails every call the way
 * CstSecretCredentialStore does without a Secret Service.
 */
struct _CstMemoryCredentialStore
{
  GObject     parent_instance;

  /* "kind\naccount" → secret (wiped when replaced or removed) */
  GHashTable *secrets;
  guint       available : 1;
};

static void memory_credential_store_iface_init (CstCredentialStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CstMemoryCredentialStore, cst_memory_credential_store,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CST_TYPE_CREDENTIAL_STORE,
                                                      memory_credential_store_iface_init))

static void
wipe_free (gpointer data)
{
  char *secret = data;

  if (secret != NULL)
    {
      sodium_memzero (secret, strlen (secret));
      g_free (secret);
    }
}

static char *
make_key (CstCredentialKind  kind,
          const char        *account)
{
  return g_strdup_printf ("%s\n%s", cst_credential_kind_to_string (kind), account);
}

/* The account of @key if it is of @kind, else NULL. */
static const char *
key_account (const char        *key,
             CstCredentialKind  kind)
{
  const char *prefix = cst_credential_kind_to_string (kind);
  gsize len = strlen (prefix);

  if (strncmp (key, prefix, len) == 0 && key[len] == '\n')
    return key + len + 1;

  return NULL;
}

static GTask *
memory_task_new (CstMemoryCredentialStore *self,
                 gpointer                  source_tag,
                 GCancellable             *cancellable,
                 GAsyncReadyCallback       callback,
                 gpointer                  user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_object (&task);
      return NULL;
    }

  if (!self->available)
    {
      g_task_return_error (task, cst_auth_error_new (CST_AUTH_ERROR_KEYRING_UNAVAILABLE, 0, NULL));
      g_clear_object (&task);
      return NULL;
    }

  return task;
}

static void
memory_store_async (CstCredentialStore  *store,
                    CstCredentialKind    kind,
                    const char          *account,
                    const char          *secret,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  CstMemoryCredentialStore *self = CST_MEMORY_CREDENTIAL_STORE (store);
  g_autoptr (GTask) task = NULL;

  task = memory_task_new (self, memory_store_async, cancellable, callback, user_data);
  if (task == NULL)
    return;

  g_hash_table_replace (self->secrets, make_key (kind, account), g_strdup (secret));
  g_task_return_boolean (task, TRUE);
}

static gboolean
memory_store_finish (CstCredentialStore  *store,
                     GAsyncResult        *result,
                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char *secret;
  char *account;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  wipe_free (found->secret);
  g_free (found->account);
  g_free (found);
}

static void
memory_lookup_async (CstCredentialStore  *store,
                     CstCredentialKind    kind,
                     const char          *account,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  CstMemoryCredentialStore *self = CST_MEMORY_CREDENTIAL_STORE (store);
  g_autoptr (GTask) task = NULL;
  const char *found_account = NULL;
  const char *found_secret = NULL;
  Found *found;

  task = memory_task_new (self, memory_lookup_async, cancellable, callback, user_data);
  if (task == NULL)
    return;

  if (account != NULL)
    {
      g_autofree char *key = make_key (kind, account);

      found_secret = g_hash_table_lookup (self->secrets, key);
      found_account = account;
    }
  else
    {
      GHashTableIter iter;
      gpointer key, value;

      /* The smallest account wins, so that the answer does not depend on
       * the hash table's order. */
      g_hash_table_iter_init (&iter, self->secrets);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *candidate = key_account (key, kind);

          if (candidate != NULL &&
              (found_account == NULL || strcmp (candidate, found_account) < 0))
            {
              found_account = candidate;
              found_secret = value;
            }
        }
    }

  if (found_secret == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  found = g_new0 (Found, 1);
  found->secret = g_strdup (found_secret);
  found->account = g_strdup (found_account);
  g_task_return_pointer (task, found, found_free);
}

static char *
memory_lookup_finish (CstCredentialStore  *store,
                      GAsyncResult        *result,
                      char               **account,
                      GError             **error)
{
  Found *found;
  char *secret;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return NULL;

  secret = g_steal_pointer (&found->secret);
  if (account != NULL)
    *account = g_steal_pointer (&found->account);
  found_free (found);

  return secret;
}

static void
memory_clear_async (CstCredentialStore  *store,
                    CstCredentialKind    kind,
                    const char          *account,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  CstMemoryCredentialStore *self = CST_MEMORY_CREDENTIAL_STORE (store);
  g_autoptr (GTask) task = NULL;
  GHashTableIter iter;
  gpointer key;

  task = memory_task_new (self, memory_clear_async, cancellable, callback, user_data);
  if (task == NULL)
    return;

  g_hash_table_iter_init (&iter, self->secrets);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *candidate = key_account (key, kind);

      if (candidate != NULL && (account == NULL || strcmp (candidate, account) == 0))
        g_hash_table_iter_remove (&iter);
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
memory_clear_finish (CstCredentialStore  *store,
                     GAsyncResult        *result,
                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
memory_credential_store_iface_init (CstCredentialStoreInterface *iface)
{
  iface->store_async = memory_store_async;
  iface->store_finish = memory_store_finish;
  iface->lookup_async = memory_lookup_async;
  iface->lookup_finish = memory_lookup_finish;
  iface->clear_async = memory_clear_async;
  iface->clear_finish = memory_clear_finish;
}

static void
cst_memory_credential_store_finalize (GObject *object)
{
  CstMemoryCredentialStore *self = (CstMemoryCredentialStore *)object;

  g_clear_pointer (&self->secrets, g_hash_table_unref);

  G_OBJECT_CLASS (cst_memory_credential_store_parent_class)->finalize (object);
}

static void
cst_memory_credential_store_class_init (CstMemoryCredentialStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cst_memory_credential_store_finalize;
}

static void
cst_memory_credential_store_init (CstMemoryCredentialStore *self)
{
  self->secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, wipe_free);
  self->available = TRUE;
}

/**
 * cst_memory_credential_store_new:
 *
 * Returns: (transfer full): an empty, available in-memory store
 */
CstMemoryCredentialStore *
cst_memory_credential_store_new (void)
{
  return g_object_new (CST_TYPE_MEMORY_CREDENTIAL_STORE, NULL);
}

/**
 * cst_memory_credential_store_set_available:
 * @self: a #CstMemoryCredentialStore
 * @available: %FALSE to fail every call with %CST_AUTH_ERROR_KEYRING_UNAVAILABLE
 *
 * What is stored stays stored while unavailable, as in a locked keyring.
 */
void
cst_memory_credential_store_set_available (CstMemoryCredentialStore *self,
                                           gboolean                  available)
{
  g_return_if_fail (CST_IS_MEMORY_CREDENTIAL_STORE (self));

  self->available = !!available;
}

/**
 * cst_memory_credential_store_count:
 * @self: a #CstMemoryCredentialStore
 *
 * Returns: how many secrets are stored
 */
guint
cst_memory_credential_store_count (CstMemoryCredentialStore *self)
{
  g_return_val_if_fail (CST_IS_MEMORY_CREDENTIAL_STORE (self), 0);

  return g_hash_table_size (self->secrets);
}

/**
 * cst_memory_credential_store_peek:
 * @self: a #CstMemoryCredentialStore
 * @kind: the kind
 * @account: the account
 *
 * Returns: (transfer full) (nullable): the stored secret, for tests
 */
char *
cst_memory_credential_store_peek (CstMemoryCredentialStore *self,
                                  CstCredentialKind         kind,
                                  const char               *account)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CST_IS_MEMORY_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (account != NULL, NULL);

  key = make_key (kind, account);
  return g_strdup (g_hash_table_lookup (self->secrets, key));
}
