/* test-bad-input.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Hostile input through the service: every string field of every backend
 * operation (and of the admin operations) gets each kind of bad value —
 * empty, blank, control characters, emoji, bidirectional controls, the
 * "modified UTF-8" NUL (C0 80), a lone surrogate, and for the fields that
 * test-backend-rules.c does not already cover, SQL metacharacters, 10,000
 * characters and invalid UTF-8. Every other field of the call is valid
 * and every ticket, code and token is real, so the bad value is the only
 * thing wrong. The answer must be a refusal with a message, and the
 * database must not change by a single byte (a digest of every row of
 * every table, outbox included, before and after).
 *
 * What counts as a refusal depends on the field:
 *   format fields (IDs, names, phones, codes, accounts, user names):
 *     INVALID_INPUT;
 *   tokens and tickets: INVALID_INPUT, or the answer for an unknown
 *     token (EXPIRED, NOT_LOGGED_IN, CREDENTIAL_REVOKED): a token is
 *     looked up by hash, never parsed;
 *   a password typed to log in: INVALID_INPUT, or BAD_CREDENTIALS — any
 *     string may be an old password (SPEC §2.4: any printable Unicode, no
 *     trimming), so a blank or odd one is a wrong password, counted
 *     towards the lockout like any other (so that write is allowed);
 *   a new password: INVALID_INPUT or PASSWORD_POLICY; emoji and SQL
 *     metacharacters are printable and so allowed (not called here);
 *   free text (device name, enterprise name): INVALID_INPUT, except emoji
 *     and SQL metacharacters, which are kept literally (not called here;
 *     test-backend-rules.c checks the literal storage), and an empty
 *     device name (a device may have none);
 *   logout: TRUE for any token, since ending a session that does not
 *     exist is not an error — but nothing may change.
 *
 * NUL bytes: the backend takes NUL-terminated C strings and has no entry
 * point that carries a length, so an embedded NUL ends the string at the
 * caller — the backend cannot even see it. What a C string can carry is
 * C0 80, the overlong NUL of "modified UTF-8", which must be refused as
 * invalid UTF-8.
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cst-test-backend.h"

typedef enum {
  FIELD_FORMAT,
  FIELD_TOKEN,
  FIELD_LOGIN_PASSWORD,
  FIELD_NEW_PASSWORD,
  FIELD_FREE_TEXT,
} FieldKind;

typedef struct
{
  CstTestBackend  base;

  CstSession     *session;          /* remember = TRUE: has a refresh token */
  char           *credential;       /* FACE device credential */
  char           *register_ticket;  /* begun for CST_TEST_ID_NUMBER_2 */
  char           *register_code;    /* REGISTER code sent to CST_TEST_PHONE_2 */
  char           *reset_ticket;     /* begun, code sent */
  char           *reset_code;
  char           *verified_ticket;  /* a second reset, verified by its code */
  char           *enterprise_ticket;
  char           *enterprise_code;
} Fixture;

#define AUTH(f)    CST_AUTH_BACKEND ((f)->base.backend)
#define LOCAL(f)   ((f)->base.backend)
#define NEW_PHONE  "13500001111"
#define NEW_PASS   "Another#Pass99"

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstResetChallenge) reset = NULL;
  g_autoptr(CstResetChallenge) verified = NULL;
  g_autoptr(CstEnterpriseChallenge) challenge = NULL;
  g_autofree char *code = NULL;

  cst_test_backend_setup (&f->base, data);
  cst_test_backend_add_person (&f->base);
  g_assert_true (cst_local_backend_add_enterprise (LOCAL (f), CST_TEST_ENTERPRISE_CODE,
                                                   CST_TEST_ENTERPRISE_NAME, &error));
  g_assert_true (cst_local_backend_link (LOCAL (f), CST_TEST_ENTERPRISE_CODE, CST_TEST_PHONE,
                                         CST_ROLE_TAX_OFFICER, &error));
  g_assert_no_error (error);

  f->session = cst_test_backend_login (&f->base, TRUE);
  f->credential = cst_auth_backend_device_credential_issue (AUTH (f), cst_session_get_token (f->session),
                                                            CST_TEST_PASSWORD, CST_CREDENTIAL_KIND_FACE,
                                                            "laptop", &error);
  g_assert_no_error (error);

  f->register_ticket = cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT,
                                                        CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2, &error);
  g_assert_no_error (error);
  f->register_code = cst_test_backend_send_code (&f->base, CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER);

  reset = cst_auth_backend_reset_begin (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER, &error);
  g_assert_no_error (error);
  g_assert_true (cst_auth_backend_send_ticket_code (AUTH (f), reset->ticket, NULL, &error));
  g_assert_no_error (error);
  f->reset_code = cst_test_backend_last_code (&f->base, CST_TEST_PHONE);
  f->reset_ticket = g_strdup (reset->ticket);

  cst_test_backend_advance (&f->base, 61);
  verified = cst_auth_backend_reset_begin (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER, &error);
  g_assert_no_error (error);
  g_assert_true (cst_auth_backend_send_ticket_code (AUTH (f), verified->ticket, NULL, &error));
  code = cst_test_backend_last_code (&f->base, CST_TEST_PHONE);
  g_assert_true (cst_auth_backend_reset_verify_code (AUTH (f), verified->ticket, code, &error));
  g_assert_no_error (error);
  f->verified_ticket = g_strdup (verified->ticket);

  challenge = cst_auth_backend_enterprise_begin (AUTH (f), CST_TEST_ENTERPRISE_CODE, CST_TEST_PHONE,
                                                 CST_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  cst_test_backend_advance (&f->base, 61);
  g_assert_true (cst_auth_backend_send_ticket_code (AUTH (f), challenge->ticket, NULL, &error));
  g_assert_no_error (error);
  f->enterprise_code = cst_test_backend_last_code (&f->base, CST_TEST_PHONE);
  f->enterprise_ticket = g_strdup (challenge->ticket);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_pointer (&f->credential, g_free);
  g_clear_pointer (&f->register_ticket, g_free);
  g_clear_pointer (&f->register_code, g_free);
  g_clear_pointer (&f->reset_ticket, g_free);
  g_clear_pointer (&f->reset_code, g_free);
  g_clear_pointer (&f->verified_ticket, g_free);
  g_clear_pointer (&f->enterprise_ticket, g_free);
  g_clear_pointer (&f->enterprise_code, g_free);
  cst_test_backend_teardown (&f->base, data);
}

/* ---- the operations, one field each ---- */

typedef gboolean (*Call) (Fixture *f, const char *v, GError **error);

static CstFaceCapture *
capture (Fixture *f)
{
  return cst_test_backend_capture (&f->base);
}

#define SESSION_RESULT(expr) \
  G_STMT_START { g_autoptr(CstSession) s_ = (expr); return s_ != NULL; } G_STMT_END

static gboolean send_code_phone (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_send_code (AUTH (f), v, CST_CODE_PURPOSE_LOGIN, NULL, e); }
static gboolean send_code_register_phone (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_send_code (AUTH (f), v, CST_CODE_PURPOSE_REGISTER, NULL, e); }
static gboolean send_ticket_code_ticket (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_send_ticket_code (AUTH (f), v, NULL, e); }
static gboolean register_begin_id (Fixture *f, const char *v, GError **e)
{ g_autofree char *t = cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT, v, CST_TEST_NAME_2, e); return t != NULL; }
static gboolean register_begin_name (Fixture *f, const char *v, GError **e)
{ g_autofree char *t = cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2, v, e); return t != NULL; }
static gboolean set_credentials_ticket (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_register_set_credentials (AUTH (f), v, NEW_PASS, CST_TEST_PHONE_2, f->register_code, e); }
static gboolean set_credentials_password (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_register_set_credentials (AUTH (f), f->register_ticket, v, CST_TEST_PHONE_2, f->register_code, e); }
static gboolean set_credentials_phone (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_register_set_credentials (AUTH (f), f->register_ticket, NEW_PASS, v, f->register_code, e); }
static gboolean set_credentials_code (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_register_set_credentials (AUTH (f), f->register_ticket, NEW_PASS, CST_TEST_PHONE_2, v, e); }
static gboolean register_complete_ticket (Fixture *f, const char *v, GError **e)
{ g_autoptr(CstFaceCapture) c = capture (f); SESSION_RESULT (cst_auth_backend_register_complete (AUTH (f), v, c, FALSE, e)); }
static gboolean login_password_account (Fixture *f, const char *v, GError **e)
{ SESSION_RESULT (cst_auth_backend_login_password (AUTH (f), v, CST_TEST_PASSWORD, FALSE, e)); }
static gboolean login_password_password (Fixture *f, const char *v, GError **e)
{ SESSION_RESULT (cst_auth_backend_login_password (AUTH (f), CST_TEST_PHONE, v, FALSE, e)); }
static gboolean login_sms_phone (Fixture *f, const char *v, GError **e)
{ SESSION_RESULT (cst_auth_backend_login_sms (AUTH (f), v, "123456", FALSE, e)); }
static gboolean login_sms_code (Fixture *f, const char *v, GError **e)
{ SESSION_RESULT (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, v, FALSE, e)); }
static gboolean login_face_id (Fixture *f, const char *v, GError **e)
{ g_autoptr(CstFaceCapture) c = capture (f); SESSION_RESULT (cst_auth_backend_login_face (AUTH (f), CST_ID_TYPE_RESIDENT, v, c, FALSE, e)); }
static gboolean login_device_credential (Fixture *f, const char *v, GError **e)
{ SESSION_RESULT (cst_auth_backend_login_device (AUTH (f), CST_CREDENTIAL_KIND_FACE, v, e)); }
static gboolean enterprise_begin_code (Fixture *f, const char *v, GError **e)
{ g_autoptr(CstEnterpriseChallenge) c = cst_auth_backend_enterprise_begin (AUTH (f), v, CST_TEST_PHONE, CST_TEST_PASSWORD, e); return c != NULL; }
static gboolean enterprise_begin_account (Fixture *f, const char *v, GError **e)
{ g_autoptr(CstEnterpriseChallenge) c = cst_auth_backend_enterprise_begin (AUTH (f), CST_TEST_ENTERPRISE_CODE, v, CST_TEST_PASSWORD, e); return c != NULL; }
static gboolean enterprise_begin_password (Fixture *f, const char *v, GError **e)
{ g_autoptr(CstEnterpriseChallenge) c = cst_auth_backend_enterprise_begin (AUTH (f), CST_TEST_ENTERPRISE_CODE, CST_TEST_PHONE, v, e); return c != NULL; }
static gboolean enterprise_sms_ticket (Fixture *f, const char *v, GError **e)
{ SESSION_RESULT (cst_auth_backend_enterprise_complete_sms (AUTH (f), v, CST_ROLE_TAX_OFFICER, f->enterprise_code, e)); }
static gboolean enterprise_sms_code (Fixture *f, const char *v, GError **e)
{ SESSION_RESULT (cst_auth_backend_enterprise_complete_sms (AUTH (f), f->enterprise_ticket, CST_ROLE_TAX_OFFICER, v, e)); }
static gboolean enterprise_face_ticket (Fixture *f, const char *v, GError **e)
{ g_autoptr(CstFaceCapture) c = capture (f); SESSION_RESULT (cst_auth_backend_enterprise_complete_face (AUTH (f), v, CST_ROLE_TAX_OFFICER, c, e)); }
static gboolean reset_begin_id (Fixture *f, const char *v, GError **e)
{ g_autoptr(CstResetChallenge) c = cst_auth_backend_reset_begin (AUTH (f), CST_ID_TYPE_RESIDENT, v, e); return c != NULL; }
static gboolean reset_verify_code_ticket (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_reset_verify_code (AUTH (f), v, f->reset_code, e); }
static gboolean reset_verify_code_code (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_reset_verify_code (AUTH (f), f->reset_ticket, v, e); }
static gboolean reset_verify_face_ticket (Fixture *f, const char *v, GError **e)
{ g_autoptr(CstFaceCapture) c = capture (f); return cst_auth_backend_reset_verify_face (AUTH (f), v, c, e); }
static gboolean new_phone_code_ticket (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_reset_send_new_phone_code (AUTH (f), v, NEW_PHONE, NULL, e); }
static gboolean new_phone_code_phone (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_reset_send_new_phone_code (AUTH (f), f->reset_ticket, v, NULL, e); }
static gboolean verify_new_phone_ticket (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_reset_verify_new_phone (AUTH (f), v, NEW_PHONE, "123456", e); }
static gboolean verify_new_phone_phone (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_reset_verify_new_phone (AUTH (f), f->reset_ticket, v, "123456", e); }
static gboolean verify_new_phone_code (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_reset_verify_new_phone (AUTH (f), f->reset_ticket, NEW_PHONE, v, e); }
static gboolean reset_complete_ticket (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_reset_complete (AUTH (f), v, NEW_PASS, e); }
static gboolean reset_complete_password (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_reset_complete (AUTH (f), f->verified_ticket, v, e); }
static gboolean issue_session (Fixture *f, const char *v, GError **e)
{ g_autofree char *c = cst_auth_backend_device_credential_issue (AUTH (f), v, CST_TEST_PASSWORD, CST_CREDENTIAL_KIND_FINGERPRINT, "laptop", e); return c != NULL; }
static gboolean issue_password (Fixture *f, const char *v, GError **e)
{ g_autofree char *c = cst_auth_backend_device_credential_issue (AUTH (f), cst_session_get_token (f->session), v, CST_CREDENTIAL_KIND_FINGERPRINT, "laptop", e); return c != NULL; }
static gboolean issue_device_name (Fixture *f, const char *v, GError **e)
{ g_autofree char *c = cst_auth_backend_device_credential_issue (AUTH (f), cst_session_get_token (f->session), CST_TEST_PASSWORD, CST_CREDENTIAL_KIND_FINGERPRINT, v, e); return c != NULL; }
static gboolean revoke_session (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_device_credential_revoke (AUTH (f), v, CST_CREDENTIAL_KIND_FACE, e); }
static gboolean refresh_token (Fixture *f, const char *v, GError **e)
{ SESSION_RESULT (cst_auth_backend_session_refresh (AUTH (f), v, e)); }
static gboolean lookup_token (Fixture *f, const char *v, GError **e)
{ SESSION_RESULT (cst_auth_backend_session_lookup (AUTH (f), v, e)); }
static gboolean logout_token (Fixture *f, const char *v, GError **e)
{ return cst_auth_backend_logout (AUTH (f), v, e); }
static gboolean add_enterprise_code (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_add_enterprise (LOCAL (f), v, CST_TEST_ENTERPRISE_NAME_2, e); }
static gboolean add_enterprise_name (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_add_enterprise (LOCAL (f), CST_TEST_ENTERPRISE_CODE_2, v, e); }
static gboolean link_enterprise (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_link (LOCAL (f), v, CST_TEST_PHONE, CST_ROLE_INVOICE_CLERK, e); }
static gboolean link_account (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_link (LOCAL (f), CST_TEST_ENTERPRISE_CODE, v, CST_ROLE_INVOICE_CLERK, e); }
static gboolean unlock_account (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_unlock (LOCAL (f), v, e); }
static gboolean set_username_account (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_set_username (LOCAL (f), v, "another_name", e); }
static gboolean set_username_username (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_set_username (LOCAL (f), CST_TEST_PHONE, v, e); }
static gboolean add_person_id (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_add_person (LOCAL (f), CST_ID_TYPE_RESIDENT, v, CST_TEST_NAME_2, NEW_PHONE, NEW_PASS, e) > 0; }
static gboolean add_person_name (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_add_person (LOCAL (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2, v, NEW_PHONE, NEW_PASS, e) > 0; }
static gboolean add_person_phone (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_add_person (LOCAL (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2, v, NEW_PASS, e) > 0; }
static gboolean add_person_password (Fixture *f, const char *v, GError **e)
{ return cst_local_backend_add_person (LOCAL (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2, NEW_PHONE, v, e) > 0; }

typedef struct
{
  const char *name;         /* operation.field */
  Call        call;
  FieldKind   kind;
  const char *valid;        /* a valid value the bad ones are made from */
  gboolean    rules_cover;  /* SQL, 10,000 chars, invalid UTF-8: in test-backend-rules.c */
} Row;

static const Row rows[] = {
  { "send_code.phone",                   send_code_phone,          FIELD_FORMAT,         CST_TEST_PHONE,   TRUE },
  { "send_code(register).phone",         send_code_register_phone, FIELD_FORMAT,         NEW_PHONE,        FALSE },
  { "send_ticket_code.ticket",           send_ticket_code_ticket,  FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "register_begin.id_number",          register_begin_id,        FIELD_FORMAT,         CST_TEST_ID_NUMBER_2, TRUE },
  { "register_begin.name",               register_begin_name,      FIELD_FORMAT,         CST_TEST_NAME_2,  TRUE },
  { "register_set_credentials.ticket",   set_credentials_ticket,   FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", TRUE },
  { "register_set_credentials.password", set_credentials_password, FIELD_NEW_PASSWORD,   NEW_PASS,         FALSE },
  { "register_set_credentials.phone",    set_credentials_phone,    FIELD_FORMAT,         CST_TEST_PHONE_2, FALSE },
  { "register_set_credentials.code",     set_credentials_code,     FIELD_FORMAT,         "123456",         FALSE },
  { "register_complete.ticket",          register_complete_ticket, FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "login_password.account",            login_password_account,   FIELD_FORMAT,         CST_TEST_USERNAME, TRUE },
  { "login_password.password",           login_password_password,  FIELD_LOGIN_PASSWORD, CST_TEST_PASSWORD, TRUE },
  { "login_sms.phone",                   login_sms_phone,          FIELD_FORMAT,         CST_TEST_PHONE,   TRUE },
  { "login_sms.code",                    login_sms_code,           FIELD_FORMAT,         "123456",         TRUE },
  { "login_face.id_number",              login_face_id,            FIELD_FORMAT,         CST_TEST_ID_NUMBER, FALSE },
  { "login_device.credential",           login_device_credential,  FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "enterprise_begin.enterprise_code",  enterprise_begin_code,    FIELD_FORMAT,         CST_TEST_ENTERPRISE_CODE, TRUE },
  { "enterprise_begin.account",          enterprise_begin_account, FIELD_FORMAT,         CST_TEST_PHONE,   FALSE },
  { "enterprise_begin.password",         enterprise_begin_password, FIELD_LOGIN_PASSWORD, CST_TEST_PASSWORD, FALSE },
  { "enterprise_complete_sms.ticket",    enterprise_sms_ticket,    FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "enterprise_complete_sms.code",      enterprise_sms_code,      FIELD_FORMAT,         "123456",         FALSE },
  { "enterprise_complete_face.ticket",   enterprise_face_ticket,   FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "reset_begin.id_number",             reset_begin_id,           FIELD_FORMAT,         CST_TEST_ID_NUMBER, TRUE },
  { "reset_verify_code.ticket",          reset_verify_code_ticket, FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "reset_verify_code.code",            reset_verify_code_code,   FIELD_FORMAT,         "123456",         FALSE },
  { "reset_verify_face.ticket",          reset_verify_face_ticket, FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "reset_send_new_phone_code.ticket",  new_phone_code_ticket,    FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "reset_send_new_phone_code.phone",   new_phone_code_phone,     FIELD_FORMAT,         NEW_PHONE,        FALSE },
  { "reset_verify_new_phone.ticket",     verify_new_phone_ticket,  FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "reset_verify_new_phone.phone",      verify_new_phone_phone,   FIELD_FORMAT,         NEW_PHONE,        FALSE },
  { "reset_verify_new_phone.code",       verify_new_phone_code,    FIELD_FORMAT,         "123456",         FALSE },
  { "reset_complete.ticket",             reset_complete_ticket,    FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "reset_complete.new_password",       reset_complete_password,  FIELD_NEW_PASSWORD,   NEW_PASS,         FALSE },
  { "device_credential_issue.session",   issue_session,            FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "device_credential_issue.password",  issue_password,           FIELD_LOGIN_PASSWORD, CST_TEST_PASSWORD, FALSE },
  { "device_credential_issue.device_name", issue_device_name,      FIELD_FREE_TEXT,      "laptop",         TRUE },
  { "device_credential_revoke.session",  revoke_session,           FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "session_refresh.refresh_token",     refresh_token,            FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "session_lookup.session_token",      lookup_token,             FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", TRUE },
  { "logout.session_token",              logout_token,             FIELD_TOKEN,          "aW52YWxpZC10aWNrZXQ", FALSE },
  { "add_enterprise.code",               add_enterprise_code,      FIELD_FORMAT,         CST_TEST_ENTERPRISE_CODE_2, FALSE },
  { "add_enterprise.name",               add_enterprise_name,      FIELD_FREE_TEXT,      CST_TEST_ENTERPRISE_NAME_2, TRUE },
  { "link.enterprise_code",              link_enterprise,          FIELD_FORMAT,         CST_TEST_ENTERPRISE_CODE, FALSE },
  { "link.account",                      link_account,             FIELD_FORMAT,         CST_TEST_PHONE,   FALSE },
  { "unlock.account",                    unlock_account,           FIELD_FORMAT,         CST_TEST_PHONE,   FALSE },
  { "set_username.account",              set_username_account,     FIELD_FORMAT,         CST_TEST_PHONE,   FALSE },
  { "set_username.username",             set_username_username,    FIELD_FORMAT,         "another_name",   TRUE },
  { "add_person.id_number",              add_person_id,            FIELD_FORMAT,         CST_TEST_ID_NUMBER_2, FALSE },
  { "add_person.name",                   add_person_name,          FIELD_FORMAT,         CST_TEST_NAME_2,  TRUE },
  { "add_person.phone",                  add_person_phone,         FIELD_FORMAT,         NEW_PHONE,        FALSE },
  { "add_person.password",               add_person_password,      FIELD_NEW_PASSWORD,   NEW_PASS,         FALSE },
};

/* ---- the bad values ---- */

typedef enum {
  BAD_EMPTY,
  BAD_BLANK,
  BAD_CONTROL,
  BAD_EMOJI,
  BAD_BIDI_OVERRIDE,
  BAD_BIDI_ISOLATE,
  BAD_BIDI_MARK,
  BAD_MODIFIED_UTF8_NUL,
  BAD_LONE_SURROGATE,
  /* Only for the rows test-backend-rules.c does not cover. */
  BAD_SQL,
  BAD_LONG,
  BAD_INVALID_UTF8,
  N_BAD,
} Bad;

static const char * const bad_names[N_BAD] = {
  "empty", "blank", "control", "emoji", "bidi-override", "bidi-isolate",
  "bidi-mark", "modified-utf8-nul", "lone-surrogate", "sql", "long", "invalid-utf8",
};

/* @valid with @what inserted after its first half (at a character). */
static char *
insert_middle (const char *valid,
               const char *what)
{
  const char *middle = g_utf8_offset_to_pointer (valid, g_utf8_strlen (valid, -1) / 2);
  g_autofree char *head = g_strndup (valid, middle - valid);

  return g_strconcat (head, what, middle, NULL);
}

static char *
make_bad (const char *valid,
          Bad         bad)
{
  switch (bad)
    {
    case BAD_EMPTY:
      return g_strdup ("");
    case BAD_BLANK:
      /* Spaces and an ideographic space (U+3000), as a CJK keyboard types. */
      return g_strdup ("  \u3000  ");
    case BAD_CONTROL:
      /* An ANSI escape: it would repaint the terminal of `chushuitong-admin list`. */
      return insert_middle (valid, "\x1b[2J");
    case BAD_EMOJI:
      return insert_middle (valid, "\xf0\x9f\x98\x80");
    case BAD_BIDI_OVERRIDE:
      return insert_middle (valid, "\u202e");
    case BAD_BIDI_ISOLATE:
      return insert_middle (valid, "\u2067");
    case BAD_BIDI_MARK:
      return insert_middle (valid, "\u200f");
    case BAD_MODIFIED_UTF8_NUL:
      return insert_middle (valid, "\xc0\x80");
    case BAD_LONE_SURROGATE:
      return insert_middle (valid, "\xed\xa0\x80");
    case BAD_SQL:
      return g_strconcat (valid, "'; DROP TABLE persons; --", NULL);
    case BAD_LONG:
      {
        GString *s = g_string_new (NULL);

        while (g_utf8_strlen (s->str, -1) < 10000)
          g_string_append (s, valid);
        return g_string_free (s, FALSE);
      }
    case BAD_INVALID_UTF8:
      return insert_middle (valid, "\xff");
    case N_BAD:
    default:
      g_assert_not_reached ();
    }
}

/* Documented acceptance: values that are not bad for this kind of field. */
static gboolean
is_allowed (const Row *row,
            Bad        bad)
{
  /* "" removes the user name (cst_local_backend_set_username); a device
   * may have no name. */
  if ((row->call == set_username_username || row->call == issue_device_name) && bad == BAD_EMPTY)
    return TRUE;

  if (row->kind == FIELD_NEW_PASSWORD || row->kind == FIELD_FREE_TEXT)
    return bad == BAD_EMOJI || bad == BAD_SQL;

  return FALSE;
}

static gboolean
is_refusal (const Row    *row,
            const GError *error)
{
  if (error == NULL || error->domain != CST_AUTH_ERROR)
    return FALSE;

  if (error->code == CST_AUTH_ERROR_INVALID_INPUT)
    return TRUE;

  switch (row->kind)
    {
    case FIELD_TOKEN:
      return error->code == CST_AUTH_ERROR_EXPIRED ||
             error->code == CST_AUTH_ERROR_NOT_LOGGED_IN ||
             error->code == CST_AUTH_ERROR_CREDENTIAL_REVOKED;
    case FIELD_LOGIN_PASSWORD:
      return error->code == CST_AUTH_ERROR_BAD_CREDENTIALS;
    case FIELD_NEW_PASSWORD:
      return error->code == CST_AUTH_ERROR_PASSWORD_POLICY;
    case FIELD_FORMAT:
    case FIELD_FREE_TEXT:
    default:
      return FALSE;
    }
}

/* ---- the database, byte for byte ---- */

static void
digest_table (sqlite3    *db,
              const char *schema,
              const char *table,
              GChecksum  *checksum)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\".\"%s\" ORDER BY rowid", schema, table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_checksum_update (checksum, (const guchar *) sql, -1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      {
        const void *bytes = sqlite3_column_blob (stmt, i);
        int len = sqlite3_column_bytes (stmt, i);
        guchar sep[2] = { 0x1f, (guchar) sqlite3_column_type (stmt, i) };

        g_checksum_update (checksum, sep, sizeof sep);
        if (bytes != NULL)
          g_checksum_update (checksum, bytes, len);
      }
  sqlite3_finalize (stmt);
}

/* A digest of every row of every table of identity.db and its outbox. */
static char *
database_digest (Fixture *f)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *outbox = g_strconcat (f->base.path, "-sms-outbox", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *attach = NULL;
  const char *schemas[] = { "main", "outbox" };

  g_assert_cmpint (sqlite3_open_v2 (f->base.path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "ATTACH DATABASE ?1 AS outbox", -1, &attach, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (attach, 1, outbox, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (attach), ==, SQLITE_DONE);
  sqlite3_finalize (attach);

  for (guint i = 0; i < G_N_ELEMENTS (schemas); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM \"%s\".sqlite_master "
                                              "WHERE type = 'table' ORDER BY name", schemas[i]);
      g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);

      g_assert_cmpuint (tables->len, >, 0);
      for (guint j = 0; j < tables->len; j++)
        digest_table (db, schemas[i], tables->pdata[j], checksum);
    }

  sqlite3_close (db);

  return g_strdup (g_checksum_get_string (checksum));
}

/* ---- the test ---- */

static void
test_every_field (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autofree char *digest = database_digest (f);
  guint calls = 0;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (Bad bad = 0; bad < N_BAD; bad++)
      {
        const Row *row = &rows[r];
        g_autoptr(GError) error = NULL;
        g_autofree char *value = NULL;
        g_autofree char *after = NULL;
        gboolean ok;

        if (is_allowed (row, bad) || (row->rules_cover && bad >= BAD_SQL))
          continue;

        value = make_bad (row->valid, bad);
        ok = row->call (f, value, &error);
        calls++;

        /* Ending a session that does not exist is not an error (logout
         * is idempotent), as long as nothing changes. */
        if (ok && row->call == logout_token)
          {
            after = database_digest (f);
            if (!g_str_equal (after, digest))
              g_string_append_printf (failures, "%s ← %s: the database changed\n", row->name, bad_names[bad]);
            g_free (digest);
            digest = g_steal_pointer (&after);
            continue;
          }

        if (ok || !is_refusal (row, error))
          {
            g_string_append_printf (failures, "%s ← %s: %s %s\n", row->name, bad_names[bad],
                                    ok ? "accepted" : "refused with",
                                    ok ? "" : error->message);
            g_clear_error (&error);
            g_free (digest);
            digest = database_digest (f);
            continue;
          }

        /* A message to show, as it is. */
        if (error->message == NULL || error->message[0] == '\0')
          g_string_append_printf (failures, "%s ← %s: no message\n", row->name, bad_names[bad]);

        /* A wrong password is counted (the point of the lockout); put the
         * count back so the next row starts from the same state. */
        if (g_error_matches (error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS))
          {
            g_assert_true (cst_local_backend_unlock (LOCAL (f), CST_TEST_PHONE, NULL));
            g_free (digest);
            digest = database_digest (f);
            continue;
          }

        after = database_digest (f);
        if (!g_str_equal (after, digest))
          {
            g_string_append_printf (failures, "%s ← %s: refused (%s) but the database changed\n",
                                    row->name, bad_names[bad], error->message);
            g_free (digest);
            digest = g_steal_pointer (&after);
          }
      }

  g_test_message ("%u calls with a bad value", calls);
  if (failures->len > 0)
    g_test_fail_printf ("bad input that was not refused cleanly:\n%s", failures->str);
}

static void
test_enums (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstFaceCapture) c = capture (f);
  g_autofree char *digest = database_digest (f);
  g_autofree char *after = NULL;
  CstIdType bad_id_type = (CstIdType) 99;
  CstCredentialKind bad_kind = (CstCredentialKind) 99;

  /* Out-of-range enum values, as a buggy or hostile client sends them. */
  g_assert_null (cst_auth_backend_register_begin (AUTH (f), bad_id_type, CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
  g_assert_null (cst_auth_backend_login_face (AUTH (f), bad_id_type, CST_TEST_ID_NUMBER, c, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
  g_assert_null (cst_auth_backend_reset_begin (AUTH (f), bad_id_type, CST_TEST_ID_NUMBER, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
  g_assert_cmpint (cst_local_backend_add_person (LOCAL (f), bad_id_type, CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2,
                                                 NEW_PHONE, NEW_PASS, &error), <=, 0);
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);

  g_assert_false (cst_auth_backend_send_code (AUTH (f), CST_TEST_PHONE, (CstCodePurpose) 0, NULL, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_WRONG_STEP);
  g_assert_false (cst_auth_backend_send_code (AUTH (f), CST_TEST_PHONE, (CstCodePurpose) 99, NULL, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_WRONG_STEP);

  g_assert_null (cst_auth_backend_login_device (AUTH (f), bad_kind, f->credential, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
  g_assert_null (cst_auth_backend_login_device (AUTH (f), CST_CREDENTIAL_KIND_REFRESH, f->credential, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);

  after = database_digest (f);
  g_assert_cmpstr (after, ==, digest);

  /* A role the person does not hold, or no role at all, opens no session. */
  for (gint role = -1; role <= 99; role += 50)
    {
      g_autoptr(CstSession) session = NULL;

      session = cst_auth_backend_enterprise_complete_sms (AUTH (f), f->enterprise_ticket, (CstRole) role,
                                                          f->enterprise_code, &error);
      g_assert_null (session);
      g_assert_nonnull (error);
      g_assert_true (error->domain == CST_AUTH_ERROR);
      g_test_message ("enterprise_complete_sms (role %d): %s", role, error->message);
      g_clear_error (&error);
    }
  g_assert_false (cst_local_backend_link (LOCAL (f), CST_TEST_ENTERPRISE_CODE, CST_TEST_PHONE,
                                          (CstRole) 99, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
  g_assert_cmpint (cst_test_backend_query_int (&f->base, "SELECT count(*) FROM sessions WHERE enterprise_id IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (cst_test_backend_query_int (&f->base, "SELECT count(*) FROM memberships"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Cst/Reliability/BadInput/every-field", Fixture, NULL,
              fixture_setup, test_every_field, fixture_teardown);
  g_test_add ("/Cst/Reliability/BadInput/enums", Fixture, NULL,
              fixture_setup, test_enums, fixture_teardown);

  return g_test_run ();
}
