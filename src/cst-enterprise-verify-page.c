/* cst-enterprise-verify-page.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-enterprise-verify-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-a11y.h"
#include "cst-enterprise-verify-page.h"
#include "cst-face-capture-view.h"
#include "cst-sms-code-row.h"

#define METHOD_SMS  "sms"
#define METHOD_FACE "face"

struct _CstEnterpriseVerifyPage
{
  CstPage                 parent_instance;

  /* template widgets */
  GtkStack               *main_stack;
  GtkWidget              *verify_page;
  GtkWidget              *expired_page;
  GtkLabel               *enterprise_label;
  GtkLabel               *role_label;
  GtkToggleButton        *sms_tab;
  GtkToggleButton        *face_tab;
  GtkStack               *method_stack;
  GtkWidget              *sms_box;
  GtkLabel               *phone_label;
  CstSmsCodeRow          *code_row;
  GtkButton              *login_button;
  GtkSpinner             *login_spinner;
  GtkStack               *face_stack;
  CstFaceCaptureView     *face_view;

  /* owned */
  GCancellable           *cancellable;
  CstEnterpriseChallenge *challenge;
  char                   *method;

  CstRole                 role;
  guint                   busy : 1;
};

enum {
  PROP_0,
  PROP_METHOD,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstEnterpriseVerifyPage, cst_enterprise_verify_page, CST_TYPE_PAGE)

static GParamSpec *properties[N_PROPS];

static CstEnterpriseChallenge *
challenge_copy (const CstEnterpriseChallenge *challenge)
{
  CstEnterpriseChallenge *copy = g_new0 (CstEnterpriseChallenge, 1);

  copy->ticket = g_strdup (challenge->ticket);
  copy->enterprise_code = g_strdup (challenge->enterprise_code);
  copy->enterprise_name = g_strdup (challenge->enterprise_name);
  copy->roles = g_memdup2 (challenge->roles, sizeof (CstRole) * challenge->n_roles);
  copy->n_roles = challenge->n_roles;
  copy->masked_phone = g_strdup (challenge->masked_phone);
  copy->expires = challenge->expires;

  return copy;
}

static void
update_actions (CstEnterpriseVerifyPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.submit",
                                 !self->busy && cst_sms_code_row_get_complete (self->code_row));
  /* Switching method in the middle of a call would orphan its answer. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.method", !self->busy);
}

static void
set_busy (CstEnterpriseVerifyPage *self,
          gboolean                 busy)
{
  self->busy = !!busy;
  gtk_widget_set_visible (GTK_WIDGET (self->login_spinner),
                          busy && g_strcmp0 (self->method, METHOD_SMS) == 0);
  gtk_spinner_set_spinning (self->login_spinner, busy);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);
  update_actions (self);
}

/* The ticket is gone: no second factor can help; offer to start again. */
static void
show_expired (CstEnterpriseVerifyPage *self,
              const GError            *error)
{
  adw_status_page_set_description (ADW_STATUS_PAGE (self->expired_page), error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "expired");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->verify_page),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->expired_page),
                               GTK_ACCESSIBLE_STATE_HIDDEN, FALSE,
                               -1);
}

static gboolean
is_expired (const GError *error)
{
  return g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_EXPIRED) ||
         g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_WRONG_STEP);
}

static void
update_face_availability (CstEnterpriseVerifyPage *self)
{
  gboolean available = cst_auth_service_get_face_available (cst_page_get_service (CST_PAGE (self)));

  gtk_stack_set_visible_child_name (self->face_stack, available ? "capture" : "unavailable");
}

static void
cst_enterprise_verify_page_set_method (CstEnterpriseVerifyPage *self,
                                       const char              *method)
{
  gboolean face;

  g_assert (CST_IS_ENTERPRISE_VERIFY_PAGE (self));

  face = g_strcmp0 (method, METHOD_FACE) == 0;
  method = face ? METHOD_FACE : METHOD_SMS;

  if (g_strcmp0 (self->method, method) == 0)
    return;

  g_free (self->method);
  self->method = g_strdup (method);

  gtk_stack_set_visible_child_name (self->method_stack, method);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->sms_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, face,
                               -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->face_stack),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !face,
                               -1);

  if (face)
    update_face_availability (self);
  else if (cst_face_capture_view_get_state (self->face_view) != CST_FACE_CAPTURE_STATE_VERIFYING)
    cst_face_capture_view_reset (self->face_view);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

/* ---- 短信验证 ---- */

static void
on_code_row_notify_complete_cb (CstEnterpriseVerifyPage *self)
{
  update_actions (self);
}

static void
send_ticket_code_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CstEnterpriseVerifyPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint resend_after = 0;

  cst_auth_service_send_ticket_code_finish (CST_AUTH_SERVICE (object), result,
                                            &resend_after, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (is_expired (error))
    {
      cst_sms_code_row_set_sending (self->code_row, FALSE);
      show_expired (self, error);
      return;
    }

  if (!cst_sms_code_row_show_send_result (self->code_row, resend_after, error))
    {
      cst_page_toast (CST_PAGE (self), error->message);
      return;
    }
  if (error != NULL)
    return;

  cst_page_toast (CST_PAGE (self), _("Code sent"));
  gtk_widget_grab_focus (cst_sms_code_row_get_entry (self->code_row));
}

static void
on_code_row_send_requested_cb (CstEnterpriseVerifyPage *self)
{
  cst_sms_code_row_set_sending (self->code_row, TRUE);
  cst_auth_service_send_ticket_code_async (cst_page_get_service (CST_PAGE (self)),
                                           self->challenge->ticket,
                                           self->cancellable,
                                           send_ticket_code_cb,
                                           g_object_ref (self));
}

static void
complete_sms_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CstEnterpriseVerifyPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  ok = cst_auth_service_enterprise_complete_sms_finish (CST_AUTH_SERVICE (object), result, &error);

  /* Success pops the page (the window shows 我的). */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (ok)
    return;

  if (is_expired (error))
    show_expired (self, error);
  else if (cst_sms_code_row_is_code_error (error))
    cst_sms_code_row_set_error (self->code_row, error->message);
  else
    cst_page_toast (CST_PAGE (self), error->message);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CstEnterpriseVerifyPage *self = CST_ENTERPRISE_VERIFY_PAGE (widget);

  if (self->busy || !cst_sms_code_row_get_complete (self->code_row))
    return;

  cst_sms_code_row_set_error (self->code_row, NULL);
  set_busy (self, TRUE);

  cst_auth_service_enterprise_complete_sms_async (cst_page_get_service (CST_PAGE (self)),
                                                  self->challenge->ticket,
                                                  self->role,
                                                  cst_sms_code_row_get_code (self->code_row),
                                                  self->cancellable,
                                                  complete_sms_cb,
                                                  g_object_ref (self));
}

/* ---- 人脸识别 ---- */

static void
complete_face_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CstEnterpriseVerifyPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  ok = cst_auth_service_enterprise_complete_face_finish (CST_AUTH_SERVICE (object), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (ok)
    {
      cst_face_capture_view_set_result (self->face_view, TRUE, NULL);
      return;
    }

  if (is_expired (error))
    {
      cst_face_capture_view_reset (self->face_view);
      show_expired (self, error);
    }
  else if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_UNAVAILABLE))
    {
      cst_face_capture_view_reset (self->face_view);
      gtk_stack_set_visible_child_name (self->face_stack, "unavailable");
    }
  else
    cst_face_capture_view_set_result (self->face_view, FALSE, error->message);
}

static void
on_face_view_captured_cb (CstEnterpriseVerifyPage *self,
                          CstFaceCapture          *capture)
{
  set_busy (self, TRUE);

  cst_auth_service_enterprise_complete_face_async (cst_page_get_service (CST_PAGE (self)),
                                                   self->challenge->ticket,
                                                   self->role,
                                                   capture,
                                                   self->cancellable,
                                                   complete_face_cb,
                                                   g_object_ref (self));
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  /* The window goes back to the login page below, enterprise tab, with
   * what was typed there. */
  gtk_widget_activate_action (widget, "win.login-enterprise", NULL);
}

/* ---- GObject / GtkWidget ---- */

static void
cst_enterprise_verify_page_constructed (GObject *object)
{
  CstEnterpriseVerifyPage *self = CST_ENTERPRISE_VERIFY_PAGE (object);
  CstAuthService *service;

  G_OBJECT_CLASS (cst_enterprise_verify_page_parent_class)->constructed (object);

  service = cst_page_get_service (CST_PAGE (self));
  g_return_if_fail (CST_IS_AUTH_SERVICE (service));

  g_object_bind_property (service, "face-simulated", self->face_view, "simulated",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (service, "notify::face-available",
                           G_CALLBACK (update_face_availability), self,
                           G_CONNECT_SWAPPED);
  update_face_availability (self);
}

static void
cst_enterprise_verify_page_dispose (GObject *object)
{
  CstEnterpriseVerifyPage *self = CST_ENTERPRISE_VERIFY_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  /* The bin's child is a bound template child: take it out through the
   * bin, so AdwBin does not unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_ENTERPRISE_VERIFY_PAGE);

  G_OBJECT_CLASS (cst_enterprise_verify_page_parent_class)->dispose (object);
}

static void
cst_enterprise_verify_page_finalize (GObject *object)
{
  CstEnterpriseVerifyPage *self = CST_ENTERPRISE_VERIFY_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->challenge, cst_enterprise_challenge_free);
  g_clear_pointer (&self->method, g_free);

  G_OBJECT_CLASS (cst_enterprise_verify_page_parent_class)->finalize (object);
}

static void
cst_enterprise_verify_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  CstEnterpriseVerifyPage *self = CST_ENTERPRISE_VERIFY_PAGE (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_enterprise_verify_page_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  CstEnterpriseVerifyPage *self = CST_ENTERPRISE_VERIFY_PAGE (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      cst_enterprise_verify_page_set_method (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_enterprise_verify_page_class_init (CstEnterpriseVerifyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cst_enterprise_verify_page_constructed;
  object_class->dispose = cst_enterprise_verify_page_dispose;
  object_class->finalize = cst_enterprise_verify_page_finalize;
  object_class->get_property = cst_enterprise_verify_page_get_property;
  object_class->set_property = cst_enterprise_verify_page_set_property;


  /**
   * CstEnterpriseVerifyPage:method:
   *
   * The second factor: "sms" (短信验证) or "face" (人脸识别).
   */
  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL,
                         METHOD_SMS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CST_TYPE_SMS_CODE_ROW);
  g_type_ensure (CST_TYPE_FACE_CAPTURE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-enterprise-verify-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, verify_page);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, expired_page);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, enterprise_label);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, role_label);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, sms_tab);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, face_tab);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, method_stack);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, sms_box);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, phone_label);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, login_button);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, login_spinner);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, face_stack);
  gtk_widget_class_bind_template_child (widget_class, CstEnterpriseVerifyPage, face_view);
  gtk_widget_class_bind_template_callback (widget_class, on_code_row_send_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_row_notify_complete_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_face_view_captured_cb);

  gtk_widget_class_install_action (widget_class, "verify.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "verify.restart", NULL, restart_action);
  gtk_widget_class_install_property_action (widget_class, "verify.method", "method");
}

static void
cst_enterprise_verify_page_init (CstEnterpriseVerifyPage *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Inactive pages would stay in the accessibility tree. */
  cst_a11y_hide_inactive_pages (self->main_stack);
  cst_a11y_hide_inactive_pages (self->method_stack);
  cst_a11y_hide_inactive_pages (self->face_stack);

  /* Translators: the title of the enterprise second-factor page; zh_CN 身份验证 */
  cst_page_set_title (CST_PAGE (self), _("Verify Your Identity"));

  /* Enter in the code field logs in. */
  cst_page_set_default_widget (CST_PAGE (self), GTK_WIDGET (self->login_button));

  cst_enterprise_verify_page_set_method (self, METHOD_SMS);
  update_actions (self);
}

/**
 * cst_enterprise_verify_page_new:
 * @service: the service of the login
 * @challenge: what enterprise_begin answered (copied)
 * @role: the role chosen, one of @challenge's
 *
 * Returns: (transfer floating): a new second-factor page
 */
CstPage *
cst_enterprise_verify_page_new (CstAuthService               *service,
                                const CstEnterpriseChallenge *challenge,
                                CstRole                       role)
{
  CstEnterpriseVerifyPage *self;
  g_autofree char *role_text = NULL;
  g_autofree char *phone_text = NULL;

  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);
  g_return_val_if_fail (challenge != NULL, NULL);

  self = g_object_new (CST_TYPE_ENTERPRISE_VERIFY_PAGE,
                       "service", service,
                       NULL);
  self->challenge = challenge_copy (challenge);
  self->role = role;

  gtk_label_set_text (self->enterprise_label, challenge->enterprise_name);
  /* Translators: %s is a role such as 办税员; zh_CN 以%s身份登录 */
  role_text = g_strdup_printf (_("Logging in as %s"), cst_role_get_label (role));
  gtk_label_set_text (self->role_label, role_text);
  /* Translators: %s is the masked phone on file, 138****1234; zh_CN 验证码将发送至 %s */
  phone_text = g_strdup_printf (_("The code will be sent to %s"),
                                challenge->masked_phone ? challenge->masked_phone : "");
  gtk_label_set_text (self->phone_label, phone_text);

  return CST_PAGE (self);
}
