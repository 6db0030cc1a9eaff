/* test-credential-store.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include "cst-auth-error.h"
#include "cst-credential-store.h"

/*
 * CstSecretCredentialStore against a real Secret Service: the unlocked
 * gnome-keyring of the headless session (build-aux/headless-session). The
 * secrets of these tests live in that throwaway keyring only. The paths
 * without a keyring run in subprocesses with their own session bus.
 */

#define SCHEMA_NAME "io.github.chushuitong.Desktop.Credential"

/* The same schema as the store's, only to look at its items from outside. */
static const SecretSchema inspect_schema = {
  SCHEMA_NAME, SECRET_SCHEMA_NONE,
  {
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

static const CstCredentialKind all_kinds[] = {
  CST_CREDENTIAL_KIND_REFRESH,
  CST_CREDENTIAL_KIND_FINGERPRINT,
  CST_CREDENTIAL_KIND_FACE,
};

/* ---- running async calls ---- */

static void
on_ready_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the Secret Service");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return *slot;
}

static gboolean
store (CstCredentialStore  *self,
       CstCredentialKind    kind,
       const char          *account,
       const char          *secret,
       GCancellable        *cancellable,
       GError             **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cst_credential_store_store_async (self, kind, account, secret, cancellable,
                                    on_ready_cb, &result);
  return cst_credential_store_store_finish (self, wait_for (&result), error);
}

static char *
lookup (CstCredentialStore  *self,
        CstCredentialKind    kind,
        const char          *account,
        char               **found_account,
        GError             **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cst_credential_store_lookup_async (self, kind, account, NULL, on_ready_cb, &result);
  return cst_credential_store_lookup_finish (self, wait_for (&result), found_account, error);
}

static gboolean
clear (CstCredentialStore  *self,
       CstCredentialKind    kind,
       const char          *account,
       GError             **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cst_credential_store_clear_async (self, kind, account, NULL, on_ready_cb, &result);
  return cst_credential_store_clear_finish (self, wait_for (&result), error);
}

/* ---- the real keyring ---- */

typedef struct
{
  CstCredentialStore *store;
} Fixture;

static gboolean
have_session_bus (void)
{
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (GError) error = NULL;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    g_test_message ("No session bus: %s", error->message);

  return bus != NULL;
}

static void
forget_everything (CstCredentialStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (clear (store, all_kinds[i], NULL, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  if (!have_session_bus ())
    return;

  f->store = cst_secret_credential_store_new ();
  forget_everything (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->store == NULL)
    return;

  forget_everything (f->store);
  g_assert_finalize_object (f->store);
}

#define SKIP_WITHOUT_BUS(f)                                                   \
  G_STMT_START {                                                              \
    if ((f)->store == NULL)                                                   \
      {                                                                       \
        g_test_skip ("no D-Bus session bus at all; run inside "               \
                     "build-aux/headless-session");                           \
        return;                                                               \
      }                                                                       \
  } G_STMT_END

static void
on_inspect_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/*
 * The items of the schema as another program sees them. Through the async
 * API and this thread's main loop, as the app does: libsecret 0.20's sync
 * search returns before the D-Bus initialisation of the items it created
 * has finished, and that abandoned work leaks (valgrind, definite).
 */
static GList *
inspect_items (CstCredentialKind kind)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GList *items;

  secret_password_search (&inspect_schema,
                          SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                          NULL, on_inspect_cb, &result,
                          "kind", cst_credential_kind_to_string (kind),
                          NULL);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  items = secret_password_search_finish (result, &error);
  g_assert_no_error (error);

  return items;
}

/*
 * What `secret-tool`, another program on the same session bus, sees of
 * the items of @kind: asserts that each one shows @secret as its secret
 * only, with the attributes kind and account and nothing holding it.
 * Returns how many items it listed.
 */
static guint
assert_secret_tool_sees (CstCredentialKind  kind,
                         const char        *secret)
{
  g_autoptr (GSubprocess) tool = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  guint items = 0;
  guint secrets = 0;

  tool = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                           &error, "secret-tool", "search", "--all", "--unlock",
                           "kind", cst_credential_kind_to_string (kind), NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (tool, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (tool));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '[')
        items++;
      else if (g_str_has_prefix (line, "secret = "))
        {
          g_assert_cmpstr (line + strlen ("secret = "), ==, secret);
          secrets++;
        }
      else if (g_str_has_prefix (line, "attribute."))
        {
          g_assert_true (g_str_has_prefix (line, "attribute.kind = ") ||
                         g_str_has_prefix (line, "attribute.account = "));
          g_assert_null (strstr (line, secret));
        }
      else
        g_assert_null (strstr (line, secret));   /* label, schema, dates */
    }
  /* It did see the secrets, where they belong. */
  g_assert_cmpuint (secrets, ==, items);

  return items;
}

static void
test_roundtrip (Fixture       *f,
                gconstpointer  data)
{
  const char *secret = "rt-5f1c2a9e7b3d4c6a8e0f1b2c3d4e5f6a7b8c9d0e1f2a3b4c";
  g_autoptr (GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *account = NULL;
  GList *items;

  SKIP_WITHOUT_BUS (f);

  g_assert_true (store (f->store, CST_CREDENTIAL_KIND_REFRESH, "110101199003071233", secret,
                        NULL, &error));
  g_assert_no_error (error);

  found = lookup (f->store, CST_CREDENTIAL_KIND_REFRESH, "110101199003071233", &account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, secret);
  g_assert_cmpstr (account, ==, "110101199003071233");
  g_clear_pointer (&found, g_free);
  g_clear_pointer (&account, g_free);

  /* At start-up the app does not know whose token it is. */
  found = lookup (f->store, CST_CREDENTIAL_KIND_REFRESH, NULL, &account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, secret);
  g_assert_cmpstr (account, ==, "110101199003071233");

  /* Seen from outside: one item, the secret only as its secret. */
  items = inspect_items (CST_CREDENTIAL_KIND_REFRESH);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  {
    SecretItem *item = items->data;
    g_autoptr (GHashTable) attributes = secret_item_get_attributes (item);
    g_autoptr (SecretValue) value = secret_item_get_secret (item);
    g_autofree char *label = secret_item_get_label (item);
    GHashTableIter iter;
    gpointer key, val;

    g_assert_nonnull (value);
    g_assert_cmpstr (secret_value_get_text (value), ==, secret);
    g_assert_cmpstr (label, ==, "Chushuitong remembered sign-in");
    g_assert_null (strstr (label, secret));

    g_hash_table_iter_init (&iter, attributes);
    while (g_hash_table_iter_next (&iter, &key, &val))
      {
        /* kind + account, and libsecret's own schema name. */
        g_assert_true (g_str_equal (key, "kind") || g_str_equal (key, "account") ||
                       g_str_equal (key, "xdg:schema"));
        g_assert_null (strstr (val, secret));
      }
    g_assert_cmpstr (g_hash_table_lookup (attributes, "kind"), ==, "refresh");
    g_assert_cmpstr (g_hash_table_lookup (attributes, "account"), ==, "110101199003071233");
    g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, SCHEMA_NAME);
  }
  g_list_free_full (items, g_object_unref);

  /* And from another process, as a user would check it. */
  g_assert_cmpuint (assert_secret_tool_sees (CST_CREDENTIAL_KIND_REFRESH, secret), ==, 1);
}

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *found = NULL;
  GList *items;

  SKIP_WITHOUT_BUS (f);

  /* Rotation writes the new refresh token over the old one. */
  g_assert_true (store (f->store, CST_CREDENTIAL_KIND_REFRESH, "acct", "first-token", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (store (f->store, CST_CREDENTIAL_KIND_REFRESH, "acct", "second-token", NULL, &error));
  g_assert_no_error (error);

  found = lookup (f->store, CST_CREDENTIAL_KIND_REFRESH, "acct", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "second-token");

  items = inspect_items (CST_CREDENTIAL_KIND_REFRESH);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);
}

static void
test_kinds_and_clear (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *found = NULL;

  SKIP_WITHOUT_BUS (f);

  g_assert_true (store (f->store, CST_CREDENTIAL_KIND_REFRESH, "a", "refresh-a", NULL, &error));
  g_assert_true (store (f->store, CST_CREDENTIAL_KIND_REFRESH, "b", "refresh-b", NULL, &error));
  g_assert_true (store (f->store, CST_CREDENTIAL_KIND_FINGERPRINT, "a", "finger-a", NULL, &error));
  g_assert_no_error (error);

  /* Kinds do not mix. */
  found = lookup (f->store, CST_CREDENTIAL_KIND_FINGERPRINT, "a", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "finger-a");
  g_clear_pointer (&found, g_free);
  found = lookup (f->store, CST_CREDENTIAL_KIND_FACE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* One account of one kind. */
  g_assert_true (clear (f->store, CST_CREDENTIAL_KIND_REFRESH, "a", &error));
  g_assert_no_error (error);
  found = lookup (f->store, CST_CREDENTIAL_KIND_REFRESH, "a", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  found = lookup (f->store, CST_CREDENTIAL_KIND_REFRESH, "b", NULL, &error);
  g_assert_cmpstr (found, ==, "refresh-b");
  g_clear_pointer (&found, g_free);

  /* Every account of a kind; the other kinds stay. */
  g_assert_true (clear (f->store, CST_CREDENTIAL_KIND_REFRESH, NULL, &error));
  g_assert_no_error (error);
  found = lookup (f->store, CST_CREDENTIAL_KIND_REFRESH, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  found = lookup (f->store, CST_CREDENTIAL_KIND_FINGERPRINT, "a", NULL, &error);
  g_assert_cmpstr (found, ==, "finger-a");

  /* Clearing what is not there is fine. */
  g_assert_true (clear (f->store, CST_CREDENTIAL_KIND_FACE, "nobody", &error));
  g_assert_no_error (error);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *found = NULL;

  SKIP_WITHOUT_BUS (f);

  g_cancellable_cancel (cancellable);
  g_assert_false (store (f->store, CST_CREDENTIAL_KIND_FACE, "a", "face-a", cancellable, &error));
  /* Cancelled is not "no keyring": the UI must not say the keyring is gone. */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  found = lookup (f->store, CST_CREDENTIAL_KIND_FACE, "a", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

/* ---- no keyring ---- */

static void
assert_unavailable (void)
{
  g_autoptr (CstCredentialStore) store_ = cst_secret_credential_store_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *account = NULL;
  char *found;

  g_assert_false (store (store_, CST_CREDENTIAL_KIND_REFRESH, "a", "secret-a", NULL, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("store: %s", error->message);
  g_clear_error (&error);

  found = lookup (store_, CST_CREDENTIAL_KIND_REFRESH, NULL, &account, &error);
  g_assert_null (found);
  g_assert_null (account);
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);

  found = lookup (store_, CST_CREDENTIAL_KIND_REFRESH, "a", NULL, &error);
  g_assert_null (found);
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);

  g_assert_false (clear (store_, CST_CREDENTIAL_KIND_REFRESH, NULL, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
}

/* A session bus on which nothing provides org.freedesktop.secrets. */
static void
test_no_secret_service_child (void)
{
  /* static: deliberately never freed (see below), but kept reachable so
   * the sanitizer build does not report it as a leak. */
  static GTestDBus *bus;

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  g_test_dbus_up (bus);
  assert_unavailable ();

  /* Not g_test_dbus_down(), nor the last unref that calls it: libsecret
   * keeps the bus connection in a singleton for the rest of this
   * short-lived process, and down would wait for it to go. */
  secret_service_disconnect ();
  g_test_dbus_stop (bus);
}

static void
test_no_secret_service (void)
{
  g_test_trap_subprocess ("/Cst/SecretStore/no-secret-service/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* No bus to talk to at all. */
static void
test_no_bus_child (void)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/cst-no-bus", TRUE);
  assert_unavailable ();
}

static void
test_no_bus (void)
{
  g_test_trap_subprocess ("/Cst/SecretStore/no-bus/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cst/SecretStore/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("roundtrip", test_roundtrip);
  ADD ("replace", test_replace);
  ADD ("kinds-and-clear", test_kinds_and_clear);
  ADD ("cancelled", test_cancelled);

#undef ADD

  g_test_add_func ("/Cst/SecretStore/no-secret-service", test_no_secret_service);
  g_test_add_func ("/Cst/SecretStore/no-secret-service/subprocess", test_no_secret_service_child);
  g_test_add_func ("/Cst/SecretStore/no-bus", test_no_bus);
  g_test_add_func ("/Cst/SecretStore/no-bus/subprocess", test_no_bus_child);

  return g_test_run ();
}
