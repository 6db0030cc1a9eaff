/* cst-step-indicator.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * 1 — 2 — 3 — 4 with titles at the top of a wizard. "step" is 0-based.
 * Its accessible label says "Step 2 of 4: 身份信息" for screen readers.
 */
#define CST_TYPE_STEP_INDICATOR (cst_step_indicator_get_type ())
G_DECLARE_FINAL_TYPE (CstStepIndicator, cst_step_indicator, CST, STEP_INDICATOR, GtkWidget)

GtkWidget *cst_step_indicator_new        (void);
void       cst_step_indicator_set_titles (CstStepIndicator   *self,
                                          const char * const *titles);
guint      cst_step_indicator_get_step   (CstStepIndicator   *self);
void       cst_step_indicator_set_step   (CstStepIndicator   *self,
                                          guint               step);
guint      cst_step_indicator_get_n_steps (CstStepIndicator  *self);
/* What the accessible label says (transfer full), NULL without steps.
 * set_step (n_steps) marks every step done. */
char      *cst_step_indicator_dup_label  (CstStepIndicator   *self);

G_END_DECLS
