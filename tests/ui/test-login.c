/* test-login.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cst-face-capture-view.h"
#include "cst-face-login-page.h"
#include "cst-login-page.h"
#include "cst-sms-code-row.h"
#include "cst-sms-login-page.h"
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

static CstPage *
open_page (CstTestUi  *fixture,
           const char *action,
           GType       type)
{
  CstPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  page = cst_test_ui_visible_page (fixture);
  g_assert_nonnull (page);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, type));
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (page)), 2000);

  return page;
}

static const char *
text_of (GtkWidget *editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static const char *
label_of (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The window ends every login on 我的, with the masked name. */
static void
assert_signed_in (CstTestUi      *fixture,
                  CstLoginMethod  method)
{
  CstSession *session;

  cst_test_wait_until (cst_auth_service_get_session (fixture->service) != NULL, WAIT_MS);
  session = cst_auth_service_get_session (fixture->service);
  g_assert_cmpstr (cst_session_get_id_number (session), ==, CST_DEMO_ID_NUMBER);
  g_assert_cmpint (cst_session_get_method (session), ==, method);
  g_assert_false (cst_session_is_enterprise (session));

  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
  cst_test_wait_until (cst_test_find_text (GTK_WIDGET (fixture->window), "张*") != NULL, 2000);
  g_assert_null (cst_test_find_text (GTK_WIDGET (fixture->window), CST_DEMO_NAME));
}

/* ---- 个人业务: password ---- */

static void
test_password_login (CstTestUi     *fixture,
                     gconstpointer  data)
{
  const char *account = data;
  CstPage *page;
  GtkWidget *login_button;

  cst_test_ui_seed_demo (fixture);
  page = open_page (fixture, "win.login", CST_TYPE_LOGIN_PAGE);
  login_button = tchild (page, "login_button");

  /* What the phone shows: the two tabs, the links, 更多登录方式. */
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Personal"));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Enterprise"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tchild (page, "personal_tab"))));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Register"));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Forgot Password"));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "More Login Methods"));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Keep me signed in"));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (fixture->window)) == login_button);

  /* 登录 waits for an account that can be one, and a password. */
  cst_test_type (tchild (page, "account_row"), "");
  g_assert_false (gtk_widget_is_sensitive (login_button));
  cst_test_type (tchild (page, "account_row"), account);
  g_assert_false (gtk_widget_is_sensitive (login_button));
  cst_test_type (tchild (page, "password_row"), CST_DEMO_PASSWORD);
  g_assert_true (gtk_widget_is_sensitive (login_button));

  cst_test_click (login_button);
  assert_signed_in (fixture, CST_LOGIN_METHOD_PASSWORD);
  g_assert_cmpstr (cst_test_ui_last_toast (fixture), ==, "Signed in");
  /* Not asked to keep: nothing remembered. */
  g_assert_null (cst_session_get_refresh_token (cst_auth_service_get_session (fixture->service)));
}

static void
test_password_enter_keep (CstTestUi     *fixture,
                          gconstpointer  data)
{
  CstPage *page;

  cst_test_ui_seed_demo (fixture);
  page = open_page (fixture, "win.login", CST_TYPE_LOGIN_PAGE);

  cst_test_type (tchild (page, "account_row"), CST_DEMO_PHONE);
  cst_test_type (tchild (page, "password_row"), CST_DEMO_PASSWORD);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (tchild (page, "keep_check")), TRUE);

  /* Enter in the password field submits. */
  g_signal_emit_by_name (tchild (page, "password_row"), "entry-activated");
  g_assert_true (gtk_widget_get_visible (tchild (page, "login_spinner")));
  g_assert_false (gtk_widget_is_sensitive (tchild (page, "login_button")));

  assert_signed_in (fixture, CST_LOGIN_METHOD_PASSWORD);
  /* 保持登录: a refresh token, kept in the (memory) keyring. */
  g_assert_nonnull (cst_session_get_refresh_token (cst_auth_service_get_session (fixture->service)));
  g_assert_cmpuint (cst_memory_credential_store_count (fixture->store), ==, 1);
}

/* Where the page put the service's answer: under a field, else a toast. */
static const char *
shown_error (CstPage   *page,
             CstTestUi *fixture)
{
  GtkWidget *account_error = tchild (page, "account_error");
  GtkWidget *password_error = tchild (page, "password_error");

  if (gtk_widget_get_visible (account_error))
    return label_of (account_error);
  if (gtk_widget_get_visible (password_error))
    return label_of (password_error);
  return cst_test_ui_last_toast (fixture);
}

static void
test_password_wrong_then_locked (CstTestUi     *fixture,
                                 gconstpointer  data)
{
  CstPage *page;
  GtkWidget *account_row, *password_row, *password_error, *login_button;
  char expected[64];

  cst_test_ui_seed_demo (fixture);
  page = open_page (fixture, "win.login", CST_TYPE_LOGIN_PAGE);
  account_row = tchild (page, "account_row");
  password_row = tchild (page, "password_row");
  password_error = tchild (page, "password_error");
  login_button = tchild (page, "login_button");

  cst_test_type (account_row, CST_DEMO_ID_NUMBER);

  for (int tries_left = 4; tries_left >= 1; tries_left--)
    {
      /* Typing again clears the last complaint. */
      cst_test_type (password_row, "");
      cst_test_type (password_row, "Wrong@2026");
      g_assert_false (gtk_widget_get_visible (password_error));
      cst_test_click (login_button);
      cst_test_wait_until (gtk_widget_get_visible (password_error), WAIT_MS);

      g_snprintf (expected, sizeof expected,
                  tries_left == 1 ? "Incorrect password, %d attempt left"
                                  : "Incorrect password, %d attempts left",
                  tries_left);
      g_assert_cmpstr (label_of (password_error), ==, expected);
      g_assert_true (gtk_widget_has_css_class (password_row, "error"));
      /* Everything typed is kept, and 登录 is ready again. */
      g_assert_cmpstr (text_of (account_row), ==, CST_DEMO_ID_NUMBER);
      g_assert_cmpstr (text_of (password_row), ==, "Wrong@2026");
      g_assert_true (gtk_widget_is_sensitive (login_button));
      g_assert_false (gtk_widget_get_visible (tchild (page, "login_spinner")));
      g_assert_true (cst_test_ui_visible_page (fixture) == page);
    }

  /* The fifth wrong password locks the account … */
  cst_test_type (password_row, "");
  cst_test_type (password_row, "Wrong@2026");
  cst_test_click (login_button);
  cst_test_wait_until (!gtk_widget_get_visible (tchild (page, "login_spinner")), WAIT_MS);
  g_assert_cmpstr (shown_error (page, fixture), ==,
                   "Account locked; try again in 30 minutes or reset your password");

  /* … and then even the right password is refused, the message still there. */
  cst_test_type (password_row, CST_DEMO_PASSWORD);
  cst_test_click (login_button);
  cst_test_wait_until (!gtk_widget_get_visible (tchild (page, "login_spinner")), WAIT_MS);
  g_assert_cmpstr (shown_error (page, fixture), ==,
                   "Account locked; try again in 30 minutes or reset your password");
  g_assert_null (cst_auth_service_get_session (fixture->service));
  g_assert_cmpstr (text_of (account_row), ==, CST_DEMO_ID_NUMBER);
  g_assert_cmpstr (text_of (password_row), ==, CST_DEMO_PASSWORD);
}

static void
test_password_validation (CstTestUi     *fixture,
                          gconstpointer  data)
{
  CstPage *page;
  GtkWidget *account_row, *account_error;

  page = open_page (fixture, "win.login", CST_TYPE_LOGIN_PAGE);
  account_row = tchild (page, "account_row");
  account_error = tchild (page, "account_error");

  /* Neither an ID number, a phone number nor a user name. */
  cst_test_type (account_row, "12345");
  cst_test_type (tchild (page, "password_row"), "whatever");
  g_assert_false (gtk_widget_is_sensitive (tchild (page, "login_button")));
  g_assert_false (gtk_widget_get_visible (account_error));

  /* Enter says why instead of doing nothing. */
  g_signal_emit_by_name (account_row, "entry-activated");
  g_assert_true (gtk_widget_get_visible (account_error));
  g_assert_cmpstr (label_of (account_error), ==,
                   "Enter an ID number, mobile phone number or user name");
  g_assert_true (gtk_widget_has_css_class (account_row, "error"));
  g_assert_cmpstr (text_of (account_row), ==, "12345");

  /* Fixing it clears the complaint and enables 登录. */
  cst_test_type (account_row, CST_DEMO_USERNAME);
  g_assert_false (gtk_widget_get_visible (account_error));
  g_assert_false (gtk_widget_has_css_class (account_row, "error"));
  g_assert_true (gtk_widget_is_sensitive (tchild (page, "login_button")));
}

static void
test_more_methods_and_links (CstTestUi     *fixture,
                             gconstpointer  data)
{
  CstPage *page;
  GMenuModel *menu;
  g_autoptr(GMenuModel) section = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_label = NULL;
  g_autofree char *second_label = NULL;

  page = open_page (fixture, "win.login", CST_TYPE_LOGIN_PAGE);

  /* 更多登录方式 → 短信登录, 扫脸登录 */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (tchild (page, "more_button")));
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &first_label);
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &first);
  g_menu_model_get_item_attribute (section, 1, G_MENU_ATTRIBUTE_LABEL, "s", &second_label);
  g_menu_model_get_item_attribute (section, 1, G_MENU_ATTRIBUTE_ACTION, "s", &second);
  g_assert_cmpstr (first_label, ==, "SMS Login");
  g_assert_cmpstr (first, ==, "win.sms-login");
  g_assert_cmpstr (second_label, ==, "Face Login");
  g_assert_cmpstr (second, ==, "win.face-login");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), first, NULL));
  g_assert_true (CST_IS_SMS_LOGIN_PAGE (cst_test_ui_visible_page (fixture)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  g_assert_true (cst_test_ui_visible_page (fixture) == page);

  /* 用户注册 and 忘记密码 are the window's wizard actions (the wizards
   * themselves are tested with the window). */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (tchild (page, "register_button"))),
                   ==, "win.register");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (tchild (page, "forgot_button"))),
                   ==, "win.reset");
  g_assert_true (gtk_widget_is_sensitive (tchild (page, "register_button")));
  g_assert_true (gtk_widget_is_sensitive (tchild (page, "forgot_button")));

  /* The tabs are keyboard-operable toggle buttons; the enterprise tab has
   * no SMS/face login. */
  cst_test_click (tchild (page, "enterprise_tab"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tchild (page, "enterprise_tab"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tchild (page, "personal_tab"))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (tchild (page, "stack"))), ==,
                   "enterprise");
  g_assert_false (gtk_widget_get_visible (tchild (page, "more_button")));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (fixture->window)) ==
                 tchild (page, "ent_login_button"));
  cst_login_page_set_enterprise (CST_LOGIN_PAGE (page), FALSE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tchild (page, "personal_tab"))));
  g_assert_true (gtk_widget_get_visible (tchild (page, "more_button")));
}

/* ---- 短信登录 ---- */

static CstPage *
sms_page_with_code (CstTestUi *fixture)
{
  CstPage *page = open_page (fixture, "win.sms-login", CST_TYPE_SMS_LOGIN_PAGE);
  CstSmsCodeRow *code_row = CST_SMS_CODE_ROW (tchild (page, "code_row"));
  GtkWidget *send = cst_sms_code_row_get_send_button (code_row);

  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Mobile phone number"));
  g_assert_false (gtk_widget_is_sensitive (send));
  cst_test_type (tchild (page, "phone_row"), "138 0000 1234");
  g_assert_true (gtk_widget_is_sensitive (send));

  cst_test_click (send);
  cst_test_wait_until (cst_sms_code_row_get_countdown (code_row) > 0, WAIT_MS);
  g_assert_cmpuint (cst_sms_code_row_get_countdown (code_row), >, 50);
  g_assert_true (g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (send)), "Resend ("));
  g_assert_false (gtk_widget_is_sensitive (send));
  g_assert_cmpstr (cst_test_ui_last_toast (fixture), ==, "Code sent");
  g_assert_cmpuint (cst_capture_sms_gateway_count (fixture->sms), ==, 1);

  return page;
}

static void
test_sms_login (CstTestUi     *fixture,
                gconstpointer  data)
{
  CstPage *page;
  CstSmsCodeRow *code_row;
  g_autofree char *code = NULL;
  guint countdown;

  cst_test_ui_seed_demo (fixture);
  page = sms_page_with_code (fixture);
  code_row = CST_SMS_CODE_ROW (tchild (page, "code_row"));

  /* The countdown runs on the button. */
  countdown = cst_sms_code_row_get_countdown (code_row);
  cst_test_wait_until (cst_sms_code_row_get_countdown (code_row) < countdown, 2500);

  g_assert_false (gtk_widget_is_sensitive (tchild (page, "login_button")));
  code = cst_capture_sms_gateway_last_code (fixture->sms, CST_DEMO_PHONE);
  g_assert_nonnull (code);
  cst_test_type (cst_sms_code_row_get_entry (code_row), code);
  g_assert_true (gtk_widget_is_sensitive (tchild (page, "login_button")));

  cst_test_click (tchild (page, "login_button"));
  assert_signed_in (fixture, CST_LOGIN_METHOD_SMS);
}

static void
test_sms_login_wrong_code (CstTestUi     *fixture,
                           gconstpointer  data)
{
  CstPage *page;
  CstSmsCodeRow *code_row;
  GtkWidget *error_label;
  g_autofree char *code = NULL;
  const char *wrong;

  cst_test_ui_seed_demo (fixture);
  page = sms_page_with_code (fixture);
  code_row = CST_SMS_CODE_ROW (tchild (page, "code_row"));
  error_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (code_row),
                                                           CST_TYPE_SMS_CODE_ROW, "error_label"));
  g_assert_nonnull (error_label);

  code = cst_capture_sms_gateway_last_code (fixture->sms, CST_DEMO_PHONE);
  wrong = g_str_equal (code, "000000") ? "111111" : "000000";
  cst_test_type (cst_sms_code_row_get_entry (code_row), wrong);
  cst_test_click (tchild (page, "login_button"));

  cst_test_wait_until (gtk_widget_get_visible (error_label), WAIT_MS);
  g_assert_cmpstr (label_of (error_label), ==, "Incorrect code");
  g_assert_null (cst_auth_service_get_session (fixture->service));
  g_assert_cmpstr (text_of (tchild (page, "phone_row")), ==, "138 0000 1234");
  g_assert_cmpstr (cst_sms_code_row_get_code (code_row), ==, wrong);
  g_assert_true (cst_test_ui_visible_page (fixture) == page);

  /* The right code still works. */
  cst_test_type (cst_sms_code_row_get_entry (code_row), code);
  g_assert_false (gtk_widget_get_visible (error_label));
  cst_test_click (tchild (page, "login_button"));
  assert_signed_in (fixture, CST_LOGIN_METHOD_SMS);
}

static void
send_code_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  cst_auth_service_send_code_finish (CST_AUTH_SERVICE (object), result, NULL, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_sms_login_rate_limited (CstTestUi     *fixture,
                             gconstpointer  data)
{
  CstPage *page;
  CstSmsCodeRow *code_row;
  GtkWidget *error_label;
  gboolean done = FALSE;

  cst_test_ui_seed_demo (fixture);

  /* A code was just sent to this phone (another window, another device). */
  cst_auth_service_send_code_async (fixture->service, CST_DEMO_PHONE, CST_CODE_PURPOSE_LOGIN,
                                    NULL, send_code_done_cb, &done);
  cst_test_wait_until (done, WAIT_MS);

  page = open_page (fixture, "win.sms-login", CST_TYPE_SMS_LOGIN_PAGE);
  code_row = CST_SMS_CODE_ROW (tchild (page, "code_row"));
  error_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (code_row),
                                                           CST_TYPE_SMS_CODE_ROW, "error_label"));
  cst_test_type (tchild (page, "phone_row"), CST_DEMO_PHONE);
  cst_test_click (cst_sms_code_row_get_send_button (code_row));

  /* The wait is said in words and counted down on the button. */
  cst_test_wait_until (gtk_widget_get_visible (error_label), WAIT_MS);
  g_assert_true (g_str_has_prefix (label_of (error_label), "Wait "));
  g_assert_true (g_str_has_suffix (label_of (error_label), " before requesting a new code"));
  g_assert_cmpuint (cst_sms_code_row_get_countdown (code_row), >, 50);
  g_assert_cmpuint (cst_sms_code_row_get_countdown (code_row), <=, 60);
  g_assert_false (gtk_widget_is_sensitive (cst_sms_code_row_get_send_button (code_row)));
  g_assert_cmpuint (cst_capture_sms_gateway_count (fixture->sms), ==, 1);
}

/* ---- 扫脸登录 ---- */

static CstFaceCaptureView *
face_page_to_capture (CstTestUi  *fixture,
                      const char *id_number,
                      CstPage   **out_page)
{
  CstPage *page = open_page (fixture, "win.face-login", CST_TYPE_FACE_LOGIN_PAGE);
  CstFaceCaptureView *view = CST_FACE_CAPTURE_VIEW (tchild (page, "face_view"));
  AdwComboRow *type_row = ADW_COMBO_ROW (tchild (page, "id_type_row"));

  /* The six document types, 居民身份证 first. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (type_row)), ==,
                    CST_N_ID_TYPES);
  g_assert_cmpuint (adw_combo_row_get_selected (type_row), ==, CST_ID_TYPE_RESIDENT);

  cst_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (tchild (page, "stack"))),
                                  "form") == 0, 2000);
  g_assert_false (gtk_widget_is_sensitive (tchild (page, "next_button")));
  cst_test_type (tchild (page, "id_number_row"), id_number);
  g_assert_true (gtk_widget_is_sensitive (tchild (page, "next_button")));
  cst_test_click (tchild (page, "next_button"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (tchild (page, "stack"))), ==,
                   "capture");
  /* The embedded service only simulates: the view says so. */
  g_assert_true (cst_face_capture_view_get_simulated (view) ==
                 cst_auth_service_get_face_simulated (fixture->service));
  cst_face_capture_view_set_step_duration (view, 20);

  *out_page = page;
  return view;
}

static void
test_face_login (CstTestUi     *fixture,
                 gconstpointer  data)
{
  CstFaceCaptureView *view;
  CstPage *page;

  cst_test_ui_seed_demo (fixture);
  view = face_page_to_capture (fixture, CST_DEMO_ID_NUMBER, &page);
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Face recognition for 4201**********1231"));

  /* Rejected first: the message and Retry; nothing signed in. */
  cst_scripted_face_verifier_push (fixture->face, FALSE);
  cst_test_click (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                             CST_TYPE_FACE_CAPTURE_VIEW,
                                                             "start_button")));
  cst_test_wait_until (cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_FAILED,
                       WAIT_MS);
  g_assert_null (cst_auth_service_get_session (fixture->service));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Face recognition failed"));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Face recognition failed; try again"));
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Retry"));
  g_assert_cmpuint (cst_scripted_face_verifier_get_calls (fixture->face), ==, 1);

  /* Retry: accepted. */
  cst_scripted_face_verifier_push (fixture->face, TRUE);
  cst_test_click (cst_test_find_text (GTK_WIDGET (page), "Retry"));
  assert_signed_in (fixture, CST_LOGIN_METHOD_FACE);
  g_assert_cmpuint (cst_scripted_face_verifier_get_calls (fixture->face), ==, 2);
}

static void
test_face_login_not_registered (CstTestUi     *fixture,
                                gconstpointer  data)
{
  CstFaceCaptureView *view;
  CstPage *page;
  GtkWidget *id_error;
  char id[19] = "42010619850302123";

  cst_test_ui_seed_demo (fixture);
  /* A well-formed resident ID of nobody registered. */
  id[17] = cst_id_check_character (id);
  id[18] = '\0';

  view = face_page_to_capture (fixture, id, &page);
  id_error = tchild (page, "id_number_error");
  cst_face_capture_view_start (view);

  /* Back at the form, the reason under the ID number, the number kept. */
  cst_test_wait_until (gtk_widget_get_visible (id_error), WAIT_MS);
  g_assert_cmpstr (label_of (id_error), ==, "This user is not registered");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (tchild (page, "stack"))), ==,
                   "form");
  g_assert_cmpstr (text_of (tchild (page, "id_number_row")), ==, id);
  g_assert_null (cst_auth_service_get_session (fixture->service));
}

static void
test_face_login_unavailable (CstTestUi     *fixture,
                             gconstpointer  data)
{
  CstFaceCaptureView *view;
  CstPage *page;

  cst_test_ui_seed_demo (fixture);
  view = face_page_to_capture (fixture, CST_DEMO_ID_NUMBER, &page);

  /* The service stops offering face recognition: the page says so and
   * offers SMS login instead. */
  cst_scripted_face_verifier_set_available (fixture->face, FALSE);
  cst_face_capture_view_start (view);
  cst_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (tchild (page, "stack"))),
                                  "unavailable") == 0, WAIT_MS);
  g_assert_nonnull (cst_test_find_text (GTK_WIDGET (page), "Face Recognition Unavailable"));
  cst_test_click (cst_test_find_text (GTK_WIDGET (page), "SMS Login"));
  g_assert_true (CST_IS_SMS_LOGIN_PAGE (cst_test_ui_visible_page (fixture)));
  g_assert_null (cst_auth_service_get_session (fixture->service));
}

static void
test_face_login_back (CstTestUi     *fixture,
                      gconstpointer  data)
{
  CstPage *page;

  face_page_to_capture (fixture, CST_DEMO_ID_NUMBER, &page);

  /* Back from the capture returns to the form, keeping the number. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  g_assert_true (cst_test_ui_visible_page (fixture) == page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (tchild (page, "stack"))), ==,
                   "form");
  g_assert_cmpstr (text_of (tchild (page, "id_number_row")), ==, CST_DEMO_ID_NUMBER);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  g_assert_null (cst_test_ui_visible_page (fixture));
}

/* ---- 退出登录 ---- */

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
test_logout (CstTestUi     *fixture,
             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  CstPage *page;

  cst_test_ui_seed_demo (fixture);
  page = open_page (fixture, "win.login", CST_TYPE_LOGIN_PAGE);
  cst_test_type (tchild (page, "account_row"), CST_DEMO_USERNAME);
  cst_test_type (tchild (page, "password_row"), CST_DEMO_PASSWORD);
  cst_test_click (tchild (page, "login_button"));
  assert_signed_in (fixture, CST_LOGIN_METHOD_PASSWORD);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.logout", NULL));
  cst_test_wait_until ((dialog = find_message_dialog (fixture)) != NULL, 2000);
  adw_message_dialog_response (dialog, "logout");
  cst_test_wait_until (cst_auth_service_get_session (fixture->service) == NULL, WAIT_MS);
  cst_test_wait_until (cst_test_find_text (GTK_WIDGET (fixture->window), "Log In / Register") != NULL,
                       2000);
  g_assert_null (cst_test_find_text (GTK_WIDGET (fixture->window), "张*"));

  /* Logging in again works from a fresh login page. */
  page = open_page (fixture, "win.login", CST_TYPE_LOGIN_PAGE);
  g_assert_null (cst_auth_service_get_session (fixture->service));
}

int
main (int   argc,
      char *argv[])
{
  cst_test_ui_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add (path, CstTestUi, data, cst_test_ui_setup, func, cst_test_ui_teardown)

  ADD ("/Cst/Login/password/id-number", test_password_login, CST_DEMO_ID_NUMBER);
  ADD ("/Cst/Login/password/phone", test_password_login, CST_DEMO_PHONE);
  ADD ("/Cst/Login/password/username", test_password_login, CST_DEMO_USERNAME);
  ADD ("/Cst/Login/password/enter-keep-signed-in", test_password_enter_keep, NULL);
  ADD ("/Cst/Login/password/wrong-then-locked", test_password_wrong_then_locked, NULL);
  ADD ("/Cst/Login/password/validation", test_password_validation, NULL);
  ADD ("/Cst/Login/more-methods-and-links", test_more_methods_and_links, NULL);
  ADD ("/Cst/Login/sms", test_sms_login, NULL);
  ADD ("/Cst/Login/sms/wrong-code", test_sms_login_wrong_code, NULL);
  ADD ("/Cst/Login/sms/rate-limited", test_sms_login_rate_limited, NULL);
  ADD ("/Cst/Login/face/reject-retry-accept", test_face_login, NULL);
  ADD ("/Cst/Login/face/not-registered", test_face_login_not_registered, NULL);
  ADD ("/Cst/Login/face/unavailable", test_face_login_unavailable, NULL);
  ADD ("/Cst/Login/face/back", test_face_login_back, NULL);
  ADD ("/Cst/Login/logout", test_logout, NULL);

#undef ADD

  return g_test_run ();
}
