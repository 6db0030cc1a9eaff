/* fuzz-phone.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-phone"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-fuzz.h"

/* The mobile number of SPEC §2.3: 1[3-9] + 9 digits, +86 / 0086, spaces
 * and dashes accepted and stripped. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cst_fuzz_init ();
  return 0;
}

static void
check_same (const char *variant,
            gboolean    ok,
            const char *normalized,
            const char *how)
{
  g_autofree char *other = NULL;
  gboolean other_ok = cst_validate_phone (variant, &other, NULL);

  if (other_ok != ok || g_strcmp0 (other, normalized) != 0)
    {
      g_autofree char *escaped = cst_fuzz_escape (variant);

      CST_FUZZ_CHECK (FALSE, "%s \"%s\" gives %d \"%s\", the original %d \"%s\"",
                      how, escaped, other_ok, other, ok, normalized);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = cst_fuzz_string (data, size);
  g_autofree char *normalized = NULL;
  gboolean ok;

  ok = cst_validate_phone (input, &normalized, &error);
  cst_fuzz_check_result (ok, normalized, error, CST_VALIDATION_ERROR,
                         CST_VALIDATION_ERROR_ALL_DIGITS, "cst_validate_phone");
  CST_FUZZ_CHECK (cst_validate_phone (input, NULL, NULL) == ok, "verdict depends on out args");

  if (g_utf8_validate (input, -1, NULL))
    {
      g_autofree char *wide = cst_fuzz_widen (input);
      g_autofree char *padded = cst_fuzz_pad (input);

      check_same (wide, ok, normalized, "full-width");
      check_same (padded, ok, normalized, "padded");
    }

  if (!ok)
    return 0;

  /* SPEC §2.3 */
  CST_FUZZ_CHECK (strlen (normalized) == 11 && cst_fuzz_is_ascii_digits (normalized, 11) &&
                  normalized[0] == '1' && normalized[1] >= '3' && normalized[1] <= '9',
                  "\"%s\" is no mobile number", normalized);

  /* The validator's canonical form is the normaliser's. */
  {
    g_autofree char *phone = cst_normalize_phone (input);

    CST_FUZZ_CHECK (g_strcmp0 (phone, normalized) == 0,
                    "cst_normalize_phone gives \"%s\", the validator \"%s\"", phone, normalized);
  }

  /* The ways people write the same number (SPEC §2.3). */
  {
    g_autofree char *plus = g_strconcat ("+86 ", normalized, NULL);
    g_autofree char *zeros = g_strconcat ("0086", normalized, NULL);
    g_autofree char *bare = g_strconcat ("86", normalized, NULL);
    g_autofree char *grouped = g_strdup_printf ("%.3s-%.4s-%.4s", normalized,
                                                normalized + 3, normalized + 7);
    g_autofree char *spaced = g_strdup_printf ("+86 %.3s %.4s %.4s", normalized,
                                               normalized + 3, normalized + 7);

    check_same (normalized, ok, normalized, "the canonical form");
    check_same (plus, ok, normalized, "with +86");
    check_same (zeros, ok, normalized, "with 0086");
    check_same (bare, ok, normalized, "with 86");
    check_same (grouped, ok, normalized, "with dashes");
    check_same (spaced, ok, normalized, "grouped with +86");
  }

  /* SPEC §2.5: 138****1234 */
  {
    g_autofree char *masked = cst_mask_phone (input);
    g_autofree char *expected = g_strdup_printf ("%.3s****%.4s", normalized, normalized + 7);

    CST_FUZZ_CHECK (g_strcmp0 (masked, expected) == 0, "\"%s\" masked as \"%s\"", normalized, masked);
  }

  /* A phone number is found as one at login. */
  {
    g_autofree char *account = NULL;

    CST_FUZZ_CHECK (cst_classify_account (input, &account) == CST_ACCOUNT_KIND_PHONE &&
                    g_strcmp0 (account, normalized) == 0,
                    "phone \"%s\" is not classified as a phone", normalized);
  }

  return 0;
}
