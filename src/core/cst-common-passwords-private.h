/* cst-common-passwords-private.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The built-in list itself, sorted and lower case, so that the unit tests
 * can check the invariants bsearch() relies on. */
const char * const *_cst_common_passwords_get (guint *n_entries);

G_END_DECLS
