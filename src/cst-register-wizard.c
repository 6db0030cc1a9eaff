/* cst-register-wizard.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-register-wizard"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-register-agreement-step.h"
#include "cst-register-wizard.h"
#include "cst-window.h"
#include "cst-wizard.h"
#include "cst-wizard-credentials-step.h"
#include "cst-wizard-draft.h"
#include "cst-wizard-face-step.h"
#include "cst-wizard-identity-step.h"

/*
 * 用户注册 (SPEC §1.4): agreement → identity (register_begin) → password,
 * phone and code (register_set_credentials) → face (register_complete).
 *
 * There is no 注册完成 page of our own: register_complete signs the new
 * account in, and the window answers a new session by popping every flow
 * page and showing 我的 with the toast "Registered and signed in"
 * (cst-window.c). That is what the user sees; should the wizard still be
 * on screen after success, it asks for the same (win.show-page "my").
 */

struct _CstRegisterWizard
{
  CstPage                   parent_instance;

  /* template widgets */
  CstWizardDraft           *draft;
  CstWizard                *wizard;
  CstRegisterAgreementStep *agreement_step;
  CstWizardIdentityStep    *identity_step;
  CstWizardCredentialsStep *credentials_step;
  CstWizardFaceStep        *face_step;

  /* owned */
  GCancellable             *cancellable;
};

G_DEFINE_FINAL_TYPE (CstRegisterWizard, cst_register_wizard, CST_TYPE_PAGE)

static CstAuthService *
get_service (CstRegisterWizard *self)
{
  return cst_page_get_service (CST_PAGE (self));
}

static gboolean
handle_flow_error (CstRegisterWizard *self,
                   const GError      *error)
{
  /* The registration ticket is gone: start again from the identity. */
  if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_EXPIRED) ||
      g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_WRONG_STEP))
    {
      cst_wizard_draft_set_ticket (self->draft, NULL);
      cst_wizard_return_to (self->wizard, CST_WIZARD_STEP (self->identity_step));
      cst_page_toast (CST_PAGE (self), error->message);
      return TRUE;
    }

  return FALSE;
}

static void
register_begin_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CstRegisterWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *ticket = NULL;

  ticket = cst_auth_service_register_begin_finish (CST_AUTH_SERVICE (object), result, &error);
  if (!cst_wizard_call_done (self->wizard, error))
    return;

  if (error != NULL)
    {
      cst_wizard_show_error (self->wizard, CST_WIZARD_STEP (self->identity_step), error);
      return;
    }

  cst_wizard_draft_set_ticket (self->draft, ticket);
  cst_wizard_advance (self->wizard, CST_WIZARD_STEP (self->credentials_step));
}

static void
register_begin (CstRegisterWizard *self)
{
  g_autofree char *id_number = cst_wizard_identity_step_dup_id_number (self->identity_step);
  g_autofree char *name = cst_wizard_identity_step_dup_name (self->identity_step);

  g_return_if_fail (id_number != NULL && name != NULL);

  cst_wizard_set_busy (self->wizard, TRUE);
  cst_auth_service_register_begin_async (get_service (self),
                                         cst_wizard_draft_get_id_type (self->draft),
                                         id_number, name,
                                         self->cancellable,
                                         register_begin_cb,
                                         g_object_ref (self));
}

static void
set_credentials_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CstRegisterWizard) self = user_data;
  g_autoptr(GError) error = NULL;

  cst_auth_service_register_set_credentials_finish (CST_AUTH_SERVICE (object), result, &error);
  if (!cst_wizard_call_done (self->wizard, error))
    return;

  if (error != NULL)
    {
      if (!handle_flow_error (self, error))
        cst_wizard_show_error (self->wizard, CST_WIZARD_STEP (self->credentials_step), error);
      return;
    }

  cst_wizard_advance (self->wizard, CST_WIZARD_STEP (self->face_step));
}

static void
set_credentials (CstRegisterWizard *self)
{
  CstPasswordRow *password_row = cst_wizard_credentials_step_get_password_row (self->credentials_step);
  g_autofree char *phone = cst_wizard_credentials_step_dup_phone (self->credentials_step);
  g_autofree char *code = NULL;

  g_return_if_fail (phone != NULL);

  if (!cst_validate_sms_code (cst_wizard_draft_get_code (self->draft), &code, NULL))
    g_return_if_reached ();

  cst_wizard_set_busy (self->wizard, TRUE);
  cst_auth_service_register_set_credentials_async (get_service (self),
                                                   cst_wizard_draft_get_ticket (self->draft),
                                                   cst_password_row_get_password (password_row),
                                                   phone, code,
                                                   self->cancellable,
                                                   set_credentials_cb,
                                                   g_object_ref (self));
}

static void
send_code_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CstRegisterWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  gint resend_after = 0;

  cst_auth_service_send_code_finish (CST_AUTH_SERVICE (object), result, &resend_after, &error);
  if (cst_wizard_call_cancelled (self->wizard, error))
    return;

  cst_wizard_code_sent (self->wizard, CST_WIZARD_STEP (self->credentials_step),
                        cst_wizard_credentials_step_get_code_row (self->credentials_step),
                        resend_after, error);
}

static void
on_code_row_send_requested_cb (CstRegisterWizard *self,
                               CstSmsCodeRow     *row)
{
  g_autofree char *phone = cst_wizard_credentials_step_dup_phone (self->credentials_step);

  if (phone == NULL)
    return;

  cst_sms_code_row_set_sending (row, TRUE);
  cst_auth_service_send_code_async (get_service (self), phone, CST_CODE_PURPOSE_REGISTER,
                                    self->cancellable, send_code_cb, g_object_ref (self));
}

static void
register_complete_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CstRegisterWizard) self = user_data;
  g_autoptr(GError) error = NULL;

  cst_auth_service_register_complete_finish (CST_AUTH_SERVICE (object), result, &error);
  if (!cst_wizard_call_done (self->wizard, error))
    return;

  if (error != NULL)
    {
      cst_wizard_face_failed (self->face_step, error);
      handle_flow_error (self, error);
      return;
    }

  cst_face_capture_view_set_result (cst_wizard_face_step_get_view (self->face_step), TRUE, NULL);
  cst_wizard_draft_set_ticket (self->draft, NULL);

  /* Normally the window has popped us already (see the top of the file). */
  if (gtk_widget_get_ancestor (GTK_WIDGET (self), CST_TYPE_WINDOW) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "my");
}

static void
on_face_view_captured_cb (CstRegisterWizard  *self,
                          CstFaceCapture     *capture,
                          CstFaceCaptureView *view)
{
  if (cst_wizard_get_step (self->wizard) != CST_WIZARD_STEP (self->face_step))
    return;

  cst_wizard_set_busy (self->wizard, TRUE);
  /* 保持登录 is the login page's choice; a new account is not remembered. */
  cst_auth_service_register_complete_async (get_service (self),
                                            cst_wizard_draft_get_ticket (self->draft),
                                            capture, FALSE,
                                            self->cancellable,
                                            register_complete_cb,
                                            g_object_ref (self));
}

static void
on_wizard_next_cb (CstRegisterWizard *self,
                   CstWizardStep     *step,
                   CstWizard         *wizard)
{
  if (step == CST_WIZARD_STEP (self->agreement_step))
    cst_wizard_advance (wizard, CST_WIZARD_STEP (self->identity_step));
  else if (step == CST_WIZARD_STEP (self->identity_step))
    {
      if (cst_wizard_step_get_applied (step) && cst_wizard_draft_get_ticket (self->draft) != NULL)
        cst_wizard_advance (wizard, CST_WIZARD_STEP (self->credentials_step));
      else
        register_begin (self);
    }
  else if (step == CST_WIZARD_STEP (self->credentials_step))
    {
      /* The code is single-use: an unchanged step is not sent again. */
      if (cst_wizard_step_get_applied (step))
        cst_wizard_advance (wizard, CST_WIZARD_STEP (self->face_step));
      else
        set_credentials (self);
    }
}

static gboolean
cst_register_wizard_go_back (CstPage *page)
{
  CstRegisterWizard *self = CST_REGISTER_WIZARD (page);

  return cst_wizard_back_or_discard (self->wizard, page, self->draft, self->face_step,
                                     &self->cancellable, _("Discard registration?"));
}

static void
cst_register_wizard_constructed (GObject *object)
{
  CstRegisterWizard *self = CST_REGISTER_WIZARD (object);
  const char *titles[] = {
    /* Translators: registration step titles under the step indicator */
    C_("registration step", "Agreement"),
    C_("registration step", "Identity"),
    C_("registration step", "Password"),
    C_("registration step", "Face"),
    NULL
  };

  G_OBJECT_CLASS (cst_register_wizard_parent_class)->constructed (object);

  cst_wizard_set_titles (self->wizard, titles);
  cst_wizard_bind_face_step (self->face_step, get_service (self));
}

static void
cst_register_wizard_dispose (GObject *object)
{
  CstRegisterWizard *self = CST_REGISTER_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The wizard is AdwBin's child: let AdwBin drop it before the template. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_REGISTER_WIZARD);

  G_OBJECT_CLASS (cst_register_wizard_parent_class)->dispose (object);
}

static void
cst_register_wizard_class_init (CstRegisterWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CstPageClass *page_class = CST_PAGE_CLASS (klass);

  object_class->constructed = cst_register_wizard_constructed;
  object_class->dispose = cst_register_wizard_dispose;

  page_class->go_back = cst_register_wizard_go_back;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-register-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, CstRegisterWizard, draft);
  gtk_widget_class_bind_template_child (widget_class, CstRegisterWizard, wizard);
  gtk_widget_class_bind_template_child (widget_class, CstRegisterWizard, agreement_step);
  gtk_widget_class_bind_template_child (widget_class, CstRegisterWizard, identity_step);
  gtk_widget_class_bind_template_child (widget_class, CstRegisterWizard, credentials_step);
  gtk_widget_class_bind_template_child (widget_class, CstRegisterWizard, face_step);
  gtk_widget_class_bind_template_callback (widget_class, on_wizard_next_cb);

  g_type_ensure (CST_TYPE_WIZARD);
  g_type_ensure (CST_TYPE_WIZARD_DRAFT);
  g_type_ensure (CST_TYPE_REGISTER_AGREEMENT_STEP);
  g_type_ensure (CST_TYPE_WIZARD_IDENTITY_STEP);
  g_type_ensure (CST_TYPE_WIZARD_CREDENTIALS_STEP);
  g_type_ensure (CST_TYPE_WIZARD_FACE_STEP);
}

static void
cst_register_wizard_init (CstRegisterWizard *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (cst_wizard_credentials_step_get_code_row (self->credentials_step),
                           "send-requested",
                           G_CALLBACK (on_code_row_send_requested_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cst_wizard_face_step_get_view (self->face_step),
                           "captured",
                           G_CALLBACK (on_face_view_captured_cb),
                           self, G_CONNECT_SWAPPED);
}

CstPage *
cst_register_wizard_new (CstAuthService *service)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);

  return g_object_new (CST_TYPE_REGISTER_WIZARD,
                       "service", service,
                       NULL);
}
