/* test-register.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cst-register-wizard.h"
#include "cst-reset-wizard.h"
#include "cst-test-wizard.h"
#include "cst-wizard-credentials-step.h"
#include "cst-wizard-face-step.h"

/* A new person: Beijing, born 1949-12-31, sequence 002 (even: female). */
#define NEW_ID17      "11010519491231002"
#define NEW_NAME      "李四"
#define NEW_PHONE     "13912345678"
#define NEW_PASSWORD  "Qingshan#2026"

static CstPage *
open_register (CstTestUi *fixture)
{
  CstPage *page = open_flow (fixture, "win.register", CST_TYPE_REGISTER_WIZARD);

  assert_step (page, "agreement_step");
  return page;
}

static void
agree (CstPage *page)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (tchild (step_of (page, "agreement_step"), "agree_check")),
                               TRUE);
  press_next (page);
  assert_step (page, "identity_step");
}

static void
fill_identity (CstPage    *page,
               const char *id_number,
               const char *name)
{
  CstWizardStep *step = step_of (page, "identity_step");

  cst_test_type (tchild (step, "id_number_row"), id_number);
  cst_test_type (tchild (step, "name_row"), name);
}

static CstWizardCredentialsStep *
to_credentials (CstTestUi *fixture,
                CstPage   *page)
{
  g_autofree char *id_number = make_resident_id (NEW_ID17);

  agree (page);
  fill_identity (page, id_number, NEW_NAME);
  press_next (page);
  assert_step (page, "credentials_step");

  return CST_WIZARD_CREDENTIALS_STEP (step_of (page, "credentials_step"));
}

static void
fill_password (CstWizardCredentialsStep *step,
               const char               *password,
               const char               *confirmation)
{
  CstPasswordRow *row = cst_wizard_credentials_step_get_password_row (step);

  cst_test_type (cst_password_row_get_entry (row), password);
  cst_test_type (cst_password_row_get_confirm_entry (row), confirmation);
}

/* ---- the whole way, as the phone app's guide tells it ---- */

static void
test_register_full (CstTestUi     *fixture,
                    gconstpointer  data)
{
  g_autofree char *id_number = make_resident_id (NEW_ID17);
  g_autofree char *label = NULL;
  g_autofree char *code = NULL;
  CstWizardCredentialsStep *credentials;
  CstWizardStep *identity;
  CstFaceCaptureView *view;
  CstSmsCodeRow *code_row;
  CstSession *session;
  CstPage *page;

  page = open_register (fixture);

  /* 1 协议: both texts, and 下一步 waits for 我已阅读并同意. */
  g_assert_cmpstr (cst_page_get_title (page), ==, "Register");
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Personal Information Protection Notice and Consent"));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Face Recognition Service Agreement"));
  label = indicator_label_of (page);
  g_assert_cmpstr (label, ==, "Step 1 of 4: Agreement");
  g_assert_cmpstr (next_label_of (page), ==, "Next");
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (fixture->window)) == next_button_of (page));
  agree (page);

  /* 2 身份信息: sex and birth date come from the ID number. */
  g_clear_pointer (&label, g_free);
  label = indicator_label_of (page);
  g_assert_cmpstr (label, ==, "Step 2 of 4: Identity");
  identity = step_of (page, "identity_step");
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));
  g_assert_false (gtk_widget_get_visible (tchild (identity, "derived_list")));
  cst_test_type (tchild (identity, "id_number_row"), id_number);
  g_assert_true (gtk_widget_get_visible (tchild (identity, "derived_list")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tchild (identity, "sex_label"))), ==, "Female");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tchild (identity, "birth_label"))), ==, "1949-12-31");
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));
  cst_test_type (tchild (identity, "name_row"), NEW_NAME);
  g_assert_true (gtk_widget_is_sensitive (next_button_of (page)));
  press_next (page);

  /* 3 设置密码: password, phone, code. */
  assert_step (page, "credentials_step");
  g_clear_pointer (&label, g_free);
  label = indicator_label_of (page);
  g_assert_cmpstr (label, ==, "Step 3 of 4: Password");
  credentials = CST_WIZARD_CREDENTIALS_STEP (step_of (page, "credentials_step"));
  code_row = cst_wizard_credentials_step_get_code_row (credentials);
  fill_password (credentials, NEW_PASSWORD, NEW_PASSWORD);
  g_assert_false (gtk_widget_is_sensitive (cst_sms_code_row_get_send_button (code_row)));
  cst_test_type (cst_wizard_credentials_step_get_phone_row (credentials), NEW_PHONE);
  g_assert_true (gtk_widget_is_sensitive (cst_sms_code_row_get_send_button (code_row)));
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));
  code = request_code (fixture, code_row, NEW_PHONE);
  g_assert_nonnull (code);
  cst_test_type (cst_sms_code_row_get_entry (code_row), code);
  g_assert_true (gtk_widget_is_sensitive (next_button_of (page)));
  press_next (page);

  /* 4 人脸识别: the account exists only after it. */
  assert_step (page, "face_step");
  g_clear_pointer (&label, g_free);
  label = indicator_label_of (page);
  g_assert_cmpstr (label, ==, "Step 4 of 4: Face");
  g_assert_false (gtk_widget_get_visible (tchild (wizard_of (page), "next_clamp")));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Start Recognition"));
  g_assert_null (cst_auth_service_get_session (fixture->service));
  view = cst_wizard_face_step_get_view (CST_WIZARD_FACE_STEP (step_of (page, "face_step")));
  capture_face (view);

  /* Signed in: the window shows 我的 with the new person, and says why. */
  cst_test_wait_until (cst_auth_service_get_session (fixture->service) != NULL, WAIT_MS);
  session = cst_auth_service_get_session (fixture->service);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, id_number);
  g_assert_cmpstr (cst_session_get_name (session), ==, NEW_NAME);
  g_assert_cmpstr (cst_session_get_phone (session), ==, NEW_PHONE);
  g_assert_cmpint (cst_session_get_method (session), ==, CST_LOGIN_METHOD_REGISTRATION);
  g_assert_null (cst_session_get_refresh_token (session));
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
  g_assert_cmpstr (cst_test_ui_last_toast (fixture), ==, "Registered and signed in");
  cst_test_wait_until (cst_test_find_text (GTK_WIDGET (fixture->window), "李*") != NULL, 2000);

  /* The account is real: the password logs in. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CstSession) login = NULL;

    login = cst_auth_backend_login_password (CST_AUTH_BACKEND (fixture->backend),
                                             NEW_PHONE, NEW_PASSWORD, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cst_session_get_id_number (login), ==, id_number);
  }
}

/* A rejected face creates nothing; Retry then succeeds. */
static void
test_register_face_rejected (CstTestUi     *fixture,
                             gconstpointer  data)
{
  g_autofree char *code = NULL;
  CstWizardCredentialsStep *credentials;
  CstFaceCaptureView *view;
  CstPage *page;

  page = open_register (fixture);
  credentials = to_credentials (fixture, page);
  fill_password (credentials, NEW_PASSWORD, NEW_PASSWORD);
  cst_test_type (cst_wizard_credentials_step_get_phone_row (credentials), NEW_PHONE);
  code = request_code (fixture, cst_wizard_credentials_step_get_code_row (credentials), NEW_PHONE);
  cst_test_type (cst_sms_code_row_get_entry (cst_wizard_credentials_step_get_code_row (credentials)), code);
  press_next (page);
  assert_step (page, "face_step");

  cst_scripted_face_verifier_push (fixture->face, FALSE);
  view = cst_wizard_face_step_get_view (CST_WIZARD_FACE_STEP (step_of (page, "face_step")));
  capture_face (view);
  g_assert_cmpint (cst_face_capture_view_get_state (view), ==, CST_FACE_CAPTURE_STATE_FAILED);
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (view), "Face recognition failed; try again"));
  g_assert_null (cst_auth_service_get_session (fixture->service));
  g_assert_true (cst_test_ui_visible_page (fixture) == page);
  assert_step (page, "face_step");

  cst_face_capture_view_set_step_duration (view, 20);
  cst_test_click (tchild (view, "retry_button"));
  cst_test_wait_until (cst_auth_service_get_session (fixture->service) != NULL, WAIT_MS);
  g_assert_cmpuint (cst_scripted_face_verifier_get_calls (fixture->face), ==, 2);
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
}

/* ---- step 2: every rule in words ---- */

static void
test_register_identity_errors (CstTestUi     *fixture,
                               gconstpointer  data)
{
  g_autofree char *valid = make_resident_id (NEW_ID17);
  g_autofree char *bad_check = g_strdup (valid);
  g_autofree char *future = NULL;
  g_autofree char *future17 = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  CstWizardStep *step;
  GtkWidget *id_row, *id_error, *name_row, *name_error;
  CstPage *page;

  page = open_register (fixture);
  agree (page);
  step = step_of (page, "identity_step");
  id_row = tchild (step, "id_number_row");
  id_error = tchild (step, "id_number_error");
  name_row = tchild (step, "name_row");
  name_error = tchild (step, "name_error");

  /* Nothing is wrong before anything was typed. */
  assert_no_error (id_error);
  assert_no_error (name_error);

  /* A wrong check character: said once typing pauses, not at every key. */
  bad_check[17] = bad_check[17] == '0' ? '1' : '0';
  cst_test_type (id_row, bad_check);
  assert_no_error (id_error);
  assert_error (id_error, "Invalid ID number: the check character does not match");
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  g_assert_false (gtk_widget_get_visible (tchild (step, "derived_list")));

  /* Fixing it takes the message away at once. */
  cst_test_type (id_row, valid);
  assert_no_error (id_error);
  g_assert_false (gtk_widget_has_css_class (id_row, "error"));

  /* A birth date after today. */
  future17 = g_strdup_printf ("420106%04d0101123", g_date_time_get_year (now) + 1);
  future = make_resident_id (future17);
  cst_test_type (id_row, future);
  assert_error (id_error, "The birth date in the ID number is in the future");

  /* Leaving the field says it at once. */
  cst_test_type (id_row, "4201");
  gtk_widget_grab_focus (name_row);
  g_assert_true (gtk_widget_get_visible (id_error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (id_error)), ==,
                   "Invalid ID number: a resident ID number has 18 characters");

  /* Another document type judges the same number by its own rules. */
  cst_test_type (id_row, valid);
  assert_no_error (id_error);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tchild (step, "id_type_row")), CST_ID_TYPE_PASSPORT);
  assert_error (id_error, "Invalid passport number: it starts with E or G");
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (tchild (step, "id_type_row")), CST_ID_TYPE_RESIDENT);
  assert_no_error (id_error);

  /* The name: digits, then emptied after typing. */
  cst_test_type (name_row, "张3");
  assert_error (name_error, "The name cannot contain digits");
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));
  cst_test_type (name_row, "张");
  assert_error (name_error, "The name must be 2 to 30 characters long");
  cst_test_type (name_row, "");
  assert_error (name_error, "Enter your name");
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));

  cst_test_type (name_row, "阿卜杜·热合曼");
  assert_no_error (name_error);
  g_assert_true (gtk_widget_is_sensitive (next_button_of (page)));
}

static void
test_register_duplicate (CstTestUi     *fixture,
                         gconstpointer  data)
{
  CstWizardStep *step;
  GtkWidget *forgot;
  CstPage *page;

  cst_test_ui_seed_demo (fixture);
  page = open_register (fixture);
  agree (page);
  fill_identity (page, CST_DEMO_ID_NUMBER, CST_DEMO_NAME);
  press_next (page);

  /* It stays at the ID number, with the way to 忘记密码. */
  step = step_of (page, "identity_step");
  assert_step (page, "identity_step");
  assert_error (tchild (step, "id_number_error"), "This ID number is already registered");
  forgot = tchild (step, "forgot_button");
  g_assert_true (gtk_widget_get_visible (forgot));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (forgot)), ==, "Forgot Password");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tchild (step, "name_row"))), ==, CST_DEMO_NAME);

  cst_test_click (forgot);
  cst_test_wait_until (CST_IS_RESET_WIZARD (cst_test_ui_visible_page (fixture)), 2000);
}

/* ---- step 3 ---- */

static void
test_register_password_errors (CstTestUi     *fixture,
                               gconstpointer  data)
{
  g_autofree char *id_number = make_resident_id (NEW_ID17);
  g_autofree char *with_id = g_strdup_printf ("Ab#%s", id_number);
  CstWizardCredentialsStep *step;
  CstPasswordRow *row;
  GtkWidget *error, *confirm_error;
  CstPage *page;

  page = open_register (fixture);
  step = to_credentials (fixture, page);
  row = cst_wizard_credentials_step_get_password_row (step);
  error = tchild (row, "error_label");
  confirm_error = tchild (row, "confirm_error_label");

  /* The checklist ticks as the user types; the meter follows. */
  g_assert_false (rule_is_ticked (row, CST_PASSWORD_RULE_LENGTH));
  cst_test_type (cst_password_row_get_entry (row), "abc");
  g_assert_false (rule_is_ticked (row, CST_PASSWORD_RULE_LENGTH));
  g_assert_false (rule_is_ticked (row, CST_PASSWORD_RULE_CLASSES));
  cst_test_type (cst_password_row_get_entry (row), "abcdefgh");
  g_assert_true (rule_is_ticked (row, CST_PASSWORD_RULE_LENGTH));
  g_assert_false (rule_is_ticked (row, CST_PASSWORD_RULE_CLASSES));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tchild (row, "strength_label"))), ==, "Weak");
  assert_error (error, "The password must contain at least two of letters, digits and symbols");

  /* Common: in the built-in list. */
  cst_test_type (cst_password_row_get_entry (row), "a1234567");
  g_assert_true (rule_is_ticked (row, CST_PASSWORD_RULE_CLASSES));
  g_assert_false (rule_is_ticked (row, CST_PASSWORD_RULE_NOT_COMMON));
  assert_error (error, "This password is too common and easy to guess; choose another one");

  /* Personal: it contains the ID number of step 2. */
  cst_test_type (cst_password_row_get_entry (row), with_id);
  g_assert_false (rule_is_ticked (row, CST_PASSWORD_RULE_NO_PERSONAL));
  assert_error (error, "The password must not contain your ID number, phone number or user name");

  /* … or the phone typed below it. */
  cst_test_type (cst_password_row_get_entry (row), "Zz#" NEW_PHONE);
  g_assert_true (rule_is_ticked (row, CST_PASSWORD_RULE_NO_PERSONAL));
  cst_test_type (cst_wizard_credentials_step_get_phone_row (step), NEW_PHONE);
  g_assert_false (rule_is_ticked (row, CST_PASSWORD_RULE_NO_PERSONAL));
  assert_error (error, "The password must not contain your ID number, phone number or user name");

  /* A good one; then a confirmation that differs. */
  cst_test_type (cst_password_row_get_entry (row), NEW_PASSWORD);
  assert_no_error (error);
  g_assert_true (rule_is_ticked (row, CST_PASSWORD_RULE_LENGTH));
  g_assert_true (rule_is_ticked (row, CST_PASSWORD_RULE_CLASSES));
  g_assert_true (rule_is_ticked (row, CST_PASSWORD_RULE_NO_PERSONAL));
  g_assert_true (rule_is_ticked (row, CST_PASSWORD_RULE_NOT_COMMON));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tchild (row, "strength_label"))), !=, "Weak");
  cst_test_type (cst_password_row_get_confirm_entry (row), "Qingshan#2025");
  assert_error (confirm_error, "Passwords do not match");
  g_assert_false (cst_password_row_get_valid (row));
  cst_test_type (cst_password_row_get_confirm_entry (row), NEW_PASSWORD);
  assert_no_error (confirm_error);
  g_assert_true (cst_password_row_get_valid (row));

  /* A bad phone: said under it, and no code can be asked for. */
  cst_test_type (cst_wizard_credentials_step_get_phone_row (step), "1391234");
  assert_error (tchild (step, "phone_error"), "Invalid mobile phone number: it has 11 digits");
  g_assert_false (gtk_widget_is_sensitive (
    cst_sms_code_row_get_send_button (cst_wizard_credentials_step_get_code_row (step))));
  cst_test_type (cst_wizard_credentials_step_get_phone_row (step), "12912345678");
  assert_error (tchild (step, "phone_error"), "Invalid mobile phone number: it starts with 13 to 19");
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));
}

static void
test_register_wrong_code (CstTestUi     *fixture,
                          gconstpointer  data)
{
  g_autofree char *code = NULL;
  CstWizardCredentialsStep *step;
  CstSmsCodeRow *code_row;
  CstPage *page;

  page = open_register (fixture);
  step = to_credentials (fixture, page);
  code_row = cst_wizard_credentials_step_get_code_row (step);
  fill_password (step, NEW_PASSWORD, NEW_PASSWORD);
  cst_test_type (cst_wizard_credentials_step_get_phone_row (step), NEW_PHONE);
  code = request_code (fixture, code_row, NEW_PHONE);

  cst_test_type (cst_sms_code_row_get_entry (code_row), g_str_equal (code, "000000") ? "111111" : "000000");
  press_next (page);

  /* Stays, says so at the code, keeps everything typed. */
  assert_step (page, "credentials_step");
  assert_error (code_row_error_of (code_row), "Incorrect code");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cst_wizard_credentials_step_get_phone_row (step))),
                   ==, NEW_PHONE);
  g_assert_cmpstr (cst_password_row_get_password (cst_wizard_credentials_step_get_password_row (step)),
                   ==, NEW_PASSWORD);

  /* The right one goes on. */
  cst_test_type (cst_sms_code_row_get_entry (code_row), code);
  press_next (page);
  assert_step (page, "face_step");
}

static void
test_register_expired (CstTestUi     *fixture,
                       gconstpointer  data)
{
  g_autofree char *code = NULL;
  g_autofree char *new_code = NULL;
  CstWizardCredentialsStep *step;
  CstWizardStep *identity;
  CstSmsCodeRow *code_row;
  CstPage *page;

  page = open_register (fixture);
  step = to_credentials (fixture, page);
  code_row = cst_wizard_credentials_step_get_code_row (step);
  fill_password (step, NEW_PASSWORD, NEW_PASSWORD);
  cst_test_type (cst_wizard_credentials_step_get_phone_row (step), NEW_PHONE);
  code = request_code (fixture, code_row, NEW_PHONE);
  cst_test_type (cst_sms_code_row_get_entry (code_row), code);

  /* Six minutes later both the registration and the code are stale. */
  cst_clock_advance (fixture->clock, 6 * 60 * G_USEC_PER_SEC);
  press_next (page);

  /* The registration: back to the ID step with everything kept. */
  assert_step (page, "identity_step");
  g_assert_cmpstr (cst_test_ui_last_toast (fixture), ==, "This has expired; start again");
  identity = step_of (page, "identity_step");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tchild (identity, "name_row"))), ==, NEW_NAME);
  press_next (page);
  assert_step (page, "credentials_step");
  g_assert_cmpstr (cst_sms_code_row_get_code (code_row), ==, code);

  /* The code: said at the code, and 获取验证码 is ready again. */
  press_next (page);
  assert_step (page, "credentials_step");
  assert_error (code_row_error_of (code_row), "Code expired, request a new one");
  g_assert_true (gtk_widget_is_sensitive (cst_sms_code_row_get_send_button (code_row)));

  new_code = request_code (fixture, code_row, NEW_PHONE);
  cst_test_type (cst_sms_code_row_get_entry (code_row), new_code);
  press_next (page);
  assert_step (page, "face_step");
}

static void
test_register_countdown_and_resend_limit (CstTestUi     *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  CstWizardCredentialsStep *step;
  CstSmsCodeRow *code_row;
  GtkWidget *send;
  guint countdown;
  gint resend_after = 0;
  CstPage *page;

  page = open_register (fixture);
  step = to_credentials (fixture, page);
  code_row = cst_wizard_credentials_step_get_code_row (step);
  send = cst_sms_code_row_get_send_button (code_row);
  cst_test_type (cst_wizard_credentials_step_get_phone_row (step), NEW_PHONE);

  /* The countdown: the button waits, and counts. */
  code = request_code (fixture, code_row, NEW_PHONE);
  countdown = cst_sms_code_row_get_countdown (code_row);
  g_assert_cmpuint (countdown, >, 50);
  g_assert_cmpuint (countdown, <=, 60);
  g_assert_false (gtk_widget_is_sensitive (send));
  /* It counts down (a tick a second; the deadline only catches a stop). */
  cst_test_wait_until (cst_sms_code_row_get_countdown (code_row) < countdown, 3000);

  /* A second wizard on the same phone within the minute: the service
   * refuses and the row says how long to wait, counting those seconds. */
  cst_capture_sms_gateway_clear (fixture->sms);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "home"));
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
  page = open_register (fixture);
  step = to_credentials (fixture, page);
  code_row = cst_wizard_credentials_step_get_code_row (step);
  cst_test_type (cst_wizard_credentials_step_get_phone_row (step), NEW_PHONE);
  cst_test_click (cst_sms_code_row_get_send_button (code_row));
  cst_test_wait_until (gtk_widget_get_visible (code_row_error_of (code_row)), WAIT_MS);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (code_row_error_of (code_row))), "Wait "));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (code_row_error_of (code_row))),
                                   " seconds before requesting a new code"));
  g_assert_cmpuint (cst_sms_code_row_get_countdown (code_row), >, 0);
  g_assert_cmpuint (cst_capture_sms_gateway_count (fixture->sms), ==, 0);

  /* Exactly the seconds the service names. */
  {
    g_autofree char *expected = NULL;

    cst_auth_backend_send_code (CST_AUTH_BACKEND (fixture->backend), NEW_PHONE,
                                CST_CODE_PURPOSE_REGISTER, &resend_after, &error);
    g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_RATE_LIMITED);
    expected = g_strdup_printf ("Wait %d seconds before requesting a new code",
                                (int) cst_auth_error_get_value (error));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (code_row_error_of (code_row))), ==, expected);
  }
}

/* ---- Back and leaving ---- */

static void
test_register_back_keeps (CstTestUi     *fixture,
                          gconstpointer  data)
{
  g_autofree char *id_number = make_resident_id (NEW_ID17);
  CstWizardCredentialsStep *step;
  CstWizardStep *identity;
  CstPage *page;

  page = open_register (fixture);
  step = to_credentials (fixture, page);
  fill_password (step, NEW_PASSWORD, NEW_PASSWORD);
  cst_test_type (cst_wizard_credentials_step_get_phone_row (step), NEW_PHONE);

  go_back (fixture);
  assert_step (page, "identity_step");
  identity = step_of (page, "identity_step");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tchild (identity, "id_number_row"))), ==, id_number);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tchild (identity, "name_row"))), ==, NEW_NAME);
  g_assert_true (gtk_widget_is_sensitive (next_button_of (page)));

  go_back (fixture);
  assert_step (page, "agreement_step");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (tchild (step_of (page, "agreement_step"),
                                                                        "agree_check"))));
  press_next (page);
  assert_step (page, "identity_step");
  press_next (page);
  assert_step (page, "credentials_step");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cst_wizard_credentials_step_get_phone_row (step))),
                   ==, NEW_PHONE);
  g_assert_cmpstr (cst_password_row_get_password (cst_wizard_credentials_step_get_password_row (step)),
                   ==, NEW_PASSWORD);
  g_assert_true (cst_test_ui_visible_page (fixture) == page);
}

static void
test_register_leave_asks (CstTestUi     *fixture,
                          gconstpointer  data)
{
  AdwMessageDialog *dialog;
  CstPage *page;

  /* Nothing typed: Back just leaves. */
  page = open_register (fixture);
  go_back (fixture);
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
  g_assert_null (find_message_dialog ());

  /* Something typed: Back goes a step back, then asks on the first. */
  page = open_register (fixture);
  agree (page);
  cst_test_type (tchild (step_of (page, "identity_step"), "name_row"), NEW_NAME);
  go_back (fixture);
  assert_step (page, "agreement_step");
  go_back (fixture);
  cst_test_wait_until ((dialog = find_message_dialog ()) != NULL, 2000);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard registration?");
  g_assert_true (cst_test_ui_visible_page (fixture) == page);

  /* Escape: the close response is Continue. */
  gtk_window_close (GTK_WINDOW (dialog));
  cst_test_wait_until (find_message_dialog () == NULL, 2000);
  g_assert_true (cst_test_ui_visible_page (fixture) == page);

  go_back (fixture);
  cst_test_wait_until ((dialog = find_message_dialog ()) != NULL, 2000);
  adw_message_dialog_response (dialog, "discard");
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  cst_test_ui_init (&argc, &argv);
  /* Steps switch at once: what is mapped is what is shown. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, CstTestUi, NULL, cst_test_ui_setup, func, cst_test_ui_teardown)

  ADD ("/Cst/Register/full", test_register_full);
  ADD ("/Cst/Register/face-rejected", test_register_face_rejected);
  ADD ("/Cst/Register/identity-errors", test_register_identity_errors);
  ADD ("/Cst/Register/duplicate", test_register_duplicate);
  ADD ("/Cst/Register/password-errors", test_register_password_errors);
  ADD ("/Cst/Register/wrong-code", test_register_wrong_code);
  ADD ("/Cst/Register/expired", test_register_expired);
  ADD ("/Cst/Register/countdown-and-resend-limit", test_register_countdown_and_resend_limit);
  ADD ("/Cst/Register/back-keeps", test_register_back_keeps);
  ADD ("/Cst/Register/leave-asks", test_register_leave_asks);

#undef ADD

  return g_test_run ();
}
