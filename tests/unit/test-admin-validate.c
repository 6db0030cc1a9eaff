/* test-admin-validate.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-admin-validate"

#include "config.h"

#include <gio/gio.h>

/*
 * chushuitong-admin validate as a script sees it: exit status, the
 * normalised value on stdout, one line of reason on stderr. The binary
 * comes from $CST_ADMIN (set by tests/unit/meson.build), else from the
 * build tree next to this test.
 */

static char *admin_path;

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run_admin (Result             *r,
           const char         *stdin_text,
           const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, admin_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* English messages whatever the machine's locale */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  /* validate must not touch a database: point it nowhere usable */
  g_subprocess_launcher_setenv (launcher, "CST_DATABASE", "/nonexistent/identity.db", TRUE);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (proc, stdin_text ? stdin_text : "", NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  r->status = g_subprocess_get_exit_status (proc);

  g_test_message ("%s %s → %d, out “%s”, err “%s”", args[0], args[1] ? args[1] : "",
                  r->status, r->out, r->err);
}

#define RUN(r, ...) run_admin (r, NULL, (const char * const[]) { __VA_ARGS__, NULL })

static gsize
count_lines (const char *s)
{
  gsize n = 0;

  for (; *s != '\0'; s++)
    n += *s == '\n';

  return n;
}

static void
assert_ok (const Result *r,
           const char   *expected_out)
{
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, expected_out);
  g_assert_cmpstr (r->err, ==, "");
}

static void
assert_failed (const Result *r,
               const char   *reason)
{
  g_assert_cmpint (r->status, ==, 1);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_cmpuint (count_lines (r->err), ==, 1);
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_nonnull (strstr (r->err, reason));
}

static void
test_valid (void)
{
  static const struct {
    const char *type;
    const char *value;
    const char *out;
  } cases[] = {
    { "resident-id",      "11010519491231002x",  "11010519491231002X\n" },
    { "resident-id",      "420106900101123",     "420106199001011231\n" },
    { "hkmo-permit",      "h12345678",           "H12345678\n" },
    { "tw-permit",        "12345678",            "12345678\n" },
    { "passport",         "ea1234567",           "EA1234567\n" },
    { "foreign-pr",       "USA110075060102",     "USA110075060102\n" },
    { "hkmotw-residence", "810000199001011230",  "810000199001011230\n" },
    { "uscc",             "91110000100001342c",  "91110000100001342C\n" },
    { "tin",              "420106177598458",     "420106177598458\n" },
    { "phone",            "+86 138-1234-5678",   "13812345678\n" },
    { "sms-code",         "１２３４５６",        "123456\n" },
    { "name",             "阿卜杜•热合曼",       "阿卜杜·热合曼\n" },
    { "username",         "tax_user1",           "tax_user1\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) r = { 0 };

      RUN (&r, "validate", cases[i].type, cases[i].value);
      assert_ok (&r, cases[i].out);
    }
}

static void
test_invalid (void)
{
  static const struct {
    const char *type;
    const char *value;
    const char *reason;
  } cases[] = {
    { "resident-id",      "110105194912310021",  "the check character does not match" },
    { "resident-id",      "420106199902301236",  "birth date in the ID number does not exist" },
    { "resident-id",      "420106203001011230",  "in the future" },
    { "hkmo-permit",      "A12345678",           "H (Hong Kong) or M (Macao)" },
    { "tw-permit",        "1234",                "8 or 10 digits" },
    { "passport",         "EI1234567",           "I and O" },
    { "foreign-pr",       "8",                   "18 digits" },
    { "hkmotw-residence", "420106199001011231",  "810000" },
    { "uscc",             "91110000100S01342C",  "I, O, S, V and Z" },
    { "tin",              "990106177598458",     "region code" },
    { "phone",            "12812345678",         "13 to 19" },
    { "sms-code",         "12345",               "6 digits" },
    { "name",             "张三3",               "cannot contain digits" },
    { "username",         "12345678",            "digits only" },
    { "phone",            "",                    "Enter the mobile phone number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) r = { 0 };

      RUN (&r, "validate", cases[i].type, cases[i].value);
      assert_failed (&r, cases[i].reason);
    }
}

static void
test_password (void)
{
  g_auto(Result) ok = { 0 };
  g_auto(Result) weak = { 0 };
  g_auto(Result) piped = { 0 };
  g_auto(Result) piped_bad = { 0 };
  g_auto(Result) empty = { 0 };

  RUN (&ok, "validate", "password", "Hubei2026tax");
  assert_ok (&ok, "ok (strength: Strong)\n");

  RUN (&weak, "validate", "password", "qq123456");
  assert_failed (&weak, "too common");
  g_assert_null (strstr (weak.err, "qq123456"));

  /* VALUE - reads it from stdin, and never echoes it */
  run_admin (&piped, "k3v9q2m7\n", (const char * const[]) { "validate", "password", "-", NULL });
  assert_ok (&piped, "ok (strength: Medium)\n");

  run_admin (&piped_bad, "short1\r\n", (const char * const[]) { "validate", "password", "-", NULL });
  assert_failed (&piped_bad, "8 to 64 characters");
  g_assert_null (strstr (piped_bad.err, "short1"));

  run_admin (&empty, "", (const char * const[]) { "validate", "password", "-", NULL });
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_cmpstr (empty.out, ==, "");
}

static void
test_usage (void)
{
  const char * const * const cases[] = {
    (const char * const[]) { "validate", NULL },
    (const char * const[]) { "validate", "phone", NULL },
    (const char * const[]) { "validate", "phone", "13812345678", "extra", NULL },
    (const char * const[]) { "validate", "bogus", "x", NULL },
    (const char * const[]) { "validate", "Phone", "13812345678", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) r = { 0 };

      run_admin (&r, NULL, cases[i]);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_nonnull (strstr (r.err, "Usage: chushuitong-admin validate TYPE VALUE"));
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CST_ADMIN") != NULL)
    admin_path = g_strdup (g_getenv ("CST_ADMIN"));
  else
    admin_path = g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "admin",
                                        "chushuitong-admin", NULL);

  g_test_add_func ("/Cst/AdminValidate/valid", test_valid);
  g_test_add_func ("/Cst/AdminValidate/invalid", test_invalid);
  g_test_add_func ("/Cst/AdminValidate/password", test_password);
  g_test_add_func ("/Cst/AdminValidate/usage", test_usage);

  ret = g_test_run ();

  g_free (admin_path);

  return ret;
}
