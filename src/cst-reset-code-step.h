/* cst-reset-code-step.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-sms-code-row.h"
#include "cst-wizard-step.h"

G_BEGIN_DECLS

/*
 * Reset step 2: "验证码将发送至 138****1234" ("masked-phone", from the
 * service), the SMS code row ("code"), and the link 无法收取验证码？,
 * which activates wizard.use-face on an ancestor. Complete with 6 digits.
 */
#define CST_TYPE_RESET_CODE_STEP (cst_reset_code_step_get_type ())
G_DECLARE_FINAL_TYPE (CstResetCodeStep, cst_reset_code_step, CST, RESET_CODE_STEP, CstWizardStep)

CstSmsCodeRow *cst_reset_code_step_get_code_row (CstResetCodeStep *self);

G_END_DECLS
