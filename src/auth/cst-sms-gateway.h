/* cst-sms-gateway.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cst-auth-types.h"

G_BEGIN_DECLS

/*
 * Where the service sends one-time codes (SPEC §1.9). Called from worker
 * threads: implementations must be thread-safe. The text is the full SMS,
 * e.g. "【楚税通】您的验证码为 123456，5分钟内有效。".
 */
#define CST_TYPE_SMS_GATEWAY (cst_sms_gateway_get_type ())
G_DECLARE_INTERFACE (CstSmsGateway, cst_sms_gateway, CST, SMS_GATEWAY, GObject)

struct _CstSmsGatewayInterface
{
  GTypeInterface parent_iface;

  gboolean (*send) (CstSmsGateway  *self,
                    const char     *phone,
                    CstCodePurpose  purpose,
                    const char     *code,
                    const char     *text,
                    GError        **error);
};

gboolean cst_sms_gateway_send (CstSmsGateway  *self,
                               const char     *phone,
                               CstCodePurpose  purpose,
                               const char     *code,
                               const char     *text,
                               GError        **error);

/* The SMS text for @code (translated format, SPEC §1.9). */
char    *cst_sms_format_text  (const char     *code);

/*
 * The embedded service's gateway: a desktop notification through
 * GNotification on @app (nullable: no notification, e.g. the admin tool).
 * The outbox itself is written by CstLocalBackend in the same transaction
 * as the code, so the admin tool can list it.
 */
#define CST_TYPE_NOTIFY_SMS_GATEWAY (cst_notify_sms_gateway_get_type ())
G_DECLARE_FINAL_TYPE (CstNotifySmsGateway, cst_notify_sms_gateway, CST, NOTIFY_SMS_GATEWAY, GObject)
CstSmsGateway *cst_notify_sms_gateway_new (GApplication *app);

/* For tests: keeps every message; thread-safe. */
#define CST_TYPE_CAPTURE_SMS_GATEWAY (cst_capture_sms_gateway_get_type ())
G_DECLARE_FINAL_TYPE (CstCaptureSmsGateway, cst_capture_sms_gateway, CST, CAPTURE_SMS_GATEWAY, GObject)
CstCaptureSmsGateway *cst_capture_sms_gateway_new        (void);
/* The last code sent to @phone (transfer full), or NULL. */
char                 *cst_capture_sms_gateway_last_code  (CstCaptureSmsGateway *self,
                                                          const char           *phone);
guint                 cst_capture_sms_gateway_count      (CstCaptureSmsGateway *self);
void                  cst_capture_sms_gateway_clear      (CstCaptureSmsGateway *self);

G_END_DECLS
