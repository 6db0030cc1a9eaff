/* test-backend-rules.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cst-test-backend.h"

/* The rules of SPEC §3, driven by the manual clock. */

typedef CstTestBackend Fixture;

#define AUTH(f) CST_TEST_AUTH (f)

static GError *
login_error (Fixture    *f,
             const char *account,
             const char *password)
{
  GError *error = NULL;
  g_autoptr(CstSession) session = NULL;

  session = cst_auth_backend_login_password (AUTH (f), account, password, FALSE, &error);
  g_assert_null (session);
  g_assert_nonnull (error);

  return error;
}

static void
test_lockout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;

  cst_test_backend_add_person (f);

  /* 4, 3, 2, 1 tries left, then locked for 30 minutes. */
  for (gint left = 4; left >= 1; left--)
    {
      error = login_error (f, CST_TEST_PHONE, "Wrong#Pass1");
      g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS);
      g_assert_cmpint (cst_auth_error_get_value (error), ==, left);
      g_clear_error (&error);
    }

  error = login_error (f, CST_TEST_PHONE, "Wrong#Pass1");
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_LOCKED);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, 30);
  g_clear_error (&error);

  /* The right password does not help while locked, by any account form. */
  error = login_error (f, CST_TEST_USERNAME, CST_TEST_PASSWORD);
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_LOCKED);
  g_clear_error (&error);

  /* It survives a restart of the service. */
  cst_test_backend_advance (f, 10 * 60);
  cst_test_backend_reopen (f);
  error = login_error (f, CST_TEST_ID_NUMBER, CST_TEST_PASSWORD);
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_LOCKED);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, 20);
  g_clear_error (&error);

  /* After 30 minutes, the right password works and resets the count. */
  cst_test_backend_advance (f, 20 * 60);
  session = cst_test_backend_login (f, FALSE);
  error = login_error (f, CST_TEST_PHONE, "Wrong#Pass1");
  g_assert_cmpint (cst_auth_error_get_value (error), ==, 4);
}

static void
test_lockout_needs_consecutive_failures (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cst_test_backend_add_person (f);

  for (guint round = 0; round < 3; round++)
    {
      for (guint i = 0; i < 4; i++)
        {
          error = login_error (f, CST_TEST_PHONE, "Wrong#Pass1");
          g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS);
          g_clear_error (&error);
        }
      g_object_unref (cst_test_backend_login (f, FALSE));
    }
}

static void
test_admin_unlock (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;

  cst_test_backend_add_person (f);
  for (guint i = 0; i < 5; i++)
    g_error_free (login_error (f, CST_TEST_PHONE, "Wrong#Pass1"));

  error = login_error (f, CST_TEST_PHONE, CST_TEST_PASSWORD);
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_true (cst_local_backend_unlock (f->backend, CST_TEST_USERNAME, &error));
  g_assert_no_error (error);
  session = cst_test_backend_login (f, FALSE);
}

static void
test_enumeration (Fixture       *f,
                  gconstpointer  data)
{
  const char *unknown[] = { CST_TEST_PHONE_2, CST_TEST_ID_NUMBER_2, "nobody_here" };

  cst_test_backend_add_person (f);

  /* A wrong password for a real account and any password for an unknown
   * one read exactly the same, try after try, up to the lockout. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      g_autoptr(GError) known = login_error (f, CST_TEST_PHONE, "Wrong#Pass1");

      for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
        {
          g_autoptr(GError) other = login_error (f, unknown[i], "Wrong#Pass1");

          g_assert_true (other->domain == known->domain);
          g_assert_cmpint (other->code, ==, known->code);
          g_assert_cmpstr (other->message, ==, known->message);
          g_assert_cmpint (cst_auth_error_get_value (other), ==, cst_auth_error_get_value (known));
          g_assert_cmpstr (cst_auth_error_get_field (other), ==, cst_auth_error_get_field (known));
        }
    }
}

static gint64
median_failure_us (Fixture    *f,
                   const char *account)
{
  gint64 times[5];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = login_error (f, account, "Wrong#Pass1");

      times[i] = g_get_monotonic_time () - start;
      /* Stay below the lockout so both paths do the same work. */
      if (i == 3)
        {
          cst_local_backend_unlock (f->backend, CST_TEST_PHONE, NULL);
          cst_test_backend_advance (f, 2 * 60 * 60);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (times); j++)
      if (times[j] < times[i])
        {
          gint64 t = times[i];
          times[i] = times[j];
          times[j] = t;
        }

  return times[G_N_ELEMENTS (times) / 2];
}

static void
test_enumeration_timing (Fixture       *f,
                         gconstpointer  data)
{
  gint64 known, unknown;

  /* A coarse check only: both paths verify one argon2id hash (~22 ms),
   * so neither may be several times faster than the other. The exact
   * distribution is for a benchmark on a quiet machine, not a test on
   * two busy cores. */
  cst_test_backend_add_person (f);
  known = median_failure_us (f, CST_TEST_PHONE);
  unknown = median_failure_us (f, CST_TEST_PHONE_2);

  g_test_message ("median failure: known %" G_GINT64_FORMAT " µs, unknown %" G_GINT64_FORMAT " µs",
                  known, unknown);
  g_assert_cmpint (unknown * 3, >, known);
  g_assert_cmpint (known * 3, >, unknown);
}

static void
test_min_failure_time (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  f->config.min_failure_time_ms = 300;
  cst_test_backend_reopen (f);

  start = g_get_monotonic_time ();
  error = login_error (f, CST_TEST_PHONE_2, "Wrong#Pass1");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
}

static void
test_rehash_when_cost_grows (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(CstSession) session = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  cst_test_backend_add_person (f);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM persons "
                                                  "WHERE password_hash LIKE '$argon2id$v=19$m=19456,t=2,%'"),
                   ==, 1);

  f->config.pwhash_opslimit = 3;
  cst_test_backend_reopen (f);
  session = cst_test_backend_login (f, FALSE);

  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM persons "
                                                  "WHERE password_hash LIKE '$argon2id$v=19$m=19456,t=3,%'"),
                   ==, 1);

  /* And the new hash still takes the password. */
  g_clear_object (&session);
  session = cst_test_backend_login (f, FALSE);
}

static void
test_code_expiry (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autofree char *code = NULL;

  cst_test_backend_add_person (f);
  code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);

  cst_test_backend_advance (f, f->config.code_ttl);
  g_assert_null (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, code, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_EXPIRED);

  g_clear_pointer (&code, g_free);
  code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
  cst_test_backend_advance (f, f->config.code_ttl - 1);
  session = cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, code, FALSE, &error);
  g_assert_no_error (error);
}

static void
test_code_single_use (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autofree char *code = NULL;

  cst_test_backend_add_person (f);
  code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);

  session = cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, code, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, code, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_EXPIRED);
}

static void
test_code_tries (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;

  cst_test_backend_add_person (f);
  code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
  wrong = cst_test_wrong_code (code);

  for (guint i = 0; i < 5; i++)
    {
      g_assert_null (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, wrong, FALSE, &error));
      cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_INVALID);
    }

  /* Dead after five wrong tries, even with the right code. */
  g_assert_null (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, code, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_EXPIRED);
}

static void
test_code_binding (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autofree char *code = NULL;

  cst_test_backend_add_person (f);

  /* A REGISTER code for a phone does not log in (other purpose) … */
  code = cst_test_backend_send_code (f, CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER);
  cst_test_backend_add_person_full (f, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2, CST_TEST_NAME_2,
                                    CST_TEST_PHONE_2, CST_TEST_PASSWORD);
  g_assert_null (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE_2, code, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_INVALID);

  /* … and a LOGIN code works for its own phone only. */
  g_clear_pointer (&code, g_free);
  code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
  g_assert_null (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE_2, code, FALSE, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_CODE_INVALID);
  session = cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, code, FALSE, &error);
  g_assert_no_error (error);

  /* Ticket purposes are not for send_code. */
  g_assert_false (cst_auth_backend_send_code (AUTH (f), CST_TEST_PHONE, CST_CODE_PURPOSE_RESET, NULL, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_WRONG_STEP);
}

static void
test_code_resend_interval (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *other = NULL;

  cst_test_backend_add_person (f);
  code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);

  cst_test_backend_advance (f, 15);
  g_assert_false (cst_auth_backend_send_code (AUTH (f), CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN, NULL, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_RATE_LIMITED);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, 45);
  g_clear_error (&error);
  g_assert_cmpuint (cst_capture_sms_gateway_count (f->sms), ==, 1);

  /* The limit is per phone and purpose. */
  other = cst_test_backend_send_code (f, CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER);

  cst_test_backend_advance (f, 45);
  g_clear_pointer (&code, g_free);
  code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
}

static void
test_code_daily_limit (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cst_test_backend_add_person (f);

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
      cst_test_backend_advance (f, 60);
    }

  g_assert_false (cst_auth_backend_send_code (AUTH (f), CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN, NULL, &error));
  cst_test_assert_auth_error (error, CST_AUTH_ERROR_DAILY_LIMIT);
  g_assert_cmpuint (cst_capture_sms_gateway_count (f->sms), ==, 10);

  /* The next day (Beijing time) it works again. The fixture starts at
   * 17:00 in Beijing, so seven hours later is the next day. */
  cst_test_backend_advance (f, 7 * 60 * 60);
  g_free (cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN));
}

static const char *nasty[] = {
  "'; DROP TABLE persons; --",
  "\" OR 1=1 --",
  "张三'); DELETE FROM sessions; --",
  "%s%s%n",
};

static void
test_sql_metacharacters (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;

  cst_test_backend_add_person (f);
  session = cst_test_backend_login (f, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
    {
      const char *s = nasty[i];
      g_autoptr(CstEnterpriseChallenge) challenge = NULL;
      g_autofree char *credential = NULL;

      g_assert_null (cst_auth_backend_login_password (AUTH (f), s, CST_TEST_PASSWORD, FALSE, &error));
      cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
      g_assert_null (cst_auth_backend_login_password (AUTH (f), CST_TEST_PHONE, s, FALSE, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == CST_AUTH_ERROR);
      g_clear_error (&error);
      cst_local_backend_unlock (f->backend, CST_TEST_PHONE, NULL);

      g_assert_null (cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT, s, CST_TEST_NAME_2, &error));
      cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
      g_assert_null (cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2, s, &error));
      cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
      g_assert_false (cst_auth_backend_send_code (AUTH (f), s, CST_CODE_PURPOSE_LOGIN, NULL, &error));
      cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
      g_assert_null (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, s, FALSE, &error));
      cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
      challenge = cst_auth_backend_enterprise_begin (AUTH (f), s, CST_TEST_PHONE, CST_TEST_PASSWORD, &error);
      g_assert_null (challenge);
      cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT);
      g_assert_false (cst_auth_backend_register_set_credentials (AUTH (f), s, CST_TEST_PASSWORD,
                                                                 CST_TEST_PHONE_2, "123456", &error));
      cst_test_assert_auth_error (error, CST_AUTH_ERROR_EXPIRED);
      g_assert_null (cst_auth_backend_session_lookup (AUTH (f), s, &error));
      cst_test_assert_auth_error (error, CST_AUTH_ERROR_NOT_LOGGED_IN);

      /* Where free text is allowed, it is stored as it is. */
      credential = cst_auth_backend_device_credential_issue (AUTH (f), cst_session_get_token (session),
                                                             CST_TEST_PASSWORD, CST_CREDENTIAL_KIND_FACE,
                                                             s, &error);
      g_assert_no_error (error);
      g_assert_nonnull (credential);
      g_assert_true (cst_local_backend_add_enterprise (f->backend, i % 2 ? CST_TEST_ENTERPRISE_CODE
                                                                          : CST_TEST_ENTERPRISE_CODE_2,
                                                       s, &error) || error != NULL);
      g_clear_error (&error);
    }

  /* Nothing was dropped or deleted, and the names are literal. */
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM persons"), ==, 1);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM sessions"), >=, 1);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM device_credentials "
                                                  "WHERE device_name = '''; DROP TABLE persons; --'"), ==, 1);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM enterprises "
                                                  "WHERE name = '''; DROP TABLE persons; --'"), ==, 1);
  g_clear_object (&session);
  session = cst_test_backend_login (f, FALSE);
}

static void
test_long_and_malformed_inputs (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autofree char *huge = g_strnfill (10000, 'a');
  g_autofree char *huge_digits = g_strnfill (10000, '1');
  g_autofree char *huge_cjk = NULL;
  const char *bad_utf8 = "\xff\xfe\xfd";
  const char *inputs[4];
  GString *cjk = g_string_new (NULL);

  for (guint i = 0; i < 10000; i++)
    g_string_append (cjk, "张");
  huge_cjk = g_string_free (cjk, FALSE);

  inputs[0] = huge;
  inputs[1] = huge_digits;
  inputs[2] = huge_cjk;
  inputs[3] = bad_utf8;

  cst_test_backend_add_person (f);
  session = cst_test_backend_login (f, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      const char *s = inputs[i];
      g_autoptr(CstEnterpriseChallenge) challenge = NULL;
      g_autoptr(CstResetChallenge) reset = NULL;
      g_autofree char *credential = NULL;

#define EXPECT_INVALID(call)                                        \
      G_STMT_START {                                                \
        g_assert_false ((call) != 0);                               \
        cst_test_assert_auth_error (error, CST_AUTH_ERROR_INVALID_INPUT); \
      } G_STMT_END

      EXPECT_INVALID (cst_auth_backend_login_password (AUTH (f), s, CST_TEST_PASSWORD, FALSE, &error));
      EXPECT_INVALID (cst_auth_backend_login_password (AUTH (f), CST_TEST_PHONE, s, FALSE, &error));
      EXPECT_INVALID (cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT, s, CST_TEST_NAME_2, &error));
      EXPECT_INVALID (cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2, s, &error));
      EXPECT_INVALID (cst_auth_backend_send_code (AUTH (f), s, CST_CODE_PURPOSE_LOGIN, NULL, &error));
      EXPECT_INVALID (cst_auth_backend_login_sms (AUTH (f), CST_TEST_PHONE, s, FALSE, &error));
      EXPECT_INVALID (cst_auth_backend_login_sms (AUTH (f), s, "123456", FALSE, &error));
      EXPECT_INVALID ((challenge = cst_auth_backend_enterprise_begin (AUTH (f), s, CST_TEST_PHONE,
                                                                      CST_TEST_PASSWORD, &error)) != NULL);
      EXPECT_INVALID ((reset = cst_auth_backend_reset_begin (AUTH (f), CST_ID_TYPE_RESIDENT, s, &error)) != NULL);
      EXPECT_INVALID (cst_auth_backend_register_set_credentials (AUTH (f), s, CST_TEST_PASSWORD,
                                                                 CST_TEST_PHONE_2, "123456", &error));
      EXPECT_INVALID ((credential = cst_auth_backend_device_credential_issue (AUTH (f),
                                                                              cst_session_get_token (session),
                                                                              CST_TEST_PASSWORD,
                                                                              CST_CREDENTIAL_KIND_FACE,
                                                                              s, &error)) != NULL);
      EXPECT_INVALID (cst_local_backend_add_enterprise (f->backend, CST_TEST_ENTERPRISE_CODE, s, &error));
      EXPECT_INVALID (cst_local_backend_set_username (f->backend, CST_TEST_PHONE, s, &error));
      EXPECT_INVALID (cst_local_backend_add_person (f->backend, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2,
                                                    s, CST_TEST_PHONE_2, CST_TEST_PASSWORD, &error));
#undef EXPECT_INVALID
    }

  /* Nothing was written, and no lockout was counted. */
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM persons"), ==, 1);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM enterprises"), ==, 0);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM tickets"), ==, 0);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM codes"), ==, 0);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT failed_attempts FROM persons"), ==, 0);
  g_assert_cmpint (cst_test_backend_query_int (f, "SELECT count(*) FROM device_credentials"), ==, 0);
}

typedef struct
{
  CstLocalBackend *backend;
  const char      *code;
  GMutex          *mutex;
  GCond           *cond;
  gboolean        *go;
  gboolean         won;
  GError          *error;
} Racer;

static gpointer
race (gpointer data)
{
  Racer *racer = data;
  CstSession *session;

  g_mutex_lock (racer->mutex);
  while (!*racer->go)
    g_cond_wait (racer->cond, racer->mutex);
  g_mutex_unlock (racer->mutex);

  session = cst_auth_backend_login_sms (CST_AUTH_BACKEND (racer->backend), CST_TEST_PHONE,
                                        racer->code, FALSE, &racer->error);
  racer->won = session != NULL;
  g_clear_object (&session);

  return NULL;
}

static void
test_code_race (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CstLocalBackend) peer = NULL;

  cst_test_backend_add_person (f);
  peer = cst_test_backend_new_peer (f);

  /* Two backend objects on one file (two processes, in effect), each
   * racing from its own thread, several rounds: exactly one wins. */
  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
      GMutex mutex;
      GCond cond;
      gboolean go = FALSE;
      Racer racers[4];
      GThread *threads[4];
      guint winners = 0;

      g_mutex_init (&mutex);
      g_cond_init (&cond);

      for (guint i = 0; i < G_N_ELEMENTS (racers); i++)
        {
          racers[i] = (Racer) { i % 2 ? peer : f->backend, code, &mutex, &cond, &go, FALSE, NULL };
          threads[i] = g_thread_new ("racer", race, &racers[i]);
        }

      g_mutex_lock (&mutex);
      go = TRUE;
      g_cond_broadcast (&cond);
      g_mutex_unlock (&mutex);

      for (guint i = 0; i < G_N_ELEMENTS (racers); i++)
        {
          g_thread_join (threads[i]);
          if (racers[i].won)
            winners++;
          else
            g_assert_error (racers[i].error, CST_AUTH_ERROR, CST_AUTH_ERROR_CODE_EXPIRED);
          g_clear_error (&racers[i].error);
        }

      g_assert_cmpuint (winners, ==, 1);
      g_mutex_clear (&mutex);
      g_cond_clear (&cond);
      cst_test_backend_advance (f, 60);
    }
}

static void
test_no_secrets_on_disk (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  g_autoptr(CstSession) refreshed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) outbox_bytes = NULL;
  g_autofree char *login_code = NULL;
  g_autofree char *register_code = NULL;
  g_autofree char *credential = NULL;
  g_autofree char *ticket = NULL;
  g_autofree char *outbox = g_strconcat (f->path, "-sms-outbox", NULL);
  const char *reg_password = "Wuhan&Tax88";

  cst_test_backend_add_person (f);
  session = cst_test_backend_login (f, TRUE);
  credential = cst_auth_backend_device_credential_issue (AUTH (f), cst_session_get_token (session),
                                                         CST_TEST_PASSWORD, CST_CREDENTIAL_KIND_FACE,
                                                         "laptop", &error);
  g_assert_no_error (error);
  login_code = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
  refreshed = cst_auth_backend_session_refresh (AUTH (f), cst_session_get_refresh_token (session), &error);
  g_assert_no_error (error);

  ticket = cst_auth_backend_register_begin (AUTH (f), CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2,
                                            CST_TEST_NAME_2, &error);
  g_assert_no_error (error);
  register_code = cst_test_backend_send_code (f, CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER);
  cst_auth_backend_register_set_credentials (AUTH (f), ticket, reg_password, CST_TEST_PHONE_2,
                                             register_code, &error);
  g_assert_no_error (error);

  bytes = cst_test_read_database_bytes (f->path);
  /* The scan can see what is there (a positive control) … */
  g_assert_true (cst_test_bytes_contain (bytes, CST_TEST_NAME));
  g_assert_true (cst_test_bytes_contain (bytes, "$argon2id$"));

  /* … and no secret is. */
  g_assert_false (cst_test_bytes_contain (bytes, CST_TEST_PASSWORD));
  g_assert_false (cst_test_bytes_contain (bytes, reg_password));
  g_assert_false (cst_test_bytes_contain (bytes, login_code));
  g_assert_false (cst_test_bytes_contain (bytes, register_code));
  g_assert_false (cst_test_bytes_contain (bytes, cst_session_get_token (session)));
  g_assert_false (cst_test_bytes_contain (bytes, cst_session_get_refresh_token (session)));
  g_assert_false (cst_test_bytes_contain (bytes, cst_session_get_token (refreshed)));
  g_assert_false (cst_test_bytes_contain (bytes, cst_session_get_refresh_token (refreshed)));
  g_assert_false (cst_test_bytes_contain (bytes, credential));
  g_assert_false (cst_test_bytes_contain (bytes, ticket));

  /* The outbox — the local stand-in for the phone's SMS inbox — is a
   * separate file, and it does hold the messages. */
  outbox_bytes = cst_test_read_database_bytes (outbox);
  g_assert_true (cst_test_bytes_contain (outbox_bytes, login_code));
  g_assert_false (cst_test_bytes_contain (outbox_bytes, CST_TEST_PASSWORD));
}

static void
test_outbox (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  cst_test_backend_add_person (f);
  first = cst_test_backend_send_code (f, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN);
  second = cst_test_backend_send_code (f, CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER);

  lines = cst_local_backend_sms_outbox (f->backend, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], CST_TEST_PHONE));
  g_assert_nonnull (strstr (lines[0], first));
  g_assert_nonnull (strstr (lines[1], second));
  g_clear_pointer (&lines, g_strfreev);

  /* --limit keeps the newest. */
  lines = cst_local_backend_sms_outbox (f->backend, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], second));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cst/BackendRules/" path, Fixture, NULL, cst_test_backend_setup, func, cst_test_backend_teardown)

  ADD ("lockout", test_lockout);
  ADD ("lockout-needs-consecutive-failures", test_lockout_needs_consecutive_failures);
  ADD ("admin-unlock", test_admin_unlock);
  ADD ("enumeration", test_enumeration);
  ADD ("enumeration-timing", test_enumeration_timing);
  ADD ("min-failure-time", test_min_failure_time);
  ADD ("rehash-when-cost-grows", test_rehash_when_cost_grows);
  ADD ("code-expiry", test_code_expiry);
  ADD ("code-single-use", test_code_single_use);
  ADD ("code-tries", test_code_tries);
  ADD ("code-binding", test_code_binding);
  ADD ("code-resend-interval", test_code_resend_interval);
  ADD ("code-daily-limit", test_code_daily_limit);
  ADD ("code-race", test_code_race);
  ADD ("sql-metacharacters", test_sql_metacharacters);
  ADD ("long-and-malformed-inputs", test_long_and_malformed_inputs);
  ADD ("no-secrets-on-disk", test_no_secrets_on_disk);
  ADD ("outbox", test_outbox);

  return g_test_run ();
}
