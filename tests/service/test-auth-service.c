/* test-auth-service.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cst-auth-service.h"
#include "cst-test-backend.h"

/*
 * CstAuthService over a real CstLocalBackend on a temporary database and
 * the in-memory credential store: every call runs from a main loop as the
 * UI makes it, and the checks are what the UI (and the user) would see.
 */

typedef struct
{
  CstTestBackend            tb;
  CstMemoryCredentialStore *store;
  CstAuthService           *service;
  GThread                  *main_thread;
  guint                     session_notifies;
  guint                     notifies_off_main;
  gboolean                  busy_seen;
} Fixture;

static void
on_session_notify_cb (Fixture *f)
{
  f->session_notifies++;
  if (g_thread_self () != f->main_thread)
    f->notifies_off_main++;
}

static void
on_busy_notify_cb (Fixture *f)
{
  if (cst_auth_service_get_busy (f->service))
    f->busy_seen = TRUE;
}

static CstAuthService *
new_service (Fixture *f)
{
  CstAuthService *service = cst_auth_service_new (CST_TEST_AUTH (&f->tb),
                                                  CST_CREDENTIAL_STORE (f->store));

  g_signal_connect_swapped (service, "notify::session", G_CALLBACK (on_session_notify_cb), f);
  g_signal_connect_swapped (service, "notify::busy", G_CALLBACK (on_busy_notify_cb), f);

  return service;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  cst_test_backend_setup (&f->tb, data);
  f->main_thread = g_thread_self ();
  f->store = cst_memory_credential_store_new ();
  f->service = new_service (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* Nothing may keep the service alive once the calls are done. */
  g_assert_finalize_object (f->service);
  g_assert_finalize_object (f->store);
  cst_test_backend_teardown (&f->tb, data);
}

/* ---- running calls from a main loop ---- */

static void
on_ready_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
on_wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the default main context until @slot is filled (at most 30 s). */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, on_wake_cb, NULL);

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for an async call");
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);

  return *slot;
}

static void
spin_until_face_known (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!cst_auth_service_get_face_available (f->service))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
login_password (Fixture     *f,
                const char  *account,
                const char  *password,
                gboolean     remember,
                GError     **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cst_auth_service_login_password_async (f->service, account, password, remember,
                                         NULL, on_ready_cb, &result);
  return cst_auth_service_login_password_finish (f->service, wait_for (&result), error);
}

static gboolean
logout (Fixture  *f,
        GError  **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cst_auth_service_logout_async (f->service, NULL, on_ready_cb, &result);
  return cst_auth_service_logout_finish (f->service, wait_for (&result), error);
}

static gboolean
restore (Fixture  *f,
         GError  **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cst_auth_service_restore_async (f->service, NULL, on_ready_cb, &result);
  return cst_auth_service_restore_finish (f->service, wait_for (&result), error);
}

static gboolean
quick_enable (Fixture            *f,
              CstCredentialKind   kind,
              const char         *password,
              GError            **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cst_auth_service_quick_login_enable_async (f->service, kind, password,
                                             NULL, on_ready_cb, &result);
  return cst_auth_service_quick_login_enable_finish (f->service, wait_for (&result), error);
}

static gboolean
quick_disable (Fixture            *f,
               CstCredentialKind   kind,
               GError            **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cst_auth_service_quick_login_disable_async (f->service, kind, NULL, on_ready_cb, &result);
  return cst_auth_service_quick_login_disable_finish (f->service, wait_for (&result), error);
}

static char *
quick_lookup (Fixture            *f,
              CstCredentialKind   kind,
              GError            **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cst_auth_service_quick_login_lookup_async (f->service, kind, NULL, on_ready_cb, &result);
  return cst_auth_service_quick_login_lookup_finish (f->service, wait_for (&result), error);
}

static gboolean
login_quick (Fixture            *f,
             CstCredentialKind   kind,
             GError            **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cst_auth_service_login_quick_async (f->service, kind, NULL, on_ready_cb, &result);
  return cst_auth_service_login_quick_finish (f->service, wait_for (&result), error);
}

/* Whether the server still honours @token (asked directly, as a test). */
static gboolean
server_knows_session (Fixture    *f,
                      const char *token)
{
  g_autoptr (CstSession) session = NULL;
  g_autoptr (GError) error = NULL;

  session = cst_auth_backend_session_lookup (CST_TEST_AUTH (&f->tb), token, &error);
  return session != NULL;
}

/* ---- tests ---- */

static void
test_login_password (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  CstSession *session;

  cst_test_backend_add_person (&f->tb);

  /* The phone number is an account as good as the ID number. */
  cst_auth_service_login_password_async (f->service, CST_TEST_PHONE, CST_TEST_PASSWORD, FALSE,
                                         NULL, on_ready_cb, &result);

  /* Running: the login button shows its spinner; nothing signed in yet. */
  g_assert_true (cst_auth_service_get_busy (f->service));
  g_assert_null (cst_auth_service_get_session (f->service));

  g_assert_true (cst_auth_service_login_password_finish (f->service, wait_for (&result),
                                                         &error));
  g_assert_no_error (error);
  g_assert_false (cst_auth_service_get_busy (f->service));

  session = cst_auth_service_get_session (f->service);
  g_assert_nonnull (session);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_TEST_ID_NUMBER);
  g_assert_cmpstr (cst_session_get_name (session), ==, CST_TEST_NAME);
  g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_PASSWORD);
  g_assert_false (cst_session_is_enterprise (session));
  g_assert_true (server_knows_session (f, cst_session_get_token (session)));

  g_assert_cmpuint (f->session_notifies, ==, 1);
  g_assert_cmpuint (f->notifies_off_main, ==, 0);

  /* Not asked to remember: nothing in the keyring. */
  g_assert_null (cst_session_get_refresh_token (session));
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);
}

static void
test_login_wrong_password (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  cst_test_backend_add_person (&f->tb);

  g_assert_false (login_password (f, CST_TEST_ID_NUMBER, "Wrong#Pass2026", FALSE, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS);
  g_assert_cmpint (cst_auth_error_get_value (error), ==, 4);
  g_assert_cmpstr (error->message, ==, "Incorrect password, 4 attempts left");
  g_clear_error (&error);

  g_assert_null (cst_auth_service_get_session (f->service));
  g_assert_cmpuint (f->session_notifies, ==, 0);
  g_assert_true (f->busy_seen);
  g_assert_false (cst_auth_service_get_busy (f->service));
}

static void
test_remember (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;
  CstSession *session;

  cst_test_backend_add_person (&f->tb);

  g_assert_true (login_password (f, CST_TEST_USERNAME, CST_TEST_PASSWORD, TRUE, &error));
  g_assert_no_error (error);

  session = cst_auth_service_get_session (f->service);
  g_assert_nonnull (cst_session_get_refresh_token (session));

  stored = cst_memory_credential_store_peek (f->store, CST_CREDENTIAL_KIND_REFRESH,
                                             CST_TEST_ID_NUMBER);
  g_assert_cmpstr (stored, ==, cst_session_get_refresh_token (session));
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 1);
  g_assert_true (cst_auth_service_get_keyring_available (f->service));
}

static void
test_restore_rotates (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (CstSession) stale = NULL;
  CstSession *session;

  cst_test_backend_add_person (&f->tb);
  g_assert_true (login_password (f, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE, &error));
  g_assert_no_error (error);
  first = cst_memory_credential_store_peek (f->store, CST_CREDENTIAL_KIND_REFRESH,
                                            CST_TEST_ID_NUMBER);
  g_assert_nonnull (first);

  /* The app quits and starts again: a new service, the same keyring. */
  g_assert_finalize_object (f->service);
  f->session_notifies = 0;
  f->service = new_service (f);
  g_assert_null (cst_auth_service_get_session (f->service));

  g_assert_true (restore (f, &error));
  g_assert_no_error (error);

  session = cst_auth_service_get_session (f->service);
  g_assert_nonnull (session);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_TEST_ID_NUMBER);
  g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_REFRESH);
  g_assert_cmpuint (f->session_notifies, ==, 1);
  g_assert_cmpuint (f->notifies_off_main, ==, 0);

  /* Rotated: the keyring holds the new token, and the old one is dead. */
  second = cst_memory_credential_store_peek (f->store, CST_CREDENTIAL_KIND_REFRESH,
                                             CST_TEST_ID_NUMBER);
  g_assert_nonnull (second);
  g_assert_cmpstr (second, !=, first);
  g_assert_cmpstr (second, ==, cst_session_get_refresh_token (session));

  stale = cst_auth_backend_session_refresh (CST_TEST_AUTH (&f->tb), first, &error);
  g_assert_null (stale);
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_CREDENTIAL_REVOKED);
}

static void
test_restore_nothing (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (restore (f, &error));
  g_assert_no_error (error);
  g_assert_null (cst_auth_service_get_session (f->service));
  g_assert_cmpuint (f->session_notifies, ==, 0);
}

static void
on_stored_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  gboolean *done = user_data;

  g_assert_true (cst_credential_store_store_finish (CST_CREDENTIAL_STORE (object), result,
                                                    &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_restore_revoked (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;

  cst_test_backend_add_person (&f->tb);

  /* A token the server never issued (or revoked by a reset elsewhere). */
  cst_credential_store_store_async (CST_CREDENTIAL_STORE (f->store), CST_CREDENTIAL_KIND_REFRESH,
                                    CST_TEST_ID_NUMBER, "not-a-token-the-server-knows",
                                    NULL, on_stored_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (restore (f, &error));
  g_assert_no_error (error);
  g_assert_null (cst_auth_service_get_session (f->service));

  /* Forgotten, so the next start does not try again. */
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);
}

static void
test_restore_expired (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  cst_test_backend_add_person (&f->tb);
  g_assert_true (login_password (f, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (f->service);
  f->service = new_service (f);

  /* 31 days later the 30-day token is worth nothing. */
  cst_test_backend_advance (&f->tb, 31 * 24 * 3600);

  g_assert_false (restore (f, &error));
  g_assert_no_error (error);
  g_assert_null (cst_auth_service_get_session (f->service));
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);
}

static void
test_logout (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;

  cst_test_backend_add_person (&f->tb);
  g_assert_true (login_password (f, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE, &error));
  g_assert_no_error (error);
  token = g_strdup (cst_session_get_token (cst_auth_service_get_session (f->service)));
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 1);

  g_assert_true (logout (f, &error));
  g_assert_no_error (error);

  g_assert_null (cst_auth_service_get_session (f->service));
  g_assert_cmpuint (f->session_notifies, ==, 2);
  g_assert_cmpuint (f->notifies_off_main, ==, 0);
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);
  g_assert_false (server_knows_session (f, token));

  /* And the next start restores nothing. */
  g_assert_false (restore (f, &error));
  g_assert_no_error (error);

  /* Logging out twice is harmless. */
  g_assert_true (logout (f, &error));
  g_assert_no_error (error);
}

static void
test_new_login_replaces_session (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;

  cst_test_backend_add_person (&f->tb);
  g_assert_true (login_password (f, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE, &error));
  g_assert_no_error (error);
  first = g_strdup (cst_session_get_token (cst_auth_service_get_session (f->service)));

  /* Signing in again without 保持登录 ends the old session and forgets
   * its remembered token. */
  g_assert_true (login_password (f, CST_TEST_ID_NUMBER, CST_TEST_PASSWORD, FALSE, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (cst_session_get_token (cst_auth_service_get_session (f->service)), !=, first);
  g_assert_false (server_knows_session (f, first));
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);
}

static void
test_quick_login (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *account = NULL;
  g_autofree char *credential = NULL;
  CstSession *session;

  cst_test_backend_add_person (&f->tb);

  /* Not signed in: nothing to turn on. */
  g_assert_false (quick_enable (f, CST_CREDENTIAL_KIND_FINGERPRINT, CST_TEST_PASSWORD, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_NOT_LOGGED_IN);
  g_clear_error (&error);

  g_assert_true (login_password (f, CST_TEST_PHONE, CST_TEST_PASSWORD, FALSE, &error));
  g_assert_no_error (error);

  /* 输入个人密码后验证即可开启: a wrong password turns nothing on. */
  g_assert_false (quick_enable (f, CST_CREDENTIAL_KIND_FINGERPRINT, "Wrong#Pass2026", &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == CST_AUTH_ERROR);
  g_clear_error (&error);
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);

  g_assert_true (quick_enable (f, CST_CREDENTIAL_KIND_FINGERPRINT, CST_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  credential = cst_memory_credential_store_peek (f->store, CST_CREDENTIAL_KIND_FINGERPRINT,
                                                 CST_TEST_ID_NUMBER);
  g_assert_nonnull (credential);
  g_assert_cmpuint (strlen (credential), >=, 32);

  account = quick_lookup (f, CST_CREDENTIAL_KIND_FINGERPRINT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account, ==, CST_TEST_ID_NUMBER);
  g_clear_pointer (&account, g_free);

  /* Face login was not turned on. */
  account = quick_lookup (f, CST_CREDENTIAL_KIND_FACE, &error);
  g_assert_no_error (error);
  g_assert_null (account);

  /* Log out: the device credential stays, so 指纹登录 is offered next time. */
  g_assert_true (logout (f, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 1);

  g_assert_true (login_quick (f, CST_CREDENTIAL_KIND_FINGERPRINT, &error));
  g_assert_no_error (error);
  session = cst_auth_service_get_session (f->service);
  g_assert_nonnull (session);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_TEST_ID_NUMBER);
  g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_FINGERPRINT);

  /* Switched off: revoked on the server and forgotten here. */
  g_assert_true (quick_disable (f, CST_CREDENTIAL_KIND_FINGERPRINT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);

  g_assert_true (logout (f, &error));
  g_assert_no_error (error);
  g_assert_false (login_quick (f, CST_CREDENTIAL_KIND_FINGERPRINT, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_CREDENTIAL_REVOKED);
  g_clear_error (&error);
  g_assert_null (cst_auth_service_get_session (f->service));

  /* The revoked credential would not work even if it had been kept. */
  {
    g_autoptr (CstSession) stolen = NULL;

    stolen = cst_auth_backend_login_device (CST_TEST_AUTH (&f->tb),
                                            CST_CREDENTIAL_KIND_FINGERPRINT, credential, &error);
    g_assert_null (stolen);
    g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_CREDENTIAL_REVOKED);
  }
}

static void
test_reset_forgets_person (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GAsyncResult) begun = NULL;
  g_autoptr (GAsyncResult) sent = NULL;
  g_autoptr (GAsyncResult) verified = NULL;
  g_autoptr (GAsyncResult) completed = NULL;
  g_autoptr (CstResetChallenge) challenge = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  gint resend_after = 0;

  cst_test_backend_add_person (&f->tb);
  g_assert_true (login_password (f, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (quick_enable (f, CST_CREDENTIAL_KIND_FINGERPRINT, CST_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (quick_enable (f, CST_CREDENTIAL_KIND_FACE, CST_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 3);
  f->session_notifies = 0;

  /* 忘记密码, typed in lower case with spaces as people do. */
  cst_auth_service_reset_begin_async (f->service, CST_ID_TYPE_RESIDENT, " " CST_TEST_ID_NUMBER " ",
                                      NULL, on_ready_cb, &begun);
  challenge = cst_auth_service_reset_begin_finish (f->service, wait_for (&begun), &error);
  g_assert_no_error (error);
  g_assert_nonnull (challenge);
  g_assert_cmpstr (challenge->masked_phone, ==, "139****5678");

  cst_auth_service_send_ticket_code_async (f->service, challenge->ticket, NULL,
                                           on_ready_cb, &sent);
  g_assert_true (cst_auth_service_send_ticket_code_finish (f->service, wait_for (&sent),
                                                           &resend_after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (resend_after, ==, 60);
  code = cst_test_backend_last_code (&f->tb, CST_TEST_PHONE);

  cst_auth_service_reset_verify_code_async (f->service, challenge->ticket, code, NULL,
                                            on_ready_cb, &verified);
  g_assert_true (cst_auth_service_reset_verify_code_finish (f->service, wait_for (&verified),
                                                            &error));
  g_assert_no_error (error);

  cst_auth_service_reset_complete_async (f->service, challenge->ticket, "New#Secret2026",
                                         NULL, on_ready_cb, &completed);
  g_assert_true (cst_auth_service_reset_complete_finish (f->service, wait_for (&completed),
                                                         &error));
  g_assert_no_error (error);

  /* The server revoked everything; the device forgot everything. */
  g_assert_null (cst_auth_service_get_session (f->service));
  g_assert_cmpuint (f->session_notifies, ==, 1);
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);

  g_assert_true (login_password (f, CST_TEST_PHONE, "New#Secret2026", FALSE, &error));
  g_assert_no_error (error);
}

static void
test_reset_other_person_keeps_session (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GAsyncResult) begun = NULL;
  g_autoptr (GAsyncResult) sent = NULL;
  g_autoptr (GAsyncResult) verified = NULL;
  g_autoptr (GAsyncResult) completed = NULL;
  g_autoptr (CstResetChallenge) challenge = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;

  cst_test_backend_add_person (&f->tb);
  cst_test_backend_add_person_full (&f->tb, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2,
                                    CST_TEST_NAME_2, CST_TEST_PHONE_2, "Other#Pass2026");
  g_assert_true (login_password (f, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE, &error));
  g_assert_no_error (error);

  /* Someone else resets their password on this machine. */
  cst_auth_service_reset_begin_async (f->service, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2,
                                      NULL, on_ready_cb, &begun);
  challenge = cst_auth_service_reset_begin_finish (f->service, wait_for (&begun), &error);
  g_assert_no_error (error);
  cst_auth_service_send_ticket_code_async (f->service, challenge->ticket, NULL,
                                           on_ready_cb, &sent);
  g_assert_true (cst_auth_service_send_ticket_code_finish (f->service, wait_for (&sent),
                                                           NULL, &error));
  g_assert_no_error (error);
  code = cst_test_backend_last_code (&f->tb, CST_TEST_PHONE_2);
  cst_auth_service_reset_verify_code_async (f->service, challenge->ticket, code, NULL,
                                            on_ready_cb, &verified);
  g_assert_true (cst_auth_service_reset_verify_code_finish (f->service, wait_for (&verified),
                                                            &error));
  g_assert_no_error (error);
  cst_auth_service_reset_complete_async (f->service, challenge->ticket, "New#Secret2026",
                                         NULL, on_ready_cb, &completed);
  g_assert_true (cst_auth_service_reset_complete_finish (f->service, wait_for (&completed),
                                                         &error));
  g_assert_no_error (error);

  /* The signed-in person is not affected. */
  g_assert_nonnull (cst_auth_service_get_session (f->service));
  g_assert_cmpstr (cst_session_get_id_number (cst_auth_service_get_session (f->service)), ==,
                   CST_TEST_ID_NUMBER);
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 1);
}

static void
test_keyring_unavailable (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  cst_test_backend_add_person (&f->tb);
  cst_memory_credential_store_set_available (f->store, FALSE);
  g_assert_true (cst_auth_service_get_keyring_available (f->service));

  /* 保持登录 without a keyring: signed in all the same, and told. */
  g_assert_true (login_password (f, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cst_auth_service_get_session (f->service));
  g_assert_false (cst_auth_service_get_keyring_available (f->service));
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);

  /* Quick login cannot work without it, and says why. */
  g_assert_false (quick_enable (f, CST_CREDENTIAL_KIND_FACE, CST_TEST_PASSWORD, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);

  g_assert_false (restore (f, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  /* A failed restore does not sign anyone out. */
  g_assert_nonnull (cst_auth_service_get_session (f->service));

  /* The keyring comes back (unlocked): remembered again. */
  cst_memory_credential_store_set_available (f->store, TRUE);
  g_assert_true (login_password (f, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cst_auth_service_get_keyring_available (f->service));
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 1);
}

static void
test_no_store (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (CstAuthService) service = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  cst_test_backend_add_person (&f->tb);
  service = cst_auth_service_new (CST_TEST_AUTH (&f->tb), NULL);
  g_assert_false (cst_auth_service_get_keyring_available (service));

  cst_auth_service_login_password_async (service, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE,
                                         NULL, on_ready_cb, &result);
  g_assert_true (cst_auth_service_login_password_finish (service, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_nonnull (cst_auth_service_get_session (service));
  g_clear_object (&result);

  cst_auth_service_restore_async (service, NULL, on_ready_cb, &result);
  g_assert_false (cst_auth_service_restore_finish (service, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  cst_auth_service_logout_async (service, NULL, on_ready_cb, &result);
  g_assert_true (cst_auth_service_logout_finish (service, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_null (cst_auth_service_get_session (service));
  g_clear_object (&result);

  g_assert_finalize_object (g_steal_pointer (&service));
}

static void
test_cancel_before (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  cst_test_backend_add_person (&f->tb);
  g_cancellable_cancel (cancellable);

  cst_auth_service_login_password_async (f->service, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE,
                                         cancellable, on_ready_cb, &result);
  g_assert_false (cst_auth_service_login_password_finish (f->service, wait_for (&result),
                                                          &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_null (cst_auth_service_get_session (f->service));
  g_assert_cmpuint (f->session_notifies, ==, 0);
  g_assert_false (cst_auth_service_get_busy (f->service));
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);
}

static void
test_cancel_while_running (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) restored = NULL;
  g_autoptr (GError) error = NULL;

  cst_test_backend_add_person (&f->tb);

  /* The page is closed while argon2id runs in the worker. */
  cst_auth_service_login_password_async (f->service, CST_TEST_PHONE, CST_TEST_PASSWORD, TRUE,
                                         cancellable, on_ready_cb, &result);
  g_cancellable_cancel (cancellable);

  g_assert_false (cst_auth_service_login_password_finish (f->service, wait_for (&result),
                                                          &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (cst_auth_service_get_session (f->service));
  g_assert_cmpuint (cst_memory_credential_store_count (f->store), ==, 0);

  /* A cancelled restore signs nobody in either. */
  g_cancellable_reset (cancellable);
  g_cancellable_cancel (cancellable);
  cst_auth_service_restore_async (f->service, cancellable, on_ready_cb, &restored);
  g_assert_false (cst_auth_service_restore_finish (f->service, wait_for (&restored), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cst_auth_service_get_session (f->service));
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GAsyncResult) begun = NULL;
  g_autoptr (GAsyncResult) sent = NULL;
  g_autoptr (GAsyncResult) again = NULL;
  g_autoptr (GAsyncResult) set = NULL;
  g_autoptr (GAsyncResult) completed = NULL;
  g_autoptr (CstFaceCapture) capture = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *ticket = NULL;
  g_autofree char *code = NULL;
  g_autofree char *stored = NULL;
  gint resend_after = 0;
  CstSession *session;

  cst_auth_service_register_begin_async (f->service, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER_2,
                                         CST_TEST_NAME_2, NULL, on_ready_cb, &begun);
  ticket = cst_auth_service_register_begin_finish (f->service, wait_for (&begun), &error);
  g_assert_no_error (error);
  g_assert_nonnull (ticket);

  /* 获取验证码, then the countdown. */
  cst_auth_service_send_code_async (f->service, CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER,
                                    NULL, on_ready_cb, &sent);
  g_assert_true (cst_auth_service_send_code_finish (f->service, wait_for (&sent),
                                                    &resend_after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (resend_after, ==, 60);

  cst_auth_service_send_code_async (f->service, CST_TEST_PHONE_2, CST_CODE_PURPOSE_REGISTER,
                                    NULL, on_ready_cb, &again);
  g_assert_false (cst_auth_service_send_code_finish (f->service, wait_for (&again),
                                                     &resend_after, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_RATE_LIMITED);
  g_assert_cmpint (cst_auth_error_get_value (error), >, 0);
  g_clear_error (&error);

  code = cst_test_backend_last_code (&f->tb, CST_TEST_PHONE_2);
  cst_auth_service_register_set_credentials_async (f->service, ticket, "Wuhan#Tax2026",
                                                   CST_TEST_PHONE_2, code, NULL,
                                                   on_ready_cb, &set);
  g_assert_true (cst_auth_service_register_set_credentials_finish (f->service, wait_for (&set),
                                                                   &error));
  g_assert_no_error (error);
  g_assert_null (cst_auth_service_get_session (f->service));

  capture = cst_test_backend_capture (&f->tb);
  cst_auth_service_register_complete_async (f->service, ticket, capture, TRUE, NULL,
                                            on_ready_cb, &completed);
  g_assert_true (cst_auth_service_register_complete_finish (f->service, wait_for (&completed),
                                                            &error));
  g_assert_no_error (error);

  session = cst_auth_service_get_session (f->service);
  g_assert_nonnull (session);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_TEST_ID_NUMBER_2);
  g_assert_cmpuint (f->notifies_off_main, ==, 0);

  stored = cst_memory_credential_store_peek (f->store, CST_CREDENTIAL_KIND_REFRESH,
                                             CST_TEST_ID_NUMBER_2);
  g_assert_cmpstr (stored, ==, cst_session_get_refresh_token (session));
}

static void
test_enterprise (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GAsyncResult) begun = NULL;
  g_autoptr (GAsyncResult) sent = NULL;
  g_autoptr (GAsyncResult) completed = NULL;
  g_autoptr (CstEnterpriseChallenge) challenge = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  CstSession *session;

  cst_test_backend_add_person (&f->tb);
  g_assert_true (cst_local_backend_add_enterprise (f->tb.backend, CST_TEST_ENTERPRISE_CODE,
                                                   CST_TEST_ENTERPRISE_NAME, &error));
  g_assert_no_error (error);
  g_assert_true (cst_local_backend_link (f->tb.backend, CST_TEST_ENTERPRISE_CODE,
                                         CST_TEST_ID_NUMBER, CST_ROLE_TAX_OFFICER, &error));
  g_assert_no_error (error);

  cst_auth_service_enterprise_begin_async (f->service, CST_TEST_ENTERPRISE_CODE, CST_TEST_PHONE,
                                           CST_TEST_PASSWORD, NULL, on_ready_cb, &begun);
  challenge = cst_auth_service_enterprise_begin_finish (f->service, wait_for (&begun), &error);
  g_assert_no_error (error);
  g_assert_nonnull (challenge);
  g_assert_cmpstr (challenge->enterprise_name, ==, CST_TEST_ENTERPRISE_NAME);
  g_assert_cmpuint (challenge->n_roles, ==, 1);
  g_assert_cmpint (challenge->roles[0], ==, CST_ROLE_TAX_OFFICER);

  /* No session before the second factor. */
  g_assert_null (cst_auth_service_get_session (f->service));

  cst_auth_service_send_ticket_code_async (f->service, challenge->ticket, NULL,
                                           on_ready_cb, &sent);
  g_assert_true (cst_auth_service_send_ticket_code_finish (f->service, wait_for (&sent),
                                                           NULL, &error));
  g_assert_no_error (error);
  code = cst_test_backend_last_code (&f->tb, CST_TEST_PHONE);

  cst_auth_service_enterprise_complete_sms_async (f->service, challenge->ticket,
                                                  CST_ROLE_TAX_OFFICER, code, NULL,
                                                  on_ready_cb, &completed);
  g_assert_true (cst_auth_service_enterprise_complete_sms_finish (f->service,
                                                                  wait_for (&completed),
                                                                  &error));
  g_assert_no_error (error);

  session = cst_auth_service_get_session (f->service);
  g_assert_nonnull (session);
  g_assert_true (cst_session_is_enterprise (session));
  g_assert_cmpint (cst_session_get_role (session), ==, CST_ROLE_TAX_OFFICER);
  g_assert_cmpstr (cst_session_get_enterprise_name (session), ==, CST_TEST_ENTERPRISE_NAME);
}

static void
test_face (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) refused = NULL;
  g_autoptr (CstFaceCapture) capture = NULL;
  g_autoptr (GError) error = NULL;

  cst_test_backend_add_person (&f->tb);

  /* Known from the backend (asked in a worker), the simulation says so. */
  spin_until_face_known (f);
  g_assert_true (cst_auth_service_get_face_simulated (f->service));

  capture = cst_test_backend_capture (&f->tb);
  cst_auth_service_login_face_async (f->service, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER,
                                     capture, FALSE, NULL, on_ready_cb, &result);
  g_assert_true (cst_auth_service_login_face_finish (f->service, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cst_session_get_method (cst_auth_service_get_session (f->service)), ==,
                   CST_LOGIN_METHOD_FACE);

  /* The service turns face recognition off: the UI learns it from the
   * error and offers SMS instead. */
  cst_scripted_face_verifier_set_available (f->tb.face, FALSE);
  cst_auth_service_login_face_async (f->service, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER,
                                     capture, FALSE, NULL, on_ready_cb, &refused);
  g_assert_false (cst_auth_service_login_face_finish (f->service, wait_for (&refused), &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_UNAVAILABLE);
  g_assert_false (cst_auth_service_get_face_available (f->service));
}

static void
test_concurrent_calls_busy (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GAsyncResult) first = NULL;
  g_autoptr (GAsyncResult) second = NULL;
  g_autoptr (GError) error = NULL;
  gint resend_after = 0;

  cst_test_backend_add_person (&f->tb);

  cst_auth_service_login_password_async (f->service, CST_TEST_PHONE, CST_TEST_PASSWORD, FALSE,
                                         NULL, on_ready_cb, &first);
  cst_auth_service_send_code_async (f->service, CST_TEST_PHONE_2, CST_CODE_PURPOSE_LOGIN,
                                    NULL, on_ready_cb, &second);
  g_assert_true (cst_auth_service_get_busy (f->service));

  /* busy stays up until the last call is done. */
  wait_for (&first);
  if (second == NULL)
    g_assert_true (cst_auth_service_get_busy (f->service));
  wait_for (&second);
  g_assert_false (cst_auth_service_get_busy (f->service));

  g_assert_true (cst_auth_service_login_password_finish (f->service, first, &error));
  g_assert_no_error (error);
  /* An unknown phone gets the same answer as a known one. */
  g_assert_true (cst_auth_service_send_code_finish (f->service, second, &resend_after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (resend_after, ==, 60);
}

/* ---- the small pieces the service and backend are built of ---- */

static void
test_local_face_verifier (void)
{
  g_autoptr (CstClock) clock = cst_clock_new_manual (CST_TEST_START_US);
  g_autoptr (CstFaceVerifier) verifier = cst_local_face_verifier_new (clock, TRUE);
  g_autoptr (CstFaceVerifier) disabled = cst_local_face_verifier_new (clock, FALSE);
  g_autoptr (CstFaceCapture) complete = NULL;
  g_autoptr (CstFaceCapture) no_blink = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cst_face_verifier_is_available (verifier));
  g_assert_true (cst_face_verifier_is_simulated (verifier));

  complete = cst_face_capture_new (CST_LIVENESS_ALL, CST_TEST_START_US, NULL);
  no_blink = cst_face_capture_new (CST_LIVENESS_FACE_SCREEN | CST_LIVENESS_TURN_HEAD,
                                   CST_TEST_START_US, NULL);

  g_assert_true (cst_face_verifier_verify (verifier, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER,
                                           CST_TEST_NAME, complete, &error));
  g_assert_no_error (error);

  /* 眨眨眼 skipped: refused, and the message says what to do. */
  g_assert_false (cst_face_verifier_verify (verifier, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER,
                                            CST_TEST_NAME, no_blink, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_REJECTED);
  g_assert_cmpstr (cst_auth_error_get_field (error), ==, CST_FIELD_FACE);
  g_assert_nonnull (strstr (error->message, "blink"));
  g_clear_error (&error);

  /* A capture replayed three minutes later is stale. */
  cst_clock_advance (clock, 3 * G_TIME_SPAN_MINUTE);
  g_assert_false (cst_face_verifier_verify (verifier, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER,
                                            CST_TEST_NAME, complete, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_REJECTED);
  g_clear_error (&error);

  /* Turned off: no face recognition at all. */
  g_assert_false (cst_face_verifier_is_available (disabled));
  g_assert_false (cst_face_verifier_verify (disabled, CST_ID_TYPE_RESIDENT, CST_TEST_ID_NUMBER,
                                            CST_TEST_NAME, complete, &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_UNAVAILABLE);
}

static void
test_scripted_face_verifier (void)
{
  g_autoptr (CstScriptedFaceVerifier) scripted = cst_scripted_face_verifier_new ();
  CstFaceVerifier *verifier = CST_FACE_VERIFIER (scripted);
  g_autoptr (CstFaceCapture) capture = cst_face_capture_new (0, 0, NULL);
  g_autoptr (GError) error = NULL;

  cst_scripted_face_verifier_push (scripted, FALSE);
  cst_scripted_face_verifier_push (scripted, TRUE);

  g_assert_false (cst_face_verifier_verify (verifier, CST_ID_TYPE_RESIDENT, "x", NULL, capture,
                                            &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_REJECTED);
  g_clear_error (&error);
  g_assert_true (cst_face_verifier_verify (verifier, CST_ID_TYPE_RESIDENT, "x", NULL, capture,
                                           &error));
  /* Script used up: accept. */
  g_assert_true (cst_face_verifier_verify (verifier, CST_ID_TYPE_RESIDENT, "x", NULL, capture,
                                           &error));
  g_assert_no_error (error);

  cst_scripted_face_verifier_set_available (scripted, FALSE);
  g_assert_false (cst_face_verifier_is_available (verifier));
  g_assert_false (cst_face_verifier_verify (verifier, CST_ID_TYPE_RESIDENT, "x", NULL, capture,
                                            &error));
  g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_FACE_UNAVAILABLE);
  g_assert_cmpuint (cst_scripted_face_verifier_get_calls (scripted), ==, 4);
}

static gpointer
send_from_thread (gpointer data)
{
  CstSmsGateway *gateway = data;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *code = g_strdup_printf ("%06u", i);
      g_autofree char *text = cst_sms_format_text (code);

      g_assert_true (cst_sms_gateway_send (gateway, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN,
                                           code, text, NULL));
    }

  return NULL;
}

static void
test_capture_sms_gateway (void)
{
  g_autoptr (CstCaptureSmsGateway) capture = cst_capture_sms_gateway_new ();
  g_autoptr (CstSmsGateway) notify = cst_notify_sms_gateway_new (NULL);
  g_autofree char *text = cst_sms_format_text ("123456");
  g_autofree char *last = NULL;
  GThread *threads[4];

  g_assert_cmpstr (text, ==,
                   "[Chushuitong] Your verification code is 123456. It is valid for 5 minutes.");
  g_assert_null (cst_capture_sms_gateway_last_code (capture, CST_TEST_PHONE));

  /* Worker threads send at once; nothing is lost. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("sms", send_from_thread, capture);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_assert_cmpuint (cst_capture_sms_gateway_count (capture), ==, 400);
  last = cst_capture_sms_gateway_last_code (capture, CST_TEST_PHONE);
  g_assert_cmpuint (strlen (last), ==, 6);
  g_assert_null (cst_capture_sms_gateway_last_code (capture, CST_TEST_PHONE_2));

  cst_capture_sms_gateway_clear (capture);
  g_assert_cmpuint (cst_capture_sms_gateway_count (capture), ==, 0);

  /* Without an application (the admin tool) the notification gateway
   * delivers nothing and succeeds. */
  g_assert_true (cst_sms_gateway_send (notify, CST_TEST_PHONE, CST_CODE_PURPOSE_LOGIN,
                                       "123456", text, NULL));
}

/* A stand-in for the desktop's notification server, on a private bus. */
typedef struct
{
  char *summary;
  char *body;
} Notified;

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
on_notify_method_cb (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  Notified *notified = user_data;

  g_assert_cmpstr (method_name, ==, "Notify");
  g_variant_get_child (parameters, 3, "s", &notified->summary);
  g_variant_get_child (parameters, 4, "s", &notified->body);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", 1));
}

static gpointer
send_one_from_thread (gpointer data)
{
  CstSmsGateway *gateway = data;
  g_autofree char *text = cst_sms_format_text ("654321");

  g_assert_true (cst_sms_gateway_send (gateway, CST_TEST_PHONE, CST_CODE_PURPOSE_REGISTER,
                                       "654321", text, NULL));
  return NULL;
}

static void
test_notify_sms_gateway_child (void)
{
  static const GDBusInterfaceVTable vtable = { on_notify_method_cb, NULL, NULL, { 0 } };
  /* static: never freed (the process ends first), but reachable so the
   * sanitizer build does not report it as a leak. */
  static GTestDBus *bus;
  g_autoptr (GDBusConnection) server = NULL;
  g_autoptr (GDBusNodeInfo) info = NULL;
  g_autoptr (GApplication) app = NULL;
  g_autoptr (CstSmsGateway) gateway = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = cst_sms_format_text ("654321");
  Notified notified = { NULL, NULL };
  gint64 deadline;
  guint id;

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  server = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  id = g_dbus_connection_register_object (server, "/org/freedesktop/Notifications",
                                          info->interfaces[0], &vtable, &notified, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (server, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);

  app = g_application_new ("io.github.chushuitong.Desktop.SmsTest", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);

  /* The backend sends from its worker threads; the notification must go
   * out through the application on its main context. */
  gateway = cst_notify_sms_gateway_new (app);
  g_thread_join (g_thread_new ("sms", send_one_from_thread, gateway));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (notified.body == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_cmpstr (notified.summary, ==, "Verification code");
  g_assert_cmpstr (notified.body, ==, expected);

  g_dbus_connection_unregister_object (server, id);
  g_free (notified.summary);
  g_free (notified.body);
  /* As in test-credential-store: the session bus singleton outlives us. */
  g_test_dbus_stop (bus);
}

static void
test_notify_sms_gateway (void)
{
  g_test_trap_subprocess ("/Cst/SmsGateway/notification/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_session (void)
{
  g_autoptr (CstSession) personal = NULL;
  g_autoptr (CstSession) enterprise = NULL;

  personal = cst_session_new ("token", "t0k3n",
                              "person-id", (gint64) 7,
                              "name", CST_TEST_NAME,
                              "id-type", CST_ID_TYPE_RESIDENT,
                              "id-number", CST_TEST_ID_NUMBER,
                              "phone", CST_TEST_PHONE,
                              "username", "",
                              "method", CST_LOGIN_METHOD_SMS,
                              "expires", CST_TEST_START_US,
                              NULL);
  g_assert_cmpstr (cst_session_get_token (personal), ==, "t0k3n");
  g_assert_null (cst_session_get_refresh_token (personal));
  g_assert_null (cst_session_get_username (personal));
  g_assert_cmpint (cst_session_get_person_id (personal), ==, 7);
  g_assert_cmpint (cst_session_get_method (personal), ==, CST_LOGIN_METHOD_SMS);
  g_assert_cmpint (cst_session_get_role (personal), ==, CST_ROLE_NONE);
  g_assert_false (cst_session_is_enterprise (personal));

  enterprise = cst_session_new ("token", "t",
                                "refresh-token", "r",
                                "enterprise-code", CST_TEST_ENTERPRISE_CODE,
                                "enterprise-name", CST_TEST_ENTERPRISE_NAME,
                                "role", CST_ROLE_FINANCIAL_OFFICER,
                                NULL);
  g_assert_true (cst_session_is_enterprise (enterprise));
  g_assert_cmpstr (cst_session_get_refresh_token (enterprise), ==, "r");
  g_assert_cmpint (cst_session_get_role (enterprise), ==, CST_ROLE_FINANCIAL_OFFICER);

  g_assert_finalize_object (g_steal_pointer (&personal));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Cst/AuthService/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("login-password", test_login_password);
  ADD ("login-wrong-password", test_login_wrong_password);
  ADD ("remember", test_remember);
  ADD ("restore-rotates", test_restore_rotates);
  ADD ("restore-nothing", test_restore_nothing);
  ADD ("restore-revoked", test_restore_revoked);
  ADD ("restore-expired", test_restore_expired);
  ADD ("logout", test_logout);
  ADD ("new-login-replaces-session", test_new_login_replaces_session);
  ADD ("quick-login", test_quick_login);
  ADD ("reset-forgets-person", test_reset_forgets_person);
  ADD ("reset-other-person-keeps-session", test_reset_other_person_keeps_session);
  ADD ("keyring-unavailable", test_keyring_unavailable);
  ADD ("no-store", test_no_store);
  ADD ("cancel-before", test_cancel_before);
  ADD ("cancel-while-running", test_cancel_while_running);
  ADD ("register", test_register);
  ADD ("enterprise", test_enterprise);
  ADD ("face", test_face);
  ADD ("concurrent-calls-busy", test_concurrent_calls_busy);

#undef ADD

  g_test_add_func ("/Cst/LocalFaceVerifier/liveness-and-freshness", test_local_face_verifier);
  g_test_add_func ("/Cst/ScriptedFaceVerifier/script", test_scripted_face_verifier);
  g_test_add_func ("/Cst/SmsGateway/capture-and-text", test_capture_sms_gateway);
  g_test_add_func ("/Cst/SmsGateway/notification", test_notify_sms_gateway);
  g_test_add_func ("/Cst/SmsGateway/notification/subprocess", test_notify_sms_gateway_child);
  g_test_add_func ("/Cst/Session/properties", test_session);

  return g_test_run ();
}
