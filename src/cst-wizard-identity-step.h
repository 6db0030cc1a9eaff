/* cst-wizard-identity-step.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-core.h"
#include "cst-wizard-step.h"

G_BEGIN_DECLS

/*
 * 证件类型 + 证件号码 (+ 姓名, with 性别 and 出生日期 derived from the ID
 * and shown read-only, when "ask-name" is TRUE: registration). Validated
 * as typed, with the core validators: the message appears ~600 ms after
 * typing stops, or at once when the field loses focus. Complete when
 * every field asked for is valid.
 *
 * Properties: "id-type" (int, CstIdType), "id-number", "name" (as typed),
 * "ask-name" (construct-only).
 *
 * A service error ALREADY_REGISTERED shows 该证件号码已注册 under the ID
 * number with a 忘记密码 link (win.reset).
 */
#define CST_TYPE_WIZARD_IDENTITY_STEP (cst_wizard_identity_step_get_type ())
G_DECLARE_FINAL_TYPE (CstWizardIdentityStep, cst_wizard_identity_step, CST, WIZARD_IDENTITY_STEP, CstWizardStep)

CstIdType  cst_wizard_identity_step_get_id_type   (CstWizardIdentityStep *self);
/* The canonical forms for the service (transfer full); NULL while invalid. */
char      *cst_wizard_identity_step_dup_id_number (CstWizardIdentityStep *self);
char      *cst_wizard_identity_step_dup_name      (CstWizardIdentityStep *self);

G_END_DECLS
