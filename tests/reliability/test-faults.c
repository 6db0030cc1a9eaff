/* test-faults.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The service when its environment fails: the data directory not
 * writable, the disk full, the database file corrupted, the keyring or
 * fprintd going away in the middle of a session. Each gives an error with
 * a message the app can show, no crash, and keeps existing data.
 *
 * How the faults are made, since the tests run as root here:
 *  - Unwritable: root ignores file modes, so the test runs in a
 *    subprocess that first drops to the user `nobody` (when it is root);
 *    then a directory of mode 0500 is what it is for an ordinary user.
 *  - Disk full: the subprocess unshares its mount namespace and mounts a
 *    2 MiB tmpfs of its own (it vanishes with the process, even on a
 *    crash), then fills it with a file. Without the privilege to do so
 *    the test says so and is skipped.
 *  - Corruption: garbage written over the header, or over every page but
 *    the first, of a database the backend had closed.
 *  - Keyring: a gnome-keyring-daemon of the test's own on a private
 *    session bus (GTestDBus: nothing can be activated on it), killed with
 *    SIGKILL between a store and a lookup.
 *  - fprintd: tests/service/fake-fprintd.py, killed with SIGKILL while a
 *    verify waits for the finger, or while its Claim is unanswered.
 * A database written by a newer version is tested in test-local-backend
 * (too-new) and test-admin (database-too-new).
 */

#include "config.h"

#define _GNU_SOURCE 1  /* unshare () */

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "cst-credential-store.h"
#include "cst-fake-fprintd.h"
#include "cst-fingerprint-reader.h"
#include "cst-test-backend.h"

#define ENV_DIR "CST_FAULTS_DIR"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
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

static CstLocalBackend *
backend_new (const char *path)
{
  g_autoptr(GError) error = NULL;
  CstLocalConfig config;
  CstLocalBackend *backend;

  cst_local_config_init_defaults (&config);
  config.min_failure_time_ms = 0;
  config.code_resend_interval = 0;
  config.code_daily_limit = G_MAXINT;

  backend = cst_local_backend_new (path, NULL, NULL, NULL, &config, &error);
  g_assert_no_error (error);

  return backend;
}

static void
add_test_person (CstLocalBackend *backend)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cst_local_backend_add_person (backend, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER,
                                                 CST_TEST_NAME, CST_TEST_PHONE, CST_TEST_PASSWORD,
                                                 &error), >, 0);
  g_assert_no_error (error);
}

static void
assert_login_works (CstLocalBackend *backend)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;

  session = cst_auth_backend_login_password (CST_AUTH_BACKEND (backend), CST_TEST_PHONE,
                                             CST_TEST_PASSWORD, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
}

/* A storage error with a message the app can show as it is. */
static void
assert_storage_error (GError     *error,
                      const char *what)
{
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_STORAGE);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("%s: %s", what, error->message);
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* ---- the data directory cannot be written ---- */

static void
drop_root (void)
{
  struct passwd *nobody;

  if (geteuid () != 0)
    return;

  nobody = getpwnam ("nobody");
  g_assert_nonnull (nobody);
  if (setgroups (0, NULL) != 0 || setgid (nobody->pw_gid) != 0 || setuid (nobody->pw_uid) != 0)
    g_error ("cannot drop to nobody: %s", g_strerror (errno));
  g_assert_cmpint (geteuid (), ==, nobody->pw_uid);
}

static void
test_unwritable_child (void)
{
  const char *base = g_getenv (ENV_DIR);
  g_autofree char *data = g_build_filename (base, "data", NULL);
  g_autofree char *path = g_build_filename (data, "identity.db", NULL);
  g_autofree char *nested = g_build_filename (data, "new", "identity.db", NULL);
  g_autoptr(CstLocalBackend) backend = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;

  drop_root ();

  g_assert_cmpint (g_mkdir (data, 0700), ==, 0);
  backend = backend_new (path);
  add_test_person (backend);
  assert_login_works (backend);
  g_clear_object (&backend);

  /* chmod 0500: the database file itself stays writable, but SQLite
   * cannot create its -wal and -shm beside it. */
  g_assert_cmpint (g_chmod (data, 0500), ==, 0);

  backend = backend_new (path);
  g_assert_false (cst_local_backend_open (backend, &error));
  assert_storage_error (error, "read-only data directory, open");
  g_clear_error (&error);
  session = cst_auth_backend_login_password (CST_AUTH_BACKEND (backend), CST_TEST_PHONE,
                                             CST_TEST_PASSWORD, FALSE, &error);
  g_assert_null (session);
  assert_storage_error (error, "read-only data directory, login");
  g_clear_error (&error);
  g_clear_object (&backend);

  /* A database that does not exist yet, in a directory it cannot make. */
  backend = backend_new (nested);
  g_assert_false (cst_local_backend_open (backend, &error));
  assert_storage_error (error, "cannot create the data directory");
  g_clear_error (&error);
  g_clear_object (&backend);

  /* Writable again: everything is still there. */
  g_assert_cmpint (g_chmod (data, 0700), ==, 0);
  backend = backend_new (path);
  assert_login_works (backend);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM persons"), ==, 1);
}

static void
test_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cst-unwritable-XXXXXX", &error);

  g_assert_no_error (error);
  /* The child runs as nobody: give it its own directory. */
  if (geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      g_assert_nonnull (nobody);
      g_assert_cmpint (chown (dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
    }

  g_setenv (ENV_DIR, dir, TRUE);
  g_test_trap_subprocess ("/Cst/Reliability/Faults/unwritable-directory/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (ENV_DIR);
  remove_tree (dir);
  g_test_trap_assert_passed ();
}

/* ---- the disk is full ---- */

static gboolean
private_tmpfs (const char  *dir,
               char       **why)
{
  if (unshare (CLONE_NEWNS) != 0)
    {
      *why = g_strdup_printf ("cannot unshare the mount namespace: %s", g_strerror (errno));
      return FALSE;
    }

  /* Or the mount would propagate back to the parent namespace. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=2m,mode=0700") != 0)
    {
      *why = g_strdup_printf ("cannot mount a tmpfs: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

static void
test_disk_full_child (void)
{
  const char *dir = g_getenv (ENV_DIR);
  g_autofree char *path = g_build_filename (dir, "identity.db", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *why = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(CstLocalBackend) backend = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  guint8 block[64 * 1024];
  gint64 persons_before;
  gboolean full = FALSE;
  int fd;

  if (!private_tmpfs (dir, &why))
    {
      g_test_skip (why);
      return;
    }

  backend = backend_new (path);
  add_test_person (backend);
  assert_login_works (backend);
  persons_before = query_int (path, "SELECT count(*) FROM persons");

  /* Fill the disk. */
  memset (block, 'x', sizeof block);
  fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);

  /* Write until the database has no room left; each session issued
   * before that must survive. */
  for (guint i = 0; i < 5000 && !full; i++)
    {
      g_autofree char *code = NULL;
      CstSession *session;

      if (!cst_auth_backend_send_code (CST_AUTH_BACKEND (backend), CST_TEST_PHONE,
                                       CST_CODE_PURPOSE_LOGIN, NULL, &error))
        {
          full = TRUE;
          break;
        }
      /* No gateway: the code is read back from the outbox. */
      {
        g_auto(GStrv) lines = cst_local_backend_sms_outbox (backend, 1, NULL);
        const char *digits;

        g_assert_nonnull (lines);
        g_assert_nonnull (lines[0]);
        digits = strstr (lines[0], "验证码");
        g_assert_nonnull (digits);
        digits += strcspn (digits, "0123456789");
        g_assert_cmpuint (strspn (digits, "0123456789"), ==, 6);
        code = g_strndup (digits, 6);
      }

      session = cst_auth_backend_login_sms (CST_AUTH_BACKEND (backend), CST_TEST_PHONE, code, FALSE, &error);
      if (session == NULL)
        full = TRUE;
      else
        g_ptr_array_add (sessions, session);
    }

  g_assert_true (full);
  assert_storage_error (error, "disk full");
  g_clear_error (&error);
  g_test_message ("%u sessions issued before the disk was full", sessions->len);

  /* Reading still works, and nothing is torn. */
  for (guint i = 0; i < sessions->len; i++)
    {
      g_autoptr(CstSession) found = NULL;

      found = cst_auth_backend_session_lookup (CST_AUTH_BACKEND (backend),
                                               cst_session_get_token (sessions->pdata[i]), &error);
      g_assert_no_error (error);
      g_assert_nonnull (found);
    }

  /* Room again: the same backend object goes on, no restart needed. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  assert_login_works (backend);
  g_clear_object (&backend);

  integrity = query_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM persons"), ==, persons_before);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sessions"), >=, sessions->len + 2);
}

static void
test_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cst-disk-full-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv (ENV_DIR, dir, TRUE);
  g_test_trap_subprocess ("/Cst/Reliability/Faults/disk-full/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (ENV_DIR);
  remove_tree (dir);
  g_test_trap_assert_passed ();
}

/* ---- the database file is corrupted ---- */

static void
overwrite (const char *path,
           goffset     from,
           goffset     to)
{
  int fd = g_open (path, O_WRONLY, 0);
  g_autofree guint8 *garbage = NULL;

  g_assert_cmpint (fd, >=, 0);
  garbage = g_malloc (to - from);
  for (goffset i = 0; i < to - from; i++)
    garbage[i] = (guint8) g_test_rand_int_range (0, 256);
  g_assert_cmpint (pwrite (fd, garbage, to - from, from), ==, to - from);
  close (fd);
}

typedef enum {
  CORRUPT_HEADER,
  CORRUPT_PAGES,
} Corruption;

static void
test_corrupted (gconstpointer data)
{
  Corruption corruption = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cst-corrupt-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "identity.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CstLocalBackend) backend = NULL;
  CstAuthBackend *auth;
  GStatBuf st;

  g_assert_no_error (error);

  backend = backend_new (path);
  add_test_person (backend);
  g_assert_true (cst_local_backend_add_enterprise (backend, CST_TEST_ENTERPRISE_CODE,
                                                   CST_TEST_ENTERPRISE_NAME, &error));
  assert_login_works (backend);
  g_clear_object (&backend);
  /* Closed cleanly: the WAL is checkpointed into the file and removed. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if (corruption == CORRUPT_HEADER)
    overwrite (path, 0, 100);
  else
    overwrite (path, 4096, st.st_size);
  before = checksum_file (path);

  backend = backend_new (path);
  auth = CST_AUTH_BACKEND (backend);

  /* Every kind of call: a storage error, never a crash or an answer
   * made up from garbage. */
  {
    g_autoptr(CstSession) session = NULL;
    g_auto(GStrv) list = NULL;
    g_autofree char *ticket = NULL;

    if (!cst_local_backend_open (backend, &error))
      {
        assert_storage_error (error, "corrupted, open");
        g_clear_error (&error);
      }
    session = cst_auth_backend_login_password (auth, CST_TEST_PHONE, CST_TEST_PASSWORD, FALSE, &error);
    g_assert_null (session);
    assert_storage_error (error, "corrupted, login");
    g_clear_error (&error);
    g_assert_false (cst_auth_backend_send_code (auth, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN, NULL, &error));
    assert_storage_error (error, "corrupted, send_code");
    g_clear_error (&error);
    ticket = cst_auth_backend_register_begin (auth, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2,
                                              CST_TEST_NAME_2, &error);
    g_assert_null (ticket);
    assert_storage_error (error, "corrupted, register_begin");
    g_clear_error (&error);
    list = cst_local_backend_list (backend, "persons", &error);
    g_assert_null (list);
    assert_storage_error (error, "corrupted, list");
    g_clear_error (&error);
  }
  g_clear_object (&backend);

  /* The backend never "repaired" the file by writing over it: what is
   * left can still be recovered by other means. */
  after = checksum_file (path);
  g_assert_cmpstr (after, ==, before);

  remove_tree (dir);
}

/* ---- the keyring goes away mid-session ---- */

static void
on_ready_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return *slot;
}

static gboolean
store (CstCredentialStore *cs,
       GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cst_credential_store_store_async (cs, CST_CREDENTIAL_KIND_REFRESH, "acct", "secret-token-1", NULL,
                                    on_ready_cb, &result);
  return cst_credential_store_store_finish (cs, wait_for (&result), error);
}

static char *
lookup (CstCredentialStore *cs,
        GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cst_credential_store_lookup_async (cs, CST_CREDENTIAL_KIND_REFRESH, NULL, NULL, on_ready_cb, &result);
  return cst_credential_store_lookup_finish (cs, wait_for (&result), NULL, error);
}

static gboolean
clear (CstCredentialStore *cs,
       GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cst_credential_store_clear_async (cs, CST_CREDENTIAL_KIND_REFRESH, NULL, NULL, on_ready_cb, &result);
  return cst_credential_store_clear_finish (cs, wait_for (&result), error);
}

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static void
wait_name (GDBusConnection *bus,
           const char      *name,
           gboolean         owned)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (name_has_owner (bus, name) != owned)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }
}

static void
test_keyring_vanishes_child (void)
{
  const char *dir = g_getenv (ENV_DIR);
  GTestDBus *dbus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(CstCredentialStore) cs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  const char *subdirs[] = { "home", "data", "cache", "config", "runtime" };

  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *sub = g_build_filename (dir, subdirs[i], NULL);
      g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
    }

  /* A bus on which nothing can be activated: once the daemon is gone,
   * it stays gone. */
  g_test_dbus_up (dbus);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  {
    g_autofree char *home = g_build_filename (dir, "home", NULL);
    g_autofree char *data = g_build_filename (dir, "data", NULL);
    g_autofree char *cache = g_build_filename (dir, "cache", NULL);
    g_autofree char *config = g_build_filename (dir, "config", NULL);
    g_autofree char *runtime = g_build_filename (dir, "runtime", NULL);

    g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
    g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
    g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
    g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  }
  daemon = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                        "--unlock", "--components=secrets", NULL);
  g_assert_no_error (error);
  /* --unlock reads the password of the new login keyring from stdin. */
  g_assert_true (g_output_stream_write_all (g_subprocess_get_stdin_pipe (daemon), "throwaway", 9,
                                            NULL, NULL, &error));
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (daemon), NULL, &error));
  g_assert_no_error (error);
  wait_name (bus, "org.freedesktop.secrets", TRUE);

  cs = cst_secret_credential_store_new ();
  g_assert_true (store (cs, &error));
  g_assert_no_error (error);
  found = lookup (cs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "secret-token-1");
  g_clear_pointer (&found, g_free);

  /* The keyring dies between a store and a lookup. */
  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
  wait_name (bus, "org.freedesktop.secrets", FALSE);

  found = lookup (cs, &error);
  g_assert_null (found);
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("lookup after the keyring died: %s", error->message);
  g_clear_error (&error);

  g_assert_false (store (cs, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  g_assert_false (clear (cs, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);

  /* See test-credential-store.c: libsecret keeps its connection in a
   * singleton, so stop the bus without waiting for it to be dropped (and
   * leave @dbus to the end of this short-lived process: its last unref
   * would wait too). */
  g_clear_object (&cs);
  g_clear_object (&bus);
  secret_service_disconnect ();
  g_test_dbus_stop (dbus);
}

static void
test_keyring_vanishes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cst-keyring-XXXXXX", &error);
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");

  g_assert_no_error (error);
  if (daemon == NULL)
    {
      g_test_skip ("gnome-keyring-daemon is not installed");
      return;
    }

  g_setenv (ENV_DIR, dir, TRUE);
  g_test_trap_subprocess ("/Cst/Reliability/Faults/keyring-vanishes/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (ENV_DIR);
  remove_tree (dir);
  g_test_trap_assert_passed ();
}

/* ---- fprintd goes away mid-verify ---- */

static void
on_verify_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The pid of the dbus-daemon of @bus (the fake's, orphaned by the kill). */
static GPid
bus_daemon_pid (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  guint32 pid = 0;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                       g_variant_new ("(s)", "org.freedesktop.DBus"),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(u)", &pid);

  return (GPid) pid;
}

/* Long enough that waiting them out could never pass for "at once". */
#define VANISH_CALL_TIMEOUT_MS   8000
#define VANISH_VERIFY_TIMEOUT_MS 10000
/* What "at once" allows on a busy 2-core machine. */
#define VANISH_PROMPT_MS         1500

static gboolean
fake_claimed (CstFakeFprintd *fake,
              gboolean        want_verifying)
{
  gboolean claimed = FALSE;
  gboolean verifying = FALSE;

  cst_fake_fprintd_get_state (fake, &claimed, &verifying);

  return want_verifying ? verifying : claimed;
}

/*
 * fprintd is killed while the reader is in @scenario's wait: "hung" is a
 * verify waiting for a finger (VerifyStatus never comes), "slow-claim" a
 * Claim that is never answered. Either way the verify must end at once
 * with DISCONNECTED — not after the verify or call timeout — and the
 * reader must be usable again.
 */
static void
test_fprintd_vanishes_child (const char *scenario)
{
  gboolean in_verify = g_str_equal (scenario, "hung");
  g_autoptr(CstFingerprintReader) reader = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  CstFakeFprintd fake = { 0, };
  gint64 deadline;
  gint64 killed;
  gint64 elapsed_ms;
  GPid bus_pid;
  int status;

  cst_fake_fprintd_start (&fake);
  cst_fake_fprintd_set_scenario (&fake, scenario);
  bus_pid = bus_daemon_pid (fake.bus);

  reader = cst_fingerprint_reader_new ();
  cst_fingerprint_reader_set_call_timeout (reader, VANISH_CALL_TIMEOUT_MS);
  cst_fingerprint_reader_set_verify_timeout (reader, VANISH_VERIFY_TIMEOUT_MS);
  cst_fingerprint_reader_verify_async (reader, NULL, on_verify_cb, &result);

  /* Until the fake has the claim (and, for "hung", the verify). */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!fake_claimed (&fake, in_verify))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  /* The reader's side has seen the VerifyStart reply: it is waiting. */
  for (guint i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_null (result);

  /* fprintd crashes; its bus stays up, its name goes. */
  kill (fake.pid, SIGKILL);
  killed = g_get_monotonic_time ();

  while (result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, killed + 15 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, TRUE);
    }
  elapsed_ms = (g_get_monotonic_time () - killed) / 1000;

  g_assert_false (cst_fingerprint_reader_verify_finish (reader, result, &error));
  g_test_message ("verify when fprintd died (%s): %s (failure %d, after %" G_GINT64_FORMAT " ms)",
                  scenario, error->message, cst_fingerprint_error_get_failure (error), elapsed_ms);
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FINGERPRINT);
  g_assert_cmpint (cst_fingerprint_error_get_failure (error), ==, CST_FINGERPRINT_FAILURE_DISCONNECTED);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_cmpint (elapsed_ms, <, VANISH_PROMPT_MS);
  g_clear_error (&error);
  g_assert_false (cst_fingerprint_reader_get_busy (reader));

  /* And the next verify says there is no reader, at once. */
  cst_fingerprint_reader_verify_async (reader, NULL, on_verify_cb, &again);
  while (again == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cst_fingerprint_reader_verify_finish (reader, again, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FINGERPRINT);
  g_assert_cmpint (cst_fingerprint_error_get_failure (error), ==, CST_FINGERPRINT_FAILURE_NO_READER);
  g_clear_error (&error);

  /* Reap the fake, then its orphaned bus and the bus's directory. */
  g_clear_object (&reader);
  {
    g_autofree char *address = g_strdup (g_getenv ("DBUS_SYSTEM_BUS_ADDRESS"));
    const char *sock = address != NULL ? strstr (address, "path=") : NULL;

    cst_fake_fprintd_stop (&fake);
    if (bus_pid > 0)
      {
        kill (bus_pid, SIGTERM);
        waitpid (bus_pid, &status, 0);
      }
    if (sock != NULL && g_str_has_prefix (sock + 5, g_get_tmp_dir ()))
      {
        g_autofree char *sock_path = g_strndup (sock + 5, strcspn (sock + 5, ",;"));
        g_autofree char *sock_dir = g_path_get_dirname (sock_path);

        if (strstr (sock_dir, "cst-fake-fprintd-") != NULL)
          remove_tree (sock_dir);
      }
  }
}

static void
test_fprintd_vanishes (gconstpointer data)
{
  /* Its own process: GDBus keeps the system bus connection of the first
   * fake, which this kill leaves closed, as a singleton. */
  if (g_test_subprocess ())
    {
      test_fprintd_vanishes_child (data);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cst/Reliability/Faults/unwritable-directory", test_unwritable);
  g_test_add_func ("/Cst/Reliability/Faults/unwritable-directory/subprocess", test_unwritable_child);
  g_test_add_func ("/Cst/Reliability/Faults/disk-full", test_disk_full);
  g_test_add_func ("/Cst/Reliability/Faults/disk-full/subprocess", test_disk_full_child);
  g_test_add_data_func ("/Cst/Reliability/Faults/corrupted-header", GINT_TO_POINTER (CORRUPT_HEADER),
                        test_corrupted);
  g_test_add_data_func ("/Cst/Reliability/Faults/corrupted-pages", GINT_TO_POINTER (CORRUPT_PAGES),
                        test_corrupted);
  g_test_add_func ("/Cst/Reliability/Faults/keyring-vanishes", test_keyring_vanishes);
  g_test_add_func ("/Cst/Reliability/Faults/keyring-vanishes/subprocess", test_keyring_vanishes_child);
  g_test_add_data_func ("/Cst/Reliability/Faults/fprintd-vanishes/verifying", "hung",
                        test_fprintd_vanishes);
  g_test_add_data_func ("/Cst/Reliability/Faults/fprintd-vanishes/claiming", "slow-claim",
                        test_fprintd_vanishes);

  return g_test_run ();
}
