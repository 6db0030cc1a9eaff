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

G_END_DECLS
