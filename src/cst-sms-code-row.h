/* cst-sms-code-row.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * The 验证码 row shared by every flow that takes an SMS code: a 6-digit
 * entry, the 获取验证码 button that turns into a countdown 重新获取(59s),
 * and an inline error label under it.
 *
 * The row knows nothing of the service: "send-requested" asks the owner to
 * send a code; the owner calls the service and then
 * cst_sms_code_row_start_countdown() with the seconds the service gave (or
 * cst_sms_code_row_set_error()). "code" is the text; "complete" is TRUE
 * when 6 digits are typed. "can-send" (set by the owner, e.g. when the
 * phone is valid) and the countdown decide the button's sensitivity.
 * The countdown is announced through the button's accessible label.
 */
#define CST_TYPE_SMS_CODE_ROW (cst_sms_code_row_get_type ())
G_DECLARE_FINAL_TYPE (CstSmsCodeRow, cst_sms_code_row, CST, SMS_CODE_ROW, GtkWidget)

GtkWidget  *cst_sms_code_row_new              (void);
const char *cst_sms_code_row_get_code         (CstSmsCodeRow *self);
void        cst_sms_code_row_set_code         (CstSmsCodeRow *self,
                                               const char    *code);
gboolean    cst_sms_code_row_get_complete     (CstSmsCodeRow *self);
gboolean    cst_sms_code_row_get_can_send     (CstSmsCodeRow *self);
void        cst_sms_code_row_set_can_send     (CstSmsCodeRow *self,
                                               gboolean       can_send);
/* Shows progress on the button while the owner's send call runs. */
void        cst_sms_code_row_set_sending      (CstSmsCodeRow *self,
                                               gboolean       sending);
void        cst_sms_code_row_start_countdown  (CstSmsCodeRow *self,
                                               guint          seconds);
guint       cst_sms_code_row_get_countdown    (CstSmsCodeRow *self);
void        cst_sms_code_row_set_error        (CstSmsCodeRow *self,
                                               const char    *message);
GtkWidget  *cst_sms_code_row_get_entry        (CstSmsCodeRow *self);
GtkWidget  *cst_sms_code_row_get_send_button  (CstSmsCodeRow *self);

/*
 * Service answers shown at the row, shared by every page that sends or
 * checks a code. An error "about the code" is CODE_INVALID, CODE_EXPIRED,
 * RATE_LIMITED, DAILY_LIMIT or one that names CST_FIELD_CODE.
 */
gboolean    cst_sms_code_row_is_code_error    (const GError  *error);
/* The end of a send-code call: the countdown of @resend_after seconds on
 * success, else an error about the code under it (RATE_LIMITED also
 * counts its seconds down). FALSE for any other error, for the caller to
 * place; the sending state has ended either way. */
gboolean    cst_sms_code_row_show_send_result (CstSmsCodeRow *self,
                                               gint           resend_after,
                                               const GError  *error);
/* A code that was checked and refused: an error about the code under it,
 * with the focus; an expired one may be asked for again at once. FALSE
 * for any other error. */
gboolean    cst_sms_code_row_show_check_error (CstSmsCodeRow *self,
                                               const GError  *error);

G_END_DECLS
