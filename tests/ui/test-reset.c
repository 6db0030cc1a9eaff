/* test-reset.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cst-login-page.h"
#include "cst-reset-code-step.h"
#include "cst-reset-wizard.h"
#include "cst-test-wizard.h"
#include "cst-wizard-credentials-step.h"
#include "cst-wizard-face-step.h"

#define NEW_PASSWORD  "Huanghe@Lou88"
#define NEW_PHONE     "13712345678"

static CstPage *
open_reset (CstTestUi *fixture)
{
  CstPage *page = open_flow (fixture, "win.reset", CST_TYPE_RESET_WIZARD);

  assert_step (page, "identity_step");
  return page;
}

/* Step 1 for the demo person, on to the code step. */
static CstResetCodeStep *
to_code_step (CstTestUi *fixture,
              CstPage   *page)
{
  cst_test_type (tchild (step_of (page, "identity_step"), "id_number_row"), CST_DEMO_ID_NUMBER);
  press_next (page);
  assert_step (page, "code_step");

  return CST_RESET_CODE_STEP (step_of (page, "code_step"));
}

static void
set_new_password (CstPage *page)
{
  CstWizardCredentialsStep *step = CST_WIZARD_CREDENTIALS_STEP (step_of (page, "password_step"));
  CstPasswordRow *row = cst_wizard_credentials_step_get_password_row (step);

  assert_step (page, "password_step");
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));
  cst_test_type (cst_password_row_get_entry (row), NEW_PASSWORD);
  cst_test_type (cst_password_row_get_confirm_entry (row), NEW_PASSWORD);
  g_assert_true (gtk_widget_is_sensitive (next_button_of (page)));
  press_next (page);
}

/* 修改完成 → 去登录: the wizard is gone and the login page is up. */
static void
finish (CstTestUi *fixture,
        CstPage   *page)
{
  g_autofree char *label = NULL;

  assert_step (page, "done_step");
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Password Changed"));
  g_assert_cmpstr (next_label_of (page), ==, "Go to Log In");
  label = indicator_label_of (page);
  g_assert_cmpstr (label, ==, "Step 4 of 4: Done");

  g_object_ref (page);
  press_next (page);
  cst_test_wait_until (CST_IS_LOGIN_PAGE (cst_test_ui_visible_page (fixture)), 2000);
  g_assert_null (gtk_widget_get_parent (GTK_WIDGET (page)));
  g_object_unref (page);
}

static void
assert_password (CstTestUi  *fixture,
                 const char *account,
                 const char *password,
                 gboolean    works)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;

  session = cst_auth_backend_login_password (CST_AUTH_BACKEND (fixture->backend),
                                             account, password, FALSE, &error);
  if (works)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_DEMO_ID_NUMBER);
    }
  else
    {
      g_assert_error (error, CST_AUTH_ERROR, CST_AUTH_ERROR_BAD_CREDENTIALS);
    }
}

static void
login_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  cst_auth_service_login_password_finish (CST_AUTH_SERVICE (object), result, &error);
  g_assert_no_error (error);
}

static void
login_demo (CstTestUi *fixture)
{
  cst_auth_service_login_password_async (fixture->service, CST_DEMO_ID_NUMBER, CST_DEMO_PASSWORD,
                                         FALSE, NULL, login_done_cb, NULL);
  cst_test_wait_until (cst_auth_service_get_session (fixture->service) != NULL, WAIT_MS);
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
}

/* ---- by SMS to the phone on file ---- */

static void
test_reset_sms (CstTestUi     *fixture,
                gconstpointer  data)
{
  g_autofree char *label = NULL;
  g_autofree char *code = NULL;
  CstResetCodeStep *code_step;
  CstSmsCodeRow *code_row;
  CstPage *page;

  cst_test_ui_seed_demo (fixture);
  /* Signed in on this device: the reset signs that out as well. */
  login_demo (fixture);

  page = open_reset (fixture);
  g_assert_cmpstr (cst_page_get_title (page), ==, "Forgot Password");
  label = indicator_label_of (page);
  g_assert_cmpstr (label, ==, "Step 1 of 4: Identity");
  g_assert_false (gtk_widget_get_visible (tchild (step_of (page, "identity_step"), "name_list")));
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));

  code_step = to_code_step (fixture, page);
  g_clear_pointer (&label, g_free);
  label = indicator_label_of (page);
  g_assert_cmpstr (label, ==, "Step 2 of 4: Verify");
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "The code will be sent to 138****1234"));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Can't receive the code?"));
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));

  code_row = cst_reset_code_step_get_code_row (code_step);
  code = request_code (fixture, code_row, CST_DEMO_PHONE);
  g_assert_nonnull (code);
  cst_test_type (cst_sms_code_row_get_entry (code_row), code);
  press_next (page);

  set_new_password (page);
  finish (fixture, page);

  /* The new password works, the old one does not; this device was signed out. */
  g_assert_null (cst_auth_service_get_session (fixture->service));
  assert_password (fixture, CST_DEMO_PHONE, NEW_PASSWORD, TRUE);
  assert_password (fixture, CST_DEMO_PHONE, CST_DEMO_PASSWORD, FALSE);
}

static void
test_reset_not_registered (CstTestUi     *fixture,
                           gconstpointer  data)
{
  g_autofree char *id_number = make_resident_id ("11010519491231002");
  CstWizardStep *step;
  CstPage *page;

  page = open_reset (fixture);
  step = step_of (page, "identity_step");
  cst_test_type (tchild (step, "id_number_row"), id_number);
  press_next (page);

  assert_step (page, "identity_step");
  assert_error (tchild (step, "id_number_error"), "This user is not registered");
  g_assert_false (gtk_widget_get_visible (tchild (step, "forgot_button")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tchild (step, "id_number_row"))), ==, id_number);
}

static void
test_reset_wrong_code (CstTestUi     *fixture,
                       gconstpointer  data)
{
  g_autofree char *code = NULL;
  CstSmsCodeRow *code_row;
  CstPage *page;

  cst_test_ui_seed_demo (fixture);
  page = open_reset (fixture);
  code_row = cst_reset_code_step_get_code_row (to_code_step (fixture, page));
  code = request_code (fixture, code_row, CST_DEMO_PHONE);

  cst_test_type (cst_sms_code_row_get_entry (code_row), g_str_equal (code, "000000") ? "111111" : "000000");
  press_next (page);
  assert_step (page, "code_step");
  assert_error (code_row_error_of (code_row), "Incorrect code");

  cst_test_type (cst_sms_code_row_get_entry (code_row), code);
  press_next (page);
  assert_step (page, "password_step");
}

static void
test_reset_expired (CstTestUi     *fixture,
                    gconstpointer  data)
{
  g_autofree char *code = NULL;
  CstSmsCodeRow *code_row;
  CstPage *page;

  cst_test_ui_seed_demo (fixture);
  page = open_reset (fixture);
  code_row = cst_reset_code_step_get_code_row (to_code_step (fixture, page));
  code = request_code (fixture, code_row, CST_DEMO_PHONE);
  cst_test_type (cst_sms_code_row_get_entry (code_row), code);

  cst_clock_advance (fixture->clock, 6 * 60 * G_USEC_PER_SEC);
  press_next (page);

  /* Start again from the ID number, which is still there. */
  assert_step (page, "identity_step");
  g_assert_cmpstr (cst_test_ui_last_toast (fixture), ==, "This has expired; start again");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tchild (step_of (page, "identity_step"),
                                                                "id_number_row"))),
                   ==, CST_DEMO_ID_NUMBER);
  press_next (page);
  assert_step (page, "code_step");

  /* The old code died with the old reset: a new one is needed. */
  g_assert_cmpstr (cst_sms_code_row_get_code (code_row), ==, "");
  g_assert_false (gtk_widget_is_sensitive (next_button_of (page)));
}

/* ---- 无法收取验证码？: face, then a new phone ---- */

static void
test_reset_face_new_phone (CstTestUi     *fixture,
                           gconstpointer  data)
{
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  CstWizardCredentialsStep *phone_step;
  CstFaceCaptureView *view;
  CstSmsCodeRow *code_row;
  CstPage *page;

  cst_test_ui_seed_demo (fixture);
  page = open_reset (fixture);
  to_code_step (fixture, page);

  cst_test_click (cst_test_find_text (GTK_WIDGET (page), "Can't receive the code?"));
  assert_step (page, "face_step");
  label = indicator_label_of (page);
  g_assert_cmpstr (label, ==, "Step 2 of 4: Verify");
  view = cst_wizard_face_step_get_view (CST_WIZARD_FACE_STEP (step_of (page, "face_step")));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (view), "Start Recognition"));

  /* Rejected first: stays, says so. */
  cst_scripted_face_verifier_push (fixture->face, FALSE);
  capture_face (view);
  g_assert_cmpint (cst_face_capture_view_get_state (view), ==, CST_FACE_CAPTURE_STATE_FAILED);
  assert_step (page, "face_step");

  cst_face_capture_view_set_step_duration (view, 20);
  cst_test_click (tchild (view, "retry_button"));
  assert_step (page, "phone_step");

  /* The new phone gets its own code. */
  phone_step = CST_WIZARD_CREDENTIALS_STEP (step_of (page, "phone_step"));
  code_row = cst_wizard_credentials_step_get_code_row (phone_step);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cst_wizard_credentials_step_get_password_row (phone_step))));
  g_assert_false (gtk_widget_is_sensitive (cst_sms_code_row_get_send_button (code_row)));
  /* Another person's phone is refused at the field. */
  cst_test_type (cst_wizard_credentials_step_get_phone_row (phone_step), CST_DEMO_PHONE_2);
  cst_test_click (cst_sms_code_row_get_send_button (code_row));
  assert_error (tchild (phone_step, "phone_error"), "This mobile phone number is used by another account");
  g_assert_cmpuint (cst_sms_code_row_get_countdown (code_row), ==, 0);

  cst_test_type (cst_wizard_credentials_step_get_phone_row (phone_step), NEW_PHONE);
  assert_no_error (tchild (phone_step, "phone_error"));
  code = request_code (fixture, code_row, NEW_PHONE);
  g_assert_nonnull (code);
  cst_test_type (cst_sms_code_row_get_entry (code_row), code);
  press_next (page);

  set_new_password (page);
  finish (fixture, page);

  /* The account now answers to the new phone and the new password. */
  assert_password (fixture, NEW_PHONE, NEW_PASSWORD, TRUE);
  assert_password (fixture, CST_DEMO_ID_NUMBER, CST_DEMO_PASSWORD, FALSE);
}

static void
test_reset_face_unavailable (CstTestUi     *fixture,
                             gconstpointer  data)
{
  CstPage *page;
  CstFaceCaptureView *view;

  cst_test_ui_seed_demo (fixture);
  page = open_reset (fixture);
  to_code_step (fixture, page);
  cst_test_click (cst_test_find_text (GTK_WIDGET (page), "Can't receive the code?"));
  assert_step (page, "face_step");

  /* The service stops offering face recognition: the step says so … */
  cst_scripted_face_verifier_set_available (fixture->face, FALSE);
  view = cst_wizard_face_step_get_view (CST_WIZARD_FACE_STEP (step_of (page, "face_step")));
  capture_face (view);
  cst_test_wait_until (cst_test_find_text (GTK_WIDGET (page), "Face Recognition Unavailable") != NULL,
                       WAIT_MS);
  g_assert_null (cst_test_find_text (GTK_WIDGET (page), "Start Recognition"));

  /* … and its Back leads to the SMS path. */
  cst_test_click (cst_test_find_text (GTK_WIDGET (page), "Back"));
  assert_step (page, "code_step");
}

/* ---- Back and leaving ---- */

static void
test_reset_back_keeps_and_leave_asks (CstTestUi     *fixture,
                                      gconstpointer  data)
{
  g_autofree char *code = NULL;
  AdwMessageDialog *dialog;
  CstSmsCodeRow *code_row;
  CstPage *page;

  cst_test_ui_seed_demo (fixture);
  page = open_reset (fixture);
  code_row = cst_reset_code_step_get_code_row (to_code_step (fixture, page));
  code = request_code (fixture, code_row, CST_DEMO_PHONE);
  cst_test_type (cst_sms_code_row_get_entry (code_row), code);
  press_next (page);
  assert_step (page, "password_step");

  /* Back and forward again: the used code is not sent a second time. */
  go_back (fixture);
  assert_step (page, "code_step");
  g_assert_cmpstr (cst_sms_code_row_get_code (code_row), ==, code);
  press_next (page);
  assert_step (page, "password_step");

  go_back (fixture);
  go_back (fixture);
  assert_step (page, "identity_step");
  go_back (fixture);
  cst_test_wait_until ((dialog = find_message_dialog ()) != NULL, 2000);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard password reset?");
  adw_message_dialog_response (dialog, "discard");
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  cst_test_ui_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, CstTestUi, NULL, cst_test_ui_setup, func, cst_test_ui_teardown)

  ADD ("/Cst/Reset/sms", test_reset_sms);
  ADD ("/Cst/Reset/not-registered", test_reset_not_registered);
  ADD ("/Cst/Reset/wrong-code", test_reset_wrong_code);
  ADD ("/Cst/Reset/expired", test_reset_expired);
  ADD ("/Cst/Reset/face-new-phone", test_reset_face_new_phone);
  ADD ("/Cst/Reset/face-unavailable", test_reset_face_unavailable);
  ADD ("/Cst/Reset/back-keeps-and-leave-asks", test_reset_back_keeps_and_leave_asks);

#undef ADD

  return g_test_run ();
}
