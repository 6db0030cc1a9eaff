/* cst-a11y.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Work-arounds for what GTK 4.8 gets wrong for screen readers, in one
 * place so each can go when the floor moves.
 *
 * cst_a11y_name_mnemonic_buttons(): GTK 4.8 names a button with
 * use-underline by its raw label *and* by the label it shows ("_Cancel
 * Cancel"; libadwaita 1.2 makes every AdwMessageDialog response so, with or
 * without a mnemonic). Every such GtkButton under @root is named by its
 * visible text alone. Call it once the buttons exist.
 */
void cst_a11y_name_mnemonic_buttons (GtkWidget *root);

/*
 * cst_a11y_hide_inactive_pages(): GTK 4.8 leaves the inactive pages of a
 * GtkStack in the accessibility tree, where a screen reader wanders into
 * them. From now on, every page of @stack but the visible one is marked
 * GTK_ACCESSIBLE_STATE_HIDDEN.
 */
void cst_a11y_hide_inactive_pages   (GtkStack  *stack);

/*
 * cst_a11y_name_icon_buttons(): an icon-only GtkButton is labelled by its
 * GtkImage in GTK 4.8 and read as "GtkImage". Every GtkButton under @root
 * showing @icon_name is named @label. For buttons libadwaita makes (the
 * close button of a toast); the app's own buttons are named in their .ui.
 *
 * cst_a11y_name_descendant(): names the first widget of @type under @root
 * (the list inside an AdwPreferencesGroup, the AdwViewSwitcher of an
 * AdwViewSwitcherBar), which has no API for it.
 */
void cst_a11y_name_icon_buttons     (GtkWidget  *root,
                                     const char *icon_name,
                                     const char *label);
void cst_a11y_name_descendant       (GtkWidget  *root,
                                     GType       type,
                                     const char *label);

G_END_DECLS
