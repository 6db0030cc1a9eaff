/* fuzz-mask.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-mask"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-fuzz.h"

/*
 * The masks of SPEC §2.5, shown on the My page and in "验证码将发送至
 * 138****1234": each must show no more than its rule allows, whatever it
 * is given, and be text that a label can show.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cst_fuzz_init ();
  return 0;
}

/*
 * @masked shows @plain with at most the first @head and last @tail
 * characters visible, one '*' per hidden character. A number (@is_number)
 * never shows so much of a short value that less than 4 characters, or
 * less than half of it, is hidden; a name hides at least one character.
 */
static void
check_mask (const char *what,
            const char *plain,
            const char *masked,
            glong       head,
            glong       tail,
            gboolean    is_number)
{
  glong n_chars, visible = 0, i = 0;
  const char *p, *q;

  CST_FUZZ_CHECK (masked != NULL, "%s: no mask", what);
  cst_fuzz_check_utf8 (masked, what);

  n_chars = g_utf8_strlen (plain, -1);
  CST_FUZZ_CHECK (g_utf8_strlen (masked, -1) == n_chars,
                  "%s: \"%s\" (%ld characters) masked as \"%s\"", what, plain, n_chars, masked);

  for (p = plain, q = masked; *p != '\0'; p = g_utf8_next_char (p), q = g_utf8_next_char (q), i++)
    {
      gunichar shown = g_utf8_get_char (q);

      if (shown == '*')
        continue;

      CST_FUZZ_CHECK (shown == g_utf8_get_char (p), "%s: \"%s\" masked as \"%s\" changes character %ld",
                      what, plain, masked, i);
      CST_FUZZ_CHECK (i < head || i >= n_chars - tail, "%s: \"%s\" masked as \"%s\" shows character %ld",
                      what, plain, masked, i);
      visible++;
    }

  if (is_number)
    CST_FUZZ_CHECK (n_chars - visible >= 4 || visible * 2 <= n_chars,
                    "%s: \"%s\" masked as \"%s\" shows %ld of %ld characters",
                    what, plain, masked, visible, n_chars);
  else
    CST_FUZZ_CHECK (n_chars == 0 || visible < n_chars,
                    "%s: \"%s\" masked as itself", what, plain);
}

/* The text the mask is made of: the normal form, or for invalid UTF-8 what
 * a label would show of it. */
static char *
plain_text (char       *(*normalize) (const char *),
            const char   *input)
{
  char *ret = normalize (input);

  return ret != NULL ? ret : g_utf8_make_valid (input, -1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = cst_fuzz_string (data, size);
  g_autofree char *phone = cst_mask_phone (input);
  g_autofree char *id = cst_mask_id_number (input);
  g_autofree char *name = cst_mask_name (input);
  g_autofree char *account = cst_mask_account (input);
  g_autofree char *plain_phone = plain_text (cst_normalize_phone, input);
  g_autofree char *plain_id = plain_text (cst_normalize_code, input);
  g_autofree char *plain_name = g_utf8_make_valid (input, -1);
  g_autofree char *normalized = NULL;
  CstAccountKind kind;

  check_mask ("cst_mask_phone", plain_phone, phone, 3, 4, TRUE);
  check_mask ("cst_mask_id_number", plain_id, id, 4, 4, TRUE);
  /* a compound surname (欧阳) is the most a name shows */
  check_mask ("cst_mask_name", plain_name, name, 2, 0, FALSE);

  kind = cst_classify_account (input, &normalized);

  switch (kind)
    {
    case CST_ACCOUNT_KIND_PHONE:
      check_mask ("cst_mask_account", normalized, account, 3, 4, TRUE);
      CST_FUZZ_CHECK (g_str_equal (account, phone), "account mask \"%s\", phone mask \"%s\"",
                      account, phone);
      break;

    case CST_ACCOUNT_KIND_ID_NUMBER:
      check_mask ("cst_mask_account", normalized, account, 4, 4, TRUE);
      break;

    case CST_ACCOUNT_KIND_USERNAME:
      check_mask ("cst_mask_account", normalized, account, 1, 1, TRUE);
      break;

    case CST_ACCOUNT_KIND_INVALID:
    default:
      {
        g_autofree char *text = plain_text (cst_normalize_text, input);

        check_mask ("cst_mask_account", text, account, 1, 1, TRUE);
      }
      break;
    }

  /* The exact forms of SPEC §2.5 for valid values. */
  g_clear_pointer (&normalized, g_free);
  if (cst_validate_phone (input, &normalized, NULL))
    {
      g_autofree char *expected = g_strdup_printf ("%.3s****%.4s", normalized, normalized + 7);

      CST_FUZZ_CHECK (g_str_equal (phone, expected), "phone \"%s\" masked as \"%s\"", normalized, phone);
    }
  g_clear_pointer (&normalized, g_free);

  if (cst_validate_resident_id (input, cst_fuzz_today (), &normalized, NULL))
    {
      g_autofree char *masked = cst_mask_id_number (normalized);
      g_autofree char *expected = g_strdup_printf ("%.4s**********%.4s", normalized, normalized + 14);

      CST_FUZZ_CHECK (g_str_equal (masked, expected), "ID \"%s\" masked as \"%s\"", normalized, masked);
    }

  CST_FUZZ_CHECK (cst_mask_phone (NULL) == NULL && cst_mask_id_number (NULL) == NULL &&
                  cst_mask_name (NULL) == NULL && cst_mask_account (NULL) == NULL,
                  "NULL in is NULL out");

  return 0;
}
