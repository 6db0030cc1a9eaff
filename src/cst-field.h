/* cst-field.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cst-auth-error.h"
#include "cst-entry-row.h"

G_BEGIN_DECLS

/*
 * Inline field errors, done one way everywhere (SPEC §1.0 "feedback"):
 * the message goes into @message_label (style class "error", shown), the
 * field gets the "error" style class and GTK_ACCESSIBLE_STATE_INVALID, and
 * the field is related to the label with GTK_ACCESSIBLE_RELATION_DESCRIBED_BY
 * (and ERROR_MESSAGE), so a screen reader reads the message with the field.
 * @message NULL or "" clears it all. What the user typed is never touched.
 */
void cst_field_set_error   (GtkWidget  *field,
                            GtkLabel   *message_label,
                            const char *message);
void cst_field_clear_error (GtkWidget  *field,
                            GtkLabel   *message_label);

/*
 * Puts a CST_AUTH_ERROR at the field it names (cst_auth_error_get_field()):
 * @fields is a NULL-terminated list of triples
 *   (const char *field_name, GtkWidget *field, GtkLabel *label).
 * Returns TRUE when a field took it; FALSE when the caller should toast it.
 */
gboolean cst_field_show_auth_error (const GError *error,
                                    const char   *first_field_name,
                                    ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
