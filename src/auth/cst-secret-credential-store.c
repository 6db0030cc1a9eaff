/* cst-secret-credential-store.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-secret-credential-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "cst-auth-error.h"
#include "cst-credential-store.h"

/*
 * The remembered secrets in the user's keyring through the Secret Service
 * (gnome-keyring, KWallet …), with libsecret's asynchronous API only, so the
 * main thread never waits on D-Bus or an unlock prompt. The items carry two
 * attributes, `kind` and `account`; the secret is only ever the item's
 * secret. When there is no keyring the calls fail with
 * CST_AUTH_ERROR_KEYRING_UNAVAILABLE: nothing is ever written anywhere else.
 */

struct _CstSecretCredentialStore
{
  GObject parent_instance;
};

static void secret_credential_store_iface_init (CstCredentialStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CstSecretCredentialStore, cst_secret_credential_store,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CST_TYPE_CREDENTIAL_STORE,
                                                      secret_credential_store_iface_init))

#define ATTR_KIND    "kind"
#define ATTR_ACCOUNT "account"

static const SecretSchema credential_schema = {
  "io.github.chushuitong.Desktop.Credential",
  SECRET_SCHEMA_NONE,
  {
    { ATTR_KIND, SECRET_SCHEMA_ATTRIBUTE_STRING },
    { ATTR_ACCOUNT, SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

/* What a person sees in Seahorse / 密码和密钥. */
static const char *
item_label (CstCredentialKind kind)
{
  switch (kind)
    {
    case CST_CREDENTIAL_KIND_REFRESH:
      /* Translators: name of the keyring item that keeps 保持登录 */
      return _("Chushuitong remembered sign-in");
    case CST_CREDENTIAL_KIND_FINGERPRINT:
      /* Translators: name of the keyring item of fingerprint quick login */
      return _("Chushuitong fingerprint login");
    case CST_CREDENTIAL_KIND_FACE:
      /* Translators: name of the keyring item of face quick login */
      return _("Chushuitong face login");
    default:
      g_return_val_if_reached ("Chushuitong");
    }
}

/*
 * libsecret reports a missing or unusable keyring in several ways: no
 * session bus (G_IO_ERROR from autolaunch), no Secret Service on the bus
 * (G_DBUS_ERROR_SERVICE_UNKNOWN), a locked default collection and no
 * prompter (G_DBUS_ERROR_UNKNOWN_OBJECT / SECRET_ERROR_IS_LOCKED), a
 * dismissed prompt … For the app all of them mean the same: keep-me-signed-in
 * and quick login cannot be used. Only cancellation stays what it is.
 */
static GError *
map_error (GError *error)
{
  const char *message;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      error->domain == CST_AUTH_ERROR)
    return error;

  g_debug ("Secret Service failed: %s (%s, %d)",
           error->message, g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT) ||
      g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED) ||
      g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT))
    message = _("The system keyring is locked, so sign-in details cannot be saved on this device");
  else if (error->domain == G_IO_ERROR || error->domain == G_DBUS_ERROR)
    message = _("No system keyring is running, so sign-in details cannot be saved on this device");
  else
    message = NULL;

  g_clear_error (&error);

  if (message == NULL)
    return cst_auth_error_new (CST_AUTH_ERROR_KEYRING_UNAVAILABLE, 0, NULL);

  return cst_auth_error_new_literal (CST_AUTH_ERROR_KEYRING_UNAVAILABLE, 0, NULL, message);
}

/* ---- store ---- */

static void
on_password_stored_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, map_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
secret_store_async (CstCredentialStore  *store,
                    CstCredentialKind    kind,
                    const char          *account,
                    const char          *secret,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, secret_store_async);

  /* libsecret replaces an item with the same attributes. */
  secret_password_store (&credential_schema, SECRET_COLLECTION_DEFAULT,
                         item_label (kind), secret,
                         cancellable, on_password_stored_cb, g_steal_pointer (&task),
                         ATTR_KIND, cst_credential_kind_to_string (kind),
                         ATTR_ACCOUNT, account,
                         NULL);
}

static gboolean
secret_store_finish (CstCredentialStore  *store,
                     GAsyncResult        *result,
                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- lookup ---- */

typedef struct
{
  CstCredentialKind  kind;
  char              *account;
  char              *secret;    /* from libsecret: secret_password_free */
} LookupData;

static void
lookup_data_free (gpointer data)
{
  LookupData *lookup = data;

  g_free (lookup->account);
  g_clear_pointer (&lookup->secret, secret_password_free);
  g_free (lookup);
}

static void
on_secret_retrieved_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  LookupData *lookup = g_task_get_task_data (task);
  GError *error = NULL;
  SecretValue *value;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, map_error (error));
      return;
    }

  /* Non-pageable memory, as secret_password_lookup gives it; NULL if the
   * item is still locked or its secret is not text: nothing found. */
  if (value != NULL)
    lookup->secret = secret_value_unref_to_password (value, NULL);

  g_task_return_boolean (task, TRUE);
}

static void
on_account_searched_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GCancellable *cancellable;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, map_error (error));
      return;
    }

  if (items == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The retrieval holds its own reference on the item. */
  cancellable = g_task_get_cancellable (task);
  secret_retrievable_retrieve_secret (items->data, cancellable,
                                      on_secret_retrieved_cb, g_steal_pointer (&task));
  g_list_free_full (items, g_object_unref);
}

/*
 * The secret of one account: the item is searched for (unlocking it if the
 * keyring asks for it) and its secret retrieved, which is what
 * secret_password_lookup() does, in two steps. Not secret_password_lookup()
 * itself: in libsecret 0.20 (Debian 12 has 0.20.5) it ends in
 * secret_service_get_secret_for_dbus_path_finish(), which never unrefs the
 * GetSecrets reply, so every secret found leaked that D-Bus reply (valgrind,
 * definite; later upstream versions unref it). Retrieving the secret from
 * the item (the Item's own GetSecret) leaks nothing.
 */
static void
lookup_account (GTask *task)
{
  LookupData *lookup = g_task_get_task_data (task);

  secret_password_search (&credential_schema, SECRET_SEARCH_UNLOCK,
                          g_task_get_cancellable (task),
                          on_account_searched_cb, task,
                          ATTR_KIND, cst_credential_kind_to_string (lookup->kind),
                          ATTR_ACCOUNT, lookup->account,
                          NULL);
}

static void
on_password_search_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  LookupData *lookup = g_task_get_task_data (task);
  GError *error = NULL;
  GList *items;
  guint64 newest = 0;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, map_error (error));
      return;
    }

  /* The app remembers one person; should there be several items, the
   * most recently written one is the current. */
  for (const GList *l = items; l != NULL; l = l->next)
    {
      SecretRetrievable *item = l->data;
      g_autoptr (GHashTable) attributes = secret_retrievable_get_attributes (item);
      const char *account = g_hash_table_lookup (attributes, ATTR_ACCOUNT);
      guint64 modified = secret_retrievable_get_modified (item);

      if (account != NULL && (lookup->account == NULL || modified > newest))
        {
          g_free (lookup->account);
          lookup->account = g_strdup (account);
          newest = modified;
        }
    }
  g_list_free_full (items, g_object_unref);

  if (lookup->account == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The secret itself through the lookup, which also unlocks the item if
   * the keyring asks for it. */
  lookup_account (g_steal_pointer (&task));
}

static void
secret_lookup_async (CstCredentialStore  *store,
                     CstCredentialKind    kind,
                     const char          *account,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  LookupData *lookup;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, secret_lookup_async);

  lookup = g_new0 (LookupData, 1);
  lookup->kind = kind;
  lookup->account = g_strdup (account);
  g_task_set_task_data (task, lookup, lookup_data_free);

  if (account != NULL)
    {
      lookup_account (g_steal_pointer (&task));
      return;
    }

  secret_password_search (&credential_schema, SECRET_SEARCH_ALL,
                          cancellable, on_password_search_cb, g_steal_pointer (&task),
                          ATTR_KIND, cst_credential_kind_to_string (kind),
                          NULL);
}

static char *
secret_lookup_finish (CstCredentialStore  *store,
                      GAsyncResult        *result,
                      char               **account,
                      GError             **error)
{
  LookupData *lookup;
  char *secret;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  lookup = g_task_get_task_data (G_TASK (result));
  if (lookup->secret == NULL)
    return NULL;

  /* Out of libsecret's (non-pageable) allocation into a plain string that
   * the caller wipes; the original is wiped by secret_password_free(). */
  secret = g_strdup (lookup->secret);
  g_clear_pointer (&lookup->secret, secret_password_free);

  if (account != NULL)
    *account = g_strdup (lookup->account);

  return secret;
}

/* ---- clear ---- */

static void
on_password_cleared_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to clear, which is fine. */
  secret_password_clear_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, map_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
secret_clear_async (CstCredentialStore  *store,
                    CstCredentialKind    kind,
                    const char          *account,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GHashTable) attributes = NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, secret_clear_async);

  attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (attributes, (gpointer) ATTR_KIND,
                       (gpointer) cst_credential_kind_to_string (kind));
  if (account != NULL)
    g_hash_table_insert (attributes, (gpointer) ATTR_ACCOUNT, (gpointer) account);

  secret_password_clearv (&credential_schema, attributes,
                          cancellable, on_password_cleared_cb, g_steal_pointer (&task));
}

static gboolean
secret_clear_finish (CstCredentialStore  *store,
                     GAsyncResult        *result,
                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
secret_credential_store_iface_init (CstCredentialStoreInterface *iface)
{
  iface->store_async = secret_store_async;
  iface->store_finish = secret_store_finish;
  iface->lookup_async = secret_lookup_async;
  iface->lookup_finish = secret_lookup_finish;
  iface->clear_async = secret_clear_async;
  iface->clear_finish = secret_clear_finish;
}

static void
cst_secret_credential_store_class_init (CstSecretCredentialStoreClass *klass)
{
}

static void
cst_secret_credential_store_init (CstSecretCredentialStore *self)
{
}

/**
 * cst_secret_credential_store_new:
 *
 * Does no I/O: the Secret Service is first contacted by the first call.
 *
 * Returns: (transfer full): the keyring-backed store
 */
CstCredentialStore *
cst_secret_credential_store_new (void)
{
  return g_object_new (CST_TYPE_SECRET_CREDENTIAL_STORE, NULL);
}
