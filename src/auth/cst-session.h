/* cst-session.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cst-auth-types.h"

G_BEGIN_DECLS

/*
 * A signed-in session as the identity service hands it out: immutable,
 * created in a worker thread and passed to the main thread. The tokens are
 * secrets: never log them; they are wiped on finalize.
 */
#define CST_TYPE_SESSION (cst_session_get_type ())
G_DECLARE_FINAL_TYPE (CstSession, cst_session, CST, SESSION, GObject)

/* Properties (all read-only, construct-only):
 *   "token"            string   session token (secret)
 *   "refresh-token"    string   nullable; present when 保持登录 was asked
 *   "person-id"        int64
 *   "name"             string   full name
 *   "id-type"          int      CstIdType
 *   "id-number"        string   normalised
 *   "phone"            string   normalised
 *   "username"         string   nullable
 *   "enterprise-code"  string   nullable (USCC / TIN)
 *   "enterprise-name"  string   nullable
 *   "role"             int      CstRole, CST_ROLE_NONE for personal
 *   "method"           int      CstLoginMethod
 *   "expires"          int64    µs since the epoch
 */
CstSession     *cst_session_new                 (const char     *first_property_name,
                                                 ...);
const char     *cst_session_get_token           (CstSession     *self);
const char     *cst_session_get_refresh_token   (CstSession     *self);
gint64          cst_session_get_person_id       (CstSession     *self);
const char     *cst_session_get_name            (CstSession     *self);
CstIdType       cst_session_get_id_type         (CstSession     *self);
const char     *cst_session_get_id_number       (CstSession     *self);
const char     *cst_session_get_phone           (CstSession     *self);
const char     *cst_session_get_username        (CstSession     *self);
const char     *cst_session_get_enterprise_code (CstSession     *self);
const char     *cst_session_get_enterprise_name (CstSession     *self);
CstRole         cst_session_get_role            (CstSession     *self);
CstLoginMethod  cst_session_get_method          (CstSession     *self);
gint64          cst_session_get_expires         (CstSession     *self);
gboolean        cst_session_is_enterprise       (CstSession     *self);

G_END_DECLS
