/* test-mask.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-mask"

#include "config.h"

#include <string.h>

#include "cst-core.h"

typedef char *(*MaskFunc) (const char *);

static void
assert_masks (MaskFunc    func,
              const char *input,
              const char *expected)
{
  g_autofree char *out = func (input);

  g_assert_cmpstr (out, ==, expected);
  if (out != NULL)
    g_assert_true (g_utf8_validate (out, -1, NULL));
}

static void
test_phone (void)
{
  assert_masks (cst_mask_phone, "13812341234", "138****1234");
  assert_masks (cst_mask_phone, "+86 138-1234-5678", "138****5678");
  assert_masks (cst_mask_phone, NULL, NULL);
}

static void
test_id_number (void)
{
  assert_masks (cst_mask_id_number, "420106199001011234", "4201**********1234");
  assert_masks (cst_mask_id_number, "11010519491231002x", "1101**********002X");
  assert_masks (cst_mask_id_number, "E12345678", "E1****678");
  assert_masks (cst_mask_id_number, NULL, NULL);
}

static void
test_name (void)
{
  assert_masks (cst_mask_name, "张三", "张*");
  assert_masks (cst_mask_name, "张三丰", "张**");
  /* two-character surnames stay whole */
  assert_masks (cst_mask_name, "欧阳娜娜", "欧阳**");
  assert_masks (cst_mask_name, "诸葛亮", "诸葛*");
  assert_masks (cst_mask_name, "欧阳", "欧*");
  assert_masks (cst_mask_name, "阿卜杜·热合曼", "阿******");
  assert_masks (cst_mask_name, "JOHN SMITH", "J*********");
  /* a character outside the BMP is one character */
  assert_masks (cst_mask_name, "\U00020000\U00020001", "\U00020000*");
  assert_masks (cst_mask_name, "张", "*");
  assert_masks (cst_mask_name, "", "");
  assert_masks (cst_mask_name, NULL, NULL);
}

static void
test_account (void)
{
  assert_masks (cst_mask_account, "13812341234", "138****1234");
  assert_masks (cst_mask_account, "11010519491231002x", "1101**********002X");
  assert_masks (cst_mask_account, "420106900101123", "4201**********1231");
  assert_masks (cst_mask_account, "taxuser", "t*****r");
  assert_masks (cst_mask_account, "abcd", "a**d");
  assert_masks (cst_mask_account, NULL, NULL);
}

/* Whatever goes in, what comes out is valid UTF-8 and hides at least
 * 4 characters, or half of a value too short for that. */
static void
test_never_reveals (void)
{
  static const char * const inputs[] = {
    "1", "12", "123", "1234", "12345", "123456", "1234567", "abc\xff\xfe", "\xff",
    "\xe5\xbc\xa0\xe4\xb8", "😀😀😀😀", "\u202e13812341234", "13812341234",
    "420106199001011234", "E12345678",
  };
  static const MaskFunc funcs[] = { cst_mask_phone, cst_mask_id_number, cst_mask_name, cst_mask_account };

  for (guint f = 0; f < G_N_ELEMENTS (funcs); f++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
        {
          g_autofree char *out = funcs[f] (inputs[i]);
          g_autofree char *escaped = g_strescape (inputs[i], NULL);
          glong n_chars, n_stars = 0;

          g_assert_nonnull (out);
          g_assert_true (g_utf8_validate (out, -1, NULL));

          n_chars = g_utf8_strlen (out, -1);
          for (const char *p = out; *p != '\0'; p++)
            n_stars += *p == '*';

          g_test_message ("%u %s → %s", f, escaped, out);
          g_assert_true (n_stars >= 4 || n_stars * 2 >= n_chars);
        }
    }
}

static void
test_any_bytes (void)
{
  static const MaskFunc funcs[] = { cst_mask_phone, cst_mask_id_number, cst_mask_name, cst_mask_account };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);

  for (guint i = 0; i < 2000; i++)
    {
      char buf[40];
      guint len = g_rand_int_range (rand, 0, sizeof buf);

      for (guint j = 0; j < len; j++)
        buf[j] = (char) g_rand_int_range (rand, 1, 256);
      buf[len] = '\0';

      for (guint f = 0; f < G_N_ELEMENTS (funcs); f++)
        {
          g_autofree char *out = funcs[f] (buf);

          g_assert_nonnull (out);
          g_assert_true (g_utf8_validate (out, -1, NULL));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cst/Mask/phone", test_phone);
  g_test_add_func ("/Cst/Mask/id-number", test_id_number);
  g_test_add_func ("/Cst/Mask/name", test_name);
  g_test_add_func ("/Cst/Mask/account", test_account);
  g_test_add_func ("/Cst/Mask/never-reveals", test_never_reveals);
  g_test_add_func ("/Cst/Mask/any-bytes", test_any_bytes);

  return g_test_run ();
}
