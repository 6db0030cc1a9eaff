/* cst-password-policy.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-password-policy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cst-normalize.h"
#include "cst-password-policy.h"

/*
 * SPEC §2.4. The password is looked at as typed: nothing is trimmed,
 * folded or cut, because what is hashed is exactly what was typed.
 * Personal values shorter than this are ignored: no ID number, phone
 * or user name is, and a stray one-letter value must not refuse every
 * password that contains that letter.
 */
#define PERSONAL_MIN_LENGTH 4

G_DEFINE_QUARK (cst-password-error-quark, cst_password_error)

typedef enum {
  CLASS_LOWER  = 1 << 0,
  CLASS_UPPER  = 1 << 1,
  CLASS_LETTER = 1 << 2,  /* letters without case: 汉字, kana … */
  CLASS_DIGIT  = 1 << 3,
  CLASS_SYMBOL = 1 << 4,
} CharClass;

static CharClass
classify_char (gunichar c)
{
  if (g_unichar_isdigit (c))
    return CLASS_DIGIT;
  if (g_unichar_islower (c))
    return CLASS_LOWER;
  if (g_unichar_isupper (c) || g_unichar_istitle (c))
    return CLASS_UPPER;
  if (g_unichar_isalpha (c))
    return CLASS_LETTER;
  return CLASS_SYMBOL;
}

static inline gboolean
is_allowed_char (gunichar c)
{
  /* ZERO WIDTH JOINER holds emoji sequences together; every other format
   * character (bidi controls, zero-width spaces) hides what was typed.
   * Private-use characters look different, or like nothing, on another
   * machine's fonts and input methods: a password made with one could
   * not be typed again there. */
  if (c == 0x200D)
    return TRUE;

  return g_unichar_isprint (c) && g_unichar_type (c) != G_UNICODE_PRIVATE_USE;
}

/*
 * How many characters an attacker's guesser has to get right: a character
 * that repeats the one before, or continues a run by one code point
 * (abcd, 4321), adds nothing to the guess.
 */
static guint
count_effective_chars (const char *password)
{
  gunichar prev = 0;
  gint prev_step = 0;
  guint n = 0;

  for (const char *p = password; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      gint step = (gint) c - (gint) prev;

      /* the first two characters of a run count, the rest do not */
      if (prev == 0 || (step != 0 && !((step == 1 || step == -1) && step == prev_step)))
        n++;

      prev_step = step;
      prev = c;
    }

  return n;
}

/*
 * The strength meter: an estimate of the bits a brute-force guesser
 * needs, effective length × log2 of the alphabet the classes used span
 * (26 lower, 26 upper, 10 digits, 33 symbols, and a generous 100 for
 * letters without case). Below 40 bits is weak, below 60 medium, from 60
 * strong: 8 random lower-case letters and digits are medium, 10 random
 * characters of all four ASCII classes strong, "abc12345" weak. A password
 * that breaks any rule is weak whatever it scores.
 */
static CstPasswordStrength
estimate_strength (const char *password,
                   CharClass   classes)
{
  double pool = 0;
  double bits;

  if (classes & CLASS_LOWER)
    pool += 26;
  if (classes & CLASS_UPPER)
    pool += 26;
  if (classes & CLASS_DIGIT)
    pool += 10;
  if (classes & CLASS_SYMBOL)
    pool += 33;
  if (classes & CLASS_LETTER)
    pool += 100;

  if (pool < 2)
    return CST_PASSWORD_STRENGTH_WEAK;

  bits = count_effective_chars (password) * log2 (pool);

  if (bits < 40)
    return CST_PASSWORD_STRENGTH_WEAK;
  if (bits < 60)
    return CST_PASSWORD_STRENGTH_MEDIUM;
  return CST_PASSWORD_STRENGTH_STRONG;
}

static gboolean
contains_personal (const char         *folded_password,
                   const char * const *personal)
{
  if (personal == NULL)
    return FALSE;

  for (guint i = 0; personal[i] != NULL; i++)
    {
      g_autofree char *compact = cst_normalize_compact (personal[i]);
      g_autofree char *folded = NULL;

      if (compact == NULL || g_utf8_strlen (compact, -1) < PERSONAL_MIN_LENGTH)
        continue;

      folded = g_utf8_casefold (compact, -1);

      if (strstr (folded_password, folded) != NULL)
        return TRUE;
    }

  return FALSE;
}

CstPasswordRule
cst_password_policy_check (const char          *password,
                           const char * const  *personal,
                           CstPasswordStrength *strength)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  CstPasswordRule broken = 0;
  CharClass classes = 0;
  guint n_kinds = 0;
  glong n_chars = 0;

  if (password == NULL)
    password = "";

  if (!g_utf8_validate (password, -1, NULL))
    {
      broken |= CST_PASSWORD_RULE_PRINTABLE;
      password = valid = g_utf8_make_valid (password, -1);
    }

  for (const char *p = password; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_allowed_char (c))
        broken |= CST_PASSWORD_RULE_PRINTABLE;

      classes |= classify_char (c);
      n_chars++;
    }

  if (n_chars < CST_PASSWORD_MIN_LENGTH || n_chars > CST_PASSWORD_MAX_LENGTH)
    broken |= CST_PASSWORD_RULE_LENGTH;

  if (classes & (CLASS_LOWER | CLASS_UPPER | CLASS_LETTER))
    n_kinds++;
  if (classes & CLASS_DIGIT)
    n_kinds++;
  if (classes & CLASS_SYMBOL)
    n_kinds++;

  if (n_kinds < 2)
    broken |= CST_PASSWORD_RULE_CLASSES;

  folded = g_utf8_casefold (password, -1);

  if (contains_personal (folded, personal))
    broken |= CST_PASSWORD_RULE_NO_PERSONAL;

  if (cst_password_is_common (password))
    broken |= CST_PASSWORD_RULE_NOT_COMMON;

  if (strength != NULL)
    {
      if (broken != 0)
        *strength = CST_PASSWORD_STRENGTH_WEAK;
      else
        *strength = estimate_strength (password, classes);
    }

  return broken;
}

gboolean
cst_password_policy_validate (const char          *password,
                              const char * const  *personal,
                              GError             **error)
{
  CstPasswordRule broken = cst_password_policy_check (password, personal, NULL);
  CstPasswordRule first;

  if (broken == 0)
    return TRUE;

  /* The lowest bit: the order the checklist shows the rules in. */
  first = broken & -broken;

  g_set_error_literal (error, CST_PASSWORD_ERROR, first, cst_password_rule_get_reason (first));

  return FALSE;
}

const char *
cst_password_rule_get_label (CstPasswordRule rule)
{
  switch (rule)
    {
    case CST_PASSWORD_RULE_LENGTH:
      return _("8 to 64 characters");

    case CST_PASSWORD_RULE_CLASSES:
      return _("At least two of letters, digits and symbols");

    case CST_PASSWORD_RULE_NO_PERSONAL:
      return _("Not your ID number, phone number or user name");

    case CST_PASSWORD_RULE_NOT_COMMON:
      return _("Not a commonly used password");

    case CST_PASSWORD_RULE_PRINTABLE:
      return _("No invisible or control characters");

    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cst_password_rule_get_reason (CstPasswordRule rule)
{
  switch (rule)
    {
    case CST_PASSWORD_RULE_LENGTH:
      return _("The password must be 8 to 64 characters long");

    case CST_PASSWORD_RULE_CLASSES:
      return _("The password must contain at least two of letters, digits and symbols");

    case CST_PASSWORD_RULE_NO_PERSONAL:
      return _("The password must not contain your ID number, phone number or user name");

    case CST_PASSWORD_RULE_NOT_COMMON:
      return _("This password is too common and easy to guess; choose another one");

    case CST_PASSWORD_RULE_PRINTABLE:
      return _("The password contains invisible or control characters");

    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cst_password_strength_get_label (CstPasswordStrength strength)
{
  switch (strength)
    {
    case CST_PASSWORD_STRENGTH_WEAK:
      /* Translators: password strength */
      return C_("password strength", "Weak");

    case CST_PASSWORD_STRENGTH_MEDIUM:
      /* Translators: password strength */
      return C_("password strength", "Medium");

    case CST_PASSWORD_STRENGTH_STRONG:
      /* Translators: password strength */
      return C_("password strength", "Strong");

    default:
      g_return_val_if_reached (NULL);
    }
}
