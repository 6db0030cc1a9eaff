/* cst-wizard-draft.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cst-core.h"

G_BEGIN_DECLS

/*
 * What a wizard has gathered so far: the steps bind their fields to it
 * (bidirectionally, declared in the wizard's .ui) and the wizard reads it
 * for the service calls. Strings are as typed; the service calls get them
 * normalised. Passwords are not kept here (they stay in their entries).
 *
 *   "id-type"         CstIdType (int)
 *   "id-number"       string
 *   "name"            string   (registration)
 *   "phone"           string   (registration)
 *   "code"            string   the SMS code (registration; reset: to the phone on file)
 *   "ticket"          string   the service's ticket for this flow (secret)
 *   "masked-phone"    string   (reset) the phone on file, masked by the service
 *   "new-phone"       string   (reset, face path) the new phone number
 *   "new-phone-code"  string   (reset, face path) its SMS code
 */
#define CST_TYPE_WIZARD_DRAFT (cst_wizard_draft_get_type ())
G_DECLARE_FINAL_TYPE (CstWizardDraft, cst_wizard_draft, CST, WIZARD_DRAFT, GObject)

CstWizardDraft *cst_wizard_draft_new              (void);
CstIdType       cst_wizard_draft_get_id_type      (CstWizardDraft *self);
const char     *cst_wizard_draft_get_id_number    (CstWizardDraft *self);
const char     *cst_wizard_draft_get_name         (CstWizardDraft *self);
const char     *cst_wizard_draft_get_phone        (CstWizardDraft *self);
const char     *cst_wizard_draft_get_code         (CstWizardDraft *self);
const char     *cst_wizard_draft_get_ticket       (CstWizardDraft *self);
void            cst_wizard_draft_set_ticket       (CstWizardDraft *self,
                                                   const char     *ticket);
const char     *cst_wizard_draft_get_masked_phone (CstWizardDraft *self);
void            cst_wizard_draft_set_masked_phone (CstWizardDraft *self,
                                                   const char     *masked_phone);
const char     *cst_wizard_draft_get_new_phone    (CstWizardDraft *self);
const char     *cst_wizard_draft_get_new_phone_code (CstWizardDraft *self);
/* Anything typed that leaving would throw away? */
gboolean        cst_wizard_draft_is_empty         (CstWizardDraft *self);

G_END_DECLS
