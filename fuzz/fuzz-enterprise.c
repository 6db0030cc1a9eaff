/* fuzz-enterprise.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-enterprise"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-fuzz.h"

/*
 * The enterprise identifiers of SPEC §2.2: the unified social credit code,
 * the old taxpayer ID, and the enterprise tab's either-of-them.
 */

typedef gboolean (*Validator) (const char  *input,
                               char       **normalized,
                               GError     **error);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cst_fuzz_init ();
  return 0;
}

static gboolean
run (Validator    validate,
     const char  *input,
     char       **normalized,
     const char  *what)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = validate (input, normalized, &error);
  cst_fuzz_check_result (ok, *normalized, error, CST_VALIDATION_ERROR,
                         CST_VALIDATION_ERROR_ALL_DIGITS, what);
  CST_FUZZ_CHECK (validate (input, NULL, NULL) == ok, "%s: verdict depends on out args", what);

  if (ok)
    {
      g_autofree char *again = NULL;

      CST_FUZZ_CHECK (validate (*normalized, &again, NULL) && g_str_equal (again, *normalized),
                      "%s: \"%s\" does not re-validate to itself", what, *normalized);
    }

  if (g_utf8_validate (input, -1, NULL))
    {
      g_autofree char *wide = cst_fuzz_widen (input);
      g_autofree char *padded = cst_fuzz_pad (input);
      g_autofree char *swapped = cst_fuzz_ascii_swapcase (input);
      const char *how[] = { "full-width", "padded", "case-swapped" };
      const char *variants[] = { wide, padded, swapped };

      for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
        {
          g_autofree char *other = NULL;
          gboolean other_ok = validate (variants[i], &other, NULL);

          CST_FUZZ_CHECK (other_ok == ok && g_strcmp0 (other, *normalized) == 0,
                          "%s: the %s input gives %d \"%s\", the original %d \"%s\"",
                          what, how[i], other_ok, other, ok, *normalized);
        }
    }

  return ok;
}

static void
check_uscc (const char *code)
{
  CST_FUZZ_CHECK (strlen (code) == 18, "USCC \"%s\" is not 18 chars", code);

  for (guint i = 0; i < 18; i++)
    CST_FUZZ_CHECK (strchr (cst_fuzz_uscc_alphabet, code[i]) != NULL,
                    "USCC \"%s\": '%c' is not in the GB 32100 alphabet", code, code[i]);

  CST_FUZZ_CHECK (cst_fuzz_is_ascii_digits (code + 2, 6), "USCC \"%s\": 3–8 are not digits", code);
  CST_FUZZ_CHECK (cst_fuzz_ref_uscc_check (code) == code[17],
                  "USCC \"%s\" passed with a wrong check character", code);
  CST_FUZZ_CHECK (cst_uscc_check_character (code) == code[17], "cst_uscc_check_character");
}

static void
check_tin (const char *code)
{
  gsize len = strlen (code);

  CST_FUZZ_CHECK (len == 15 || len == 17 || len == 18 || len == 20,
                  "TIN \"%s\" has %" G_GSIZE_FORMAT " chars", code, len);

  for (gsize i = 0; i < len; i++)
    CST_FUZZ_CHECK (g_ascii_isdigit (code[i]) || g_ascii_isupper (code[i]), "TIN \"%s\"", code);

  CST_FUZZ_CHECK (cst_fuzz_is_ascii_digits (code, 6) && cst_fuzz_ref_is_province (code),
                  "TIN \"%s\" does not begin with a region code", code);

  if (len == 17)
    CST_FUZZ_CHECK (cst_fuzz_is_ascii_digits (code, 17), "TIN \"%s\"", code);

  /* 18 and 20 carry the owner's resident ID number, check char and all */
  if (len == 18 || len == 20)
    CST_FUZZ_CHECK (cst_fuzz_is_ascii_digits (code, 17) && code[17] == cst_fuzz_ref_mod11_2 (code) &&
                    cst_fuzz_is_ascii_digits (code + 18, len - 18),
                    "TIN \"%s\" does not hold an ID number", code);
}

/* With its check character recomputed, a code is refused only for
 * something else: this is how the fuzzer reaches valid codes. */
static void
check_repaired (const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  char repaired[19];

  if (strlen (code) < 17)
    return;

  memcpy (repaired, code, 17);
  repaired[17] = cst_fuzz_ref_uscc_check (repaired);
  repaired[18] = '\0';

  if (repaired[17] == '\0')
    return;

  if (cst_validate_uscc (repaired, &normalized, &error))
    {
      check_uscc (normalized);
      return;
    }

  CST_FUZZ_CHECK (g_error_matches (error, CST_VALIDATION_ERROR, CST_VALIDATION_ERROR_REGION) &&
                  !cst_fuzz_is_ascii_digits (repaired + 2, 6),
                  "\"%s\" refused: %s", repaired, error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = cst_fuzz_string (data, size);
  g_autofree char *uscc = NULL;
  g_autofree char *tin = NULL;
  g_autofree char *either = NULL;
  gboolean uscc_ok, tin_ok, either_ok;

  uscc_ok = run (cst_validate_uscc, input, &uscc, "cst_validate_uscc");
  tin_ok = run (cst_validate_tin, input, &tin, "cst_validate_tin");
  either_ok = run (cst_validate_enterprise_code, input, &either, "cst_validate_enterprise_code");

  if (uscc_ok)
    check_uscc (uscc);
  if (tin_ok)
    check_tin (tin);

  /* The enterprise tab takes exactly what one of the two takes, in the
   * same canonical form. */
  CST_FUZZ_CHECK (either_ok == (uscc_ok || tin_ok),
                  "enterprise code %d, but USCC %d and TIN %d", either_ok, uscc_ok, tin_ok);
  if (either_ok)
    CST_FUZZ_CHECK (g_strcmp0 (either, uscc_ok ? uscc : tin) == 0,
                    "enterprise code \"%s\", USCC \"%s\", TIN \"%s\"", either, uscc, tin);
  if (uscc_ok && tin_ok)
    CST_FUZZ_CHECK (g_str_equal (uscc, tin), "USCC \"%s\" and TIN \"%s\"", uscc, tin);

  if (g_utf8_validate (input, -1, NULL))
    {
      g_autofree char *code = cst_normalize_compact (input);

      for (char *p = code; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
      check_repaired (code);
    }

  /* The check functions answer for any 17 chars, never read past them. */
  if (size >= 17)
    {
      char c17[18];
      char check;

      memcpy (c17, data, 17);
      c17[17] = '\0';
      if (strlen (c17) == 17)
        {
          check = cst_uscc_check_character (c17);
          CST_FUZZ_CHECK (check == cst_fuzz_ref_uscc_check (c17), "cst_uscc_check_character");
          check = cst_id_check_character (c17);
          CST_FUZZ_CHECK (check == (cst_fuzz_is_ascii_digits (c17, 17) ? cst_fuzz_ref_mod11_2 (c17) : '\0'),
                          "cst_id_check_character");
        }
    }

  return 0;
}
