/* fuzz-account.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-account"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-fuzz.h"

/*
 * cst_classify_account(): the personal login field takes an ID number, a
 * phone number or a user name (SPEC §1.3), and the service looks the
 * account up by what it is. A wrong answer logs someone into, or locks,
 * the wrong account.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cst_fuzz_init ();
  return 0;
}

/* The ID types an account can be, in the order they are tried. */
static gboolean
is_id (const char  *input,
       char       **normalized)
{
  for (guint type = 0; type < CST_N_ID_TYPES; type++)
    {
      if (cst_validate_id ((CstIdType) type, input, NULL, normalized, NULL))
        return TRUE;
    }

  return FALSE;
}

static void
check_same (const char     *variant,
            CstAccountKind  kind,
            const char     *normalized,
            const char     *how)
{
  g_autofree char *other = NULL;
  CstAccountKind other_kind = cst_classify_account (variant, &other);

  if (other_kind != kind || g_strcmp0 (other, normalized) != 0)
    {
      g_autofree char *escaped = cst_fuzz_escape (variant);

      CST_FUZZ_CHECK (FALSE, "%s \"%s\" is %d \"%s\", the original %d \"%s\"",
                      how, escaped, other_kind, other, kind, normalized);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = cst_fuzz_string (data, size);
  g_autofree char *normalized = NULL;
  g_autofree char *expected = NULL;
  CstAccountKind kind;

  kind = cst_classify_account (input, &normalized);

  CST_FUZZ_CHECK (kind >= CST_ACCOUNT_KIND_INVALID && kind <= CST_ACCOUNT_KIND_USERNAME,
                  "kind %d", kind);
  CST_FUZZ_CHECK ((kind == CST_ACCOUNT_KIND_INVALID) == (normalized == NULL),
                  "kind %d with normalised \"%s\"", kind, normalized);
  CST_FUZZ_CHECK (cst_classify_account (input, NULL) == kind, "kind depends on the out arg");

  /* The kind is the first validator, in lookup order, that takes it, and
   * the account is that validator's canonical form. */
  if (cst_validate_phone (input, &expected, NULL))
    CST_FUZZ_CHECK (kind == CST_ACCOUNT_KIND_PHONE, "a phone number classified as %d", kind);
  else if (is_id (input, &expected))
    CST_FUZZ_CHECK (kind == CST_ACCOUNT_KIND_ID_NUMBER, "an ID number classified as %d", kind);
  else if (cst_validate_username (input, &expected, NULL))
    CST_FUZZ_CHECK (kind == CST_ACCOUNT_KIND_USERNAME, "a user name classified as %d", kind);
  else
    CST_FUZZ_CHECK (kind == CST_ACCOUNT_KIND_INVALID, "nothing valid classified as %d", kind);

  CST_FUZZ_CHECK (g_strcmp0 (normalized, expected) == 0, "normalised \"%s\", expected \"%s\"",
                  normalized, expected);

  if (normalized != NULL)
    {
      cst_fuzz_check_utf8 (normalized, "the account");
      /* What the service stores is found again by itself. */
      check_same (normalized, kind, normalized, "the canonical form");
    }

  if (g_utf8_validate (input, -1, NULL))
    {
      g_autofree char *wide = cst_fuzz_widen (input);
      g_autofree char *padded = cst_fuzz_pad (input);

      check_same (wide, kind, normalized, "full-width");
      check_same (padded, kind, normalized, "padded");

      /* The case of an ID number's letters (x) does not matter; a user
       * name keeps its case but stays a user name. */
      if (kind != CST_ACCOUNT_KIND_USERNAME)
        {
          g_autofree char *swapped = cst_fuzz_ascii_swapcase (input);

          check_same (swapped, kind, normalized, "case-swapped");
        }
    }

  return 0;
}
