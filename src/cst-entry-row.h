/* cst-entry-row.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CST_TYPE_ENTRY_ROW (cst_entry_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (CstEntryRow, cst_entry_row, CST, ENTRY_ROW, AdwPreferencesRow)

/**
 * CstEntryRowClass:
 * @create_entry: makes the row's own text field: a #GtkEntry by default,
 *   a #GtkPasswordEntry in #CstPasswordEntryRow. Called once, from
 *   constructed().
 */
struct _CstEntryRowClass
{
  AdwPreferencesRowClass parent_class;

  GtkWidget *(*create_entry) (CstEntryRow *self);
};

GtkWidget  *cst_entry_row_new              (void);

GtkWidget  *cst_entry_row_get_entry        (CstEntryRow *self);
GtkText    *cst_entry_row_get_text         (CstEntryRow *self);

void        cst_entry_row_add_prefix       (CstEntryRow *self,
                                            GtkWidget   *widget);
void        cst_entry_row_add_suffix       (CstEntryRow *self,
                                            GtkWidget   *widget);

/* Also properties of the same names (:activates-default,
 * :placeholder-text, :max-length, :input-purpose), as in .ui files. */
void        cst_entry_row_set_activates_default (CstEntryRow *self,
                                                 gboolean     activates);
void        cst_entry_row_set_placeholder_text  (CstEntryRow *self,
                                                 const char  *text);
void        cst_entry_row_set_max_length   (CstEntryRow *self,
                                            int          max_length);

#define CST_TYPE_PASSWORD_ENTRY_ROW (cst_password_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (CstPasswordEntryRow, cst_password_entry_row, CST, PASSWORD_ENTRY_ROW, CstEntryRow)

GtkWidget  *cst_password_entry_row_new     (void);

G_END_DECLS
