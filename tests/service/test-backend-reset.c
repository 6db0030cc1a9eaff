/* test-backend-reset.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cst-test-backend.h"

/* 忘记密码: by a code to the phone on file, or by face and a new phone. */

typedef CstTestBackend Fixture;

#define AUTH(f) CST_TEST_AUTH (f)

#define NEW_PASSWORD "Yangtze!River9"
#define NEW_PHONE    "13755556666"

static CstResetChallenge *
begin (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CstResetChallenge *challenge;

  challenge = cst_auth_backend_reset_begin (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER, &error);
  g_assert_no_error (error);
  g_assert_nonnull (challenge);
  g_assert_cmpstr (challenge->masked_phone, ==, "139****5678");

  return challenge;
}

static void
test_reset_by_code (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) before = NULL;
  g_autoptr(CstSession) after = NULL;
  g_autoptr(CstResetChallenge) challenge = NULL;
  g_autofree char *credential = NULL;
  g_autofree char *code = NULL;

  cst_test_backend_add_person (f);
  before = cst_test_backend_login (f, TRUE);
  credential = cst_auth_backend_device_credential_issue (AUTH (f), cst_session_get_token (before),
                                                         CST_TEST_PASSWORD, CST_CREDENTIAL_KIND_FINGERPRINT,
                                                         "laptop", &error);
  g_assert_no_error (error);

  /* Locked out, which a reset clears. */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_null (cst_auth_backend_login_password (AUTH (f), CST_TEST_PHONE, "Wrong#Pass1", FALSE, &error));
      g_clear_error (&error);
    }

  challenge = begin (f);

  /* Not before the code is verified. */
  g_assert_false (cst_auth_backend_reset_complete (AUTH (f), challenge->ticket, NEW_PASSWORD, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_WRONG_STEP);

  g_assert_true (cst_auth_backend_send_ticket_code (AUTH (f), challenge->ticket, NULL, &error));
  g_assert_no_error (error);
  code = cst_test_backend_last_code (f, CST_TEST_PHONE);
  g_assert_true (cst_auth_backend_reset_verify_code (AUTH (f), challenge->ticket, code, &error));
  g_assert_no_error (error);

  /* The policy holds, with the person's own data. */
  g_assert_false (cst_auth_backend_reset_complete (AUTH (f), challenge->ticket, "x" CST_TEST_PHONE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_PASSWORD_POLICY);
  g_assert_false (cst_auth_backend_reset_complete (AUTH (f), challenge->ticket, "A#" CST_TEST_USERNAME, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_PASSWORD_POLICY);

  g_assert_true (cst_auth_backend_reset_complete (AUTH (f), challenge->ticket, NEW_PASSWORD, &error));
  g_assert_no_error (error);

  /* Every session, remembered token and quick-login credential is gone. */
  g_assert_null (cst_auth_backend_session_lookup (AUTH (f), cst_session_get_token (before), &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_LOGGED_IN);
  g_assert_null (cst_auth_backend_session_refresh (AUTH (f), cst_session_get_refresh_token (before), &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CREDENTIAL_REVOKED);
  g_assert_null (cst_auth_backend_login_device (AUTH (f), CST_CREDENTIAL_KIND_FINGERPRINT, credential, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CREDENTIAL_REVOKED);

  /* The old password is dead, the lockout cleared, the new one works. */
  g_assert_null (cst_auth_backend_login_password (AUTH (f), CST_TEST_PHONE, CST_TEST_PASSWORD, FALSE, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, 4);
  g_clear_error (&error);
  after = cst_auth_backend_login_password (AUTH (f), CST_TEST_PHONE, NEW_PASSWORD, FALSE, &error);
  g_assert_no_error (error);

  /* The ticket is used up. */
  g_assert_false (cst_auth_backend_reset_complete (AUTH (f), challenge->ticket, NEW_PASSWORD, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);
}

static void
test_reset_by_face_and_new_phone (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstResetChallenge) challenge = NULL;
  g_autoptr(CstFaceCapture) capture = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autofree char *code = NULL;
  gint resend = 0;

  cst_test_backend_add_person (f);
  cst_test_backend_add_person_full (f, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2,
                                    CST_TEST_PHONE_2, CST_TEST_PASSWORD);
  challenge = begin (f);
  capture = cst_test_backend_capture (f);

  /* No new phone before the face check. */
  g_assert_false (cst_auth_backend_reset_send_new_phone_code (AUTH (f), challenge->ticket, NEW_PHONE,
                                                              NULL, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_WRONG_STEP);

  g_assert_true (cst_auth_backend_reset_verify_face (AUTH (f), challenge->ticket, capture, &error));
  g_assert_no_error (error);

  /* Someone else's number cannot be taken. */
  g_assert_false (cst_auth_backend_reset_send_new_phone_code (AUTH (f), challenge->ticket, CST_TEST_PHONE_2,
                                                              NULL, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_PHONE_IN_USE);

  g_assert_true (cst_auth_backend_reset_send_new_phone_code (AUTH (f), challenge->ticket, NEW_PHONE,
                                                             &resend, &error));
  g_assert_no_error (error);
  g_assert_cmpint (resend, ==, 60);
  code = cst_test_backend_last_code (f, NEW_PHONE);

  /* Face verified alone is not enough to set the password. */
  g_assert_false (cst_auth_backend_reset_complete (AUTH (f), challenge->ticket, NEW_PASSWORD, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_WRONG_STEP);

  /* The code belongs to the number it was sent to. */
  g_assert_false (cst_auth_backend_reset_verify_new_phone (AUTH (f), challenge->ticket, "13711112222",
                                                           code, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_INVALID);
  g_assert_true (cst_auth_backend_reset_verify_new_phone (AUTH (f), challenge->ticket, NEW_PHONE, code, &error));
  g_assert_no_error (error);

  g_assert_true (cst_auth_backend_reset_complete (AUTH (f), challenge->ticket, NEW_PASSWORD, &error));
  g_assert_no_error (error);

  /* The phone changed: the new number logs in, the old one is unknown. */
  session = cst_auth_backend_login_password (AUTH (f), NEW_PHONE, NEW_PASSWORD, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cst_session_get_phone (session), ==, NEW_PHONE);
  g_assert_null (cst_auth_backend_login_password (AUTH (f), CST_TEST_PHONE, NEW_PASSWORD, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_BAD_CREDENTIALS);
}

static void
test_reset_refusals (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstResetChallenge) challenge = NULL;
  g_autoptr(CstFaceCapture) capture = NULL;
  g_autofree char *code = NULL;

  g_assert_null (cst_auth_backend_reset_begin (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_REGISTERED);
  g_assert_null (cst_auth_backend_reset_begin (AUTH (f), CST_ID_TYPE_RESIDENT, "110101199003071234", &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);

  cst_test_backend_add_person (f);
  challenge = begin (f);
  g_assert_true (cst_auth_backend_send_ticket_code (AUTH (f), challenge->ticket, NULL, &error));
  code = cst_test_backend_last_code (f, CST_TEST_PHONE);

  /* A RESET code does not log in. */
  g_assert_null (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, code, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_INVALID);

  /* Face switched off: the face path says so. */
  capture = cst_test_backend_capture (f);
  cst_scripted_face_verifier_set_available (f->face, FALSE);
  g_assert_false (cst_auth_backend_reset_verify_face (AUTH (f), challenge->ticket, capture, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_FACE_UNAVAILABLE);

  /* The ticket expires. */
  cst_test_backend_advance (f, f->config.ticket_ttl);
  g_assert_false (cst_auth_backend_reset_verify_code (AUTH (f), challenge->ticket, code, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cst/BackendReset/" path, Fixture, NULL, cst_test_backend_setup, func, cst_test_backend_teardown)

  ADD ("by-code", test_reset_by_code);
  ADD ("by-face-and-new-phone", test_reset_by_face_and_new_phone);
  ADD ("refusals", test_reset_refusals);

  return g_test_run ();
}
