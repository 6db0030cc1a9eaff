/* test-local-backend.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cst-test-backend.h"

typedef CstTestBackend Fixture;

#define AUTH(f) CST_TEST_AUTH (f)

static void
test_open_creates_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cst-open-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "deep", "er", NULL);
  g_autofree char *path = g_build_filename (sub, "identity.db", NULL);
  g_autoptr(CstLocalBackend) backend = NULL;
  GStatBuf st;

  /* The constructor does no I/O: nothing exists until the first use. */
  backend = cst_local_backend_new (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (cst_local_backend_get_path (backend), ==, path);

  cst_local_backend_open (backend, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_clear_object (&backend);
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_autofree char *outbox = g_strconcat (path, "-sms-outbox", NULL);
    g_autofree char *outbox_wal = g_strconcat (outbox, "-wal", NULL);
    g_autofree char *outbox_shm = g_strconcat (outbox, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
    g_remove (outbox);
    g_remove (outbox_wal);
    g_remove (outbox_shm);
  }
  g_rmdir (sub);
  {
    g_autofree char *deep = g_build_filename (dir, "deep", NULL);
    g_rmdir (deep);
  }
  g_rmdir (dir);
}

static void
test_default_path (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("CST_DATABASE"));
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;

  g_setenv ("CST_DATABASE", "/srv/test/id.db", TRUE);
  path = cst_local_backend_default_path ();
  g_assert_cmpstr (path, ==, "/srv/test/id.db");
  g_clear_pointer (&path, g_free);

  g_unsetenv ("CST_DATABASE");
  path = cst_local_backend_default_path ();
  expected = g_build_filename (g_get_user_data_dir (), "chushuitong", "identity.db", NULL);
  g_assert_cmpstr (path, ==, expected);

  if (saved != NULL)
    g_setenv ("CST_DATABASE", saved, TRUE);
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstLocalBackend) backend = NULL;

  g_clear_object (&f->backend);
  cst_test_backend_exec (f, "PRAGMA user_version = 99");

  backend = cst_local_backend_new (f->path, f->clock, NULL, NULL, &f->config, &error);
  g_assert_no_error (error);
  g_assert_false (cst_local_backend_open (backend, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_DATABASE_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_clear_error (&error);

  /* Every operation says the same; nothing is written. */
  g_assert_null (cst_auth_backend_login_password (CST_AUTH_BACKEND (backend), CST_TEST_PHONE,
                                                  CST_TEST_PASSWORD, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_DATABASE_TOO_NEW);
  g_assert_cmpint (cst_test_backend_query_int (f, "PRAGMA user_version"), ==, 99);

  /* The fixture's teardown must not trip on it. */
  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA user_version = %d",
                                                cst_local_backend_schema_version ());
    cst_test_backend_exec (f, restore);
  }
  f->backend = g_steal_pointer (&backend);
}

static void
test_schema_version (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpint (cst_test_backend_query_int (f, "PRAGMA user_version"), ==,
                   cst_local_backend_schema_version ());
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM pragma_journal_mode "
                                                  "WHERE journal_mode = 'wal'"), ==, 1);
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstFaceCapture) capture = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autoptr(CstSession) again = NULL;
  g_autofree char *ticket = NULL;
  g_autofree char *code = NULL;

  ticket = cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT,
                                            CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ticket);

  /* Out of order: no credentials yet. */
  capture = cst_test_backend_capture (f);
  g_assert_null (cst_auth_backend_register_complete (AUTH (f), ticket, capture, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_WRONG_STEP);

  code = cst_test_backend_send_code (f, CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER);

  /* A weak password is refused with the reason, and the code survives. */
  g_assert_false (cst_auth_backend_register_set_credentials (AUTH (f), ticket, "12345678",
                                                             CST_TEST_PHONE_2, code, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_PASSWORD_POLICY);
  g_assert_cmpstr (cst_auth_error_get_field (error), ==, CST_FIELD_PASSWORD);
  g_clear_error (&error);

  g_assert_true (cst_auth_backend_register_set_credentials (AUTH (f), ticket, "Wuhan&Tax88",
                                                            CST_TEST_PHONE_2, code, &error));
  g_assert_no_error (error);

  /* The account exists only after the face step. */
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM persons"), ==, 0);

  cst_scripted_face_verifier_push (f->face, FALSE);
  g_assert_null (cst_auth_backend_register_complete (AUTH (f), ticket, capture, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_FACE_REJECTED);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM persons"), ==, 0);

  session = cst_auth_backend_register_complete (AUTH (f), ticket, capture, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpstr (cst_session_get_name (session), ==, CST_TEST_NAME_2);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_TEST_ID_NUMBER_2);
  g_assert_cmpstr (cst_session_get_phone (session), ==, CST_TEST_PHONE_2);
  g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_REGISTRATION);
  g_assert_nonnull (cst_session_get_refresh_token (session));
  g_assert_false (cst_session_is_enterprise (session));
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM persons"), ==, 1);

  /* The ticket is used up. */
  g_assert_null (cst_auth_backend_register_complete (AUTH (f), ticket, capture, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);

  /* The password set in step 3 logs in. */
  again = cst_auth_backend_login_password (AUTH (f), CST_TEST_ID_NUMBER_2, "Wuhan&Tax88", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cst_session_get_person_id (again), ==, cst_session_get_person_id (session));

  /* The same ID cannot register twice; the phone cannot be reused. */
  g_assert_null (cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT,
                                                  CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_ALREADY_REGISTERED);
  g_assert_false (cst_auth_backend_send_code (AUTH (f), CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER,
                                              NULL, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_PHONE_IN_USE);
}

static void
test_register_ticket_expires (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ticket = NULL;
  g_autofree char *code = NULL;

  ticket = cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT,
                                            CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2, &error);
  g_assert_no_error (error);
  code = cst_test_backend_send_code (f, CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER);

  cst_test_backend_advance (f, f->config.ticket_ttl);
  g_assert_false (cst_auth_backend_register_set_credentials (AUTH (f), ticket, "Wuhan&Tax88",
                                                             CST_TEST_PHONE_2, code, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);

  /* A made-up ticket is no better. */
  g_assert_false (cst_auth_backend_register_set_credentials (AUTH (f), "not-a-ticket", "Wuhan&Tax88",
                                                             CST_TEST_PHONE_2, code, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);
}

static void
test_register_without_face (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autoptr(CstFaceCapture) capture = NULL;
  g_autofree char *ticket = NULL;
  g_autofree char *code = NULL;

  /* Face recognition switched off: the verified phone completes it. */
  cst_scripted_face_verifier_set_available (f->face, FALSE);
  g_assert_false (cst_auth_backend_face_available (AUTH (f)));

  ticket = cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT,
                                            CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2, &error);
  g_assert_no_error (error);
  code = cst_test_backend_send_code (f, CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER);
  cst_auth_backend_register_set_credentials (AUTH (f), ticket, "Wuhan&Tax88",
                                             CST_TEST_PHONE_2, code, &error);
  g_assert_no_error (error);

  /* An empty capture: the client had nothing to capture. */
  capture = cst_face_capture_new (0, cst_clock_now (f->clock), NULL);
  session = cst_auth_backend_register_complete (AUTH (f), ticket, capture, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpuint (cst_scripted_face_verifier_get_calls (f->face), ==, 0);
}

static void
test_login_password_accounts (Fixture       *f,
                              gconstpointer  data)
{
  const char *accounts[] = {
    CST_TEST_ID_NUMBER, CST_TEST_PHONE, CST_TEST_USERNAME,
    "+86 139-1234-5678",              /* phones as people type them */
    "１３９１２３４５６７８",           /* full-width digits */
    "LISI_WUHAN",                     /* user names ignore case */
  };
  gint64 person;

  person = cst_test_backend_add_person (f);

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CstSession) session = NULL;
      gint64 now_us = cst_clock_now (f->clock);

      session = cst_auth_backend_login_password (AUTH (f), accounts[i], CST_TEST_PASSWORD,
                                                 FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cst_session_get_person_id (session), ==, person);
      g_assert_cmpstr (cst_session_get_name (session), ==, CST_TEST_NAME);
      g_assert_cmpstr (cst_session_get_username (session), ==, CST_TEST_USERNAME);
      g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_PASSWORD);
      g_assert_cmpint (cst_session_get_role (session), ==, CST_ROLE_NONE);
      g_assert_null (cst_session_get_refresh_token (session));
      g_assert_cmpint (cst_session_get_expires (session), ==,
                       now_us + (gint64) f->config.session_ttl * G_USEC_PER_SEC);
      g_assert_cmpuint (strlen (cst_session_get_token (session)), >=, 43);
    }
}

static void
test_login_sms (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autofree char *code = NULL;
  gint resend_known = 0;
  gint resend_unknown = 0;

  cst_test_backend_add_person (f);

  cst_auth_backend_send_code (AUTH (f), CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN, &resend_known, &error);
  g_assert_no_error (error);
  code = cst_test_backend_last_code (f, CST_TEST_PHONE);

  session = cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, code, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_SMS);
  g_assert_nonnull (cst_session_get_refresh_token (session));

  /* An unknown phone: the same answer, but nothing is sent … */
  cst_capture_sms_gateway_clear (f->sms);
  g_assert_true (cst_auth_backend_send_code (AUTH (f), CST_TEST_PHONE_2, CST_CODE_PURPOSE_LOGIN,
                                             &resend_unknown, &error));
  g_assert_no_error (error);
  g_assert_cmpint (resend_unknown, ==, resend_known);
  g_assert_cmpuint (cst_capture_sms_gateway_count (f->sms), ==, 0);

  /* … and every code fails like a wrong one. */
  g_assert_null (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE_2, "123456", FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_INVALID);

  /* Rate limits apply alike. */
  g_assert_false (cst_auth_backend_send_code (AUTH (f), CST_TEST_PHONE_2, CST_CODE_PURPOSE_LOGIN,
                                              NULL, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_RATE_LIMITED);
}

static void
test_login_face (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autoptr(CstFaceCapture) capture = cst_test_backend_capture (f);

  cst_test_backend_add_person (f);

  session = cst_auth_backend_login_face (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER,
                                         capture, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_FACE);
  g_assert_cmpuint (cst_scripted_face_verifier_get_calls (f->face), ==, 1);

  cst_scripted_face_verifier_push (f->face, FALSE);
  g_assert_null (cst_auth_backend_login_face (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER,
                                              capture, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_FACE_REJECTED);

  g_assert_null (cst_auth_backend_login_face (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2,
                                              capture, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_REGISTERED);

  cst_scripted_face_verifier_set_available (f->face, FALSE);
  g_assert_null (cst_auth_backend_login_face (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER,
                                              capture, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_FACE_UNAVAILABLE);
}

static void
test_local_face_simulation (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cst-face-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "identity.db", NULL);
  g_autoptr(CstLocalBackend) backend = NULL;

  /* No verifier given: the labelled local simulation, enabled. */
  backend = cst_local_backend_new (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cst_auth_backend_face_available (CST_AUTH_BACKEND (backend)));
  g_assert_true (cst_auth_backend_face_simulated (CST_AUTH_BACKEND (backend)));
  g_rmdir (dir);
}

static void
test_device_credentials (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autoptr(CstSession) quick = NULL;
  g_autofree char *credential = NULL;
  g_autofree char *replacement = NULL;

  cst_test_backend_add_person (f);
  session = cst_test_backend_login (f, FALSE);

  /* The personal password is required, and a wrong one counts. */
  g_assert_null (cst_auth_backend_device_credential_issue (AUTH (f), cst_session_get_token (session),
                                                           "Wrong#Pass1", CST_CREDENTIAL_KIND_FINGERPRINT,
                                                           "laptop", &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, 4);
  g_clear_error (&error);

  credential = cst_auth_backend_device_credential_issue (AUTH (f), cst_session_get_token (session),
                                                         CST_TEST_PASSWORD,
                                                         CST_CREDENTIAL_KIND_FINGERPRINT,
                                                         "laptop", &error);
  g_assert_no_error (error);
  g_assert_nonnull (credential);

  quick = cst_auth_backend_login_device (AUTH (f), CST_CREDENTIAL_KIND_FINGERPRINT, credential, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cst_session_get_method (quick), ==, CST_LOGIN_METHOD_FINGERPRINT);
  g_clear_object (&quick);

  /* A credential of one kind does not work as another. */
  g_assert_null (cst_auth_backend_login_device (AUTH (f), CST_CREDENTIAL_KIND_FACE, credential, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CREDENTIAL_REVOKED);

  /* Issuing again for the same device replaces the old one. */
  replacement = cst_auth_backend_device_credential_issue (AUTH (f), cst_session_get_token (session),
                                                          CST_TEST_PASSWORD,
                                                          CST_CREDENTIAL_KIND_FINGERPRINT,
                                                          "laptop", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (replacement, !=, credential);
  g_assert_null (cst_auth_backend_login_device (AUTH (f), CST_CREDENTIAL_KIND_FINGERPRINT, credential, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CREDENTIAL_REVOKED);

  /* Switching it off revokes it. */
  g_assert_true (cst_auth_backend_device_credential_revoke (AUTH (f), cst_session_get_token (session),
                                                            CST_CREDENTIAL_KIND_FINGERPRINT, &error));
  g_assert_no_error (error);
  g_assert_null (cst_auth_backend_login_device (AUTH (f), CST_CREDENTIAL_KIND_FINGERPRINT, replacement, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CREDENTIAL_REVOKED);

  /* Without a session there is nothing to issue for. */
  g_assert_null (cst_auth_backend_device_credential_issue (AUTH (f), "no-such-session", CST_TEST_PASSWORD,
                                                           CST_CREDENTIAL_KIND_FACE, "laptop", &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_LOGGED_IN);
}

static void
test_refresh_rotation (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) first = NULL;
  g_autoptr(CstSession) second = NULL;
  g_autoptr(CstSession) third = NULL;
  g_autoptr(CstSession) lookup = NULL;

  cst_test_backend_add_person (f);
  first = cst_test_backend_login (f, TRUE);
  g_assert_nonnull (cst_session_get_refresh_token (first));

  second = cst_auth_backend_session_refresh (AUTH (f), cst_session_get_refresh_token (first), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cst_session_get_method (second), ==, CST_LOGIN_METHOD_REFRESH);
  g_assert_cmpstr (cst_session_get_refresh_token (second), !=, cst_session_get_refresh_token (first));
  g_assert_cmpstr (cst_session_get_token (second), !=, cst_session_get_token (first));

  /* The old token is dead; showing it again kills the whole chain,
   * including the session and token that were handed out for it. */
  g_assert_null (cst_auth_backend_session_refresh (AUTH (f), cst_session_get_refresh_token (first), &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CREDENTIAL_REVOKED);

  g_assert_null (cst_auth_backend_session_refresh (AUTH (f), cst_session_get_refresh_token (second), &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CREDENTIAL_REVOKED);
  g_assert_null (cst_auth_backend_session_lookup (AUTH (f), cst_session_get_token (second), &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_LOGGED_IN);

  /* A fresh login starts a new chain that works. */
  g_clear_object (&first);
  first = cst_test_backend_login (f, TRUE);
  cst_test_backend_advance (f, f->config.refresh_ttl - 1);
  third = cst_auth_backend_session_refresh (AUTH (f), cst_session_get_refresh_token (first), &error);
  g_assert_no_error (error);
  cst_test_backend_advance (f, f->config.refresh_ttl);
  g_assert_null (cst_auth_backend_session_refresh (AUTH (f), cst_session_get_refresh_token (third), &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);
}

static void
test_session_lookup_and_logout (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autoptr(CstSession) lookup = NULL;
  g_autoptr(CstSession) other = NULL;

  cst_test_backend_add_person (f);
  session = cst_test_backend_login (f, TRUE);

  lookup = cst_auth_backend_session_lookup (AUTH (f), cst_session_get_token (session), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cst_session_get_person_id (lookup), ==, cst_session_get_person_id (session));
  g_assert_cmpint (cst_session_get_expires (lookup), ==, cst_session_get_expires (session));
  g_assert_cmpstr (cst_session_get_phone (lookup), ==, CST_TEST_PHONE);

  g_assert_true (cst_auth_backend_logout (AUTH (f), cst_session_get_token (session), &error));
  g_assert_no_error (error);
  g_assert_null (cst_auth_backend_session_lookup (AUTH (f), cst_session_get_token (session), &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_LOGGED_IN);

  /* Its 保持登录 token ended with it. */
  g_assert_null (cst_auth_backend_session_refresh (AUTH (f), cst_session_get_refresh_token (session), &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CREDENTIAL_REVOKED);

  /* Logging out twice is fine. */
  g_assert_true (cst_auth_backend_logout (AUTH (f), cst_session_get_token (session), &error));
  g_assert_no_error (error);

  /* Sessions expire after session_ttl. */
  other = cst_test_backend_login (f, FALSE);
  cst_test_backend_advance (f, f->config.session_ttl);
  g_assert_null (cst_auth_backend_session_lookup (AUTH (f), cst_session_get_token (other), &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cst/LocalBackend/" path, Fixture, NULL, cst_test_backend_setup, func, cst_test_backend_teardown)

  g_test_add_func ("/Cst/LocalBackend/open-creates-database", test_open_creates_database);
  g_test_add_func ("/Cst/LocalBackend/default-path", test_default_path);
  g_test_add_func ("/Cst/LocalBackend/local-face-simulation", test_local_face_simulation);
  ADD ("schema-version", test_schema_version);
  ADD ("too-new", test_too_new);
  ADD ("register", test_register);
  ADD ("register-ticket-expires", test_register_ticket_expires);
  ADD ("register-without-face", test_register_without_face);
  ADD ("login-password-accounts", test_login_password_accounts);
  ADD ("login-sms", test_login_sms);
  ADD ("login-face", test_login_face);
  ADD ("device-credentials", test_device_credentials);
  ADD ("refresh-rotation", test_refresh_rotation);
  ADD ("session-lookup-and-logout", test_session_lookup_and_logout);

  return g_test_run ();
}
