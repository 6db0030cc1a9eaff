/* fuzz-normalize.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-normalize"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-fuzz.h"

/*
 * The four normalisers of cst-normalize.h, which every validator and the
 * service run first: what they return is what gets stored and compared.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cst_fuzz_init ();
  return 0;
}

/* What the header promises is trimmed: Unicode white space, and the
 * zero-width space and BOM that pasting brings along. */
static gboolean
is_trimmable (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63;
}

static void
check_folded_and_trimmed (const char *out,
                          const char *what)
{
  const char *last = NULL;

  cst_fuzz_check_utf8 (out, what);

  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      CST_FUZZ_CHECK (!(c >= 0xFF01 && c <= 0xFF5E) && c != 0x3000,
                      "%s left the full-width U+%04X", what, c);
      last = p;
    }

  if (last != NULL)
    {
      CST_FUZZ_CHECK (!is_trimmable (g_utf8_get_char (out)), "%s: leading space in \"%s\"", what, out);
      CST_FUZZ_CHECK (!is_trimmable (g_utf8_get_char (last)), "%s: trailing space in \"%s\"", what, out);
    }
}

typedef char *(*Normalizer) (const char *input);

static void
check_idempotent (Normalizer  normalize,
                  const char *out,
                  const char *what)
{
  g_autofree char *again = normalize (out);

  CST_FUZZ_CHECK (g_strcmp0 (again, out) == 0, "%s (\"%s\") is \"%s\"", what, out, again);
}

/* @s without the characters @drop says to leave out. */
static char *
filter (const char *s,
        gboolean  (*drop) (gunichar c))
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!drop (g_utf8_get_char (p)))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_space_or_dash (gunichar c)
{
  return is_trimmable (c) || is_dash (c);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = cst_fuzz_string (data, size);
  g_autofree char *text = cst_normalize_text (input);
  g_autofree char *code = cst_normalize_code (input);
  g_autofree char *compact = cst_normalize_compact (input);
  g_autofree char *phone = cst_normalize_phone (input);
  gboolean valid = g_utf8_validate (input, -1, NULL);

  /* Invalid UTF-8 is refused by all of them, anything else by none. */
  CST_FUZZ_CHECK ((text != NULL) == valid && (code != NULL) == valid &&
                  (compact != NULL) == valid && (phone != NULL) == valid,
                  "valid %d, but text %p code %p compact %p phone %p",
                  valid, text, code, compact, phone);

  if (!valid)
    return 0;

  check_folded_and_trimmed (text, "cst_normalize_text");
  check_folded_and_trimmed (code, "cst_normalize_code");
  check_folded_and_trimmed (compact, "cst_normalize_compact");
  check_folded_and_trimmed (phone, "cst_normalize_phone");

  check_idempotent (cst_normalize_text, text, "cst_normalize_text");
  check_idempotent (cst_normalize_code, code, "cst_normalize_code");
  check_idempotent (cst_normalize_compact, compact, "cst_normalize_compact");

  /* Nothing is added. */
  CST_FUZZ_CHECK (g_utf8_strlen (text, -1) <= g_utf8_strlen (input, -1), "text grew");

  /* The code form is the text form in ASCII capitals. */
  {
    g_autofree char *upper = g_ascii_strup (text, -1);

    CST_FUZZ_CHECK (g_str_equal (code, upper), "code \"%s\", text \"%s\"", code, text);
  }

  /* The compact form is the text form without any white space. */
  {
    g_autofree char *expected = filter (text, is_trimmable);

    CST_FUZZ_CHECK (g_str_equal (compact, expected), "compact \"%s\", expected \"%s\"",
                    compact, expected);
  }

  /* The phone form is the text form without spaces and dashes, and at
   * most one of the prefixes of SPEC §2.3 cut off. */
  {
    g_autofree char *stripped = filter (text, is_space_or_dash);
    gsize cut = strlen (stripped) - strlen (phone);

    CST_FUZZ_CHECK (strlen (stripped) >= strlen (phone) &&
                    g_str_equal (stripped + cut, phone) &&
                    (cut == 0 ||
                     (cut == 3 && g_str_has_prefix (stripped, "+86")) ||
                     (cut == 4 && g_str_has_prefix (stripped, "0086")) ||
                     (cut == 2 && g_str_has_prefix (stripped, "86") && strlen (phone) == 11)),
                    "phone \"%s\" from \"%s\"", phone, stripped);

    /* A mobile number is where the phone form is canonical (a prefix
     * cut off may leave another, which no valid number has). */
    if (strlen (phone) == 11 && cst_fuzz_is_ascii_digits (phone, 11) && phone[0] == '1')
      check_idempotent (cst_normalize_phone, phone, "cst_normalize_phone");
  }

  /* Full-width forms and the ideographic space mean their ASCII. */
  {
    g_autofree char *wide = cst_fuzz_widen (input);
    g_autofree char *wide_text = cst_normalize_text (wide);
    g_autofree char *wide_phone = cst_normalize_phone (wide);
    g_autofree char *padded = cst_fuzz_pad (input);
    g_autofree char *padded_text = cst_normalize_text (padded);

    CST_FUZZ_CHECK (g_strcmp0 (wide_text, text) == 0, "full-width text \"%s\", ASCII \"%s\"",
                    wide_text, text);
    CST_FUZZ_CHECK (g_strcmp0 (wide_phone, phone) == 0, "full-width phone \"%s\", ASCII \"%s\"",
                    wide_phone, phone);
    CST_FUZZ_CHECK (g_strcmp0 (padded_text, text) == 0, "padded text \"%s\", plain \"%s\"",
                    padded_text, text);
  }

  /* NULL is "" (the header says so). */
  {
    g_autofree char *null_text = cst_normalize_text (NULL);
    g_autofree char *null_phone = cst_normalize_phone (NULL);

    CST_FUZZ_CHECK (g_strcmp0 (null_text, "") == 0 && g_strcmp0 (null_phone, "") == 0, "NULL");
  }

  return 0;
}
