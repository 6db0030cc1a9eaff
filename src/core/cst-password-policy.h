/* cst-password-policy.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CST_PASSWORD_MIN_LENGTH 8
#define CST_PASSWORD_MAX_LENGTH 64

#define CST_PASSWORD_ERROR (cst_password_error_quark ())

/**
 * CstPasswordRule:
 * @CST_PASSWORD_RULE_LENGTH: 8–64 code points
 * @CST_PASSWORD_RULE_CLASSES: at least two of letters, digits, symbols
 * @CST_PASSWORD_RULE_NO_PERSONAL: does not contain the ID number, phone or user name
 * @CST_PASSWORD_RULE_NOT_COMMON: not in the built-in list of common passwords
 * @CST_PASSWORD_RULE_PRINTABLE: no control characters
 *
 * The rules of SPEC §2.4, as flags: cst_password_policy_check() returns the
 * rules a password breaks, which is also what the live checklist shows.
 * The same values are the codes of %CST_PASSWORD_ERROR.
 */
typedef enum {
  CST_PASSWORD_RULE_LENGTH      = 1 << 0,
  CST_PASSWORD_RULE_CLASSES     = 1 << 1,
  CST_PASSWORD_RULE_NO_PERSONAL = 1 << 2,
  CST_PASSWORD_RULE_NOT_COMMON  = 1 << 3,
  CST_PASSWORD_RULE_PRINTABLE   = 1 << 4,
} CstPasswordRule;

#define CST_PASSWORD_RULES_ALL (CST_PASSWORD_RULE_LENGTH | CST_PASSWORD_RULE_CLASSES | \
                                CST_PASSWORD_RULE_NO_PERSONAL | CST_PASSWORD_RULE_NOT_COMMON | \
                                CST_PASSWORD_RULE_PRINTABLE)

typedef enum {
  CST_PASSWORD_STRENGTH_WEAK,
  CST_PASSWORD_STRENGTH_MEDIUM,
  CST_PASSWORD_STRENGTH_STRONG,
} CstPasswordStrength;

GQuark              cst_password_error_quark       (void);

/*
 * @personal: NULL-terminated ID number, phone, user name (any may be
 * missing); compared case-insensitively. Returns the broken rules (0 =
 * acceptable); @strength (nullable) receives the meter level.
 */
CstPasswordRule     cst_password_policy_check      (const char          *password,
                                                    const char * const  *personal,
                                                    CstPasswordStrength *strength);
/* TRUE, or FALSE with the first broken rule as code and its reason, translated. */
gboolean            cst_password_policy_validate   (const char          *password,
                                                    const char * const  *personal,
                                                    GError             **error);
/* The translated checklist line of one rule ("8 to 64 characters" …). */
const char         *cst_password_rule_get_label    (CstPasswordRule      rule);
/* The translated reason a password breaking @rule is refused. */
const char         *cst_password_rule_get_reason   (CstPasswordRule      rule);
const char         *cst_password_strength_get_label (CstPasswordStrength strength);
/* In the built-in list (case-insensitive)? */
gboolean            cst_password_is_common         (const char          *password);
guint               cst_password_common_count      (void);

G_END_DECLS
