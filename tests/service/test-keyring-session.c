/* test-keyring-session.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The app without a keyring (SPEC §3 "keyring missing"): the real
 * libsecret store, and no Secret Service to talk to: a session bus on
 * which nobody provides org.freedesktop.secrets, or no bus at all. A
 * password login with 保持登录 must still sign in, say that the keyring is
 * not available, and leave no secret anywhere on disk: no plaintext
 * fallback, no file keyring, nothing in HOME or the XDG directories, and
 * only hashes in the database.
 *
 * Each case runs in a subprocess whose HOME, XDG_* and TMPDIR are a
 * private tree made by the parent, so the scan sees everything the process
 * could have written.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "cst-auth-service.h"
#include "cst-test-backend.h"

static const char *const xdg_vars[] = {
  "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
};

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
        g_error ("timed out waiting for the service");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return *slot;
}

/* ---- looking for secrets on disk ---- */

static gboolean
is_database_file (const char *file,
                  const char *database)
{
  return g_str_has_prefix (file, database) &&
         (file[strlen (database)] == '\0' ||
          g_str_equal (file + strlen (database), "-wal") ||
          g_str_equal (file + strlen (database), "-shm") ||
          g_str_equal (file + strlen (database), "-journal"));
}

/* Every regular file under @dir (except the database) whose bytes contain
 * one of @needles is added to @found; every regular file to @files. */
static void
scan_tree (const char         *dir,
           const char         *database,
           const char * const *needles,
           GPtrArray          *files,
           GPtrArray          *found)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      GStatBuf st;
      gsize len = 0;

      if (g_lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          scan_tree (path, database, needles, files, found);
          continue;
        }
      if (!S_ISREG (st.st_mode) || is_database_file (path, database))
        continue;

      g_ptr_array_add (files, g_strdup (path));
      if (!g_file_get_contents (path, &contents, &len, NULL))
        continue;
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      for (guint i = 0; needles[i] != NULL; i++)
        if (cst_test_bytes_contain (bytes, needles[i]))
          g_ptr_array_add (found, g_strdup (path));
    }
}

/* Fails the test if a secret is in a file under @root outside the
 * database, or in the database other than hashed. */
static void
assert_no_secret_on_disk (const char         *root,
                          const char         *database,
                          const char * const *secrets)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) db = cst_test_read_database_bytes (database);

  scan_tree (root, database, secrets, files, found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("a secret is in %s", (char *) g_ptr_array_index (found, i));
  g_assert_cmpuint (found->len, ==, 0);

  /* The database was written (the login happened) … */
  g_assert_cmpuint (g_bytes_get_size (db), >, 0);
  /* … with hashes only. */
  for (guint i = 0; secrets[i] != NULL; i++)
    g_assert_false (cst_test_bytes_contain (db, secrets[i]));
}

/* Nothing at all was written to HOME and the XDG directories: no file
 * keyring, no cache of the token, no settings. */
static void
assert_nothing_in_home (const char         *root,
                        const char         *database,
                        const char * const *secrets)
{
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
      /* By the parent's layout: GTestDBus unsets XDG_RUNTIME_DIR. */
      g_autofree char *dir = g_build_filename (root, xdg_vars[i], NULL);

      g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
      scan_tree (dir, database, secrets, files, found);
      for (guint j = 0; j < files->len; j++)
        g_test_message ("written: %s", (char *) g_ptr_array_index (files, j));
      g_assert_cmpuint (files->len, ==, 0);
    }
}

/* ---- the scenario, in the subprocess ---- */

static void
run_without_keyring (void)
{
  CstTestBackend fixture = { 0, };
  g_autoptr(CstCredentialStore) store = cst_secret_credential_store_new ();
  g_autoptr(CstAuthService) service = NULL;
  g_autoptr(GAsyncResult) login = NULL;
  g_autoptr(GAsyncResult) restore = NULL;
  g_autoptr(GAsyncResult) quick = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh_token = NULL;
  g_autofree char *session_token = NULL;
  g_autofree char *decoy = NULL;
  CstSession *session;
  const char *root = g_getenv ("CST_TEST_ROOT");

  g_assert_nonnull (root);

  cst_test_backend_setup (&fixture, NULL);
  cst_test_backend_add_person (&fixture);
  /* The database is inside the private tree, so the scan sees its directory. */
  g_assert_true (g_str_has_prefix (fixture.path, root));

  service = cst_auth_service_new (CST_TEST_AUTH (&fixture), store);

  /* 保持登录 asked for: signed in all the same. */
  cst_auth_service_login_password_async (service, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE,
                                         NULL, on_ready_cb, &login);
  g_assert_true (cst_auth_service_login_password_finish (service, wait_for (&login), &error));
  g_assert_no_error (error);
  session = cst_auth_service_get_session (service);
  g_assert_nonnull (session);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_TEST_ID_NUMBER);
  /* The server issued a refresh token; this device could not keep it. */
  refresh_token = g_strdup (cst_session_get_refresh_token (session));
  session_token = g_strdup (cst_session_get_token (session));
  g_assert_nonnull (refresh_token);
  g_assert_false (cst_auth_service_get_keyring_available (service));

  /* Nothing to restore from on the next start, and it says why. */
  cst_auth_service_restore_async (service, NULL, on_ready_cb, &restore);
  g_assert_false (cst_auth_service_restore_finish (service, wait_for (&restore), &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);

  /* Quick login cannot be turned on: no place for the device credential. */
  cst_auth_service_quick_login_enable_async (service, CST_CREDENTIAL_KIND_FINGERPRINT,
                                             CST_TEST_PASSWORD, NULL, on_ready_cb, &quick);
  g_assert_false (cst_auth_service_quick_login_enable_finish (service, wait_for (&quick), &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  /* The session still works. */
  g_assert_true (cst_auth_service_get_session (service) == session);

  {
    const char *secrets[] = { refresh_token, session_token, CST_TEST_PASSWORD, NULL };

    assert_no_secret_on_disk (root, fixture.path, secrets);
    assert_nothing_in_home (root, fixture.path, secrets);

    /* The scan can fail: a token written to a file under HOME is found. */
    decoy = g_build_filename (root, "XDG_DATA_HOME", "decoy", NULL);
    g_assert_true (g_file_set_contents (decoy, refresh_token, -1, NULL));
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

      scan_tree (root, fixture.path, secrets, files, found);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (found, 0), ==, decoy);
    }
    g_assert_cmpint (g_unlink (decoy), ==, 0);
  }

  g_clear_object (&login);
  g_clear_object (&restore);
  g_clear_object (&quick);
  g_assert_finalize_object (g_steal_pointer (&service));
  cst_test_backend_teardown (&fixture, NULL);
}

static void
test_no_secret_service_child (void)
{
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  g_test_dbus_up (bus);
  run_without_keyring ();

  /* Not g_test_dbus_down(): libsecret keeps its connection in a singleton
   * for the rest of this short-lived process (see test-credential-store.c). */
  secret_service_disconnect ();
  g_test_dbus_stop (bus);
}

static void
test_no_bus_child (void)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/cst-no-bus", TRUE);
  run_without_keyring ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

/* Runs @child_path with HOME, XDG_* and TMPDIR in a fresh private tree. */
static void
run_in_private_tree (const char *child_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("cst-keyring-XXXXXX", &error);
  g_auto(GStrv) saved = g_get_environ ();
  g_autofree char *tmp = NULL;

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (root, xdg_vars[i], NULL);

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      g_setenv (xdg_vars[i], dir, TRUE);
    }
  tmp = g_build_filename (root, "tmp", NULL);
  g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);
  g_setenv ("TMPDIR", tmp, TRUE);
  g_setenv ("CST_TEST_ROOT", root, TRUE);
  /* A file-backed libsecret would be a plaintext-ish fallback: not allowed
   * to be picked by the environment either. */
  g_unsetenv ("SECRET_BACKEND");

  g_test_trap_subprocess (child_path, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

  /* Back to the parent's environment before asserting. */
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      const char *value = g_environ_getenv (saved, xdg_vars[i]);

      if (value != NULL)
        g_setenv (xdg_vars[i], value, TRUE);
      else
        g_unsetenv (xdg_vars[i]);
    }
  if (g_environ_getenv (saved, "TMPDIR") != NULL)
    g_setenv ("TMPDIR", g_environ_getenv (saved, "TMPDIR"), TRUE);
  else
    g_unsetenv ("TMPDIR");
  g_unsetenv ("CST_TEST_ROOT");

  g_test_trap_assert_passed ();

  /* The child removed its database; what is left of the tree is ours. */
  remove_tree (root);
}

static void
test_no_secret_service (void)
{
  run_in_private_tree ("/Cst/KeyringSession/no-secret-service/subprocess");
}

static void
test_no_bus (void)
{
  run_in_private_tree ("/Cst/KeyringSession/no-bus/subprocess");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cst/KeyringSession/no-secret-service", test_no_secret_service);
  g_test_add_func ("/Cst/KeyringSession/no-secret-service/subprocess",
                   test_no_secret_service_child);
  g_test_add_func ("/Cst/KeyringSession/no-bus", test_no_bus);
  g_test_add_func ("/Cst/KeyringSession/no-bus/subprocess", test_no_bus_child);

  return g_test_run ();
}
