/* cst-sms-login-page.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-sms-login-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-core.h"
#include "cst-field.h"
#include "cst-sms-code-row.h"
#include "cst-sms-login-page.h"
#include "cst-window.h"

struct _CstSmsLoginPage
{
  CstPage         parent_instance;

  /* template widgets */
  CstEntryRow    *phone_row;
  GtkLabel       *phone_error;
  CstSmsCodeRow  *code_row;
  GtkCheckButton *keep_check;
  GtkButton      *login_button;
  GtkSpinner     *login_spinner;

  /* owned */
  GCancellable   *cancellable;

  guint           busy : 1;
};

G_DEFINE_FINAL_TYPE (CstSmsLoginPage, cst_sms_login_page, CST_TYPE_PAGE)

static const char *
phone_text (CstSmsLoginPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->phone_row));
}

static gboolean
phone_is_valid (CstSmsLoginPage *self)
{
  return cst_validate_phone (phone_text (self), NULL, NULL);
}

static void
update_actions (CstSmsLoginPage *self)
{
  gboolean phone_valid = phone_is_valid (self);

  g_assert (CST_IS_SMS_LOGIN_PAGE (self));

  cst_sms_code_row_set_can_send (self->code_row, phone_valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sms-login.submit",
                                 !self->busy && phone_valid &&
                                 cst_sms_code_row_get_complete (self->code_row));
}

static void
set_busy (CstSmsLoginPage *self,
          gboolean         busy)
{
  self->busy = !!busy;
  gtk_widget_set_visible (GTK_WIDGET (self->login_spinner), busy);
  gtk_spinner_set_spinning (self->login_spinner, busy);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);
  update_actions (self);
}

/* Errors at the field they name: the phone, the code (the row's own
 * label), else a toast. */
static void
show_error (CstSmsLoginPage *self,
            const GError    *error)
{
  if (cst_sms_code_row_is_code_error (error))
    {
      cst_sms_code_row_set_error (self->code_row, error->message);
      return;
    }

  if (!cst_field_show_auth_error (error,
                                  CST_FIELD_PHONE, GTK_WIDGET (self->phone_row), self->phone_error,
                                  CST_FIELD_ACCOUNT, GTK_WIDGET (self->phone_row), self->phone_error,
                                  NULL))
    cst_page_toast (CST_PAGE (self), error->message);
}

static void
on_phone_row_changed_cb (CstSmsLoginPage *self)
{
  cst_field_clear_error (GTK_WIDGET (self->phone_row), self->phone_error);
  update_actions (self);
}

static void
on_phone_focus_leave_cb (CstSmsLoginPage *self)
{
  g_autoptr(GError) error = NULL;

  if (phone_text (self)[0] != '\0' && !cst_validate_phone (phone_text (self), NULL, &error))
    cst_field_set_error (GTK_WIDGET (self->phone_row), self->phone_error, error->message);
}

static void
on_phone_row_entry_activated_cb (CstSmsLoginPage *self)
{
  if (phone_is_valid (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
  else
    on_phone_focus_leave_cb (self);
}

static void
on_code_row_notify_complete_cb (CstSmsLoginPage *self)
{
  update_actions (self);
}

static void
send_code_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CstSmsLoginPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint resend_after = 0;

  cst_auth_service_send_code_finish (CST_AUTH_SERVICE (object), result, &resend_after, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!cst_sms_code_row_show_send_result (self->code_row, resend_after, error))
    {
      show_error (self, error);
      return;
    }
  if (error != NULL)
    return;

  /* Translators: toast after an SMS code was sent; zh_CN 验证码已发送 */
  cst_page_toast (CST_PAGE (self), _("Code sent"));
  gtk_widget_grab_focus (cst_sms_code_row_get_entry (self->code_row));
}

static void
on_code_row_send_requested_cb (CstSmsLoginPage *self)
{
  if (!phone_is_valid (self))
    return;

  cst_field_clear_error (GTK_WIDGET (self->phone_row), self->phone_error);
  cst_sms_code_row_set_sending (self->code_row, TRUE);
  cst_auth_service_send_code_async (cst_page_get_service (CST_PAGE (self)),
                                    phone_text (self),
                                    CST_CODE_PURPOSE_LOGIN,
                                    self->cancellable,
                                    send_code_cb,
                                    g_object_ref (self));
}

static void
login_sms_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CstAuthService *service = CST_AUTH_SERVICE (object);
  g_autoptr(CstSmsLoginPage) self = user_data;
  g_autoptr(GtkWidget) window = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  /* A successful login pops this page; keep the window for the toast. */
  window = gtk_widget_get_ancestor (GTK_WIDGET (self), CST_TYPE_WINDOW);
  if (window != NULL)
    g_object_ref (window);

  ok = cst_auth_service_login_sms_finish (service, result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (!ok)
    {
      show_error (self, error);
      return;
    }

  if (gtk_check_button_get_active (self->keep_check) &&
      !cst_auth_service_get_keyring_available (service) && window != NULL)
    cst_window_show_toast (CST_WINDOW (window),
                           _("Logged in, but Keep me signed in is off: the system keyring is not available"));
}

static void
login_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CstSmsLoginPage *self = CST_SMS_LOGIN_PAGE (widget);

  if (self->busy || !phone_is_valid (self) || !cst_sms_code_row_get_complete (self->code_row))
    return;

  cst_field_clear_error (GTK_WIDGET (self->phone_row), self->phone_error);
  cst_sms_code_row_set_error (self->code_row, NULL);
  set_busy (self, TRUE);

  cst_auth_service_login_sms_async (cst_page_get_service (CST_PAGE (self)),
                                    phone_text (self),
                                    cst_sms_code_row_get_code (self->code_row),
                                    gtk_check_button_get_active (self->keep_check),
                                    self->cancellable,
                                    login_sms_cb,
                                    g_object_ref (self));
}

static void
cst_sms_login_page_dispose (GObject *object)
{
  CstSmsLoginPage *self = CST_SMS_LOGIN_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_SMS_LOGIN_PAGE);

  G_OBJECT_CLASS (cst_sms_login_page_parent_class)->dispose (object);
}

static void
cst_sms_login_page_finalize (GObject *object)
{
  CstSmsLoginPage *self = CST_SMS_LOGIN_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cst_sms_login_page_parent_class)->finalize (object);
}

static void
cst_sms_login_page_class_init (CstSmsLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cst_sms_login_page_dispose;
  object_class->finalize = cst_sms_login_page_finalize;


  g_type_ensure (CST_TYPE_SMS_CODE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-sms-login-page.ui");

  g_type_ensure (CST_TYPE_ENTRY_ROW);
  gtk_widget_class_bind_template_child (widget_class, CstSmsLoginPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CstSmsLoginPage, phone_error);
  gtk_widget_class_bind_template_child (widget_class, CstSmsLoginPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, CstSmsLoginPage, keep_check);
  gtk_widget_class_bind_template_child (widget_class, CstSmsLoginPage, login_button);
  gtk_widget_class_bind_template_child (widget_class, CstSmsLoginPage, login_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_phone_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_phone_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_phone_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_row_notify_complete_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_row_send_requested_cb);

  gtk_widget_class_install_action (widget_class, "sms-login.submit", NULL, login_action);
}

static void
cst_sms_login_page_init (CstSmsLoginPage *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter in the code field logs in. */
  cst_page_set_default_widget (CST_PAGE (self), GTK_WIDGET (self->login_button));

  /* Translators: the title of the SMS login page; zh_CN 短信登录 */
  cst_page_set_title (CST_PAGE (self), C_("login method", "SMS Login"));

  /* Translators: hint in the phone field; zh_CN 请输入手机号码 */
  cst_entry_row_set_placeholder_text (self->phone_row, _("Enter your mobile phone number"));

  update_actions (self);
}

/**
 * cst_sms_login_page_new:
 * @service: the service to log in with
 *
 * Returns: (transfer floating): a new 短信登录 page
 */
CstPage *
cst_sms_login_page_new (CstAuthService *service)
{
  g_return_val_if_fail (CST_IS_AUTH_SERVICE (service), NULL);

  return g_object_new (CST_TYPE_SMS_LOGIN_PAGE,
                       "service", service,
                       NULL);
}
