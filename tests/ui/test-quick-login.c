/* test-quick-login.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * 指纹登录 / 面容登录 on the login page, 保持登录 across a restart, and the
 * app without a keyring, in a real window: the demo person, the in-memory
 * keyring, and fake-fprintd.py on a private system bus (so the login page
 * talks to an ordinary system-bus fingerprint reader).
 *
 * A "restart" destroys the window and the service (and the backend) and
 * builds new ones over the same database and keyring, as a new process
 * would find them.
 */

#include "config.h"

#include "cst-face-capture-view.h"
#include "cst-login-page.h"
#include "cst-quick-login-page.h"
#include "cst-test-ui.h"
#include "../service/cst-fake-fprintd.h"

#define WAIT_MS 10000
#define NEW_PASSWORD "Wuhan#Reset2026"
#define MASKED_ID "4201**********1231"
#define KEYRING_NOTICE "The system keyring is not available, so Keep me signed in and quick " \
                       "login are off on this device"
#define ROW_PASSWORD_REQUIRED "Too many failed attempts: log in with your password first"

static CstFakeFprintd fake;

/* ---- plumbing ---- */

static void
on_ready_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  cst_test_wait_until (*slot != NULL, WAIT_MS);
  return *slot;
}

static GtkWidget *
tchild (gpointer    page,
        const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (page), G_OBJECT_TYPE (page), name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
label_of (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

static const char *
subtitle_of (GtkWidget *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* Whether the failure counts live in GSettings (the keys are in the schema). */
static GSettings *
failure_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);
  if (schema == NULL ||
      !g_settings_schema_has_key (schema, "quick-login-fingerprint-failures") ||
      !g_settings_schema_has_key (schema, "quick-login-face-failures"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
setup (CstTestUi     *fixture,
       gconstpointer  data)
{
  g_autoptr(GSettings) settings = failure_settings ();

  /* The memory GSettings backend lives as long as this process: each test
   * starts from no failed matches. */
  if (settings != NULL)
    {
      g_settings_reset (settings, "quick-login-fingerprint-failures");
      g_settings_reset (settings, "quick-login-face-failures");
    }

  cst_fake_fprintd_set_scenario (&fake, "match");
  cst_test_ui_setup (fixture, data);
  cst_test_ui_seed_demo (fixture);
}

static void
login_password (CstTestUi  *fixture,
                const char *password,
                gboolean    remember)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cst_auth_service_login_password_async (fixture->service, CST_DEMO_PHONE, password, remember,
                                         NULL, on_ready_cb, &result);
  cst_auth_service_login_password_finish (fixture->service, wait_result (&result), &error);
  g_assert_no_error (error);
}

static void
logout (CstTestUi *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cst_auth_service_logout_async (fixture->service, NULL, on_ready_cb, &result);
  cst_auth_service_logout_finish (fixture->service, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_null (cst_auth_service_get_session (fixture->service));
}

/* What 生物识别 does (tested in test-biometrics): signed in, the password,
 * a device credential in the keyring. Then signed out again, as the user
 * is when the login page offers quick login. */
static void
enable_quick_login (CstTestUi         *fixture,
                    CstCredentialKind  kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  login_password (fixture, CST_DEMO_PASSWORD, FALSE);
  cst_auth_service_quick_login_enable_async (fixture->service, kind, CST_DEMO_PASSWORD,
                                             NULL, on_ready_cb, &result);
  cst_auth_service_quick_login_enable_finish (fixture->service, wait_result (&result), &error);
  g_assert_no_error (error);
  logout (fixture);

  secret = cst_memory_credential_store_peek (fixture->store, kind, CST_DEMO_ID_NUMBER);
  g_assert_nonnull (secret);
}

static CstPage *
open_login_page (CstTestUi *fixture)
{
  CstPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.login", NULL));
  page = cst_test_ui_visible_page (fixture);
  g_assert_true (CST_IS_LOGIN_PAGE (page));
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (page)), 2000);

  return page;
}

/* Waits until the page has asked the keyring (and the reader) and shows
 * what it found for @row_name: visible and settled. */
static GtkWidget *
wait_quick_row (CstPage    *page,
                const char *row_name)
{
  GtkWidget *row = tchild (page, row_name);

  cst_test_wait_until (gtk_widget_get_visible (row) &&
                       g_strcmp0 (subtitle_of (row), "Looking for a fingerprint reader…") != 0,
                       WAIT_MS);
  g_assert_true (gtk_widget_get_mapped (row));

  return row;
}

/* Clicks the row as the user would and returns the quick login page. */
static CstPage *
choose (CstTestUi *fixture,
        GtkWidget *row)
{
  CstPage *page;

  g_assert_true (gtk_widget_is_sensitive (row));
  gtk_widget_activate (row);
  cst_test_wait_until (CST_IS_QUICK_LOGIN_PAGE (cst_test_ui_visible_page (fixture)), 2000);
  page = cst_test_ui_visible_page (fixture);
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (page)), 2000);

  return page;
}

/* 我的 shows the masked name of whoever is signed in. */
static void
assert_my_page_signed_in (CstTestUi *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "my");
  cst_test_wait_until (cst_test_find_text (GTK_WIDGET (fixture->window), "张*") != NULL, 2000);
  g_assert_null (cst_test_find_text (GTK_WIDGET (fixture->window), CST_DEMO_NAME));
  g_assert_null (cst_test_find_text (GTK_WIDGET (fixture->window), "Log In / Register"));
}

static void
assert_signed_in (CstTestUi      *fixture,
                  CstLoginMethod  method)
{
  CstSession *session;

  cst_test_wait_until (cst_auth_service_get_session (fixture->service) != NULL, WAIT_MS);
  session = cst_auth_service_get_session (fixture->service);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_DEMO_ID_NUMBER);
  g_assert_cmpint (cst_session_get_method (session), ==, method);

  /* Every login ends on 我的. */
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
  assert_my_page_signed_in (fixture);
}

/* A new process: the window, the service and the backend go; new ones
 * open the same database and find the same keyring. */
static void
restart (CstTestUi *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "identity.db", NULL);
  g_autoptr(GError) error = NULL;
  CstAuthService *old_service = fixture->service;
  CstLocalBackend *old_backend = fixture->backend;
  CstLocalConfig config;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  g_object_add_weak_pointer (G_OBJECT (old_service), (gpointer *) &old_service);
  g_object_add_weak_pointer (G_OBJECT (old_backend), (gpointer *) &old_backend);
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->backend);
  /* Both really gone: nothing of the old run is still in memory. */
  cst_test_wait_until (old_service == NULL && old_backend == NULL, 5000);

  cst_local_config_init_defaults (&config);
  config.min_failure_time_ms = 0;
  /* The OWASP floor, not the (higher) default: faster, same rules. */
  config.pwhash_memlimit = CST_PWHASH_OWASP_MEMLIMIT;
  config.pwhash_opslimit = CST_PWHASH_OWASP_OPSLIMIT;
  fixture->backend = cst_local_backend_new (path, fixture->clock,
                                            CST_SMS_GATEWAY (fixture->sms),
                                            CST_FACE_VERIFIER (fixture->face),
                                            &config, &error);
  g_assert_no_error (error);
  cst_local_backend_open (fixture->backend, &error);
  g_assert_no_error (error);

  fixture->service = cst_auth_service_new (CST_AUTH_BACKEND (fixture->backend),
                                           CST_CREDENTIAL_STORE (fixture->store));
  fixture->window = cst_window_new (NULL, fixture->service);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)), 5000);
  /* Nothing is restored before the window is on screen. */
  g_assert_null (cst_auth_service_get_session (fixture->service));
}

/* After a restart: the window has painted and the restore (if any) is over. */
static void
wait_restore_done (CstTestUi *fixture)
{
  cst_test_spin (100);
  cst_test_wait_until (!cst_auth_service_get_busy (fixture->service), WAIT_MS);
}

static void
assert_signed_out_after_restart (CstTestUi *fixture)
{
  wait_restore_done (fixture);
  g_assert_null (cst_auth_service_get_session (fixture->service));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "my");
  cst_test_wait_until (cst_test_find_text (GTK_WIDGET (fixture->window), "Log In / Register") != NULL,
                       2000);
  g_assert_null (cst_test_find_text (GTK_WIDGET (fixture->window), "张*"));
}

/* ---- nothing remembered ---- */

static void
test_nothing_remembered (CstTestUi     *fixture,
                         gconstpointer  data)
{
  CstPage *page = open_login_page (fixture);

  /* Give the keyring lookups time to answer: still nothing to offer. */
  cst_test_spin (200);
  g_assert_false (gtk_widget_get_visible (tchild (page, "quick_list")));
  g_assert_null (cst_test_find_text (GTK_WIDGET (page), "Fingerprint Login"));
  g_assert_null (cst_test_find_text (GTK_WIDGET (page), "Face ID Login"));
  /* With a keyring, 保持登录 is there to be ticked. */
  g_assert_true (gtk_widget_is_sensitive (tchild (page, "keep_check")));
  g_assert_null (cst_test_find_text (GTK_WIDGET (page), KEYRING_NOTICE));
}

/* ---- 指纹登录 ---- */

static void
on_prompt_label_cb (GtkLabel   *label,
                    GParamSpec *pspec,
                    GPtrArray  *seen)
{
  if (gtk_widget_get_visible (GTK_WIDGET (label)))
    g_ptr_array_add (seen, g_strdup (gtk_label_get_text (label)));
}

static gboolean
seen_text (GPtrArray  *seen,
           const char *text)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_strcmp0 (g_ptr_array_index (seen, i), text) == 0)
      return TRUE;

  return FALSE;
}

static void
test_fingerprint_match (CstTestUi     *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *calls = NULL;
  GtkWidget *row;
  CstPage *page;
  gboolean claimed, verifying;

  enable_quick_login (fixture, CST_CREDENTIAL_KIND_FINGERPRINT);
  /* The reader asks once more before it matches: both texts are shown. */
  cst_fake_fprintd_set_scenario (&fake, "retry-then-match");

  page = open_login_page (fixture);
  row = wait_quick_row (page, "fingerprint_row");
  g_assert_true (gtk_widget_get_visible (tchild (page, "quick_list")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Fingerprint Login");
  /* The remembered account, masked. */
  g_assert_cmpstr (subtitle_of (row), ==, MASKED_ID);
  g_assert_true (gtk_widget_is_sensitive (row));
  /* Only what was turned on is offered. */
  g_assert_false (gtk_widget_get_visible (tchild (page, "face_row")));

  gtk_widget_activate (row);
  cst_test_wait_until (CST_IS_QUICK_LOGIN_PAGE (cst_test_ui_visible_page (fixture)), 2000);
  page = cst_test_ui_visible_page (fixture);
  g_signal_connect (tchild (page, "prompt_label"), "notify::label",
                    G_CALLBACK (on_prompt_label_cb), seen);
  g_assert_cmpstr (cst_page_get_title (page), ==, "Fingerprint Login");
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), MASKED_ID));

  assert_signed_in (fixture, CST_LOGIN_METHOD_FINGERPRINT);
  g_assert_true (seen_text (seen, "Place your finger on the fingerprint reader"));
  g_assert_true (seen_text (seen, "Press your finger on the reader again"));

  /* The reader was claimed, verified and given back. */
  calls = cst_fake_fprintd_get_calls (&fake);
  g_assert_nonnull (strstr (calls, "Claim VerifyStart:any"));
  cst_test_wait_until ((cst_fake_fprintd_get_state (&fake, &claimed, &verifying), !claimed), 2000);
  g_assert_false (verifying);
}

static GtkWidget *
wait_error (CstPage *page)
{
  GtkWidget *error_label = tchild (page, "error_label");

  cst_test_wait_until (gtk_widget_get_visible (error_label) &&
                       !gtk_widget_get_visible (tchild (page, "spinner")), WAIT_MS);
  return error_label;
}

static void
test_fingerprint_no_match (CstTestUi     *fixture,
                           gconstpointer  data)
{
  GtkWidget *row, *error_label, *retry;
  CstPage *login_page, *page;
  char expected[80];

  enable_quick_login (fixture, CST_CREDENTIAL_KIND_FINGERPRINT);
  cst_fake_fprintd_set_scenario (&fake, "no-match");

  login_page = open_login_page (fixture);
  page = choose (fixture, wait_quick_row (login_page, "fingerprint_row"));
  retry = tchild (page, "retry_button");

  for (guint left = 4; left >= 1; left--)
    {
      error_label = wait_error (page);
      g_snprintf (expected, sizeof expected,
                  left == 1 ? "Fingerprint not recognised; %u attempt left"
                            : "Fingerprint not recognised; %u attempts left", left);
      g_assert_cmpstr (label_of (error_label), ==, expected);
      g_assert_null (cst_auth_service_get_session (fixture->service));
      g_assert_cmpuint (cst_quick_login_get_failures (fixture->service,
                                                      CST_CREDENTIAL_KIND_FINGERPRINT), ==, 5 - left);
      cst_test_click (retry);
    }

  /* The fifth: the password is required, and trying again is not offered. */
  error_label = wait_error (page);
  g_assert_cmpstr (label_of (error_label), ==,
                   "Too many failed attempts. Log in with your password to use fingerprint login again");
  g_assert_false (gtk_widget_is_sensitive (retry));
  g_assert_true (gtk_widget_has_css_class (tchild (page, "password_button"), "suggested-action"));
  g_assert_null (cst_auth_service_get_session (fixture->service));
  g_assert_true (cst_quick_login_get_password_required (fixture->service,
                                                        CST_CREDENTIAL_KIND_FINGERPRINT));

  /* 使用密码登录 goes back to the login page, which says the same. */
  cst_test_click (tchild (page, "password_button"));
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == login_page, 2000);
  cst_fake_fprintd_set_scenario (&fake, "match");
  row = wait_quick_row (login_page, "fingerprint_row");
  cst_test_wait_until (g_strcmp0 (subtitle_of (row), ROW_PASSWORD_REQUIRED) == 0, WAIT_MS);
  g_assert_false (gtk_widget_is_sensitive (row));
  /* Even a finger that would match is not asked for. */
  gtk_widget_activate_action (GTK_WIDGET (login_page), "login.quick", "s", "fingerprint");
  g_assert_true (cst_test_ui_visible_page (fixture) == login_page);

  /* A password login clears it. */
  cst_test_type (tchild (login_page, "account_row"), CST_DEMO_PHONE);
  cst_test_type (tchild (login_page, "password_row"), CST_DEMO_PASSWORD);
  cst_test_click (tchild (login_page, "login_button"));
  assert_signed_in (fixture, CST_LOGIN_METHOD_PASSWORD);
  g_assert_cmpuint (cst_quick_login_get_failures (fixture->service,
                                                  CST_CREDENTIAL_KIND_FINGERPRINT), ==, 0);
  logout (fixture);

  login_page = open_login_page (fixture);
  row = wait_quick_row (login_page, "fingerprint_row");
  g_assert_cmpstr (subtitle_of (row), ==, MASKED_ID);
  page = choose (fixture, row);
  assert_signed_in (fixture, CST_LOGIN_METHOD_FINGERPRINT);
}

/* 5 failed matches, then a restart: still the password first. */
static void
test_fingerprint_failures_survive_restart (CstTestUi     *fixture,
                                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = failure_settings ();
  CstPage *page;
  GtkWidget *row;

  if (settings == NULL)
    {
      g_test_skip ("The schema has no quick-login-fingerprint-failures key: "
                   "the count is kept in memory only");
      return;
    }

  enable_quick_login (fixture, CST_CREDENTIAL_KIND_FINGERPRINT);
  cst_fake_fprintd_set_scenario (&fake, "no-match");
  page = choose (fixture, wait_quick_row (open_login_page (fixture), "fingerprint_row"));
  for (guint i = 0; i < CST_QUICK_LOGIN_MAX_FAILURES - 1; i++)
    {
      wait_error (page);
      cst_test_click (tchild (page, "retry_button"));
    }
  wait_error (page);
  g_assert_true (cst_quick_login_get_password_required (fixture->service,
                                                        CST_CREDENTIAL_KIND_FINGERPRINT));

  restart (fixture);
  cst_fake_fprintd_set_scenario (&fake, "match");
  row = wait_quick_row (open_login_page (fixture), "fingerprint_row");
  cst_test_wait_until (g_strcmp0 (subtitle_of (row), ROW_PASSWORD_REQUIRED) == 0, WAIT_MS);
  g_assert_false (gtk_widget_is_sensitive (row));
}

static void
assert_row_unusable (CstTestUi  *fixture,
                     const char *scenario,
                     const char *reason)
{
  g_autofree char *calls = NULL;
  CstPage *page;
  GtkWidget *row;

  enable_quick_login (fixture, CST_CREDENTIAL_KIND_FINGERPRINT);
  cst_fake_fprintd_set_scenario (&fake, scenario);

  page = open_login_page (fixture);
  row = wait_quick_row (page, "fingerprint_row");
  /* It says why, and cannot be chosen. */
  g_assert_cmpstr (subtitle_of (row), ==, reason);
  g_assert_false (gtk_widget_is_sensitive (row));
  gtk_widget_activate_action (GTK_WIDGET (page), "login.quick", "s", "fingerprint");
  g_assert_true (cst_test_ui_visible_page (fixture) == page);
  /* Looking is not claiming. */
  calls = cst_fake_fprintd_get_calls (&fake);
  g_assert_null (strstr (calls, "Claim"));
}

static void
test_fingerprint_no_reader (CstTestUi     *fixture,
                            gconstpointer  data)
{
  assert_row_unusable (fixture, "no-reader", "No fingerprint reader was found on this computer");
}

static void
test_fingerprint_no_enrolled (CstTestUi     *fixture,
                              gconstpointer  data)
{
  assert_row_unusable (fixture, "no-enrolled",
                       "No fingerprint is enrolled for this user. "
                       "Add one in the system settings (Users) first");
}

static void
test_fingerprint_no_fprintd (CstTestUi     *fixture,
                             gconstpointer  data)
{
  assert_row_unusable (fixture, "no-service", "The fingerprint service (fprintd) is not available");
}

/* Reader trouble once verifying: said in words, not counted as a failed
 * match, and Try Again works once the reader is fine. */
static void
test_fingerprint_reader_errors (CstTestUi     *fixture,
                                gconstpointer  data)
{
  static const struct {
    const char *scenario;
    const char *message;
  } cases[] = {
    { "in-use", "The fingerprint reader is in use by another application" },
    { "disconnected", "The fingerprint reader was disconnected" },
    { "hung", "The fingerprint reader did not answer in time, try again" },
  };
  g_autoptr(CstFingerprintReader) reader = cst_fingerprint_reader_new ();
  CstPage *login_page, *page;
  GtkWidget *retry;

  /* Not 30 s for the hung reader. */
  cst_fingerprint_reader_set_verify_timeout (reader, 300);

  enable_quick_login (fixture, CST_CREDENTIAL_KIND_FINGERPRINT);
  cst_fake_fprintd_set_scenario (&fake, cases[0].scenario);
  login_page = open_login_page (fixture);
  g_object_set (login_page, "fingerprint-reader", reader, NULL);
  page = choose (fixture, wait_quick_row (login_page, "fingerprint_row"));
  retry = tchild (page, "retry_button");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean claimed, verifying;

      if (i > 0)
        {
          cst_fake_fprintd_set_scenario (&fake, cases[i].scenario);
          cst_test_click (retry);
        }

      g_assert_cmpstr (label_of (wait_error (page)), ==, cases[i].message);
      g_assert_true (gtk_widget_is_sensitive (retry));
      g_assert_cmpuint (cst_quick_login_get_failures (fixture->service,
                                                      CST_CREDENTIAL_KIND_FINGERPRINT), ==, 0);
      g_assert_null (cst_auth_service_get_session (fixture->service));
      cst_test_wait_until ((cst_fake_fprintd_get_state (&fake, &claimed, &verifying), !verifying),
                           2000);
    }

  cst_fake_fprintd_set_scenario (&fake, "match");
  cst_test_click (retry);
  assert_signed_in (fixture, CST_LOGIN_METHOD_FINGERPRINT);
}

/* 指纹识别 switched off elsewhere (revoked on the server): said, and forgotten. */
static void
test_fingerprint_revoked (CstTestUi     *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  CstPage *login_page, *page;
  CstSession *session;

  enable_quick_login (fixture, CST_CREDENTIAL_KIND_FINGERPRINT);
  login_page = open_login_page (fixture);
  wait_quick_row (login_page, "fingerprint_row");

  /* Another client of the server revokes it, behind this device's back. */
  session = cst_auth_backend_login_password (CST_AUTH_BACKEND (fixture->backend), CST_DEMO_PHONE,
                                             CST_DEMO_PASSWORD, FALSE, &error);
  g_assert_no_error (error);
  cst_auth_backend_device_credential_revoke (CST_AUTH_BACKEND (fixture->backend),
                                             cst_session_get_token (session),
                                             CST_CREDENTIAL_KIND_FINGERPRINT, &error);
  g_assert_no_error (error);
  g_clear_object (&session);

  page = choose (fixture, tchild (login_page, "fingerprint_row"));
  wait_error (page);
  g_assert_null (cst_auth_service_get_session (fixture->service));
  g_assert_false (gtk_widget_is_sensitive (tchild (page, "retry_button")));
  secret = cst_memory_credential_store_peek (fixture->store, CST_CREDENTIAL_KIND_FINGERPRINT,
                                             CST_DEMO_ID_NUMBER);
  g_assert_null (secret);

  /* Back on the login page it is no longer offered. */
  cst_test_click (tchild (page, "password_button"));
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == login_page, 2000);
  cst_test_spin (200);
  g_assert_false (gtk_widget_get_visible (tchild (login_page, "fingerprint_row")));
}

/* ---- 面容登录 ---- */

static CstPage *
open_face_page (CstTestUi           *fixture,
                CstFaceCaptureView **view)
{
  CstPage *login_page, *page;

  enable_quick_login (fixture, CST_CREDENTIAL_KIND_FACE);
  login_page = open_login_page (fixture);
  /* The gate judges by the test's script. */
  g_object_set (login_page, "face-verifier", fixture->face, NULL);
  page = choose (fixture, wait_quick_row (login_page, "face_row"));
  g_assert_false (gtk_widget_get_visible (tchild (login_page, "fingerprint_row")));

  g_assert_cmpstr (cst_page_get_title (page), ==, "Face ID Login");
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), MASKED_ID));
  *view = CST_FACE_CAPTURE_VIEW (tchild (page, "face_view"));
  cst_face_capture_view_set_step_duration (*view, 20);
  /* Nothing starts until the user says so. */
  g_assert_cmpint (cst_face_capture_view_get_state (*view), ==, CST_FACE_CAPTURE_STATE_IDLE);

  return page;
}

static void
start_capture (CstFaceCaptureView *view)
{
  GtkWidget *button;

  if (cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_IDLE)
    button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                        CST_TYPE_FACE_CAPTURE_VIEW, "start_button"));
  else
    button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                        CST_TYPE_FACE_CAPTURE_VIEW, "retry_button"));
  cst_test_click (button);
}

static void
test_face (CstTestUi     *fixture,
           gconstpointer  data)
{
  CstFaceCaptureView *view;
  CstPage *page = open_face_page (fixture, &view);

  /* Rejected by the gate: said, counted, nothing signed in. */
  cst_scripted_face_verifier_push (fixture->face, FALSE);
  start_capture (view);
  cst_test_wait_until (cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_FAILED,
                       WAIT_MS);
  g_assert_cmpstr (label_of (tchild (page, "error_label")), ==, "Face not recognised; 4 attempts left");
  g_assert_null (cst_auth_service_get_session (fixture->service));
  g_assert_cmpuint (cst_scripted_face_verifier_get_calls (fixture->face), ==, 1);

  /* Accepted: the device credential signs in. */
  cst_scripted_face_verifier_push (fixture->face, TRUE);
  start_capture (view);
  assert_signed_in (fixture, CST_LOGIN_METHOD_DEVICE_FACE);
  g_assert_cmpuint (cst_scripted_face_verifier_get_calls (fixture->face), ==, 2);
  /* A match clears the count. */
  g_assert_cmpuint (cst_quick_login_get_failures (fixture->service, CST_CREDENTIAL_KIND_FACE), ==, 0);
}

static void
test_face_five_rejections (CstTestUi     *fixture,
                           gconstpointer  data)
{
  CstFaceCaptureView *view;
  CstPage *page = open_face_page (fixture, &view);
  CstPage *login_page;
  GtkWidget *row;

  for (guint i = 0; i < CST_QUICK_LOGIN_MAX_FAILURES; i++)
    {
      cst_scripted_face_verifier_push (fixture->face, FALSE);
      start_capture (view);
      cst_test_wait_until (cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_FAILED,
                           WAIT_MS);
    }

  g_assert_cmpstr (label_of (tchild (page, "error_label")), ==,
                   "Too many failed attempts. Log in with your password to use face login again");
  /* No sixth capture. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (view)));
  g_assert_cmpuint (cst_scripted_face_verifier_get_calls (fixture->face), ==, 5);
  g_assert_null (cst_auth_service_get_session (fixture->service));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  login_page = cst_test_ui_visible_page (fixture);
  g_assert_true (CST_IS_LOGIN_PAGE (login_page));
  row = wait_quick_row (login_page, "face_row");
  cst_test_wait_until (g_strcmp0 (subtitle_of (row), ROW_PASSWORD_REQUIRED) == 0, WAIT_MS);
  g_assert_false (gtk_widget_is_sensitive (row));
  /* Only face login: the fingerprint count is its own. */
  g_assert_cmpuint (cst_quick_login_get_failures (fixture->service,
                                                  CST_CREDENTIAL_KIND_FINGERPRINT), ==, 0);
}

/* ---- 保持登录 ---- */

/* Logs in on the login page with 保持登录 ticked, as the user does. */
static char *
login_keep_signed_in (CstTestUi *fixture)
{
  CstPage *page = open_login_page (fixture);
  GtkWidget *keep = tchild (page, "keep_check");
  char *token;

  cst_test_type (tchild (page, "account_row"), CST_DEMO_USERNAME);
  cst_test_type (tchild (page, "password_row"), CST_DEMO_PASSWORD);
  g_assert_true (gtk_widget_is_sensitive (keep));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (keep), TRUE);
  cst_test_click (tchild (page, "login_button"));
  assert_signed_in (fixture, CST_LOGIN_METHOD_PASSWORD);

  token = cst_memory_credential_store_peek (fixture->store, CST_CREDENTIAL_KIND_REFRESH,
                                            CST_DEMO_ID_NUMBER);
  g_assert_nonnull (token);
  g_assert_cmpstr (token, ==,
                   cst_session_get_refresh_token (cst_auth_service_get_session (fixture->service)));

  return token;
}

static void
test_remember_restart (CstTestUi     *fixture,
                       gconstpointer  data)
{
  g_autofree char *token = login_keep_signed_in (fixture);
  g_autofree char *rotated = NULL;
  CstSession *session;

  restart (fixture);

  /* After the first frame, without the password: signed in. */
  cst_test_wait_until (cst_auth_service_get_session (fixture->service) != NULL, WAIT_MS);
  session = cst_auth_service_get_session (fixture->service);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_DEMO_ID_NUMBER);
  g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_REFRESH);
  assert_my_page_signed_in (fixture);

  /* The token was used once and replaced by a new one in the keyring. */
  wait_restore_done (fixture);
  rotated = cst_memory_credential_store_peek (fixture->store, CST_CREDENTIAL_KIND_REFRESH,
                                              CST_DEMO_ID_NUMBER);
  g_assert_nonnull (rotated);
  g_assert_cmpstr (rotated, !=, token);
  g_assert_cmpstr (rotated, ==, cst_session_get_refresh_token (session));

  /* And once more: the rotated one works, the old one is dead. */
  restart (fixture);
  cst_test_wait_until (cst_auth_service_get_session (fixture->service) != NULL, WAIT_MS);
  assert_my_page_signed_in (fixture);
}

static AdwMessageDialog *
find_message_dialog (CstTestUi *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_remember_logout (CstTestUi     *fixture,
                      gconstpointer  data)
{
  g_autofree char *token = login_keep_signed_in (fixture);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  /* 退出登录, confirmed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.logout", NULL));
  cst_test_wait_until ((dialog = find_message_dialog (fixture)) != NULL, 2000);
  adw_message_dialog_response (dialog, "logout");
  cst_test_wait_until (cst_auth_service_get_session (fixture->service) == NULL, WAIT_MS);
  cst_test_wait_until (!cst_auth_service_get_busy (fixture->service), WAIT_MS);

  after = cst_memory_credential_store_peek (fixture->store, CST_CREDENTIAL_KIND_REFRESH,
                                            CST_DEMO_ID_NUMBER);
  g_assert_null (after);

  restart (fixture);
  assert_signed_out_after_restart (fixture);
}

static void
test_remember_reset (CstTestUi     *fixture,
                     gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autofree char *code = NULL;
  g_autofree char *left = NULL;
  g_autoptr(GAsyncResult) begin = NULL;
  g_autoptr(GAsyncResult) sent = NULL;
  g_autoptr(GAsyncResult) verified = NULL;
  g_autoptr(GAsyncResult) completed = NULL;
  g_autoptr(CstResetChallenge) challenge = NULL;
  g_autoptr(GError) error = NULL;
  gint resend_after = 0;
  CstPage *page;

  /* Quick login and 保持登录 both remembered for the demo person. */
  enable_quick_login (fixture, CST_CREDENTIAL_KIND_FINGERPRINT);
  token = login_keep_signed_in (fixture);

  /* 忘记密码 through the service (the wizard is tested on its own). */
  cst_auth_service_reset_begin_async (fixture->service, CST_ID_TYPE_RESIDENT, CST_DEMO_ID_NUMBER,
                                      NULL, on_ready_cb, &begin);
  challenge = cst_auth_service_reset_begin_finish (fixture->service, wait_result (&begin), &error);
  g_assert_no_error (error);
  cst_auth_service_send_ticket_code_async (fixture->service, challenge->ticket, NULL,
                                           on_ready_cb, &sent);
  cst_auth_service_send_ticket_code_finish (fixture->service, wait_result (&sent),
                                            &resend_after, &error);
  g_assert_no_error (error);
  code = cst_capture_sms_gateway_last_code (fixture->sms, CST_DEMO_PHONE);
  g_assert_nonnull (code);
  cst_auth_service_reset_verify_code_async (fixture->service, challenge->ticket, code, NULL,
                                            on_ready_cb, &verified);
  cst_auth_service_reset_verify_code_finish (fixture->service, wait_result (&verified), &error);
  g_assert_no_error (error);
  cst_auth_service_reset_complete_async (fixture->service, challenge->ticket, NEW_PASSWORD, NULL,
                                         on_ready_cb, &completed);
  cst_auth_service_reset_complete_finish (fixture->service, wait_result (&completed), &error);
  g_assert_no_error (error);

  /* Everything this device remembered for the person is gone. */
  cst_test_wait_until (cst_memory_credential_store_count (fixture->store) == 0, WAIT_MS);
  left = cst_memory_credential_store_peek (fixture->store, CST_CREDENTIAL_KIND_REFRESH,
                                           CST_DEMO_ID_NUMBER);
  g_assert_null (left);

  /* The results hold the service as their source. */
  g_clear_object (&begin);
  g_clear_object (&sent);
  g_clear_object (&verified);
  g_clear_object (&completed);
  restart (fixture);
  assert_signed_out_after_restart (fixture);

  /* No 指纹登录 any more either. */
  page = open_login_page (fixture);
  cst_test_spin (200);
  g_assert_false (gtk_widget_get_visible (tchild (page, "fingerprint_row")));
  g_assert_false (gtk_widget_get_visible (tchild (page, "quick_list")));
}

/* ---- no keyring ---- */

static void
test_keyring_unavailable (CstTestUi     *fixture,
                          gconstpointer  data)
{
  GtkWidget *keep, *notice;
  CstPage *page;

  /* Quick login was set up while the keyring worked … */
  enable_quick_login (fixture, CST_CREDENTIAL_KIND_FINGERPRINT);
  /* … now it is gone (no Secret Service, or locked with no prompter). */
  cst_memory_credential_store_set_available (fixture->store, FALSE);

  page = open_login_page (fixture);
  keep = tchild (page, "keep_check");
  notice = tchild (page, "keyring_notice");
  cst_test_wait_until (gtk_widget_get_visible (notice), WAIT_MS);

  g_assert_cmpstr (label_of (notice), ==, KEYRING_NOTICE);
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), KEYRING_NOTICE));
  g_assert_false (gtk_widget_is_sensitive (keep));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (keep)));
  /* Quick login is off: not offered at all. */
  g_assert_false (gtk_widget_get_visible (tchild (page, "quick_list")));
  g_assert_null (cst_test_find_text (GTK_WIDGET (page), "Fingerprint Login"));

  /* The app keeps working: the password still logs in. */
  cst_test_type (tchild (page, "account_row"), CST_DEMO_ID_NUMBER);
  cst_test_type (tchild (page, "password_row"), CST_DEMO_PASSWORD);
  cst_test_click (tchild (page, "login_button"));
  assert_signed_in (fixture, CST_LOGIN_METHOD_PASSWORD);
  g_assert_null (cst_session_get_refresh_token (cst_auth_service_get_session (fixture->service)));
  /* Only what was stored before the keyring went. */
  g_assert_cmpuint (cst_memory_credential_store_count (fixture->store), ==, 1);

  /* The keyring comes back: the next showing of the page offers it all again. */
  logout (fixture);
  cst_memory_credential_store_set_available (fixture->store, TRUE);
  page = open_login_page (fixture);
  wait_quick_row (page, "fingerprint_row");
  g_assert_true (gtk_widget_is_sensitive (tchild (page, "keep_check")));
  g_assert_false (gtk_widget_get_visible (tchild (page, "keyring_notice")));
}

/* The keyring fails while 保持登录 is ticked: logged in anyway, and said. */
static void
test_keyring_fails_on_login (CstTestUi     *fixture,
                             gconstpointer  data)
{
  CstPage *page = open_login_page (fixture);
  GtkWidget *keep = tchild (page, "keep_check");

  cst_test_spin (100);
  g_assert_true (gtk_widget_is_sensitive (keep));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (keep), TRUE);
  cst_test_type (tchild (page, "account_row"), CST_DEMO_PHONE);
  cst_test_type (tchild (page, "password_row"), CST_DEMO_PASSWORD);

  /* Enter submits at once; the keyring goes before the service gets to it. */
  g_signal_emit_by_name (tchild (page, "password_row"), "entry-activated");
  g_assert_true (gtk_widget_get_visible (tchild (page, "login_spinner")));
  cst_memory_credential_store_set_available (fixture->store, FALSE);

  assert_signed_in (fixture, CST_LOGIN_METHOD_PASSWORD);
  /* After "Signed in", once the keyring has answered. */
  cst_test_wait_until (g_strcmp0 (cst_test_ui_last_toast (fixture),
                                  "Logged in, but Keep me signed in is off: "
                                  "the system keyring is not available") == 0, WAIT_MS);
  g_assert_cmpuint (cst_memory_credential_store_count (fixture->store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cst_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/Cst/QuickLogin/" path, CstTestUi, NULL, setup, func, cst_test_ui_teardown)

  ADD ("nothing-remembered", test_nothing_remembered);
  ADD ("fingerprint/match", test_fingerprint_match);
  ADD ("fingerprint/no-match-five-times", test_fingerprint_no_match);
  ADD ("fingerprint/failures-survive-restart", test_fingerprint_failures_survive_restart);
  ADD ("fingerprint/no-reader", test_fingerprint_no_reader);
  ADD ("fingerprint/no-enrolled", test_fingerprint_no_enrolled);
  ADD ("fingerprint/no-fprintd", test_fingerprint_no_fprintd);
  ADD ("fingerprint/reader-errors", test_fingerprint_reader_errors);
  ADD ("fingerprint/revoked", test_fingerprint_revoked);
  ADD ("face/reject-then-accept", test_face);
  ADD ("face/five-rejections", test_face_five_rejections);
  ADD ("remember/restart", test_remember_restart);
  ADD ("remember/logout", test_remember_logout);
  ADD ("remember/reset", test_remember_reset);
  ADD ("keyring/unavailable", test_keyring_unavailable);
  ADD ("keyring/fails-on-login", test_keyring_fails_on_login);

#undef ADD

  cst_fake_fprintd_start (&fake);
  ret = g_test_run ();
  cst_fake_fprintd_stop (&fake);

  return ret;
}
