/* cst-test-backend.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cst-auth-backend.h"
#include "cst-auth-error.h"
#include "cst-face-verifier.h"
#include "cst-local-backend.h"
#include "cst-session.h"
#include "cst-sms-gateway.h"

G_BEGIN_DECLS

/*
 * The shared fixture of the service suite: a private temporary directory
 * with identity.db in it, a manual clock, the capturing SMS gateway, the
 * scripted face verifier and a CstLocalBackend on them with the default
 * rules of SPEC §3 (argon2id at the OWASP minimum, real hashing) except
 * min_failure_time_ms = 0, so failed logins do not sleep.
 *
 * The backend is opened (schema created) by setup. Tests that need other
 * tunables change fixture->config and call cst_test_backend_reopen().
 */
typedef struct
{
  char                    *dir;      /* removed recursively on teardown */
  char                    *path;     /* dir/identity.db */
  CstClock                *clock;    /* manual, starts at CST_TEST_START_US */
  CstCaptureSmsGateway    *sms;
  CstScriptedFaceVerifier *face;
  CstLocalConfig           config;
  CstLocalBackend         *backend;
} CstTestBackend;

/* 2026-03-02 09:00:00 UTC: a fixed, ordinary working day. */
#define CST_TEST_START_US (G_GINT64_CONSTANT (1772442000) * G_USEC_PER_SEC)

/* A registered person used by most tests (valid resident ID, phone, name). */
#define CST_TEST_ID_NUMBER   "110101199003071233"
#define CST_TEST_NAME        "李四"
#define CST_TEST_PHONE       "13912345678"
#define CST_TEST_PASSWORD    "Hubei#Tax2026"
#define CST_TEST_USERNAME    "lisi_wuhan"

/* A second, unregistered identity (valid). */
#define CST_TEST_ID_NUMBER_2 "420102198506153016"
#define CST_TEST_NAME_2      "王五"
#define CST_TEST_PHONE_2     "13698765432"

/* A valid USCC that tests add as an enterprise. */
#define CST_TEST_ENTERPRISE_CODE "91420100MA4K5T8Q2P"
#define CST_TEST_ENTERPRISE_NAME "武汉示例科技有限公司"
#define CST_TEST_ENTERPRISE_CODE_2 "91110108MA01ABCD1E"
#define CST_TEST_ENTERPRISE_NAME_2 "北京测试商贸有限公司"

void        cst_test_backend_setup          (CstTestBackend *fixture,
                                             gconstpointer   data);
void        cst_test_backend_teardown       (CstTestBackend *fixture,
                                             gconstpointer   data);

/* Drops fixture->backend and opens a new one on the same file with
 * fixture->config (same clock, gateway and face verifier). */
void        cst_test_backend_reopen         (CstTestBackend *fixture);

/* A second backend object on the same file (a second process stand-in),
 * sharing clock, gateway and verifier. Transfer full. */
CstLocalBackend *cst_test_backend_new_peer  (CstTestBackend *fixture);

/* The backend as the interface. */
#define CST_TEST_AUTH(fixture) (CST_AUTH_BACKEND ((fixture)->backend))

/* Adds CST_TEST_* (ID, name, phone, password) and sets CST_TEST_USERNAME;
 * returns the person id. Asserts success. */
gint64      cst_test_backend_add_person     (CstTestBackend *fixture);
/* Adds any person; asserts success. */
gint64      cst_test_backend_add_person_full (CstTestBackend *fixture,
                                              CstIdType       id_type,
                                              const char     *id_number,
                                              const char     *name,
                                              const char     *phone,
                                              const char     *password);

/* Registers CST_TEST_ID_NUMBER_2 / NAME_2 / PHONE_2 through the public
 * flow (begin → code → credentials → face) with @password; returns the
 * session (remember = FALSE). Asserts success. */
CstSession *cst_test_backend_register       (CstTestBackend *fixture,
                                             const char     *password);

/* Logs in CST_TEST_PHONE with CST_TEST_PASSWORD; asserts success. */
CstSession *cst_test_backend_login          (CstTestBackend *fixture,
                                             gboolean        remember);

/* The code last sent to @phone through the capturing gateway (transfer
 * full); fails the test if none was sent. */
char       *cst_test_backend_last_code      (CstTestBackend *fixture,
                                             const char     *phone);

/* Sends a code for @purpose to @phone and returns it; asserts success. */
char       *cst_test_backend_send_code      (CstTestBackend *fixture,
                                             const char     *phone,
                                             CstCodePurpose  purpose);

/* A capture with every liveness action, taken now by the fixture clock. */
CstFaceCapture *cst_test_backend_capture    (CstTestBackend *fixture);

/* Moves the manual clock forward by @seconds. */
void        cst_test_backend_advance        (CstTestBackend *fixture,
                                             gint64          seconds);

/* A code of six digits that differs from @code (for wrong-code tests). */
char       *cst_test_wrong_code             (const char     *code);

/* The bytes of @path and of @path-wal concatenated (missing files are
 * empty), for "no secret on disk" checks. */
GBytes     *cst_test_read_database_bytes    (const char     *path);
/* Whether @needle occurs in @haystack. */
gboolean    cst_test_bytes_contain          (GBytes         *haystack,
                                             const char     *needle);

/* Runs @sql (a constant query of one integer) directly on the database
 * file, behind the backend's back, and returns the integer. */
gint64      cst_test_backend_query_int      (CstTestBackend *fixture,
                                             const char     *sql);
/* Runs @sql (constant, no result) directly on the database file. */
void        cst_test_backend_exec           (CstTestBackend *fixture,
                                             const char     *sql);

/* Asserts that @error is CST_AUTH_ERROR @code; clears it. */
#define cst_test_assert_auth_error(error, code)                               \
  G_STMT_START {                                                              \
    g_assert_error ((error), CST_AUTH_ERROR, (code));                         \
    g_clear_error (&(error));                                                 \
  } G_STMT_END

G_END_DECLS
