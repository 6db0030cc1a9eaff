/* test-ui-locale.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interface in the user's language: with LANGUAGE set and the
 * catalogues of the build tree bound, as `CST_BUILD_TREE=1 chushuitong`
 * does, the real window, 我的 and the login page show the mobile app's
 * labels in that language — the templates, the C strings and the
 * strings with a context alike. CST_TEST_LANGUAGE names the language.
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "cst-login-page.h"
#include "cst-test-ui.h"

typedef struct
{
  const char *language;
  const char *home_tab;       /* C_("tab", "Home") in cst-window.c */
  const char *my_tab;         /* C_("tab", "My") */
  const char *guide;          /* the heading of 首页, from its .ui */
  const char *register_card;  /* a card of 首页 (context "guide") */
  const char *login_register; /* the row of 我的 when logged out */
  const char *personal_tab;   /* the login page's tabs (context "login tab") */
  const char *enterprise_tab;
  const char *more_methods;
  const char *forgot_password;
} Expected;

static const Expected expectations[] = {
  { "zh_CN", "首页", "我的", "操作指引", "用户注册", "点击登录/注册",
    "个人业务", "企业业务", "更多登录方式", "忘记密码" },
  { "zh_TW", "首頁", "我的", "操作指引", "使用者註冊", "點選登入/註冊",
    "個人業務", "企業業務", "更多登入方式", "忘記密碼" },
};

static const Expected *expected;

static GtkWidget *
window_child (CstTestUi  *fixture,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                  CST_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
assert_shows (GtkWidget  *root,
              const char *text)
{
  if (cst_test_find_text (root, text) == NULL)
    g_error ("Nothing on the screen reads “%s”", text);
}

static void
show_root_tab (CstTestUi  *fixture,
               const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "view_stack"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", name);
  cst_test_wait_until (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), name) == 0, 2000);
  cst_test_spin (50);
}

static void
test_tabs (CstTestUi     *fixture,
           gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "view_stack"));
  AdwViewStackPage *home = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "home"));
  AdwViewStackPage *my = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "my"));

  /* What the bottom switcher shows. */
  g_assert_cmpstr (adw_view_stack_page_get_title (home), ==, expected->home_tab);
  g_assert_cmpstr (adw_view_stack_page_get_title (my), ==, expected->my_tab);
}

static void
test_home_and_my (CstTestUi     *fixture,
                  gconstpointer  data)
{
  show_root_tab (fixture, "home");
  assert_shows (GTK_WIDGET (fixture->window), expected->guide);
  assert_shows (GTK_WIDGET (fixture->window), expected->register_card);

  show_root_tab (fixture, "my");
  assert_shows (GTK_WIDGET (fixture->window), expected->login_register);
}

static void
test_login_page (CstTestUi     *fixture,
                 gconstpointer  data)
{
  CstPage *page = cst_login_page_new (fixture->service);

  cst_window_push_page (fixture->window, page);
  cst_test_wait_until (cst_test_ui_visible_page (fixture) == page
                       && gtk_widget_get_mapped (GTK_WIDGET (page)), 2000);
  cst_test_spin (50);

  assert_shows (GTK_WIDGET (page), expected->personal_tab);
  assert_shows (GTK_WIDGET (page), expected->enterprise_tab);
  assert_shows (GTK_WIDGET (page), expected->more_methods);
  assert_shows (GTK_WIDGET (page), expected->forgot_password);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("CST_TEST_LANGUAGE");

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_strcmp0 (language, expectations[i].language) == 0)
      expected = &expectations[i];

  /* `meson test` outside build-aux/headless-session: nothing to show on. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under build-aux/headless-session)\n");
      return 0;
    }

  cst_test_ui_init (&argc, &argv);

  if (expected == NULL)
    g_error ("CST_TEST_LANGUAGE is “%s”; this test knows zh_CN and zh_TW", language);

  /* What main.c does with CST_BUILD_TREE=1; cst_test_ui_init() chose C. */
  g_setenv ("LANGUAGE", expected->language, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/Cst/I18n/window/tabs", CstTestUi, NULL,
              cst_test_ui_setup, test_tabs, cst_test_ui_teardown);
  g_test_add ("/Cst/I18n/window/home-and-my", CstTestUi, NULL,
              cst_test_ui_setup, test_home_and_my, cst_test_ui_teardown);
  g_test_add ("/Cst/I18n/login-page", CstTestUi, NULL,
              cst_test_ui_setup, test_login_page, cst_test_ui_teardown);

  return g_test_run ();
}
