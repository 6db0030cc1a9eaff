/* cst-reset-wizard.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-reset-wizard"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-reset-code-step.h"
#include "cst-reset-wizard.h"
#include "cst-wizard.h"
#include "cst-wizard-credentials-step.h"
#include "cst-wizard-done-step.h"
#include "cst-wizard-draft.h"
#include "cst-wizard-face-step.h"
#include "cst-wizard-identity-step.h"

/*
 * 忘记密码 (SPEC §1.5): identity (reset_begin) → a code to the phone on
 * file (send_ticket_code, reset_verify_code), or 无法收取验证码？ → face
 * (reset_verify_face) → a new phone with its own code
 * (reset_send_new_phone_code, reset_verify_new_phone) → the new password
 * (reset_complete) → 修改完成 → 去登录.
 *
 * reset_complete revokes every session of the person; the service also
 * clears the current session and the remembered credentials when they are
 * that person's.
 */

struct _CstResetWizard
{
  CstPage                   parent_instance;

  /* template widgets */
  CstWizardDraft           *draft;
  CstWizard                *wizard;
  CstWizardIdentityStep    *identity_step;
  CstResetCodeStep         *code_step;
  CstWizardFaceStep        *face_step;
  CstWizardCredentialsStep *phone_step;
  CstWizardCredentialsStep *password_step;
  CstWizardDoneStep        *done_step;

  /* owned */
  GCancellable             *cancellable;
};

G_DEFINE_FINAL_TYPE (CstResetWizard, cst_reset_wizard, CST_TYPE_PAGE)

static CstAuthService *
get_service (CstResetWizard *self)
{
  return cst_page_get_service (CST_PAGE (self));
}

static void
show_error (CstResetWizard *self,
            CstWizardStep  *step,
            const GError   *error)
{
  /* The reset ticket is gone: start again from the ID number. */
  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_EXPIRED) ||
      g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_WRONG_STEP))
    {
      /* Its codes die with it (they belong to the ticket). */
      cst_wizard_draft_set_ticket (self->draft, NULL);
      g_object_set (self->draft, "code", NULL, "new-phone-code", NULL, NULL);
      cst_wizard_return_to (self->wizard, CST_WIZARD_STEP (self->identity_step));
      cst_page_toast (CST_PAGE (self), error->message);
      return;
    }

  cst_wizard_show_error (self->wizard, step, error);
}

/* The end of the call of @step: on to @next, or the error at @step.
 * The steps are NULL when the page is gone (cst_wizard_call_done). */
static void
step_call_done (CstResetWizard *self,
                CstWizardStep  *step,
                CstWizardStep  *next,
                const GError   *error)
{
  if (!cst_wizard_call_done (self->wizard, error))
    return;

  if (error != NULL)
    show_error (self, step, error);
  else
    cst_wizard_advance (self->wizard, next);
}

/* The end of a send-code call for @row on @step: an expired ticket
 * starts again (show_error), the rest is cst_wizard_code_sent(). */
static void
code_sent (CstResetWizard *self,
           CstWizardStep  *step,
           CstSmsCodeRow  *row,
           gint            resend_after,
           const GError   *error)
{
  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_EXPIRED))
    {
      cst_sms_code_row_set_sending (row, FALSE);
      show_error (self, step, error);
      return;
    }

  cst_wizard_code_sent (self->wizard, step, row, resend_after, error);
}

static void
reset_begin_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CstResetWizard) self = user_data;
  g_autoptr(CstResetChallenge) challenge = NULL;
  g_autoptr(GError) error = NULL;

  challenge = cst_auth_service_reset_begin_finish (CST_AUTH_SERVICE (object), result, &error);
  if (!cst_wizard_call_done (self->wizard, error))
    return;

  if (challenge == NULL)
    {
      show_error (self, CST_WIZARD_STEP (self->identity_step), error);
      return;
    }

  cst_wizard_draft_set_ticket (self->draft, challenge->ticket);
  cst_wizard_draft_set_masked_phone (self->draft, challenge->masked_phone);
  cst_wizard_advance (self->wizard, CST_WIZARD_STEP (self->code_step));
}

static void
reset_begin (CstResetWizard *self)
{
  g_autofree char *id_number = cst_wizard_identity_step_dup_id_number (self->identity_step);

  g_return_if_fail (id_number != NULL);

  cst_wizard_set_busy (self->wizard, TRUE);
  cst_auth_service_reset_begin_async (get_service (self),
                                      cst_wizard_draft_get_id_type (self->draft),
                                      id_number,
                                      self->cancellable,
                                      reset_begin_cb,
                                      g_object_ref (self));
}

static void
send_ticket_code_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CstResetWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  gint resend_after = 0;

  cst_auth_service_send_ticket_code_finish (CST_AUTH_SERVICE (object), result,
                                            &resend_after, &error);
  if (cst_wizard_call_cancelled (self->wizard, error))
    return;

  code_sent (self, CST_WIZARD_STEP (self->code_step),
             cst_reset_code_step_get_code_row (self->code_step),
             resend_after, error);
}

static void
on_code_row_send_requested_cb (CstResetWizard *self,
                               CstSmsCodeRow  *row)
{
  cst_sms_code_row_set_sending (row, TRUE);
  cst_auth_service_send_ticket_code_async (get_service (self),
                                           cst_wizard_draft_get_ticket (self->draft),
                                           self->cancellable,
                                           send_ticket_code_cb,
                                           g_object_ref (self));
}

static void
verify_code_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CstResetWizard) self = user_data;
  g_autoptr(GError) error = NULL;

  cst_auth_service_reset_verify_code_finish (CST_AUTH_SERVICE (object), result, &error);
  step_call_done (self, CST_WIZARD_STEP (self->code_step), CST_WIZARD_STEP (self->password_step),
                  error);
}

static void
verify_code (CstResetWizard *self)
{
  g_autofree char *code = NULL;

  if (!cst_validate_sms_code (cst_wizard_draft_get_code (self->draft), &code, NULL))
    g_return_if_reached ();

  cst_wizard_set_busy (self->wizard, TRUE);
  cst_auth_service_reset_verify_code_async (get_service (self),
                                            cst_wizard_draft_get_ticket (self->draft),
                                            code,
                                            self->cancellable,
                                            verify_code_cb,
                                            g_object_ref (self));
}

static void
verify_face_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CstResetWizard) self = user_data;
  g_autoptr(GError) error = NULL;

  cst_auth_service_reset_verify_face_finish (CST_AUTH_SERVICE (object), result, &error);
  if (!cst_wizard_call_done (self->wizard, error))
    return;

  if (error != NULL)
    {
      cst_wizard_face_failed (self->face_step, error);
      if (!g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_REJECTED) &&
          !g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_UNAVAILABLE))
        show_error (self, CST_WIZARD_STEP (self->face_step), error);
      return;
    }

  cst_face_capture_view_set_result (cst_wizard_face_step_get_view (self->face_step), TRUE, NULL);
  cst_wizard_advance (self->wizard, CST_WIZARD_STEP (self->phone_step));
}

static void
on_face_view_captured_cb (CstResetWizard     *self,
                          CstFaceCapture     *capture,
                          CstFaceCaptureView *view)
{
  if (cst_wizard_get_step (self->wizard) != CST_WIZARD_STEP (self->face_step))
    return;

  cst_wizard_set_busy (self->wizard, TRUE);
  cst_auth_service_reset_verify_face_async (get_service (self),
                                            cst_wizard_draft_get_ticket (self->draft),
                                            capture,
                                            self->cancellable,
                                            verify_face_cb,
                                            g_object_ref (self));
}

static void
send_new_phone_code_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(CstResetWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  gint resend_after = 0;

  cst_auth_service_reset_send_new_phone_code_finish (CST_AUTH_SERVICE (object), result,
                                                     &resend_after, &error);
  if (cst_wizard_call_cancelled (self->wizard, error))
    return;

  code_sent (self, CST_WIZARD_STEP (self->phone_step),
             cst_wizard_credentials_step_get_code_row (self->phone_step),
             resend_after, error);
}

static void
on_new_phone_code_row_send_requested_cb (CstResetWizard *self,
                                         CstSmsCodeRow  *row)
{
  g_autofree char *phone = cst_wizard_credentials_step_dup_phone (self->phone_step);

  if (phone == NULL)
    return;

  cst_sms_code_row_set_sending (row, TRUE);
  cst_auth_service_reset_send_new_phone_code_async (get_service (self),
                                                    cst_wizard_draft_get_ticket (self->draft),
                                                    phone,
                                                    self->cancellable,
                                                    send_new_phone_code_cb,
                                                    g_object_ref (self));
}

static void
verify_new_phone_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CstResetWizard) self = user_data;
  g_autoptr(GError) error = NULL;

  cst_auth_service_reset_verify_new_phone_finish (CST_AUTH_SERVICE (object), result, &error);
  step_call_done (self, CST_WIZARD_STEP (self->phone_step), CST_WIZARD_STEP (self->password_step),
                  error);
}

static void
verify_new_phone (CstResetWizard *self)
{
  g_autofree char *phone = cst_wizard_credentials_step_dup_phone (self->phone_step);
  g_autofree char *code = NULL;

  g_return_if_fail (phone != NULL);

  if (!cst_validate_sms_code (cst_wizard_draft_get_new_phone_code (self->draft), &code, NULL))
    g_return_if_reached ();

  cst_wizard_set_busy (self->wizard, TRUE);
  cst_auth_service_reset_verify_new_phone_async (get_service (self),
                                                 cst_wizard_draft_get_ticket (self->draft),
                                                 phone, code,
                                                 self->cancellable,
                                                 verify_new_phone_cb,
                                                 g_object_ref (self));
}

static void
reset_complete_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CstResetWizard) self = user_data;
  g_autoptr(GError) error = NULL;

  cst_auth_service_reset_complete_finish (CST_AUTH_SERVICE (object), result, &error);
  if (!cst_wizard_call_done (self->wizard, error))
    return;

  if (error != NULL)
    {
      show_error (self, CST_WIZARD_STEP (self->password_step), error);
      return;
    }

  cst_wizard_draft_set_ticket (self->draft, NULL);
  cst_password_row_clear (cst_wizard_credentials_step_get_password_row (self->password_step));
  cst_wizard_advance (self->wizard, CST_WIZARD_STEP (self->done_step));
}

static void
reset_complete (CstResetWizard *self)
{
  CstPasswordRow *row = cst_wizard_credentials_step_get_password_row (self->password_step);

  cst_wizard_set_busy (self->wizard, TRUE);
  cst_auth_service_reset_complete_async (get_service (self),
                                         cst_wizard_draft_get_ticket (self->draft),
                                         cst_password_row_get_password (row),
                                         self->cancellable,
                                         reset_complete_cb,
                                         g_object_ref (self));
}

static void
go_to_login (CstResetWizard *self)
{
  g_autoptr(GtkWidget) window = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL)
    return;

  /* Pop first so that the login page does not open on top of the wizard. */
  window = g_object_ref (GTK_WIDGET (root));
  cst_page_pop (CST_PAGE (self));
  gtk_widget_activate_action (window, "win.login", NULL);
}

static void
on_wizard_next_cb (CstResetWizard *self,
                   CstWizardStep  *step,
                   CstWizard      *wizard)
{
  /* An applied, unchanged step is not sent again: its code was used up. */
  gboolean applied = cst_wizard_step_get_applied (step) &&
                     cst_wizard_draft_get_ticket (self->draft) != NULL;

  if (step == CST_WIZARD_STEP (self->identity_step))
    {
      if (applied)
        cst_wizard_advance (wizard, CST_WIZARD_STEP (self->code_step));
      else
        reset_begin (self);
    }
  else if (step == CST_WIZARD_STEP (self->code_step))
    {
      if (applied)
        cst_wizard_advance (wizard, CST_WIZARD_STEP (self->password_step));
      else
        verify_code (self);
    }
  else if (step == CST_WIZARD_STEP (self->face_step))
    {
      if (applied)
        cst_wizard_advance (wizard, CST_WIZARD_STEP (self->phone_step));
      else
        cst_face_capture_view_start (cst_wizard_face_step_get_view (self->face_step));
    }
  else if (step == CST_WIZARD_STEP (self->phone_step))
    {
      if (applied)
        cst_wizard_advance (wizard, CST_WIZARD_STEP (self->password_step));
      else
        verify_new_phone (self);
    }
  else if (step == CST_WIZARD_STEP (self->password_step))
    reset_complete (self);
  else if (step == CST_WIZARD_STEP (self->done_step))
    go_to_login (self);
}

/* The new phone comes after the face, still under 安全验证 in the step
 * indicator: the page title says what this screen is about. */
static void
on_wizard_notify_step_cb (CstResetWizard *self)
{
  if (cst_wizard_get_step (self->wizard) == CST_WIZARD_STEP (self->phone_step))
    /* Translators: page title while setting the new phone in a password reset; zh_CN 设置新手机号 */
    cst_page_set_title (CST_PAGE (self), _("Set a New Phone Number"));
  else
    /* Translators: title of the password reset wizard; zh_CN as in the mobile app: 忘记密码 */
    cst_page_set_title (CST_PAGE (self), _("Forgot Password"));
}

static void
use_face_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CstResetWizard *self = CST_RESET_WIZARD (widget);

  if (cst_wizard_get_step (self->wizard) != CST_WIZARD_STEP (self->code_step) ||
      cst_wizard_get_busy (self->wizard))
    return;

  cst_wizard_push_step (self->wizard, CST_WIZARD_STEP (self->face_step));
}

static gboolean
cst_reset_wizard_go_back (CstPage *page)
{
  CstResetWizard *self = CST_RESET_WIZARD (page);

  /* Done: the password is changed, nothing is left to lose (and no call
   * runs there). */
  if (cst_wizard_get_step (self->wizard) == CST_WIZARD_STEP (self->done_step) &&
      !cst_wizard_get_busy (self->wizard))
    return FALSE;

  return cst_wizard_back_or_discard (self->wizard, page, self->draft, self->face_step,
                                     &self->cancellable, _("Discard password reset?"));
}

static void
cst_reset_wizard_constructed (GObject *object)
{
  CstResetWizard *self = CST_RESET_WIZARD (object);
  const char *titles[] = {
    /* Translators: password reset step titles under the step indicator */
    C_("reset step", "Identity"),
    C_("reset step", "Verify"),
    C_("reset step", "New Password"),
    C_("reset step", "Done"),
    NULL
  };

  G_OBJECT_CLASS (cst_reset_wizard_parent_class)->constructed (object);

  cst_wizard_set_titles (self->wizard, titles);
  cst_wizard_bind_face_step (self->face_step, get_service (self));
}

static void
cst_reset_wizard_dispose (GObject *object)
{
  CstResetWizard *self = CST_RESET_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The wizard is AdwBin's child: let AdwBin drop it before the template. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_RESET_WIZARD);

  G_OBJECT_CLASS (cst_reset_wizard_parent_class)->dispose (object);
}

static void
cst_reset_wizard_class_init (CstResetWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CstPageClass *page_class = CST_PAGE_CLASS (klass);

  object_class->constructed = cst_reset_wizard_constructed;
  object_class->dispose = cst_reset_wizard_dispose;

  page_class->go_back = cst_reset_wizard_go_back;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-reset-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, CstResetWizard, draft);
  gtk_widget_class_bind_template_child (widget_class, CstResetWizard, wizard);
  gtk_widget_class_bind_template_child (widget_class, CstResetWizard, identity_step);
  gtk_widget_class_bind_template_child (widget_class, CstResetWizard, code_step);
  gtk_widget_class_bind_template_child (widget_class, CstResetWizard, face_step);
  gtk_widget_class_bind_template_child (widget_class, CstResetWizard, phone_step);
  gtk_widget_class_bind_template_child (widget_class, CstResetWizard, password_step);
  gtk_widget_class_bind_template_child (widget_class, CstResetWizard, done_step);
  gtk_widget_class_bind_template_callback (widget_class, on_wizard_next_cb);

  gtk_widget_class_install_action (widget_class, "wizard.use-face", NULL, use_face_action);

  g_type_ensure (CST_TYPE_WIZARD);
  g_type_ensure (CST_TYPE_WIZARD_DRAFT);
  g_type_ensure (CST_TYPE_WIZARD_IDENTITY_STEP);
  g_type_ensure (CST_TYPE_RESET_CODE_STEP);
  g_type_ensure (CST_TYPE_WIZARD_FACE_STEP);
  g_type_ensure (CST_TYPE_WIZARD_CREDENTIALS_STEP);
  g_type_ensure (CST_TYPE_WIZARD_DONE_STEP);
}

static void
cst_reset_wizard_init (CstResetWizard *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (cst_reset_code_step_get_code_row (self->code_step),
                           "send-requested",
                           G_CALLBACK (on_code_row_send_requested_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cst_wizard_credentials_step_get_code_row (self->phone_step),
                           "send-requested",
                           G_CALLBACK (on_new_phone_code_row_send_requested_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cst_wizard_face_step_get_view (self->face_step),
                           "captured",
                           G_CALLBACK (on_face_view_captured_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wizard, "notify::step",
                           G_CALLBACK (on_wizard_notify_step_cb),
                           self, G_CONNECT_SWAPPED);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (cst_wizard_credentials_step_get_phone_row (self->phone_step)),
                                 /* Translators: the phone field after face verification in a password reset; zh_CN 新手机号码 */
                                 _("New phone number"));
}

CstPage *
cst_reset_wizard_new (CstAuthService *service)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);

  return g_object_new (CST_TYPE_RESET_WIZARD,
                       "service", service,
                       NULL);
}
