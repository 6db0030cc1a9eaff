/* cst-wizard-step.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * One screen of a wizard (the GNOME Initial Setup page model). A step is
 * a view: it validates what is typed and reports "complete"; the wizard
 * page that owns it runs the service call on Next and hands errors back
 * with cst_wizard_step_show_error().
 *
 * Properties:
 *   "title"       the short title of the step indicator (translated)
 *   "stage"       the indicator step it belongs to (several steps may share one)
 *   "complete"    Next may be pressed (read-only; subclasses set it)
 *   "next-label"  the bottom button's label; NULL = "Next"
 *   "show-next"   FALSE hides the bottom button (a step with its own
 *                 buttons, e.g. the face capture view's 开始识别 / Retry)
 *   "applied"     the owner's service call for this step succeeded and
 *                 nothing was edited since (so going back and forward
 *                 again does not repeat it); cleared by "changed"
 *
 * "changed" is emitted by subclasses when the user edits the step.
 */
#define CST_TYPE_WIZARD_STEP (cst_wizard_step_get_type ())
G_DECLARE_DERIVABLE_TYPE (CstWizardStep, cst_wizard_step, CST, WIZARD_STEP, GtkWidget)

struct _CstWizardStepClass
{
  GtkWidgetClass parent_class;

  /* Put a service error (CST_AUTH_ERROR) at its field; FALSE = not placed. */
  gboolean (*show_error) (CstWizardStep *self,
                          const GError  *error);
  /* The step became visible: focus its first field. */
  void     (*shown)      (CstWizardStep *self);
};

const char *cst_wizard_step_get_title      (CstWizardStep *self);
guint       cst_wizard_step_get_stage      (CstWizardStep *self);
gboolean    cst_wizard_step_get_complete   (CstWizardStep *self);
const char *cst_wizard_step_get_next_label (CstWizardStep *self);
gboolean    cst_wizard_step_get_show_next  (CstWizardStep *self);
gboolean    cst_wizard_step_get_applied    (CstWizardStep *self);
void        cst_wizard_step_set_applied    (CstWizardStep *self,
                                            gboolean       applied);
gboolean    cst_wizard_step_show_error     (CstWizardStep *self,
                                            const GError  *error);
void        cst_wizard_step_shown          (CstWizardStep *self);

/* For subclasses. */
void        cst_wizard_step_set_complete   (CstWizardStep *self,
                                            gboolean       complete);
void        cst_wizard_step_changed        (CstWizardStep *self);

G_END_DECLS
