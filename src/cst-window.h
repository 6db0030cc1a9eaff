/* cst-window.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cst-auth-service.h"
#include "cst-page.h"

G_BEGIN_DECLS

/*
 * The main window: a header bar (back button, title, primary menu), a
 * navigation stack whose root is the 首页 / 我的 view stack with the bottom
 * switcher, and a toast overlay.
 *
 * Window actions that open a flow (pages built on first use):
 *   win.login          the login page (个人业务 tab); win.login-enterprise (企业业务 tab)
 *   win.register       用户注册 wizard
 *   win.reset          忘记密码 wizard
 *   win.sms-login      短信登录
 *   win.face-login     扫脸登录
 *   win.biometrics     生物识别 (needs a session; else opens login)
 *   win.back           pop (Escape, Alt+Left)
 *   win.logout         退出登录 with confirmation
 *   win.show-page      string "home" | "my": the root tab
 */
#define CST_TYPE_WINDOW (cst_window_get_type ())
G_DECLARE_FINAL_TYPE (CstWindow, cst_window, CST, WINDOW, AdwApplicationWindow)

CstWindow      *cst_window_new           (AdwApplication *application,
                                          CstAuthService *service);
CstAuthService *cst_window_get_service   (CstWindow      *self);
void            cst_window_push_page     (CstWindow      *self,
                                          CstPage        *page);
/* Pops @page and everything above it. */
void            cst_window_pop_page      (CstWindow      *self,
                                          CstPage        *page);
void            cst_window_pop_to_root   (CstWindow      *self);
/* The page on top, or NULL at the root. */
CstPage        *cst_window_get_visible_page (CstWindow   *self);
void            cst_window_show_toast    (CstWindow      *self,
                                          const char     *text);
/* The text of the last toast shown (what the ui tests assert). */
const char     *cst_window_get_last_toast (CstWindow     *self);

G_END_DECLS
