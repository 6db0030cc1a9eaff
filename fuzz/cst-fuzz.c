/* cst-fuzz.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-fuzz"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cst-fuzz.h"

void
cst_fuzz_fail (const char *file,
               int         line,
               const char *cond,
               const char *format,
               ...)
{
  va_list args;

  fprintf (stderr, "\n%s:%d: invariant violated: %s\n  ", file, line, cond);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);

  abort ();
}

void
cst_fuzz_init (void)
{
  /* The core translates its messages; the fuzzers judge the English
   * source strings, whatever the machine's locale. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

char *
cst_fuzz_string (const uint8_t *data,
                 size_t         size)
{
  return g_strndup ((const char *) data, size);
}

char *
cst_fuzz_escape (const char *s)
{
  if (s == NULL)
    return g_strdup ("(null)");

  return g_strescape (s, NULL);
}

/* The fuzzers and the replay run one input at a time on one thread. */
static GDate *
get_date (GDate **date,
          int     year,
          int     month,
          int     day)
{
  if (*date == NULL)
    *date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return *date;
}

const GDate *
cst_fuzz_today (void)
{
  static GDate *today = NULL;

  return get_date (&today, 2026, 6, 1);
}

const GDate *
cst_fuzz_later (void)
{
  static GDate *later = NULL;

  return get_date (&later, 2199, 12, 31);
}

char *
cst_fuzz_widen (const char *s)
{
  GString *out = g_string_sized_new (strlen (s) * 3);

  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x21 && c <= 0x7E)
        g_string_append_unichar (out, 0xFF01 + (c - 0x21));
      else if (c == ' ')
        g_string_append_unichar (out, 0x3000);
      else
        g_string_append_c (out, (char) c);
    }

  return g_string_free (out, FALSE);
}

char *
cst_fuzz_pad (const char *s)
{
  return g_strconcat (" \t\u3000", s, "\u00a0 \n", NULL);
}

char *
cst_fuzz_ascii_swapcase (const char *s)
{
  char *ret = g_strdup (s);

  for (char *p = ret; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p))
        *p = g_ascii_tolower (*p);
      else if (g_ascii_islower (*p))
        *p = g_ascii_toupper (*p);
    }

  return ret;
}

void
cst_fuzz_check_utf8 (const char *s,
                     const char *what)
{
  if (!g_utf8_validate (s, -1, NULL))
    {
      g_autofree char *escaped = cst_fuzz_escape (s);

      cst_fuzz_fail (__FILE__, __LINE__, "g_utf8_validate (s)", "%s is not UTF-8: \"%s\"",
                     what, escaped);
    }
}

void
cst_fuzz_check_result (gboolean      ok,
                       const char   *normalized,
                       const GError *error,
                       GQuark        domain,
                       int           max_code,
                       const char   *what)
{
  if (ok)
    {
      CST_FUZZ_CHECK (error == NULL, "%s succeeded with an error: %s", what, error->message);
      CST_FUZZ_CHECK (normalized != NULL, "%s succeeded without a normalised value", what);
      cst_fuzz_check_utf8 (normalized, what);
    }
  else
    {
      CST_FUZZ_CHECK (error != NULL, "%s failed without an error", what);
      CST_FUZZ_CHECK (error->domain == domain, "%s failed in domain %s", what,
                      g_quark_to_string (error->domain));
      CST_FUZZ_CHECK (error->code >= 0 && error->code <= max_code, "%s failed with code %d",
                      what, error->code);
      CST_FUZZ_CHECK (error->message != NULL && error->message[0] != '\0',
                      "%s failed with no message", what);
      cst_fuzz_check_utf8 (error->message, "an error message");
      CST_FUZZ_CHECK (normalized == NULL, "%s failed but set a normalised value", what);
    }
}

gboolean
cst_fuzz_is_ascii_digits (const char *s,
                          gssize      len)
{
  if (len < 0)
    len = strlen (s);

  for (gssize i = 0; i < len; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return FALSE;
    }

  return TRUE;
}

gboolean
cst_fuzz_ref_is_province (const char *s)
{
  static const int provinces[] = {
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
    41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  };
  int code;

  if (!cst_fuzz_is_ascii_digits (s, 2))
    return FALSE;

  code = (s[0] - '0') * 10 + (s[1] - '0');

  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    {
      if (provinces[i] == code)
        return TRUE;
    }

  return FALSE;
}

char
cst_fuzz_ref_mod11_2 (const char *id17)
{
  int sum = 0;

  /* The weights are 2^(17 - i) mod 11, which is how ISO 7064 defines them. */
  for (int i = 0; i < 17; i++)
    {
      int weight = 1;

      for (int k = 0; k < 17 - i; k++)
        weight = (weight * 2) % 11;
      sum += (id17[i] - '0') * weight;
    }

  return "10X98765432"[sum % 11];
}

const char cst_fuzz_uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

char
cst_fuzz_ref_uscc_check (const char *code17)
{
  int sum = 0;
  int weight = 1;

  /* GB 32100: the weights are 3^i mod 31. */
  for (int i = 0; i < 17; i++)
    {
      const char *p = code17[i] != '\0' ? strchr (cst_fuzz_uscc_alphabet, code17[i]) : NULL;

      if (p == NULL)
        return '\0';
      sum += (int) (p - cst_fuzz_uscc_alphabet) * weight;
      weight = (weight * 3) % 31;
    }

  return cst_fuzz_uscc_alphabet[(31 - sum % 31) % 31];
}

gboolean
cst_fuzz_ref_birth_date (const char  *s,
                         const GDate *today,
                         GDate       *date)
{
  int year, month, day;

  if (!cst_fuzz_is_ascii_digits (s, 8))
    return FALSE;

  year = atoi ((char[]) { s[0], s[1], s[2], s[3], '\0' });
  month = atoi ((char[]) { s[4], s[5], '\0' });
  day = atoi ((char[]) { s[6], s[7], '\0' });

  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_compare (date, today) <= 0;
}
