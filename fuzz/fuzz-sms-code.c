/* fuzz-sms-code.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-sms-code"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-fuzz.h"

/* The SMS code of SPEC §2.3: exactly 6 digits, as typed or pasted. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cst_fuzz_init ();
  return 0;
}

/* Spaces between every character: how a code is read out and typed. */
static char *
spread (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      g_string_append_c (out, ' ');
    }

  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = cst_fuzz_string (data, size);
  g_autofree char *normalized = NULL;
  g_autofree char *compact = NULL;
  gboolean ok;

  ok = cst_validate_sms_code (input, &normalized, &error);
  cst_fuzz_check_result (ok, normalized, error, CST_VALIDATION_ERROR,
                         CST_VALIDATION_ERROR_ALL_DIGITS, "cst_validate_sms_code");
  CST_FUZZ_CHECK (cst_validate_sms_code (input, NULL, NULL) == ok, "verdict depends on out args");

  /* Exactly the inputs that are 6 digits once white space is gone. */
  compact = cst_normalize_compact (input);
  CST_FUZZ_CHECK (ok == (compact != NULL && strlen (compact) == 6 &&
                         cst_fuzz_is_ascii_digits (compact, 6)),
                  "verdict %d for \"%s\"", ok, compact);

  if (ok)
    {
      g_autofree char *again = NULL;

      CST_FUZZ_CHECK (g_str_equal (normalized, compact), "\"%s\" normalised to \"%s\"", compact, normalized);
      CST_FUZZ_CHECK (cst_validate_sms_code (normalized, &again, NULL) && g_str_equal (again, normalized),
                      "\"%s\" does not re-validate to itself", normalized);
    }

  if (g_utf8_validate (input, -1, NULL))
    {
      g_autofree char *wide = cst_fuzz_widen (input);
      g_autofree char *padded = cst_fuzz_pad (input);
      g_autofree char *spread_out = spread (input);
      const char *variants[] = { wide, padded, spread_out };

      for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
        {
          g_autofree char *other = NULL;
          gboolean other_ok = cst_validate_sms_code (variants[i], &other, NULL);

          CST_FUZZ_CHECK (other_ok == ok && g_strcmp0 (other, normalized) == 0,
                          "variant %u gives %d \"%s\", the original %d \"%s\"",
                          i, other_ok, other, ok, normalized);
        }
    }

  return 0;
}
