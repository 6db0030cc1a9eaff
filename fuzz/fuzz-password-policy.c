/* fuzz-password-policy.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-password-policy"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-fuzz.h"

/*
 * The password policy of SPEC §2.4. The input is the password, then up to
 * four personal strings (ID number, phone, user name …), separated by NUL
 * bytes, which no C string can hold anyway. The password is taken as it
 * is, invalid UTF-8 included: it is what a caller may pass.
 */

#define MAX_PERSONAL 4

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cst_fuzz_init ();
  return 0;
}

static CstPasswordRule
check (const char          *password,
       const char * const  *personal,
       CstPasswordStrength *strength)
{
  CstPasswordStrength level = (CstPasswordStrength) -1;
  CstPasswordRule broken = cst_password_policy_check (password, personal, &level);

  CST_FUZZ_CHECK ((broken & ~CST_PASSWORD_RULES_ALL) == 0, "unknown rules 0x%x", broken);
  CST_FUZZ_CHECK (level >= CST_PASSWORD_STRENGTH_WEAK && level <= CST_PASSWORD_STRENGTH_STRONG,
                  "strength %d", level);
  /* The meter never calls a refused password anything but weak. */
  CST_FUZZ_CHECK (broken == 0 || level == CST_PASSWORD_STRENGTH_WEAK,
                  "a password breaking 0x%x is rated %d", broken, level);
  CST_FUZZ_CHECK (cst_password_policy_check (password, personal, NULL) == broken,
                  "the verdict depends on asking for the strength");

  if (strength != NULL)
    *strength = level;

  return broken;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);
  const char *personal[MAX_PERSONAL + 1] = { NULL, };
  const char *reversed[MAX_PERSONAL + 1] = { NULL, };
  const char *password;
  CstPasswordRule broken, alone;
  CstPasswordStrength strength;
  guint n_personal;
  size_t start = 0;

  for (size_t i = 0; i <= size && pieces->len <= MAX_PERSONAL; i++)
    {
      if (i == size || data[i] == '\0')
        {
          g_ptr_array_add (pieces, g_strndup ((const char *) data + start, i - start));
          start = i + 1;
        }
    }

  password = g_ptr_array_index (pieces, 0);
  n_personal = pieces->len - 1;
  for (guint i = 0; i < n_personal; i++)
    {
      personal[i] = g_ptr_array_index (pieces, i + 1);
      reversed[n_personal - 1 - i] = personal[i];
    }

  broken = check (password, personal, &strength);

  /* The checklist and the meter can show every rule and level in words. */
  for (CstPasswordRule rule = 1; rule <= CST_PASSWORD_RULE_PRINTABLE; rule <<= 1)
    {
      const char *label = cst_password_rule_get_label (rule);
      const char *reason = cst_password_rule_get_reason (rule);

      CST_FUZZ_CHECK (label != NULL && label[0] != '\0' && reason != NULL && reason[0] != '\0',
                      "rule 0x%x has no label or reason", rule);
    }
  CST_FUZZ_CHECK (cst_password_strength_get_label (strength) != NULL, "strength %d has no label", strength);
  CST_FUZZ_CHECK (check (NULL, personal, NULL) == check ("", personal, NULL), "NULL is not \"\"");

  /* The personal list is a set: its order does not matter … */
  CST_FUZZ_CHECK (check (password, reversed, NULL) == broken, "the verdict depends on the order");

  /* … and it can only add NO_PERSONAL, and only by growing. */
  alone = check (password, NULL, NULL);
  CST_FUZZ_CHECK ((alone & CST_PASSWORD_RULE_NO_PERSONAL) == 0, "personal without personal strings");
  CST_FUZZ_CHECK ((broken & ~CST_PASSWORD_RULE_NO_PERSONAL) == alone,
                  "personal strings changed 0x%x to 0x%x", alone, broken);
  for (guint k = 0; k < n_personal; k++)
    {
      const char *prefix[MAX_PERSONAL + 1] = { NULL, };
      CstPasswordRule some;

      memcpy (prefix, personal, k * sizeof (char *));
      some = check (password, prefix, NULL);
      CST_FUZZ_CHECK ((some & ~broken) == 0, "fewer personal strings broke more rules");
    }

  /* The rules that can be stated without the implementation. */
  {
    g_autofree char *valid = g_utf8_make_valid (password, -1);
    glong n_chars = g_utf8_strlen (valid, -1);

    CST_FUZZ_CHECK (((broken & CST_PASSWORD_RULE_LENGTH) != 0) ==
                    (n_chars < CST_PASSWORD_MIN_LENGTH || n_chars > CST_PASSWORD_MAX_LENGTH),
                    "%ld characters, rules 0x%x", n_chars, broken);
    CST_FUZZ_CHECK (g_utf8_validate (password, -1, NULL) || (broken & CST_PASSWORD_RULE_PRINTABLE),
                    "invalid UTF-8 accepted as printable");
    CST_FUZZ_CHECK (((broken & CST_PASSWORD_RULE_NOT_COMMON) != 0) == cst_password_is_common (password),
                    "NOT_COMMON 0x%x but cst_password_is_common %d",
                    broken, cst_password_is_common (password));

    /* Case does not hide a personal string (compared case-insensitively). */
    if (g_utf8_validate (password, -1, NULL))
      {
        g_autofree char *swapped = cst_fuzz_ascii_swapcase (password);

        CST_FUZZ_CHECK ((check (swapped, personal, NULL) & CST_PASSWORD_RULE_NO_PERSONAL) ==
                        (broken & CST_PASSWORD_RULE_NO_PERSONAL),
                        "case changes NO_PERSONAL");
      }
  }

  /* A password that holds a personal string of 4 or more characters is
   * refused for it (SPEC §2.4: "containing the ID number …"). */
  for (guint i = 0; i < n_personal; i++)
    {
      g_autofree char *compact = cst_normalize_compact (personal[i]);
      g_autofree char *holding = NULL;
      const char *one[] = { personal[i], NULL };

      if (compact == NULL || g_utf8_strlen (compact, -1) < 4)
        continue;

      holding = g_strconcat ("Q", compact, "!7", NULL);
      CST_FUZZ_CHECK (check (holding, one, NULL) & CST_PASSWORD_RULE_NO_PERSONAL,
                      "a password holding personal string %u is not refused for it", i);
    }

  /* validate () says no exactly when check () finds a broken rule, and
   * names the first rule of the checklist. */
  if (cst_password_policy_validate (password, personal, &error))
    {
      CST_FUZZ_CHECK (broken == 0 && error == NULL, "validate accepted what breaks 0x%x", broken);
    }
  else
    {
      CST_FUZZ_CHECK (broken != 0, "validate refused an acceptable password");
      CST_FUZZ_CHECK (error != NULL && error->domain == CST_PASSWORD_ERROR &&
                      (CstPasswordRule) error->code == (broken & -broken),
                      "validate's error for rules 0x%x", broken);
      CST_FUZZ_CHECK (g_strcmp0 (error->message, cst_password_rule_get_reason (error->code)) == 0,
                      "validate's message");
      cst_fuzz_check_utf8 (error->message, "the reason");
    }

  return 0;
}
