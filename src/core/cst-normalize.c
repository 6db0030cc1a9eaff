/* cst-normalize.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-normalize"

#include "config.h"

#include <string.h>

#include "cst-normalize.h"

/*
 * What people paste into an ID or phone field carries more than white
 * space at its ends: web pages and chat apps add zero-width spaces and
 * byte order marks. They are invisible, so trimming them is what the user
 * expects; inside a value they are left for the validators to refuse.
 */
static inline gboolean
is_trimmable (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* Full-width forms (U+FF01–U+FF5E) map to ASCII by a fixed offset. */
static inline gunichar
fold_width (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFF01 + 0x21;
  if (c == 0x3000)
    return ' ';
  return c;
}

static inline gboolean
is_dash (gunichar c)
{
  /* hyphen-minus, hyphen … horizontal bar, minus sign, small hyphen-minus */
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63;
}

typedef enum {
  DROP_NONE   = 0,
  DROP_SPACES = 1 << 0,
  DROP_DASHES = 1 << 1,
} DropFlags;

/*
 * The one pass behind every normaliser: validate, trim, fold widths, and
 * optionally drop inner spaces and dashes. ASCII, which is nearly all
 * input, takes the short path without decoding.
 */
static char *
normalize (const char *input,
           DropFlags   drop)
{
  GString *out;
  const char *p;
  gsize keep = 0;

  if (input == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (input, -1, NULL))
    return NULL;

  out = g_string_sized_new (strlen (input));

  for (p = input; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        c = (guchar) *p;
      else
        c = fold_width (g_utf8_get_char (p));

      if (is_trimmable (c))
        {
          /* Leading space and, with DROP_SPACES, all space is dropped;
           * otherwise it is kept for now and cut off if nothing follows. */
          if (out->len == 0 || (drop & DROP_SPACES) != 0)
            continue;
        }
      else if ((drop & DROP_DASHES) != 0 && is_dash (c))
        {
          continue;
        }

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);

      if (!is_trimmable (c))
        keep = out->len;
    }

  g_string_truncate (out, keep);

  return g_string_free (out, FALSE);
}

char *
cst_normalize_text (const char *input)
{
  return normalize (input, DROP_NONE);
}

char *
cst_normalize_code (const char *input)
{
  char *ret = normalize (input, DROP_NONE);

  if (ret != NULL)
    {
      for (char *p = ret; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
    }

  return ret;
}

char *
cst_normalize_compact (const char *input)
{
  return normalize (input, DROP_SPACES);
}

char *
cst_normalize_phone (const char *input)
{
  char *ret = normalize (input, DROP_SPACES | DROP_DASHES);
  gsize skip = 0;

  if (ret == NULL)
    return NULL;

  if (g_str_has_prefix (ret, "+86"))
    skip = 3;
  else if (g_str_has_prefix (ret, "0086"))
    skip = 4;
  else if (g_str_has_prefix (ret, "86") && strlen (ret) == 13 && strspn (ret, "0123456789") == 13)
    skip = 2;

  if (skip > 0)
    memmove (ret, ret + skip, strlen (ret + skip) + 1);

  return ret;
}
