/* cst-fuzz.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/*
 * What every fuzz target shares: the libFuzzer entry points, input
 * conversion, a few reference implementations written from SPEC §2 (not
 * from src/core), and the invariant check that abort()s, which is what
 * both libFuzzer and the replay test notice.
 */

int   LLVMFuzzerInitialize   (int            *argc,
                              char         ***argv);
int   LLVMFuzzerTestOneInput (const uint8_t  *data,
                              size_t          size);

/*
 * CST_FUZZ_CHECK (cond, "fmt", …): an invariant of the core. On violation
 * it prints the condition, where, and the message, then abort()s; the
 * input that caused it is what libFuzzer saves as the crash.
 */
#define CST_FUZZ_CHECK(cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      cst_fuzz_fail (__FILE__, __LINE__, #cond, __VA_ARGS__); \
  } G_STMT_END

G_NORETURN
void      cst_fuzz_fail            (const char   *file,
                                    int           line,
                                    const char   *cond,
                                    const char   *format,
                                    ...) G_GNUC_PRINTF (4, 5);

/* Makes GLib criticals and warnings fatal: a g_return_if_fail() hit by
 * user input is a bug too. Called from each LLVMFuzzerInitialize(). */
void      cst_fuzz_init            (void);

/* The bytes up to the first NUL (or all of them) as a C string. */
char     *cst_fuzz_string          (const uint8_t *data,
                                    size_t         size);
/* A printable rendering of @s for messages: C escapes, never raw bytes. */
char     *cst_fuzz_escape          (const char    *s);

/* The day birth dates are judged against, fixed so that a crash reproduces. */
const GDate *cst_fuzz_today        (void);
/* A day far after it: what is valid today stays valid then. */
const GDate *cst_fuzz_later        (void);

/* The same text as a user could type it: ASCII 0x21–0x7E as full-width
 * forms, spaces as U+3000 (SPEC §2.3 says both are folded). */
char     *cst_fuzz_widen           (const char    *s);
/* @s between white space of the kinds people paste (space, tab, U+3000,
 * U+00A0, newline) */
char     *cst_fuzz_pad             (const char    *s);
char     *cst_fuzz_ascii_swapcase  (const char    *s);

/* Asserts that @s is valid UTF-8 (with @what in the message). */
void      cst_fuzz_check_utf8      (const char    *s,
                                    const char    *what);
/*
 * Asserts the GError contract of a validator: success ⇔ no error and,
 * when asked for, a normalised value; failure ⇔ an error of @domain with
 * a code in [0, @max_code] and a non-empty UTF-8 message, and no value.
 */
void      cst_fuzz_check_result    (gboolean       ok,
                                    const char    *normalized,
                                    const GError  *error,
                                    GQuark         domain,
                                    int            max_code,
                                    const char    *what);

gboolean  cst_fuzz_is_ascii_digits (const char    *s,
                                    gssize         len);
/* SPEC §2.1: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82 */
gboolean  cst_fuzz_ref_is_province (const char    *s);
/* SPEC §2.1: ISO 7064 MOD 11-2 over 17 ASCII digits */
char      cst_fuzz_ref_mod11_2     (const char    *id17);
/* SPEC §2.2: GB 32100 check character, or '\0' when a char is outside
 * the alphabet */
char      cst_fuzz_ref_uscc_check  (const char    *code17);
extern const char cst_fuzz_uscc_alphabet[];
/* YYYYMMDD at @s is a real day on or before @today? */
gboolean  cst_fuzz_ref_birth_date  (const char    *s,
                                    const GDate   *today,
                                    GDate         *date);

G_END_DECLS
