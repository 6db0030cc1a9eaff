/* cst-normalize.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Normalisation of what people type, before any validation (SPEC §2.3).
 * All return newly allocated strings (transfer full) and accept NULL as "".
 * Invalid UTF-8 returns NULL.
 */

/* Trim Unicode white space (incl. U+3000) at both ends, full-width
 * ASCII (U+FF01–U+FF5E) → ASCII, U+3000 → space. */
char *cst_normalize_text      (const char *input);
/* cst_normalize_text + upper-case ASCII letters (x → X, usccs). */
char *cst_normalize_code      (const char *input);
/* cst_normalize_text, then strip spaces and dashes, then a leading
 * +86 / 0086 / 86 (when 13 digits remain). */
char *cst_normalize_phone     (const char *input);
/* Like cst_normalize_text but all inner white space removed. */
char *cst_normalize_compact   (const char *input);

G_END_DECLS
