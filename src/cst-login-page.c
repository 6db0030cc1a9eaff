/* cst-login-page.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-login-page.h"

struct _CstLoginPage
{
  CstPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CstLoginPage, cst_login_page, CST_TYPE_PAGE)

static void
cst_login_page_class_init (CstLoginPageClass *klass)
{
}

static void
cst_login_page_init (CstLoginPage *self)
{
}
