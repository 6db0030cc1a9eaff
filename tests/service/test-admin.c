/* test-admin.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cst-admin.h"
#include "cst-test-backend.h"

/* chushuitong-admin as a subprocess, on the fixture's database. */

typedef CstTestBackend Fixture;

static char *
admin_binary (void)
{
  const char *env = g_getenv ("CST_ADMIN_BINARY");

  if (env != NULL)
    return g_strdup (env);

  /* G_TEST_BUILDDIR is <build>/tests. */
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "admin", "chushuitong-admin", NULL);
}

static int
run (Fixture     *f,
     char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  va_list ap;

  g_ptr_array_add (args, admin_binary ());
  g_ptr_array_add (args, g_strdup ("--database"));
  g_ptr_array_add (args, g_strdup (f->path));

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);

  return g_subprocess_get_exit_status (process);
}

static void
test_seed_demo_and_list (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autoptr(CstEnterpriseChallenge) challenge = NULL;

  /* The app's backend stays open on the file meanwhile. */
  g_assert_cmpint (run (f, NULL, &err, "seed-demo", NULL), ==, CST_ADMIN_EXIT_OK);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  /* Idempotent. */
  g_assert_cmpint (run (f, NULL, NULL, "seed-demo", NULL), ==, CST_ADMIN_EXIT_OK);

  g_assert_cmpint (run (f, &out, NULL, "list", "persons", NULL), ==, CST_ADMIN_EXIT_OK);
  g_assert_nonnull (strstr (out, "138****1234"));
  g_assert_nonnull (strstr (out, "张*"));
  g_assert_nonnull (strstr (out, CST_DEMO_USERNAME));
  g_assert_null (strstr (out, CST_DEMO_ID_NUMBER));
  g_assert_null (strstr (out, CST_DEMO_PHONE));
  {
    g_auto(GStrv) lines = g_strsplit (g_strstrip (out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
  }
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (f, &out, NULL, "list", "memberships", NULL), ==, CST_ADMIN_EXIT_OK);
  g_assert_nonnull (strstr (out, "legal-representative"));
  g_assert_nonnull (strstr (out, "tax-officer"));
  g_clear_pointer (&out, g_free);

  /* The demo works through the protocol: two roles in the first
   * enterprise, the second person not linked to it. */
  session = cst_auth_backend_login_password (CST_TEST_AUTH (f), CST_DEMO_USERNAME, CST_DEMO_PASSWORD,
                                             FALSE, &error);
  g_assert_no_error (error);
  challenge = cst_auth_backend_enterprise_begin (CST_TEST_AUTH (f), CST_DEMO_ENTERPRISE_CODE,
                                                 CST_DEMO_PHONE, CST_DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (challenge->n_roles, ==, 2);
  g_clear_pointer (&challenge, cst_enterprise_challenge_free);
  challenge = cst_auth_backend_enterprise_begin (CST_TEST_AUTH (f), CST_DEMO_ENTERPRISE_CODE_2,
                                                 CST_DEMO_PHONE, CST_DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (challenge->n_roles, ==, 1);
  g_clear_pointer (&challenge, cst_enterprise_challenge_free);
  g_assert_null (cst_auth_backend_enterprise_begin (CST_TEST_AUTH (f), CST_DEMO_ENTERPRISE_CODE,
                                                    CST_DEMO_PHONE_2, CST_DEMO_PASSWORD, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_LINKED);
}

static void
test_enterprise_commands (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  cst_test_backend_add_person (f);

  g_assert_cmpint (run (f, NULL, NULL, "add-enterprise", CST_TEST_ENTERPRISE_CODE_2,
                        CST_TEST_ENTERPRISE_NAME_2, NULL), ==, CST_ADMIN_EXIT_OK);
  /* Twice: a one-line failure. */
  g_assert_cmpint (run (f, NULL, &err, "add-enterprise", CST_TEST_ENTERPRISE_CODE_2, "x", NULL),
                   ==, CST_ADMIN_EXIT_FAILED);
  g_assert_cmpuint (strlen (err), >, 0);
  g_assert_null (strchr (g_strchomp (err), '\n'));
  g_clear_pointer (&err, g_free);

  /* A bad check character. */
  g_assert_cmpint (run (f, NULL, &err, "add-enterprise", "91110108MA01ABCD1F", "x", NULL),
                   ==, CST_ADMIN_EXIT_FAILED);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (f, NULL, NULL, "link", CST_TEST_ENTERPRISE_CODE_2, CST_TEST_USERNAME,
                        "invoice-clerk", NULL), ==, CST_ADMIN_EXIT_OK);
  g_assert_cmpint (run (f, NULL, NULL, "link", CST_TEST_ENTERPRISE_CODE_2, CST_TEST_PHONE_2,
                        "invoice-clerk", NULL), ==, CST_ADMIN_EXIT_FAILED);
  g_assert_cmpint (run (f, NULL, NULL, "link", CST_TEST_ENTERPRISE_CODE_2, CST_TEST_USERNAME,
                        "boss", NULL), ==, CST_ADMIN_EXIT_USAGE);

  g_assert_cmpint (run (f, &out, NULL, "list", "enterprises", NULL), ==, CST_ADMIN_EXIT_OK);
  g_assert_nonnull (strstr (out, CST_TEST_ENTERPRISE_NAME_2));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (f, NULL, NULL, "set-username", CST_TEST_PHONE, "li_si_2026", NULL), ==, CST_ADMIN_EXIT_OK);
  g_assert_cmpint (run (f, NULL, NULL, "set-username", CST_TEST_PHONE, "12345678", NULL), ==, CST_ADMIN_EXIT_FAILED);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM persons WHERE username = 'li_si_2026'"), ==, 1);
}

static void
test_unlock_and_outbox (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *code = NULL;
  g_autoptr(CstSession) session = NULL;

  /* The admin tool runs on the system clock. */
  cst_clock_set (f->clock, g_get_real_time ());

  cst_test_backend_add_person (f);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      cst_auth_backend_login_password (CST_TEST_AUTH (f), CST_TEST_PHONE, "Wrong#Pass1", FALSE, &error);
    }

  g_assert_cmpint (run (f, &out, NULL, "list", "persons", NULL), ==, CST_ADMIN_EXIT_OK);
  g_assert_nonnull (strstr (out, "locked"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (f, NULL, NULL, "unlock", CST_TEST_ID_NUMBER, NULL), ==, CST_ADMIN_EXIT_OK);
  session = cst_test_backend_login (f, FALSE);
  g_assert_cmpint (run (f, NULL, NULL, "unlock", CST_TEST_ID_NUMBER_2, NULL), ==, CST_ADMIN_EXIT_FAILED);

  code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
  g_assert_cmpint (run (f, &out, NULL, "sms-outbox", "--limit", "1", NULL), ==, CST_ADMIN_EXIT_OK);
  g_assert_nonnull (strstr (out, code));
  g_assert_nonnull (strstr (out, CST_TEST_PHONE));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (f, NULL, NULL, "sms-outbox", "--limit", "zero", NULL), ==, CST_ADMIN_EXIT_USAGE);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (run (f, NULL, NULL, "frobnicate", NULL), ==, CST_ADMIN_EXIT_USAGE);
  g_assert_cmpint (run (f, NULL, NULL, "link", "only-one", NULL), ==, CST_ADMIN_EXIT_USAGE);
  g_assert_cmpint (run (f, NULL, NULL, "list", "cats", NULL), ==, CST_ADMIN_EXIT_USAGE);
  {
    g_autofree char *out = NULL;
    g_assert_cmpint (run (f, &out, NULL, "--help", NULL), ==, CST_ADMIN_EXIT_OK);
    g_assert_nonnull (strstr (out, "seed-demo"));
    g_assert_nonnull (strstr (out, "sms-outbox"));
  }
}

static void
test_database_too_new (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *err = NULL;

  cst_test_backend_exec (f, "PRAGMA user_version = 42");
  g_assert_cmpint (run (f, NULL, &err, "list", "persons", NULL), ==, CST_ADMIN_EXIT_FAILED);
  g_assert_nonnull (strstr (err, "newer"));
  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA user_version = %d",
                                                cst_local_backend_schema_version ());
    cst_test_backend_exec (f, restore);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cst/Admin/" path, Fixture, NULL, cst_test_backend_setup, func, cst_test_backend_teardown)

  ADD ("seed-demo-and-list", test_seed_demo_and_list);
  ADD ("enterprise-commands", test_enterprise_commands);
  ADD ("unlock-and-outbox", test_unlock_and_outbox);
  ADD ("usage-errors", test_usage_errors);
  ADD ("database-too-new", test_database_too_new);

  return g_test_run ();
}
