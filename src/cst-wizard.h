/* cst-wizard.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cst-page.h"
#include "cst-sms-code-row.h"
#include "cst-wizard-draft.h"
#include "cst-wizard-face-step.h"
#include "cst-wizard-step.h"

G_BEGIN_DECLS

/*
 * The frame both wizards share (DESIGN "Navigation and wizards"): the step
 * indicator at the top, a GtkStack of CstWizardStep children (added as
 * <child> in a .ui), and the wide 下一步 pill at the bottom, which is the
 * window's default widget while the wizard is mapped.
 *
 * Widget actions:
 *   wizard.next  enabled while the visible step is complete and not busy;
 *                emits "next" with that step. The owner runs the step's
 *                service call and calls cst_wizard_advance() on success,
 *                or cst_wizard_step_show_error() and leaves it there.
 *   wizard.back  enabled while not busy; the same as the window's back
 *                (win.back), so the owning page decides (one step back, or
 *                asking before it discards).
 *
 * The wizard remembers the path taken, so cst_wizard_go_back() returns to
 * the step the user came from. Editing a step ("changed") clears "applied"
 * on it and on every step after it.
 */
#define CST_TYPE_WIZARD (cst_wizard_get_type ())
G_DECLARE_FINAL_TYPE (CstWizard, cst_wizard, CST, WIZARD, GtkWidget)

GtkWidget     *cst_wizard_new             (void);
void           cst_wizard_set_titles      (CstWizard          *self,
                                           const char * const *titles);
void           cst_wizard_add_step        (CstWizard          *self,
                                           CstWizardStep      *step);
/* The visible step. */
CstWizardStep *cst_wizard_get_step        (CstWizard          *self);
/* How many steps the path back holds (1 on the first step). */
guint          cst_wizard_get_depth       (CstWizard          *self);
/* Marks the visible step applied and shows @next. */
void           cst_wizard_advance         (CstWizard          *self,
                                           CstWizardStep      *next);
/* Shows @step next on the path, leaving the visible one as it is (a side
 * path such as 无法收取验证码？). */
void           cst_wizard_push_step       (CstWizard          *self,
                                           CstWizardStep      *step);
/* One step back along the path; FALSE on the first step. */
gboolean       cst_wizard_go_back         (CstWizard          *self);
/* Back along the path until @step is visible (e.g. when the service says
 * the registration expired); @step and the ones after it are no longer
 * applied. */
void           cst_wizard_return_to       (CstWizard          *self,
                                           CstWizardStep      *step);
gboolean       cst_wizard_get_busy        (CstWizard          *self);
/* A service call runs: a spinner in the button, the actions disabled. */
void           cst_wizard_set_busy        (CstWizard          *self,
                                           gboolean            busy);
GtkWidget     *cst_wizard_get_next_button (CstWizard          *self);
GtkWidget     *cst_wizard_get_indicator   (CstWizard          *self);

/*
 * Shows a service error: at its field on @step when the step can place
 * it, else as a toast of the page the wizard is in.
 */
void           cst_wizard_show_error      (CstWizard          *self,
                                           CstWizardStep      *step,
                                           const GError       *error);
/*
 * The end of a send-code call for @row: the countdown on success; else the
 * error under the code (a RATE_LIMITED error also counts down the seconds
 * it names) or, for an error of another field, at @step.
 */
void           cst_wizard_code_sent       (CstWizard          *self,
                                           CstWizardStep      *step,
                                           CstSmsCodeRow      *row,
                                           gint                resend_after,
                                           const GError       *error);
/*
 * For the pages that own a wizard. A call may come back after the page's
 * dispose, when its template child @wizard is already NULL.
 *
 * cst_wizard_call_cancelled: TRUE when the call was cancelled or @wizard
 * is gone, and its result must be dropped.
 * cst_wizard_call_done: the end of a call made with cst_wizard_set_busy():
 * FALSE as above, else the wizard is no longer busy and TRUE.
 */
gboolean       cst_wizard_call_cancelled  (CstWizard          *wizard,
                                           const GError       *error);
gboolean       cst_wizard_call_done       (CstWizard          *wizard,
                                           const GError       *error);
/* The face step follows the service's face-available and face-simulated. */
void           cst_wizard_bind_face_step  (CstWizardFaceStep  *step,
                                           CstAuthService     *service);
/* A face verification failed: the reason on the capture view; the step
 * becomes unavailable when the service says face is unavailable. */
void           cst_wizard_face_failed     (CstWizardFaceStep  *step,
                                           const GError       *error);
/*
 * The CstPage go_back of a wizard page: a running call (or face
 * verification) is stopped and the step stays, *@cancellable replaced;
 * a capture in progress on @face_step is reset; then one step back. On
 * the first step: FALSE (leave) when @draft is empty, else asks
 * "@discard_heading" (cst_wizard_ask_discard()).
 */
gboolean       cst_wizard_back_or_discard (CstWizard          *self,
                                           CstPage            *page,
                                           CstWizardDraft     *draft,
                                           CstWizardFaceStep  *face_step,
                                           GCancellable      **cancellable,
                                           const char         *discard_heading);
/*
 * Asks "@heading" (e.g. "Discard registration?") in an AdwMessageDialog
 * and pops @page when the user chooses Discard.
 */
void           cst_wizard_ask_discard     (CstPage            *page,
                                           const char         *heading);

/* The stylesheet of the step indicator and the password strength meter,
 * installed once per display. */
void           cst_wizard_ensure_style    (GdkDisplay         *display);

G_END_DECLS
