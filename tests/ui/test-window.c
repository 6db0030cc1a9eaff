/* test-window.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shell as a user meets it: 首页 with its guide cards, 我的 logged out
 * and logged in, the navigation stack (push, back, Escape, pages built on
 * first use and dropped when popped), the end of a login flow, logout with
 * its confirmation, and the remembered login restored after the first frame.
 */

#include "config.h"

#include "cst-biometrics-page.h"
#include "cst-face-login-page.h"
#include "cst-login-page.h"
#include "cst-register-wizard.h"
#include "cst-reset-wizard.h"
#include "cst-sms-login-page.h"
#include "cst-test-ui.h"

/* ---- a page that can refuse to be popped, to test win.back ---- */

#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, CstPage)

struct _TestPage
{
  CstPage parent_instance;
  guint   steps_left;   /* go_back() handles this many presses itself */
  guint   shown;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, CST_TYPE_PAGE)

static gboolean
test_page_go_back (CstPage *page)
{
  TestPage *self = TEST_PAGE (page);

  if (self->steps_left == 0)
    return FALSE;

  self->steps_left--;
  return TRUE;
}

static void
test_page_shown (CstPage *page)
{
  TEST_PAGE (page)->shown++;
}

static void
test_page_class_init (TestPageClass *klass)
{
  CST_PAGE_CLASS (klass)->go_back = test_page_go_back;
  CST_PAGE_CLASS (klass)->shown = test_page_shown;
}

static void
test_page_init (TestPage *self)
{
  adw_bin_set_child (ADW_BIN (self), gtk_label_new ("test page"));
}

static TestPage *
test_page_new (const char *title,
               guint       steps_left)
{
  TestPage *page = g_object_new (TEST_TYPE_PAGE, "title", title, NULL);

  page->steps_left = steps_left;
  return page;
}

/* ---- helpers ---- */

static GtkWidget *
window_child (CstTestUi  *fixture,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                  CST_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static const char *
header_title (CstTestUi *fixture)
{
  return adw_window_title_get_title (ADW_WINDOW_TITLE (window_child (fixture, "window_title")));
}

static gboolean
back_button_visible (CstTestUi *fixture)
{
  return gtk_widget_get_visible (window_child (fixture, "back_button"));
}

static const char *
root_tab (CstTestUi *fixture)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (window_child (fixture, "view_stack")));
}

static guint
count_descendants (GtkWidget *root,
                   GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child, type);

  return n;
}

static void
show_root_tab (CstTestUi  *fixture,
               const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", name);
  cst_test_wait_until (g_strcmp0 (root_tab (fixture), name) == 0, 2000);
  /* The newly visible tab is mapped on the next frame. */
  cst_test_spin (50);
}

/* The key binding the user presses, found on the window and activated the
 * way GTK does it for a key press. Returns whether it was handled. */
static gboolean
press_key (CstTestUi  *fixture,
           const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accelerator) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (fixture->window),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_error ("No shortcut %s on the window", accelerator);
  return FALSE;
}

static void
wait_for_root (CstTestUi *fixture)
{
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == NULL, 2000);
}

static void
login_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cst_auth_service_login_password_finish (CST_AUTH_SERVICE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
logout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cst_auth_service_logout_finish (CST_AUTH_SERVICE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Logs the demo person in through the service, as a login page would. */
static void
log_in (CstTestUi      *fixture,
        CstAuthService *service,
        gboolean        remember)
{
  gboolean done = FALSE;

  cst_auth_service_login_password_async (service, CST_DEMO_ID_NUMBER, CST_DEMO_PASSWORD,
                                         remember, NULL, login_cb, &done);
  cst_test_wait_until (done, 10000);
  g_assert_nonnull (cst_auth_service_get_session (service));
}

static void
enterprise_begin_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CstEnterpriseChallenge **challenge = user_data;
  g_autoptr(GError) error = NULL;

  *challenge = cst_auth_service_enterprise_begin_finish (CST_AUTH_SERVICE (object), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*challenge);
}

static void
send_ticket_code_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  gint resend_after = 0;

  g_assert_true (cst_auth_service_send_ticket_code_finish (CST_AUTH_SERVICE (object), result,
                                                           &resend_after, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
enterprise_complete_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cst_auth_service_enterprise_complete_sms_finish (CST_AUTH_SERVICE (object),
                                                                  result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* The demo person logs in for the demo enterprise with an SMS second
 * factor, through the service, as the enterprise pages would. Returns the
 * role taken. */
static CstRole
log_in_enterprise (CstTestUi *fixture)
{
  g_autoptr(CstEnterpriseChallenge) challenge = NULL;
  g_autofree char *code = NULL;
  gboolean sent = FALSE;
  gboolean done = FALSE;
  CstRole role;

  cst_auth_service_enterprise_begin_async (fixture->service, CST_DEMO_ENTERPRISE_CODE,
                                           CST_DEMO_ID_NUMBER, CST_DEMO_PASSWORD,
                                           NULL, enterprise_begin_cb, &challenge);
  cst_test_wait_until (challenge != NULL, 10000);
  g_assert_cmpuint (challenge->n_roles, >, 0);
  role = challenge->roles[0];

  cst_auth_service_send_ticket_code_async (fixture->service, challenge->ticket,
                                           NULL, send_ticket_code_cb, &sent);
  cst_test_wait_until (sent, 10000);
  code = cst_capture_sms_gateway_last_code (fixture->sms, CST_DEMO_PHONE);
  g_assert_nonnull (code);

  cst_auth_service_enterprise_complete_sms_async (fixture->service, challenge->ticket, role, code,
                                                  NULL, enterprise_complete_cb, &done);
  cst_test_wait_until (done, 10000);

  return role;
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

/* ---- tests ---- */

static const char *card_titles[] = {
  "Register", "Personal Login", "Quick Login Setup", "Enterprise Login", "Forgot Password",
};

static void
test_root (CstTestUi     *fixture,
           gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_assert_null (cst_test_ui_visible_page (fixture));
  g_assert_false (back_button_visible (fixture));
  g_assert_cmpstr (root_tab (fixture), ==, "home");
  g_assert_cmpstr (header_title (fixture), ==, "Home");

  for (guint i = 0; i < G_N_ELEMENTS (card_titles); i++)
    g_assert_nonnull (cst_test_find_text (window, card_titles[i]));
  /* 我的 is not showing yet. */
  g_assert_null (cst_test_find_text (window, "Log In / Register"));

  show_root_tab (fixture, "my");
  g_assert_cmpstr (header_title (fixture), ==, "My");
  g_assert_nonnull (cst_test_find_text (window, "Log In / Register"));
  g_assert_null (cst_test_find_text (window, "Register"));
  /* Logged out: nothing of a session on show. */
  g_assert_null (cst_test_find_text (window, "Biometrics"));
  g_assert_null (cst_test_find_text (window, "Log Out"));

  show_root_tab (fixture, "home");
  g_assert_cmpstr (header_title (fixture), ==, "Home");
}

static void
test_pages_built_on_first_use (CstTestUi     *fixture,
                               gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  const GType flow_types[] = {
    CST_TYPE_LOGIN_PAGE, CST_TYPE_REGISTER_WIZARD, CST_TYPE_RESET_WIZARD,
    CST_TYPE_SMS_LOGIN_PAGE, CST_TYPE_FACE_LOGIN_PAGE, CST_TYPE_BIOMETRICS_PAGE,
  };
  GtkWidget *page;

  for (guint i = 0; i < G_N_ELEMENTS (flow_types); i++)
    g_assert_cmpuint (count_descendants (window, flow_types[i]), ==, 0);

  gtk_widget_activate_action (window, "win.sms-login", NULL);
  page = GTK_WIDGET (cst_test_ui_visible_page (fixture));
  g_assert_true (CST_IS_SMS_LOGIN_PAGE (page));
  g_assert_cmpuint (count_descendants (window, CST_TYPE_SMS_LOGIN_PAGE), ==, 1);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);

  gtk_widget_activate_action (window, "win.back", NULL);
  wait_for_root (fixture);
  /* Dropped once the slide back is over: no page lives off the stack. */
  cst_test_wait_until (page == NULL, 2000);
  g_assert_cmpuint (count_descendants (window, CST_TYPE_SMS_LOGIN_PAGE), ==, 0);

  gtk_widget_activate_action (window, "win.face-login", NULL);
  g_assert_true (CST_IS_FACE_LOGIN_PAGE (cst_test_ui_visible_page (fixture)));
}

static void
test_cards_open_their_flows (CstTestUi     *fixture,
                             gconstpointer  data)
{
  const GType expected[] = {
    CST_TYPE_REGISTER_WIZARD, CST_TYPE_LOGIN_PAGE,
    CST_TYPE_LOGIN_PAGE,      /* quick login needs a session: log in first */
    CST_TYPE_LOGIN_PAGE, CST_TYPE_RESET_WIZARD,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == G_N_ELEMENTS (card_titles));

  for (guint i = 0; i < G_N_ELEMENTS (card_titles); i++)
    {
      GtkWidget *card = cst_test_find_text (GTK_WIDGET (fixture->window), card_titles[i]);
      CstPage *page;

      g_test_message ("card %s", card_titles[i]);
      g_assert_nonnull (card);
      cst_test_click (card);

      page = cst_test_ui_visible_page (fixture);
      g_assert_nonnull (page);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, expected[i]));
      g_assert_true (back_button_visible (fixture));
      g_assert_cmpstr (header_title (fixture), ==,
                       cst_page_get_title (page) != NULL ? cst_page_get_title (page) : "");
      g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);

      g_assert_true (press_key (fixture, "Escape"));
      wait_for_root (fixture);
      cst_test_wait_until (page == NULL, 2000);
      g_assert_false (back_button_visible (fixture));
      g_assert_cmpstr (header_title (fixture), ==, "Home");
      /* The slide is over before the next card is pressed. */
      cst_test_spin (50);
    }

  g_assert_cmpstr (cst_test_ui_last_toast (fixture), ==, "Log in first to set up quick login");
}

static void
test_back_asks_the_page_first (CstTestUi     *fixture,
                               gconstpointer  data)
{
  TestPage *first = test_page_new ("First", 0);
  TestPage *wizard = test_page_new ("Wizard", 1);

  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);

  cst_window_push_page (fixture->window, CST_PAGE (first));
  g_assert_cmpstr (header_title (fixture), ==, "First");
  cst_window_push_page (fixture->window, CST_PAGE (wizard));
  g_assert_cmpstr (header_title (fixture), ==, "Wizard");

  /* The title follows the page (a wizard names its step). */
  cst_page_set_title (CST_PAGE (wizard), "Wizard, step 2");
  g_assert_cmpstr (header_title (fixture), ==, "Wizard, step 2");

  /* The wizard takes the first press (one step back) and stays. */
  g_assert_true (press_key (fixture, "<Alt>Left"));
  g_assert_true (cst_test_ui_visible_page (fixture) == CST_PAGE (wizard));
  g_assert_cmpuint (wizard->steps_left, ==, 0);

  /* Then it lets go: popped, the page below is shown again. */
  g_assert_true (press_key (fixture, "Escape"));
  g_assert_true (cst_test_ui_visible_page (fixture) == CST_PAGE (first));
  g_assert_cmpuint (first->shown, ==, 1);
  g_assert_cmpstr (header_title (fixture), ==, "First");
  cst_test_wait_until (wizard == NULL, 2000);

  cst_test_click (window_child (fixture, "back_button"));
  wait_for_root (fixture);
  cst_test_wait_until (first == NULL, 2000);

  /* At the root Escape is left to others. */
  g_assert_false (press_key (fixture, "Escape"));
  g_assert_null (cst_test_ui_visible_page (fixture));
}

static void
test_pop_drops_everything_above (CstTestUi     *fixture,
                                 gconstpointer  data)
{
  TestPage *pages[3];

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      pages[i] = test_page_new ("Page", 0);
      g_object_add_weak_pointer (G_OBJECT (pages[i]), (gpointer *) &pages[i]);
      cst_window_push_page (fixture->window, CST_PAGE (pages[i]));
    }
  cst_test_spin (50);

  cst_page_pop (CST_PAGE (pages[1]));
  g_assert_true (cst_test_ui_visible_page (fixture) == CST_PAGE (pages[0]));
  cst_test_wait_until (pages[1] == NULL && pages[2] == NULL, 2000);

  cst_window_pop_to_root (fixture->window);
  wait_for_root (fixture);
  cst_test_wait_until (pages[0] == NULL, 2000);
  g_assert_cmpuint (count_descendants (GTK_WIDGET (fixture->window), TEST_TYPE_PAGE), ==, 0);
}

static void
test_open_flow_returns_to_open_page (CstTestUi     *fixture,
                                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  CstPage *login;

  gtk_widget_activate_action (window, "win.login", NULL);
  login = cst_test_ui_visible_page (fixture);
  g_assert_true (CST_IS_LOGIN_PAGE (login));

  /* e.g. 用户注册 from the login page, then 去登录 at the end. */
  gtk_widget_activate_action (window, "win.register", NULL);
  g_assert_true (CST_IS_REGISTER_WIZARD (cst_test_ui_visible_page (fixture)));
  gtk_widget_activate_action (window, "win.login", NULL);
  g_assert_true (cst_test_ui_visible_page (fixture) == login);
  cst_test_wait_until (count_descendants (window, CST_TYPE_REGISTER_WIZARD) == 0, 2000);

  gtk_widget_activate_action (window, "win.login-enterprise", NULL);
  g_assert_true (cst_test_ui_visible_page (fixture) == login);
  g_assert_cmpuint (count_descendants (window, CST_TYPE_LOGIN_PAGE), ==, 1);
}

static void
test_logged_in (CstTestUi     *fixture,
                gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  cst_test_ui_seed_demo (fixture);
  show_root_tab (fixture, "my");

  log_in (fixture, fixture->service, FALSE);
  cst_test_wait_until (cst_test_find_text (window, "张*") != NULL, 2000);

  /* Masked, never the full name or number (SPEC §2.5). */
  g_assert_nonnull (cst_test_find_text (window, "4201**********1231"));
  g_assert_nonnull (cst_test_find_text (window, "Personal"));
  g_assert_null (cst_test_find_text (window, CST_DEMO_NAME));
  g_assert_null (cst_test_find_text (window, CST_DEMO_ID_NUMBER));
  g_assert_nonnull (cst_test_find_text (window, "Biometrics"));
  g_assert_nonnull (cst_test_find_text (window, "Log Out"));
  g_assert_null (cst_test_find_text (window, "Log In / Register"));

  /* Logged in at the root: nothing is pushed, the tab stays. */
  g_assert_null (cst_test_ui_visible_page (fixture));
  g_assert_cmpstr (root_tab (fixture), ==, "my");

  cst_test_click (cst_test_find_text (window, "Biometrics"));
  g_assert_true (CST_IS_BIOMETRICS_PAGE (cst_test_ui_visible_page (fixture)));
}

static void
test_enterprise_identity (CstTestUi     *fixture,
                          gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autofree char *identity = NULL;
  CstRole role;

  cst_test_ui_seed_demo (fixture);
  gtk_widget_activate_action (window, "win.login-enterprise", NULL);
  g_assert_true (CST_IS_LOGIN_PAGE (cst_test_ui_visible_page (fixture)));

  role = log_in_enterprise (fixture);

  /* The second factor done: back on 我的, acting for the enterprise. */
  wait_for_root (fixture);
  cst_test_wait_until (count_descendants (window, CST_TYPE_LOGIN_PAGE) == 0, 2000);
  g_assert_cmpstr (root_tab (fixture), ==, "my");
  cst_test_wait_until (cst_test_find_text (window, "张*") != NULL, 2000);
  identity = g_strdup_printf ("%s · %s", CST_DEMO_ENTERPRISE_NAME, cst_role_get_label (role));
  g_assert_nonnull (cst_test_find_text (window, identity));
  g_assert_null (cst_test_find_text (window, "Personal"));
}

static void
test_login_flow_ends_on_my (CstTestUi     *fixture,
                            gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  cst_test_ui_seed_demo (fixture);
  g_assert_cmpstr (root_tab (fixture), ==, "home");

  gtk_widget_activate_action (window, "win.login", NULL);
  gtk_widget_activate_action (window, "win.sms-login", NULL);
  g_assert_true (CST_IS_SMS_LOGIN_PAGE (cst_test_ui_visible_page (fixture)));

  log_in (fixture, fixture->service, FALSE);

  g_assert_null (cst_test_ui_visible_page (fixture));
  g_assert_cmpstr (root_tab (fixture), ==, "my");
  g_assert_cmpstr (header_title (fixture), ==, "My");
  g_assert_cmpstr (cst_test_ui_last_toast (fixture), ==, "Signed in");
  cst_test_wait_until (count_descendants (window, CST_TYPE_LOGIN_PAGE) == 0 &&
                       count_descendants (window, CST_TYPE_SMS_LOGIN_PAGE) == 0, 2000);
  cst_test_wait_until (cst_test_find_text (window, "张*") != NULL, 2000);
}

static void
test_logout_asks_first (CstTestUi     *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  AdwMessageDialog *dialog;

  cst_test_ui_seed_demo (fixture);
  log_in (fixture, fixture->service, FALSE);
  show_root_tab (fixture, "my");

  /* Cancel keeps the session. */
  cst_test_click (cst_test_find_text (window, "Log Out"));
  cst_test_wait_until ((dialog = find_message_dialog (fixture)) != NULL, 2000);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Log Out?");
  g_assert_true (adw_message_dialog_has_response (dialog, "logout"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "logout"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  cst_test_click (cst_test_find_text (GTK_WIDGET (dialog), "_Cancel"));
  cst_test_wait_until (find_message_dialog (fixture) == NULL, 2000);
  cst_test_spin (100);
  g_assert_nonnull (cst_auth_service_get_session (fixture->service));
  g_assert_nonnull (cst_test_find_text (window, "张*"));

  /* Log Out ends it, and 我的 asks to log in again. */
  cst_test_click (cst_test_find_text (window, "Log Out"));
  cst_test_wait_until ((dialog = find_message_dialog (fixture)) != NULL, 2000);
  cst_test_click (cst_test_find_text (GTK_WIDGET (dialog), "_Log Out"));
  cst_test_wait_until (cst_auth_service_get_session (fixture->service) == NULL, 5000);
  cst_test_wait_until (cst_test_find_text (window, "Log In / Register") != NULL, 2000);
  g_assert_null (cst_test_find_text (window, "张*"));
  g_assert_null (cst_test_find_text (window, "Log Out"));
  cst_test_wait_until (g_strcmp0 (cst_test_ui_last_toast (fixture), "Logged out") == 0, 2000);
}

static void
test_logout_closes_biometrics (CstTestUi     *fixture,
                               gconstpointer  data)
{
  gboolean done = FALSE;

  cst_test_ui_seed_demo (fixture);
  log_in (fixture, fixture->service, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.biometrics", NULL);
  g_assert_true (CST_IS_BIOMETRICS_PAGE (cst_test_ui_visible_page (fixture)));

  /* However the session ends, its quick-login settings go with it. */
  cst_auth_service_logout_async (fixture->service, NULL, logout_cb, &done);
  cst_test_wait_until (done, 5000);
  g_assert_null (cst_auth_service_get_session (fixture->service));
  wait_for_root (fixture);
}

static void
test_remembered_login_restored (CstTestUi     *fixture,
                                gconstpointer  data)
{
  g_autoptr(CstAuthService) service = NULL;
  CstWindow *window;

  cst_test_ui_seed_demo (fixture);
  /* 保持登录: the refresh token goes to the (memory) keyring. */
  log_in (fixture, fixture->service, TRUE);

  /* The next start: a new service over the same database and keyring. */
  service = cst_auth_service_new (CST_AUTH_BACKEND (fixture->backend),
                                  CST_CREDENTIAL_STORE (fixture->store));
  window = cst_window_new (NULL, service);
  gtk_window_present (GTK_WINDOW (window));
  /* Nothing at start-up waits for the keyring or the database. */
  g_assert_null (cst_auth_service_get_session (service));

  cst_test_wait_until (cst_auth_service_get_session (service) != NULL, 10000);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "my");
  cst_test_wait_until (cst_test_find_text (GTK_WIDGET (window), "张*") != NULL, 2000);

  gtk_window_destroy (GTK_WINDOW (window));
  cst_test_spin (50);
}

static void
test_window_size_remembered (CstTestUi     *fixture,
                             gconstpointer  data)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  CstWindow *window;
  int width, height;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      /* meson test points GSETTINGS_SCHEMA_DIR at <build>/data. */
      g_test_skip ("The GSettings schema is not compiled in GSETTINGS_SCHEMA_DIR");
      return;
    }
  settings = g_settings_new_full (schema, NULL, NULL);

  window = cst_window_new (NULL, fixture->service);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 700);
  gtk_window_present (GTK_WINDOW (window));
  cst_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  gtk_window_close (GTK_WINDOW (window));
  cst_test_spin (50);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 480);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  window = cst_window_new (NULL, fixture->service);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 480);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The icons of the first screens and every spinner are PNGs at the sizes
 * they are drawn, so GTK never loads librsvg for them: an SVG at start-up
 * cost ~7 MiB and, for the first spinner, a stall on the main thread. */
static void
test_icons_drawn_from_png (void)
{
  static const struct { const char *name; int size; } icons[] = {
    { APPLICATION_ID, 48 },
    { "cst-enterprise-symbolic", 16 },
    { "cst-process-working-symbolic", 16 },
  };
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GBytes) css = NULL;
  gsize css_size;
  const char *css_text;

  /* As GtkApplication does for the app. */
  gtk_icon_theme_add_resource_path (theme, RESOURCE_BASE "/icons");

  for (gsize i = 0; i < G_N_ELEMENTS (icons); i++)
    for (int scale = 1; scale <= 2; scale++)
      {
        g_autoptr(GtkIconPaintable) icon =
          gtk_icon_theme_lookup_icon (theme, icons[i].name, NULL, icons[i].size, scale,
                                      GTK_TEXT_DIR_NONE, 0);
        g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
        g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

        g_test_message ("%s at %d px, scale %d: %s", icons[i].name, icons[i].size, scale, uri);
        g_assert_nonnull (uri);
        g_assert_true (g_str_has_prefix (uri, "resource://" RESOURCE_BASE "/icons/"));
        g_assert_true (g_str_has_suffix (uri, ".png"));
      }

  /* And the spinners draw that icon: style.css says so. */
  css = g_resources_lookup_data (RESOURCE_BASE "/style.css", 0, NULL);
  g_assert_nonnull (css);
  css_text = g_bytes_get_data (css, &css_size);
  g_assert_nonnull (g_strstr_len (css_text, css_size,
                                  "spinner {\n  -gtk-icon-source: -gtk-icontheme(\"cst-process-working-symbolic\");"));
}

int
main (int   argc,
      char *argv[])
{
  cst_test_ui_init (&argc, &argv);

  g_test_add_func ("/Cst/Window/icons-drawn-from-png", test_icons_drawn_from_png);

#define ADD(path, func) \
  g_test_add ("/Cst/Window/" path, CstTestUi, NULL, cst_test_ui_setup, func, cst_test_ui_teardown)

  ADD ("root", test_root);
  ADD ("pages-built-on-first-use", test_pages_built_on_first_use);
  ADD ("cards-open-their-flows", test_cards_open_their_flows);
  ADD ("back-asks-the-page-first", test_back_asks_the_page_first);
  ADD ("pop-drops-everything-above", test_pop_drops_everything_above);
  ADD ("open-flow-returns-to-open-page", test_open_flow_returns_to_open_page);
  ADD ("logged-in", test_logged_in);
  ADD ("login-flow-ends-on-my", test_login_flow_ends_on_my);
  ADD ("enterprise-identity", test_enterprise_identity);
  ADD ("logout-asks-first", test_logout_asks_first);
  ADD ("logout-closes-biometrics", test_logout_closes_biometrics);
  ADD ("remembered-login-restored", test_remembered_login_restored);
  ADD ("window-size-remembered", test_window_size_remembered);

#undef ADD

  return g_test_run ();
}
