/* cst-application.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cst-auth-service.h"

G_BEGIN_DECLS

/*
 * The application: owns the identity service (the embedded local backend,
 * the keyring store) for the lifetime of the primary instance, the app
 * actions (quit, about, shortcuts) and the one main window.
 */
#define CST_TYPE_APPLICATION (cst_application_get_type ())
G_DECLARE_FINAL_TYPE (CstApplication, cst_application, CST, APPLICATION, AdwApplication)

CstApplication *cst_application_new         (void);
/* NULL before startup. */
CstAuthService *cst_application_get_service (CstApplication *self);

G_END_DECLS
