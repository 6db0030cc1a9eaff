/* cst-local-backend.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-auth-backend.h"
#include "cst-sms-gateway.h"

G_BEGIN_DECLS

/*
 * The embedded identity service: SQLite (WAL, synchronous=FULL,
 * foreign_keys=ON, busy_timeout), migrations by user_version, prepared
 * statements only, the rules of SPEC §3. Each thread that calls in gets
 * its own connection, so the service's worker threads and the admin tool
 * can write at once.
 */

/* Tunables of SPEC §3; cst_local_config_init_defaults() fills the defaults. */
typedef struct
{
  guint64  pwhash_memlimit;        /* bytes; default 64 MiB  */
  guint64  pwhash_opslimit;        /* default 2              */
  gint     code_ttl;               /* s, 300                  */
  gint     code_max_tries;         /* 5                       */
  gint     code_resend_interval;   /* s, 60                   */
  gint     code_daily_limit;       /* 10                      */
  gint     lockout_threshold;      /* 5                       */
  gint     lockout_duration;       /* s, 1800                 */
  gint     session_ttl;            /* s, 12 h                 */
  gint     refresh_ttl;            /* s, 30 days              */
  gint     ticket_ttl;             /* s, 300 (registration, reset, enterprise) */
  gint     min_failure_time_ms;    /* equalise login failure time; 0 = off */
} CstLocalConfig;

/*
 * The OWASP minimum for argon2id (19 MiB, t = 2). The default is above it
 * (64 MiB, t = 2, libsodium's INTERACTIVE): chosen by `build-aux/bench
 * argon2`, ~85 ms a login here and under 250 ms on a busy machine, and
 * each guess costs an attacker ~3.4× more. Tests run at the minimum to
 * stay fast; the rules do not depend on the cost.
 */
#define CST_PWHASH_OWASP_MEMLIMIT (19 * 1024 * 1024)
#define CST_PWHASH_OWASP_OPSLIMIT 2

void cst_local_config_init_defaults (CstLocalConfig *config);

#define CST_TYPE_LOCAL_BACKEND (cst_local_backend_get_type ())
G_DECLARE_FINAL_TYPE (CstLocalBackend, cst_local_backend, CST, LOCAL_BACKEND, GObject)

/* $CST_DATABASE, else $XDG_DATA_HOME/chushuitong/identity.db (transfer full). */
char            *cst_local_backend_default_path (void);

/*
 * A backend for the database at @path. Does no I/O, so the app can create
 * it at start-up on the main thread: each thread opens its connection on
 * first use, and the first connection creates and migrates the database.
 * cst_local_backend_open() does that at once (admin tool, tests). NULL
 * @clock = the system clock; NULL @config = defaults; NULL @sms = no
 * delivery but the outbox; NULL @face = the local simulation, enabled.
 * Operations fail with CST_AUTH_ERROR_STORAGE or _DATABASE_TOO_NEW when the
 * database cannot be used.
 */
CstLocalBackend *cst_local_backend_new          (const char           *path,
                                                 CstClock             *clock,
                                                 CstSmsGateway        *sms,
                                                 CstFaceVerifier      *face,
                                                 const CstLocalConfig *config,
                                                 GError              **error);
gboolean         cst_local_backend_open         (CstLocalBackend      *self,
                                                 GError              **error);
const char      *cst_local_backend_get_path     (CstLocalBackend      *self);
CstClock        *cst_local_backend_get_clock    (CstLocalBackend      *self);
gint             cst_local_backend_schema_version (void);

/* ---- administration (chushuitong-admin) ---- */

gboolean   cst_local_backend_add_enterprise    (CstLocalBackend *self,
                                                const char      *code,
                                                const char      *name,
                                                GError         **error);
/* @account: ID number, phone or user name of a registered person. */
gboolean   cst_local_backend_link              (CstLocalBackend *self,
                                                const char      *enterprise_code,
                                                const char      *account,
                                                CstRole          role,
                                                GError         **error);
/* Clears the lockout of @account. */
gboolean   cst_local_backend_unlock            (CstLocalBackend *self,
                                                const char      *account,
                                                GError         **error);
/* Sets a person's optional user name (login alias). */
gboolean   cst_local_backend_set_username      (CstLocalBackend *self,
                                                const char      *account,
                                                const char      *username,
                                                GError         **error);
/*
 * Adds a person directly (admin and tests; bypasses SMS and face). The
 * password still goes through the policy and argon2id.
 */
gint64     cst_local_backend_add_person        (CstLocalBackend *self,
                                                CstIdType        id_type,
                                                const char      *id_number,
                                                const char      *name,
                                                const char      *phone,
                                                const char      *password,
                                                GError         **error);

/* Rows for `list`: one line each, masked; kind is "persons" or
 * "enterprises" or "memberships". Transfer full, NULL-terminated. */
GStrv      cst_local_backend_list              (CstLocalBackend *self,
                                                const char      *kind,
                                                GError         **error);
/* The SMS outbox, newest last: "TIME PHONE PURPOSE TEXT" lines. */
GStrv      cst_local_backend_sms_outbox        (CstLocalBackend *self,
                                                guint            limit,
                                                GError         **error);

/* The demo data of the README; idempotent. */
#define CST_DEMO_ID_NUMBER        "420106199001011231"
#define CST_DEMO_NAME             "张三"
#define CST_DEMO_PHONE            "13800001234"
#define CST_DEMO_USERNAME         "zhangsan"
#define CST_DEMO_PASSWORD         "Chushuitong@2026"
#define CST_DEMO_ENTERPRISE_CODE  "91420100MA4K5T8Q2P"
#define CST_DEMO_ENTERPRISE_NAME  "武汉示例科技有限公司"
/* A second person (same password, no user name, not linked to the first
 * enterprise) and a second enterprise (see cst_local_backend_seed_demo). */
#define CST_DEMO_ID_NUMBER_2       "420105199205200046"
#define CST_DEMO_NAME_2            "李娜"
#define CST_DEMO_PHONE_2           "13900005678"
#define CST_DEMO_ENTERPRISE_CODE_2 "91420100MA4K5T8Q3T"
#define CST_DEMO_ENTERPRISE_NAME_2 "武汉示例商贸有限公司"
gboolean   cst_local_backend_seed_demo         (CstLocalBackend *self,
                                                GError         **error);

G_END_DECLS
