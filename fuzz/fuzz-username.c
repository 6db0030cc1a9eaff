/* fuzz-username.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-username"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-fuzz.h"

/*
 * The login alias of SPEC §2.3: 4–20 letters, digits and underscores, not
 * all digits, so that it never collides with a phone or an ID number.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cst_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = cst_fuzz_string (data, size);
  g_autofree char *normalized = NULL;
  gboolean ok;

  ok = cst_validate_username (input, &normalized, &error);
  cst_fuzz_check_result (ok, normalized, error, CST_VALIDATION_ERROR,
                         CST_VALIDATION_ERROR_ALL_DIGITS, "cst_validate_username");
  CST_FUZZ_CHECK (cst_validate_username (input, NULL, NULL) == ok, "verdict depends on out args");

  if (g_utf8_validate (input, -1, NULL))
    {
      g_autofree char *wide = cst_fuzz_widen (input);
      g_autofree char *padded = cst_fuzz_pad (input);
      g_autofree char *swapped = cst_fuzz_ascii_swapcase (input);
      g_autofree char *other = NULL;
      gboolean other_ok;

      other_ok = cst_validate_username (wide, &other, NULL);
      CST_FUZZ_CHECK (other_ok == ok && g_strcmp0 (other, normalized) == 0,
                      "full-width: %d \"%s\", the original %d \"%s\"", other_ok, other, ok, normalized);
      g_clear_pointer (&other, g_free);

      other_ok = cst_validate_username (padded, &other, NULL);
      CST_FUZZ_CHECK (other_ok == ok && g_strcmp0 (other, normalized) == 0,
                      "padded: %d \"%s\", the original %d \"%s\"", other_ok, other, ok, normalized);

      /* Case is kept, but does not change whether a name is allowed. */
      CST_FUZZ_CHECK (cst_validate_username (swapped, NULL, NULL) == ok, "case-swapped: %d", !ok);
    }

  if (!ok)
    return 0;

  {
    gsize len = strlen (normalized);
    g_autofree char *again = NULL;
    g_autofree char *account = NULL;
    CstAccountKind kind;

    CST_FUZZ_CHECK (len >= 4 && len <= 20, "\"%s\" has %" G_GSIZE_FORMAT " chars", normalized, len);
    for (gsize i = 0; i < len; i++)
      CST_FUZZ_CHECK (g_ascii_isalnum (normalized[i]) || normalized[i] == '_',
                      "\"%s\" holds '%c'", normalized, normalized[i]);
    CST_FUZZ_CHECK (!cst_fuzz_is_ascii_digits (normalized, -1), "\"%s\" is all digits", normalized);

    CST_FUZZ_CHECK (cst_validate_username (normalized, &again, NULL) && g_str_equal (again, normalized),
                    "\"%s\" does not re-validate to itself", normalized);

    /* Never taken for a phone or a document at login. */
    CST_FUZZ_CHECK (!cst_validate_phone (normalized, NULL, NULL), "\"%s\" is a phone", normalized);
    for (guint type = 0; type < CST_N_ID_TYPES; type++)
      CST_FUZZ_CHECK (!cst_validate_id ((CstIdType) type, normalized, NULL, NULL, NULL),
                      "user name \"%s\" is also an ID number of type %u", normalized, type);

    kind = cst_classify_account (input, &account);
    CST_FUZZ_CHECK (kind == CST_ACCOUNT_KIND_USERNAME && g_strcmp0 (account, normalized) == 0,
                    "user name \"%s\" classified as %d \"%s\"", normalized, kind, account);
  }

  return 0;
}
