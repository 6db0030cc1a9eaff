/* cst-mask.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-mask"

#include "config.h"

#include <string.h>

#include "cst-mask.h"
#include "cst-normalize.h"
#include "cst-validate.h"

/*
 * Keeps the first @head and last @tail characters of @text and stars the
 * rest, one star per character. A value too short to hide at least 4
 * characters that way keeps less, so that at least half of it is hidden:
 * masking must never give a short value away nearly whole.
 */
static char *
mask_keep (const char *text,
           guint       head,
           guint       tail)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;
  glong n_chars;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  n_chars = g_utf8_strlen (text, -1);

  while (head + tail > 0 && (glong) (head + tail) + 4 > n_chars &&
         (glong) (head + tail) * 2 > n_chars)
    {
      if (head >= tail)
        head--;
      else
        tail--;
    }

  out = g_string_sized_new (strlen (text));
  p = text;

  for (glong i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
    {
      if (i < (glong) head || i >= n_chars - (glong) tail)
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else
        g_string_append_c (out, '*');
    }

  return g_string_free (out, FALSE);
}

char *
cst_mask_phone (const char *phone)
{
  g_autofree char *normalized = NULL;

  if (phone == NULL)
    return NULL;

  normalized = cst_normalize_phone (phone);

  return mask_keep (normalized != NULL ? normalized : phone, 3, 4);
}

char *
cst_mask_id_number (const char *id)
{
  g_autofree char *normalized = NULL;

  if (id == NULL)
    return NULL;

  normalized = cst_normalize_code (id);

  return mask_keep (normalized != NULL ? normalized : id, 4, 4);
}

/*
 * The surname is what stays visible (SPEC §2.5: 张* / 欧阳**). Nearly all
 * surnames are one character; these two-character ones are common enough
 * that cutting them in half would look wrong to their bearers.
 */
static const char * const compound_surnames[] = {
  "万俟", "上官", "东方", "东郭", "乐正", "亓官", "仲孙", "令狐", "公冶", "公孙",
  "公羊", "公西", "单于", "南宫", "呼延", "司寇", "司徒", "司空", "司马", "夏侯",
  "太叔", "宇文", "宗政", "尉迟", "左丘", "巫马", "慕容", "拓跋", "长孙", "欧阳",
  "淳于", "澹台", "濮阳", "申屠", "百里", "皇甫", "第五", "端木", "公良", "诸葛",
  "谷梁", "赫连", "轩辕", "钟离", "闻人", "闾丘", "鲜于", "西门", "独孤", "段干",
};

static guint
surname_length (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
    {
      if (g_str_has_prefix (name, compound_surnames[i]))
        return 2;
    }

  return 1;
}

char *
cst_mask_name (const char *name)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;
  guint keep;
  glong n_chars;

  if (name == NULL)
    return NULL;

  if (!g_utf8_validate (name, -1, NULL))
    name = valid = g_utf8_make_valid (name, -1);

  n_chars = g_utf8_strlen (name, -1);
  keep = surname_length (name);

  /* 欧阳 alone is a given name more than a surname: keep one. */
  if (n_chars <= (glong) keep)
    keep = n_chars > 1 ? 1 : 0;

  out = g_string_sized_new (strlen (name));
  p = name;

  for (glong i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
    {
      if (i < (glong) keep)
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else
        g_string_append_c (out, '*');
    }

  return g_string_free (out, FALSE);
}

char *
cst_mask_account (const char *account)
{
  g_autofree char *normalized = NULL;
  g_autofree char *text = NULL;

  if (account == NULL)
    return NULL;

  switch (cst_classify_account (account, &normalized))
    {
    case CST_ACCOUNT_KIND_PHONE:
      return mask_keep (normalized, 3, 4);

    case CST_ACCOUNT_KIND_ID_NUMBER:
      return mask_keep (normalized, 4, 4);

    case CST_ACCOUNT_KIND_USERNAME:
      return mask_keep (normalized, 1, 1);

    case CST_ACCOUNT_KIND_INVALID:
    default:
      text = cst_normalize_text (account);
      return mask_keep (text != NULL ? text : account, 1, 1);
    }
}
