/* test-normalize.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-normalize"

#include "config.h"

#include "cst-core.h"

typedef char *(*NormalizeFunc) (const char *);

static void
assert_normalizes (NormalizeFunc  func,
                   const char    *input,
                   const char    *expected)
{
  g_autofree char *out = func (input);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_text (void)
{
  assert_normalizes (cst_normalize_text, "  abc  ", "abc");
  /* ideographic space, tabs and new lines at both ends */
  assert_normalizes (cst_normalize_text, "\u3000\t张三\n\u3000", "张三");
  /* invisible marks pasted from web pages */
  assert_normalizes (cst_normalize_text, "\ufeff\u200b123\u200b", "123");
  /* inner space stays; an inner U+3000 becomes a space */
  assert_normalizes (cst_normalize_text, "a b\u3000c", "a b c");
  /* full-width ASCII: digits, letters, punctuation, both ends of the block */
  assert_normalizes (cst_normalize_text, "１２３ＡＢＣａｂｃ", "123ABCabc");
  assert_normalizes (cst_normalize_text, "\uff01\uff5e\uff0b\uff0d", "!~+-");
  /* just outside the block, and other scripts: untouched */
  assert_normalizes (cst_normalize_text, "\uff00\uff5f张·三", "\uff00\uff5f张·三");
  assert_normalizes (cst_normalize_text, "x", "x");
  assert_normalizes (cst_normalize_text, "", "");
  assert_normalizes (cst_normalize_text, " \u3000 ", "");
  assert_normalizes (cst_normalize_text, NULL, "");
  /* invalid UTF-8 gives NULL */
  assert_normalizes (cst_normalize_text, "abc\xff", NULL);
  assert_normalizes (cst_normalize_text, "\xc0\x80", NULL);
  assert_normalizes (cst_normalize_text, "\xed\xa0\x80", NULL);
}

static void
test_code (void)
{
  assert_normalizes (cst_normalize_code, " 11010519491231002x ", "11010519491231002X");
  assert_normalizes (cst_normalize_code, "９１ｍａ", "91MA");
  /* only ASCII is upper-cased */
  assert_normalizes (cst_normalize_code, "é张x", "é张X");
  assert_normalizes (cst_normalize_code, "a b", "A B");
  assert_normalizes (cst_normalize_code, NULL, "");
  assert_normalizes (cst_normalize_code, "\xff", NULL);
}

static void
test_compact (void)
{
  assert_normalizes (cst_normalize_compact, " 110105 1949\u30001231\t002x ", "11010519491231002x");
  assert_normalizes (cst_normalize_compact, "１２３ ４５６", "123456");
  assert_normalizes (cst_normalize_compact, "a-b", "a-b");
  assert_normalizes (cst_normalize_compact, NULL, "");
  assert_normalizes (cst_normalize_compact, "1 \xff", NULL);
}

static void
test_phone (void)
{
  assert_normalizes (cst_normalize_phone, "138 1234 5678", "13812345678");
  assert_normalizes (cst_normalize_phone, "138-1234-5678", "13812345678");
  assert_normalizes (cst_normalize_phone, "138\u20141234\u20135678", "13812345678");
  assert_normalizes (cst_normalize_phone, "+86 138 1234 5678", "13812345678");
  assert_normalizes (cst_normalize_phone, "+86-13812345678", "13812345678");
  assert_normalizes (cst_normalize_phone, "0086 13812345678", "13812345678");
  assert_normalizes (cst_normalize_phone, "8613812345678", "13812345678");
  assert_normalizes (cst_normalize_phone, "＋８６１３８１２３４５６７８", "13812345678");
  /* 86 is a country code only when 11 digits follow */
  assert_normalizes (cst_normalize_phone, "86123", "86123");
  assert_normalizes (cst_normalize_phone, "861381234567", "861381234567");
  /* what is not a phone number stays for the validator to refuse */
  assert_normalizes (cst_normalize_phone, "138 abc", "138abc");
  assert_normalizes (cst_normalize_phone, "", "");
  assert_normalizes (cst_normalize_phone, NULL, "");
  assert_normalizes (cst_normalize_phone, "138\xff", NULL);
}

static void
test_huge (void)
{
  g_autofree char *huge = g_strnfill (4 << 20, ' ');
  g_autofree char *out = NULL;

  huge[2 << 20] = '7';
  out = cst_normalize_text (huge);
  g_assert_cmpstr (out, ==, "7");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cst/Normalize/text", test_text);
  g_test_add_func ("/Cst/Normalize/code", test_code);
  g_test_add_func ("/Cst/Normalize/compact", test_compact);
  g_test_add_func ("/Cst/Normalize/phone", test_phone);
  g_test_add_func ("/Cst/Normalize/huge", test_huge);

  return g_test_run ();
}
