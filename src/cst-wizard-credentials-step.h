/* cst-wizard-credentials-step.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-password-row.h"
#include "cst-sms-code-row.h"
#include "cst-wizard-step.h"

G_BEGIN_DECLS

/*
 * A new password (CstPasswordRow) and/or a phone number with its SMS code
 * (CstSmsCodeRow). Registration step 3 asks for both; the reset wizard
 * uses it once for the new phone (face path) and once for the new
 * password.
 *
 * Properties: "ask-password", "ask-phone" (construct-only); "phone" and
 * "code" as typed; "id-number" feeds the password's "does not contain"
 * rule together with the phone.
 *
 * The owner connects to the code row's "send-requested" (the phone is
 * valid then: can-send follows it) and calls the service.
 */
#define CST_TYPE_WIZARD_CREDENTIALS_STEP (cst_wizard_credentials_step_get_type ())
G_DECLARE_FINAL_TYPE (CstWizardCredentialsStep, cst_wizard_credentials_step, CST, WIZARD_CREDENTIALS_STEP, CstWizardStep)

CstPasswordRow *cst_wizard_credentials_step_get_password_row (CstWizardCredentialsStep *self);
CstSmsCodeRow  *cst_wizard_credentials_step_get_code_row     (CstWizardCredentialsStep *self);
GtkWidget      *cst_wizard_credentials_step_get_phone_row    (CstWizardCredentialsStep *self);
/* The normalised phone (transfer full), NULL while invalid. */
char           *cst_wizard_credentials_step_dup_phone        (CstWizardCredentialsStep *self);

G_END_DECLS
