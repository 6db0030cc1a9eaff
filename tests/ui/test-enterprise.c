/* test-enterprise.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cst-enterprise-role-page.h"
#include "cst-enterprise-verify-page.h"
#include "cst-face-capture-view.h"
#include "cst-login-page.h"
#include "cst-sms-code-row.h"
#include "cst-test-ui.h"

#define WAIT_MS 10000

static GtkWidget *
tchild (gpointer    page,
        const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (page), G_OBJECT_TYPE (page), name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
text_of (GtkWidget *editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static CstPage *
open_enterprise_login (CstTestUi *fixture)
{
  CstPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.login-enterprise", NULL));
  page = cst_test_ui_visible_page (fixture);
  g_assert_true (CST_IS_LOGIN_PAGE (page));
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (page)), 2000);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tchild (page, "enterprise_tab"))));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Enterprise account"));

  return page;
}

/* Fills the 企业业务 tab and presses 登录; returns the login page. */
static CstPage *
enterprise_begin (CstTestUi  *fixture,
                  const char *enterprise,
                  const char *account)
{
  CstPage *page = open_enterprise_login (fixture);
  GtkWidget *button = tchild (page, "ent_login_button");

  g_assert_false (gtk_widget_is_sensitive (button));
  cst_test_type (tchild (page, "enterprise_row"), enterprise);
  cst_test_type (tchild (page, "ent_account_row"), account);
  g_assert_false (gtk_widget_is_sensitive (button));
  cst_test_type (tchild (page, "ent_password_row"), CST_DEMO_PASSWORD);
  g_assert_true (gtk_widget_is_sensitive (button));

  cst_test_click (button);

  return page;
}

static CstPage *
wait_for_page (CstTestUi *fixture,
               GType      type)
{
  cst_test_wait_until (G_TYPE_CHECK_INSTANCE_TYPE (cst_test_ui_visible_page (fixture), type), WAIT_MS);
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (cst_test_ui_visible_page (fixture))), 2000);

  return cst_test_ui_visible_page (fixture);
}

static void
assert_enterprise_session (CstTestUi      *fixture,
                           const char     *enterprise_code,
                           CstRole         role,
                           CstLoginMethod  method)
{
  CstSession *session;

  cst_test_wait_until (cst_auth_service_get_session (fixture->service) != NULL, WAIT_MS);
  session = cst_auth_service_get_session (fixture->service);
  g_assert_true (cst_session_is_enterprise (session));
  g_assert_cmpstr (cst_session_get_enterprise_code (session), ==, enterprise_code);
  g_assert_cmpint (cst_session_get_role (session), ==, role);
  g_assert_cmpint (cst_session_get_method (session), ==, method);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_DEMO_ID_NUMBER);

  /* 我的 shows the enterprise and the role. */
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
  cst_test_wait_until (cst_test_find_text (GTK_WIDGET (fixture->window), "张*") != NULL, 2000);
}

static void
choose_role (CstPage *role_page,
             CstRole  role)
{
  GtkWidget *row = cst_test_find_text (GTK_WIDGET (role_page), cst_role_get_label (role));

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  /* The row activates its radio button, as a click or Space would. */
  g_assert_true (gtk_widget_activate (row));
  g_main_context_iteration (NULL, FALSE);
}

static void
send_code_and_type (CstTestUi *fixture,
                    CstPage   *verify)
{
  CstSmsCodeRow *code_row = CST_SMS_CODE_ROW (tchild (verify, "code_row"));
  g_autofree char *code = NULL;

  cst_test_click (cst_sms_code_row_get_send_button (code_row));
  cst_test_wait_until (cst_sms_code_row_get_countdown (code_row) > 0, WAIT_MS);
  g_assert_cmpstr (cst_test_ui_last_toast (fixture), ==, "Code sent");

  /* It goes to the phone on file, which the page showed masked. */
  code = cst_capture_sms_gateway_last_code (fixture->sms, CST_DEMO_PHONE);
  g_assert_nonnull (code);
  cst_test_type (cst_sms_code_row_get_entry (code_row), code);
}

static void
test_roles_then_sms (CstTestUi     *fixture,
                     gconstpointer  data)
{
  CstPage *role_page;
  CstPage *verify;

  cst_test_ui_seed_demo (fixture);
  enterprise_begin (fixture, CST_DEMO_ENTERPRISE_CODE, CST_DEMO_ID_NUMBER);

  /* 张三 holds two roles here: 身份类型选择 first. */
  role_page = wait_for_page (fixture, CST_TYPE_ENTERPRISE_ROLE_PAGE);
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (role_page), CST_DEMO_ENTERPRISE_NAME));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (role_page),
                                        cst_role_get_label (CST_ROLE_LEGAL_REPRESENTATIVE)));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (role_page),
                                        cst_role_get_label (CST_ROLE_TAX_OFFICER)));
  g_assert_null (cst_test_find_text (GTK_WIDGET (role_page),
                                     cst_role_get_label (CST_ROLE_INVOICE_CLERK)));
  g_assert_false (gtk_widget_is_sensitive (tchild (role_page, "next_button")));

  choose_role (role_page, CST_ROLE_TAX_OFFICER);
  g_assert_true (gtk_widget_is_sensitive (tchild (role_page, "next_button")));
  cst_test_click (tchild (role_page, "next_button"));

  /* The second factor is required: no session yet. */
  verify = wait_for_page (fixture, CST_TYPE_ENTERPRISE_VERIFY_PAGE);
  g_assert_null (cst_auth_service_get_session (fixture->service));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (verify), "The code will be sent to 138****1234"));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (verify), "SMS Verification"));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (verify), "Face Recognition"));
  g_assert_false (gtk_widget_is_sensitive (tchild (verify, "login_button")));

  send_code_and_type (fixture, verify);
  g_assert_true (gtk_widget_is_sensitive (tchild (verify, "login_button")));
  cst_test_click (tchild (verify, "login_button"));

  assert_enterprise_session (fixture, CST_DEMO_ENTERPRISE_CODE, CST_ROLE_TAX_OFFICER,
                             CST_LOGIN_METHOD_ENTERPRISE_SMS);
}

static void
test_single_role_face (CstTestUi     *fixture,
                       gconstpointer  data)
{
  CstPage *verify;
  CstFaceCaptureView *view;

  cst_test_ui_seed_demo (fixture);
  /* 张三 is only 办税员 of the second enterprise: straight to the second factor. */
  enterprise_begin (fixture, CST_DEMO_ENTERPRISE_CODE_2, CST_DEMO_USERNAME);
  verify = wait_for_page (fixture, CST_TYPE_ENTERPRISE_VERIFY_PAGE);
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (verify), CST_DEMO_ENTERPRISE_NAME_2));

  cst_test_click (tchild (verify, "face_tab"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (tchild (verify, "method_stack"))), ==,
                   "face");
  view = CST_FACE_CAPTURE_VIEW (tchild (verify, "face_view"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  cst_face_capture_view_set_step_duration (view, 20);

  /* Rejected: said so, Retry offered, no session. */
  cst_scripted_face_verifier_push (fixture->face, FALSE);
  cst_face_capture_view_start (view);
  cst_test_wait_until (cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_FAILED,
                       WAIT_MS);
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (verify), "Face recognition failed; try again"));
  g_assert_null (cst_auth_service_get_session (fixture->service));

  cst_test_click (cst_test_find_text (GTK_WIDGET (verify), "Retry"));
  assert_enterprise_session (fixture, CST_DEMO_ENTERPRISE_CODE_2, CST_ROLE_TAX_OFFICER,
                             CST_LOGIN_METHOD_ENTERPRISE_FACE);
  g_assert_cmpuint (cst_scripted_face_verifier_get_calls (fixture->face), ==, 2);
}

static void
test_not_linked (CstTestUi     *fixture,
                 gconstpointer  data)
{
  CstPage *page;
  GtkWidget *error_label;
  const char *shown;

  cst_test_ui_seed_demo (fixture);
  /* 李娜 has no role in the first enterprise. */
  page = enterprise_begin (fixture, CST_DEMO_ENTERPRISE_CODE, CST_DEMO_PHONE_2);

  error_label = tchild (page, "enterprise_error");
  cst_test_wait_until (!gtk_widget_get_visible (tchild (page, "ent_login_spinner")), WAIT_MS);
  shown = gtk_widget_get_visible (error_label) ? gtk_label_get_text (GTK_LABEL (error_label))
                                               : cst_test_ui_last_toast (fixture);
  g_assert_cmpstr (shown, ==, "This user is not linked to the enterprise");

  /* Still on the login page, everything typed kept, ready to retry. */
  g_assert_true (cst_test_ui_visible_page (fixture) == page);
  g_assert_cmpstr (text_of (tchild (page, "enterprise_row")), ==, CST_DEMO_ENTERPRISE_CODE);
  g_assert_cmpstr (text_of (tchild (page, "ent_account_row")), ==, CST_DEMO_PHONE_2);
  g_assert_cmpstr (text_of (tchild (page, "ent_password_row")), ==, CST_DEMO_PASSWORD);
  g_assert_true (gtk_widget_is_sensitive (tchild (page, "ent_login_button")));
  g_assert_null (cst_auth_service_get_session (fixture->service));
}

static void
test_enterprise_code_validation (CstTestUi     *fixture,
                                 gconstpointer  data)
{
  CstPage *page = open_enterprise_login (fixture);
  GtkWidget *row = tchild (page, "enterprise_row");
  GtkWidget *error_label = tchild (page, "enterprise_error");

  /* A wrong check character: the core validator's reason, on Enter. */
  cst_test_type (row, "91420100MA4K5T8Q2X");
  cst_test_type (tchild (page, "ent_account_row"), CST_DEMO_ID_NUMBER);
  cst_test_type (tchild (page, "ent_password_row"), CST_DEMO_PASSWORD);
  g_assert_false (gtk_widget_is_sensitive (tchild (page, "ent_login_button")));
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  /* Lower case is fine: it is normalised. */
  cst_test_type (row, "91420100ma4k5t8q2p");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_is_sensitive (tchild (page, "ent_login_button")));
}

static void
test_wrong_code (CstTestUi     *fixture,
                 gconstpointer  data)
{
  CstPage *verify;
  CstSmsCodeRow *code_row;
  GtkWidget *error_label;
  g_autofree char *code = NULL;
  const char *wrong;

  cst_test_ui_seed_demo (fixture);
  enterprise_begin (fixture, CST_DEMO_ENTERPRISE_CODE_2, CST_DEMO_ID_NUMBER);
  verify = wait_for_page (fixture, CST_TYPE_ENTERPRISE_VERIFY_PAGE);
  code_row = CST_SMS_CODE_ROW (tchild (verify, "code_row"));
  error_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (code_row),
                                                           CST_TYPE_SMS_CODE_ROW, "error_label"));

  send_code_and_type (fixture, verify);
  code = g_strdup (cst_sms_code_row_get_code (code_row));
  wrong = g_str_equal (code, "000000") ? "111111" : "000000";
  cst_test_type (cst_sms_code_row_get_entry (code_row), wrong);
  cst_test_click (tchild (verify, "login_button"));

  cst_test_wait_until (gtk_widget_get_visible (error_label), WAIT_MS);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, "Incorrect code");
  g_assert_cmpstr (cst_sms_code_row_get_code (code_row), ==, wrong);
  g_assert_null (cst_auth_service_get_session (fixture->service));

  cst_test_type (cst_sms_code_row_get_entry (code_row), code);
  cst_test_click (tchild (verify, "login_button"));
  assert_enterprise_session (fixture, CST_DEMO_ENTERPRISE_CODE_2, CST_ROLE_TAX_OFFICER,
                             CST_LOGIN_METHOD_ENTERPRISE_SMS);
}

static void
test_expired (CstTestUi     *fixture,
              gconstpointer  data)
{
  CstPage *login;
  CstPage *verify;

  cst_test_ui_seed_demo (fixture);
  login = enterprise_begin (fixture, CST_DEMO_ENTERPRISE_CODE_2, CST_DEMO_ID_NUMBER);
  verify = wait_for_page (fixture, CST_TYPE_ENTERPRISE_VERIFY_PAGE);

  /* The unfinished login outlives its five minutes. */
  cst_clock_advance (fixture->clock, (gint64) 6 * 60 * G_USEC_PER_SEC);
  cst_test_click (cst_sms_code_row_get_send_button (CST_SMS_CODE_ROW (tchild (verify, "code_row"))));

  cst_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (tchild (verify, "main_stack"))),
                                  "expired") == 0, WAIT_MS);
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (verify), "Login Expired"));
  g_assert_cmpuint (cst_capture_sms_gateway_count (fixture->sms), ==, 0);

  /* Start Again: back on the enterprise tab, with what was typed. */
  cst_test_click (cst_test_find_text (GTK_WIDGET (verify), "Start Again"));
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == login, 2000);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tchild (login, "enterprise_tab"))));
  g_assert_cmpstr (text_of (tchild (login, "enterprise_row")), ==, CST_DEMO_ENTERPRISE_CODE_2);
  g_assert_cmpstr (text_of (tchild (login, "ent_account_row")), ==, CST_DEMO_ID_NUMBER);
  g_assert_null (cst_auth_service_get_session (fixture->service));
}

static void
test_face_unavailable (CstTestUi     *fixture,
                       gconstpointer  data)
{
  CstPage *verify;
  CstFaceCaptureView *view;

  cst_test_ui_seed_demo (fixture);
  enterprise_begin (fixture, CST_DEMO_ENTERPRISE_CODE_2, CST_DEMO_ID_NUMBER);
  verify = wait_for_page (fixture, CST_TYPE_ENTERPRISE_VERIFY_PAGE);

  cst_scripted_face_verifier_set_available (fixture->face, FALSE);
  cst_test_click (tchild (verify, "face_tab"));
  view = CST_FACE_CAPTURE_VIEW (tchild (verify, "face_view"));
  cst_face_capture_view_set_step_duration (view, 20);
  cst_face_capture_view_start (view);

  /* The service says it has no face recognition: SMS is offered instead. */
  cst_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (tchild (verify, "face_stack"))),
                                  "unavailable") == 0, WAIT_MS);
  cst_test_click (cst_test_find_text (GTK_WIDGET (verify), "Use SMS Verification"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (tchild (verify, "method_stack"))), ==,
                   "sms");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tchild (verify, "sms_tab"))));

  send_code_and_type (fixture, verify);
  cst_test_click (tchild (verify, "login_button"));
  assert_enterprise_session (fixture, CST_DEMO_ENTERPRISE_CODE_2, CST_ROLE_TAX_OFFICER,
                             CST_LOGIN_METHOD_ENTERPRISE_SMS);
}

int
main (int   argc,
      char *argv[])
{
  cst_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, CstTestUi, NULL, cst_test_ui_setup, func, cst_test_ui_teardown)

  ADD ("/Cst/Enterprise/roles-then-sms", test_roles_then_sms);
  ADD ("/Cst/Enterprise/single-role-face", test_single_role_face);
  ADD ("/Cst/Enterprise/not-linked", test_not_linked);
  ADD ("/Cst/Enterprise/code-validation", test_enterprise_code_validation);
  ADD ("/Cst/Enterprise/wrong-code", test_wrong_code);
  ADD ("/Cst/Enterprise/expired", test_expired);
  ADD ("/Cst/Enterprise/face-unavailable", test_face_unavailable);

#undef ADD

  return g_test_run ();
}
