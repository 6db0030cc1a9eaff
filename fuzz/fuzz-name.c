/* fuzz-name.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-name"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-fuzz.h"

/*
 * The name of SPEC §2.3: 2–30 characters of CJK, letters and the middle
 * dot of minority and foreign names, no digits; and its mask (§2.5).
 */

#define MIDDLE_DOT 0x00B7

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cst_fuzz_init ();
  return 0;
}

static gboolean
is_number (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_DECIMAL_NUMBER || type == G_UNICODE_LETTER_NUMBER ||
         type == G_UNICODE_OTHER_NUMBER;
}

static void
check_name (const char *name)
{
  glong n_chars = g_utf8_strlen (name, -1);
  gunichar prev = 0;

  CST_FUZZ_CHECK (n_chars >= 2 && n_chars <= 30, "\"%s\" has %ld characters", name, n_chars);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* 〇 (U+3007) is a number by Unicode but a character of names */
      CST_FUZZ_CHECK (!is_number (c) || c == 0x3007, "\"%s\" holds the number U+%04X", name, c);
      CST_FUZZ_CHECK (g_unichar_isalpha (c) || g_unichar_ismark (c) || c == 0x3007 ||
                      c == MIDDLE_DOT || c == ' ',
                      "\"%s\" holds U+%04X, which is no letter, mark, space or ·", name, c);
      CST_FUZZ_CHECK (!(g_unichar_isspace (c) && c != ' '), "\"%s\" holds white space U+%04X", name, c);

      /* separators stand between two parts */
      if (c == MIDDLE_DOT || c == ' ')
        CST_FUZZ_CHECK (prev != 0 && prev != MIDDLE_DOT && prev != ' ',
                        "\"%s\": a separator at the start or after another", name);
      prev = c;
    }

  CST_FUZZ_CHECK (prev != MIDDLE_DOT && prev != ' ', "\"%s\" ends in a separator", name);
}

/* SPEC §2.5: the first character (or a compound surname) stays, every
 * other character is one star. */
static void
check_mask (const char *name)
{
  g_autofree char *masked = cst_mask_name (name);
  glong n_chars = g_utf8_strlen (name, -1);
  const char *p, *q;
  glong visible = 0;
  glong i = 0;

  CST_FUZZ_CHECK (masked != NULL, "no mask for \"%s\"", name);
  cst_fuzz_check_utf8 (masked, "the masked name");
  CST_FUZZ_CHECK (g_utf8_strlen (masked, -1) == n_chars, "\"%s\" masked as \"%s\"", name, masked);

  for (p = name, q = masked; *p != '\0'; p = g_utf8_next_char (p), q = g_utf8_next_char (q), i++)
    {
      if (g_utf8_get_char (q) == '*')
        continue;

      CST_FUZZ_CHECK (i < 2 && g_utf8_get_char (q) == g_utf8_get_char (p),
                      "\"%s\" masked as \"%s\" shows character %ld", name, masked, i);
      visible++;
    }

  CST_FUZZ_CHECK (visible < n_chars, "\"%s\" masked as \"%s\" shows it all", name, masked);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = cst_fuzz_string (data, size);
  g_autofree char *normalized = NULL;
  gboolean ok;

  ok = cst_validate_name (input, &normalized, &error);
  cst_fuzz_check_result (ok, normalized, error, CST_VALIDATION_ERROR,
                         CST_VALIDATION_ERROR_ALL_DIGITS, "cst_validate_name");
  CST_FUZZ_CHECK (cst_validate_name (input, NULL, NULL) == ok, "verdict depends on out args");

  /* Masking takes anything, invalid UTF-8 included, and hides it. */
  {
    g_autofree char *masked = cst_mask_name (input);
    g_autofree char *valid = g_utf8_make_valid (input, -1);

    CST_FUZZ_CHECK (masked != NULL, "no mask");
    cst_fuzz_check_utf8 (masked, "the masked name");
    if (valid[0] != '\0')
      check_mask (valid);
  }

  if (g_utf8_validate (input, -1, NULL))
    {
      g_autofree char *wide = cst_fuzz_widen (input);
      g_autofree char *padded = cst_fuzz_pad (input);
      const char *variants[] = { wide, padded };

      for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
        {
          g_autofree char *other = NULL;
          gboolean other_ok = cst_validate_name (variants[i], &other, NULL);

          CST_FUZZ_CHECK (other_ok == ok && g_strcmp0 (other, normalized) == 0,
                          "variant %u gives %d \"%s\", the original %d \"%s\"",
                          i, other_ok, other, ok, normalized);
        }
    }

  if (!ok)
    return 0;

  check_name (normalized);
  check_mask (normalized);

  {
    g_autofree char *again = NULL;

    CST_FUZZ_CHECK (cst_validate_name (normalized, &again, NULL) && g_str_equal (again, normalized),
                    "\"%s\" does not re-validate to itself (\"%s\")", normalized, again);
  }

  return 0;
}
