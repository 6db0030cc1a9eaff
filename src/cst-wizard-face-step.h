/* cst-wizard-face-step.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-face-capture-view.h"
#include "cst-wizard-step.h"

G_BEGIN_DECLS

/*
 * 开始识别: the shared CstFaceCaptureView (its own 开始识别 and Retry
 * buttons replace the wizard's Next). The owner connects to the view's
 * "captured", calls the service and then cst_face_capture_view_set_result().
 * After a success the wizard's Next shows again (for coming back here).
 *
 * "available" FALSE (the service offers no face recognition) shows
 * "unavailable-text" instead of the view. "simulated" shows 本地模拟.
 */
#define CST_TYPE_WIZARD_FACE_STEP (cst_wizard_face_step_get_type ())
G_DECLARE_FINAL_TYPE (CstWizardFaceStep, cst_wizard_face_step, CST, WIZARD_FACE_STEP, CstWizardStep)

CstFaceCaptureView *cst_wizard_face_step_get_view      (CstWizardFaceStep *self);
void                cst_wizard_face_step_set_available (CstWizardFaceStep *self,
                                                        gboolean           available);

G_END_DECLS
