/* test-password-policy.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-password-policy"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-common-passwords-private.h"

static const char * const personal[] = { "11010519491231002X", "13812345678", "TaxUser", NULL };

static CstPasswordRule
check (const char *password)
{
  return cst_password_policy_check (password, personal, NULL);
}

static void
test_acceptable (void)
{
  CstPasswordStrength strength = CST_PASSWORD_STRENGTH_WEAK;

  g_assert_cmpint (cst_password_policy_check ("Hubei2026tax", personal, &strength), ==, 0);
  g_assert_cmpint (strength, ==, CST_PASSWORD_STRENGTH_STRONG);
  g_assert_true (cst_password_policy_validate ("Hubei2026tax", personal, NULL));
  g_assert_true (cst_password_policy_validate ("Hubei2026tax", NULL, NULL));

  /* any printable Unicode: 汉字 are letters, emoji with joiners are symbols */
  g_assert_cmpint (check ("楚税通楚税通楚1"), ==, 0);
  g_assert_cmpint (check ("tax\xf0\x9f\x91\xa8\u200d\xf0\x9f\x91\xa9\u200d\xf0\x9f\x91\xa7pw"), ==, 0);
  /* a passphrase: letters and spaces */
  g_assert_cmpint (check ("correct horse battery staple"), ==, 0);
}

static void
test_length (void)
{
  g_autofree char *max = g_strnfill (CST_PASSWORD_MAX_LENGTH, 'a');
  g_autofree char *over = g_strnfill (CST_PASSWORD_MAX_LENGTH + 1, 'a');
  GString *cjk = g_string_new (NULL);

  g_assert_cmpint (check ("Ab1!xyz"), ==, CST_PASSWORD_RULE_LENGTH);
  g_assert_cmpint (check ("Ab1!wxyz"), ==, 0);
  g_assert_cmpint (check (""), ==, CST_PASSWORD_RULE_LENGTH | CST_PASSWORD_RULE_CLASSES);
  g_assert_cmpint (check (NULL), ==, CST_PASSWORD_RULE_LENGTH | CST_PASSWORD_RULE_CLASSES);

  max[0] = '1';
  over[0] = '1';
  g_assert_cmpint (check (max), ==, 0);
  g_assert_cmpint (check (over), ==, CST_PASSWORD_RULE_LENGTH);

  /* code points, not bytes: 7 汉字 and a digit are 8, in 22 bytes */
  g_assert_cmpint (check ("楚税通楚税通楚1"), ==, 0);
  g_assert_cmpint (check ("楚税通楚税通1"), ==, CST_PASSWORD_RULE_LENGTH);
  for (guint i = 0; i < 63; i++)
    g_string_append (cjk, "税");
  g_string_append (cjk, "1");
  g_assert_cmpint (check (cjk->str), ==, 0);
  g_string_prepend (cjk, "税");
  g_assert_cmpint (check (cjk->str), ==, CST_PASSWORD_RULE_LENGTH);
  g_string_free (cjk, TRUE);

  /* never trimmed: the spaces are part of the password and count */
  g_assert_cmpint (check (" abc123 "), ==, 0);
  g_assert_cmpint (check ("abc123 "), ==, CST_PASSWORD_RULE_LENGTH);
}

static void
test_classes (void)
{
  g_assert_cmpint (check ("taxbureauhubei"), ==, CST_PASSWORD_RULE_CLASSES);
  g_assert_cmpint (check ("ABCdefGHIjkl"), ==, CST_PASSWORD_RULE_CLASSES);
  g_assert_cmpint (check ("楚税通楚税通楚税"), ==, CST_PASSWORD_RULE_CLASSES);
  g_assert_cmpint (check ("!@#$%^&*()"), ==, CST_PASSWORD_RULE_CLASSES);
  g_assert_cmpint (check ("2024061520240615"), ==, CST_PASSWORD_RULE_CLASSES);
  g_assert_cmpint (check ("abcdefg1"), ==, 0);
  g_assert_cmpint (check ("abcdefg!"), ==, 0);
  g_assert_cmpint (check ("1234567!"), ==, 0);
}

static void
test_personal (void)
{
  /* the ID number, in any case, inside the password */
  g_assert_cmpint (check ("id11010519491231002x!"), ==, CST_PASSWORD_RULE_NO_PERSONAL);
  g_assert_cmpint (check ("11010519491231002X"), ==, CST_PASSWORD_RULE_NO_PERSONAL);
  g_assert_cmpint (check ("tel13812345678"), ==, CST_PASSWORD_RULE_NO_PERSONAL);
  g_assert_cmpint (check ("my-TAXUSER-2026"), ==, CST_PASSWORD_RULE_NO_PERSONAL);
  g_assert_cmpint (check ("my-taxuse-2026"), ==, 0);

  /* personal values given grouped are still recognised */
  {
    const char * const grouped[] = { "138 1234 5678", NULL };

    g_assert_cmpint (cst_password_policy_check ("tel13812345678", grouped, NULL), ==,
                     CST_PASSWORD_RULE_NO_PERSONAL);
  }

  /* missing and empty ones are ignored, and so are fragments too short
   * to be any identifier */
  {
    const char * const empty[] = { "", NULL };
    const char * const tiny[] = { "a", "1", NULL };

    g_assert_cmpint (cst_password_policy_check ("tel13812345678", NULL, NULL), ==, 0);
    g_assert_cmpint (cst_password_policy_check ("tel13812345678", empty, NULL), ==, 0);
    g_assert_cmpint (cst_password_policy_check ("tel13812345678", tiny, NULL), ==, 0);
  }
}

static void
test_common (void)
{
  static const char * const common[] = {
    "12345678", "password", "a1234567", "qwerty123", "123456789", "5201314", "woaini1314",
    "qq123456", "a123456789", "1qaz2wsx", "Password1", "QQ123456", "WoAiNi1314", "P@ssw0rd",
  };

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    {
      g_test_message ("%s", common[i]);
      g_assert_true (cst_password_is_common (common[i]));
    }

  g_assert_false (cst_password_is_common ("Hubei2026tax"));
  g_assert_false (cst_password_is_common ("password1x"));
  g_assert_false (cst_password_is_common (""));
  g_assert_false (cst_password_is_common (NULL));
  g_assert_false (cst_password_is_common ("pässword"));

  /* the policy refuses them, and says why */
  g_assert_cmpint (check ("a123456789"), ==, CST_PASSWORD_RULE_NOT_COMMON);
  g_assert_cmpint (check ("1qaz2wsx"), ==, CST_PASSWORD_RULE_NOT_COMMON);
  g_assert_cmpint (check ("Woaini1314"), ==, CST_PASSWORD_RULE_NOT_COMMON);
  g_assert_cmpint (check ("password"), ==, CST_PASSWORD_RULE_CLASSES | CST_PASSWORD_RULE_NOT_COMMON);
}

/* What bsearch() relies on, for every entry someone adds. */
static void
test_common_list (void)
{
  const char * const *list;
  guint n;

  list = _cst_common_passwords_get (&n);
  g_assert_cmpuint (n, ==, cst_password_common_count ());
  g_assert_cmpuint (n, >=, 500);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *upper = g_ascii_strup (list[i], -1);
      g_autofree char *lower = g_ascii_strdown (list[i], -1);

      g_assert_true (g_str_is_ascii (list[i]));
      g_assert_cmpstr (list[i], ==, lower);
      g_assert_cmpuint (strlen (list[i]), <=, CST_PASSWORD_MAX_LENGTH);
      if (i > 0 && strcmp (list[i - 1], list[i]) >= 0)
        g_error ("common passwords out of order: “%s” before “%s”", list[i - 1], list[i]);
      g_assert_true (cst_password_is_common (list[i]));
      g_assert_true (cst_password_is_common (upper));
    }
}

static void
test_printable (void)
{
  g_assert_cmpint (check ("tab\there1"), ==, CST_PASSWORD_RULE_PRINTABLE);
  g_assert_cmpint (check ("new\nline1"), ==, CST_PASSWORD_RULE_PRINTABLE);
  g_assert_cmpint (check ("abc\u202edef123"), ==, CST_PASSWORD_RULE_PRINTABLE);
  g_assert_cmpint (check ("abc\u200bdef123"), ==, CST_PASSWORD_RULE_PRINTABLE);
  g_assert_cmpint (check ("abc\xff" "def123"), ==, CST_PASSWORD_RULE_PRINTABLE);
  g_assert_cmpint (check ("abc\ue000def123"), ==, CST_PASSWORD_RULE_PRINTABLE);
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cst_password_policy_validate ("short1", personal, &error));
  g_assert_error (error, CST_PASSWORD_ERROR, CST_PASSWORD_RULE_LENGTH);
  g_assert_cmpstr (error->message, ==, "The password must be 8 to 64 characters long");
  g_assert_cmpstr (error->message, ==, cst_password_rule_get_reason (CST_PASSWORD_RULE_LENGTH));
  g_clear_error (&error);

  g_assert_false (cst_password_policy_validate ("x11010519491231002x", personal, &error));
  g_assert_error (error, CST_PASSWORD_ERROR, CST_PASSWORD_RULE_NO_PERSONAL);
  g_clear_error (&error);

  /* several broken rules: the first in checklist order */
  g_assert_false (cst_password_policy_validate ("password", personal, &error));
  g_assert_error (error, CST_PASSWORD_ERROR, CST_PASSWORD_RULE_CLASSES);
  g_clear_error (&error);

  g_assert_false (cst_password_policy_validate ("qq123456", personal, &error));
  g_assert_error (error, CST_PASSWORD_ERROR, CST_PASSWORD_RULE_NOT_COMMON);
  g_assert_cmpstr (error->message, ==, "This password is too common and easy to guess; choose another one");
}

static void
test_labels (void)
{
  for (CstPasswordRule rule = 1; rule <= CST_PASSWORD_RULES_ALL; rule <<= 1)
    {
      g_assert_nonnull (cst_password_rule_get_label (rule));
      g_assert_nonnull (cst_password_rule_get_reason (rule));
      g_assert_cmpstr (cst_password_rule_get_label (rule), !=, cst_password_rule_get_reason (rule));
    }

  g_assert_cmpstr (cst_password_rule_get_label (CST_PASSWORD_RULE_LENGTH), ==, "8 to 64 characters");
  g_assert_cmpstr (cst_password_strength_get_label (CST_PASSWORD_STRENGTH_WEAK), ==, "Weak");
  g_assert_cmpstr (cst_password_strength_get_label (CST_PASSWORD_STRENGTH_MEDIUM), ==, "Medium");
  g_assert_cmpstr (cst_password_strength_get_label (CST_PASSWORD_STRENGTH_STRONG), ==, "Strong");
}

static void
test_strength (void)
{
  static const struct {
    const char          *password;
    CstPasswordStrength  strength;
  } cases[] = {
    /* runs and repeats are worth little */
    { "aaaa1111",           CST_PASSWORD_STRENGTH_WEAK },
    { "abcdefg1",           CST_PASSWORD_STRENGTH_WEAK },
    { "98765432a",          CST_PASSWORD_STRENGTH_WEAK },
    { "hubei2026",          CST_PASSWORD_STRENGTH_MEDIUM },
    { "k3v9q2m7",           CST_PASSWORD_STRENGTH_MEDIUM },
    { "Hubei2026tax",       CST_PASSWORD_STRENGTH_STRONG },
    { "Xk9#mP2$qL",         CST_PASSWORD_STRENGTH_STRONG },
    { "楚税通湖北2026",     CST_PASSWORD_STRENGTH_STRONG },
    /* refused ones are weak whatever they score */
    { "Xk9#mP2$qL13812345678", CST_PASSWORD_STRENGTH_WEAK },
    { "Xk9#mP2$qL\t",       CST_PASSWORD_STRENGTH_WEAK },
    { "password",           CST_PASSWORD_STRENGTH_WEAK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CstPasswordStrength strength = 99;

      cst_password_policy_check (cases[i].password, personal, &strength);
      g_test_message ("%s: %d", cases[i].password, strength);
      g_assert_cmpint (strength, ==, cases[i].strength);
    }
}

static void
test_huge (void)
{
  g_autofree char *huge = g_strnfill (1 << 20, 'a');
  CstPasswordStrength strength = 99;

  huge[7] = '1';
  g_assert_cmpint (cst_password_policy_check (huge, personal, &strength), ==, CST_PASSWORD_RULE_LENGTH);
  g_assert_cmpint (strength, ==, CST_PASSWORD_STRENGTH_WEAK);
}

/* Whatever bytes come in: an answer within the rules, and invalid UTF-8
 * is never acceptable. */
static void
test_any_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);

  for (guint i = 0; i < 3000; i++)
    {
      char buf[80];
      guint len = g_rand_int_range (rand, 0, sizeof buf);
      CstPasswordStrength strength = 99;
      CstPasswordRule broken;

      for (guint j = 0; j < len; j++)
        buf[j] = (char) g_rand_int_range (rand, 1, 256);
      buf[len] = '\0';

      broken = cst_password_policy_check (buf, personal, &strength);
      g_assert_cmpint (broken & ~CST_PASSWORD_RULES_ALL, ==, 0);
      g_assert_cmpint (strength, <=, CST_PASSWORD_STRENGTH_STRONG);
      if (!g_utf8_validate (buf, -1, NULL))
        g_assert_true (broken & CST_PASSWORD_RULE_PRINTABLE);
      g_assert_true ((broken == 0) == cst_password_policy_validate (buf, personal, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cst/PasswordPolicy/acceptable", test_acceptable);
  g_test_add_func ("/Cst/PasswordPolicy/length", test_length);
  g_test_add_func ("/Cst/PasswordPolicy/classes", test_classes);
  g_test_add_func ("/Cst/PasswordPolicy/personal", test_personal);
  g_test_add_func ("/Cst/PasswordPolicy/common", test_common);
  g_test_add_func ("/Cst/PasswordPolicy/common-list", test_common_list);
  g_test_add_func ("/Cst/PasswordPolicy/printable", test_printable);
  g_test_add_func ("/Cst/PasswordPolicy/validate", test_validate);
  g_test_add_func ("/Cst/PasswordPolicy/labels", test_labels);
  g_test_add_func ("/Cst/PasswordPolicy/strength", test_strength);
  g_test_add_func ("/Cst/PasswordPolicy/huge", test_huge);
  g_test_add_func ("/Cst/PasswordPolicy/any-bytes", test_any_bytes);

  return g_test_run ();
}
