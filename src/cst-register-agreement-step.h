/* cst-register-agreement-step.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-wizard-step.h"

G_BEGIN_DECLS

/*
 * Registration step 1: the scrollable texts of 《个人信息保护告知同意书》
 * and 《人脸识别服务协议书》, written for this app, and the check box
 * 我已阅读并同意; complete ("agreed") once it is checked.
 */
#define CST_TYPE_REGISTER_AGREEMENT_STEP (cst_register_agreement_step_get_type ())
G_DECLARE_FINAL_TYPE (CstRegisterAgreementStep, cst_register_agreement_step, CST, REGISTER_AGREEMENT_STEP, CstWizardStep)

gboolean cst_register_agreement_step_get_agreed (CstRegisterAgreementStep *self);

G_END_DECLS
