/* cst-sms-gateway.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-sms-gateway"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "cst-sms-gateway.h"

G_DEFINE_INTERFACE (CstSmsGateway, cst_sms_gateway, G_TYPE_OBJECT)

static void
cst_sms_gateway_default_init (CstSmsGatewayInterface *iface)
{
}

/**
 * cst_sms_gateway_send:
 * @self: a #CstSmsGateway
 * @phone: the normalised mobile number
 * @purpose: what the code is for
 * @code: the one-time code (a secret: implementations never log it)
 * @text: the full message, from cst_sms_format_text()
 * @error: a return location for a #GError
 *
 * Delivers one SMS. May block; called from worker threads.
 *
 * Returns: %TRUE if the message was handed over
 */
gboolean
cst_sms_gateway_send (CstSmsGateway   *self,
                      const char      *phone,
                      CstCodePurpose   purpose,
                      const char      *code,
                      const char      *text,
                      GError         **error)
{
  CstSmsGatewayInterface *iface;

  g_return_val_if_fail (CST_IS_SMS_GATEWAY (self), FALSE);
  g_return_val_if_fail (phone != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = CST_SMS_GATEWAY_GET_IFACE (self);
  g_return_val_if_fail (iface->send != NULL, FALSE);

  return iface->send (self, phone, purpose, code, text, error);
}

/**
 * cst_sms_format_text:
 * @code: the one-time code
 *
 * Returns: (transfer full): the SMS as the service sends it, e.g.
 *   "【楚税通】您的验证码为 123456，5分钟内有效。"
 */
char *
cst_sms_format_text (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  /* Translators: the text message carrying a one-time code; %s is the six-digit
   * code. Keep the 【楚税通】 brand at the start as Chinese operators require. */
  return g_strdup_printf (_("[Chushuitong] Your verification code is %s. "
                            "It is valid for 5 minutes."),
                          code);
}

/* ---- CstNotifySmsGateway ---- */

struct _CstNotifySmsGateway
{
  GObject  parent_instance;

  /* weak, because the application owns the service that owns us; a
   * GWeakRef because send() runs in worker threads */
  GWeakRef app;
};

static void notify_sms_gateway_iface_init (CstSmsGatewayInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CstNotifySmsGateway, cst_notify_sms_gateway, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CST_TYPE_SMS_GATEWAY,
                                                      notify_sms_gateway_iface_init))

typedef struct
{
  GApplication *app;
  char         *text;
} Delivery;

static void
delivery_free (gpointer data)
{
  Delivery *delivery = data;

  g_clear_object (&delivery->app);
  if (delivery->text != NULL)
    {
      sodium_memzero (delivery->text, strlen (delivery->text));
      g_free (delivery->text);
    }
  g_free (delivery);
}

/* On the main context: GApplication is not thread-safe. */
static gboolean
deliver_notification (gpointer data)
{
  Delivery *delivery = data;
  g_autoptr (GNotification) notification = NULL;

  if (!g_application_get_is_registered (delivery->app))
    {
      g_debug ("Not showing the SMS notification: the application is not registered");
      return G_SOURCE_REMOVE;
    }

  /* Translators: title of the notification that stands in for a text message */
  notification = g_notification_new (_("Verification code"));
  g_notification_set_body (notification, delivery->text);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);

  /* One id: a new code replaces the previous one, as it replaces it on
   * the server. */
  g_application_send_notification (delivery->app, "sms-code", notification);

  return G_SOURCE_REMOVE;
}

static gboolean
notify_sms_gateway_send (CstSmsGateway   *gateway,
                         const char      *phone,
                         CstCodePurpose   purpose,
                         const char      *code,
                         const char      *text,
                         GError         **error)
{
  CstNotifySmsGateway *self = CST_NOTIFY_SMS_GATEWAY (gateway);
  GApplication *app = g_weak_ref_get (&self->app);
  Delivery *delivery;

  if (app == NULL)
    return TRUE;

  delivery = g_new0 (Delivery, 1);
  delivery->app = app;
  delivery->text = g_strdup (text);

  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT,
                              deliver_notification, delivery, delivery_free);

  return TRUE;
}

static void
notify_sms_gateway_iface_init (CstSmsGatewayInterface *iface)
{
  iface->send = notify_sms_gateway_send;
}

static void
cst_notify_sms_gateway_finalize (GObject *object)
{
  CstNotifySmsGateway *self = (CstNotifySmsGateway *)object;

  g_weak_ref_clear (&self->app);

  G_OBJECT_CLASS (cst_notify_sms_gateway_parent_class)->finalize (object);
}

static void
cst_notify_sms_gateway_class_init (CstNotifySmsGatewayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cst_notify_sms_gateway_finalize;
}

static void
cst_notify_sms_gateway_init (CstNotifySmsGateway *self)
{
  g_weak_ref_init (&self->app, NULL);
}

/**
 * cst_notify_sms_gateway_new:
 * @app: (nullable): the application whose notifications carry the codes
 *
 * Returns: (transfer full): the local service's gateway
 */
CstSmsGateway *
cst_notify_sms_gateway_new (GApplication *app)
{
  CstNotifySmsGateway *self;

  g_return_val_if_fail (app == NULL || G_IS_APPLICATION (app), NULL);

  self = g_object_new (CST_TYPE_NOTIFY_SMS_GATEWAY, NULL);
  g_weak_ref_set (&self->app, app);

  return CST_SMS_GATEWAY (self);
}

/* ---- CstCaptureSmsGateway ---- */

typedef struct
{
  char           *phone;
  char           *code;
  char           *text;
  CstCodePurpose  purpose;
} Message;

static void
message_free (gpointer data)
{
  Message *message = data;

  g_free (message->phone);
  g_free (message->code);
  g_free (message->text);
  g_free (message);
}

struct _CstCaptureSmsGateway
{
  GObject    parent_instance;

  GMutex     mutex;
  GPtrArray *messages;
};

static void capture_sms_gateway_iface_init (CstSmsGatewayInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CstCaptureSmsGateway, cst_capture_sms_gateway, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CST_TYPE_SMS_GATEWAY,
                                                      capture_sms_gateway_iface_init))

static gboolean
capture_sms_gateway_send (CstSmsGateway   *gateway,
                          const char      *phone,
                          CstCodePurpose   purpose,
                          const char      *code,
                          const char      *text,
                          GError         **error)
{
  CstCaptureSmsGateway *self = CST_CAPTURE_SMS_GATEWAY (gateway);
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  Message *message;

  message = g_new0 (Message, 1);
  message->phone = g_strdup (phone);
  message->code = g_strdup (code);
  message->text = g_strdup (text);
  message->purpose = purpose;
  g_ptr_array_add (self->messages, message);

  return TRUE;
}

static void
capture_sms_gateway_iface_init (CstSmsGatewayInterface *iface)
{
  iface->send = capture_sms_gateway_send;
}

static void
cst_capture_sms_gateway_finalize (GObject *object)
{
  CstCaptureSmsGateway *self = (CstCaptureSmsGateway *)object;

  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (cst_capture_sms_gateway_parent_class)->finalize (object);
}

static void
cst_capture_sms_gateway_class_init (CstCaptureSmsGatewayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cst_capture_sms_gateway_finalize;
}

static void
cst_capture_sms_gateway_init (CstCaptureSmsGateway *self)
{
  g_mutex_init (&self->mutex);
  self->messages = g_ptr_array_new_with_free_func (message_free);
}

/**
 * cst_capture_sms_gateway_new:
 *
 * Returns: (transfer full): a gateway for tests that keeps every message
 */
CstCaptureSmsGateway *
cst_capture_sms_gateway_new (void)
{
  return g_object_new (CST_TYPE_CAPTURE_SMS_GATEWAY, NULL);
}

/**
 * cst_capture_sms_gateway_last_code:
 * @self: a #CstCaptureSmsGateway
 * @phone: a normalised mobile number
 *
 * Returns: (transfer full) (nullable): the code of the newest message to
 *   @phone, or %NULL if none was sent there
 */
char *
cst_capture_sms_gateway_last_code (CstCaptureSmsGateway *self,
                                   const char           *phone)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CST_IS_CAPTURE_SMS_GATEWAY (self), NULL);
  g_return_val_if_fail (phone != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  for (guint i = self->messages->len; i > 0; i--)
    {
      const Message *message = g_ptr_array_index (self->messages, i - 1);

      if (g_strcmp0 (message->phone, phone) == 0)
        return g_strdup (message->code);
    }

  return NULL;
}

/**
 * cst_capture_sms_gateway_count:
 * @self: a #CstCaptureSmsGateway
 *
 * Returns: how many messages were sent since creation or the last clear
 */
guint
cst_capture_sms_gateway_count (CstCaptureSmsGateway *self)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CST_IS_CAPTURE_SMS_GATEWAY (self), 0);

  locker = g_mutex_locker_new (&self->mutex);
  return self->messages->len;
}

void
cst_capture_sms_gateway_clear (CstCaptureSmsGateway *self)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_if_fail (CST_IS_CAPTURE_SMS_GATEWAY (self));

  locker = g_mutex_locker_new (&self->mutex);
  g_ptr_array_set_size (self->messages, 0);
}
