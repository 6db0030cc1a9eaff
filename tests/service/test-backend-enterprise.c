/* test-backend-enterprise.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cst-test-backend.h"

/* 企业业务登录: enterprise + account + password → role → second factor. */

typedef CstTestBackend Fixture;

#define AUTH(f) CST_TEST_AUTH (f)

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cst_test_backend_setup (f, data);
  cst_test_backend_add_person (f);

  cst_local_backend_add_enterprise (f->backend, CST_TEST_ENTERPRISE_CODE, CST_TEST_ENTERPRISE_NAME, &error);
  g_assert_no_error (error);
  cst_local_backend_link (f->backend, CST_TEST_ENTERPRISE_CODE, CST_TEST_PHONE,
                          CST_ROLE_LEGAL_REPRESENTATIVE, &error);
  g_assert_no_error (error);
  cst_local_backend_link (f->backend, CST_TEST_ENTERPRISE_CODE, CST_TEST_ID_NUMBER,
                          CST_ROLE_TAX_OFFICER, &error);
  g_assert_no_error (error);
  cst_local_backend_add_enterprise (f->backend, CST_TEST_ENTERPRISE_CODE_2, CST_TEST_ENTERPRISE_NAME_2, &error);
  g_assert_no_error (error);
}

static CstEnterpriseChallenge *
begin (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CstEnterpriseChallenge *challenge;

  /* Lower case is accepted for the code. */
  challenge = cst_auth_backend_enterprise_begin (AUTH (f), "91420100ma4k5t8q2p", CST_TEST_USERNAME,
                                                 CST_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (challenge);

  return challenge;
}

static void
test_sms_second_factor (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstEnterpriseChallenge) challenge = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autoptr(CstSession) lookup = NULL;
  g_autofree char *code = NULL;
  gint resend = 0;

  challenge = begin (f);
  g_assert_cmpstr (challenge->enterprise_code, ==, CST_TEST_ENTERPRISE_CODE);
  g_assert_cmpstr (challenge->enterprise_name, ==, CST_TEST_ENTERPRISE_NAME);
  g_assert_cmpstr (challenge->masked_phone, ==, "139****5678");
  g_assert_cmpuint (challenge->n_roles, ==, 2);
  g_assert_cmpint (challenge->roles[0], ==, CST_ROLE_LEGAL_REPRESENTATIVE);
  g_assert_cmpint (challenge->roles[1], ==, CST_ROLE_TAX_OFFICER);
  g_assert_cmpint (challenge->expires, ==,
                   cst_clock_now (f->clock) + (gint64) f->config.ticket_ttl * G_USEC_PER_SEC);

  /* No session exists before the second factor; the ticket is none. */
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM sessions"), ==, 0);
  g_assert_null (cst_auth_backend_session_lookup (AUTH (f), challenge->ticket, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_LOGGED_IN);

  g_assert_true (cst_auth_backend_send_ticket_code (AUTH (f), challenge->ticket, &resend, &error));
  g_assert_no_error (error);
  g_assert_cmpint (resend, ==, 60);
  code = cst_test_backend_last_code (f, CST_TEST_PHONE);

  /* A role the person does not hold there. */
  g_assert_null (cst_auth_backend_enterprise_complete_sms (AUTH (f), challenge->ticket,
                                                           CST_ROLE_INVOICE_CLERK, code, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_LINKED);

  /* A code for personal login is not the enterprise one. */
  {
    g_autofree char *wrong = cst_test_wrong_code (code);
    g_assert_null (cst_auth_backend_enterprise_complete_sms (AUTH (f), challenge->ticket,
                                                             CST_ROLE_TAX_OFFICER, wrong, &error));
    cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_INVALID);
  }
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM sessions"), ==, 0);

  session = cst_auth_backend_enterprise_complete_sms (AUTH (f), challenge->ticket,
                                                      CST_ROLE_TAX_OFFICER, code, &error);
  g_assert_no_error (error);
  g_assert_true (cst_session_is_enterprise (session));
  g_assert_cmpint (cst_session_get_role (session), ==, CST_ROLE_TAX_OFFICER);
  g_assert_cmpstr (cst_session_get_enterprise_code (session), ==, CST_TEST_ENTERPRISE_CODE);
  g_assert_cmpstr (cst_session_get_enterprise_name (session), ==, CST_TEST_ENTERPRISE_NAME);
  g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_ENTERPRISE_SMS);

  lookup = cst_auth_backend_session_lookup (AUTH (f), cst_session_get_token (session), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cst_session_get_role (lookup), ==, CST_ROLE_TAX_OFFICER);
  g_assert_cmpstr (cst_session_get_enterprise_name (lookup), ==, CST_TEST_ENTERPRISE_NAME);

  /* The ticket is used up. */
  g_assert_null (cst_auth_backend_enterprise_complete_sms (AUTH (f), challenge->ticket,
                                                           CST_ROLE_TAX_OFFICER, code, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);
}

static void
test_face_second_factor (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstEnterpriseChallenge) challenge = begin (f);
  g_autoptr(CstFaceCapture) capture = cst_test_backend_capture (f);
  g_autoptr(CstSession) session = NULL;

  cst_scripted_face_verifier_push (f->face, FALSE);
  g_assert_null (cst_auth_backend_enterprise_complete_face (AUTH (f), challenge->ticket,
                                                            CST_ROLE_LEGAL_REPRESENTATIVE, capture, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_FACE_REJECTED);

  session = cst_auth_backend_enterprise_complete_face (AUTH (f), challenge->ticket,
                                                       CST_ROLE_LEGAL_REPRESENTATIVE, capture, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cst_session_get_role (session), ==, CST_ROLE_LEGAL_REPRESENTATIVE);
  g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_ENTERPRISE_FACE);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Unknown enterprise (valid code). */
  g_assert_null (cst_auth_backend_enterprise_begin (AUTH (f), "91420100MA4K5T8Q3T", CST_TEST_PHONE,
                                                    CST_TEST_PASSWORD, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_ENTERPRISE_UNKNOWN);

  /* Not linked to this enterprise. */
  g_assert_null (cst_auth_backend_enterprise_begin (AUTH (f), CST_TEST_ENTERPRISE_CODE_2, CST_TEST_PHONE,
                                                    CST_TEST_PASSWORD, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_LINKED);

  /* A wrong password counts towards the same lockout as personal login. */
  g_assert_null (cst_auth_backend_enterprise_begin (AUTH (f), CST_TEST_ENTERPRISE_CODE, CST_TEST_PHONE,
                                                    "Wrong#Pass1", &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, 4);
  g_clear_error (&error);

  /* Unknown accounts read like wrong passwords. */
  g_assert_null (cst_auth_backend_enterprise_begin (AUTH (f), CST_TEST_ENTERPRISE_CODE, CST_TEST_PHONE_2,
                                                    "Wrong#Pass1", &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, 4);
  g_clear_error (&error);

  /* An invalid code is an input error on the enterprise field. */
  g_assert_null (cst_auth_backend_enterprise_begin (AUTH (f), "91420100MA4K5T8Q2X", CST_TEST_PHONE,
                                                    CST_TEST_PASSWORD, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_INVALID_INPUT);
  g_assert_cmpstr (cst_auth_error_get_field (error), ==, CST_FIELD_ENTERPRISE);
}

static void
test_ticket_expires (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstEnterpriseChallenge) challenge = begin (f);
  g_autofree char *code = NULL;

  g_assert_true (cst_auth_backend_send_ticket_code (AUTH (f), challenge->ticket, NULL, &error));
  g_assert_no_error (error);
  code = cst_test_backend_last_code (f, CST_TEST_PHONE);

  /* The ticket does not slide forward: 5 minutes from the password. */
  cst_test_backend_advance (f, f->config.ticket_ttl);
  g_assert_null (cst_auth_backend_enterprise_complete_sms (AUTH (f), challenge->ticket,
                                                           CST_ROLE_TAX_OFFICER, code, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);
  g_assert_false (cst_auth_backend_send_ticket_code (AUTH (f), challenge->ticket, NULL, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM sessions"), ==, 0);
}

static void
test_unlinked_meanwhile (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstEnterpriseChallenge) challenge = begin (f);
  g_autoptr(CstFaceCapture) capture = cst_test_backend_capture (f);

  /* The role is checked again at the second factor. */
  cst_test_backend_exec (f, "DELETE FROM memberships WHERE role = 3");
  g_assert_null (cst_auth_backend_enterprise_complete_face (AUTH (f), challenge->ticket,
                                                            CST_ROLE_TAX_OFFICER, capture, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_LINKED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cst/BackendEnterprise/" path, Fixture, NULL, setup, func, cst_test_backend_teardown)

  ADD ("sms-second-factor", test_sms_second_factor);
  ADD ("face-second-factor", test_face_second_factor);
  ADD ("refusals", test_refusals);
  ADD ("ticket-expires", test_ticket_expires);
  ADD ("unlinked-meanwhile", test_unlinked_meanwhile);

  return g_test_run ();
}
