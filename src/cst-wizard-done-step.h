/* cst-wizard-done-step.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-wizard-step.h"

G_BEGIN_DECLS

/*
 * The last page of a wizard (修改完成): a status page with "heading" and
 * "description"; the wizard's button (e.g. 去登录) is its way out. Always
 * complete.
 */
#define CST_TYPE_WIZARD_DONE_STEP (cst_wizard_done_step_get_type ())
G_DECLARE_FINAL_TYPE (CstWizardDoneStep, cst_wizard_done_step, CST, WIZARD_DONE_STEP, CstWizardStep)

G_END_DECLS
