/* test-auth-error.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cst-auth-error.h"
#include "cst-auth-types.h"
#include "cst-core.h"
#include "cst-sms-gateway.h"

/* Every code, so that a new one without a message fails here. */
static const CstAuthError all_codes[] = {
  CST_AUTH_ERROR_BAD_CREDENTIALS,
  CST_AUTH_ERROR_LOCKED,
  CST_AUTH_ERROR_CODE_INVALID,
  CST_AUTH_ERROR_CODE_EXPIRED,
  CST_AUTH_ERROR_RATE_LIMITED,
  CST_AUTH_ERROR_DAILY_LIMIT,
  CST_AUTH_ERROR_ALREADY_REGISTERED,
  CST_AUTH_ERROR_PHONE_IN_USE,
  CST_AUTH_ERROR_NOT_REGISTERED,
  CST_AUTH_ERROR_ENTERPRISE_UNKNOWN,
  CST_AUTH_ERROR_NOT_LINKED,
  CST_AUTH_ERROR_FACE_REJECTED,
  CST_AUTH_ERROR_FACE_UNAVAILABLE,
  CST_AUTH_ERROR_EXPIRED,
  CST_AUTH_ERROR_WRONG_STEP,
  CST_AUTH_ERROR_NOT_LOGGED_IN,
  CST_AUTH_ERROR_CREDENTIAL_REVOKED,
  CST_AUTH_ERROR_KEYRING_UNAVAILABLE,
  CST_AUTH_ERROR_FINGERPRINT,
  CST_AUTH_ERROR_STORAGE,
  CST_AUTH_ERROR_DATABASE_TOO_NEW,
  CST_AUTH_ERROR_INVALID_INPUT,
  CST_AUTH_ERROR_PASSWORD_POLICY,
};

static void
test_domain (void)
{
  g_autoptr (GError) error = cst_auth_error_new (CST_AUTH_ERROR_NOT_LINKED, 0,
                                                CST_FIELD_ENTERPRISE);
  g_autoptr (GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "nope");

  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_NOT_LINKED);
  g_assert_cmpstr (g_quark_to_string (CST_AUTH_ERROR), ==, "CstAuthError");

  /* Another domain with the same numeric code carries no payload. */
  g_assert_cmpint (cst_auth_error_get_value (other), ==, 0);
  g_assert_null (cst_auth_error_get_field (other));
  g_assert_cmpint (cst_auth_error_get_value (NULL), ==, 0);
  g_assert_null (cst_auth_error_get_field (NULL));
}

static void
test_every_code_has_a_message (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_codes); i++)
    {
      g_autoptr (GError) error = cst_auth_error_new (all_codes[i], 0, NULL);

      g_assert_error (error, CST_AUTH_ERROR, (int) all_codes[i]);
      g_assert_nonnull (error->message);
      g_assert_cmpuint (strlen (error->message), >, 5);
      g_assert_cmpstr (error->message, !=, "The identity service failed");

      /* A user can tell every failure from every other. */
      g_assert_false (g_hash_table_contains (seen, error->message));
      g_hash_table_add (seen, g_strdup (error->message));
    }
}

static void
test_bad_credentials (void)
{
  g_autoptr (GError) unknown = cst_auth_error_new (CST_AUTH_ERROR_BAD_CREDENTIALS, 0,
                                                  CST_FIELD_PASSWORD);
  g_autoptr (GError) four = cst_auth_error_new (CST_AUTH_ERROR_BAD_CREDENTIALS, 4,
                                               CST_FIELD_PASSWORD);
  g_autoptr (GError) one = cst_auth_error_new (CST_AUTH_ERROR_BAD_CREDENTIALS, 1,
                                              CST_FIELD_PASSWORD);

  /* No count: the account may not exist, and the message must not say. */
  g_assert_cmpstr (unknown->message, ==, "Incorrect account or password");
  g_assert_cmpstr (four->message, ==, "Incorrect password, 4 attempts left");
  g_assert_cmpstr (one->message, ==, "Incorrect password, 1 attempt left");

  g_assert_cmpint (cst_auth_error_get_value (four), ==, 4);
  g_assert_cmpstr (cst_auth_error_get_field (four), ==, CST_FIELD_PASSWORD);
}

static void
test_counts (void)
{
  g_autoptr (GError) locked = cst_auth_error_new (CST_AUTH_ERROR_LOCKED, 30, CST_FIELD_ACCOUNT);
  g_autoptr (GError) locked_one = cst_auth_error_new (CST_AUTH_ERROR_LOCKED, 1, NULL);
  g_autoptr (GError) locked_unknown = cst_auth_error_new (CST_AUTH_ERROR_LOCKED, 0, NULL);
  g_autoptr (GError) wait = cst_auth_error_new (CST_AUTH_ERROR_RATE_LIMITED, 42, CST_FIELD_CODE);
  g_autoptr (GError) wait_one = cst_auth_error_new (CST_AUTH_ERROR_RATE_LIMITED, 1, NULL);
  g_autoptr (GError) huge = cst_auth_error_new (CST_AUTH_ERROR_RATE_LIMITED, G_MAXINT64, NULL);

  g_assert_cmpstr (locked->message, ==,
                   "Account locked; try again in 30 minutes or reset your password");
  g_assert_cmpstr (locked_one->message, ==,
                   "Account locked; try again in 1 minute or reset your password");
  g_assert_null (strstr (locked_unknown->message, "0"));
  g_assert_cmpstr (wait->message, ==, "Wait 42 seconds before requesting a new code");
  g_assert_cmpstr (wait_one->message, ==, "Wait 1 second before requesting a new code");
  g_assert_cmpint (cst_auth_error_get_value (wait), ==, 42);
  g_assert_cmpstr (cst_auth_error_get_field (wait), ==, CST_FIELD_CODE);

  /* The payload keeps the full value even where the message clamps it. */
  g_assert_cmpint (cst_auth_error_get_value (huge), ==, G_MAXINT64);
  g_assert_nonnull (strstr (huge->message, "2147483647"));
}

static void
test_spec_messages (void)
{
  static const struct {
    CstAuthError  code;
    const char   *field;
    const char   *message;
  } expected[] = {
    { CST_AUTH_ERROR_CODE_INVALID, CST_FIELD_CODE, "Incorrect code" },
    { CST_AUTH_ERROR_CODE_EXPIRED, CST_FIELD_CODE, "Code expired, request a new one" },
    { CST_AUTH_ERROR_ALREADY_REGISTERED, CST_FIELD_ID_NUMBER, "This ID number is already registered" },
    { CST_AUTH_ERROR_NOT_REGISTERED, NULL, "This user is not registered" },
    { CST_AUTH_ERROR_NOT_LINKED, CST_FIELD_ENTERPRISE, "This user is not linked to the enterprise" },
    { CST_AUTH_ERROR_INVALID_INPUT, CST_FIELD_ID_NUMBER, "Invalid ID number" },
    { CST_AUTH_ERROR_INVALID_INPUT, CST_FIELD_PHONE, "Invalid mobile phone number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (GError) error = cst_auth_error_new (expected[i].code, 0, expected[i].field);

      g_assert_cmpstr (error->message, ==, expected[i].message);
      g_assert_cmpstr (cst_auth_error_get_field (error), ==, expected[i].field);
    }
}

static void
test_copy_keeps_payload (void)
{
  char field[] = "phone";   /* not a literal: the error must not keep this pointer */
  g_autoptr (GError) error = cst_auth_error_new (CST_AUTH_ERROR_RATE_LIMITED, 17, field);
  g_autoptr (GError) copy = NULL;
  g_autoptr (GError) propagated = NULL;

  field[0] = 'X';
  g_assert_cmpstr (cst_auth_error_get_field (error), ==, CST_FIELD_PHONE);

  copy = g_error_copy (error);
  g_assert_error (copy, CST_AUTH_ERROR, CST_AUTH_ERROR_RATE_LIMITED);
  g_assert_cmpint (cst_auth_error_get_value (copy), ==, 17);
  g_assert_cmpstr (cst_auth_error_get_field (copy), ==, CST_FIELD_PHONE);
  g_assert_cmpstr (copy->message, ==, error->message);

  /* Through a GTask-like hand-over and a prefix: still there. */
  g_propagate_prefixed_error (&propagated, g_steal_pointer (&copy), "%s", "");
  g_assert_cmpint (cst_auth_error_get_value (propagated), ==, 17);
}

static void
test_literal_and_set (void)
{
  g_autoptr (GError) literal = cst_auth_error_new_literal (CST_AUTH_ERROR_FINGERPRINT, 0, NULL,
                                                          "No fingerprint reader");
  g_autoptr (GError) set = NULL;

  g_assert_error (literal, CST_AUTH_ERROR, CST_AUTH_ERROR_FINGERPRINT);
  g_assert_cmpstr (literal->message, ==, "No fingerprint reader");
  g_assert_null (cst_auth_error_get_field (literal));

  cst_auth_set_error (&set, CST_AUTH_ERROR_LOCKED, 12, CST_FIELD_ACCOUNT);
  g_assert_error (set, CST_AUTH_ERROR, CST_AUTH_ERROR_LOCKED);
  g_assert_cmpint (cst_auth_error_get_value (set), ==, 12);

  /* Ignored errors are fine. */
  cst_auth_set_error (NULL, CST_AUTH_ERROR_LOCKED, 12, NULL);
}

static void
test_from_validation (void)
{
  g_autoptr (GError) validation = NULL;
  g_autoptr (GError) policy = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (cst_validate_phone ("12345", NULL, &validation));
  g_assert_nonnull (validation);

  error = cst_auth_error_from_validation (validation, CST_FIELD_PHONE);
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, validation->message);
  g_assert_cmpstr (cst_auth_error_get_field (error), ==, CST_FIELD_PHONE);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, validation->code);
  g_clear_error (&error);

  g_assert_false (cst_password_policy_validate ("12345678", NULL, &policy));
  g_assert_error (policy, CST_PASSWORD_ERROR, policy->code);

  error = cst_auth_error_from_validation (policy, CST_FIELD_PASSWORD);
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_PASSWORD_POLICY);
  g_assert_cmpstr (error->message, ==, policy->message);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, policy->code);
  g_assert_cmpstr (cst_auth_error_get_field (error), ==, CST_FIELD_PASSWORD);
}

static void
test_roles (void)
{
  static const CstRole roles[] = {
    CST_ROLE_NONE,
    CST_ROLE_LEGAL_REPRESENTATIVE,
    CST_ROLE_FINANCIAL_OFFICER,
    CST_ROLE_TAX_OFFICER,
    CST_ROLE_INVOICE_CLERK,
  };
  CstRole role = CST_ROLE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      const char *id = cst_role_to_string (roles[i]);

      g_assert_nonnull (id);
      g_assert_true (cst_role_from_string (id, &role));
      g_assert_cmpint (role, ==, roles[i]);
      g_assert_cmpstr (cst_role_get_label (roles[i]), !=, "");
    }

  g_assert_cmpstr (cst_role_to_string (CST_ROLE_LEGAL_REPRESENTATIVE), ==, "legal-representative");
  g_assert_cmpstr (cst_role_get_label (CST_ROLE_INVOICE_CLERK), ==, "Invoice clerk");
  g_assert_true (cst_role_from_string ("Tax-Officer", &role));
  g_assert_cmpint (role, ==, CST_ROLE_TAX_OFFICER);
  g_assert_false (cst_role_from_string ("boss", &role));
  g_assert_false (cst_role_from_string (NULL, &role));
  g_assert_null (cst_role_to_string (99));

  /* The keyring's `kind` attribute: renaming one loses remembered secrets. */
  g_assert_cmpstr (cst_credential_kind_to_string (CST_CREDENTIAL_KIND_REFRESH), ==, "refresh");
  g_assert_cmpstr (cst_credential_kind_to_string (CST_CREDENTIAL_KIND_FINGERPRINT), ==, "fingerprint");
  g_assert_cmpstr (cst_credential_kind_to_string (CST_CREDENTIAL_KIND_FACE), ==, "face");
  g_assert_cmpstr (cst_code_purpose_to_string (CST_CODE_PURPOSE_CHANGE_PHONE), ==, "change-phone");
}

/* ---- zh_CN: what the Chinese UI shows ---- */

static char *
compile_catalogue (void)
{
  g_autofree char *fragment = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *po = NULL;
  g_autofree char *mo_dir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "msgfmt", "-o", NULL, NULL, NULL };
  int status = 0;

  fragment = g_test_build_filename (G_TEST_DIST, "..", "po", "fragments", "auth.zh_CN.po", NULL);
  g_assert_true (g_file_get_contents (fragment, &contents, NULL, &error));
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("cst-auth-error-XXXXXX", &error);
  g_assert_no_error (error);
  mo_dir = g_build_filename (dir, "zh_CN", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0700), ==, 0);

  po = g_build_filename (dir, "auth.po", NULL);
  mo = g_build_filename (mo_dir, GETTEXT_PACKAGE ".mo", NULL);
  {
    g_autofree char *full = g_strconcat ("msgid \"\"\nmsgstr \"\"\n"
                                         "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                                         "\"Plural-Forms: nplurals=1; plural=0;\\n\"\n\n",
                                         contents, NULL);
    g_assert_true (g_file_set_contents (po, full, -1, &error));
    g_assert_no_error (error);
  }

  argv[2] = mo;
  argv[3] = po;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&dir);
}

static void
test_zh_cn_child (void)
{
  const char *dir = g_getenv ("CST_TEST_LOCALEDIR");
  g_autoptr (GError) bad = NULL;
  g_autoptr (GError) tries = NULL;
  g_autoptr (GError) locked = NULL;
  g_autoptr (GError) wait = NULL;
  g_autoptr (GError) code = NULL;
  g_autoptr (GError) expired = NULL;
  g_autoptr (GError) registered = NULL;
  g_autoptr (GError) not_linked = NULL;
  g_autoptr (GError) invalid_id = NULL;
  g_autofree char *sms = NULL;

  g_assert_nonnull (dir);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  bad = cst_auth_error_new (CST_AUTH_ERROR_BAD_CREDENTIALS, 0, NULL);
  tries = cst_auth_error_new (CST_AUTH_ERROR_BAD_CREDENTIALS, 3, NULL);
  locked = cst_auth_error_new (CST_AUTH_ERROR_LOCKED, 30, NULL);
  wait = cst_auth_error_new (CST_AUTH_ERROR_RATE_LIMITED, 59, NULL);
  code = cst_auth_error_new (CST_AUTH_ERROR_CODE_INVALID, 0, NULL);
  expired = cst_auth_error_new (CST_AUTH_ERROR_CODE_EXPIRED, 0, NULL);
  registered = cst_auth_error_new (CST_AUTH_ERROR_ALREADY_REGISTERED, 0, NULL);
  not_linked = cst_auth_error_new (CST_AUTH_ERROR_NOT_LINKED, 0, NULL);
  invalid_id = cst_auth_error_new (CST_AUTH_ERROR_INVALID_INPUT, 0, CST_FIELD_ID_NUMBER);
  sms = cst_sms_format_text ("123456");

  /* SPEC §4 and §1.9, word for word. */
  g_assert_cmpstr (bad->message, ==, "账号或密码错误");
  g_assert_cmpstr (tries->message, ==, "密码错误，还可尝试 3 次");
  g_assert_cmpstr (locked->message, ==, "账号已锁定，请 30 分钟后再试或找回密码");
  g_assert_cmpstr (wait->message, ==, "请 59 秒后再获取");
  g_assert_cmpstr (code->message, ==, "验证码错误");
  g_assert_cmpstr (expired->message, ==, "验证码已过期，请重新获取");
  g_assert_cmpstr (registered->message, ==, "该证件号码已注册");
  g_assert_cmpstr (not_linked->message, ==, "该用户未关联此企业");
  g_assert_cmpstr (invalid_id->message, ==, "证件号码格式不正确");
  g_assert_cmpstr (sms, ==, "【楚税通】您的验证码为 123456，5分钟内有效。");

  g_assert_cmpstr (cst_role_get_label (CST_ROLE_LEGAL_REPRESENTATIVE), ==, "法定代表人");
  g_assert_cmpstr (cst_role_get_label (CST_ROLE_FINANCIAL_OFFICER), ==, "财务负责人");
  g_assert_cmpstr (cst_role_get_label (CST_ROLE_TAX_OFFICER), ==, "办税员");
  g_assert_cmpstr (cst_role_get_label (CST_ROLE_INVOICE_CLERK), ==, "开票员");
  g_assert_cmpstr (cst_role_get_label (CST_ROLE_NONE), ==, "个人");
}

static void
test_zh_cn (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");

  if (msgfmt == NULL)
    {
      g_test_skip ("msgfmt (gettext) is not installed");
      return;
    }

  dir = compile_catalogue ();
  g_setenv ("CST_TEST_LOCALEDIR", dir, TRUE);

  g_test_trap_subprocess ("/Cst/AuthError/zh-CN/subprocess", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  {
    g_autoptr (GFile) file = g_file_new_for_path (dir);
    g_autofree char *mo = g_build_filename (dir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
    g_autofree char *po = g_build_filename (dir, "auth.po", NULL);
    g_autofree char *lc = g_build_filename (dir, "zh_CN", "LC_MESSAGES", NULL);
    g_autofree char *lang = g_build_filename (dir, "zh_CN", NULL);

    g_remove (mo);
    g_remove (po);
    g_rmdir (lc);
    g_rmdir (lang);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cst/AuthError/domain", test_domain);
  g_test_add_func ("/Cst/AuthError/every-code-has-a-message", test_every_code_has_a_message);
  g_test_add_func ("/Cst/AuthError/bad-credentials", test_bad_credentials);
  g_test_add_func ("/Cst/AuthError/counts", test_counts);
  g_test_add_func ("/Cst/AuthError/spec-messages", test_spec_messages);
  g_test_add_func ("/Cst/AuthError/copy-keeps-payload", test_copy_keeps_payload);
  g_test_add_func ("/Cst/AuthError/literal-and-set", test_literal_and_set);
  g_test_add_func ("/Cst/AuthError/from-validation", test_from_validation);
  g_test_add_func ("/Cst/AuthError/roles-and-kinds", test_roles);
  g_test_add_func ("/Cst/AuthError/zh-CN", test_zh_cn);
  g_test_add_func ("/Cst/AuthError/zh-CN/subprocess", test_zh_cn_child);

  return g_test_run ();
}
